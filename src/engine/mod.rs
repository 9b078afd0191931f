//! The pure core of SIM Explorer: the corpus model, its loader and checks, dates and text
//! primitives. No DOM, no Leptos, no web-sys, no I/O: values in, values out, so `cargo test`
//! runs it natively and `build.rs` compiles these very files to check the corpus.

pub mod accounts;
pub mod actors;
pub mod assemble;
pub mod citable;
pub mod cite;
pub mod collection;
pub mod compare;
pub mod date;
pub mod disagreements;
pub mod drafts;
pub mod events;
pub mod export;
pub mod families;
pub mod filter;
pub mod finder;
pub mod kinds;
pub mod load;
pub mod model;
pub mod normalize;
pub mod order;
pub mod pages;
pub mod search;
pub mod select;
pub mod stats;
pub mod synthetic;
pub mod text;
pub mod timeline;
pub mod verify;
pub mod view;
