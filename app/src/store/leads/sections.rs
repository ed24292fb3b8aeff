//! The leads board's plain sections: hot leads, my contacts and lapsing claims.

use super::capped::{capped, Page, Section};
use crate::domain::ids::UserId;
use crate::models::leads::{Capped, LapsingScope};
use crate::store::db;
use crate::store::rows::secs;
use crate::store::StoreError;
use chrono::{DateTime, TimeDelta, Utc};
use db::Conn;

/// Contacts with an inbound interaction of one of these kinds within [`HOT_FOR`] are hot.
const HOT_KINDS: &str = "('reply', 'download', 'webinar', 'form', 'call_in')";

/// How long an inbound interaction keeps a lead hot.
pub const HOT_FOR: TimeDelta = TimeDelta::days(30);

/// Prospects, leads and opportunities with a recent hot interaction, latest interaction first;
/// only unowned ones unless `include_owned`.
pub async fn hot(
    conn: &mut Conn,
    viewer: UserId,
    include_owned: bool,
    now: DateTime<Utc>,
    page: Page,
) -> Result<Capped, StoreError> {
    let filter = format!(
        "c.id IN (SELECT h.contact_id FROM interactions h WHERE h.at >= ? AND h.at <= ? \
         AND h.kind IN {HOT_KINDS}) \
         AND c.stage IN ('prospect', 'lead', 'opportunity') AND (cl.id IS NULL OR ? = 1)"
    );
    let section = Section {
        filter: &filter,
        args: vec![secs(now - HOT_FOR), secs(now), i64::from(include_owned)],
        order: "li.at DESC, c.id",
    };
    capped(conn, section, viewer, now, page).await
}

/// The contacts `viewer` owns, soonest expiry first.
pub async fn mine(
    conn: &mut Conn,
    viewer: UserId,
    now: DateTime<Utc>,
    page: Page,
) -> Result<Capped, StoreError> {
    let section = Section {
        filter: "cl.user_id = ?",
        args: vec![viewer.0],
        order: "cl.expires_at, c.id",
    };
    capped(conn, section, viewer, now, page).await
}

/// Live claims in `scope` that lapse within `within` of `now`, soonest first.
pub async fn lapsing(
    conn: &mut Conn,
    viewer: UserId,
    scope: LapsingScope,
    within: TimeDelta,
    now: DateTime<Utc>,
    page: Page,
) -> Result<Capped, StoreError> {
    let deadline = secs(now + within);
    let (filter, args) = match scope {
        LapsingScope::Owner(owner) => ("cl.expires_at <= ? AND cl.user_id = ?", vec![owner.0]),
        LapsingScope::Team(team) => ("cl.expires_at <= ? AND u.team_id = ?", vec![team.0]),
        LapsingScope::All => ("cl.expires_at <= ?", vec![]),
    };
    let section = Section {
        filter,
        args: [vec![deadline], args].concat(),
        order: "cl.expires_at, c.id",
    };
    capped(conn, section, viewer, now, page).await
}
