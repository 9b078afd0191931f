//! The kinds of document (`corpus/kinds.txt`): what a document's `kind:` line may name, and
//! how the page and citations call it. A register rather than an enum, so that a letter, a
//! board paper or a freedom-of-information reply is added by editing a text file.
//!
//! Sans I/O like the other registers: the file's text in, the kinds and every problem out.

use super::load::{read_register, File, Problem, RegisterLine};
use super::model::Kind;
use crate::engine::order;
use std::collections::BTreeMap;

const FIELDS: [&str; 3] = ["label", "cite-as", "description"];

/// A kind's id as a document may write it: case aside, spaces stand for hyphens, so
/// `kind: news report` names `[news-report]`.
pub fn id_of(written: &str) -> String {
    written
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase()
}

/// The position in `kinds` of the kind that `written` names.
pub fn find(kinds: &[Kind], written: &str) -> Option<usize> {
    let id = id_of(written);
    kinds.iter().position(|k| k.id == id)
}

/// Reads the kinds register, in file order. An entry with problems is still returned, so
/// that documents naming it are not reported again; the build fails on the problems anyway.
pub fn load(file: &File) -> (Vec<Kind>, Vec<Problem>) {
    let mut problems = Vec::new();
    let lines = read_register(file, "kind", &FIELDS, &mut problems);
    let at = |line: usize, message: String| Problem {
        path: file.path.to_string(),
        line,
        message,
    };
    // (kind, its line, where label/cite-as/description were first given)
    let mut kinds: Vec<(Kind, usize, BTreeMap<String, usize>)> = Vec::new();
    for entry in lines {
        let (key, value, line) = match entry {
            RegisterLine::Entry { id, line } => {
                let kind = Kind {
                    id: id.to_string(),
                    label: String::new(),
                    cite_as: String::new(),
                };
                kinds.push((kind, line, BTreeMap::new()));
                continue;
            }
            RegisterLine::Field { key, value, line } => (key, value, line),
        };
        let Some((kind, _, given)) = kinds.last_mut() else {
            continue;
        };
        if let Some(first) = given.get(&key) {
            problems.push(at(
                line,
                format!("field '{key}' is given twice (first on line {first})"),
            ));
            continue;
        }
        given.insert(key.clone(), line);
        match key.as_str() {
            "label" => kind.label = value.to_string(),
            "cite-as" => kind.cite_as = value.to_string(),
            // For the people who add documents: the page does not show it, so it stays out
            // of the compiled corpus.
            _ => {}
        }
    }

    let mut labels: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for (kind, line, given) in &mut kinds {
        for field in ["label", "description"] {
            if !given.contains_key(field) {
                problems.push(at(*line, format!("[{}] has no {field}", kind.id)));
            }
        }
        if kind.label.is_empty() {
            continue;
        }
        // The document list tells kinds apart by their labels alone.
        let label_line = given["label"];
        match labels.get(&kind.label.to_lowercase()) {
            Some((other, first)) => problems.push(at(
                label_line,
                format!(
                    "label '{}' is also [{other}]'s, on line {first}: give each kind its own label",
                    kind.label
                ),
            )),
            None => {
                labels.insert(kind.label.to_lowercase(), (kind.id.clone(), label_line));
            }
        }
        // Without its own words, a kind is cited by its label.
        if kind.cite_as.is_empty() {
            kind.cite_as = kind.label.clone();
        }
    }
    if kinds.is_empty() {
        problems.push(at(
            1,
            "no kinds: add an entry such as [news-report] with a label and a description"
                .to_string(),
        ));
    }
    order::sort(&mut problems);
    (
        kinds.into_iter().map(|(kind, _, _)| kind).collect(),
        problems,
    )
}

/// "news-report, campaign-statement and letter": the kinds a document may name, for a
/// message about one it may not.
pub fn list(kinds: &[Kind]) -> String {
    let ids: Vec<&str> = kinds.iter().map(|k| k.id.as_str()).collect();
    match ids.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}
