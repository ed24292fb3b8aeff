//! What the calendar's filter form offers: every team, the users who can own contacts, and
//! the campaigns sent in the shown range (plus the one selected, wherever it is).

use crate::domain::ids::CampaignId;
use crate::models::calendar::{Choice, FilterChoices};
use crate::store::db;
use crate::store::StoreError;
use db::Db;

/// At most this many campaigns are offered.
const CAMPAIGNS: i64 = 200;

/// The choices for a range `[from, to)` in Unix seconds.
pub async fn filter_choices(
    pool: &Db,
    from: i64,
    to: i64,
    selected: Option<CampaignId>,
) -> Result<FilterChoices, StoreError> {
    let teams = choices(
        db::query_as("SELECT id, name FROM teams ORDER BY name, id"),
        pool,
    )
    .await?;
    let owners = choices(
        db::query_as(
            "SELECT id, name FROM users WHERE role IN ('rep', 'manager') ORDER BY name, id",
        ),
        pool,
    )
    .await?;
    let campaigns = choices(
        db::query_as(
            "SELECT id, title FROM campaigns
             WHERE (scheduled_at >= ? AND scheduled_at < ?) OR id = ?
             ORDER BY scheduled_at, id LIMIT ?",
        )
        .bind(from)
        .bind(to)
        .bind(selected.map(|c| c.0))
        .bind(CAMPAIGNS),
        pool,
    )
    .await?;
    Ok(FilterChoices {
        teams,
        owners,
        campaigns,
    })
}

async fn choices(query: db::QueryAs<(i64, String)>, pool: &Db) -> Result<Vec<Choice>, StoreError> {
    Ok(query
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|(id, name)| Choice { id, name })
        .collect())
}
