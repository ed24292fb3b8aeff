//! `/settings/profile`: any signed-in user's own settings: their time zone, their password,
//! their sessions, their calendar feeds.

pub mod change_password;
pub mod page;
pub mod security;
pub mod set_timezone;
pub mod sign_out_everywhere;

pub use change_password::ChangeMyPassword;
pub use page::ProfilePage;
pub use set_timezone::SetMyTimezone;
pub use sign_out_everywhere::SignOutEverywhere;
