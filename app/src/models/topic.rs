//! A consent topic as pages and the API show it.

use serde::{Deserialize, Serialize};

/// One topic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TopicView {
    /// Its id, e.g. `newsletter`.
    pub id: String,
    /// What people read, e.g. `Monthly newsletter`.
    pub name: String,
}
