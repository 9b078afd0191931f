//! CSL-JSON (CSL 1.0.2 data schema), as Zotero, Pandoc and the Word and Google Docs
//! citation plug-ins read it: an array of items, one per source, written by hand.

use super::sources::{
    citation_parts, first_parts, last_parts, source_parts, Name, Source, NEWS_KIND,
};
use crate::engine::date::{DateSpec, Point};

pub(super) fn csl_json(sources: &[Source], today: Point) -> String {
    if sources.is_empty() {
        return "[]\n".to_string();
    }
    let entries: Vec<String> = sources.iter().map(|s| csl_item(s, today)).collect();
    format!("[\n{}\n]\n", entries.join(",\n"))
}

fn csl_item(s: &Source, today: Point) -> String {
    let d = s.doc;
    let news = s.kind.id == NEWS_KIND;
    let mut fields: Vec<(&str, String)> = vec![
        ("id", json_string(&s.id)),
        (
            "type",
            json_string(if news {
                "article-newspaper"
            } else {
                "document"
            }),
        ),
        ("title", json_string(&d.title.value)),
        // The kind as today's citations bracket it: "[Campaign statement]".
        ("genre", json_string(&s.kind.cite_as)),
    ];
    // A newspaper article's publisher is the paper it appears in: styles print the
    // container title for it and no publisher.
    let publisher = if news { "container-title" } else { "publisher" };
    fields.push((publisher, json_string(&d.publisher.value)));
    if !s.authors.is_empty() {
        let names: Vec<String> = s.authors.iter().map(csl_name).collect();
        fields.push(("author", format!("[{}]", names.join(", "))));
    }
    fields.push(("issued", csl_date(d.date.value)));
    if let Some(url) = &s.url {
        fields.push(("URL", json_string(url)));
        fields.push(("accessed", date_parts(&[first_parts(today)])));
    }
    // One part a line, each citation's place and quote first: Zotero keeps the note as the
    // item's "Extra", line by line.
    let mut note: Vec<String> = s.citations.iter().flat_map(citation_parts).collect();
    note.extend(source_parts(s));
    fields.push(("note", json_string(&note.join("\n"))));
    let lines: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("    \"{key}\": {value}"))
        .collect();
    format!("  {{\n{}\n  }}", lines.join(",\n"))
}

fn csl_name(name: &Name) -> String {
    match name {
        Name::Person { family, given } => format!(
            "{{\"family\": {}, \"given\": {}}}",
            json_string(family),
            json_string(given)
        ),
        Name::Literal(name) => format!("{{\"literal\": {}}}", json_string(name)),
    }
}

/// `{"date-parts": [[2021, 6, 17]]}`, one array per point (two for a range).
fn date_parts(points: &[Vec<i32>]) -> String {
    let arrays: Vec<String> = points
        .iter()
        .map(|parts| {
            let numbers: Vec<String> = parts.iter().map(i32::to_string).collect();
            format!("[{}]", numbers.join(", "))
        })
        .collect();
    format!("{{\"date-parts\": [{}]}}", arrays.join(", "))
}

/// CSL date-parts at the date's precision, a part of a year as its range of months. A date
/// open on one side ("10 March 2023 or later") is its bound's year marked `circa`, which
/// styles print as "ca. 2023": date-parts cannot say "or later", and a literal date is one
/// processors print as "n.d." or not at all. The note gives the date in words.
fn csl_date(date: DateSpec) -> String {
    let range = |first: Vec<i32>, last: Vec<i32>| {
        if first == last {
            date_parts(&[first])
        } else {
            date_parts(&[first, last])
        }
    };
    match date {
        DateSpec::On(p) => range(first_parts(p), last_parts(p)),
        DateSpec::Between(a, b) => range(first_parts(a), last_parts(b)),
        DateSpec::By(p) | DateSpec::OrLater(p) => {
            format!("{{\"date-parts\": [[{}]], \"circa\": true}}", p.year())
        }
    }
}

/// A JSON string (RFC 8259): quotes, backslashes and control characters escaped; U+2028
/// and U+2029 too, as some JavaScript readers take them for line ends.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
