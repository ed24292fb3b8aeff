//! The leads board (`/leads`): unowned hot leads, my contacts, lapsing claims and contacts with
//! alerts, each row with its action (claim, release, request a claim, plan the reply).

pub mod claim_lead;
pub mod load_board;
pub mod page;
pub mod release_lead;
mod row;
pub mod row_actions;
mod section;

pub use page::LeadsPage;
