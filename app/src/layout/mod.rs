//! The frame around every page.

pub mod csp;
pub mod header;
