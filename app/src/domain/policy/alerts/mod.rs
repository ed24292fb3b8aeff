//! Alerts about a contact rather than one touch: `unanswered_reply`, `cadence_gap`,
//! `claim_expiring`. Computed for an instant `now` given by the caller.

mod business_hours;
mod cadence_gap;
mod claim_expiring;
mod unanswered_reply;

use crate::domain::conflict::Alert;
use crate::domain::contact::ContactFacts;
use crate::domain::ledger::Ledger;
use crate::domain::rules::Rules;
use chrono::{DateTime, Utc};

/// Every alert that holds for the contact at `now`, ordered by `since`, then alert id. The
/// ledger should reach back far enough for the cadence (e.g. 90 days).
pub fn alerts(
    contact: &ContactFacts,
    ledger: Ledger<'_>,
    rules: &Rules,
    now: DateTime<Utc>,
) -> Vec<Alert> {
    let mut out = Vec::new();
    if rules.unanswered_reply.enabled {
        out.extend(unanswered_reply::check(
            contact,
            ledger,
            &rules.unanswered_reply.params,
            now,
        ));
    }
    if rules.cadence_gap.enabled {
        out.extend(cadence_gap::check(
            contact,
            ledger,
            &rules.cadence_gap.params,
            now,
        ));
    }
    if rules.claim_expiring.enabled {
        out.extend(claim_expiring::check(
            contact,
            ledger,
            &rules.claim_expiring.params,
            now,
        ));
    }
    out.sort_by(|a, b| (a.since, a.alert, &a.message).cmp(&(b.since, b.alert, &b.message)));
    out
}
