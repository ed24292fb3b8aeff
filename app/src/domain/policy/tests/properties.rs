//! Properties over random contacts, ledgers and proposals: order independence, monotone caps,
//! next-allowed soundness and minimality, transactional exemption.

use super::*;
use crate::domain::contact::Claim;
use crate::domain::ids::{CampaignId, InteractionId};
use crate::domain::interaction::Interaction;
use crate::domain::ledger::Ledger;
use crate::domain::policy::{evaluate, next_allowed};
use crate::domain::rules::Rules;
use crate::domain::vocabulary::InteractionKind;
use chrono::TimeDelta;
use proptest::prelude::*;

const ZONES: [&str; 6] = [
    "America/New_York",
    "Europe/Berlin",
    "Asia/Kolkata",
    "Pacific/Kiritimati",
    "Pacific/Chatham",
    "UTC",
];

/// Around the US DST change of March 2025, so windows straddle it.
fn base() -> DateTime<Utc> {
    utc("2025-03-09T12:00:00Z")
}

fn at(minutes: i64) -> DateTime<Utc> {
    base() + TimeDelta::minutes(minutes)
}

fn minutes() -> impl Strategy<Value = i64> {
    -10 * 1440i64..10 * 1440
}

fn channel() -> impl Strategy<Value = Channel> {
    proptest::sample::select(Channel::ALL)
}

fn purpose() -> impl Strategy<Value = Purpose> {
    proptest::sample::select(Purpose::ALL)
}

fn team() -> impl Strategy<Value = TeamId> {
    (1i64..=4).prop_map(TeamId)
}

fn person() -> impl Strategy<Value = ContactFacts> {
    let stage = proptest::sample::select(Stage::ALL);
    let zone = proptest::sample::select(&ZONES[..]);
    let flags = proptest::collection::vec(any::<bool>(), 4);
    (stage, zone, flags, proptest::option::of(0i64..2)).prop_map(|(stage, zone, flags, owner)| {
        let mut c = contact(stage);
        c.time_zone = TimeZone::parse(zone).unwrap();
        c.consent.sms = flags[0];
        c.do_not_contact = flags[1] && flags[2];
        c.attributes
            .insert("child_age".into(), if flags[3] { "2" } else { "9" }.into());
        c.claim = owner.map(|k| Claim {
            owner: if k == 0 { DANA } else { MARCO },
            since: at(-5 * 1440),
            expires_at: at(9 * 1440),
        });
        c
    })
}

fn ledger() -> impl Strategy<Value = Vec<Touch>> {
    let status = proptest::sample::select(TouchStatus::ALL);
    let row = (
        channel(),
        purpose(),
        team(),
        status,
        minutes(),
        any::<bool>(),
    );
    proptest::collection::vec(row, 0..12).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(
                |(k, (channel, purpose, team, status, m, automated))| Touch {
                    id: TouchId(k as i64 + 1),
                    channel,
                    purpose,
                    team,
                    author: author(team),
                    campaign: None,
                    scheduled_at: at(m),
                    status,
                    automated,
                    personalized: true,
                },
            )
            .collect()
    })
}

fn interactions() -> impl Strategy<Value = Vec<Interaction>> {
    let kind = proptest::sample::select(InteractionKind::ALL);
    proptest::collection::vec((kind, minutes()), 0..3).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(k, (kind, m))| Interaction {
                id: InteractionId(k as i64 + 1),
                kind,
                channel: Channel::Email,
                at: at(m),
            })
            .collect()
    })
}

fn one_proposed() -> impl Strategy<Value = ProposedTouch> {
    let flags = proptest::collection::vec(any::<bool>(), 4);
    (channel(), purpose(), team(), -2 * 1440i64..2 * 1440, flags).prop_map(
        |(channel, purpose, team, m, flags)| {
            let mut touch = ProposedTouch::new(channel, purpose, team, author(team), at(m));
            touch.automated = flags[0];
            touch.personalized = flags[1];
            touch.campaign = flags[2].then_some(CampaignId(1));
            touch.audience = flags[3]
                .then(|| crate::domain::audience::Audience::parse("child_age < 3").unwrap());
            touch
        },
    )
}

fn ledger_and_shuffled() -> impl Strategy<Value = (Vec<Touch>, Vec<Touch>)> {
    ledger().prop_flat_map(|l| (Just(l.clone()), Just(l).prop_shuffle()))
}

fn no_block(conflicts: &[Conflict]) -> bool {
    conflicts.iter().all(|c| c.severity != Severity::Block)
}

fn run(
    c: &ContactFacts,
    touches: &[Touch],
    inter: &[Interaction],
    proposed: &[ProposedTouch],
) -> Vec<Conflict> {
    let names = names();
    evaluate(
        c,
        Ledger::new(touches, inter).with_names(&names),
        &Rules::default(),
        proposed,
    )
}

fn blocked(
    c: &ContactFacts,
    touches: &[Touch],
    inter: &[Interaction],
    touch: &ProposedTouch,
) -> bool {
    run(c, touches, inter, std::slice::from_ref(touch))
        .iter()
        .any(|conflict| conflict.severity == Severity::Block)
}

fn caps(conflicts: &[Conflict]) -> Vec<(usize, RuleId)> {
    conflicts
        .iter()
        .filter(|c| matches!(c.rule, RuleId::DailyCap | RuleId::WeeklyCap))
        .map(|c| (c.proposed, c.rule))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_ledgers_order_does_not_matter(
        c in person(),
        (touches, shuffled) in ledger_and_shuffled(),
        inter in interactions(),
        proposed in proptest::collection::vec(one_proposed(), 1..4),
    ) {
        let mut reversed_interactions = inter.clone();
        reversed_interactions.reverse();
        prop_assert_eq!(
            run(&c, &touches, &inter, &proposed),
            run(&c, &shuffled, &reversed_interactions, &proposed)
        );
    }

    #[test]
    fn the_order_of_proposed_touches_does_not_matter(
        c in person(),
        touches in ledger(),
        inter in interactions(),
        proposed in proptest::collection::vec(one_proposed(), 1..4),
    ) {
        let n = proposed.len();
        let mut reversed = proposed.clone();
        reversed.reverse();
        let mut remapped = run(&c, &touches, &inter, &reversed);
        for conflict in &mut remapped {
            conflict.proposed = n - 1 - conflict.proposed;
        }
        remapped.sort_by(Conflict::canonical_cmp);
        prop_assert_eq!(run(&c, &touches, &inter, &proposed), remapped);
    }

    #[test]
    fn adding_a_touch_never_removes_a_cap_conflict(
        c in person(),
        touches in ledger(),
        proposed in proptest::collection::vec(one_proposed(), 1..3),
        (channel, purpose, team, m) in (channel(), purpose(), team(), minutes()),
    ) {
        let before = caps(&run(&c, &touches, &[], &proposed));
        let mut more = touches.clone();
        let mut extra = touch(999, channel, purpose, team, "2025-03-09 08:00");
        extra.scheduled_at = at(m);
        more.push(extra);
        let after = caps(&run(&c, &more, &[], &proposed));
        for conflict in before {
            prop_assert!(after.contains(&conflict), "{:?} lost after adding {:?}", conflict, extra);
        }
    }

    #[test]
    fn a_touch_moved_to_next_allowed_has_no_block_and_nothing_earlier_is_free(
        c in person(),
        touches in ledger(),
        inter in interactions(),
        touch in one_proposed(),
    ) {
        let names = names();
        let ledger = Ledger::new(&touches, &inter).with_names(&names);
        let from = touch.scheduled_at;
        let horizon = TimeDelta::days(14);
        let found = next_allowed(&c, ledger, &Rules::default(), &touch, from, horizon);
        if let Some(found) = found {
            prop_assert!(found >= from && found <= from + horizon);
            let mut moved = touch.clone();
            moved.scheduled_at = found;
            let conflicts = run(&c, &touches, &inter, std::slice::from_ref(&moved));
            prop_assert!(no_block(&conflicts), "{:#?}", conflicts);
            for k in 0..8 {
                let mut earlier = touch.clone();
                earlier.scheduled_at = from + (found - from) * k / 8;
                if earlier.scheduled_at < found {
                    let free = !blocked(&c, &touches, &inter, &earlier);
                    prop_assert!(!free, "free at {}", earlier.scheduled_at);
                }
            }
        } else {
            prop_assert!(blocked(&c, &touches, &inter, &touch));
        }
    }

    #[test]
    fn transactional_never_trips_a_cap_gap_or_mix_rule(
        c in person(),
        touches in ledger(),
        inter in interactions(),
        mut touch in one_proposed(),
        others in proptest::collection::vec(one_proposed(), 0..3),
    ) {
        touch.purpose = Purpose::Transactional;
        let mut proposed = vec![touch];
        proposed.extend(others);
        let exempt = [
            RuleId::DailyCap, RuleId::WeeklyCap, RuleId::MinGap, RuleId::ChannelMix,
            RuleId::CrossTeam, RuleId::CustomerPromo, RuleId::FirstTouchCooldown,
        ];
        let conflicts = run(&c, &touches, &inter, &proposed);
        let tripped = conflicts.iter().any(|c| c.proposed == 0 && exempt.contains(&c.rule));
        prop_assert!(!tripped, "{:#?}", conflicts);
    }

    #[test]
    fn transactional_touches_in_the_ledger_never_add_a_cap_conflict(
        c in person(),
        touches in ledger(),
        proposed in proptest::collection::vec(one_proposed(), 1..3),
        receipts in proptest::collection::vec(minutes(), 1..4),
    ) {
        let mut more = touches.clone();
        for (k, m) in receipts.into_iter().enumerate() {
            let id = 500 + k as i64;
            let when = "2025-03-09 08:00";
            let mut receipt = touch(id, Channel::Email, Purpose::Transactional, SERVICE, when);
            receipt.scheduled_at = at(m);
            more.push(receipt);
        }
        let before = caps(&run(&c, &touches, &[], &proposed));
        prop_assert_eq!(before, caps(&run(&c, &more, &[], &proposed)));
    }
}
