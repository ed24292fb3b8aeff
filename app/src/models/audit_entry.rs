//! The audit trail as the review pages show it: recorded changes, newest first, with names.

use crate::domain::ids::ContactId;
use crate::domain::TimeZone;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One audit row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    /// The row's id.
    pub id: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who, by name; `None` for the system (the lapse job, an external sender's event).
    pub actor: Option<String>,
    /// What happened, e.g. `review.approve`.
    pub action: String,
    /// The kind of thing changed, e.g. `touch`.
    pub subject_type: String,
    /// Its id.
    pub subject_id: Option<i64>,
    /// The contact concerned (id and name), if any.
    pub contact: Option<(ContactId, String)>,
    /// The recorded details.
    pub details: serde_json::Value,
}

/// One page of the trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    /// The zone the reader reads times in.
    pub zone: TimeZone,
    /// The contact the trail is about (id and name), or `None` for the whole company.
    pub contact: Option<(ContactId, String)>,
    /// The page number, from 1.
    pub page: u32,
    /// The rows, newest first.
    pub rows: Vec<AuditRow>,
    /// Whether older rows follow.
    pub has_more: bool,
    /// Every user's and team's name, `(id, name)`, for the ids in the details.
    pub users: Vec<(i64, String)>,
    pub teams: Vec<(i64, String)>,
}
