//! Reading contacts from CRM exports: which column means what (`columns`), and turning one row
//! into a contact to create or a clear reason why not (`row`). Pure: the store does the CSV
//! reading, the line numbers and the writing.

mod columns;
pub mod formula;
mod row;
mod update;
mod values;

pub use columns::{Column, Columns, HeaderError};
pub use row::{ImportDefaults, RowError};
pub use update::Stated;

use super::compliance::Jurisdiction;
use super::contact::Consent;
use super::email::EmailAddress;
use super::timezone::TimeZone;
use super::vocabulary::Stage;
use std::collections::BTreeMap;

/// A contact read from one import row, ready to be stored (the store gives it an id).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedContact {
    /// The id in the system the row came from, unique among contacts when given.
    pub external_id: Option<String>,
    /// The display name (never empty).
    pub name: String,
    /// The email address, when on file.
    pub email: Option<EmailAddress>,
    /// The phone number as written (checked to hold 7 to 15 digits), when on file.
    pub phone: Option<String>,
    /// The postal address, lines separated by newlines, when on file.
    pub address: Option<String>,
    /// The contact's own zone.
    pub time_zone: TimeZone,
    /// The lifecycle stage.
    pub stage: Stage,
    /// Free attributes from `attr:<key>` columns (empty values are left out).
    pub attributes: BTreeMap<String, String>,
    /// Per-channel consent (defaults where the row says nothing).
    pub consent: Consent,
    /// No touch at all except transactional ones.
    pub do_not_contact: bool,
    /// The account or household key, when given.
    pub account_key: Option<String>,
    /// Where the contact is for the law: from the country and state columns, else the address
    /// or phone.
    pub jurisdiction: Jurisdiction,
    /// Which values the row's cells gave (the rest are defaults), for updating a stored
    /// contact.
    pub stated: Stated,
}

#[cfg(test)]
mod tests;
