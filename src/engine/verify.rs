//! Checking a quote seen elsewhere against the record: where it appears word for word
//! (ignoring case, quote marks, dashes, punctuation and spacing, as the search's tokeniser
//! does), or which passages come closest and how they differ, word by word.
//!
//! Candidates come from the vocabulary index (each passage scored by the rarity of the
//! quote's words it holds, then the best of those by the quote's word pairs they hold side
//! by side), and only the best few are aligned: no passage is diffed unless it shares the
//! quote's words.

use super::normalize::tokenize;
use super::search::{keep_best, Index};
use super::text::{edit_row, Swap};

/// Characters of a pasted quote that are checked; the rest is cut (with a notice).
pub const MAX_QUOTE_CHARS: usize = 2000;
/// Passages aligned word by word when the quote is not found as it is.
const CANDIDATES: usize = 8;
/// Passages with the rarest words in common, from which the candidates are chosen by the
/// pairs of the quote's words they hold side by side.
const POOL: usize = 256;
/// Closest passages reported.
const SHOWN: usize = 3;
/// Places reported for a quote found word for word (a short quote can be everywhere).
const MAX_EXACT: usize = 20;
/// The share of the quote's words a passage must hold, in order, to count as close.
const CLOSE_SHARE: f64 = 0.6;

/// One step of an alignment between the quote's words and a passage's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The same word in both: (quote word, passage word).
    Same(usize, usize),
    /// A different word in the same place: (quote word, passage word).
    Changed(usize, usize),
    /// A word of the passage that the quote leaves out.
    Missing(usize),
    /// A word of the quote that the passage does not have.
    Added(usize),
}

/// How a quote lines up with one passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alignment {
    /// The passage's index position.
    pub passage: u32,
    pub steps: Vec<Step>,
}

impl Alignment {
    /// Words the same in both.
    pub fn same(&self) -> usize {
        self.count(|s| matches!(s, Step::Same(..)))
    }

    /// Words changed in place (a word of the quote where the passage has another); words
    /// left out and added are `missing` and `added`.
    pub fn changed_words(&self) -> usize {
        self.count(|s| matches!(s, Step::Changed(..)))
    }

    pub fn missing(&self) -> usize {
        self.count(|s| matches!(s, Step::Missing(_)))
    }

    pub fn added(&self) -> usize {
        self.count(|s| matches!(s, Step::Added(_)))
    }

    /// Every difference: changed, left out and added words.
    pub fn differences(&self) -> usize {
        self.steps.len() - self.same()
    }

    /// The passage words the quote covers (first, one past the last).
    pub fn covers(&self) -> (usize, usize) {
        let mut words = self.steps.iter().filter_map(|s| match *s {
            Step::Same(_, p) | Step::Changed(_, p) | Step::Missing(p) => Some(p),
            Step::Added(_) => None,
        });
        let first = words.next();
        let last = words.next_back().or(first);
        match (first, last) {
            (Some(a), Some(b)) => (a, b + 1),
            _ => (0, 0),
        }
    }

    fn count(&self, f: impl Fn(&Step) -> bool) -> usize {
        self.steps.iter().filter(|s| f(s)).count()
    }
}

/// The plain answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing to check: no words.
    Empty,
    /// In the record word for word, in every place listed.
    Exact,
    /// Not word for word, but the closest passage holds most of its words in order.
    Close,
    /// Not in the record: no passage comes close.
    NotFound,
}

/// What checking a quote found.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// The text checked (the paste, cut to `MAX_QUOTE_CHARS`).
    pub quote: String,
    /// Whether the paste was cut.
    pub cut: bool,
    /// Each word's byte span in `quote`.
    pub words: Vec<(usize, usize)>,
    pub verdict: Verdict,
    /// Where it is found (exact), or the closest passages, best first.
    pub matches: Vec<Alignment>,
    /// Found word for word in more places than are listed.
    pub more: bool,
}

/// `text` cut to at most `max` characters, at a space where there is one.
pub fn cut(text: &str, max: usize) -> (&str, bool) {
    match text.char_indices().nth(max) {
        None => (text, false),
        Some((at, _)) => {
            let head = &text[..at];
            let end = head
                .rfind(char::is_whitespace)
                .filter(|&i| i > 0)
                .unwrap_or(at);
            (&text[..end], true)
        }
    }
}

/// Checks a quote against every passage of `index`.
pub fn check(index: &Index, pasted: &str) -> Check {
    let (quote, was_cut) = cut(pasted.trim(), MAX_QUOTE_CHARS);
    let tokens = tokenize(quote);
    let words: Vec<(usize, usize)> = tokens.iter().map(|t| (t.start, t.end)).collect();
    // Words the record never uses can match nothing: `None`.
    let terms: Vec<Option<u32>> = tokens.iter().map(|t| index.id(&t.norm)).collect();
    let mut result = Check {
        quote: quote.to_string(),
        cut: was_cut,
        words,
        verdict: Verdict::Empty,
        matches: Vec::new(),
        more: false,
    };
    if terms.is_empty() {
        return result;
    }

    // Each passage's score: the rarity of the distinct quote words it holds.
    let mut distinct: Vec<u32> = terms.iter().flatten().copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut score = vec![0f32; index.passage_count()];
    let mut holds = vec![0u16; index.passage_count()];
    for &t in &distinct {
        let idf = index.idf(t).max(0.01);
        for &(p, _) in index.postings(t) {
            score[p as usize] += idf;
            holds[p as usize] += 1;
        }
    }

    // Word for word: passages holding every word, checked for the run of them in order.
    if terms.iter().all(Option::is_some) {
        let want: Vec<u32> = terms.iter().flatten().copied().collect();
        let rarest = distinct
            .iter()
            .copied()
            .min_by_key(|&t| index.postings(t).len())
            .unwrap_or(want[0]);
        for &(p, _) in index.postings(rarest) {
            if usize::from(holds[p as usize]) != distinct.len() {
                continue;
            }
            let words = index.passage_terms(p);
            if let Some(at) = words.windows(want.len()).position(|w| w == want) {
                if result.matches.len() == MAX_EXACT {
                    result.more = true;
                    break;
                }
                let steps = (0..want.len()).map(|k| Step::Same(k, at + k)).collect();
                result.matches.push(Alignment { passage: p, steps });
            }
        }
        if !result.matches.is_empty() {
            result.verdict = Verdict::Exact;
            return result;
        }
    }

    // Otherwise the best-scored few, aligned; the closest reported. The rarity of shared
    // words picks a pool; the quote's word pairs found side by side pick from it, so a
    // quote of common words still finds its passage among the many holding those words.
    let mut best: Vec<(u32, f32)> = score
        .iter()
        .enumerate()
        .filter(|(_, s)| **s > 0.0)
        .map(|(p, s)| (p as u32, *s))
        .collect();
    keep_best(&mut best, POOL);
    let mut pairs: Vec<(u32, u32)> = terms
        .windows(2)
        .filter_map(|w| Some((w[0]?, w[1]?)))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    for (p, s) in &mut best {
        let side_by_side = index
            .passage_terms(*p)
            .windows(2)
            .filter(|w| pairs.binary_search(&(w[0], w[1])).is_ok())
            .count();
        // Each pair in order outweighs any sum of rarities: rarity only breaks ties.
        *s += side_by_side as f32 * 1e4;
    }
    keep_best(&mut best, CANDIDATES);
    let mut aligned: Vec<Alignment> = best
        .iter()
        .map(|&(p, _)| Alignment {
            passage: p,
            steps: align(&terms, index.passage_terms(p)),
        })
        .collect();
    aligned.sort_by_key(|a| (a.differences(), std::cmp::Reverse(a.same()), a.passage));
    aligned.truncate(SHOWN);
    let close = aligned
        .first()
        .is_some_and(|a| a.same() as f64 >= CLOSE_SHARE * terms.len() as f64);
    result.verdict = if close {
        Verdict::Close
    } else {
        Verdict::NotFound
    };
    // Only passages that come close are shown as such; a quote not in the record still
    // shows its nearest passage when it shares at least a third of the words.
    aligned.retain(|a| 3 * a.same() >= terms.len());
    result.matches = aligned;
    result
}

/// Aligns the quote's words with a passage's: the whole quote against any stretch of the
/// passage (its words before and after the quote are free), each changed, left out or
/// added word costing one. Semi-global edit distance, O(quote × passage).
pub fn align(quote: &[Option<u32>], passage: &[u32]) -> Vec<Step> {
    let (m, n) = (quote.len(), passage.len());
    let w = n + 1;
    // cost[i * w + j]: the quote's first i words against passage words ending at j. Row 0
    // is all zeros: the passage's words before the quote are free.
    let mut cost = vec![0u32; (m + 1) * w];
    let same = |x: usize, y: usize| quote[x] == Some(passage[y]);
    for i in 1..=m {
        let (done, rest) = cost.split_at_mut(i * w);
        let prev = &done[(i - 1) * w..];
        let cur = &mut rest[..w];
        cur[0] = i as u32;
        // The traceback below knows no swap: two words swapped are two changes.
        edit_row(i, same, (prev, prev), cur, Swap::TwoEdits);
    }
    // The passage's words after the quote are free: end where the cost is least (first).
    let mut j = (0..=n).min_by_key(|&j| (cost[m * w + j], j)).unwrap_or(0);
    let mut i = m;
    let mut steps = Vec::with_capacity(m + 4);
    while i > 0 {
        let here = cost[i * w + j];
        if j > 0 {
            let same = quote[i - 1] == Some(passage[j - 1]);
            if here == cost[(i - 1) * w + j - 1] + u32::from(!same) {
                steps.push(if same {
                    Step::Same(i - 1, j - 1)
                } else {
                    Step::Changed(i - 1, j - 1)
                });
                i -= 1;
                j -= 1;
                continue;
            }
            if here == cost[i * w + j - 1] + 1 {
                steps.push(Step::Missing(j - 1));
                j -= 1;
                continue;
            }
        }
        steps.push(Step::Added(i - 1));
        i -= 1;
    }
    steps.reverse();
    steps
}
