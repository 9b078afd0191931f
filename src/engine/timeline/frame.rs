//! The chart's frame: across the page on wide screens, down it on narrow ones; how many
//! lanes (or columns) it has, how deep it is, and where the card for an event goes. And
//! the record's events prepared once for drawing (`ChartEvents`): spans in start order and
//! each label's measured width, laid out in two passes, the lanes the whole span needs,
//! then each frame's marks spread over them.

use super::layout::{layout, spans, wrap_label, Labels, Mark};
use super::svg::Px;
use super::viewport::{within, Viewport};
use crate::engine::date::DateSpec;
use crate::engine::model::Event;
use crate::engine::order;

/// Below this width (CSS pixels) the chart runs down the page instead of across.
pub(super) const VERTICAL_BELOW: f64 = 600.0;
/// Lanes across: as many as the record needs at the whole span, within these bounds.
pub(super) const MIN_LANES: usize = 4;
pub(super) const MAX_LANES: usize = 22;
/// One lane across: a label over its bar.
pub(super) const ROW: f64 = 20.0;
pub(super) const BAR: f64 = 6.0;
pub(super) const MARKER: f64 = 8.0;
pub(super) const AXIS: f64 = 24.0;
/// Between a label's room and the next mark in its lane.
pub(super) const GAP: f64 = 6.0;
/// Held for a label when lanes are chosen; a label grows past it where its lane has room.
pub(super) const RESERVE: f64 = 100.0;
/// Room kept for the card under a mark: about four lines, and three more for a
/// disagreement's question.
const CARD_HEIGHT: f64 = 130.0;
const CARD_DISAGREEMENT: f64 = 75.0;
/// The card's width (CSS `.tl-card`), kept within the chart.
const CARD_WIDTH: f64 = 320.0;
/// Label font size (CSS `.timeline-svg .label`), for measuring.
pub const LABEL_PX: f64 = 12.0;
/// Down the page: the chart's length, the row a label takes, the axis's width, and the
/// narrowest column of marks with their labels beside them.
const V_LENGTH: f64 = 960.0;
pub(super) const V_ROW: f64 = 18.0;
/// Down the page, each further line of a label wrapped to its column, and the most lines
/// a label takes (a title longer than that is cut after a word on its last line).
pub(super) const V_LINE: f64 = 14.0;
pub(super) const V_MAX_LINES: usize = 6;
pub(super) const V_AXIS: f64 = 36.0;
const V_COLUMN: f64 = 120.0;
/// Down the page, the most of its column a mark holds (its tail is drawn faintly beyond).
const V_HOLD: f64 = 3.0 * V_ROW;

/// Each character's width in the labels' font, so a label is cut to its room by
/// arithmetic: printable ASCII by table, the few other characters the titles use (curly
/// quotes, dashes, the ellipsis) in a short list. Unmeasured characters count as wide.
pub struct CharWidths {
    ascii: [f64; 128],
    other: Vec<(char, f64)>,
}

/// An unmeasured character's width: wide, so a label never overflows its room.
const WIDE: f64 = LABEL_PX * 0.75;

impl CharWidths {
    /// Every character wide until measured: printable ASCII, the ellipsis, and the
    /// characters outside ASCII that `texts` use.
    pub fn unmeasured(texts: &mut dyn Iterator<Item = &str>) -> CharWidths {
        let mut other: Vec<char> = vec!['…'];
        for c in texts.flat_map(str::chars) {
            if !c.is_ascii() && !other.contains(&c) {
                other.push(c);
            }
        }
        CharWidths {
            ascii: [WIDE; 128],
            other: other.iter().map(|&c| (c, WIDE)).collect(),
        }
    }

    /// Each character's width by `width` (the font's, measured once per character).
    pub fn measure(&mut self, width: &mut dyn FnMut(char) -> f64) {
        for b in 32u8..127 {
            self.ascii[usize::from(b)] = width(char::from(b));
        }
        for x in &mut self.other {
            x.1 = width(x.0);
        }
    }

    pub fn of(&self, c: char) -> f64 {
        match u8::try_from(c) {
            Ok(b) if b < 128 => self.ascii[usize::from(b)],
            _ => self.other.iter().find(|x| x.0 == c).map_or(WIDE, |x| x.1),
        }
    }

    pub fn text(&self, s: &str) -> f64 {
        s.chars().map(|c| self.of(c)).sum()
    }
}

/// The chart's frame: the width of its box and the lanes (across) or columns (down the
/// page) its marks use. Everything else about its shape follows from these two.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub size: f64,
    pub lanes: usize,
}

impl Frame {
    /// Before the box is measured: nothing is drawn yet, so the lanes are the fewest.
    pub fn unmeasured(size: f64) -> Frame {
        Frame {
            size,
            lanes: MIN_LANES,
        }
    }

    /// Whether the chart runs down the page (a narrow box).
    pub fn vertical(&self) -> bool {
        self.size < VERTICAL_BELOW
    }

    /// The axis's length in pixels: the box's width across, a fixed length down.
    pub fn length(&self) -> f64 {
        if self.vertical() {
            V_LENGTH
        } else {
            self.size
        }
    }

    /// The chart's extent across its axis: the lanes under the axis, or the box's width.
    pub fn depth(&self) -> f64 {
        if self.vertical() {
            self.size
        } else {
            AXIS + 6.0 + self.lanes as f64 * ROW
        }
    }

    /// Down the page, the width of one column of marks.
    pub fn column(&self) -> f64 {
        (self.size - V_AXIS) / self.lanes.max(1) as f64
    }

    /// Down the page, the width a label has beside its bar in its column.
    pub fn label_width(&self) -> f64 {
        self.column() - BAR - 9.0
    }

    /// The SVG's `viewBox`: its units are the chart's pixels.
    pub fn view_box(&self) -> String {
        let (w, h) = self.oriented(self.length(), self.depth());
        format!("0 0 {} {}", Px(w), Px(h))
    }

    /// `(along, across)` as `(width, height)`: swapped down the page.
    fn oriented(&self, along: f64, across: f64) -> (f64, f64) {
        if self.vertical() {
            (across, along)
        } else {
            (along, across)
        }
    }

    /// The rectangle `(x, y, width, height)` of `extent` pixels along the axis from pixel
    /// `at`, and `across` pixels across it from its start.
    pub fn band(&self, at: f64, extent: f64, across: f64) -> (f64, f64, f64, f64) {
        if self.vertical() {
            (0.0, at, across, extent)
        } else {
            (at, 0.0, extent, across)
        }
    }

    /// The band of the chosen days `(first, last)` in view `v`, across the whole chart:
    /// `(x, y, width, height)`, at least 2 pixels along the axis, within the chart.
    pub fn range_band(&self, v: &Viewport, (first, last): (i32, i32)) -> (f64, f64, f64, f64) {
        let len = self.length();
        let limits = (v.full.0 as i32, v.full.1 as i32);
        let px = |d: i32| {
            within(
                v.px_at(f64::from(d.clamp(limits.0, limits.1)), len),
                0.0,
                len,
            )
        };
        let (p0, p1) = (px(first), px(last));
        self.band(p0, (p1 - p0).max(2.0), self.depth())
    }

    /// The axis's strip (where a drag chooses dates): `(width, height)`.
    pub fn axis_strip(&self) -> (f64, f64) {
        self.oriented(self.length(), self.axis_width())
    }

    /// The axis's extent across the chart.
    pub fn axis_width(&self) -> f64 {
        if self.vertical() {
            V_AXIS
        } else {
            AXIS
        }
    }

    /// Where the card for an event goes, `(left, top)`, from its mark's box (`x`, `y`,
    /// height `h`): under the mark, or above it where the chart ends, within the chart's
    /// width. Taller when the event has a disagreement to tell.
    pub fn card_at(&self, x: f64, y: f64, h: f64, disagreement: bool) -> (f64, f64) {
        let (width, content) = if self.vertical() {
            (self.size, self.length())
        } else {
            (self.length(), self.depth())
        };
        let left = within(x, 0.0, (width - CARD_WIDTH).max(0.0));
        let tall = CARD_HEIGHT + if disagreement { CARD_DISAGREEMENT } else { 0.0 };
        let below = y + h + 4.0;
        let top = if below + tall > content {
            (y - tall - 4.0).max(0.0)
        } else {
            below
        };
        (left, top)
    }
}

/// The events as the chart draws them, prepared once: the layout runs every frame while
/// panning, and sorting presorted input is linear.
pub struct ChartEvents {
    /// Each event's (first, last) day as drawn, in event order.
    pub spans: Vec<(i32, i32)>,
    /// The spans in start order; `by_start[k]` is the event of the k-th.
    sorted: Vec<(i32, i32)>,
    by_start: Vec<usize>,
    /// In start order: each title, and whether its label ends at its mark's end (a "by"
    /// date, known only by its end).
    titles: Vec<String>,
    ends: Vec<bool>,
    /// The room each label wants (its title's width and a gap), in start order; empty
    /// until measured.
    wants: Vec<f64>,
}

impl ChartEvents {
    pub fn new(events: &[Event], limits: (i32, i32)) -> ChartEvents {
        let spans = spans(events, limits);
        let mut by_start: Vec<usize> = (0..spans.len()).collect();
        order::sort_by_key(&mut by_start, |&i| (spans[i].0, spans[i].1));
        let sorted = by_start.iter().map(|&i| spans[i]).collect();
        let titles = by_start.iter().map(|&i| events[i].title.clone()).collect();
        let ends = by_start
            .iter()
            .map(|&i| matches!(events[i].date, DateSpec::By(_)))
            .collect();
        ChartEvents {
            spans,
            sorted,
            by_start,
            titles,
            ends,
            wants: Vec::new(),
        }
    }

    /// Each label's wanted room, from its title's width by `width`.
    pub fn measure(&mut self, events: &[Event], width: &dyn Fn(&str) -> f64) {
        self.wants = self
            .by_start
            .iter()
            .map(|&i| width(&events[i].title) + GAP)
            .collect();
    }

    fn want(&self, k: usize) -> f64 {
        self.wants.get(k).copied().unwrap_or(0.0)
    }

    /// The frame of a box `size` pixels wide whose axis spans the days `full`: down the
    /// page, a column per `V_COLUMN` pixels (one to four); across, the lanes the whole
    /// span needs (so the chart keeps one height while zooming), within bounds.
    pub fn frame(&self, size: f64, full: (f64, f64)) -> Frame {
        let mut frame = Frame::unmeasured(size);
        if frame.vertical() {
            frame.lanes = (((size - V_AXIS) / V_COLUMN).floor() as usize).clamp(1, 4);
            return frame;
        }
        let want = |k: usize| self.want(k);
        let ends = |k: usize| self.ends[k];
        let packed = Labels {
            want: &want,
            reserve: RESERVE,
            spread: false,
            ends: &ends,
        };
        let used = layout(&self.sorted, full, size, MARKER, GAP, MAX_LANES, &packed)
            .iter()
            .map(|m| m.lane + 1)
            .max()
            .unwrap_or(0);
        frame.lanes = used.clamp(MIN_LANES, MAX_LANES);
        frame
    }

    /// The marks of the events in view `v` in `frame`, naming events by their index.
    /// Across, spread over the frame's lanes with labels after their marks; down the page,
    /// packed in columns with labels beside them, wrapped to the column (`width`, each
    /// character's, tells how many lines each takes), a long span holding its column only
    /// for a few rows (the rest is drawn as a faint tail behind later marks): a year-long
    /// "2021" would otherwise take a column from every event in a three-month view. A "by"
    /// date holds the rows before its known end, its label beside them.
    pub fn marks(&self, v: &Viewport, frame: Frame, width: &dyn Fn(char) -> f64) -> Vec<Mark> {
        let vertical = frame.vertical();
        let len = frame.length();
        let room = frame.label_width();
        let want = |k: usize| {
            if vertical {
                let lines = wrap_label(&self.titles[k], room, V_MAX_LINES, width).len();
                V_ROW + lines.saturating_sub(1) as f64 * V_LINE
            } else {
                self.want(k)
            }
        };
        let ends = |k: usize| self.ends[k];
        let labels = Labels {
            want: &want,
            reserve: if vertical { f64::INFINITY } else { RESERVE },
            spread: !vertical,
            ends: &ends,
        };
        let capped: Vec<(i32, i32)>;
        let spans = if vertical {
            let cap = V_HOLD * v.span() / len;
            capped = self
                .sorted
                .iter()
                .zip(&self.ends)
                .map(|(&(a, b), &end)| {
                    if end {
                        let to = f64::from(b).min(v.window.1);
                        (a.max((to - cap) as i32).min(b), b)
                    } else {
                        let from = f64::from(a).max(v.window.0);
                        (a, b.min((from + cap) as i32).max(a))
                    }
                })
                .collect();
            &capped[..]
        } else {
            &self.sorted[..]
        };
        let gap = if vertical { 2.0 } else { GAP };
        let mut marks = layout(spans, v.window, len, MARKER, gap, frame.lanes, &labels);
        for mark in &mut marks {
            for e in &mut mark.events {
                *e = self.by_start[*e];
            }
        }
        marks
    }
}
