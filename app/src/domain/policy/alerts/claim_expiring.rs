//! `claim_expiring`: a claim that will lapse because its owner has done no outbound work.

use crate::domain::conflict::{Alert, AlertId};
use crate::domain::contact::ContactFacts;
use crate::domain::ledger::Ledger;
use crate::domain::policy::format_instant;
use crate::domain::rules::params::ClaimIdle;
use chrono::{DateTime, TimeDelta, Utc};

/// The alert when the owner has been idle for `idle` and nothing planned renews the claim.
pub(super) fn check(
    contact: &ContactFacts,
    ledger: Ledger<'_>,
    params: &ClaimIdle,
    now: DateTime<Utc>,
) -> Option<Alert> {
    let claim = contact.claim?;
    if claim.expires_at <= now {
        return None;
    }
    let by_owner = || {
        ledger
            .touches
            .iter()
            .filter(move |t| t.counts() && t.author == claim.owner)
    };
    if by_owner().any(|t| t.scheduled_at > now && t.scheduled_at < claim.expires_at) {
        return None;
    }
    let last_work = by_owner()
        .map(|t| t.scheduled_at)
        .filter(|at| *at <= now)
        .fold(claim.since, DateTime::max);
    let idle = TimeDelta::minutes(i64::from(params.idle.as_minutes()));
    if now - last_work < idle {
        return None;
    }
    let zone = contact.time_zone;
    Some(Alert {
        alert: AlertId::ClaimExpiring,
        message: format!(
            "Claim by {} lapses {}: no outbound work for {} d (since {})",
            ledger.names.user(claim.owner),
            format_instant(claim.expires_at, zone),
            (now - last_work).num_days(),
            format_instant(last_work, zone)
        ),
        since: last_work + idle,
    })
}
