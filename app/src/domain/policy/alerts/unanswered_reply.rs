//! `unanswered_reply`: an inbound reply, call or form with no outbound touch from the owner
//! (or, for an unowned contact, from a person) within the SLA, in business hours.

use super::business_hours::deadline;
use crate::domain::conflict::{Alert, AlertId};
use crate::domain::contact::ContactFacts;
use crate::domain::ledger::Ledger;
use crate::domain::policy::format_instant;
use crate::domain::rules::params::ReplySla;
use crate::domain::vocabulary::InteractionKind;
use chrono::{DateTime, Utc};

/// The alert for the earliest inbound interaction still unanswered past its deadline.
pub(super) fn check(
    contact: &ContactFacts,
    ledger: Ledger<'_>,
    sla: &ReplySla,
    now: DateTime<Utc>,
) -> Option<Alert> {
    let owner = contact.owner();
    let answered = |since: DateTime<Utc>| {
        ledger.touches.iter().any(|t| {
            t.counts()
                && t.scheduled_at >= since
                && t.scheduled_at <= now
                && owner.map_or(!t.automated && t.campaign.is_none(), |o| t.author == o)
        })
    };
    let waiting = ledger
        .interactions
        .iter()
        .filter(|i| i.kind.expects_answer() && i.at <= now && !answered(i.at))
        .min_by_key(|i| (i.at, i.id))?;
    let due = deadline(waiting.at, sla, contact.time_zone);
    if due > now {
        return None;
    }
    let zone = contact.time_zone;
    let what = match waiting.kind {
        InteractionKind::CallIn => "Call-in",
        InteractionKind::Form => "Form",
        _ => "Reply",
    };
    let by = owner.map_or(String::new(), |o| format!(" by {}", ledger.names.user(o)));
    let days = sla.business_days;
    let plural = if days == 1 { "" } else { "s" };
    Some(Alert {
        alert: AlertId::UnansweredReply,
        message: format!(
            "{what} by {} on {} not answered{by} within {days} business day{plural} (due {})",
            waiting.channel.noun(),
            format_instant(waiting.at, zone),
            format_instant(due, zone)
        ),
        since: due,
    })
}
