//! The timeline's events (`corpus/events.txt`): read, checked against the documents and the
//! actors, and put in date order at build time. Sans I/O: text in, problems out.

use super::date;
use super::load::{read_register, File, Problem, RegisterLine};
use super::model::{Claim, Corpus, Event, PassageAt};
use super::text::is_slug;
use crate::engine::order;

const FIELDS: [&str; 7] = [
    "title",
    "date",
    "source",
    "disagreement",
    "actor",
    "note",
    "publication",
];

/// Finds the one passage of `doc` holding `fragment`, as (document, passage) positions.
pub fn find_passage(corpus: &Corpus, doc: &str, fragment: &str) -> Result<PassageAt, String> {
    let Some(d) = corpus.documents.iter().position(|d| d.id == doc) else {
        return Err(format!("unknown document '{doc}'"));
    };
    let hits: Vec<usize> = corpus.documents[d]
        .passages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.text.contains(fragment))
        .map(|(i, _)| i)
        .collect();
    match hits.as_slice() {
        [p] => Ok((d as u16, *p as u16)),
        [] => Err(format!("no passage of {doc} contains “{fragment}”")),
        _ => Err(format!(
            "{} passages of {doc} contain “{fragment}”: quote more words",
            hits.len()
        )),
    }
}

/// Reads `corpus/events.txt` into `corpus.events`, in date order. Needs the documents, the
/// actors and the disagreements: a disputed event names its disagreement, whose positions
/// give its other dates. Returns every problem.
pub fn load(file: &File, corpus: &mut Corpus) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut events = read_events(file, corpus, &mut problems);
    let mut report = |line: usize, message: String| {
        problems.push(Problem {
            path: file.path.to_string(),
            line,
            message,
        })
    };
    // A publication is dated as its document, and each document is published once.
    let mut published = vec![false; corpus.documents.len()];
    for (event, line, has_date) in &events {
        let Some(d) = event.publication.map(usize::from) else {
            continue;
        };
        let doc = &corpus.documents[d];
        if *has_date && event.date != doc.date.value {
            report(
                *line,
                format!(
                    "[{}]: a publication has its document's date ({}), not {}",
                    event.id, doc.date.value, event.date
                ),
            );
        }
        if std::mem::replace(&mut published[d], true) {
            report(
                *line,
                format!(
                    "[{}]: '{}' already has a publication event",
                    event.id, doc.id
                ),
            );
        }
    }
    // A disputed event's other dates are its disagreement's: every position gives one, and
    // the event's own date is one of them.
    for (event, line, has_date) in &mut events {
        let Some(d) = event
            .disagreement
            .map(|i| &corpus.disagreements[i as usize])
        else {
            continue;
        };
        for p in &d.positions {
            match p.date {
                None => report(
                    *line,
                    format!(
                        "[{}]: its disagreement [{}] has a position without a date ('{}')",
                        event.id, d.id, p.summary
                    ),
                ),
                Some(at) if at == event.date => {}
                Some(at) => event.claims.push(Claim {
                    date: at,
                    sources: p.quotes.iter().map(|q| q.at).collect(),
                }),
            }
        }
        if *has_date && !d.positions.iter().any(|p| p.date == Some(event.date)) {
            report(
                *line,
                format!(
                    "[{}]: its date {} is none of the dates of its disagreement [{}]",
                    event.id, event.date, d.id
                ),
            );
        }
    }
    // A relative date in a passage dates one thing (issue 23: the June 2021 report's
    // "earlier this month" dates DNS's earlier report, and was also read as dating the
    // network's shutdown, which the same passage tells of). Each phrase an event's note
    // quotes from one of its sources is claimed by that event alone.
    let mut resolved: Vec<((u16, u16), String, &str)> = Vec::new();
    for (event, line, _) in &events {
        for phrase in quoted(event.note.as_deref().unwrap_or("")) {
            let lower = phrase.to_lowercase();
            for &at in &event.sources {
                let doc = &corpus.documents[usize::from(at.0)];
                let passage = &doc.passages[usize::from(at.1)];
                if !passage.text.to_lowercase().contains(&lower) {
                    continue;
                }
                match resolved.iter().find(|(a, p, _)| *a == at && *p == lower) {
                    Some((_, _, other)) if *other != event.id => report(
                        *line,
                        format!(
                            "[{}]: its note resolves “{phrase}” of {}, as [{other}] does: a \
                             relative date dates one thing; say which, and date the other \
                             from its own words",
                            event.id,
                            doc.locate(passage)
                        ),
                    ),
                    Some(_) => {}
                    None => resolved.push((at, lower.clone(), event.id.as_str())),
                }
            }
        }
        // A title states no year or month only an inferred date supports.
        for message in super::actors::unsupported_dates(corpus, &event.title, &event.sources) {
            report(*line, format!("[{}]: title: {message}", event.id));
        }
    }
    let mut events: Vec<Event> = events.into_iter().map(|(e, _, _)| e).collect();
    order::sort_by(&mut events, |a, b| {
        (a.date.sort_key(), &a.id).cmp(&(b.date.sort_key(), &b.id))
    });
    corpus.events = events;
    order::sort(&mut problems);
    problems
}

/// The register's events as written, each with its line and whether it had a date line,
/// their sources, disagreement, actors and publication resolved; an event missing its
/// title, date or sources is reported.
fn read_events(
    file: &File,
    corpus: &Corpus,
    problems: &mut Vec<Problem>,
) -> Vec<(Event, usize, bool)> {
    let lines = read_register(file, "event", &FIELDS, problems);
    let mut report = |line: usize, message: String| {
        problems.push(Problem {
            path: file.path.to_string(),
            line,
            message,
        })
    };
    let mut events: Vec<(Event, usize, bool)> = Vec::new();
    for entry in lines {
        let (key, value, line) = match entry {
            RegisterLine::Entry { id, line } => {
                events.push((
                    Event::dated(
                        id.to_string(),
                        date::DateSpec::On(date::Point::Year {
                            year: date::MIN_YEAR,
                        }),
                    ),
                    line,
                    false,
                ));
                continue;
            }
            RegisterLine::Field { key, value, line } => (key, value, line),
        };
        let Some((event, _, has_date)) = events.last_mut() else {
            continue;
        };
        match key.as_str() {
            "title" => event.title = value.to_string(),
            "note" => event.note = Some(value.to_string()),
            "date" => match date::parse(value) {
                Err(e) => report(line, format!("{key}: {e}")),
                Ok(d) => {
                    event.date = d;
                    *has_date = true;
                }
            },
            "disagreement" => match corpus.disagreement_index(value) {
                Some(i) => event.disagreement = Some(i as u16),
                None => report(
                    line,
                    format!("unknown disagreement id '{value}' (corpus/disagreements.txt)"),
                ),
            },
            "source" => {
                let Some((doc, fragment)) = value
                    .split_once(':')
                    .map(|(d, f)| (d.trim(), f.trim()))
                    .filter(|(d, f)| is_slug(d) && !f.is_empty())
                else {
                    report(
                        line,
                        format!("{key}: write 'document-id: words of the passage'"),
                    );
                    continue;
                };
                match find_passage(corpus, doc, fragment) {
                    Err(e) => report(line, e),
                    Ok(at) => event.sources.push(at),
                }
            }
            "actor" => match corpus.actor_index(value) {
                Some(a) => event.actors.push(a as u16),
                None => report(line, format!("unknown actor id '{value}'")),
            },
            "publication" => match corpus.documents.iter().position(|d| d.id == value) {
                Some(d) => event.publication = Some(d as u16),
                None => report(line, format!("publication: unknown document id '{value}'")),
            },
            _ => {}
        }
    }
    for (event, line, has_date) in &events {
        if event.title.is_empty() {
            report(*line, format!("[{}] has no title", event.id));
        }
        if !has_date {
            report(*line, format!("[{}] has no date", event.id));
        }
        if event.sources.is_empty() {
            report(
                *line,
                format!(
                    "[{}] has no source: name the passages that state it",
                    event.id
                ),
            );
        }
    }
    events
}

/// The phrases `text` puts in quotation marks (“…” or "…"), as written.
pub fn quoted(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(['“', '"']) {
        let open = rest[start..].chars().next().unwrap_or('"');
        let close = if open == '“' { '”' } else { '"' };
        let inner = &rest[start + open.len_utf8()..];
        let Some(end) = inner.find(close) else { break };
        out.push(&inner[..end]);
        rest = &inner[end + close.len_utf8()..];
    }
    out
}
