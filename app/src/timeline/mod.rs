//! The contact timeline (DESIGN Screens 2): one lane per channel plus inbound interactions on
//! one time axis, the owner and claim, alerts, and a form to plan a touch whose conflicts show
//! before anything is saved.

mod consent_history;
mod contact_card;
mod entries;
mod lanes;
mod load;
mod page;
pub mod plan;
pub(crate) mod range;

pub use load::{load_timeline, LoadTimeline, TimelineView};
pub use page::ContactTimelinePage;
