//! A contact named in a list, with the moment the list is about (the dashboard's ghosted and
//! breadcrumbed contacts).

use crate::domain::ids::ContactId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A contact and when it last happened to them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedContact {
    /// Which contact.
    pub id: ContactId,
    /// Its name.
    pub name: String,
    /// When it last happened (an unanswered inbound, a resumed touch).
    pub at: DateTime<Utc>,
}
