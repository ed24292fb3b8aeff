//! Concord's web application: pages, components and server functions, plus the pure domain
//! core. Built twice: with `ssr` for the server and with `hydrate` for the browser.

#![recursion_limit = "256"]

pub mod app;
pub mod auth;
pub mod calendar;
pub mod contacts;
pub mod dashboard;
pub mod domain;
pub mod error;
mod error_map;
pub mod home;
pub mod layout;
pub mod leads;
pub mod planner;
pub mod records;
pub mod review;
pub mod settings;
pub mod timeline;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;

/// The browser entry point: attaches the reactive app to the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
