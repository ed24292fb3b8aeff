//! `cadence_gap`: an owned lead, opportunity or customer whose owner's sequence stopped for
//! longer than its own cadence allows (breadcrumbing: stop-start follow-up).

use crate::domain::conflict::{Alert, AlertId};
use crate::domain::contact::ContactFacts;
use crate::domain::ledger::Ledger;
use crate::domain::policy::format_instant;
use crate::domain::rules::params::Cadence;
use crate::domain::vocabulary::{Purpose, Stage};
use chrono::{DateTime, TimeDelta, Utc};

fn words(delta: TimeDelta) -> String {
    let hours = delta.num_hours();
    if hours >= 48 {
        format!("{} d", hours / 24)
    } else {
        format!("{hours} h")
    }
}

/// The alert when the owner's last touch is older than the allowed gap.
pub(super) fn check(
    contact: &ContactFacts,
    ledger: Ledger<'_>,
    cadence: &Cadence,
    now: DateTime<Utc>,
) -> Option<Alert> {
    let owner = contact.owner()?;
    if !matches!(
        contact.stage,
        Stage::Lead | Stage::Opportunity | Stage::Customer
    ) {
        return None;
    }
    let mut times: Vec<DateTime<Utc>> = ledger
        .touches
        .iter()
        .filter(|t| t.counts() && t.author == owner && t.purpose != Purpose::Transactional)
        .map(|t| t.scheduled_at)
        .filter(|at| *at <= now)
        .collect();
    if times.len() < cadence.min_touches as usize {
        return None;
    }
    times.sort_unstable();
    let mut gaps: Vec<TimeDelta> = times.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort_unstable();
    let middle = gaps.len() / 2;
    let median = if gaps.len() % 2 == 1 {
        gaps[middle]
    } else {
        (gaps[middle - 1] + gaps[middle]) / 2
    };
    let factor = i32::try_from(cadence.factor).unwrap_or(i32::MAX);
    let allowed =
        (median * factor).max(TimeDelta::minutes(i64::from(cadence.at_least.as_minutes())));
    let last = *times.last()?;
    if now - last <= allowed {
        return None;
    }
    Some(Alert {
        alert: AlertId::CadenceGap,
        message: format!(
            "No touch from {} for {} (last {}); their cadence was every {}, allowed gap {}",
            ledger.names.user(owner),
            words(now - last),
            format_instant(last, contact.time_zone),
            words(median),
            words(allowed)
        ),
        since: last + allowed,
    })
}
