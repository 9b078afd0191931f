//! How the record's accounts tell its events. For one event: each document that states it,
//! in order of publication, with its passages and the date it gives and how (stated in its
//! words, inferred from them, or none of its own). For the record: which documents tell
//! which events, which told each first, and a sentence per document saying so. Computed
//! from the registers alone, so a document added to the corpus is counted without a change
//! here.

use super::date::{DateSpec, Point, MONTH_NAMES};
use super::events::quoted;
use super::model::{Attested, Basis, Corpus, Event};
use crate::engine::order;

/// One document's telling of one event.
#[derive(Clone, Debug, PartialEq)]
pub struct Account {
    /// Index into `Corpus::documents`.
    pub doc: u16,
    /// Positions of its passages that state the event, in the document's order.
    pub passages: Vec<u16>,
    /// The dates it gives: the event's own, or another its passages give (a disputed
    /// event), or both where it quotes both sides. Each says how it is known: `Stated`, the
    /// words hold its year (`evidence`: those words); `Inferred`, from a relative date the
    /// event's note resolves (`evidence`: the phrase), or from the document's own date when
    /// it alone tells the event; `Supplied`, the document gives no date and the record's
    /// comes from another account.
    pub dates: Vec<Attested<DateSpec>>,
}

/// Each document that states `event`, in order of publication (the corpus's order).
pub fn accounts(corpus: &Corpus, event: &Event) -> Vec<Account> {
    let mut docs: Vec<u16> = event
        .sources
        .iter()
        .chain(event.claims.iter().flat_map(|c| &c.sources))
        .map(|&(d, _)| d)
        .collect();
    order::sort(&mut docs);
    docs.dedup();
    let mut told: Vec<Account> = docs
        .into_iter()
        .map(|doc| {
            let in_doc = |list: &[(u16, u16)]| -> Vec<u16> {
                list.iter()
                    .filter(|at| at.0 == doc)
                    .map(|at| at.1)
                    .collect()
            };
            let own = in_doc(&event.sources);
            let mut dates = Vec::new();
            if !own.is_empty() {
                dates.push(attest(corpus, event, doc, &own, event.date));
            }
            for claim in &event.claims {
                let given = in_doc(&claim.sources);
                if !given.is_empty() && !dates.iter().any(|d| d.value == claim.date) {
                    dates.push(attest(corpus, event, doc, &given, claim.date));
                }
            }
            let mut passages = own;
            passages.extend(event.claims.iter().flat_map(|c| in_doc(&c.sources)));
            order::sort(&mut passages);
            passages.dedup();
            Account {
                doc,
                passages,
                dates,
            }
        })
        .collect();
    // The event's date comes from a dated source, its first (`corpus/events.txt`): where
    // no account's words give it, that source's document gives it by inference from its
    // words and its own date, which the event's note explains.
    let given = |d: &Attested<DateSpec>| d.value == event.date && d.basis != Basis::Supplied;
    if !told.iter().any(|a| a.dates.iter().any(given)) {
        let first = event.sources.first().map(|at| at.0);
        if let Some(date) = told
            .iter_mut()
            .filter(|a| Some(a.doc) == first)
            .flat_map(|a| a.dates.iter_mut())
            .find(|d| d.value == event.date)
        {
            date.basis = Basis::Inferred;
            date.note = event.note.clone();
        }
    }
    told
}

/// How the passages `at` of document `doc` give `date` for `event` (see `Account::dates`).
fn attest(
    corpus: &Corpus,
    event: &Event,
    doc: u16,
    at: &[u16],
    date: DateSpec,
) -> Attested<DateSpec> {
    let document = &corpus.documents[usize::from(doc)];
    // A publication is dated as its document is, and known as that date is.
    if event.publication == Some(doc) && date == document.date.value {
        return document.date.clone();
    }
    let texts: Vec<&str> = at
        .iter()
        .map(|&p| document.passages[usize::from(p)].text.as_str())
        .collect();
    let points = match date {
        DateSpec::On(p) | DateSpec::By(p) | DateSpec::OrLater(p) => vec![p],
        DateSpec::Between(a, b) => vec![a, b],
    };
    let stated: Vec<String> = points
        .iter()
        .filter_map(|&point| texts.iter().find_map(|t| stating(t, point)))
        .collect();
    if stated.len() == points.len() {
        return Attested {
            value: date,
            basis: Basis::Stated,
            evidence: stated,
            note: None,
        };
    }
    // The words a position of the event's disagreement quotes for this date ("by November
    // that same year"), else a phrase the event's note quotes and resolves ("last spring").
    let positions: Vec<String> = event
        .disagreement
        .map(|d| &corpus.disagreements[usize::from(d)].positions)
        .into_iter()
        .flatten()
        .filter(|p| p.date == Some(date))
        .flat_map(|p| &p.quotes)
        .filter(|q| q.at.0 == doc && at.contains(&q.at.1))
        .map(|q| q.text.clone())
        .collect();
    let note = event.note.as_deref().unwrap_or("");
    let resolved: Vec<String> = if positions.is_empty() {
        quoted(note)
            .into_iter()
            .filter(|phrase| {
                let phrase = phrase.to_lowercase();
                texts.iter().any(|t| t.to_lowercase().contains(&phrase))
            })
            .map(str::to_string)
            .collect()
    } else {
        positions
    };
    let basis = if resolved.is_empty() {
        Basis::Supplied
    } else {
        Basis::Inferred
    };
    Attested {
        value: date,
        basis,
        evidence: resolved,
        note: event.note.clone().filter(|_| basis == Basis::Inferred),
    }
}

/// The words of `text` that state `point`: its year as a word, with up to three words
/// before it in the same clause ("first trialled in 2013", "in May 2021"), which must name
/// its month where it has one. `None` where the text does not state it.
fn stating(text: &str, point: Point) -> Option<String> {
    let year = point.year().to_string();
    let month = match point {
        Point::Day { month, .. } | Point::Month { month, .. } => {
            Some(MONTH_NAMES[usize::from(month - 1)])
        }
        Point::Part { .. } | Point::Year { .. } => None,
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    (0..words.len()).find_map(|at| {
        if bare(words[at]) != year {
            return None;
        }
        let mut start = at;
        while start > 0
            && at - start < 3
            && !words[start - 1].ends_with(['.', ',', ';', ':', '—', '–'])
        {
            start -= 1;
        }
        let before = &words[start..at];
        if month.is_some_and(|m| !before.iter().any(|w| bare(w) == m)) {
            return None;
        }
        let phrase = words[start..=at].join(" ");
        Some(
            phrase
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string(),
        )
    })
}

/// How one document stands to one event in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Telling {
    /// It tells the event, and no document that tells it was surely published before it
    /// (two with overlapping dates of publication can both be first).
    First,
    /// It tells the event after another document did.
    Later,
    /// It never mentions it.
    Never,
}

/// Which documents tell which events: a row per event (the record's date order), a column
/// per document (order of publication).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Per event, per document.
    pub rows: Vec<Vec<Telling>>,
}

/// The table of the record's events by its documents.
pub fn table(corpus: &Corpus) -> Table {
    let n_docs = corpus.documents.len();
    let rows = corpus
        .events
        .iter()
        .map(|event| {
            let tellers: Vec<u16> = accounts(corpus, event).iter().map(|a| a.doc).collect();
            let mut row = vec![Telling::Never; n_docs];
            for &d in &tellers {
                let preceded = tellers.iter().any(|&o| published_before(corpus, o, d));
                row[usize::from(d)] = if preceded {
                    Telling::Later
                } else {
                    Telling::First
                };
            }
            row
        })
        .collect();
    Table { rows }
}

/// Whether document `a` was surely published before `b`: its latest possible day is
/// before `b`'s earliest. Open ends never are.
fn published_before(corpus: &Corpus, a: u16, b: u16) -> bool {
    let (_, a_last) = corpus.documents[usize::from(a)].date.value.bounds();
    let (b_first, _) = corpus.documents[usize::from(b)].date.value.bounds();
    matches!((a_last, b_first), (Some(x), Some(y)) if x < y)
}

impl Table {
    /// How many events document `doc` tells, and for how many it is first.
    pub fn counts(&self, doc: usize) -> (usize, usize) {
        let tells = self
            .rows
            .iter()
            .filter(|r| r[doc] != Telling::Never)
            .count();
        let first = self
            .rows
            .iter()
            .filter(|r| r[doc] == Telling::First)
            .count();
        (tells, first)
    }

    /// "The news report of 17 June 2021 tells 28 of 49 events, first for 21.": the
    /// column read as one sentence, for those who cannot scan a table.
    pub fn summary(&self, corpus: &Corpus, doc: usize) -> String {
        let (tells, first) = self.counts(doc);
        format!(
            "The {} tells {tells} of {} events, first for {first}.",
            document_name(corpus, doc),
            self.rows.len()
        )
    }
}

/// "news report of 17 June 2021": a document named by its kind and date, as a sentence
/// or a column heading calls it beside the others.
pub fn document_name(corpus: &Corpus, doc: usize) -> String {
    let d = &corpus.documents[doc];
    format!(
        "{} of {}",
        corpus.kind_of(d).label.to_lowercase(),
        d.date.value
    )
}

/// The order of the table's rows, as the link writes it (`accounts=oldest`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Earliest event first, as the timeline's list.
    #[default]
    Oldest,
    Newest,
}

impl Order {
    pub fn key(self) -> &'static str {
        match self {
            Order::Oldest => "oldest",
            Order::Newest => "newest",
        }
    }

    /// Any other word opens the table in its usual order: a link never fails.
    pub fn from_key(key: &str) -> Order {
        if key == "newest" {
            Order::Newest
        } else {
            Order::Oldest
        }
    }

    /// The other order, as clicking the sorted header gives.
    pub fn flipped(self) -> Order {
        match self {
            Order::Oldest => Order::Newest,
            Order::Newest => Order::Oldest,
        }
    }

    /// Row positions (event indices) in this order.
    pub fn rows(self, n: usize) -> Vec<usize> {
        match self {
            Order::Oldest => (0..n).collect(),
            Order::Newest => (0..n).rev().collect(),
        }
    }
}
