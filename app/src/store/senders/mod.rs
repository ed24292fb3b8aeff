//! Senders: the connected provider accounts (sources), what their webhooks are mapped onto,
//! and the dead-letter list of what could not be.

mod apply;
mod dead_letters;
pub(crate) mod find;
mod ingest;
mod sns;
mod sources;

pub use dead_letters::{dead_letters, replay, DeadLetter, ReplayError};
pub use ingest::{ingest, HookReport};
pub use sns::{
    add_sns_certificate, keep_sns_confirmation, mark_sns_confirmed, sns_certificate, sns_state,
    want_sns_certificate, SnsState,
};
pub use sources::{
    create_source, disable_source, get_source, list_sources, rotate_source, sha256_hex, NewSecret,
    Source, SourceError, ROTATION_GRACE,
};
