use super::*;
use crate::domain::conflict::RuleId;
use rstest::rstest;
use serde_json::json;

#[test]
fn defaults_are_designs_and_valid() {
    let rules = Rules::default();
    assert_eq!(rules.validate(), Ok(()));
    assert_eq!(
        rules.daily_cap.params,
        Cap {
            limit: 2,
            window: Span::hours(24)
        }
    );
    assert_eq!(
        rules.weekly_cap.params,
        Cap {
            limit: 5,
            window: Span::days(7)
        }
    );
    assert_eq!(rules.channel_mix.severity, Severity::Warn);
    assert_eq!(rules.quiet_hours.severity, Severity::Block);
    assert_eq!(rules.cross_team.params.window, Span::hours(24));
    let json = serde_json::to_value(&rules).unwrap();
    assert_eq!(
        json["daily_cap"],
        json!({"enabled": true, "severity": "block", "params": {"limit": 2, "window": "24h"}})
    );
    assert_eq!(
        json["quiet_hours"]["params"],
        json!({"channels": ["sms", "phone"], "start": "09:00", "end": "20:00",
               "closed_days": {"phone": ["Sun"]}})
    );
}

#[test]
fn every_rule_id_is_an_entry() {
    let ids: Vec<String> = Rules::default()
        .entries()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    for rule in RuleId::ALL {
        assert!(ids.contains(&rule.as_str().to_owned()), "{rule} missing");
    }
    assert_eq!(ids.len(), RuleId::ALL.len() + 7);
}

#[test]
fn entries_round_trip_and_override_defaults() {
    let rules = Rules::from_entries([(
        "daily_cap".to_owned(),
        json!({"enabled": true, "severity": "warn", "params": {"limit": 3, "window": "12h"}}),
    )])
    .unwrap();
    assert_eq!(rules.daily_cap.severity, Severity::Warn);
    assert_eq!(rules.daily_cap.params.limit, 3);
    assert_eq!(rules.weekly_cap, Rules::default().weekly_cap);
    assert_eq!(Rules::from_entries(rules.entries()), Ok(rules));
}

#[rstest]
#[case("daily_cap", json!({"enabled": true, "severity": "block", "params": {"limit": 0, "window": "24h"}}),
       "daily_cap.params.limit: must be at least 1")]
#[case("weekly_cap", json!({"enabled": true, "severity": "block", "params": {"limit": 5, "window": "0d"}}),
       "weekly_cap.params.window: a duration of 0 is not allowed")]
#[case("min_gap", json!({"enabled": true, "severity": "block", "params": {"gap": "400d"}}),
       "min_gap.params.gap: at most 366d is allowed")]
#[case("quiet_hours", json!({"enabled": true, "severity": "block", "params": {"channels": ["sms"],
       "start": "20:00", "end": "09:00", "closed_days": {}}}),
       "quiet_hours.params.end: must be after start (20:00)")]
#[case("mail_in_home", json!({"min_days": 5, "max_days": 3}),
       "mail_in_home.max_days: must be between min_days (5) and 60")]
#[case("fax_cap", json!({}), "unknown rule \"fax_cap\"")]
fn refuses_meaningless_rules(
    #[case] id: &str,
    #[case] entry: serde_json::Value,
    #[case] message: &str,
) {
    let error = Rules::from_entries([(id.to_owned(), entry)]).unwrap_err();
    assert_eq!(error.to_string(), message);
}

#[test]
fn malformed_entries_name_the_rule() {
    let error = Rules::from_entries([(
        "cross_team".to_owned(),
        json!({"enabled": true, "severity": "loud", "params": {"window": "24h"}}),
    )])
    .unwrap_err();
    match error {
        RulesError::Malformed { rule, message } => {
            assert_eq!(rule, "cross_team");
            assert!(message.contains("unknown variant `loud`"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn partial_json_takes_defaults() {
    let rules = Rules::from_json(
        r#"{"min_gap": {"enabled": false, "severity": "warn", "params": {"gap": "2h"}}}"#,
    )
    .unwrap();
    assert!(!rules.min_gap.enabled);
    assert_eq!(rules.daily_cap, Rules::default().daily_cap);
}
