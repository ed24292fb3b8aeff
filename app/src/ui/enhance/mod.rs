//! Form posts without a page reload. Every page works with plain HTML forms; with JavaScript
//! on, a url-encoded `method="post"` form that no island handles is sent by `fetch` exactly as
//! the browser would send it (asking for HTML, so a server function answers with its redirect
//! back to the page, an error in the address). An answer for this page replaces its `<main>`
//! (islands in it come to life, a refused form gets back what was typed); an answer for
//! another page is loaded as a page; an error answer is shown as the browser would show it. A
//! post that cannot be sent at all goes as the browser's own.
//!
//! Why this and not Leptos's islands router or htmx: `docs/decisions/0001-form-enhancer.md`.

pub mod decide;

#[cfg(feature = "hydrate")]
mod browser;
#[cfg(feature = "hydrate")]
mod islands;

#[cfg(feature = "hydrate")]
pub use browser::{install, refresh};
