//! The preview's reader on one connection, for writers that must read inside their own write
//! transaction (campaign creation): the same ordered range queries and decoding, but run one
//! after another over chunks of recipients (a connection runs one query at a time), never one
//! query per recipient.

use super::merge::Cursor;
use super::{decode, query, AudienceQuery, LedgerWindow};
use crate::domain::{ContactFacts, Interaction, ProposedTouch, Touch};
use crate::store::db::{self, Conn, DbRow};
use crate::store::StoreError;
use futures_util::{stream, StreamExt, TryStreamExt};

/// How many contacts one chunk reads.
const CHUNK: usize = 1_000;

/// One recipient with its ledger in the window.
#[derive(Clone, Debug)]
pub struct Recipient {
    /// The contact as the engine sees it (live claim and first inbound instant included).
    pub facts: ContactFacts,
    /// Its touches in the window (any status), by time.
    pub touches: Vec<Touch>,
    /// Its interactions in the window, by time.
    pub interactions: Vec<Interaction>,
}

/// The recipients of an audience, read chunk by chunk in contact-id order.
pub struct Recipients {
    audience: AudienceQuery,
    explicit: Option<Vec<i64>>,
    filter_in_rust: bool,
    with_attributes: bool,
    window: LedgerWindow,
    at: i64,
    after: i64,
    last: i64,
    left: u64,
}

impl Recipients {
    /// Starts reading the recipients of `audience`, with their ledgers in `window`, as of the
    /// send time `at` (for claims).
    pub async fn start(
        conn: &mut Conn,
        audience: &AudienceQuery,
        window: LedgerWindow,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<Recipients, StoreError> {
        let explicit = audience.contact_ids.as_ref().map(|ids| {
            let mut ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        });
        let with_attributes = !audience.conditions.conditions().is_empty();
        let filter_in_rust = explicit.is_none() && with_attributes;
        let (first, last) =
            query::id_range(&mut *conn, audience, explicit.as_deref(), filter_in_rust).await?;
        Ok(Recipients {
            audience: audience.clone(),
            explicit,
            filter_in_rust,
            with_attributes,
            window,
            at: at.timestamp(),
            after: first.saturating_sub(1),
            last,
            left: audience.limit.unwrap_or(u64::MAX),
        })
    }

    /// The touch each recipient gets, as the preview checks it: `touch` with the audience's
    /// conditions (when there are any).
    pub fn touch(&self, touch: &ProposedTouch) -> ProposedTouch {
        let mut touch = touch.clone();
        touch.audience = self
            .with_attributes
            .then(|| self.audience.conditions.clone());
        touch
    }

    /// The next recipients, in id order; empty when there are no more.
    pub async fn next_chunk(&mut self, conn: &mut Conn) -> Result<Vec<Recipient>, StoreError> {
        let mut facts = Vec::new();
        while facts.is_empty() && self.left > 0 && self.after < self.last {
            let range = (self.after, self.last);
            let rows: Vec<DbRow> = query::contacts_after(&mut *conn, &self.audience, range, CHUNK)
                .try_collect()
                .await?;
            let Some(last_row) = rows.last() else {
                self.after = self.last;
                break;
            };
            self.after = db::DbRow::try_get(last_row, 0)?;
            for row in &rows {
                if self.left == 0 {
                    break;
                }
                let id: i64 = db::DbRow::try_get(row, 0)?;
                if self
                    .explicit
                    .as_ref()
                    .is_some_and(|ids| ids.binary_search(&id).is_err())
                {
                    continue;
                }
                let one = decode::contact(row, self.with_attributes)?;
                if self.filter_in_rust && !self.audience.conditions.matches(&one) {
                    continue;
                }
                self.left -= 1;
                facts.push(one);
            }
        }
        let (Some(first), Some(last)) = (facts.first(), facts.last()) else {
            return Ok(Vec::new());
        };
        let range = (first.id.0, last.id.0);
        let mut touches = rows(query::touches(&mut *conn, range, self.window)).await?;
        let mut inbound = rows(query::interactions(&mut *conn, range, self.window)).await?;
        let mut claims = rows(query::claims(&mut *conn, range, self.at)).await?;
        let mut firsts = rows(query::first_inbound(&mut *conn, range)).await?;
        let (mut claim, mut first) = (vec![], vec![]);
        let mut out = Vec::with_capacity(facts.len());
        for mut facts in facts {
            let id = facts.id.0;
            let (mut ledger, mut interactions) = (Vec::new(), Vec::new());
            touches.take(id, decode::touch, &mut ledger).await?;
            inbound
                .take(id, decode::interaction, &mut interactions)
                .await?;
            claims.take(id, decode::claim, &mut claim).await?;
            firsts.take(id, decode::first_inbound, &mut first).await?;
            facts.claim = claim.first().copied();
            facts.first_inbound_at = first.first().copied();
            out.push(Recipient {
                facts,
                touches: ledger,
                interactions,
            });
        }
        Ok(out)
    }
}

/// Runs a query to the end and serves its rows as a cursor.
async fn rows(
    query: futures_util::stream::BoxStream<'_, Result<DbRow, sqlx::Error>>,
) -> Result<Cursor<'static>, sqlx::Error> {
    let all: Vec<DbRow> = query.try_collect().await?;
    Ok(Cursor::new(stream::iter(all.into_iter().map(Ok)).boxed()))
}
