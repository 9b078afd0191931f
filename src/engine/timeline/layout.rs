//! Where each event is drawn: its span of days (open ends closed a year out), the axis's
//! limits, and the layout of events on an axis: lanes, with nearby events merged into
//! clusters so nothing overlaps, and each label's room, broken between words into the
//! lines its room holds and cut after a whole word.

use crate::engine::date::{day_number, DateSpec};
use crate::engine::model::Event;
use crate::engine::order;

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
    /// Events whose label ends where their mark ends: an event known only to have happened
    /// by a date ("by January 2022"), whose one known day is its end. Its label at the
    /// start of its fading bar would read as a date a year too early.
    pub ends: &'a dyn Fn(usize) -> bool,
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
        if x1 <= 0.0 || x0 >= width {
            continue;
        }
        if x1 - x0 < marker {
            x1 = x0 + marker;
        }
        let held = (labels.want)(i).min(labels.reserve);
        let end = x1.min(width);
        // An open start, or no room after it before the axis ends: the label goes before
        // the mark's end (where the axis has room for it there).
        let flipped = ((labels.ends)(i) || x0 + held > width) && end - held >= 0.0;
        if flipped {
            items.push(((end - held).min(x0), x1, x0, x1, true, i));
        } else {
            items.push((x0, x1.max(x0 + held), x0, x1, false, i));
        }
    }
    // Already in order when `spans` are in start order and no label goes before its mark
    // (the chart passes them so, and a frame while panning skips the sort).
    if !items.is_sorted_by(|a, b| a.0 <= b.0) {
        order::sort_by(&mut items, |a, b| a.0.total_cmp(&b.0).then(a.5.cmp(&b.5)));
    }

    let mut marks: Vec<Mark> = Vec::with_capacity(items.len());
    // Per mark: where its held room starts and ends (for the labels' room afterwards).
    let mut held: Vec<(f64, f64)> = Vec::with_capacity(items.len());
    // The end of each lane's last held room.
    let mut lane_end: Vec<f64> = vec![f64::NEG_INFINITY; lanes.max(1)];
    for (start, end, x0, x1, flipped, i) in items {
        // The first lane with room (the fewest lanes), or when spreading, the lane free
        // longest, so the label before it grows into the room it leaves.
        let fits = |l: &usize| lane_end[*l] + gap <= start;
        let free = if labels.spread {
            // The lane free longest, if it is free at all.
            let mut best = 0;
            for l in 1..lane_end.len() {
                if lane_end[l] < lane_end[best] {
                    best = l;
                }
            }
            Some(best).filter(fits)
        } else {
            (0..lane_end.len()).find(fits)
        };
        match free {
            Some(lane) => {
                lane_end[lane] = end;
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
                lane_end[lane] = held[m].1;
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
            // Within the axis: a "by" span may start before the view.
            let held_from = held[m].0.max(to - want(&marks[m]));
            marks[m].label = (from.min(held_from).max(0.0), to);
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

/// `text` broken between words into at most `lines` lines of at most `room` pixels each
/// (`width` as for `fit_label`), the last cut after a whole word with an ellipsis when the
/// rest does not fit. Empty when not even the first word fits. With room for every line
/// this is the whole text: the chart wraps a label rather than cut it where it can.
pub fn wrap_label(text: &str, room: f64, lines: usize, width: &dyn Fn(char) -> f64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() && out.len() + 1 < lines {
        // The longest run of whole words that fits, or the whole rest.
        let mut used = 0.0;
        let mut cut = None;
        let mut fits = true;
        for (at, c) in rest.char_indices() {
            if c == ' ' {
                cut = Some(at);
            }
            used += width(c);
            if used > room {
                fits = false;
                break;
            }
        }
        if fits {
            out.push(rest.to_string());
            return out;
        }
        let Some(end) = cut else { break };
        out.push(rest[..end].trim_end().to_string());
        rest = rest[end..].trim_start();
    }
    out.extend(fit_label(rest, room, width).filter(|_| !rest.is_empty()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_close_open_ends_a_year_out_within_the_limits() {
        use crate::engine::date::parse;
        let event = |date: &str| Event::dated(String::new(), parse(date).unwrap());
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
            ends: &|_| false,
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
