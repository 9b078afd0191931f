//! The registers' common form (`corpus/actors.txt`, `corpus/events.txt`, …): `[id]` entries,
//! each followed by `field: value` lines.

use super::super::text::is_slug;
use super::{File, Problem};
use std::collections::BTreeMap;

/// One meaningful line of a register (`corpus/actors.txt`, `corpus/events.txt`): an entry's
/// `[id]` header, or one of its `field: value` lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegisterLine<'a> {
    Entry {
        id: &'a str,
        line: usize,
    },
    Field {
        key: String,
        value: &'a str,
        line: usize,
    },
}

/// Reads a register's lines, skipping blanks and `#` comments, and reports what no entry
/// can use: a malformed or repeated `[id]`, a line that is neither, a field before the first
/// entry, an unknown field, an empty value. `noun` names the entries in messages ("actor").
pub fn read_register<'a>(
    file: &File<'a>,
    noun: &str,
    fields: &[&str],
    problems: &mut Vec<Problem>,
) -> Vec<RegisterLine<'a>> {
    let mut report = |line: usize, message: String| {
        problems.push(Problem {
            path: file.path.to_string(),
            line,
            message,
        })
    };
    let mut out = Vec::new();
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, raw) in file.text.lines().enumerate() {
        let line = i + 1;
        let text = raw.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        if let Some(id) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            let id = id.trim();
            if !is_slug(id) {
                report(
                    line,
                    format!("{noun} id '{id}': use lowercase letters, digits and hyphens"),
                );
            }
            if let Some(first) = ids.get(id) {
                report(line, format!("{noun} id '{id}' is also on line {first}"));
            } else {
                ids.insert(id, line);
            }
            out.push(RegisterLine::Entry { id, line });
            continue;
        }
        let Some((key, value)) = text.split_once(':') else {
            report(
                line,
                format!("expected 'field: value' or '[{noun}-id]', found “{text}”"),
            );
            continue;
        };
        let (key, value) = (key.trim().to_ascii_lowercase(), value.trim());
        if ids.is_empty() {
            report(line, format!("a field before the first [{noun}-id] line"));
            continue;
        }
        if !fields.contains(&key.as_str()) {
            report(
                line,
                format!(
                    "unknown field '{key}': the fields are {}",
                    fields.join(", ")
                ),
            );
            continue;
        }
        if value.is_empty() {
            report(line, format!("field '{key}' is empty"));
            continue;
        }
        out.push(RegisterLine::Field { key, value, line });
    }
    out
}
