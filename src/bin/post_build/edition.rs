//! The two editions of the page, each made from typed parts put at the two places the source
//! `index.html` marks: the served record (`index.html`, its files beside it) and the one-file
//! edition (`sim-explorer.html`: stylesheet, scripts, glue and wasm inline, to open from
//! disk). Each edition's policy names exactly the inline scripts and styles this module
//! writes, hashed from the very text written. Pure: text in, text out.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use sim_explorer::engine::pages::{content_security_policy, escape, PageKind};

/// In the source `index.html`'s head: the policy, stylesheet, icon, manifest and the
/// page's scripts go here. One attribute, so the HTML minifier (which sorts attributes) leaves it as it is: one exact string
/// matches a debug and a release build.
pub const HEAD_MARKER: &str = "<meta name=sim-head>";
/// In its body: the static record goes here, and its script after it.
pub const RECORD_MARKER: &str = "<div id=record></div>";

/// Set before the body is drawn: the static record's search box shows only with
/// JavaScript, and its actor filter only where the app will run it.
const CLASS_SCRIPT: &str = "document.documentElement.classList.add('js', \
     typeof WebAssembly === 'object' ? 'wasm' : 'no-wasm')";

/// What both editions are made of: the build's files and the record, already rendered.
pub struct Parts<'a> {
    /// The stylesheet's text, and the name it is written under beside the page.
    pub css: &'a str,
    pub css_file: &'a str,
    /// The icon (SVG text), written beside the page as `icon.svg` by Trunk.
    pub icon_svg: &'a str,
    /// wasm-bindgen's glue (an ES module) and the wasm it starts, whole: the one-file
    /// edition holds them inline.
    pub glue: &'a str,
    pub wasm: &'a [u8],
    /// The glue and wasm the served page starts, as paths from it: with the chunks split
    /// off, that build's (`app-ID/`), else these same two files.
    pub site_glue: &'a str,
    pub site_wasm: &'a str,
    /// The static record's HTML and its script (`src/record.js`).
    pub record: &'a str,
    pub record_js: &'a str,
    /// The published address (`SITE_URL`), named as the canonical one.
    pub canonical: Option<&'a str>,
}

/// The stylesheet as shipped: `style/main.css` without its comments (a fifth of it,
/// compressed, are the why-notes for its readers) or blank lines and indentation. Quoted
/// strings stay as they are; an unclosed comment or string is an error, as a browser
/// would drop the rest of the sheet.
pub fn stylesheet(source: &str) -> Result<String, String> {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(at) = rest.find(['/', '"', '\'']) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let quote = from.as_bytes()[0];
        if quote == b'/' && from.starts_with("/*") {
            let end = from[2..].find("*/").ok_or("a comment is not closed")?;
            rest = &from[2 + end + 2..];
        } else if quote == b'/' {
            out.push('/');
            rest = &from[1..];
        } else {
            let end = from[1..]
                .find(quote as char)
                .ok_or("a quoted string is not closed")?;
            out.push_str(&from[..end + 2]);
            rest = &from[end + 2..];
        }
    }
    out.push_str(rest);
    Ok(out
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n"))
}

/// `'sha256-…'`: how a policy names an inline script or style by its text.
pub fn hash_source(text: &str) -> String {
    format!(
        "'sha256-{}'",
        BASE64.encode(Sha256::digest(text.as_bytes()))
    )
}

/// The served page's start: the glue imports as a module; the wasm starts only where the
/// browser has WebAssembly, so elsewhere the static record stays, with no error.
fn site_start(parts: &Parts) -> String {
    format!(
        "import init, * as bindings from './{glue}';\n{start}",
        glue = parts.site_glue,
        start = start_where_there_is_webassembly(&format!(
            "await init({{ module_or_path: './{wasm}' }});\n    \
             // The browser benchmark (tests/bench/browser.mjs) calls the engine through these.\n    \
             window.wasmBindings = bindings;",
            wasm = parts.site_wasm
        ))
    )
}

/// Runs the app's start where the browser has WebAssembly. If it fails (the wasm not
/// fetched, or refused by a policy), the page says it has none (`no-wasm`): the record is
/// then laid out in full and its app-only parts hidden, as in a browser without it, since
/// the stylesheet skips laying out the record's far sections only while the app is coming;
/// and the record's script (`sim:no-wasm`) lands on the link's target again, in the full
/// layout, and searches as it does without WebAssembly.
fn start_where_there_is_webassembly(start: &str) -> String {
    format!(
        "if (typeof WebAssembly === 'object') {{\n  \
         try {{\n    {start}\n  }} catch (e) {{\n    \
         document.documentElement.classList.replace('wasm', 'no-wasm');\n    \
         dispatchEvent(new Event('sim:no-wasm'));\n    \
         throw e;\n  \
         }}\n\
         }}\n"
    )
}

/// wasm-bindgen's name for the glue's start function, which the glue exports as its default
/// (`export default __wbg_init`). The one-file edition runs the glue inline, as a module no
/// other can import from, so its start calls the function by this name, appended after the
/// glue's own text, which stays as wasm-bindgen wrote it (an inline module may export).
const GLUE_START: &str = "__wbg_init";

/// The one-file edition's start: the glue itself, then the wasm from the page's own bytes.
fn one_file_start(parts: &Parts) -> Result<String, String> {
    if !parts.glue.contains(&format!("function {GLUE_START}(")) {
        return Err(format!(
            "the glue declares no function {GLUE_START}: wasm-bindgen's output changed; \
             see GLUE_START in src/bin/post_build/edition.rs"
        ));
    }
    Ok(format!(
        "{glue}\n{start}",
        glue = parts.glue,
        start = start_where_there_is_webassembly(&format!(
            "const bytes = Uint8Array.from(atob('{wasm}'), (c) => c.charCodeAt(0));\n    \
             await {GLUE_START}({{ module_or_path: bytes }});",
            wasm = BASE64.encode(parts.wasm)
        ))
    ))
}

/// An inline element's text may not close it early.
fn inline(tag: &str, attrs: &str, text: &str) -> Result<String, String> {
    if text.to_ascii_lowercase().contains(&format!("</{tag}")) {
        return Err(format!("an inline <{tag}> would hold “</{tag}”"));
    }
    Ok(format!("<{tag}{attrs}>{text}</{tag}>"))
}

/// The served page: its head parts and the record with its script.
pub fn site(template: &str, parts: &Parts) -> Result<String, MarkerError> {
    let start = site_start(parts);
    let scripts = [CLASS_SCRIPT, parts.record_js, &start].map(hash_source);
    let csp = content_security_policy(PageKind::Record, &scripts, &[]);
    let head = [
        csp_meta(&csp),
        format!(
            "<link rel=stylesheet href=\"./{}\">",
            escape(parts.css_file)
        ),
        "<link rel=icon href=\"./icon.svg\">".to_string(),
        "<link rel=manifest href=\"./manifest.webmanifest\">".to_string(),
        canonical(parts.canonical),
        inline("script", "", CLASS_SCRIPT).map_err(MarkerError::Text)?,
        inline("script", " type=module", &start).map_err(MarkerError::Text)?,
    ];
    fill(template, &head.concat(), parts.record, parts.record_js)
}

/// The footer's download link, as the page's components render it (`SiteFooter`): the
/// one-file edition leaves it out, as it is that file. Taken out by exact, checked text
/// because the components render the record one way for both editions.
const DOWNLOAD_NOTE: [&str; 2] = ["<p class=\"download-note\">", "</p>"];

/// The record without its download link; an error if the record has not exactly one.
fn without_download_note(record: &str) -> Result<String, String> {
    let [open, close] = DOWNLOAD_NOTE;
    let missing = || format!("the record has not one {open}…{close}: see DOWNLOAD_NOTE");
    if record.matches(open).count() != 1 {
        return Err(missing());
    }
    let at = record.find(open).ok_or_else(missing)?;
    let end = at + record[at..].find(close).ok_or_else(missing)? + close.len();
    Ok(format!("{}{}", &record[..at], &record[end..]))
}

/// The one-file edition: the same page with everything it needs inside it.
pub fn one_file(template: &str, parts: &Parts) -> Result<String, MarkerError> {
    let start = one_file_start(parts).map_err(MarkerError::Text)?;
    let record = without_download_note(parts.record).map_err(MarkerError::Text)?;
    let scripts = [CLASS_SCRIPT, parts.record_js, &start].map(hash_source);
    let csp = content_security_policy(PageKind::OneFile, &scripts, &[hash_source(parts.css)]);
    let icon = format!(
        "data:image/svg+xml;base64,{}",
        BASE64.encode(parts.icon_svg)
    );
    let head = [
        csp_meta(&csp),
        inline("style", "", parts.css).map_err(MarkerError::Text)?,
        format!("<link rel=icon href=\"{icon}\">"),
        canonical(parts.canonical),
        inline("script", "", CLASS_SCRIPT).map_err(MarkerError::Text)?,
        inline("script", " type=module", &start).map_err(MarkerError::Text)?,
    ];
    fill(template, &head.concat(), &record, parts.record_js)
}

/// The policy as written: its text (keywords, hosts and base64) needs no escaping in a
/// double-quoted attribute, which keeps it legible in the built page.
fn csp_meta(policy: &str) -> String {
    debug_assert!(!policy.contains(['"', '<', '&']), "{policy}");
    format!("<meta http-equiv=Content-Security-Policy content=\"{policy}\">")
}

/// The published address, where the build was told one: a copy opened from disk still
/// cites it.
fn canonical(url: Option<&str>) -> String {
    url.map(|u| format!("<link rel=canonical href=\"{}\">", escape(u)))
        .unwrap_or_default()
}

/// Why a page could not be filled in.
#[derive(Debug, PartialEq)]
pub enum MarkerError {
    /// A marker is missing (line 1) or there twice (the second's line).
    Marker { line: usize, message: String },
    /// A part cannot go inline as it is.
    Text(String),
}

/// `template` with `head` at its head marker and the record, then its script, at its record
/// marker; each marker must be there exactly once.
fn fill(template: &str, head: &str, record: &str, record_js: &str) -> Result<String, MarkerError> {
    let record = format!(
        "{record}{}",
        inline("script", "", record_js).map_err(MarkerError::Text)?
    );
    let head_at = find_once(template, HEAD_MARKER)?;
    let record_at = find_once(template, RECORD_MARKER)?;
    if record_at < head_at {
        return Err(MarkerError::Marker {
            line: line_of(template, record_at),
            message: format!("{RECORD_MARKER} before {HEAD_MARKER}"),
        });
    }
    Ok([
        &template[..head_at],
        head,
        &template[head_at + HEAD_MARKER.len()..record_at],
        &record,
        &template[record_at + RECORD_MARKER.len()..],
    ]
    .concat())
}

fn line_of(text: &str, at: usize) -> usize {
    1 + text[..at].matches('\n').count()
}

/// Where `text` holds `marker`, which it must hold exactly once.
fn find_once(text: &str, marker: &str) -> Result<usize, MarkerError> {
    let Some(at) = text.find(marker) else {
        return Err(MarkerError::Marker {
            line: 1,
            message: format!("no {marker}: the source index.html must hold it once"),
        });
    };
    let rest = at + marker.len();
    match text[rest..].find(marker) {
        Some(again) => Err(MarkerError::Marker {
            line: line_of(text, rest + again),
            message: format!("{marker} a second time: the source index.html must hold it once"),
        }),
        None => Ok(at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<head>\n<meta name=sim-head>\n<title>t</title>\n\
                            </head>\n<body>\n<div id=record></div>\n</body>";

    fn parts() -> Parts<'static> {
        Parts {
            css: "body{color:red}",
            css_file: "main-1.css",
            icon_svg: "<svg/>",
            glue: "async function __wbg_init(m){}\nexport default __wbg_init;",
            wasm: b"\0asm",
            site_glue: "app-1/sim-explorer.js",
            site_wasm: "app-1/sim-explorer_bg.wasm",
            record: "<div id=\"record\">R<p class=\"download-note\"><a>D</a> it</p></div>",
            record_js: "show()",
            canonical: None,
        }
    }

    /// The text of every inline `<tag …>…</tag>` in `page`, in order.
    fn inline_texts(page: &str, tag: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = page;
        while let Some(at) = rest.find(&format!("<{tag}")) {
            let open = at + rest[at..].find('>').unwrap() + 1;
            let close = open + rest[open..].find(&format!("</{tag}>")).unwrap();
            out.push(rest[open..close].to_string());
            rest = &rest[close..];
        }
        out
    }

    /// The policy of `page`, from its meta element.
    fn policy(page: &str) -> String {
        let at = page.find("content=\"").unwrap() + "content=\"".len();
        let end = at + page[at..].find('"').unwrap();
        page[at..end].to_string()
    }

    #[test]
    fn the_stylesheet_ships_without_its_comments() {
        let css = "/* why */\n.a {\n  color: red; /* note */\n}\n\n.b::before { content: \"/* kept */\"; }\n.c { background: url(a/b.svg); }\n";
        assert_eq!(
            stylesheet(css).unwrap(),
            ".a {\ncolor: red;\n}\n.b::before { content: \"/* kept */\"; }\n.c { background: url(a/b.svg); }"
        );
        assert_eq!(
            stylesheet(".a{} /* open").unwrap_err(),
            "a comment is not closed"
        );
        assert_eq!(
            stylesheet(".a::before{content:'x}").unwrap_err(),
            "a quoted string is not closed"
        );
    }

    #[test]
    fn the_policy_names_every_inline_script_and_nothing_else() {
        for page in [
            site(TEMPLATE, &parts()).unwrap(),
            one_file(TEMPLATE, &parts()).unwrap(),
        ] {
            let scripts = inline_texts(&page, "script");
            assert_eq!(scripts.len(), 3, "{page}");
            let named: Vec<String> = scripts.iter().map(|s| hash_source(s)).collect();
            let policy = policy(&page);
            let script_src = policy
                .split("; ")
                .find(|d| d.starts_with("script-src"))
                .unwrap();
            let in_policy = script_src
                .split(' ')
                .filter(|s| s.starts_with("'sha256-"))
                .count();
            assert_eq!(in_policy, 3, "{policy}");
            for hash in named {
                assert!(script_src.contains(&hash), "{hash} not in {policy}");
            }
        }
    }

    #[test]
    fn the_site_links_its_files_and_starts_the_wasm_only_where_there_is_webassembly() {
        let page = site(TEMPLATE, &parts()).unwrap();
        assert!(page.contains("<link rel=stylesheet href=\"./main-1.css\">"));
        assert!(page.contains("<link rel=manifest href=\"./manifest.webmanifest\">"));
        assert!(page.contains(
            "<div id=\"record\">R<p class=\"download-note\"><a>D</a> it</p></div><script>show()</script>\n</body>"
        ));
        let start = &inline_texts(&page, "script")[1];
        assert!(start.starts_with("import init, * as bindings from './app-1/sim-explorer.js';\n"));
        assert!(start.contains(
            "if (typeof WebAssembly === 'object') {\n  try {\n    await init({ module_or_path: './app-1/sim-explorer_bg.wasm' });"
        ));
        // A start that fails leaves the page as one without WebAssembly, and says why.
        assert!(start.contains(
            "} catch (e) {\n    document.documentElement.classList.replace('wasm', 'no-wasm');\n    \
             dispatchEvent(new Event('sim:no-wasm'));\n    throw e;"
        ));
        assert!(!page.contains("sim-head"));
    }

    #[test]
    fn the_one_file_edition_holds_everything_and_links_to_nothing() {
        let page = one_file(TEMPLATE, &parts()).unwrap();
        assert!(page.contains("<style>body{color:red}</style>"));
        assert!(!page.contains("href=\"./"), "{page}");
        assert!(!page.contains("manifest"));
        assert!(page.contains("<div id=\"record\">R</div><script>show()</script>"));
        assert!(policy(&page).contains(&format!("style-src {}", hash_source("body{color:red}"))));
        let start = &inline_texts(&page, "script")[1];
        // The glue as wasm-bindgen wrote it, then its start with the wasm's own bytes.
        assert!(start.starts_with(parts().glue));
        assert!(start.contains("atob('AGFzbQ==')"));
        assert!(start.contains("await __wbg_init({ module_or_path: bytes });"));
    }

    #[test]
    fn the_one_file_edition_needs_its_download_link_to_leave_out() {
        let record = "<div id=\"record\">R</div>";
        let err = one_file(TEMPLATE, &Parts { record, ..parts() }).unwrap_err();
        assert!(matches!(err, MarkerError::Text(m) if m.contains("DOWNLOAD_NOTE")));
    }

    #[test]
    fn a_glue_without_its_start_function_fails_plainly() {
        let glue = "function init(){}\nexport default init;";
        let err = one_file(TEMPLATE, &Parts { glue, ..parts() }).unwrap_err();
        assert!(matches!(err, MarkerError::Text(m) if m.contains("no function __wbg_init")));
    }

    #[test]
    fn a_canonical_address_goes_into_both_editions() {
        let url = Some("https://x.org/a&b/");
        for page in [
            site(
                TEMPLATE,
                &Parts {
                    canonical: url,
                    ..parts()
                },
            )
            .unwrap(),
            one_file(
                TEMPLATE,
                &Parts {
                    canonical: url,
                    ..parts()
                },
            )
            .unwrap(),
        ] {
            assert!(page.contains("<link rel=canonical href=\"https://x.org/a&amp;b/\">"));
        }
    }

    #[test]
    fn markers_must_be_there_once() {
        let no_head = TEMPLATE.replace(HEAD_MARKER, "");
        assert!(matches!(
            site(&no_head, &parts()),
            Err(MarkerError::Marker { line: 1, message }) if message.starts_with("no <meta name=sim-head")
        ));
        let twice = format!("{TEMPLATE}\n{RECORD_MARKER}");
        assert!(matches!(
            site(&twice, &parts()),
            Err(MarkerError::Marker { line: 8, .. })
        ));
    }

    #[test]
    fn an_inline_part_cannot_close_its_element() {
        let err = site(
            TEMPLATE,
            &Parts {
                record_js: "x = '</script>'",
                ..parts()
            },
        )
        .unwrap_err();
        assert_eq!(
            err,
            MarkerError::Text("an inline <script> would hold “</script”".into())
        );
    }

    /// The source page holds each marker once (the build checks the built page too).
    #[test]
    fn the_source_page_holds_both_markers() {
        let source = include_str!("../../../index.html");
        for marker in [HEAD_MARKER, RECORD_MARKER] {
            assert_eq!(source.matches(marker).count(), 1, "{marker}");
        }
    }
}
