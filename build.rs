//! Build step: reads `corpus/` (kinds, documents, captures, actors, drafts, disagreements,
//! events), checks it with the engine's loaders, resolves every actor's mentions, and writes
//! the checked corpus as postcard bytes for `src/compiled.rs` to embed. Any problem fails the
//! build, all of them listed as `path:line: message`. The browser never sees the source
//! format.

// The engine is compiled here from the very files the app uses. It may only depend on
// what this build script has (serde, postcard): a DOM dependency in it fails the build.
#[allow(dead_code, unused_imports)]
#[path = "src/engine/mod.rs"]
mod engine;

use engine::assemble;
use engine::load::File;
use std::path::{Path, PathBuf};
use std::{env, fs, process};

/// Overrides the corpus folder; tests use it to build a broken corpus.
const CORPUS_DIR_VAR: &str = "SIM_CORPUS_DIR";

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-env-changed={CORPUS_DIR_VAR}");
    let corpus_dir = env::var_os(CORPUS_DIR_VAR)
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("corpus"));
    println!("cargo:rerun-if-changed={}", corpus_dir.display());
    for sub in ["documents", "sources"] {
        println!("cargo:rerun-if-changed={}", corpus_dir.join(sub).display());
    }

    let mut errors = Vec::new();
    let documents = read_dir(
        &root,
        &corpus_dir.join("documents"),
        Some("txt"),
        &mut errors,
    );
    let captures = read_dir(&root, &corpus_dir.join("sources"), None, &mut errors);
    let doc_files: Vec<File> = documents
        .iter()
        .map(|(path, text)| File { path, text })
        .collect();
    let capture_files: Vec<File> = captures
        .iter()
        .map(|(path, text)| File { path, text })
        .collect();
    if doc_files.is_empty() && errors.is_empty() {
        errors.push(format!(
            "{}:1: no documents: add a .txt file to this folder",
            display(&root, &corpus_dir.join("documents"))
        ));
    }

    // Documents name their kind from this register, so it is read with them.
    let kinds_path = corpus_dir.join("kinds.txt");
    let kinds_shown = display(&root, &kinds_path);
    let kinds_text = fs::read_to_string(&kinds_path).unwrap_or_else(|e| {
        errors.push(format!("{kinds_shown}:1: cannot read the kinds file: {e}"));
        String::new()
    });
    let kinds_file = File {
        path: &kinds_shown,
        text: &kinds_text,
    };
    // The registers after the documents; one that cannot be read is said here, and what
    // relies on it is not checked (`assemble::corpus`).
    let read = |name: &str, errors: &mut Vec<String>| {
        let path = corpus_dir.join(format!("{name}.txt"));
        let shown = display(&root, &path);
        let text = fs::read_to_string(&path)
            .map_err(|e| errors.push(format!("{shown}:1: cannot read the {name} file: {e}")))
            .ok();
        (shown, text)
    };
    let registers = ["actors", "drafts", "disagreements", "events"].map(|n| read(n, &mut errors));
    let file = |i: usize| {
        let (path, text) = &registers[i];
        text.as_deref().map(|text| File { path, text })
    };
    let files = assemble::Files {
        kinds: kinds_file,
        documents: &doc_files,
        captures: &capture_files,
        actors: file(0),
        drafts: file(1),
        disagreements: file(2),
        events: file(3),
    };
    // Word families for search: Snowball English, here at build time, so the page ships
    // the families and not the stemmer.
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let (corpus, problems) = assemble::corpus(&files, &|w| stemmer.stem(w).into_owned());
    errors.extend(problems.iter().map(|p| p.to_string()));
    if !errors.is_empty() {
        eprintln!("The corpus has {} problem(s):", errors.len());
        for e in &errors {
            eprintln!("{e}");
        }
        process::exit(1);
    }

    let bytes = postcard::to_allocvec(&corpus).expect("the corpus serialises");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets it")).join("corpus.postcard");
    fs::write(&out, bytes).expect("OUT_DIR is writable");
}

fn display(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Reads every file of `dir` (sorted by name, hidden files and editor backups skipped) as
/// UTF-8. Files with another extension than `ext` are skipped with a warning.
fn read_dir(
    root: &Path,
    dir: &Path,
    ext: Option<&str>,
    errors: &mut Vec<String>,
) -> Vec<(String, String)> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(format!(
                "{}:1: cannot read the folder: {e}",
                display(root, dir)
            ));
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        let shown = display(root, &path);
        if let Some(ext) = ext {
            if path.extension().and_then(|e| e.to_str()) != Some(ext) {
                println!("cargo:warning={shown}: skipped: documents are .{ext} files");
                continue;
            }
        }
        match fs::read(&path) {
            Err(e) => errors.push(format!("{shown}:1: cannot read the file: {e}")),
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push((shown, text)),
                Err(e) => {
                    let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                    let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
                    errors.push(format!(
                        "{shown}:{line}: not UTF-8 text: save the file as UTF-8"
                    ));
                }
            },
        }
    }
    files
}
