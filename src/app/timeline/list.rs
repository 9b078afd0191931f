//! The events as a list, in date order: the chart's text alternative, with each event's
//! date, title and any dispute. Rendered once; only the classes that mark events touched
//! by the search, filter or dates change, and events outside the chosen dates are hidden.

use super::super::meta::date_view;
use super::super::state;
use super::Shared;
use crate::engine::view::View;
use leptos::prelude::*;

/// Events listed before "Show all": the record's 49 all show; a timeline of thousands
/// would otherwise make every redraw of the page restyle thousands of list items.
const LIST_FIRST: usize = 200;

#[component]
pub fn EventList(shared: Shared) -> impl IntoView {
    let s = state();
    let events = shared.events;
    let show_all = RwSignal::new(events.len() <= LIST_FIRST);
    let items = move || {
        let shown = if show_all.get() {
            events.len()
        } else {
            LIST_FIRST
        };
        events[..shown]
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let dispute = e.other_dates().map(|others| {
                    view! { <span class="dispute">{format!(" ({others})")}</span> }
                });
                // A memo each, so a change of selection touches only the items it changes;
                // an item hidden outside the dates is not marked, so typing leaves it alone.
                let out_of_range =
                    Memo::new(move |_| s.range.with(|r| !r.is_empty() && !r.overlaps(e.date)));
                let touched =
                    Memo::new(move |_| !out_of_range.get() && shared.touched.with(|t| t[i]));
                view! {
                    <li class:stand-out=touched hidden=out_of_range>
                        {date_view(e.date)}
                        " — "
                        <a href=View::home().event_link(&e.id)>{e.title.clone()}</a>
                        {dispute}
                        {e.disagreement.and_then(|d| {
                            super::super::disagreements::markers(vec![usize::from(d)], None)
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <details class="event-list" open>
            <summary>
                {move || {
                    let n = events.len();
                    s.range
                        .with(|r| {
                            (!r.is_empty()).then(|| events.iter().filter(|e| r.overlaps(e.date)).count())
                        })
                        .map_or_else(
                            || format!("The events as a list ({n})"),
                            |k| format!("The events as a list ({k} of {n} in the chosen dates)"),
                        )
                }}
            </summary>
            <ol aria-label="Timeline events">{items}</ol>
            <button type="button" hidden=move || show_all.get() on:click=move |_| show_all.set(true)>
                {format!("Show all {} events", events.len())}
            </button>
        </details>
    }
}
