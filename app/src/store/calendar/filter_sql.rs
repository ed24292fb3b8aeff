//! The calendar filter as SQL conditions, for `touches t` or a summary `s` (`touch_hours`,
//! `touch_quarters`).

use crate::models::calendar::CalendarFilter;
use crate::store::db::SqlBuilder;

/// Whether the summary can answer the filter: the owner is not among its columns.
pub fn summary_answers(filter: &CalendarFilter) -> bool {
    filter.owner.is_none()
}

/// Appends ` AND …` for each set field; `alias` is `t` (touches) or `s` (summary, which has
/// no owner: check [`summary_answers`] first).
pub fn push_filter(sql: &mut SqlBuilder, filter: &CalendarFilter, alias: &str) {
    if let Some(team) = filter.team {
        sql.push(format!(" AND {alias}.team_id = "))
            .push_bind(team.0);
    }
    if let Some(channel) = filter.channel {
        sql.push(format!(" AND {alias}.channel = "))
            .push_bind(channel.as_str());
    }
    if let Some(purpose) = filter.purpose {
        sql.push(format!(" AND {alias}.purpose = "))
            .push_bind(purpose.as_str());
    }
    if let Some(status) = filter.status {
        sql.push(format!(" AND {alias}.status = "))
            .push_bind(status.as_str());
    }
    if let Some(campaign) = filter.campaign {
        sql.push(format!(" AND {alias}.campaign_id = "))
            .push_bind(campaign.0);
    }
    if let Some(owner) = filter.owner {
        sql.push(format!(
            " AND {alias}.contact_id IN (SELECT contact_id FROM claims WHERE ended_at IS NULL AND user_id = "
        ))
        .push_bind(owner.0)
        .push(")");
    }
}
