//! The timeline chart: an SVG of the events with their titles (across the page on wide
//! screens, down it on narrow ones), the year ticks, the record's own publication dates, the
//! chosen range, a card for the event under the pointer or focus, and the gestures: drag to
//! pan, wheel or pinch to zoom, click a year to zoom to it, drag along the axis to choose a
//! range, keys to move between events. The viewport and the layout are `engine::timeline`;
//! this file measures the labels once, draws, and turns pointer positions into calls.

use super::super::state;
use super::Shared;
use crate::compiled::corpus;
use crate::engine::date::{day_number, DateSpec, Point};
use crate::engine::model::Event;
use crate::engine::timeline::{fit_label, layout, spans, Labels, Mark, Viewport};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::svg::Svg;
use wasm_bindgen::JsCast;

/// A coordinate written to one decimal with integer formatting only: formatting floats
/// with a precision would pull the float formatter into the WebAssembly.
struct Px(f64);

impl std::fmt::Display for Px {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let t = tenths.unsigned_abs();
        write!(f, "{sign}{}.{}", t / 10, t % 10)
    }
}

/// Month names on the axis of a short window.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Below this width (CSS pixels) the chart runs down the page instead of across.
const VERTICAL_BELOW: f64 = 600.0;
/// Lanes across: as many as the record needs at the whole span, within these bounds.
const MIN_LANES: usize = 4;
const MAX_LANES: usize = 22;
/// One lane across: a label over its bar.
const ROW: f64 = 20.0;
const BAR: f64 = 6.0;
const MARKER: f64 = 8.0;
const AXIS: f64 = 24.0;
/// Between a label's room and the next mark in its lane.
const GAP: f64 = 6.0;
/// Held for a label when lanes are chosen; a label grows past it where its lane has room.
const RESERVE: f64 = 100.0;
/// Room kept for the card under a mark: about four lines, and three more for a
/// disagreement's question.
const CARD_HEIGHT: f64 = 130.0;
const CARD_DISAGREEMENT: f64 = 75.0;
/// Label font size (CSS `.timeline-svg .label`), for measuring.
const LABEL_PX: f64 = 12.0;
/// Down the page: the chart's length, the row a label takes, the axis's width, and the
/// narrowest column of marks with their labels beside them.
const V_LENGTH: f64 = 760.0;
const V_ROW: f64 = 18.0;
const V_AXIS: f64 = 36.0;
const V_COLUMN: f64 = 120.0;
/// Down the page, the most of its column a mark holds (its tail is drawn faintly beyond).
const V_HOLD: f64 = 3.0 * V_ROW;

/// The mark (event or cluster) an event happened in, found from the chart's own listener.
fn mark_of(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("g.ev, g.cluster, g.year").ok().flatten())
}

/// Each character's width in the labels' font, measured once with a canvas (no layout),
/// so a label is cut to its room by arithmetic: printable ASCII by table, the few other
/// characters the titles use (curly quotes, dashes, the ellipsis) in a short list.
/// Unmeasured characters count as wide.
struct CharWidths {
    ascii: [f64; 128],
    other: Vec<(char, f64)>,
}

impl CharWidths {
    fn measure(el: &web_sys::Element, texts: &mut dyn Iterator<Item = &str>) -> CharWidths {
        let mut other: Vec<char> = vec!['…'];
        for c in texts.flat_map(str::chars) {
            if !c.is_ascii() && !other.contains(&c) {
                other.push(c);
            }
        }
        let family = window()
            .get_computed_style(el)
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value("font-family").ok())
            .unwrap_or_else(|| "sans-serif".to_string());
        let context = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let wide = LABEL_PX * 0.75;
        let mut widths = CharWidths {
            ascii: [wide; 128],
            other: other.iter().map(|&c| (c, wide)).collect(),
        };
        if let Some(ctx) = context {
            ctx.set_font(&format!("{LABEL_PX}px {family}"));
            let mut buf = [0u8; 4];
            let mut width = |c: char| {
                ctx.measure_text(c.encode_utf8(&mut buf))
                    .map_or(wide, |m| m.width())
            };
            for b in 32u8..127 {
                widths.ascii[usize::from(b)] = width(char::from(b));
            }
            for x in &mut widths.other {
                x.1 = width(x.0);
            }
        }
        widths
    }

    fn of(&self, c: char) -> f64 {
        match u8::try_from(c) {
            Ok(b) if b < 128 => self.ascii[usize::from(b)],
            _ => self
                .other
                .iter()
                .find(|x| x.0 == c)
                .map_or(LABEL_PX * 0.75, |x| x.1),
        }
    }

    fn text(&self, s: &str) -> f64 {
        s.chars().map(|c| self.of(c)).sum()
    }
}

/// How a mark's bar is drawn, from its date: a dot for a known day, a hatched span for a
/// date known only to a period (it happened within it, it did not last it), a fading span
/// for an open end, and the record's own publications apart.
fn bar_kind(date: DateSpec, publication: bool) -> &'static str {
    match date {
        _ if publication => "pub",
        DateSpec::On(Point::Day { .. }) => "day",
        DateSpec::By(_) => "by",
        DateSpec::OrLater(_) => "or-later",
        _ => "period",
    }
}

#[component]
pub fn Chart(shared: Shared, card: RwSignal<Option<(usize, f64, f64)>>) -> impl IntoView {
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
    let publications: Vec<i32> = corpus()
        .documents
        .iter()
        .filter_map(|d| d.date.value.bounds().0)
        .collect();

    let size = RwSignal::new(800.0f64);
    // Marks and ticks wait for the first measure: drawn at a guessed width, they would be
    // drawn twice as the app starts (on a phone, once across and again down the page).
    let measured = RwSignal::new(false);
    let chart_ref = NodeRef::<Div>::new();
    let svg_ref = NodeRef::<Svg>::new();
    // Label widths, measured once: each character's, then each title's (in start order).
    let widths = StoredValue::new(None::<CharWidths>);
    let wants = StoredValue::new(Vec::<f64>::new());
    // The chart follows its box's width; narrow boxes get the vertical chart.
    let measure = move || {
        if let Some(el) = chart_ref.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 {
                if widths.with_value(Option::is_none) {
                    let cw = CharWidths::measure(&el, &mut events.iter().map(|e| e.title.as_str()));
                    let w: Vec<f64> = by_start.with_value(|order| {
                        order
                            .iter()
                            .map(|&i| cw.text(&events[i].title) + GAP)
                            .collect()
                    });
                    wants.set_value(w);
                    widths.set_value(Some(cw));
                }
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
    let length = Memo::new(move |_| if vertical.get() { V_LENGTH } else { size.get() });
    // Down the page: columns of marks, each with its labels beside it.
    let columns =
        Memo::new(move |_| (((size.get() - V_AXIS) / V_COLUMN).floor() as usize).clamp(1, 4));
    // The lanes the whole span needs (so the chart keeps one height while zooming).
    let lanes = Memo::new(move |_| {
        if !measured.get() {
            return MIN_LANES;
        }
        if vertical.get() {
            return columns.get();
        }
        let len = length.get();
        let full = viewport.with_untracked(|v| v.full);
        let used = sorted_spans.with_value(|sp| {
            wants.with_value(|w| {
                let want = |k: usize| w.get(k).copied().unwrap_or(0.0);
                let labels = Labels {
                    want: &want,
                    reserve: RESERVE,
                    spread: false,
                };
                layout(sp, full, len, MARKER, GAP, MAX_LANES, &labels)
                    .iter()
                    .map(|m| m.lane + 1)
                    .max()
                    .unwrap_or(0)
            })
        });
        used.clamp(MIN_LANES, MAX_LANES)
    });
    let depth = Memo::new(move |_| {
        if vertical.get() {
            size.get()
        } else {
            AXIS + 6.0 + lanes.get() as f64 * ROW
        }
    });
    let change = move |f: &dyn Fn(&Viewport) -> Viewport| viewport.update(|v| *v = f(v));

    // Choosing dates zooms the chart to them.
    Effect::new(move |previous: Option<(i32, i32)>| {
        let r = s.range.get();
        let days = r.days();
        if !r.is_empty() && previous != Some(days) {
            let (a, b) = (days.0.max(limits.0), days.1.min(limits.1));
            viewport.update(|v| *v = v.showing(a, b));
        }
        days
    });

    // Pointer gestures. Positions are pixels along the chart's axis.
    let drag = StoredValue::new(None::<(f64, Viewport)>);
    let pointers = StoredValue::new(Vec::<(i32, f64)>::new());
    let brush = RwSignal::new(None::<(f64, f64)>);
    // Whether the pointer moved while down: then its click is the end of a drag, and
    // neither opens an event nor zooms to a year.
    let moved = StoredValue::new(false);
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
        // On the axis (its strip or a year): a drag along it chooses dates.
        let on_axis = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".axis-strip, g.year").ok().flatten())
            .is_some();
        moved.set_value(false);
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
            if (at - start).abs() > 6.0 {
                moved.set_value(true);
            }
            brush.set(Some((start, at)));
        } else if let Some((start, from)) = drag.get_value() {
            if (at - start).abs() > 4.0 {
                moved.set_value(true);
                card.set(None);
            }
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
        card.set(None);
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
        if moved.get_value() {
            moved.set_value(false);
            return;
        }
        let Some(mark) = mark_of(&ev) else { return };
        let num = |name: &str| mark.get_attribute(name).and_then(|v| v.parse::<i32>().ok());
        if let Some(i) = num("data-i") {
            open(i as usize);
        } else if let Some(year) = num("data-year") {
            change(&|v| v.showing(day_number(year, 1, 1), day_number(year, 12, 31)));
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
    // The card: for the event under the pointer, or focused; placed under its mark.
    // The card goes under the mark, or above it where the chart ends, placed from the
    // mark's own coordinates (the SVG's units are the chart's pixels): no layout is read,
    // so it is right even while the browser still skips the off-screen chart's layout.
    let show_card = move |el: &web_sys::Element| {
        let Some(i) = el
            .get_attribute("data-i")
            .and_then(|v| v.parse::<usize>().ok())
        else {
            return;
        };
        // The mark's box in whole pixels (`data-box`: x, y, height), written with it.
        let b: Vec<f64> = el
            .get_attribute("data-box")
            .unwrap_or_default()
            .split(',')
            .filter_map(|v| v.parse::<i32>().ok().map(f64::from))
            .collect();
        let [x, y, h] = b[..] else {
            return;
        };
        let (width, content) = if vertical.get_untracked() {
            (size.get_untracked(), length.get_untracked())
        } else {
            (length.get_untracked(), depth.get_untracked())
        };
        let left = x.clamp(0.0, (width - 320.0).max(0.0));
        let tall = CARD_HEIGHT
            + if events[i].disagreement.is_some() {
                CARD_DISAGREEMENT
            } else {
                0.0
            };
        let below = y + h + 4.0;
        let top = if below + tall > content {
            (y - tall - 4.0).max(0.0)
        } else {
            below
        };
        if card.get_untracked().map(|x| x.0) != Some(i) {
            card.set(Some((i, left, top)));
        }
    };
    let on_over = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() == "mouse" && drag.with_value(Option::is_none) {
            match mark_of(&ev).filter(|m| m.class_list().contains("ev")) {
                Some(m) => show_card(&m),
                None => card.set(None),
            }
        }
    };
    let on_focusin = move |ev: web_sys::FocusEvent| {
        if let Some(m) = mark_of(&ev).filter(|m| m.class_list().contains("ev")) {
            show_card(&m);
        }
    };

    let marks = move || {
        if !measured.get() {
            return None;
        }
        let len = length.get();
        let v = viewport.get();
        let vert = vertical.get();
        let n_lanes = lanes.get();
        let mut laid = sorted_spans.with_value(|sp| {
            wants.with_value(|w| {
                let want = |k: usize| {
                    if vert {
                        V_ROW
                    } else {
                        w.get(k).copied().unwrap_or(0.0)
                    }
                };
                let labels = Labels {
                    want: &want,
                    reserve: if vert { V_ROW } else { RESERVE },
                    spread: !vert,
                };
                // Down the page a long span holds its column only for a few rows (the
                // rest is drawn as a faint tail behind later marks): a year-long "2021"
                // would otherwise take a column from every event in a three-month view.
                let capped: Vec<(i32, i32)>;
                let sp = if vert {
                    let cap = V_HOLD * v.span() / len;
                    capped = sp
                        .iter()
                        .map(|&(a, b)| {
                            let from = f64::from(a).max(v.window.0);
                            (a, b.min((from + cap) as i32).max(a))
                        })
                        .collect();
                    &capped[..]
                } else {
                    sp
                };
                layout(
                    sp,
                    v.window,
                    len,
                    MARKER,
                    if vert { 2.0 } else { GAP },
                    n_lanes,
                    &labels,
                )
            })
        });
        by_start.with_value(|order| {
            for mark in &mut laid {
                for e in &mut mark.events {
                    *e = order[*e];
                }
            }
        });
        let column = (size.get() - V_AXIS) / n_lanes.max(1) as f64;
        // Read here, once per drawing, rather than by a reactive class on every mark: a
        // frame while panning draws hundreds of marks.
        let open = s.event.get();
        let geometry = Geometry {
            vertical: vert,
            column,
        };
        let mut html = String::with_capacity(laid.len() * 400);
        widths.with_value(|cw| {
            let cw = cw.as_ref()?;
            all_spans.with_value(|spans| {
                shared.touched.with(|touched| {
                    for mark in &laid {
                        if vert {
                            tail_html(&mut html, mark, geometry, spans, &|d| {
                                v.px_at(f64::from(d) + 1.0, len)
                            });
                        }
                        mark_html(&mut html, mark, geometry, events, spans, touched, open, cw);
                    }
                })
            });
            Some(())
        })?;
        Some(html)
    };
    // The years and the publications' lines, as markup like the marks (redrawn each frame).
    let ticks = move || {
        use std::fmt::Write;
        if !measured.get() {
            return String::new();
        }
        let v = viewport.get();
        let len = length.get();
        let vert = vertical.get();
        let d = depth.get();
        let mut out = String::with_capacity(2048);
        for &day in &publications {
            let at = v.px_at(f64::from(day), len);
            let (x1, y1, x2, y2) = if vert {
                (0.0, at, d, at)
            } else {
                (at, 0.0, at, d)
            };
            let _ = write!(
                out,
                r#"<line class="pub-rule" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>"#,
                x1 = Px(x1),
                y1 = Px(y1),
                x2 = Px(x2),
                y2 = Px(y2)
            );
        }
        // Months, when the window is short enough for them; the years are clickable.
        for (year, month, day) in v.month_ticks() {
            let at = v.px_at(day, len);
            let name = &MONTHS[usize::from(month) - 1];
            let (x1, y1, x2, y2, tx, ty) = if vert {
                (V_AXIS - 8.0, at, V_AXIS, at, 3.0, at + 12.0)
            } else {
                (at, AXIS - 8.0, at, AXIS, at + 3.0, 16.0)
            };
            // Down the page the axis is narrow: the year goes under the month.
            let _ = if vert {
                write!(
                    out,
                    r#"<g class="tick month"><line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/><text x="{tx}" y="{ty}">{name}</text><text x="{tx}" y="{}">{year}</text></g>"#,
                    Px(ty + 12.0),
                    x1 = Px(x1),
                    y1 = Px(y1),
                    x2 = Px(x2),
                    y2 = Px(y2),
                    tx = Px(tx),
                    ty = Px(ty)
                )
            } else {
                write!(
                    out,
                    r#"<g class="tick month"><line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/><text x="{tx}" y="{ty}">{name} {year}</text></g>"#,
                    x1 = Px(x1),
                    y1 = Px(y1),
                    x2 = Px(x2),
                    y2 = Px(y2),
                    tx = Px(tx),
                    ty = Px(ty)
                )
            };
        }
        for (year, day) in v.year_ticks() {
            let at = v.px_at(day, len);
            let next = v.px_at(f64::from(day_number(year + 1, 1, 1)), len).min(len);
            let (x1, y1, x2, y2, tx, ty) = if vert {
                (0.0, at, V_AXIS, at, 3.0, at + 14.0)
            } else {
                (at, 0.0, at, AXIS, at + 4.0, 16.0)
            };
            let (hx, hy, hw, hh) = if vert {
                (0.0, at, V_AXIS, (next - at).clamp(16.0, 60.0))
            } else {
                (at, 0.0, (next - at).clamp(30.0, 80.0), AXIS)
            };
            let _ = write!(
                out,
                r#"<g class="tick"><line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/></g><g class="year" data-year="{year}"><title>Zoom to {year}</title><rect x="{hx}" y="{hy}" width="{hw}" height="{hh}"/><text x="{tx}" y="{ty}">{year}</text></g>"#,
                x1 = Px(x1),
                y1 = Px(y1),
                x2 = Px(x2),
                y2 = Px(y2),
                hx = Px(hx),
                hy = Px(hy),
                hw = Px(hw),
                hh = Px(hh),
                tx = Px(tx),
                ty = Px(ty)
            );
        }
        out
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
        let d = depth.get();
        let (x, y, w, h) = if vertical.get() {
            (0.0, p0, d, (p1 - p0).max(2.0))
        } else {
            (p0, 0.0, (p1 - p0).max(2.0), d)
        };
        Some(view! { <rect class="range-band" x=x y=y width=w height=h /> })
    };
    let brush_band = move || {
        brush.get().map(|(a, b)| {
            let (lo, hi) = (a.min(b), a.max(b));
            let (x, y, w, h) = if vertical.get() {
                (0.0, lo, V_AXIS, hi - lo)
            } else {
                (lo, 0.0, hi - lo, AXIS)
            };
            view! { <rect class="brush" x=x y=y width=w height=h /> }
        })
    };
    let view_box = move || {
        if vertical.get() {
            format!("0 0 {} {}", depth.get(), length.get())
        } else {
            format!("0 0 {} {}", length.get(), depth.get())
        }
    };
    let axis_strip = move || {
        let (w, h) = if vertical.get() {
            (V_AXIS, length.get())
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
                on:pointerover=on_over
                on:pointerleave=move |_| card.set(None)
                on:focusin=on_focusin
                on:focusout=move |_| card.set(None)
                on:wheel=on_wheel
                on:click=on_click
                on:keydown=on_keydown
            >
                <defs>
                    <pattern id="tl-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="hatch-bg" width="5" height="5" />
                        <line class="hatch" x1="0" y1="0" x2="0" y2="5" />
                    </pattern>
                    <linearGradient id="tl-fade-end" x1="0" y1="0" x2="1" y2="0">
                        <stop offset="0" class="fade-solid" />
                        <stop offset="1" class="fade-clear" />
                    </linearGradient>
                    <linearGradient id="tl-fade-start" x1="0" y1="0" x2="1" y2="0">
                        <stop offset="0" class="fade-clear" />
                        <stop offset="1" class="fade-solid" />
                    </linearGradient>
                    <linearGradient id="tl-fade-down" x1="0" y1="0" x2="0" y2="1">
                        <stop offset="0" class="fade-solid" />
                        <stop offset="1" class="fade-clear" />
                    </linearGradient>
                    <linearGradient id="tl-fade-up" x1="0" y1="0" x2="0" y2="1">
                        <stop offset="0" class="fade-clear" />
                        <stop offset="1" class="fade-solid" />
                    </linearGradient>
                </defs>
                {axis_strip}
                {range_band}
                <g class="axis" inner_html=ticks></g>
                {brush_band}
                <g class="marks" inner_html=move || marks().unwrap_or_default()></g>
            </svg>
            {move || card.get().map(|(i, left, top)| view! { <super::EventCard event=&events[i] left=left top=top /> })}
        </div>
    }
}

/// Where marks go: across in lanes of `ROW`, or down in columns of `column` pixels.
#[derive(Clone, Copy)]
struct Geometry {
    vertical: bool,
    column: f64,
}

/// Down the page, the part of a long span past what its mark holds: a faint line at the
/// column's edge, under the marks that follow.
fn tail_html(
    out: &mut String,
    mark: &Mark,
    g: Geometry,
    spans: &[(i32, i32)],
    px: &dyn Fn(i32) -> f64,
) {
    use std::fmt::Write;
    let end = mark
        .events
        .iter()
        .map(|&k| px(spans[k].1))
        .fold(f64::MIN, f64::max);
    if end > mark.x1 + 1.0 {
        let x = V_AXIS + mark.lane as f64 * g.column + 4.0 + BAR / 2.0;
        let _ = write!(
            out,
            r#"<line class="tail" x1="{x}" y1="{}" x2="{x}" y2="{end}"/>"#,
            Px(mark.x1),
            x = Px(x),
            end = Px(end)
        );
    }
}

/// Text for SVG markup: `&`, `<`, `>` and `"` escaped.
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// One mark, written as SVG markup into `out`: an event as a focusable group acting as a
/// link (an `<a>` here would be made in the HTML namespace and draw nothing), with its
/// title cut to its room; or a cluster with its count and its first event's title. Markup,
/// not views: a frame while panning draws a few hundred marks, and one `innerHTML` costs a
/// fraction of creating each element and attribute from WebAssembly (the benchmark's frame
/// p95 fell from 26 to 13 ms, with the axis drawn the same way).
#[allow(clippy::too_many_arguments)]
fn mark_html(
    out: &mut String,
    mark: &Mark,
    g: Geometry,
    events: &[Event],
    spans: &[(i32, i32)],
    touched: &[bool],
    open: Option<usize>,
    widths: &CharWidths,
) {
    use std::fmt::Write;
    let first = &events[mark.events[0]];
    let n = mark.events.len();
    let text = if n == 1 {
        first.title.clone()
    } else {
        format!("{n} events: {}", first.title)
    };
    // The label: its room, where it is written, and its anchor.
    let (room, lx, ly, anchor, bar) = if g.vertical {
        let x = V_AXIS + mark.lane as f64 * g.column + 4.0;
        (
            g.column - BAR - 9.0,
            x + BAR + 5.0,
            mark.x0.max(0.0) + 11.0,
            "start",
            (x, mark.x0, BAR, (mark.x1 - mark.x0).max(BAR)),
        )
    } else {
        let y = AXIS + 6.0 + mark.lane as f64 * ROW;
        let (lx, anchor) = if mark.flipped {
            (mark.label.1, "end")
        } else {
            (mark.label.0, "start")
        };
        (
            mark.room(),
            lx,
            y + 11.0,
            anchor,
            (mark.x0, y + 13.0, mark.x1 - mark.x0, BAR),
        )
    };
    // The area that takes the pointer and shows focus: the bar and its label.
    let (hx, hy, _hw, hh) = if g.vertical {
        (
            bar.0 - 2.0,
            bar.1 - 2.0,
            g.column - 6.0,
            bar.3.max(V_ROW) + 2.0,
        )
    } else {
        let from = mark.x0.min(mark.label.0);
        let to = mark.x1.max(mark.label.1);
        (from - 2.0, bar.1 - 14.0, to - from + 4.0, ROW)
    };
    let (bx, by, bw, bh) = bar;
    if n == 1 {
        let i = mark.events[0];
        let e = first;
        let kind = bar_kind(e.date, e.publication.is_some());
        let _ = write!(out, r#"<g id="tl-"#);
        escape(&e.id, out);
        let _ = write!(
            out,
            r#"" class="ev {kind}{}{}{}" tabindex="0" role="link" aria-describedby="tl-card" data-i="{i}" data-box="{},{},{}" aria-label=""#,
            if touched.get(i).copied().unwrap_or(false) {
                " stand-out"
            } else {
                ""
            },
            if open == Some(i) { " open" } else { "" },
            if e.disputed() { " disputed" } else { "" },
            hx.round() as i32,
            hy.round() as i32,
            hh.round() as i32,
        );
        // The title first: what the label shows is how the mark is named (and said, by
        // people who steer by voice).
        escape(&e.title, out);
        let _ = write!(
            out,
            r#", {}{}">"#,
            e.date,
            if e.disputed() { " (date disputed)" } else { "" },
        );
        let _ = match kind {
            "day" => {
                let (cx, cy) = if g.vertical {
                    (bx + BAR / 2.0, by + 4.0)
                } else {
                    (bx + 4.0, by + BAR / 2.0)
                };
                write!(
                    out,
                    r#"<circle class="bar" cx="{cx}" cy="{cy}" r="4"/>"#,
                    cx = Px(cx),
                    cy = Px(cy)
                )
            }
            "pub" => {
                let (x, y) = if g.vertical {
                    (bx - 1.0, by)
                } else {
                    (bx, by - 4.0)
                };
                write!(
                    out,
                    r#"<rect class="bar" x="{x}" y="{y}" width="8" height="10" rx="1"/>"#,
                    x = Px(x),
                    y = Px(y)
                )
            }
            // Hatched, or fading towards an open end: the stylesheet fills by kind.
            _ => write!(
                out,
                r#"<rect class="bar" x="{bx}" y="{by}" width="{bw}" height="{bh}" rx="2"/>"#,
                bx = Px(bx),
                by = Px(by),
                bw = Px(bw),
                bh = Px(bh)
            ),
        };
    } else {
        // A cluster: its count and first title, and a click zooms in on it.
        let lo = mark.events.iter().map(|&k| spans[k].0).min().unwrap_or(0);
        let hi = mark.events.iter().map(|&k| spans[k].1).max().unwrap_or(0);
        let _ = write!(
            out,
            r#"<g class="cluster" data-lo="{lo}" data-hi="{hi}"><title>{n} events close together, the first “"#
        );
        escape(&first.title, out);
        let _ = write!(
            out,
            r#"”: select to zoom in</title><rect class="bar" x="{bx}" y="{by}" width="{}" height="{bh}" rx="2"/>"#,
            Px(bw.max(MARKER)),
            bx = Px(bx),
            by = Px(by),
            bh = Px(bh)
        );
    }
    if let Some(label) = fit_label(&text, room, &|c| widths.of(c)) {
        let _ = write!(
            out,
            r#"<text class="label" x="{lx}" y="{ly}" text-anchor="{anchor}" aria-hidden="true">"#,
            lx = Px(lx),
            ly = Px(ly)
        );
        escape(&label, out);
        out.push_str("</text>");
    }
    out.push_str("</g>");
}
