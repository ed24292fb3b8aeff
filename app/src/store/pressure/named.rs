//! The ghosted and breadcrumbed contacts of a range by name, the latest first: the people
//! behind the dashboard's weekly counts (the same conditions, see `trends`).

use super::trends::{breadcrumbed_from, ghosted_from, ANSWER};
use super::Range;
use crate::domain::ids::ContactId;
use crate::models::named_contact::NamedContact;
use crate::store::db::{self, Db};
use crate::store::rows::instant;
use crate::store::StoreError;
use chrono::{DateTime, Utc};

/// The contacts ghosted and breadcrumbed in the range, at most `limit` of each, latest first.
pub async fn named(
    pool: &Db,
    range: Range,
    now: DateTime<Utc>,
    limit: u32,
) -> Result<(Vec<NamedContact>, Vec<NamedContact>), StoreError> {
    let (from, to, team) = range.bounds();
    let ghosted = format!(
        "SELECT i.contact_id, ct.name, MAX(i.at) AS latest {}
         GROUP BY i.contact_id, ct.name ORDER BY latest DESC, i.contact_id LIMIT ?5",
        ghosted_from("JOIN contacts ct ON ct.id = i.contact_id")
    );
    let ghosted = db::query_as::<(i64, String, i64)>(&ghosted)
        .bind(from)
        .bind(to)
        .bind(team)
        .bind(now.timestamp() - ANSWER)
        .bind(i64::from(limit))
        .fetch_all(pool)
        .await?;
    let crumbs = format!(
        "SELECT t.contact_id, ct.name, MAX(t.scheduled_at) AS latest {}
         GROUP BY t.contact_id, ct.name ORDER BY latest DESC, t.contact_id LIMIT ?4",
        breadcrumbed_from("JOIN contacts ct ON ct.id = t.contact_id")
    );
    let crumbs = db::query_as::<(i64, String, i64)>(&crumbs)
        .bind(from)
        .bind(to)
        .bind(team)
        .bind(i64::from(limit))
        .fetch_all(pool)
        .await?;
    let read = |rows: Vec<(i64, String, i64)>| {
        rows.into_iter()
            .map(|(id, name, at)| {
                Ok(NamedContact {
                    id: ContactId(id),
                    name,
                    at: instant(at)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()
    };
    Ok((read(ghosted)?, read(crumbs)?))
}
