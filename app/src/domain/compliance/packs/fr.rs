//! France: prospecting calls under the Code de la consommation (D.223-9, in force 1 Mar 2023).
//! The rules do not apply with the person's prior express consent: switch the pack off, or edit
//! it, for a list of people who gave it.

use super::{LegalKind, LegalRule, Pack, PackId, Scope};
use crate::domain::compliance::place::Country;
use crate::domain::vocabulary::Channel;

const DAY: &[(u16, u16)] = &[(600, 780), (840, 1200)];
const SOURCE: &str = "Code de la consommation, art. D.223-9";
const CALLS: &[Channel] = &[Channel::Phone];
const FR: Scope = Scope::Country(Country::FR);

const RULES: &[LegalRule] = &[
    LegalRule {
        key: "fr-hours",
        scope: FR,
        law: "French law",
        channels: CALLS,
        kind: LegalKind::Hours([DAY, DAY, DAY, DAY, DAY, &[], &[]]),
        source: SOURCE,
        note: None,
    },
    LegalRule {
        key: "fr-holidays",
        scope: FR,
        law: "French law",
        channels: CALLS,
        kind: LegalKind::Holidays,
        source: SOURCE,
        note: None,
    },
    LegalRule {
        key: "fr-cap",
        scope: FR,
        law: "French law",
        channels: CALLS,
        kind: LegalKind::Cap {
            limit: 4,
            hours: 720,
        },
        source: SOURCE,
        note: None,
    },
    LegalRule {
        key: "fr-refusal",
        scope: FR,
        law: "French law",
        channels: CALLS,
        kind: LegalKind::RefusalQuiet { days: Some(60) },
        source: SOURCE,
        note: None,
    },
];

/// The France pack.
pub const PACK: Pack = Pack {
    id: PackId::Fr,
    name: "France",
    version: "2026.12",
    rules: RULES,
};
