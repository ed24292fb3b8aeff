//! `/settings/suppression` (admins): dated suppression lists — do-not-call registry extracts and
//! company files — uploaded (a multipart form, handled by the server's route), listed with
//! their age warnings, and removed after a confirmation. `/api/v1/suppression-lists` and
//! `concord import suppression` do the same below the page.

pub mod overview;
pub mod page;
pub mod remove;

pub use page::SuppressionPage;
pub use remove::RemoveSuppressionList;
