//! Calendar feeds: each user makes, lists and revokes their own feed URLs on the profile page
//! (and through `/api/v1/me/feeds`). A feed URL carries a feed token, which opens that user's
//! `.ics` feed and nothing else.

pub mod create;
#[cfg(feature = "ssr")]
pub mod issue;
pub mod list;
pub mod revoke;
pub mod section;

pub use create::CreateFeed;
pub use list::MyFeeds;
pub use revoke::RevokeFeed;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One live feed as the profile page lists it (never its token).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedView {
    /// The feed's id.
    pub id: i64,
    /// Its label.
    pub label: String,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When a calendar last fetched it, to the hour.
    pub last_used_at: Option<DateTime<Utc>>,
}

/// A feed just made: the only time its URL (and so its token) is shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedFeed {
    /// The feed's id.
    pub id: i64,
    /// Its label.
    pub label: String,
    /// The URL to subscribe to.
    pub url: String,
}
