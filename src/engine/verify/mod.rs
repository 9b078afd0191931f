//! Checking a quote seen elsewhere against the record: where it appears word for word
//! (ignoring case, quote marks, dashes, punctuation, spacing and British or American
//! spelling, as the search's tokeniser does and `wording` adds), whether it is a sentence of
//! the record with small edits, or else the passages whose wording comes nearest.
//!
//! "In the record with N words changed" is a strong thing to say, so it is said only when an
//! alignment repeats most of the quote and most of a sentence of the record, and no
//! difference changes what is said (another name, action or number; a "not" put in or left
//! out): a short claim lines up with some short run of words almost anywhere. The two shares
//! were chosen on a labelled set of true near-quotes and false claims
//! (`tests/fixtures/quotes.tsv`, `tests/core/verify.rs`).
//!
//! Candidates come from the vocabulary index (each passage scored by the rarity of the
//! quote's words it holds, in any of their forms, then the best of those by the quote's word
//! pairs they hold side by side), and only the best few are aligned. A quote not in the
//! record is shown the passages sharing most of its rare words: the ones that speak to it.

mod wording;

use super::normalize::tokenize;
use super::search::{keep_best, Index};
use super::text::{edit_row, Swap};
use crate::engine::order;
pub use wording::Wording;
use wording::{is_function_word, is_negation, other_spellings};

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
/// The share of the quote's words an alignment must repeat, in order, to be "in the record
/// with N words changed": "most of the quote". On the labelled set the near-quotes called
/// close repeat at least 0.92 of theirs; the false claims that change no meaning reach 1.00
/// (a fragment leaving out "up to"), so this share separates nothing there and the
/// sentence's does; 0.8 keeps a quote from adding words the record lacks.
pub const QUOTE_SHARE: f64 = 0.8;
/// The share of the record's sentence (or sentences) the alignment runs through that it
/// repeats: a short run of a long sentence is a fragment the check cannot vouch for once it
/// is edited ("NHS England published the apology" shares 3 words of a 27-word sentence;
/// "crisis calls and demand reduced by 90 per cent" leaves out "up to"). On the labelled
/// set the near-quotes called close repeat at least 0.85 of their sentence, the false
/// claims that change no meaning at most 0.73: 0.8 sits between
/// (`cargo test --test core labelled -- --nocapture` prints both).
pub const SENTENCE_SHARE: f64 = 0.8;

/// One step of an alignment between the quote's words and a passage's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The same word in both: (quote word, passage word).
    Same(usize, usize),
    /// A different word in the same place: (quote word, passage word).
    Changed(usize, usize),
    /// A word of the passage that the quote leaves out.
    Missing(usize),
    /// A word of the passage left out where the quote marks an elision ("…").
    Elided(usize),
    /// A word of the quote that the passage does not have.
    Added(usize),
}

/// How a quote lines up with one passage.
#[derive(Clone, Debug, PartialEq)]
pub struct Alignment {
    /// The passage's index position.
    pub passage: u32,
    pub steps: Vec<Step>,
    /// How far it carries the quote.
    pub fit: Fit,
}

/// How far an alignment carries a quote.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Fit {
    /// The share of the quote's words it repeats.
    pub of_quote: f64,
    /// The share of the words of the sentences it runs through that it repeats (words left
    /// out at a marked elision count as repeated).
    pub of_sentence: f64,
    /// A difference changes what is said: a content word changed or added (not another
    /// form of the same word), or a negation changed, added or left out.
    pub altered: bool,
}

impl Fit {
    /// Whether this is "in the record with N words changed".
    pub fn is_close(&self) -> bool {
        !self.altered && self.of_quote >= QUOTE_SHARE && self.of_sentence >= SENTENCE_SHARE
    }
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

    /// Words the quote leaves out where it marks an elision.
    pub fn elided(&self) -> usize {
        self.count(|s| matches!(s, Step::Elided(_)))
    }

    /// Every difference: changed, left out and added words (not those a marked elision
    /// leaves out: the quote says so itself).
    pub fn differences(&self) -> usize {
        self.steps.len() - self.same() - self.elided()
    }

    /// The passage words the quote covers (first, one past the last).
    pub fn covers(&self) -> (usize, usize) {
        let mut words = self.steps.iter().filter_map(|s| match *s {
            Step::Same(_, p) | Step::Changed(_, p) | Step::Missing(p) | Step::Elided(p) => Some(p),
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
    /// Not word for word, but a sentence of the record with small edits (`Fit::is_close`).
    Close,
    /// Not in the record; the passages listed have the nearest wording.
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
    /// Where it is found (exact), the closest passages (close), or the nearest wording (not
    /// found), best first.
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

/// The quote's words as the check reads them.
struct Quote {
    /// Each word, normalised.
    norms: Vec<String>,
    /// Each word's term id (a word the record never uses, in any spelling: `None`).
    terms: Vec<Option<u32>>,
    /// Whether an elision ("…", "...") stands just before each word.
    elided_before: Vec<bool>,
    /// Each word's byte span in the quote.
    spans: Vec<(usize, usize)>,
}

impl Quote {
    fn new(index: &Index, text: &str) -> Quote {
        let tokens = tokenize(text);
        let terms = tokens
            .iter()
            .map(|t| {
                index
                    .id(&t.norm)
                    .or_else(|| other_spellings(&t.norm).iter().find_map(|w| index.id(w)))
            })
            .collect();
        let elided_before = (0..tokens.len())
            .map(|k| {
                k > 0 && {
                    let gap = &text[tokens[k - 1].end..tokens[k].start];
                    gap.contains('…') || gap.contains("...")
                }
            })
            .collect();
        Quote {
            spans: tokens.iter().map(|t| (t.start, t.end)).collect(),
            norms: tokens.into_iter().map(|t| t.norm).collect(),
            terms,
            elided_before,
        }
    }
}

/// Checks a quote against every passage of `index` (whose wording is `wording`).
pub fn check(index: &Index, wording: &Wording, pasted: &str) -> Check {
    let (text, was_cut) = cut(pasted.trim(), MAX_QUOTE_CHARS);
    let quote = Quote::new(index, text);
    let mut result = Check {
        quote: text.to_string(),
        cut: was_cut,
        words: quote.spans.clone(),
        verdict: Verdict::Empty,
        matches: Vec::new(),
        more: false,
    };
    let terms = &quote.terms;
    if terms.is_empty() {
        return result;
    }
    if let Some((found, more)) = word_for_word(index, terms) {
        result.verdict = Verdict::Exact;
        result.matches = found;
        result.more = more;
        return result;
    }

    // Each passage's score: the rarity of the distinct quote words it holds, in any form.
    let mut distinct: Vec<u32> = terms.iter().flatten().copied().collect();
    order::sort(&mut distinct);
    distinct.dedup();
    let n = index.passage_count();
    let mut score = vec![0f32; n];
    let mut last_credited = vec![u32::MAX; n];
    for (k, &t) in distinct.iter().enumerate() {
        let idf = index.idf(t).max(0.01);
        for form in wording.forms(t) {
            for &(p, _) in index.postings(form) {
                // A passage earns a quote word once, whichever of its forms it holds.
                if last_credited[p as usize] != k as u32 {
                    last_credited[p as usize] = k as u32;
                    score[p as usize] += idf;
                }
            }
        }
    }
    let mut pool: Vec<(u32, f32)> = score
        .iter()
        .enumerate()
        .filter(|(_, s)| **s > 0.0)
        .map(|(p, s)| (p as u32, *s))
        .collect();
    keep_best(&mut pool, POOL);
    // The nearest wording for a quote not in the record: the passages sharing most of its
    // rare words, whatever their order.
    let nearest: Vec<u32> = pool.iter().map(|&(p, _)| p).collect();

    // The candidates for "close": the quote's word pairs found side by side pick from the
    // pool, so a quote of common words still finds its passage among the many holding them.
    let mut pairs: Vec<(u32, u32)> = terms
        .windows(2)
        .filter_map(|w| Some((w[0]?, w[1]?)))
        .collect();
    order::sort(&mut pairs);
    pairs.dedup();
    for (p, s) in &mut pool {
        let side_by_side = index
            .passage_terms(*p)
            .windows(2)
            .filter(|w| pairs.binary_search(&(w[0], w[1])).is_ok())
            .count();
        // Each pair in order outweighs any sum of rarities: rarity only breaks ties.
        *s += side_by_side as f32 * 1e4;
    }
    keep_best(&mut pool, CANDIDATES);
    let mut aligned: Vec<Alignment> = pool
        .iter()
        .map(|&(p, _)| aligned_with(index, wording, &quote, p))
        .collect();
    order::sort_by(&mut aligned, |a, b| {
        (
            !a.fit.is_close(),
            a.differences(),
            std::cmp::Reverse(a.same()),
            a.passage,
        )
            .cmp(&(
                !b.fit.is_close(),
                b.differences(),
                std::cmp::Reverse(b.same()),
                b.passage,
            ))
    });
    if aligned.first().is_some_and(|a| a.fit.is_close()) {
        result.verdict = Verdict::Close;
        aligned.truncate(SHOWN);
        // Only passages that come close are shown as such.
        aligned.retain(|a| 3 * a.same() >= terms.len());
        result.matches = aligned;
        return result;
    }
    result.verdict = Verdict::NotFound;
    result.matches = nearest_wording(index, wording, &quote, aligned, &nearest);
    result
}

/// The quote word for word in passages (up to `MAX_EXACT`, and whether there are more), or
/// `None` when it is nowhere.
fn word_for_word(index: &Index, terms: &[Option<u32>]) -> Option<(Vec<Alignment>, bool)> {
    let want: Vec<u32> = terms.iter().copied().collect::<Option<_>>()?;
    let rarest = want
        .iter()
        .copied()
        .min_by_key(|&t| index.postings(t).len())?;
    let mut found = Vec::new();
    for &(p, _) in index.postings(rarest) {
        let words = index.passage_terms(p);
        if let Some(at) = words.windows(want.len()).position(|w| w == want) {
            if found.len() == MAX_EXACT {
                return Some((found, true));
            }
            let steps = (0..want.len()).map(|k| Step::Same(k, at + k)).collect();
            let fit = Fit {
                of_quote: 1.0,
                of_sentence: 1.0,
                altered: false,
            };
            found.push(Alignment {
                passage: p,
                steps,
                fit,
            });
        }
    }
    (!found.is_empty()).then_some((found, false))
}

/// The nearest wording for a quote not in the record: first the candidate that repeats
/// most of the quote (a fragment of a longer sentence, or a sentence the claim bends: the
/// differences marked show how), then the passages sharing most of its rare words, which
/// speak to the claim; each shares at least one of its words that is not a function word.
fn nearest_wording(
    index: &Index,
    wording: &Wording,
    quote: &Quote,
    aligned: Vec<Alignment>,
    by_rarity: &[u32],
) -> Vec<Alignment> {
    let content: Vec<u32> = quote
        .terms
        .iter()
        .flatten()
        .filter(|&&t| !is_function_word(wording.word(t)))
        .flat_map(|&t| wording.forms(t))
        .collect();
    let mut out: Vec<Alignment> = aligned
        .into_iter()
        .filter(|a| a.fit.of_quote >= QUOTE_SHARE)
        .take(1)
        .collect();
    for &p in by_rarity {
        if out.len() == SHOWN {
            break;
        }
        let speaks = index.passage_terms(p).iter().any(|t| content.contains(t));
        if speaks && out.iter().all(|a| a.passage != p) {
            out.push(aligned_with(index, wording, quote, p));
        }
    }
    out
}

/// The quote aligned with passage `p`, and how far that carries it.
fn aligned_with(index: &Index, wording: &Wording, quote: &Quote, p: u32) -> Alignment {
    let passage = index.passage_terms(p);
    let steps = align(&quote.terms, &quote.elided_before, passage);
    let fit = fit(wording, quote, p, passage, &steps);
    Alignment {
        passage: p,
        steps,
        fit,
    }
}

/// How far `steps` carry the quote into passage `p` (its words `passage`).
fn fit(wording: &Wording, quote: &Quote, p: u32, passage: &[u32], steps: &[Step]) -> Fit {
    let mut repeated = 0usize;
    let mut elided = 0usize;
    let mut altered = false;
    let mut first_last: Option<(usize, usize)> = None;
    // The differences between two shared words, judged together: an alignment may pair a
    // changed word with either of two passage words at the same cost ("for a halt" against
    // "for an immediate halt").
    let mut gap_quote: Vec<usize> = Vec::new();
    let mut gap_passage: Vec<usize> = Vec::new();
    for step in steps.iter().map(Some).chain([None]) {
        let at = match step.copied() {
            Some(Step::Same(_, w)) => {
                repeated += 1;
                Some(w)
            }
            Some(Step::Elided(w)) => {
                elided += 1;
                Some(w)
            }
            Some(Step::Changed(q, w)) => {
                gap_quote.push(q);
                gap_passage.push(w);
                Some(w)
            }
            Some(Step::Missing(w)) => {
                gap_passage.push(w);
                Some(w)
            }
            Some(Step::Added(q)) => {
                gap_quote.push(q);
                None
            }
            None => None,
        };
        if !matches!(
            step,
            Some(Step::Changed(..) | Step::Missing(_) | Step::Added(_))
        ) {
            altered |= alters(wording, quote, passage, &gap_quote, &gap_passage);
            gap_quote.clear();
            gap_passage.clear();
        }
        if let Some(w) = at {
            first_last = Some(first_last.map_or((w, w), |(a, _)| (a, w)));
        }
    }
    let of_sentence = first_last.map_or(0.0, |(first, last)| {
        let (start, _) = wording.sentence(p, first, passage.len());
        let (_, end) = wording.sentence(p, last, passage.len());
        (repeated + elided) as f64 / (end - start).max(1) as f64
    });
    Fit {
        of_quote: repeated as f64 / quote.terms.len().max(1) as f64,
        of_sentence,
        altered,
    }
}

/// Whether the differences between two shared words change what is said: a word of the
/// quote there (changed or added) that is not a function word and is no form of a record
/// word there, or a negation on one side only. Record words left out are no change (a
/// fragment leaving out a hedge is caught by the share of the sentence), but for a "not".
fn alters(
    wording: &Wording,
    quote: &Quote,
    passage: &[u32],
    gap_quote: &[usize],
    gap_passage: &[usize],
) -> bool {
    let record = |w: usize| (Some(passage[w]), wording.word(passage[w]));
    let quoted = |q: usize| (quote.terms[q], quote.norms[q].as_str());
    let negated_quote = gap_quote.iter().any(|&q| is_negation(&quote.norms[q]));
    let negated_record = gap_passage.iter().any(|&w| is_negation(record(w).1));
    let new_word = gap_quote.iter().any(|&q| {
        !is_function_word(&quote.norms[q])
            && !is_negation(&quote.norms[q])
            && !gap_passage
                .iter()
                .any(|&w| wording.same_word(quoted(q), record(w)))
    });
    new_word || negated_quote != negated_record
}

/// Aligns the quote's words with a passage's: the whole quote against any stretch of the
/// passage (its words before and after the quote are free), each changed, left out or
/// added word costing one, but the passage's words where the quote marks an elision
/// (`elided_before[i]`: before quote word `i`), which are free. Semi-global edit distance,
/// O(quote × passage).
pub fn align(quote: &[Option<u32>], elided_before: &[bool], passage: &[u32]) -> Vec<Step> {
    let (m, n) = (quote.len(), passage.len());
    let w = n + 1;
    // Row i holds the quote's first i words; its moves along the passage leave passage words
    // out after quote word i - 1, free when the quote marks an elision before word i.
    let free = |i: usize| i < m && elided_before.get(i).copied().unwrap_or(false);
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
        if free(i) {
            for j in 1..w {
                cur[j] = cur[j].min(cur[j - 1]);
            }
        }
    }
    // The passage's words after the quote are free: end where the cost is least (last, so
    // that a last word differing is a word changed rather than one added).
    let mut j = (0..=n)
        .min_by_key(|&j| (cost[m * w + j], std::cmp::Reverse(j)))
        .unwrap_or(0);
    let mut i = m;
    let mut steps = Vec::with_capacity(m + 4);
    while i > 0 {
        let here = cost[i * w + j];
        if j > 0 {
            if free(i) && here == cost[i * w + j - 1] {
                steps.push(Step::Elided(j - 1));
                j -= 1;
                continue;
            }
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
