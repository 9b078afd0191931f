//! CSL-JSON (CSL 1.0.2 data schema), as Zotero, Pandoc and the Word and Google Docs
//! citation plug-ins read it: an array of items, written by hand.

use super::*;

// ---------------------------------------------------------------------------------------
// CSL-JSON (CSL 1.0.2 data schema): an array of items, written by hand.

pub(super) fn csl_json(refs: &[Reference]) -> String {
    if refs.is_empty() {
        return "[]\n".to_string();
    }
    let entries: Vec<String> = refs.iter().map(csl_item).collect();
    format!("[\n{}\n]\n", entries.join(",\n"))
}

fn csl_item(r: &Reference) -> String {
    let d = r.doc;
    let news = r.kind.id == NEWS_KIND;
    let mut fields: Vec<(&str, String)> = vec![
        ("id", json_string(&r.id)),
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
        ("genre", json_string(&r.kind.cite_as)),
    ];
    // A newspaper article's publisher is the paper it appears in: styles print the
    // container title for it and no publisher.
    let publisher = if news { "container-title" } else { "publisher" };
    fields.push((publisher, json_string(&d.publisher.value)));
    if let Some(author) = &d.author {
        // A literal name, never split into family and given: the record gives names as
        // written ("John Pring", "members of the StopSIM Coalition"), and a wrong split
        // would misname the author in every style.
        fields.push((
            "author",
            format!("[{{\"literal\": {}}}]", json_string(&author.value)),
        ));
    }
    fields.push(("issued", csl_date(d.date.value)));
    if let Some(url) = &r.url {
        fields.push(("URL", json_string(url)));
    }
    // One part a line: Zotero keeps the note as the item's "Extra", line by line.
    fields.push(("note", json_string(&note_parts(r).join("\n"))));
    let lines: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("    \"{key}\": {value}"))
        .collect();
    format!("  {{\n{}\n  }}", lines.join(",\n"))
}

/// CSL date-parts at the date's precision, a part of a year as its range of months; an
/// open date ("by", "or later") as its words, which date-parts cannot say.
fn csl_date(date: DateSpec) -> String {
    let json_parts = |parts: Vec<i32>| {
        let numbers: Vec<String> = parts.iter().map(i32::to_string).collect();
        format!("[{}]", numbers.join(", "))
    };
    let range = |first: Vec<i32>, last: Vec<i32>| {
        if first == last {
            format!("{{\"date-parts\": [{}]}}", json_parts(first))
        } else {
            format!(
                "{{\"date-parts\": [{}, {}]}}",
                json_parts(first),
                json_parts(last)
            )
        }
    };
    match date {
        DateSpec::On(p) => range(first_parts(p), last_parts(p)),
        DateSpec::Between(a, b) => range(first_parts(a), last_parts(b)),
        DateSpec::By(_) | DateSpec::OrLater(_) => {
            format!("{{\"literal\": {}}}", json_string(&date.to_string()))
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
