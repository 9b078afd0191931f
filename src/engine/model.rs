//! The corpus as the app sees it: documents with their attested metadata and their passages.
//! Built and checked by `load` at build time, shipped in the bundle as postcard bytes, and
//! decoded into these same types in the browser.

use super::date::DateSpec;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// In date order (earliest first), ties broken by id, so every view lists them alike.
    pub documents: Vec<Document>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file name without `.txt`; the document's name in links.
    pub id: String,
    pub title: Attested<String>,
    pub publisher: Attested<String>,
    pub author: Option<Attested<String>>,
    pub kind: Kind,
    pub date: Attested<DateSpec>,
    /// File name of the unchanged capture in `corpus/sources/` that every passage is checked
    /// against. The capture itself never ships.
    pub source: String,
    pub passages: Vec<Passage>,
}

/// A metadata value and how we know it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attested<T> {
    pub value: T,
    pub basis: Basis,
    /// Words of the capture the value rests on, verbatim.
    pub evidence: Vec<String>,
    /// How an inference was made or why a value was supplied, in our own words.
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// The capture states it.
    Stated,
    /// Deduced from words of the capture, which `evidence` quotes.
    Inferred,
    /// Ours: the capture has nothing to state or infer it from (a descriptive title).
    Supplied,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    NewsReport,
    CampaignStatement,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Stable key, unique in the corpus: see `text::passage_key`.
    pub key: String,
    /// 1-based position among the document's passages: a locator for citations, not an id.
    pub number: u32,
    pub heading: bool,
    /// Verbatim, with whitespace folded.
    pub text: String,
}

impl Basis {
    pub const ALL: [(Basis, &'static str); 3] = [
        (Basis::Stated, "stated"),
        (Basis::Inferred, "inferred"),
        (Basis::Supplied, "supplied"),
    ];

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(b, _)| *b == self)
            .map_or("", |(_, n)| n)
    }
}

impl Kind {
    pub const ALL: [(Kind, &'static str); 2] = [
        (Kind::NewsReport, "news report"),
        (Kind::CampaignStatement, "campaign statement"),
    ];

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("", |(_, n)| n)
    }

    /// The name as a label at the start of a line.
    pub fn label(self) -> &'static str {
        match self {
            Kind::NewsReport => "News report",
            Kind::CampaignStatement => "Campaign statement",
        }
    }
}

impl Corpus {
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn passage_count(&self) -> usize {
        self.documents.iter().map(|d| d.passages.len()).sum()
    }
}

impl Document {
    pub fn passage(&self, key: &str) -> Option<&Passage> {
        self.passages.iter().find(|p| p.key == key)
    }
}
