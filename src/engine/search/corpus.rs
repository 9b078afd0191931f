//! The search as the page uses it: one index over every passage of the corpus (word
//! families included), one over the timeline's event titles and the disagreements'
//! questions, and the way back from an index position to a document's passage.

use super::index::Index;
use super::query::Query;
use super::ranking::Prepared;
use super::snippets::{snippet, Segment, SNIPPET_CHARS};
use crate::engine::model::Corpus;

/// The search index over a corpus, with the way back from an index position to the
/// document and passage.
pub struct CorpusIndex {
    pub index: Index,
    /// The timeline's event titles, then the disagreements' questions: a search that
    /// matches one shows it above the passages.
    pub headings: Index,
    /// Per index position: (document, passage) positions in the corpus.
    refs: Vec<(usize, usize)>,
    /// Per document: index position of its first passage.
    starts: Vec<usize>,
    /// Per index position: each word's byte span in the passage's text, kept from building
    /// the index so that highlighting never tokenizes again.
    spans: Vec<Vec<(u32, u32)>>,
}

/// One search result, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ResultItem {
    pub doc: usize,
    pub passage: usize,
    pub snippet: Vec<Segment>,
    /// Found not by the words typed but because the search is a name of this actor, which
    /// the passage names in another form (an index into `Corpus::actors`).
    pub by_name: Option<u16>,
}

impl CorpusIndex {
    pub fn new(corpus: &Corpus) -> CorpusIndex {
        let mut refs = Vec::new();
        let mut starts = Vec::new();
        for (d, doc) in corpus.documents.iter().enumerate() {
            starts.push(refs.len());
            refs.extend((0..doc.passages.len()).map(|p| (d, p)));
        }
        let texts = corpus
            .documents
            .iter()
            .flat_map(|d| d.passages.iter().map(|p| p.text.as_str()));
        let mut spans = Vec::with_capacity(refs.len());
        let index = Index::build(texts, |tokens| {
            spans.push(
                tokens
                    .iter()
                    .map(|t| (t.start as u32, t.end as u32))
                    .collect(),
            );
        });
        let headings = corpus
            .events
            .iter()
            .map(|e| e.title.as_str())
            .chain(corpus.disagreements.iter().map(|d| d.question.as_str()));
        CorpusIndex {
            index: index.with_families(&corpus.families),
            headings: Index::new(headings).with_families(&corpus.families),
            refs,
            starts,
            spans,
        }
    }

    /// Parses, plans and scores a query once, for everything that keystroke shows.
    pub fn prepare(&self, input: &str) -> Prepared {
        self.index.prepare(Query::parse(input))
    }

    /// The index position of a passage (document and passage positions in the corpus).
    pub fn position(&self, doc: usize, passage: usize) -> usize {
        self.starts[doc] + passage
    }

    /// Each word's byte span in the text of the passage at an index position.
    pub fn word_spans(&self, position: usize) -> &[(u32, u32)] {
        &self.spans[position]
    }

    /// The (document, passage) positions of an index position.
    pub fn passage_at(&self, position: usize) -> (usize, usize) {
        self.refs[position]
    }

    /// Byte ranges to mark in one passage for a prepared query (none for an empty one).
    pub fn highlights(
        &self,
        prepared: &Prepared,
        position: usize,
        text: &str,
    ) -> Vec<(usize, usize)> {
        if prepared.is_empty() {
            return Vec::new();
        }
        self.index
            .highlights_at(&prepared.plan, position as u32, text, &self.spans[position])
    }

    /// A result for the passage at an index position: its snippet around the matches.
    pub fn item(&self, corpus: &Corpus, prepared: &Prepared, position: usize) -> ResultItem {
        let (doc, passage) = self.refs[position];
        let text = &corpus.documents[doc].passages[passage].text;
        let ranges = self.highlights(prepared, position, text);
        ResultItem {
            doc,
            passage,
            snippet: snippet(text, &ranges, SNIPPET_CHARS),
            by_name: None,
        }
    }

    /// Every passage of one document, whole, with a prepared query's matches marked: the
    /// reading view.
    pub fn highlight_document(
        &self,
        corpus: &Corpus,
        doc: usize,
        prepared: &Prepared,
    ) -> Vec<Vec<Segment>> {
        corpus.documents[doc]
            .passages
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let ranges = self.highlights(prepared, self.starts[doc] + i, &p.text);
                snippet(&p.text, &ranges, usize::MAX)
            })
            .collect()
    }
}
