//! The search box, the line that says what is applied, and the results. Typing updates the
//! results on every keystroke and rewrites the URL in place, so a search can be shared
//! without flooding Back with one entry per letter.
//!
//! Keyboard: `/` focuses the box, ArrowDown moves into the results, arrows move between
//! them, Enter opens one (from the box: the first), Escape clears the search.

use super::actors::involvement_line;
use super::meta::{date_view, marked};
use super::{browser, state, State};
use crate::compiled::{corpus, search_index};
use crate::engine::citable::Citable;
use crate::engine::date::DateSpec;
use crate::engine::filter::Role;
use crate::engine::model::Passage;
use crate::engine::search::{replace_word, ResultItem};
use crate::engine::select::{rows_first, Selection};
use crate::engine::timeline::RangeRule;
use crate::engine::view::{Panel, View};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Opens a result as its link would.
fn open(s: State, item: &ResultItem) {
    let doc = &corpus().documents[item.doc];
    let key = &doc.passages[item.passage].key;
    s.last_opened
        .set(Some(search_index().position(item.doc, item.passage)));
    s.push(|v| v.open_passage(&doc.id, key));
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let s = state();
    // The text typed but not yet searched. Searching waits for the letter to be painted,
    // and a person typing faster than the page searches skips the searches in between.
    // (Searching in the letter's own frame when the last search was quick was tried: under
    // load it held the letter back and brought the results no sooner; BENCHMARKS.md.)
    let typed = RwSignal::new(None::<String>);
    let on_input = move |ev: web_sys::Event| {
        let waiting = typed.with_untracked(Option::is_some);
        typed.set(Some(event_target_value(&ev)));
        if !waiting {
            let moves = browser::url_moves();
            browser::after_next_paint(move || {
                let text = typed.try_update(Option::take).flatten();
                // Back or a followed link in between: the letters stay with the view left.
                if let Some(text) = text.filter(|_| browser::url_moves() == moves) {
                    s.type_query(text);
                }
            });
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            typed.set(None);
            s.type_query(String::new());
        }
        "ArrowDown" => {
            if let Some(first) = s.result_links().first() {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        // Opens the first result, and only a result: on any other panel Enter does nothing.
        "Enter" if s.panel.get_untracked() == Panel::Results => {
            // The results of every letter typed so far.
            if let Some(text) = typed.try_update(Option::take).flatten() {
                s.type_query(text);
            }
            let first = s.selection.with_untracked(|sel| sel.items.first().cloned());
            if let Some(item) = first {
                ev.prevent_default();
                open(s, &item);
            }
        }
        _ => {}
    };
    // While reading, the document's title stays in view under the box, with the way back.
    let reading = move || {
        let d = s.doc.get()?;
        (s.panel.get() == Panel::Document).then_some(d)
    };
    let back = move || {
        let view = s.view();
        let to = view.back_to_results();
        let label = if to.selects() {
            "← Results"
        } else {
            "← All documents"
        };
        (to.to_url(), label)
    };
    view! {
        <search class="search-bar" class:reading=move || reading().is_some()>
            <label for="search-input" class="search-label">"Search the record"</label>
            <input
                id="search-input"
                class="search-input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                placeholder="Search the record"
                aria-keyshortcuts="/"
                aria-describedby="search-hint"
                node_ref=s.search_input
                prop:value=move || s.query.get()
                on:input=on_input
                on:keydown=on_keydown
            />
            {move || {
                reading()
                    .map(|d| {
                        let (href, label) = back();
                        view! {
                            <p class="reading-now">
                                <a class="back-link results-link" href=href>{label}</a>
                                <span class="reading-title" aria-hidden="true">
                                    {corpus().documents[d].title.value.clone()}
                                </span>
                                {super::collection::bar_link()}
                            </p>
                        }
                    })
            }}
            // On a phone the hint shows only while the box has focus (see the stylesheet).
            <p id="search-hint" class="search-hint">
                "Any form of a word (“warned” finds “warnings”), parts of words, or \
                 “exact phrases”, matched as typed; spelling mistakes are forgiven."
                <span class="key-hint">
                    " " <kbd>"/"</kbd> " to search, " <kbd>"Esc"</kbd> " to clear."
                </span>
            </p>
        </search>
    }
}

/// What is applied, in one line of removable chips: the search, each chosen actor with its
/// role, "every chosen actor" when so, and the dates.
#[component]
pub fn ActiveView() -> impl IntoView {
    let s = state();
    // The search's chip is drawn when a search begins and its words follow the typing: the
    // same button, its text changed in place.
    let searching = Memo::new(move |_| s.view().searches());
    let query = move || {
        searching.get().then(|| {
            let words = move || s.query.with(|q| format!("Search: “{}”", q.trim()));
            chip(s, words, |v, _| v.without_query(), String::new())
        })
    };
    let actors = move || {
        let f = s.filter.get();
        let role = match f.role {
            Role::Either => "involves",
            Role::Said => "said by",
            Role::Reported => "position reported",
            Role::Mentioned => "named",
        };
        let mut chips: Vec<AnyView> = f
            .actors
            .iter()
            .map(|&a| {
                let actor = &corpus().actors[usize::from(a)];
                chip(
                    s,
                    format!("{}: {}", capitalise(role), actor.name),
                    |v, id| v.drop_actor(id),
                    actor.id.clone(),
                )
                .into_any()
            })
            .collect();
        if f.all && f.actors.len() > 1 {
            chips.push(
                chip(
                    s,
                    "Every chosen actor".to_string(),
                    |v, _| v.match_any(),
                    String::new(),
                )
                .into_any(),
            );
        }
        chips
    };
    let dates = move || {
        let r = s.range.get();
        (!r.is_empty()).then(|| {
            let words = match (r.from, r.to) {
                (Some(a), Some(b)) => format!("{} to {}", DateSpec::On(a), DateSpec::On(b)),
                (Some(a), None) => format!("from {}", DateSpec::On(a)),
                (None, Some(b)) => format!("up to {}", DateSpec::On(b)),
                (None, None) => String::new(),
            };
            let rule = match r.rule {
                RangeRule::Stated => "passages stating an event then",
                RangeRule::Published => "documents published then",
            };
            chip(
                s,
                format!("Dates: {words}, {rule}"),
                |v, _| v.without_range(),
                String::new(),
            )
        })
    };
    let several = move || {
        let v = s.view();
        usize::from(v.searches()) + v.actors.len() + usize::from(v.has_range()) > 1
    };
    view! {
        <div class="active-view">
            <ul class="chips" aria-label="Applied to the passages">
                {query}
                {actors}
                {dates}
            </ul>
            <button
                type="button"
                class="clear-all"
                hidden=move || !several()
                on:click=move |_| s.push(|v| v.without_query().without_actors().without_range())
            >
                "Clear all"
            </button>
        </div>
    }
}

/// A removable chip. The button's name is "Remove" and what it shows, so speech input finds
/// it by the words on screen.
fn chip(
    s: State,
    label: impl IntoView + 'static,
    to: fn(&View, &str) -> View,
    arg: String,
) -> impl IntoView {
    view! {
        <li>
            <button type="button" class="chip" on:click=move |_| s.push(|v| to(v, &arg))>
                <span class="visually-hidden">"Remove "</span>
                {label}
                <span aria-hidden="true">" ×"</span>
            </button>
        </li>
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Arrow keys, Home and End move between result links; Escape clears and returns to the box.
fn on_results_keydown(s: State, ev: web_sys::KeyboardEvent) {
    let links = s.result_links();
    let active = document().active_element();
    let at = links.iter().position(|l| {
        active
            .as_ref()
            .is_some_and(|a| a == l.unchecked_ref::<web_sys::Element>())
    });
    let next = match (ev.key().as_str(), at) {
        ("ArrowDown", Some(i)) => Some((i + 1).min(links.len().saturating_sub(1))),
        ("ArrowUp", Some(0)) => {
            ev.prevent_default();
            s.focus_search_box();
            return;
        }
        ("ArrowUp", Some(i)) => Some(i - 1),
        ("Home", Some(_)) => Some(0),
        ("End", Some(_)) => Some(links.len().saturating_sub(1)),
        ("Escape", _) => {
            ev.prevent_default();
            s.type_query(String::new());
            s.focus_search_box();
            return;
        }
        _ => None,
    };
    if let Some(i) = next {
        ev.prevent_default();
        let _ = links[i].focus();
    }
}

/// Why a result was found by a name: the passage names the actor in another form, gives
/// its words, or reports its position (the involvement the build recorded).
fn found_by_name(passage: &Passage, actor: u16) -> String {
    let name = &corpus().actors[usize::from(actor)].name;
    let x = passage.actors.iter().find(|x| x.actor == actor);
    match x {
        Some(x) if x.mentioned => format!("Found by name: names {name} in another form."),
        Some(x) if x.said || x.wrote => format!("Found by name: {name}’s own words."),
        _ => format!("Found by name: reports {name}’s position."),
    }
}

/// A result's tools, always in place (nothing appears on hover, so nothing jumps): "Cite",
/// which opens the passage's citations below it, and "Add to collection".
fn result_tools(doc: usize, passage: usize) -> impl IntoView {
    let citing = RwSignal::new(false);
    let what = Citable::Passage { doc, passage };
    let label = corpus().documents[doc].passages[passage].place_label();
    view! {
        <div class="result-tools" role="group" aria-label=format!("Result: {label}")>
            <button
                type="button"
                aria-expanded=move || if citing.get() { "true" } else { "false" }
                on:click=move |_| citing.update(|c| *c = !*c)
            >
                "Cite"
            </button>
            <super::collection::AddButton what=what.to_ref(corpus()) />
        </div>
        {move || citing.get().then(|| view! { <super::cite::CiteTools what=what /> })}
    }
}

/// A part of the hit at `at` (document, passage) in the selection, as a memo: it changes,
/// and what shows it redraws, only when that part does. A row being removed keeps its last.
fn hit_part<T>(sel: Memo<Selection>, at: (usize, usize), part: fn(&ResultItem) -> T) -> Memo<T>
where
    T: Clone + Default + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |last: Option<&T>| {
        sel.with(|o| o.items.iter().find(|i| (i.doc, i.passage) == at).map(part))
            .or_else(|| last.cloned())
            .unwrap_or_default()
    })
}

/// One result: its snippet as a link to the passage, where it is, who is in it, and its
/// tools. Built once per hit: while it stays in the results only its snippet (the marks
/// follow the words typed) and why it was found by name change.
fn result_row(sel: Memo<Selection>, (doc_at, passage_at): (usize, usize)) -> impl IntoView {
    let doc = &corpus().documents[doc_at];
    let passage = &doc.passages[passage_at];
    let position = search_index().position(doc_at, passage_at);
    let snippet = hit_part(sel, (doc_at, passage_at), |i| i.snippet.clone());
    let by_name = hit_part(sel, (doc_at, passage_at), |i| i.by_name);
    view! {
        <li class="result">
            <a
                class="result-link"
                id=format!("result-{position}")
                data-position=position
                href=View::home().passage_link(&doc.id, &passage.key)
            >
                // A changed snippet is built apart and put in whole, in place of the old.
                <For
                    each=move || [snippet.get()]
                    key=|x| x.clone()
                    children=|x| view! { <span class="snippet">{marked(&x)}</span> }
                />
            </a>
            <p class="result-meta">
                <span class="result-title">{doc.title.value.clone()}</span>
                " · "
                {date_view(doc.date.value)}
                " · "
                <span>{passage.place()}</span>
            </p>
            {move || {
                by_name
                    .get()
                    .map(|a| view! { <p class="found-by-name">{found_by_name(passage, a)}</p> })
            }}
            {involvement_line(passage, None)}
            {result_tools(doc_at, passage_at)}
        </li>
    }
}

/// A heading the search matches: an event or a disagreement, by index.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Heading {
    Event(usize),
    Disagreement(usize),
}

fn heading_row(h: Heading) -> impl IntoView {
    let c = corpus();
    match h {
        Heading::Event(i) => {
            let e = &c.events[i];
            view! {
                <li>
                    <span class="heading-kind">"Event · "</span>
                    {date_view(e.date)}
                    " — "
                    <a href=View::home().event_link(&e.id)>{e.title.clone()}</a>
                    {e.disputed().then_some(" (the sources disagree)")}
                </li>
            }
            .into_any()
        }
        Heading::Disagreement(i) => {
            let d = &c.disagreements[i];
            view! {
                <li>
                    <span class="heading-kind">"Where the sources disagree · "</span>
                    <a href=View::home().disagreement_link(&d.id)>{d.question.clone()}</a>
                </li>
            }
            .into_any()
        }
    }
}

/// Events and disagreements whose headings the search matches, above the passages: a
/// search for "first piloted" leads to the dated event and where the sources disagree.
/// Keyed, like the results: a heading that stays keeps its item.
fn headings(sel: Memo<Selection>) -> impl IntoView {
    let list = Memo::new(move |_| {
        sel.with(|o| {
            let events = o.events.iter().map(|&i| Heading::Event(i));
            let disagreements = o.disagreements.iter().map(|&i| Heading::Disagreement(i));
            events.chain(disagreements).collect::<Vec<_>>()
        })
    });
    // The list is drawn when headings first match and left to `For` while some do.
    let any = Memo::new(move |_| list.with(|l| !l.is_empty()));
    move || {
        any.get().then(|| {
            view! {
                <ul class="heading-results" aria-label="Events and disagreements">
                    <For each=move || list.get() key=|h| *h children=heading_row />
                </ul>
            }
        })
    }
}

/// The hits given rows: all of them, except that when typing brings new rows beyond what
/// reaches the screen's bottom, those wait until the frame showing the results is painted
/// and typing pauses (a quarter of a second at most). What can be seen is always right, rows
/// already drawn keep their nodes, and the rest follow below it: the first letter of a
/// search, which replaces every row, builds what can be seen before it paints, not twenty
/// rows. Any other change (a link, Back, the filter, "Show more") draws every row at once:
/// focus may be returning to a row far down. Used once per results panel.
fn rows_to_draw(s: State, hits: Memo<Vec<(usize, usize)>>) -> Memo<Vec<(usize, usize)>> {
    // The hits the rows were last drawn for, and the signal, once typing pauses after they
    // came, to draw every row for them.
    let drawn_for = StoredValue::new(Vec::new());
    let rest = Trigger::new();
    Memo::new(move |before: Option<&Vec<(usize, usize)>>| {
        rest.track();
        hits.with(|hits| {
            let whole = !s.typed.get_value() || drawn_for.with_value(|d| d == hits);
            drawn_for.set_value(hits.clone());
            if whole {
                return hits.clone();
            }
            let now = rows_first(
                hits,
                before.map_or(&[], |b| b.as_slice()),
                rows_on_screen(s.results_list.get_untracked()),
            );
            if now.len() < hits.len() {
                // When typing pauses: a letter typed meanwhile is searched first, and these
                // rows, likely gone by then, are not built in its way. A trigger gone with
                // the results panel does nothing.
                browser::when_idle(move || rest.notify(), 250);
            }
            now
        })
    })
}

/// How many result rows can reach the screen's bottom at most: the shortest row is about
/// 130 px tall, and the list starts where it stands now (its rows are what change; above
/// the screen when scrolled down it), else no higher than the page's top. Reading where it
/// stands lays the page out if a change is waiting, as reading the scroll position did: no
/// more work than before, and half the rows a first letter built at 1280 x 900 (the list
/// starts about 450 px down).
fn rows_on_screen(list: Option<web_sys::HtmlOListElement>) -> usize {
    let w = window();
    let height = w
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(900.0);
    let top = match list.filter(|l| l.is_connected()) {
        // Above the screen's top when scrolled down the list: every row from its start.
        Some(list) => list.get_bounding_client_rect().top(),
        None => -w.scroll_y().unwrap_or(0.0).max(0.0),
    };
    ((height - top).max(0.0) / 130.0).ceil() as usize + 1
}

#[component]
pub fn SearchResults() -> impl IntoView {
    let s = state();
    let sel = s.selection;
    let searched = Memo::new(move |_| sel.with(|x| x.searched));
    let hits = Memo::new(move |_| {
        sel.with(|o| {
            o.items
                .iter()
                .map(|i| (i.doc, i.passage))
                .collect::<Vec<_>>()
        })
    });
    let rows = rows_to_draw(s, hits);
    let count_text = move || {
        sel.with(|o| {
            let n = o.total;
            let passages = if n == 1 { "passage" } else { "passages" };
            if o.searched {
                return match n {
                    0 => "No passages match.".to_string(),
                    1 => "1 passage matches.".to_string(),
                    n => format!("{n} passages match."),
                };
            }
            let actors = s.filter.with(|f| !f.is_empty());
            let dates = s.range.with(|r| !r.is_empty());
            let verb = if n == 1 { "involves" } else { "involve" };
            match (actors, dates) {
                (true, false) => format!("{n} {passages} {verb} the chosen actors."),
                (true, true) => {
                    format!("{n} {passages} {verb} the chosen actors in the chosen dates.")
                }
                (false, true) => {
                    let how = match s.range.with(|r| r.rule) {
                        RangeRule::Stated => "state an event in the chosen dates",
                        RangeRule::Published => "come from documents published in the chosen dates",
                    };
                    let how = if n == 1 {
                        how.replacen("state ", "states ", 1)
                            .replacen("come ", "comes ", 1)
                    } else {
                        how.to_string()
                    };
                    format!("{n} {passages} {how}.")
                }
                (false, false) => "Your search holds no word to look for.".to_string(),
            }
        })
    };

    // Redrawn only when the words offered change, not on every letter that finds nothing.
    let offered = Memo::new(move |_| {
        sel.with(|o| {
            if o.total == 0 {
                o.suggestions.clone()
            } else {
                Vec::new()
            }
        })
    });
    let suggestions = move || {
        offered.with(|offered| {
            (!offered.is_empty()).then(|| {
                let buttons = offered
                    .iter()
                    .map(|x| {
                        let (word, replacement) = (x.word.clone(), x.replacement.clone());
                        let label = replacement.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="suggestion"
                                    on:click=move |_| {
                                        let text = s.query.get_untracked();
                                        s.type_query(replace_word(&text, &word, &replacement));
                                        s.focus_search_box();
                                    }
                                >
                                    {label}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="suggestions">
                        <p id="suggestions-label">"Closest words in the record:"</p>
                        <ul aria-labelledby="suggestions-label">{buttons}</ul>
                    </div>
                }
            })
        })
    };

    view! {
        <section class="results-section" aria-labelledby="results-heading">
            <h2 id="results-heading" tabindex="-1">
                {move || if searched.get() { "Search results" } else { "Passages" }}
            </h2>
            <ActiveView />
            // Shown and hidden rather than mounted: less code in the page than <Show>.
            <p class="notice" role="note" hidden=move || sel.with(|o| !o.truncated)>
                {super::state::cut_notice()}
            </p>
            <p class="result-count" role="status">{count_text}</p>
            <p class="partial-note" hidden=move || sel.with(|o| o.total == 0 || o.all_clauses)>
                "No passage holds every word you typed; these hold some of them."
            </p>
            {suggestions}
            {headings(sel)}
            <ol
                class="results"
                aria-label=move || if searched.get() { "Search results" } else { "Passages" }
                node_ref=s.results_list
                // Busy while rows past the screen wait (`rows_to_draw`): the list is not yet
                // whole, for assistive technology and for anything that reads every row.
                aria-busy=move || {
                    (rows.with(|r| r.len()) < hits.with(|h| h.len())).then_some("true")
                }
                on:keydown=move |ev| on_results_keydown(s, ev)
            >
                // Keyed by the passage: a hit that stays between two keystrokes keeps its
                // nodes (see `result_row`); the same hits in the same order touch no row.
                <For each=move || rows.get() key=|at| *at children=move |at| result_row(sel, at) />
            </ol>
            <button
                type="button"
                class="more"
                hidden=move || sel.with(|o| o.total <= o.items.len())
                on:click=move |_| s.show_more()
            >
                {move || {
                    sel.with(|o| format!("Show more ({} of {} shown)", o.items.len(), o.total))
                }}
            </button>
        </section>
    }
}
