//! A suppression list in force as pages and the API show it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One list in force.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ListView {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// `registry` or `company`.
    pub kind: String,
    /// The channels it blocks.
    pub channels: Vec<String>,
    /// The day the extract was taken.
    #[cfg_attr(feature = "ssr", schema(value_type = String, format = Date))]
    pub list_date: NaiveDate,
    /// Numbers or addresses on it.
    pub entries: i64,
    /// When it was imported.
    pub imported_at: DateTime<Utc>,
    /// Set when a registry extract is older than the law allows.
    pub warning: Option<String>,
}
