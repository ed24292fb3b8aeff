//! Consent by topic in the store: the topics admins define, and each contact's consent records
//! (the evidence) with its current state per topic kept on the contact for the engine.

pub mod history;
pub mod record;
pub mod topics;
