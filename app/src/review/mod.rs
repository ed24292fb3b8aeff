//! The review queue (`/review`): touches awaiting review with their conflicts (approve or reject
//! with a reason), claim requests (grant or decline), reassigning a contact, and the audit trail
//! (`/review/audit`, for one contact or the whole company).

mod audit_detail;
mod audit_page;
mod audit_rows;
mod bulk_form;
pub mod decide_campaign;
pub mod decide_request;
pub mod decide_touch;
mod decision_fields;
mod forms;
pub mod load_audit;
pub mod load_queue;
mod page;
mod pending_card;
mod pending_filter;
mod pending_list;
pub mod reassign_contact;
mod reassign_form;
mod request_list;
mod tabs;

pub use audit_page::AuditPage;
pub use page::ReviewPage;
