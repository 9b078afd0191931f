//! Citations of a passage, an event or a disagreement, as plain text and as Markdown: the
//! quoted words verbatim, where they come from (title, kind, publisher, author where known,
//! date with how it is known, paragraph), whose words they are where they come from a draft,
//! and the link that opens them.

use super::drafts;
use super::model::{Basis, Corpus, Event, Passage};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
}

/// What a citation says in place of an address when the page is a local copy (the one-file
/// edition opened from disk) and the build was not told where the record is published: a
/// `file://` path would be a link nobody else can open.
pub const LOCAL_COPY: &str = "From a local copy of SIM Explorer";

/// The address a citation ends with, as plain text or Markdown (`<url>`), or the words that
/// say there is none.
fn address(url: Option<&str>, format: Format) -> String {
    match (url, format) {
        (Some(url), Format::Plain) => url.to_string(),
        (Some(url), Format::Markdown) => format!("<{url}>"),
        (None, _) => format!("{LOCAL_COPY}."),
    }
}

/// Backslash-escapes what Markdown would otherwise read as formatting, so the quote renders
/// exactly as written.
pub(crate) fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '`' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// "“Title” [Kind], Publisher, Author, date, paragraph N", with supplied and inferred values
/// said so. The kind is bracketed after the title, as reference styles give a medium.
fn source_line(corpus: &Corpus, doc: usize, passage: Option<&Passage>, format: Format) -> String {
    let d = &corpus.documents[doc];
    let title = match format {
        Format::Plain => format!("“{}”", d.title.value),
        Format::Markdown => format!("*{}*", md_escape(&d.title.value)),
    };
    let supplied = if d.title.basis == Basis::Supplied {
        " (title supplied by SIM Explorer)"
    } else {
        ""
    };
    let kind = format!("[{}]", corpus.kind_of(d).cite_as);
    let kind = match format {
        Format::Plain => kind,
        Format::Markdown => md_escape(&kind),
    };
    let mut parts = vec![format!("{title}{supplied} {kind}")];
    let mut publisher = d.publisher.value.clone();
    if d.publisher.basis != Basis::Stated {
        publisher.push_str(&format!(" ({} publisher)", d.publisher.basis.name()));
    }
    parts.push(publisher);
    if let Some(author) = &d.author {
        parts.push(author.value.clone());
    }
    let mut date = d.date.value.to_string();
    if d.date.basis != Basis::Stated {
        date.push_str(&format!(" ({} date)", d.date.basis.name()));
    }
    parts.push(date);
    if let Some(p) = passage {
        parts.push(p.place());
    }
    parts.join(", ")
}

/// A whole document, sourced, with the link that opens it: what a printed document carries
/// at its head, so the paper says where its words come from.
pub fn document(corpus: &Corpus, doc: usize, url: Option<&str>, format: Format) -> String {
    format!(
        "{}. {}",
        source_line(corpus, doc, None, format),
        address(url, format)
    )
}

/// A passage, quoted and sourced, with the link that opens it (`None`: see `LOCAL_COPY`).
pub fn passage(
    corpus: &Corpus,
    doc: usize,
    passage: usize,
    url: Option<&str>,
    format: Format,
) -> String {
    let p = &corpus.documents[doc].passages[passage];
    let source = source_line(corpus, doc, Some(p), format);
    let source = source + &draft_credit(corpus, doc, passage, format);
    let url = address(url, format);
    match format {
        Format::Plain => format!("“{}”\n— {source}. {url}", p.text),
        Format::Markdown => format!("> {}\n\n— {source}. {url}", md_escape(&p.text)),
    }
}

/// An event: its date and title, and the first passage that states it, with the link.
pub fn event(corpus: &Corpus, index: usize, url: Option<&str>, format: Format) -> String {
    let url = address(url, format);
    let e = &corpus.events[index];
    let head = event_head(corpus, e);
    let stated = e.sources.first().map(|&(d, p)| {
        let (d, p) = (usize::from(d), usize::from(p));
        let text = &corpus.documents[d].passages[p].text;
        let source = source_line(corpus, d, Some(&corpus.documents[d].passages[p]), format);
        let source = source + &draft_credit(corpus, d, p, format);
        match format {
            Format::Plain => format!("Stated in: “{text}” — {source}."),
            Format::Markdown => format!("> {}\n\n— {source}.", md_escape(text)),
        }
    });
    match (format, stated) {
        (Format::Plain, Some(s)) => format!("{head}. {s} {url}"),
        (Format::Markdown, Some(s)) => format!("**{}**\n\n{s} {url}", md_escape(&head)),
        (Format::Plain, None) => format!("{head}. {url}"),
        (Format::Markdown, None) => format!("**{}** {url}", md_escape(&head)),
    }
}

/// "2013: SIM first piloted on the Isle of Wight (date disputed: also given as 2012)": an
/// event as its citation and the exports name it. A disputed event whose sources give no
/// other date points to its disagreement instead.
pub(crate) fn event_head(corpus: &Corpus, e: &Event) -> String {
    let mut head = format!("{}: {}", e.date, e.title);
    if let Some(others) = e.other_dates() {
        head.push_str(&format!(" ({others})"));
    } else if let Some(d) = e.disagreement {
        let question = &corpus.disagreements[usize::from(d)].question;
        head.push_str(&format!(" (date disputed: see “{question}”)"));
    }
    head
}

/// A disagreement: its question, what kind of difference it is, and every position with
/// who takes it and its words, each sourced, then the note and the link.
pub fn disagreement(corpus: &Corpus, index: usize, url: Option<&str>, format: Format) -> String {
    let url = address(url, format);
    let d = &corpus.disagreements[index];
    let mut out = match format {
        Format::Plain => format!("{} ({}.)", d.question, d.difference.label()),
        Format::Markdown => format!(
            "**{}** ({}.)",
            md_escape(&d.question),
            md_escape(d.difference.label())
        ),
    };
    for p in &d.positions {
        // "NHS England, in a draft co-produced with …" where the words are a draft's.
        let who = drafts::according_to(corpus, p);
        out.push_str("\n\n");
        out.push_str(&match format {
            Format::Plain => format!("{}, according to {who}:", p.summary),
            Format::Markdown => format!(
                "- {}, according to {}:",
                md_escape(&p.summary),
                md_escape(&who)
            ),
        });
        for q in &p.quotes {
            let (doc, at) = (usize::from(q.at.0), usize::from(q.at.1));
            let source = source_line(
                corpus,
                doc,
                Some(&corpus.documents[doc].passages[at]),
                format,
            );
            out.push_str(&match format {
                Format::Plain => format!("\n“{}” — {source}.", q.text),
                Format::Markdown => format!("\n  > {}\n  >\n  > — {source}.", md_escape(&q.text)),
            });
        }
    }
    out.push_str(&match format {
        Format::Plain => format!("\n\nNote (SIM Explorer): {}\n{url}", d.note),
        Format::Markdown => format!("\n\nNote (SIM Explorer): {}\n\n{url}", md_escape(&d.note)),
    });
    out
}

/// ". Words of NHS England, in a draft co-produced with …" to follow a passage's source
/// line, where the passage quotes a draft (see `drafts.rs`): a draft's words are never cited
/// as their authors' plain words. Empty for any other passage.
fn draft_credit(corpus: &Corpus, doc: usize, passage: usize, format: Format) -> String {
    let p = &corpus.documents[doc].passages[passage];
    let sentences = corpus
        .credit(p)
        .map(|c| c.sentences(corpus))
        .unwrap_or_default();
    sentences
        .iter()
        .map(|s| match format {
            Format::Plain => format!(". {s}"),
            Format::Markdown => format!(". {}", md_escape(s)),
        })
        .collect()
}
