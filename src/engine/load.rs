//! Reads corpus files (plain text a non-programmer can edit) into a checked `Corpus`.
//!
//! Sans I/O: file names and texts in, the corpus and every problem found out. `build.rs` does
//! the reading and fails the build when any problem is reported, each as `path:line: message`;
//! tests feed it broken corpora as strings. The format is described in `corpus/README.md`.

use super::model::{Attested, Basis, Corpus, Document, Kind, Passage};
use super::text::{fold_whitespace, is_slug, passage_key};
use super::{date, kinds};
use std::collections::BTreeMap;
use std::fmt;

/// One file handed to the loader: its path as people should see it in messages, and its text.
#[derive(Clone, Copy, Debug)]
pub struct File<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

/// Something wrong with the corpus, located for a person with an editor.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

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

/// Longest quote shown in a message: enough to find the place, short enough to read.
const QUOTE_CHARS: usize = 60;

fn quote(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(QUOTE_CHARS).collect();
    if chars.next().is_some() {
        format!("“{head}…”")
    } else {
        format!("“{head}”")
    }
}

fn quote_tail(text: &str) -> String {
    let n = text.chars().count();
    let tail: String = text.chars().skip(n.saturating_sub(30)).collect();
    if n > 30 {
        format!("“…{tail}”")
    } else {
        format!("“{tail}”")
    }
}

/// Levenshtein distance, for "did you mean" on misspelt field names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

struct Field {
    value: String,
    line: usize,
}

/// Collects problems for one file.
struct Report<'a> {
    path: &'a str,
    problems: Vec<Problem>,
}

impl Report<'_> {
    fn at(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            path: self.path.to_string(),
            line,
            message: message.into(),
        });
    }
}

/// A capture, folded once, for every containment check against it.
struct Capture {
    name: String,
    folded: String,
}

impl Capture {
    fn contains(&self, folded: &str) -> bool {
        self.folded.contains(folded)
    }

    /// The longest prefix of `folded` that the capture holds: where a copy went wrong.
    /// Containment of prefixes is monotone, so a binary search over char boundaries finds it.
    fn matching_prefix<'t>(&self, folded: &'t str) -> &'t str {
        let bounds: Vec<usize> = folded
            .char_indices()
            .map(|(i, _)| i)
            .chain([folded.len()])
            .collect();
        let (mut lo, mut hi) = (0, bounds.len() - 1);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if self.folded.contains(&folded[..bounds[mid]]) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        &folded[..bounds[lo]]
    }
}

/// Loads the kinds register (`corpus/kinds.txt`) and every document, checking each against
/// its capture and its kind against the register. Returns the corpus built from the
/// documents that could be read, and every problem found, sorted by path and line. The build
/// uses the corpus only when there are no problems.
pub fn load(kinds_file: &File, documents: &[File], captures: &[File]) -> (Corpus, Vec<Problem>) {
    let captures: BTreeMap<String, Capture> = captures
        .iter()
        .map(|c| {
            let name = file_name(c.path).to_string();
            let capture = Capture {
                name: name.clone(),
                folded: fold_whitespace(c.text),
            };
            (name, capture)
        })
        .collect();

    let (kinds, mut problems) = kinds::load(kinds_file);
    let mut corpus = Corpus::default();
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    // Passage keys must be unique across the corpus: a link names one passage.
    let mut keys: BTreeMap<String, (String, usize)> = BTreeMap::new();

    for file in documents {
        let mut report = Report {
            path: file.path,
            problems: Vec::new(),
        };
        let parsed = parse_document(file, &captures, (kinds_file.path, &kinds), &mut report);
        if let Some((document, lines)) = parsed {
            if let Some(first) = ids.get(&document.id) {
                // Its passages would all collide with the first one's: one message is enough.
                report.at(1, format!("document id '{}' is also {first}", document.id));
                problems.extend(report.problems);
                continue;
            }
            ids.insert(document.id.clone(), file.path.to_string());
            for (passage, line) in document.passages.iter().zip(&lines) {
                let here = (file.path.to_string(), *line);
                if let Some((path, first)) = keys.insert(passage.key.clone(), here) {
                    report.at(
                        *line,
                        format!(
                            "duplicate passage ID '{}': {path}:{first} has the same ID; \
                             reword one of the two paragraphs",
                            passage.key
                        ),
                    );
                }
            }
            corpus.documents.push(document);
        }
        problems.extend(report.problems);
    }

    corpus.kinds = kinds;
    corpus
        .documents
        .sort_by(|a, b| (a.date.value.sort_key(), &a.id).cmp(&(b.date.value.sort_key(), &b.id)));
    problems.sort();
    (corpus, problems)
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Parses one document file. Returns the document (when its header is usable) and each
/// passage's line number; every problem goes to `report`. `kinds` is the kinds register's
/// path and its kinds.
fn parse_document(
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
                .map(|k| (edit_distance(&key, k), k))
                .min()
                .filter(|(d, _)| *d <= 2);
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

/// Splits the text after `---` into passages: blocks of lines separated by blank lines; a
/// block starting `## ` is a section heading.
fn parse_body(
    id: &str,
    lines: &[&str],
    separator: usize,
    capture: Option<&Capture>,
    report: &mut Report,
) -> (Vec<Passage>, Vec<usize>) {
    let mut blocks: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut current: Option<(usize, Vec<&str>)> = None;
    for (i, raw) in lines.iter().enumerate().skip(separator + 1) {
        if raw.trim().is_empty() {
            blocks.extend(current.take());
        } else {
            current
                .get_or_insert_with(|| (i + 1, Vec::new()))
                .1
                .push(raw);
        }
    }
    blocks.extend(current.take());

    if blocks.is_empty() {
        report.at(
            separator + 1,
            "the document has no paragraphs: write them after the '---' line, with a blank \
             line between paragraphs",
        );
    }

    let mut passages = Vec::new();
    let mut passage_lines = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (line, block) in blocks {
        let joined = block.join(" ");
        let (heading, body) = match joined.trim_start().strip_prefix("##") {
            Some(rest) => (true, rest),
            None => (false, joined.as_str()),
        };
        let text = fold_whitespace(body);
        if text.is_empty() {
            report.at(line, "empty heading: write its words after '## '");
            continue;
        }
        if let Some(c) = text.chars().find(|c| c.is_control()) {
            report.at(
                line,
                format!(
                    "control character U+{:04X} in the text: remove it",
                    u32::from(c)
                ),
            );
        }
        if let Some(first) = seen.insert(text.clone(), line) {
            report.at(
                line,
                format!("this paragraph repeats the one on line {first}"),
            );
            continue;
        }
        if let Some(capture) = capture.filter(|c| !c.contains(&text)) {
            let good = capture.matching_prefix(&text);
            let message = if good.is_empty() {
                format!(
                    "paragraph not found in the capture {}: {}",
                    capture.name,
                    quote(&text)
                )
            } else {
                format!(
                    "paragraph differs from the capture {} after {}",
                    capture.name,
                    quote_tail(good)
                )
            };
            report.at(line, message);
        }
        passages.push(Passage {
            key: passage_key(id, &text),
            number: passages
                .iter()
                .filter(|p: &&Passage| p.heading == heading)
                .count() as u32
                + 1,
            heading,
            text,
            actors: Vec::new(),
        });
        passage_lines.push(line);
    }
    (passages, passage_lines)
}

/// One meaningful line of a register (`corpus/actors.txt`, `corpus/events.txt`): an entry's
/// `[id]` header, or one of its `field: value` lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegisterLine<'a> {
    Entry {
        id: &'a str,
        line: usize,
    },
    Field {
        key: String,
        value: &'a str,
        line: usize,
    },
}

/// Reads a register's lines, skipping blanks and `#` comments, and reports what no entry
/// can use: a malformed or repeated `[id]`, a line that is neither, a field before the first
/// entry, an unknown field, an empty value. `noun` names the entries in messages ("actor").
pub fn read_register<'a>(
    file: &File<'a>,
    noun: &str,
    fields: &[&str],
    problems: &mut Vec<Problem>,
) -> Vec<RegisterLine<'a>> {
    let mut report = |line: usize, message: String| {
        problems.push(Problem {
            path: file.path.to_string(),
            line,
            message,
        })
    };
    let mut out = Vec::new();
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, raw) in file.text.lines().enumerate() {
        let line = i + 1;
        let text = raw.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        if let Some(id) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            let id = id.trim();
            if !is_slug(id) {
                report(
                    line,
                    format!("{noun} id '{id}': use lowercase letters, digits and hyphens"),
                );
            }
            if let Some(first) = ids.get(id) {
                report(line, format!("{noun} id '{id}' is also on line {first}"));
            } else {
                ids.insert(id, line);
            }
            out.push(RegisterLine::Entry { id, line });
            continue;
        }
        let Some((key, value)) = text.split_once(':') else {
            report(
                line,
                format!("expected 'field: value' or '[{noun}-id]', found “{text}”"),
            );
            continue;
        };
        let (key, value) = (key.trim().to_ascii_lowercase(), value.trim());
        if ids.is_empty() {
            report(line, format!("a field before the first [{noun}-id] line"));
            continue;
        }
        if !fields.contains(&key.as_str()) {
            report(
                line,
                format!(
                    "unknown field '{key}': the fields are {}",
                    fields.join(", ")
                ),
            );
            continue;
        }
        if value.is_empty() {
            report(line, format!("field '{key}' is empty"));
            continue;
        }
        out.push(RegisterLine::Field { key, value, line });
    }
    out
}
