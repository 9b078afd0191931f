//! The reference lists' one model, shared by CSL-JSON, RIS and BibTeX: one `Source` per
//! document the collection quotes, each quoted passage a `Citation` of it, whatever item
//! (a passage, an event, a disagreement) quotes it.
//!
//! A reference manager holds one item per source and puts the place cited in the citation,
//! not in the reference (issue 24: four paragraphs of one report became four references,
//! "2021a" to "2021d" in APA). The formats have no field for a citation's locator and quote,
//! so each citation is a part of the reference's note: "Paragraph 5: “…”".

use super::{cite, Item, Origin};
use crate::engine::citable::Citable;
use crate::engine::date::{civil_from_days, DateSpec, Point};
use crate::engine::drafts;
use crate::engine::model::{ActorKind, Basis, Corpus, Document, Kind, Passage};
use crate::engine::view::View;

/// The kind id whose documents are newspaper articles in every format; any other kind,
/// including one added to `corpus/kinds.txt` later, is a generic document.
pub(super) const NEWS_KIND: &str = "news-report";

/// A document the collection quotes: one reference in each list.
pub(super) struct Source<'a> {
    /// `sim-` and the document's id (a slug): the same in every export and every format, so
    /// a reference manager that imports the list again updates the item instead of adding one.
    pub id: String,
    pub doc: &'a Document,
    pub kind: &'a Kind,
    pub authors: Vec<Name>,
    /// The document's own view (`#doc=…`); `None` from a local copy (see `cite::LOCAL_COPY`).
    pub url: Option<String>,
    /// In the order the collection first quotes them.
    pub citations: Vec<Citation<'a>>,
}

/// One quoted passage of a source.
pub(super) struct Citation<'a> {
    /// The locator: its place ("Paragraph 5") is what a citation of the source points to.
    pub passage: &'a Passage,
    /// Verbatim: the passage, or the words a disagreement quotes from it.
    pub quote: &'a str,
    /// Why it is quoted (an event or a disagreement citing it) and the reader's notes, one
    /// part each, from every item that quotes these words.
    pub why: Vec<String>,
    /// The passage's own page.
    pub url: Option<String>,
    /// Whose words or position the passage gives from a draft, where it quotes one ("Words
    /// of NHS England, in a draft …"): never cited as their plain words.
    pub draft_credit: Vec<String>,
}

/// An author as reference lists name one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Name {
    /// A person the actor register names: "Pring, John" in every style.
    Person { family: String, given: String },
    /// An organisation or group, or a byline the register does not tie to anyone: never
    /// split into names.
    Literal(String),
}

/// The sources the collection quotes, in the order it first quotes each: a passage gives a
/// citation; an event one per passage that states it; a disagreement one per quote of each
/// position. Items the record no longer has give none.
pub(super) fn sources<'a>(
    corpus: &'a Corpus,
    items: &'a [Item],
    origin: &Origin,
) -> Vec<Source<'a>> {
    let mut out: Vec<Source<'a>> = Vec::new();
    for item in items {
        let Some(found) = item.what.resolve(corpus) else {
            continue;
        };
        let note = item.note.trim();
        let mut cite = |(doc, at): (usize, usize), quote: &'a str, context: Option<String>| {
            let mut why: Vec<String> = context.into_iter().collect();
            if !note.is_empty() {
                why.push(format!("Reader's note: {note}"));
            }
            add(&mut out, corpus, origin, (doc, at), quote, why);
        };
        match found {
            Citable::Passage { doc, passage } => {
                let text = corpus.documents[doc].passages[passage].text.as_str();
                cite((doc, passage), text, None);
            }
            Citable::Event(i) => {
                let e = &corpus.events[i];
                let context = format!("Event cited: {}", cite::event_head(corpus, e));
                for &(d, p) in &e.sources {
                    let at = (usize::from(d), usize::from(p));
                    let text = corpus.documents[at.0].passages[at.1].text.as_str();
                    cite(at, text, Some(context.clone()));
                }
            }
            Citable::Disagreement(i) => {
                let d = &corpus.disagreements[i];
                for position in &d.positions {
                    let who = drafts::according_to(corpus, position);
                    // "Disagreement cited", not "Disagreement:": Zotero reads a CSL note's
                    // "Field: value" lines into fields of those names.
                    let context = format!(
                        "Disagreement cited: {} — {}, according to {who}",
                        d.question, position.summary
                    );
                    for q in &position.quotes {
                        let at = (usize::from(q.at.0), usize::from(q.at.1));
                        cite(at, q.text.as_str(), Some(context.clone()));
                    }
                }
            }
        }
    }
    out
}

/// Adds a citation to its document's source, the source first if it is new. The same words
/// of the same passage quoted again (a passage collected and also an event's source) stay
/// one citation, with every reason it is quoted.
fn add<'a>(
    out: &mut Vec<Source<'a>>,
    corpus: &'a Corpus,
    origin: &Origin,
    (doc, at): (usize, usize),
    quote: &'a str,
    why: Vec<String>,
) {
    let d = &corpus.documents[doc];
    let i = match out.iter().position(|s| std::ptr::eq(s.doc, d)) {
        Some(i) => i,
        None => {
            out.push(Source {
                id: format!("sim-{}", d.id),
                doc: d,
                kind: corpus.kind_of(d),
                authors: authors(corpus, doc),
                url: origin.url(&View::home().document_link(&d.id)),
                citations: Vec::new(),
            });
            out.len() - 1
        }
    };
    let passage = &d.passages[at];
    let citations = &mut out[i].citations;
    let same = |c: &&mut Citation| std::ptr::eq(c.passage, passage) && c.quote == quote;
    match citations.iter_mut().find(same) {
        Some(c) => {
            for part in why {
                if !c.why.contains(&part) {
                    c.why.push(part);
                }
            }
        }
        None => citations.push(Citation {
            passage,
            quote,
            why,
            url: origin.url(&Citable::Passage { doc, passage: at }.address(corpus)),
            draft_credit: corpus
                .credit(passage)
                .map(|c| c.sentences(corpus))
                .unwrap_or_default(),
        }),
    }
}

/// Who wrote a document, as the actor register says (`wrote:`): a person's name split into
/// family and given names, a group's or organisation's whole. Without a register entry, the
/// document's byline, whole: a wrong split would misname the author in every style.
fn authors(corpus: &Corpus, doc: usize) -> Vec<Name> {
    let wrote: Vec<Name> = corpus
        .actors
        .iter()
        .filter(|a| a.wrote.contains(&(doc as u16)))
        .map(|a| match (a.kind, a.name.rsplit_once(' ')) {
            // The register writes people's names given names first ("John Pring", "Tim
            // Kendall"); a one-word name stays whole.
            (ActorKind::Person, Some((given, family))) => Name::Person {
                family: family.to_string(),
                given: given.to_string(),
            },
            _ => Name::Literal(a.name.clone()),
        })
        .collect();
    if !wrote.is_empty() {
        return wrote;
    }
    let byline = corpus.documents[doc].author.as_ref();
    byline
        .map(|a| Name::Literal(a.value.clone()))
        .into_iter()
        .collect()
}

impl Name {
    /// As the record writes it: "John Pring".
    pub(super) fn written(&self) -> String {
        match self {
            Name::Person { family, given } => format!("{given} {family}"),
            Name::Literal(name) => name.clone(),
        }
    }
}

/// The quote in one set of marks: a passage that is itself one quotation (“…”, or a
/// quotation running on into the next paragraph, “… without its closing mark) keeps its own
/// marks instead of gaining a second pair (““…””, issue 24).
pub(super) fn quoted(text: &str) -> String {
    let own = text.strip_prefix('“').is_some_and(|rest| {
        rest.find('”')
            .is_none_or(|at| at + '”'.len_utf8() == rest.len())
    });
    if own {
        text.to_string()
    } else {
        format!("“{text}”")
    }
}

/// What a citation says, one part each: its place, address and quote, whose words they are
/// where they come from a draft, why it is quoted and the reader's notes.
pub(super) fn citation_parts(c: &Citation) -> Vec<String> {
    let mut place = c.passage.place_label();
    if let Some(url) = &c.url {
        place.push_str(&format!(" ({url})"));
    }
    let mut parts = vec![format!("{place}: {}", quoted(c.quote))];
    parts.extend(c.draft_credit.iter().cloned());
    parts.extend(c.why.iter().cloned());
    parts
}

/// What a source's note says after its citations: which values SIM Explorer inferred or
/// supplied, and the byline where the register names the authors otherwise.
///
/// No part starts "Date:", "Publisher:" or another field's name: Zotero moves such lines of
/// an imported CSL note into the field they name.
pub(super) fn source_parts(s: &Source) -> Vec<String> {
    let d = s.doc;
    let mut parts = Vec::new();
    if s.url.is_none() {
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
        let named: Vec<String> = s.authors.iter().map(Name::written).collect();
        if named != [author.value.clone()] {
            parts.push(format!("Byline: {}", author.value));
        }
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
    parts
}

/// True when the formats' date fields say all the date says: a day, a month or a year.
/// Otherwise the date's words go in the note too.
pub(super) fn plain_date(date: DateSpec) -> bool {
    matches!(
        date,
        DateSpec::On(Point::Day { .. } | Point::Month { .. } | Point::Year { .. })
    )
}

/// The parts as sentences on one line, for RIS and BibTeX, whose notes are one paragraph.
pub(super) fn sentences(parts: &[String]) -> String {
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
pub(super) fn one_line(text: &str) -> String {
    let pieces: Vec<&str> = text
        .split(|c: char| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    pieces.join(" ")
}

/// Year, month and day as far as a point gives them, a part of a year as its first month.
pub(super) fn first_parts(p: Point) -> Vec<i32> {
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
pub(super) fn last_parts(p: Point) -> Vec<i32> {
    match p {
        Point::Part { .. } => {
            let (_, month, _) = civil_from_days(p.span().1);
            vec![p.year(), i32::from(month)]
        }
        other => first_parts(other),
    }
}

/// The year a reference gives: the one the whole date lies in, or, for a date open on one
/// side ("10 March 2023 or later", "by November 2018"), its bound's, which the note and the
/// CSL `circa` qualify. A range over years has none: its fields give the range.
pub(super) fn year_of(date: DateSpec) -> Option<i32> {
    match date {
        DateSpec::On(p) | DateSpec::By(p) | DateSpec::OrLater(p) => Some(p.year()),
        DateSpec::Between(a, b) if a.year() == b.year() => Some(a.year()),
        DateSpec::Between(..) => None,
    }
}
