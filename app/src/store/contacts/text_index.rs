//! SQLite's trigram index of contacts (`contact_text`, see its migration): how a substring
//! search reaches its candidates, and the background pass that keeps the index up to date.
//! PostgreSQL indexes the same expressions with `pg_trgm` and needs neither.

use super::substring::{Substring, PHONE_DIGITS};
use crate::store::db::{self, Conn, Db, Engine, SqlBuilder};
use crate::store::StoreError;

/// Beyond this many candidates a text is common ("son", "example"): walking the names in
/// order and stopping at a page's worth beats fetching every candidate and sorting them.
const DENSE: i64 = 20_000;

/// Contacts indexed or dropped per transaction (a few milliseconds of work), so that writers
/// never wait long behind the index.
const BATCH: i64 = 2_000;

/// How a substring search reaches the contacts it checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The `LIKE`s alone: PostgreSQL answers them from its trigram indexes; SQLite walks the
    /// contacts in the query's order, which is quick when many match.
    Like,
    /// Only these candidates: those SQLite's trigram index names, and the contacts it has not
    /// caught up with, read once for the page and its count.
    Indexed(Candidates),
}

/// Contact ids a search checks, at most [`DENSE`], as the JSON array `json_each` reads (one
/// bound value, however many ids; SQLite writes it, so no id crosses into Rust one by one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidates(String);

/// How a search for `part` should reach its contacts on this connection's engine.
pub async fn reach(conn: &mut Conn, part: &Substring) -> Result<Reach, StoreError> {
    if conn.engine() == Engine::Postgres {
        return Ok(Reach::Like);
    }
    let (count, ids): (i64, String) = db::query_as(
        "SELECT COUNT(*), json_group_array(id) FROM (
             SELECT rowid AS id FROM contact_text WHERE contact_text MATCH ?
             UNION ALL SELECT id FROM contacts
                       WHERE id > (SELECT indexed_upto FROM contact_text_state)
             UNION ALL SELECT contact_id FROM contact_text_stale
             LIMIT ?) AS candidates",
    )
    .bind(part.trigram_query())
    .bind(DENSE + 1)
    .fetch_one(conn)
    .await?;
    Ok(if count > DENSE {
        Reach::Like
    } else {
        Reach::Indexed(Candidates(ids))
    })
}

/// Appends ` AND c.id IN (…)`: only the `candidates` (SQLite only; see [`Reach::Indexed`]).
pub fn push_candidates(sql: &mut SqlBuilder, candidates: &Candidates) {
    sql.push(" AND c.id IN (SELECT value FROM json_each(")
        .push_bind(candidates.0.clone())
        .push("))");
}

/// Brings SQLite's trigram index up to date, a batch per transaction with a pause between
/// them so that other writers get their turn: re-indexes the contacts
/// whose text changed (or drops those deleted), then indexes those added. Returns how many
/// contacts it indexed or dropped (always 0 on PostgreSQL).
pub async fn index_contact_text(pool: &Db) -> Result<u64, StoreError> {
    if pool.engine() == Engine::Postgres {
        return Ok(0);
    }
    let mut done = 0;
    loop {
        let mut tx = pool.begin_write().await?;
        // A deleted last contact's id can be given again: ids above the highest left are new.
        db::query(
            "UPDATE contact_text_state SET indexed_upto =
                 MIN(indexed_upto, (SELECT COALESCE(MAX(id), 0) FROM contacts))",
        )
        .execute(&mut tx)
        .await?;
        let stale: Vec<i64> = db::query_scalar(
            "SELECT contact_id FROM contact_text_stale ORDER BY contact_id LIMIT ?",
        )
        .bind(BATCH)
        .fetch_all(&mut tx)
        .await?;
        let mut batch = stale.len() as u64;
        if let (Some(first), Some(last)) = (stale.first(), stale.last()) {
            // Drop what the index holds for them; index again those it still covers (the rest
            // are above the watermark and are indexed as added).
            for sql in [
                "DELETE FROM contact_text WHERE rowid IN \
                 (SELECT contact_id FROM contact_text_stale WHERE contact_id BETWEEN ? AND ?)"
                    .to_owned(),
                indexing(
                    "c.id IN (SELECT contact_id FROM contact_text_stale \
                              WHERE contact_id BETWEEN ? AND ?) \
                     AND c.id <= (SELECT indexed_upto FROM contact_text_state)",
                ),
                "DELETE FROM contact_text_stale WHERE contact_id BETWEEN ? AND ?".to_owned(),
            ] {
                db::query(sql)
                    .bind(first)
                    .bind(last)
                    .execute(&mut tx)
                    .await?;
            }
        }
        // The added contacts share the batch; one still on the stale list (its old entry not
        // yet dropped) waits for the stale step, so that no contact is ever indexed twice.
        let room = BATCH - stale.len() as i64;
        let upto: Option<i64> = db::query_scalar(
            "SELECT MAX(id) FROM (SELECT id FROM contacts
                                  WHERE id > (SELECT indexed_upto FROM contact_text_state)
                                  ORDER BY id LIMIT ?) AS added",
        )
        .bind(room)
        .fetch_one(&mut tx)
        .await?;
        if let (Some(upto), true) = (upto, room > 0) {
            let added = db::query(indexing(
                "c.id > (SELECT indexed_upto FROM contact_text_state) AND c.id <= ? \
                 AND c.id NOT IN (SELECT contact_id FROM contact_text_stale)",
            ))
            .bind(upto)
            .execute(&mut tx)
            .await?;
            db::query("UPDATE contact_text_state SET indexed_upto = ?")
                .bind(upto)
                .execute(&mut tx)
                .await?;
            batch += added.rows_affected();
        }
        tx.commit().await?;
        done += batch;
        if batch == 0 {
            return Ok(done);
        }
        crate::store::tx::let_others_write().await;
    }
}

/// The statement that indexes the contacts `c` matching `which`.
fn indexing(which: &str) -> String {
    format!(
        "INSERT INTO contact_text (rowid, text)
         SELECT c.id, c.name || ' ' || COALESCE(c.email, '') || ' ' || COALESCE({PHONE_DIGITS}, '')
         FROM contacts c WHERE {which}"
    )
}
