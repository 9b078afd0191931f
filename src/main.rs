//! Entry point of the page: mounts the app. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    sim_explorer::app::start();
}

// Native builds have no page to mount; `cargo test` exercises the library instead.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
