//! Command-line verbs other than `serve`.

pub mod bench;
pub mod demo;
pub mod import;
pub mod user_add;
