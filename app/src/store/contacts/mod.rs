//! Contacts: create, read, partial update with optimistic concurrency.

mod create;
mod get;
mod update;

pub use create::{create_contact, ContactError};
pub use get::{contact_row, get_contact};
pub use update::update_contact;
