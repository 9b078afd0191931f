//! The chart's SVG markup, written as strings: the marks (an event as a focusable group
//! acting as a link, or a cluster with its count, its label wrapped down the page; the
//! record's publications as lines that stop at labels) and the axis (years, months). Markup, not views: a frame while panning draws a few hundred
//! marks, and one `innerHTML` costs a fraction of creating each element and attribute
//! from WebAssembly (the benchmark's frame p95 fell from 26 to 13 ms).

use super::frame::{Frame, AXIS, BAR, MARKER, ROW, V_AXIS, V_LINE, V_MAX_LINES, V_ROW};
use super::layout::{wrap_label, Mark};
use super::viewport::{within, Viewport};
use crate::engine::date::{day_number, DateSpec, Point};
use crate::engine::model::Event;
use crate::engine::order;
use crate::engine::pages::escape;
use std::fmt::Write;

/// A coordinate written to one decimal (none when whole) with integer formatting only:
/// every number the page writes into its SVG goes through this, since writing an `f64`
/// itself would pull the float formatter (about 15 KB) into the WebAssembly.
pub struct Px(pub f64);

impl std::fmt::Display for Px {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let t = tenths.unsigned_abs();
        match t % 10 {
            0 => write!(f, "{sign}{}", t / 10),
            d => write!(f, "{sign}{}.{d}", t / 10),
        }
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
    /// The days the record's documents were published, each drawn as a line across the
    /// chart (stopping at labels).
    pub publications: &'a [i32],
}

/// The markup of `marks` in view `v` of `frame`: first the publications' lines, broken
/// where a label is (so no line runs through its words), then each mark with its label.
pub fn marks_svg(marks: &[Mark], v: &Viewport, frame: Frame, scene: &Scene) -> String {
    let len = frame.length();
    let mut out = String::with_capacity(marks.len() * 400);
    let labelled: Vec<(Placed, Label)> = marks
        .iter()
        .map(|m| {
            let placed = place(m, frame);
            let label = label_of(m, frame, &placed, scene);
            (placed, label)
        })
        .collect();
    let boxes: Vec<Box4> = labelled.iter().map(|(_, l)| l.bounds).collect();
    for &day in scene.publications {
        let at = v.px_at(f64::from(day), len);
        if (0.0..=len).contains(&at) {
            rule_html(&mut out, at, frame, &boxes);
        }
    }
    for (mark, (placed, label)) in marks.iter().zip(&labelled) {
        if frame.vertical() {
            tail_html(&mut out, mark, frame, scene, &|d| {
                v.px_at(f64::from(d) + 1.0, len)
            });
        }
        mark_html(&mut out, mark, frame, placed, label, scene);
    }
    out
}

/// A box `(along_from, along_to, across_from, across_to)` in the chart's pixels: along its
/// axis, and across it.
type Box4 = (f64, f64, f64, f64);

/// The stretches of `(from, to)` across the chart left when the boxes a line at `at` along
/// the axis crosses are taken out, with a pixel's room either side of each.
pub fn rule_segments(at: f64, (from, to): (f64, f64), boxes: &[Box4]) -> Vec<(f64, f64)> {
    let mut cuts: Vec<(f64, f64)> = boxes
        .iter()
        .filter(|b| b.0 <= at && at <= b.1)
        .map(|b| (b.2 - 1.0, b.3 + 1.0))
        .collect();
    order::sort_by(&mut cuts, |a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut start = from;
    for (a, b) in cuts {
        if a > start {
            out.push((start, a.min(to)));
        }
        start = start.max(b);
    }
    if start < to {
        out.push((start, to));
    }
    out.retain(|s| s.1 - s.0 > 0.5);
    out
}

/// A publication's line at pixel `at` along the axis, across the whole chart but for the
/// labels it would cross.
fn rule_html(out: &mut String, at: f64, frame: Frame, boxes: &[Box4]) {
    for (a, b) in rule_segments(at, (0.0, frame.depth()), boxes) {
        let (x1, y1, x2, y2) = if frame.vertical() {
            (a, at, b, at)
        } else {
            (at, a, at, b)
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
/// column's edge, under the marks that follow. Only for dates known at both ends: an open
/// end is drawn a year out only to be seen, and its fade says it has no edge.
fn tail_html(out: &mut String, mark: &Mark, frame: Frame, scene: &Scene, px: &dyn Fn(i32) -> f64) {
    let end = mark
        .events
        .iter()
        .filter(|&&k| matches!(scene.events[k].date.bounds(), (Some(_), Some(_))))
        .map(|&k| px(scene.spans[k].1))
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

/// Where a mark's parts go: its label's room across the axis (its width) and along it
/// (how many lines), its label's anchor, and its bar's box.
struct Placed {
    room: f64,
    lines: usize,
    anchor: &'static str,
    bar: (f64, f64, f64, f64),
}

fn place(mark: &Mark, frame: Frame) -> Placed {
    if frame.vertical() {
        let x = V_AXIS + mark.lane as f64 * frame.column() + 4.0;
        // As many lines as the room along the axis holds: the first takes a row.
        let extra = ((mark.room() - V_ROW) / V_LINE).floor().max(0.0) as usize;
        Placed {
            room: frame.label_width(),
            lines: (1 + extra).min(V_MAX_LINES),
            anchor: "start",
            bar: (x, mark.x0, BAR, (mark.x1 - mark.x0).max(BAR)),
        }
    } else {
        let y = AXIS + 6.0 + mark.lane as f64 * ROW;
        Placed {
            room: mark.room(),
            lines: 1,
            anchor: if mark.flipped { "end" } else { "start" },
            bar: (mark.x0, y + 13.0, mark.x1 - mark.x0, BAR),
        }
    }
}

/// A mark's label as drawn: its lines, the first's baseline (x, y), and the box its
/// words take (`Box4`, empty when it has no words).
struct Label {
    lines: Vec<String>,
    at: (f64, f64),
    bounds: Box4,
}

fn label_of(mark: &Mark, frame: Frame, placed: &Placed, scene: &Scene) -> Label {
    let first = &scene.events[mark.events[0]];
    let n = mark.events.len();
    let text = if n == 1 {
        first.title.clone()
    } else {
        format!("{n} events: {}", first.title)
    };
    let lines = wrap_label(&text, placed.room, placed.lines, scene.width);
    let wide = lines
        .iter()
        .map(|l| l.chars().map(scene.width).sum::<f64>())
        .fold(0.0, f64::max);
    let k = lines.len().max(1) as f64;
    if frame.vertical() {
        let x = placed.bar.0 + BAR + 5.0;
        // A label ending at its mark's end sits with its last line there.
        let y = if mark.flipped {
            mark.label.1 - (k - 1.0) * V_LINE - 7.0
        } else {
            mark.label.0.max(0.0) + 11.0
        };
        let bottom = y + (k - 1.0) * V_LINE + 4.0;
        Label {
            lines,
            at: (x, y),
            bounds: (y - 11.0, bottom, x, x + wide),
        }
    } else {
        let y = placed.bar.1 - 2.0;
        let x = if mark.flipped {
            mark.label.1
        } else {
            mark.label.0
        };
        let left = if mark.flipped { x - wide } else { x };
        Label {
            lines,
            at: (x, y),
            bounds: (left, left + wide, y - 11.0, y + 4.0),
        }
    }
}

/// One mark, written as SVG markup into `out`: an event, or a cluster with its count and
/// its first event's title; then its label, its lines in `tspan`s when wrapped.
fn mark_html(
    out: &mut String,
    mark: &Mark,
    frame: Frame,
    placed: &Placed,
    label: &Label,
    scene: &Scene,
) {
    if mark.events.len() == 1 {
        event_html(out, mark, frame, placed, label, scene);
    } else {
        cluster_html(out, mark, placed, scene);
    }
    let (lx, ly) = label.at;
    match &label.lines[..] {
        [] => {}
        [only] => {
            let _ = write!(
                out,
                r#"<text class="label" x="{lx}" y="{ly}" text-anchor="{anchor}" aria-hidden="true">{}</text>"#,
                escape(only),
                lx = Px(lx),
                ly = Px(ly),
                anchor = placed.anchor,
            );
        }
        lines => {
            let _ = write!(
                out,
                r#"<text class="label" text-anchor="{}" aria-hidden="true">"#,
                placed.anchor
            );
            for (k, line) in lines.iter().enumerate() {
                // A space between the lines: the label's text, read as one, is the title's
                // words (what a checker compares with the event's name), not "setup".
                if k > 0 {
                    out.push(' ');
                }
                let _ = write!(
                    out,
                    r#"<tspan x="{}" y="{}">{}</tspan>"#,
                    Px(lx),
                    Px(ly + k as f64 * V_LINE),
                    escape(line)
                );
            }
            out.push_str("</text>");
        }
    }
    out.push_str("</g>");
}

/// An event's group, left open for its label: focusable, acting as a link (an `<a>` here
/// would be made in the HTML namespace and draw nothing), named by its title and date, with
/// its box (`data-box`: x, y, height, where the card goes) and its bar.
fn event_html(
    out: &mut String,
    mark: &Mark,
    frame: Frame,
    placed: &Placed,
    label: &Label,
    scene: &Scene,
) {
    let i = mark.events[0];
    let e = &scene.events[i];
    let (bx, by, bw, bh) = placed.bar;
    // The area that takes the pointer and shows focus: the bar and its label (down the
    // page, all its lines).
    let (hx, hy, hh) = if frame.vertical() {
        let top = by.min(label.bounds.0);
        let bottom = (by + bh.max(V_ROW)).max(label.bounds.1);
        (bx - 2.0, top - 2.0, bottom - top + 2.0)
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

/// The axis of view `v` in `frame`: the months when the window is short enough for them,
/// and the years, each clickable to zoom to it.
pub fn axis_svg(v: &Viewport, frame: Frame) -> String {
    let len = frame.length();
    let vert = frame.vertical();
    let mut out = String::with_capacity(2048);
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
        (0.0, at, V_AXIS, within(next - at, 16.0, 60.0))
    } else {
        (at, 0.0, within(next - at, 30.0, 80.0), AXIS)
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
