//! "Plan a touch here": a form whose conflicts are checked as its fields change, before
//! anything is saved, with the next allowed slot one click away.

mod check_touch;
mod conflicts;
mod form;
mod plan_touch;

pub use check_touch::{check_touch, CheckTouch};
pub use conflicts::CheckReport;
pub use form::PlanForm;
pub use plan_touch::{plan_touch, PlanTouch};
