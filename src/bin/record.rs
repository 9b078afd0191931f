//! Writes the static record into a built page: the whole record as HTML in `index.html`
//! (replacing its empty `<div id="record">`), and one small page per passage under `p/`
//! that a shared link can preview. Run by Trunk's post-build hook on its staging folder
//! (`TRUNK_STAGING_DIR`), or by hand: `cargo run --bin sim-record -- <folder>`. Fails, saying why, if the page has no place
//! for the record.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::{env, fs, path::PathBuf, process};
    // Trunk's hooks name the folder being built in the environment.
    let Some(dir) = env::args()
        .nth(1)
        .or_else(|| env::var("TRUNK_STAGING_DIR").ok())
        .map(PathBuf::from)
    else {
        eprintln!("usage: sim-record <built page folder> (or TRUNK_STAGING_DIR set)");
        process::exit(2);
    };
    let index = dir.join("index.html");
    let page = match fs::read_to_string(&index) {
        Ok(page) => page,
        Err(e) => {
            eprintln!("{}: {e}", index.display());
            process::exit(1);
        }
    };
    let record = sim_explorer::app::static_record();
    let Some(page) = sim_explorer::engine::pages::with_record(&page, &record) else {
        eprintln!(
            "{}:1: no empty <div id=\"record\"></div> to hold the static record",
            index.display()
        );
        process::exit(1);
    };
    let mut written = 0;
    let passages = dir.join("p");
    let write = |path: &PathBuf, text: &str| {
        if let Err(e) = fs::write(path, text) {
            eprintln!("{}: {e}", path.display());
            process::exit(1);
        }
    };
    // Told where the record is published (`SITE_URL`), the page names it as its canonical
    // address, and so does the one-file edition made from it: a copy opened from disk still
    // cites that address.
    let site =
        match sim_explorer::engine::pages::site_url(&env::var("SITE_URL").unwrap_or_default()) {
            Ok(url) => Some(url).filter(|u| !u.is_empty()),
            Err(message) => {
                eprintln!("SITE_URL: {message}");
                process::exit(1);
            }
        };
    let page = match &site {
        Some(url) => sim_explorer::engine::pages::with_canonical(&page, url),
        None => page,
    };
    write(&index, &page);
    if let Err(e) = fs::create_dir_all(&passages) {
        eprintln!("{}: {e}", passages.display());
        process::exit(1);
    }
    for (key, html) in sim_explorer::engine::pages::passage_pages(
        sim_explorer::compiled::corpus(),
        site.as_deref(),
    ) {
        write(&passages.join(format!("{key}.html")), &html);
        written += 1;
    }
    println!(
        "sim-record: {} bytes of record in index.html, {written} passage pages in p/",
        record.len()
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
