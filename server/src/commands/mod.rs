//! Command-line verbs other than `serve`.

pub mod backup;
pub mod bench;
pub mod bench_calendar;
pub mod bench_search;
pub mod bench_start;
pub mod bench_timeline;
pub mod db_copy;
pub mod demo;
pub mod import;
pub mod import_suppression;
pub mod token_create;
pub mod token_revoke;
pub mod user_add;
