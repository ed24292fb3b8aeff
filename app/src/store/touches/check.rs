//! Checking a touch without storing it: the dry run of scheduling and the send gate. Reads
//! only, on a [`Reader`] (on SQLite a plain connection: no write lock, no hand-off to a worker
//! thread), so it runs alongside writers.

use super::context::{load_with, read_on};
use super::schedule::ScheduleError;
use crate::domain::ids::ContactId;
use crate::domain::planning_time::{from_now_on, search_from};
use crate::domain::{Decision, Evaluator, NewTouch, ProposedTouch, Rules, Severity, TimeZone};
pub use crate::records::Checked;
use crate::store::{reader::Reader, refuse, Failure};
use chrono::{DateTime, TimeDelta, Utc};

/// How far ahead the next allowed instant is searched.
pub const HORIZON: TimeDelta = TimeDelta::days(14);

/// What planning the touch would do, stored nowhere: refused as scheduling would refuse it (a
/// time that has passed), else [`check`]ed.
pub async fn dry_run(
    reader: &Reader,
    rules: &Rules,
    touch: &NewTouch,
    now: DateTime<Utc>,
    display: Option<TimeZone>,
) -> Result<Checked, Failure<ScheduleError>> {
    let p = &touch.proposed;
    from_now_on(p.scheduled_at, now).map_err(|e| Failure::Refused(e.into()))?;
    check(reader, rules, touch.contact, p, now, display).await
}

/// Evaluates the touch for the contact against `rules` (the stored ones: see
/// [`RulesCache`](crate::store::rules_cache::RulesCache)) and its ledger; stores nothing. The
/// explanations give times in `display` (a person reading them), else in the contact's zone.
#[tracing::instrument(skip_all, fields(contact.id = %contact))]
pub async fn check(
    reader: &Reader,
    rules: &Rules,
    contact: ContactId,
    touch: &ProposedTouch,
    now: DateTime<Utc>,
    display: Option<TimeZone>,
) -> Result<Checked, Failure<ScheduleError>> {
    let read = |conn: &_| {
        read_on(
            conn,
            rules.clone(),
            contact,
            touch.scheduled_at,
            HORIZON,
            now,
        )
    };
    let found = match reader {
        Reader::Sqlite(files) => files.read(read)?,
        // Three statements on one connection, without a transaction around them: BEGIN and
        // COMMIT would be two more round trips of six on the gate's path. A touch planned
        // between the reads is a race the answer could lose anyway (the gate advises; the
        // scheduling transaction decides under the contact's lock).
        Reader::Pool(pool) => {
            let mut conn = pool.acquire().await?;
            load_with(
                &mut conn,
                rules.clone(),
                contact,
                touch.scheduled_at,
                HORIZON,
                now,
            )
            .await?
        }
    };
    let Some(cx) = found else {
        return refuse(ScheduleError::ContactNotFound);
    };
    let mut evaluator = Evaluator::new(&cx.rules);
    if let Some(zone) = display {
        evaluator = evaluator.in_zone(zone);
    }
    let proposed = std::slice::from_ref(touch);
    let conflicts = evaluator.evaluate(&cx.facts, cx.ledger.view(), proposed);
    let decision = if conflicts.iter().any(|c| c.severity == Severity::Block) {
        Decision::Block
    } else if conflicts.is_empty() {
        Decision::Allow
    } else {
        Decision::Warn
    };
    // Never offered in the past: the search starts now at the earliest, and stays inside the
    // ledger read for the asked time's horizon.
    let from = search_from(touch.scheduled_at, now);
    let horizon = HORIZON - (from - touch.scheduled_at);
    let next_allowed_at = (horizon > TimeDelta::zero())
        .then(|| evaluator.next_allowed(&cx.facts, cx.ledger.view(), proposed, 0, from, horizon))
        .flatten();
    Ok(Checked {
        decision,
        conflicts,
        next_allowed_at,
    })
}
