//! The United Kingdom: a person's objection to direct marketing is absolute (UK GDPR art.
//! 21(3)); callers keep their own objection list (PECR reg. 21). The TPS screening is a
//! suppression list, not a rule here.

use super::{LegalKind, LegalRule, Pack, PackId, Scope};
use crate::domain::compliance::place::Country;
use crate::domain::vocabulary::Channel;

const RULES: &[LegalRule] = &[LegalRule {
    key: "uk-objection",
    scope: Scope::Country(Country::GB),
    law: "UK law",
    channels: &[Channel::Phone, Channel::Sms, Channel::Email, Channel::Mail],
    kind: LegalKind::RefusalQuiet { days: None },
    source: "UK GDPR art. 21(3); PECR reg. 21",
    note: None,
}];

/// The United Kingdom pack.
pub const PACK: Pack = Pack {
    id: PackId::Uk,
    name: "United Kingdom",
    version: "2026.12",
    rules: RULES,
};
