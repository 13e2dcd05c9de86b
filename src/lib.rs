//! claimcheck in the browser, as a library: the pure app logic (state reducer, wording,
//! formatting, search, calendar files, address settings) that builds and is unit-tested
//! natively, and, for wasm32 only, the Yew components and the browser glue (`web`).
//!
//! The engine is the only source of verdicts, plans, estimates, deadline states and the next
//! question. `src/main.rs` is the thin shell that starts the app; the fuzz targets and the
//! native tests use the pure modules from here, so they compile the same code the browser
//! runs. Nothing a person answers ever leaves the browser.

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
pub mod view;

#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod early;
#[cfg(target_arch = "wasm32")]
mod web;

/// Starts the app in the page: the panic hook, then the first screen (`web::mount`).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    web::install_panic_hook();
    web::mount();
}
