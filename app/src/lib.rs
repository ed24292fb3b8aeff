//! Concord's web application: pages, components and server functions, plus the pure domain
//! core. Built twice: with `ssr` for the server and with `hydrate` for the browser.

#![recursion_limit = "256"]

pub mod app;
pub mod auth;
pub mod calendar;
pub mod campaigns;
pub mod contacts;
pub mod dashboard;
pub mod domain;
pub mod error;
mod error_map;
pub mod home;
pub mod layout;
pub mod leads;
pub mod models;
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

/// The browser entry point. The server renders every page; the browser brings to life only
/// the islands (the calendar grid, the plan form, sign-in, progress notes), which the loader
/// hydrates right after this returns, and sends plain form posts without reloading the page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    use leptos::prelude::{document, set_timeout, window};
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // A server function that redirects (planning a touch) moves the whole page.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|to| {
        let _ = window().location().set_href(to);
    });
    ui::enhance::install();
    // Marks the document once the islands have hydrated (the loader does that in microtasks
    // after this call, so a timer runs after it), so tests and people debugging can tell.
    set_timeout(
        || {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-hydrated", "true");
            }
        },
        std::time::Duration::ZERO,
    );
}
