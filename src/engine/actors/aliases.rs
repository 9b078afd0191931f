//! Aliases: which text names which actor (globally, or within one document), and where each
//! stands in the passages, whole words, leftmost and longest first.

use super::super::load::Problem;
use super::super::model::{Corpus, Document};
use super::involve;
use super::register::RawActor;
use crate::engine::order;
use std::collections::BTreeMap;

/// True when `text[start..end]` stands as whole words: no letter or digit touches it.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Every whole-word occurrence of the aliases in `text`, leftmost-longest and without
/// overlaps, as (start, alias index).
pub fn find_aliases(text: &str, aliases: &[&str]) -> Vec<(usize, usize)> {
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    for (a, alias) in aliases.iter().enumerate() {
        for (start, _) in text.match_indices(alias) {
            if whole_word(text, start, start + alias.len()) {
                hits.push((start, alias.len(), a));
            }
        }
    }
    // Leftmost first, and at one place the longest.
    order::sort_by(&mut hits, |x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
    let mut out = Vec::new();
    let mut taken_until = 0;
    for (start, len, a) in hits {
        if start >= taken_until {
            out.push((start, a));
            taken_until = start + len;
        }
    }
    out
}

/// True when `text` stands as whole words in some passage of `doc`: a form recorded for
/// one document must be in it.
pub(super) fn appears_in(doc: &Document, text: &str) -> bool {
    doc.passages
        .iter()
        .any(|p| !find_aliases(&p.text, &[text]).is_empty())
}

/// Who owns each alias, keyed by (the one document it is scoped to, its text): the actor's
/// id and the line. A text claimed twice (or scoped where it is already global) is a
/// problem.
pub(super) type Owners<'a> = BTreeMap<(Option<&'a str>, &'a str), (&'a str, usize)>;

pub(super) fn claim_aliases<'a>(
    raw: &'a [RawActor],
    problems: &mut Vec<Problem>,
    path: &str,
) -> Owners<'a> {
    let mut owner: Owners = BTreeMap::new();
    for actor in raw {
        let scoped = actor
            .aliases
            .iter()
            .map(|(t, l)| (None, t.as_str(), *l))
            .chain(
                actor
                    .aliases_in
                    .iter()
                    .map(|(d, t, l)| (Some(d.as_str()), t.as_str(), *l)),
            );
        for (doc, text, line) in scoped {
            let clash = owner
                .get(&(doc, text))
                .or_else(|| doc.and_then(|_| owner.get(&(None, text))));
            if let Some((other, first)) = clash {
                problems.push(Problem {
                    path: path.to_string(),
                    line,
                    message: format!("alias “{text}” is also claimed by [{other}] on line {first}"),
                });
            } else {
                owner.insert((doc, text), (actor.id.as_str(), line));
            }
        }
    }
    owner
}

/// Marks in every passage the actors its aliases name (each alias counting where it is
/// scoped). Reports a global alias that names no passage, and returns where each global
/// alias matched, for the review.
pub(super) fn mark_mentions<'a>(
    corpus: &mut Corpus,
    raw: &[RawActor],
    owner: &Owners<'a>,
    problems: &mut Vec<Problem>,
    path: &str,
) -> BTreeMap<&'a str, Vec<(u16, u16)>> {
    let mut alias_used: BTreeMap<(Option<&str>, &str), bool> =
        owner.keys().map(|k| (*k, false)).collect();
    let mut alias_hits: BTreeMap<&str, Vec<(u16, u16)>> = BTreeMap::new();
    for (d, doc) in corpus.documents.iter_mut().enumerate() {
        let scoped: Vec<(&(Option<&str>, &str), usize)> = owner
            .iter()
            .filter(|((d, _), _)| d.is_none_or(|d| d == doc.id))
            .map(|(key, (id, _))| (key, raw.iter().position(|a| a.id == *id).unwrap_or(0)))
            .collect();
        let texts: Vec<&str> = scoped.iter().map(|((_, t), _)| *t).collect();
        for (p, passage) in doc.passages.iter_mut().enumerate() {
            for (_, a) in find_aliases(&passage.text, &texts) {
                let (key, actor) = scoped[a];
                alias_used.insert(*key, true);
                if key.0.is_none() {
                    alias_hits
                        .entry(key.1)
                        .or_default()
                        .push((d as u16, p as u16));
                }
                involve(&mut passage.actors, actor as u16).mentioned = true;
            }
        }
    }
    for ((doc, text), used) in &alias_used {
        if !used && doc.is_none() {
            problems.push(Problem {
                path: path.to_string(),
                line: owner[&(*doc, *text)].1,
                message: format!("alias “{text}” matches no passage (whole words, same case)"),
            });
        }
    }
    alias_hits
}
