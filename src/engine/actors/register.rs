//! `corpus/actors.txt` read line by line into raw entries, each field with its line, before
//! anything is checked against the documents.

use super::super::load::{read_register, File, Problem, RegisterLine};
use super::super::text::is_slug;

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

/// A passage named by a document id and a fragment of its text, with where it was written.
pub(super) struct PassageFragment {
    pub doc: String,
    pub fragment: String,
    pub line: usize,
}

/// A `said:` line, with the reason (`said-why:`, and its line) where its passage holds no
/// quotation and yet gives the actor's words.
pub(super) struct SaidLine {
    pub at: PassageFragment,
    pub why: Option<(String, usize)>,
}

/// One `[id]` entry and its fields, as written.
pub(super) struct RawActor {
    pub id: String,
    pub line: usize,
    pub name: Option<(String, usize)>,
    pub kind: Option<(String, usize)>,
    pub aliases: Vec<(String, usize)>,
    pub aliases_in: Vec<(String, String, usize)>,
    /// References read in a document and found to name no one there for sure.
    pub not_aliases_in: Vec<(String, String, usize)>,
    pub description: Option<(String, usize)>,
    pub support: Vec<PassageFragment>,
    pub said: Vec<SaidLine>,
    pub reports: Vec<PassageFragment>,
    pub part_of: Option<(String, usize)>,
    pub wrote: Vec<(String, usize)>,
}

/// Splits `DOC-ID: text`.
fn doc_and_text(value: &str) -> Option<(String, String)> {
    let (doc, text) = value.split_once(':')?;
    let (doc, text) = (doc.trim(), text.trim());
    (is_slug(doc) && !text.is_empty()).then(|| (doc.to_string(), text.to_string()))
}

/// Every entry of the register, with the problems of its form (fields given twice, a
/// `said-why:` away from its `said:` line, a passage not written `document-id: words`).
pub(super) fn parse(file: &File, problems: &mut Vec<Problem>) -> Vec<RawActor> {
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
