//! The timeline's pure parts: a date range and which passages it admits; the stretch of
//! time on screen (`Viewport`: zoom, pan, and the day under a pixel); where each event is
//! drawn; the year ticks; and the layout of events on an axis (lanes, with nearby events
//! merged into clusters so nothing overlaps).

use super::date::{civil_from_days, day_number, DateSpec, Point};
use super::model::{Corpus, Event};

/// An inclusive range of days; an open end is unbounded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Range {
    pub from: Option<Point>,
    pub to: Option<Point>,
    pub rule: RangeRule,
}

/// Which passages a date range admits: those that state an event dated in it (what the
/// passages are about), or every passage of a document published in it (when they were
/// written). A 2021 report describing 2013 is "in 2013" by the first, "in 2021" by the
/// second.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RangeRule {
    #[default]
    Stated,
    Published,
}

impl RangeRule {
    /// Its key in links (`by=published`); the default, stated, has none.
    pub fn key(self) -> Option<&'static str> {
        match self {
            RangeRule::Stated => None,
            RangeRule::Published => Some("published"),
        }
    }

    pub fn from_key(key: &str) -> Option<RangeRule> {
        match key {
            "stated" => Some(RangeRule::Stated),
            "published" => Some(RangeRule::Published),
            _ => None,
        }
    }
}

impl Range {
    pub fn is_empty(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// First and last day, open ends unbounded.
    pub fn days(&self) -> (i32, i32) {
        (
            self.from.map_or(i32::MIN, |p| p.span().0),
            self.to.map_or(i32::MAX, |p| p.span().1),
        )
    }

    /// Whether a date may fall in the range: uncertain dates count when any day they may
    /// be on is inside.
    pub fn overlaps(&self, date: DateSpec) -> bool {
        let (from, to) = self.days();
        let (start, end) = date.bounds();
        start.unwrap_or(i32::MIN) <= to && end.unwrap_or(i32::MAX) >= from
    }

    /// One flag per passage (corpus order), by the range's rule: passages that state an
    /// event (or another date of a disputed one) dated in the range, or the passages of
    /// documents published in it.
    pub fn mask(&self, corpus: &Corpus) -> Vec<bool> {
        let mut starts = Vec::with_capacity(corpus.documents.len());
        let mut n = 0;
        for d in &corpus.documents {
            starts.push(n);
            n += d.passages.len();
        }
        let mut mask = vec![false; n];
        if self.is_empty() {
            mask.fill(true);
            return mask;
        }
        if self.rule == RangeRule::Published {
            for (d, doc) in corpus.documents.iter().enumerate() {
                if self.overlaps(doc.date.value) {
                    mask[starts[d]..starts[d] + doc.passages.len()].fill(true);
                }
            }
            return mask;
        }
        for event in &corpus.events {
            let dated = std::iter::once((event.date, &event.sources))
                .chain(event.claims.iter().map(|c| (c.date, &c.sources)));
            for (date, sources) in dated {
                if self.overlaps(date) {
                    for &(d, p) in sources {
                        mask[starts[usize::from(d)] + usize::from(p)] = true;
                    }
                }
            }
        }
        mask
    }
}

/// How far an open end ("by June 2021", "March 2023 or later") is drawn past its known
/// bound: a year, dashed, rather than to the edge of time, which would bury every other
/// event. The list and the event's own view give the exact words.
pub const OPEN_END_DAYS: i32 = 365;

/// (first, last) day of each event as drawn, within the axis limits.
pub fn spans(events: &[Event], limits: (i32, i32)) -> Vec<(i32, i32)> {
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

/// The axis limits: the earliest and latest day any of `dates` may fall on, with a little
/// room either side (2012 to 2023 when there are none).
pub fn axis_limits(dates: impl IntoIterator<Item = DateSpec>) -> (i32, i32) {
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

/// The stretch of time the chart shows, `window` days within the axis's `full` limits;
/// every gesture (zoom, pan, drag, pinch) is a method here, and the chart only draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub full: (f64, f64),
    pub window: (f64, f64),
}

/// The narrowest window, in days: zooming stops at about three weeks.
pub const MIN_WINDOW_DAYS: f64 = 20.0;

impl Viewport {
    /// Everything in view.
    pub fn new(limits: (i32, i32)) -> Viewport {
        let full = (f64::from(limits.0), f64::from(limits.1));
        Viewport { full, window: full }
    }

    pub fn span(&self) -> f64 {
        self.window.1 - self.window.0
    }

    /// The same viewport showing everything.
    pub fn all(&self) -> Viewport {
        Viewport {
            window: self.full,
            ..*self
        }
    }

    /// A window of `span` days starting at `lo`, kept within the limits.
    fn at(&self, lo: f64, span: f64) -> Viewport {
        let span = span.clamp(
            MIN_WINDOW_DAYS.min(self.full.1 - self.full.0),
            self.full.1 - self.full.0,
        );
        let lo = lo.clamp(self.full.0, self.full.1 - span);
        Viewport {
            window: (lo, lo + span),
            ..*self
        }
    }

    /// Zooms by `factor` (below 1 zooms in) about the day `centre` (the middle when `None`),
    /// which stays where it is on screen.
    pub fn zoom(&self, factor: f64, centre: Option<f64>) -> Viewport {
        let (a, b) = self.window;
        let mid = centre.unwrap_or((a + b) / 2.0);
        let span = (self.span() * factor).clamp(MIN_WINDOW_DAYS, self.full.1 - self.full.0);
        self.at(mid - (mid - a) * span / self.span(), span)
    }

    /// Moves by a fraction of the window (positive: later).
    pub fn pan(&self, fraction: f64) -> Viewport {
        self.at(self.window.0 + self.span() * fraction, self.span())
    }

    /// Where a drag that started on this viewport at pixel `from` now is, at pixel `to`, on
    /// an axis `length` pixels long: the day grabbed stays under the pointer.
    pub fn dragged(&self, from: f64, to: f64, length: f64) -> Viewport {
        let shift = (from - to) / length.max(1.0) * self.span();
        self.at(self.window.0 + shift, self.span())
    }

    /// The day at pixel `px` of an axis `length` pixels long.
    pub fn day_at(&self, px: f64, length: f64) -> f64 {
        self.window.0 + self.span() * (px / length.max(1.0)).clamp(0.0, 1.0)
    }

    /// The pixel of day `day` on an axis `length` pixels long (outside 0..length when the
    /// day is out of view).
    pub fn px_at(&self, day: f64, length: f64) -> f64 {
        (day - self.window.0) / self.span().max(1.0) * length
    }

    /// Shows the days `first..=last` with some room around them (a cluster opened).
    pub fn around(&self, first: i32, last: i32) -> Viewport {
        let pad = f64::from(last - first).max(MIN_WINDOW_DAYS) * 0.3;
        let (lo, hi) = (f64::from(first) - pad, f64::from(last) + pad);
        self.at(lo, hi - lo)
    }

    /// The window that shows days `first..=last` and a little either side (a year clicked
    /// on the axis, the range chosen in the date fields), within the limits.
    pub fn showing(&self, first: i32, last: i32) -> Viewport {
        let (lo, hi) = (
            f64::from(first.max(self.full.0 as i32)),
            f64::from(last.min(self.full.1 as i32)) + 1.0,
        );
        let pad = (hi - lo).max(MIN_WINDOW_DAYS) * 0.04;
        self.at(lo - pad, hi - lo + 2.0 * pad)
    }

    /// Brings the span `(first, last)` into view when it is not wholly in view, zoomed close
    /// enough that it stands apart from its neighbours; unchanged when it already shows.
    pub fn reveal(&self, first: i32, last: i32) -> Viewport {
        let (a, b) = self.window;
        if f64::from(first) >= a && f64::from(last) <= b {
            return *self;
        }
        let half = (self.span() / 4.0).max(30.0);
        let mid = f64::from(first + last) / 2.0;
        self.at(mid - half, 2.0 * half)
    }

    /// The month under pixel `px`, for choosing a range by dragging along the axis.
    pub fn month_at(&self, px: f64, length: f64) -> Point {
        Point::month_of(self.day_at(px, length).floor() as i32)
    }

    /// The months to mark on the axis when the window spans under three years (fewer
    /// than two years show in it): every month, or every second, third or sixth, so at
    /// most about a dozen; `(year, month, first day)`, Januaries left to the year ticks.
    pub fn month_ticks(&self) -> Vec<(i32, u8, f64)> {
        let (a, b) = self.window;
        if b - a > 3.0 * 365.0 {
            return Vec::new();
        }
        let months = ((b - a) / 30.4).ceil() as i32;
        let step = [1, 2, 3, 6]
            .into_iter()
            .find(|s| months / s <= 12)
            .unwrap_or(6);
        let (y0, m0, _) = civil_from_days(a.floor() as i32);
        let mut out = Vec::new();
        let (mut y, mut m) = (y0, m0);
        loop {
            let day = f64::from(day_number(y, m, 1));
            if day > b {
                break;
            }
            if day >= a && m != 1 && (i32::from(m) - 1) % step == 0 {
                out.push((y, m, day));
            }
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        out
    }

    /// The years to label on the axis: at most about a dozen, on round steps.
    pub fn year_ticks(&self) -> Vec<(i32, f64)> {
        let (a, b) = self.window;
        let first = civil_from_days(a.floor() as i32).0;
        let last = civil_from_days(b.ceil() as i32).0;
        let step = ((last - first) / 12).max(1);
        (first..=last + 1)
            .filter(|y| (y - first) % step == 0)
            .map(|y| (y, f64::from(day_number(y, 1, 1))))
            .filter(|&(_, day)| day >= a && day <= b)
            .collect()
    }
}

/// A mark on the timeline: one event, or a cluster of events too close to draw apart.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Indices of the events it stands for, in date order.
    pub events: Vec<usize>,
    /// Left and right edges in pixels along the axis.
    pub x0: f64,
    pub x1: f64,
    pub lane: usize,
    /// The stretch along the axis its label may use, in pixels: from `x0` onwards, or, when
    /// `flipped`, ending at the mark's end (a mark near the axis's end has no room after it).
    /// Never crosses another mark or label in the lane; at most the label's wanted width.
    pub label: (f64, f64),
    pub flipped: bool,
}

impl Mark {
    /// The room for its label, in pixels.
    pub fn room(&self) -> f64 {
        (self.label.1 - self.label.0).max(0.0)
    }
}

/// What labels ask of the layout: `want(i)` is the room along the axis event `i`'s whole
/// label needs (its measured width plus padding; a constant row height on a chart whose
/// labels sit beside the marks, across the axis); `reserve` caps what is held for a label
/// when lanes are chosen, so one long title cannot take a lane from its neighbours. After
/// the lanes are chosen a label grows into whatever room its lane leaves, up to `want`.
/// With `spread: false` the layout uses the fewest lanes it can (first fit in order of
/// start is optimal for intervals): how many a chart needs.
pub struct Labels<'a> {
    pub want: &'a dyn Fn(usize) -> f64,
    pub reserve: f64,
    /// Spread marks over all the lanes (each in the lane free longest) rather than packing
    /// them into the fewest: more room for labels once the number of lanes is settled.
    pub spread: bool,
}

/// Places events on an axis of `width` pixels showing days `view.0..view.1`. Each event is
/// a span over its whole period (at least `marker` pixels wide) followed by its label; an
/// event goes in the first of `lanes` lanes where its mark and reserved label room keep
/// `gap` pixels from the lane's last one (first fit in order of where each starts, which
/// uses the fewest lanes), and an event with no room in any lane joins the mark nearest it,
/// making it a cluster. Events wholly outside the view are left out. `spans` are (first,
/// last) days, open ends already closed to the axis's limits, in any order; marks name
/// events by their index.
pub fn layout(
    spans: &[(i32, i32)],
    view: (f64, f64),
    width: f64,
    marker: f64,
    gap: f64,
    lanes: usize,
    labels: &Labels,
) -> Vec<Mark> {
    let scale = width / (view.1 - view.0).max(1.0);
    // Each event in view: (where its mark and reserved label start, end, x0, x1, flipped, i).
    let mut items: Vec<(f64, f64, f64, f64, bool, usize)> = Vec::with_capacity(spans.len());
    for (i, &(first, last)) in spans.iter().enumerate() {
        let x0 = (f64::from(first) - view.0) * scale;
        let mut x1 = (f64::from(last) + 1.0 - view.0) * scale;
        if x1 < 0.0 || x0 > width {
            continue;
        }
        if x1 - x0 < marker {
            x1 = x0 + marker;
        }
        let held = (labels.want)(i).min(labels.reserve);
        let end = x1.min(width);
        // No room after it before the axis ends: the label goes before the mark's end.
        let flipped = x0 + held > width && end - held >= 0.0;
        if flipped {
            items.push(((end - held).min(x0), x1, x0, x1, true, i));
        } else {
            items.push((x0, x1.max(x0 + held), x0, x1, false, i));
        }
    }
    // Already in order when `spans` are in start order and no label goes before its mark
    // (the chart passes them so, and a frame while panning skips the sort).
    if !items.is_sorted_by(|a, b| a.0 <= b.0) {
        items.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.5.cmp(&b.5)));
    }

    let mut marks: Vec<Mark> = Vec::with_capacity(items.len());
    // Per mark: where its held room starts and ends (for the labels' room afterwards).
    let mut held: Vec<(f64, f64)> = Vec::with_capacity(items.len());
    // The end of each lane's last held room, and that mark's index.
    let mut lane_end: Vec<(f64, usize)> = vec![(f64::NEG_INFINITY, usize::MAX); lanes.max(1)];
    for (start, end, x0, x1, flipped, i) in items {
        // The first lane with room (the fewest lanes), or when spreading, the lane free
        // longest, so the label before it grows into the room it leaves.
        let fits = |l: &usize| lane_end[*l].0 + gap <= start;
        let free = if labels.spread {
            // The lane free longest, if it is free at all.
            let mut best = 0;
            for l in 1..lane_end.len() {
                if lane_end[l].0 < lane_end[best].0 {
                    best = l;
                }
            }
            Some(best).filter(fits)
        } else {
            (0..lane_end.len()).find(fits)
        };
        match free {
            Some(lane) => {
                lane_end[lane] = (end, marks.len());
                held.push((start, end));
                marks.push(Mark {
                    events: vec![i],
                    x0,
                    x1,
                    lane,
                    label: (0.0, 0.0),
                    flipped,
                });
            }
            None => {
                // No room: join the nearest mark. Marks are made in order of where they
                // start, so the one made last starts closest (and is its lane's last).
                let Some(m) = marks.len().checked_sub(1) else {
                    continue;
                };
                let lane = marks[m].lane;
                let mark = &mut marks[m];
                mark.events.push(i);
                mark.x1 = mark.x1.max(x1);
                // Only its bar widens the cluster: were each joining label's room held
                // too, a crowded stretch would chain into one cluster.
                held[m].1 = held[m].1.max(mark.x1);
                lane_end[lane].0 = held[m].1;
            }
        }
    }
    // The labels' room. A cluster's label ("3 events: …") takes what room there is.
    let want = |m: &Mark| match m.events[..] {
        [only] => (labels.want)(only),
        _ => f64::INFINITY,
    };
    // First, labels before their mark (near the axis's end) grow back towards the lane's
    // previous held room...
    let mut prev_end = vec![f64::NEG_INFINITY; lanes.max(1)];
    for m in 0..marks.len() {
        let lane = marks[m].lane;
        if marks[m].flipped {
            let to = marks[m].x1.min(width);
            let from = (prev_end[lane] + gap).max(to - want(&marks[m])).max(0.0);
            marks[m].label = (from.min(held[m].0.max(to - want(&marks[m]))), to);
            held[m].0 = held[m].0.min(marks[m].label.0);
        }
        prev_end[lane] = held[m].1;
    }
    // ...then labels after their mark grow up to the next mark's room in the lane, or the
    // axis's end.
    let mut next_start = vec![width + gap; lanes.max(1)];
    for m in (0..marks.len()).rev() {
        let lane = marks[m].lane;
        if !marks[m].flipped {
            // A span that starts before the view has its label at the view's start.
            let from = marks[m].x0.max(0.0);
            let to = (next_start[lane] - gap)
                .min(from + want(&marks[m]))
                .min(width);
            marks[m].label = (from, to);
        }
        next_start[lane] = held[m].0;
    }
    marks
}

/// `text` cut to fit `room` pixels after its last whole word that fits, with an ellipsis;
/// `width` is the width of one character (measured once per character, so cutting needs
/// no layout). Never inside a word: a label is then always words of its title, which is
/// also how assistive technology matches it to the mark's name. None when not even the
/// first word fits.
pub fn fit_label(text: &str, room: f64, width: &dyn Fn(char) -> f64) -> Option<String> {
    let total: f64 = text.chars().map(width).sum();
    if total <= room {
        return Some(text.to_string());
    }
    let budget = room - width('…');
    let mut used = 0.0;
    let mut word_end = None;
    for (at, c) in text.char_indices() {
        if c == ' ' {
            word_end = Some(at);
        }
        used += width(c);
        if used > budget {
            break;
        }
    }
    let end = word_end?;
    let kept = text[..end].trim_end_matches([' ', ',', ':', ';']);
    (!kept.is_empty()).then(|| format!("{kept}…"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::{day_number, parse, parse_point};

    fn range(from: &str, to: &str) -> Range {
        Range {
            from: (!from.is_empty()).then(|| parse_point(from).unwrap()),
            to: (!to.is_empty()).then(|| parse_point(to).unwrap()),
            rule: RangeRule::Stated,
        }
    }

    #[test]
    fn uncertain_dates_overlap_any_range_they_may_fall_in() {
        let check = |r: Range, date: &str, expected: bool| {
            assert_eq!(r.overlaps(parse(date).unwrap()), expected, "{r:?} {date}");
        };
        check(range("2021", "2021"), "2021-06-17", true);
        check(range("2021", "2021"), "2022-01", false);
        check(range("2018-06", "2018-06"), "mid 2018", true);
        check(range("2018-01", "2018-04"), "late 2017", false);
        check(range("2017-12", ""), "late 2017", true);
        check(range("2019", "2020"), "2018-04 to 2020-03", true);
        check(range("", "2012"), "by 2018-11", true);
        check(range("2024", ""), "2023-03-10 or later", true);
        check(range("", "2023-03-09"), "2023-03-10 or later", false);
        check(Range::default(), "2013", true);
    }

    #[test]
    fn the_viewport_zooms_pans_and_drags_within_its_limits() {
        let limits = (day_number(2012, 1, 1), day_number(2024, 1, 1));
        let all = Viewport::new(limits);
        let (lo, hi) = (f64::from(limits.0), f64::from(limits.1));
        assert_eq!(all.window, (lo, hi));
        // Zooming in about a day keeps that day where it was on screen.
        let centre = lo + 1000.0;
        let z = all.zoom(0.5, Some(centre));
        assert!((z.span() - (hi - lo) / 2.0).abs() < 1e-9);
        assert!((z.px_at(centre, 800.0) - all.px_at(centre, 800.0)).abs() < 1e-6);
        // Zooming out never goes past everything; zooming in stops at three weeks.
        assert_eq!(z.zoom(10.0, None).window, (lo, hi));
        let mut deep = all;
        for _ in 0..100 {
            deep = deep.zoom(0.5, None);
        }
        assert!((deep.span() - MIN_WINDOW_DAYS).abs() < 1e-9);
        // Panning stops at either end.
        assert_eq!(z.pan(-10.0).window.0, lo);
        assert_eq!(z.pan(10.0).window.1, hi);
        let half = z.pan(0.5);
        assert!(
            (half.window.0 - (z.window.0 + z.span() / 2.0)).abs() < 1e-9 || half.window.1 == hi
        );
        // Dragging left by a quarter of the axis moves a quarter of the window later.
        let start = all.zoom(0.25, Some(lo + 2000.0));
        let moved = start.dragged(400.0, 200.0, 800.0);
        assert!((moved.window.0 - (start.window.0 + start.span() / 4.0)).abs() < 1e-9);
        // The day under a pixel and the pixel of a day are inverses within the axis.
        for px in [0.0, 1.0, 399.5, 800.0] {
            assert!((start.px_at(start.day_at(px, 800.0), 800.0) - px).abs() < 1e-6);
        }
        assert_eq!(
            start.day_at(-50.0, 800.0),
            start.window.0,
            "off the axis: its end"
        );
    }

    #[test]
    fn the_viewport_reveals_and_opens_spans() {
        let limits = (day_number(2012, 1, 1), day_number(2024, 1, 1));
        let all = Viewport::new(limits);
        let day = day_number(2018, 6, 1);
        assert_eq!(all.reveal(day, day), all, "already in view");
        let close = all.zoom(0.05, Some(f64::from(day_number(2013, 1, 1))));
        let shown = close.reveal(day, day);
        assert!(shown.window.0 <= f64::from(day) && f64::from(day) <= shown.window.1);
        let cluster = all.around(day, day + 10);
        assert!(cluster.window.0 < f64::from(day) && f64::from(day + 10) < cluster.window.1);
        assert!(cluster.span() >= MIN_WINDOW_DAYS);
    }

    #[test]
    fn month_ticks_show_in_a_short_window_without_januaries() {
        let all = Viewport::new((day_number(2012, 1, 1), day_number(2024, 1, 1)));
        assert!(all.month_ticks().is_empty());
        let spring = Viewport::new((day_number(2021, 3, 20), day_number(2021, 7, 10)));
        let months: Vec<u8> = spring.month_ticks().iter().map(|t| t.1).collect();
        assert_eq!(months, [4, 5, 6, 7]);
        let two_years = Viewport::new((day_number(2020, 6, 1), day_number(2022, 6, 1)));
        let ticks = two_years.month_ticks();
        assert!(ticks.len() <= 12 && ticks.len() >= 4, "{ticks:?}");
        assert!(ticks.iter().all(|t| t.1 != 1 && (t.1 - 1) % 2 == 0));
    }

    #[test]
    fn year_ticks_label_round_years_in_view() {
        let all = Viewport::new((day_number(2012, 1, 1) - 10, day_number(2024, 1, 1)));
        let years: Vec<i32> = all.year_ticks().iter().map(|t| t.0).collect();
        assert_eq!(years, (2012..=2024).collect::<Vec<_>>());
        let narrow = Viewport::new((day_number(2018, 3, 1), day_number(2019, 3, 1)));
        assert_eq!(
            narrow.year_ticks(),
            vec![(2019, f64::from(day_number(2019, 1, 1)))]
        );
        let wide = Viewport::new((day_number(1900, 1, 1), day_number(2100, 1, 1)));
        assert!(wide.year_ticks().len() <= 14);
        assert_eq!(
            Viewport::new((day_number(2018, 3, 1), day_number(2019, 3, 1)))
                .month_at(0.0, 100.0)
                .written(),
            "2018-03"
        );
    }

    #[test]
    fn spans_close_open_ends_a_year_out_within_the_limits() {
        use crate::engine::date::parse;
        let event = |date: &str| Event {
            id: String::new(),
            title: String::new(),
            date: parse(date).unwrap(),
            sources: Vec::new(),
            claims: Vec::new(),
            disagreement: None,
            actors: Vec::new(),
            note: None,
            publication: None,
        };
        let limits = axis_limits([parse("2013").unwrap(), parse("2023-03-10").unwrap()]);
        assert_eq!(
            limits,
            (day_number(2013, 1, 1) - 120, day_number(2023, 3, 10) + 240)
        );
        let events = [
            event("2018-06"),
            event("by 2014"),
            event("2023-03-10 or later"),
        ];
        let s = spans(&events, limits);
        assert_eq!(s[0], (day_number(2018, 6, 1), day_number(2018, 6, 30)));
        assert_eq!(
            s[1],
            (
                (day_number(2014, 12, 31) - OPEN_END_DAYS).max(limits.0),
                day_number(2014, 12, 31)
            )
        );
        assert_eq!(s[2], (day_number(2023, 3, 10), limits.1));
        assert_eq!(
            axis_limits([]),
            (day_number(2012, 1, 1), day_number(2024, 1, 1))
        );
    }

    #[test]
    fn layout_keeps_lanes_apart_and_clusters_the_crowd() {
        let d = |s: &str| {
            day_number(
                s[..4].parse().unwrap(),
                s[5..7].parse().unwrap(),
                s[8..].parse().unwrap(),
            )
        };
        // Ten events on consecutive days, one a year later, one long span; given out of
        // order, as "by" dates come.
        let mut spans: Vec<(i32, i32)> = (0..10)
            .map(|k| (d("2020-01-01") + k, d("2020-01-01") + k))
            .collect();
        spans.push((d("2021-01-01"), d("2021-01-01")));
        spans.push((d("2020-06-01"), d("2020-12-31")));
        spans.reverse();
        let view = (f64::from(d("2019-12-01")), f64::from(d("2021-02-01")));
        let none = Labels {
            want: &|_| 0.0,
            reserve: 0.0,
            spread: false,
        };
        let marks = layout(&spans, view, 400.0, 10.0, 2.0, 3, &none);
        // Every event is drawn exactly once.
        let mut seen: Vec<usize> = marks.iter().flat_map(|m| m.events.clone()).collect();
        seen.sort();
        assert_eq!(seen, (0..spans.len()).collect::<Vec<_>>());
        // Within a lane, marks do not overlap.
        for lane in 0..3 {
            let mut xs: Vec<(f64, f64)> = marks
                .iter()
                .filter(|m| m.lane == lane)
                .map(|m| (m.x0, m.x1))
                .collect();
            xs.sort_by(|a, b| a.0.total_cmp(&b.0));
            for w in xs.windows(2) {
                assert!(w[0].1 <= w[1].0, "{lane}: {w:?}");
            }
        }
        // The ten crowded days cannot all fit in three lanes: some form a cluster.
        assert!(marks.iter().any(|m| m.events.len() > 1));
        // Zoomed in on those days, they all stand apart.
        let close = (f64::from(d("2020-01-01")), f64::from(d("2020-01-11")));
        let marks = layout(&spans, close, 1000.0, 10.0, 2.0, 3, &none);
        assert!(marks.iter().all(|m| m.events.len() == 1));
        assert_eq!(marks.len(), 10, "only the ten days are in view");
    }
}
