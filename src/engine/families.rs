//! Word families: the record's words grouped by a shared stem ("warn", "warned",
//! "warning", "warnings"), so a search for one form finds the others. The build stems every
//! word of the record with the Snowball English stemmer and ships only the groups of two or
//! more; the page never stems (see ARCHITECTURE.md). Pure: the stemmer is passed in.

use super::model::Corpus;
use super::normalize::tokenize;
use crate::engine::order;
use std::collections::{BTreeMap, BTreeSet};

/// Every word of the record's passages as the search index sees it (normalised), once.
pub fn corpus_words(corpus: &Corpus) -> BTreeSet<String> {
    corpus
        .documents
        .iter()
        .flat_map(|d| &d.passages)
        .flat_map(|p| tokenize(&p.text))
        .map(|t| t.norm)
        .collect()
}

/// Derived forms the stemmer keeps apart but a reader means together ("co-production"
/// and "co-produced"; "apologised" and "apology", which Snowball stems to "apologis" and
/// "apolog", so each found only itself): a word ending in the first is joined to the family
/// of the same word ending in the second, when the record holds that word (for "y", when
/// they share at least `MIN_SHARED` letters: "praise" is not a form of "pray").
const DERIVED: [(&str, &str); 12] = [
    ("uction", "uce"),
    ("isation", "ise"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ised", "y"),
    ("ising", "y"),
    ("ises", "y"),
    ("ise", "y"),
    ("ized", "y"),
    ("izing", "y"),
    ("izes", "y"),
    ("ize", "y"),
];
/// Shortest part a word ending in "ise" or "ize" must share with one ending in "y".
const MIN_SHARED: usize = 4;

/// Groups `words` by `stem`, joining the derived forms above: each group of two or more
/// words, sorted, in order of its first word. Numbers and words of fewer than three letters
/// stay out: "63,000" has no forms, and short words stem to nonsense.
pub fn group(words: &BTreeSet<String>, stem: impl Fn(&str) -> String) -> Vec<Vec<String>> {
    let usable = |w: &str| w.chars().count() >= 3 && !w.chars().any(|c| c.is_ascii_digit());
    let stems: BTreeMap<&str, String> = words
        .iter()
        .filter(|w| usable(w))
        .map(|w| (w.as_str(), stem(w)))
        .collect();
    // Each stem's root, joined by the derived forms (a small union-find over stems).
    let mut root: BTreeMap<String, String> =
        stems.values().map(|s| (s.clone(), s.clone())).collect();
    let find = |root: &BTreeMap<String, String>, s: &str| {
        let mut s = s.to_string();
        while root[&s] != s {
            s = root[&s].clone();
        }
        s
    };
    for (word, word_stem) in &stems {
        for (ending, base) in DERIVED {
            let Some(other) = word
                .strip_suffix(ending)
                .filter(|w| base != "y" || w.chars().count() >= MIN_SHARED)
                .map(|w| format!("{w}{base}"))
                .and_then(|w| stems.get(w.as_str()))
            else {
                continue;
            };
            let (a, b) = (find(&root, word_stem), find(&root, other));
            if a != b {
                // The later root joins the earlier one.
                let (keep, join) = if a < b { (a, b) } else { (b, a) };
                root.insert(join, keep);
            }
        }
    }
    let mut by_root: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (word, word_stem) in &stems {
        by_root
            .entry(find(&root, word_stem))
            .or_default()
            .push(word.to_string());
    }
    let mut families: Vec<Vec<String>> = by_root.into_values().filter(|f| f.len() > 1).collect();
    order::sort(&mut families);
    families
}
