//! Exports of a reader's collection: Markdown, plain text, CSL-JSON, RIS and BibTeX.
//!
//! Markdown and plain text are the whole collection as a reader would print it: today's
//! citations (`cite`) in the reader's order, each with the reader's note, and the items the
//! record no longer has listed and flagged. CSL-JSON (what Zotero, Pandoc and the Word and
//! Google Docs citation plug-ins read), RIS and BibTeX are reference lists: one reference per
//! quoted passage, each carrying the quote verbatim and the same metadata as a citation, with
//! inferred and supplied values said so in its note. Items the record no longer has cannot
//! be referenced and are left out of those three (`collection::missing` tells the page which).
//!
//! Each format is written by hand with the escaping it needs, so the engine keeps its few
//! dependencies; the tests read every format back with a real parser.

use super::citable::{Citable, Ref};
use super::cite::{self, md_escape};
use super::collection::{missing, plural, Item};
use super::date::{civil_from_days, DateSpec, Point};
use super::drafts;
use super::model::{Basis, Corpus, Document, Kind, Passage};
use std::collections::HashSet;

mod bibtex;
mod csl;
mod ris;

use bibtex::bibtex;
use csl::csl_json;
use ris::ris;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
    CslJson,
    Ris,
    Bibtex,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Text,
        Format::CslJson,
        Format::Ris,
        Format::Bibtex,
    ];

    /// The name a reader chooses it by.
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Text => "Plain text",
            Format::CslJson => "CSL-JSON",
            Format::Ris => "RIS",
            Format::Bibtex => "BibTeX",
        }
    }

    /// The file name's ending, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::CslJson => "json",
            Format::Ris => "ris",
            Format::Bibtex => "bib",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Markdown => "text/markdown",
            Format::Text => "text/plain",
            Format::CslJson => "application/vnd.citationstyles.csl+json",
            Format::Ris => "application/x-research-info-systems",
            Format::Bibtex => "application/x-bibtex",
        }
    }

    /// A short slug for element ids and tests.
    pub fn key(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::CslJson => "csl",
            Format::Ris => "ris",
            Format::Bibtex => "bib",
        }
    }

    /// True for the reference lists (CSL-JSON, RIS, BibTeX), which hold one reference per
    /// quoted passage and leave out the items the record no longer has; false for Markdown
    /// and plain text, which hold every item as collected.
    pub fn lists_references(self) -> bool {
        matches!(self, Format::CslJson | Format::Ris | Format::Bibtex)
    }
}

/// The collection in one format. `link(item)` is the absolute address that opens an item
/// (the page knows its own address; the engine does not), or `None` from a local copy with
/// no published address (see `cite::LOCAL_COPY`).
pub fn export(
    corpus: &Corpus,
    items: &[Item],
    link: &dyn Fn(&Ref) -> Option<String>,
    format: Format,
) -> String {
    match format {
        Format::Markdown => readable(corpus, items, link, cite::Format::Markdown),
        Format::Text => readable(corpus, items, link, cite::Format::Plain),
        Format::CslJson => csl_json(&references(corpus, items, link)),
        Format::Ris => ris(&references(corpus, items, link)),
        Format::Bibtex => bibtex(
            &references(corpus, items, link),
            missing(corpus, items).len(),
        ),
    }
}

// ---------------------------------------------------------------------------------------
// Markdown and plain text: the collection as today's citations.

fn readable(
    corpus: &Corpus,
    items: &[Item],
    link: &dyn Fn(&Ref) -> Option<String>,
    style: cite::Format,
) -> String {
    let markdown = style == cite::Format::Markdown;
    let mut out = String::from(if markdown {
        "# SIM Explorer collection\n\n"
    } else {
        "SIM Explorer collection\n\n"
    });
    out.push_str(&summary(items.len(), missing(corpus, items).len()));
    for item in items {
        // A rule between items: a disagreement's citation has blank lines of its own.
        out.push_str("\n\n---\n\n");
        let body = match item.what.resolve(corpus) {
            Some(found) => found.cite(corpus, link(&item.what).as_deref(), style),
            None => {
                let line = format!(
                    "No longer in the record: {} {}",
                    item.what.noun(),
                    item.what.id()
                );
                if markdown {
                    md_escape(&line)
                } else {
                    line
                }
            }
        };
        out.push_str(&body);
        let note = item.note.trim();
        if !note.is_empty() {
            out.push_str("\n\n");
            if markdown {
                out.push_str(&md_note(note));
            } else {
                out.push_str("Reader's note: ");
                out.push_str(note);
            }
        }
    }
    out.push('\n');
    out
}

/// "4 items; 1 is no longer in the record."
fn summary(n_items: usize, n_missing: usize) -> String {
    if n_items == 0 {
        return "The collection is empty.".to_string();
    }
    let mut line = plural(n_items, "item");
    match n_missing {
        0 => {}
        1 => line.push_str("; 1 is no longer in the record"),
        n => line.push_str(&format!("; {n} are no longer in the record")),
    }
    line.push('.');
    line
}

/// The reader's note as Markdown that renders exactly as typed: each line stays a line (a
/// hard break, `\` at its end), blank lines stay paragraph breaks, and what would start a
/// list, a heading underline or a code fence is escaped along with what `md_escape` covers.
fn md_note(note: &str) -> String {
    let mut out = String::from("Reader's note: ");
    let mut started = false;
    let mut blank_before = false;
    for line in note.lines() {
        // Leading spaces would make a line after a blank one a code block.
        let line = line.trim();
        if line.is_empty() {
            blank_before = true;
            continue;
        }
        if started {
            out.push_str(if blank_before { "\n\n" } else { "\\\n" });
        }
        started = true;
        blank_before = false;
        out.push_str(&md_note_line(line));
    }
    out
}

fn md_note_line(line: &str) -> String {
    // `~` (strikethrough in GitHub's Markdown) and `&` (character references) are escaped
    // here on top of `md_escape`.
    let mut escaped = String::with_capacity(line.len() + 8);
    for c in md_escape(line).chars() {
        if matches!(c, '~' | '&') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    if escaped.starts_with(['-', '+', '=']) {
        return format!("\\{escaped}");
    }
    // "1." or "1)" starts an ordered list.
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && escaped[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &escaped[..digits], &escaped[digits..]);
    }
    escaped
}

// ---------------------------------------------------------------------------------------
// References: one per quoted passage, shared by CSL-JSON, RIS and BibTeX.

/// A passage the collection quotes, with what the reference lists say of it.
struct Reference<'a> {
    /// Stable across exports and unique within one; the same in all three formats.
    id: String,
    doc: &'a Document,
    kind: &'a Kind,
    /// The passage, for its place: the locator citations give.
    passage: &'a Passage,
    /// Whose words or position the passage gives from a draft, where it quotes one ("Words
    /// of NHS England, in a draft …"): never cited as their plain words.
    draft_credit: Vec<String>,
    /// Verbatim: the passage, or the words a disagreement quotes from it.
    quote: &'a str,
    /// Why it is quoted, for an event's or a disagreement's passages.
    context: Option<String>,
    reader_note: &'a str,
    /// `None` from a local copy with no published address: the note says so instead.
    url: Option<String>,
}

/// The kind id whose documents are newspaper articles in every format; any other kind,
/// including one added to `corpus/kinds.txt` later, is a generic document.
const NEWS_KIND: &str = "news-report";

/// An item's references, in the collection's order: a passage gives one; an event one per
/// passage that states it; a disagreement one per quote of each position. Items the record
/// no longer has give none.
fn references<'a>(
    corpus: &'a Corpus,
    items: &'a [Item],
    link: &dyn Fn(&Ref) -> Option<String>,
) -> Vec<Reference<'a>> {
    let mut out: Vec<Reference<'a>> = Vec::new();
    for item in items {
        let Some(found) = item.what.resolve(corpus) else {
            continue;
        };
        let url = link(&item.what);
        let reference = |id: String, (doc, at): (usize, usize), quote, context| {
            let d = &corpus.documents[doc];
            Reference {
                id,
                doc: d,
                kind: corpus.kind_of(d),
                passage: &d.passages[at],
                draft_credit: corpus
                    .credit(&d.passages[at])
                    .map(|c| c.sentences(corpus))
                    .unwrap_or_default(),
                quote,
                context,
                reader_note: item.note.trim(),
                url: url.clone(),
            }
        };
        match found {
            Citable::Passage { doc, passage } => {
                let text = corpus.documents[doc].passages[passage].text.as_str();
                let id = format!("sim-p-{}", item.what.id());
                out.push(reference(id, (doc, passage), text, None));
            }
            Citable::Event(i) => {
                let e = &corpus.events[i];
                let context = format!("Event cited: {}", cite::event_head(corpus, e));
                for (n, &(d, p)) in e.sources.iter().enumerate() {
                    let at = (usize::from(d), usize::from(p));
                    let text = corpus.documents[at.0].passages[at.1].text.as_str();
                    let id = format!("sim-e-{}-{}", e.id, n + 1);
                    out.push(reference(id, at, text, Some(context.clone())));
                }
            }
            Citable::Disagreement(i) => {
                let d = &corpus.disagreements[i];
                let mut n = 0;
                for position in &d.positions {
                    let who = drafts::according_to(corpus, position);
                    // "Disagreement cited", not "Disagreement:": Zotero reads a CSL note's
                    // "Field: value" lines into fields of those names.
                    let context = format!(
                        "Disagreement cited: {} — {}, according to {who}",
                        d.question, position.summary
                    );
                    for q in &position.quotes {
                        n += 1;
                        let at = (usize::from(q.at.0), usize::from(q.at.1));
                        let id = format!("sim-d-{}-{n}", d.id);
                        out.push(reference(id, at, &q.text, Some(context.clone())));
                    }
                }
            }
        }
    }
    // Ids are slugs already (a citation key must not hold spaces, commas or braces); the
    // same item passed twice would repeat one, so a repeat gets a number.
    let mut used = HashSet::new();
    for r in &mut out {
        let base: String =
            r.id.chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
        let mut id = base.clone();
        let mut n = 1;
        while !used.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        r.id = id;
    }
    out
}

/// True when the formats' date fields say all the date says: a day, a month or a year.
/// Otherwise the date's words go in the note too.
fn plain_date(date: DateSpec) -> bool {
    matches!(
        date,
        DateSpec::On(Point::Day { .. } | Point::Month { .. } | Point::Year { .. })
    )
}

/// What a reference's note says, one part each: the quote, the paragraph, why it is quoted,
/// which values SIM Explorer inferred or supplied, and the reader's note.
///
/// No part starts "Date:", "Publisher:" or another field's name: Zotero moves such lines of
/// an imported CSL note into the field they name.
fn note_parts(r: &Reference) -> Vec<String> {
    let d = r.doc;
    let mut parts = vec![
        format!("Quote: “{}”", r.quote),
        // Formats place a locator in the citation, not the reference, so it is said here.
        r.passage.place_label(),
    ];
    parts.extend(r.context.clone());
    if r.url.is_none() {
        parts.push(cite::LOCAL_COPY.to_string());
    }
    let mut said = |what: &str, basis: Basis| {
        if basis != Basis::Stated {
            parts.push(format!("{what} {} by SIM Explorer", basis.name()));
        }
    };
    said("Title", d.title.basis);
    said("Publisher", d.publisher.basis);
    if let Some(author) = &d.author {
        said("Author", author.basis);
    }
    if d.date.basis != Basis::Stated {
        parts.push(format!(
            "Date {} by SIM Explorer: {}",
            d.date.basis.name(),
            d.date.value
        ));
    } else if !plain_date(d.date.value) {
        parts.push(format!("Date given as: {}", d.date.value));
    }
    parts.extend(r.draft_credit.iter().cloned());
    if !r.reader_note.is_empty() {
        parts.push(format!("Reader's note: {}", r.reader_note));
    }
    parts
}

/// The parts as sentences on one line, for RIS and BibTeX, whose notes are one paragraph.
fn sentences(parts: &[String]) -> String {
    let last = parts.len().saturating_sub(1);
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        let bare = part.trim_end_matches(['”', '’', '"', '\'', ')']);
        if i < last && !bare.ends_with(['.', '!', '?']) {
            out.push(format!("{part}."));
        } else {
            out.push(part.clone());
        }
    }
    out.join(" ")
}

/// Line breaks (and other control characters) folded to single spaces: RIS values and
/// BibTeX fields are one line each.
fn one_line(text: &str) -> String {
    let pieces: Vec<&str> = text
        .split(|c: char| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    pieces.join(" ")
}

/// Year, month and day as far as a point gives them, a part of a year as its first month.
fn first_parts(p: Point) -> Vec<i32> {
    match p {
        Point::Day { year, month, day } => vec![year, i32::from(month), i32::from(day)],
        Point::Month { year, month } => vec![year, i32::from(month)],
        Point::Part { .. } => {
            let (_, month, _) = civil_from_days(p.span().0);
            vec![p.year(), i32::from(month)]
        }
        Point::Year { year } => vec![year],
    }
}

/// As `first_parts`, but a part of a year as its last month.
fn last_parts(p: Point) -> Vec<i32> {
    match p {
        Point::Part { .. } => {
            let (_, month, _) = civil_from_days(p.span().1);
            vec![p.year(), i32::from(month)]
        }
        other => first_parts(other),
    }
}

/// The year, where the whole date lies within one.
fn single_year(date: DateSpec) -> Option<i32> {
    match date {
        DateSpec::On(p) => Some(p.year()),
        DateSpec::Between(a, b) if a.year() == b.year() => Some(a.year()),
        _ => None,
    }
}
