//! One rule at a time: the edges of each rule's meaning (half-open windows, mail's in-home
//! window, transactional exemptions, consent, owners, configuration).

use super::*;
use crate::domain::contact::Claim;
use crate::domain::ledger::Ledger;
use crate::domain::policy::{evaluate, Decision, Evaluator};
use crate::domain::rules::Rules;
use crate::domain::span::Span;
use Channel::{Email, Mail, Phone, Sms};
use Purpose::{Promotional, Relationship, SalesFollowup, Service, Transactional};
use RuleId::*;
use Severity::{Block, Warn};

fn check(contact: &ContactFacts, touches: &[Touch], proposed: &[ProposedTouch]) -> Vec<Conflict> {
    let names = names();
    evaluate(
        contact,
        Ledger::new(touches, &[]).with_names(&names),
        &Rules::default(),
        proposed,
    )
}

/// Only these rules, so each test sees one rule at a time.
fn only(rules: &[RuleId]) -> Rules {
    let mut all = Rules::default();
    let set = |id: RuleId, on: &mut bool| *on = rules.contains(&id);
    set(DailyCap, &mut all.daily_cap.enabled);
    set(WeeklyCap, &mut all.weekly_cap.enabled);
    set(MinGap, &mut all.min_gap.enabled);
    set(ChannelMix, &mut all.channel_mix.enabled);
    set(FirstTouchCooldown, &mut all.first_touch_cooldown.enabled);
    set(QuietHours, &mut all.quiet_hours.enabled);
    set(Consent, &mut all.consent.enabled);
    set(DoNotContact, &mut all.do_not_contact.enabled);
    set(CustomerPromo, &mut all.customer_promo.enabled);
    set(OwnerOnly, &mut all.owner_only.enabled);
    set(CrossTeam, &mut all.cross_team.enabled);
    set(Addressee, &mut all.addressee.enabled);
    set(RoboCare, &mut all.robo_care.enabled);
    set(RuleId::Audience, &mut all.audience.enabled);
    all
}

fn check_only(rules: &[RuleId], touches: &[Touch], proposed: &[ProposedTouch]) -> Vec<Conflict> {
    let contact = contact(Stage::Customer);
    evaluate(&contact, Ledger::new(touches, &[]), &only(rules), proposed)
}

#[test]
fn a_touch_exactly_one_window_earlier_is_outside_it() {
    let ledger = [
        touch(1, Email, Service, INSIDE, "2025-01-13 09:00"),
        touch(2, Email, Service, INSIDE, "2025-01-13 14:00"),
    ];
    let at_boundary = [proposed(Email, Service, INSIDE, "2025-01-14 09:00")];
    assert_eq!(found(&check_only(&[DailyCap], &ledger, &at_boundary)), []);
    let inside = [proposed(Email, Service, INSIDE, "2025-01-14 08:59")];
    assert_eq!(
        found(&check_only(&[DailyCap], &ledger, &inside)),
        [(0, DailyCap, Block)]
    );
}

#[test]
fn later_planned_touches_count_too() {
    let ledger = [
        touch(1, Email, Service, INSIDE, "2025-01-14 10:00"),
        touch(2, Email, Service, INSIDE, "2025-01-14 20:00"),
    ];
    let before = [proposed(Email, Service, INSIDE, "2025-01-14 08:00")];
    assert_eq!(
        found(&check_only(&[DailyCap], &ledger, &before)),
        [(0, DailyCap, Block)]
    );
}

#[test]
fn only_planned_approved_and_sent_touches_count() {
    let mut ledger = [
        touch(1, Email, Service, INSIDE, "2025-01-14 09:00"),
        touch(2, Email, Service, INSIDE, "2025-01-14 10:00"),
    ];
    let next = [proposed(Email, Service, INSIDE, "2025-01-14 18:00")];
    for status in TouchStatus::ALL {
        ledger[1].status = *status;
        let expected = if status.counts() {
            vec![(0, DailyCap, Block)]
        } else {
            vec![]
        };
        assert_eq!(
            found(&check_only(&[DailyCap], &ledger, &next)),
            expected,
            "{status}"
        );
    }
}

#[test]
fn weekly_cap_counts_seven_rolling_days() {
    let ledger: Vec<Touch> = (0..5)
        .map(|d| {
            touch(
                d + 1,
                Email,
                Service,
                INSIDE,
                &format!("2025-01-{:02} 10:00", 13 + d),
            )
        })
        .collect();
    let sixth = [proposed(Email, Service, INSIDE, "2025-01-19 10:00")];
    assert_eq!(
        found(&check_only(&[WeeklyCap], &ledger, &sixth)),
        [(0, WeeklyCap, Block)]
    );
    let later = [proposed(Email, Service, INSIDE, "2025-01-20 10:00")];
    assert_eq!(found(&check_only(&[WeeklyCap], &ledger, &later)), []);
}

#[test]
fn mail_counts_once_for_caps_on_its_first_in_home_day() {
    let ledger = [
        touch(1, Mail, Promotional, CORPORATE, "2025-01-10 08:00"),
        touch(2, Email, Service, INSIDE, "2025-01-13 12:00"),
    ];
    let monday = [proposed(Email, Service, INSIDE, "2025-01-13 18:00")];
    assert_eq!(
        found(&check_only(&[DailyCap], &ledger, &monday)),
        [(0, DailyCap, Block)]
    );
    let tuesday = [proposed(Email, Service, INSIDE, "2025-01-14 11:00")];
    assert_eq!(found(&check_only(&[DailyCap], &ledger, &tuesday)), []);
    let messages = check_only(&[DailyCap], &ledger, &monday);
    assert_eq!(
        messages[0].message,
        "3rd touch in 24 h, limit 2: team 1 mail in home Mon–Wed, team 3 email Mon 12:00"
    );
}

#[test]
fn mail_is_present_on_every_in_home_day_for_cross_team_and_mix() {
    let ledger = [touch(1, Mail, Promotional, CORPORATE, "2025-01-10 08:00")];
    let wednesday = [proposed(Sms, Service, INSIDE, "2025-01-15 18:00")];
    assert_eq!(
        found(&check_only(&[CrossTeam, ChannelMix], &ledger, &wednesday)),
        [(0, CrossTeam, Warn)]
    );
    let thursday_night = [proposed(Sms, Service, INSIDE, "2025-01-16 23:59")];
    assert_eq!(
        found(&check_only(&[CrossTeam], &ledger, &thursday_night)),
        [(0, CrossTeam, Warn)]
    );
    let a_day_after = [proposed(Sms, Service, INSIDE, "2025-01-17 00:00")];
    assert_eq!(found(&check_only(&[CrossTeam], &ledger, &a_day_after)), []);
}

#[test]
fn min_gap_and_quiet_hours_ignore_mail() {
    let ledger = [touch(1, Email, Service, INSIDE, "2025-01-13 01:00")];
    let mail = [proposed(Mail, Service, INSIDE, "2025-01-13 02:00")];
    assert_eq!(
        found(&check_only(&[MinGap, QuietHours], &ledger, &mail)),
        []
    );
    let email = [proposed(Email, Service, INSIDE, "2025-01-13 04:59")];
    assert_eq!(
        found(&check_only(&[MinGap], &ledger, &email)),
        [(0, MinGap, Block)]
    );
    let email = [proposed(Email, Service, INSIDE, "2025-01-13 05:00")];
    assert_eq!(found(&check_only(&[MinGap], &ledger, &email)), []);
}

#[test]
fn transactional_is_exempt_from_caps_gaps_and_mix_but_not_consent() {
    let ledger = [
        touch(1, Sms, Promotional, BOSTON, "2025-01-13 10:00"),
        touch(2, Phone, Relationship, INSIDE, "2025-01-13 11:00"),
    ];
    let receipt = [proposed(Email, Transactional, SERVICE, "2025-01-13 11:30")];
    assert_eq!(
        found(&check(&contact(Stage::Customer), &ledger, &receipt)),
        []
    );
    let mut unsubscribed = contact(Stage::Customer);
    unsubscribed.consent.email = false;
    unsubscribed.do_not_contact = true;
    assert_eq!(
        found(&check(&unsubscribed, &ledger, &receipt)),
        [(0, Consent, Block)]
    );
    let promo = [proposed(Email, Promotional, SERVICE, "2025-01-13 11:30")];
    assert_eq!(
        found(&check(&unsubscribed, &[], &promo)),
        [(0, Consent, Block), (0, DoNotContact, Block)]
    );
}

#[test]
fn transactional_touches_in_the_ledger_do_not_count() {
    let ledger = [
        touch(1, Email, Transactional, SERVICE, "2025-01-13 09:00"),
        touch(2, Email, Transactional, SERVICE, "2025-01-13 10:00"),
    ];
    let next = [proposed(Sms, Service, INSIDE, "2025-01-13 11:00")];
    let rules = [DailyCap, MinGap, ChannelMix, CrossTeam];
    assert_eq!(found(&check_only(&rules, &ledger, &next)), []);
}

#[test]
fn consent_explains_what_is_missing() {
    let mut person = contact(Stage::Lead);
    person.consent.sms = false;
    person.reach.postal_address = false;
    person.consent.phone = false;
    let cases = [
        (Sms, "The contact has not opted in to SMS"),
        (Phone, "The contact's number is on the do-not-call list"),
        (Mail, "No full postal address on file for mail"),
    ];
    for (channel, text) in cases {
        let touch = [proposed(channel, Service, SERVICE, "2025-01-13 11:00")];
        assert_eq!(message(&check(&person, &[], &touch), Consent), text);
    }
}

#[test]
fn owned_contacts_get_sales_follow_ups_from_their_owner_only() {
    let mut owned = contact(Stage::Lead);
    owned.claim = Some(Claim {
        owner: DANA,
        since: local(ny(), "2025-01-10 09:00"),
        expires_at: local(ny(), "2025-01-24 09:00"),
    });
    let by_marco = [proposed(Phone, SalesFollowup, BOSTON, "2025-01-13 11:00")];
    let conflicts = check(&owned, &[], &by_marco);
    assert_eq!(found(&conflicts), [(0, OwnerOnly, Block)]);
    assert_eq!(
        conflicts[0].message,
        "Owned by Dana Rep: only the owner sends sales follow-ups"
    );
    let by_dana = [proposed(Phone, SalesFollowup, INSIDE, "2025-01-13 11:00")];
    assert_eq!(found(&check(&owned, &[], &by_dana)), []);
    let service = [proposed(Phone, Service, BOSTON, "2025-01-13 11:00")];
    assert_eq!(found(&check(&owned, &[], &service)), []);
}

#[test]
fn a_moved_touch_does_not_clash_with_its_own_ledger_entry() {
    let ledger = [
        touch(1, Email, Service, INSIDE, "2025-01-13 09:00"),
        touch(2, Email, Service, INSIDE, "2025-01-13 15:00"),
    ];
    let mut moved = proposed(Email, Service, INSIDE, "2025-01-13 20:00");
    moved.id = Some(TouchId(2));
    assert_eq!(
        found(&check_only(&[DailyCap, MinGap], &ledger, &[moved])),
        []
    );
}

#[test]
fn severity_and_parameters_come_from_the_rules() {
    let ledger = [touch(1, Email, Service, INSIDE, "2025-01-13 09:00")];
    let next = [proposed(Email, Service, INSIDE, "2025-01-13 12:00")];
    let mut rules = only(&[DailyCap]);
    rules.daily_cap.severity = Warn;
    rules.daily_cap.params.limit = 1;
    rules.daily_cap.params.window = Span::hours(6);
    let conflicts = evaluate(
        &contact(Stage::Lead),
        Ledger::new(&ledger, &[]),
        &rules,
        &next,
    );
    assert_eq!(found(&conflicts), [(0, DailyCap, Warn)]);
    assert_eq!(
        conflicts[0].message,
        "2nd touch in 6 h, limit 1: team 3 email Mon 09:00"
    );
}

#[test]
fn the_verdict_agrees_with_the_full_evaluation() {
    let ledger = [
        touch(1, Email, SalesFollowup, INSIDE, "2025-01-14 09:00"),
        touch(2, Email, Promotional, BOSTON, "2025-01-14 13:30"),
    ];
    let next = [proposed(Email, Promotional, CORPORATE, "2025-01-14 15:00")];
    let person = contact(Stage::Prospect);
    let mut evaluator = Evaluator::new(&Rules::default());
    let verdict = evaluator.verdict(&person, Ledger::new(&ledger, &[]), &next);
    assert_eq!(
        verdict.rules.iter().collect::<Vec<_>>(),
        [DailyCap, MinGap, CrossTeam]
    );
    assert_eq!(
        verdict.blocks.iter().collect::<Vec<_>>(),
        [DailyCap, MinGap]
    );
    assert_eq!(verdict.decision(), Decision::Block);
    let quiet = [proposed(Email, Promotional, CORPORATE, "2025-01-20 15:00")];
    let verdict = evaluator.verdict(&person, Ledger::new(&ledger, &[]), &quiet);
    assert_eq!(verdict.decision(), Decision::Allow);
}

#[test]
fn customer_promos_aimed_at_customers_only_hit_the_promo_cap() {
    let mut promo = proposed(Email, Promotional, CORPORATE, "2025-01-13 10:00");
    promo.campaign = Some(crate::domain::ids::CampaignId(3));
    promo.audience = Some(crate::domain::audience::Audience::parse("stage = customer").unwrap());
    assert_eq!(
        found(&check_only(
            &[CustomerPromo],
            &[],
            std::slice::from_ref(&promo)
        )),
        []
    );
    let ledger = [touch(1, Sms, Promotional, BOSTON, "2025-01-08 10:00")];
    let conflicts = check_only(&[CustomerPromo], &ledger, &[promo]);
    assert_eq!(found(&conflicts), [(0, CustomerPromo, Warn)]);
    assert_eq!(
        conflicts[0].message,
        "2nd promo to this customer in 7 d, limit 1: team 2 SMS Wed 10:00"
    );
}

#[test]
fn a_campaign_selecting_the_customer_stage_is_aimed_at_customers_previewed_or_planned() {
    let not_aimed = |promo: &ProposedTouch| {
        check_only(&[CustomerPromo], &[], std::slice::from_ref(promo))
            .iter()
            .any(|c| c.message.contains("not aimed at customers"))
    };
    let mut promo = proposed(Email, Promotional, CORPORATE, "2025-01-13 10:00");
    assert!(!not_aimed(&promo), "a one-off touch is not a campaign");
    // Previewed: no campaign id yet, but the stages it selects.
    promo.campaign_stages = Some(vec![Stage::Customer, Stage::Prospect]);
    assert!(!not_aimed(&promo));
    promo.campaign_stages = Some(Vec::new());
    assert!(not_aimed(&promo), "every stage is not aimed at customers");
    promo.campaign = Some(crate::domain::ids::CampaignId(3));
    assert!(not_aimed(&promo));
    promo.campaign_stages = Some(vec![Stage::Customer]);
    assert!(!not_aimed(&promo));
}

#[test]
fn mail_in_home_days_follow_local_midnights_across_a_dst_change() {
    let ledger = [touch(1, Mail, Promotional, CORPORATE, "2025-03-06 08:00")];
    let mut rules = only(&[DailyCap, CrossTeam]);
    rules.daily_cap.params.limit = 1;
    let person = contact(Stage::Customer);
    let run = |at: &str| {
        let next = [proposed(Sms, Service, INSIDE, at)];
        found(&evaluate(&person, Ledger::new(&ledger, &[]), &rules, &next))
    };
    assert_eq!(run("2025-03-08 00:00"), []);
    assert_eq!(
        run("2025-03-08 00:01"),
        [(0, DailyCap, Block), (0, CrossTeam, Warn)]
    );
    assert_eq!(run("2025-03-12 23:59"), [(0, CrossTeam, Warn)]);
    assert_eq!(run("2025-03-13 00:00"), []);
}
