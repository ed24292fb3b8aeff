//! Command-line verbs other than `serve`.

pub mod bench;
pub mod demo;
pub mod import;
pub mod token_create;
pub mod token_revoke;
pub mod user_add;
