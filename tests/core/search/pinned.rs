//! The page's results for every query of the benchmarks' sets (`tests/bench/queries.json`),
//! pinned: a change meant to make search quicker must not change what it finds or the
//! order. Each line of `pinned.txt` is a set, a query and its top passages' keys (top 30
//! for the word-form set, which is scored on its top 30; top 5 for the others). A change
//! meant to rank differently rewrites the file with `SIM_PIN_SEARCH=write` and shows the
//! difference in review.

use super::fixture;

const PINNED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/core/search/pinned.txt");

/// Every query of the sets, with how many results are pinned.
fn queries() -> Vec<(String, String, usize)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bench/queries.json");
    let text = std::fs::read_to_string(path).expect("queries.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("queries.json is JSON");
    let mut out = Vec::new();
    for (set, k) in [("latency", 5), ("recall", 5), ("forms", 30), ("hard", 5)] {
        for q in json[set].as_array().expect("a list of queries") {
            let query = q.as_str().or_else(|| q["query"].as_str()).expect("a query");
            out.push((set.to_string(), query.to_string(), k));
        }
    }
    out
}

/// The lines of `pinned.txt` for the page's search today (`CorpusIndex::prepare`, then
/// `rank`, as the page and the browser benchmark call it).
fn lines() -> Vec<String> {
    let f = fixture();
    queries()
        .into_iter()
        .map(|(set, query, k)| {
            let results = f.search.prepare(&query).rank(&f.search.index, k, None);
            let keys: Vec<&str> = results
                .hits
                .iter()
                .map(|h| {
                    let (doc, passage) = f.search.passage_at(h.passage as usize);
                    f.corpus.documents[doc].passages[passage].key.as_str()
                })
                .collect();
            format!("{set}\t{query}\t{}", keys.join(" "))
        })
        .collect()
}

#[test]
fn the_benchmarks_queries_find_what_they_found() {
    let now = lines();
    if std::env::var("SIM_PIN_SEARCH").as_deref() == Ok("write") {
        std::fs::write(PINNED, now.join("\n") + "\n").expect("pinned.txt written");
        return;
    }
    let pinned = std::fs::read_to_string(PINNED).expect("pinned.txt");
    let pinned: Vec<&str> = pinned.lines().collect();
    let changed: Vec<String> = pinned
        .iter()
        .zip(&now)
        .filter(|(was, is)| **was != is.as_str())
        .map(|(was, is)| format!("  was {was}\n  now {is}"))
        .collect();
    assert!(
        changed.is_empty() && pinned.len() == now.len(),
        "{} of {} queries find other passages or in another order ({} lines pinned):\n{}",
        changed.len(),
        now.len(),
        pinned.len(),
        changed.join("\n")
    );
}
