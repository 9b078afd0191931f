//! The index a search runs against: the vocabulary (sorted, so a word's beginning is a
//! range), each word's postings, each passage's words in order, BM25's per-term and
//! per-passage constants, and the word families the build ships with the corpus.

use crate::engine::normalize::{tokenize, Token};
use std::collections::HashMap;
use std::ops::Range;

// BM25 (Robertson and Zaragoza, 2009) with the usual constants: K1 saturates repeated
// terms (a passage naming "SIM" five times is not five times as relevant), B normalises by
// passage length (short passages are not penalised for saying less).
pub(super) const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The search index: vocabulary, postings and each passage's words in order.
pub struct Index {
    /// Sorted; a term's id is its position, so a prefix (or a first letter) is a contiguous
    /// range and a lookup is a binary search: no hash maps to ship or fill.
    pub(super) vocab: Vec<String>,
    /// Per term: (passage, occurrences), passages ascending.
    pub(super) postings: Vec<Vec<(u32, u16)>>,
    /// Per passage: its words as term ids, in order (phrases, highlights).
    pub(super) passage_terms: Vec<Vec<u32>>,
    /// Per term: its inverse document frequency, computed once.
    pub(super) idf: Vec<f32>,
    /// Per passage: BM25's length normalisation `K1 * (1 - B + B * len / avg_len)`.
    pub(super) len_norm: Vec<f32>,
    /// Word families, as term ids, and per term the family it belongs to (`NO_FAMILY` if
    /// none). Empty for an index built without families (the benchmarks' synthetic text).
    families: Vec<Vec<u32>>,
    family_of: Vec<u32>,
    /// Term ids ordered by the word without its first letter: the candidates for a query
    /// whose first letter is wrong or missing are a contiguous range.
    by_tail: Vec<u32>,
    /// Every term's characters, decoded once, end to end (term `t`'s run from
    /// `char_starts[t]` to `char_starts[t + 1]`): a misspelt word is compared with hundreds
    /// of terms per keystroke, which then never decode UTF-8.
    chars: Vec<char>,
    char_starts: Vec<u32>,
    /// Per term: the set of its characters (`letter_set`), which rules most terms out as
    /// close spellings before an edit distance is computed.
    letters: Vec<u64>,
}

/// A character's bit in `letter_set` and its slot in `LetterCounts`: one per letter or
/// digit, the other characters sharing the rest.
fn letter_slot(c: char) -> usize {
    match c {
        'a'..='z' => c as usize - 'a' as usize,
        '0'..='9' => 26 + (c as usize - '0' as usize),
        _ => 36 + c as usize % 28,
    }
}

/// A word's characters as a set of bits (`letter_slot`). Each character of one word missing
/// from another costs at least one edit, and several such characters that share a bit count
/// once, so the bits in one set and not the other never exceed the edit distance: a cheap
/// bound that rules a term out only when the distance would have.
pub(super) fn letter_set(chars: &[char]) -> u64 {
    chars.iter().fold(0, |set, &c| set | 1 << letter_slot(c))
}

/// How many times a word holds each character (by `letter_slot`): a finer bound than
/// `letter_set`, for the few terms that pass it. An edit leaves at most one character of
/// each word unpaired with an equal one of the other, so the characters of one that the
/// other's cannot pair up never exceed the distance.
pub(super) struct LetterCounts([u8; 64]);

impl LetterCounts {
    /// The counts of a word's characters (a word is never compared with more than
    /// `MAX_EDIT_LEN` letters, so no count overflows where it matters).
    pub(super) fn of(chars: &[char]) -> LetterCounts {
        let mut counts = [0u8; 64];
        for &c in chars {
            let n = &mut counts[letter_slot(c)];
            *n = n.saturating_add(1);
        }
        LetterCounts(counts)
    }

    /// For a term's characters `t`: how many of its first `shortest` this word's cannot
    /// pair up, and how many of this word's its first `longest` cannot (`shortest` at most
    /// `longest`). Each bounds the distance from this word to every beginning of the term
    /// from `shortest` to `longest` characters long.
    pub(super) fn unpaired(&self, t: &[char], shortest: usize, longest: usize) -> (usize, usize) {
        let mut left = self.0;
        let mut extra = 0;
        for (i, &c) in t[..longest].iter().enumerate() {
            match &mut left[letter_slot(c)] {
                0 => extra += usize::from(i < shortest),
                n => *n -= 1,
            }
        }
        (extra, left.iter().map(|&n| usize::from(n)).sum())
    }
}

const NO_FAMILY: u32 = u32::MAX;

/// A word without its first letter.
fn tail(word: &str) -> &str {
    word.char_indices().nth(1).map_or("", |(i, _)| &word[i..])
}

impl Index {
    /// Builds the index over passage texts, in order.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Index {
        Index::build(texts, |_| {})
    }

    /// Builds the index, showing each passage's tokens to `seen` on the way (the page keeps
    /// their spans for highlighting).
    pub(super) fn build<'a>(
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
        // Each word's tail found once, not twice per comparison: finding it walks the first
        // letter's bytes, and the sort's comparisons were most of building the index at
        // the page's start (30 ms of 80 with the CPU slowed 4x).
        let tails: Vec<&str> = vocab.iter().map(|w| tail(w)).collect();
        let mut by_tail: Vec<u32> = (0..vocab.len() as u32).collect();
        by_tail.sort_by(|&a, &b| tails[a as usize].cmp(tails[b as usize]));
        let family_of = vec![NO_FAMILY; vocab.len()];
        let mut chars: Vec<char> = Vec::new();
        let mut char_starts: Vec<u32> = Vec::with_capacity(vocab.len() + 1);
        let mut letters: Vec<u64> = Vec::with_capacity(vocab.len());
        for word in &vocab {
            let start = chars.len();
            char_starts.push(start as u32);
            chars.extend(word.chars());
            letters.push(letter_set(&chars[start..]));
        }
        char_starts.push(chars.len() as u32);
        Index {
            vocab,
            postings,
            passage_terms,
            idf,
            len_norm,
            families: Vec::new(),
            family_of,
            by_tail,
            chars,
            char_starts,
            letters,
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
    pub(super) fn family(&self, term: u32) -> &[u32] {
        match self.family_of[term as usize] {
            NO_FAMILY => &[],
            f => &self.families[f as usize],
        }
    }

    /// Ids of the vocabulary words whose second letter onwards begins with `prefix`.
    pub(super) fn tail_range(&self, prefix: &str) -> &[u32] {
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

    /// The vocabulary word of a term id.
    pub(super) fn word(&self, term: u32) -> &str {
        &self.vocab[term as usize]
    }

    /// The characters of a term's word.
    pub(super) fn chars(&self, term: u32) -> &[char] {
        let t = term as usize;
        &self.chars[self.char_starts[t] as usize..self.char_starts[t + 1] as usize]
    }

    /// Per term, the set of its characters (`letter_set`).
    pub(super) fn letter_sets(&self) -> &[u64] {
        &self.letters
    }

    /// How many passages use a term.
    pub(super) fn df(&self, term: u32) -> usize {
        self.postings[term as usize].len()
    }

    /// The id of a vocabulary word, if the record uses it.
    pub fn id(&self, word: &str) -> Option<u32> {
        self.vocab
            .binary_search_by(|w| w.as_str().cmp(word))
            .ok()
            .map(|i| i as u32)
    }

    /// Ids of the vocabulary words beginning with `prefix` (itself included).
    pub(super) fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.vocab.partition_point(|w| w.as_str() < prefix);
        let end = self
            .vocab
            .partition_point(|w| w.as_str() < prefix || w.starts_with(prefix));
        start..end
    }

    /// BM25's score for `tf` occurrences of a term in a passage.
    pub(super) fn bm25(&self, term: u32, tf: u16, passage: u32) -> f32 {
        let tf = f32::from(tf);
        self.idf[term as usize] * tf * (K1 + 1.0) / (tf + self.len_norm[passage as usize])
    }
}

// proptest is a native dev-dependency: the wasm component tests build without it.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::{letter_set, LetterCounts};
    use crate::engine::text::{edit_distance, MAX_EDIT_LEN};
    use proptest::prelude::*;

    /// Words over a few letters, so that many pairs are close, and characters that share a
    /// slot ('é' and 'ī' with others), where a bound could go wrong.
    fn word() -> impl Strategy<Value = Vec<char>> {
        proptest::collection::vec(
            proptest::sample::select(vec!['a', 'b', 'c', 'e', '1', 'é', 'ī', 'ș']),
            0..12,
        )
    }

    proptest! {
        // The bounds rule terms out before their distance is computed: were one ever above
        // the distance, a close spelling would silently stop being found.
        #[test]
        fn the_letter_bounds_never_exceed_the_edit_distance(
            q in word(),
            t in word(),
            cut in (0usize..12, 0usize..12),
        ) {
            let exact = |n: usize| edit_distance(&q, &t[..n], MAX_EDIT_LEN).unwrap();
            let (a, b) = (letter_set(&q), letter_set(&t));
            let set_bound = (a & !b).count_ones().max((b & !a).count_ones()) as usize;
            prop_assert!(set_bound <= exact(t.len()));
            let (shortest, longest) = (cut.0.min(cut.1).min(t.len()), cut.0.max(cut.1).min(t.len()));
            let (extra, missing) = LetterCounts::of(&q).unpaired(&t, shortest, longest);
            for n in shortest..=longest {
                prop_assert!(extra.max(missing) <= exact(n), "{n}: {extra} {missing}");
            }
        }
    }
}
