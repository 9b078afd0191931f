//! Native benchmark of the search engine: index build and per-query latency (p50, p95) on
//! the real corpus and on deterministic synthetic corpora up to 100,000 passages, plus
//! recall on the query sets the browser benchmark scores: typo recall@5 on the misspelt
//! set, word-form recall@30 and what a person means (recall@5, first result) through the
//! page's own search (`CorpusIndex::prepare`). Prints figures; asserts nothing about time, because
//! timings on a shared machine are noise to compare, not facts to fail on.
//! Run: `cargo bench --bench search` (`-- --quick` for fewer repetitions).

use sim_explorer::compiled::corpus;
use sim_explorer::engine::search::{CorpusIndex, Index, Query};
use sim_explorer::engine::select::select;
use sim_explorer::engine::synthetic;
use std::time::Instant;

struct Recall {
    query: String,
    expect: Vec<String>,
}

fn queries() -> (Vec<String>, Vec<Recall>, serde_json::Value) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bench/queries.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("queries.json")).unwrap();
    let latency = json["latency"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q.as_str().unwrap().to_string())
        .collect();
    let recall = json["recall"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| Recall {
            query: r["query"].as_str().unwrap().to_string(),
            expect: r["expect"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e.as_str().unwrap().to_string())
                .collect(),
        })
        .collect();
    (latency, recall, json)
}

/// Word-form recall@30 as the browser benchmark scores it: per query, the share of the
/// passages holding any form it means (its pattern, case-insensitive) that are in its top
/// 30; the mean over queries, and each query's share.
#[cfg(not(target_arch = "wasm32"))]
fn form_recall(ci: &CorpusIndex, texts: &[&str], json: &serde_json::Value) -> (f64, Vec<String>) {
    let forms = json["forms"].as_array().unwrap();
    let mut per = Vec::new();
    let mut sum = 0.0;
    for f in forms {
        let query = f["query"].as_str().unwrap();
        let pattern = regex::RegexBuilder::new(f["forms"].as_str().unwrap())
            .case_insensitive(true)
            .build()
            .unwrap();
        let top = ci.prepare(query).rank(&ci.index, 30, None).hits;
        let holding: Vec<usize> = (0..texts.len())
            .filter(|&p| pattern.is_match(texts[p]))
            .collect();
        let found = holding
            .iter()
            .filter(|&&p| top.iter().any(|h| h.passage as usize == p))
            .count();
        let share = found as f64 / holding.len().max(1) as f64;
        sum += share;
        per.push(format!("{query} {share:.2}"));
    }
    (sum / forms.len() as f64, per)
}

/// What a person means (the 'hard' set) as the browser benchmark scores it: expected
/// passages found in the top 5, and queries whose one answer comes first.
fn hard_recall(ci: &CorpusIndex, texts: &[&str], json: &serde_json::Value) -> String {
    let (mut found, mut wanted, mut first, mut firsts) = (0, 0, 0, 0);
    let mut missed = Vec::new();
    for h in json["hard"].as_array().unwrap() {
        let query = h["query"].as_str().unwrap();
        let top = ci.prepare(query).rank(&ci.index, 5, None).hits;
        let holds = |p: u32, fragment: &str| texts[p as usize].contains(fragment);
        for e in h["expect"].as_array().unwrap() {
            wanted += 1;
            match top.iter().any(|t| holds(t.passage, e.as_str().unwrap())) {
                true => found += 1,
                false => missed.push(query),
            }
        }
        if let Some(answer) = h["first"].as_str() {
            firsts += 1;
            first += usize::from(top.first().is_some_and(|t| holds(t.passage, answer)));
        }
    }
    format!("recall@5 {found}/{wanted}, first {first}/{firsts}; missed: {missed:?}")
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Times every query `reps` times; returns (p50, p95, max) in milliseconds, and each
/// query's median, slowest first (what a p95 over few queries is made of).
fn latency(
    index: &Index,
    queries: &[String],
    reps: usize,
) -> ((f64, f64, f64), Vec<(f64, String)>) {
    let parsed: Vec<Query> = queries.iter().map(|q| Query::parse(q)).collect();
    let mut samples = Vec::with_capacity(parsed.len() * reps);
    let mut each = vec![Vec::with_capacity(reps); parsed.len()];
    for _ in 0..reps {
        for (q, times) in parsed.iter().zip(&mut each) {
            let t = Instant::now();
            let r = index.search(q, 20);
            std::hint::black_box(r);
            let ms = t.elapsed().as_secs_f64() * 1e3;
            samples.push(ms);
            times.push(ms);
        }
    }
    samples.sort_by(f64::total_cmp);
    let mut slowest: Vec<(f64, String)> = each
        .into_iter()
        .zip(queries)
        .map(|(mut times, q)| {
            times.sort_by(f64::total_cmp);
            (percentile(&times, 0.5), q.clone())
        })
        .collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    (
        (
            percentile(&samples, 0.5),
            percentile(&samples, 0.95),
            *samples.last().unwrap(),
        ),
        slowest,
    )
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let reps = if quick { 5 } else { 50 };
    let (latency_queries, recall_queries, json) = queries();
    let corpus = corpus();

    println!(
        "Search benchmark (native, release profile{})",
        if quick { ", quick" } else { "" }
    );
    println!();

    // The real corpus.
    let t = Instant::now();
    let builds = if quick { 3 } else { 20 };
    for _ in 0..builds {
        std::hint::black_box(CorpusIndex::new(corpus));
    }
    let build_ms = t.elapsed().as_secs_f64() * 1e3 / builds as f64;
    let ci = CorpusIndex::new(corpus);
    let ((p50, p95, max), slowest) = latency(&ci.index, &latency_queries, reps);
    println!(
        "corpus: {} passages, {} words in the vocabulary",
        ci.index.passage_count(),
        ci.index.vocabulary_len()
    );
    println!("  index build      {build_ms:8.3} ms");
    println!("  query latency    p50 {p50:.4} ms   p95 {p95:.4} ms   max {max:.4} ms   ({} queries x {reps})", latency_queries.len());
    let slowest: Vec<String> = slowest
        .iter()
        .take(5)
        .map(|(ms, q)| format!("{q:?} {ms:.4}"))
        .collect();
    println!("  slowest (median ms): {}", slowest.join(", "));

    // Recall@5 on the misspelt set.
    let texts: Vec<&str> = corpus
        .documents
        .iter()
        .flat_map(|d| d.passages.iter().map(|p| p.text.as_str()))
        .collect();
    let (mut found, mut wanted) = (0, 0);
    let mut misses = Vec::new();
    for r in &recall_queries {
        let hits = ci.index.search(&Query::parse(&r.query), 5).hits;
        for e in &r.expect {
            wanted += 1;
            if hits
                .iter()
                .any(|h| texts[h.passage as usize].contains(e.as_str()))
            {
                found += 1;
            } else {
                misses.push(format!("{:?} -> {:?}", r.query, e));
            }
        }
    }
    println!(
        "  recall@5         {found}/{wanted} = {:.3}",
        found as f64 / wanted as f64
    );
    for m in &misses {
        println!("    missed {m}");
    }
    // regex is a native dev-dependency: the wasm build of every target (clippy) skips it.
    #[cfg(not(target_arch = "wasm32"))]
    {
        let (forms, per_query) = form_recall(&ci, &texts, &json);
        println!("  word-form recall@30 {forms:.3}: {}", per_query.join(", "));
    }
    println!("  what a person means: {}", hard_recall(&ci, &texts, &json));

    // One keystroke's or one choice's work, as the page does it: plan the search once,
    // then filter, rank, snippet and recount every actor and event (`select`).
    let views = synthetic::selections();
    let mut samples = Vec::new();
    for _ in 0..reps {
        for view in &views {
            let t = Instant::now();
            let prepared = ci.prepare(&view.query);
            let selection = select(
                corpus,
                &ci,
                &prepared,
                &view.actor_filter(corpus),
                &view.range(),
                50,
            );
            std::hint::black_box(selection);
            samples.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    samples.sort_by(f64::total_cmp);
    println!(
        "  selection        p50 {:.4} ms   p95 {:.4} ms   ({} selections x {reps}: search, \
         actor filter, dates, {} actor and {} event counts)",
        percentile(&samples, 0.5),
        percentile(&samples, 0.95),
        views.len(),
        corpus.actors.len(),
        corpus.events.len()
    );

    // Synthetic corpora: the corpus's words by frequency, then made-up rarer words.
    let common = synthetic::words_by_frequency(texts.iter().copied());
    let common: Vec<&str> = common.iter().map(String::as_str).collect();
    println!();
    for n in [10_000, 100_000] {
        let t = Instant::now();
        let passages = synthetic::passages(n, &common, 30_000, 42);
        let gen_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let index = Index::new(passages.iter().map(String::as_str));
        let build_ms = t.elapsed().as_secs_f64() * 1e3;
        let ((p50, p95, max), _) = latency(&index, &latency_queries, if quick { 2 } else { 10 });
        println!(
            "synthetic {n}: {} words in the vocabulary (generated in {gen_ms:.0} ms)",
            index.vocabulary_len()
        );
        println!("  index build      {build_ms:8.1} ms");
        println!("  query latency    p50 {p50:.3} ms   p95 {p95:.3} ms   max {max:.3} ms");
    }
}
