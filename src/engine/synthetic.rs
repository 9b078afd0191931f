//! A deterministic synthetic corpus for benchmarks: any number of passages of realistic
//! length, whose words follow Zipf's law over a vocabulary of real words (given) followed by
//! made-up rarer ones, so the index sees the common/rare mix of real text at any scale.

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
}
