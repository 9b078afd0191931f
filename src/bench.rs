//! Entry points for the browser benchmark (tests/bench/browser.mjs), compiled only with
//! `--features bench`: load the real corpus or a synthetic one into an index, hand the
//! passage texts to every engine it is compared with (the one list they are all fed), and
//! answer queries; make quotes from the loaded passages and check them as "Check a quote"
//! does.

use crate::compiled::{corpus, search_index};
use crate::engine::normalize::tokenize;
use crate::engine::search::{CorpusIndex, Index, Query};
use crate::engine::synthetic::{self, QuoteKind, Rng};
use crate::engine::verify::{check, Verdict, Wording};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static LOADED: RefCell<Option<(Index, Vec<String>)>> = const { RefCell::new(None) };
    /// Whether the loaded passages are the record's (`bench_load(0)`).
    static RECORD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The loaded passages' wording for "Check a quote", built on the first check after a
    /// load (outside the timed checks: the benchmark's first check of a run is its verdict).
    static WORDING: RefCell<Option<Wording>> = const { RefCell::new(None) };
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn corpus_texts() -> Vec<String> {
    corpus()
        .documents
        .iter()
        .flat_map(|d| d.passages.iter().map(|p| p.text.clone()))
        .collect()
}

/// Loads the real corpus (`n` = 0) or `n` synthetic passages and indexes them; returns the
/// time the index took to build, in milliseconds.
#[wasm_bindgen]
pub fn bench_load(n: usize) -> f64 {
    let texts = if n == 0 {
        corpus_texts()
    } else {
        let base = corpus_texts();
        let common = synthetic::words_by_frequency(base.iter().map(String::as_str));
        let common: Vec<&str> = common.iter().map(String::as_str).collect();
        synthetic::passages(n, &common, 30_000, 42)
    };
    let t = now();
    let mut index = Index::new(texts.iter().map(String::as_str));
    if n == 0 {
        // The record's word families, as the page's own index has them.
        index = index.with_families(&corpus().families);
    }
    let ms = now() - t;
    LOADED.with(|l| *l.borrow_mut() = Some((index, texts)));
    RECORD.with(|r| r.set(n == 0));
    WORDING.with(|w| *w.borrow_mut() = None);
    ms
}

/// The loaded passage texts, in index order.
#[wasm_bindgen]
pub fn bench_texts() -> Vec<String> {
    LOADED.with(|l| {
        l.borrow()
            .as_ref()
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    })
}

/// The top `k` passages (positions in `bench_texts`) for a query. On the record, the page's
/// own search (`CorpusIndex::prepare`: names in the query stand for their actor's passages),
/// whose positions are `bench_texts`' order; on synthetic passages, the loaded index.
#[wasm_bindgen]
pub fn bench_search(query: &str, k: usize) -> Vec<u32> {
    LOADED.with(|l| {
        l.borrow().as_ref().map_or_else(Vec::new, |(index, _)| {
            let results = if RECORD.with(std::cell::Cell::get) {
                let page = search_index();
                page.prepare(query).rank(&page.index, k, None)
            } else {
                index.search(&Query::parse(query), k)
            };
            results.hits.iter().map(|h| h.passage).collect()
        })
    })
}

/// Milliseconds the page's own start-up index (`CorpusIndex` over the compiled corpus)
/// takes to build: the figure that decides building it in the browser.
#[wasm_bindgen]
pub fn bench_startup_index_ms(reps: usize) -> f64 {
    let _ = search_index();
    let t = now();
    for _ in 0..reps.max(1) {
        std::hint::black_box(CorpusIndex::new(corpus()));
    }
    (now() - t) / reps.max(1) as f64
}

/// Milliseconds the page takes, per change of search, filter or dates, for what it shows:
/// the search planned once, then the filter, ranking, snippets and every actor's and
/// event's count (`engine::select`, the very function the page calls). Mean of `reps` runs
/// over `synthetic::selections`.
#[wasm_bindgen]
pub fn bench_filter_ms(reps: usize) -> f64 {
    use crate::engine::select::select;
    let c = corpus();
    let ci = search_index();
    let views = synthetic::selections();
    let t = now();
    for _ in 0..reps.max(1) {
        for view in &views {
            let prepared = ci.prepare(&view.query);
            let selection = select(c, ci, &prepared, &view.actor_filter(c), &view.range(), 50);
            std::hint::black_box(selection);
        }
    }
    (now() - t) / (reps.max(1) * views.len()) as f64
}

/// Mounts the timeline with `n` synthetic events into a new element `#bench-timeline` and
/// returns the milliseconds the mount took (the browser's layout and paint come after; the
/// benchmark measures them from JavaScript).
#[wasm_bindgen]
pub fn bench_mount_timeline(n: usize) -> f64 {
    use crate::app::{State, TimelinePanel};
    use crate::engine::model::Event;
    use leptos::prelude::*;
    let events: &'static [Event] = Box::leak(synthetic::events(n, 7).into_boxed_slice());
    let document = leptos::prelude::document();
    let Ok(host) = document.create_element("div") else {
        return -1.0;
    };
    host.set_id("bench-timeline");
    if let Some(body) = document.body() {
        let _ = body.append_child(&host);
    }
    let t = now();
    let mounted = leptos::mount::mount_to(host.unchecked_into(), move || {
        provide_context(State::from_location());
        view! { <TimelinePanel events=events /> }
    });
    let ms = now() - t;
    mounted.forget();
    ms
}

/// Lengths, in words, of the quotes `bench_check_quotes` makes: from a short phrase to the
/// 60 words the target speaks of.
const QUOTE_LENGTHS: [usize; 10] = [5, 8, 12, 16, 20, 25, 30, 40, 50, 60];

/// Quotes made from the loaded passages: `per_length` of each kind of `synthetic::quotes`
/// for each of `QUOTE_LENGTHS`, and one word added to each word-for-word one, each as
/// `kind<TAB>words<TAB>text` (`words`: the length it was cut at; the text may hold line
/// breaks, never a tab).
#[wasm_bindgen]
pub fn bench_check_quotes(per_length: usize) -> Vec<String> {
    LOADED.with(|l| {
        l.borrow().as_ref().map_or_else(Vec::new, |(index, texts)| {
            let quotes = synthetic::quotes(texts, index, &QUOTE_LENGTHS, per_length, 5);
            let mut rng = Rng::new(6);
            let added: Vec<String> = quotes
                .iter()
                .filter(|q| q.kind == QuoteKind::Exact)
                .filter_map(|q| {
                    let text = one_word_added(&q.text, texts, &mut rng)?;
                    Some(format!("added\t{}\t{text}", q.words))
                })
                .collect();
            quotes
                .into_iter()
                .map(|q| format!("{}\t{}\t{}", q.kind.name(), q.words, q.text))
                .chain(added)
                .collect()
        })
    })
}

/// `quote` with a word put in its middle: a word of `texts` drawn as often as it runs in
/// them, and one word to the tokeniser (a lone dash would add none, a hyphenated pair two).
/// Checking it should find its passage close, not word for word. `None` when a thousand
/// draws find no such word.
fn one_word_added(quote: &str, texts: &[String], rng: &mut Rng) -> Option<String> {
    let extra = (0..1000).find_map(|_| {
        let passage = &texts[rng.below(texts.len())];
        let n = passage.split_whitespace().count();
        let word = passage.split_whitespace().nth(rng.below(n.max(1)))?;
        (tokenize(word).len() == 1).then_some(word)
    })?;
    let mut words: Vec<&str> = quote.split(' ').collect();
    words.insert(words.len() / 2, extra);
    Some(words.join(" "))
}

/// Checks a quote against the loaded passages as "Check a quote" does (for the record,
/// `bench_load(0)` builds the same index as the page's). The verdict, for the benchmark's
/// count of wrong answers: 0 nothing to check, 1 word for word, 2 close, 3 not found.
#[wasm_bindgen]
pub fn bench_check(quote: &str) -> u8 {
    LOADED.with(|l| {
        let loaded = l.borrow();
        let Some((index, texts)) = loaded.as_ref() else {
            return 0;
        };
        WORDING.with(|w| {
            let mut w = w.borrow_mut();
            let wording = w.get_or_insert_with(|| {
                // The record's word families when the record is loaded, as the page has them.
                let record = texts.len() == corpus_texts().len();
                let families = if record {
                    corpus().families.as_slice()
                } else {
                    &[]
                };
                Wording::new(index, texts.iter().map(String::as_str), families)
            });
            match check(index, wording, quote).verdict {
                Verdict::Empty => 0,
                Verdict::Exact => 1,
                Verdict::Close => 2,
                Verdict::NotFound => 3,
            }
        })
    })
}
