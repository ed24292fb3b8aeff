//! The ledger's store on real SQLite files: atomic scheduling under concurrency, optimistic
//! versions, idempotent events, claims and reviews with their audit rows.

mod claims;
mod contacts;
mod events;
pub(crate) mod fixtures;
mod past;
mod reviews;
mod rules;
mod scheduling;
