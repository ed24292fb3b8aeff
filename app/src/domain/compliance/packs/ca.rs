//! Canada: the CRTC's calling hours for telemarketing.

use super::{LegalKind, LegalRule, Pack, PackId, Scope};
use crate::domain::compliance::place::Country;
use crate::domain::vocabulary::Channel;

const WEEKDAY: &[(u16, u16)] = &[(540, 1290)];
const WEEKEND: &[(u16, u16)] = &[(600, 1080)];

const RULES: &[LegalRule] = &[LegalRule {
    key: "ca-hours",
    scope: Scope::Country(Country::CA),
    law: "Canadian law",
    channels: &[Channel::Phone],
    kind: LegalKind::Hours([
        WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, WEEKEND, WEEKEND,
    ]),
    source: "CRTC Unsolicited Telecommunications Rules (Telemarketing Rules)",
    note: None,
}];

/// The Canada pack.
pub const PACK: Pack = Pack {
    id: PackId::Ca,
    name: "Canada",
    version: "2026.12",
    rules: RULES,
};
