//! Dates as the record gives them: a day, a month, part of a year ("late 2017"), a year, a
//! range, "by" a date or "or later". Parsed from the corpus's plain-text syntax, shown in
//! words, and reduced to a span of days so that uncertain dates sort and overlap honestly.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A third of a year, the precision of phrases such as "early 2018", "mid-2018" or
/// "late 2017". Thirds (Jan-Apr, May-Aug, Sep-Dec) keep the spans equal and disjoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Part {
    Early,
    Mid,
    Late,
}

/// One point of the calendar at some precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Point {
    Day { year: i32, month: u8, day: u8 },
    Month { year: i32, month: u8 },
    Part { year: i32, part: Part },
    Year { year: i32 },
}

/// A date as stated or inferred, with its uncertainty kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateSpec {
    /// Within one point: "17 June 2021", "June 2021", "late 2017", "2021".
    On(Point),
    /// Somewhere from the start of the first point to the end of the second.
    Between(Point, Point),
    /// On or before the end of the point: "by November 2018".
    By(Point),
    /// On or after the start of the point: "10 March 2023 or later".
    OrLater(Point),
}

/// The earliest year the record could need, and the latest; anything outside is a typo.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2100;

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`), so spans compare as integers.
pub fn day_number(year: i32, month: u8, day: u8) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i32::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i32::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date of a day number: the inverse of `day_number` (Hinnant's
/// `civil_from_days`), for every day, so chart positions turn back into dates exactly.
pub fn civil_from_days(day: i32) -> (i32, u8, u8) {
    let z = day + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

impl Part {
    fn months(self) -> (u8, u8) {
        match self {
            Part::Early => (1, 4),
            Part::Mid => (5, 8),
            Part::Late => (9, 12),
        }
    }
    fn word(self) -> &'static str {
        match self {
            Part::Early => "early",
            Part::Mid => "mid",
            Part::Late => "late",
        }
    }
}

impl Point {
    /// The day with this day number.
    pub fn day_of(day: i32) -> Point {
        let (year, month, day) = civil_from_days(day);
        Point::Day { year, month, day }
    }

    /// The month holding this day number.
    pub fn month_of(day: i32) -> Point {
        let (year, month, _) = civil_from_days(day);
        Point::Month { year, month }
    }

    pub fn year(self) -> i32 {
        match self {
            Point::Day { year, .. }
            | Point::Month { year, .. }
            | Point::Part { year, .. }
            | Point::Year { year } => year,
        }
    }

    /// First and last day covered, as day numbers.
    pub fn span(self) -> (i32, i32) {
        match self {
            Point::Day { year, month, day } => {
                let n = day_number(year, month, day);
                (n, n)
            }
            Point::Month { year, month } => (
                day_number(year, month, 1),
                day_number(year, month, days_in_month(year, month)),
            ),
            Point::Part { year, part } => {
                let (first, last) = part.months();
                (
                    day_number(year, first, 1),
                    day_number(year, last, days_in_month(year, last)),
                )
            }
            Point::Year { year } => (day_number(year, 1, 1), day_number(year, 12, 31)),
        }
    }

    /// The precision in words, for people and for screen readers.
    pub fn precision(self) -> &'static str {
        match self {
            Point::Day { .. } => "known to the day",
            Point::Month { .. } => "known to the month",
            Point::Part { .. } => "known to part of a year",
            Point::Year { .. } => "known to the year",
        }
    }

    /// As corpus files and links write it, the syntax `parse` reads back: "2021-06-17",
    /// "2021-06", "late 2017", "2021". ISO 8601 but for a part of a year.
    pub fn written(self) -> String {
        match self {
            Point::Day { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
            Point::Month { year, month } => format!("{year:04}-{month:02}"),
            Point::Part { year, part } => format!("{} {year:04}", part.word()),
            Point::Year { year } => format!("{year:04}"),
        }
    }

    /// ISO 8601, as `<time datetime>` takes it: `None` for a part of a year, which it has
    /// no form for.
    pub fn iso(self) -> Option<String> {
        match self {
            Point::Part { .. } => None,
            other => Some(other.written()),
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Point::Day { year, month, day } => {
                write!(f, "{day} {} {year}", MONTH_NAMES[usize::from(month - 1)])
            }
            Point::Month { year, month } => {
                write!(f, "{} {year}", MONTH_NAMES[usize::from(month - 1)])
            }
            Point::Part { year, part } => write!(f, "{} {year}", part.word()),
            Point::Year { year } => write!(f, "{year}"),
        }
    }
}

impl DateSpec {
    /// First and last day the date may fall on; open ends are `None`.
    pub fn bounds(self) -> (Option<i32>, Option<i32>) {
        match self {
            DateSpec::On(p) => {
                let (a, b) = p.span();
                (Some(a), Some(b))
            }
            DateSpec::Between(a, b) => (Some(a.span().0), Some(b.span().1)),
            DateSpec::By(p) => (None, Some(p.span().1)),
            DateSpec::OrLater(p) => (Some(p.span().0), None),
        }
    }

    /// A day to sort by: the earliest possible day, or for "by" dates the latest, which is
    /// the only day the record pins down.
    pub fn sort_key(self) -> i32 {
        match self.bounds() {
            (Some(first), _) => first,
            (None, Some(last)) => last,
            (None, None) => 0,
        }
    }

    pub fn precision(self) -> String {
        match self {
            DateSpec::On(p) => p.precision().to_string(),
            DateSpec::Between(..) => "a range".to_string(),
            DateSpec::By(_) => "latest possible date".to_string(),
            DateSpec::OrLater(_) => "earliest possible date".to_string(),
        }
    }

    /// What follows the date's words where it is shown alone (a card, an event's heading):
    /// its precision, " (to the month)", or for an open end what the one known bound
    /// means, ": some time before" ("by January 2022") or ": some time after".
    pub fn qualifier(self) -> String {
        match self {
            DateSpec::By(_) => ": some time before".to_string(),
            DateSpec::OrLater(_) => ": some time after".to_string(),
            _ => format!(" ({})", self.precision()),
        }
    }

    /// As corpus files write it, the syntax `parse` reads back.
    pub fn written(self) -> String {
        match self {
            DateSpec::On(p) => p.written(),
            DateSpec::Between(a, b) => format!("{} to {}", a.written(), b.written()),
            DateSpec::By(p) => format!("by {}", p.written()),
            DateSpec::OrLater(p) => format!("{} or later", p.written()),
        }
    }
}

impl Point {
    /// A compact form for chart labels: "Apr 2021", "late 2017", "2023".
    pub fn short(self) -> String {
        match self {
            Point::Day { year, month, .. } | Point::Month { year, month } => {
                format!("{} {year}", &MONTH_NAMES[usize::from(month - 1)][..3])
            }
            other => other.to_string(),
        }
    }
}

impl DateSpec {
    /// A compact form for chart labels: "Apr 2021", "Mar 2023+", "by 2018".
    pub fn short(self) -> String {
        match self {
            DateSpec::On(p) => p.short(),
            DateSpec::Between(a, b) => format!("{}–{}", a.short(), b.short()),
            DateSpec::By(p) => format!("by {}", p.short()),
            DateSpec::OrLater(p) => format!("{}+", p.short()),
        }
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateSpec::On(p) => write!(f, "{p}"),
            DateSpec::Between(a, b) => write!(f, "{a} to {b}"),
            DateSpec::By(p) => write!(f, "by {p}"),
            DateSpec::OrLater(p) => write!(f, "{p} or later"),
        }
    }
}

fn parse_year(s: &str) -> Result<i32, String> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("'{s}' is not a four-digit year: {SYNTAX_HELP}"));
    }
    let year: i32 = s.parse().map_err(|_| format!("'{s}' is not a year"))?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(format!("year {year} is outside {MIN_YEAR}-{MAX_YEAR}"));
    }
    Ok(year)
}

fn parse_two_digits(s: &str, what: &str) -> Result<u8, String> {
    if s.len() != 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("'{s}' is not a two-digit {what}: {SYNTAX_HELP}"));
    }
    s.parse().map_err(|_| format!("'{s}' is not a {what}"))
}

/// Parses one point: `2021-06-17`, `2021-06`, `2021`, `early 2018`, `mid 2018`, `mid-2018`,
/// `late 2017`.
pub fn parse_point(text: &str) -> Result<Point, String> {
    let text = text.trim();
    for (word, part) in [
        ("early", Part::Early),
        ("mid", Part::Mid),
        ("late", Part::Late),
    ] {
        if let Some(rest) = text.strip_prefix(word) {
            if let Some(year) = rest.strip_prefix([' ', '-']) {
                return Ok(Point::Part {
                    year: parse_year(year.trim())?,
                    part,
                });
            }
        }
    }
    let pieces: Vec<&str> = text.split('-').collect();
    match pieces.as_slice() {
        [y] => Ok(Point::Year {
            year: parse_year(y)?,
        }),
        [y, m] => {
            let (year, month) = (parse_year(y)?, parse_two_digits(m, "month")?);
            check_month(month)?;
            Ok(Point::Month { year, month })
        }
        [y, m, d] => {
            let year = parse_year(y)?;
            let month = parse_two_digits(m, "month")?;
            check_month(month)?;
            let day = parse_two_digits(d, "day")?;
            let last = days_in_month(year, month);
            if day == 0 || day > last {
                return Err(format!(
                    "{} {year} has no day {day}",
                    MONTH_NAMES[usize::from(month - 1)]
                ));
            }
            Ok(Point::Day { year, month, day })
        }
        _ => Err(format!("'{text}' is not a date: {SYNTAX_HELP}")),
    }
}

fn check_month(month: u8) -> Result<(), String> {
    if (1..=12).contains(&month) {
        Ok(())
    } else {
        Err(format!("there is no month {month}"))
    }
}

/// The accepted forms, for error messages.
pub const SYNTAX_HELP: &str = "write YYYY-MM-DD, YYYY-MM, YYYY, 'early|mid|late YYYY', \
     'A to B', 'by A' or 'A or later'";

/// Parses the corpus's date syntax; errors say what is wrong in words.
pub fn parse(text: &str) -> Result<DateSpec, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("the date is empty: {SYNTAX_HELP}"));
    }
    if let Some(rest) = text.strip_prefix("by ") {
        return parse_point(rest).map(DateSpec::By);
    }
    if let Some(rest) = text.strip_suffix(" or later") {
        return parse_point(rest).map(DateSpec::OrLater);
    }
    if let Some((a, b)) = text.split_once(" to ") {
        let (a, b) = (parse_point(a)?, parse_point(b)?);
        if a.span().0 > b.span().1 {
            return Err(format!("the range {a} to {b} ends before it starts"));
        }
        return Ok(DateSpec::Between(a, b));
    }
    parse_point(text).map(DateSpec::On)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, words: &str, precision: &str) {
        let date = parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(date.to_string(), words, "{input}");
        assert_eq!(date.precision(), precision, "{input}");
        assert_eq!(
            parse(&date.written()).unwrap(),
            date,
            "round trip of {input}"
        );
    }

    #[test]
    fn day_numbers_turn_back_into_calendar_dates() {
        // Every day from 1900 to 2100, leap days and century years included.
        let (first, last) = (day_number(MIN_YEAR, 1, 1), day_number(MAX_YEAR, 12, 31));
        let mut expected = (MIN_YEAR, 1u8, 1u8);
        for n in first..=last {
            assert_eq!(civil_from_days(n), expected, "day {n}");
            let (y, m, d) = expected;
            expected = if d < days_in_month(y, m) {
                (y, m, d + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(day_number(2000, 2, 29)), (2000, 2, 29));
        assert_eq!(
            Point::month_of(day_number(2021, 6, 17)).written(),
            "2021-06"
        );
        assert_eq!(
            Point::day_of(day_number(2024, 2, 29)).written(),
            "2024-02-29"
        );
        // "late 2017" is how the record writes it; ISO 8601 has no form for it.
        let late = parse("late 2017").unwrap();
        assert_eq!(late.written(), "late 2017");
        assert!(matches!(late, DateSpec::On(p) if p.iso().is_none()));
        assert_eq!(
            Point::day_of(day_number(2024, 2, 29)).iso().as_deref(),
            Some("2024-02-29")
        );
    }

    #[test]
    fn parses_every_form() {
        check("2021-06-17", "17 June 2021", "known to the day");
        check("2021-06", "June 2021", "known to the month");
        check("2021", "2021", "known to the year");
        check("late 2017", "late 2017", "known to part of a year");
        check("mid-2018", "mid 2018", "known to part of a year");
        check("2018-04 to 2020-03", "April 2018 to March 2020", "a range");
        check("by 2018-11", "by November 2018", "latest possible date");
        check(
            "2023-03-10 or later",
            "10 March 2023 or later",
            "earliest possible date",
        );
        check("2024-02-29", "29 February 2024", "known to the day");
    }

    #[test]
    fn an_open_end_is_said_as_such_where_a_date_stands_alone() {
        let said = |input: &str| {
            let d = parse(input).unwrap();
            format!("{d}{}", d.qualifier())
        };
        assert_eq!(said("by 2022-01"), "by January 2022: some time before");
        assert_eq!(
            said("2023-03-10 or later"),
            "10 March 2023 or later: some time after"
        );
        assert_eq!(said("2021-06"), "June 2021 (known to the month)");
        assert_eq!(
            said("2018-04 to 2020-03"),
            "April 2018 to March 2020 (a range)"
        );
    }

    fn check_err(input: &str, fragment: &str) {
        let err = parse(input).expect_err(input);
        assert!(err.contains(fragment), "{input}: {err}");
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        check_err("", "empty");
        check_err("2023-02-29", "February 2023 has no day 29");
        check_err("2021-13", "no month 13");
        check_err("2021-00-10", "no month 0");
        check_err("2021-06-00", "no day 0");
        check_err("21-06-17", "four-digit year");
        check_err("2021-6-17", "two-digit month");
        check_err("17 June 2021", "not a four-digit year");
        check_err("1066", "outside");
        check_err("2020 to 2019", "ends before it starts");
        check_err("by", "four-digit year");
        check_err("sometime 2020", "four-digit year");
    }

    #[test]
    fn spans_order_and_overlap() {
        let day = |s| parse(s).unwrap().bounds();
        assert_eq!(day("1970-01-01"), (Some(0), Some(0)));
        assert_eq!(day("2000-03-01").0, Some(11_017));
        let (a, b) = day("late 2017");
        assert_eq!((a, b), day("2017-09 to 2017-12"));
        assert_eq!(day("by 2018").0, None);
        assert_eq!(day("2018 or later").1, None);
        assert!(parse("late 2017").unwrap().sort_key() < parse("2018-01-01").unwrap().sort_key());
        assert!(parse("2018").unwrap().sort_key() < parse("mid 2018").unwrap().sort_key());
    }
}
