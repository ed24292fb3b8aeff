//! `/settings/senders` (admins): the provider accounts whose webhooks Concord receives, with
//! the URL and steps for each provider, secret rotation, switching off after confirming, and
//! the dead letters to replay. The connect and rotate steps are shared with the API.

pub mod connect;
pub mod dead_letters_section;
pub mod disable;
#[cfg(feature = "ssr")]
pub mod manage;
pub mod overview;
pub mod page;
pub mod replay;
pub mod rotate;
pub mod sns_certificate;
pub mod sources_section;

pub use connect::ConnectSource;
pub use disable::DisableSource;
pub use page::SendersPage;
pub use replay::ReplayDeadLetter;
pub use rotate::RotateSource;
pub use sns_certificate::AddSnsCertificate;
