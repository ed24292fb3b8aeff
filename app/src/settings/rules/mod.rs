//! The contact policy's rules on the settings page: shown with their parameters and
//! severities, edited one rule at a time, validated by the domain before anything is saved.

pub mod about;
pub mod form;
pub mod save;
pub mod section;

pub use save::SaveRule;
pub use section::RulesSection;
