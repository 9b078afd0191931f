//! What the record holds of one actor, for its page: the passages in its own words, those
//! reporting its position, those giving its words or position from a draft it co-wrote
//! (never counted as its own words), those naming it, how many per document, and the actors
//! it appears with most.

use super::model::Corpus;
use crate::engine::order;

/// One actor's passages and companions. Passages are (document, passage) positions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorStats {
    /// Passages giving its own words, plainly.
    pub said: Vec<(usize, usize)>,
    /// Passages reporting its position in others' words, plainly.
    pub reported: Vec<(usize, usize)>,
    /// Passages giving its words or reporting its position from a draft it co-wrote (see
    /// `drafts.rs`), as (draft, document, passage): in neither list above.
    pub drafted: Vec<(usize, usize, usize)>,
    /// Passages naming it.
    pub named: Vec<(usize, usize)>,
    /// Per document (corpus order): passages involving it in any way.
    pub per_document: Vec<usize>,
    /// The actors sharing most passages with it, most first (ties by name), with how many.
    pub appears_with: Vec<(usize, u32)>,
}

/// Companions listed on an actor's page, at most.
pub const MOST_WITH: usize = 8;

pub fn actor_stats(corpus: &Corpus, actor: usize) -> ActorStats {
    let me = actor as u16;
    let mut stats = ActorStats::default();
    let mut together = vec![0u32; corpus.actors.len()];
    for (d, doc) in corpus.documents.iter().enumerate() {
        let mut n = 0;
        for (p, passage) in doc.passages.iter().enumerate() {
            let Some(x) = passage.actors.iter().find(|x| x.actor == me) else {
                continue;
            };
            n += 1;
            let draft = corpus.draft_of((d as u16, p as u16), me);
            match draft {
                Some(draft) if x.said || x.reported => stats.drafted.push((draft, d, p)),
                _ if x.said => stats.said.push((d, p)),
                _ if x.reported => stats.reported.push((d, p)),
                _ => {}
            }
            if x.mentioned {
                stats.named.push((d, p));
            }
            for other in passage.actors.iter().filter(|o| o.actor != me) {
                together[usize::from(other.actor)] += 1;
            }
        }
        stats.per_document.push(n);
    }
    let mut with: Vec<(usize, u32)> = together
        .into_iter()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .collect();
    order::sort_by(&mut with, |a, b| {
        b.1.cmp(&a.1)
            .then_with(|| corpus.actors[a.0].name.cmp(&corpus.actors[b.0].name))
    });
    with.truncate(MOST_WITH);
    stats.appears_with = with;
    stats
}
