//! Full-text search over passages: typo-tolerant, phrase-aware, ranked, with highlights.
//! One file per stage, in the order a keystroke runs them:
//! - `query`: the text typed, parsed into words and "quoted phrases";
//! - `index`: the vocabulary, postings and BM25 constants the query runs against;
//! - `expansion`: each query word resolved into the vocabulary words it stands for;
//! - `ranking`: every passage scored once per keystroke, then ranked and counted;
//! - `snippets`: what a result shows, its matches marked;
//! - `corpus`: all of it over the corpus, as the page and the tests build it.
//!
//! Each query word is matched against the corpus's *vocabulary*, never against whole
//! paragraphs (a subsequence match over a long paragraph matches almost anything):
//! - exact: the normalised word is in the vocabulary;
//! - prefix: for the word still being typed, every vocabulary word it begins;
//! - fuzzy: vocabulary words within a small edit distance (Damerau, so a swapped pair of
//!   letters is one edit: "psychiatirsts", "Serenety"), or of which the query is a close
//!   subsequence (dropped letters: "Jenings", "Wesex", "Kendal"), found with fuzzy-matcher's
//!   skim matcher, which is built for exactly that;
//! - family: the other forms of every word matched so ("warned" finds "warnings"), from the
//!   word families the build ships with the corpus (`families.rs`); a query word outside the
//!   vocabulary is also tried without a common ending ("campaigning" as "campaign");
//! - joined and split: two query words that together make a word of the vocabulary also
//!   match it ("Stop SIM" finds "StopSIM"), and a word that splits into two vocabulary words
//!   also matches them as a phrase ("selfharm" finds "self-harm");
//! - a wrong or missing first letter ("Gennings", "ennings") is forgiven like any other
//!   edit, for words of five letters or more.
//!
//! "Quoted phrases" and hyphenated words ("self-harm") must match in order, exactly (no
//! families, no typos).

mod corpus;
mod expansion;
mod index;
mod numbers;
mod query;
mod ranking;
mod snippets;

pub use corpus::{CorpusIndex, ResultItem};
pub use expansion::Plan;
pub use index::Index;
pub use query::{replace_word, Clause, Query, Typed, MAX_CLAUSES, MAX_QUERY_CHARS};
pub use ranking::{by_score_desc, keep_best, Hit, Name, Prepared, Results, Suggestion};
pub use snippets::{snippet, Segment, SNIPPET_CHARS};
