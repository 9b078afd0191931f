//! The corpus from its files, in one pipeline that the build (`build.rs`) and the tests
//! (`tests/core/corpus.rs`) both call, so what is tested is what ships: the documents
//! checked against their captures, then each register in the order it relies on the ones
//! before, then the search's word families. Pure: the callers read the files.

use super::load::{load, File, Problem};
use super::model::Corpus;
use super::{actors, compare, disagreements, drafts, events, families};

/// The corpus folder's files as read by the caller. A register is `None` when it could not
/// be read: the caller says why, and nothing that relies on it is checked.
pub struct Files<'a> {
    pub kinds: File<'a>,
    pub documents: &'a [File<'a>],
    pub captures: &'a [File<'a>],
    pub actors: Option<File<'a>>,
    pub drafts: Option<File<'a>>,
    pub disagreements: Option<File<'a>>,
    pub events: Option<File<'a>>,
}

/// A register's loader: reads its file into the corpus, returning every problem.
type Loader = fn(&File, &mut Corpus) -> Vec<Problem>;

/// The corpus and every problem found. The registers are checked in order, each only once
/// all before it are sound (with broken documents, actor checks would only echo them):
/// actors name the passages' people; drafts credit actors' words; disagreements may quote a
/// draft; events cite passages, actors and disagreements. Word families are grouped with
/// `stem` (the build's Snowball stemmer), so the page ships families, not a stemmer; every
/// pair of documents is aligned (`compare`), so the page ships the rows, not the alignment.
pub fn corpus(files: &Files, stem: &dyn Fn(&str) -> String) -> (Corpus, Vec<Problem>) {
    let (mut corpus, mut problems) = load(&files.kinds, files.documents, files.captures);
    let registers: [(&Option<File>, Loader); 4] = [
        (&files.actors, actors::load),
        (&files.drafts, drafts::load),
        (&files.disagreements, disagreements::load),
        (&files.events, events::load),
    ];
    for (file, loader) in registers {
        match file {
            Some(file) if problems.is_empty() => problems.extend(loader(file, &mut corpus)),
            // Unreadable: the caller reports it, and what relies on it waits.
            None => break,
            Some(_) => {}
        }
    }
    corpus.families = families::group(&families::corpus_words(&corpus), stem);
    // Only a sound corpus is aligned: its registers' passages are all there.
    if problems.is_empty() {
        corpus.comparisons = compare::align_all(&corpus);
    }
    (corpus, problems)
}
