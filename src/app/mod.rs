//! The page: a header saying what the record is, the search box, then one main panel (the
//! documents, the results, one document, or one actor) with the actor filter and the
//! timeline beside the documents and results. The URL fragment is the state (`state.rs`):
//! Back, Forward and shared links all work, and each panel reads only the slice of state
//! it shows.

mod about;
mod actors;
mod browser;
mod cite;
mod collection;
mod compare;
mod deferred;
mod disagreements;
mod document_list;
mod finder;
mod header;
mod landing;
mod meta;
mod reader;
#[cfg(not(target_arch = "wasm32"))]
mod record;
mod search;
mod state;
mod timeline;
mod verify;

pub use actors::{ActorFilterPanel, ActorPage};
pub use deferred::{Arriving, Deferred, Unavailable};
pub use disagreements::DisagreementsPage;
pub use document_list::DocumentList;
pub use header::SiteHeader;
pub use reader::Reader;
pub use search::{ActiveView, SearchBox, SearchResults};
pub use state::State;
pub use timeline::TimelinePanel;

#[cfg(not(target_arch = "wasm32"))]
pub use record::static_record;

use crate::compiled::corpus;
use crate::engine::view::{Panel, View};
use landing::{land_at_top, land_on, show_event_with_chart, Bar, Scroll};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// True when keys typed now go into a text field, where `/` is just a character.
fn typing_in_a_field() -> bool {
    document().active_element().is_some_and(|e| {
        matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || e.get_attribute("contenteditable").is_some()
    })
}

// `sim_without`: a build for measuring what a feature adds to the page's size leaves its
// panels out (`tests/bench/sizes.sh`); the shipped page never sets it.

/// Provided while the build renders the static record (`record.rs`): components then give
/// their elements the ids that the page's plain links (`#doc=…&p=…`, `#actor=…`) land on
/// without JavaScript, keep ids unique across the documents shown at once, and leave
/// out what only the app can do.
#[derive(Clone, Copy, Debug)]
pub struct StaticRecord;

/// Whether this render is the static record.
pub fn in_static_record() -> bool {
    use_context::<StaticRecord>().is_some()
}

/// Where the person was in the static record when the app took its place: the passage at
/// the top of the screen and how far down the screen it stood, kept so the app can show
/// the same words in the same place.
#[derive(Clone, Debug)]
struct Takeover {
    element: String,
    top: f64,
}

thread_local! {
    static TAKEOVER: std::cell::RefCell<Option<Takeover>> = const { std::cell::RefCell::new(None) };
}

/// Starts the app in tasks of its own, the browser answering between them (a tap, a
/// scroll, a frame): the record decoded, then the first view in the static record's
/// place, then what only later views need (`App`). Each task short, as a phone's main
/// thread measures it: the whole start in one task blocked it for about 250 ms at 4x CPU.
pub fn start() {
    // Where the timeline's code is a chunk of its own and the first view shows the timeline
    // (below the documents or the results), the chunk is asked for now: fetched and compiled
    // away from the main thread while that view is drawn, it is there when the timeline
    // starts after the view has painted. Elsewhere it waits until the timeline first shows.
    let first = View::parse(&browser::location_fragment()).panel();
    if matches!(first, Panel::Documents | Panel::Results) {
        timeline::fetch_early();
    }
    // Decoding the record (and compiling the decoder) is a task of its own.
    let _ = corpus();
    browser::next_task(take_over);
}

/// Runs `steps` in order, each in a task of its own (`browser::next_task`).
fn in_turn(mut steps: Vec<Box<dyn FnOnce()>>) {
    if steps.is_empty() {
        return;
    }
    let step = steps.remove(0);
    browser::next_task(move || {
        step();
        in_turn(steps);
    });
}

/// The app takes the place of the static record in one task (never both on the page),
/// keeping what the person did with the record while the WebAssembly arrived: the text
/// typed in its search box, the passage they had scrolled to, and the focus.
fn take_over() {
    let page = document();
    let record = page.get_element_by_id("record");
    if let Some(record) = &record {
        let view = View::parse(&browser::location_fragment());
        let typed = page
            .get_element_by_id("search-input")
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value())
            .filter(|t| !t.trim().is_empty());
        let active = page.active_element().map(|e| e.id()).unwrap_or_default();
        if let Some(text) = typed.filter(|_| view == View::home()) {
            browser::set_url_now(&View::home().with_query(&text).to_url());
        } else if view == View::home() && window().scroll_y().unwrap_or(0.0) > 200.0 {
            // Reading down the static record: open the passage at the top of the screen.
            if let Some((doc, key, top)) = passage_at_top(record) {
                browser::set_url_now(&View::home().passage_link(&doc, &key));
                TAKEOVER.with(|t| {
                    *t.borrow_mut() = Some(Takeover {
                        element: format!("p-{key}"),
                        top,
                    })
                });
            }
        } else if !active.is_empty() && view == View::home() {
            // Only on the home page: a link's own target (which the browser may have
            // focused in the static record by the time the app starts, sooner or later as
            // the machine is busy) is landed on and focused by the app itself, from the top.
            TAKEOVER.with(|t| {
                *t.borrow_mut() = Some(Takeover {
                    element: active.clone(),
                    top: f64::NAN,
                })
            });
        }
        if active == "search-input" {
            TAKEOVER.with(|t| {
                *t.borrow_mut() = Some(Takeover {
                    element: active,
                    top: f64::NAN,
                })
            });
        }
    }
    // Everything after the header goes, the app comes in its place, in one task (no frame
    // shows both or neither). The header stays the very same element: moved or redrawn,
    // the browser would count its text as painted anew, and the page as later to show.
    let host = match record {
        Some(record) => {
            for child in browser::elements_in(&record, ":scope > *") {
                if child.id() != "site-header" {
                    child.remove();
                }
            }
            record.set_id("app");
            record.set_class_name("");
            record
        }
        None => {
            let Ok(host) = page.create_element("div") else {
                return;
            };
            host.set_id("app");
            if let Some(body) = page.body() {
                let _ = body.append_child(&host);
            }
            host
        }
    };
    leptos::mount::mount_to(host.unchecked_into(), App).forget();
}

/// The first passage of a document in the static record whose text reaches below the top
/// of the screen: (document id, passage key, its top in the viewport).
fn passage_at_top(record: &web_sys::Element) -> Option<(String, String, f64)> {
    browser::elements_in(record, "article.document .passage")
        .into_iter()
        .find_map(|p| {
            let rect = p.get_bounding_client_rect();
            (rect.bottom() > 120.0).then(|| (p, rect.top()))
        })
        .and_then(|(p, top)| {
            let key = p.id().strip_prefix("p-")?.to_string();
            let doc = p.closest("article.document").ok()??.id();
            Some((doc.strip_prefix("doc=")?.to_string(), key, top))
        })
}

/// The state of the page, provided by `App` to every panel.
pub fn state() -> State {
    expect_context::<State>()
}

/// A plain left click, which the page handles itself (a click with a modifier opens a new
/// tab or window, which the browser does).
pub fn plain_click(ev: &web_sys::MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

#[component]
pub fn App() -> impl IntoView {
    let state = State::from_location();
    provide_context(state);
    provide_context(collection::Shelf::load());
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| {
        state.follow_location();
    });
    // Back and Forward after `push`: history entries made by pushState fire `popstate`.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        state.follow_location();
    });
    // "Go to": the header's button, `g`, or Ctrl+K (⌘K), never while typing in a field.
    let go_to = RwSignal::new(false);
    // Links in the page are plain fragments (`#doc=…&p=…`); followed here, a link keeps the
    // search, filter and dates applied (see `View::follow`). Other fragments (none today)
    // are left to the browser.
    let clicks = window_event_listener(leptos::ev::click, move |ev| {
        if ev.default_prevented() || !plain_click(&ev) {
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        // The header's "Go to" button: the header may be the static record's, kept.
        if target
            .as_ref()
            .is_some_and(|e| e.closest(".go-to-open").ok().flatten().is_some())
        {
            go_to.set(true);
            return;
        }
        let Some(link) = target.and_then(|e| e.closest("a[href^='#']").ok().flatten()) else {
            return;
        };
        let href = link.get_attribute("href").unwrap_or_default();
        if href != "#" && View::parse(&href) == View::home() {
            return;
        }
        ev.prevent_default();
        // A result remembers itself, so the way back returns to it; any other passage or
        // document opened forgets it.
        match link
            .get_attribute("data-position")
            .and_then(|p| p.parse().ok())
        {
            Some(position) => state.last_opened.set(Some(position)),
            None if View::parse(&href).doc.is_some() => state.last_opened.set(None),
            None => {}
        }
        state.follow(&href);
    });
    // A reload or a closed tab keeps the last letters typed.
    let leaving = window_event_listener(leptos::ev::pagehide, |_| browser::flush_url());
    let keys = shortcuts(state, go_to);
    on_cleanup(move || {
        hashchange.remove();
        popstate.remove();
        clicks.remove();
        leaving.remove();
        keys.remove();
        // A rewrite still waiting belongs to this page: written now, not under the next.
        browser::flush_url();
    });

    // Offline after one visit; a newer build is offered, never swapped in under the reader.
    let update_ready = RwSignal::new(false);

    let panel = state.panel;
    let shows_panels = Memo::new(move |_| matches!(panel.get(), Panel::Documents | Panel::Results));
    // A link to an event draws the timeline at once: the page lands on it.
    let started = RwSignal::new(state.event.get_untracked().is_some());
    let dialog = RwSignal::new(false);
    after_the_first_view(dialog, started, update_ready);
    let shows_timeline = Memo::new(move |_| started.get() && shows_panels.get());
    let kept_header = StoredValue::new_local(
        document()
            .get_element_by_id("site-header")
            .filter(|h| h.is_connected()),
    );

    // The tab title, focus and scroll follow the place in the record (not the search text:
    // typing must never move focus).
    let place = Memo::new(move |_| Place {
        panel: panel.get(),
        doc: state.doc.get(),
        passage: state.passage.get(),
        actor: state.actor_page.get(),
        event: state.event.get(),
        dis: state.dis.get(),
    });
    Effect::new(move |previous: Option<Place>| {
        let now = place.get();
        let last_opened = state.last_opened.get_untracked();
        let (before, after) = (previous.clone(), now.clone());
        let bar = state.search_input;
        request_animation_frame(move || settle_view(before.as_ref(), &after, last_opened, bar));
        now
    });

    view! {
        {move || {
            // The static record's header stays on the page when the app takes over (see
            // `start`): the same element, so the largest text on screen is not painted
            // twice. The app only shrinks and grows it.
            let compact = Signal::derive(move || panel.get() != Panel::Documents);
            match kept_header.get_value() {
                Some(header) => {
                    // The app runs now: its "Go to" button shows.
                    let _ = header.class_list().add_1("live");
                    Effect::new(move |_| {
                        let _ = header.class_list().toggle_with_force("compact", compact.get());
                    });
                    None
                }
                None => Some(view! { <SiteHeader compact=compact /> }),
            }
        }}
        // Outside the header so it can stay on screen while the page scrolls.
        <SearchBox />
        {move || dialog.get().then(|| view! { <finder::GoTo open=go_to /> })}
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
                state
                    .notice
                    .get()
                    .map(|text| {
                        view! {
                            <div class="notice" role="status">
                                <p>{text}</p>
                                <button
                                    type="button"
                                    class="notice-dismiss"
                                    on:click=move |_| state.notice.set(None)
                                >
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                (shows_panels.get() && !cfg!(sim_without = "actors"))
                    .then(|| view! { <ActorFilterPanel /> })
            }}
            {move || match panel.get() {
                Panel::Document => {
                    state
                        .doc
                        .get()
                        .map(|d| view! { <Reader doc=&corpus().documents[d] /> }.into_any())
                }
                // The pages a first view does not show: their code may come after the
                // page's, one chunk for them all (`deferred.rs`).
                Panel::Actor if !cfg!(sim_without = "actors") => Some(actors::actor_page()),
                Panel::Actor => None,
                Panel::Disagreements => Some(disagreements::disagreements_page()),
                Panel::Check => Some(verify::check_page()),
                Panel::Collection => Some(collection::collection_page()),
                Panel::Compare => Some(compare::compare_page()),
                Panel::Results => Some(view! { <SearchResults /> }.into_any()),
                Panel::About => Some(view! { <about::AboutPage /> }.into_any()),
                Panel::Documents => Some(view! { <DocumentList /> }.into_any()),
            }}
            // Below the documents or results: the record comes first, the dates narrow it.
            {move || {
                (shows_timeline.get() && !cfg!(sim_without = "timeline"))
                    .then(timeline::record_timeline)
            }}
        </main>
        <SiteFooter />
    }
}

/// What the first view does not show comes after it has painted, each in a task of its own
/// so the page answers between them: the "Go to" dialog (closed until asked for; asked for
/// sooner, it opens as it comes), the search index (which the timeline's marks and the first
/// search need), the timeline (below the first screen), then the worker (offline after one
/// visit; a newer build is offered, never swapped in under the reader).
fn after_the_first_view(
    dialog: RwSignal<bool>,
    started: RwSignal<bool>,
    update_ready: RwSignal<bool>,
) {
    browser::after_next_paint(move || {
        in_turn(vec![
            Box::new(move || dialog.set(true)),
            Box::new(|| {
                let _ = crate::compiled::search_index();
            }),
            Box::new(move || started.set(true)),
            Box::new(move || {
                if !cfg!(sim_without = "cite") {
                    browser::register_service_worker(move || update_ready.set(true));
                }
            }),
        ])
    });
}

/// The page's keys: `/` to the search box; `g` or Ctrl+K (⌘K) opens "Go to". Never
/// while typing in a field, where they are characters (or the field's own keys).
fn shortcuts(state: State, go_to: RwSignal<bool>) -> WindowListenerHandle {
    window_event_listener(leptos::ev::keydown, move |ev| {
        // The key first: every letter typed in the search box comes here, and asking the
        // page what is focused costs more than the key (three calls out of the wasm).
        let key = ev.key();
        if !matches!(key.as_str(), "/" | "g" | "k") {
            return;
        }
        let plain = !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key();
        if typing_in_a_field() || go_to.get_untracked() {
            return;
        }
        if key == "/" && plain {
            ev.prevent_default();
            state.focus_search_box();
        } else if (key == "g" && plain) || (key == "k" && (ev.ctrl_key() || ev.meta_key())) {
            ev.prevent_default();
            go_to.set(true);
        }
    })
}

/// The page's footer: where the record comes from, and the one-file copy to keep.
#[component]
pub fn SiteFooter() -> impl IntoView {
    // Rendered natively for the static record, where there is no browser to ask.
    #[cfg(target_arch = "wasm32")]
    let offers_download = !browser::opened_from_file();
    #[cfg(not(target_arch = "wasm32"))]
    let offers_download = true;
    view! {
        <footer class="site-footer">
            <p>
                {format!(
                    "Built from {} public documents, checked word for word at build time. \
                     Nothing is fetched from anywhere else and nothing you do here is tracked.",
                    corpus().documents.len()
                )}
            </p>
            // The one-file edition is that file: the build leaves the link out of its static
            // record, and the app, opened from a file, leaves it out too.
            <p class="download-note" hidden=!offers_download>
                <a href="sim-explorer.html" download="sim-explorer.html">"Download the record"</a>
                ": the whole explorer in one HTML file, to open from a laptop or a USB stick \
                with no connection, for good."
            </p>
        </footer>
    }
}

/// Where in the record the page is: what decides the title, focus and scroll.
#[derive(Clone, Debug, PartialEq)]
struct Place {
    panel: Panel,
    doc: Option<usize>,
    passage: Option<String>,
    actor: Option<usize>,
    event: Option<usize>,
    dis: Option<String>,
}

/// After a change of place: set the tab title, then move focus and scroll to what changed
/// (the opened passage, document, actor or event; back in the results, the result that was
/// opened; home, the list's heading), so keyboard and screen-reader users land where
/// sighted users look. On the first run (`before` is `None`) only a deep link moves.
fn settle_view(before: Option<&Place>, now: &Place, last_opened: Option<usize>, bar: Bar) {
    let settle = SETTLES.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let c = corpus();
    let title = match (now.panel, now.doc, now.actor) {
        (Panel::Document, Some(d), _) => format!("{} – SIM Explorer", c.documents[d].title.value),
        (Panel::Actor, _, Some(a)) => format!("{} – SIM Explorer", c.actors[a].name),
        (Panel::Disagreements, _, _) => "Where the sources disagree – SIM Explorer".to_string(),
        (Panel::Check, _, _) => "Check a quote – SIM Explorer".to_string(),
        (Panel::Collection, _, _) => "Your collection – SIM Explorer".to_string(),
        (Panel::Compare, _, _) => "Two accounts side by side – SIM Explorer".to_string(),
        (Panel::About, _, _) => "About this record – SIM Explorer".to_string(),
        _ => "SIM Explorer".to_string(),
    };
    document().set_title(&title);

    // Taking over from the static record: the same element, in the same place on screen.
    if before.is_none() {
        if let Some(t) = TAKEOVER.with(|t| t.borrow_mut().take()) {
            if let Some(element) = document()
                .get_element_by_id(&t.element)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = element.focus_with_options(&options);
                if t.top.is_finite() {
                    // At once, not smoothly: the words should not move under the reader.
                    let options = web_sys::ScrollToOptions::new();
                    options.set_top(element.get_bounding_client_rect().top() - t.top);
                    options.set_behavior(web_sys::ScrollBehavior::Instant);
                    window().scroll_by_with_scroll_to_options(&options);
                }
                return;
            }
        }
    }
    let target = if now.passage.is_some()
        && before.is_none_or(|b| b.passage != now.passage || b.doc != now.doc)
    {
        now.passage.as_ref().map(|key| (format!("p-{key}"), true))
    } else if before.is_none() && now.event.is_some() {
        Some(("event-title".to_string(), true))
    } else if now.panel == Panel::Document
        // A deep link too: the browser may have jumped to the static record's copy.
        && before.is_none_or(|b| b.panel != Panel::Document || b.doc != now.doc)
    {
        Some(("doc-title".to_string(), false))
    } else if now.panel == Panel::Actor && before.is_none_or(|b| b.actor != now.actor) {
        Some(("actor-name".to_string(), false))
    } else if now.panel == Panel::Disagreements
        && before.is_none_or(|b| b.dis != now.dis || b.panel != now.panel)
    {
        // The list at its top, or the one disagreement a link names, at the top of the screen.
        match now.dis.as_deref() {
            Some(id) if id != crate::engine::disagreements::ALL => {
                Some((format!("dis-{id}"), true))
            }
            _ => Some(("dis-heading".to_string(), false)),
        }
    } else if now.panel == Panel::Check && before.is_none_or(|b| b.panel != Panel::Check) {
        Some(("check-heading".to_string(), false))
    } else if now.panel == Panel::Collection && before.is_none_or(|b| b.panel != Panel::Collection)
    {
        Some(("collection-heading".to_string(), false))
    } else if now.panel == Panel::Compare && before.is_none_or(|b| b.panel != Panel::Compare) {
        Some(("compare-heading".to_string(), false))
    } else if now.panel == Panel::About && before.is_none_or(|b| b.panel != Panel::About) {
        Some(("about-heading".to_string(), false))
    } else if now.event.is_some() && before.is_some_and(|b| b.event != now.event) {
        Some(("event-title".to_string(), true))
    } else if now.panel == Panel::Results
        && before.is_some_and(|b| matches!(b.panel, Panel::Document | Panel::Actor))
    {
        // Back to the results: to the result that was opened, if it is still there.
        last_opened.map(|p| (format!("result-{p}"), true))
    } else if now.panel == Panel::Documents
        && before.is_some_and(|b| b.panel != Panel::Documents)
        // Clearing the search box brings the documents back: typing goes on undisturbed.
        && !typing_in_a_field()
    {
        Some(("docs-heading".to_string(), false))
    } else {
        None
    };
    let Some((id, centre)) = target else { return };
    let first = before.is_none();
    let arrive = move |element: web_sys::HtmlElement| {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
        // Opened from the timeline, the event keeps the chart above it in view.
        if element.id() == "event-title" && !first && show_event_with_chart(&element, bar) {
            return;
        }
        land(&element, bar, centre, first);
    };
    match element_by_id(&id) {
        Some(element) => arrive(element),
        // Not drawn yet: a part whose code comes after the page's (the timeline's event, in
        // a split build, `deferred.rs`) draws it when its code arrives.
        None => when_drawn(id, settle, arrive),
    }
}

thread_local! {
    /// How many times the page has settled on a place: a wait for a target that is not
    /// drawn yet ends when the page has moved on (`when_drawn`).
    static SETTLES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Runs `arrive` on the element `id` once it is drawn: looked for each frame, for ten
/// seconds at most, and only while the page stays where it settled (`settle`) and focus
/// stays where it was (focus is never taken from where the person has since put it).
fn when_drawn(id: String, settle: u32, arrive: impl FnOnce(web_sys::HtmlElement) + 'static) {
    struct Wait {
        id: String,
        settle: u32,
        focused: Option<web_sys::Element>,
        arrive: Box<dyn FnOnce(web_sys::HtmlElement)>,
    }
    fn look(w: Wait, frames: u32) {
        let here = SETTLES.with(std::cell::Cell::get) == w.settle;
        if frames == 0 || !here || document().active_element() != w.focused {
            return;
        }
        match element_by_id(&w.id) {
            Some(element) => (w.arrive)(element),
            None => request_animation_frame(move || look(w, frames - 1)),
        }
    }
    let w = Wait {
        id,
        settle,
        focused: document().active_element(),
        arrive: Box::new(arrive),
    };
    request_animation_frame(move || look(w, 600));
}

/// Brings a target just focused into view: `centre`d (a passage, a result, an event, a
/// disagreement down the page) or the page from its top; at once on the first settling (a
/// deep link, from wherever the browser put the static record's copy), else smoothly.
fn land(element: &web_sys::HtmlElement, bar: Bar, centre: bool, first: bool) {
    if centre {
        // Passages, results, events and disagreements sit down the page. An event is seen
        // as a whole: its section, with its sources, not only its title.
        let whole: web_sys::Element = match element.id().as_str() {
            "event-title" => element.closest(".event-detail").ok().flatten(),
            _ => None,
        }
        .unwrap_or_else(|| element.clone().into());
        // A deep link lands at once, from wherever the browser put the static record's copy.
        let how = if first {
            Scroll::AtOnce
        } else {
            Scroll::Smoothly
        };
        land_on(&whole, bar, how);
    } else if first {
        // A deep link: at once, from wherever the browser put the static record's copy.
        land_at_top();
    } else {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}
