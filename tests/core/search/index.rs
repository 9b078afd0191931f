//! The index stage, as tables: `word -> the passages using it, with how often` over a few
//! sentences, normalised as the query is, and the rarer word weighing more.

use sim_explorer::engine::search::Index;

const TEXTS: [&str; 4] = [
    "Jennings’s network: SIM, SIM and SIM.",
    "Over 63,000 members signed.",
    "Self-harm was recorded; jennings replied.",
    "",
];

#[test]
fn each_word_lists_its_passages_and_counts() {
    let index = Index::new(TEXTS);
    assert_eq!(index.passage_count(), 4);
    let table: [(&str, &[(u32, u16)]); 7] = [
        ("jennings", &[(0, 1), (2, 1)]),
        ("sim", &[(0, 3)]),
        ("63000", &[(1, 1)]),
        ("self", &[(2, 1)]),
        ("harm", &[(2, 1)]),
        ("jennings’s", &[]),
        ("63,000", &[]),
    ];
    for (word, expected) in table {
        let postings = index.id(word).map_or(&[][..], |t| index.postings(t));
        assert_eq!(postings, expected, "{word:?}");
    }
    // A passage's words, in order, as ids of the sorted vocabulary.
    let words: Vec<u32> = ["over", "63000", "members", "signed"]
        .iter()
        .map(|w| index.id(w).unwrap())
        .collect();
    assert_eq!(index.passage_terms(1), words);
    assert!(index.passage_terms(3).is_empty());
}

#[test]
fn a_rarer_word_weighs_more() {
    let index = Index::new(TEXTS);
    let idf = |w: &str| index.idf(index.id(w).unwrap());
    // In one passage of four, then in two.
    let table = [("sim", "jennings"), ("members", "jennings")];
    for (rare, common) in table {
        assert!(idf(rare) > idf(common), "{rare} over {common}");
    }
}
