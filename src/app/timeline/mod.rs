//! The timeline: the chart of the record's events (`chart.rs`) with its controls
//! (`controls.rs`: zoom and the date range), its legend and the card for the event under
//! the pointer or focus (here), the open event with its accounts directly under the chart
//! (`detail.rs`), which accounts tell which events as a table (`table.rs`), and the same
//! events as a list, the chart's text alternative (`list.rs`).
//! The maths of zooming, panning and laying events out is `engine::timeline`; these files
//! only draw and listen.

mod chart;
mod controls;
mod detail;
mod list;
mod table;

use super::meta::date_view;
use super::state;
use crate::compiled::corpus;
use crate::engine::accounts::Order;
use crate::engine::model::Event;
use crate::engine::timeline::{axis_limits, Viewport};
use crate::engine::view::{Panel, View};
use leptos::prelude::*;

/// What the chart, its controls and the list share: the stretch of time in view, and which
/// events the current search, filter or dates touch.
#[derive(Clone, Copy)]
struct Shared {
    events: &'static [Event],
    viewport: RwSignal<Viewport>,
    /// Per event: stated by a passage the search or filter selects, within any dates (all
    /// false when neither is applied).
    touched: Memo<Vec<bool>>,
}

super::deferred::deferred_part! {
    /// The timeline of the record's events, as the page shows it: in a split build, its code
    /// is a chunk of its own, fetched early where the first view shows the timeline
    /// (`fetch_early`), else when it first shows.
    pub fn record_timeline in timeline, "the timeline" =>
        view! { <TimelinePanel events=&corpus().events /> }
}

/// Starts fetching the timeline's chunk, if it has one, before the timeline asks for it; a
/// failure here is met again, and said, when it does (`record_timeline`).
pub fn fetch_early() {
    // wasm-bindgen's own queue: Leptos's executor starts with the app, after this.
    #[cfg(all(target_arch = "wasm32", sim_split))]
    wasm_bindgen_futures::spawn_local(async {
        let _ = timeline::preload().await;
    });
}

/// `events`: the record's (`corpus().events`), or a synthetic set for the benchmark.
#[component]
pub fn TimelinePanel(events: &'static [Event]) -> impl IntoView {
    let s = state();
    let limits = axis_limits(
        events
            .iter()
            .map(|e| e.date)
            .chain(corpus().documents.iter().map(|d| d.date.value)),
    );
    let viewport = RwSignal::new(Viewport::new(limits));
    let touched = Memo::new(move |_| {
        // Dates alone mark nothing: the band on the chart already shows them.
        let applied = s.panel.get() == Panel::Results
            && (s.prepared.with(|p| !p.is_empty()) || s.filter.with(|f| !f.is_empty()));
        s.selection.with(|x| {
            (0..events.len())
                .map(|i| applied && x.event_counts.get(i).is_some_and(|&n| n > 0))
                .collect()
        })
    });
    let list_ready = RwSignal::new(false);
    // `try_`: the timeline may be gone by then (a link followed at once).
    set_timeout(
        move || {
            let _ = list_ready.try_set(true);
        },
        std::time::Duration::ZERO,
    );
    let shared = Shared {
        events,
        viewport,
        touched,
    };
    let card = RwSignal::new(None::<(usize, f64, f64)>);
    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <div class="timeline-wide">
                <p class="timeline-hint">
                    <span class="hint-pointer">
                        "Drag to move, wheel or pinch to zoom, click a year to zoom to it; \
                         drag along the years to choose dates. Arrow keys move from event to \
                         event, Enter opens one."
                    </span>
                    <span class="hint-touch">
                        "Drag to move, pinch to zoom, tap a year to zoom to it or an event to \
                         open it; drag along the years to choose dates."
                    </span>
                </p>
                <controls::Controls shared=shared />
                <Legend />
                <chart::Chart shared=shared card=card />
            </div>
            // Directly under the chart, so opening an event keeps the chart in view.
            {move || {
                s.event
                    .get()
                    .filter(|&i| i < events.len())
                    .map(|i| view! { <detail::EventDetail event=&events[i] /> })
            }}
            <Accounts />
            // The list, a task after the chart: two shorter tasks keep the page answering.
            {move || list_ready.get().then(|| view! { <list::EventList shared=shared /> })}
        </section>
    }
}

/// "Which accounts tell which events": a button that shows or hides the table (the view
/// keeps it, so it is a link), and the table. Only the record's own events have accounts.
#[component]
fn Accounts() -> impl IntoView {
    let s = state();
    let open = Memo::new(move |_| s.accounts.get().is_some());
    let order = Memo::new(move |_| s.accounts.get().unwrap_or_default());
    view! {
        <p class="timeline-views">
            <button
                type="button"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| {
                    if open.get_untracked() {
                        s.push(View::hide_accounts)
                    } else {
                        s.push(|v| v.show_accounts(Order::Oldest))
                    }
                }
            >
                "Which accounts tell which events"
            </button>
        </p>
        {move || open.get().then(|| view! { <table::AccountsTable order=order /> })}
    }
}

/// What the chart's marks mean. Decorative swatches; the words carry the meaning.
#[component]
fn Legend() -> impl IntoView {
    let swatch = |class: &'static str, shape: AnyView| {
        view! {
            <svg class=format!("swatch {class}") viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
                {shape}
            </svg>
        }
    };
    view! {
        <ul class="timeline-legend" aria-label="What the marks mean">
            <li>{swatch("day", view! { <circle class="bar" cx="6" cy="6" r="4" /> }.into_any())} "A known day"</li>
            <li>
                {swatch("period", view! { <rect class="bar" x="1" y="3" width="26" height="6" rx="2" /> }.into_any())}
                "Sometime within this period (not how long it lasted)"
            </li>
            <li>
                {swatch("or-later", view! { <rect class="bar" x="1" y="3" width="26" height="6" rx="2" /> }.into_any())}
                "Open end: “or later” fades right, “by” fades left"
            </li>
            <li>{swatch("pub", view! { <rect class="bar" x="2" y="1" width="8" height="10" rx="1" /> }.into_any())} "A document of the record published (dashed line)"</li>
            <li>
                {swatch("disputed", view! { <rect class="bar" x="1" y="3" width="26" height="6" rx="2" /> }.into_any())}
                "Sources give other dates"
            </li>
            <li>{swatch("cluster", view! { <rect class="bar" x="1" y="3" width="26" height="6" rx="2" /> }.into_any())} "Several events: select to zoom in"</li>
        </ul>
    }
}

/// The card for the event under the pointer or focused on the chart: its date in words at
/// its precision, title, any disagreement, how many passages state it, and who is involved.
#[component]
pub fn EventCard(event: &'static Event, left: f64, top: f64) -> impl IntoView {
    let c = corpus();
    let e = event;
    let sources = e.sources.len();
    let actors: Vec<&str> = e
        .actors
        .iter()
        .map(|&a| c.actors[usize::from(a)].name.as_str())
        .collect();
    let disagreement = e
        .disagreement
        .and_then(|d| c.disagreements.get(usize::from(d)))
        .map(|d| view! { <p class="card-dis">{format!("⇄ Sources disagree: {}", d.question)}</p> });
    view! {
        <div
            class="tl-card"
            id="tl-card"
            role="tooltip"
            // Set through the style object (the page's policy forbids style attributes).
            style:left=format!("{}px", left.round() as i64)
            style:top=format!("{}px", top.round() as i64)
        >
            <p class="card-date">
                {date_view(e.date)}
                {e.date.qualifier()}
                {e.publication.is_some().then_some(" · publication")}
            </p>
            <p class="card-title">{e.title.clone()}</p>
            {disagreement}
            <p class="card-meta">
                {format!(
                    "Stated in {sources} passage{}",
                    if sources == 1 { "" } else { "s" },
                )}
                {(!actors.is_empty()).then(|| format!(" · {}", actors.join(", ")))}
            </p>
        </div>
    }
}
