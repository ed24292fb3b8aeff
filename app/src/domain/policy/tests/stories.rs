//! DESIGN's failure stories, one table row each, with the exact rules and severities they must
//! trip; then the wording of the main explanations.

use super::*;
use crate::domain::audience::Audience;
use crate::domain::ids::{CampaignId, InteractionId};
use crate::domain::interaction::Interaction;
use crate::domain::ledger::Ledger;
use crate::domain::policy::{evaluate, next_allowed};
use crate::domain::rules::Rules;
use crate::domain::vocabulary::InteractionKind;
use chrono::TimeDelta;
use rstest::rstest;
use Channel::{Email, Mail, Phone, Sms};
use Purpose::{Newsletter, Promotional, Relationship, SalesFollowup};
use RuleId::*;
use Severity::{Block, Warn};

struct Story {
    contact: ContactFacts,
    touches: Vec<Touch>,
    interactions: Vec<Interaction>,
    proposed: Vec<ProposedTouch>,
}

impl Story {
    fn run(&self) -> Vec<Conflict> {
        let names = names();
        let ledger = Ledger::new(&self.touches, &self.interactions).with_names(&names);
        evaluate(&self.contact, ledger, &Rules::default(), &self.proposed)
    }
}

/// Four emails in eight hours: a rep follow-up, a local sale, two national launches.
fn bombardment() -> Story {
    Story {
        contact: contact(Stage::Prospect),
        touches: vec![
            touch(1, Email, SalesFollowup, INSIDE, "2025-01-14 09:00"),
            touch(2, Email, Promotional, BOSTON, "2025-01-14 13:30"),
        ],
        interactions: vec![],
        proposed: vec![
            proposed(Email, Promotional, CORPORATE, "2025-01-14 15:00"),
            proposed(Email, Promotional, CORPORATE, "2025-01-14 17:00"),
        ],
    }
}

/// An ebook download, a "10 minute call?" email, "couldn't reach you" 34 min later and a
/// survey 2 min after that.
fn lead_genocide() -> Story {
    Story {
        contact: contact(Stage::Lead),
        touches: vec![touch(1, Email, SalesFollowup, INSIDE, "2025-01-13 10:30")],
        interactions: vec![Interaction {
            id: InteractionId(1),
            kind: InteractionKind::Download,
            channel: Email,
            at: local(ny(), "2025-01-13 10:00"),
        }],
        proposed: vec![
            proposed(Email, SalesFollowup, INSIDE, "2025-01-13 11:04"),
            proposed(Email, Relationship, CORPORATE, "2025-01-13 11:06"),
        ],
    }
}

/// A postcard, a text, a voicemail and then an email in the same few days.
fn pile_up() -> Story {
    Story {
        contact: contact(Stage::Customer),
        touches: vec![
            touch(1, Mail, Promotional, BOSTON, "2025-01-10 08:00"),
            touch(2, Sms, Promotional, BOSTON, "2025-01-13 12:00"),
            touch(3, Phone, Relationship, INSIDE, "2025-01-14 11:00"),
        ],
        interactions: vec![],
        proposed: vec![proposed(Email, Newsletter, CORPORATE, "2025-01-15 10:00")],
    }
}

/// A batch-and-blast acquisition offer to a paying customer who had a promo this week.
fn promo_blast_to_customer() -> Story {
    let mut blast = proposed(Email, Promotional, CORPORATE, "2025-01-10 10:00");
    blast.campaign = Some(CampaignId(7));
    blast.personalized = false;
    blast.audience = Some(Audience::parse("stage = prospect").unwrap());
    Story {
        contact: contact(Stage::Customer),
        touches: vec![touch(1, Email, Promotional, CORPORATE, "2025-01-06 10:00")],
        interactions: vec![],
        proposed: vec![blast],
    }
}

/// Diaper coupons to the parent of a 15-year-old.
fn wrong_segment() -> Story {
    let mut contact = contact(Stage::Lead);
    contact.attributes.insert("child_age".into(), "15".into());
    let mut coupon = proposed(Mail, Promotional, BOSTON, "2025-01-13 08:00");
    coupon.campaign = Some(CampaignId(8));
    coupon.audience = Some(Audience::parse("child_age < 3").unwrap());
    Story {
        contact,
        touches: vec![],
        interactions: vec![],
        proposed: vec![coupon],
    }
}

/// A robot voice saying "we care".
fn robot_care_call() -> Story {
    let mut call = proposed(Phone, Relationship, SERVICE, "2025-01-14 11:00");
    call.automated = true;
    Story {
        contact: contact(Stage::Customer),
        touches: vec![],
        interactions: vec![],
        proposed: vec![call],
    }
}

/// Mail to "current resident" at a known contact.
fn current_resident() -> Story {
    let mut mail = proposed(Mail, Promotional, CORPORATE, "2025-01-13 08:00");
    mail.personalized = false;
    Story {
        contact: contact(Stage::Customer),
        touches: vec![],
        interactions: vec![],
        proposed: vec![mail],
    }
}

#[rstest]
#[case::bombardment(bombardment(), vec![
    (0, DailyCap, Block), (0, MinGap, Block), (0, CrossTeam, Warn),
    (1, DailyCap, Block), (1, MinGap, Block), (1, CrossTeam, Warn),
])]
#[case::lead_genocide(lead_genocide(), vec![
    (0, DailyCap, Block), (0, MinGap, Block), (0, FirstTouchCooldown, Block), (0, CrossTeam, Warn),
    (1, DailyCap, Block), (1, MinGap, Block), (1, CrossTeam, Warn),
])]
#[case::pile_up(pile_up(), vec![(0, ChannelMix, Warn), (0, CrossTeam, Warn)])]
#[case::promo_blast_to_customer(promo_blast_to_customer(), vec![
    (0, CustomerPromo, Warn), (0, CustomerPromo, Warn), (0, Addressee, Warn), (0, Audience, Warn),
])]
#[case::wrong_segment(wrong_segment(), vec![(0, Audience, Warn)])]
#[case::robot_care_call(robot_care_call(), vec![(0, RoboCare, Warn)])]
#[case::current_resident(current_resident(), vec![(0, Addressee, Warn)])]
fn failure_stories(#[case] story: Story, #[case] expected: Vec<(usize, RuleId, Severity)>) {
    assert_eq!(found(&story.run()), expected);
}

#[test]
fn the_cap_message_names_teams_channels_and_local_times() {
    let mut story = bombardment();
    story.proposed.truncate(1);
    let conflicts = story.run();
    assert_eq!(
        message(&conflicts, DailyCap),
        "3rd touch in 24 h, limit 2: Inside sales email Tue 09:00, \
         Boston store marketing email Tue 13:30"
    );
    assert_eq!(conflicts[0].touch_ids, [TouchId(1), TouchId(2)]);
    assert_eq!(
        message(&conflicts, CrossTeam),
        "Other teams touch this contact within 24 h: Inside sales email Tue 09:00, \
         Boston store marketing email Tue 13:30"
    );
}

#[test]
fn proposed_touches_see_each_other() {
    let conflicts = bombardment().run();
    let first: Vec<_> = conflicts.iter().filter(|c| c.proposed == 0).collect();
    assert_eq!(
        first[0].message,
        "4th touch in 24 h, limit 2: Inside sales email Tue 09:00, \
         Boston store marketing email Tue 13:30, Corporate marketing email Tue 17:00 (proposed)"
    );
    assert_eq!(
        first[1].message,
        "Less than 4 h from Boston store marketing email Tue 13:30 (1 h 30 min earlier), \
         Corporate marketing email Tue 17:00 (proposed) (2 h later)"
    );
}

#[test]
fn the_lead_genocide_sequence_is_explained() {
    let conflicts = lead_genocide().run();
    let first: Vec<_> = conflicts
        .iter()
        .filter(|c| c.proposed == 0)
        .cloned()
        .collect();
    assert_eq!(
        message(&first, FirstTouchCooldown),
        "Sales follow-up 1 h 4 min after their first inbound interaction (download Mon 10:00); \
         cool-down 24 h, until Tue 10:00"
    );
    assert_eq!(
        message(&first, MinGap),
        "Less than 4 h from Inside sales email Mon 10:30 (34 min earlier), \
         Corporate marketing email Mon 11:06 (proposed) (2 min later)"
    );
}

#[test]
fn the_first_follow_up_waits_for_the_cool_down_and_the_second_for_the_window() {
    let story = lead_genocide();
    let names = names();
    let ledger = Ledger::new(&[], &story.interactions).with_names(&names);
    let call_me = proposed(Email, SalesFollowup, INSIDE, "2025-01-13 10:30");
    let rules = Rules::default();
    let week = TimeDelta::days(7);
    let at = next_allowed(
        &story.contact,
        ledger,
        &rules,
        &call_me,
        call_me.scheduled_at,
        week,
    );
    assert_eq!(at, Some(local(ny(), "2025-01-14 10:00")));
    let sent = [touch(1, Email, SalesFollowup, INSIDE, "2025-01-14 10:00")];
    let ledger = Ledger::new(&sent, &story.interactions).with_names(&names);
    let again = proposed(Email, SalesFollowup, INSIDE, "2025-01-15 10:00");
    let conflicts = evaluate(&story.contact, ledger, &rules, std::slice::from_ref(&again));
    assert_eq!(found(&conflicts), [(0, FirstTouchCooldown, Block)]);
    assert_eq!(
        conflicts[0].message,
        "2nd sales follow-up in the 72 h after the cool-down, limit 1: Inside sales email Tue 10:00"
    );
    let at = next_allowed(
        &story.contact,
        ledger,
        &rules,
        &again,
        again.scheduled_at,
        week,
    );
    assert_eq!(at, Some(local(ny(), "2025-01-17 10:00")));
}

#[test]
fn the_pile_up_lists_every_channel_in_the_window() {
    let conflicts = pile_up().run();
    assert_eq!(
        message(&conflicts, ChannelMix),
        "4 channels in 72 h, limit 2: this email and Boston store marketing mail in home Mon–Wed, \
         Boston store marketing SMS Mon 12:00, Inside sales call Tue 11:00"
    );
    assert_eq!(conflicts[0].touch_ids, [TouchId(1), TouchId(2), TouchId(3)]);
}

#[test]
fn the_wrong_segment_says_what_the_contact_is() {
    assert_eq!(
        message(&wrong_segment().run(), Audience),
        "The contact is outside the audience: `child_age < 3` (child_age is 15)"
    );
}
