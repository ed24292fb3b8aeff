//! The pure core of Concord: domain types, the contact policy engine, claims and reviews.
//!
//! Nothing in here does IO or reads a clock: time is always a parameter. The module compiles
//! for both the server and the browser, so the same rules run in both places.

pub mod ids;
pub mod role;
