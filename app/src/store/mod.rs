//! The ledger's storage: one SQLite file (WAL), migrated at start-up. The store reads and
//! writes; it never decides policy (the domain core does, given what the store read).

pub mod audit;
pub mod failure;
pub mod open;
pub mod rows;
pub mod users;

pub use failure::{refuse, Failure};
pub use open::{open, StoreError};
