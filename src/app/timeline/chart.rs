//! The timeline chart: an SVG of the events (across the page on wide screens, down it on
//! narrow ones), the year ticks, the chosen range, and the gestures: drag to pan, wheel or
//! pinch to zoom, drag along the axis to choose a range, keys to move between events. The
//! viewport and the layout are `engine::timeline`; this file draws them and turns pointer
//! positions into calls on them.

use super::super::state;
use super::Shared;
use crate::engine::date::{DateSpec, Point};
use crate::engine::timeline::{layout, spans, Mark, Viewport};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::svg::Svg;
use wasm_bindgen::JsCast;

/// Below this width (CSS pixels) the chart runs down the page instead of across.
const VERTICAL_BELOW: f64 = 600.0;
const LANES: usize = 8;
const LANE_SIZE: f64 = 16.0;
const MARKER: f64 = 12.0;
const AXIS: f64 = 34.0;

/// The mark (event or cluster) an event happened in, found from the chart's own listener.
fn mark_of(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("g.ev, g.cluster").ok().flatten())
}

#[component]
pub fn Chart(shared: Shared) -> impl IntoView {
    let s = state();
    let Shared {
        events, viewport, ..
    } = shared;
    let limits = viewport.with_untracked(|v| (v.full.0 as i32, v.full.1 as i32));
    // Stored, so the closures that read it stay `Copy`.
    let all_spans = StoredValue::new(spans(events, limits));
    // The spans in start order, sorted once: the layout runs every frame while panning,
    // and sorting presorted input is linear. `by_start[k]` is the event of the k-th span.
    let (sorted_spans, by_start) = all_spans.with_value(|s| {
        let mut order: Vec<usize> = (0..s.len()).collect();
        order.sort_by_key(|&i| (s[i].0, s[i].1));
        let sorted: Vec<(i32, i32)> = order.iter().map(|&i| s[i]).collect();
        (StoredValue::new(sorted), StoredValue::new(order))
    });

    let size = RwSignal::new(800.0f64);
    // Marks and ticks wait for the first measure: drawn at a guessed width, they would be
    // drawn twice as the app starts (on a phone, once across and again down the page).
    let measured = RwSignal::new(false);
    let chart_ref = NodeRef::<Div>::new();
    let svg_ref = NodeRef::<Svg>::new();
    // The chart follows its box's width; narrow boxes get the vertical chart.
    let measure = move || {
        if let Some(el) = chart_ref.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 {
                size.set(w);
                measured.set(true);
            }
        }
    };
    Effect::new(move |_| {
        chart_ref.track();
        request_animation_frame(measure);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let vertical = Memo::new(move |_| size.get() < VERTICAL_BELOW);
    let length = Memo::new(move |_| {
        if vertical.get() {
            (events.len() as f64 * 14.0).clamp(420.0, 900.0)
        } else {
            size.get()
        }
    });
    let change = move |f: &dyn Fn(&Viewport) -> Viewport| viewport.update(|v| *v = f(v));

    // Pointer gestures. Positions are pixels along the chart's axis.
    let drag = StoredValue::new(None::<(f64, Viewport)>);
    let pointers = StoredValue::new(Vec::<(i32, f64)>::new());
    let brush = RwSignal::new(None::<(f64, f64)>);
    let along = move |ev: &web_sys::MouseEvent| -> f64 {
        let rect = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|t| t.get_bounding_client_rect());
        match rect {
            Some(r) if vertical.get_untracked() => f64::from(ev.client_y()) - r.top(),
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
            drag.set_value(Some((at, viewport.get_untracked())));
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let at = along(&ev);
        let id = ev.pointer_id();
        let len = length.get_untracked();
        if pointers.with_value(|p| p.len() == 2) {
            // Pinch: the change in distance between two pointers zooms about their middle.
            let (old, new, mid) = pointers.with_value(|p| {
                let moved: Vec<f64> = p
                    .iter()
                    .map(|&(pid, x)| if pid == id { at } else { x })
                    .collect();
                (
                    (p[0].1 - p[1].1).abs(),
                    (moved[0] - moved[1]).abs(),
                    (p[0].1 + p[1].1) / 2.0,
                )
            });
            if old > 4.0 && new > 4.0 {
                change(&|v| v.zoom(old / new, Some(v.day_at(mid, len))));
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
        } else if let Some((start, from)) = drag.get_value() {
            viewport.set(from.dragged(start, at, len));
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|x| x.0 != ev.pointer_id()));
        drag.set_value(None);
        if let Some((a, b)) = brush.get_untracked() {
            brush.set(None);
            if (a - b).abs() > 6.0 {
                let (v, len) = (viewport.get_untracked(), length.get_untracked());
                let from = v.month_at(a.min(b), len);
                let to = v.month_at(a.max(b), len);
                s.push(|view| view.with_range(Some(from), Some(to)));
            }
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let at = along(&ev);
        let len = length.get_untracked();
        let factor = if ev.delta_y() > 0.0 { 1.25 } else { 0.8 };
        change(&|v| v.zoom(factor, Some(v.day_at(at, len))));
    };

    // Keyboard over the events: arrows in date order, Home/End, +/- zoom, PageUp/Down pan.
    let focus_event = move |i: usize| {
        let (first, last) = all_spans.with_value(|s| s[i]);
        let selector = format!("g.ev[data-i='{i}']");
        let find = move || {
            svg_ref
                .get_untracked()
                .and_then(|svg| svg.query_selector(&selector).ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
        };
        if find().is_none() {
            // Not drawn alone (out of view, or in a cluster): zoom in around it.
            change(&|v| {
                let shown = v.reveal(first, last);
                if shown == *v {
                    v.around(first, last)
                } else {
                    shown
                }
            });
        }
        request_animation_frame(move || {
            if let Some(el) = find() {
                let _ = el.focus();
            }
        });
    };
    // After zooming or panning from the keyboard the marks are drawn anew: focus goes back
    // to the same event if it is still drawn alone, else to the first event drawn, so the
    // keys keep working. In a microtask queued after the redraw's, so before the next key.
    let keep_focus = move |i: usize| {
        queue_microtask(move || {
            let Some(svg) = svg_ref.get_untracked() else {
                return;
            };
            let mark = svg
                .query_selector(&format!("g.ev[data-i='{i}']"))
                .ok()
                .flatten()
                .or_else(|| svg.query_selector("g.ev").ok().flatten());
            if let Some(el) = mark.and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok()) {
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
                change(&|v| v.zoom(0.8, None));
                None
            }
            "-" => {
                change(&|v| v.zoom(1.25, None));
                None
            }
            "PageDown" => {
                change(&|v| v.pan(0.5));
                None
            }
            "PageUp" => {
                change(&|v| v.pan(-0.5));
                None
            }
            _ => return,
        };
        ev.prevent_default();
        match next {
            Some(j) => focus_event(j),
            None => keep_focus(i),
        }
    };

    let open = move |i: usize| s.push(|v| v.open_event(&events[i].id));
    // Clicks and keys are handled once, here, by `data-i`: no listeners per mark to
    // rebuild each frame.
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(mark) = mark_of(&ev) else { return };
        let num = |name: &str| mark.get_attribute(name).and_then(|v| v.parse::<i32>().ok());
        if let Some(i) = num("data-i") {
            open(i as usize);
        } else if let (Some(lo), Some(hi)) = (num("data-lo"), num("data-hi")) {
            change(&|v| v.around(lo, hi));
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
        if !measured.get() {
            return None;
        }
        let len = length.get();
        let v = viewport.get();
        let mut laid = sorted_spans.with_value(|s| layout(s, v.window, len, MARKER, 3.0, LANES));
        by_start.with_value(|order| {
            for mark in &mut laid {
                for e in &mut mark.events {
                    *e = order[*e];
                }
            }
        });
        let vert = vertical.get();
        // Read here, once per drawing, rather than by a reactive class on every mark: a
        // frame while panning draws hundreds of marks.
        let open = s.event.get();
        shared
            .touched
            .with(|touched| {
                laid.into_iter()
                    .map(|mark| mark_view(&mark, vert, shared, all_spans, touched, open))
                    .collect_view()
            })
            .into()
    };
    let ticks = move || {
        if !measured.get() {
            return None;
        }
        let v = viewport.get();
        let len = length.get();
        let vert = vertical.get();
        v.year_ticks()
            .into_iter()
            .map(|(year, day)| {
                let at = v.px_at(day, len);
                let (x1, y1, x2, y2, tx, ty) = if vert {
                    (0.0, at, AXIS, at, 2.0, at - 3.0)
                } else {
                    (at, 0.0, at, AXIS, at + 3.0, 14.0)
                };
                view! {
                    <g class="tick">
                        <line x1=x1 y1=y1 x2=x2 y2=y2 />
                        <text x=tx y=ty>{year}</text>
                    </g>
                }
            })
            .collect_view()
            .into()
    };
    let range_band = move || {
        let r = s.range.get();
        if r.is_empty() {
            return None;
        }
        let v = viewport.get();
        let len = length.get();
        let (d0, d1) = r.days();
        let px = |d: i32| {
            v.px_at(f64::from(d.clamp(limits.0, limits.1)), len)
                .clamp(0.0, len)
        };
        let (p0, p1) = (px(d0), px(d1));
        let depth = AXIS + 6.0 + LANES as f64 * LANE_SIZE;
        let (x, y, w, h) = if vertical.get() {
            (0.0, p0, depth, (p1 - p0).max(2.0))
        } else {
            (p0, 0.0, (p1 - p0).max(2.0), depth)
        };
        Some(view! { <rect class="range-band" x=x y=y width=w height=h /> })
    };
    let brush_band = move || {
        brush.get().map(|(a, b)| {
            let (lo, hi) = (a.min(b), a.max(b));
            let (x, y, w, h) = if vertical.get() {
                (0.0, lo, AXIS, hi - lo)
            } else {
                (lo, 0.0, hi - lo, AXIS)
            };
            view! { <rect class="brush" x=x y=y width=w height=h /> }
        })
    };
    let depth = AXIS + 10.0 + LANES as f64 * LANE_SIZE;
    let view_box = move || {
        if vertical.get() {
            format!("0 0 {depth} {}", length.get())
        } else {
            format!("0 0 {} {depth}", length.get())
        }
    };
    let axis_strip = move || {
        let (w, h) = if vertical.get() {
            (AXIS, length.get())
        } else {
            (length.get(), AXIS)
        };
        view! { <rect class="axis-strip" x="0" y="0" width=w height=h /> }
    };
    view! {
        <div class="timeline-chart" class:vertical=vertical node_ref=chart_ref>
            <svg
                viewBox=view_box
                class="timeline-svg"
                role="group"
                aria-label="Timeline chart; the list below holds the same events"
                node_ref=svg_ref
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
    }
}

/// One mark: an event as a focusable group acting as a link (an `<a>` here would be made
/// in the HTML namespace and draw nothing), or a cluster with its count.
fn mark_view(
    mark: &Mark,
    vertical: bool,
    shared: Shared,
    all_spans: StoredValue<Vec<(i32, i32)>>,
    touched: &[bool],
    open: Option<usize>,
) -> AnyView {
    let lane_at = AXIS + 6.0 + mark.lane as f64 * LANE_SIZE;
    let (x, y, w, h) = if vertical {
        (lane_at, mark.x0, LANE_SIZE - 4.0, mark.x1 - mark.x0)
    } else {
        (mark.x0, lane_at, mark.x1 - mark.x0, LANE_SIZE - 4.0)
    };
    if let [i] = mark.events[..] {
        let e = &shared.events[i];
        let precise = matches!(e.date, DateSpec::On(Point::Day { .. }));
        let open_ended = matches!(e.date, DateSpec::By(_) | DateSpec::OrLater(_));
        let label = format!(
            "{}: {}{}",
            e.date,
            e.title,
            if e.disputed() { " (date disputed)" } else { "" }
        );
        view! {
            <g
                id=format!("tl-{}", e.id)
                class="ev"
                class:stand-out=touched[i]
                class:open=open == Some(i)
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
}
