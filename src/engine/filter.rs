//! The actor filter: which passages a choice of actors admits (any or all of them, in
//! their own words, with their position reported, or named), and how many passages each
//! actor has under a search. Pure, so the page's filter and its counts are tested natively
//! and benchmarked.

use super::model::{Corpus, Involvement};

/// Which involvement counts. The three narrow roles are apart on purpose: a reported
/// position is never shown as the actor's words, and a passage about an actor that never
/// names it ("he says…") is found under its words or its position, not under "named".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// Involved in any way: named, in its own words, its position reported, or its
    /// document's author.
    #[default]
    Either,
    /// The passage gives the actor's own words (for an author, its narration: the build
    /// marks those passages `said`, so `wrote` alone does not count here).
    Said,
    /// The passage reports the actor's position in someone else's words.
    Reported,
    /// The passage names the actor.
    Mentioned,
}

impl Role {
    pub fn admits(self, x: &Involvement) -> bool {
        match self {
            Role::Either => x.mentioned || x.said || x.reported || x.wrote,
            Role::Said => x.said,
            Role::Reported => x.reported,
            Role::Mentioned => x.mentioned,
        }
    }

    /// The name in URLs (`ar=`); the default has none. `said` and `mentioned` are the keys
    /// of the first links shared, kept as they were.
    pub fn key(self) -> Option<&'static str> {
        match self {
            Role::Either => None,
            Role::Said => Some("said"),
            Role::Reported => Some("reported"),
            Role::Mentioned => Some("mentioned"),
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        match key {
            "said" => Some(Role::Said),
            "reported" => Some(Role::Reported),
            "mentioned" => Some(Role::Mentioned),
            _ => None,
        }
    }
}

/// A choice of actors (by index) and how passages must involve them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorFilter {
    pub actors: Vec<u16>,
    /// Every chosen actor must be involved (otherwise any one).
    pub all: bool,
    pub role: Role,
}

impl ActorFilter {
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    pub fn admits(&self, involvements: &[Involvement]) -> bool {
        if self.actors.is_empty() {
            return true;
        }
        let involved = |a: &u16| {
            involvements
                .iter()
                .any(|x| x.actor == *a && self.role.admits(x))
        };
        if self.all {
            self.actors.iter().all(involved)
        } else {
            self.actors.iter().any(involved)
        }
    }

    /// One flag per passage, in corpus order (documents in order, then passages).
    pub fn mask(&self, corpus: &Corpus) -> Vec<bool> {
        corpus
            .documents
            .iter()
            .flat_map(|d| d.passages.iter().map(|p| self.admits(&p.actors)))
            .collect()
    }
}

/// For every actor, how many of the `candidates` (one flag per passage, corpus order)
/// involve it in `role`.
pub fn counts(corpus: &Corpus, candidates: &[bool], role: Role) -> Vec<u32> {
    let mut counts = vec![0u32; corpus.actors.len()];
    let passages = corpus.documents.iter().flat_map(|d| &d.passages);
    for (p, &ok) in passages.zip(candidates) {
        if ok {
            for x in p.actors.iter().filter(|x| role.admits(x)) {
                counts[usize::from(x.actor)] += 1;
            }
        }
    }
    counts
}
