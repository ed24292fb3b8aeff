//! Suppression lists in the store: importing a dated list, listing and removing lists, and
//! keeping each contact's `suppressed` channels in step with the lists in force.

pub mod import;
pub mod lists;
pub mod refresh;
