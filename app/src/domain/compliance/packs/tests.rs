//! The packs' data holds together: keys unique, windows inside a day and in order, caps and
//! periods positive, every rule with a source.

use super::*;

#[test]
fn every_rule_is_well_formed_and_cites_its_source() {
    let mut keys = std::collections::BTreeSet::new();
    for pack in PACKS {
        assert_eq!(pack.id.pack().id, pack.id);
        for rule in pack.rules {
            assert!(keys.insert(rule.key), "duplicate key {}", rule.key);
            assert!(
                !rule.source.is_empty() && !rule.law.is_empty(),
                "{}",
                rule.key
            );
            assert!(!rule.channels.is_empty(), "{}", rule.key);
            match rule.kind {
                LegalKind::Hours(week) => {
                    for day in week {
                        let mut end = 0;
                        for (start, stop) in day {
                            assert!(
                                end <= *start && start < stop && *stop <= 1440,
                                "{}",
                                rule.key
                            );
                            end = *stop;
                        }
                    }
                }
                LegalKind::Cap { limit, hours } => assert!(limit > 0 && hours > 0, "{}", rule.key),
                LegalKind::RefusalQuiet { days } => assert_ne!(days, Some(0), "{}", rule.key),
                LegalKind::Holidays => {}
            }
        }
    }
}

#[test]
fn regional_rules_come_before_national_ones_in_each_pack() {
    for pack in PACKS {
        let first_national = pack
            .rules
            .iter()
            .position(|r| matches!(r.scope, Scope::Country(_)))
            .unwrap_or(pack.rules.len());
        assert!(
            pack.rules[first_national..]
                .iter()
                .all(|r| matches!(r.scope, Scope::Country(_))),
            "{}",
            pack.name
        );
    }
}

#[test]
fn the_switches_read_and_write_as_ids() {
    let packs: RulePacks = serde_json::from_str(r#"{"enabled": ["fr", "us"]}"#).unwrap();
    assert_eq!(
        packs.rules().count(),
        PackId::Fr.pack().rules.len() + PackId::Us.pack().rules.len()
    );
    assert!(serde_json::from_str::<RulePacks>(r#"{"enabled": ["de"]}"#).is_err());
}
