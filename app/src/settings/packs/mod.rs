//! `/settings/packs` (admins): the built-in rule packs — the law of each jurisdiction — with
//! each rule's place, what it allows and its source, switched on or off for the company. The
//! switch is one step below both the page and `PATCH /api/v1/rule-packs/{id}`.

pub mod edit;
#[cfg(feature = "ssr")]
pub mod manage;
pub mod overview;
pub mod page;
pub mod switch;

pub use edit::EditPackRule;
pub use page::PacksPage;
pub use switch::SwitchPack;
