//! The chart's SVG markup, written as strings: the marks (an event as a focusable group
//! acting as a link, or a cluster with its count) and the axis (years, months, the
//! record's publications). Markup, not views: a frame while panning draws a few hundred
//! marks, and one `innerHTML` costs a fraction of creating each element and attribute
//! from WebAssembly (the benchmark's frame p95 fell from 26 to 13 ms).

use super::frame::{Frame, AXIS, BAR, MARKER, ROW, V_AXIS, V_ROW};
use super::layout::{fit_label, Mark};
use super::viewport::Viewport;
use crate::engine::date::{day_number, DateSpec, Point};
use crate::engine::model::Event;
use crate::engine::pages::escape;
use std::fmt::Write;

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

/// What the marks show besides where they are.
pub struct Scene<'a> {
    pub events: &'a [Event],
    /// Each event's (first, last) day as drawn (`ChartEvents::spans`).
    pub spans: &'a [(i32, i32)],
    /// Per event: whether the search, filter or dates touch it (drawn standing out).
    pub touched: &'a [bool],
    /// The open event, drawn as such.
    pub open: Option<usize>,
    /// A character's width in the labels' font (`CharWidths::of`).
    pub width: &'a dyn Fn(char) -> f64,
}

/// The markup of `marks` in view `v` of `frame`.
pub fn marks_svg(marks: &[Mark], v: &Viewport, frame: Frame, scene: &Scene) -> String {
    let len = frame.length();
    let mut out = String::with_capacity(marks.len() * 400);
    for mark in marks {
        if frame.vertical() {
            tail_html(&mut out, mark, frame, scene.spans, &|d| {
                v.px_at(f64::from(d) + 1.0, len)
            });
        }
        mark_html(&mut out, mark, frame, scene);
    }
    out
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

/// Down the page, the part of a long span past what its mark holds: a faint line at the
/// column's edge, under the marks that follow.
fn tail_html(
    out: &mut String,
    mark: &Mark,
    frame: Frame,
    spans: &[(i32, i32)],
    px: &dyn Fn(i32) -> f64,
) {
    let end = mark
        .events
        .iter()
        .map(|&k| px(spans[k].1))
        .fold(f64::MIN, f64::max);
    if end > mark.x1 + 1.0 {
        let x = V_AXIS + mark.lane as f64 * frame.column() + 4.0 + BAR / 2.0;
        let _ = write!(
            out,
            r#"<line class="tail" x1="{x}" y1="{}" x2="{x}" y2="{end}"/>"#,
            Px(mark.x1),
            x = Px(x),
            end = Px(end)
        );
    }
}

/// Where a mark's parts go: its label's room, start and anchor, and its bar's box.
struct Placed {
    room: f64,
    label: (f64, f64),
    anchor: &'static str,
    bar: (f64, f64, f64, f64),
}

fn place(mark: &Mark, frame: Frame) -> Placed {
    if frame.vertical() {
        let column = frame.column();
        let x = V_AXIS + mark.lane as f64 * column + 4.0;
        Placed {
            room: column - BAR - 9.0,
            label: (x + BAR + 5.0, mark.x0.max(0.0) + 11.0),
            anchor: "start",
            bar: (x, mark.x0, BAR, (mark.x1 - mark.x0).max(BAR)),
        }
    } else {
        let y = AXIS + 6.0 + mark.lane as f64 * ROW;
        let (lx, anchor) = if mark.flipped {
            (mark.label.1, "end")
        } else {
            (mark.label.0, "start")
        };
        Placed {
            room: mark.room(),
            label: (lx, y + 11.0),
            anchor,
            bar: (mark.x0, y + 13.0, mark.x1 - mark.x0, BAR),
        }
    }
}

/// One mark, written as SVG markup into `out`: an event, or a cluster with its count and
/// its first event's title; then its label, cut to its room.
fn mark_html(out: &mut String, mark: &Mark, frame: Frame, scene: &Scene) {
    let first = &scene.events[mark.events[0]];
    let n = mark.events.len();
    let placed = place(mark, frame);
    if n == 1 {
        event_html(out, mark, frame, &placed, scene);
    } else {
        cluster_html(out, mark, &placed, scene);
    }
    let text = if n == 1 {
        first.title.clone()
    } else {
        format!("{n} events: {}", first.title)
    };
    if let Some(label) = fit_label(&text, placed.room, scene.width) {
        let _ = write!(
            out,
            r#"<text class="label" x="{lx}" y="{ly}" text-anchor="{anchor}" aria-hidden="true">{}</text>"#,
            escape(&label),
            lx = Px(placed.label.0),
            ly = Px(placed.label.1),
            anchor = placed.anchor,
        );
    }
    out.push_str("</g>");
}

/// An event's group, left open for its label: focusable, acting as a link (an `<a>` here
/// would be made in the HTML namespace and draw nothing), named by its title and date, with
/// its box (`data-box`: x, y, height, where the card goes) and its bar.
fn event_html(out: &mut String, mark: &Mark, frame: Frame, placed: &Placed, scene: &Scene) {
    let i = mark.events[0];
    let e = &scene.events[i];
    let (bx, by, bw, bh) = placed.bar;
    // The area that takes the pointer and shows focus: the bar and its label.
    let (hx, hy, hh) = if frame.vertical() {
        (bx - 2.0, by - 2.0, bh.max(V_ROW) + 2.0)
    } else {
        (mark.x0.min(mark.label.0) - 2.0, by - 14.0, ROW)
    };
    let kind = bar_kind(e.date, e.publication.is_some());
    let touched = scene.touched.get(i).copied().unwrap_or(false);
    // The title first: what the label shows is how the mark is named (and said, by
    // people who steer by voice).
    let _ = write!(
        out,
        r#"<g id="tl-{}" class="ev {kind}{}{}{}" tabindex="0" role="link" aria-describedby="tl-card" data-i="{i}" data-box="{},{},{}" aria-label="{}, {}{}">"#,
        escape(&e.id),
        if touched { " stand-out" } else { "" },
        if scene.open == Some(i) { " open" } else { "" },
        if e.disputed() { " disputed" } else { "" },
        hx.round() as i32,
        hy.round() as i32,
        hh.round() as i32,
        escape(&e.title),
        e.date,
        if e.disputed() { " (date disputed)" } else { "" },
    );
    let _ = match kind {
        "day" => {
            let (cx, cy) = if frame.vertical() {
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
            let (x, y) = if frame.vertical() {
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
}

/// A cluster's group, left open for its label: its days (`data-lo`, `data-hi`, which a
/// click zooms in around), its count and first title, and its bar.
fn cluster_html(out: &mut String, mark: &Mark, placed: &Placed, scene: &Scene) {
    let n = mark.events.len();
    let first = &scene.events[mark.events[0]];
    let (bx, by, bw, bh) = placed.bar;
    let spans = scene.spans;
    let lo = mark.events.iter().map(|&k| spans[k].0).min().unwrap_or(0);
    let hi = mark.events.iter().map(|&k| spans[k].1).max().unwrap_or(0);
    let _ = write!(
        out,
        r#"<g class="cluster" data-lo="{lo}" data-hi="{hi}"><title>{n} events close together, the first “{}”: select to zoom in</title><rect class="bar" x="{bx}" y="{by}" width="{}" height="{bh}" rx="2"/>"#,
        escape(&first.title),
        Px(bw.max(MARKER)),
        bx = Px(bx),
        by = Px(by),
        bh = Px(bh)
    );
}

/// The axis of view `v` in `frame`: a line for each of the record's `publications` (day
/// numbers) across the chart, the months when the window is short enough for them, and
/// the years, each clickable to zoom to it.
pub fn axis_svg(v: &Viewport, frame: Frame, publications: &[i32]) -> String {
    let len = frame.length();
    let vert = frame.vertical();
    let d = frame.depth();
    let mut out = String::with_capacity(2048);
    for &day in publications {
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
    for (year, month, day) in v.month_ticks() {
        month_tick(&mut out, v.px_at(day, len), year, month, vert);
    }
    for (year, day) in v.year_ticks() {
        let at = v.px_at(day, len);
        let next = v.px_at(f64::from(day_number(year + 1, 1, 1)), len).min(len);
        year_tick(&mut out, at, next, year, vert);
    }
    out
}

/// A month's tick at pixel `at`, named with its year: down the page the axis is narrow,
/// so the year goes under the month.
fn month_tick(out: &mut String, at: f64, year: i32, month: u8, vert: bool) {
    let name = &MONTHS[usize::from(month) - 1];
    let (x1, y1, x2, y2, tx, ty) = if vert {
        (V_AXIS - 8.0, at, V_AXIS, at, 3.0, at + 12.0)
    } else {
        (at, AXIS - 8.0, at, AXIS, at + 3.0, 16.0)
    };
    let _ = write!(
        out,
        r#"<g class="tick month"><line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/><text x="{tx}" y="{ty}">{name}"#,
        x1 = Px(x1),
        y1 = Px(y1),
        x2 = Px(x2),
        y2 = Px(y2),
        tx = Px(tx),
        ty = Px(ty)
    );
    let _ = if vert {
        write!(
            out,
            r#"</text><text x="{tx}" y="{}">{year}</text></g>"#,
            Px(ty + 12.0),
            tx = Px(tx)
        )
    } else {
        write!(out, " {year}</text></g>")
    };
}

/// A year's tick at pixel `at`, and its clickable label reaching towards the next year's
/// tick at pixel `next` (within bounds, so a year is always easy to hit).
fn year_tick(out: &mut String, at: f64, next: f64, year: i32, vert: bool) {
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
