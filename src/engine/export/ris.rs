//! RIS: tagged lines from TY to ER, as most reference managers read them.

use super::*;

// ---------------------------------------------------------------------------------------
// RIS: "XX  - value" lines, CR LF as the RIS specification and Zotero's writer end them.

pub(super) fn ris(refs: &[Reference]) -> String {
    let mut out = String::new();
    for r in refs {
        let d = r.doc;
        let news = r.kind.id == NEWS_KIND;
        let mut tag = |tag: &str, value: &str| {
            let value = one_line(value);
            if !value.is_empty() {
                out.push_str(&format!("{tag}  - {value}\r\n"));
            }
        };
        // GEN, the generic type, for any kind but news reports.
        tag("TY", if news { "NEWS" } else { "GEN" });
        tag("ID", &r.id);
        tag("TI", &d.title.value);
        if let Some(author) = &d.author {
            // No comma: readers (Zotero among them) take a name without "Last, First" as
            // one literal name, as the record gives it.
            tag("AU", &author.value);
        }
        // T2 is a newspaper's title; PB the publisher of anything else.
        tag(if news { "T2" } else { "PB" }, &d.publisher.value);
        tag("M3", &r.kind.cite_as);
        if let Some(year) = single_year(d.date.value) {
            tag("PY", &format!("{year:04}"));
        }
        tag("DA", &ris_date(d.date.value));
        if let Some(url) = &r.url {
            tag("UR", url);
        }
        // N1 (notes), not AB: a quote is not an abstract. Paragraphs are no pages, so the
        // locator is in the note, not in SP.
        tag("N1", &sentences(&note_parts(r)));
        out.push_str("ER  - \r\n\r\n");
    }
    out
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
