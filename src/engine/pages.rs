//! The static files the build writes beside the page: the record put into `index.html`,
//! and one small page per passage (`p/KEY.html`) whose title, description and Open Graph
//! tags preview the passage where a link is pasted, and which sends a visitor straight on
//! to the passage in the record, with or without JavaScript; and the Content-Security-Policy
//! of each kind of page the build writes, defined once. Pure string work, tested here.

use super::model::{Corpus, Document, Passage};
use super::view::View;

/// Escapes text for HTML content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The care note: what the record is about, said once and calmly, and where to find
/// support at any hour. Ours, not the record's: the page, the static record, the one-file
/// edition and every passage page show it apart from quoted words, from this one wording.
pub mod care {
    /// What the record discusses.
    pub const CONTENT_NOTE: &str =
        "Content note: this record discusses suicide, self-harm and coercion in mental health care.";
    /// The support line's opening words.
    pub const SUPPORT_LEAD: &str = "If this affects you:";
    // Checked 2026-12-06 without a browser (none here): these are the services' long-published
    // numbers (Samaritans' own site samaritans.org, "call 116 123 for free, any time, day or
    // night"; Shout's giveusashout.org, "text SHOUT to 85258", free, 24/7, UK). To be
    // rechecked against those sites before each publication.
    /// Samaritans: its name, the number as said and as dialled, and when.
    pub const SAMARITANS: &str = "Samaritans";
    pub const SAMARITANS_NUMBER: &str = "116 123";
    pub const SAMARITANS_TEL: &str = "tel:116123";
    pub const SAMARITANS_WHEN: &str = "free, any time";
    /// Shout, for those who would rather text.
    pub const SHOUT: &str = "or text SHOUT to 85258 (Shout, free, any time). UK services.";

    /// The note as plain HTML, for pages no component renders (the passage pages).
    pub fn html() -> String {
        format!(
            "<div class=\"care\" role=\"note\" aria-label=\"Content note and support\">\n\
             <p>{CONTENT_NOTE}</p>\n\
             <p>{SUPPORT_LEAD} {SAMARITANS}, call <a href=\"{SAMARITANS_TEL}\">{SAMARITANS_NUMBER}</a>, \
             {SAMARITANS_WHEN}; {SHOUT}</p>\n</div>"
        )
    }
}

/// The kinds of page the build writes, each with its own Content-Security-Policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// `index.html`, served: its own files, its WebAssembly, and the inline scripts named.
    Record,
    /// `sim-explorer.html`, opened from disk: nothing but what it holds inline, named.
    OneFile,
    /// `p/KEY.html`: a preview that loads nothing and runs nothing.
    Passage,
}

/// The Content-Security-Policy of a page of `kind`, whose inline scripts and styles are
/// named by their hash sources (`'sha256-…'`, computed by the build from their final text):
/// the one definition of what each page may load, so no copy of the policy can disagree.
pub fn content_security_policy(kind: PageKind, scripts: &[String], styles: &[String]) -> String {
    let list = |first: &[&str], hashes: &[String]| {
        first
            .iter()
            .copied()
            .chain(hashes.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let directives = match kind {
        // 'wasm-unsafe-eval' lets the browser compile the app's own wasm; nothing from
        // elsewhere loads (no fonts, scripts or trackers), and no inline script runs
        // unless named by its hash.
        PageKind::Record => vec![
            "default-src 'self'".to_string(),
            format!(
                "script-src {}",
                list(&["'self'", "'wasm-unsafe-eval'"], scripts)
            ),
            format!("style-src {}", list(&["'self'"], styles)),
            "img-src 'self' data:".to_string(),
            "connect-src 'self'".to_string(),
        ],
        // A file on disk has no origin worth trusting: everything it runs is inline, named.
        PageKind::OneFile => vec![
            "default-src 'none'".to_string(),
            format!("script-src {}", list(&["'wasm-unsafe-eval'"], scripts)),
            format!("style-src {}", list(&[], styles)),
            "img-src data:".to_string(),
        ],
        PageKind::Passage => vec!["default-src 'none'".to_string()],
    };
    let mut directives = directives;
    directives.extend([
        "base-uri 'none'".to_string(),
        "form-action 'none'".to_string(),
    ]);
    directives.join("; ")
}

/// `page` with the static record in place of its empty `<div id="record"></div>` (as
/// written, or as a minifier leaves it); `None` when the page has no such place.
pub fn with_record(page: &str, record: &str) -> Option<String> {
    ["<div id=\"record\"></div>", "<div id=record></div>"]
        .iter()
        .find_map(|empty| {
            page.find(empty)
                .map(|at| format!("{}{}{}", &page[..at], record, &page[at + empty.len()..]))
        })
}

/// The published address the build is told (`SITE_URL`), checked: empty for none, else an
/// `http(s)://` address with a host, no spaces, quotes or angle brackets, no query or
/// fragment, ending in `/` (added if missing), so `p/KEY.html` and `#…` can follow it.
pub fn site_url(raw: &str) -> Result<String, String> {
    let url = raw.trim();
    if url.is_empty() {
        return Ok(String::new());
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("“{url}” is not an http:// or https:// address"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("“{url}” names no host"));
    }
    if let Some(c) = url
        .chars()
        .find(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '?' | '#' | '\\'))
    {
        return Err(format!(
            "“{url}” holds “{c}”: give the folder the record is published at, nothing after it"
        ));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// `page` with a canonical link to `url` in its head (before `</head>`); unchanged when it
/// has no head to put it in.
pub fn with_canonical(page: &str, url: &str) -> String {
    match page.find("</head>") {
        Some(at) => format!(
            "{}<link rel=\"canonical\" href=\"{}\">{}",
            &page[..at],
            escape(url),
            &page[at..]
        ),
        None => page.to_string(),
    }
}

/// Where a passage's own page is, relative to the record's page: the address that previews.
pub fn passage_page_path(key: &str) -> String {
    format!("p/{key}.html")
}

/// Text cut to about `max` characters at a word boundary, with "…" when cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let head: String = text.chars().take(max).collect();
    let end = head.rfind(char::is_whitespace).unwrap_or(head.len());
    format!("{}…", head[..end].trim_end_matches([',', ';', ':']))
}

/// The page of one passage: its words, where they come from, and the way on to them in
/// the record (an immediate refresh, which needs no script). Its canonical address is
/// absolute where the build knows where the record is published (`site`).
pub fn passage_page(doc: &Document, passage: &Passage, site: Option<&str>) -> String {
    let target = format!("../{}", View::home().passage_link(&doc.id, &passage.key));
    let source = format!("{}, {}", doc.publisher.value, doc.date.value);
    let place = passage.place();
    let title = format!("“{}” – {}", cut(&passage.text, 70), doc.title.value);
    let description = format!(
        "“{}” {} ({}), {place}.",
        cut(&passage.text, 240),
        doc.title.value,
        source
    );
    let [target, title, description, text] =
        [&target, &title, &description, &passage.text].map(|s| escape(s));
    let (doc_title, source) = (escape(&doc.title.value), escape(&source));
    let canonical = escape(&match site {
        Some(site) => format!("{site}{}", passage_page_path(&passage.key)),
        None => format!("{}.html", passage.key),
    });
    let csp = content_security_policy(PageKind::Passage, &[], &[]);
    let care = care::html();
    format!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{title} – SIM Explorer</title>\n\
         <meta name=\"description\" content=\"{description}\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta property=\"og:type\" content=\"article\">\n\
         <meta property=\"og:site_name\" content=\"SIM Explorer\">\n\
         <meta property=\"og:title\" content=\"{title}\">\n\
         <meta property=\"og:description\" content=\"{description}\">\n\
         <meta name=\"twitter:card\" content=\"summary\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n\
         </head>\n<body>\n{care}\n\
         <p>From <cite>{doc_title}</cite> ({source}), {place}:</p>\n\
         <blockquote><p>{text}</p></blockquote>\n\
         <p><a href=\"{target}\">Read it in the record</a></p>\n\
         </body>\n</html>\n"
    )
}

/// Every passage's page, keyed by the passage's stable key.
pub fn passage_pages(corpus: &Corpus, site: Option<&str>) -> Vec<(String, String)> {
    corpus
        .documents
        .iter()
        .flat_map(|d| {
            d.passages
                .iter()
                .map(move |p| (p.key.clone(), passage_page(d, p, site)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_html_reads_as_markup() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("“quoted” – 63,000"), "“quoted” – 63,000");
    }

    #[test]
    fn the_record_takes_the_place_of_the_empty_div() {
        let page = "<body><div id=record></div><noscript>x</noscript></body>";
        assert_eq!(
            with_record(page, "<div id=\"record\">R</div>").unwrap(),
            "<body><div id=\"record\">R</div><noscript>x</noscript></body>"
        );
        assert_eq!(with_record("<div id=\"record\"></div>", "R").unwrap(), "R");
        assert_eq!(with_record("<body></body>", "R"), None);
    }

    #[test]
    fn a_site_address_is_checked_and_ends_in_a_slash() {
        assert_eq!(site_url("").unwrap(), "");
        assert_eq!(site_url("  ").unwrap(), "");
        assert_eq!(
            site_url("https://example.org/sim").unwrap(),
            "https://example.org/sim/"
        );
        assert_eq!(
            site_url("http://127.0.0.1:8080/").unwrap(),
            "http://127.0.0.1:8080/"
        );
        for bad in [
            "example.org",
            "file:///home/me/sim",
            "https://",
            "https:///x",
            "https://a b",
            "https://x/?q=1",
            "https://x/#doc",
            "https://x/\"y",
        ] {
            assert!(site_url(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn a_canonical_link_goes_in_the_head() {
        assert_eq!(
            with_canonical("<head><title>t</title></head><body>", "https://x/a&b/"),
            "<head><title>t</title><link rel=\"canonical\" href=\"https://x/a&amp;b/\"></head><body>"
        );
        assert_eq!(
            with_canonical("<p>no head</p>", "https://x/"),
            "<p>no head</p>"
        );
    }

    #[test]
    fn each_kind_of_page_has_its_policy() {
        let scripts = ["'sha256-a'".to_string(), "'sha256-b'".to_string()];
        let styles = ["'sha256-c'".to_string()];
        let check = |kind, scripts: &[String], styles: &[String], expected: &str| {
            assert_eq!(
                content_security_policy(kind, scripts, styles),
                expected,
                "{kind:?}"
            );
        };
        check(
            PageKind::Record,
            &scripts,
            &[],
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'; \
             style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; \
             form-action 'none'",
        );
        check(
            PageKind::OneFile,
            &scripts,
            &styles,
            "default-src 'none'; script-src 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'; \
             style-src 'sha256-c'; img-src data:; base-uri 'none'; form-action 'none'",
        );
        check(
            PageKind::Passage,
            &[],
            &[],
            "default-src 'none'; base-uri 'none'; form-action 'none'",
        );
        // No page lets an inline script or style in unnamed.
        for kind in [PageKind::Record, PageKind::OneFile, PageKind::Passage] {
            assert!(!content_security_policy(kind, &scripts, &styles).contains("unsafe-inline"));
        }
    }

    #[test]
    fn a_passage_page_says_the_care_note_before_the_quote_and_apart_from_it() {
        let html = care::html();
        assert!(html.contains("116 123") && html.contains("href=\"tel:116123\""));
        assert!(html.starts_with("<div class=\"care\"") && !html.contains("blockquote"));
        assert!(html.contains(care::CONTENT_NOTE));
    }

    #[test]
    fn cuts_at_a_word_boundary() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("one two three four", 10), "one two…");
        assert_eq!(cut("one, two three", 5), "one…");
    }
}
