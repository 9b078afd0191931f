//! BibTeX, read by BibTeX and by biblatex with Biber.

use super::*;

// ---------------------------------------------------------------------------------------
// BibTeX: read by BibTeX and by biblatex with Biber.

const MONTH_MACROS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

pub(super) fn bibtex(refs: &[Reference], n_missing: usize) -> String {
    // Text outside entries is a comment to BibTeX; it must hold no "@".
    let mut out = format!(
        "% SIM Explorer collection: {}.\n",
        plural(refs.len(), "reference")
    );
    if n_missing > 0 {
        out.push_str(&format!(
            "% Left out: {} no longer in the record.\n",
            plural(n_missing, "collected item")
        ));
    }
    for r in refs {
        let d = r.doc;
        let news = r.kind.id == NEWS_KIND;
        // Double braces keep a title's capitals from a style's case changes, and an
        // author's name whole: never split at "and" or into first and last names.
        let mut fields: Vec<(&str, String)> =
            vec![("title", format!("{{{{{}}}}}", tex(&d.title.value)))];
        if let Some(author) = &d.author {
            fields.push(("author", format!("{{{{{}}}}}", tex(&author.value))));
        }
        let publisher = format!("{{{}}}", tex(&d.publisher.value));
        if news {
            fields.push(("journal", publisher));
        } else {
            // @misc prints howpublished in BibTeX's standard styles; publisher is for
            // reference managers reading the file.
            fields.push(("publisher", publisher.clone()));
            fields.push(("howpublished", publisher));
        }
        fields.push(("type", format!("{{{}}}", tex(&r.kind.cite_as))));
        let date = d.date.value;
        if let Some(year) = single_year(date) {
            fields.push(("year", format!("{{{year:04}}}")));
        }
        if let DateSpec::On(Point::Day { month, .. } | Point::Month { month, .. }) = date {
            // The standard macro, unbraced: BibTeX styles print it as the month's name,
            // biblatex reads it as the month's number.
            fields.push(("month", MONTH_MACROS[usize::from(month - 1)].to_string()));
        }
        // Biber reads the exact date (ranges and open ends too) from this; BibTeX ignores
        // it and uses year and month.
        fields.push(("date", format!("{{{}}}", edtf(date))));
        if let Some(url) = &r.url {
            fields.push(("url", format!("{{{}}}", bib_url(url))));
        }
        fields.push(("note", format!("{{{}}}", tex(&sentences(&note_parts(r))))));
        let lines: Vec<String> = fields
            .iter()
            .map(|(key, value)| format!("  {key} = {value}"))
            .collect();
        out.push_str(&format!(
            "\n@{}{{{},\n{}\n}}\n",
            if news { "article" } else { "misc" },
            r.id,
            lines.join(",\n")
        ));
    }
    out
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

/// The date as biblatex's `date` field reads it (ISO 8601 with EDTF ranges): "2021-04-29",
/// "2018-01/2018-04" for early 2018, "2023-03/.." for March 2023 or later. An open date
/// is one day on one side of a bound; the open interval is the nearest biblatex reads
/// (EDTF's exact form, `[2023-03..]`, is level 2, which it does not), so the note gives
/// such a date in words as well.
fn edtf(date: DateSpec) -> String {
    let iso = |parts: Vec<i32>| {
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
    };
    match date {
        DateSpec::On(p) => {
            let (first, last) = (iso(first_parts(p)), iso(last_parts(p)));
            if first == last {
                first
            } else {
                format!("{first}/{last}")
            }
        }
        DateSpec::Between(a, b) => format!("{}/{}", iso(first_parts(a)), iso(last_parts(b))),
        DateSpec::By(p) => format!("../{}", iso(last_parts(p))),
        DateSpec::OrLater(p) => format!("{}/..", iso(first_parts(p))),
    }
}
