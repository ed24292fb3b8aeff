//! API tokens on the settings page: list, issue (shown once), revoke after confirming.

pub mod create;
pub mod flash;
pub mod revoke;
pub mod section;

pub use create::CreateToken;
pub use revoke::RevokeToken;
pub use section::TokensSection;
