//! A campaign's touches, inserted in multi-row batches (store/batch.rs) on the transaction's
//! connection.

use super::plan::PlannedTouch;
use super::NewCampaign;
use crate::domain::Audience;
use crate::store::batch::{insert_sql, rows_per_statement};
use crate::store::db;
use crate::store::rows::{secs, to_json};
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use db::Conn;

const COLUMNS: &[&str] = &[
    "contact_id",
    "channel",
    "purpose",
    "team_id",
    "author_id",
    "campaign_id",
    "scheduled_at",
    "title",
    "notes",
    "automated",
    "personalized",
    "audience",
    "status",
    "conflicts",
    "version",
    "created_at",
    "updated_at",
];

/// Touches waiting to be inserted, flushed a full statement at a time.
pub(super) struct TouchBatch<'c> {
    campaign: &'c NewCampaign,
    id: i64,
    audience: Option<String>,
    automated: bool,
    personalized: bool,
    now: i64,
    rows: Vec<PlannedTouch>,
}

impl<'c> TouchBatch<'c> {
    /// Touches of campaign `id`, as `touch` describes them (flags, audience), created `now`.
    pub(super) fn new(
        campaign: &'c NewCampaign,
        id: i64,
        touch: &crate::domain::ProposedTouch,
        now: DateTime<Utc>,
    ) -> TouchBatch<'c> {
        TouchBatch {
            campaign,
            id,
            audience: touch.audience.as_ref().map(Audience::to_string),
            automated: touch.automated,
            personalized: touch.personalized,
            now: secs(now),
            rows: Vec::new(),
        }
    }

    /// Adds a touch, inserting the batch when it is full.
    pub(super) async fn push(
        &mut self,
        conn: &mut Conn,
        touch: PlannedTouch,
    ) -> Result<(), StoreError> {
        self.rows.push(touch);
        if self.rows.len() >= rows_per_statement(COLUMNS.len()) {
            self.flush(conn).await?;
        }
        Ok(())
    }

    /// Inserts the touches waiting.
    pub(super) async fn flush(&mut self, conn: &mut Conn) -> Result<(), StoreError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let sql = insert_sql("touches", COLUMNS, self.rows.len());
        let c = self.campaign;
        let mut query = db::query(&sql);
        for row in &self.rows {
            query = query
                .bind(row.contact)
                .bind(c.channel.as_str())
                .bind(c.purpose.as_str())
                .bind(c.team.0)
                .bind(c.author.0)
                .bind(self.id)
                .bind(secs(row.at))
                .bind(&c.title)
                .bind("")
                .bind(self.automated)
                .bind(self.personalized)
                .bind(self.audience.clone())
                .bind(row.status.as_str())
                .bind(to_json(&row.conflicts))
                .bind(1_i64)
                .bind(self.now)
                .bind(self.now);
        }
        query.execute(&mut *conn).await?;
        self.rows.clear();
        Ok(())
    }
}
