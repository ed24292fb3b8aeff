//! Command-line verbs other than `serve`.

pub mod token_create;
pub mod user_add;
