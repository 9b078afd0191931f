//! The reviewer's checks (issue 23) on the register as resolved, and the dates a
//! description may state.

use super::super::date::MONTH_NAMES;
use super::super::load::{File, Problem};
use super::super::model::Corpus;
use super::aliases::{appears_in, find_aliases};
use super::register::RawActor;
use std::collections::BTreeMap;

/// Words that make an alias a reference ("the coalition", "his network") rather than a
/// name, when the rest of it is lowercase.
const DETERMINERS: [&str; 9] = [
    "the", "this", "that", "his", "her", "its", "their", "our", "my",
];

/// The reviewer's checks (issue 23), on the register as resolved: what keeps the next
/// document added to the standard the record was reviewed to, each as `path:line:
/// message`.
///
/// - A `support:` passage names the actor or gives its words or position: a description
///   rests on passages about the actor (the officers in a Surrey case were tied to Surrey
///   Police by two such lines).
/// - An alias is a name. A reference ("the coalition") names someone only in the documents
///   a reader checked, so it is recorded per document (`alias-in:`); so is a form that occurs
///   only in another speaker's words in one document ("Isle of Wight NHS", Wessex AHSN's
///   wording, once given as every document's name for the trust). A recorded reference that
///   also appears in a document it is not recorded for is listed: a reader decides there
///   (`alias-in:`, or `not-alias-in:` where the document leaves it in doubt).
/// - A description states no year or month that only an inferred date supports: each is
///   in the words of a passage it rests on, or in the stated date of that passage's
///   document ("disbanded its campaign in 2023" rested on a report dated by inference).
pub(super) fn review(
    file: &File,
    raw: &[RawActor],
    corpus: &Corpus,
    alias_hits: &BTreeMap<&str, Vec<(u16, u16)>>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let at = |line: usize, message: String| Problem {
        path: file.path.to_string(),
        line,
        message,
    };
    let doc_of = |id: &str| corpus.documents.iter().position(|d| d.id == id);
    let passage = |(d, p): (u16, u16)| &corpus.documents[usize::from(d)].passages[usize::from(p)];
    for (i, actor) in raw.iter().enumerate() {
        let me = i as u16;
        let involved = |place: (u16, u16)| {
            passage(place)
                .actors
                .iter()
                .any(|x| x.actor == me && (x.mentioned || x.said || x.reported || x.wrote))
        };
        for f in &actor.support {
            if let Ok(place) = super::super::events::find_passage(corpus, &f.doc, &f.fragment) {
                if !involved(place) {
                    problems.push(at(
                        f.line,
                        format!(
                            "support: the passage neither names [{}] nor gives its words or \
                             position: a description rests on passages about the actor",
                            actor.id
                        ),
                    ));
                }
            }
        }

        for (text, line) in &actor.aliases {
            let mut words = text.split(' ');
            let first = words.next().unwrap_or("").to_lowercase();
            let rest: Vec<&str> = words.collect();
            if DETERMINERS.contains(&first.as_str())
                && !rest.is_empty()
                && rest.iter().all(|w| !w.chars().any(char::is_uppercase))
            {
                problems.push(at(
                    *line,
                    format!(
                        "alias “{text}” is a reference, not a name: what it names depends on \
                         the document, so record it for each document where it names [{}] \
                         with 'alias-in: DOCUMENT: {text}' and a '# why:' comment",
                        actor.id
                    ),
                ));
                continue;
            }
            if actor.name.as_ref().is_some_and(|(n, _)| n == text) {
                continue;
            }
            // Another speaker's form: every match in one document, in the words (or the
            // reported position) of one actor other than this one and the document's own
            // authors.
            let Some(hits) = alias_hits.get(text.as_str()) else {
                continue;
            };
            let speakers = |&place: &(u16, u16)| -> Vec<u16> {
                passage(place)
                    .actors
                    .iter()
                    .filter(|x| x.actor != me && ((x.said && !x.wrote) || x.reported))
                    .map(|x| x.actor)
                    .collect()
            };
            let one_document = hits.iter().all(|h| h.0 == hits[0].0);
            let mut common = speakers(&hits[0]);
            for h in &hits[1..] {
                let here = speakers(h);
                common.retain(|a| here.contains(a));
            }
            if let (true, Some(&speaker)) = (one_document, common.first()) {
                let doc = &corpus.documents[usize::from(hits[0].0)].id;
                problems.push(at(
                    *line,
                    format!(
                        "alias “{text}” occurs only in the words of [{}] in {doc}: it is that \
                         speaker's way of naming, so record it with 'alias-in: {doc}: {text}' \
                         and a '# why:' comment saying why it names [{}] there, or leave it out",
                        corpus.actors[usize::from(speaker)].id,
                        actor.id
                    ),
                ));
            }
        }

        // Recorded references, and where else they stand.
        let recorded = |doc: &str, text: &str| {
            actor
                .aliases_in
                .iter()
                .chain(&actor.not_aliases_in)
                .any(|(d, t, _)| d == doc && t == text)
        };
        for (doc, text, line) in &actor.not_aliases_in {
            if actor
                .aliases_in
                .iter()
                .any(|(d, t, _)| d == doc && t == text)
            {
                problems.push(at(
                    *line,
                    format!(
                        "not-alias-in: “{text}” is also recorded as naming [{}] in {doc}",
                        actor.id
                    ),
                ));
            }
            match doc_of(doc) {
                None => problems.push(at(*line, format!("unknown document '{doc}'"))),
                Some(d) if !appears_in(&corpus.documents[d], text) => problems.push(at(
                    *line,
                    format!("not-alias-in: “{text}” appears nowhere in {doc}"),
                )),
                Some(_) => {}
            }
        }
        let mut listed: Vec<(&str, &str)> = Vec::new();
        for (doc, text, line) in &actor.aliases_in {
            for other in &corpus.documents {
                if other.id == *doc
                    || recorded(&other.id, text)
                    || listed.contains(&(other.id.as_str(), text.as_str()))
                {
                    continue;
                }
                // Where it stands on its own there, not inside a longer form that counts.
                let forms: Vec<&str> = corpus
                    .actors
                    .iter()
                    .flat_map(|a| {
                        a.aliases.iter().map(String::as_str).chain(
                            a.aliases_in
                                .iter()
                                .filter(|(d, _)| *d == other.id)
                                .map(|(_, t)| t.as_str()),
                        )
                    })
                    .chain([text.as_str()])
                    .collect();
                let last = forms.len() - 1;
                let bare = other.passages.iter().find(|p| {
                    find_aliases(&p.text, &forms)
                        .iter()
                        .any(|&(_, f)| f == last)
                });
                if let Some(p) = bare {
                    listed.push((other.id.as_str(), text.as_str()));
                    problems.push(at(
                        *line,
                        format!(
                            "“{text}” is recorded as naming [{}] in {doc}, and also stands in \
                             {}, where it counts for no one: if it names [{}] there too, \
                             add 'alias-in: {}: {text}' with a '# why:'; if that document \
                             leaves it in doubt, add 'not-alias-in: {}: {text}'",
                            actor.id,
                            other.locate(p),
                            actor.id,
                            other.id,
                            other.id
                        ),
                    ));
                }
            }
        }

        if let Some((description, line)) = &actor.description {
            let support: Vec<(u16, u16)> = actor
                .support
                .iter()
                .filter_map(|f| {
                    super::super::events::find_passage(corpus, &f.doc, &f.fragment).ok()
                })
                .collect();
            for message in unsupported_dates(corpus, description, &support) {
                problems.push(at(*line, format!("description: {message}")));
            }
        }
    }
    problems
}

/// The years and months ("2023", "June 2021") that `text` states and that neither the words
/// of the passages at `support` nor the stated dates of their documents hold, each as a
/// message: a date known only by inference is not stated as fact in our words.
pub fn unsupported_dates(corpus: &Corpus, text: &str, support: &[(u16, u16)]) -> Vec<String> {
    let stated: Vec<String> = support
        .iter()
        .filter_map(|&(d, _)| {
            let doc = &corpus.documents[usize::from(d)];
            (doc.date.basis == super::super::model::Basis::Stated)
                .then(|| doc.date.value.to_string())
        })
        .collect();
    let holds = |words: &str| {
        support.iter().any(|&(d, p)| {
            corpus.documents[usize::from(d)].passages[usize::from(p)]
                .text
                .contains(words)
        }) || stated.iter().any(|s| s.contains(words))
    };
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let is_year = w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.chars().all(|c| c.is_ascii_digit());
        if !is_year {
            continue;
        }
        let month = i
            .checked_sub(1)
            .map(|j| words[j])
            .filter(|m| MONTH_NAMES.contains(m));
        let date = match month {
            Some(m) => format!("{m} {w}"),
            None => w.to_string(),
        };
        if !holds(&date) {
            out.push(format!(
                "“{date}” is in none of the passages it rests on, nor in the stated date of \
                 their documents: a date known only by inference is not stated as fact; rest \
                 it on a passage that states it, or say it is inferred elsewhere (a note)"
            ));
        }
    }
    out
}
