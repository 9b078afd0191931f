//! Two accounts side by side: which passages of two documents tell the same thing, and why.
//! Computed at build time (`assemble`) from the registers, for every pair of documents, and
//! shipped in the compiled corpus, so a sixth document gets its comparisons for free and the
//! page runs no alignment code. A pair of passages aligns when both state the same event
//! (`events.txt`), both are quoted in the same disagreement (`disagreements.txt`), one takes
//! a run of words from the other (a quote), or, failing those, they share rare words.

use super::model::{Corpus, PassageAt};
use super::normalize::tokenize;
use crate::engine::order;
use serde::{Deserialize, Serialize};

/// The aligned passages of two documents, each column in its own order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The two documents by index, the earlier in the corpus's order first.
    pub docs: (u16, u16),
    /// Aligned pairs, increasing in both documents: the rows of the two columns.
    pub rows: Vec<Aligned>,
    /// Pairs with an event, a disagreement or a quote that cross the rows (see
    /// `heaviest_chain`): not rows, but each passage links to the other, a tap away.
    pub elsewhere: Vec<Aligned>,
}

/// Two passages that tell the same thing: `a` in the comparison's first document, `b` in
/// its second, by passage index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Aligned {
    pub a: u16,
    pub b: u16,
    /// Why, strongest first; never empty.
    pub reasons: Vec<Reason>,
}

/// Why two passages align.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reason {
    /// Both state this event (index into `Corpus::events`).
    Event(u16),
    /// Both are quoted by a position of this disagreement (index into
    /// `Corpus::disagreements`): where they differ, it is one step away.
    Disagreement(u16),
    /// The same run of words, as the first document writes it.
    Quote(String),
    /// Words few passages of the record use, normalised, rarest first.
    Words(Vec<String>),
}

/// The fewest words in a row two passages must share to count as one quoting the other:
/// long enough that stock phrases ("mental health trusts in England") do not count.
const QUOTE_WORDS: usize = 7;
/// A rare word is used by at most this many passages of the record.
const RARE_IN: usize = 3;
/// Shorter words are too often plain function words or numbers to mean a shared subject.
const RARE_MIN_LEN: usize = 4;
/// Passages that share only rare words align on at least this many of them.
const RARE_SHARED: usize = 2;
/// An event, disagreement or quote outweighs any number of shared rare words.
const STRONG: u32 = 1_000;

impl Reason {
    /// The reason as the page shows it above an aligned row.
    pub fn describe(&self, corpus: &Corpus) -> String {
        match self {
            Reason::Event(e) => {
                let e = &corpus.events[usize::from(*e)];
                format!("Both state: {}, {}", e.title, e.date)
            }
            Reason::Disagreement(d) => format!(
                "Both answer: {}",
                corpus.disagreements[usize::from(*d)].question
            ),
            Reason::Quote(words) => format!("Both quote: “{words}”"),
            Reason::Words(words) => format!("Shared rare words: {}", words.join(", ")),
        }
    }

    /// The disagreement it names, where there is one to open.
    pub fn disagreement(&self) -> Option<usize> {
        match self {
            Reason::Disagreement(d) => Some(usize::from(*d)),
            _ => None,
        }
    }

    /// How much it weighs when choosing which pairs stand as rows.
    fn weight(&self) -> u32 {
        match self {
            Reason::Words(words) => words.len() as u32,
            _ => STRONG,
        }
    }
}

/// The comparisons of every pair of documents, in the order (0,1), (0,2)… (1,2)…
pub fn align_all(corpus: &Corpus) -> Vec<Comparison> {
    let rarity = Rarity::of(corpus);
    let n = corpus.documents.len();
    let mut out = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            out.push(align(corpus, &rarity, a, b));
        }
    }
    out
}

/// One row as the page reads it, whichever document was named first: `left` in the first
/// document named, `right` in the second.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row<'c> {
    pub left: usize,
    pub right: usize,
    pub reasons: &'c [Reason],
}

/// A stretch of the two columns: passages told by one account only, each column in its own
/// order, or one aligned pair.
#[derive(Clone, Debug, PartialEq)]
pub enum Stretch<'c> {
    Unmatched {
        left: std::ops::Range<usize>,
        right: std::ops::Range<usize>,
    },
    Aligned(Row<'c>),
}

impl Corpus {
    /// The aligned rows of documents `left` and `right` (by index), in both documents' order.
    pub fn aligned(&self, left: usize, right: usize) -> Vec<Row<'_>> {
        self.oriented(left, right, |c| &c.rows)
    }

    /// The pairs of `left` and `right` that cross the rows, each a link between the columns.
    pub fn elsewhere(&self, left: usize, right: usize) -> Vec<Row<'_>> {
        self.oriented(left, right, |c| &c.elsewhere)
    }

    fn oriented<'c>(
        &'c self,
        left: usize,
        right: usize,
        pairs: impl Fn(&'c Comparison) -> &'c Vec<Aligned>,
    ) -> Vec<Row<'c>> {
        let flipped = left > right;
        let key = if flipped {
            (right, left)
        } else {
            (left, right)
        };
        let Some(c) = self
            .comparisons
            .iter()
            .find(|c| (usize::from(c.docs.0), usize::from(c.docs.1)) == key)
        else {
            return Vec::new();
        };
        pairs(c)
            .iter()
            .map(|r| {
                let (a, b) = (usize::from(r.a), usize::from(r.b));
                let (left, right) = if flipped { (b, a) } else { (a, b) };
                Row {
                    left,
                    right,
                    reasons: &r.reasons,
                }
            })
            .collect()
    }

    /// The two columns of a comparison as the page lays them out: every passage of both
    /// documents once, in its own order, the passages between two aligned rows kept
    /// between them.
    pub fn side_by_side(&self, left: usize, right: usize) -> Vec<Stretch<'_>> {
        let mut out = Vec::new();
        let (mut l, mut r) = (0, 0);
        for row in self.aligned(left, right) {
            if l < row.left || r < row.right {
                out.push(Stretch::Unmatched {
                    left: l..row.left,
                    right: r..row.right,
                });
            }
            out.push(Stretch::Aligned(row));
            (l, r) = (row.left + 1, row.right + 1);
        }
        let (nl, nr) = (
            self.documents[left].passages.len(),
            self.documents[right].passages.len(),
        );
        if l < nl || r < nr {
            out.push(Stretch::Unmatched {
                left: l..nl,
                right: r..nr,
            });
        }
        out
    }
}

/// How many paragraphs of the record use each word, for the rare-word reason.
struct Rarity {
    used_by: std::collections::HashMap<String, usize>,
}

impl Rarity {
    fn of(corpus: &Corpus) -> Rarity {
        let mut used_by = std::collections::HashMap::new();
        for d in &corpus.documents {
            for p in d.passages.iter().filter(|p| !p.heading) {
                let mut words: Vec<String> =
                    tokenize(&p.text).into_iter().map(|t| t.norm).collect();
                order::sort(&mut words);
                words.dedup();
                for w in words {
                    *used_by.entry(w).or_insert(0) += 1;
                }
            }
        }
        Rarity { used_by }
    }

    /// The rare words of a text, each once.
    fn rare_in(&self, text: &str) -> Vec<String> {
        let mut words: Vec<String> = tokenize(text)
            .into_iter()
            .map(|t| t.norm)
            .filter(|w| {
                w.chars().count() >= RARE_MIN_LEN
                    && !w.bytes().all(|b| b.is_ascii_digit())
                    && self.used_by.get(w).is_some_and(|&n| n <= RARE_IN)
            })
            .collect();
        order::sort(&mut words);
        words.dedup();
        words
    }

    fn uses(&self, word: &str) -> usize {
        self.used_by.get(word).copied().unwrap_or(0)
    }
}

/// The comparison of documents `a` < `b`: every pair of passages with a reason, then the
/// heaviest chain of them increasing in both documents.
fn align(corpus: &Corpus, rarity: &Rarity, a: usize, b: usize) -> Comparison {
    let (da, db) = (&corpus.documents[a], &corpus.documents[b]);
    let mut reasons: Vec<Vec<Vec<Reason>>> =
        vec![vec![Vec::new(); db.passages.len()]; da.passages.len()];
    let (a16, b16) = (a as u16, b as u16);
    let in_doc = |at: &[PassageAt], d: u16| -> Vec<usize> {
        let mut ps: Vec<usize> = at
            .iter()
            .filter(|(doc, _)| *doc == d)
            .map(|(_, p)| usize::from(*p))
            .collect();
        order::sort(&mut ps);
        ps.dedup();
        ps
    };
    let mut each_pair = |at: &[PassageAt], reason: Reason| {
        for &i in &in_doc(at, a16) {
            for &j in &in_doc(at, b16) {
                if !reasons[i][j].contains(&reason) {
                    reasons[i][j].push(reason.clone());
                }
            }
        }
    };
    for (e, event) in corpus.events.iter().enumerate() {
        each_pair(&event.sources, Reason::Event(e as u16));
    }
    for (d, dis) in corpus.disagreements.iter().enumerate() {
        let at: Vec<PassageAt> = dis
            .positions
            .iter()
            .flat_map(|p| p.quotes.iter().map(|q| q.at))
            .collect();
        each_pair(&at, Reason::Disagreement(d as u16));
    }
    for (i, pa) in da.passages.iter().enumerate() {
        for (j, pb) in db.passages.iter().enumerate() {
            if pa.heading || pb.heading {
                continue;
            }
            if let Some(words) = shared_run(&pa.text, &pb.text) {
                reasons[i][j].push(Reason::Quote(words));
            }
        }
    }
    // Rare words only where nothing stronger aligns either passage: they are the fallback.
    let strong_a: Vec<bool> = reasons
        .iter()
        .map(|r| r.iter().any(|x| !x.is_empty()))
        .collect();
    let strong_b: Vec<bool> = (0..db.passages.len())
        .map(|j| reasons.iter().any(|r| !r[j].is_empty()))
        .collect();
    for (i, pa) in da.passages.iter().enumerate() {
        if pa.heading || strong_a[i] {
            continue;
        }
        let rare_a = rarity.rare_in(&pa.text);
        for (j, pb) in db.passages.iter().enumerate() {
            if pb.heading || strong_b[j] {
                continue;
            }
            let mut shared: Vec<String> = rarity
                .rare_in(&pb.text)
                .into_iter()
                .filter(|w| rare_a.contains(w))
                .collect();
            if shared.len() >= RARE_SHARED {
                order::sort_by_key(&mut shared, |w| (rarity.uses(w), w.clone()));
                reasons[i][j].push(Reason::Words(shared));
            }
        }
    }
    let rows = heaviest_chain(&reasons);
    let mut elsewhere = Vec::new();
    for (i, row) in reasons.into_iter().enumerate() {
        for (j, found) in row.into_iter().enumerate() {
            let strong = found.iter().any(|r| !matches!(r, Reason::Words(_)));
            if strong
                && !rows
                    .iter()
                    .any(|r| (usize::from(r.a), usize::from(r.b)) == (i, j))
            {
                elsewhere.push(Aligned {
                    a: i as u16,
                    b: j as u16,
                    reasons: ordered(found),
                });
            }
        }
    }
    Comparison {
        docs: (a16, b16),
        rows,
        elsewhere,
    }
}

/// The longest run of at least `QUOTE_WORDS` words the two texts share, as `a` writes it.
fn shared_run(a: &str, b: &str) -> Option<String> {
    let (ta, tb) = (tokenize(a), tokenize(b));
    let mut best = (0, 0);
    // prev[j + 1]: how many words in a row end at the previous word of `a` and word j of `b`.
    let mut prev = vec![0usize; tb.len() + 1];
    for (i, wa) in ta.iter().enumerate() {
        let mut row = vec![0usize; tb.len() + 1];
        for (j, wb) in tb.iter().enumerate() {
            if wa.norm == wb.norm {
                row[j + 1] = prev[j] + 1;
                if row[j + 1] > best.0 {
                    best = (row[j + 1], i);
                }
            }
        }
        prev = row;
    }
    let (len, end) = best;
    (len >= QUOTE_WORDS).then(|| a[ta[end + 1 - len].start..ta[end].end].to_string())
}

/// The pairs that stand as rows: of all pairs with a reason, the chain increasing in both
/// documents with the most weight (a weighted longest common subsequence). Two pairs cross
/// when one goes down the first document and up the second; both cannot be rows without
/// breaking one column's order, so the lighter side of a crossing is left out, its
/// passages shown in their places, each linking to the other (`Comparison::elsewhere`).
/// A report that opens with its news and a statement that ends with it cross often: the
/// 2023 report's apology (its ¶10) crosses the statement's own order. Ties are broken alike
/// on every build.
fn heaviest_chain(reasons: &[Vec<Vec<Reason>>]) -> Vec<Aligned> {
    let n = reasons.len();
    let m = reasons.first().map_or(0, Vec::len);
    let weight = |i: usize, j: usize| -> u32 { reasons[i][j].iter().map(Reason::weight).sum() };
    // best[i][j]: the heaviest chain among the first i passages of a and j of b.
    let mut best = vec![vec![0u32; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            let w = weight(i - 1, j - 1);
            let take = if w > 0 { best[i - 1][j - 1] + w } else { 0 };
            best[i][j] = best[i - 1][j].max(best[i][j - 1]).max(take);
        }
    }
    let mut rows = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        if best[i][j] == best[i - 1][j] {
            i -= 1;
        } else if best[i][j] == best[i][j - 1] {
            j -= 1;
        } else {
            rows.push(Aligned {
                a: (i - 1) as u16,
                b: (j - 1) as u16,
                reasons: ordered(reasons[i - 1][j - 1].clone()),
            });
            i -= 1;
            j -= 1;
        }
    }
    rows.reverse();
    rows
}

/// Strongest first: events, disagreements, quotes, then words.
fn ordered(mut reasons: Vec<Reason>) -> Vec<Reason> {
    order::sort_by_key(&mut reasons, |r| match r {
        Reason::Event(_) => 0,
        Reason::Disagreement(_) => 1,
        Reason::Quote(_) => 2,
        Reason::Words(_) => 3,
    });
    reasons
}
