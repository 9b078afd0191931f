//! Two accounts side by side (`#cmp=A,B`): the two documents in columns, each in its own
//! order, their aligned passages on one row under the reason they align (computed at build
//! time: `engine::compare`). On a phone one column at a time, with a switch, and the other
//! account's passage a tap away. Also "Read beside another account", the picker a document
//! offers, and the static record's links for where the app is not running.

use super::meta::date_view;
use crate::compiled::corpus;
use crate::engine::citable::Citable;
use crate::engine::compare::{Row, Stretch};
use crate::engine::model::Document;
use crate::engine::view::View;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Which column a phone shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

impl Side {
    fn class(self) -> &'static str {
        match self {
            Side::Left => "cmp-left",
            Side::Right => "cmp-right",
        }
    }
}

/// "Read beside another account": from a document, the others, each a link to the two
/// side by side with how many of their passages align.
#[component]
pub fn ReadBeside(doc: usize) -> impl IntoView {
    let c = corpus();
    let id = &c.documents[doc].id;
    let others = (0..c.documents.len())
        .filter(|&o| o != doc)
        .map(|o| {
            let other = &c.documents[o];
            let n = c.aligned(doc, o).len();
            view! {
                <li>
                    <a href=View::home().compare_link(id, &other.id)>{other.title.value.clone()}</a>
                    {format!(" ({}, {})", other.date.value, aligned_words(n))}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="read-beside">
            <summary>"Read beside another account"</summary>
            <ul>{others}</ul>
        </details>
    }
}

fn aligned_words(n: usize) -> String {
    format!("{} aligned", passages(n))
}

fn passages(n: usize) -> String {
    match n {
        1 => "1 passage".to_string(),
        n => format!("{n} passages"),
    }
}

/// The two documents side by side.
#[component]
pub fn ComparePage(left: usize, right: usize) -> impl IntoView {
    let c = corpus();
    let (a, b) = (&c.documents[left], &c.documents[right]);
    let shown = RwSignal::new(Side::Left);
    let rows = c.aligned(left, right).len();
    let elsewhere = c.elsewhere(left, right);
    let cols = (
        Column {
            doc: left,
            other: right,
            side: Side::Left,
        },
        Column {
            doc: right,
            other: left,
            side: Side::Right,
        },
    );
    let stretches = c
        .side_by_side(left, right)
        .into_iter()
        .map(|stretch| match stretch {
            Stretch::Unmatched { left: l, right: r } => {
                let column = |col: Column, range: std::ops::Range<usize>| {
                    let passages = range
                        .map(|i| passage(col, i, None, shown, &elsewhere))
                        .collect_view();
                    view! { <div class=format!("cmp-cell {}", col.side.class())>{passages}</div> }
                };
                view! {
                    {column(cols.0, l)}
                    {column(cols.1, r)}
                }
                .into_any()
            }
            Stretch::Aligned(row) => aligned_row(cols, row, shown, &elsewhere),
        })
        .collect_view();
    // Short enough for two buttons on a phone: the kind and the date tell them apart.
    let switch = move |side: Side, doc: &'static Document| {
        let label = format!("{}, {}", c.kind_of(doc).label, doc.date.value);
        view! {
            <button
                type="button"
                aria-pressed=move || (shown.get() == side).to_string()
                on:click=move |_| shown.set(side)
                title=doc.title.value.clone()
            >
                {label}
            </button>
        }
    };
    view! {
        <article class="compare" aria-labelledby="compare-heading">
            <p class="back-links">
                <a class="back-link" href=View::home().document_link(&a.id)>
                    "← Back to the document"
                </a>
            </p>
            <h2 id="compare-heading" tabindex="-1">"Two accounts side by side"</h2>
            <p class="compare-summary">
                {format!(
                    "{} of each account tell the same thing as the other's; each row says \
                     why. Passages told by one account only stay in their place between the rows.",
                    passages(rows),
                )}
            </p>
            <div class="compare-switch" role="group" aria-label="Account shown">
                {switch(Side::Left, a)}
                {switch(Side::Right, b)}
            </div>
            <div
                class="compare-grid"
                class:show-right=move || shown.get() == Side::Right
            >
                {heading(left, Side::Left)}
                {heading(right, Side::Right)}
                {stretches}
            </div>
        </article>
    }
}

/// A column's head: the kind, title and date of its document, a link to read it alone.
fn heading(doc: usize, side: Side) -> impl IntoView {
    let c = corpus();
    let d = &c.documents[doc];
    view! {
        <header class=format!("cmp-head {}", side.class())>
            <p class="kind">{c.kind_of(d).label.as_str()} " · " {date_view(d.date.value)}</p>
            <h3>
                <a href=View::home().document_link(&d.id)>{d.title.value.clone()}</a>
            </h3>
        </header>
    }
}

/// An aligned row: the reasons above both passages, a disagreement one step away, the
/// two passages, and the pair's citations.
fn aligned_row(
    cols: (Column, Column),
    row: Row<'static>,
    shown: RwSignal<Side>,
    elsewhere: &[Row<'static>],
) -> AnyView {
    let c = corpus();
    let (left, right) = (cols.0.doc, cols.1.doc);
    let reasons = row
        .reasons
        .iter()
        .map(|r| {
            let link = r.disagreement().map(|d| {
                view! {
                    " "
                    <a href=View::home().disagreement_link(&c.disagreements[d].id)>
                        "See where they differ"
                    </a>
                }
            });
            view! { <li>{r.describe(c)} {link}</li> }
        })
        .collect_view();
    let cite = move |doc: usize, passage: usize| {
        view! {
            <section class="cmp-cite-one" aria-label=c.documents[doc].title.value.clone()>
                <super::cite::CiteTools what=Citable::Passage { doc, passage } />
            </section>
        }
    };
    view! {
        <div class="cmp-reason">
            <ul>{reasons}</ul>
        </div>
        <div class="cmp-cell cmp-left cmp-aligned">
            {passage(cols.0, row.left, Some(row.right), shown, elsewhere)}
        </div>
        <div class="cmp-cell cmp-right cmp-aligned">
            {passage(cols.1, row.right, Some(row.left), shown, elsewhere)}
        </div>
        <details class="cmp-cite">
            <summary>"Cite or collect this pair"</summary>
            {cite(left, row.left)}
            {cite(right, row.right)}
        </details>
    }
    .into_any()
}

/// A column: its document, the document beside it, and which side it stands on.
#[derive(Clone, Copy)]
struct Column {
    doc: usize,
    other: usize,
    side: Side,
}

impl Column {
    fn facing(self) -> Side {
        match self.side {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }

    /// This column's passage in `row`, and the other column's.
    fn ends(self, row: &Row) -> (usize, usize) {
        match self.side {
            Side::Left => (row.left, row.right),
            Side::Right => (row.right, row.left),
        }
    }
}

/// One passage in its column: its number (a link to it in its document), its words, and
/// the other account's passage beside it (`beside`, on an aligned row: a phone switches
/// columns to it). A passage whose partner crosses the rows (`elsewhere`) links to it.
fn passage(
    col: Column,
    i: usize,
    beside: Option<usize>,
    shown: RwSignal<Side>,
    elsewhere: &[Row<'static>],
) -> AnyView {
    let c = corpus();
    let (d, o) = (&c.documents[col.doc], &c.documents[col.other]);
    let p = &d.passages[i];
    let href = View::home().passage_link(&d.id, &p.key);
    let across = elsewhere
        .iter()
        .filter(|r| col.ends(r).0 == i)
        .map(|r| {
            let q = &o.passages[col.ends(r).1];
            view! {
                <li>
                    <button type="button" class="cmp-go" on:click=go_to(&q.key, shown, col.facing())>
                        {format!("Also told in the other account, {}", q.place())}
                    </button>
                    {format!(": {}", r.reasons[0].describe(c))}
                </li>
            }
        })
        .collect_view();
    let beside = beside.map(|j| {
        let q = &o.passages[j];
        view! {
            <button
                type="button"
                class="cmp-beside"
                on:click=go_to(&q.key, shown, col.facing())
            >
                {format!("Beside it in the other account: {}", q.place())}
            </button>
        }
    });
    view! {
        <div class="cmp-passage" class:cmp-heading=p.heading id=format!("c-{}", p.key)>
            <a class="anchor" href=href aria-label=p.place_label()>
                {p.number}
            </a>
            " "
            <span class="passage-text">{p.text.clone()}</span>
            {beside}
            <ul class="cmp-across">{across}</ul>
        </div>
    }
    .into_any()
}

/// A click that shows the other column where a phone shows one, then brings the passage
/// `key` into view and focus. Found from the clicked button's own comparison, not the page.
fn go_to(key: &str, shown: RwSignal<Side>, side: Side) -> impl Fn(web_sys::MouseEvent) {
    let id = format!("c-{key}");
    move |ev: web_sys::MouseEvent| {
        shown.set(side);
        let grid = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".compare-grid").ok().flatten());
        let id = id.clone();
        request_animation_frame(move || {
            let Some(target) = grid
                .and_then(|g| g.query_selector(&format!("[id='{id}']")).ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                return;
            };
            target.set_tab_index(-1);
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            target.scroll_into_view_with_scroll_into_view_options(&options);
            let _ = target.focus();
        });
    }
}

/// Where the app is not running: each pair of documents as two links, under the id the
/// app's link names (`cmp=A,B`), so that link lands here.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn StaticComparisons() -> impl IntoView {
    let c = corpus();
    let n = c.documents.len();
    let items = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .map(|(a, b)| {
            let (da, db) = (&c.documents[a], &c.documents[b]);
            view! {
                <li id=View::home().compare_link(&da.id, &db.id)[1..].to_string()>
                    <a href=View::home().document_link(&da.id)>{da.title.value.clone()}</a>
                    " beside "
                    <a href=View::home().document_link(&db.id)>{db.title.value.clone()}</a>
                    {format!(" ({})", aligned_words(c.aligned(a, b).len()))}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="static-comparisons" aria-labelledby="comparisons-heading">
            <h2 id="comparisons-heading">"Two accounts side by side"</h2>
            <ul>{items}</ul>
        </section>
    }
}

super::deferred::deferred_part! {
    /// The two accounts the URL names (`#cmp=`), side by side, as the page shows them: in
    /// a split build, their code is in the pages' chunk, fetched when the first of them
    /// opens.
    pub fn compare_page in pages, "the two accounts" =>
        move || {
            crate::app::state()
                .compare
                .get()
                .map(|(left, right)| view! { <ComparePage left=left right=right /> })
        }
}
