//! The register resolved against the documents: each actor built and checked (its kind,
//! the documents it wrote, its supporting passages), then the passages whose words it
//! gives (`said:`), whose position they report (`reports:`), and its narration as an
//! author.

use super::super::load::{File, Problem};
use super::super::model::{Actor, ActorKind, Corpus};
use super::aliases::appears_in;
use super::register::{PassageFragment, RawActor, SaidLine};
use std::collections::BTreeMap;

/// The marks that open or close a quotation in the documents. Single quotes are left out:
/// ’ is also the apostrophe, and ‘…’ only nests inside a double-quoted quotation.
const QUOTE_MARKS: [char; 3] = ['“', '”', '"'];

/// (actor, document, passage) positions.
pub(super) type Marks = Vec<(u16, u16, u16)>;

/// What resolving reads: the corpus, the register's file (for problems' paths) and each
/// document's position by id.
pub(super) struct Resolver<'a> {
    pub corpus: &'a Corpus,
    pub file: &'a File<'a>,
    pub doc_index: BTreeMap<String, usize>,
}

impl Resolver<'_> {
    pub fn at(&self, line: usize, message: String) -> Problem {
        Problem {
            path: self.file.path.to_string(),
            line,
            message,
        }
    }

    /// The one passage of `doc` holding `fragment`, or a problem (shared with the events).
    fn find_passage(&self, f: &PassageFragment, problems: &mut Vec<Problem>) -> Option<(u16, u16)> {
        super::super::events::find_passage(self.corpus, &f.doc, &f.fragment)
            .map_err(|message| problems.push(self.at(f.line, message)))
            .ok()
    }

    /// Every actor of the register, checked, with what it belongs to.
    pub fn actors(&self, raw: &[RawActor], problems: &mut Vec<Problem>) -> Vec<Actor> {
        let mut actors: Vec<Actor> = raw.iter().map(|a| self.actor(a, problems)).collect();
        for (i, actor) in raw.iter().enumerate() {
            if let Some((id, line)) = &actor.part_of {
                match raw.iter().position(|a| &a.id == id) {
                    Some(j) if j != i => actors[i].part_of = Some(j as u16),
                    _ => problems.push(self.at(*line, format!("part-of: unknown actor id '{id}'"))),
                }
            }
        }
        actors
    }

    fn actor(&self, actor: &RawActor, problems: &mut Vec<Problem>) -> Actor {
        let missing = |field: &str| self.at(actor.line, format!("[{}] has no {field}", actor.id));
        let kind = match &actor.kind {
            None => {
                problems.push(missing("kind"));
                ActorKind::Organisation
            }
            Some((k, line)) => match ActorKind::ALL.iter().find(|(_, n)| n == k) {
                Some((kind, _)) => *kind,
                None => {
                    problems.push(self.at(
                        *line,
                        format!("unknown kind '{k}': use person, organisation or group"),
                    ));
                    ActorKind::Organisation
                }
            },
        };
        if actor.name.is_none() {
            problems.push(missing("name"));
        }
        if actor.description.is_none() {
            problems.push(missing("description"));
        }
        if actor.support.is_empty() && actor.wrote.is_empty() {
            problems.push(missing(
                "support line (a passage that supports its description) or wrote line",
            ));
        }
        for (doc, text, line) in &actor.aliases_in {
            match self.doc_index.get(doc.as_str()) {
                None => problems.push(self.at(*line, format!("unknown document '{doc}'"))),
                Some(&d) if !appears_in(&self.corpus.documents[d], text) => problems
                    .push(self.at(*line, format!("alias “{text}” appears nowhere in {doc}"))),
                Some(_) => {}
            }
        }
        let support = actor
            .support
            .iter()
            .filter_map(|f| self.find_passage(f, problems))
            .collect();
        Actor {
            id: actor.id.clone(),
            name: actor.name.clone().map(|n| n.0).unwrap_or_default(),
            kind,
            aliases: actor.aliases.iter().map(|(t, _)| t.clone()).collect(),
            aliases_in: actor
                .aliases_in
                .iter()
                .map(|(d, t, _)| (d.clone(), t.clone()))
                .collect(),
            description: actor.description.clone().map(|d| d.0).unwrap_or_default(),
            support,
            wrote: self.wrote(actor, problems),
            part_of: None,
        }
    }

    /// The documents the actor wrote: each must itself say so, its author field naming
    /// the actor.
    fn wrote(&self, actor: &RawActor, problems: &mut Vec<Problem>) -> Vec<u16> {
        let mut wrote = Vec::new();
        for (doc, line) in &actor.wrote {
            let Some(&d) = self.doc_index.get(doc.as_str()) else {
                problems.push(self.at(*line, format!("unknown document '{doc}'")));
                continue;
            };
            let names: Vec<&str> = actor
                .name
                .iter()
                .map(|(n, _)| n.as_str())
                .chain(actor.aliases.iter().map(|(a, _)| a.as_str()))
                .collect();
            match &self.corpus.documents[d].author {
                Some(author) if names.iter().any(|n| author.value.contains(n)) => {
                    wrote.push(d as u16)
                }
                Some(author) => problems.push(self.at(
                    *line,
                    format!(
                        "{doc}'s stated author is “{}”, not this actor",
                        author.value
                    ),
                )),
                None => problems.push(self.at(*line, format!("{doc} states no author"))),
            }
        }
        wrote
    }

    /// The passages whose words each actor gives: named passages, or `*` for a whole
    /// document its authors issued. Resolved before any passage changes.
    pub fn said(&self, raw: &[RawActor], actors: &[Actor], problems: &mut Vec<Problem>) -> Marks {
        // The documents an actor issued whole (`said: DOC: *` for a document it wrote): in
        // them every sentence is that actor's, its quotation marks included, unless it says whose
        // words they are (issue 23: the coalition's statement quoted “completely inaccurate
        // data” without saying whose phrase it was, and the register gave it to Hampshire
        // Constabulary).
        let issued_whole: BTreeMap<u16, usize> = raw
            .iter()
            .enumerate()
            .flat_map(|(i, actor)| {
                let wrote = &actors[i].wrote;
                actor
                    .said
                    .iter()
                    .filter(|s| s.at.fragment == "*")
                    .filter_map(|s| self.doc_index.get(s.at.doc.as_str()).map(|&d| d as u16))
                    .filter(|d| wrote.contains(d))
                    .map(move |d| (d, i))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut said: Vec<(u16, u16, u16)> = Vec::new();
        for (i, actor) in raw.iter().enumerate() {
            let wrote = &actors[i].wrote;
            for SaidLine { at: f, why } in &actor.said {
                if f.fragment == "*" {
                    if let Some((_, line)) = why {
                        problems.push(self.at(
                            *line,
                            "said-why: not needed: every passage of a document this actor wrote \
                             is its words"
                                .to_string(),
                        ));
                    }
                    match self.doc_index.get(f.doc.as_str()) {
                        None => {
                            problems.push(self.at(f.line, format!("unknown document '{}'", f.doc)))
                        }
                        // Every passage is the actor's words only where the actor issued it.
                        Some(&d) if !wrote.contains(&(d as u16)) => problems.push(self.at(
                            f.line,
                            format!(
                                "said: {}: * (every passage) is for a document this actor wrote: \
                                 add 'wrote: {}' or name the passages",
                                f.doc, f.doc
                            ),
                        )),
                        Some(&d) => said.extend(
                            (0..self.corpus.documents[d].passages.len())
                                .map(|p| (i as u16, d as u16, p as u16)),
                        ),
                    }
                    continue;
                }
                let Some((d, p)) = self.find_passage(f, problems) else {
                    continue;
                };
                said.push((i as u16, d, p));
                // Outside its own documents an actor's words reach the page only as a quotation;
                // a passage without one reports its position in the writer's words, unless a
                // reason says otherwise.
                let own = wrote.contains(&d);
                let text = &self.corpus.documents[usize::from(d)].passages[usize::from(p)].text;
                let quoted = text.contains(QUOTE_MARKS);
                let issuer = issued_whole.get(&d).copied().filter(|&j| j != i);
                match why {
                    None if !own && quoted && issuer.is_some() => problems.push(self.at(
                        f.line,
                        format!(
                            "said: this passage is in {doc}, which [{issuer}] issued whole \
                             (said: {doc}: *), so its quotation marks are its own unless it says \
                             whose words they are: record [{id}]'s position with 'reports:', or \
                             give the reason on a 'said-why:' line right after this one",
                            doc = f.doc,
                            issuer = raw[issuer.unwrap_or(i)].id,
                            id = actor.id
                        ),
                    )),
                    None if !own && !quoted => problems.push(self.at(
                        f.line,
                        format!(
                            "said: the passage holds no quotation (“…”), so it gives no words of \
                             [{}]: record their position with 'reports:', or give the reason on a \
                             'said-why:' line right after this one",
                            actor.id
                        ),
                    )),
                    Some((_, line)) if own || (quoted && issuer.is_none()) => {
                        problems.push(self.at(
                            *line,
                            format!(
                                "said-why: not needed: the passage {}",
                                if own {
                                    "is in a document this actor wrote"
                                } else {
                                    "holds a quotation"
                                }
                            ),
                        ))
                    }
                    _ => {}
                }
            }
        }
        said
    }

    /// Positions reported in others' words: never also the actor's own words.
    pub fn reported(&self, raw: &[RawActor], said: &Marks, problems: &mut Vec<Problem>) -> Marks {
        // Positions reported in others' words: never also the actor's own words.
        let mut reported: Vec<(u16, u16, u16)> = Vec::new();
        for (i, actor) in raw.iter().enumerate() {
            for f in &actor.reports {
                let Some((d, p)) = self.find_passage(f, problems) else {
                    continue;
                };
                if said.contains(&(i as u16, d, p)) {
                    problems.push(self.at(
                        f.line,
                        format!(
                            "reports: [{}] also has a said: line for this passage: a passage gives \
                             an actor's words or reports its position, not both",
                            actor.id
                        ),
                    ));
                }
                reported.push((i as u16, d, p));
            }
        }
        reported
    }
}
