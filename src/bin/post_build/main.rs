//! The build step after Trunk (`sim-post-build`, Trunk's post-build hook), on Trunk's
//! staging folder (the future `dist/`), run natively so the page's own components render
//! the record. It writes, from typed parts:
//! 1. `index.html`: at the source page's two markers, the Content-Security-Policy, the
//!    stylesheet, icon and manifest links, the guarded start of the wasm, and the static
//!    record with its script (`edition.rs`); Trunk itself injects no script
//!    (`pattern_script = ""`);
//! 2. `p/KEY.html`, a page per passage that a shared link previews;
//! 3. `sw.js`, the service worker, with every file of the build (`worker.rs`);
//! 4. `sim-explorer.html`, the one-file edition, which opens from a file on disk.
//!
//! Given `SIM_SPLIT_DIR` (`.ci/setup.sh`'s `build_release`), the served page starts the wasm
//! built there with the timeline and later pages split off into chunks: that folder's glue,
//! wasm, chunk loader and chunks go into `app-ID/` (ID from their bytes, so no cache mixes
//! two builds' parts), and Trunk's whole wasm, which only the one-file edition holds now,
//! leaves the folder.
//!
//! Run by hand: `cargo run --bin sim-post-build -- <staged folder>`. Every problem is said
//! as `path:line: message`, and fails the build.

#[cfg(not(target_arch = "wasm32"))]
mod edition;
#[cfg(not(target_arch = "wasm32"))]
mod worker;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(message) = run() {
        eprintln!("{message}");
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod io {
    //! Reading and writing the staging folder, each failure said with its path.
    use std::fs;
    use std::path::{Path, PathBuf};

    pub fn read(path: &Path) -> Result<Vec<u8>, String> {
        fs::read(path).map_err(|e| format!("{}:1: cannot read: {e}", path.display()))
    }

    pub fn read_text(path: &Path) -> Result<String, String> {
        fs::read_to_string(path).map_err(|e| format!("{}:1: cannot read: {e}", path.display()))
    }

    pub fn write(path: &Path, text: impl AsRef<[u8]>) -> Result<(), String> {
        fs::write(path, text).map_err(|e| format!("{}:1: cannot write: {e}", path.display()))
    }

    pub fn create_dir(path: &Path) -> Result<(), String> {
        fs::create_dir_all(path).map_err(|e| format!("{}:1: cannot create: {e}", path.display()))
    }

    pub fn remove(path: &Path) -> Result<(), String> {
        fs::remove_file(path).map_err(|e| format!("{}:1: cannot remove: {e}", path.display()))
    }

    /// Every file under `dir`, as a path relative to it with `/`, sorted, with its bytes.
    pub fn files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
        let mut paths = Vec::new();
        let mut folders = vec![PathBuf::new()];
        while let Some(folder) = folders.pop() {
            let entries = fs::read_dir(dir.join(&folder))
                .map_err(|e| format!("{}:1: cannot list: {e}", dir.join(&folder).display()))?;
            for entry in entries {
                let entry = entry.map_err(|e| format!("{}:1: {e}", dir.display()))?;
                let path = folder.join(entry.file_name());
                if entry.path().is_dir() {
                    folders.push(path);
                } else {
                    paths.push(path);
                }
            }
        }
        let mut files = paths
            .into_iter()
            .map(|p| {
                let name = p.iter().map(|c| c.to_string_lossy()).collect::<Vec<_>>();
                Ok((name.join("/"), read(&dir.join(&p))?))
            })
            .collect::<Result<Vec<_>, String>>()?;
        files.sort();
        Ok(files)
    }
}

/// The files of the split build (`SIM_SPLIT_DIR`): what the served page starts, and the
/// chunk loader the glue imports; an error if one is missing.
#[cfg(not(target_arch = "wasm32"))]
const SPLIT_FILES: [&str; 3] = ["sim-explorer.js", "sim-explorer_bg.wasm", "__wasm_split.js"];

/// Puts the split build in `dir` into the staging folder as `app-ID/` (ID from its names
/// and bytes) and gives the paths of its glue and wasm from the page.
#[cfg(not(target_arch = "wasm32"))]
fn place_split(
    dir: &std::path::Path,
    staging: &std::path::Path,
) -> Result<(String, String), String> {
    let files = io::files(dir)?;
    if let Some(missing) = SPLIT_FILES
        .iter()
        .find(|name| !files.iter().any(|(n, _)| n == *name))
    {
        return Err(format!(
            "{}:1: no {missing} in the split build",
            dir.display()
        ));
    }
    let id = worker::hex_id(files.iter().flat_map(|(n, b)| [n.as_bytes(), &b[..]]));
    let folder = staging.join(format!("app-{id}"));
    io::create_dir(&folder)?;
    for (name, bytes) in &files {
        io::write(&folder.join(name), bytes)?;
    }
    let [glue, wasm, _] = SPLIT_FILES;
    Ok((format!("app-{id}/{glue}"), format!("app-{id}/{wasm}")))
}

/// The wasm Trunk staged and its glue, named `NAME_bg.wasm` and `NAME.js`: the one pair.
#[cfg(not(target_arch = "wasm32"))]
fn wasm_and_glue(staged: &[(String, Vec<u8>)]) -> Result<(String, String), String> {
    let wasm: Vec<&String> = staged
        .iter()
        .map(|(name, _)| name)
        .filter(|name| name.ends_with(".wasm"))
        .collect();
    let [wasm] = wasm[..] else {
        return Err(format!("the build has {} wasm files, not one", wasm.len()));
    };
    let glue = format!(
        "{}.js",
        wasm.trim_end_matches(".wasm").trim_end_matches("_bg")
    );
    if !staged.iter().any(|(name, _)| *name == glue) {
        return Err(format!("no glue {glue} beside {wasm}"));
    }
    Ok((wasm.clone(), glue))
}

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<(), String> {
    use edition::{MarkerError, Parts};
    use sim_explorer::engine::pages;
    use std::{env, path::PathBuf};

    // Trunk's hooks name the folder being built, and the source folder, in the environment.
    let staging = env::args()
        .nth(1)
        .or_else(|| env::var("TRUNK_STAGING_DIR").ok())
        .map(PathBuf::from)
        .ok_or("usage: sim-post-build <staged folder> (or TRUNK_STAGING_DIR set)")?;
    let source = env::var_os("TRUNK_SOURCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let index_path = staging.join("index.html");
    let template = io::read_text(&index_path)?;
    // Told where the record is published (`SITE_URL`), the page names it as its canonical
    // address, and so does the one-file edition: a copy opened from disk still cites it.
    let site = pages::site_url(&env::var("SITE_URL").unwrap_or_default())
        .map_err(|message| format!("SITE_URL: {message}"))?;
    let site = Some(site).filter(|url| !url.is_empty());

    let staged = io::files(&staging)?;
    let (wasm_file, glue_file) = wasm_and_glue(&staged)?;
    let split = env::var_os("SIM_SPLIT_DIR").map(PathBuf::from);
    let (site_glue, site_wasm) = match &split {
        Some(dir) => place_split(dir, &staging)?,
        None => (glue_file.clone(), wasm_file.clone()),
    };
    let css_path = source.join("style/main.css");
    let css = edition::stylesheet(&io::read_text(&css_path)?)
        .map_err(|message| format!("{}:1: {message}", css_path.display()))?;
    // Named by its bytes, as Trunk names the wasm, so no cache serves an old stylesheet.
    let css_file = format!("main-{}.css", worker::hex_id([css.as_bytes()]));
    let record = sim_explorer::app::static_record();
    let parts = Parts {
        css: &css,
        css_file: &css_file,
        icon_svg: &io::read_text(&staging.join("icon.svg"))?,
        glue: &io::read_text(&staging.join(&glue_file))?,
        wasm: &io::read(&staging.join(&wasm_file))?,
        site_glue: &site_glue,
        site_wasm: &site_wasm,
        record: &record,
        record_js: &io::read_text(&source.join("src/record.js"))?,
        canonical: site.as_deref(),
    };
    let at_index = |e: MarkerError| match e {
        MarkerError::Marker { line, message } => {
            format!("{}:{line}: {message}", index_path.display())
        }
        MarkerError::Text(message) => format!("{}:1: {message}", index_path.display()),
    };

    io::write(&staging.join(&css_file), &css)?;
    io::write(
        &index_path,
        edition::site(&template, &parts).map_err(at_index)?,
    )?;
    let passages = staging.join("p");
    io::create_dir(&passages)?;
    let pages = pages::passage_pages(sim_explorer::compiled::corpus(), site.as_deref());
    for (key, html) in &pages {
        io::write(&passages.join(format!("{key}.html")), html)?;
    }
    // Split, the served page never asks for Trunk's whole wasm: the one-file edition, which
    // holds it, is written from what was read above.
    if split.is_some() {
        for name in [&wasm_file, &glue_file] {
            io::remove(&staging.join(name))?;
        }
    }
    // The worker lists the build as it now stands: the page, its files and the passages.
    let built = io::files(&staging)?;
    let template_path = source.join("src/service_worker.js");
    let sw = worker::service_worker(&io::read_text(&template_path)?, &built)
        .map_err(|message| format!("{}:1: {message}", template_path.display()))?;
    io::write(&staging.join("sw.js"), sw)?;
    let one_file = edition::one_file(&template, &parts).map_err(at_index)?;
    io::write(&staging.join(worker::NOT_PRECACHED[1]), &one_file)?;

    println!(
        "sim-post-build: {} bytes of record in index.html, {} passage pages in p/, sw.js \
         for {} files, {} {} KiB",
        record.len(),
        pages.len(),
        built.len(),
        worker::NOT_PRECACHED[1],
        one_file.len() / 1024
    );
    Ok(())
}
