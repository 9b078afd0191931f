//! One selection per keystroke: the search (prepared once), the actor filter and the date
//! range give, in one pass, the passages allowed, the ranked results with their snippets,
//! how many passages each actor has and how many results state each event. The page and
//! both benchmarks run this one function (`select_planned`; `select` plans the headings
//! first), so what is measured is what people get.

use super::filter::{counts, ActorFilter};
use super::model::Corpus;
use super::search::{CorpusIndex, Prepared, ResultItem, Suggestion};
use super::timeline::Range;

/// Events and disagreements shown above the passages, at most.
const HEADINGS: usize = 4;

/// What a view selects from the record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// The best results first (record order when nothing was searched), at most the limit.
    pub items: Vec<ResultItem>,
    /// Every passage selected, not only those in `items`.
    pub total: usize,
    /// Every result holds every word and phrase of the search.
    pub all_clauses: bool,
    /// For a search that found nothing: close words of the record.
    pub suggestions: Vec<Suggestion>,
    /// The search was cut to its longest allowed length.
    pub truncated: bool,
    /// The search holds at least one word.
    pub searched: bool,
    /// Per actor: passages involving it (in the filter's role) under the search and the
    /// dates, whether or not it is chosen: what choosing it would give.
    pub actor_counts: Vec<u32>,
    /// Per event: how many of the selected passages state it (or a date disputed for it).
    pub event_counts: Vec<u32>,
    /// The actor the search names, when all its words are one of the actor's names (its
    /// passages that name it only in another form follow the others, by their tier).
    pub named: Option<u16>,
    /// Events whose titles the search matches, best first (indices into `Corpus::events`).
    pub events: Vec<usize>,
    /// Disagreements whose questions the search matches, best first.
    pub disagreements: Vec<usize>,
}

/// The actor the search names, when its words are all one name of the actor (its name or
/// a form that names it everywhere): `CorpusIndex::prepare` found the name.
pub fn named_actor(prepared: &Prepared) -> Option<u16> {
    let all = 0..prepared.query.clauses.len();
    prepared
        .names
        .iter()
        .find(|n| n.clauses == all)
        .map(|n| n.actor)
}

/// The search planned against the headings (the events' titles and the disagreements'
/// questions, an index with a vocabulary of its own): once per search, like `prepared`,
/// not again when only the filter, the dates or the number shown change.
pub fn plan_headings(index: &CorpusIndex, prepared: &Prepared) -> Prepared {
    index.headings.prepare(prepared.query.clone())
}

/// Selects from the record, planning the headings for this one call: for callers that
/// select once per search (the benchmarks, tests). The page keeps both plans and calls
/// `select_planned`.
pub fn select(
    corpus: &Corpus,
    index: &CorpusIndex,
    prepared: &Prepared,
    filter: &ActorFilter,
    range: &Range,
    limit: usize,
) -> Selection {
    let headings = plan_headings(index, prepared);
    let plans = Plans {
        passages: prepared,
        headings: &headings,
    };
    select_planned(corpus, index, plans, filter, range, limit)
}

/// One search planned once against each index: the passages', and the headings' (see
/// `plan_headings`).
#[derive(Clone, Copy)]
pub struct Plans<'a> {
    pub passages: &'a Prepared,
    pub headings: &'a Prepared,
}

/// Selects from the record: `plans` is the search, planned once for this keystroke.
/// With no search, the filter and the dates alone select, in the record's order; with
/// nothing applied at all, no passage is listed (the page shows the documents instead) but
/// the counts cover the whole record.
pub fn select_planned(
    corpus: &Corpus,
    index: &CorpusIndex,
    plans: Plans,
    filter: &ActorFilter,
    range: &Range,
    limit: usize,
) -> Selection {
    let prepared = plans.passages;
    let in_range = (!range.is_empty()).then(|| range.mask(corpus));
    let allowed: Option<Vec<bool>> = match (&in_range, filter.is_empty()) {
        (None, true) => None,
        (None, false) => Some(filter.mask(corpus)),
        (Some(r), true) => Some(r.clone()),
        (Some(r), false) => Some(
            filter
                .mask(corpus)
                .into_iter()
                .zip(r)
                .map(|(a, &b)| a && b)
                .collect(),
        ),
    };
    let found = prepared.matching(allowed.as_deref());
    let mut selection = Selection {
        truncated: prepared.query.truncated,
        searched: !prepared.is_empty(),
        ..Selection::default()
    };
    if prepared.is_empty() {
        selection.total = found.iter().filter(|&&f| f).count();
        selection.all_clauses = true;
        if allowed.is_some() {
            selection.items = (0..found.len())
                .filter(|&p| found[p])
                .take(limit)
                .map(|p| index.item(corpus, prepared, p))
                .collect();
        }
    } else {
        let ranked = prepared.rank(&index.index, limit, allowed.as_deref());
        selection.items = ranked
            .hits
            .iter()
            .map(|h| index.item(corpus, prepared, h.passage as usize))
            .collect();
        selection.total = ranked.total;
        selection.all_clauses = ranked.all_clauses;
        selection.suggestions = ranked.suggestions;
        selection.named = named_actor(prepared);
        // Events and disagreements whose headings hold every word of the search.
        let ranked = plans.headings.rank(&index.headings, HEADINGS, None);
        if ranked.all_clauses {
            let n_events = corpus.events.len();
            for hit in ranked.hits {
                let i = hit.passage as usize;
                if i < n_events {
                    selection.events.push(i);
                } else {
                    selection.disagreements.push(i - n_events);
                }
            }
        }
    }
    // Counts ignore the actor filter itself: each says what choosing that actor would give.
    let candidates = prepared.matching(in_range.as_deref());
    selection.actor_counts = counts(corpus, &candidates, filter.role);
    let mut seen = Vec::new();
    selection.event_counts = corpus
        .events
        .iter()
        .map(|event| {
            seen.clear();
            let sources = event
                .sources
                .iter()
                .chain(event.claims.iter().flat_map(|c| &c.sources));
            for &(d, p) in sources {
                let at = index.position(usize::from(d), usize::from(p));
                if found[at] && !seen.contains(&at) {
                    seen.push(at);
                }
            }
            seen.len() as u32
        })
        .collect();
    selection
}

/// The rows a change of results by typing draws at once: the first `screenful` hits, and
/// every hit whose row is already drawn (it keeps its nodes), in the hits' order. The page
/// draws the rest once typing pauses; when this returns fewer than `hits`, there is a rest.
pub fn rows_first<T: PartialEq + Copy>(hits: &[T], drawn: &[T], screenful: usize) -> Vec<T> {
    hits.iter()
        .enumerate()
        .filter(|&(k, at)| k < screenful || drawn.contains(at))
        .map(|(_, &at)| at)
        .collect()
}
