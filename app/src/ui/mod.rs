//! Small pieces every screen shares, so a channel, a status or an instant looks the same on the
//! calendar, a timeline, the leads board and the review queue.

pub mod badges;
pub mod button;
pub mod charts;
pub mod confirm;
pub mod control;
pub mod day_time;
pub mod dom;
pub mod enhance;
pub mod error_note;
pub mod field;
pub mod flash;
pub mod notice;
pub mod progress;
pub mod refill;
pub mod refusal;
pub mod rule_name;
pub mod style;
pub mod table;
pub mod when;

pub use badges::{ChannelBadge, ChannelIcon, StatusBadge};
pub use button::{Button, ButtonLink, Look};
pub use confirm::ConfirmBox;
pub use control::{Input, Select, TextArea};
pub use day_time::DayAndTime;
pub use error_note::ErrorNote;
pub use field::Field;
pub use notice::{error_text, Notice};
pub use progress::Progress;
pub use refusal::Refusal;
pub use rule_name::RuleName;
pub use table::{Heading, Table};
pub use when::{local_date, local_datetime, local_time, relative};
