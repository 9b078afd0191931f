//! The static files the build writes beside the page: the record put into `index.html`,
//! and one small page per passage (`p/KEY.html`) whose title, description and Open Graph
//! tags preview the passage where a link is pasted, and which sends a visitor straight on
//! to the passage in the record, with or without JavaScript. Pure string work, tested here.

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
/// the record (an immediate refresh, which needs no script).
pub fn passage_page(doc: &Document, passage: &Passage) -> String {
    let target = format!("../{}", View::home().passage_link(&doc.id, &passage.key));
    let source = format!("{}, {}", doc.publisher.value, doc.date.value);
    let place = if passage.heading {
        format!("section heading {}", passage.number)
    } else {
        format!("paragraph {}", passage.number)
    };
    let title = format!("“{}” – {}", cut(&passage.text, 70), doc.title.value);
    let description = format!(
        "“{}” {} ({}), {place}.",
        cut(&passage.text, 240),
        doc.title.value,
        source
    );
    let [target, title, description, text] =
        [&target, &title, &description, &passage.text].map(|s| escape(s));
    let (doc_title, source, key) = (
        escape(&doc.title.value),
        escape(&source),
        escape(&passage.key),
    );
    format!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{title} – SIM Explorer</title>\n\
         <meta name=\"description\" content=\"{description}\">\n\
         <link rel=\"canonical\" href=\"{key}.html\">\n\
         <meta property=\"og:type\" content=\"article\">\n\
         <meta property=\"og:site_name\" content=\"SIM Explorer\">\n\
         <meta property=\"og:title\" content=\"{title}\">\n\
         <meta property=\"og:description\" content=\"{description}\">\n\
         <meta name=\"twitter:card\" content=\"summary\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n\
         </head>\n<body>\n\
         <p>From <cite>{doc_title}</cite> ({source}), {place}:</p>\n\
         <blockquote><p>{text}</p></blockquote>\n\
         <p><a href=\"{target}\">Read it in the record</a></p>\n\
         </body>\n</html>\n"
    )
}

/// Every passage's page, keyed by the passage's stable key.
pub fn passage_pages(corpus: &Corpus) -> Vec<(String, String)> {
    corpus
        .documents
        .iter()
        .flat_map(|d| {
            d.passages
                .iter()
                .map(move |p| (p.key.clone(), passage_page(d, p)))
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
    fn cuts_at_a_word_boundary() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("one two three four", 10), "one two…");
        assert_eq!(cut("one, two three", 5), "one…");
    }
}
