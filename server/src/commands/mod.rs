//! Command-line verbs other than `serve`.

pub mod import;
pub mod user_add;
