//! Small pieces every screen shares, so a channel, a status or an instant looks the same on the
//! calendar, a timeline, the leads board and the review queue.

pub mod badges;
pub mod charts;
pub mod refusal;
pub mod when;

pub use badges::{ChannelBadge, StatusBadge};
pub use refusal::Refusal;
pub use when::{local_date, local_datetime, local_time};
