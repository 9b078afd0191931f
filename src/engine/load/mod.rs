//! Reads corpus files (plain text a non-programmer can edit) into a checked `Corpus`.
//!
//! Sans I/O: file names and texts in, the corpus and every problem found out. `build.rs` does
//! the reading and fails the build when any problem is reported, each as `path:line: message`;
//! tests feed it broken corpora as strings. The format is described in `corpus/README.md`.

mod body;
mod document;
mod register;

use super::kinds;
use super::model::Corpus;
use super::text::fold_whitespace;
use crate::engine::order;
use std::collections::BTreeMap;
use std::fmt;

pub use register::{read_register, RegisterLine};

/// One file handed to the loader: its path as people should see it in messages, and its text.
#[derive(Clone, Copy, Debug)]
pub struct File<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

/// Something wrong with the corpus, located for a person with an editor.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

/// Longest quote shown in a message: enough to find the place, short enough to read.
const QUOTE_CHARS: usize = 60;

fn quote(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(QUOTE_CHARS).collect();
    if chars.next().is_some() {
        format!("“{head}…”")
    } else {
        format!("“{head}”")
    }
}

/// Collects problems for one file.
struct Report<'a> {
    path: &'a str,
    problems: Vec<Problem>,
}

impl Report<'_> {
    fn at(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            path: self.path.to_string(),
            line,
            message: message.into(),
        });
    }
}

/// A capture, folded once, for every containment check against it.
struct Capture {
    name: String,
    folded: String,
}

impl Capture {
    fn contains(&self, folded: &str) -> bool {
        self.folded.contains(folded)
    }

    /// The longest prefix of `folded` that the capture holds: where a copy went wrong.
    /// Containment of prefixes is monotone, so a binary search over char boundaries finds it.
    fn matching_prefix<'t>(&self, folded: &'t str) -> &'t str {
        let bounds: Vec<usize> = folded
            .char_indices()
            .map(|(i, _)| i)
            .chain([folded.len()])
            .collect();
        let (mut lo, mut hi) = (0, bounds.len() - 1);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if self.folded.contains(&folded[..bounds[mid]]) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        &folded[..bounds[lo]]
    }
}

/// Loads the kinds register (`corpus/kinds.txt`) and every document, checking each against
/// its capture and its kind against the register. Returns the corpus built from the
/// documents that could be read, and every problem found, sorted by path and line. The build
/// uses the corpus only when there are no problems.
pub fn load(kinds_file: &File, documents: &[File], captures: &[File]) -> (Corpus, Vec<Problem>) {
    let captures: BTreeMap<String, Capture> = captures
        .iter()
        .map(|c| {
            let name = file_name(c.path).to_string();
            let capture = Capture {
                name: name.clone(),
                folded: fold_whitespace(c.text),
            };
            (name, capture)
        })
        .collect();

    let (kinds, mut problems) = kinds::load(kinds_file);
    let mut corpus = Corpus::default();
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    // Passage keys must be unique across the corpus: a link names one passage.
    let mut keys: BTreeMap<String, (String, usize)> = BTreeMap::new();

    for file in documents {
        let mut report = Report {
            path: file.path,
            problems: Vec::new(),
        };
        let parsed =
            document::parse_document(file, &captures, (kinds_file.path, &kinds), &mut report);
        if let Some((document, lines)) = parsed {
            if let Some(first) = ids.get(&document.id) {
                // Its passages would all collide with the first one's: one message is enough.
                report.at(1, format!("document id '{}' is also {first}", document.id));
                problems.extend(report.problems);
                continue;
            }
            ids.insert(document.id.clone(), file.path.to_string());
            for (passage, line) in document.passages.iter().zip(&lines) {
                let here = (file.path.to_string(), *line);
                if let Some((path, first)) = keys.insert(passage.key.clone(), here) {
                    report.at(
                        *line,
                        format!(
                            "duplicate passage ID '{}': {path}:{first} has the same ID; \
                             reword one of the two paragraphs",
                            passage.key
                        ),
                    );
                }
            }
            corpus.documents.push(document);
        }
        problems.extend(report.problems);
    }

    corpus.kinds = kinds;
    order::sort_by(&mut corpus.documents, |a, b| {
        (a.date.value.sort_key(), &a.id).cmp(&(b.date.value.sort_key(), &b.id))
    });
    order::sort(&mut problems);
    (corpus, problems)
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}
