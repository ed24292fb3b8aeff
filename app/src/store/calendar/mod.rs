//! The team calendar's reads, shaped for scale: per-day totals from the `touch_hours` summary
//! (whole hours) plus the part-hours a day boundary cuts (from `touch_quarters`), and the first
//! few touches of each day by an indexed range scan with a limit, narrowed by the summary to
//! the hours that hold them. A month at ten million touches never loads more than a few hundred
//! touch rows.

mod choices;
mod filter_sql;
mod first;
pub mod fold;
mod spans;
mod totals;

pub use choices::filter_choices;
pub use first::first_touches;
pub use spans::{day_spans, DaySpan};
pub use totals::{day_totals, DayCount};

use crate::domain::ids::CampaignId;
use crate::domain::Channel;
use crate::models::calendar::{CalendarCampaign, CalendarDay, CalendarFilter};
use crate::store::db::{self, SqlBuilder};
use crate::store::rows::parsed;
use crate::store::StoreError;
use db::Db;
use std::collections::{BTreeMap, BTreeSet};

/// The days' totals and, for each day with touches, `per_day` of them from `offset` on.
/// `grouped` shows each campaign as one item per day with its count and lists only the touches
/// outside campaigns; otherwise every touch is listed.
pub async fn calendar_days(
    pool: &Db,
    spans: &[DaySpan],
    filter: &CalendarFilter,
    per_day: u32,
    offset: u32,
    grouped: bool,
) -> Result<Vec<CalendarDay>, StoreError> {
    let needed = i64::from(offset) + i64::from(per_day);
    let counts = day_totals(pool, spans, filter, needed, grouped).await?;
    let ids: BTreeSet<i64> = counts
        .iter()
        .flat_map(|c| c.campaigns.keys().copied())
        .collect();
    let named = campaign_names(pool, &ids).await?;
    let mut days = Vec::with_capacity(spans.len());
    for (span, count) in spans.iter().zip(counts) {
        let touches = if count.listed > i64::from(offset) {
            first_touches(pool, count.window, filter, per_day, offset, grouped).await?
        } else {
            Vec::new()
        };
        let mut campaigns: Vec<CalendarCampaign> = count
            .campaigns
            .iter()
            .filter(|(_, &(n, _))| n > 0)
            .filter_map(|(id, &(n, cancelled))| {
                named.get(id).map(|(title, channel)| CalendarCampaign {
                    id: CampaignId(*id),
                    title: title.clone(),
                    channel: *channel,
                    recipients: n,
                    cancelled,
                })
            })
            .collect();
        campaigns.sort_by(|a, b| b.recipients.cmp(&a.recipients).then(a.id.0.cmp(&b.id.0)));
        days.push(CalendarDay {
            date: span.date,
            total: count.total,
            campaigns,
            listed: count.listed,
            touches,
        });
    }
    Ok(days)
}

/// The title and channel of each campaign in `ids`.
async fn campaign_names(
    pool: &Db,
    ids: &BTreeSet<i64>,
) -> Result<BTreeMap<i64, (String, Channel)>, StoreError> {
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let mut sql: SqlBuilder =
        SqlBuilder::new("SELECT id, title, channel FROM campaigns WHERE id IN (");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        sql.push_bind(*id);
    }
    sql.push(")");
    let rows = sql
        .build_query_as::<(i64, String, String)>()
        .fetch_all(pool)
        .await?;
    rows.into_iter()
        .map(|(id, title, channel)| Ok((id, (title, parsed(Channel::parse(&channel))?))))
        .collect()
}
