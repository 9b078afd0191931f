//! The timeline: the chart of the record's events (`chart.rs`) with its controls
//! (`controls.rs`: zoom and the date range), the same events as a list, its text
//! alternative (`list.rs`), and the open event with its sources (`detail.rs`). The maths of
//! zooming, panning and laying events out is `engine::timeline`; these files only draw and
//! listen.

mod chart;
mod controls;
mod detail;
mod list;

use super::state;
use crate::compiled::corpus;
use crate::engine::model::Event;
use crate::engine::timeline::{axis_limits, Viewport};
use crate::engine::view::Panel;
use leptos::prelude::*;

/// What the chart, its controls and the list share: the stretch of time in view, and which
/// events the current search, filter or dates touch.
#[derive(Clone, Copy)]
struct Shared {
    events: &'static [Event],
    viewport: RwSignal<Viewport>,
    /// Per event: stated by a passage the search, filter or dates select (all false when
    /// nothing is applied).
    touched: Memo<Vec<bool>>,
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
        let applied = s.panel.get() == Panel::Results;
        s.selection.with(|x| {
            (0..events.len())
                .map(|i| applied && x.event_counts.get(i).is_some_and(|&n| n > 0))
                .collect()
        })
    });
    let list_ready = RwSignal::new(false);
    set_timeout(move || list_ready.set(true), std::time::Duration::ZERO);
    let shared = Shared {
        events,
        viewport,
        touched,
    };
    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <p class="timeline-hint">
                "Drag to move, wheel or pinch to zoom; drag along the dates to choose a range. \
                 Arrow keys move from event to event, Enter opens one."
            </p>
            <controls::Controls shared=shared />
            <chart::Chart shared=shared />
            // The list, a task after the chart: two shorter tasks keep the page answering.
            {move || list_ready.get().then(|| view! { <list::EventList shared=shared /> })}
            {move || {
                s.event
                    .get()
                    .filter(|&i| i < events.len())
                    .map(|i| view! { <detail::EventDetail event=&events[i] /> })
            }}
        </section>
    }
}
