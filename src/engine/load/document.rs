//! A document file's header: its fields, each value with how it is known (stated,
//! inferred from quoted evidence, or supplied), checked against the capture.

use super::super::model::{Attested, Basis, Document, Kind};
use super::super::text::{edit_distance, fold_whitespace, is_slug};
use super::super::{date, kinds};
use super::body::parse_body;
use super::{file_name, quote, Capture, File, Report};
use std::collections::BTreeMap;

/// Fields that carry a value and how we know it (`X`, `X-basis`, `X-evidence`, `X-note`).
const ATTESTED: [&str; 4] = ["title", "publisher", "author", "date"];
/// Fields with a plain value.
const PLAIN: [&str; 2] = ["kind", "source"];
const SUFFIXES: [&str; 3] = ["-basis", "-evidence", "-note"];

fn known_fields() -> Vec<String> {
    let mut names: Vec<String> = PLAIN.iter().map(|s| s.to_string()).collect();
    for base in ATTESTED {
        names.push(base.to_string());
        names.extend(SUFFIXES.iter().map(|suffix| format!("{base}{suffix}")));
    }
    names
}

struct Field {
    value: String,
    line: usize,
}

/// Parses one document file. Returns the document (when its header is usable) and each
/// passage's line number; every problem goes to `report`. `kinds` is the kinds register's
/// path and its kinds.
pub(super) fn parse_document(
    file: &File,
    captures: &BTreeMap<String, Capture>,
    (kinds_path, kinds): (&str, &[Kind]),
    report: &mut Report,
) -> Option<(Document, Vec<usize>)> {
    let name = file_name(file.path);
    let Some(id) = name.strip_suffix(".txt") else {
        report.at(1, "a document file's name must end in .txt");
        return None;
    };
    if !is_slug(id) {
        report.at(
            1,
            format!(
                "the file name '{name}' is the document's id in links: use only lowercase \
                 letters, digits and single hyphens, e.g. 2021-06-17-dodgy-data.txt"
            ),
        );
    }

    let text = file.text.strip_prefix('\u{feff}').unwrap_or(file.text);
    let lines: Vec<&str> = text.lines().collect();
    let Some(separator) = lines.iter().position(|l| l.trim() == "---") else {
        report.at(
            lines.len().max(1),
            "no '---' line: end the header (title:, date:, …) with a line of three dashes, \
             then write the paragraphs",
        );
        return None;
    };

    let fields = parse_header(&lines[..separator], report);
    let capture = match fields.get("source").and_then(|f| f.first()) {
        None => {
            report.at(
                separator + 1,
                "missing field 'source': the file name of the capture in corpus/sources/",
            );
            None
        }
        Some(field) => {
            let capture = captures.get(&field.value);
            if capture.is_none() {
                report.at(
                    field.line,
                    format!("source '{}' is not in corpus/sources/", field.value),
                );
            }
            capture
        }
    };

    let title = attested_text("title", &fields, capture, separator, report);
    let publisher = attested_text("publisher", &fields, capture, separator, report);
    let author = if fields.contains_key("author") {
        attested_text("author", &fields, capture, separator, report)
    } else {
        for suffix in SUFFIXES {
            if let Some(f) = fields
                .get(&format!("author{suffix}"))
                .and_then(|f| f.first())
            {
                report.at(
                    f.line,
                    format!("author{suffix} given but there is no author"),
                );
            }
        }
        None
    };
    let date = attested_date(&fields, capture, separator, report);
    let kind = match fields.get("kind").and_then(|f| f.first()) {
        None => {
            report.at(separator + 1, missing("kind"));
            None
        }
        Some(field) => {
            let kind = kinds::find(kinds, &field.value);
            // With no kinds at all the register says so once; every document need not.
            if kind.is_none() && !kinds.is_empty() {
                report.at(
                    field.line,
                    format!(
                        "unknown kind '{}': the kinds in {kinds_path} are {}; to add one, \
                         give it an entry there",
                        field.value,
                        kinds::list(kinds)
                    ),
                );
            }
            kind.map(|k| k as u16)
        }
    };

    let (passages, passage_lines) = parse_body(id, &lines, separator, capture, report);

    let document = Document {
        id: id.to_string(),
        title: title?,
        publisher: publisher?,
        author,
        kind: kind?,
        date: date?,
        source: capture?.name.clone(),
        passages,
    };
    Some((document, passage_lines))
}

fn missing(field: &str) -> String {
    format!("missing field '{field}'")
}

fn parse_header(lines: &[&str], report: &mut Report) -> BTreeMap<String, Vec<Field>> {
    let known = known_fields();
    let mut fields: BTreeMap<String, Vec<Field>> = BTreeMap::new();
    for (i, raw) in lines.iter().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            report.at(
                line,
                format!("expected 'field: value', found {}", quote(trimmed)),
            );
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim().to_string();
        if !known.contains(&key) {
            let nearest = known
                .iter()
                .filter_map(|k| {
                    let (typed, field): (Vec<char>, Vec<char>) =
                        (key.chars().collect(), k.chars().collect());
                    Some((edit_distance(&typed, &field, 2)?, k))
                })
                .min();
            let message = match nearest {
                Some((_, k)) => format!("unknown field '{key}' (did you mean '{k}'?)"),
                None => format!(
                    "unknown field '{key}': the fields are title, publisher, author, date, kind \
                     and source, and -basis, -evidence, -note after title, publisher, author \
                     or date"
                ),
            };
            report.at(line, message);
            continue;
        }
        if value.is_empty() {
            report.at(line, format!("field '{key}' is empty"));
            continue;
        }
        let entry = fields.entry(key.clone()).or_default();
        if let Some(first) = entry.first() {
            if !key.ends_with("-evidence") {
                report.at(
                    line,
                    format!(
                        "field '{key}' is given twice (first on line {})",
                        first.line
                    ),
                );
                continue;
            }
        }
        entry.push(Field { value, line });
    }
    fields
}

/// A title, publisher or author: stated text must be in the capture word for word.
fn attested_text(
    base: &str,
    fields: &BTreeMap<String, Vec<Field>>,
    capture: Option<&Capture>,
    separator: usize,
    report: &mut Report,
) -> Option<Attested<String>> {
    let stated = |field: &Field, _: &[&Field], report: &mut Report| {
        let folded = fold_whitespace(&field.value);
        if let Some(capture) = capture.filter(|c| !c.contains(&folded)) {
            report.at(
                field.line,
                format!(
                    "{base} is marked stated but {} is not in the capture {}: copy it \
                     exactly, or mark it inferred or supplied",
                    quote(&folded),
                    capture.name
                ),
            );
        }
    };
    let read = |v: &str| Ok(fold_whitespace(v));
    attested(base, fields, capture, separator, report, read, stated)
}

/// The date: a stated date is written as a date, not as the capture's words, so it must
/// quote the words that state it.
fn attested_date(
    fields: &BTreeMap<String, Vec<Field>>,
    capture: Option<&Capture>,
    separator: usize,
    report: &mut Report,
) -> Option<Attested<date::DateSpec>> {
    let stated = |field: &Field, evidence: &[&Field], report: &mut Report| {
        if evidence.is_empty() {
            report.at(
                field.line,
                "a stated date needs a date-evidence line quoting the words that state it",
            );
        }
    };
    attested(
        "date",
        fields,
        capture,
        separator,
        report,
        date::parse,
        stated,
    )
}

/// Reads `base`, `base-basis`, `base-evidence` and `base-note`, and checks them against each
/// other and the capture: inferred values must quote their evidence, supplied ones quote
/// none, every quote must be verbatim, and a stated value is checked by `stated` (text and
/// dates are stated differently).
fn attested<T>(
    base: &str,
    fields: &BTreeMap<String, Vec<Field>>,
    capture: Option<&Capture>,
    separator: usize,
    report: &mut Report,
    parse: impl Fn(&str) -> Result<T, String>,
    stated: impl Fn(&Field, &[&Field], &mut Report),
) -> Option<Attested<T>> {
    let get = |suffix: &str| fields.get(&format!("{base}{suffix}"));
    let Some(field) = get("").and_then(|f| f.first()) else {
        report.at(separator + 1, missing(base));
        return None;
    };
    let value = match parse(&field.value) {
        Ok(v) => Some(v),
        Err(e) => {
            report.at(field.line, format!("{base}: {e}"));
            None
        }
    };
    let basis = match get("-basis").and_then(|f| f.first()) {
        None => Some(Basis::Stated),
        Some(f) => {
            let basis = Basis::ALL
                .iter()
                .find(|(_, n)| n.eq_ignore_ascii_case(&f.value))
                .map(|(b, _)| *b);
            if basis.is_none() {
                report.at(
                    f.line,
                    format!(
                        "unknown {base}-basis '{}': use stated, inferred or supplied",
                        f.value
                    ),
                );
            }
            basis
        }
    };
    let evidence: Vec<&Field> = get("-evidence")
        .map(|v| v.iter().collect())
        .unwrap_or_default();
    let note = get("-note")
        .and_then(|f| f.first())
        .map(|f| f.value.clone());

    if let Some(capture) = capture {
        for quote_field in &evidence {
            let folded = fold_whitespace(&quote_field.value);
            if !capture.contains(&folded) {
                report.at(
                    quote_field.line,
                    format!(
                        "{base}-evidence is not in the capture {}: {}",
                        capture.name,
                        quote(&folded)
                    ),
                );
            }
        }
    }
    match basis {
        Some(Basis::Inferred) if evidence.is_empty() => report.at(
            field.line,
            format!(
                "{base} is inferred but has no {base}-evidence line quoting the capture's words \
                 it rests on"
            ),
        ),
        Some(Basis::Stated) => stated(field, &evidence, report),
        Some(Basis::Supplied) if !evidence.is_empty() => report.at(
            field.line,
            format!(
                "{base} is supplied, so it rests on no words of the capture: remove \
                 {base}-evidence, or mark it inferred"
            ),
        ),
        _ => {}
    }
    Some(Attested {
        value: value?,
        basis: basis?,
        evidence: evidence.iter().map(|f| fold_whitespace(&f.value)).collect(),
        note,
    })
}
