//! Numbers however people write them: digits with or without separators (the tokenizer
//! already reads "63,000" as "63000"), abbreviated ("63k", "£3m", "2bn"), in words ("six",
//! "fourteen", "ninety") or with a word for the multiple ("63 thousand", "3 million"). A
//! query word that is a number stands for every way the record may write its value: the
//! digits, and the word for it where English has one.

/// Numbers English writes as one word, by value (the tens follow the teens).
const WORDS: [(&str, u64); 28] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Words and abbreviations for a multiple, alone ("63 thousand") or after digits ("63k").
const MULTIPLES: [(&str, u64); 8] = [
    ("hundred", 100),
    ("thousand", 1_000),
    ("k", 1_000),
    ("million", 1_000_000),
    ("mn", 1_000_000),
    ("m", 1_000_000),
    ("billion", 1_000_000_000),
    ("bn", 1_000_000_000),
];

/// Longest run of digits read as a number: longer ones are identifiers, not amounts.
const MAX_DIGITS: usize = 15;

/// The value a normalised word writes, if it is a number: "63000", "63k", "3m", "six".
pub(super) fn value(word: &str) -> Option<u64> {
    if let Some(&(_, v)) = WORDS.iter().find(|(w, _)| *w == word) {
        return Some(v);
    }
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > MAX_DIGITS {
        return None;
    }
    let n: u64 = word[..digits].parse().ok()?;
    match &word[digits..] {
        "" => Some(n),
        suffix => n.checked_mul(multiple(suffix)?),
    }
}

/// The multiple a word stands for after a number ("thousand", "k", "million").
pub(super) fn multiple(word: &str) -> Option<u64> {
    MULTIPLES.iter().find(|(w, _)| *w == word).map(|&(_, m)| m)
}

/// Every way the record may write a value as one word: its digits, and its English word
/// where it has one.
pub(super) fn forms(value: u64) -> Vec<String> {
    let mut out = vec![value.to_string()];
    out.extend(
        WORDS
            .iter()
            .filter(|(_, v)| *v == value)
            .map(|(w, _)| (*w).to_string()),
    );
    out
}
