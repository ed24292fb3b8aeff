//! Command-line verbs other than `serve`.

pub mod user_add;
