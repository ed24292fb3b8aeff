//! The built-in rule packs: the law of a jurisdiction as policy data (facts and sources:
//! COMPLIANCE.md). An admin switches a pack on for the whole company; each rule names where it
//! applies, what it allows and the text it comes from.

mod ca;
pub mod describe;
pub mod edits;
mod fr;
mod uk;
mod us;

pub use edits::{EditError, PackRuleEdit};

use super::place::{Country, Region};
use crate::domain::str_enum::str_enum;
use crate::domain::vocabulary::{Channel, Purpose};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

str_enum! {
    /// A built-in rule pack.
    pub enum PackId ("rule pack") {
        /// United States: federal and state telemarketing law.
        Us = "us",
        /// Canada: the CRTC's telemarketing rules.
        Ca = "ca",
        /// France: the Code de la consommation on prospecting calls.
        Fr = "fr",
        /// The United Kingdom: PECR and the GDPR's right to object.
        Uk = "uk",
    }
}

/// Where a legal rule applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everyone whose country (or whose phone's area code) is in this country.
    Country(Country),
    /// Everyone whose region (or whose phone's area code) is in this region.
    Region(Region),
}

/// Opening hours per weekday (Monday first), each a list of `[start, end)` minutes after
/// midnight in the contact's local time; an empty list closes the day.
pub type Week = [&'static [(u16, u16)]; 7];

/// What a legal rule allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegalKind {
    /// `legal_hours`: only inside these hours.
    Hours(Week),
    /// `legal_call_cap`: at most `limit` in any rolling `hours`, counting the company's
    /// solicitations on the rule's channels together.
    Cap {
        /// How many.
        limit: u32,
        /// The rolling window, in hours.
        hours: u32,
    },
    /// `holiday`: none on the place's public holidays (or the days they are observed on).
    Holidays,
    /// `refusal_quiet_period`: none for `days` after the contact refused (or opted out);
    /// `None` for good.
    RefusalQuiet {
        /// How long, in days; `None` for good.
        days: Option<u32>,
    },
}

/// One rule of a pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LegalRule {
    /// A stable key within Concord, e.g. `us-fl-cap`.
    pub key: &'static str,
    /// Where it applies.
    pub scope: Scope,
    /// The jurisdiction's name as a sentence says it ("Florida", "French law").
    pub law: &'static str,
    /// The channels it covers.
    pub channels: &'static [Channel],
    /// What it allows.
    pub kind: LegalKind,
    /// The text it comes from.
    pub source: &'static str,
    /// A caveat shown beside it (disputed or partly verified values).
    pub note: Option<&'static str>,
}

impl LegalRule {
    /// Whether it covers this channel.
    pub fn covers(&self, channel: Channel) -> bool {
        self.channels.contains(&channel)
    }
}

/// A pack: its rules and the version of the facts they were written from.
#[derive(Clone, Copy, Debug)]
pub struct Pack {
    /// Its id.
    pub id: PackId,
    /// Its name.
    pub name: &'static str,
    /// The version of the pack's data.
    pub version: &'static str,
    /// Its rules, the most specific (regional) first.
    pub rules: &'static [LegalRule],
}

/// Every built-in pack.
pub static PACKS: [Pack; 4] = [us::PACK, ca::PACK, fr::PACK, uk::PACK];

impl PackId {
    /// The country whose law the pack holds.
    pub fn country(self) -> Country {
        match self {
            PackId::Us => Country::US,
            PackId::Ca => Country::CA,
            PackId::Fr => Country::FR,
            PackId::Uk => Country::GB,
        }
    }

    /// The pack's data.
    pub fn pack(self) -> &'static Pack {
        match self {
            PackId::Us => &PACKS[0],
            PackId::Ca => &PACKS[1],
            PackId::Fr => &PACKS[2],
            PackId::Uk => &PACKS[3],
        }
    }
}

/// Whether the law counts a touch of this purpose as a solicitation (telemarketing,
/// prospecting): service, transactional and relationship touches are not.
pub fn solicits(purpose: Purpose) -> bool {
    matches!(
        purpose,
        Purpose::Promotional | Purpose::Newsletter | Purpose::SalesFollowup
    )
}

/// Which packs a company has switched on, and its edits of single rules (the `rule_packs`
/// entry of the rules).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RulePacks {
    /// The packs that are on.
    pub enabled: BTreeSet<PackId>,
    /// Edits by rule key (e.g. `us-fl-cap`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub edits: BTreeMap<String, PackRuleEdit>,
}

impl RulePacks {
    /// The rules of every pack that is on, as edited (a rule switched off is left out).
    pub fn rules(&self) -> impl Iterator<Item = LegalRule> + '_ {
        self.enabled
            .iter()
            .flat_map(|id| id.pack().rules.iter())
            .filter_map(|rule| match self.edits.get(rule.key) {
                None => Some(*rule),
                Some(edit) => edit.apply(rule),
            })
    }

    /// Checks every edit against its rule.
    pub fn validate(&self) -> Result<(), EditError> {
        for (key, edit) in &self.edits {
            let (_, rule) = edits::find(key).ok_or_else(|| EditError::UnknownRule(key.clone()))?;
            edit.check(rule)?;
        }
        Ok(())
    }
}

/// Every pack switched on, for tests and benchmarks.
pub fn all_packs() -> RulePacks {
    RulePacks {
        enabled: PackId::ALL.iter().copied().collect(),
        edits: BTreeMap::new(),
    }
}

#[cfg(test)]
mod tests;
