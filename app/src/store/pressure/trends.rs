//! Ghosted and breadcrumbed contacts per week: honest SQL proxies for the engine's
//! `unanswered_reply` and `cadence_gap` alerts, which are computed per contact and too costly
//! to replay over every week of a large ledger.
//!
//! - ghosted: contacts with an inbound reply, call-in or form that got no outbound touch within
//!   24 hours (`unanswered_reply` counts one business day; 24 h is the calendar approximation);
//! - breadcrumbed: owned contacts (an open claim, as `cadence_gap` considers owned contacts)
//!   touched again after a silence of 14 days or more, having been touched before
//!   (`cadence_gap`'s smallest allowance is 14 days: stop, then start again).

use super::{Range, OUTBOUND, WEEK};
use crate::store::db;
use crate::store::StoreError;
use db::Db;

/// The silence after which a resumed touch counts as breadcrumbing.
const SILENCE: i64 = 14 * 24 * 3600;
/// The answer time after which an inbound interaction counts as ghosted.
pub(super) const ANSWER: i64 = 24 * 3600;

/// One week's counts (week 0 starts at the range's start).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct WeekTrend {
    /// Contacts ghosted that week.
    pub ghosted: i64,
    /// Contacts breadcrumbed that week.
    pub breadcrumbed: i64,
}

/// The inbound interactions (`i`) in the range (`?1`..`?2`, team `?3`) judged by `?4` that no
/// outbound touch answered within a day, joined with `join`.
pub(super) fn ghosted_from(join: &str) -> String {
    format!(
        "FROM interactions i {join}
         WHERE i.at >= ?1 AND i.at < ?2 AND i.at < ?4 AND i.kind IN ('reply', 'call_in', 'form')
           AND (?3 IS NULL OR EXISTS (
               SELECT 1 FROM claims c JOIN users u ON u.id = c.user_id
               WHERE c.contact_id = i.contact_id AND c.ended_at IS NULL AND u.team_id = ?3))
           AND NOT EXISTS (
               SELECT 1 FROM touches t
               WHERE t.contact_id = i.contact_id AND t.scheduled_at >= i.at
                 AND t.scheduled_at < i.at + {ANSWER} AND t.status IN {OUTBOUND})"
    )
}

/// The outbound touches (`t`) in the range (`?1`..`?2`, team `?3`) to owned contacts that
/// come after a silence of [`SILENCE`] or more, joined with `join`.
pub(super) fn breadcrumbed_from(join: &str) -> String {
    format!(
        "FROM claims c CROSS JOIN touches t {join}
         WHERE c.ended_at IS NULL AND t.contact_id = c.contact_id
           AND t.scheduled_at >= ?1 AND t.scheduled_at < ?2 AND t.status IN {OUTBOUND}
           AND (?3 IS NULL OR t.team_id = ?3)
           AND t.scheduled_at - (SELECT MAX(p.scheduled_at) FROM touches p
                                 WHERE p.contact_id = t.contact_id
                                   AND p.scheduled_at < t.scheduled_at
                                   AND p.status IN {OUTBOUND}) >= {SILENCE}"
    )
}

/// One entry per week of the range. Inbound interactions less than 24 h before `now` are not
/// judged yet.
pub async fn weekly_trends(
    pool: &Db,
    range: Range,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<WeekTrend>, StoreError> {
    let (from, to, team) = range.bounds();
    let mut weeks = vec![WeekTrend::default(); range.weeks() as usize];
    let ghosted = format!(
        "SELECT (i.at - ?1) / {WEEK} AS week, COUNT(DISTINCT i.contact_id) {} GROUP BY week",
        ghosted_from("")
    );
    let rows = db::query_as::<(i64, i64)>(&ghosted)
        .bind(from)
        .bind(to)
        .bind(team)
        .bind(now.timestamp() - ANSWER)
        .fetch_all(pool)
        .await?;
    for (week, n) in rows {
        if let Some(w) = usize::try_from(week).ok().and_then(|w| weeks.get_mut(w)) {
            w.ghosted = n;
        }
    }
    let breadcrumbed = format!(
        "SELECT (t.scheduled_at - ?1) / {WEEK} AS week, COUNT(DISTINCT t.contact_id) {}
         GROUP BY week",
        breadcrumbed_from("")
    );
    let rows = db::query_as::<(i64, i64)>(&breadcrumbed)
        .bind(from)
        .bind(to)
        .bind(team)
        .fetch_all(pool)
        .await?;
    for (week, n) in rows {
        if let Some(w) = usize::try_from(week).ok().and_then(|w| weeks.get_mut(w)) {
            w.breadcrumbed = n;
        }
    }
    Ok(weeks)
}
