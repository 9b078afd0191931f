//! The last stage: what a result shows. The byte ranges of a passage to mark for a plan
//! (every matched word, every phrase found in order), and the snippet cut around the
//! densest run of them, split into plain and marked segments.

use super::expansion::{phrase_positions, Plan};
use super::index::Index;
use crate::engine::normalize::tokenize;

/// Characters of passage text shown in a result's snippet.
pub const SNIPPET_CHARS: usize = 240;

impl Index {
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
        let terms = self.passage_terms(passage);
        debug_assert_eq!(spans.len(), terms.len());
        let mut marked = vec![false; terms.len()];
        let mut mark_phrase = |words: &[Vec<(u32, f32)>]| {
            for start in phrase_positions(terms, words) {
                for m in &mut marked[start..start + words.len()] {
                    *m = true;
                }
            }
        };
        for clause in &plan.clauses {
            // A word is a phrase of one; a word the record splits also marks its two parts
            // (a phrase's `split` is empty).
            mark_phrase(&clause.terms);
            mark_phrase(&clause.split);
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

/// A piece of a snippet: plain text, or a highlighted match.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// The byte range of `text` to show: about `max_chars` characters starting a little before
/// the highlight that begins the window holding the most highlights, cut at word boundaries.
fn window(text: &str, ranges: &[(usize, usize)], max_chars: usize) -> (usize, usize) {
    if text.chars().count() <= max_chars {
        return (0, text.len());
    }
    // Byte offset `n` characters after `at` (or the end).
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
    let mut from = back.len().checked_sub(lead).map_or(0, |k| back[k].0);
    let mut to = advance(from, max_chars);
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
    (from, to)
}

/// Cuts `text` to about `max_chars` around the densest run of highlights, at word
/// boundaries, with "…" where it was cut, and splits it into plain and marked segments.
pub fn snippet(text: &str, ranges: &[(usize, usize)], max_chars: usize) -> Vec<Segment> {
    let (from, to) = window(text, ranges, max_chars);
    let mut out = Vec::new();
    let mut push = |text: &str, mark: bool| {
        out.push(Segment {
            text: text.to_string(),
            mark,
        })
    };
    if from > 0 {
        push("…", false);
    }
    let mut at = from;
    for &(s, e) in ranges {
        let (s, e) = (s.max(from), e.min(to));
        if s >= e {
            continue;
        }
        if s > at {
            push(&text[at..s], false);
        }
        push(&text[s..e], true);
        at = e;
    }
    if at < to {
        push(&text[at..to], false);
    }
    if to < text.len() {
        push("…", false);
    }
    out
}
