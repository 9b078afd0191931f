//! What "Check a quote" knows of the record's wording beyond the search index: where each
//! passage's sentences begin, each word as the record spells it, the record's word families,
//! which words are function words, and British and American spellings. With these the check
//! tells a small edit (another form of a word, another common word) from a changed meaning
//! (another name, action or number, a "not" put in or left out).

use crate::engine::normalize::tokenize;
use crate::engine::search::Index;

const NO_FAMILY: u32 = u32::MAX;

/// Words whose change, addition or omission leaves what a sentence says standing: articles,
/// prepositions, conjunctions, pronouns, the auxiliaries of tense, the verbs of reporting and
/// a few adverbs of time and degree ("still", "ever", "very").
/// Sorted (a binary search). Quantifiers and modals ("every", "some", "must", "may") are not
/// here: changing one changes the claim.
const FUNCTION_WORDS: [&str; 82] = [
    "a", "about", "after", "already", "also", "am", "an", "and", "are", "as", "at", "be", "been",
    "before", "being", "but", "by", "did", "do", "does", "even", "ever", "for", "from", "had",
    "has", "have", "having", "he", "her", "here", "him", "his", "i", "in", "into", "is", "it",
    "its", "just", "me", "my", "now", "of", "on", "onto", "or", "our", "over", "really", "said",
    "say", "says", "she", "so", "still", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "through", "to", "up", "us", "very", "was", "we", "were", "what",
    "which", "who", "whom", "whose", "with", "you", "your",
];

/// Words that turn a statement into its opposite: put in, left out or changed, the quote
/// says something else, however few its other differences. Sorted.
const NEGATIONS: [&str; 25] = [
    "arent", "cannot", "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent",
    "isnt", "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "shouldnt",
    "wasnt", "werent", "without", "wont", "wouldnt",
];

/// The record's wording, as term ids of one `Index`.
pub struct Wording {
    /// Per passage: the positions of the words that begin its second, third… sentence.
    sentence_starts: Vec<Vec<u32>>,
    /// Per term: the word as the index normalised it.
    words: Vec<Box<str>>,
    /// Per term: the family it belongs to (`NO_FAMILY` if none), and the families.
    family_of: Vec<u32>,
    families: Vec<Vec<u32>>,
}

impl Wording {
    /// The wording of `texts`, the texts `index` was built from, in order; `families` are the
    /// record's word families (none for the benchmarks' synthetic text).
    pub fn new<'a>(
        index: &Index,
        texts: impl IntoIterator<Item = &'a str>,
        families: &[Vec<String>],
    ) -> Wording {
        let mut words: Vec<Box<str>> = vec![Box::from(""); index.vocabulary_len()];
        let mut sentence_starts = Vec::with_capacity(index.passage_count());
        for (p, text) in texts.into_iter().enumerate() {
            let tokens = tokenize(text);
            // The same tokeniser built the index: token k is the passage's term k.
            for (t, &term) in tokens.iter().zip(index.passage_terms(p as u32)) {
                if words[term as usize].is_empty() {
                    words[term as usize] = Box::from(t.norm.as_str());
                }
            }
            let starts = tokens
                .windows(2)
                .enumerate()
                .filter(|(_, w)| ends_sentence(&text[w[0].end..w[1].start]))
                .map(|(k, _)| k as u32 + 1)
                .collect();
            sentence_starts.push(starts);
        }
        let mut family_of = vec![NO_FAMILY; words.len()];
        let mut ids_of_families = Vec::new();
        for family in families {
            let ids: Vec<u32> = family.iter().filter_map(|w| index.id(w)).collect();
            if ids.len() < 2 {
                continue;
            }
            for &t in &ids {
                family_of[t as usize] = ids_of_families.len() as u32;
            }
            ids_of_families.push(ids);
        }
        Wording {
            sentence_starts,
            words,
            family_of,
            families: ids_of_families,
        }
    }

    /// The term and its other forms in the record.
    pub fn forms(&self, term: u32) -> impl Iterator<Item = u32> + '_ {
        let family: &[u32] = match self.family_of[term as usize] {
            NO_FAMILY => &[],
            f => &self.families[f as usize],
        };
        std::iter::once(term).chain(family.iter().copied().filter(move |&t| t != term))
    }

    /// The sentence of passage `passage` holding word `word`: (first word, one past the last).
    pub fn sentence(&self, passage: u32, word: usize, passage_len: usize) -> (usize, usize) {
        let starts = &self.sentence_starts[passage as usize];
        let k = starts.partition_point(|&s| s as usize <= word);
        let start = if k == 0 { 0 } else { starts[k - 1] as usize };
        let end = starts.get(k).map_or(passage_len, |&s| s as usize);
        (start, end)
    }

    /// The word of a term.
    pub fn word(&self, term: u32) -> &str {
        &self.words[term as usize]
    }

    /// Whether two words are forms of one word: one family of the record, or one beginning
    /// that is most of both ("admits", "admitted"; "continue", "continued").
    pub fn same_word(&self, a: (Option<u32>, &str), b: (Option<u32>, &str)) -> bool {
        if let (Some(x), Some(y)) = (a.0, b.0) {
            let f = self.family_of[x as usize];
            if f != NO_FAMILY && f == self.family_of[y as usize] {
                return true;
            }
        }
        let shared =
            a.1.chars()
                .zip(b.1.chars())
                .take_while(|(x, y)| x == y)
                .count();
        let longer = a.1.chars().count().max(b.1.chars().count());
        shared >= 4 && shared + 3 >= longer
    }
}

/// Whether the characters between two words end a sentence: a full stop, question or
/// exclamation mark followed by a space (closing quote marks between), or a colon that opens
/// a quotation ("He added: “All we…”": a quoter starts there). A stop with no space after it
/// is inside a number or an abbreviation.
fn ends_sentence(gap: &str) -> bool {
    let stop = gap
        .find(['.', '?', '!'])
        .is_some_and(|i| gap[i..].contains(char::is_whitespace));
    stop || (gap.contains(':') && gap.contains(['“', '"', '‘']))
}

/// Whether a word is a function word (and not a negation).
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.binary_search(&word).is_ok()
}

/// Whether a word turns a statement into its opposite.
pub fn is_negation(word: &str) -> bool {
    NEGATIONS.binary_search(&word).is_ok()
}

/// The other spellings of a word across the Atlantic, British first: "organization" →
/// "organisation", "behavior" → "behaviour", "program" → "programme", "trialed" →
/// "trialled". The check looks these up only for a quote word the record never uses.
pub fn other_spellings(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    // -ize, -ization, -izing, -ized, -izes, -izer; -yze likewise.
    for (us, uk) in [("iz", "is"), ("yz", "ys")] {
        if let Some(at) = word.rfind(us) {
            let rest = &word[at + 2..];
            if ["e", "es", "ed", "ing", "ation", "ations", "er", "ers"].contains(&rest) {
                out.push(format!("{}{uk}{rest}", &word[..at]));
            }
        }
    }
    // -or, -ors, -orist, -ored, -oring, -orism: behaviour, labour, colour, favour, honour.
    for rest in ["", "s", "ist", "ists", "ism", "ed", "ing", "al"] {
        if let Some(stem) = word.strip_suffix(&format!("or{rest}")) {
            if stem.len() >= 3 {
                out.push(format!("{stem}our{rest}"));
            }
        }
    }
    // -er for -re (center, theater); program, programs; -led, -ling (trialed, traveling).
    if let Some(stem) = word.strip_suffix("er") {
        out.push(format!("{stem}re"));
    }
    if let Some(stem) = word.strip_suffix("ers") {
        out.push(format!("{stem}res"));
    }
    match word {
        "program" => out.push("programme".to_string()),
        "programs" => out.push("programmes".to_string()),
        _ => {}
    }
    for rest in ["ed", "ing", "er", "ers"] {
        if let Some(stem) = word.strip_suffix(&format!("l{rest}")) {
            if stem.ends_with(|c: char| "aeiou".contains(c)) {
                out.push(format!("{stem}ll{rest}"));
            }
        }
    }
    // -ense for -ence (defense, offense, license).
    if let Some(stem) = word.strip_suffix("ense") {
        out.push(format!("{stem}ence"));
    }
    out
}
