//! Full-text search over passages: typo-tolerant, phrase-aware, ranked, with highlights.
//!
//! Each query word is matched against the corpus's *vocabulary*, never against whole
//! paragraphs (a subsequence match over a long paragraph matches almost anything):
//! - exact: the normalised word is in the vocabulary;
//! - prefix: for the word still being typed, every vocabulary word it begins;
//! - fuzzy: vocabulary words within a small edit distance (Damerau, so a swapped pair of
//!   letters is one edit: "psychiatirsts", "Serenety"), or of which the query is a close
//!   subsequence (dropped letters: "Jenings", "Wesex", "Kendal"), found with fuzzy-matcher's
//!   skim matcher, which is built for exactly that.
//!
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
//! families, no typos). Passages are
//! ranked by BM25 (see the constants below), each term's share weighted by how well it matched,
//! and by how many of the query's words or phrases a passage holds: when some passage holds
//! them all, only such passages are results; otherwise passages holding some are ranked by
//! their share of the query.

use super::normalize::{tokenize, Token};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::ops::Range;

/// Longest query read, in characters; the rest is cut off with a notice. Long enough for any
/// sentence a person would search for, short enough that no input can stall the page.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words and phrases a query may hold (one bit each in a per-passage mask).
pub const MAX_CLAUSES: usize = 16;

// BM25 (Robertson and Zaragoza, 2009) with the usual constants: K1 saturates repeated
// terms (a passage naming "SIM" five times is not five times as relevant), B normalises by
// passage length (short passages are not penalised for saying less).
const K1: f32 = 1.2;
const B: f32 = 0.75;

// How much a term counts by how it matched. An exact word outranks a word the query only
// begins, which outranks a guessed spelling: a passage with "Kendall" beats one with "Kendal"
// for the query "kendall". The prefix weight rises towards exact as more of the word is typed.
const EXACT_WEIGHT: f32 = 1.0;
/// Another form of a word matched exactly: below the form typed, above any word the query
/// only begins (prefix weights reach 0.85).
const FAMILY_WEIGHT: f32 = 0.9;
const PREFIX_WEIGHT: f32 = 0.7;
const FUZZY_WEIGHT: f32 = 0.5;
/// A family's forms count this share of the weight of the word they came from.
const FAMILY_SHARE: f32 = 0.9;
/// Shortest query word whose first letter may be wrong or missing: shorter words have too
/// many neighbours once the first letter is free.
const MIN_FIRST_LETTER_LEN: usize = 5;
/// Endings a query word outside the vocabulary is tried without (then with an "e", or "y"
/// for "ies"/"ied"), longest first: a word the record uses in another form still finds its
/// family. Only words of the vocabulary are accepted, so a wrong guess finds nothing.
const ENDINGS: [&str; 12] = [
    "ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s",
];
/// What one step of match quality adds to a passage's rank: more than any BM25 score, so
/// quality orders first and BM25 among equals.
const TIER: f32 = 1000.0;

/// A match's quality class by its weight: 3 exact, 2 another form, 1 a beginning, 0 a guess.
fn class(weight: f32) -> u16 {
    if weight >= EXACT_WEIGHT {
        3
    } else if weight >= FAMILY_WEIGHT {
        2
    } else if weight >= PREFIX_WEIGHT * FAMILY_SHARE {
        1
    } else {
        0
    }
}

/// A phrase found in order is worth more than its words scattered: this multiplies it.
const PHRASE_BONUS: f32 = 1.5;
/// Words the last query word may begin, at most (the most common are kept): a one-letter
/// prefix would otherwise expand to a third of the vocabulary.
const MAX_PREFIX_EXPANSIONS: usize = 64;
/// Fuzzy expansions per query word, at most (closest first).
const MAX_FUZZY_EXPANSIONS: usize = 16;
/// Shortest query word that is matched fuzzily: shorter words have too many neighbours
/// ("sim" is one edit from "aim", "him", "six").
const MIN_FUZZY_LEN: usize = 4;
/// From this length, two edits are allowed instead of one.
const TWO_EDITS_LEN: usize = 8;

/// How a query word matched a vocabulary word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchKind {
    Exact,
    Prefix,
    Fuzzy,
}

/// One part of a query: a word, or words that must appear in order.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Clause {
    /// `prefix`: the word is still being typed, so it may begin a longer word.
    Word { norm: String, prefix: bool },
    /// Exact words in order; `prefix`: the last one is still being typed.
    Phrase { words: Vec<String>, prefix: bool },
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
            .is_some_and(|c| super::normalize::is_word_char(c) || matches!(c, '\'' | '’'));
        let mut clauses = Vec::new();
        let mut in_quotes = false;
        let pieces: Vec<&str> = input.split(is_quote).collect();
        let n_pieces = pieces.len();
        for (i, piece) in pieces.into_iter().enumerate() {
            let last_piece = i + 1 == n_pieces;
            let tokens = tokenize(piece);
            if in_quotes {
                let words: Vec<String> = tokens.into_iter().map(|t| t.norm).collect();
                if !words.is_empty() {
                    // An open quote at the end is a phrase still being typed.
                    let prefix = last_piece && typing;
                    clauses.push(Clause::Phrase { words, prefix });
                }
            } else {
                let n = tokens.len();
                let mut run: Vec<String> = Vec::new();
                for (k, token) in tokens.into_iter().enumerate() {
                    if !token.hyphen_joined && !run.is_empty() {
                        push_run(&mut clauses, std::mem::take(&mut run), false);
                    }
                    run.push(token.norm);
                    if k + 1 == n {
                        push_run(&mut clauses, std::mem::take(&mut run), last_piece && typing);
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

fn push_run(clauses: &mut Vec<Clause>, mut run: Vec<String>, prefix: bool) {
    if run.len() == 1 {
        let norm = run.pop().unwrap_or_default();
        clauses.push(Clause::Word { norm, prefix });
    } else if !run.is_empty() {
        clauses.push(Clause::Phrase { words: run, prefix });
    }
}

/// The search index: vocabulary, postings and each passage's words in order.
pub struct Index {
    /// Sorted; a term's id is its position, so a prefix (or a first letter) is a contiguous
    /// range and a lookup is a binary search: no hash maps to ship or fill.
    vocab: Vec<String>,
    /// Per term: (passage, occurrences), passages ascending.
    postings: Vec<Vec<(u32, u16)>>,
    /// Per passage: its words as term ids, in order (phrases, highlights).
    passage_terms: Vec<Vec<u32>>,
    /// Per term: its inverse document frequency, computed once.
    idf: Vec<f32>,
    /// Per passage: BM25's length normalisation `K1 * (1 - B + B * len / avg_len)`.
    len_norm: Vec<f32>,
    /// Word families, as term ids, and per term the family it belongs to (`NO_FAMILY` if
    /// none). Empty for an index built without families (the benchmarks' synthetic text).
    families: Vec<Vec<u32>>,
    family_of: Vec<u32>,
    /// Term ids ordered by the word without its first letter: the candidates for a query
    /// whose first letter is wrong or missing are a contiguous range.
    by_tail: Vec<u32>,
}

const NO_FAMILY: u32 = u32::MAX;

/// A word without its first letter.
fn tail(word: &str) -> &str {
    word.char_indices().nth(1).map_or("", |(i, _)| &word[i..])
}

/// Orders (id, score) pairs best first, ties by id. The one comparator every ranking here
/// uses: each distinct sort is another copy of the sorting code in the page.
fn by_score_desc(a: &(u32, f32), b: &(u32, f32)) -> Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// One bit per clause: the mask of a passage holding them all.
fn full_mask(n_clauses: usize) -> u32 {
    if n_clauses >= 32 {
        u32::MAX
    } else {
        (1u32 << n_clauses) - 1
    }
}

/// Keeps the best `n` of `items`, sorted.
fn keep_best(items: &mut Vec<(u32, f32)>, n: usize) {
    if items.len() > n && n > 0 {
        items.select_nth_unstable_by(n - 1, by_score_desc);
    }
    items.truncate(n);
    items.sort_unstable_by(by_score_desc);
}

/// One matching passage.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Position of the passage in the texts the index was built from.
    pub passage: u32,
    pub score: f32,
    /// How many of the query's clauses it holds.
    pub matched: u32,
}

/// What a query found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Best first, at most the `limit` asked for.
    pub hits: Vec<Hit>,
    /// Every matching passage, not only those in `hits`.
    pub total: usize,
    /// True when every result holds every word and phrase of the query.
    pub all_clauses: bool,
    /// For a query with no result: words of the corpus close to the query's words.
    pub suggestions: Vec<Suggestion>,
}

/// "Did you mean": a corpus word close to a query word that found nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The query word, normalised.
    pub word: String,
    pub replacement: String,
}

/// The query text with the first word whose normalised form is `word` replaced, keeping
/// everything else as typed.
pub fn replace_word(text: &str, word: &str, replacement: &str) -> String {
    match tokenize(text).into_iter().find(|t| t.norm == word) {
        Some(t) => format!("{}{}{}", &text[..t.start], replacement, &text[t.end..]),
        None => format!("{text} {replacement}"),
    }
}

/// The vocabulary words a query clause stands for, with their weights.
#[derive(Debug, PartialEq)]
struct Expanded {
    /// For a word: each matching term and its weight. For a phrase: per word, its terms.
    terms: Vec<Vec<(u32, f32)>>,
    phrase: bool,
    /// For a word that splits into two words of the vocabulary ("selfharm"): those two, as
    /// a phrase that also matches the clause. Empty otherwise.
    split: Vec<Vec<(u32, f32)>>,
}

/// A compiled query: expansions resolved against one index, reusable for highlighting.
#[derive(Debug, PartialEq)]
pub struct Plan {
    clauses: Vec<Expanded>,
}

/// A query planned and scored against one index, once per keystroke: the results, the
/// counts under a filter and the highlights in the reader all come from it.
#[derive(Debug, PartialEq)]
pub struct Prepared {
    pub query: Query,
    pub plan: Plan,
    /// Per passage: its summed score (empty for a query with no words).
    score: Vec<f32>,
    /// Per passage: a bit per clause it holds (empty for a query with no words).
    mask: Vec<u32>,
    /// Per passage: how well its words matched, summed over clauses (see `class`): the
    /// first key of the ranking, so the form typed outranks another form, which outranks a
    /// word only begun, which outranks a guessed spelling.
    tier: Vec<u16>,
    /// Passages in the index.
    passages: usize,
}

impl Prepared {
    /// The query holds no word at all (only spaces, punctuation or symbols).
    pub fn is_empty(&self) -> bool {
        self.plan.clauses.is_empty()
    }

    /// Whether some admitted passage holds every clause, in which case only such passages
    /// count as found.
    fn all_clauses(&self, allow: Option<&[bool]>) -> bool {
        let full = full_mask(self.plan.clauses.len());
        match allow {
            None => self.mask.contains(&full),
            Some(allow) => self.mask.iter().zip(allow).any(|(&m, &ok)| ok && m == full),
        }
    }

    /// One flag per passage: those the query finds among the admitted ones, by the same
    /// "every word if any passage has them all" rule as `rank`. An empty query finds every
    /// admitted passage.
    pub fn matching(&self, allow: Option<&[bool]>) -> Vec<bool> {
        let admitted = |p: usize| allow.is_none_or(|a| a[p]);
        if self.is_empty() {
            return match allow {
                Some(a) => a.to_vec(),
                None => vec![true; self.passages],
            };
        }
        let full = full_mask(self.plan.clauses.len());
        let all = self.all_clauses(allow);
        self.mask
            .iter()
            .enumerate()
            .map(|(p, &m)| admitted(p) && if all { m == full } else { m != 0 })
            .collect()
    }

    /// The best `limit` passages among those `allow` admits, and how many were found.
    pub fn rank(&self, index: &Index, limit: usize, allow: Option<&[bool]>) -> Results {
        let n_clauses = self.plan.clauses.len();
        if n_clauses == 0 {
            return Results::default();
        }
        let found = self.matching(allow);
        let all_clauses = self.all_clauses(allow);
        let mut ranked: Vec<(u32, f32)> = found
            .iter()
            .enumerate()
            .filter(|(_, &f)| f)
            .map(|(p, _)| {
                // Coverage: a passage holding 2 of 3 words scores (2/3)² of its BM25.
                let coverage = (self.mask[p].count_ones() as f32 / n_clauses as f32).powi(2);
                (
                    p as u32,
                    f32::from(self.tier[p]) * TIER + self.score[p] * coverage,
                )
            })
            .collect();
        let total = ranked.len();
        keep_best(&mut ranked, limit);
        let hits = ranked
            .into_iter()
            .map(|(p, score)| Hit {
                passage: p,
                score,
                matched: self.mask[p as usize].count_ones(),
            })
            .collect();
        let suggestions = if total == 0 {
            index.suggest(&self.query)
        } else {
            Vec::new()
        };
        Results {
            hits,
            total,
            all_clauses,
            suggestions,
        }
    }
}

impl Index {
    /// Builds the index over passage texts, in order.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Index {
        Index::build(texts, |_| {})
    }

    /// Builds the index, showing each passage's tokens to `seen` on the way (the page keeps
    /// their spans for highlighting).
    fn build<'a>(
        texts: impl IntoIterator<Item = &'a str>,
        mut seen: impl FnMut(&[Token]),
    ) -> Index {
        // Ids in order of first appearance, renumbered alphabetically at the end so that a
        // prefix is a contiguous range of ids.
        let mut first_ids: HashMap<String, u32> = HashMap::new();
        let mut passage_terms: Vec<Vec<u32>> = Vec::new();
        for text in texts {
            let tokens = tokenize(text);
            seen(&tokens);
            let terms: Vec<u32> = tokens
                .into_iter()
                .map(|t| {
                    let next = first_ids.len() as u32;
                    *first_ids.entry(t.norm).or_insert(next)
                })
                .collect();
            passage_terms.push(terms);
        }
        let mut vocab: Vec<(String, u32)> = first_ids.into_iter().collect();
        vocab.sort_unstable();
        let mut renumber = vec![0u32; vocab.len()];
        for (new, (_, old)) in vocab.iter().enumerate() {
            renumber[*old as usize] = new as u32;
        }
        let vocab: Vec<String> = vocab.into_iter().map(|(w, _)| w).collect();

        let mut postings: Vec<Vec<(u32, u16)>> = vec![Vec::new(); vocab.len()];
        let mut total_len = 0usize;
        for (p, terms) in passage_terms.iter_mut().enumerate() {
            let p = p as u32;
            for t in terms.iter_mut() {
                *t = renumber[*t as usize];
                // Passages come in order, so a term's postings for this passage, if any, are
                // its last entry: counting there needs no sort and no map.
                let list = &mut postings[*t as usize];
                match list.last_mut() {
                    Some((last, tf)) if *last == p => *tf = tf.saturating_add(1),
                    _ => list.push((p, 1)),
                }
            }
            total_len += terms.len();
        }
        let n = passage_terms.len() as f32;
        let avg_len = (total_len as f32 / n.max(1.0)).max(1.0);
        let idf = postings
            .iter()
            .map(|p| {
                let df = p.len() as f32;
                (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
            })
            .collect();
        let len_norm = passage_terms
            .iter()
            .map(|t| K1 * (1.0 - B + B * t.len() as f32 / avg_len))
            .collect();
        let mut by_tail: Vec<u32> = (0..vocab.len() as u32).collect();
        by_tail.sort_by(|&a, &b| tail(&vocab[a as usize]).cmp(tail(&vocab[b as usize])));
        let family_of = vec![NO_FAMILY; vocab.len()];
        Index {
            vocab,
            postings,
            passage_terms,
            idf,
            len_norm,
            families: Vec::new(),
            family_of,
            by_tail,
        }
    }

    /// Adds word families (each a list of words; words not in the vocabulary are skipped,
    /// families left with fewer than two words dropped).
    pub fn with_families(mut self, families: &[Vec<String>]) -> Index {
        for words in families {
            let ids: Vec<u32> = words.iter().filter_map(|w| self.id(w)).collect();
            if ids.len() < 2 {
                continue;
            }
            let f = self.families.len() as u32;
            for &t in &ids {
                self.family_of[t as usize] = f;
            }
            self.families.push(ids);
        }
        self
    }

    /// The other forms of a term (empty when it has none).
    fn family(&self, term: u32) -> &[u32] {
        match self.family_of[term as usize] {
            NO_FAMILY => &[],
            f => &self.families[f as usize],
        }
    }

    /// Ids of the vocabulary words whose second letter onwards begins with `prefix`.
    fn tail_range(&self, prefix: &str) -> &[u32] {
        let key = |t: &u32| tail(&self.vocab[*t as usize]);
        let start = self.by_tail.partition_point(|t| key(t) < prefix);
        let end = self
            .by_tail
            .partition_point(|t| key(t) < prefix || key(t).starts_with(prefix));
        &self.by_tail[start..end]
    }

    pub fn passage_count(&self) -> usize {
        self.passage_terms.len()
    }

    /// The passages using a term, with how often, passages ascending.
    pub fn postings(&self, term: u32) -> &[(u32, u16)] {
        &self.postings[term as usize]
    }

    /// A passage's words as term ids, in order.
    pub fn passage_terms(&self, passage: u32) -> &[u32] {
        &self.passage_terms[passage as usize]
    }

    /// How rare a term is across passages (BM25's inverse document frequency).
    pub fn idf(&self, term: u32) -> f32 {
        self.idf[term as usize]
    }

    pub fn vocabulary_len(&self) -> usize {
        self.vocab.len()
    }

    fn df(&self, term: u32) -> usize {
        self.postings[term as usize].len()
    }

    /// The id of a vocabulary word.
    /// The id of a vocabulary word, if the record uses it.
    pub fn id(&self, word: &str) -> Option<u32> {
        self.vocab
            .binary_search_by(|w| w.as_str().cmp(word))
            .ok()
            .map(|i| i as u32)
    }

    /// Ids of the vocabulary words beginning with `prefix` (itself included).
    fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.vocab.partition_point(|w| w.as_str() < prefix);
        let end = self
            .vocab
            .partition_point(|w| w.as_str() < prefix || w.starts_with(prefix));
        start..end
    }

    /// Vocabulary words that `word` begins (itself excluded), most frequent first.
    fn prefix_terms(&self, word: &str) -> Vec<u32> {
        let mut found: Vec<(u32, f32)> = self
            .prefix_range(word)
            .filter(|&t| self.vocab[t].len() > word.len())
            .map(|t| (t as u32, self.df(t as u32) as f32))
            .collect();
        keep_best(&mut found, MAX_PREFIX_EXPANSIONS);
        found.into_iter().map(|(t, _)| t).collect()
    }

    /// Vocabulary words a misspelt `word` may stand for, with their similarity (0..1).
    fn fuzzy_terms(&self, word: &str, prefix: bool) -> Vec<(u32, f32)> {
        let q: Vec<char> = word.chars().collect();
        if q.len() < MIN_FUZZY_LEN || q.iter().all(|c| c.is_ascii_digit()) {
            return Vec::new();
        }
        let max_edits = if q.len() >= TWO_EDITS_LEN { 2 } else { 1 };
        // Built only when a candidate needs it: most queries never do.
        let mut matcher: Option<SkimMatcherV2> = None;
        // Candidates share the query's first letter, or its second (a dropped or swapped
        // first letter); for longer words also a second letter with the query's second (a
        // wrong first letter: "Gennings") or with its first (a missing one: "ennings").
        let mut candidates: Vec<u32> = Vec::new();
        let mut utf8 = [0u8; 4];
        for initial in q.iter().take(2) {
            candidates.extend(
                self.prefix_range(initial.encode_utf8(&mut utf8))
                    .map(|t| t as u32),
            );
        }
        if q.len() >= MIN_FIRST_LETTER_LEN {
            for second in q.iter().take(2) {
                candidates.extend_from_slice(self.tail_range(second.encode_utf8(&mut utf8)));
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut found: Vec<(u32, f32)> = Vec::new();
        let mut t_chars: Vec<char> = Vec::with_capacity(32);
        let mut row = [0u8; MAX_WORD + 1];
        for term in candidates {
            let t = &self.vocab[term as usize];
            // Cheap length check on bytes before decoding characters: a word much
            // shorter than the query, or (unless typing) much longer, cannot be close.
            if t.len() + max_edits + 1 < word.len()
                || (!prefix && t.len() > 4 * (word.len() + max_edits + 1))
            {
                continue;
            }
            t_chars.clear();
            t_chars.extend(t.chars());
            if t_chars == q {
                continue;
            }
            let whole = t_chars.len();
            // One pass gives the distance from the query to every beginning of the word:
            // the whole word, and (while typing) beginnings one letter shorter or longer
            // than the query, which a misspelt, unfinished word may be.
            let span = if prefix {
                whole
                    .min(q.len() + max_edits + 1)
                    .max(whole.min(q.len() + 1))
            } else {
                whole
            };
            let span = if whole <= q.len() + max_edits {
                whole
            } else {
                span
            };
            let reached = osa_row(&q, &t_chars[..span], max_edits, &mut row);
            let mut best: Option<(usize, usize)> = None;
            if reached {
                let mut consider = |n: usize| {
                    let d = usize::from(row[n]);
                    if d <= max_edits && best.is_none_or(|(bd, _)| d < bd) {
                        best = Some((d, n));
                    }
                };
                if span == whole {
                    consider(whole);
                }
                if prefix {
                    let low = q.len().saturating_sub(1).max(MIN_FUZZY_LEN);
                    for n in low..=(q.len() + 1).min(span) {
                        if n < whole {
                            consider(n);
                        }
                    }
                }
            }
            let target_len = best.map_or(whole, |(_, n)| n);
            if target_len.abs_diff(q.len()) > max_edits + 1 {
                continue;
            }
            let similarity = match best {
                Some((d, n)) => 1.0 - d as f32 / q.len().max(n) as f32,
                // Dropped letters beyond the edit budget: a close subsequence.
                None if whole > q.len()
                    && whole - q.len() <= max_edits + 1
                    && matcher
                        .get_or_insert_with(SkimMatcherV2::default)
                        .fuzzy_match(t, word)
                        .is_some() =>
                {
                    q.len() as f32 / whole as f32 * 0.9
                }
                None => continue,
            };
            found.push((term, similarity));
        }
        keep_best(&mut found, MAX_FUZZY_EXPANSIONS);
        found
    }

    /// A vocabulary word that `word` is another form of, found by taking a common ending
    /// off: "campaigning" is "campaign", "apologised" is "apologise", "studies" is "study".
    fn without_ending(&self, word: &str) -> Option<u32> {
        ENDINGS.iter().find_map(|ending| {
            let stem = word.strip_suffix(ending)?;
            if stem.chars().count() < 3 {
                return None;
            }
            let y = matches!(*ending, "ies" | "ied").then(|| format!("{stem}y"));
            [Some(stem.to_string()), Some(format!("{stem}e")), y]
                .into_iter()
                .flatten()
                .find_map(|w| self.id(&w))
        })
    }

    /// The terms one query word stands for, with the weight each match earns. `forms`: also
    /// the other forms of each (not inside "quoted phrases", which are exact).
    fn expand_word(&self, word: &str, prefix: bool, fuzzy: bool) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = Vec::new();
        if let Some(t) = self.id(word) {
            out.push((t, EXACT_WEIGHT));
        } else if let Some(t) = fuzzy.then(|| self.without_ending(word)).flatten() {
            out.push((t, FAMILY_WEIGHT));
        }
        if prefix {
            let typed = word.chars().count() as f32;
            for t in self.prefix_terms(word) {
                let whole = self.vocab[t as usize].chars().count() as f32;
                let w = PREFIX_WEIGHT + (EXACT_WEIGHT - PREFIX_WEIGHT) * 0.5 * typed / whole;
                out.push((t, w));
            }
        }
        if fuzzy {
            for (t, similarity) in self.fuzzy_terms(word, prefix) {
                if !out.iter().any(|&(known, _)| known == t) {
                    out.push((t, FUZZY_WEIGHT * similarity));
                }
            }
            // Every form of every word matched, a little below the word it came from (a
            // word only begun needs three letters first: "wa" would bring dozens).
            if !prefix || word.chars().count() >= 3 {
                let n = out.len();
                for i in 0..n {
                    let (t, w) = out[i];
                    let w = if w >= EXACT_WEIGHT {
                        FAMILY_WEIGHT
                    } else {
                        w * FAMILY_SHARE
                    };
                    for &m in self.family(t) {
                        match out.iter_mut().find(|(known, _)| *known == m) {
                            Some(known) => known.1 = known.1.max(w),
                            None => out.push((m, w)),
                        }
                    }
                }
            }
        }
        out
    }

    /// The two vocabulary words `word` is made of ("selfharm": "self", "harm"), longest
    /// first part first, as a phrase's terms; empty if none.
    fn split(&self, word: &str) -> Vec<Vec<(u32, f32)>> {
        let cuts: Vec<usize> = word.char_indices().map(|(i, _)| i).skip(2).collect();
        cuts.iter()
            .rev()
            .filter(|&&i| word[i..].chars().count() >= 2)
            .find_map(|&i| {
                Some(vec![
                    vec![(self.id(&word[..i])?, EXACT_WEIGHT)],
                    vec![(self.id(&word[i..])?, EXACT_WEIGHT)],
                ])
            })
            .unwrap_or_default()
    }

    /// Resolves a query against this index.
    pub fn plan(&self, query: &Query) -> Plan {
        let word_at = |i: usize| match query.clauses.get(i) {
            Some(Clause::Word { norm, .. }) => Some(norm.as_str()),
            _ => None,
        };
        let clauses = query
            .clauses
            .iter()
            .enumerate()
            .map(|(i, clause)| match clause {
                Clause::Word { norm, prefix } => {
                    let mut terms = self.expand_word(norm, *prefix, true);
                    // Two words that make one word of the record ("Stop SIM", "StopSIM"):
                    // each of the two also matches it.
                    let before = i
                        .checked_sub(1)
                        .and_then(word_at)
                        .map(|w| format!("{w}{norm}"));
                    let after = word_at(i + 1).map(|w| format!("{norm}{w}"));
                    for joined in [before, after].into_iter().flatten() {
                        if let Some(t) = self.id(&joined) {
                            if !terms.iter().any(|&(known, _)| known == t) {
                                terms.push((t, FAMILY_WEIGHT));
                            }
                        }
                    }
                    let split = if self.id(norm).is_none() {
                        self.split(norm)
                    } else {
                        Vec::new()
                    };
                    Expanded {
                        terms: vec![terms],
                        phrase: false,
                        split,
                    }
                }
                Clause::Phrase { words, prefix } => Expanded {
                    terms: words
                        .iter()
                        .enumerate()
                        .map(|(i, w)| self.expand_word(w, *prefix && i + 1 == words.len(), false))
                        .collect(),
                    phrase: true,
                    split: Vec::new(),
                },
            })
            .collect();
        Plan { clauses }
    }

    fn bm25(&self, term: u32, tf: u16, passage: u32) -> f32 {
        let tf = f32::from(tf);
        self.idf[term as usize] * tf * (K1 + 1.0) / (tf + self.len_norm[passage as usize])
    }

    /// Parses nothing, plans and scores once: everything one keystroke needs from the index.
    /// Ranking, counting and highlighting then all read the same `Prepared`.
    pub fn prepare(&self, query: Query) -> Prepared {
        let plan = self.plan(&query);
        let (score, mask, tier) = if plan.clauses.is_empty() {
            (Vec::new(), Vec::new(), Vec::new())
        } else {
            self.score_all(&plan)
        };
        Prepared {
            query,
            plan,
            score,
            mask,
            tier,
            passages: self.passage_count(),
        }
    }

    /// Finds the passages for a query: the best `limit` of them ranked, and how many in all.
    pub fn search(&self, query: &Query, limit: usize) -> Results {
        self.search_within(query, limit, None)
    }

    /// Like `search`, among the passages `allow` admits (one flag per passage), so another
    /// filter (actors, dates) composes with the search, including its "every word" rule.
    pub fn search_within(&self, query: &Query, limit: usize, allow: Option<&[bool]>) -> Results {
        self.prepare(query.clone()).rank(self, limit, allow)
    }

    /// Every passage the query finds (one flag per passage), as `search` would rank them.
    pub fn matching(&self, query: &Query) -> Vec<bool> {
        self.prepare(query.clone()).matching(None)
    }

    /// Scores every passage for every clause: the summed score and, per passage, a bit per
    /// clause it holds.
    fn score_all(&self, plan: &Plan) -> (Vec<f32>, Vec<u32>, Vec<u16>) {
        let n = self.passage_count();
        let mut score = vec![0f32; n];
        let mut mask = vec![0u32; n];
        let mut tier = vec![0u16; n];
        let mut best = vec![0f32; n];
        // Per passage, the quality class of its best match for the clause being scored.
        let mut best_class = vec![0u16; n];
        let mut touched: Vec<u32> = Vec::new();
        for (ci, clause) in plan.clauses.iter().enumerate() {
            touched.clear();
            if clause.phrase {
                self.score_phrase(&clause.terms, &mut best, &mut touched);
                for &p in &touched {
                    best_class[p as usize] = 3;
                }
            } else {
                if !clause.split.is_empty() {
                    self.score_phrase(&clause.split, &mut best, &mut touched);
                    for &p in &touched {
                        best_class[p as usize] = 2;
                    }
                }
                for &(term, weight) in &clause.terms[0] {
                    // The hot loop: one multiply-add and a division per posting.
                    let w = weight * self.idf[term as usize] * (K1 + 1.0);
                    let c = class(weight);
                    for &(p, tf) in &self.postings[term as usize] {
                        let tf = f32::from(tf);
                        let s = w * tf / (tf + self.len_norm[p as usize]);
                        let slot = &mut best[p as usize];
                        if *slot == 0.0 {
                            touched.push(p);
                        }
                        if s > *slot {
                            *slot = s;
                        }
                        let q = &mut best_class[p as usize];
                        *q = (*q).max(c);
                    }
                }
            }
            for &p in &touched {
                let p = p as usize;
                score[p] += best[p];
                mask[p] |= 1 << ci;
                tier[p] += best_class[p];
                best[p] = 0.0;
                best_class[p] = 0;
            }
        }
        (score, mask, tier)
    }

    /// Scores the passages holding a phrase's words in order (a passage keeps its best score
    /// for the clause).
    fn score_phrase(&self, words: &[Vec<(u32, f32)>], best: &mut [f32], touched: &mut Vec<u32>) {
        if words.iter().any(|w| w.is_empty()) {
            return;
        }
        // Candidates: the passages holding one of the first word's terms, each once.
        let mut seen = vec![false; self.passage_count()];
        let mut candidates: Vec<u32> = Vec::new();
        for (t, _) in &words[0] {
            for &(p, _) in &self.postings[*t as usize] {
                if !std::mem::replace(&mut seen[p as usize], true) {
                    candidates.push(p);
                }
            }
        }
        for p in candidates {
            let terms = &self.passage_terms[p as usize];
            let count = phrase_positions(terms, words).len();
            if count == 0 {
                continue;
            }
            let s: f32 = words
                .iter()
                .map(|w| {
                    w.iter()
                        .map(|&(t, weight)| {
                            weight * self.bm25(t, count.min(u16::MAX as usize) as u16, p)
                        })
                        .fold(0.0, f32::max)
                })
                .sum::<f32>()
                * PHRASE_BONUS;
            let slot = &mut best[p as usize];
            if *slot == 0.0 {
                touched.push(p);
            }
            if s > *slot {
                *slot = s;
            }
        }
    }

    /// Close corpus words for each query word that found nothing: "did you mean".
    fn suggest(&self, query: &Query) -> Vec<Suggestion> {
        let mut out: Vec<Suggestion> = Vec::new();
        for clause in &query.clauses {
            let words: Vec<&String> = match clause {
                Clause::Word { norm, .. } => vec![norm],
                Clause::Phrase { words, .. } => words.iter().collect(),
            };
            for word in words {
                if self.id(word).is_some() {
                    continue;
                }
                let q: Vec<char> = word.chars().collect();
                if q.len() < 2 {
                    continue;
                }
                // One edit more than fuzzy matching allows: anything closer already matched.
                let budget = if q.len() >= TWO_EDITS_LEN { 3 } else { 2 };
                // Closest first; among equals the longer word (more likely what was meant),
                // then alphabetical.
                let mut near: Vec<(u32, f32)> = self
                    .vocab
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| w.len().abs_diff(word.len()) <= budget)
                    .filter_map(|(i, w)| {
                        let t: Vec<char> = w.chars().collect();
                        let d = osa_distance(&q, &t, budget)?;
                        Some((i as u32, w.len().min(999) as f32 / 1000.0 - d as f32))
                    })
                    .collect();
                keep_best(&mut near, 3);
                for (t, _) in near {
                    let w = &self.vocab[t as usize];
                    if !out.iter().any(|s| &s.replacement == w) {
                        out.push(Suggestion {
                            word: word.clone(),
                            replacement: w.clone(),
                        });
                    }
                }
            }
        }
        out.truncate(6);
        out
    }

    /// Byte ranges of `text` (passage `passage` of this index) to highlight for a plan:
    /// every occurrence of every matched word, and every phrase found in order.
    pub fn highlights(&self, plan: &Plan, passage: u32, text: &str) -> Vec<(usize, usize)> {
        let spans: Vec<(u32, u32)> = tokenize(text)
            .iter()
            .map(|t| (t.start as u32, t.end as u32))
            .collect();
        self.highlights_at(plan, passage, text, &spans)
    }

    /// `highlights`, with the passage's token spans already known (the page keeps them from
    /// building the index, so highlighting never tokenizes again).
    pub fn highlights_at(
        &self,
        plan: &Plan,
        passage: u32,
        text: &str,
        spans: &[(u32, u32)],
    ) -> Vec<(usize, usize)> {
        let terms = &self.passage_terms[passage as usize];
        debug_assert_eq!(spans.len(), terms.len());
        let mut marked = vec![false; terms.len()];
        for clause in &plan.clauses {
            if clause.phrase {
                for start in phrase_positions(terms, &clause.terms) {
                    for m in &mut marked[start..start + clause.terms.len()] {
                        *m = true;
                    }
                }
            } else {
                for (i, t) in terms.iter().enumerate() {
                    if clause.terms[0].iter().any(|(term, _)| term == t) {
                        marked[i] = true;
                    }
                }
                if !clause.split.is_empty() {
                    for start in phrase_positions(terms, &clause.split) {
                        for m in &mut marked[start..start + clause.split.len()] {
                            *m = true;
                        }
                    }
                }
            }
        }
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for (&(start, end), _) in spans.iter().zip(&marked).filter(|(_, &m)| m) {
            let (start, end) = (start as usize, end as usize);
            match ranges.last_mut() {
                // Merge neighbours separated only by spaces or punctuation inside a phrase.
                Some(last) if text[last.1..start].trim().is_empty() => last.1 = end,
                _ => ranges.push((start, end)),
            }
        }
        ranges
    }
}

/// Start positions where the phrase's words appear consecutively in `terms`.
fn phrase_positions(terms: &[u32], words: &[Vec<(u32, f32)>]) -> Vec<usize> {
    if words.is_empty() || terms.len() < words.len() {
        return Vec::new();
    }
    (0..=terms.len() - words.len())
        .filter(|&i| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| w.iter().any(|(t, _)| *t == terms[i + k]))
        })
        .collect()
}

/// Longest word (in characters) matched fuzzily; longer words only match exactly or by
/// prefix. Keeps the edit-distance rows on the stack.
const MAX_WORD: usize = 48;

/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), or `None`
/// when it exceeds `max`.
pub fn osa_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let mut row = [0u8; MAX_WORD + 1];
    if a.len().abs_diff(b.len()) > max || !osa_row(a, b, max, &mut row) {
        return None;
    }
    let d = usize::from(row[b.len()]);
    (d <= max).then_some(d)
}

/// Fills `last[j]` with the OSA distance from `a` to `b[..j]`, for every `j`, on the stack.
/// Returns false (and leaves `last` meaningless) when every distance exceeds `max`, which
/// it detects as soon as a whole row does, or when a word is longer than `MAX_WORD`.
#[inline(never)]
fn osa_row(a: &[char], b: &[char], max: usize, last: &mut [u8; MAX_WORD + 1]) -> bool {
    if a.len() > MAX_WORD || b.len() > MAX_WORD {
        return false;
    }
    let w = b.len() + 1;
    let mut prev2 = [0u8; MAX_WORD + 1];
    let mut prev = [0u8; MAX_WORD + 1];
    let mut cur = [0u8; MAX_WORD + 1];
    for (j, v) in prev.iter_mut().enumerate().take(w) {
        *v = j as u8;
    }
    for i in 1..=a.len() {
        cur[0] = i as u8;
        let mut row_min = cur[0];
        for j in 1..w {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if usize::from(row_min) > max {
            return false;
        }
        prev2 = prev;
        prev = cur;
    }
    last[..w].copy_from_slice(&prev[..w]);
    true
}

/// A piece of a snippet: plain text, or a highlighted match.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// Cuts `text` to about `max_chars` around the densest run of highlights, at word
/// boundaries, with "…" where it was cut, and splits it into plain and marked segments.
pub fn snippet(text: &str, ranges: &[(usize, usize)], max_chars: usize) -> Vec<Segment> {
    let char_len = text.chars().count();
    let (mut from, mut to) = (0, text.len());
    if char_len > max_chars {
        // Byte offset `max_chars` characters after `at` (or the end).
        let advance = |at: usize, n: usize| {
            text[at..]
                .char_indices()
                .nth(n)
                .map_or(text.len(), |(i, _)| at + i)
        };
        // The window starting at a highlight that holds the most highlights.
        let start = ranges
            .iter()
            .map(|&(s, _)| {
                let end = advance(s, max_chars);
                let inside = ranges.iter().filter(|&&(a, b)| a >= s && b <= end).count();
                (inside, std::cmp::Reverse(s))
            })
            .max()
            .map_or(0, |(_, std::cmp::Reverse(s))| s);
        // Some words of context before the first highlight.
        let lead = max_chars / 5;
        let back: Vec<(usize, char)> = text[..start].char_indices().collect();
        from = back.len().checked_sub(lead).map_or(0, |k| back[k].0);
        to = advance(from, max_chars);
        if from > 0 {
            // Start at a word boundary.
            from = text[from..to]
                .find(char::is_whitespace)
                .map_or(from, |i| from + i + 1);
        }
        if to < text.len() {
            to = text[from..to]
                .rfind(char::is_whitespace)
                .map_or(to, |i| from + i);
        }
    }
    let mut out = Vec::new();
    if from > 0 {
        out.push(Segment {
            text: "…".to_string(),
            mark: false,
        });
    }
    let mut at = from;
    for &(s, e) in ranges {
        let (s, e) = (s.max(from), e.min(to));
        if s >= e {
            continue;
        }
        if s > at {
            out.push(Segment {
                text: text[at..s].to_string(),
                mark: false,
            });
        }
        out.push(Segment {
            text: text[s..e].to_string(),
            mark: true,
        });
        at = e;
    }
    if at < to {
        out.push(Segment {
            text: text[at..to].to_string(),
            mark: false,
        });
    }
    if to < text.len() {
        out.push(Segment {
            text: "…".to_string(),
            mark: false,
        });
    }
    out
}

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

/// Characters of passage text shown in a result's snippet.
pub const SNIPPET_CHARS: usize = 240;

impl CorpusIndex {
    pub fn new(corpus: &super::model::Corpus) -> CorpusIndex {
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
    pub fn item(
        &self,
        corpus: &super::model::Corpus,
        prepared: &Prepared,
        position: usize,
    ) -> ResultItem {
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
        corpus: &super::model::Corpus,
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
