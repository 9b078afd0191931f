//! `sw.js`, the service worker: its template (`src/service_worker.js`) filled with the build
//! id and the list of files to precache. The id is hashed from every precached file's name
//! and final bytes (Trunk names the wasm by a hash taken before wasm-opt runs, so its name
//! alone would miss a change). Pure: file names and bytes in, the worker's text out.

use sha2::{Digest, Sha256};

/// Where the template takes the build id and the file list.
const BUILD: &str = "__BUILD__";
const FILES: &str = "__FILES__";

/// Files of the build the worker does not precache: itself, and the one-file edition (a
/// 1.3 MB download nobody needs offline in the browser).
pub const NOT_PRECACHED: [&str; 2] = ["sw.js", "sim-explorer.html"];

/// The worker for a build of `files` (path relative to the page, with `/`, and bytes, in
/// the order listed): every file but those `NOT_PRECACHED`, and the page's folder itself.
pub fn service_worker(template: &str, files: &[(String, Vec<u8>)]) -> Result<String, String> {
    let precached: Vec<&(String, Vec<u8>)> = files
        .iter()
        .filter(|(name, _)| !NOT_PRECACHED.contains(&name.as_str()))
        .collect();
    let id = hex_id(
        precached
            .iter()
            .flat_map(|(name, bytes)| [name.as_bytes(), bytes.as_slice()]),
    );
    let urls = std::iter::once("./".to_string())
        .chain(precached.iter().map(|(name, _)| format!("./{name}")))
        .map(|url| format!("  {}", json_string(&url)))
        .collect::<Vec<_>>()
        .join(",\n");
    let list = format!("[\n{urls}\n]");
    for placeholder in [BUILD, FILES] {
        if template.matches(placeholder).count() != 1 {
            return Err(format!(
                "the worker's template must hold {placeholder} once"
            ));
        }
    }
    Ok(template.replacen(BUILD, &id, 1).replacen(FILES, &list, 1))
}

/// 16 hex digits of the SHA-256 of `parts`, one after another: a name that follows content.
pub fn hex_id<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part);
    }
    hash.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `text` as a JSON (and JavaScript) string literal.
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(names: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
        names
            .iter()
            .map(|(n, b)| (n.to_string(), b.as_bytes().to_vec()))
            .collect()
    }

    const TEMPLATE: &str = "const BUILD = '__BUILD__';\nconst FILES = __FILES__;\n";

    #[test]
    fn lists_every_file_but_itself_and_the_one_file_edition() {
        let build = files(&[
            ("index.html", "i"),
            ("p/a\"b.html", "p"),
            ("sim-explorer.html", "one"),
            ("sw.js", "old"),
        ]);
        let sw = service_worker(TEMPLATE, &build).unwrap();
        assert!(sw.ends_with(
            "const FILES = [\n  \"./\",\n  \"./index.html\",\n  \"./p/a\\\"b.html\"\n];\n"
        ));
        let id = &sw["const BUILD = '".len()..][..16];
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()), "{id}");
    }

    #[test]
    fn the_build_id_follows_the_bytes_of_precached_files_only() {
        let id = |build: &[(&str, &str)]| service_worker(TEMPLATE, &files(build)).unwrap();
        let base = id(&[("a.wasm", "1"), ("sim-explorer.html", "x")]);
        assert_eq!(base, id(&[("a.wasm", "1"), ("sim-explorer.html", "y")]));
        assert_ne!(base, id(&[("a.wasm", "2"), ("sim-explorer.html", "x")]));
    }

    #[test]
    fn the_template_must_hold_each_placeholder_once() {
        let err = service_worker("const FILES = __FILES__;", &[]).unwrap_err();
        assert_eq!(err, "the worker's template must hold __BUILD__ once");
        assert!(service_worker("__BUILD__ __FILES__ __FILES__", &[]).is_err());
    }

    /// The real template holds both, once.
    #[test]
    fn the_source_template_is_fillable() {
        let template = include_str!("../../service_worker.js");
        assert!(service_worker(template, &[]).is_ok());
    }
}
