//! The reading view of one document: its metadata with how each value is known, then its
//! passages, each with its anchor (the passage's stable ID) and a link to itself.
//!
//! Keyboard: the passages are one Tab stop; ArrowDown/ArrowUp (or j/k) move between them,
//! Home/End go to the first and last, and Enter opens the one in focus, which offers
//! citing and makes its actor links Tab stops.

use super::meta::{basis_marker, date_view, marked};
use super::state;
use crate::compiled::{corpus, search_index};
use crate::engine::citable::Citable;
use crate::engine::model::{Attested, Basis, Document};
use crate::engine::search::Segment;
use crate::engine::view::View;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What every passage of the open document reads: the document, where it is in the
/// corpus, whether this is the static record, the search's matches, the open passage, and
/// which passage is the Tab stop. `Copy`, so each passage's view takes its own.
#[derive(Clone, Copy)]
struct Reading {
    doc: &'static Document,
    doc_index: usize,
    static_record: bool,
    highlighted: Memo<Vec<Vec<Segment>>>,
    /// The open passage's key.
    focus: Memo<Option<String>>,
    /// The passage that takes the Tab stop: the open one, else the one last moved to.
    current: RwSignal<usize>,
}

#[component]
pub fn Reader(doc: &'static Document) -> impl IntoView {
    let s = state();
    let focus = s.passage;
    // In the static record every document is on one page: each gets its own title id,
    // and the ids the app's links name (`doc=…`, `doc=…&p=…`) so they work without it.
    let static_record = super::in_static_record();
    let title_id = if static_record {
        format!("title-{}", doc.id)
    } else {
        "doc-title".to_string()
    };
    let doc_index = corpus()
        .documents
        .iter()
        .position(|d| d.id == doc.id)
        .unwrap_or_default();
    // The search's matches, marked in every passage, from the plan the search already made.
    let highlighted = Memo::new(move |_| {
        s.prepared
            .with(|p| search_index().highlight_document(corpus(), doc_index, p))
    });
    let current = RwSignal::new(
        focus
            .get_untracked()
            .and_then(|key| doc.passages.iter().position(|p| p.key == key))
            .unwrap_or(0),
    );
    let r = Reading {
        doc,
        doc_index,
        static_record,
        highlighted,
        focus,
        current,
    };
    let container = NodeRef::<Div>::new();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if let Some(list) = container.get_untracked() {
            move_between_passages(r, &list, &ev);
        }
    };
    let labelled_by = title_id.clone();
    let passages = (0..doc.passages.len())
        .map(|i| {
            if doc.passages[i].heading {
                heading_view(r, i)
            } else {
                paragraph_view(r, i)
            }
        })
        .collect_view();
    view! {
        <article
            class="document"
            id=static_record.then(|| format!("doc={}", doc.id))
            aria-labelledby=labelled_by
        >
            <p class="back-links">
                <a class="back-link" href="#">"← All documents"</a>
            </p>
            <DocumentHeader doc=doc doc_index=doc_index title_id=title_id />
            <super::compare::ReadBeside doc=doc_index />
            <p class="key-hint reading-keys" hidden=static_record>
                "Tab to the text, then " <kbd>"↓"</kbd> " " <kbd>"↑"</kbd>
                " move between paragraphs; " <kbd>"Enter"</kbd> " opens one to cite it."
            </p>
            <div class="passages" node_ref=container on:keydown=on_keydown>
                {passages}
            </div>
        </article>
    }
}

/// The reading keys: ArrowDown/ArrowUp (or j/k) move between the passages in `list`,
/// Home/End go to the first and last, Enter opens the one in focus.
fn move_between_passages(r: Reading, list: &web_sys::Element, ev: &web_sys::KeyboardEvent) {
    let items = super::browser::elements_in(list, ":scope > .passage");
    let Some(at) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .and_then(|t| items.iter().position(|i| *i == t))
    else {
        return;
    };
    let next = match ev.key().as_str() {
        "ArrowDown" | "j" => (at + 1).min(items.len() - 1),
        "ArrowUp" | "k" => at.saturating_sub(1),
        "Home" => 0,
        "End" => items.len() - 1,
        "Enter" => {
            ev.prevent_default();
            let key = &r.doc.passages[at].key;
            state().push(|v| v.open_passage(&r.doc.id, key));
            return;
        }
        _ => return,
    };
    ev.prevent_default();
    r.current.set(next);
    let _ = items[next].focus();
}

/// What a passage's element takes, heading or paragraph: its link, the anchor's own id in
/// the static record (so `:target` marks it there), its element's id, and whether it is
/// the open passage.
struct PassageParts {
    href: String,
    target: Option<String>,
    id: String,
    focused: Memo<bool>,
}

fn parts(r: Reading, i: usize) -> PassageParts {
    let p = &r.doc.passages[i];
    let href = View::home().passage_link(&r.doc.id, &p.key);
    let key = p.key.as_str();
    let focus = r.focus;
    PassageParts {
        target: r.static_record.then(|| href[1..].to_string()),
        href,
        id: format!("p-{}", p.key),
        focused: Memo::new(move |_| focus.with(|f| f.as_deref() == Some(key))),
    }
}

fn heading_view(r: Reading, i: usize) -> AnyView {
    let p = &r.doc.passages[i];
    let PassageParts {
        href,
        target,
        id,
        focused,
    } = parts(r, i);
    let text = move || r.highlighted.with(|h| marked(&h[i]));
    view! {
        <h3
            class="passage passage-heading"
            id=id
            tabindex=move || if r.current.get() == i { "0" } else { "-1" }
            class:focused=focused
            on:focus=move |_| r.current.set(i)
        >
            <a class="anchor" href=href id=target tabindex="-1" aria-label=p.place_label()>
                "§"
            </a>
            " "
            <span class="passage-text">{text}</span>
        </h3>
    }
    .into_any()
}

fn paragraph_view(r: Reading, i: usize) -> AnyView {
    let s = state();
    let (doc, doc_index) = (r.doc, r.doc_index);
    let p = &doc.passages[i];
    let PassageParts {
        href,
        target,
        id,
        focused,
    } = parts(r, i);
    let text = move || r.highlighted.with(|h| marked(&h[i]));
    let key = p.key.as_str();
    let open = move || s.push(|v| v.open_passage(&doc.id, key));
    // A click on the words opens the passage and its citations, unless it selected text
    // or landed on a link or a button of its own.
    let on_click = move |ev: web_sys::MouseEvent| {
        let on_control = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a, button, textarea").ok().flatten())
            .is_some();
        let selecting = window()
            .get_selection()
            .ok()
            .flatten()
            .is_some_and(|sel| !sel.is_collapsed());
        if super::plain_click(&ev) && !on_control && !selecting && !focused.get_untracked() {
            open();
        }
    };
    view! {
        <p
            class="passage"
            id=id
            tabindex=move || if r.current.get() == i { "0" } else { "-1" }
            class:focused=focused
            on:focus=move |_| r.current.set(i)
            on:click=on_click
        >
            <a class="anchor" href=href id=target tabindex="-1" aria-label=p.place_label()>
                {p.number}
            </a>
            " "
            <span class="passage-text">{text}</span>
            {super::actors::involvement_line(p, Some(focused))}
            {super::disagreements::markers(
                corpus().disagreements_at((doc_index as u16, i as u16)),
                Some(focused),
            )}
            {(!r.static_record)
                .then(|| {
                    view! {
                        <super::cite::PassageTools
                            doc=doc_index
                            passage=i
                            on_cite=Callback::new(move |()| open())
                        />
                    }
                })}
        </p>
        // The open passage offers citing.
        {move || {
            focused
                .get()
                .then(|| {
                    view! {
                        <super::cite::CiteTools what=Citable::Passage {
                            doc: doc_index,
                            passage: i,
                        } />
                    }
                })
        }}
    }
    .into_any()
}

/// The document's kind, title and what is known of it (publisher, author, date,
/// paragraphs), each with how it is known.
#[component]
fn DocumentHeader(doc: &'static Document, doc_index: usize, title_id: String) -> impl IntoView {
    let writer = corpus()
        .actors
        .iter()
        .find(|actor| actor.wrote.contains(&(doc_index as u16)));
    view! {
        <header class="doc-header">
            <p class="kind">{corpus().kind_of(doc).label.as_str()}</p>
            <h2 id=title_id tabindex="-1">{doc.title.value.clone()}</h2>
            <dl class="doc-meta">
                <div>
                    <dt>"Publisher"</dt>
                    <dd>{doc.publisher.value.clone()} {basis_marker(&doc.publisher)}</dd>
                </div>
                {doc
                    .author
                    .as_ref()
                    .map(|a| {
                        // The author links to their page when the register knows them.
                        let name = match writer {
                            Some(actor) => {
                                view! { <a href=View::home().actor_link(&actor.id)>{a.value.clone()}</a> }
                                    .into_any()
                            }
                            None => a.value.clone().into_any(),
                        };
                        view! {
                            <div>
                                <dt>"Author"</dt>
                                <dd>{name} {basis_marker(a)}</dd>
                            </div>
                        }
                    })}
                <div>
                    <dt>"Date"</dt>
                    <dd>
                        {date_view(doc.date.value)}
                        " "
                        <span class="precision">{format!("({})", doc.date.value.precision())}</span>
                        {basis_marker(&doc.date)}
                    </dd>
                </div>
                <div>
                    <dt>"Paragraphs"</dt>
                    <dd>{doc.paragraph_count()}</dd>
                </div>
            </dl>
            // On paper, the document's citation (the static record prints as it is).
            {(!super::in_static_record())
                .then(|| {
                    let url = super::browser::view_url(&View::home().document_link(&doc.id));
                    let text = crate::engine::cite::document(
                        corpus(),
                        doc_index,
                        url.as_deref(),
                        crate::engine::cite::Format::Plain,
                    );
                    view! { <p class="print-only doc-citation">"Cite as: " {text}</p> }
                })}
            <Provenance doc=doc />
        </header>
    }
}

/// How each metadata value is known: stated, inferred (with the words it rests on) or
/// supplied by us, so every date and claim can be traced to the capture.
#[component]
fn Provenance(doc: &'static Document) -> impl IntoView {
    let mut rows = vec![
        ("Title", basis_of(&doc.title)),
        ("Publisher", basis_of(&doc.publisher)),
    ];
    if let Some(a) = &doc.author {
        rows.push(("Author", basis_of(a)));
    }
    rows.push(("Date", basis_of(&doc.date)));
    let items = rows
        .into_iter()
        .map(|(field, (basis, evidence, note))| {
            let quotes = evidence
                .into_iter()
                .map(|q| view! { <li><q>{q}</q></li> })
                .collect_view();
            view! {
                <li>
                    <strong>{field}</strong>
                    {format!(": {basis}.")}
                    {note.map(|n| view! { " " <span>{n}</span> })}
                    <ul class="evidence">{quotes}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="provenance">
            <summary>"How these details are known"</summary>
            <ul>{items}</ul>
            <p class="source-file">"Checked word for word against a saved copy of the original page."</p>
        </details>
    }
}

fn basis_of<T>(a: &Attested<T>) -> (&'static str, Vec<String>, Option<String>) {
    let basis = match (a.basis, a.evidence.is_empty()) {
        (Basis::Stated, true) => "stated in the original",
        (Basis::Stated, false) => "stated in the original, in these words",
        (Basis::Inferred, _) => "inferred from these words of the original",
        (Basis::Supplied, _) => "supplied by SIM Explorer; the original does not state it",
    };
    (basis, a.evidence.clone(), a.note.clone())
}
