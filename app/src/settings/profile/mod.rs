//! `/settings/profile`: any signed-in user's own settings (their time zone).

pub mod page;
pub mod set_timezone;

pub use page::ProfilePage;
pub use set_timezone::SetMyTimezone;
