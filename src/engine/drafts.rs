//! Drafts the record quotes (`corpus/drafts.txt`): documents it does not hold, whose words
//! reach it only through a report, and which are not simply their authors' published words:
//! written by several bodies together, or not published by those whose words they are. A
//! passage quoting one gives its authors' words *in that draft*, and every place that
//! credits words says so in the words this module builds ("Words of NHS England, in a draft
//! co-produced with StopSIM Coalition that NHS England did not publish, released by StopSIM
//! Coalition"): a passage's actors line, an actor's page, a disagreement's positions,
//! citations and exports. Otherwise a reader citing the page would write "NHS England said
//! sorry" of words NHS England never published.
//!
//! The register is read and checked at build time, sans I/O like the others (text in,
//! problems out); the credit functions are pure and run in the page too.

use super::actors::find_aliases;
use super::events::find_passage;
use super::load::{read_register, File, Problem, RegisterLine};
use super::model::{Corpus, Draft, Passage, Position};
use super::text::is_slug;
use crate::engine::order;

const FIELDS: [&str; 6] = [
    "by",
    "unpublished-by",
    "released-by",
    "support",
    "cited-as",
    "quoted",
];

/// `DOC-ID: words` as written, with its line.
struct Fragment {
    doc: String,
    words: String,
    line: usize,
}

struct RawDraft {
    id: String,
    line: usize,
    by: Vec<(String, usize)>,
    unpublished_by: Vec<(String, usize)>,
    released_by: Vec<(String, usize)>,
    support: Vec<Fragment>,
    cited_as: Vec<Fragment>,
    quoted: Vec<Fragment>,
}

/// Reads `corpus/drafts.txt` into `corpus.drafts`. Needs the documents and the actors (each
/// quoted passage must credit an author's words or position). Returns every problem.
pub fn load(file: &File, corpus: &mut Corpus) -> Vec<Problem> {
    let mut problems = Vec::new();
    let raw = read_drafts(file, &mut problems);
    let at = |line: usize, message: String| Problem {
        path: file.path.to_string(),
        line,
        message,
    };

    let mut drafts: Vec<Draft> = Vec::new();
    for r in &raw {
        let actors = |list: &[(String, usize)], problems: &mut Vec<Problem>| -> Vec<u16> {
            list.iter()
                .filter_map(|(id, line)| match corpus.actor_index(id) {
                    Some(a) => Some(a as u16),
                    None => {
                        problems.push(at(*line, format!("unknown actor id '{id}'")));
                        None
                    }
                })
                .collect()
        };
        let by = actors(&r.by, &mut problems);
        let unpublished_by = actors(&r.unpublished_by, &mut problems);
        let released_by = actors(&r.released_by, &mut problems);
        if r.by.is_empty() {
            problems.push(at(r.line, format!("[{}] has no by: who wrote it?", r.id)));
        }
        // A single author's published document is just that author's words: say.
        if r.by.len() == 1 && r.unpublished_by.is_empty() {
            problems.push(at(
                r.line,
                format!(
                    "[{}] has one author and no unpublished-by: a document its one author \
                     published gives its words plainly; record them with said: in \
                     corpus/actors.txt",
                    r.id
                ),
            ));
        }
        if r.support.is_empty() {
            problems.push(at(
                r.line,
                format!(
                    "[{}] has no support: name the passages that say who wrote it, and that \
                     it was not published",
                    r.id
                ),
            ));
        }
        if r.quoted.is_empty() {
            problems.push(at(
                r.line,
                format!(
                    "[{}] quotes no passage: name each passage that gives its words or sums \
                     it up with quoted:",
                    r.id
                ),
            ));
        }
        for f in &r.support {
            if let Err(message) = find_passage(corpus, &f.doc, &f.words) {
                problems.push(at(f.line, message));
            }
        }
        let mut quoted = Vec::new();
        for f in &r.quoted {
            let place = match find_passage(corpus, &f.doc, &f.words) {
                Ok(place) => place,
                Err(message) => {
                    problems.push(at(f.line, message));
                    continue;
                }
            };
            if let Some(other) = drafts.iter().find(|d| d.quoted.contains(&place)) {
                problems.push(at(
                    f.line,
                    format!(
                        "quoted: this passage is also quoted from [{}]: a passage's words \
                         come from one draft",
                        other.id
                    ),
                ));
            }
            // The draft's words reach the page only as someone's: the passage must give an
            // author's words or position, or it credits the draft to nobody.
            let passage = passage_at(corpus, place);
            let credits_an_author = passage
                .actors
                .iter()
                .any(|x| by.contains(&x.actor) && (x.said || x.reported));
            if !credits_an_author && !by.is_empty() {
                problems.push(at(
                    f.line,
                    format!(
                        "quoted: the passage gives the words or position of none of [{}]'s \
                         authors ({}): add a said: or reports: line for it in \
                         corpus/actors.txt, or remove this line",
                        r.id,
                        ids(corpus, &by)
                    ),
                ));
            }
            quoted.push(place);
        }
        // The other way round: a passage holding the words its document uses to cite the
        // draft as its source ("In the document, …") that gives an author's words is
        // quoting the draft, and must say so, or those words would reach the page plainly.
        for f in &r.cited_as {
            let Some(d) = corpus.documents.iter().position(|d| d.id == f.doc) else {
                problems.push(at(f.line, format!("unknown document '{}'", f.doc)));
                continue;
            };
            let mut found = false;
            for (p, passage) in corpus.documents[d].passages.iter().enumerate() {
                if find_aliases(&passage.text, &[f.words.as_str()]).is_empty() {
                    continue;
                }
                found = true;
                let place = (d as u16, p as u16);
                let speaking: Vec<u16> = passage
                    .actors
                    .iter()
                    .filter(|x| by.contains(&x.actor) && x.said)
                    .map(|x| x.actor)
                    .collect();
                if !speaking.is_empty() && !quoted.contains(&place) {
                    problems.push(at(
                        f.line,
                        format!(
                            "“{}” cites [{}] as the source of {}, which gives the \
                             words of {}, but no quoted: line names that passage: add one, \
                             or make these words pick out only the passages that quote it",
                            f.words,
                            r.id,
                            corpus.documents[d].locate(passage),
                            ids(corpus, &speaking)
                        ),
                    ));
                }
            }
            if !found {
                problems.push(at(
                    f.line,
                    format!("cited-as: “{}” appears nowhere in {}", f.words, f.doc),
                ));
            }
        }
        drafts.push(Draft {
            id: r.id.clone(),
            by,
            unpublished_by,
            released_by,
            quoted,
        });
    }
    corpus.drafts = drafts;
    order::sort(&mut problems);
    problems
}

/// The register's drafts as written, each reference with its line; a passage not written
/// `document-id: words` is reported.
fn read_drafts(file: &File, problems: &mut Vec<Problem>) -> Vec<RawDraft> {
    let lines = read_register(file, "draft", &FIELDS, problems);
    let at = |line: usize, message: String| Problem {
        path: file.path.to_string(),
        line,
        message,
    };
    let mut raw: Vec<RawDraft> = Vec::new();
    for entry in lines {
        let (key, value, line) = match entry {
            RegisterLine::Entry { id, line } => {
                raw.push(RawDraft {
                    id: id.to_string(),
                    line,
                    by: Vec::new(),
                    unpublished_by: Vec::new(),
                    released_by: Vec::new(),
                    support: Vec::new(),
                    cited_as: Vec::new(),
                    quoted: Vec::new(),
                });
                continue;
            }
            RegisterLine::Field { key, value, line } => (key, value, line),
        };
        let Some(d) = raw.last_mut() else { continue };
        let fragment = || {
            let (doc, words) = value.split_once(':')?;
            let (doc, words) = (doc.trim(), words.trim());
            (is_slug(doc) && !words.is_empty()).then(|| Fragment {
                doc: doc.to_string(),
                words: words.to_string(),
                line,
            })
        };
        let list = match key.as_str() {
            "by" => Some(&mut d.by),
            "unpublished-by" => Some(&mut d.unpublished_by),
            "released-by" => Some(&mut d.released_by),
            _ => None,
        };
        if let Some(list) = list {
            list.push((value.to_string(), line));
            continue;
        }
        let Some(f) = fragment() else {
            problems.push(at(
                line,
                format!("{key}: write 'document-id: words of the passage'"),
            ));
            continue;
        };
        match key.as_str() {
            "support" => d.support.push(f),
            "cited-as" => d.cited_as.push(f),
            _ => d.quoted.push(f),
        }
    }
    raw
}

fn passage_at(corpus: &Corpus, (d, p): (u16, u16)) -> &Passage {
    &corpus.documents[usize::from(d)].passages[usize::from(p)]
}

/// "[nhs-england], [stopsim-coalition]", for messages.
fn ids(corpus: &Corpus, actors: &[u16]) -> String {
    actors
        .iter()
        .map(|&a| format!("[{}]", corpus.actors[usize::from(a)].id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "A", "A and B", "A, B and C".
fn names(corpus: &Corpus, actors: &[u16]) -> String {
    let names: Vec<&str> = actors
        .iter()
        .map(|&a| corpus.actors[usize::from(a)].name.as_str())
        .collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// How a passage quoting a draft credits its authors: whose words it gives from the draft
/// and whose position it reports from it, each in the draft's order of authors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credit {
    /// Index into `Corpus::drafts`.
    pub draft: usize,
    pub words: Vec<u16>,
    pub positions: Vec<u16>,
}

impl Corpus {
    /// The draft quoting this passage, if any (found by the passage's key: the page holds
    /// passages, not their positions).
    pub fn draft_quoting(&self, passage: &Passage) -> Option<usize> {
        self.drafts.iter().position(|d| {
            d.quoted
                .iter()
                .any(|&at| passage_at(self, at).key == passage.key)
        })
    }

    /// The draft whose words or position the passage at `at` gives for `actor`: one that
    /// quotes the passage and that the actor wrote. Its other actors speak plainly.
    pub fn draft_of(&self, at: (u16, u16), actor: u16) -> Option<usize> {
        self.drafts
            .iter()
            .position(|d| d.quoted.contains(&at) && d.by.contains(&actor))
    }

    /// The draft credit of a passage, where it quotes one.
    pub fn credit(&self, passage: &Passage) -> Option<Credit> {
        let draft = self.draft_quoting(passage)?;
        let d = &self.drafts[draft];
        let with = |pick: fn(&super::model::Involvement) -> bool| -> Vec<u16> {
            d.by.iter()
                .copied()
                .filter(|&a| passage.actors.iter().any(|x| x.actor == a && pick(x)))
                .collect()
        };
        Some(Credit {
            draft,
            words: with(|x| x.said),
            positions: with(|x| x.reported),
        })
    }
}

/// The draft as the credit names it for `credited` (some of its authors): "a draft
/// co-produced with StopSIM Coalition that NHS England did not publish, released by StopSIM
/// Coalition", or "a draft they co-produced …" where all its authors are credited.
pub fn phrase(corpus: &Corpus, draft: usize, credited: &[u16]) -> String {
    let d = &corpus.drafts[draft];
    let others: Vec<u16> =
        d.by.iter()
            .copied()
            .filter(|a| !credited.contains(a))
            .collect();
    let mut out = String::from("a draft");
    if d.by.len() > 1 {
        if others.is_empty() {
            out.push_str(" they co-produced");
        } else {
            out.push_str(&format!(" co-produced with {}", names(corpus, &others)));
        }
    }
    if !d.unpublished_by.is_empty() {
        out.push_str(&format!(
            " that {} did not publish",
            names(corpus, &d.unpublished_by)
        ));
    }
    if !d.released_by.is_empty() {
        out.push_str(&format!(", released by {}", names(corpus, &d.released_by)));
    }
    out
}

impl Credit {
    /// "Words of NHS England, in a draft co-produced with …", where it gives any.
    pub fn words_text(&self, corpus: &Corpus) -> Option<String> {
        (!self.words.is_empty()).then(|| {
            format!(
                "Words of {}, in {}",
                names(corpus, &self.words),
                phrase(corpus, self.draft, &self.words)
            )
        })
    }

    /// "Position of NHS England reported from a draft co-produced with …", where it
    /// reports any.
    pub fn positions_text(&self, corpus: &Corpus) -> Option<String> {
        (!self.positions.is_empty()).then(|| {
            format!(
                "Position of {} reported from {}",
                names(corpus, &self.positions),
                phrase(corpus, self.draft, &self.positions)
            )
        })
    }

    /// Both, as sentences without their full stops.
    pub fn sentences(&self, corpus: &Corpus) -> Vec<String> {
        self.words_text(corpus)
            .into_iter()
            .chain(self.positions_text(corpus))
            .collect()
    }
}

/// "The words of Paul Jennings." for a passage, or where it quotes a draft "The words of NHS
/// England, in a draft co-produced with …." (with any plain speakers first: "The words of
/// A; the words of NHS England, in a draft …."), for a page that says in one sentence whose
/// words a passage gives ("Check a quote"). `None` where it gives no one's words.
pub fn words_of(corpus: &Corpus, passage: &Passage) -> Option<String> {
    let credit = corpus.credit(passage);
    let drafted = credit.as_ref().map_or(&[][..], |c| c.words.as_slice());
    let plain: Vec<u16> = passage
        .actors
        .iter()
        .filter(|x| x.said && !drafted.contains(&x.actor))
        .map(|x| x.actor)
        .collect();
    let mut parts = Vec::new();
    if !plain.is_empty() {
        parts.push(format!("the words of {}", names(corpus, &plain)));
    }
    if let Some(text) = credit.and_then(|c| c.words_text(corpus)) {
        parts.push(text.replacen("Words of", "the words of", 1));
    }
    let mut sentence = parts.join("; ");
    if sentence.is_empty() {
        return None;
    }
    sentence.replace_range(..1, "T");
    sentence.push('.');
    Some(sentence)
}

/// The draft a disagreement's position quotes its taker's words from, when every quote of
/// it does (the register does not let a position mix draft and plain words: see
/// `disagreements::load`).
pub fn of_position(corpus: &Corpus, position: &Position) -> Option<usize> {
    let mut drafts = position
        .quotes
        .iter()
        .map(|q| corpus.draft_of(q.at, position.by));
    let first = drafts.next()??;
    drafts.all(|d| d == Some(first)).then_some(first)
}

/// "NHS England" or "NHS England, in a draft co-produced with …": who takes a position, as
/// "according to …" names them.
pub fn according_to(corpus: &Corpus, position: &Position) -> String {
    let who = &corpus.actors[usize::from(position.by)].name;
    match of_position(corpus, position) {
        Some(d) => format!("{who}, in {}", phrase(corpus, d, &[position.by])),
        None => who.clone(),
    }
}
