//! Verifying a quote: word for word, close with the differences marked, or not in the
//! record; the alignment itself; cutting a huge paste.

use super::corpus::real_corpus;
use sim_explorer::engine::search::{CorpusIndex, Index};
use sim_explorer::engine::synthetic;
use sim_explorer::engine::verify::{
    align, check as check_in, cut, Check, Step, Verdict, Wording, MAX_QUOTE_CHARS,
};
use std::sync::OnceLock;

const APOLOGY: &str = "Senior NHS executives had secured widespread backing for a document in \
which the organisation admitted its failings had harmed service-users who were subjected to \
the Serenity Integrated Mentoring (SIM) scheme.";

fn index() -> &'static CorpusIndex {
    static I: OnceLock<CorpusIndex> = OnceLock::new();
    I.get_or_init(|| CorpusIndex::new(&real_corpus()))
}

/// The record's wording, as the page builds it.
fn wording() -> &'static Wording {
    static W: OnceLock<Wording> = OnceLock::new();
    W.get_or_init(|| {
        let corpus = real_corpus();
        let texts = corpus
            .documents
            .iter()
            .flat_map(|d| d.passages.iter().map(|p| p.text.as_str()));
        Wording::new(&index().index, texts, &corpus.families)
    })
}

/// Checks a quote against the record.
fn check(quote: &str) -> Check {
    check_in(&index().index, wording(), quote)
}

/// Checks a quote against synthetic passages (`texts`, indexed in `index`).
fn check_synthetic(index: &Index, texts: &[String], quote: &str) -> Check {
    let wording = Wording::new(index, texts.iter().map(String::as_str), &[]);
    check_in(index, &wording, quote)
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
    let c = check(pasted);
    assert_eq!(c.verdict, Verdict::Exact);
    assert_eq!(c.matches.len(), 1);
    let m = &c.matches[0];
    assert_eq!(m.differences(), 0);
    assert!(text_at(m.passage).contains("admitted its failings had harmed"));
    assert!(!c.cut);
}

/// The changed word of the first place: (the quote's, the record's).
fn changed_pair(c: &Check) -> (String, String) {
    let m = &c.matches[0];
    let Some(&Step::Changed(q, p)) = m.steps.iter().find(|s| matches!(s, Step::Changed(..))) else {
        panic!("no changed word")
    };
    let spans = index().word_spans(m.passage as usize);
    let text = text_at(m.passage);
    (
        c.quote[c.words[q].0..c.words[q].1].to_string(),
        text[spans[p].0 as usize..spans[p].1 as usize].to_string(),
    )
}

#[test]
fn one_changed_word_is_close_with_the_change_marked() {
    // "have" for "had": another common word, the sentence otherwise whole.
    let c = check(&APOLOGY.replace("had secured", "have secured"));
    assert_eq!(c.verdict, Verdict::Close);
    let m = &c.matches[0];
    assert!(text_at(m.passage).contains(APOLOGY));
    assert_eq!((m.changed_words(), m.missing(), m.added()), (1, 0, 0));
    assert_eq!(changed_pair(&c), ("have".into(), "had".into()));
}

/// Issue 24: one content word changed ("hurt" for "harmed") in a fragment of a sentence is
/// not vouched for: it is not in the record, and its nearest wording is the sentence, with
/// the change marked.
#[test]
fn a_changed_content_word_in_a_fragment_is_not_in_the_record_but_shown_nearest() {
    let c = check("the organisation admitted its failings had hurt service-users");
    assert_eq!(c.verdict, Verdict::NotFound);
    let m = &c.matches[0];
    assert!(text_at(m.passage).contains(APOLOGY));
    assert_eq!((m.changed_words(), m.missing(), m.added()), (1, 0, 0));
    assert_eq!(changed_pair(&c), ("hurt".into(), "harmed".into()));
}

#[test]
fn words_left_out_and_added_are_told_apart() {
    let c = check(&APOLOGY.replace("widespread", "very widespread"));
    assert_eq!(c.verdict, Verdict::Close);
    let m = &c.matches[0];
    assert_eq!((m.changed_words(), m.missing(), m.added()), (0, 0, 1));
    let c = check(&APOLOGY.replace("widespread ", ""));
    let m = &c.matches[0];
    assert_eq!((m.changed_words(), m.missing(), m.added()), (0, 1, 0));
    assert_eq!(c.verdict, Verdict::Close);
    // Words left out where the quote marks an elision are no difference.
    let c = check("Senior NHS executives had secured widespread backing … the Serenity Integrated Mentoring (SIM) scheme.");
    let m = &c.matches[0];
    assert_eq!(c.verdict, Verdict::Close);
    assert_eq!((m.differences(), m.elided()), (0, 18));
}

/// Issue 24: "a not left out" and "another name" are changes of meaning however small the
/// rest; another spelling is no change at all.
#[test]
fn a_negation_or_a_name_changed_alters_what_is_said_a_spelling_does_not() {
    let sentence = "“In endorsing and facilitating the rollout of SIM without sufficient scrutiny and critical evaluation to identify concerns with the model, as outlined in this document, NHS England did not meet this responsibility.";
    assert_eq!(check(sentence).verdict, Verdict::Exact);
    let c = check(&sentence.replace("did not meet", "did meet"));
    assert_eq!(c.verdict, Verdict::NotFound);
    assert!(c.matches[0].fit.altered);
    let c = check(&APOLOGY.replace("Senior NHS", "Senior StopSIM"));
    assert_eq!(c.verdict, Verdict::NotFound);
    let c = check(&APOLOGY.replace("organisation", "organization"));
    assert_eq!(c.verdict, Verdict::Exact);
}

#[test]
fn a_made_up_quote_is_not_in_the_record() {
    let c = check("NHS England admitted SIM was a triumph and promised to expand it nationwide");
    assert_eq!(c.verdict, Verdict::NotFound);
    let c = check("zebras quietly juggle marmalade");
    assert_eq!(c.verdict, Verdict::NotFound);
    assert!(c.matches.is_empty());
}

#[test]
fn nothing_to_check_is_empty_and_a_huge_paste_is_cut_at_a_space() {
    assert_eq!(check("  “—” ").verdict, Verdict::Empty);
    let huge = "word ".repeat(1000);
    let (kept, was_cut) = cut(&huge, MAX_QUOTE_CHARS);
    assert!(was_cut);
    assert!(kept.chars().count() <= MAX_QUOTE_CHARS);
    assert!(kept.ends_with("word"));
    let c = check(&format!("{APOLOGY} {huge}"));
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
    let none = [false; 3];
    let steps = align(&q(&[3, 4, 5]), &none, &[1, 2, 3, 4, 5, 6]);
    assert_eq!(
        steps,
        vec![Step::Same(0, 2), Step::Same(1, 3), Step::Same(2, 4)]
    );
    // An unknown word (None) is a change, never the same.
    let steps = align(&[Some(3), None, Some(5)], &none, &[3, 4, 5]);
    assert_eq!(steps[1], Step::Changed(1, 1));
    // Nothing shared: every quote word is added or changed, never matched.
    let steps = align(&q(&[7, 8]), &none, &[1, 2]);
    assert!(steps.iter().all(|s| !matches!(s, Step::Same(..))));
    // An elision marked before the quote's second word: the passage words it stands for
    // are elided, free; unmarked, the same words are left out, each a difference.
    let steps = align(&q(&[1, 5]), &[false, true], &[1, 2, 3, 4, 5]);
    assert_eq!(
        steps,
        vec![
            Step::Same(0, 0),
            Step::Elided(1),
            Step::Elided(2),
            Step::Elided(3),
            Step::Same(1, 4)
        ]
    );
    // Unmarked, nothing is elided: one word of the quote is added rather than three left out.
    let steps = align(&q(&[1, 5]), &[false, false], &[1, 2, 3, 4, 5]);
    assert!(!steps.iter().any(|s| matches!(s, Step::Elided(_))));
    assert_eq!(
        steps
            .iter()
            .filter(|s| !matches!(s, Step::Same(..)))
            .count(),
        1
    );
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
        let steps = align(&q(quote), &vec![false; quote.len()], passage);
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
    let c = check_synthetic(&index, &texts, "Alpha beta");
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

/// At 100,000 synthetic passages a 40-word quote with a word left out (close) and one with
/// two made-up words (not in the record, its passage the nearest wording): the time each
/// takes (`cargo test --release --test core -- --ignored verify_at_scale --nocapture`).
#[test]
#[ignore]
fn verify_at_scale() {
    let (passages, index) = synthetic_record(100_000, 30_000, 42);
    let wording = Wording::new(&index, passages.iter().map(String::as_str), &[]);
    let words: Vec<&str> = passages[777].split_whitespace().take(41).collect();
    let mut left_out = words.clone();
    left_out.remove(20);
    let mut made_up = words[..40].to_vec();
    made_up[10] = "elephant";
    made_up[20] = "giraffe";
    for (quote, verdict) in [(left_out, Verdict::Close), (made_up, Verdict::NotFound)] {
        let quote = quote.join(" ");
        let start = std::time::Instant::now();
        let c = check_in(&index, &wording, &quote);
        let took = start.elapsed();
        assert_eq!(c.verdict, verdict);
        assert_eq!(c.matches[0].passage, 777);
        println!("verify at 100,000 passages ({verdict:?}): {took:?}");
    }
    // The labelled set on the record: each quote's median of 21 checks; p50 and p95 over
    // the quotes.
    let mut times: Vec<f64> = labelled()
        .iter()
        .map(|l| {
            let mut runs: Vec<f64> = (0..21)
                .map(|_| {
                    let start = std::time::Instant::now();
                    std::hint::black_box(check(&l.text));
                    start.elapsed().as_secs_f64() * 1e3
                })
                .collect();
            runs.sort_by(f64::total_cmp);
            runs[10]
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "labelled set on the record ({} quotes): p50 {:.3} ms, p95 {:.3} ms",
        times.len(),
        at(0.5),
        at(0.95)
    );
}

/// A quote with one word changed or left out finds its passage even when it is made of
/// common words that thousands of passages hold: the pool chosen by rarity is narrowed by
/// the quote's word pairs found side by side. Without that, 3 of 120 such quotes came back
/// "not in the record" at 100,000 synthetic passages. These are runs cut anywhere in a
/// passage, not sentences, and a word changed at random changes what they say, so the
/// verdict is often "not in the record"; the first place shown is then their passage, or
/// another repeating at least 80% of the quote. Two of the 120, five of the commonest words
/// ("The the. that system show"), miss their passage among the candidates today.
#[test]
fn a_changed_quote_of_common_words_finds_its_passage_among_many() {
    use synthetic::QuoteKind;
    let (passages, index) = synthetic_record(20_000, 6_000, 7);
    let wording = Wording::new(&index, passages.iter().map(String::as_str), &[]);
    let quotes = synthetic::quotes(&passages, &index, &[5, 8, 12], 20, 11);
    let mut tried = 0;
    let mut lost = Vec::new();
    for q in quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Changed | QuoteKind::LeftOut))
    {
        tried += 1;
        let c = check_in(&index, &wording, &q.text);
        if c.matches.first().is_none_or(|m| m.differences() > 1) {
            lost.push(q.text.clone());
        }
    }
    assert!(tried >= 100, "{tried} quotes");
    assert!(
        lost.len() <= 2,
        "{} of {tried} not found: {lost:?}",
        lost.len()
    );
}

/// One line of `tests/fixtures/quotes.tsv`.
struct Labelled {
    near: bool,
    doc: String,
    edit: String,
    text: String,
}

fn labelled() -> Vec<Labelled> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/quotes.tsv");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "{l}");
            Labelled {
                near: f[0] == "near",
                doc: f[1].to_string(),
                edit: f[2].to_string(),
                text: f[3].to_string(),
            }
        })
        .collect()
}

/// Issue 24: on the labelled set no false claim is called "in the record" (word for word
/// or with N words changed); at least 85% of the true near-quotes are, each aligned to a
/// sentence of its own document. Prints every verdict with the alignment's shares, and the
/// precision and recall (`cargo test --test core labelled -- --nocapture`).
#[test]
fn the_labelled_quotes_never_vouch_for_a_false_claim() {
    let corpus = real_corpus();
    let set = labelled();
    let (near, claims): (Vec<&Labelled>, Vec<&Labelled>) = set.iter().partition(|l| l.near);
    assert!(near.len() >= 40 && claims.len() >= 40);
    let docs: std::collections::BTreeSet<&str> = set.iter().map(|l| l.doc.as_str()).collect();
    assert_eq!(docs.len(), corpus.documents.len(), "every document");
    let mut vouched = 0;
    // The shares that chose the thresholds: the least of the near-quotes called close, the
    // most of the false claims whose differences change no meaning.
    let (mut near_least, mut false_most) = ((1f64, 1f64), (0f64, 0f64));
    let mut wrongly = Vec::new();
    let mut misplaced = Vec::new();
    for l in &set {
        let c = check(&l.text);
        let in_record = matches!(c.verdict, Verdict::Exact | Verdict::Close);
        let fit = c.matches.first().map(|m| m.fit).unwrap_or_default();
        println!(
            "{:5} {:9} quote {:.2} sentence {:.2} altered {:5} {:28} {}",
            if l.near { "near" } else { "false" },
            format!("{:?}", c.verdict),
            fit.of_quote,
            fit.of_sentence,
            fit.altered,
            l.edit,
            l.text
        );
        if l.near && c.verdict == Verdict::Close {
            near_least = (
                near_least.0.min(fit.of_quote),
                near_least.1.min(fit.of_sentence),
            );
        }
        if !l.near && !fit.altered {
            false_most = (
                false_most.0.max(fit.of_quote),
                false_most.1.max(fit.of_sentence),
            );
        }
        if in_record && !l.near {
            wrongly.push(l.text.as_str());
        }
        if in_record && l.near {
            vouched += 1;
            let (d, _) = index().passage_at(c.matches[0].passage as usize);
            if corpus.documents[d].id != l.doc {
                misplaced.push(l.text.as_str());
            }
        }
    }
    let recall = vouched as f64 / near.len() as f64;
    let precision = vouched as f64 / (vouched + wrongly.len()).max(1) as f64;
    println!(
        "labelled set: {} near-quotes, {} false claims; precision {precision:.3}, recall {recall:.3} ({vouched} of {})",
        near.len(),
        claims.len(),
        near.len()
    );
    println!(
        "shares of quote and sentence: near-quotes called close at least {:.2} and {:.2}; false claims that change no meaning at most {:.2} and {:.2}",
        near_least.0, near_least.1, false_most.0, false_most.1
    );
    assert!(wrongly.is_empty(), "false claims vouched for: {wrongly:?}");
    assert!(
        misplaced.is_empty(),
        "aligned to another document: {misplaced:?}"
    );
    assert!(recall >= 0.85, "recall {recall:.3}");
}

/// Issue 24: the two claims seen vouched for are not in the record, and the nearest wording
/// holds the paragraph that speaks to them: the 2023 report's apology "in a co-produced
/// document it has refused to publish".
#[test]
fn the_claims_of_issue_24_are_not_in_the_record_and_meet_the_apology() {
    for claim in [
        "NHS England published the apology",
        "NHS England apologised for SIM and published the apology",
    ] {
        let c = check(claim);
        assert_eq!(c.verdict, Verdict::NotFound, "{claim}");
        assert!(
            c.matches.iter().any(|m| text_at(m.passage)
                .contains("in a co-produced document it has refused to publish")),
            "{claim}: {:?}",
            c.matches
                .iter()
                .map(|m| text_at(m.passage))
                .collect::<Vec<_>>()
        );
    }
}
