//! The first stage of a search: the text typed, parsed into clauses (words, "quoted
//! phrases", hyphenated words as phrases), with the word still being typed marked as such.
//! Never fails: characters that make no word are ignored.

use crate::engine::normalize::{is_word_char, tokenize};

/// Longest query read, in characters; the rest is cut off with a notice. Long enough for any
/// sentence a person would search for, short enough that no input can stall the page.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words and phrases a query may hold (one bit each in a per-passage mask).
pub const MAX_CLAUSES: usize = 16;

/// Whether a query word is finished, or still being typed and so may begin a longer word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Typed {
    /// Followed by a space, a quote or punctuation: only this word (and its close spellings).
    Whole,
    /// The last word, under the cursor: it also stands for the words it begins.
    Begun,
}

/// One part of a query: a word, or words that must appear in order.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Clause {
    Word {
        norm: String,
        typed: Typed,
    },
    /// Exact words in order; `typed` says whether the last one is still being typed.
    Phrase {
        words: Vec<String>,
        typed: Typed,
    },
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// The input was longer than `MAX_QUERY_CHARS` and was cut.
    pub truncated: bool,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '＂')
}

impl Query {
    /// Parses any string: words, "quoted phrases", hyphenated words as phrases. Never fails;
    /// characters that make no word (punctuation, emoji, control characters) are ignored.
    pub fn parse(input: &str) -> Query {
        let (input, truncated) = match input.char_indices().nth(MAX_QUERY_CHARS) {
            Some((cut, _)) => (&input[..cut], true),
            None => (input, false),
        };
        // The word under the cursor is being typed unless the query ends with a break.
        let typing = input
            .chars()
            .last()
            .is_some_and(|c| is_word_char(c) || matches!(c, '\'' | '’'));
        let mut clauses = Vec::new();
        let mut in_quotes = false;
        let pieces: Vec<&str> = input.split(is_quote).collect();
        let n_pieces = pieces.len();
        for (i, piece) in pieces.into_iter().enumerate() {
            // Only the end of the input can be still being typed.
            let end = if i + 1 == n_pieces && typing {
                Typed::Begun
            } else {
                Typed::Whole
            };
            let tokens = tokenize(piece);
            if in_quotes {
                let words: Vec<String> = tokens.into_iter().map(|t| t.norm).collect();
                if !words.is_empty() {
                    // An open quote at the end is a phrase still being typed.
                    clauses.push(Clause::Phrase { words, typed: end });
                }
            } else {
                let n = tokens.len();
                let mut run: Vec<String> = Vec::new();
                for (k, token) in tokens.into_iter().enumerate() {
                    if !token.hyphen_joined && !run.is_empty() {
                        push_run(&mut clauses, std::mem::take(&mut run), Typed::Whole);
                    }
                    run.push(token.norm);
                    if k + 1 == n {
                        push_run(&mut clauses, std::mem::take(&mut run), end);
                    }
                }
            }
            in_quotes = !in_quotes;
        }
        let mut unique: Vec<Clause> = Vec::with_capacity(clauses.len());
        for c in clauses {
            if !unique.contains(&c) {
                unique.push(c);
            }
        }
        let mut clauses = unique;
        clauses.truncate(MAX_CLAUSES);
        Query { clauses, truncated }
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

/// Adds a run of hyphen-joined words: one word alone, or a phrase.
fn push_run(clauses: &mut Vec<Clause>, mut run: Vec<String>, typed: Typed) {
    if run.len() == 1 {
        let norm = run.pop().unwrap_or_default();
        clauses.push(Clause::Word { norm, typed });
    } else if !run.is_empty() {
        clauses.push(Clause::Phrase { words: run, typed });
    }
}

/// The query text with the first word whose normalised form is `word` replaced, keeping
/// everything else as typed.
pub fn replace_word(text: &str, word: &str, replacement: &str) -> String {
    match tokenize(text).into_iter().find(|t| t.norm == word) {
        Some(t) => format!("{}{}{}", &text[..t.start], replacement, &text[t.end..]),
        None => format!("{text} {replacement}"),
    }
}
