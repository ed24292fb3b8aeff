//! The ledger's storage: one SQLite file (WAL), migrated at start-up. The store reads and
//! writes; it never decides policy.

pub mod open;
pub mod teams;
pub mod tokens;
pub mod users;

pub use open::{open, StoreError};
