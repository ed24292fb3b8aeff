//! Teams and users on the settings page: list, create, change a user's role or team, disable
//! or enable a user, reset a password.

#[cfg(feature = "ssr")]
pub mod account;
pub mod change_user;
pub mod create_team;
pub mod create_user;
pub mod reset_password;
pub mod section;
pub mod set_disabled;

pub use change_user::ChangeUser;
pub use create_team::CreateTeam;
pub use create_user::CreateUser;
pub use reset_password::ResetPassword;
pub use section::PeopleSection;
pub use set_disabled::SetUserDisabled;
