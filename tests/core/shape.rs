//! The code's shape (issue 22): no file in `src/` over 700 lines and no function over 200, so
//! a newcomer can hold any one of them in their head. Functions are found by their `fn`
//! keyword and measured to the brace that closes their body, with comments, strings and
//! character literals left out of the brace count. And the two documents a newcomer reads
//! first stay short.

use super::corpus::{root, rust_files};
use std::fs;

const MAX_FILE_LINES: usize = 700;
const MAX_FN_LINES: usize = 200;

/// The text with every comment, string and character literal's contents blanked (newlines
/// kept, so line numbers still hold), leaving braces that are code.
fn code_only(text: &str) -> Vec<char> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    let blank = |out: &mut Vec<char>, from: usize, to: usize| {
        for c in out.iter_mut().take(to.min(chars.len())).skip(from) {
            if *c != '\n' {
                *c = ' ';
            }
        }
    };
    let mut i = 0;
    while i < chars.len() {
        match (chars[i], chars.get(i + 1).copied()) {
            ('/', Some('/')) => {
                let end = (i..chars.len())
                    .find(|&j| chars[j] == '\n')
                    .unwrap_or(chars.len());
                blank(&mut out, i, end);
                i = end;
            }
            ('/', Some('*')) => {
                let mut depth = 0;
                let mut j = i;
                while j < chars.len() {
                    if chars[j] == '/' && chars.get(j + 1) == Some(&'*') {
                        depth += 1;
                        j += 2;
                    } else if chars[j] == '*' && chars.get(j + 1) == Some(&'/') {
                        depth -= 1;
                        j += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        j += 1;
                    }
                }
                blank(&mut out, i, j);
                i = j;
            }
            ('r', Some('#' | '"')) if i == 0 || !is_ident(chars[i - 1]) => {
                let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
                if chars.get(i + 1 + hashes) != Some(&'"') {
                    i += 1;
                    continue;
                }
                let close: String = std::iter::once('"')
                    .chain("#".repeat(hashes).chars())
                    .collect();
                let body = i + 2 + hashes;
                let rest: String = chars[body..].iter().collect();
                let len = rest
                    .find(&close)
                    .map_or(rest.len(), |n| rest[..n].chars().count());
                blank(&mut out, body, body + len);
                i = body + len + 1 + hashes;
            }
            ('"', _) => {
                let mut j = i + 1;
                while j < chars.len() && chars[j] != '"' {
                    j += if chars[j] == '\\' { 2 } else { 1 };
                }
                blank(&mut out, i + 1, j);
                i = j + 1;
            }
            // A character literal ('{', '\'', '\u{7b}'), not a lifetime ('a).
            ('\'', Some(c)) => {
                let end = if c == '\\' {
                    (i + 2..chars.len()).find(|&j| chars[j] == '\'')
                } else if chars.get(i + 2) == Some(&'\'') {
                    Some(i + 2)
                } else {
                    None
                };
                match end {
                    Some(end) => {
                        blank(&mut out, i + 1, end);
                        i = end + 1;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Each function with a body: its name, first line and length in lines (1-based, inclusive).
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let code = code_only(text);
    let line_at = |pos: usize| code[..pos].iter().filter(|&&c| c == '\n').count() + 1;
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < code.len() {
        let keyword = code[i] == 'f'
            && code[i + 1] == 'n'
            && code[i + 2].is_whitespace()
            && (i == 0 || !is_ident(code[i - 1]));
        if !keyword {
            i += 1;
            continue;
        }
        let name: String = code[i + 3..]
            .iter()
            .skip_while(|c| c.is_whitespace())
            .take_while(|&&c| is_ident(c))
            .collect();
        // The body opens at the first `{` at no bracket depth; a `;` first means no body.
        let mut depth = 0i32;
        let mut j = i + 2;
        let mut open = None;
        while j < code.len() {
            match code[j] {
                '(' | '[' | '<' => depth += 1,
                ')' | ']' => depth -= 1,
                '>' if code[j - 1] != '-' && code[j - 1] != '=' => depth -= 1,
                ';' if depth <= 0 => break,
                '{' if depth <= 0 => {
                    open = Some(j);
                    break;
                }
                _ => {}
            }
            j += 1;
        }
        let Some(open) = open else {
            i = j;
            continue;
        };
        let mut braces = 0;
        let mut close = open;
        for (k, &c) in code.iter().enumerate().skip(open) {
            match c {
                '{' => braces += 1,
                '}' => {
                    braces -= 1;
                    if braces == 0 {
                        close = k;
                        break;
                    }
                }
                _ => {}
            }
        }
        let first = line_at(i);
        out.push((name, first, line_at(close) - first + 1));
        // Nested functions are measured too: carry on inside the body.
        i = open + 1;
    }
    out
}

#[test]
fn functions_are_measured_from_fn_to_their_closing_brace() {
    let text = "/// doc { \nfn a() -> Vec<u8> {\n    let s = \"}}\"; let c = '}';\n    // }\n    \
                r#\"}\"#;\n}\ntrait T { fn b(&self); }\nfn c<'x>(v: &'x str) where 'x: 'x {\n    \
                fn d() {}\n}\n";
    assert_eq!(
        functions(text),
        [
            ("a".to_string(), 2, 5),
            ("c".to_string(), 8, 3),
            ("d".to_string(), 9, 1),
        ]
    );
}

#[test]
fn no_file_over_700_lines_and_no_function_over_200() {
    let files = rust_files(&root().join("src"));
    assert!(files.len() > 40, "{} files under src/", files.len());
    let mut long = Vec::new();
    for path in &files {
        let text = fs::read_to_string(path).unwrap();
        let shown = path.strip_prefix(root()).unwrap().display();
        let lines = text.lines().count();
        if lines > MAX_FILE_LINES {
            long.push(format!("{shown}: {lines} lines (at most {MAX_FILE_LINES})"));
        }
        for (name, line, len) in functions(&text) {
            if len > MAX_FN_LINES {
                long.push(format!(
                    "{shown}:{line}: fn {name} is {len} lines (at most {MAX_FN_LINES})"
                ));
            }
        }
    }
    assert!(long.is_empty(), "too long:\n{}", long.join("\n"));
}

#[test]
fn the_docs_a_newcomer_reads_first_stay_short() {
    // Issue 22: ARCHITECTURE.md had grown to 247 lines and README.md to 316, most of it
    // figures, which live in BENCHMARKS.md.
    for (doc, most) in [("ARCHITECTURE.md", 150), ("README.md", 160)] {
        let lines = fs::read_to_string(root().join(doc))
            .unwrap()
            .lines()
            .count();
        assert!(lines <= most, "{doc} is {lines} lines (at most {most})");
    }
}
