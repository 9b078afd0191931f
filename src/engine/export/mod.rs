//! Exports of a reader's collection: Markdown, plain text, CSL-JSON, RIS and BibTeX.
//!
//! Markdown and plain text are the whole collection as a reader would print it: today's
//! citations (`cite`) in the reader's order, each with the reader's note, and the items the
//! record no longer has listed and flagged. CSL-JSON (what Zotero, Pandoc and the Word and
//! Google Docs citation plug-ins read), RIS and BibTeX are reference lists, shaped as a
//! reference manager holds them (issue 24): one reference per document, however many of its
//! passages the collection quotes, with each quoted passage a citation of it in its note
//! (the paragraph as the locator, the quote verbatim, why it is quoted), authors' names
//! structured where the register names a person, dates as reference readers take them, and
//! inferred and supplied values said so (`sources.rs`). Items the record no longer has
//! cannot be referenced and are left out of those three (`collection::missing` tells the
//! page which).
//!
//! Each format is written by hand with the escaping it needs, so the engine keeps its few
//! dependencies; the tests read every format back with a real parser and render CSL-JSON and
//! BibTeX with a citation processor (tests/e2e/references.test.mjs).

use super::cite::{self, md_escape};
use super::collection::{missing, plural, Item};
use super::date::Point;
use super::model::Corpus;

mod bibtex;
mod csl;
mod ris;
mod sources;

use bibtex::bibtex;
use csl::csl_json;
use ris::ris;
use sources::sources;

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
    /// quoted document and leave out the items the record no longer has; false for Markdown
    /// and plain text, which hold every item as collected.
    pub fn lists_references(self) -> bool {
        matches!(self, Format::CslJson | Format::Ris | Format::Bibtex)
    }
}

/// What the page knows and the engine does not: where the record is published and what day
/// it is (the engine has no clock).
#[derive(Clone, Copy, Debug)]
pub struct Origin<'a> {
    /// The folder the record is published in, ending in `/`: every address an export gives
    /// is an item's own (`Citable::address`) or a document's view appended to it. `None` from
    /// a local copy with no published address (see `cite::LOCAL_COPY`).
    pub folder: Option<&'a str>,
    /// The reader's today: the access date a reference gives with its address.
    pub today: Point,
}

impl Origin<'_> {
    /// The absolute address of a place in the record (`p/KEY.html`, `#doc=…`).
    fn url(&self, address: &str) -> Option<String> {
        self.folder.map(|folder| format!("{folder}{address}"))
    }
}

/// The collection in one format.
pub fn export(corpus: &Corpus, items: &[Item], origin: &Origin, format: Format) -> String {
    match format {
        Format::Markdown => readable(corpus, items, origin, cite::Format::Markdown),
        Format::Text => readable(corpus, items, origin, cite::Format::Plain),
        Format::CslJson => csl_json(&sources(corpus, items, origin), origin.today),
        Format::Ris => ris(&sources(corpus, items, origin), origin.today),
        Format::Bibtex => bibtex(
            &sources(corpus, items, origin),
            origin.today,
            missing(corpus, items).len(),
        ),
    }
}

// ---------------------------------------------------------------------------------------
// Markdown and plain text: the collection as today's citations.

fn readable(corpus: &Corpus, items: &[Item], origin: &Origin, style: cite::Format) -> String {
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
            Some(found) => {
                let url = origin.url(&found.address(corpus));
                found.cite(corpus, url.as_deref(), style)
            }
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
