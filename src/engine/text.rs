//! Text primitives shared by the loader, the fidelity checks, search and "Check a quote":
//! whitespace folding, the short content hash that names a passage, and the one edit
//! distance (letters of a misspelt word, words of a misquoted passage).

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

/// What swapping two neighbours (letters or words) costs in an edit distance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swap {
    /// One edit (Damerau's optimal string alignment): "psychiatirsts" is one edit from
    /// "psychiatrists", as a typist sees it.
    OneEdit,
    /// Two edits, one change each (Levenshtein): what an alignment that reports every step
    /// as the same, changed, left out or added needs.
    TwoEdits,
}

/// Row `i` (1-based) of an edit-distance table between a sequence `a` (the rows) and a
/// sequence `b` (the columns, `cur.len() - 1` of them): `cur[j]` becomes the cost of
/// `a[..i]` against `b[..j]`, from the row before (`prev`) and the one before that
/// (`prev2`, read only for swaps). Each change, deletion and insertion costs one; `same(x,
/// y)` says whether `a[x]` and `b[y]` are equal. The caller sets row 0 and `cur[0]`, which
/// decide what is free (a word of `b` before the match, for an alignment). Returns the
/// row's least cost, so a caller with a budget stops as soon as a whole row exceeds it.
/// The one edit-distance rule: search's typo tolerance and the quote check both use it.
pub fn edit_row(
    i: usize,
    same: impl Fn(usize, usize) -> bool,
    rows: (&[u32], &[u32]),
    cur: &mut [u32],
    swap: Swap,
) -> u32 {
    let (prev2, prev) = rows;
    let mut row_min = cur[0];
    for j in 1..cur.len() {
        let cost = u32::from(!same(i - 1, j - 1));
        let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        if swap == Swap::OneEdit && i > 1 && j > 1 && same(i - 1, j - 2) && same(i - 2, j - 1) {
            v = v.min(prev2[j - 2] + 1);
        }
        cur[j] = v;
        row_min = row_min.min(v);
    }
    row_min
}

/// Longest sequence (in letters) `distances_to_prefixes` takes: keeps its rows on the stack.
pub const MAX_EDIT_LEN: usize = 48;

/// Fills `last[j]` with the edit distance (a swap one edit) from `a` to `b[..j]`, for every
/// `j`, on the stack. Returns false (and leaves `last` meaningless) when every distance
/// exceeds `max`, which it detects as soon as a whole row does, or when a sequence is
/// longer than `MAX_EDIT_LEN`.
pub fn distances_to_prefixes<T: PartialEq>(
    a: &[T],
    b: &[T],
    max: usize,
    last: &mut [u32; MAX_EDIT_LEN + 1],
) -> bool {
    if a.len() > MAX_EDIT_LEN || b.len() > MAX_EDIT_LEN {
        return false;
    }
    let w = b.len() + 1;
    let mut prev2 = [0u32; MAX_EDIT_LEN + 1];
    let mut prev = [0u32; MAX_EDIT_LEN + 1];
    let mut cur = [0u32; MAX_EDIT_LEN + 1];
    for (j, v) in prev.iter_mut().enumerate().take(w) {
        *v = j as u32;
    }
    for i in 1..=a.len() {
        cur[0] = i as u32;
        let same = |x: usize, y: usize| a[x] == b[y];
        let row_min = edit_row(
            i,
            same,
            (&prev2[..w], &prev[..w]),
            &mut cur[..w],
            Swap::OneEdit,
        );
        if row_min as usize > max {
            return false;
        }
        prev2 = prev;
        prev = cur;
    }
    last[..w].copy_from_slice(&prev[..w]);
    true
}

/// The edit distance from `a` to `b`, a swap of neighbours one edit, or `None` when it
/// exceeds `max` (or a sequence is longer than `MAX_EDIT_LEN`).
pub fn edit_distance<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    let mut row = [0u32; MAX_EDIT_LEN + 1];
    if a.len().abs_diff(b.len()) > max || !distances_to_prefixes(a, b, max, &mut row) {
        return None;
    }
    let d = row[b.len()] as usize;
    (d <= max).then_some(d)
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
