//! Search on the real corpus, data-driven: `query -> the passages it must find`. Expected
//! passages are named by words of their text, so a test reads like what a person checks.
//! The index is built as the page builds it (`CorpusIndex::new` over the corpus the build
//! assembles, word families included). Each stage also has its own table tests beside
//! this file, on small texts whose every match can be named.

mod expansion;
mod index;
mod meaning;
mod pinned;
mod query;
mod ranking;
mod snippets;

use super::corpus::real_corpus;
use sim_explorer::engine::model::Corpus;
use sim_explorer::engine::search::{
    replace_word, snippet, CorpusIndex, Index, Query, Segment, MAX_QUERY_CHARS,
};
use std::sync::OnceLock;

struct Fixture {
    corpus: Corpus,
    /// The page's own search: `compiled::search_index` is `CorpusIndex::new(corpus())`.
    search: CorpusIndex,
    /// (document id, passage text) by index position.
    passages: Vec<(String, String)>,
}

impl Fixture {
    /// The passages' index, families included.
    fn index(&self) -> &Index {
        &self.search.index
    }
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let corpus = real_corpus();
        assert!(
            !corpus.families.is_empty(),
            "the corpus has no word families"
        );
        let passages: Vec<(String, String)> = corpus
            .documents
            .iter()
            .flat_map(|d| d.passages.iter().map(|p| (d.id.clone(), p.text.clone())))
            .collect();
        Fixture {
            search: CorpusIndex::new(&corpus),
            corpus,
            passages,
        }
    })
}

/// The texts of the top `k` results.
fn top(query: &str, k: usize) -> Vec<&'static str> {
    let f = fixture();
    f.index()
        .search(&Query::parse(query), k)
        .hits
        .iter()
        .map(|h| f.passages[h.passage as usize].1.as_str())
        .collect()
}

/// Every word highlighted in the top 20 results, lowercased.
fn marked_words(query: &str) -> Vec<String> {
    let f = fixture();
    let query = Query::parse(query);
    let plan = f.index().plan(&query);
    let mut words: Vec<String> = Vec::new();
    for hit in f.index().search(&query, 20).hits {
        let text = &f.passages[hit.passage as usize].1;
        for (s, e) in f.index().highlights(&plan, hit.passage, text) {
            words.push(text[s..e].to_lowercase());
        }
    }
    words.sort();
    words.dedup();
    words
}

fn total(query: &str) -> usize {
    fixture().index().search(&Query::parse(query), 10).total
}

/// Every expected fragment is in one of the top 5 results.
fn check(query: &str, expected: &[&str]) {
    let found = top(query, 5);
    for fragment in expected {
        assert!(
            found.iter().any(|t| t.contains(fragment)),
            "{query:?} should find {fragment:?} in its top 5, found:\n{found:#?}"
        );
    }
}

/// Each of the top 5 results holds `fragment`.
fn check_all(query: &str, fragment: &str) {
    let found = top(query, 5);
    assert!(!found.is_empty(), "{query:?} found nothing");
    for t in &found {
        assert!(t.contains(fragment), "{query:?}: {t:?} lacks {fragment:?}");
    }
}

/// The first result holds `fragment`.
fn check_first(query: &str, fragment: &str) {
    let found = top(query, 1);
    assert!(
        found.first().is_some_and(|t| t.contains(fragment)),
        "{query:?} should rank {fragment:?} first, found {found:?}"
    );
}

#[test]
fn corpus_fixture_is_whole() {
    let f = fixture();
    assert_eq!(f.index().passage_count(), f.corpus.passage_count());
}

#[test]
fn finds_misspelt_words() {
    check_all("Jenings", "Jennings");
    check(
        "psychiatirsts",
        &["the Royal College of Psychiatrists (RCP) backed"],
    );
    check_all("Serenety", "Serenity");
    check_all("Wesex", "Wessex");
    check("Kendal", &["Tim Kendall, writing to mental health trusts"]);
    check(
        "Hampshyre constibulary",
        &["A freedom of information request to Hampshire constabulary"],
    );
    check("coersion", &["based on coercion and denial"]);
    check(
        "Jennigns",
        &["Jennings said he would “totally and utterly welcome”"],
    );
}

#[test]
fn normalises_like_the_index() {
    check("63000", &["Over 63,000 members of the public"]);
    check("63,000", &["Over 63,000 members of the public"]);
    check("Jennings’s", &["Paul Jennings"]);
    check("jennings's", &["Paul Jennings"]);
    check("WESSEX", &["Wessex AHSN"]);
    check("wéssex", &["Wessex AHSN"]);
    check("NHS England's", &["NHS England"]);
    check("s136", &["two s136 detentions within 12 months"]);
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    check("Kend", &["Tim Kendall"]);
    check("psychiat", &["Royal College of Psychiatrists"]);
    check(
        "Royal College of Psych",
        &["Royal College of Psychiatrists"],
    );
    // Finished words (followed by a space) are not prefixes.
    assert!(!marked_words("Kend ").contains(&"kendall".to_string()));
    assert!(marked_words("Kend").contains(&"kendall".to_string()));
}

#[test]
fn quoted_phrases_match_in_order() {
    check(
        "\"high intensity users\"",
        &["“high intensity users” of emergency services"],
    );
    assert_eq!(total("\"users intensity high\""), 0);
    // A phrase and a word together.
    check_first(
        "“independent review” totally",
        "Jennings said he would “totally and utterly welcome” an independent review of SIM.",
    );
    // An open quote is a phrase still being typed.
    check("\"Innovation Accel", &["NHS Innovation Accelerator"]);
    // Hyphenated words are phrases: "self-harm" finds "self-harm", not "self" and "harm" apart.
    let self_harm = top("self-harm", 50);
    assert!(!self_harm.is_empty());
    assert!(self_harm
        .iter()
        .all(|t| t.to_lowercase().contains("self-harm") || t.to_lowercase().contains("self harm")));
}

#[test]
fn ranking_prefers_exact_matches_and_whole_queries() {
    // Exact "Kendall" outranks nothing-but-fuzzy passages.
    check_first("Kendall", "Kendall");
    // Every word of the query together beats one word repeated.
    let both = top("Wessex legal", 2);
    assert!(
        both.iter()
            .all(|t| t.contains("Wessex") && t.contains("legal")),
        "{both:?}"
    );
    check_first("63,000 members", "Over 63,000 members of the public");
    // When no passage has every word, passages with some of them are still found.
    let r = fixture().index().search(&Query::parse("Wessex zzqqxx"), 5);
    assert!(!r.all_clauses);
    assert!(r.total > 0);
}

#[test]
fn no_results_offers_the_closest_words() {
    let r = fixture().index().search(&Query::parse("Pxulx"), 5);
    assert_eq!(r.total, 0);
    let words: Vec<&str> = r
        .suggestions
        .iter()
        .map(|s| s.replacement.as_str())
        .collect();
    assert!(words.contains(&"paul"), "{words:?}");
    assert_eq!(r.suggestions[0].word, "pxulx");
    assert_eq!(
        replace_word("Tim Pxulx’s “words”", "pxulx", "paul"),
        "Tim paul “words”"
    );
    assert_eq!(replace_word("abc", "zzz", "paul"), "abc paul");
}

#[test]
fn any_input_is_safe() {
    let huge = "Jennings ".repeat(20_000);
    let weird = [
        "",
        "   ",
        "!!!???...",
        "\u{0}\u{1}\u{7}\u{1b}[31m",
        "🙂🙂 SIM 🙂",
        "עברית العربية SIM",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        ".*+?^${}()|[]\\",
        "\"\"\"\"",
        "\"",
        "“",
        "-",
        "--self--harm--",
        "'s",
        "’",
        huge.as_str(),
    ];
    for q in weird {
        let query = Query::parse(q);
        let r = fixture().index().search(&query, 10);
        assert!(r.hits.len() <= 10);
        assert_eq!(
            query.truncated,
            q.chars().count() > MAX_QUERY_CHARS,
            "{:.40}",
            q
        );
    }
    assert!(Query::parse("").is_empty());
    assert!(Query::parse("<script>alert(1)</script>").clauses.len() <= 3);
}

#[test]
fn highlights_every_match_and_snippets_around_them() {
    let f = fixture();
    let query = Query::parse("Jennings police");
    let plan = f.index().plan(&query);
    let r = f.index().search(&query, 3);
    let hit = &r.hits[0];
    let text = &f.passages[hit.passage as usize].1;
    let ranges = f.index().highlights(&plan, hit.passage, text);
    let marked: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
    assert!(
        marked.iter().any(|m| m.eq_ignore_ascii_case("jennings")),
        "{marked:?}"
    );
    assert!(
        marked.iter().any(|m| m.eq_ignore_ascii_case("police")),
        "{marked:?}"
    );

    // Snippets keep the text verbatim and mark only what matched.
    let text = "one two three Jennings four five six police seven";
    let ranges = [(14, 22), (37, 43)];
    let segments = snippet(text, &ranges, 500);
    let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(joined, text);
    let marks: Vec<&str> = segments
        .iter()
        .filter(|s| s.mark)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(marks, ["Jennings", "police"]);

    // A long passage is cut around its matches, at word boundaries, with ellipses.
    let long = format!(
        "{} Jennings said {}",
        "word ".repeat(100),
        "more ".repeat(100)
    );
    let at = long.find("Jennings").unwrap();
    let segments = snippet(&long, &[(at, at + 8)], 120);
    assert_eq!(segments.first().map(|s| s.text.as_str()), Some("…"));
    assert_eq!(segments.last().map(|s| s.text.as_str()), Some("…"));
    assert!(segments.contains(&Segment {
        text: "Jennings".into(),
        mark: true
    }));
    let chars: usize = segments.iter().map(|s| s.text.chars().count()).sum();
    assert!(chars <= 124, "{chars}");
}

#[test]
fn phrase_highlights_cover_the_whole_phrase() {
    let f = fixture();
    let query = Query::parse("\"high intensity users\"");
    let plan = f.index().plan(&query);
    let r = f.index().search(&query, 1);
    let text = &f.passages[r.hits[0].passage as usize].1;
    let ranges = f.index().highlights(&plan, r.hits[0].passage, text);
    let marked: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
    assert!(marked.contains(&"high intensity users"), "{marked:?}");
}

mod properties {
    use super::fixture;
    use proptest::prelude::*;
    use sim_explorer::engine::search::{Query, MAX_QUERY_CHARS};

    /// Strings mixing the corpus's words, typos, quotes, punctuation, emoji, right-to-left
    /// text and control characters: the inputs a search box really gets, and worse.
    fn queries() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("Jennings".to_string()),
            Just("wesex".to_string()),
            Just("\"".to_string()),
            Just("“".to_string()),
            Just("self-harm".to_string()),
            Just("63,000".to_string()),
            Just("’s".to_string()),
            Just(" ".to_string()),
            Just("<b>".to_string()),
            Just("🙂".to_string()),
            Just("עב".to_string()),
            "[a-z]{1,12}",
            "\\PC{0,6}",
            any::<char>().prop_map(|c| c.to_string()),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        // Sized to the 2-core machine CI runs on (issue 22): each case searches the real
        // record, and 3,000 ran over a minute under load.
        #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

        #[test]
        fn any_query_is_answered_sanely(input in queries(), limit in 0usize..30) {
            let f = fixture();
            let query = Query::parse(&input);
            prop_assert_eq!(query.truncated, input.chars().count() > MAX_QUERY_CHARS);
            let results = f.index().search(&query, limit);
            prop_assert!(results.hits.len() <= limit);
            prop_assert!(results.hits.len() <= results.total);
            prop_assert!(results.hits.windows(2).all(|w| w[0].score >= w[1].score));
            let plan = f.index().plan(&query);
            for hit in &results.hits {
                prop_assert!(hit.score.is_finite());
                let text = &f.passages[hit.passage as usize].1;
                for (s, e) in f.index().highlights(&plan, hit.passage, text) {
                    // Highlights are non-empty ranges on character boundaries of the text.
                    prop_assert!(s < e && e <= text.len());
                    prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                }
            }
        }
    }
}
