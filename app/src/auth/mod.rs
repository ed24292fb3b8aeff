//! Who is signed in: sign-in, sign-out, sessions, password hashes and the failed sign-in throttle.

pub mod client_ip;
mod current_user;
pub mod new_user;
pub mod next;
pub mod sign_in;
pub mod sign_in_page;
#[cfg(feature = "ssr")]
pub mod sign_in_throttle;
pub mod throttle;
mod user;

#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod require;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod token;

pub use current_user::{current_user, CurrentUserFn};
pub use user::CurrentUser;
