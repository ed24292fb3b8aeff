//! The pure core of Concord: domain types, the contact policy engine, claims and reviews.
//!
//! Nothing in here does IO or reads a clock: time is always a parameter. The module compiles
//! for both the server and the browser, so the same rules run in both places.

pub mod ids;
pub mod role;

pub mod audience;
pub mod clock;
pub mod conflict;
pub mod contact;
pub mod email;
pub mod import;
pub mod interaction;
pub mod ledger;
pub mod names;
pub mod policy;
pub mod rules;
pub mod span;
pub(crate) mod str_enum;
pub mod timezone;
pub mod touch;
pub mod vocabulary;

pub use audience::{Audience, AudienceError, Condition};
pub use clock::ClockTime;
pub use conflict::{Alert, AlertId, Conflict, RuleId, Severity};
pub use contact::{Claim, Consent, ContactFacts, Reach};
pub use email::{EmailAddress, EmailError};
pub use interaction::Interaction;
pub use ledger::Ledger;
pub use names::Names;
pub use policy::{alerts, evaluate, next_allowed, Decision, Evaluator, RuleSet, Verdict};
pub use rules::{Rules, RulesError};
pub use span::Span;
pub use str_enum::UnknownValue;
pub use timezone::TimeZone;
pub use touch::{ProposedTouch, Touch};
pub use vocabulary::{Channel, InteractionKind, Purpose, Stage, TouchStatus};
