//! The rule packs, case by case across zones, DST changes and holidays: a Florida number living
//! in California, a Sunday in Texas, a French public holiday and lunch break, Canada's weekend
//! hours, Alabama's observed holidays; the legal caps and quiet periods; and, as properties, that
//! switching a pack on (or knowing a second place) never allows more.

use super::*;
use crate::domain::compliance::packs::all_packs;
use crate::domain::compliance::{Jurisdiction, Region};
use crate::domain::ids::InteractionId;
use crate::domain::interaction::Interaction;
use crate::domain::ledger::Ledger;
use crate::domain::policy::{evaluate, next_allowed};
use crate::domain::rules::Rules;
use crate::domain::vocabulary::InteractionKind;
use chrono::TimeDelta;
use proptest::prelude::*;
use rstest::rstest;
use Channel::{Email, Phone, Sms};
use Purpose::{Promotional, SalesFollowup, Service};

/// Every pack on; the company's own quiet hours and caps off, so only the law speaks.
fn law_only() -> Rules {
    let mut rules = Rules::default();
    rules.quiet_hours.enabled = false;
    rules.daily_cap.enabled = false;
    rules.weekly_cap.enabled = false;
    rules.min_gap.enabled = false;
    rules.channel_mix.enabled = false;
    rules.rule_packs = all_packs();
    rules
}

fn region(code: &str) -> Option<Region> {
    Some(Region::parse(code).unwrap())
}

/// A contact in `zone` whose place is `place` and whose phone's area code is in `area`.
fn person(zone: &str, place: &str, area: Option<&str>) -> ContactFacts {
    let mut c = contact(Stage::Lead);
    c.time_zone = TimeZone::parse(zone).unwrap();
    let (country, region) = match place.split_once('-') {
        Some(_) => (None, self::region(place)),
        None => (
            Some(crate::domain::compliance::Country::parse(place).unwrap()),
            None,
        ),
    };
    c.jurisdiction = Jurisdiction::by_hand(country, region, None).unwrap();
    c.jurisdiction.area_code_region = area.and_then(self::region);
    c
}

fn at(c: &ContactFacts, when: &str) -> DateTime<Utc> {
    local(c.time_zone, when)
}

/// The legal rules a touch at local `when` trips.
fn legal(c: &ContactFacts, channel: Channel, purpose: Purpose, when: &str) -> Vec<RuleId> {
    let touch = ProposedTouch::new(channel, purpose, INSIDE, DANA, at(c, when));
    evaluate(c, Ledger::empty(), &law_only(), &[touch])
        .iter()
        .map(|conflict| conflict.rule)
        .filter(|rule| {
            matches!(
                rule,
                RuleId::LegalHours
                    | RuleId::LegalCallCap
                    | RuleId::Holiday
                    | RuleId::RefusalQuietPeriod
            )
        })
        .collect()
}

const H: RuleId = RuleId::LegalHours;
const HOL: RuleId = RuleId::Holiday;

#[rstest]
// A Florida area code living in California: Florida's 08:00–20:00 applies in Pacific time.
#[case::florida_number_in_california_evening("America/Los_Angeles", "US-CA", Some("US-FL"), Phone, "2026-12-09 20:30", &[H])]
#[case::florida_number_in_california_afternoon("America/Los_Angeles", "US-CA", Some("US-FL"), Phone, "2026-12-09 19:30", &[])]
#[case::california_alone_until_nine("America/Los_Angeles", "US-CA", None, Phone, "2026-12-09 20:30", &[])]
#[case::federal_after_nine("America/Los_Angeles", "US-CA", None, Sms, "2026-12-09 21:05", &[H])]
// Texas: Sunday only from noon, texts too.
#[case::texas_sunday_morning("America/Chicago", "US-TX", None, Phone, "2026-12-06 10:00", &[H])]
#[case::texas_sunday_text("America/Chicago", "US-TX", None, Sms, "2026-12-06 11:59", &[H])]
#[case::texas_sunday_noon("America/Chicago", "US-TX", None, Phone, "2026-12-06 12:00", &[])]
#[case::texas_monday_morning("America/Chicago", "US-TX", None, Phone, "2026-12-07 10:00", &[])]
// France: weekdays 10–13 and 14–20, never on weekends or public holidays; calls only.
#[case::france_easter_monday("Europe/Paris", "FR", None, Phone, "2026-04-06 11:00", &[HOL])]
#[case::france_tuesday_after("Europe/Paris", "FR", None, Phone, "2026-04-07 11:00", &[])]
#[case::france_lunch("Europe/Paris", "FR", None, Phone, "2026-04-07 13:30", &[H])]
#[case::france_saturday("Europe/Paris", "FR", None, Phone, "2026-04-11 11:00", &[H])]
#[case::france_email_on_a_holiday("Europe/Paris", "FR", None, Email, "2026-07-14 11:00", &[])]
// Canada: 09:00–21:30 on weekdays, 10:00–18:00 at weekends.
#[case::canada_saturday_evening("America/Toronto", "CA-ON", None, Phone, "2026-12-05 18:30", &[H])]
#[case::canada_saturday_afternoon("America/Toronto", "CA-ON", None, Phone, "2026-12-05 17:30", &[])]
#[case::canada_weekday_late("America/Toronto", "CA-ON", None, Phone, "2026-12-07 21:15", &[])]
#[case::canada_weekday_too_late("America/Toronto", "CA-ON", None, Phone, "2026-12-07 21:45", &[H])]
// Alabama: no Sunday calls, none on holidays or the weekday they are observed on.
#[case::alabama_sunday("America/Chicago", "US-AL", None, Phone, "2027-07-04 13:00", &[H, HOL])]
#[case::alabama_observed_monday("America/Chicago", "US-AL", None, Phone, "2027-07-05 13:00", &[HOL])]
#[case::alabama_observed_friday("America/Chicago", "US-AL", None, Phone, "2027-12-24 13:00", &[HOL])]
#[case::alabama_next_tuesday("America/Chicago", "US-AL", None, Phone, "2027-07-06 13:00", &[])]
#[case::georgia_on_the_observed_monday("America/New_York", "US-GA", None, Phone, "2027-07-05 13:00", &[])]
// Across DST: Florida's 08:00 is 08:00 local on the Sunday clocks spring forward and fall back.
#[case::florida_spring_forward_early("America/New_York", "US-FL", None, Phone, "2026-03-08 07:59", &[H])]
#[case::florida_spring_forward_open("America/New_York", "US-FL", None, Phone, "2026-03-08 08:00", &[])]
#[case::florida_fall_back_late("America/New_York", "US-FL", None, Phone, "2026-11-01 20:00", &[H])]
fn the_law_of_the_contacts_place(
    #[case] zone: &str,
    #[case] place: &str,
    #[case] area: Option<&str>,
    #[case] channel: Channel,
    #[case] when: &str,
    #[case] expected: &[RuleId],
) {
    let c = person(zone, place, area);
    assert_eq!(legal(&c, channel, SalesFollowup, when), expected);
}

#[test]
fn the_law_covers_solicitations_and_a_service_call_is_not_one() {
    let c = person("America/Chicago", "US-TX", None);
    assert_eq!(legal(&c, Phone, Service, "2026-12-06 10:00"), []);
    assert_eq!(legal(&c, Phone, Promotional, "2026-12-06 10:00"), [H]);
}

#[test]
fn explanations_name_the_law_and_its_source() {
    let c = person("America/Chicago", "US-TX", None);
    let touch = ProposedTouch::new(Phone, Promotional, INSIDE, DANA, at(&c, "2026-12-06 10:00"));
    let conflicts = evaluate(&c, Ledger::empty(), &law_only(), &[touch]);
    assert_eq!(
        message(&conflicts, H),
        "Texas allows sales calls on Sunday only 12:00–21:00 (Tex. Bus. & Com. Code ch. 301/302); \
         this one is at Sun 6 Dec 10:00 in the contact's time zone (America/Chicago)"
    );
    let fr = person("Europe/Paris", "FR", None);
    let touch = ProposedTouch::new(
        Phone,
        Promotional,
        INSIDE,
        DANA,
        at(&fr, "2026-04-06 11:00"),
    );
    let conflicts = evaluate(&fr, Ledger::empty(), &law_only(), &[touch]);
    assert_eq!(
        message(&conflicts, HOL),
        "French law allows no sales calls on public holidays (Code de la consommation, art. D.223-9); \
         Mon 6 Apr is Lundi de Pâques where the contact lives (Europe/Paris)"
    );
}

#[test]
fn the_next_allowed_time_is_the_laws_next_opening() {
    let c = person("America/Chicago", "US-TX", None);
    let touch = ProposedTouch::new(Phone, Promotional, INSIDE, DANA, at(&c, "2026-12-06 10:00"));
    let next = next_allowed(
        &c,
        Ledger::empty(),
        &law_only(),
        &touch,
        touch.scheduled_at,
        TimeDelta::days(7),
    );
    assert_eq!(next, Some(at(&c, "2026-12-06 12:00")));
    // France, Friday 19:30 before Easter Monday: the next opening is Tuesday 10:00.
    let fr = person("Europe/Paris", "FR", None);
    let touch = ProposedTouch::new(
        Phone,
        Promotional,
        INSIDE,
        DANA,
        at(&fr, "2026-04-03 20:30"),
    );
    let next = next_allowed(
        &fr,
        Ledger::empty(),
        &law_only(),
        &touch,
        touch.scheduled_at,
        TimeDelta::days(7),
    );
    assert_eq!(next, Some(at(&fr, "2026-04-07 10:00")));
}

fn sales_call(id: i64, c: &ContactFacts, team: TeamId, when: &str) -> Touch {
    let mut t = touch(id, Phone, SalesFollowup, team, "2026-01-01 00:00");
    t.scheduled_at = at(c, when);
    t
}

#[test]
fn florida_caps_sales_calls_at_three_a_day_across_teams() {
    let c = person("America/New_York", "US-FL", None);
    let ledger = [
        sales_call(1, &c, INSIDE, "2026-12-09 09:00"),
        sales_call(2, &c, CORPORATE, "2026-12-09 11:00"),
        sales_call(3, &c, BOSTON, "2026-12-09 13:00"),
    ];
    let names = names();
    let touch = ProposedTouch::new(Phone, Promotional, INSIDE, DANA, at(&c, "2026-12-09 15:00"));
    let conflicts = evaluate(
        &c,
        Ledger::new(&ledger, &[]).with_names(&names),
        &law_only(),
        &[touch],
    );
    assert_eq!(
        message(&conflicts, RuleId::LegalCallCap),
        "Florida allows at most 3 sales calls in 24 h (Fla. Stat. 501.059); this would be the 4th: \
         Inside sales call Wed 09:00, Corporate marketing call Wed 11:00, Boston store marketing call Wed 13:00"
    );
    // A day later the window has moved on; and a text is not a call in Florida.
    let tomorrow = ProposedTouch::new(Phone, Promotional, INSIDE, DANA, at(&c, "2026-12-10 13:01"));
    let text = ProposedTouch::new(Sms, Promotional, INSIDE, DANA, at(&c, "2026-12-09 15:00"));
    for later in [tomorrow, text] {
        let conflicts = evaluate(&c, Ledger::new(&ledger, &[]), &law_only(), &[later]);
        assert!(
            conflicts.iter().all(|c| c.rule != RuleId::LegalCallCap),
            "{conflicts:#?}"
        );
    }
}

#[test]
fn france_allows_four_calls_in_thirty_days() {
    let c = person("Europe/Paris", "FR", None);
    let ledger: Vec<Touch> = [
        "2026-11-02 10:30",
        "2026-11-09 10:30",
        "2026-11-16 10:30",
        "2026-11-23 10:30",
    ]
    .iter()
    .enumerate()
    .map(|(k, when)| sales_call(k as i64 + 1, &c, INSIDE, when))
    .collect();
    let fifth = ProposedTouch::new(Phone, Promotional, INSIDE, DANA, at(&c, "2026-11-30 10:30"));
    let conflicts = evaluate(
        &c,
        Ledger::new(&ledger, &[]),
        &law_only(),
        std::slice::from_ref(&fifth),
    );
    assert!(conflicts.iter().any(|c| c.rule == RuleId::LegalCallCap));
    let next = next_allowed(
        &c,
        Ledger::new(&ledger, &[]),
        &law_only(),
        &fifth,
        fifth.scheduled_at,
        TimeDelta::days(30),
    );
    assert_eq!(next, Some(at(&c, "2026-12-02 10:30")));
}

fn opted_out(c: &ContactFacts, when: &str) -> Interaction {
    Interaction {
        id: InteractionId(1),
        kind: InteractionKind::Unsubscribe,
        channel: Phone,
        at: at(c, when),
    }
}

#[test]
fn a_refusal_silences_calls_for_sixty_days_in_france_and_for_good_in_the_uk() {
    let fr = person("Europe/Paris", "FR", None);
    let refusal = [opted_out(&fr, "2026-10-01 11:00")];
    let within = ProposedTouch::new(
        Phone,
        Promotional,
        INSIDE,
        DANA,
        at(&fr, "2026-11-26 11:00"),
    );
    let after = ProposedTouch::new(
        Phone,
        Promotional,
        INSIDE,
        DANA,
        at(&fr, "2026-12-01 11:00"),
    );
    let rules_of = |touch: ProposedTouch, c: &ContactFacts, i: &[Interaction]| -> Vec<RuleId> {
        evaluate(c, Ledger::new(&[], i), &law_only(), &[touch])
            .iter()
            .map(|c| c.rule)
            .collect()
    };
    assert!(rules_of(within, &fr, &refusal).contains(&RuleId::RefusalQuietPeriod));
    assert!(!rules_of(after, &fr, &refusal).contains(&RuleId::RefusalQuietPeriod));
    let uk = person("Europe/London", "GB", None);
    let objection = [opted_out(&uk, "2020-01-01 11:00")];
    let years_later = ProposedTouch::new(
        Phone,
        Promotional,
        INSIDE,
        DANA,
        at(&uk, "2026-12-01 11:00"),
    );
    assert!(rules_of(years_later.clone(), &uk, &objection).contains(&RuleId::RefusalQuietPeriod));
    let next = next_allowed(
        &uk,
        Ledger::new(&[], &objection),
        &law_only(),
        &years_later,
        years_later.scheduled_at,
        TimeDelta::days(30),
    );
    assert_eq!(next, None);
}

#[test]
fn with_every_pack_off_the_law_says_nothing() {
    let c = person("America/Chicago", "US-TX", None);
    let touch = ProposedTouch::new(Phone, Promotional, INSIDE, DANA, at(&c, "2026-12-06 10:00"));
    let mut rules = law_only();
    rules.rule_packs = Default::default();
    assert!(evaluate(&c, Ledger::empty(), &rules, &[touch]).is_empty());
}

fn blocks(c: &ContactFacts, rules: &Rules, touch: &ProposedTouch) -> Vec<RuleId> {
    let mut found: Vec<RuleId> = evaluate(c, Ledger::empty(), rules, std::slice::from_ref(touch))
        .iter()
        .filter(|conflict| conflict.severity == Severity::Block)
        .map(|conflict| conflict.rule)
        .collect();
    found.dedup();
    found
}

fn any_place() -> impl Strategy<Value = (&'static str, &'static str, Option<&'static str>)> {
    proptest::sample::select(vec![
        ("America/New_York", "US-FL", None),
        ("America/Los_Angeles", "US-CA", Some("US-FL")),
        ("America/Chicago", "US-TX", Some("US-OK")),
        ("America/Chicago", "US-AL", None),
        ("America/Toronto", "CA-ON", None),
        ("Europe/Paris", "FR", None),
        ("Europe/London", "GB", None),
        ("America/Denver", "US-NM", Some("US-KY")),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// A pack on never allows a touch the same rules without it would block, and a contact
    /// with a second place (an area code elsewhere) is never allowed more than with one.
    #[test]
    fn a_stricter_pack_never_allows_more(
        (zone, place, area) in any_place(),
        minutes in 0i64..(365 * 24 * 60),
        channel in proptest::sample::select(Channel::ALL),
        purpose in proptest::sample::select(Purpose::ALL),
    ) {
        let with_area = person(zone, place, area);
        let mut without_area = with_area.clone();
        without_area.jurisdiction.area_code_region = None;
        let when = utc("2026-01-01T00:00:00Z") + TimeDelta::minutes(minutes);
        let touch = ProposedTouch::new(channel, purpose, INSIDE, DANA, when);
        let mut no_packs = law_only();
        no_packs.rule_packs = Default::default();
        let strict = blocks(&with_area, &law_only(), &touch);
        let loose = blocks(&without_area, &law_only(), &touch);
        let none = blocks(&with_area, &no_packs, &touch);
        for rule in &loose {
            prop_assert!(strict.contains(rule), "{rule} lost with a second place: {strict:?}");
        }
        for rule in &none {
            prop_assert!(loose.contains(rule), "{rule} lost with the packs on: {loose:?}");
        }
    }
}
