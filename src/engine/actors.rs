//! The actors of the record (`corpus/actors.txt`): read, checked, and resolved against the
//! documents at build time. Each passage learns which actors it names (every alias, whole
//! words, longest match first), whose words it gives (`said:` lines, and a report's
//! narration for its author) and whose position it only reports (`reports:` lines).
//!
//! Sans I/O like the loader: the file's text and the loaded corpus in, problems out.

use super::load::{read_register, File, Problem, RegisterLine};
use super::model::{Actor, ActorKind, Corpus, Involvement};
use super::text::is_slug;
use std::collections::BTreeMap;

const FIELDS: [&str; 12] = [
    "name",
    "kind",
    "alias",
    "alias-in",
    "not-alias-in",
    "description",
    "support",
    "said",
    "said-why",
    "reports",
    "part-of",
    "wrote",
];

/// The marks that open or close a quotation in the documents. Single quotes are left out:
/// ’ is also the apostrophe, and ‘…’ only nests inside a double-quoted quotation.
const QUOTE_MARKS: [char; 3] = ['“', '”', '"'];

/// A passage named by a document id and a fragment of its text, with where it was written.
struct PassageFragment {
    doc: String,
    fragment: String,
    line: usize,
}

/// A `said:` line, with the reason (`said-why:`, and its line) where its passage holds no
/// quotation and yet gives the actor's words.
struct SaidLine {
    at: PassageFragment,
    why: Option<(String, usize)>,
}

struct RawActor {
    id: String,
    line: usize,
    name: Option<(String, usize)>,
    kind: Option<(String, usize)>,
    aliases: Vec<(String, usize)>,
    aliases_in: Vec<(String, String, usize)>,
    /// References read in a document and found to name no one there for sure.
    not_aliases_in: Vec<(String, String, usize)>,
    description: Option<(String, usize)>,
    support: Vec<PassageFragment>,
    said: Vec<SaidLine>,
    reports: Vec<PassageFragment>,
    part_of: Option<(String, usize)>,
    wrote: Vec<(String, usize)>,
}

/// Splits `DOC-ID: text`.
fn doc_and_text(value: &str) -> Option<(String, String)> {
    let (doc, text) = value.split_once(':')?;
    let (doc, text) = (doc.trim(), text.trim());
    (is_slug(doc) && !text.is_empty()).then(|| (doc.to_string(), text.to_string()))
}

fn parse(file: &File, problems: &mut Vec<Problem>) -> Vec<RawActor> {
    let mut actors: Vec<RawActor> = Vec::new();
    let lines = read_register(file, "actor", &FIELDS, problems);
    // Whether the field just read was a `said:` line, the only place a `said-why:` may go.
    let mut after_said = false;
    let mut report = |line: usize, message: String| {
        problems.push(Problem {
            path: file.path.to_string(),
            line,
            message,
        })
    };
    for entry in lines {
        let (key, value, line) = match entry {
            RegisterLine::Entry { id, line } => {
                actors.push(RawActor {
                    id: id.to_string(),
                    line,
                    name: None,
                    kind: None,
                    aliases: Vec::new(),
                    aliases_in: Vec::new(),
                    not_aliases_in: Vec::new(),
                    description: None,
                    support: Vec::new(),
                    said: Vec::new(),
                    reports: Vec::new(),
                    part_of: None,
                    wrote: Vec::new(),
                });
                after_said = false;
                continue;
            }
            RegisterLine::Field { key, value, line } => (key, value.to_string(), line),
        };
        let Some(actor) = actors.last_mut() else {
            continue;
        };
        let follows_said = std::mem::replace(&mut after_said, key == "said");
        let single = |slot: &mut Option<(String, usize)>, report: &mut dyn FnMut(usize, String)| {
            if let Some((_, first)) = slot {
                report(
                    line,
                    format!("field '{key}' is given twice (first on line {first})"),
                );
            } else {
                *slot = Some((value.clone(), line));
            }
        };
        match key.as_str() {
            "name" => single(&mut actor.name, &mut report),
            "kind" => single(&mut actor.kind, &mut report),
            "description" => single(&mut actor.description, &mut report),
            "part-of" => single(&mut actor.part_of, &mut report),
            "alias" => actor.aliases.push((value, line)),
            "wrote" => actor.wrote.push((value, line)),
            "said-why" => match actor.said.last_mut() {
                Some(said) if follows_said && said.why.is_none() => said.why = Some((value, line)),
                _ => report(
                    line,
                    "said-why: put the reason on the line right after the said: line it explains"
                        .to_string(),
                ),
            },
            "alias-in" | "not-alias-in" | "support" | "said" | "reports" => {
                match doc_and_text(&value) {
                    None => report(
                        line,
                        format!("{key}: write 'document-id: words of the passage'"),
                    ),
                    Some((doc, fragment)) => {
                        let at = PassageFragment {
                            doc,
                            fragment,
                            line,
                        };
                        match key.as_str() {
                            "alias-in" => actor.aliases_in.push((at.doc, at.fragment, line)),
                            "not-alias-in" => {
                                actor.not_aliases_in.push((at.doc, at.fragment, line))
                            }
                            "support" => actor.support.push(at),
                            "reports" => actor.reports.push(at),
                            _ => actor.said.push(SaidLine { at, why: None }),
                        }
                    }
                }
            }
            _ => {}
        }
    }
    actors
}

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
    hits.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
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

/// Reads `corpus/actors.txt` into `corpus.actors` and records in every passage the actors
/// it involves. Returns every problem found.
pub fn load(file: &File, corpus: &mut Corpus) -> Vec<Problem> {
    let mut problems = Vec::new();
    let raw = parse(file, &mut problems);
    let at = |line: usize, message: String| Problem {
        path: file.path.to_string(),
        line,
        message,
    };
    let doc_index: BTreeMap<String, usize> = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), i))
        .collect();

    // The one passage of `doc` holding `fragment`, or a problem (shared with the events).
    let find_passage = |f: &PassageFragment, problems: &mut Vec<Problem>| -> Option<(u16, u16)> {
        super::events::find_passage(corpus, &f.doc, &f.fragment)
            .map_err(|message| problems.push(at(f.line, message)))
            .ok()
    };

    // Aliases: each text names one actor (globally, or within one document).
    let mut owner: BTreeMap<(Option<&str>, &str), (&str, usize)> = BTreeMap::new();
    for actor in &raw {
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
                problems.push(at(
                    line,
                    format!("alias “{text}” is also claimed by [{other}] on line {first}"),
                ));
            } else {
                owner.insert((doc, text), (actor.id.as_str(), line));
            }
        }
    }

    let mut actors: Vec<Actor> = Vec::new();
    for actor in &raw {
        let missing = |field: &str| at(actor.line, format!("[{}] has no {field}", actor.id));
        let kind = match &actor.kind {
            None => {
                problems.push(missing("kind"));
                ActorKind::Organisation
            }
            Some((k, line)) => match ActorKind::ALL.iter().find(|(_, n)| n == k) {
                Some((kind, _)) => *kind,
                None => {
                    problems.push(at(
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
        let mut wrote = Vec::new();
        for (doc, line) in &actor.wrote {
            let Some(&d) = doc_index.get(doc.as_str()) else {
                problems.push(at(*line, format!("unknown document '{doc}'")));
                continue;
            };
            // The document must itself say so: its author field names this actor.
            let names: Vec<&str> = actor
                .name
                .iter()
                .map(|(n, _)| n.as_str())
                .chain(actor.aliases.iter().map(|(a, _)| a.as_str()))
                .collect();
            match &corpus.documents[d].author {
                Some(author) if names.iter().any(|n| author.value.contains(n)) => {
                    wrote.push(d as u16)
                }
                Some(author) => problems.push(at(
                    *line,
                    format!(
                        "{doc}'s stated author is “{}”, not this actor",
                        author.value
                    ),
                )),
                None => problems.push(at(*line, format!("{doc} states no author"))),
            }
        }
        for (doc, text, line) in &actor.aliases_in {
            match doc_index.get(doc.as_str()) {
                None => problems.push(at(*line, format!("unknown document '{doc}'"))),
                Some(&d) => {
                    let found = corpus.documents[d]
                        .passages
                        .iter()
                        .any(|p| !find_aliases(&p.text, &[text.as_str()]).is_empty());
                    if !found {
                        problems.push(at(
                            *line,
                            format!("alias “{text}” appears nowhere in {doc}"),
                        ));
                    }
                }
            }
        }
        let support = actor
            .support
            .iter()
            .filter_map(|f| find_passage(f, &mut problems))
            .collect();
        actors.push(Actor {
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
            wrote,
            part_of: None,
        });
    }
    for (i, actor) in raw.iter().enumerate() {
        if let Some((id, line)) = &actor.part_of {
            match raw.iter().position(|a| &a.id == id) {
                Some(j) if j != i => actors[i].part_of = Some(j as u16),
                _ => problems.push(at(*line, format!("part-of: unknown actor id '{id}'"))),
            }
        }
    }

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
                .filter_map(|s| doc_index.get(s.at.doc.as_str()).map(|&d| d as u16))
                .filter(|d| wrote.contains(d))
                .map(move |d| (d, i))
                .collect::<Vec<_>>()
        })
        .collect();
    // Words said: named passages, or `*` for a whole document its authors issued.
    // Resolved before any passage changes.
    let mut said: Vec<(u16, u16, u16)> = Vec::new();
    for (i, actor) in raw.iter().enumerate() {
        let wrote = &actors[i].wrote;
        for SaidLine { at: f, why } in &actor.said {
            if f.fragment == "*" {
                if let Some((_, line)) = why {
                    problems.push(at(
                        *line,
                        "said-why: not needed: every passage of a document this actor wrote \
                         is its words"
                            .to_string(),
                    ));
                }
                match doc_index.get(f.doc.as_str()) {
                    None => problems.push(at(f.line, format!("unknown document '{}'", f.doc))),
                    // Every passage is the actor's words only where the actor issued it.
                    Some(&d) if !wrote.contains(&(d as u16)) => problems.push(at(
                        f.line,
                        format!(
                            "said: {}: * (every passage) is for a document this actor wrote: \
                             add 'wrote: {}' or name the passages",
                            f.doc, f.doc
                        ),
                    )),
                    Some(&d) => said.extend(
                        (0..corpus.documents[d].passages.len())
                            .map(|p| (i as u16, d as u16, p as u16)),
                    ),
                }
                continue;
            }
            let Some((d, p)) = find_passage(f, &mut problems) else {
                continue;
            };
            said.push((i as u16, d, p));
            // Outside its own documents an actor's words reach the page only as a quotation;
            // a passage without one reports its position in the writer's words, unless a
            // reason says otherwise.
            let own = wrote.contains(&d);
            let text = &corpus.documents[usize::from(d)].passages[usize::from(p)].text;
            let quoted = text.contains(QUOTE_MARKS);
            let issuer = issued_whole.get(&d).copied().filter(|&j| j != i);
            match why {
                None if !own && quoted && issuer.is_some() => problems.push(at(
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
                None if !own && !quoted => problems.push(at(
                    f.line,
                    format!(
                        "said: the passage holds no quotation (“…”), so it gives no words of \
                         [{}]: record their position with 'reports:', or give the reason on a \
                         'said-why:' line right after this one",
                        actor.id
                    ),
                )),
                Some((_, line)) if own || (quoted && issuer.is_none()) => problems.push(at(
                    *line,
                    format!(
                        "said-why: not needed: the passage {}",
                        if own {
                            "is in a document this actor wrote"
                        } else {
                            "holds a quotation"
                        }
                    ),
                )),
                _ => {}
            }
        }
    }
    // Positions reported in others' words: never also the actor's own words.
    let mut reported: Vec<(u16, u16, u16)> = Vec::new();
    for (i, actor) in raw.iter().enumerate() {
        for f in &actor.reports {
            let Some((d, p)) = find_passage(f, &mut problems) else {
                continue;
            };
            if said.contains(&(i as u16, d, p)) {
                problems.push(at(
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

    // Mentions: every passage, every alias that counts in its document.
    let mut alias_used: BTreeMap<(Option<&str>, &str), bool> =
        owner.keys().map(|k| (*k, false)).collect();
    // Where each global alias matched, for the review of the register below.
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
    for (actor, d, p) in said {
        let passage = &mut corpus.documents[usize::from(d)].passages[usize::from(p)];
        involve(&mut passage.actors, actor).said = true;
    }
    for (actor, d, p) in reported {
        let passage = &mut corpus.documents[usize::from(d)].passages[usize::from(p)];
        involve(&mut passage.actors, actor).reported = true;
    }
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
    for ((doc, text), used) in &alias_used {
        if !used && doc.is_none() {
            let line = owner[&(*doc, *text)].1;
            problems.push(at(
                line,
                format!("alias “{text}” matches no passage (whole words, same case)"),
            ));
        }
    }

    for (i, actor) in raw.iter().enumerate() {
        let involved = corpus
            .documents
            .iter()
            .flat_map(|d| &d.passages)
            .any(|p| p.actors.iter().any(|x| usize::from(x.actor) == i));
        if !involved {
            problems.push(at(
                actor.line,
                format!(
                    "[{}] is in no passage: no alias matches, no said, reports or wrote line",
                    actor.id
                ),
            ));
        }
    }
    for doc in &mut corpus.documents {
        for p in &mut doc.passages {
            p.actors.sort_by_key(|x| x.actor);
        }
    }
    corpus.actors = actors;
    problems.extend(review(file, &raw, corpus, &alias_hits));
    problems.sort();
    problems
}

/// Words that make an alias a reference ("the coalition", "his network") rather than a
/// name, when the rest of it is lowercase.
const DETERMINERS: [&str; 9] = [
    "the", "this", "that", "his", "her", "its", "their", "our", "my",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
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
fn review(
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
            if let Ok(place) = super::events::find_passage(corpus, &f.doc, &f.fragment) {
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
                Some(d) => {
                    let found = corpus.documents[d]
                        .passages
                        .iter()
                        .any(|p| !find_aliases(&p.text, &[text.as_str()]).is_empty());
                    if !found {
                        problems.push(at(
                            *line,
                            format!("not-alias-in: “{text}” appears nowhere in {doc}"),
                        ));
                    }
                }
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
                             ¶{} of {}, where it counts for no one: if it names [{}] there too, \
                             add 'alias-in: {}: {text}' with a '# why:'; if that document \
                             leaves it in doubt, add 'not-alias-in: {}: {text}'",
                            actor.id, p.number, other.id, actor.id, other.id, other.id
                        ),
                    ));
                }
            }
        }

        if let Some((description, line)) = &actor.description {
            let support: Vec<(u16, u16)> = actor
                .support
                .iter()
                .filter_map(|f| super::events::find_passage(corpus, &f.doc, &f.fragment).ok())
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
            (doc.date.basis == super::model::Basis::Stated).then(|| doc.date.value.to_string())
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
            .filter(|m| MONTHS.contains(m));
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
