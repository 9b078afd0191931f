//! RIS: tagged lines from TY to ER, as most reference managers read them.

use super::sources::{
    citation_parts, one_line, plain_date, sentences, source_parts, year_of, Name, Source, NEWS_KIND,
};
use crate::engine::date::{DateSpec, Point};

// "XX  - value" lines, CR LF as the RIS specification and Zotero's writer end them.

pub(super) fn ris(sources: &[Source], today: Point) -> String {
    let mut out = String::new();
    for s in sources {
        let d = s.doc;
        let news = s.kind.id == NEWS_KIND;
        let mut tag = |tag: &str, value: &str| {
            let value = one_line(value);
            if !value.is_empty() {
                out.push_str(&format!("{tag}  - {value}\r\n"));
            }
        };
        // GEN, the generic type, for any kind but news reports.
        tag("TY", if news { "NEWS" } else { "GEN" });
        tag("ID", &s.id);
        tag("TI", &d.title.value);
        for author in &s.authors {
            tag("AU", &ris_name(author));
        }
        // T2 is a newspaper's title; PB the publisher of anything else.
        tag(if news { "T2" } else { "PB" }, &d.publisher.value);
        tag("M3", &s.kind.cite_as);
        if let Some(year) = year_of(d.date.value) {
            tag("PY", &format!("{year:04}"));
        }
        tag("DA", &ris_date(d.date.value));
        if let Some(url) = &s.url {
            tag("UR", url);
            // Y2: the access date, as Zotero reads it.
            tag("Y2", &ris_date(DateSpec::On(today)));
        }
        // N1 (notes), one per citation and one for the reference, not AB: a quote is not
        // an abstract. Paragraphs are no pages, so the locator is in the note, not in SP.
        for c in &s.citations {
            tag("N1", &sentences(&citation_parts(c)));
        }
        tag("N1", &sentences(&source_parts(s)));
        out.push_str("ER  - \r\n\r\n");
    }
    out
}

/// "Pring, John": RIS readers split a name at its comma. An organisation's name has none,
/// and readers (Zotero among them) take a name without one whole.
fn ris_name(name: &Name) -> String {
    match name {
        Name::Person { family, given } => format!("{family}, {given}"),
        Name::Literal(name) => name.clone(),
    }
}

/// "YYYY/MM/DD/other": the fields as far as the date gives them (its first point, for a
/// range or an open date), and its words in "other" when the fields do not say it all.
fn ris_date(date: DateSpec) -> String {
    let point = match date {
        DateSpec::On(p) | DateSpec::Between(p, _) | DateSpec::By(p) | DateSpec::OrLater(p) => p,
    };
    let (month, day) = match point {
        Point::Day { month, day, .. } => (format!("{month:02}"), format!("{day:02}")),
        Point::Month { month, .. } => (format!("{month:02}"), String::new()),
        Point::Part { .. } | Point::Year { .. } => (String::new(), String::new()),
    };
    let other = if plain_date(date) {
        String::new()
    } else {
        date.to_string()
    };
    format!("{:04}/{month}/{day}/{other}", point.year())
}
