//! Text primitives shared by the loader, the fidelity checks and (later) search: whitespace
//! folding and the short content hash that names a passage.

/// Folds every run of Unicode whitespace (spaces, tabs, line breaks, U+00A0) into one ASCII
/// space and trims both ends. Captures and corpus files differ in exactly this way and no
/// other, so comparisons "character for character" happen on folded text.
pub fn fold_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True for an id as the corpus writes them (documents, actors, events): lowercase letters,
/// digits and single hyphens, neither first nor last. Ids go into links unescaped.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The alphabet of passage keys: lowercase letters and digits without the look-alikes
/// `0 o 1 l`, so a key read aloud or copied by hand survives.
const KEY_ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";

/// Number of characters in a passage key: 6 characters of 5 bits = 30 bits, so two
/// passages collide with odds of about one in a billion per pair; the loader reports any
/// collision as a duplicate ID rather than trusting the odds.
pub const KEY_LEN: usize = 6;

/// FNV-1a, 64-bit: tiny, deterministic on every platform and every build, which is all a
/// stable name needs (it is not a security boundary).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The key of a passage: a hash of its document's id and its own folded text. It depends on
/// nothing else, so adding, removing, reordering or editing *other* paragraphs never changes
/// it; deep links keep working across corpus edits.
pub fn passage_key(doc_id: &str, folded_text: &str) -> String {
    let mut bytes = Vec::with_capacity(doc_id.len() + 1 + folded_text.len());
    bytes.extend_from_slice(doc_id.as_bytes());
    bytes.push(b'\n');
    bytes.extend_from_slice(folded_text.as_bytes());
    let mut hash = fnv1a(&bytes);
    // Mix the high bits down: FNV's low bits are the weakest.
    hash ^= hash >> 32;
    let mut key = String::with_capacity(KEY_LEN);
    for _ in 0..KEY_LEN {
        key.push(KEY_ALPHABET[(hash & 31) as usize] as char);
        hash >>= 5;
    }
    key
}

/// True for a well-formed passage key, so links can reject garbage before any lookup.
pub fn is_passage_key(key: &str) -> bool {
    key.len() == KEY_LEN && key.bytes().all(|b| KEY_ALPHABET.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_every_kind_of_whitespace() {
        assert_eq!(fold_whitespace("  a\u{a0} b\n\tc  "), "a b c");
        assert_eq!(fold_whitespace(""), "");
        assert_eq!(fold_whitespace(" \n "), "");
    }

    #[test]
    fn key_is_stable_and_well_formed() {
        let key = passage_key("doc", "Some text.");
        assert_eq!(key, passage_key("doc", "Some text."));
        assert!(is_passage_key(&key), "{key}");
        assert_ne!(key, passage_key("doc", "Some text!"));
        assert_ne!(key, passage_key("other-doc", "Some text."));
    }

    #[test]
    fn rejects_malformed_keys() {
        for bad in ["", "abc", "ABCDEF", "abcdefg", "abc-ef", "o0l1io"] {
            assert!(!is_passage_key(bad), "{bad}");
        }
    }
}
