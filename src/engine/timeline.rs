//! The timeline's pure parts: a date range and which passages it admits, and the layout of
//! events on an axis (lanes, with nearby events merged into clusters so nothing overlaps).

use super::date::{DateSpec, Point};
use super::model::Corpus;

/// An inclusive range of days; an open end is unbounded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Range {
    pub from: Option<Point>,
    pub to: Option<Point>,
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

    /// One flag per passage (corpus order): passages of documents dated in the range, and
    /// passages that state an event (or a disputed claim of one) dated in the range.
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
        for (d, doc) in corpus.documents.iter().enumerate() {
            if self.overlaps(doc.date.value) {
                mask[starts[d]..starts[d] + doc.passages.len()].fill(true);
            }
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

/// A mark on the timeline: one event, or a cluster of events too close to draw apart.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Indices of the events it stands for, in date order.
    pub events: Vec<usize>,
    /// Left and right edges in pixels along the axis.
    pub x0: f64,
    pub x1: f64,
    pub lane: usize,
}

/// Places events on an axis of `width` pixels showing days `view.0..view.1`. Each event is
/// a span over its whole period (at least `marker` pixels wide); events go in the first of
/// `lanes` lanes where they keep `gap` pixels from their neighbour, and an event with no
/// room in any lane joins the mark it would overlap in the last lane, making it a cluster.
/// Events wholly outside the view are left out. `spans` are (first, last) days, open ends
/// already closed to the axis's limits, in any order; marks name events by their index.
pub fn layout(
    spans: &[(i32, i32)],
    view: (f64, f64),
    width: f64,
    marker: f64,
    gap: f64,
    lanes: usize,
) -> Vec<Mark> {
    let scale = width / (view.1 - view.0).max(1.0);
    let mut marks: Vec<Mark> = Vec::new();
    // Right edge of the last mark in each lane, and that mark's index.
    let mut lane_end: Vec<(f64, usize)> = vec![(f64::NEG_INFINITY, usize::MAX); lanes.max(1)];
    // The greedy lanes need events by start (an open-started "by" date sorts early here,
    // though the record lists it by its end).
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].0, spans[i].1));
    for i in order {
        let (first, last) = spans[i];
        let x0 = (f64::from(first) - view.0) * scale;
        let mut x1 = (f64::from(last) + 1.0 - view.0) * scale;
        if x1 < 0.0 || x0 > width {
            continue;
        }
        if x1 - x0 < marker {
            x1 = x0 + marker;
        }
        match lane_end.iter().position(|&(end, _)| end + gap <= x0) {
            Some(lane) => {
                lane_end[lane] = (x1, marks.len());
                marks.push(Mark {
                    events: vec![i],
                    x0,
                    x1,
                    lane,
                });
            }
            None => {
                // No room: join the nearest mark, the lane's last one that starts closest.
                let lane = (0..lane_end.len())
                    .min_by(|&a, &b| {
                        let da = (marks[lane_end[a].1].x0 - x0).abs();
                        let db = (marks[lane_end[b].1].x0 - x0).abs();
                        da.total_cmp(&db)
                    })
                    .unwrap_or(0);
                let m = lane_end[lane].1;
                let mark = &mut marks[m];
                mark.events.push(i);
                mark.x1 = mark.x1.max(x1);
                lane_end[lane].0 = mark.x1;
            }
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::{day_number, parse, parse_point};

    fn range(from: &str, to: &str) -> Range {
        Range {
            from: (!from.is_empty()).then(|| parse_point(from).unwrap()),
            to: (!to.is_empty()).then(|| parse_point(to).unwrap()),
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
        let marks = layout(&spans, view, 400.0, 10.0, 2.0, 3);
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
        let marks = layout(&spans, close, 1000.0, 10.0, 2.0, 3);
        assert!(marks.iter().all(|m| m.events.len() == 1));
        assert_eq!(marks.len(), 10, "only the ten days are in view");
    }
}
