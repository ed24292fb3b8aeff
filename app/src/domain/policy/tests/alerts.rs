//! Alert stories: the unanswered reply (ghosting), the stop-start sequence (breadcrumbing) and
//! the lapsing claim.

use super::*;
use crate::domain::conflict::{Alert, AlertId};
use crate::domain::contact::Claim;
use crate::domain::ids::InteractionId;
use crate::domain::interaction::Interaction;
use crate::domain::ledger::Ledger;
use crate::domain::policy::alerts;
use crate::domain::rules::Rules;
use crate::domain::vocabulary::InteractionKind;
use rstest::rstest;
use Channel::Email;
use Purpose::SalesFollowup;

fn owned_by_dana(stage: Stage, since: &str, expires: &str) -> ContactFacts {
    let mut person = contact(stage);
    person.claim = Some(Claim {
        owner: DANA,
        since: local(ny(), since),
        expires_at: local(ny(), expires),
    });
    person
}

fn reply(at: &str) -> Interaction {
    Interaction {
        id: InteractionId(1),
        kind: InteractionKind::Reply,
        channel: Email,
        at: local(ny(), at),
    }
}

fn run(
    person: &ContactFacts,
    touches: &[Touch],
    interactions: &[Interaction],
    now: &str,
) -> Vec<Alert> {
    let names = names();
    let ledger = Ledger::new(touches, interactions).with_names(&names);
    alerts(person, ledger, &Rules::default(), local(ny(), now))
}

fn ids(alerts: &[Alert]) -> Vec<(AlertId, DateTime<Utc>)> {
    alerts.iter().map(|a| (a.alert, a.since)).collect()
}

#[rstest]
#[case::unanswered_past_the_deadline(
    "2025-01-15 09:00",
    vec![(AlertId::UnansweredReply, "2025-01-14 10:15")]
)]
#[case::still_within_the_sla("2025-01-14 10:14", vec![])]
fn a_reply_nobody_answers(#[case] now: &str, #[case] expected: Vec<(AlertId, &str)>) {
    let person = owned_by_dana(Stage::Lead, "2025-01-13 09:00", "2025-01-27 09:00");
    let sent = [touch(1, Email, SalesFollowup, INSIDE, "2025-01-13 09:00")];
    let found = run(&person, &sent, &[reply("2025-01-13 10:15")], now);
    let expected: Vec<_> = expected
        .into_iter()
        .map(|(id, at)| (id, local(ny(), at)))
        .collect();
    assert_eq!(ids(&found), expected);
}

#[test]
fn the_unanswered_reply_is_explained() {
    let person = owned_by_dana(Stage::Lead, "2025-01-13 09:00", "2025-01-27 09:00");
    let sent = [touch(1, Email, SalesFollowup, INSIDE, "2025-01-13 09:00")];
    let found = run(
        &person,
        &sent,
        &[reply("2025-01-13 10:15")],
        "2025-01-15 09:00",
    );
    assert_eq!(
        found[0].message,
        "Reply by email on Mon 13 Jan 10:15 not answered by Dana Rep within 1 business day \
         (due Tue 14 Jan 10:15)"
    );
}

#[test]
fn an_answer_from_someone_else_does_not_count_for_an_owned_contact() {
    let person = owned_by_dana(Stage::Lead, "2025-01-13 09:00", "2025-01-27 09:00");
    let touches = [
        touch(1, Email, SalesFollowup, INSIDE, "2025-01-13 09:00"),
        touch(2, Email, Purpose::Promotional, BOSTON, "2025-01-13 16:00"),
    ];
    let found = run(
        &person,
        &touches,
        &[reply("2025-01-13 10:15")],
        "2025-01-15 09:00",
    );
    assert_eq!(
        ids(&found),
        [(AlertId::UnansweredReply, local(ny(), "2025-01-14 10:15"))]
    );
    let answered = [
        touch(1, Email, SalesFollowup, INSIDE, "2025-01-13 09:00"),
        touch(2, Email, SalesFollowup, INSIDE, "2025-01-14 16:00"),
    ];
    assert_eq!(
        run(
            &person,
            &answered,
            &[reply("2025-01-13 10:15")],
            "2025-01-15 09:00"
        ),
        []
    );
}

#[test]
fn a_stop_start_sequence_raises_cadence_gap_and_claim_expiring() {
    let person = owned_by_dana(Stage::Opportunity, "2024-12-23 10:00", "2025-01-22 10:00");
    let weekly: Vec<Touch> = [2, 9, 16, 23]
        .iter()
        .enumerate()
        .map(|(k, day)| {
            touch(
                k as i64 + 1,
                Email,
                SalesFollowup,
                INSIDE,
                &format!("2024-12-{day:02} 10:00"),
            )
        })
        .collect();
    let found = run(&person, &weekly, &[], "2025-01-13 10:00");
    assert_eq!(
        ids(&found),
        [
            (AlertId::ClaimExpiring, local(ny(), "2024-12-28 10:00")),
            (AlertId::CadenceGap, local(ny(), "2025-01-06 10:00")),
        ]
    );
    assert_eq!(
        found[1].message,
        "No touch from Dana Rep for 21 d (last Mon 23 Dec 10:00); their cadence was every 7 d, \
         allowed gap 14 d"
    );
    assert_eq!(
        found[0].message,
        "Claim by Dana Rep lapses Wed 22 Jan 10:00: no outbound work for 21 d \
         (since Mon 23 Dec 10:00)"
    );
    assert_eq!(
        ids(&run(&person, &weekly, &[], "2025-01-06 09:59")).len(),
        1
    );
}

#[test]
fn a_planned_touch_before_expiry_keeps_the_claim_quiet() {
    let person = owned_by_dana(Stage::Lead, "2025-01-06 10:00", "2025-01-20 10:00");
    let planned = [touch(1, Email, SalesFollowup, INSIDE, "2025-01-15 10:00")];
    assert_eq!(run(&person, &planned, &[], "2025-01-13 10:00"), []);
    assert_eq!(
        ids(&run(&person, &[], &[], "2025-01-13 10:00")),
        [(AlertId::ClaimExpiring, local(ny(), "2025-01-11 10:00"))]
    );
}
