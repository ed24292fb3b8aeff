//! The week's pressure highlights for the start page, read with the pressure dashboard's own
//! queries over the viewer's current week (Monday to Sunday), all teams.

use crate::domain::{RuleId, TimeZone};
use crate::models::week_pressure::WeekPressure;
use crate::store::db::Db;
use crate::store::pressure::{conflicts, named, touches_per_contact_week, weekly_trends, Range};
use crate::store::rules::current_rules;
use crate::store::StoreError;
use chrono::{DateTime, Datelike, Days, NaiveTime, Utc};
use std::collections::BTreeMap;

/// How many ghosted and breadcrumbed contacts are named.
const NAMED: u32 = 3;

/// The week of `now` in `zone`, in a few numbers.
pub async fn week_pressure(
    pool: &Db,
    zone: TimeZone,
    now: DateTime<Utc>,
) -> Result<WeekPressure, StoreError> {
    let today = zone.local(now).date();
    let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    let sunday = monday + Days::new(6);
    let range = Range {
        from: zone.instant(monday, NaiveTime::MIN),
        to: zone.instant(sunday + Days::new(1), NaiveTime::MIN),
        team: None,
    };
    let cap = i64::from(current_rules(pool).await?.weekly_cap.params.limit);
    let per_week = touches_per_contact_week(pool, range, cap).await?;
    let count = |n: i64| u64::try_from(n).unwrap_or_default();
    let touched = per_week.iter().map(|(_, n)| count(*n)).sum();
    let at_cap = per_week
        .iter()
        .filter(|(touches, _)| *touches >= cap)
        .map(|(_, n)| count(*n))
        .sum();
    let mut by_rule: BTreeMap<RuleId, u64> = BTreeMap::new();
    for c in conflicts(pool, range).await? {
        if let Ok(rule) = RuleId::parse(&c.rule) {
            *by_rule.entry(rule).or_default() += count(c.count);
        }
    }
    let mut top_rules: Vec<(RuleId, u64)> = by_rule.into_iter().collect();
    top_rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    top_rules.truncate(3);
    let trend = weekly_trends(pool, range, now).await?;
    let (ghosted, breadcrumbed) = named(pool, range, now, NAMED).await?;
    Ok(WeekPressure {
        from: monday,
        to: sunday,
        cap,
        at_cap,
        touched,
        top_rules,
        ghosted,
        ghosted_total: trend.iter().map(|w| count(w.ghosted)).sum(),
        breadcrumbed,
        breadcrumbed_total: trend.iter().map(|w| count(w.breadcrumbed)).sum(),
    })
}
