//! A date range and which passages it admits, by its rule: those stating an event dated in
//! it, or those of documents published in it.

use crate::engine::date::{DateSpec, Point};
use crate::engine::model::Corpus;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::{parse, parse_point};

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
}
