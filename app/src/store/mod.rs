//! The ledger's storage: one SQLite file (WAL) or one PostgreSQL database, migrated at start-up
//! (see [`db`]). The store reads and
//! writes; it never decides policy (the domain core does, given what the store read). Every
//! change is one transaction with its audit row.

pub mod accounts;
pub mod audit;
pub mod audit_trail;
pub mod batch;
pub mod calendar;
pub mod campaigns;
pub mod claims;
pub mod consent;
pub mod contacts;
pub mod copy;
pub mod db;
pub mod directory;
pub mod events;
pub mod failure;
pub mod feeds;
pub mod heavy;
pub mod import;
pub mod leads;
pub mod ledger;
pub mod names;
pub mod open;
pub mod pressure;
pub mod preview;
pub mod reader;
pub mod review_queue;
pub mod reviews;
pub mod reviews_bulk;
pub mod rows;
pub mod rules;
pub mod rules_cache;
pub mod senders;
pub mod sign_in_failures;
pub mod suppression;
pub mod teams;
pub mod timeline;
pub mod tokens;
pub mod touches;
pub mod tx;
pub mod users;
pub mod workspace;

pub use failure::{refuse, Failure};
pub use open::{open, StoreError};
