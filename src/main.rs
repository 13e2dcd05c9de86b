//! claimcheck in the browser: a Yew front end over `claimcheck-engine`.
//!
//! The engine is the only source of verdicts, plans, estimates, deadline states and the next
//! question. This crate holds the pure app logic (state reducer, wording, formatting, search,
//! calendar files) that builds and is unit-tested natively, and the Yew components, built only
//! for wasm32. Nothing a person answers ever leaves the browser.

pub mod accent;
pub mod chart;
pub mod embed;
pub mod exit_keys;
pub mod format;
pub mod i18n;
pub mod ics;
pub mod idle;
pub mod input;
#[cfg(test)]
mod invariants;
pub mod order;
pub mod org_index;
pub mod pack;
pub mod present;
pub mod route;
pub mod search;
#[cfg(test)]
mod search_reference;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod early;
#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(target_arch = "wasm32")]
fn main() {
    web::install_panic_hook();
    web::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("claimcheck-app is a browser app: build it with `trunk build --release`.");
}
