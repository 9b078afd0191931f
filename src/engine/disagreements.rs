//! Where the record disagrees with itself (`corpus/disagreements.txt`): each question with
//! its positions, every position quoted verbatim from its passages and credited to whoever
//! takes it. Read and checked at build time, sans I/O: text in, problems out.

use super::date;
use super::events::find_passage;
use super::load::{read_register, File, Problem, RegisterLine};
use super::model::{Corpus, Difference, Disagreement, Position, Quote};
use super::text::is_slug;
use crate::engine::order;

const FIELDS: [&str; 7] = [
    "question",
    "difference",
    "note",
    "position",
    "by",
    "date",
    "quote",
];

/// The id that names the list of every disagreement in links (`#dis=all`): no entry may take it.
pub const ALL: &str = "all";

/// A disagreement being read: its line, whether it had a difference line, and per position
/// its line and whether it had a `by:` and a `quote:` line (so a bad one is reported once).
type Entry = (Disagreement, usize, bool, Vec<(usize, bool, bool)>);

/// Reads `corpus/disagreements.txt` into `corpus.disagreements`. Needs the documents and
/// the actors; returns every problem.
pub fn load(file: &File, corpus: &mut Corpus) -> Vec<Problem> {
    let mut problems = Vec::new();
    let lines = read_register(file, "disagreement", &FIELDS, &mut problems);
    let mut report = |line: usize, message: String| {
        problems.push(Problem {
            path: file.path.to_string(),
            line,
            message,
        })
    };
    let mut out: Vec<Entry> = Vec::new();
    for entry in lines {
        let (key, value, line) = match entry {
            RegisterLine::Entry { id, line } => {
                if id == ALL {
                    report(
                        line,
                        format!("[{ALL}] names the list of every disagreement: choose another id"),
                    );
                }
                out.push((
                    Disagreement {
                        id: id.to_string(),
                        question: String::new(),
                        difference: Difference::Conflict,
                        note: String::new(),
                        positions: Vec::new(),
                    },
                    line,
                    false,
                    Vec::new(),
                ));
                continue;
            }
            RegisterLine::Field { key, value, line } => (key, value, line),
        };
        let Some((d, _, has_difference, position_lines)) = out.last_mut() else {
            continue;
        };
        let position = d.positions.last_mut();
        match (key.as_str(), position) {
            ("question", _) => d.question = value.to_string(),
            ("note", _) => d.note = value.to_string(),
            ("difference", _) => match Difference::ALL.iter().find(|(_, name)| *name == value) {
                Some((difference, _)) => {
                    d.difference = *difference;
                    *has_difference = true;
                }
                None => {
                    // Said once, here: not again as a missing difference.
                    *has_difference = true;
                    report(
                        line,
                        format!(
                            "unknown difference '{value}': use {}",
                            Difference::ALL
                                .iter()
                                .map(|(_, n)| format!("'{n}'"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                }
            },
            ("position", _) => {
                d.positions.push(Position {
                    summary: value.to_string(),
                    by: u16::MAX,
                    date: None,
                    quotes: Vec::new(),
                });
                position_lines.push((line, false, false));
            }
            (_, None) => report(line, format!("{key}: before any position line")),
            ("by", Some(p)) => {
                position_lines.last_mut().expect("a position").1 = true;
                match corpus.actor_index(value) {
                    Some(a) => p.by = a as u16,
                    None => report(line, format!("unknown actor id '{value}'")),
                }
            }
            ("date", Some(p)) => match date::parse(value) {
                Ok(at) => p.date = Some(at),
                Err(e) => report(line, format!("date: {e}")),
            },
            ("quote", Some(p)) => {
                position_lines.last_mut().expect("a position").2 = true;
                let Some((doc, words)) = value
                    .split_once(':')
                    .map(|(d, w)| (d.trim(), w.trim()))
                    .filter(|(d, w)| is_slug(d) && !w.is_empty())
                else {
                    report(
                        line,
                        "quote: write 'document-id: the words, verbatim'".into(),
                    );
                    continue;
                };
                match find_passage(corpus, doc, words) {
                    Err(e) => report(line, e),
                    Ok(at) => {
                        if p.by != u16::MAX && !speaks_in(corpus, p.by, at) {
                            let (actor, document) = (
                                &corpus.actors[p.by as usize],
                                &corpus.documents[at.0 as usize],
                            );
                            report(
                                line,
                                format!(
                                    "{} neither speaks in, is reported by, nor wrote {}: \
                                     credit the position to whoever makes the claim",
                                    actor.id,
                                    document.locate(&document.passages[at.1 as usize])
                                ),
                            );
                        }
                        p.quotes.push(Quote {
                            at,
                            text: words.to_string(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    for (d, line, has_difference, position_lines) in &out {
        let mut missing = Vec::new();
        if d.question.is_empty() {
            missing.push("question");
        }
        if !has_difference {
            missing.push("difference");
        }
        if d.note.is_empty() {
            missing.push("note");
        }
        if !missing.is_empty() {
            report(
                *line,
                format!("[{}] has no {}", d.id, missing.join(", no ")),
            );
        }
        if d.positions.len() < 2 {
            report(
                *line,
                format!(
                    "[{}] needs two positions or more: a disagreement has sides",
                    d.id
                ),
            );
        }
        for (p, (at, had_by, had_quote)) in d.positions.iter().zip(position_lines) {
            // A position is its taker's words in a draft, or their words plainly: the page
            // says which once, for the whole position.
            let drafts: Vec<Option<usize>> = p
                .quotes
                .iter()
                .map(|q| corpus.draft_of(q.at, p.by))
                .collect();
            if drafts.windows(2).any(|w| w[0] != w[1]) {
                report(
                    *at,
                    format!(
                        "position '{}' quotes {} both from a draft and elsewhere: split it \
                         into a position for each",
                        p.summary,
                        corpus.actors[usize::from(p.by)].id
                    ),
                );
            }
            if !had_by {
                report(
                    *at,
                    format!("position '{}' has no by: who makes this claim?", p.summary),
                );
            }
            if !had_quote {
                report(
                    *at,
                    format!(
                        "position '{}' has no quote: give the words that make it",
                        p.summary
                    ),
                );
            }
        }
    }
    corpus.disagreements = out.into_iter().map(|(d, ..)| d).collect();
    order::sort(&mut problems);
    problems
}

/// Whether `actor` is who speaks in the passage at `at`: its own words (quoted or issued),
/// its position as the passage reports it, its document, or, for a reporter's sentence,
/// the document's publisher.
fn speaks_in(corpus: &Corpus, actor: u16, at: (u16, u16)) -> bool {
    let document = &corpus.documents[at.0 as usize];
    let passage = &document.passages[at.1 as usize];
    let involved = passage
        .actors
        .iter()
        .any(|i| i.actor == actor && (i.said || i.wrote || i.reported));
    let a = &corpus.actors[actor as usize];
    let publisher =
        document.publisher.value == a.name || a.aliases.contains(&document.publisher.value);
    involved || publisher
}

impl Corpus {
    pub fn disagreement_index(&self, id: &str) -> Option<usize> {
        self.disagreements.iter().position(|d| d.id == id)
    }

    /// The disagreements a passage takes part in (a position quotes it), by index.
    pub fn disagreements_at(&self, at: (u16, u16)) -> Vec<usize> {
        (0..self.disagreements.len())
            .filter(|&i| {
                self.disagreements[i]
                    .positions
                    .iter()
                    .any(|p| p.quotes.iter().any(|q| q.at == at))
            })
            .collect()
    }
}
