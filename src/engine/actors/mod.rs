//! The actors of the record (`corpus/actors.txt`): read, checked, and resolved against the
//! documents at build time. Each passage learns which actors it names (every alias, whole
//! words, longest match first), whose words it gives (`said:` lines, and a report's
//! narration for its author) and whose position it only reports (`reports:` lines).
//!
//! Sans I/O like the loader: the file's text and the loaded corpus in, problems out.

mod aliases;
mod register;
mod resolve;
mod review;

use super::load::{File, Problem};
use super::model::{Actor, ActorName, Corpus, Involvement};
use super::normalize::tokenize;
use crate::engine::order;
pub use aliases::find_aliases;
use resolve::Resolver;
pub use review::unsupported_dates;

/// Reads `corpus/actors.txt` into `corpus.actors` and records in every passage the actors
/// it involves. Returns every problem found.
pub fn load(file: &File, corpus: &mut Corpus) -> Vec<Problem> {
    let mut problems = Vec::new();
    let raw = register::parse(file, &mut problems);
    let owner = aliases::claim_aliases(&raw, &mut problems, file.path);
    let resolver = Resolver {
        corpus,
        file,
        doc_index: corpus
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect(),
    };
    let actors = resolver.actors(&raw, &mut problems);
    let said = resolver.said(&raw, &actors, &mut problems);
    let reported = resolver.reported(&raw, &said, &mut problems);
    let alias_hits = aliases::mark_mentions(corpus, &raw, &owner, &mut problems, file.path);
    for (actor, d, p) in said {
        let passage = &mut corpus.documents[usize::from(d)].passages[usize::from(p)];
        involve(&mut passage.actors, actor).said = true;
    }
    for (actor, d, p) in reported {
        let passage = &mut corpus.documents[usize::from(d)].passages[usize::from(p)];
        involve(&mut passage.actors, actor).reported = true;
    }
    mark_narration(corpus, &actors);
    for (i, actor) in raw.iter().enumerate() {
        let involved = corpus
            .documents
            .iter()
            .flat_map(|d| &d.passages)
            .any(|p| p.actors.iter().any(|x| usize::from(x.actor) == i));
        if !involved {
            problems.push(Problem {
                path: file.path.to_string(),
                line: actor.line,
                message: format!(
                    "[{}] is in no passage: no alias matches, no said, reports or wrote line",
                    actor.id
                ),
            });
        }
    }
    for doc in &mut corpus.documents {
        for p in &mut doc.passages {
            order::sort_by_key(&mut p.actors, |x| x.actor);
        }
    }
    corpus.actors = actors;
    corpus.names = names(corpus);
    problems.extend(review::review(file, &raw, corpus, &alias_hits));
    order::sort(&mut problems);
    problems
}

/// Every actor's name, aliases and per-document forms, as the search's words (see
/// `Corpus::names`).
pub fn names(corpus: &Corpus) -> Vec<ActorName> {
    let words =
        |form: &str| -> Vec<String> { tokenize(form).into_iter().map(|t| t.norm).collect() };
    let mut out = Vec::new();
    for (a, actor) in corpus.actors.iter().enumerate() {
        let everywhere = std::iter::once(&actor.name).chain(&actor.aliases);
        for form in everywhere {
            out.push(ActorName {
                actor: a as u16,
                doc: None,
                words: words(form),
            });
        }
        for (doc, form) in &actor.aliases_in {
            let doc = corpus.documents.iter().position(|d| d.id == *doc);
            out.push(ActorName {
                actor: a as u16,
                doc: doc.map(|d| d as u16),
                words: words(form),
            });
        }
    }
    out.retain(|n| !n.words.is_empty());
    out
}

/// Marks each author's narration in the documents it wrote.
fn mark_narration(corpus: &mut Corpus, actors: &[Actor]) {
    // An author's words are its document's own sentences: every passage that gives no one
    // else's words, reports of others' positions included (those are the author's words
    // about them). A passage quoting someone belongs to the one quoted; the author only
    // frames it ("He added:"). A statement whose every passage is its authors' says so with
    // `said: DOC: *`.
    // Decided on the `said:` lines alone, before any author is marked, so that co-authors
    // do not take each other's passages.
    let mut narration: Vec<(u16, u16, u16, bool)> = Vec::new();
    for (a, actor) in actors.iter().enumerate() {
        let a = a as u16;
        for &d in &actor.wrote {
            for (p, passage) in corpus.documents[usize::from(d)].passages.iter().enumerate() {
                let others_speak = passage.actors.iter().any(|x| x.actor != a && x.said);
                narration.push((a, d, p as u16, !others_speak));
            }
        }
    }
    for (a, d, p, own_words) in narration {
        let passage = &mut corpus.documents[usize::from(d)].passages[usize::from(p)];
        let x = involve(&mut passage.actors, a);
        x.wrote = true;
        x.said |= own_words;
    }
}

/// The actor's involvement in a passage, added (involved in no way yet) if it has none.
fn involve(list: &mut Vec<Involvement>, actor: u16) -> &mut Involvement {
    let i = match list.iter().position(|x| x.actor == actor) {
        Some(i) => i,
        None => {
            list.push(Involvement {
                actor,
                mentioned: false,
                said: false,
                reported: false,
                wrote: false,
            });
            list.len() - 1
        }
    };
    &mut list[i]
}
