//! BibTeX, read by BibTeX and by biblatex with Biber.

use super::plural;
use super::sources::{
    citation_parts, first_parts, last_parts, one_line, sentences, source_parts, year_of, Name,
    Source, NEWS_KIND,
};
use crate::engine::date::{DateSpec, Point};

const MONTH_MACROS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

pub(super) fn bibtex(sources: &[Source], today: Point, n_missing: usize) -> String {
    // Text outside entries is a comment to BibTeX; it must hold no "@".
    let mut out = format!(
        "% SIM Explorer collection: {}.\n",
        plural(sources.len(), "reference")
    );
    if n_missing > 0 {
        out.push_str(&format!(
            "% Left out: {} no longer in the record.\n",
            plural(n_missing, "collected item")
        ));
    }
    for s in sources {
        let news = s.kind.id == NEWS_KIND;
        let lines: Vec<String> = fields(s, today)
            .iter()
            .map(|(key, value)| format!("  {key} = {value}"))
            .collect();
        out.push_str(&format!(
            "\n@{}{{{},\n{}\n}}\n",
            if news { "online" } else { "misc" },
            s.id,
            lines.join(",\n")
        ));
    }
    out
}

/// An entry's fields, in the order they are written.
fn fields(s: &Source, today: Point) -> Vec<(&'static str, String)> {
    let d = s.doc;
    let news = s.kind.id == NEWS_KIND;
    // Double braces keep a title's capitals from a style's case changes.
    let mut fields: Vec<(&str, String)> =
        vec![("title", format!("{{{{{}}}}}", tex(&d.title.value)))];
    if !s.authors.is_empty() {
        let names: Vec<String> = s.authors.iter().map(bib_name).collect();
        fields.push(("author", format!("{{{}}}", names.join(" and "))));
    }
    let publisher = format!("{{{}}}", tex(&d.publisher.value));
    if news {
        // A report on a news site: biblatex's @online, its publisher as `organization`.
        // Read as @article with `entrysubtype = {newspaper}` (biblatex's newspaper mark),
        // citation-js and reference managers that follow it take a journal article and
        // print the year alone: "Pring, J. (2021)." for a report of 17 June 2021.
        fields.push(("organization", publisher));
    } else {
        // @misc prints howpublished in BibTeX's standard styles; publisher is for
        // reference managers reading the file.
        fields.push(("publisher", publisher.clone()));
        fields.push(("howpublished", publisher));
    }
    fields.push(("type", format!("{{{}}}", tex(&s.kind.cite_as))));
    let date = d.date.value;
    if let Some(year) = year_of(date) {
        fields.push(("year", format!("{{{year:04}}}")));
    }
    if let DateSpec::On(Point::Day { month, .. } | Point::Month { month, .. }) = date {
        // The standard macro, unbraced: BibTeX styles print it as the month's name,
        // biblatex reads it as the month's number.
        fields.push(("month", MONTH_MACROS[usize::from(month - 1)].to_string()));
    }
    if let Some(exact) = edtf(date) {
        // Biber reads the exact date (a day, a range) from this; BibTeX ignores it and uses
        // year and month.
        fields.push(("date", format!("{{{exact}}}")));
    }
    if let Some(url) = &s.url {
        fields.push(("url", format!("{{{}}}", bib_url(url))));
        fields.push(("urldate", format!("{{{}}}", iso(first_parts(today)))));
    }
    let mut note: Vec<String> = s.citations.iter().flat_map(citation_parts).collect();
    note.extend(source_parts(s));
    fields.push(("note", format!("{{{}}}", tex(&sentences(&note)))));
    fields
}

/// "Pring, John", the form every BibTeX reader splits right; an organisation's name in
/// braces, which no reader splits at "and" or into first and last names.
fn bib_name(name: &Name) -> String {
    match name {
        Name::Person { family, given } => format!("{}, {}", tex(family), tex(given)),
        Name::Literal(name) => format!("{{{}}}", tex(name)),
    }
}

/// Text as TeX reads it back unchanged, on one line. The ten special characters are
/// escaped, braces and backslash as commands (`\textbraceleft{}`), never `\{`: BibTeX counts
/// every brace, escaped or not, so a lone `\{` would unbalance the field. Pairs TeX would
/// join into one glyph (`--` into a dash, `''` into a quote mark) are kept apart with `{}`.
/// Other characters stay as they are (UTF-8, which Biber and current BibTeX read).
fn tex(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        if let Some(&next) = chars.peek() {
            let ligature = matches!(
                (c, next),
                ('-', '-')
                    | ('\'', '\'')
                    | ('`', '`')
                    | ('!', '`')
                    | ('?', '`')
                    | (',', ',')
                    | ('<', '<')
                    | ('>', '>')
            );
            if ligature {
                out.push_str("{}");
            }
        }
    }
    out
}

/// An address for the url field, which biblatex reads verbatim (so `%`, `#` and `&` stay
/// as they are): only what would break the field itself, braces, backslashes and spaces,
/// is percent-encoded, as it may be in any address.
fn bib_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() || c.is_control() => {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// "2021-06-17", "2018-04": ISO 8601 at the parts' precision.
fn iso(parts: Vec<i32>) -> String {
    let fields: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(i, n)| {
            if i == 0 {
                format!("{n:04}")
            } else {
                format!("{n:02}")
            }
        })
        .collect();
    fields.join("-")
}

/// The date as biblatex's `date` field reads it (ISO 8601 with EDTF ranges): "2021-04-29",
/// "2018-01/2018-04" for early 2018. `None` for a date open on one side: biblatex reads an
/// open interval ("2023-03/.."), but other readers (citation-js among them) take the
/// field before year and month and find no year in it, so the reference printed "n.d."
/// (issue 24). The year and the note's words say it instead.
fn edtf(date: DateSpec) -> Option<String> {
    match date {
        DateSpec::On(p) => {
            let (first, last) = (iso(first_parts(p)), iso(last_parts(p)));
            Some(if first == last {
                first
            } else {
                format!("{first}/{last}")
            })
        }
        DateSpec::Between(a, b) => Some(format!("{}/{}", iso(first_parts(a)), iso(last_parts(b)))),
        DateSpec::By(_) | DateSpec::OrLater(_) => None,
    }
}
