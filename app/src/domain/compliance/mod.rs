//! The law as policy data: where a contact is (its jurisdiction, from its address or phone),
//! the public holidays of each place, the company's blackout dates, and the built-in rule packs a company switches on.

mod address;
mod area_codes;
pub mod blackouts;
pub mod holidays;
mod jurisdiction;
mod names;
pub mod packs;
mod place;
pub mod suppression;

pub use blackouts::{Blackout, Blackouts};
pub use jurisdiction::{area_code_region, Jurisdiction, JurisdictionSource};
pub use packs::{PackId, PackRuleEdit, RulePacks};
pub use place::{Country, PlaceError, Region};
