//! The corpus that `build.rs` checked, embedded in the binary and decoded once on first use,
//! and its search index.

use crate::engine::model::Corpus;
use crate::engine::search::CorpusIndex;
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.postcard"));

/// The corpus compiled into this build. Decoding cannot fail for bytes this build wrote with
/// the same types; if it ever did, an empty corpus is shown rather than a blank page.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| postcard::from_bytes(BYTES).unwrap_or_default())
}

/// The search index, built on first use from the compiled corpus. Built in the browser
/// rather than at build time: see ARCHITECTURE.md for the measurement that decided it.
pub fn search_index() -> &'static CorpusIndex {
    static INDEX: OnceLock<CorpusIndex> = OnceLock::new();
    INDEX.get_or_init(|| CorpusIndex::new(corpus()))
}
