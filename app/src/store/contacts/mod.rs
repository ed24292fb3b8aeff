//! Contacts: create, read, partial update with optimistic concurrency, search by page (with
//! the trigram index that finds any part of a name, email or phone), and the rows of a CSV
//! export.

mod create;
mod export;
mod get;
mod imports;
pub mod jurisdiction;
mod page;
pub mod pick;
mod search;
mod substring;
pub mod text_index;
mod text_match;
mod update;

pub use create::{create_contact, ContactError};
pub use export::export_batch;
pub use get::{contact_row, get_contact, lock_contact_row};
pub use imports::{load_import, record_import};
pub use page::{search_contacts, ContactPage, Cursor, COUNT_CAP};
pub use search::{ContactSearch, OwnerFilter};
pub use text_match::TextMatch;
pub use update::update_contact;
