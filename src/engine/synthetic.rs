//! A deterministic synthetic corpus for benchmarks: any number of passages of realistic
//! length, whose words follow Zipf's law over a vocabulary of real words (given) followed by
//! made-up rarer ones, so the index sees the common/rare mix of real text at any scale; and
//! quotes made from any passages, of each kind "Check a quote" tells apart.

/// SplitMix64: tiny, fast, and the same sequence on every platform for a seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const SYLLABLES: [&str; 24] = [
    "ba", "ker", "lin", "mo", "ton", "ra", "vel", "son", "dri", "ca", "mer", "po", "sta", "ful",
    "ni", "gor", "ve", "len", "tur", "sca", "wen", "dal", "bro", "shi",
];

/// Made-up words, 2 to 4 syllables, distinct from one another.
fn pseudo_words(n: usize, rng: &mut Rng) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let syllables = 2 + rng.below(3);
        let word: String = (0..syllables)
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect();
        if seen.insert(word.clone()) {
            out.push(word);
        }
    }
    out
}

/// The normalised words of `texts`, most frequent first (ties alphabetical): the `common`
/// vocabulary for `passages`.
pub fn words_by_frequency<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut freq: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for text in texts {
        for w in super::normalize::words(text) {
            *freq.entry(w).or_default() += 1;
        }
    }
    let mut words: Vec<(String, usize)> = freq.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    words.into_iter().map(|(w, _)| w).collect()
}

/// `n` passages of 20 to 120 words (mean about 60, like the real record), sentences with
/// capitals, commas and full stops. `common` are real words, most frequent first; the
/// vocabulary continues with `rare` made-up words.
pub fn passages(n: usize, common: &[&str], rare: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut vocab: Vec<String> = common.iter().map(|w| w.to_string()).collect();
    vocab.extend(pseudo_words(rare, &mut rng));
    // Zipf: the word of rank r has weight 1/r; sample by binary search on the cumulative sum.
    let mut cumulative = Vec::with_capacity(vocab.len());
    let mut sum = 0.0;
    for r in 1..=vocab.len() {
        sum += 1.0 / r as f64;
        cumulative.push(sum);
    }
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let len = 20 + rng.below(51) + rng.below(51);
        let mut text = String::with_capacity(len * 7);
        let mut capital = true;
        for k in 0..len {
            let x = rng.unit() * sum;
            let word = &vocab[cumulative.partition_point(|&c| c < x).min(vocab.len() - 1)];
            if k > 0 {
                text.push(' ');
            }
            if capital {
                let mut chars = word.chars();
                if let Some(c) = chars.next() {
                    text.extend(c.to_uppercase());
                    text.push_str(chars.as_str());
                }
                capital = false;
            } else {
                text.push_str(word);
            }
            if k + 1 == len || rng.below(14) == 0 {
                text.push('.');
                capital = true;
            } else if rng.below(10) == 0 {
                text.push(',');
            }
        }
        out.push(text);
    }
    out
}

/// `n` timeline events over 2012-2023 with the record's mix of precisions (mostly days and
/// months, some years, parts of years, ranges, "by" and "or later" dates), in date order,
/// each citing the first passage. For the timeline benchmark.
pub fn events(n: usize, seed: u64) -> Vec<super::model::Event> {
    use super::date::{DateSpec, Part, Point};
    let mut rng = Rng::new(seed);
    let mut out: Vec<super::model::Event> = (0..n)
        .map(|k| {
            let year = 2012 + rng.below(12) as i32;
            let month = 1 + rng.below(12) as u8;
            let day = 1 + rng.below(28) as u8;
            let date = match rng.below(100) {
                0..=44 => DateSpec::On(Point::Day { year, month, day }),
                45..=69 => DateSpec::On(Point::Month { year, month }),
                70..=79 => DateSpec::On(Point::Year { year }),
                80..=84 => DateSpec::On(Point::Part {
                    year,
                    part: [Part::Early, Part::Mid, Part::Late][rng.below(3)],
                }),
                85..=92 => DateSpec::Between(
                    Point::Month { year, month },
                    Point::Month {
                        year: year + rng.below(2) as i32,
                        month: 12,
                    },
                ),
                93..=96 => DateSpec::By(Point::Month { year, month }),
                _ => DateSpec::OrLater(Point::Day { year, month, day }),
            };
            super::model::Event {
                id: format!("synthetic-{k}"),
                title: format!("Synthetic event {k}"),
                date,
                sources: vec![(0, 0)],
                claims: Vec::new(),
                disagreement: None,
                actors: Vec::new(),
                note: None,
                publication: None,
            }
        })
        .collect();
    out.sort_by_key(|e| e.date.sort_key());
    out
}

/// The selections both benchmarks time, as a person would make them: actor filters in each
/// mode, with and without a search and a date range.
pub fn selections() -> Vec<super::view::View> {
    use super::date::parse_point;
    use super::filter::Role;
    use super::view::View;
    let year = |y: &str| parse_point(y).ok();
    let home = View::home();
    vec![
        home.choose_actor("paul-jennings"),
        home.choose_actor("nhs-england")
            .choose_actor("stopsim-coalition")
            .match_every()
            .with_role(Role::Said),
        home.with_query("data")
            .choose_actor("wessex-ahsn")
            .choose_actor("hampshire-constabulary")
            .with_role(Role::Mentioned),
        home.with_query("review").choose_actor("tim-kendall"),
        home.with_query("police")
            .with_range(year("2021"), year("2021")),
        home.with_query("high intensity")
            .choose_actor("paul-jennings")
            .with_range(year("2018"), None),
    ]
}

/// What a benchmark quote is made to be, and so what checking it should find.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// Words cut from a passage as they stand: word for word.
    Exact,
    /// The same with one word swapped for another word of the texts: close.
    Changed,
    /// One word more cut, then the middle one left out: close.
    LeftOut,
    /// Cut as they stand, then wrapped in curly quote marks, apostrophes swapped between
    /// straight and curly, hyphens made dashes, dashes put between words, spacing and case
    /// changed: still word for word, since the checker ignores all of these.
    Marks,
    /// Words drawn at random from the running text of random passages (common words as
    /// often as in the text), kept only when no passage holds 60% of them in any order:
    /// not in the texts.
    Absent,
}

impl QuoteKind {
    pub const ALL: [QuoteKind; 5] = [
        QuoteKind::Exact,
        QuoteKind::Changed,
        QuoteKind::LeftOut,
        QuoteKind::Marks,
        QuoteKind::Absent,
    ];

    /// A short name, for the benchmark's tables.
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Exact => "exact",
            QuoteKind::Changed => "changed",
            QuoteKind::LeftOut => "left out",
            QuoteKind::Marks => "marks",
            QuoteKind::Absent => "absent",
        }
    }
}

/// A quote to check, and how many words (separated by spaces, as a reader counts them) it
/// was made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub kind: QuoteKind,
    pub words: usize,
    pub text: String,
}

/// Quotes to check against `texts` (in `index`, built from them): for each length in
/// `lengths` (words), `per_length` of every kind, from passages picked by `seed`. A length
/// no passage is long enough for gets no quotes of the kinds cut from passages. Quotes lie
/// within one passage: "Check a quote" matches word for word only within a passage.
pub fn quotes(
    texts: &[String],
    index: &super::search::Index,
    lengths: &[usize],
    per_length: usize,
    seed: u64,
) -> Vec<Quote> {
    let mut rng = Rng::new(seed);
    let words: Vec<Vec<&str>> = texts
        .iter()
        .map(|t| t.split_whitespace().collect())
        .collect();
    // Only words that are one word to the tokeniser are changed, left out or put in: a
    // hyphenated pair would change or leave out two, a lone dash none.
    let single = |w: &str| super::normalize::tokenize(w).len() == 1;
    let mut counts = vec![0u16; index.passage_count()];
    let mut out = Vec::new();
    for &len in lengths {
        // Passages with a word to spare (left out takes one more).
        let long: Vec<usize> = (0..words.len()).filter(|&p| words[p].len() > len).collect();
        for _ in 0..per_length {
            if !long.is_empty() {
                let cut = |rng: &mut Rng, n: usize| -> Vec<&str> {
                    let p = long[rng.below(long.len())];
                    let start = rng.below(words[p].len() - n + 1);
                    words[p][start..start + n].to_vec()
                };
                let exact = cut(&mut rng, len);
                out.push(Quote {
                    kind: QuoteKind::Exact,
                    words: len,
                    text: exact.join(" "),
                });

                let mut changed = cut(&mut rng, len);
                if let Some(k) = middle_single(&changed, single) {
                    let was = super::normalize::words(changed[k]);
                    let other = (0..1000).find_map(|_| {
                        random_word(&words, &mut rng)
                            .filter(|w| single(w) && super::normalize::words(w) != was)
                    });
                    if let Some(other) = other {
                        changed[k] = other;
                        out.push(Quote {
                            kind: QuoteKind::Changed,
                            words: len,
                            text: changed.join(" "),
                        });
                    }
                }

                let mut left_out = cut(&mut rng, len + 1);
                if let Some(k) = middle_single(&left_out, single) {
                    left_out.remove(k);
                    out.push(Quote {
                        kind: QuoteKind::LeftOut,
                        words: len,
                        text: left_out.join(" "),
                    });
                }

                let marked = cut(&mut rng, len);
                out.push(Quote {
                    kind: QuoteKind::Marks,
                    words: len,
                    text: with_marks(&marked, &mut rng),
                });
            }

            // A third of the draws are rejected on the record, two thirds at 100,000
            // synthetic passages (short ones of common words); a length that finds none in
            // a thousand draws gets none.
            for _ in 0..1000 {
                let drawn: Vec<&str> = (0..len)
                    .filter_map(|_| random_word(&words, &mut rng))
                    .collect();
                let text = drawn.join(" ");
                if !could_be_close(index, &text, &mut counts) {
                    out.push(Quote {
                        kind: QuoteKind::Absent,
                        words: drawn.len(),
                        text,
                    });
                    break;
                }
            }
        }
    }
    out
}

/// A word at a random place in a random passage (`None` when that passage has no words):
/// words drawn this way come as often as they do in the running text.
fn random_word<'a>(words: &[Vec<&'a str>], rng: &mut Rng) -> Option<&'a str> {
    let passage = words.get(rng.below(words.len()))?;
    passage.get(rng.below(passage.len())).copied()
}

/// The position nearest the middle of `words` holding one word to the tokeniser.
fn middle_single(words: &[&str], single: impl Fn(&str) -> bool) -> Option<usize> {
    let mid = words.len() / 2;
    (0..words.len())
        .flat_map(|d| [mid + d, mid.wrapping_sub(d)])
        .find(|&k| words.get(k).is_some_and(|w| single(w)))
}

/// Whether some passage holds at least 60% of `text`'s words (as many times as the text
/// has them), in any order: an upper bound on the words an alignment with it can share,
/// so a text for which this is false cannot be close to any passage (60% is below
/// `verify::QUOTE_SHARE`), nor in one word for word. `counts` is scratch, one per passage.
fn could_be_close(index: &super::search::Index, text: &str, counts: &mut [u16]) -> bool {
    let words = super::normalize::words(text);
    let mut ids: Vec<u32> = words.iter().filter_map(|w| index.id(w)).collect();
    ids.sort_unstable();
    counts.fill(0);
    for run in ids.chunk_by(|a, b| a == b) {
        let times = run.len() as u16;
        for &(p, tf) in index.postings(run[0]) {
            counts[p as usize] += tf.min(times);
        }
    }
    // In whole numbers, so a passage at exactly 60% counts as close.
    let most = counts.iter().copied().max().unwrap_or(0) as usize;
    5 * most >= 3 * words.len()
}

/// `words` joined the way a quote copied from elsewhere may look: curly quote marks around
/// it, apostrophes and hyphens in other forms, a dash or extra space between some words,
/// some words in capitals or lower case. The tokeniser reads the same words from it.
fn with_marks(words: &[&str], rng: &mut Rng) -> String {
    let mut out = String::from("“");
    for (k, word) in words.iter().enumerate() {
        if k > 0 {
            out.push_str(match rng.below(8) {
                0 => " — ",
                1 => " – ",
                2 => "  ",
                3 => "\n",
                _ => " ",
            });
        }
        let word: String = word
            .chars()
            .map(|c| match c {
                '\'' => '’',
                '’' => '\'',
                '-' => '–',
                c => c,
            })
            .collect();
        out.push_str(&match rng.below(6) {
            0 => word.to_ascii_uppercase(),
            1 => word.to_ascii_lowercase(),
            _ => word,
        });
    }
    out.push('”');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_deterministic_and_realistic() {
        let a = passages(200, &["the", "police", "scheme"], 1000, 7);
        assert_eq!(a, passages(200, &["the", "police", "scheme"], 1000, 7));
        let words: usize = a.iter().map(|p| p.split_whitespace().count()).sum();
        let mean = words / a.len();
        assert!((50..=70).contains(&mean), "{mean}");
        assert!(a.iter().all(|p| p.ends_with('.')));
        assert_ne!(a, passages(200, &["the", "police", "scheme"], 1000, 8));
    }

    #[test]
    fn quotes_are_what_their_kind_says() {
        use crate::engine::search::Index;
        use crate::engine::verify::{check, Verdict, Wording};
        let common = [
            "the", "of", "and", "police", "scheme", "data", "patients", "a",
        ];
        let texts = passages(2000, &common, 3000, 11);
        let index = Index::new(texts.iter().map(String::as_str));
        let quotes = quotes(&texts, &index, &[5, 20, 60], 4, 3);
        assert_eq!(quotes, super::quotes(&texts, &index, &[5, 20, 60], 4, 3));
        for kind in QuoteKind::ALL {
            for len in [5, 20, 60] {
                let n = quotes
                    .iter()
                    .filter(|q| q.kind == kind && q.words == len)
                    .count();
                assert_eq!(n, 4, "{} of {len} words", kind.name());
            }
        }
        // What each kind promises by construction. A changed or left-out quote is close to
        // its passage, but whether the checker finds that passage among its candidates is
        // the checker's business, not the generator's: the benchmark counts those verdicts.
        let wording = Wording::new(&index, texts.iter().map(String::as_str), &[]);
        for q in &quotes {
            let expected = match q.kind {
                QuoteKind::Exact | QuoteKind::Marks => Verdict::Exact,
                QuoteKind::Absent => Verdict::NotFound,
                QuoteKind::Changed | QuoteKind::LeftOut => continue,
            };
            assert_eq!(
                check(&index, &wording, &q.text).verdict,
                expected,
                "{}: {}",
                q.kind.name(),
                q.text
            );
        }
    }
}
