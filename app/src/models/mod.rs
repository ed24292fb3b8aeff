//! What the pages show, as the server fills it and the browser renders it: shared by the store
//! (which reads the rows), the server functions (which send them) and the pages. Data only;
//! neither the store nor the pages own it, so neither depends on the other.

pub mod audit_entry;
pub mod calendar;
pub mod campaign_moved;
pub mod campaigns;
pub mod contact_option;
pub mod day_marks;
pub mod import_summary;
pub mod leads;
pub mod my_campaigns;
pub mod named_contact;
pub mod review_queue;
pub mod setup;
pub mod suppression_list;
pub mod topic;
pub mod week_pressure;
pub mod workspace;
