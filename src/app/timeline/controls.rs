//! The timeline's controls: zoom in, zoom out, show all, and the date range as two date
//! fields (the same range as dragging along the chart's axis).

use super::super::state;
use super::Shared;
use crate::engine::date::{civil_from_days, parse_point, Point};
use crate::engine::timeline::RangeRule;
use crate::engine::view::View;
use leptos::prelude::*;

/// A point as the value of the "from" `<input type="date">`: its first day.
fn first_day_input(p: Point) -> String {
    day_input(p.span().0)
}

/// A point as the value of the "to" `<input type="date">`: its last day.
fn last_day_input(p: Point) -> String {
    day_input(p.span().1)
}

fn day_input(day: i32) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

#[component]
pub fn Controls(shared: Shared) -> impl IntoView {
    let s = state();
    let viewport = shared.viewport;
    let from_value = move || {
        s.range
            .with(|r| r.from.map(first_day_input).unwrap_or_default())
    };
    let to_value = move || {
        s.range
            .with(|r| r.to.map(last_day_input).unwrap_or_default())
    };
    // One end of the range as a date field; emptied or unreadable, that end is open.
    let date_field = move |label: &'static str,
                           value: Signal<String>,
                           set: fn(&View, Option<Point>) -> View| {
        view! {
            <label>
                {label}
                <input
                    type="date"
                    prop:value=value
                    on:change=move |ev| s.push(|v| set(v, parse_point(&event_target_value(&ev)).ok()))
                />
            </label>
        }
    };
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
            {date_field("From ", Signal::derive(from_value), View::with_from)}
            {date_field("To ", Signal::derive(to_value), View::with_to)}
            <button
                type="button"
                hidden=move || s.range.with(|r| r.is_empty())
                on:click=move |_| s.push(|v| v.without_range())
            >
                "Clear dates"
            </button>
            // What a range means for the passages: they state an event in it, or their
            // document was published in it (a 2021 report on 2013 is in both years).
            <fieldset class="range-rule" hidden=move || s.range.with(|r| r.is_empty())>
                <legend>"Passages in these dates:"</legend>
                {rule_choice(RangeRule::Stated, "stating an event in them")}
                {rule_choice(RangeRule::Published, "from documents published in them")}
            </fieldset>
        </div>
    }
}

fn rule_choice(rule: RangeRule, words: &'static str) -> impl IntoView {
    let s = state();
    view! {
        <label>
            <input
                type="radio"
                name="range-rule"
                prop:checked=move || s.range.with(|r| r.rule == rule)
                on:change=move |_| s.push(|v| v.with_range_rule(rule))
            />
            {words}
        </label>
    }
}
