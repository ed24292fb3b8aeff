//! The contacts screen: search, filter and page through contacts (`/contacts`), add one
//! (`/contacts/new`), edit stage, zone and consent (`/contacts/{id}/edit`), import a CSV file
//! with a per-line report (`/contacts/import`) and export the current search
//! (`/contacts/export.csv`, served by the server crate).

pub mod consent_fields;
pub mod edit_page;
pub mod filter;
pub mod filter_form;
pub mod form_error;
pub mod import_load_fn;
pub mod import_page;
pub mod import_report;
#[cfg(feature = "ssr")]
pub mod import_run;
pub mod list_fn;
pub mod list_page;
pub mod load_fn;
pub mod new_fn;
pub mod new_page;
pub mod picker;
pub mod place_field;
pub mod save_fn;
#[cfg(feature = "ssr")]
pub mod search_parse;
pub mod suggest_fn;
pub mod table;
pub mod text_field;
