//! The page: a header saying what the record is and the search box, then one of the list of
//! documents, the search results, or one document. The URL fragment is the state:
//! `hashchange` is read into a `View` (see `engine::view`), links change the fragment, and
//! typing rewrites it in place, so Back, Forward and shared links all work.

mod actors;
mod browser;
mod cite;
mod document_list;
mod meta;
mod reader;
mod search;
mod timeline;

pub use actors::{ActorFilterPanel, ActorPage};
pub use document_list::DocumentList;
pub use reader::Reader;
pub use search::{SearchBox, SearchResults};
pub use timeline::TimelinePanel;

use crate::compiled::corpus;
use crate::engine::view::View;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The view and, when a link asked for something that does not exist, a notice about it.
pub type Route = RwSignal<(View, Option<String>)>;

fn current_view() -> (View, Option<String>) {
    let fragment = window().location().hash().unwrap_or_default();
    View::parse(&fragment).resolve(corpus())
}

/// Rewrites the URL without a history entry or a `hashchange` (for typing).
pub fn replace_url(fragment: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment));
    }
}

/// True when keys typed now go into a text field, where `/` is just a character.
fn typing_in_a_field() -> bool {
    document().active_element().is_some_and(|e| {
        matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || e.get_attribute("contenteditable").is_some()
    })
}

#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(current_view());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(current_view());
    });
    on_cleanup(move || handle.remove());
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "/" && !ev.ctrl_key() && !ev.meta_key() && !typing_in_a_field() {
            ev.prevent_default();
            if let Some(input) = document()
                .get_element_by_id(search::INPUT_ID)
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                let _ = input.focus();
                input.select();
            }
        }
    });
    on_cleanup(move || keys.remove());

    // Offline after one visit; a newer build is offered, never swapped in under the reader.
    let update_ready = RwSignal::new(false);
    browser::register_service_worker(move || update_ready.set(true));

    let view_state = Memo::new(move |_| route.with(|(v, _)| v.clone()));
    let doc_id = Memo::new(move |_| view_state.with(|v| v.doc.clone()));
    let focus = Memo::new(move |_| view_state.with(|v| v.passage.clone()));
    let query = Memo::new(move |_| view_state.with(|v| v.query.clone()));
    let actor_page = Memo::new(move |_| {
        view_state.with(|v| v.actor.as_deref().and_then(|a| corpus().actor_index(a)))
    });
    let filtering =
        move || view_state.with(|v| !v.actors.is_empty() || v.from.is_some() || v.to.is_some());
    let searching = move || query.with(|q| !q.trim().is_empty()) || filtering();
    let at_home =
        move || doc_id.with(Option::is_none) && actor_page.get().is_none() && !searching();
    let show_filter = move || doc_id.with(Option::is_none) && actor_page.get().is_none();
    let notice = move || route.with(|(_, n)| n.clone());

    // Talks to the world outside the reactive graph: the tab title, scrolling and keyboard
    // focus follow the view. The first run only acts on deep links, so a plain visit does
    // not jump.
    Effect::new(move |previous: Option<()>| {
        let view = view_state.get();
        let first_run = previous.is_none();
        request_animation_frame(move || settle_view(&view, first_run));
    });

    view! {
        // While reading or searching the header shrinks to its title, so on a phone the text
        // or the results start on the first screen.
        <header class="site-header" class:compact=move || !at_home()>
            <h1>
                <a href="#">"SIM Explorer"</a>
            </h1>
            // Hidden by the stylesheet while the header is compact.
            <p class="lede">
                    "The public record of Serenity Integrated Mentoring (SIM), a scheme that put \
                    police officers into NHS mental health care in England: its spread, the \
                    campaign against it and NHS England’s response, 2012–2023. Every passage \
                    is quoted word for word from its source."
                </p>
            <p class="content-note">
                "This record discusses suicide, self-harm and coercion in mental health care."
            </p>
        </header>
        // Outside the header so it can stay on screen while the page scrolls.
        <SearchBox route=route />
        <main id="main">
            {move || {
                update_ready
                    .get()
                    .then(|| {
                        view! {
                            <div class="notice update" role="status">
                                <p>"A new version of SIM Explorer is available."</p>
                                <button type="button" on:click=|_| browser::apply_update()>
                                    "Reload to update"
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                notice()
                    .map(|text| {
                        view! {
                            <div class="notice" role="status">
                                <p>{text}</p>
                                <button
                                    type="button"
                                    class="notice-dismiss"
                                    on:click=move |_| route.update(|(_, n)| *n = None)
                                >
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
            {move || show_filter().then(|| view! { <ActorFilterPanel route=route /> })}
            {move || match doc_id.get().and_then(|id| corpus().document(&id)) {
                Some(doc) => view! { <Reader doc=doc focus=focus query=query /> }.into_any(),
                None => match actor_page.get() {
                    Some(index) => view! { <ActorPage index=index /> }.into_any(),
                    None if searching() => view! { <SearchResults route=route /> }.into_any(),
                    None => view! { <DocumentList /> }.into_any(),
                },
            }}
            // Below the documents or results: the record comes first, the dates narrow it.
            {move || {
                show_filter().then(|| view! { <TimelinePanel route=route events=&corpus().events /> })
            }}
        </main>
        <footer class="site-footer">
            <p>
                "Built from five captures of public documents, checked word for word at build \
                time. Nothing is fetched from anywhere else and nothing you do here is tracked."
            </p>
        </footer>
    }
}

/// After a view change: set the tab title, then move focus and scroll to what the view is
/// about (the focused passage, else the document's or the list's heading), so keyboard and
/// screen-reader users land where sighted users look.
fn settle_view(view: &View, first_run: bool) {
    let document = document();
    let title = view
        .doc
        .as_deref()
        .and_then(|id| corpus().document(id))
        .map(|d| d.title.value.clone())
        .or_else(|| {
            let a = corpus().actor_index(view.actor.as_deref()?)?;
            Some(corpus().actors[a].name.clone())
        })
        .map(|t| format!("{t} – SIM Explorer"))
        .unwrap_or_else(|| "SIM Explorer".to_string());
    document.set_title(&title);

    // While searching, focus stays in the search box: moving it would break typing.
    let searching = !view.query.trim().is_empty();
    let target_id = match (&view.doc, &view.passage) {
        (_, Some(key)) => format!("p-{key}"),
        (Some(_), None) if !first_run => "doc-title".to_string(),
        (None, None) if !first_run && view.actor.is_some() => "actor-name".to_string(),
        (None, None) if view.event.is_some() => "event-title".to_string(),
        (None, None) if !first_run && !searching => "docs-heading".to_string(),
        _ => return,
    };
    let Some(element) = document
        .get_element_by_id(&target_id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
    if view.passage.is_some() || target_id == "event-title" {
        // Passages and events sit down the page: bring them to the middle of the screen.
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    } else {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}
