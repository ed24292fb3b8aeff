//! `/dashboard`: the pressure dashboard for managers — how hard Concord's contacts are being
//! pushed, where the rules bite, and who is left waiting.

pub mod data;
pub mod filters;
mod named_lists;
pub mod page;

pub use page::DashboardPage;
