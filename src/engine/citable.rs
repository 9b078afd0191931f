//! What a person cites, links to or collects: a passage, an event or a disagreement of the
//! record, under one identity with two forms. `Ref` names it by its stable id (`p.KEY`,
//! `e.ID`, `d.ID`), as links, stored collections and shared links hold it: parsed, not yet
//! checked. `Citable` is a `Ref` resolved against this build of the record, by position:
//! made only by `Ref::resolve`, so whatever takes one (citations, the collection, exports,
//! passage pages, the tools beside a passage) never handles an id that is not there.

use super::cite::{self, Format};
use super::model::Corpus;
use super::pages::passage_page_path;
use super::view::View;

/// A thing of the record by its stable id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ref {
    /// A passage, by its key (unique in the record).
    Passage(String),
    Event(String),
    Disagreement(String),
}

/// A thing this build of the record has, by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Citable {
    /// The document's index and the passage's index within it.
    Passage {
        doc: usize,
        passage: usize,
    },
    Event(usize),
    Disagreement(usize),
}

/// The longest id a link or stored collection may hold: ids are short slugs, and a longer
/// one is damage, not an id.
const MAX_ID: usize = 120;

impl Ref {
    /// Reads `p.KEY`, `e.ID` or `d.ID`; ids are lowercase letters, digits and hyphens.
    pub fn parse(code: &str) -> Option<Ref> {
        let (kind, id) = code.trim().split_once('.')?;
        let ok = !id.is_empty()
            && id.len() <= MAX_ID
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            return None;
        }
        let id = id.to_string();
        match kind {
            "p" => Some(Ref::Passage(id)),
            "e" => Some(Ref::Event(id)),
            "d" => Some(Ref::Disagreement(id)),
            _ => None,
        }
    }

    /// The form `parse` reads: `p.KEY`, `e.ID`, `d.ID`.
    pub fn code(&self) -> String {
        match self {
            Ref::Passage(id) => format!("p.{id}"),
            Ref::Event(id) => format!("e.{id}"),
            Ref::Disagreement(id) => format!("d.{id}"),
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Ref::Passage(id) | Ref::Event(id) | Ref::Disagreement(id) => id,
        }
    }

    /// What kind of thing it is, in words: "paragraph", "event", "disagreement".
    pub fn noun(&self) -> &'static str {
        match self {
            Ref::Passage(_) => "paragraph",
            Ref::Event(_) => "event",
            Ref::Disagreement(_) => "disagreement",
        }
    }

    /// Where it is in this record, or `None` if the record no longer has it.
    pub fn resolve(&self, corpus: &Corpus) -> Option<Citable> {
        match self {
            Ref::Passage(key) => corpus.documents.iter().enumerate().find_map(|(d, doc)| {
                doc.passages
                    .iter()
                    .position(|p| &p.key == key)
                    .map(|p| Citable::Passage { doc: d, passage: p })
            }),
            Ref::Event(id) => corpus
                .events
                .iter()
                .position(|e| &e.id == id)
                .map(Citable::Event),
            Ref::Disagreement(id) => corpus.disagreement_index(id).map(Citable::Disagreement),
        }
    }
}

impl Citable {
    /// Its stable id, for links and the collection.
    pub fn to_ref(self, corpus: &Corpus) -> Ref {
        match self {
            Citable::Passage { doc, passage } => {
                Ref::Passage(corpus.documents[doc].passages[passage].key.clone())
            }
            Citable::Event(i) => Ref::Event(corpus.events[i].id.clone()),
            Citable::Disagreement(i) => Ref::Disagreement(corpus.disagreements[i].id.clone()),
        }
    }

    /// "paragraph", "event", "disagreement".
    pub fn noun(self) -> &'static str {
        match self {
            Citable::Passage { .. } => "paragraph",
            Citable::Event(_) => "event",
            Citable::Disagreement(_) => "disagreement",
        }
    }

    /// What it is, in a line: "Title, paragraph 4", the event's date and title, the
    /// disagreement's question.
    pub fn title(self, corpus: &Corpus) -> String {
        match self {
            Citable::Passage { doc, passage } => {
                let d = &corpus.documents[doc];
                d.label_of(&d.passages[passage])
            }
            Citable::Event(i) => format!("{}: {}", corpus.events[i].date, corpus.events[i].title),
            Citable::Disagreement(i) => corpus.disagreements[i].question.clone(),
        }
    }

    /// The fragment that opens it in the page (`#doc=…&p=…`, `#ev=…`, `#dis=…`).
    pub fn fragment(self, corpus: &Corpus) -> String {
        let home = View::home();
        match self {
            Citable::Passage { doc, passage } => {
                let d = &corpus.documents[doc];
                home.passage_link(&d.id, &d.passages[passage].key)
            }
            Citable::Event(i) => home.event_link(&corpus.events[i].id),
            Citable::Disagreement(i) => home.disagreement_link(&corpus.disagreements[i].id),
        }
    }

    /// The page of its own that a shared link names, beside the record (`p/KEY.html`, which
    /// previews a passage where the link is pasted); `None` where the link is the fragment.
    pub fn page_path(self, corpus: &Corpus) -> Option<String> {
        match self {
            Citable::Passage { doc, passage } => Some(passage_page_path(
                &corpus.documents[doc].passages[passage].key,
            )),
            Citable::Event(_) | Citable::Disagreement(_) => None,
        }
    }

    /// Where it is, relative to the record's folder: its own page where it has one, else the
    /// fragment that opens it. A shared link and an export's address are this appended to
    /// where the record is published.
    pub fn address(self, corpus: &Corpus) -> String {
        self.page_path(corpus)
            .unwrap_or_else(|| self.fragment(corpus))
    }

    /// Its citation, ending with `url` (`None`: a local copy with no published address).
    pub fn cite(self, corpus: &Corpus, url: Option<&str>, format: Format) -> String {
        match self {
            Citable::Passage { doc, passage } => cite::passage(corpus, doc, passage, url, format),
            Citable::Event(i) => cite::event(corpus, i, url, format),
            Citable::Disagreement(i) => cite::disagreement(corpus, i, url, format),
        }
    }
}
