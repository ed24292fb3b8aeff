//! Teams and users on the settings page: list, create, change a user's role or team.

pub mod change_user;
pub mod create_team;
pub mod create_user;
pub mod section;

pub use change_user::ChangeUser;
pub use create_team::CreateTeam;
pub use create_user::CreateUser;
pub use section::PeopleSection;
