//! Campaign preview at scale: for every recipient of an audience, which rules a proposed touch
//! would hit, computed by streaming the recipients and their ledgers in contact-id order (one
//! ordered range query each for contacts, touches, interactions and claims, merged, never one
//! query per recipient; plus each recipient's first inbound instant, grouped the same way).
//! Counts come from cheap verdicts; only samples are explained.

mod chunks;
mod decode;
mod merge;
mod query;
mod tally;

pub use chunks::{Recipient, Recipients};
pub use query::{bare_scan, ledger_window, LedgerWindow};

use super::StoreError;
use crate::domain::ids::ContactId;
use crate::domain::{
    Audience, CampaignDraft, Evaluator, Ledger, OnConflict, ProposedTouch, RuleId, Rules, Stage,
};
use crate::store::campaigns::NewCampaign;
use crate::store::db;
use crate::store::names::{all_names, contact_names};
use chrono::{DateTime, TimeDelta, Utc};
use db::Db;
use futures_util::TryStreamExt;
use merge::Cursor;
use serde::Serialize;
use std::collections::BTreeMap;

/// Who a campaign is for.
#[derive(Clone, Debug, Default)]
pub struct AudienceQuery {
    /// Only these stages (empty: every stage).
    pub stages: Vec<Stage>,
    /// Conditions on attributes: they select recipients, unless `contact_ids` is given (then
    /// the `audience` rule flags the listed contacts that fail them).
    pub conditions: Audience,
    /// An explicit list of contacts.
    pub contact_ids: Option<Vec<ContactId>>,
    /// At most this many recipients (the first ones by id).
    pub limit: Option<u64>,
}

/// A preview to compute.
#[derive(Clone, Debug)]
pub struct PreviewRequest {
    /// The recipients.
    pub audience: AudienceQuery,
    /// The touch each recipient would get (its `audience` is set from the query's conditions).
    pub touch: ProposedTouch,
    /// How far ahead to look for the blocked samples' next allowed slots.
    pub horizon: TimeDelta,
    /// How many sample recipients to keep per rule.
    pub samples_per_rule: usize,
    /// A later page of one rule's samples: that rule's hits from this index on (the others
    /// keep their first); `None` for the first samples of every rule.
    pub samples_from: Option<(RuleId, usize)>,
}

impl PreviewRequest {
    /// The preview of a parsed campaign: next allowed slots within 14 days, five samples a rule.
    pub fn for_draft(draft: &CampaignDraft) -> PreviewRequest {
        // The very touch creating the campaign stores, but for its id.
        let touch = NewCampaign::from_draft(draft, OnConflict::Review).touch(None);
        PreviewRequest {
            audience: AudienceQuery::for_draft(draft),
            touch,
            horizon: TimeDelta::days(14),
            samples_per_rule: 5,
            samples_from: None,
        }
    }
}

impl AudienceQuery {
    /// The recipients a parsed campaign names.
    pub fn for_draft(draft: &CampaignDraft) -> AudienceQuery {
        AudienceQuery {
            stages: draft.stages.clone(),
            conditions: draft.conditions.clone(),
            contact_ids: draft.contact_ids.clone(),
            limit: None,
        }
    }
}

/// One sample recipient of a rule, with the engine's explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sample {
    /// The recipient.
    pub contact: ContactId,
    /// The recipient's name.
    pub name: String,
    /// Why the rule fires for this recipient.
    pub message: String,
    /// Whether the rule blocks this recipient's touch (else it warns).
    pub blocks: bool,
}

/// What a campaign would run into.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Preview {
    /// How many recipients.
    pub recipients: u64,
    /// Recipients without any conflict.
    pub allowed: u64,
    /// Recipients with only `warn` conflicts.
    pub warned: u64,
    /// Recipients with a `block` conflict.
    pub blocked: u64,
    /// Per rule, how many recipients it hits.
    pub by_rule: BTreeMap<RuleId, u64>,
    /// Per rule, how many of those it blocks (the rest it warns about).
    pub blocks_by_rule: BTreeMap<RuleId, u64>,
    /// Per rule, a few recipients it hits.
    pub samples: BTreeMap<RuleId, Vec<Sample>>,
    /// For the blocked samples: the next allowed instant within the horizon, if any.
    pub next_allowed: BTreeMap<ContactId, Option<DateTime<Utc>>>,
}

/// Previews a campaign against the rules.
pub async fn preview_campaign(
    pool: &Db,
    rules: &Rules,
    request: &PreviewRequest,
) -> Result<Preview, StoreError> {
    let at = request.touch.scheduled_at;
    let window = ledger_window(rules, at, request.horizon);
    let audience = &request.audience;
    let explicit = audience.contact_ids.as_ref().map(|ids| {
        let mut ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    });
    let filter_in_rust = explicit.is_none() && !audience.conditions.conditions().is_empty();
    let range = query::id_range(pool, audience, explicit.as_deref(), filter_in_rust).await?;
    let mut contacts = query::contacts(pool, audience, range);
    let mut touches = Cursor::new(query::touches(pool, range, window));
    let mut interactions = Cursor::new(query::interactions(pool, range, window));
    let mut claims = Cursor::new(query::claims(pool, range, at.timestamp()));
    let mut firsts = Cursor::new(query::first_inbound(pool, range));
    let mut touch = request.touch.clone();
    let with_attributes = !audience.conditions.conditions().is_empty();
    touch.audience = with_attributes.then(|| audience.conditions.clone());
    let proposed = std::slice::from_ref(&touch);
    let mut evaluator = Evaluator::new(rules);
    let mut tally = tally::Tally::new(request.samples_per_rule, request.samples_from);
    let (mut ledger, mut inbound, mut claim, mut first) = (vec![], vec![], vec![], vec![]);
    let limit = audience.limit.unwrap_or(u64::MAX);
    while tally.recipients() < limit {
        let Some(row) = contacts.try_next().await? else {
            break;
        };
        let facts_id: i64 = db::DbRow::try_get(&row, 0)?;
        if explicit
            .as_ref()
            .is_some_and(|ids| ids.binary_search(&facts_id).is_err())
        {
            continue;
        }
        let mut facts = decode::contact(&row, with_attributes)?;
        if filter_in_rust && !audience.conditions.matches(&facts) {
            continue;
        }
        touches.take(facts_id, decode::touch, &mut ledger).await?;
        interactions
            .take(facts_id, decode::interaction, &mut inbound)
            .await?;
        claims.take(facts_id, decode::claim, &mut claim).await?;
        firsts
            .take(facts_id, decode::first_inbound, &mut first)
            .await?;
        facts.claim = claim.first().copied();
        facts.first_inbound_at = first.first().copied();
        let verdict = evaluator.verdict(&facts, Ledger::new(&ledger, &inbound), proposed);
        tally.add(verdict, &facts, &ledger, &inbound);
    }
    let mut conn = pool.acquire().await?;
    let names = all_names(&mut conn).await?;
    let mut preview = tally.finish(&mut evaluator, &touch, request.horizon, &names);
    let sampled = preview.samples.values().flatten().map(|s| s.contact);
    let contacts = contact_names(&mut conn, sampled.collect::<Vec<_>>()).await?;
    for sample in preview.samples.values_mut().flatten() {
        sample.name = contacts.get(&sample.contact).cloned().unwrap_or_default();
    }
    Ok(preview)
}
