//! A document's text after `---`: its paragraphs and section headings, each checked
//! word for word against the capture.

use super::super::model::Passage;
use super::super::text::{fold_whitespace, passage_key};
use super::{quote, Capture, Report};
use std::collections::BTreeMap;

fn quote_tail(text: &str) -> String {
    let n = text.chars().count();
    let tail: String = text.chars().skip(n.saturating_sub(30)).collect();
    if n > 30 {
        format!("“…{tail}”")
    } else {
        format!("“{tail}”")
    }
}

/// Splits the text after `---` into passages: blocks of lines separated by blank lines; a
/// block starting `## ` is a section heading.
pub(super) fn parse_body(
    id: &str,
    lines: &[&str],
    separator: usize,
    capture: Option<&Capture>,
    report: &mut Report,
) -> (Vec<Passage>, Vec<usize>) {
    let mut blocks: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut current: Option<(usize, Vec<&str>)> = None;
    for (i, raw) in lines.iter().enumerate().skip(separator + 1) {
        if raw.trim().is_empty() {
            blocks.extend(current.take());
        } else {
            current
                .get_or_insert_with(|| (i + 1, Vec::new()))
                .1
                .push(raw);
        }
    }
    blocks.extend(current.take());

    if blocks.is_empty() {
        report.at(
            separator + 1,
            "the document has no paragraphs: write them after the '---' line, with a blank \
             line between paragraphs",
        );
    }

    let mut passages = Vec::new();
    let mut passage_lines = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (line, block) in blocks {
        let joined = block.join(" ");
        let (heading, body) = match joined.trim_start().strip_prefix("##") {
            Some(rest) => (true, rest),
            None => (false, joined.as_str()),
        };
        let text = fold_whitespace(body);
        if text.is_empty() {
            report.at(line, "empty heading: write its words after '## '");
            continue;
        }
        if let Some(c) = text.chars().find(|c| c.is_control()) {
            report.at(
                line,
                format!(
                    "control character U+{:04X} in the text: remove it",
                    u32::from(c)
                ),
            );
        }
        if let Some(first) = seen.insert(text.clone(), line) {
            report.at(
                line,
                format!("this paragraph repeats the one on line {first}"),
            );
            continue;
        }
        if let Some(capture) = capture.filter(|c| !c.contains(&text)) {
            let good = capture.matching_prefix(&text);
            let message = if good.is_empty() {
                format!(
                    "paragraph not found in the capture {}: {}",
                    capture.name,
                    quote(&text)
                )
            } else {
                format!(
                    "paragraph differs from the capture {} after {}",
                    capture.name,
                    quote_tail(good)
                )
            };
            report.at(line, message);
        }
        passages.push(Passage {
            key: passage_key(id, &text),
            number: passages
                .iter()
                .filter(|p: &&Passage| p.heading == heading)
                .count() as u32
                + 1,
            heading,
            text,
            actors: Vec::new(),
        });
        passage_lines.push(line);
    }
    (passages, passage_lines)
}
