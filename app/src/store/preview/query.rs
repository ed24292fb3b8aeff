//! The preview's ordered range queries (constant SQL, so each is prepared once per
//! connection) and the bare scan the benchmark compares against.

use super::merge::Cursor;
use super::AudienceQuery;
use crate::domain::{Rules, Stage};
use crate::store::db::{self, Db, DbRow};
use chrono::{DateTime, TimeDelta, Utc};
use futures_util::stream::BoxStream;

type Rows<'a> = BoxStream<'a, Result<DbRow, sqlx::Error>>;

/// The contact columns [`super::decode::contact`] reads.
macro_rules! contact_select {
    () => {
        "SELECT id, stage, timezone, attributes, consent_email, consent_sms, consent_phone, \
         consent_mail, do_not_contact, email IS NOT NULL, phone IS NOT NULL, \
         COALESCE(address, '') <> '', country, region, area_code_region, jurisdiction_source, \
         CASE WHEN jurisdiction_source IS NULL THEN address END, \
         CASE WHEN jurisdiction_source IS NULL THEN phone END, suppressed FROM contacts "
    };
}

/// The instants (Unix seconds, half-open) of the ledger a preview reads around its send time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LedgerWindow {
    /// First instant read.
    pub from: i64,
    /// First instant not read.
    pub to: i64,
}

/// Every window a rule looks back or ahead, plus mail's in-home days, before the send time;
/// after it, the same plus the horizon for next-allowed slots.
pub fn ledger_window(rules: &Rules, at: DateTime<Utc>, horizon: TimeDelta) -> LedgerWindow {
    let spans = [
        rules.daily_cap.params.window,
        rules.weekly_cap.params.window,
        rules.min_gap.params.gap,
        rules.channel_mix.params.window,
        rules.customer_promo.params.window,
        rules.cross_team.params.window,
    ];
    let cooldown = &rules.first_touch_cooldown.params;
    let longest = spans
        .iter()
        .map(|s| s.as_millis())
        .chain([cooldown.cooldown.as_millis() + cooldown.window.as_millis()])
        .max()
        .unwrap_or(0)
        / 1000;
    let reach = longest + (i64::from(rules.mail_in_home.max_days) + 1) * 86_400;
    let at = at.timestamp();
    LedgerWindow {
        from: at - reach,
        to: at + horizon.num_seconds() + reach,
    }
}

/// The five stage values to bind for `(stage || '') IN (?, ?, ?, ?, ?)` (repeats when fewer).
/// The `|| ''` keeps the planner walking contacts in id order instead of sorting the output of
/// the stage index (portable: PostgreSQL reads it the same way).
fn stages(audience: &AudienceQuery) -> [&'static str; 5] {
    let chosen: &[Stage] = if audience.stages.is_empty() {
        Stage::ALL
    } else {
        &audience.stages
    };
    std::array::from_fn(|i| chosen[i % chosen.len()].as_str())
}

/// The first and last contact ids the recipients can have.
pub(super) async fn id_range<'a>(
    pool: impl Into<db::Ex<'a>>,
    audience: &AudienceQuery,
    explicit: Option<&[i64]>,
    filter_in_rust: bool,
) -> Result<(i64, i64), sqlx::Error> {
    if let Some(ids) = explicit {
        return Ok((*ids.first().unwrap_or(&0), *ids.last().unwrap_or(&-1)));
    }
    let Some(limit) = audience.limit.filter(|_| !filter_in_rust) else {
        return Ok((i64::MIN, i64::MAX));
    };
    let [a, b, c, d, e] = stages(audience);
    let last: Option<i64> = db::query_scalar(
        "SELECT MAX(id) FROM (SELECT id FROM contacts WHERE (stage || '') IN (?, ?, ?, ?, ?) \
         ORDER BY id LIMIT ?) AS first_ones",
    )
    .bind(a)
    .bind(b)
    .bind(c)
    .bind(d)
    .bind(e)
    .bind(i64::try_from(limit).unwrap_or(i64::MAX))
    .fetch_one(pool)
    .await?;
    Ok((i64::MIN, last.unwrap_or(-1)))
}

/// The candidate recipients, by id.
pub(super) fn contacts<'a>(
    pool: &'a Db,
    audience: &AudienceQuery,
    (first, last): (i64, i64),
) -> Rows<'a> {
    let [a, b, c, d, e] = stages(audience);
    db::query(concat!(
        contact_select!(),
        "WHERE id BETWEEN ? AND ? AND (stage || '') IN (?, ?, ?, ?, ?) ORDER BY id"
    ))
    .bind(first)
    .bind(last)
    .bind(a)
    .bind(b)
    .bind(c)
    .bind(d)
    .bind(e)
    .fetch(pool)
}

const TOUCHES: &str = "SELECT contact_id, id, channel, purpose, team_id, author_id, campaign_id, \
     scheduled_at, status, automated, personalized FROM touches \
     WHERE contact_id BETWEEN ? AND ? AND scheduled_at >= ? AND scheduled_at < ? \
     ORDER BY contact_id, scheduled_at";

/// At most `count` candidate recipients with ids in `(after, last]`, by id: one chunk of a
/// read on a single connection (inside a campaign's write transaction), where the queries
/// cannot overlap. On PostgreSQL the chunk's contacts are locked as they are read (in id
/// order, so two campaigns never deadlock), before their ledgers are read.
pub(super) fn contacts_after<'a>(
    conn: impl Into<db::Ex<'a>>,
    audience: &AudienceQuery,
    (after, last): (i64, i64),
    count: usize,
) -> Rows<'a> {
    let [a, b, c, d, e] = stages(audience);
    db::query(db::Sql::dialects(
        concat!(
            contact_select!(),
            "WHERE id > ? AND id <= ? AND (stage || '') IN (?, ?, ?, ?, ?) ORDER BY id LIMIT ?"
        ),
        concat!(
            contact_select!(),
            "WHERE id > ? AND id <= ? AND (stage || '') IN (?, ?, ?, ?, ?) ORDER BY id LIMIT ? \
             FOR UPDATE"
        ),
    ))
    .bind(after)
    .bind(last)
    .bind(a)
    .bind(b)
    .bind(c)
    .bind(d)
    .bind(e)
    .bind(i64::try_from(count).unwrap_or(i64::MAX))
    .fetch(conn)
}

/// The recipients' touches in the window, by contact and time.
pub(super) fn touches<'a>(
    pool: impl Into<db::Ex<'a>>,
    (first, last): (i64, i64),
    w: LedgerWindow,
) -> Rows<'a> {
    db::query(TOUCHES)
        .bind(first)
        .bind(last)
        .bind(w.from)
        .bind(w.to)
        .fetch(pool)
}

/// The recipients' interactions in the window, by contact and time.
pub(super) fn interactions<'a>(
    pool: impl Into<db::Ex<'a>>,
    (first, last): (i64, i64),
    w: LedgerWindow,
) -> Rows<'a> {
    db::query(
        "SELECT contact_id, id, kind, channel, at FROM interactions \
         WHERE contact_id BETWEEN ? AND ? AND at >= ? AND at < ? ORDER BY contact_id, at",
    )
    .bind(first)
    .bind(last)
    .bind(w.from)
    .bind(w.to)
    .fetch(pool)
}

/// Each recipient's first inbound interaction ever (for the first-touch cool-down), by contact.
pub(super) fn first_inbound<'a>(
    pool: impl Into<db::Ex<'a>>,
    (first, last): (i64, i64),
) -> Rows<'a> {
    db::query(
        "SELECT contact_id, MIN(at) FROM interactions \
         WHERE contact_id BETWEEN ? AND ? AND kind <> 'unsubscribe' \
         GROUP BY contact_id ORDER BY contact_id",
    )
    .bind(first)
    .bind(last)
    .fetch(pool)
}

/// The recipients' claims still open and live at `at`, by contact.
pub(super) fn claims<'a>(
    pool: impl Into<db::Ex<'a>>,
    (first, last): (i64, i64),
    at: i64,
) -> Rows<'a> {
    db::query(
        "SELECT contact_id, user_id, claimed_at, expires_at FROM claims \
         WHERE ended_at IS NULL AND contact_id BETWEEN ? AND ? AND expires_at > ? \
         ORDER BY contact_id",
    )
    .bind(first)
    .bind(last)
    .bind(at)
    .fetch(pool)
}

/// The bare indexed range scan a preview is measured against: the same touches query over the
/// contacts `first..=last` and the window, rows only counted. Returns the row count.
pub async fn bare_scan(
    pool: &Db,
    first: i64,
    last: i64,
    window: LedgerWindow,
) -> Result<u64, sqlx::Error> {
    Cursor::new(touches(pool, (first, last), window))
        .count()
        .await
}
