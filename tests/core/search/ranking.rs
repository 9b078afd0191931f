//! The ranking stage, as tables: the one comparator (best score first, ties by id) that
//! search and "Check a quote" share, and `query -> passages in rank order` on a few
//! sentences: exact above another form above a beginning above a guess, every word of the
//! query above some of them.

use sim_explorer::engine::search::{keep_best, Index, Query};

#[test]
fn keeps_the_best_first_ties_by_id() {
    let items = [(4, 0.1), (3, 0.5), (1, 0.5), (2, 0.9), (5, -1.0)];
    let table: [(usize, &[(u32, f32)]); 4] = [
        (0, &[]),
        (1, &[(2, 0.9)]),
        (3, &[(2, 0.9), (1, 0.5), (3, 0.5)]),
        (9, &[(2, 0.9), (1, 0.5), (3, 0.5), (4, 0.1), (5, -1.0)]),
    ];
    for (n, expected) in table {
        let mut kept = items.to_vec();
        keep_best(&mut kept, n);
        assert_eq!(kept, expected, "best {n}");
    }
}

const TEXTS: [&str; 6] = [
    "Kendal is a town in Cumbria.",
    "Tim Kendall wrote to the trusts.",
    "The trusts were warned about Wessex.",
    "Warnings reached Wessex legal teams.",
    "Legal advice was sought.",
    "Kendall and Kendall again.",
];

fn ranked(index: &Index, query: &str) -> Vec<u32> {
    let results = index.search(&Query::parse(query), 10);
    results.hits.iter().map(|h| h.passage).collect()
}

#[test]
fn ranks_better_matches_and_whole_queries_first() {
    let families = vec![vec!["warned".to_string(), "warnings".to_string()]];
    let index = Index::new(TEXTS).with_families(&families);
    let table: [(&str, &[u32]); 5] = [
        // Exact above a guess; among exact, BM25 (a short passage saying it twice first).
        ("kendall ", &[5, 1, 0]),
        // The form typed above another form.
        ("warned ", &[2, 3]),
        ("warnings ", &[3, 2]),
        // Only passages holding every word, when some passage does.
        ("wessex legal ", &[3]),
        // Otherwise those holding some, by their share of the query, then BM25 (the
        // shorter passage first).
        ("legal zzqqxx ", &[4, 3]),
    ];
    for (query, expected) in table {
        assert_eq!(ranked(&index, query), expected, "{query:?}");
    }
}
