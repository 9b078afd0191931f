//! The search box and the search results. Typing updates the results on every keystroke
//! (the engine answers well within a frame) and rewrites the URL in place, so a search can be
//! shared without flooding Back with one entry per letter.
//!
//! Keyboard: `/` focuses the box, ArrowDown moves into the results, arrows move between
//! them, Enter opens one (from the box: the first), Escape clears the search.

use super::meta::{date_view, marked};
use super::Route;
use crate::compiled::{corpus, search_index};
use crate::engine::search::{replace_word, MAX_QUERY_CHARS};
use crate::engine::view::View;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Results shown at first, and added by "Show more".
const PAGE: usize = 50;

pub const INPUT_ID: &str = "search-input";

fn focus_element(selector: &str) -> bool {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|e| e.focus().is_ok())
        .unwrap_or(false)
}

fn result_links() -> Vec<web_sys::HtmlElement> {
    let Ok(list) = document().query_selector_all(".result-link") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// What the page says when it cuts a search to `MAX_QUERY_CHARS`.
pub fn cut_notice() -> String {
    format!("Your search was cut to its first {MAX_QUERY_CHARS} characters.")
}

/// Sets the search text: shows the results (closing any open document) and rewrites the
/// URL in place. Text beyond the query limit is cut here, with a notice, so a huge paste
/// never reaches the URL or the engine.
pub fn set_query(route: Route, mut text: String) {
    let mut notice = None;
    if let Some((cut, _)) = text.char_indices().nth(MAX_QUERY_CHARS) {
        text.truncate(cut);
        notice = Some(cut_notice());
    }
    // The actor filter stays; an open document or actor page gives way to the results.
    let view = route.with_untracked(|(v, _)| View {
        query: text,
        actors: v.actors.clone(),
        match_all: v.match_all,
        role: v.role,
        ..View::default()
    });
    super::replace_url(&view.to_url());
    route.set((view, notice));
}

#[component]
pub fn SearchBox(route: Route) -> impl IntoView {
    let query = move || route.with(|(v, _)| v.query.clone());
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            set_query(route, String::new());
        }
        "ArrowDown" if focus_element(".result-link") => ev.prevent_default(),
        "Enter" => {
            if let Some(first) = result_links().first() {
                ev.prevent_default();
                first.click();
            }
        }
        _ => {}
    };
    view! {
        <search class="search-bar">
            <label for=INPUT_ID class="search-label">"Search the record"</label>
            <input
                id=INPUT_ID
                class="search-input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                aria-keyshortcuts="/"
                aria-describedby="search-hint"
                prop:value=query
                on:input=move |ev| set_query(route, event_target_value(&ev))
                on:keydown=on_keydown
            />
            <p id="search-hint" class="search-hint">
                "Words, parts of words or “exact phrases”; spelling mistakes are forgiven."
                <span class="key-hint">
                    " " <kbd>"/"</kbd> " to search, " <kbd>"Esc"</kbd> " to clear."
                </span>
            </p>
        </search>
    }
}

/// Arrow keys, Home and End move between result links; Escape clears and returns to the box.
fn on_results_keydown(route: Route, ev: web_sys::KeyboardEvent) {
    let links = result_links();
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
            focus_element(&format!("#{INPUT_ID}"));
            return;
        }
        ("ArrowUp", Some(i)) => Some(i - 1),
        ("Home", Some(_)) => Some(0),
        ("End", Some(_)) => Some(links.len().saturating_sub(1)),
        ("Escape", _) => {
            ev.prevent_default();
            set_query(route, String::new());
            focus_element(&format!("#{INPUT_ID}"));
            return;
        }
        _ => None,
    };
    if let Some(i) = next {
        ev.prevent_default();
        let _ = links[i].focus();
    }
}

#[component]
pub fn SearchResults(route: Route) -> impl IntoView {
    let query = Memo::new(move |_| route.with(|(v, _)| v.query.clone()));
    let filter = Memo::new(move |_| route.with(|(v, _)| super::actors::filter_of(v)));
    // How many results to show, for the query it was raised for: a new query starts from
    // the first page again.
    let shown = RwSignal::new((String::new(), PAGE));
    let limit =
        move || shown.with(|(for_query, n)| query.with(|q| if q == for_query { *n } else { PAGE }));
    let outcome = Memo::new(move |_| {
        let q = query.get();
        let range = route.with(|(v, _)| v.range());
        let allow = filter.with(|f| match (f.is_empty(), range.is_empty()) {
            (true, true) => None,
            (false, true) => Some(f.mask(corpus())),
            (true, false) => Some(range.mask(corpus())),
            (false, false) => Some(
                f.mask(corpus())
                    .into_iter()
                    .zip(range.mask(corpus()))
                    .map(|(a, b)| a && b)
                    .collect(),
            ),
        });
        search_index().run(corpus(), &q, limit(), allow.as_deref())
    });

    let count_text = move || {
        outcome.with(|o| match (o.empty, o.total) {
            (true, n) if filter.with(|f| !f.is_empty()) => match n {
                1 => "1 passage involves the chosen actors.".to_string(),
                n => format!("{n} passages involve the chosen actors."),
            },
            (true, n) => match n {
                1 => "1 passage in the chosen dates.".to_string(),
                n => format!("{n} passages in the chosen dates."),
            },
            (false, 0) => "No passages match.".to_string(),
            (false, 1) => "1 passage matches.".to_string(),
            (false, n) => format!("{n} passages match."),
        })
    };

    let items = move || {
        outcome.with(|o| {
            o.items
                .iter()
                .map(|item| {
                    let doc = &corpus().documents[item.doc];
                    let passage = &doc.passages[item.passage];
                    let href = route
                        .with_untracked(|(v, _)| View {
                            doc: Some(doc.id.clone()),
                            passage: Some(passage.key.clone()),
                            actor: None,
                            ..v.clone()
                        })
                        .to_url();
                    let where_ = if passage.heading {
                        format!("section heading {}", passage.number)
                    } else {
                        format!("paragraph {}", passage.number)
                    };
                    view! {
                        <li class="result">
                            <a class="result-link" href=href>
                                {marked(&item.snippet)}
                            </a>
                            <p class="result-meta">
                                <span class="result-title">{doc.title.value.clone()}</span>
                                " · "
                                {date_view(doc.date.value)}
                                " · "
                                <span>{where_}</span>
                            </p>
                            {super::actors::involvement_line(passage)}
                        </li>
                    }
                })
                .collect_view()
        })
    };

    let suggestions = move || {
        outcome.with(|o| {
            (o.total == 0 && !o.suggestions.is_empty()).then(|| {
                let buttons = o
                    .suggestions
                    .iter()
                    .map(|s| {
                        let (word, replacement) = (s.word.clone(), s.replacement.clone());
                        let label = replacement.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="suggestion"
                                    on:click=move |_| {
                                        let text = route.with_untracked(|(v, _)| v.query.clone());
                                        set_query(route, replace_word(&text, &word, &replacement));
                                        focus_element(&format!("#{INPUT_ID}"));
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
            <h2 id="results-heading" tabindex="-1">"Search results"</h2>
            // Shown and hidden rather than mounted: less code in the page than <Show>.
            <p class="notice" role="note" hidden=move || outcome.with(|o| !o.truncated)>
                {cut_notice()}
            </p>
            <p class="result-count" role="status">{count_text}</p>
            <p class="partial-note" hidden=move || outcome.with(|o| o.total == 0 || o.all_clauses)>
                "No passage holds every word you typed; these hold some of them."
            </p>
            {suggestions}
            <ol
                class="results"
                aria-label="Search results"
                on:keydown=move |ev| on_results_keydown(route, ev)
            >
                {items}
            </ol>
            <button
                type="button"
                class="more"
                hidden=move || outcome.with(|o| o.total <= o.items.len())
                on:click=move |_| shown.set((query.get_untracked(), limit() + PAGE))
            >
                    {move || {
                        outcome
                            .with(|o| {
                                format!(
                                    "Show more ({} of {} shown)",
                                    o.items.len(),
                                    o.total,
                                )
                            })
                    }}
            </button>
        </section>
    }
}
