//! The pure core of Concord: domain types, the contact policy engine, claims and reviews.
//!
//! Nothing in here does IO or reads a clock: time is always a parameter. The module compiles
//! for both the server and the browser, so the same rules run in both places.

pub mod ids;
pub mod role;

pub mod actor;

pub mod audience;
pub mod campaign;
pub mod campaign_input;
pub mod claims;
pub mod clock;
pub mod compliance;
pub mod conflict;
pub mod consent;
pub mod contact;
pub mod contact_patch;
pub mod dates;
pub mod email;
pub mod field_error;
pub mod import;
pub mod interaction;
pub mod label;
pub mod ledger;
pub mod lifecycle;
pub mod names;
pub mod new_contact;
pub mod new_touch;
pub mod permission;
pub mod phone;
pub mod planning_time;
pub mod policy;
pub mod refused;
pub mod review;
pub mod rules;
pub mod senders;
pub mod span;
pub(crate) mod str_enum;
pub mod timezone;
pub mod touch;
pub mod touch_draft;
pub mod vocabulary;
#[cfg(feature = "ssr")]
pub mod wire_schema;

pub use actor::Actor;
pub use audience::{Audience, AudienceError, Condition};
pub use campaign::{place, OnConflict, Placement};
pub use campaign_input::{CampaignDraft, CampaignInput};
pub use claims::{ClaimDecision, ClaimError};
pub use clock::ClockTime;
pub use conflict::{Alert, AlertId, Conflict, RuleId, Severity};
pub use contact::{Claim, Consent, ContactFacts, Reach};
pub use contact_patch::{ContactChanges, ContactPatch, PlaceChange};
pub use email::{EmailAddress, EmailError};
pub use field_error::FieldError;
pub use interaction::Interaction;
pub use ledger::Ledger;
pub use lifecycle::{DeliveryKind, TouchChangeError};
pub use names::Names;
pub use new_contact::{ContactInput, NewContact};
pub use new_touch::{NewTouch, TouchInput};
pub use permission::{Action, Forbidden};
pub use phone::PhoneNumber;
pub use policy::{alerts, evaluate, next_allowed, Decision, Evaluator, RuleSet, Verdict};
pub use refused::Refused;
pub use review::{ReviewDecision, ReviewError};
pub use rules::{Rules, RulesError};
pub use span::Span;
pub use str_enum::UnknownValue;
pub use timezone::TimeZone;
pub use touch::{ProposedTouch, Touch};
pub use touch_draft::TouchDraft;
pub use vocabulary::{Channel, InteractionKind, Purpose, Stage, TouchStatus};
