//! The second stage: each query clause resolved against the vocabulary into the terms it
//! stands for, each with the weight its kind of match earns. Exact, the words a word still
//! being typed begins, close spellings (a swap, a dropped, wrong or missing letter), other
//! forms of a word (the build's word families, or a common ending taken off), two query
//! words joined ("Stop SIM", "StopSIM") and one split in two ("selfharm", "self-harm").
//! "Quoted phrases" match exactly: no families, no typos.

use super::index::{letter_set, Index, LetterCounts};
use super::numbers;
use super::query::{Clause, Query, Typed};
use super::ranking::{full_mask, keep_best};
use crate::engine::text::{distances_to_prefixes, MAX_EDIT_LEN};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

// How much a term counts by how it matched. An exact word outranks a word the query only
// begins, which outranks a guessed spelling: a passage with "Kendall" beats one with "Kendal"
// for the query "kendall". The prefix weight rises towards exact as more of the word is typed.
pub(super) const EXACT_WEIGHT: f32 = 1.0;
/// Another form of a word matched exactly: below the form typed, above any word the query
/// only begins (prefix weights reach 0.85).
pub(super) const FAMILY_WEIGHT: f32 = 0.9;
pub(super) const PREFIX_WEIGHT: f32 = 0.7;
const FUZZY_WEIGHT: f32 = 0.5;
/// A family's forms count this share of the weight of the word they came from.
pub(super) const FAMILY_SHARE: f32 = 0.9;
/// Shortest query word whose first letter may be wrong or missing: shorter words have too
/// many neighbours once the first letter is free.
const MIN_FIRST_LETTER_LEN: usize = 5;
/// Endings a query word outside the vocabulary is tried without (then with an "e", or "y"
/// for "ies"/"ied"), longest first: a word the record uses in another form still finds its
/// family. Only words of the vocabulary are accepted, so a wrong guess finds nothing.
const ENDINGS: [&str; 12] = [
    "ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s",
];
/// Words a person uses for what the record says in other words, with those words: "StopSIM
/// demands" means what the coalition "calls for" and "wants" (the record's "demand" is the
/// demand on services). Kept short: each pair is a judgement about this record's wording.
const RELATED: [(&str, &[&str]); 2] = [
    ("demand", &["call", "want", "urge", "must"]),
    ("demands", &["call", "want", "urge", "must"]),
];
/// A related word's weight: below another form of the word typed (class 1, see `ranking`).
const RELATED_WEIGHT: f32 = FAMILY_WEIGHT * FAMILY_SHARE;
/// Words the last query word may begin, at most (the most common are kept): a one-letter
/// prefix would otherwise expand to a third of the vocabulary.
const MAX_PREFIX_EXPANSIONS: usize = 64;
/// Fuzzy expansions per query word, at most (closest first).
const MAX_FUZZY_EXPANSIONS: usize = 16;
/// Shortest query word that is matched fuzzily: shorter words have too many neighbours
/// ("sim" is one edit from "aim", "him", "six").
const MIN_FUZZY_LEN: usize = 4;
/// From this length, two edits are allowed instead of one.
pub(super) const TWO_EDITS_LEN: usize = 8;

/// The vocabulary words a query clause stands for, with their weights.
#[derive(Debug, PartialEq)]
pub(super) struct Expanded {
    /// For a word: each matching term and its weight. For a phrase: per word, its terms.
    pub(super) terms: Vec<Vec<(u32, f32)>>,
    pub(super) phrase: bool,
    /// For a word that splits into two words of the vocabulary ("selfharm"): those two, as
    /// a phrase that also matches the clause. Empty otherwise.
    pub(super) split: Vec<Vec<(u32, f32)>>,
}

/// A compiled query: expansions resolved against one index, reusable for highlighting.
#[derive(Debug, PartialEq)]
pub struct Plan {
    pub(super) clauses: Vec<Expanded>,
    /// A bit per clause a passage must hold to hold "every word": all but the words a
    /// question or a sentence is made of (`FUNCTION_WORDS`), unless the query is only those.
    pub(super) required: u32,
}

/// Words a question or a sentence is made of rather than what it is about: "who created
/// SIM" asks about SIM's creation, and a passage that also holds "who" is no better an
/// answer. Such a word still scores (BM25), but a passage need not hold it, and it adds
/// nothing to the match's quality.
const FUNCTION_WORDS: [&str; 34] = [
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "did", "do", "does", "for", "how",
    "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "what",
    "when", "where", "which", "who", "why", "with",
];

/// Start positions where the phrase's words appear consecutively in `terms`.
pub(super) fn phrase_positions(terms: &[u32], words: &[Vec<(u32, f32)>]) -> Vec<usize> {
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

/// The fewest edits from a misspelt query `q` (with its `LetterCounts`) to the term
/// `t` (its characters) within `max_edits`, and the length of the term's beginning it
/// reaches: the whole term, or while typing a beginning one letter shorter or longer than
/// the query, which a misspelt, unfinished word may be. `None` when nothing is that close.
fn closest_beginning(
    (q, q_counts): (&[char], &LetterCounts),
    t: &[char],
    typing: bool,
    max_edits: usize,
    row: &mut [u32; MAX_EDIT_LEN + 1],
) -> Option<(usize, usize)> {
    let whole = t.len();
    // One pass gives the distance from the query to every beginning of the word.
    let span = if typing && whole > q.len() + max_edits {
        whole
            .min(q.len() + max_edits + 1)
            .max(whole.min(q.len() + 1))
    } else {
        whole
    };
    // The beginnings compared: the whole word when the pass reaches it, and while typing
    // those from `low` to `high` letters.
    let low = q.len().saturating_sub(1).max(MIN_FUZZY_LEN);
    let high = if typing {
        (q.len() + 1).min(span).min(whole.saturating_sub(1))
    } else {
        0
    };
    let shortest = match (low <= high, span == whole) {
        (true, _) => low,
        (false, true) => whole,
        (false, false) => return None,
    };
    let longest = if span == whole { whole } else { high };
    // Lower bounds, so that most terms need no distance computed: letters of the shortest
    // beginning that the query's cannot pair up are unpaired in every longer one, and the
    // query's letters that the longest cannot pair up in every shorter one, each costing
    // an edit; and a whole word of another length is that many letters from the query
    // (beginnings while typing are at most one).
    let (extra, missing) = q_counts.unpaired(t, shortest, longest);
    let lengths = if low <= high {
        0
    } else {
        whole.abs_diff(q.len())
    };
    if extra.max(missing).max(lengths) > max_edits
        || !distances_to_prefixes(q, &t[..span], max_edits, row)
    {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    let mut consider = |n: usize| {
        let d = row[n] as usize;
        if d <= max_edits && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, n));
        }
    };
    if span == whole {
        consider(whole);
    }
    (low..=high).for_each(consider);
    best
}

impl Index {
    /// Vocabulary words that `word` begins (itself excluded), most frequent first.
    fn prefix_terms(&self, word: &str) -> Vec<u32> {
        let mut found: Vec<(u32, f32)> = self
            .prefix_range(word)
            .filter(|&t| self.word(t as u32).len() > word.len())
            .map(|t| (t as u32, self.df(t as u32) as f32))
            .collect();
        keep_best(&mut found, MAX_PREFIX_EXPANSIONS);
        found.into_iter().map(|(t, _)| t).collect()
    }

    /// The vocabulary words a misspelt `word` (its characters `q`, their `letter_set`
    /// `q_letters`) may be close to: those sharing its first letter, or its second (a
    /// dropped or swapped first letter); for longer words also a second letter with the
    /// query's second (a wrong first letter: "Gennings") or with its first (a missing one:
    /// "ennings"). Of those, only the terms lacking at most `max_missing` of the word's
    /// letters (each costs an edit) are shown to `f`, each once, in no particular order
    /// (the caller ranks them): ranges of the sorted vocabulary, with no list built.
    fn each_fuzzy_candidate(
        &self,
        (q, q_letters): (&[char], u64),
        max_missing: usize,
        mut f: impl FnMut(u32),
    ) {
        let sets = self.letter_sets();
        let mut close = |t: u32| {
            if (q_letters & !sets[t as usize]).count_ones() as usize <= max_missing {
                f(t);
            }
        };
        let initials = match q {
            [a, b, ..] if a != b => &q[..2],
            _ => &q[..q.len().min(1)],
        };
        let mut utf8 = [0u8; 4];
        for initial in initials {
            self.prefix_range(initial.encode_utf8(&mut utf8))
                .for_each(|t| close(t as u32));
        }
        if q.len() >= MIN_FIRST_LETTER_LEN {
            for second in initials {
                for &t in self.tail_range(second.encode_utf8(&mut utf8)) {
                    // A term beginning with either letter was considered above.
                    if !self.chars(t).first().is_some_and(|c| initials.contains(c)) {
                        close(t);
                    }
                }
            }
        }
    }

    /// Vocabulary words a misspelt `word` may stand for, with their similarity (0..1).
    fn fuzzy_terms(&self, word: &str, typed: Typed) -> Vec<(u32, f32)> {
        let q: Vec<char> = word.chars().collect();
        if q.len() < MIN_FUZZY_LEN || q.iter().all(|c| c.is_ascii_digit()) {
            return Vec::new();
        }
        let typing = typed == Typed::Begun;
        let max_edits = if q.len() >= TWO_EDITS_LEN { 2 } else { 1 };
        let q_letters = letter_set(&q);
        let q_counts = LetterCounts::of(&q);
        // Built only when a candidate needs it: most queries never do.
        let mut matcher: Option<SkimMatcherV2> = None;
        let mut found: Vec<(u32, f32)> = Vec::new();
        let mut row = [0u32; MAX_EDIT_LEN + 1];
        // The query's letters a term lacks cost an edit each, in the term and in every
        // beginning of it, and rule out the close subsequence below too.
        self.each_fuzzy_candidate((&q, q_letters), max_edits, |term| {
            let t = self.word(term);
            // Cheap length check on bytes before decoding characters: a word much
            // shorter than the query, or (unless typing) much longer, cannot be close.
            if t.len() + max_edits + 1 < word.len()
                || (!typing && t.len() > 4 * (word.len() + max_edits + 1))
            {
                return;
            }
            let t_chars = self.chars(term);
            if t_chars == q.as_slice() {
                return;
            }
            let whole = t_chars.len();
            let best = closest_beginning((&q, &q_counts), t_chars, typing, max_edits, &mut row);
            let target_len = best.map_or(whole, |(_, n)| n);
            if target_len.abs_diff(q.len()) > max_edits + 1 {
                return;
            }
            let similarity = match best {
                Some((d, n)) => 1.0 - d as f32 / q.len().max(n) as f32,
                // Dropped letters beyond the edit budget: a close subsequence.
                None if q_letters & !self.letter_sets()[term as usize] == 0
                    && whole > q.len()
                    && whole - q.len() <= max_edits + 1
                    && matcher
                        .get_or_insert_with(SkimMatcherV2::default)
                        .fuzzy_match(t, word)
                        .is_some() =>
                {
                    q.len() as f32 / whole as f32 * 0.9
                }
                None => return,
            };
            found.push((term, similarity));
        });
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

    /// The words a word still being typed begins, each weighted by how much of it is typed
    /// (none for a finished word).
    fn begun_terms(&self, word: &str, typed: Typed) -> Vec<(u32, f32)> {
        if typed == Typed::Whole {
            return Vec::new();
        }
        let typed_len = word.chars().count() as f32;
        self.prefix_terms(word)
            .into_iter()
            .map(|t| {
                let whole = self.word(t).chars().count() as f32;
                let w = PREFIX_WEIGHT + (EXACT_WEIGHT - PREFIX_WEIGHT) * 0.5 * typed_len / whole;
                (t, w)
            })
            .collect()
    }

    /// The terms a word inside a "quoted phrase" stands for: itself and, while it is being
    /// typed, the words it begins. Exact: no other forms, no typos.
    fn phrase_word_terms(&self, word: &str, typed: Typed) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = self
            .id(word)
            .map(|t| (t, EXACT_WEIGHT))
            .into_iter()
            .collect();
        out.extend(self.begun_terms(word, typed));
        out
    }

    /// The terms a query word stands for, with the weight each match earns: itself (or the
    /// word it is another form of), the words it begins while typed, close spellings, and
    /// the other forms of each of those.
    fn word_terms(&self, word: &str, typed: Typed) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = Vec::new();
        if let Some(t) = self.id(word) {
            out.push((t, EXACT_WEIGHT));
        } else if let Some(t) = self.without_ending(word) {
            out.push((t, FAMILY_WEIGHT));
        }
        out.extend(self.begun_terms(word, typed));
        for (t, similarity) in self.fuzzy_terms(word, typed) {
            if !out.iter().any(|&(known, _)| known == t) {
                out.push((t, FUZZY_WEIGHT * similarity));
            }
        }
        // Every form of every word matched, a little below the word it came from (a word
        // only begun needs three letters first: "wa" would bring dozens).
        if typed == Typed::Whole || word.chars().count() >= 3 {
            self.add_families(&mut out);
        }
        out
    }

    /// Adds the other forms of every term in `out`, each a little below the term it came
    /// from (an exact word's forms at `FAMILY_WEIGHT`).
    fn add_families(&self, out: &mut Vec<(u32, f32)>) {
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

    /// Adds `words` found in the vocabulary (and their families) at `weight`, unless known.
    fn add_words(&self, out: &mut Vec<(u32, f32)>, words: &[String], weight: f32) {
        let start = out.len();
        for w in words {
            if let Some(t) = self.id(w) {
                if !out.iter().any(|&(known, _)| known == t) {
                    out.push((t, weight));
                }
            }
        }
        let mut added: Vec<(u32, f32)> = out.split_off(start);
        self.add_families(&mut added);
        for (t, w) in added {
            if !out.iter().any(|&(known, _)| known == t) {
                out.push((t, w));
            }
        }
    }

    /// The other ways of writing a number: "63k", "63 thousand" and "63,000" find "63,000";
    /// "6" finds "six" and "fourteen" finds "14". A multiple ("thousand") after a number
    /// stands for their product too, so both words of "63 thousand" find "63,000".
    fn number_words(&self, norm: &str, before: Option<&str>, after: Option<&str>) -> Vec<String> {
        let mut values: Vec<u64> = Vec::new();
        if let Some(v) = numbers::value(norm) {
            values.push(v);
            if let Some(m) = after.and_then(numbers::multiple) {
                values.extend(v.checked_mul(m));
            }
        }
        if let (Some(m), Some(v)) = (numbers::multiple(norm), before.and_then(numbers::value)) {
            values.extend(v.checked_mul(m));
        }
        values
            .into_iter()
            .flat_map(numbers::forms)
            .filter(|w| w != norm)
            .collect()
    }

    /// A word clause resolved: its terms, the word it makes with a neighbouring query word
    /// ("Stop SIM", "StopSIM"), the other ways of writing a number, related words, and the
    /// two words it splits into when the record does not use it.
    fn word_clause(
        &self,
        norm: &str,
        typed: Typed,
        before: Option<&str>,
        after: Option<&str>,
    ) -> Expanded {
        let mut terms = self.word_terms(norm, typed);
        let joined = [
            before.map(|w| format!("{w}{norm}")),
            after.map(|w| format!("{norm}{w}")),
        ];
        for joined in joined.into_iter().flatten() {
            if let Some(t) = self.id(&joined) {
                if !terms.iter().any(|&(known, _)| known == t) {
                    terms.push((t, FAMILY_WEIGHT));
                }
            }
        }
        let numbers = self.number_words(norm, before, after);
        self.add_words(&mut terms, &numbers, FAMILY_WEIGHT);
        if let Some((_, related)) = RELATED.iter().find(|(w, _)| *w == norm) {
            let related: Vec<String> = related.iter().map(|w| (*w).to_string()).collect();
            self.add_words(&mut terms, &related, RELATED_WEIGHT);
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
                Clause::Word { norm, typed } => {
                    let before = i.checked_sub(1).and_then(word_at);
                    self.word_clause(norm, *typed, before, word_at(i + 1))
                }
                Clause::Phrase { words, typed } => Expanded {
                    terms: words
                        .iter()
                        .enumerate()
                        .map(|(k, w)| {
                            // Only the phrase's last word can be still being typed.
                            let typed = if k + 1 == words.len() {
                                *typed
                            } else {
                                Typed::Whole
                            };
                            self.phrase_word_terms(w, typed)
                        })
                        .collect(),
                    phrase: true,
                    split: Vec::new(),
                },
            })
            .collect();
        let optional = |c: &Clause| matches!(c, Clause::Word { norm, .. } if FUNCTION_WORDS.contains(&norm.as_str()));
        let required = query
            .clauses
            .iter()
            .enumerate()
            .filter(|(_, c)| !optional(c))
            .fold(0u32, |m, (i, _)| m | 1 << i);
        let required = match required {
            0 => full_mask(query.clauses.len()),
            m => m,
        };
        Plan { clauses, required }
    }
}
