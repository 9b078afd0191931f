//! The expansion stage, as a table on a few sentences whose every word can be named:
//! `query -> the words it marks`. Exact, typed beginnings, close spellings, word families,
//! endings, joined and split words; and "quoted phrases" exact.

use sim_explorer::engine::search::{Index, Query};
use sim_explorer::engine::text::edit_distance;

const TEXTS: [&str; 6] = [
    "Paul Jennings warned the police about Serenity Integrated Mentoring.",
    "Warnings were given to the Royal College of Psychiatrists.",
    "Patients who self-harm were referred to StopSIM campaigners.",
    "The policy was campaigning against coercion.",
    "One study found nothing.",
    "Tim Kendall wrote to the trusts.",
];

/// The families as the build ships them: lists of a word's forms.
fn index() -> Index {
    let families = [
        vec!["warned", "warnings"],
        vec!["campaigners", "campaigning"],
    ];
    let families: Vec<Vec<String>> = families
        .iter()
        .map(|f| f.iter().map(|w| w.to_string()).collect())
        .collect();
    Index::new(TEXTS).with_families(&families)
}

/// Every word marked in every passage found, lowercased, sorted.
fn marked(index: &Index, query: &str) -> Vec<String> {
    let query = Query::parse(query);
    let plan = index.plan(&query);
    let mut words: Vec<String> = Vec::new();
    for hit in index.search(&query, 10).hits {
        let text = TEXTS[hit.passage as usize];
        for (s, e) in index.highlights(&plan, hit.passage, text) {
            words.push(text[s..e].to_lowercase());
        }
    }
    words.sort();
    words.dedup();
    words
}

#[test]
fn each_word_stands_for_the_words_a_reader_means() {
    let index = index();
    let table: [(&str, &[&str]); 16] = [
        ("jennings ", &["jennings"]),
        // Close spellings: a dropped, a wrong and a missing first letter, a swap.
        ("jenings ", &["jennings"]),
        ("gennings ", &["jennings"]),
        ("ennings ", &["jennings"]),
        ("psychiatirsts ", &["psychiatrists"]),
        ("kendal ", &["kendall"]),
        // The word being typed stands for the words it begins; a finished one does not.
        ("kend", &["kendall"]),
        ("kend ", &[]),
        // Every form of a word, from the families; a common ending taken off.
        ("warned ", &["warned", "warnings"]),
        ("campaigning ", &["campaigners", "campaigning"]),
        ("studies ", &["study"]),
        // Two words the record writes as one; one word it writes as two.
        ("stop sim ", &["stopsim"]),
        ("selfharm ", &["harm", "self"]),
        // Phrases are exact: no other forms, no typos; in order.
        ("\"warned the\"", &["warned the"]),
        ("\"warned\"", &["warned"]),
        ("\"the warned\"", &[]),
    ];
    for (query, expected) in table {
        assert_eq!(marked(&index, query), expected, "{query:?}");
    }
}

#[test]
fn the_one_edit_distance_counts_a_swap_once() {
    let chars = |w: &str| w.chars().collect::<Vec<char>>();
    let table = [
        ("jennings", "jennings", 2, Some(0)),
        ("jennings", "jenings", 2, Some(1)),
        ("psychiatrists", "psychiatirsts", 2, Some(1)),
        ("serenity", "serenety", 2, Some(1)),
        ("ab", "ba", 1, Some(1)),
        ("kitten", "sitting", 3, Some(3)),
        ("kitten", "sitting", 2, None),
        ("police", "policy", 1, Some(1)),
        ("", "abc", 3, Some(3)),
    ];
    for (a, b, max, expected) in table {
        assert_eq!(
            edit_distance(&chars(a), &chars(b), max),
            expected,
            "{a} {b} {max}"
        );
    }
}

/// Numbers however people write them, on sentences holding each way the record may.
#[test]
fn a_number_finds_every_way_of_writing_it() {
    const AMOUNTS: [&str; 4] = [
        "The scheme cost £3,000,000 in all.",
        "Some 2,500 people signed.",
        "Six trusts stopped.",
        "Over 1,000 letters and 12 replies.",
    ];
    let index = Index::new(AMOUNTS);
    let found = |query: &str| -> Vec<u32> {
        let hits = index.search(&Query::parse(query), 10).hits;
        hits.iter().map(|h| h.passage).collect()
    };
    let table: [(&str, &[u32]); 14] = [
        ("£3m", &[0]),
        ("3m", &[0]),
        ("3 million", &[0]),
        ("3,000,000", &[0]),
        ("2500", &[1]),
        ("2,500", &[1]),
        ("6 trusts", &[2]),
        ("six", &[2]),
        ("1k letters", &[3]),
        ("1000", &[3]),
        ("1 thousand letters", &[3]),
        ("twelve", &[3]),
        // A number is not a guess at another: "2501" is not "2500", nor "16" "six".
        ("2501", &[]),
        ("16", &[]),
    ];
    for (query, expected) in table {
        assert_eq!(found(query), expected, "{query:?}");
    }
}
