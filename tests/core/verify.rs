//! Verifying a quote: word for word, close with the differences marked, or not in the
//! record; the alignment itself; cutting a huge paste.

use super::corpus::real_corpus;
use sim_explorer::engine::search::{CorpusIndex, Index};
use sim_explorer::engine::synthetic;
use sim_explorer::engine::verify::{align, check, cut, Step, Verdict, MAX_QUOTE_CHARS};
use std::sync::OnceLock;

const APOLOGY: &str = "Senior NHS executives had secured widespread backing for a document in \
which the organisation admitted its failings had harmed service-users who were subjected to \
the Serenity Integrated Mentoring (SIM) scheme.";

fn index() -> &'static CorpusIndex {
    static I: OnceLock<CorpusIndex> = OnceLock::new();
    I.get_or_init(|| CorpusIndex::new(&real_corpus()))
}

/// The text of the passage at an index position.
fn text_at(position: u32) -> String {
    let corpus = real_corpus();
    let (d, p) = index().passage_at(position as usize);
    corpus.documents[d].passages[p].text.clone()
}

#[test]
fn a_quote_word_for_word_is_found_ignoring_case_quote_marks_dashes_and_spacing() {
    let pasted = "“the organisation ADMITTED its failings   had harmed service users —”";
    let c = check(&index().index, pasted);
    assert_eq!(c.verdict, Verdict::Exact);
    assert_eq!(c.matches.len(), 1);
    let m = &c.matches[0];
    assert_eq!(m.differences(), 0);
    assert!(text_at(m.passage).contains("admitted its failings had harmed"));
    assert!(!c.cut);
}

#[test]
fn one_changed_word_is_close_with_the_change_marked() {
    let c = check(
        &index().index,
        "the organisation admitted its failings had hurt service-users",
    );
    assert_eq!(c.verdict, Verdict::Close);
    let m = &c.matches[0];
    assert!(text_at(m.passage).contains(APOLOGY));
    assert_eq!((m.changed_words(), m.missing(), m.added()), (1, 0, 0));
    // The changed word: "hurt" in the quote (word 6) where the passage has "harmed".
    let Some(&Step::Changed(q, p)) = m.steps.iter().find(|s| matches!(s, Step::Changed(..))) else {
        panic!("no changed word")
    };
    assert_eq!(&c.quote[c.words[q].0..c.words[q].1], "hurt");
    let spans = index().word_spans(m.passage as usize);
    let text = text_at(m.passage);
    assert_eq!(&text[spans[p].0 as usize..spans[p].1 as usize], "harmed");
}

#[test]
fn words_left_out_and_added_are_told_apart() {
    let c = check(
        &index().index,
        "NHS executives had secured very widespread backing for a document",
    );
    assert_eq!(c.verdict, Verdict::Close);
    let m = &c.matches[0];
    // "Senior" before the quote is outside it (free); "very" is added.
    assert_eq!((m.changed_words(), m.missing(), m.added()), (0, 0, 1));
    let c = check(
        &index().index,
        "NHS executives had secured backing for a document",
    );
    let m = &c.matches[0];
    assert_eq!((m.changed_words(), m.missing(), m.added()), (0, 1, 0));
    assert_eq!(c.verdict, Verdict::Close);
}

#[test]
fn a_made_up_quote_is_not_in_the_record() {
    let c = check(
        &index().index,
        "NHS England admitted SIM was a triumph and promised to expand it nationwide",
    );
    assert_eq!(c.verdict, Verdict::NotFound);
    let c = check(&index().index, "zebras quietly juggle marmalade");
    assert_eq!(c.verdict, Verdict::NotFound);
    assert!(c.matches.is_empty());
}

#[test]
fn nothing_to_check_is_empty_and_a_huge_paste_is_cut_at_a_space() {
    assert_eq!(check(&index().index, "  “—” ").verdict, Verdict::Empty);
    let huge = "word ".repeat(1000);
    let (kept, was_cut) = cut(&huge, MAX_QUOTE_CHARS);
    assert!(was_cut);
    assert!(kept.chars().count() <= MAX_QUOTE_CHARS);
    assert!(kept.ends_with("word"));
    let c = check(&index().index, &format!("{APOLOGY} {huge}"));
    assert!(c.cut);
    assert!(c.quote.len() <= MAX_QUOTE_CHARS);
    // Non-ASCII text is cut on a character boundary.
    let accents = "é".repeat(3000);
    let (kept, _) = cut(&accents, MAX_QUOTE_CHARS);
    assert_eq!(kept.chars().count(), MAX_QUOTE_CHARS);
}

#[test]
fn alignment_is_semi_global_and_costs_each_difference_once() {
    let q = |v: &[u32]| v.iter().map(|&t| Some(t)).collect::<Vec<_>>();
    // The quote inside a longer passage: free ends, all the same.
    let steps = align(&q(&[3, 4, 5]), &[1, 2, 3, 4, 5, 6]);
    assert_eq!(
        steps,
        vec![Step::Same(0, 2), Step::Same(1, 3), Step::Same(2, 4)]
    );
    // An unknown word (None) is a change, never the same.
    let steps = align(&[Some(3), None, Some(5)], &[3, 4, 5]);
    assert_eq!(steps[1], Step::Changed(1, 1));
    // Nothing shared: every quote word is added or changed, never matched.
    let steps = align(&q(&[7, 8]), &[1, 2]);
    assert!(steps.iter().all(|s| !matches!(s, Step::Same(..))));
}

#[test]
fn swapped_words_are_two_changes() {
    // The search forgives a swap of two letters as one edit; an alignment reports what each
    // word became, so two words swapped cost two differences, not one.
    let q = |v: &[u32]| v.iter().map(|&t| Some(t)).collect::<Vec<_>>();
    let table: [(&[u32], &[u32], usize); 3] = [
        (&[1, 2, 3, 4], &[1, 3, 2, 4], 2),
        (&[5, 1, 2, 6], &[9, 5, 2, 1, 6, 9], 2),
        (&[1, 2, 3], &[1, 2, 3], 0),
    ];
    for (quote, passage, differences) in table {
        let steps = align(&q(quote), passage);
        let found = steps
            .iter()
            .filter(|s| !matches!(s, Step::Same(..)))
            .count();
        assert_eq!(found, differences, "{quote:?} in {passage:?}: {steps:?}");
    }
}

#[test]
fn a_quote_found_in_many_places_lists_them_up_to_a_limit() {
    let texts: Vec<String> = (0..30).map(|i| format!("alpha beta gamma {i}")).collect();
    let index = Index::new(texts.iter().map(String::as_str));
    let c = check(&index, "Alpha beta");
    assert_eq!(c.verdict, Verdict::Exact);
    assert_eq!(c.matches.len(), 20);
    assert!(c.more);
}

/// `n` synthetic passages in the record's words (`rare` extra words), and their index.
fn synthetic_record(n: usize, rare: usize, seed: u64) -> (Vec<String>, Index) {
    let corpus = real_corpus();
    let texts = corpus
        .documents
        .iter()
        .flat_map(|d| d.passages.iter().map(|p| p.text.as_str()));
    let common = synthetic::words_by_frequency(texts);
    let common: Vec<&str> = common.iter().map(String::as_str).collect();
    let passages = synthetic::passages(n, &common, rare, seed);
    let index = Index::new(passages.iter().map(String::as_str));
    (passages, index)
}

/// At 100,000 synthetic passages a 40-word quote with two changed words: the time it takes
/// (`cargo test --release -- --ignored verify_at_scale --nocapture`).
#[test]
#[ignore]
fn verify_at_scale() {
    let (passages, index) = synthetic_record(100_000, 30_000, 42);
    let words: Vec<&str> = passages[777].split_whitespace().take(40).collect();
    let mut quote = words.clone();
    quote[10] = "elephant";
    quote[20] = "giraffe";
    let quote = quote.join(" ");
    let start = std::time::Instant::now();
    let c = check(&index, &quote);
    let took = start.elapsed();
    assert_eq!(c.verdict, Verdict::Close);
    assert_eq!(c.matches[0].passage, 777);
    println!("verify at 100,000 passages: {took:?}");
}

/// A quote with one word changed or left out finds its passage even when it is made of
/// common words that thousands of passages hold: the pool chosen by rarity is narrowed by
/// the quote's word pairs found side by side. Without that, 3 of 120 such quotes came back
/// "not in the record" at 100,000 synthetic passages.
#[test]
fn a_changed_quote_of_common_words_finds_its_passage_among_many() {
    use synthetic::QuoteKind;
    let (passages, index) = synthetic_record(20_000, 6_000, 7);
    let quotes = synthetic::quotes(&passages, &index, &[5, 8, 12], 20, 11);
    let mut tried = 0;
    let mut lost = Vec::new();
    for q in quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Changed | QuoteKind::LeftOut))
    {
        tried += 1;
        if check(&index, &q.text).verdict != Verdict::Close {
            lost.push(q.text.clone());
        }
    }
    assert!(tried >= 100, "{tried} quotes");
    assert!(
        lost.is_empty(),
        "{} of {tried} not found: {lost:?}",
        lost.len()
    );
}
