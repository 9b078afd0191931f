//! The timeline's controls: zoom in, zoom out, show all, and the date range as two date
//! fields (the same range as dragging along the chart's axis).

use super::super::state;
use super::Shared;
use crate::engine::date::{civil_from_days, parse_point, Point};
use leptos::prelude::*;

/// A point as the value of an `<input type="date">`: its first day for "from", its last
/// for "to".
fn day_input(p: Point, first: bool) -> String {
    let (a, b) = p.span();
    let (y, m, d) = civil_from_days(if first { a } else { b });
    format!("{y:04}-{m:02}-{d:02}")
}

#[component]
pub fn Controls(shared: Shared) -> impl IntoView {
    let s = state();
    let viewport = shared.viewport;
    let from_value = move || {
        s.range
            .with(|r| r.from.map(|p| day_input(p, true)).unwrap_or_default())
    };
    let to_value = move || {
        s.range
            .with(|r| r.to.map(|p| day_input(p, false)).unwrap_or_default())
    };
    // An emptied or unreadable field opens that end of the range.
    let point = |value: String| parse_point(&value).ok();
    view! {
        <div class="timeline-controls">
            <button type="button" on:click=move |_| viewport.update(|v| *v = v.zoom(0.6, None))>
                "Zoom in"
            </button>
            <button type="button" on:click=move |_| viewport.update(|v| *v = v.zoom(1.0 / 0.6, None))>
                "Zoom out"
            </button>
            <button type="button" on:click=move |_| viewport.update(|v| *v = v.all())>
                "Show all"
            </button>
            <label>
                "From "
                <input
                    type="date"
                    prop:value=from_value
                    on:change=move |ev| s.push(|v| v.with_from(point(event_target_value(&ev))))
                />
            </label>
            <label>
                "To "
                <input
                    type="date"
                    prop:value=to_value
                    on:change=move |ev| s.push(|v| v.with_to(point(event_target_value(&ev))))
                />
            </label>
            <button
                type="button"
                hidden=move || s.range.with(|r| r.is_empty())
                on:click=move |_| s.push(|v| v.without_range())
            >
                "Clear dates"
            </button>
        </div>
    }
}
