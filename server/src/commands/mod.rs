//! Command-line verbs other than `serve`.

pub mod bench;
pub mod bench_calendar;
pub mod demo;
pub mod import;
pub mod token_create;
pub mod user_add;
