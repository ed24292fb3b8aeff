//! The ledger's storage: one SQLite file (WAL), migrated at start-up. The store reads and
//! writes; it never decides policy.

pub mod batch;
pub mod import;
pub mod open;
pub mod preview;
pub mod users;

pub use open::{open, StoreError};
