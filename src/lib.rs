//! SIM Explorer: the pure engine, the corpus compiled into this build, and (in the browser)
//! the Leptos app on top. See ARCHITECTURE.md for the map.

pub mod compiled;
pub mod engine;

pub mod app;

#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
