//! Native tests of the pure core: one test binary (matklad's "Delete cargo integration
//! tests"), a module per area.
#![cfg(not(target_arch = "wasm32"))]

mod accounts;
mod actors;
mod citable;
mod cite;
mod collection;
mod compare;
mod corpus;
mod disagreements;
mod drafts;
mod events;
mod export;
mod filter;
mod finder;
mod fixture;
mod forms;
mod kinds;
mod record;
mod review;
mod search;
mod select;
mod shape;
mod stats;
mod timeline;
mod verify;
mod view;
