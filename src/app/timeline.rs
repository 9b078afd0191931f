//! The timeline: an SVG chart of the record's events (horizontal on wide screens, vertical
//! on narrow ones) with zoom (buttons, wheel, pinch), pan (drag, keys), a date range chosen
//! by dragging across the axis or with from/to fields, the same events as a list (the text
//! alternative), and the open event with its sources. Layout is `engine::timeline::layout`.

use super::meta::date_view;
use super::Route;
use crate::compiled::corpus;
use crate::engine::date::{day_number, parse_point, Point};
use crate::engine::model::Event;
use crate::engine::timeline::layout;
use crate::engine::view::View;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Below this width (CSS pixels) the chart runs down the page instead of across.
const VERTICAL_BELOW: f64 = 600.0;
const LANES: usize = 8;
const LANE_SIZE: f64 = 16.0;
const MARKER: f64 = 12.0;
const AXIS: f64 = 34.0;

fn push(view: &View) {
    let _ = window().location().set_hash(&view.to_url());
}

/// How far an open end ("by June 2021", "March 2023 or later") is drawn past its known
/// bound: a year, dashed, rather than to the edge of time, which would bury every other
/// event. The list and the event's own view give the exact words.
const OPEN_END_DAYS: i32 = 365;

/// (first, last) day of each event as drawn, within the axis limits.
fn spans(events: &[Event], limits: (i32, i32)) -> Vec<(i32, i32)> {
    events
        .iter()
        .map(|e| match e.date.bounds() {
            (Some(a), Some(b)) => (a, b),
            (None, Some(b)) => ((b - OPEN_END_DAYS).max(limits.0), b),
            (Some(a), None) => (a, (a + OPEN_END_DAYS).min(limits.1)),
            (None, None) => limits,
        })
        .collect()
}

/// The axis limits: the earliest and latest day any event or document may fall on, with a
/// little room either side.
fn limits(events: &[Event]) -> (i32, i32) {
    let c = corpus();
    let dates = events
        .iter()
        .map(|e| e.date)
        .chain(c.documents.iter().map(|d| d.date.value));
    let mut lo = i32::MAX;
    let mut hi = i32::MIN;
    for d in dates {
        let (a, b) = d.bounds();
        for x in [a, b].into_iter().flatten() {
            lo = lo.min(x);
            hi = hi.max(x);
        }
    }
    if lo > hi {
        return (day_number(2012, 1, 1), day_number(2024, 1, 1));
    }
    (lo - 120, hi + 240)
}

fn year_of(day: f64) -> i32 {
    // Inverse of day_number, to the year: good enough for tick labels.
    let mut y = 1970 + (day / 365.2425).floor() as i32;
    while f64::from(day_number(y + 1, 1, 1)) <= day {
        y += 1;
    }
    while f64::from(day_number(y, 1, 1)) > day {
        y -= 1;
    }
    y
}

/// The day at a fraction of the view, as a month point (`2018-04`) for the range.
fn month_at(day: f64) -> Point {
    let y = year_of(day);
    let mut m = 1u8;
    while m < 12 && f64::from(day_number(y, m + 1, 1)) <= day {
        m += 1;
    }
    Point::Month { year: y, month: m }
}

/// `events`: the record's (`corpus().events`), or a synthetic set for the benchmark.
#[component]
pub fn TimelinePanel(route: Route, events: &'static [Event]) -> impl IntoView {
    let c = corpus();
    let axis_limits = limits(events);
    // Stored, so the closures that read it stay `Copy`.
    let all_spans = StoredValue::new(spans(events, axis_limits));
    // The spans in start order, sorted once: the layout runs every frame while panning,
    // and sorting presorted input is linear. `by_start[k]` is the event of the k-th span.
    let (sorted_spans, by_start) = {
        let s = spans(events, axis_limits);
        let mut order: Vec<usize> = (0..s.len()).collect();
        order.sort_by_key(|&i| (s[i].0, s[i].1));
        let sorted: Vec<(i32, i32)> = order.iter().map(|&i| s[i]).collect();
        (StoredValue::new(sorted), StoredValue::new(order))
    };
    let full = (f64::from(axis_limits.0), f64::from(axis_limits.1));
    let window_days = RwSignal::new(full);
    let size = RwSignal::new(800.0f64);
    let chart_ref = NodeRef::<leptos::html::Div>::new();
    // The chart follows its box's width; narrow boxes get the vertical chart.
    let measure = move || {
        if let Some(el) = chart_ref.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 {
                size.set(w);
            }
        }
    };
    Effect::new(move |_| {
        chart_ref.track();
        request_animation_frame(measure);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let vertical = move || size.get() < VERTICAL_BELOW;
    let length = move || {
        if vertical() {
            (events.len() as f64 * 14.0).clamp(420.0, 900.0)
        } else {
            size.get()
        }
    };
    let chosen = Memo::new(move |_| {
        route.with(|(v, _)| {
            v.actors
                .iter()
                .filter_map(|a| c.actor_index(a).map(|i| i as u16))
                .collect::<Vec<u16>>()
        })
    });
    let open_event = Memo::new(move |_| route.with(|(v, _)| v.event.clone()));
    let range = Memo::new(move |_| route.with(|(v, _)| v.range()));

    let zoom = move |factor: f64, centre: Option<f64>| {
        window_days.update(|(a, b)| {
            let mid = centre.unwrap_or((*a + *b) / 2.0);
            let span = ((*b - *a) * factor).clamp(20.0, full.1 - full.0);
            let mut lo = mid - (mid - *a) * span / (*b - *a);
            lo = lo.clamp(full.0, full.1 - span);
            *a = lo;
            *b = lo + span;
        })
    };
    let pan = move |fraction: f64| {
        window_days.update(|(a, b)| {
            let span = *b - *a;
            let lo = (*a + span * fraction).clamp(full.0, full.1 - span);
            *a = lo;
            *b = lo + span;
        })
    };
    let day_at = move |px: f64| {
        let (a, b) = window_days.get_untracked();
        a + (b - a) * (px / length()).clamp(0.0, 1.0)
    };

    // Pointer gestures: drag to pan, two fingers to pinch, drag on the axis strip to choose
    // a range. Positions are along the chart's axis.
    let drag = StoredValue::new(None::<(f64, (f64, f64))>);
    let pointers = StoredValue::new(Vec::<(i32, f64)>::new());
    let brush = RwSignal::new(None::<(f64, f64)>);
    let along = move |ev: &web_sys::PointerEvent| -> f64 {
        let target = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let rect = target.map(|t| t.get_bounding_client_rect());
        match rect {
            Some(r) if vertical() => f64::from(ev.client_y()) - r.top(),
            Some(r) => f64::from(ev.client_x()) - r.left(),
            None => 0.0,
        }
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        let at = along(&ev);
        pointers.update_value(|p| p.push((ev.pointer_id(), at)));
        let on_axis = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| t.class_list().contains("axis-strip"));
        if on_axis {
            brush.set(Some((at, at)));
        } else {
            drag.set_value(Some((at, window_days.get_untracked())));
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let at = along(&ev);
        let id = ev.pointer_id();
        let two = pointers.with_value(|p| p.len() == 2);
        if two {
            // Pinch: the change in distance between two pointers zooms about their middle.
            let (old, new) = pointers.with_value(|p| {
                let old = (p[0].1 - p[1].1).abs();
                let moved: Vec<f64> = p
                    .iter()
                    .map(|&(pid, x)| if pid == id { at } else { x })
                    .collect();
                (old, (moved[0] - moved[1]).abs())
            });
            if old > 4.0 && new > 4.0 {
                let mid = pointers.with_value(|p| (p[0].1 + p[1].1) / 2.0);
                zoom(old / new, Some(day_at(mid)));
            }
            pointers.update_value(|p| {
                if let Some(x) = p.iter_mut().find(|x| x.0 == id) {
                    x.1 = at;
                }
            });
            return;
        }
        if let Some((start, _)) = brush.get_untracked() {
            brush.set(Some((start, at)));
        } else if let Some((start, (a, b))) = drag.get_value() {
            let shift = (start - at) / length() * (b - a);
            let lo = (a + shift).clamp(full.0, full.1 - (b - a));
            window_days.set((lo, lo + (b - a)));
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|x| x.0 != ev.pointer_id()));
        drag.set_value(None);
        if let Some((s, e)) = brush.get_untracked() {
            brush.set(None);
            if (s - e).abs() > 6.0 {
                let (d0, d1) = (day_at(s.min(e)), day_at(s.max(e)));
                let mut view = route.with_untracked(|(v, _)| v.clone());
                view.from = Some(month_at(d0).iso());
                view.to = Some(month_at(d1).iso());
                push(&view);
            }
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let target = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let at = target.map_or(0.0, |t| {
            let r = t.get_bounding_client_rect();
            if vertical() {
                f64::from(ev.client_y()) - r.top()
            } else {
                f64::from(ev.client_x()) - r.left()
            }
        });
        let factor = if ev.delta_y() > 0.0 { 1.25 } else { 0.8 };
        zoom(factor, Some(day_at(at)));
    };

    // Keyboard over the events: arrows in date order, Home/End, +/- zoom, PageUp/Down pan.
    let focus_event = move |i: usize| {
        let span = all_spans.with_value(|s| s[i]);
        let (a, b) = window_days.get_untracked();
        let visible = f64::from(span.0) >= a && f64::from(span.1) <= b;
        let id = format!("tl-{}", events[i].id);
        let rendered = document().get_element_by_id(&id).is_some();
        if !visible || !rendered {
            // Bring it into view, close enough to stand apart from its neighbours.
            let half = ((b - a) / 4.0).max(30.0);
            let mid = f64::from(span.0 + span.1) / 2.0;
            let lo = (mid - half).clamp(full.0, full.1 - 2.0 * half);
            window_days.set((lo, lo + 2.0 * half));
        }
        request_animation_frame(move || {
            if let Some(el) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
            {
                let _ = el.focus();
            }
        });
    };
    let on_key = move |i: usize, ev: web_sys::KeyboardEvent| {
        let n = events.len();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some((i + 1).min(n - 1)),
            "ArrowLeft" | "ArrowUp" => Some(i.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(n - 1),
            "+" | "=" => {
                zoom(0.8, None);
                None
            }
            "-" => {
                zoom(1.25, None);
                None
            }
            "PageDown" => {
                pan(0.5);
                None
            }
            "PageUp" => {
                pan(-0.5);
                None
            }
            _ => return,
        };
        ev.prevent_default();
        if let Some(j) = next {
            focus_event(j);
        }
    };

    // Delegated from the chart: the mark (event or cluster) under a click or key.
    let mark_of = |ev: &web_sys::Event| -> Option<web_sys::Element> {
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("g.ev, g.cluster").ok().flatten())
    };
    let open = move |i: usize| {
        let view = route.with_untracked(|(v, _)| View {
            event: Some(events[i].id.clone()),
            ..v.clone()
        });
        push(&view);
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(mark) = mark_of(&ev) else { return };
        let num = |name: &str| mark.get_attribute(name).and_then(|v| v.parse::<i32>().ok());
        if let Some(i) = num("data-i") {
            open(i as usize);
        } else if let (Some(lo), Some(hi)) = (num("data-lo"), num("data-hi")) {
            let pad = f64::from(hi - lo).max(20.0) * 0.3;
            window_days.set((f64::from(lo) - pad, f64::from(hi) + pad));
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let Some(i) = mark_of(&ev)
            .and_then(|m| m.get_attribute("data-i"))
            .and_then(|v| v.parse::<usize>().ok())
        else {
            return;
        };
        if ev.key() == "Enter" {
            ev.prevent_default();
            open(i);
        } else {
            on_key(i, ev);
        }
    };

    let marks = move || {
        let len = length();
        let view = window_days.get();
        let mut laid = sorted_spans.with_value(|s| layout(s, view, len, MARKER, 3.0, LANES));
        by_start.with_value(|order| {
            for mark in &mut laid {
                for e in &mut mark.events {
                    *e = order[*e];
                }
            }
        });
        let chosen = chosen.get();
        let open = open_event.get();
        let vert = vertical();
        laid.into_iter()
            .map(|mark| {
                let lane_at = AXIS + 6.0 + mark.lane as f64 * LANE_SIZE;
                let (x, y, w, h) = if vert {
                    (lane_at, mark.x0, LANE_SIZE - 4.0, mark.x1 - mark.x0)
                } else {
                    (mark.x0, lane_at, mark.x1 - mark.x0, LANE_SIZE - 4.0)
                };
                if let [i] = mark.events[..] {
                    let e = &events[i];
                    let stand_out = e.actors.iter().any(|a| chosen.contains(a));
                    let is_open = open.as_deref() == Some(e.id.as_str());
                    let precise =
                        matches!(e.date, crate::engine::date::DateSpec::On(Point::Day { .. }));
                    let open_ended = matches!(
                        e.date,
                        crate::engine::date::DateSpec::By(_)
                            | crate::engine::date::DateSpec::OrLater(_)
                    );
                    let label = format!(
                        "{}: {}{}",
                        e.date,
                        e.title,
                        if e.disputed() { " (date disputed)" } else { "" }
                    );
                    // A focusable SVG group acting as a link (an `<a>` here would be made in
                    // the HTML namespace and draw nothing). Clicks and keys are handled once,
                    // on the chart, by `data-i`: no listeners per mark to rebuild each frame.
                    view! {
                        <g
                            id=format!("tl-{}", e.id)
                            class="ev"
                            class:stand-out=stand_out
                            class:open=is_open
                            class:span=!precise
                            class:disputed=e.disputed()
                            class:open-ended=open_ended
                            tabindex="0"
                            role="link"
                            aria-label=label
                            data-i=i
                        >
                            <rect x=x y=y width=w height=h rx="4" />
                        </g>
                    }
                    .into_any()
                } else {
                    // A cluster: its count, and a click zooms in on it.
                    let (lo, hi) = all_spans.with_value(|s| {
                        (
                            s[mark.events[0]].0,
                            mark.events.iter().map(|&k| s[k].1).max().unwrap_or(0),
                        )
                    });
                    let n = mark.events.len();
                    let (tx, ty) = (x + w / 2.0, y + h / 2.0 + 4.0);
                    view! {
                        <g class="cluster" data-lo=lo data-hi=hi>
                            <title>{format!("{n} events close together: select to zoom in")}</title>
                            <rect x=x y=y width=w.max(22.0) height=h.max(12.0) rx="6" />
                            <text x=tx y=ty text-anchor="middle">{n}</text>
                        </g>
                    }
                    .into_any()
                }
            })
            .collect_view()
    };

    let ticks = move || {
        let (a, b) = window_days.get();
        let len = length();
        let vert = vertical();
        let (y0, y1) = (year_of(a), year_of(b));
        let step = ((y1 - y0) / 12).max(1);
        (y0..=y1 + 1)
            .filter(|y| (y - y0) % step == 0)
            .filter_map(|y| {
                let at = (f64::from(day_number(y, 1, 1)) - a) / (b - a) * len;
                (0.0..=len).contains(&at).then(|| {
                    let (x1, y1_, x2, y2, tx, ty) = if vert {
                        (0.0, at, AXIS, at, 2.0, at - 3.0)
                    } else {
                        (at, 0.0, at, AXIS, at + 3.0, 14.0)
                    };
                    view! {
                        <g class="tick">
                            <line x1=x1 y1=y1_ x2=x2 y2=y2 />
                            <text x=tx y=ty>{y}</text>
                        </g>
                    }
                })
            })
            .collect_view()
    };
    let range_band = move || {
        let r = range.get();
        if r.is_empty() {
            return None;
        }
        let (a, b) = window_days.get();
        let len = length();
        let (d0, d1) = r.days();
        let p0 = ((f64::from(d0.max(axis_limits.0)) - a) / (b - a) * len).clamp(0.0, len);
        let p1 = ((f64::from(d1.min(axis_limits.1)) - a) / (b - a) * len).clamp(0.0, len);
        let depth = AXIS + 6.0 + LANES as f64 * LANE_SIZE;
        let (x, y, w, h) = if vertical() {
            (0.0, p0, depth, (p1 - p0).max(2.0))
        } else {
            (p0, 0.0, (p1 - p0).max(2.0), depth)
        };
        Some(view! { <rect class="range-band" x=x y=y width=w height=h /> })
    };
    let brush_band = move || {
        brush.get().map(|(s, e)| {
            let (lo, hi) = (s.min(e), s.max(e));
            let (x, y, w, h) = if vertical() {
                (0.0, lo, AXIS, hi - lo)
            } else {
                (lo, 0.0, hi - lo, AXIS)
            };
            view! { <rect class="brush" x=x y=y width=w height=h /> }
        })
    };
    let depth = AXIS + 10.0 + LANES as f64 * LANE_SIZE;
    let view_box = move || {
        if vertical() {
            format!("0 0 {depth} {}", length())
        } else {
            format!("0 0 {} {depth}", length())
        }
    };
    let axis_strip = move || {
        if vertical() {
            view! { <rect class="axis-strip" x="0" y="0" width=AXIS height=length() /> }
        } else {
            view! { <rect class="axis-strip" x="0" y="0" width=length() height=AXIS /> }
        }
    };

    // The range fields.
    let set_end = move |which: &'static str, value: String| {
        let mut view = route.with_untracked(|(v, _)| v.clone());
        let value = (!value.is_empty() && parse_point(&value).is_ok()).then_some(value);
        if which == "from" {
            view.from = value;
        } else {
            view.to = value;
        }
        push(&view);
    };
    let from_value = move || {
        route.with(|(v, _)| {
            v.range()
                .from
                .map(|p| day_input(p, true))
                .unwrap_or_default()
        })
    };
    let to_value = move || {
        route.with(|(v, _)| {
            v.range()
                .to
                .map(|p| day_input(p, false))
                .unwrap_or_default()
        })
    };

    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <p class="timeline-hint">
                "Drag to move, wheel or pinch to zoom; drag along the dates to choose a range. \
                 Arrow keys move from event to event, Enter opens one."
            </p>
            <div class="timeline-controls">
                <button type="button" on:click=move |_| zoom(0.6, None)>"Zoom in"</button>
                <button type="button" on:click=move |_| zoom(1.0 / 0.6, None)>"Zoom out"</button>
                <button type="button" on:click=move |_| window_days.set(full)>"Show all"</button>
                <label>
                    "From " <input type="date" prop:value=from_value
                        on:change=move |ev| set_end("from", event_target_value(&ev)) />
                </label>
                <label>
                    "To " <input type="date" prop:value=to_value
                        on:change=move |ev| set_end("to", event_target_value(&ev)) />
                </label>
                <button
                    type="button"
                    hidden=move || range.with(|r| r.is_empty())
                    on:click=move |_| {
                        let mut view = route.with_untracked(|(v, _)| v.clone());
                        view.from = None;
                        view.to = None;
                        push(&view);
                    }
                >
                    "Clear dates"
                </button>
            </div>
            <div class="timeline-chart" class:vertical=vertical node_ref=chart_ref>
                <svg
                    viewBox=view_box
                    class="timeline-svg"
                    role="group"
                    aria-label="Timeline chart; the list below holds the same events"
                    on:pointerdown=on_down
                    on:pointermove=on_move
                    on:pointerup=on_up
                    on:pointercancel=on_up
                    on:wheel=on_wheel
                    on:click=on_click
                    on:keydown=on_keydown
                >
                    {axis_strip}
                    {ticks}
                    {range_band}
                    {brush_band}
                    {marks}
                </svg>
            </div>
            <EventList route=route chosen=chosen events=events />
            {move || {
                open_event
                    .get()
                    .and_then(|id| events.iter().position(|e| e.id == id))
                    .map(|i| view! { <EventDetail event=&events[i] route=route /> })
            }}
        </section>
    }
}

/// A point as the value of an `<input type="date">`: its first day for "from", its last
/// for "to".
fn day_input(p: Point, first: bool) -> String {
    let (a, b) = p.span();
    let day = if first { a } else { b };
    // Find the calendar date of a day number.
    let y = year_of(f64::from(day));
    let mut m = 1u8;
    while m < 12 && day_number(y, m + 1, 1) <= day {
        m += 1;
    }
    let d = day - day_number(y, m, 1) + 1;
    format!("{y:04}-{m:02}-{d:02}")
}

/// The text alternative: every event, in date order, with its date, title and any dispute.
/// Events listed before "Show all": the record's 49 all show; a timeline of thousands
/// would otherwise make every redraw of the page restyle thousands of list items.
const LIST_FIRST: usize = 200;

#[component]
fn EventList(route: Route, chosen: Memo<Vec<u16>>, events: &'static [Event]) -> impl IntoView {
    let show_all = RwSignal::new(events.len() <= LIST_FIRST);
    let items = move || {
        let chosen = chosen.get();
        let range = route.with(|(v, _)| v.range());
        let shown = if show_all.get() {
            events.len()
        } else {
            LIST_FIRST
        };
        events[..shown]
            .iter()
            .map(|e| {
                let href = route.with_untracked(|(v, _)| View {
                    event: Some(e.id.clone()),
                    ..v.clone()
                });
                let dispute = e.disputed().then(|| {
                    let others: Vec<String> = e.claims.iter().map(|c| c.date.to_string()).collect();
                    view! {
                        <span class="dispute">{format!(" (disputed: also given as {})", others.join(", "))}</span>
                    }
                });
                let in_range = range.is_empty() || range.overlaps(e.date);
                let stand_out = e.actors.iter().any(|a| chosen.contains(a));
                view! {
                    <li class:stand-out=stand_out class:out-of-range=!in_range>
                        {date_view(e.date)}
                        " — "
                        <a href=href.to_url()>{e.title.clone()}</a>
                        {dispute}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <details class="event-list" open>
            <summary>{format!("The events as a list ({})", events.len())}</summary>
            <ol aria-label="Timeline events">{items}</ol>
            <button type="button" hidden=move || show_all.get() on:click=move |_| show_all.set(true)>
                {format!("Show all {} events", events.len())}
            </button>
        </details>
    }
}

/// The open event: its date and precision, any dispute with each side's sources, its
/// actors, and the passages that state it.
#[component]
fn EventDetail(event: &'static Event, route: Route) -> impl IntoView {
    let c = corpus();
    let e = event;
    let sources = |list: &[(u16, u16)]| {
        list.iter()
            .map(|&(d, p)| {
                let doc = &c.documents[usize::from(d)];
                let passage = &doc.passages[usize::from(p)];
                let href = View {
                    doc: Some(doc.id.clone()),
                    passage: Some(passage.key.clone()),
                    ..View::default()
                }
                .to_url();
                view! {
                    <li>
                        <blockquote>{passage.text.clone()}</blockquote>
                        <a href=href>{format!("{}, paragraph {}", doc.title.value, passage.number)}</a>
                    </li>
                }
            })
            .collect_view()
    };
    let claims = e
        .claims
        .iter()
        .map(|claim| {
            view! {
                <li>
                    <p>{format!("Also given as {} ({}):", claim.date, claim.date.precision())}</p>
                    <ul class="sources">{sources(&claim.sources)}</ul>
                </li>
            }
        })
        .collect_view();
    let actors = e
        .actors
        .iter()
        .map(|&a| {
            let actor = &c.actors[usize::from(a)];
            let href = View {
                actor: Some(actor.id.clone()),
                ..View::default()
            }
            .to_url();
            view! { <li><a href=href>{actor.name.clone()}</a></li> }
        })
        .collect_view();
    let close = route.with_untracked(|(v, _)| View {
        event: None,
        ..v.clone()
    });
    view! {
        <section class="event-detail" aria-labelledby="event-title">
            <h3 id="event-title" tabindex="-1">{e.title.clone()}</h3>
            <p>
                {date_view(e.date)}
                {format!(" ({})", e.date.precision())}
                {e.disputed().then_some(" · the sources disagree on the date")}
            </p>
            {e.note.clone().map(|n| view! { <p class="note">{n}</p> })}
            <h4>"Stated in"</h4>
            <ul class="sources">{sources(&e.sources)}</ul>
            {e.disputed().then(|| view! { <h4>"Other dates given"</h4> <ul>{claims}</ul> })}
            {(!e.actors.is_empty()).then(|| view! { <h4>"Who"</h4> <ul class="with-list">{actors}</ul> })}
            {corpus().events.iter().position(|x| std::ptr::eq(x, e)).map(|index| {
                let fragment = View {
                    event: Some(e.id.clone()),
                    ..View::default()
                }
                .to_url();
                view! {
                    <super::cite::CiteTools
                        subject=super::cite::Subject::Event { index }
                        fragment=fragment
                    />
                }
            })}
            <p><a href=close.to_url()>"Close this event"</a></p>
        </section>
    }
}
