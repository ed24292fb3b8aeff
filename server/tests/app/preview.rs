//! Campaign preview at scale gives the same answers as evaluating every recipient on its own
//! with its whole ledger.

use app::domain::ids::{ContactId, TeamId, UserId};
use app::domain::*;
use app::store::db;
use app::store::preview::{preview_campaign, AudienceQuery, PreviewRequest};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use db::Db;
use server::synth::{generate, SynthOptions};
use std::collections::BTreeMap;

async fn company() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let pool = app::store::open(&dir.path().join("c.db").into())
        .await
        .unwrap();
    server::demo::create_users_if_none(&pool).await.unwrap();
    let reference = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let options = SynthOptions {
        contacts: 300,
        touches: 6_000,
        seed: 5,
        reference,
    };
    generate(&pool, options, &mut |_| {}).await.unwrap();
    (dir, pool)
}

fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap()
}

type ContactRow = (
    String,
    String,
    String,
    bool,
    bool,
    bool,
    bool,
    bool,
    Option<String>,
    Option<String>,
    Option<String>,
);
type TouchRow = (
    i64,
    String,
    String,
    i64,
    i64,
    Option<i64>,
    i64,
    String,
    bool,
    bool,
);

/// One contact's facts and whole ledger, read the slow, obvious way.
async fn load(
    pool: &Db,
    id: i64,
    at: DateTime<Utc>,
) -> (ContactFacts, Vec<Touch>, Vec<Interaction>) {
    let (stage, zone, attributes, ce, cs, cp, cm, dnc, email, phone, address): ContactRow =
        db::query_as("SELECT stage, timezone, attributes, consent_email, consent_sms, consent_phone, consent_mail, do_not_contact, email, phone, address FROM contacts WHERE id = ?")
            .bind(id).fetch_one(pool).await.unwrap();
    let mut facts = ContactFacts::new(
        ContactId(id),
        Stage::parse(&stage).unwrap(),
        TimeZone::parse(&zone).unwrap(),
    );
    facts.attributes = serde_json::from_str(&attributes).unwrap();
    facts.consent = Consent {
        email: ce,
        sms: cs,
        phone: cp,
        mail: cm,
    };
    facts.do_not_contact = dnc;
    facts.reach = Reach {
        email: email.is_some(),
        phone: phone.is_some(),
        postal_address: address.is_some_and(|a| !a.is_empty()),
    };
    let claim: Option<(i64, i64, i64)> = db::query_as("SELECT user_id, claimed_at, expires_at FROM claims WHERE contact_id = ? AND ended_at IS NULL AND expires_at > ?")
        .bind(id).bind(at.timestamp()).fetch_optional(pool).await.unwrap();
    facts.claim = claim.map(|(owner, since, until)| Claim {
        owner: UserId(owner),
        since: instant(since),
        expires_at: instant(until),
    });
    let rows: Vec<TouchRow> =
        db::query_as("SELECT id, channel, purpose, team_id, author_id, campaign_id, scheduled_at, status, automated, personalized FROM touches WHERE contact_id = ?")
            .bind(id).fetch_all(pool).await.unwrap();
    let touches = rows
        .into_iter()
        .map(|r| Touch {
            id: app::domain::ids::TouchId(r.0),
            channel: Channel::parse(&r.1).unwrap(),
            purpose: Purpose::parse(&r.2).unwrap(),
            team: TeamId(r.3),
            author: UserId(r.4),
            campaign: r.5.map(app::domain::ids::CampaignId),
            scheduled_at: instant(r.6),
            status: TouchStatus::parse(&r.7).unwrap(),
            automated: r.8,
            personalized: r.9,
        })
        .collect();
    let rows: Vec<(i64, String, String, i64)> =
        db::query_as("SELECT id, kind, channel, at FROM interactions WHERE contact_id = ?")
            .bind(id)
            .fetch_all(pool)
            .await
            .unwrap();
    let interactions = rows
        .into_iter()
        .map(|r| Interaction {
            id: app::domain::ids::InteractionId(r.0),
            kind: InteractionKind::parse(&r.1).unwrap(),
            channel: Channel::parse(&r.2).unwrap(),
            at: instant(r.3),
        })
        .collect();
    (facts, touches, interactions)
}

async fn check(pool: &Db, audience: AudienceQuery, touch: ProposedTouch, expect_some: bool) {
    let rules = Rules::default();
    let request = PreviewRequest {
        audience: audience.clone(),
        touch: touch.clone(),
        horizon: TimeDelta::days(14),
        samples_per_rule: 2,
        samples_from: None,
    };
    let preview = preview_campaign(pool, &rules, &request).await.unwrap();
    let ids: Vec<i64> = db::query_scalar("SELECT id FROM contacts ORDER BY id")
        .fetch_all(pool)
        .await
        .unwrap();
    let mut by_rule: BTreeMap<RuleId, u64> = BTreeMap::new();
    let mut blocks_by_rule: BTreeMap<RuleId, u64> = BTreeMap::new();
    // Each rule's hits in the preview's order (by contact id), each with whether it blocks.
    let mut hits: BTreeMap<RuleId, Vec<(ContactId, bool)>> = BTreeMap::new();
    let (mut recipients, mut blocked) = (0, 0);
    let mut proposed = touch.clone();
    proposed.audience =
        (!audience.conditions.conditions().is_empty()).then(|| audience.conditions.clone());
    for id in ids {
        let (facts, touches, interactions) = load(pool, id, touch.scheduled_at).await;
        let listed = audience
            .contact_ids
            .as_ref()
            .map(|ids| ids.contains(&ContactId(id)));
        let staged = audience.stages.is_empty() || audience.stages.contains(&facts.stage);
        let wanted = match listed {
            Some(listed) => listed && staged,
            None => staged && audience.conditions.matches(&facts),
        };
        if !wanted {
            continue;
        }
        if audience.limit.is_some_and(|limit| recipients >= limit) {
            break;
        }
        recipients += 1;
        let conflicts = evaluate(
            &facts,
            Ledger::new(&touches, &interactions),
            &rules,
            std::slice::from_ref(&proposed),
        );
        let mut rules_hit: Vec<RuleId> = conflicts.iter().map(|c| c.rule).collect();
        rules_hit.sort();
        rules_hit.dedup();
        for rule in rules_hit {
            *by_rule.entry(rule).or_default() += 1;
            let blocks = conflicts
                .iter()
                .any(|c| c.rule == rule && c.severity == Severity::Block);
            if blocks {
                *blocks_by_rule.entry(rule).or_default() += 1;
            }
            hits.entry(rule).or_default().push((ContactId(id), blocks));
        }
        blocked += u64::from(conflicts.iter().any(|c| c.severity == Severity::Block));
    }
    assert_eq!(preview.recipients, recipients);
    assert_eq!(preview.by_rule, by_rule);
    assert_eq!(preview.blocks_by_rule, blocks_by_rule);
    assert_eq!(preview.blocked, blocked);
    let shown = |samples: &[app::store::preview::Sample]| -> Vec<(ContactId, bool)> {
        samples.iter().map(|s| (s.contact, s.blocks)).collect()
    };
    assert_eq!(
        preview.samples.keys().collect::<Vec<_>>(),
        hits.keys().collect::<Vec<_>>(),
        "every rule that fires has samples"
    );
    for (rule, samples) in &preview.samples {
        let first = &hits[rule][..hits[rule].len().min(2)];
        assert_eq!(shown(samples), first, "{rule}: the first hits");
    }
    // A later page of the rule with the most hits: its hits from the third on.
    if let Some((rule, all)) = hits
        .iter()
        .max_by_key(|(_, h)| h.len())
        .filter(|(_, h)| h.len() > 2)
    {
        let later = PreviewRequest {
            samples_from: Some((*rule, 2)),
            ..request.clone()
        };
        let page = preview_campaign(pool, &rules, &later).await.unwrap();
        let end = all.len().min(4);
        assert_eq!(
            shown(&page.samples[rule]),
            all[2..end],
            "{rule}: the second page"
        );
        assert_eq!(
            page.by_rule, by_rule,
            "the counts do not depend on the page"
        );
    }
    if expect_some {
        assert!(
            preview.recipients > 0 && !by_rule.is_empty(),
            "a test that can fail: {by_rule:?}"
        );
    }
    for (rule, samples) in &preview.samples {
        assert!(samples.len() <= 2 && !samples.is_empty(), "{rule}");
        assert!(samples.iter().all(|s| !s.message.is_empty()), "{samples:?}");
    }
}

fn touch(channel: Channel, purpose: Purpose) -> ProposedTouch {
    let at = instant(
        NaiveDate::from_ymd_opt(2026, 6, 2)
            .unwrap()
            .and_hms_opt(15, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp(),
    );
    ProposedTouch::new(channel, purpose, TeamId(1), UserId(2), at)
}

#[tokio::test]
async fn preview_counts_match_a_per_recipient_evaluate_loop() {
    let (_dir, pool) = company().await;
    check(
        &pool,
        AudienceQuery::default(),
        touch(Channel::Email, Purpose::Promotional),
        true,
    )
    .await;
    check(
        &pool,
        AudienceQuery::default(),
        touch(Channel::Phone, Purpose::SalesFollowup),
        true,
    )
    .await;
    let leads = AudienceQuery {
        stages: vec![Stage::Lead, Stage::Customer],
        conditions: Audience::parse("child_age < 10").unwrap(),
        ..AudienceQuery::default()
    };
    check(
        &pool,
        leads,
        touch(Channel::Sms, Purpose::Promotional),
        true,
    )
    .await;
    let listed = AudienceQuery {
        contact_ids: Some(vec![
            ContactId(7),
            ContactId(3),
            ContactId(250),
            ContactId(9_999),
        ]),
        conditions: Audience::parse("segment = retail").unwrap(),
        ..AudienceQuery::default()
    };
    check(
        &pool,
        listed,
        touch(Channel::Mail, Purpose::Newsletter),
        false,
    )
    .await;
    let first = AudienceQuery {
        limit: Some(40),
        ..AudienceQuery::default()
    };
    check(
        &pool,
        first,
        touch(Channel::Email, Purpose::Promotional),
        true,
    )
    .await;
}
