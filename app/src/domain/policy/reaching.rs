//! Which pack rules reach a contact, found by its places rather than by testing every rule: the
//! rules are grouped once by the country or region their law covers, and a contact has at most
//! four places (its country and region, its phone's area-code region and that region's country).
//! Contacts share a handful of places, so the evaluator also keeps the answers for the places it
//! judged last.

use crate::domain::compliance::packs::{LegalRule, Scope};
use crate::domain::compliance::{Country, Jurisdiction, Region};

/// The pack rules' indices, grouped by the place their law covers.
#[derive(Clone, Debug, Default)]
pub(crate) struct Reaching {
    by_scope: Vec<(Scope, Vec<u16>)>,
}

impl Reaching {
    pub fn new(rules: &[LegalRule]) -> Reaching {
        let mut by_scope: Vec<(Scope, Vec<u16>)> = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            let index = index as u16;
            match by_scope.iter_mut().find(|(scope, _)| *scope == rule.scope) {
                Some((_, indices)) => indices.push(index),
                None => by_scope.push((rule.scope, vec![index])),
            }
        }
        Reaching { by_scope }
    }

    /// Fills `out` with the indices of the rules whose law reaches `place`, ascending (the
    /// order of the rules themselves), each once.
    pub fn fill(&self, place: &Jurisdiction, out: &mut Vec<u16>) {
        out.clear();
        if self.by_scope.is_empty() {
            return;
        }
        let area = place.area_code_region;
        let scopes = [
            place.country.map(Scope::Country),
            area.map(|region| Scope::Country(region.country())),
            place.region.map(Scope::Region),
            area.map(Scope::Region),
        ];
        for scope in scopes.into_iter().flatten() {
            if let Some((_, indices)) = self.by_scope.iter().find(|(s, _)| *s == scope) {
                out.extend_from_slice(indices);
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// What decides the reaching rules: the country, the region and the area-code region.
type Place = (Option<Country>, Option<Region>, Option<Region>);

/// How many places' answers are kept, replaced in turn.
const SLOTS: usize = 16;

/// The reaching rules of the places judged last.
#[derive(Clone, Debug, Default)]
pub(crate) struct Recent {
    slots: Vec<(Place, Vec<u16>)>,
    next: usize,
}

impl Recent {
    /// As [`Reaching::fill`], from the kept answer when the place was judged recently.
    pub fn fill(&mut self, reaching: &Reaching, place: &Jurisdiction, out: &mut Vec<u16>) {
        let key = (place.country, place.region, place.area_code_region);
        if let Some((_, known)) = self.slots.iter().find(|(k, _)| *k == key) {
            out.clear();
            out.extend_from_slice(known);
            return;
        }
        reaching.fill(place, out);
        if self.slots.len() < SLOTS {
            self.slots.push((key, out.clone()));
        } else {
            let slot = &mut self.slots[self.next];
            slot.0 = key;
            slot.1.clone_from(out);
            self.next = (self.next + 1) % SLOTS;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compliance::packs::all_packs;

    /// The law's reach, rule by rule: the contact's country or region, or its phone's.
    fn applies(rule: &LegalRule, place: &Jurisdiction) -> bool {
        match rule.scope {
            Scope::Country(country) => place.in_country(country),
            Scope::Region(region) => place.in_region(region),
        }
    }

    /// The index finds exactly the rules that testing each rule finds, in the same order.
    #[test]
    fn finds_what_testing_every_rule_finds() {
        let rules: Vec<LegalRule> = all_packs().rules().collect();
        let reaching = Reaching::new(&rules);
        let regions = [
            "US-FL", "US-TX", "US-OK", "US-AL", "CA-ON", "CA-QC", "US-NY",
        ]
        .map(|r| Some(Region::parse(r).expect("region")));
        let countries = [
            None,
            Some(Country::US),
            Some(Country::FR),
            Some(Country::GB),
        ];
        let mut out = Vec::new();
        let mut recent = Recent::default();
        let mut kept = Vec::new();
        let mut reached = 0;
        for country in countries {
            for region in regions.iter().copied().chain([None]) {
                for area in regions.iter().copied().chain([None]) {
                    let place = Jurisdiction {
                        country,
                        region,
                        area_code_region: area,
                        source: None,
                    };
                    reaching.fill(&place, &mut out);
                    let expected: Vec<u16> = (0..rules.len() as u16)
                        .filter(|&k| applies(&rules[usize::from(k)], &place))
                        .collect();
                    assert_eq!(out, expected, "{place:?}");
                    // Asked twice: the second answer comes from the kept ones.
                    for _ in 0..2 {
                        recent.fill(&reaching, &place, &mut kept);
                        assert_eq!(kept, expected, "{place:?} kept");
                    }
                    reached += usize::from(!out.is_empty());
                }
            }
        }
        assert!(reached > 50, "the cases reach some rules: {reached}");
    }
}
