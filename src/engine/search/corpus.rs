//! The search as the page uses it: one index over every passage of the corpus (word
//! families included), one over the timeline's event titles and the disagreements'
//! questions, the actors' names in the query standing for every form the record names them
//! by, and the way back from an index position to a document's passage.

use super::index::Index;
use super::query::{Clause, Query};
use super::ranking::{Name, Prepared};
use super::snippets::{snippet, Segment, SNIPPET_CHARS};
use crate::engine::model::Corpus;
use crate::engine::order;

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
    /// Per actor: the index positions of the passages that name it in any recorded form
    /// (as the build found them, scoped as the register says), give its words, report its
    /// position or are in a document it wrote, each with whether it is the actor's own words without naming it:
    /// what a name typed in a search stands for (`Prepared::stand_in`).
    involved: Vec<Vec<(u32, bool)>>,
    /// The actors' names and the forms that name them everywhere, as query words, longest
    /// first: the runs of a query that are names. A form recorded for one document ("the
    /// force") is not one: typed, it means any force.
    names: Vec<(u16, Vec<String>)>,
    /// Every recorded form as term ids, with its actor and the one document it is recorded
    /// for: what to mark in a passage found by name.
    forms: Vec<(u16, Option<u16>, Vec<u32>)>,
}

/// One search result, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ResultItem {
    pub doc: usize,
    pub passage: usize,
    pub snippet: Vec<Segment>,
    /// Found not only by the words typed but because some of them are a name of this actor,
    /// which the passage names in another form, or whose words or position it gives (an
    /// index into `Corpus::actors`).
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
        let mut involved = vec![Vec::new(); corpus.actors.len()];
        for (position, &(d, p)) in refs.iter().enumerate() {
            for x in &corpus.documents[d].passages[p].actors {
                if x.mentioned || x.said || x.reported || x.wrote {
                    let own_words = (x.said || x.wrote) && !x.mentioned;
                    involved[usize::from(x.actor)].push((position as u32, own_words));
                }
            }
        }
        let mut names: Vec<(u16, Vec<String>)> = corpus
            .names
            .iter()
            .filter(|n| n.doc.is_none())
            .map(|n| (n.actor, n.words.clone()))
            .collect();
        order::sort_by(&mut names, |a, b| b.1.len().cmp(&a.1.len()).then(a.cmp(b)));
        names.dedup();
        let index = index.with_families(&corpus.families);
        let forms = corpus
            .names
            .iter()
            .filter_map(|n| {
                let terms = n.words.iter().map(|w| index.id(w));
                Some((n.actor, n.doc, terms.collect::<Option<Vec<u32>>>()?))
            })
            .collect();
        CorpusIndex {
            index,
            headings: Index::new(headings).with_families(&corpus.families),
            refs,
            starts,
            spans,
            involved,
            names,
            forms,
        }
    }

    /// Parses, plans and scores a query once, for everything that keystroke shows: the
    /// runs of it that are names also match every passage naming that actor in another
    /// form (`Prepared::stand_in`).
    pub fn prepare(&self, input: &str) -> Prepared {
        let query = Query::parse(input);
        let names = self.names_in(&query);
        let mut prepared = self.index.prepare(query);
        for name in names {
            let passages = &self.involved[usize::from(name.actor)];
            prepared.stand_in(&self.index, name, passages);
        }
        prepared
    }

    /// The runs of a query's words that are an actor's name or a form naming it everywhere,
    /// longest first, left to right.
    fn names_in(&self, query: &Query) -> Vec<Name> {
        let words: Vec<Option<&str>> = query
            .clauses
            .iter()
            .map(|c| match c {
                Clause::Word { norm, .. } => Some(norm.as_str()),
                Clause::Phrase { .. } => None,
            })
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let rest = &words[i..];
            let found = self.names.iter().find(|(_, form)| {
                form.len() <= rest.len()
                    && form.iter().zip(rest).all(|(f, w)| *w == Some(f.as_str()))
            });
            match found {
                Some((actor, form)) => {
                    out.push(Name {
                        actor: *actor,
                        clauses: i..i + form.len(),
                    });
                    i += form.len();
                }
                None => i += 1,
            }
        }
        out
    }

    /// Where the passage at an index position names an actor, in any of its forms recorded
    /// for that passage's document (byte ranges): the forms' terms found in the passage's
    /// term sequence, so nothing is tokenized again.
    fn name_ranges(&self, actor: u16, position: usize) -> Vec<(usize, usize)> {
        let (doc, _) = self.refs[position];
        let terms = self.index.passage_terms(position as u32);
        let spans = &self.spans[position];
        let mut ranges = Vec::new();
        let forms = self
            .forms
            .iter()
            .filter(|(a, d, _)| *a == actor && d.is_none_or(|d| usize::from(d) == doc));
        for (_, _, want) in forms {
            for (at, window) in terms.windows(want.len()).enumerate() {
                if window == want.as_slice() {
                    let (start, end) = (spans[at].0, spans[at + want.len() - 1].1);
                    ranges.push((start as usize, end as usize));
                }
            }
        }
        ranges
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
        let mut ranges =
            self.index
                .highlights_at(&prepared.plan, position as u32, text, &self.spans[position]);
        if let Some(actor) = prepared.stood_in(position as u32) {
            ranges.extend(self.name_ranges(actor, position));
            order::sort(&mut ranges);
            // A name's words may already be marked: one range where two overlap.
            let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
            for (start, end) in ranges {
                match merged.last_mut() {
                    Some(last) if start <= last.1 => last.1 = last.1.max(end),
                    _ => merged.push((start, end)),
                }
            }
            return merged;
        }
        ranges
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
            by_name: prepared.stood_in(position as u32),
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
