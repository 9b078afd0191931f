//! The third stage: every passage scored against a plan, once per keystroke, then ranked.
//! BM25 (see `index.rs`), each term's share weighted by how well it matched, and by how many
//! of the query's words or phrases a passage holds: when some passage holds them all, only
//! such passages are results; otherwise passages holding some are ranked by their share of
//! the query. A query that finds nothing gets "did you mean" suggestions.

use super::expansion::{
    phrase_positions, Plan, EXACT_WEIGHT, FAMILY_SHARE, FAMILY_WEIGHT, PREFIX_WEIGHT, TWO_EDITS_LEN,
};
use super::index::{letter_set, Index, K1};
use super::query::{Clause, Query};
use crate::engine::text::edit_distance;
use std::cmp::Ordering;
use std::ops::Range;

/// What one step of match quality adds to a passage's rank: more than any BM25 score, so
/// quality orders first and BM25 among equals.
const TIER: f32 = 1000.0;
/// A phrase found in order is worth more than its words scattered: this multiplies it.
const PHRASE_BONUS: f32 = 1.5;

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

/// Orders (id, score) pairs best first, ties by id. The one comparator every ranking of the
/// engine uses (search results, expansions, suggestions, "Check a quote"'s candidates):
/// each distinct sort is another copy of the sorting code in the page.
pub fn by_score_desc(a: &(u32, f32), b: &(u32, f32)) -> Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Keeps the best `n` of `items` by `by_score_desc`, sorted best first.
pub fn keep_best(items: &mut Vec<(u32, f32)>, n: usize) {
    if items.len() > n && n > 0 {
        items.select_nth_unstable_by(n - 1, by_score_desc);
    }
    items.truncate(n);
    items.sort_unstable_by(by_score_desc);
}

/// One bit per clause: the mask of a passage holding them all.
pub(super) fn full_mask(n_clauses: usize) -> u32 {
    if n_clauses >= 32 {
        u32::MAX
    } else {
        (1u32 << n_clauses) - 1
    }
}

/// One matching passage.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Position of the passage in the texts the index was built from.
    pub passage: u32,
    pub score: f32,
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

/// A run of a query's words that is a name (of an actor of the record): the passages that
/// name it in another form hold those words too (see `Prepared::stand_in`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// Index into `Corpus::actors`.
    pub actor: u16,
    /// The query's clauses that spell the name.
    pub clauses: Range<usize>,
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
    /// The runs of the query that are names, in query order.
    pub names: Vec<Name>,
    /// Passages that hold a name only in another form, with the actor: sorted by passage.
    stood_in: Vec<(u32, u16)>,
}

impl Prepared {
    /// The query holds no word at all (only spaces, punctuation or symbols).
    pub fn is_empty(&self) -> bool {
        self.plan.clauses.is_empty()
    }

    /// Counts `passages` (those naming `name`'s actor in any form the register records,
    /// scoped to the documents where a form names it, or giving its words or position;
    /// found by the build, so nothing is matched here) as holding the name's words: a
    /// clause a passage lacks is filled as another form of its word would fill it (class 2,
    /// the word's BM25 once). So "Hampshire police warned" finds "The force … warned both
    /// …", where the report's "the force" is Hampshire's police, and "the force" elsewhere
    /// stays a force. A passage flagged as the actor's own words, which name it nowhere
    /// (a statement says "we"), fills as the name itself (class 3): "StopSIM demands"
    /// means what the coalition itself asks for.
    pub fn stand_in(&mut self, index: &Index, name: Name, passages: &[(u32, bool)]) {
        if self.mask.is_empty() {
            return;
        }
        let words: Vec<(usize, Option<u32>)> = name
            .clauses
            .clone()
            .map(|c| match &self.query.clauses[c] {
                Clause::Word { norm, .. } => (c, index.id(norm)),
                Clause::Phrase { .. } => (c, None),
            })
            .collect();
        for &(p, own_words) in passages {
            let i = p as usize;
            let (weight, tier) = if own_words {
                (EXACT_WEIGHT, class(EXACT_WEIGHT))
            } else {
                (FAMILY_WEIGHT, class(FAMILY_WEIGHT))
            };
            let mut filled = false;
            for &(c, term) in &words {
                let bit = 1u32 << c;
                if self.mask[i] & bit != 0 {
                    continue;
                }
                self.mask[i] |= bit;
                self.tier[i] += tier;
                // The actor's own words are its words however long the passage: their
                // fill is not shortened by BM25's length normalisation.
                self.score[i] += term.map_or(0.0, |t| match own_words {
                    true => weight * index.idf(t),
                    false => weight * index.bm25(t, 1, p),
                });
                filled = true;
            }
            if filled {
                self.stood_in.push((p, name.actor));
            }
        }
        self.stood_in.sort_unstable();
        self.names.push(name);
    }

    /// The actor a passage was found by, when it holds a name of the query only in another
    /// form.
    pub fn stood_in(&self, passage: u32) -> Option<u16> {
        let at = self.stood_in.partition_point(|&(p, _)| p < passage);
        self.stood_in
            .get(at)
            .filter(|&&(p, _)| p == passage)
            .map(|&(_, a)| a)
    }

    /// Whether some admitted passage holds every clause, in which case only such passages
    /// count as found.
    fn all_clauses(&self, allow: Option<&[bool]>) -> bool {
        let req = self.plan.required;
        match allow {
            None => self.mask.iter().any(|&m| m & req == req),
            Some(allow) => self
                .mask
                .iter()
                .zip(allow)
                .any(|(&m, &ok)| ok && m & req == req),
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
        let req = self.plan.required;
        let all = self.all_clauses(allow);
        self.mask
            .iter()
            .enumerate()
            .map(|(p, &m)| admitted(p) && if all { m & req == req } else { m & req != 0 })
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
                // Coverage: a passage holding 2 of 3 words scores (2/3)² of its BM25 (words
                // a question is made of, "who", "was", do not count).
                let req = self.plan.required;
                let coverage =
                    ((self.mask[p] & req).count_ones() as f32 / req.count_ones() as f32).powi(2);
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
            .map(|(p, score)| Hit { passage: p, score })
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
            names: Vec::new(),
            stood_in: Vec::new(),
        }
    }

    /// Finds the passages for a query: the best `limit` of them ranked, and how many in all.
    /// (The page prepares once and ranks among the passages its filters admit: `rank`.)
    pub fn search(&self, query: &Query, limit: usize) -> Results {
        self.prepare(query.clone()).rank(self, limit, None)
    }

    /// Scores every passage for every clause: the summed score and, per passage, a bit per
    /// clause it holds and the quality of its matches.
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
            // A word a question is made of ("who", "was") adds its BM25, not its class: a
            // passage holding "who" is not a better match for "who created SIM".
            let required = plan.required & (1 << ci) != 0;
            for &p in &touched {
                let p = p as usize;
                score[p] += best[p];
                mask[p] |= 1 << ci;
                tier[p] += if required { best_class[p] } else { 0 };
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
                for replacement in self.closest_words(word) {
                    if !out.iter().any(|s| s.replacement == replacement) {
                        out.push(Suggestion {
                            word: word.clone(),
                            replacement: replacement.to_string(),
                        });
                    }
                }
            }
        }
        out.truncate(6);
        out
    }

    /// Up to three vocabulary words close to `word`: closest first; among equals the longer
    /// word (more likely what was meant), then alphabetical.
    fn closest_words(&self, word: &str) -> Vec<&str> {
        let q: Vec<char> = word.chars().collect();
        if q.len() < 2 {
            return Vec::new();
        }
        // One edit more than fuzzy matching allows: anything closer already matched.
        let budget = if q.len() >= TWO_EDITS_LEN { 3 } else { 2 };
        let q_letters = letter_set(&q);
        let sets = self.letter_sets();
        let mut near: Vec<(u32, f32)> = (0..self.vocab.len() as u32)
            .filter(|&t| self.word(t).len().abs_diff(word.len()) <= budget)
            .filter(|&t| {
                // Letters one word has and the other lacks cost an edit each (`letter_set`):
                // most of the vocabulary is ruled out before any distance is computed.
                let theirs = sets[t as usize];
                let (missing, extra) = (q_letters & !theirs, theirs & !q_letters);
                missing.count_ones().max(extra.count_ones()) as usize <= budget
            })
            .filter_map(|t| {
                let d = edit_distance(&q, self.chars(t), budget)?;
                Some((t, self.word(t).len().min(999) as f32 / 1000.0 - d as f32))
            })
            .collect();
        keep_best(&mut near, 3);
        near.into_iter().map(|(t, _)| self.word(t)).collect()
    }
}
