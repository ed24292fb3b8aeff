//! Writing imported contacts: each batch is staged (one multi-row INSERT into `import_rows`,
//! in a short transaction of its own), a new contact's row with no target and an update with
//! the stored contact's id as its target; once every row is read the staged rows are published
//! into `contacts` a chunk at a time, the new ones first. Each update first keeps the stored
//! contact as it was, under the import's negated id, so that a failure later in the run can
//! put it back.

use crate::domain::import::ImportedContact;
use crate::store::batch;
use crate::store::contacts::jurisdiction;
use crate::store::db;
use chrono::{DateTime, Utc};
use db::Conn;

/// Rows per INSERT statement (22 values each).
pub(super) const BATCH: usize = 500;

/// Rows staged per transaction (several statements).
pub(super) const STAGE_ROWS: usize = 5_000;

const COLUMNS: [&str; 20] = [
    "external_id",
    "name",
    "email",
    "phone",
    "address",
    "timezone",
    "stage",
    "attributes",
    "consent_email",
    "consent_sms",
    "consent_phone",
    "consent_mail",
    "do_not_contact",
    "account_key",
    "created_at",
    "updated_at",
    "country",
    "region",
    "area_code_region",
    "jurisdiction_source",
];

/// Stages the rows of import `import` in one statement.
pub(super) async fn stage(
    conn: &mut Conn,
    import: i64,
    rows: &[(u64, Option<i64>, ImportedContact)],
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let columns: Vec<&str> = ["import_id", "line", "target_id"]
        .into_iter()
        .chain(COLUMNS)
        .collect();
    let sql = batch::insert_sql("import_rows", &columns, rows.len());
    let now = now.timestamp();
    let mut query = db::query(&sql);
    for (line, target, c) in rows {
        let attributes = serde_json::to_string(&c.attributes).unwrap_or_else(|_| "{}".into());
        query = query
            .bind(import)
            .bind(*line as i64)
            .bind(*target)
            .bind(c.external_id.as_deref())
            .bind(c.name.as_str())
            .bind(c.email.as_ref().map(|e| e.as_str()))
            .bind(c.phone.as_deref())
            .bind(c.address.as_deref())
            .bind(c.time_zone.name())
            .bind(c.stage.as_str())
            .bind(attributes)
            .bind(c.consent.email)
            .bind(c.consent.sms)
            .bind(c.consent.phone)
            .bind(c.consent.mail)
            .bind(c.do_not_contact)
            .bind(c.account_key.as_deref())
            .bind(now)
            .bind(now);
        for column in jurisdiction::columns(&c.jurisdiction) {
            query = query.bind(column);
        }
    }
    query.execute(conn).await?;
    Ok(())
}

/// Staged rows published per transaction: each holds the write lock for a few tens of
/// milliseconds, so sessions and small writes slip in between.
pub(super) const PUBLISH_CHUNK: i64 = 5_000;

/// Which staged rows to publish.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Rows without a target: new contacts.
    New,
    /// Rows with a target: updates of stored contacts.
    Update,
}

/// Publishes the next chunk of import `import`'s staged rows of `kind` after `line` (and drops
/// them from the stage), in one transaction; answers the last line published and the
/// contacts' ids, or `None` when nothing is left.
pub(super) async fn publish_chunk(
    conn: &mut Conn,
    import: i64,
    kind: Kind,
    after: i64,
) -> Result<Option<(i64, Vec<i64>)>, sqlx::Error> {
    let which = match kind {
        Kind::New => "target_id IS NULL",
        Kind::Update => "target_id IS NOT NULL",
    };
    let upto: Option<i64> = db::query_scalar(format!(
        "SELECT MAX(line) FROM (SELECT line FROM import_rows WHERE import_id = ? AND line > ?
         AND {which} ORDER BY line LIMIT ?) AS chunk"
    ))
    .bind(import)
    .bind(after)
    .bind(PUBLISH_CHUNK)
    .fetch_one(&mut *conn)
    .await?;
    let Some(upto) = upto else {
        return Ok(None);
    };
    let ids = match kind {
        Kind::New => insert(conn, import, after, upto).await?,
        Kind::Update => update(conn, import, after, upto).await?,
    };
    db::query(format!(
        "DELETE FROM import_rows WHERE import_id = ? AND line > ? AND line <= ? AND {which}"
    ))
    .bind(import)
    .bind(after)
    .bind(upto)
    .execute(&mut *conn)
    .await?;
    Ok(Some((upto, ids)))
}

/// Creates the new contacts staged between the lines, with their refusals.
async fn insert(
    conn: &mut Conn,
    import: i64,
    after: i64,
    upto: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    let columns = COLUMNS.join(", ");
    let ids: Vec<i64> = db::query_scalar(format!(
        "INSERT INTO contacts ({columns}) SELECT {columns} FROM import_rows
         WHERE import_id = ? AND line > ? AND line <= ? AND target_id IS NULL ORDER BY line
         RETURNING id"
    ))
    .bind(import)
    .bind(after)
    .bind(upto)
    .fetch_all(&mut *conn)
    .await?;
    record_refusals(conn, import, &ids).await?;
    Ok(ids)
}

/// The id under which import `import` keeps the contacts it updates as they were: negative
/// (`!0` is −1), so never an import's own.
fn undo_id(import: i64) -> i64 {
    !import
}

/// The start of the wording of every consent record import `import` writes.
fn wording_prefix(import: i64) -> String {
    format!("contact import {import}: ")
}

/// Writes the updates staged between the lines over their stored contacts (each one's version
/// goes up by one), after keeping each as it was and recording each consent the file
/// withdraws. An external id the file gives a contact matched by email is kept only while no
/// other contact has it.
async fn update(
    conn: &mut Conn,
    import: i64,
    after: i64,
    upto: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    let columns = COLUMNS.join(", ");
    let stored = COLUMNS
        .iter()
        .map(|c| format!("c.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    db::query(format!(
        "INSERT INTO import_rows (import_id, line, target_id, version, {columns})
         SELECT ?, s.line, s.target_id, c.version, {stored}
         FROM import_rows s JOIN contacts c ON c.id = s.target_id
         WHERE s.import_id = ? AND s.line > ? AND s.line <= ?"
    ))
    .bind(undo_id(import))
    .bind(import)
    .bind(after)
    .bind(upto)
    .execute(&mut *conn)
    .await?;
    for channel in ["email", "sms", "phone", "mail"] {
        db::query(format!(
            "INSERT INTO consent_records (contact_id, topic, channel, state, basis, basis_at,
                 until, method, wording, recorded_by, recorded_at)
             SELECT s.target_id, NULL, '{channel}', 'opted_out', 'consent', NULL, NULL,
                 'import', ?, NULL, s.updated_at
             FROM import_rows s JOIN contacts c ON c.id = s.target_id
             WHERE s.import_id = ? AND s.line > ? AND s.line <= ?
               AND c.consent_{channel} = TRUE AND s.consent_{channel} = FALSE"
        ))
        .bind(format!(
            "{}the file's {channel} opt-out or consent column",
            wording_prefix(import)
        ))
        .bind(import)
        .bind(after)
        .bind(upto)
        .execute(&mut *conn)
        .await?;
    }
    let set: Vec<String> = COLUMNS
        .iter()
        .filter(|c| !matches!(**c, "external_id" | "created_at"))
        .map(|c| format!("{c} = s.{c}"))
        .collect();
    db::query_scalar(format!(
        "UPDATE contacts SET {}, version = contacts.version + 1,
             external_id = COALESCE(contacts.external_id, CASE WHEN EXISTS (
                 SELECT 1 FROM contacts o WHERE o.external_id = s.external_id)
                 THEN NULL ELSE s.external_id END)
         FROM import_rows s
         WHERE s.import_id = ? AND s.line > ? AND s.line <= ? AND s.target_id = contacts.id
         RETURNING id",
        set.join(", ")
    ))
    .bind(import)
    .bind(after)
    .bind(upto)
    .fetch_all(&mut *conn)
    .await
}

/// Keeps, for each channel an imported contact arrived without consent on (a CRM's opt-out
/// column: "Email Opt Out", "Unsubscribed", "Do Not Call"), a consent record naming the import
/// it came from, so the timeline's consent history shows where the value came from.
async fn record_refusals(conn: &mut Conn, import: i64, ids: &[i64]) -> Result<(), sqlx::Error> {
    let (Some(lo), Some(hi)) = (ids.iter().min(), ids.iter().max()) else {
        return Ok(());
    };
    for (channel, column) in [
        ("email", "consent_email"),
        ("phone", "consent_phone"),
        ("mail", "consent_mail"),
    ] {
        db::query(format!(
            "INSERT INTO consent_records (contact_id, topic, channel, state, basis, basis_at,
                 until, method, wording, recorded_by, recorded_at)
             SELECT id, NULL, '{channel}', 'opted_out', 'consent', NULL, NULL, 'import', ?, NULL,
                 created_at
             FROM contacts WHERE id >= ? AND id <= ? AND {column} = FALSE"
        ))
        .bind(format!(
            "{}the file's {channel} opt-out or consent column",
            wording_prefix(import)
        ))
        .bind(lo)
        .bind(hi)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Drops what is left of import `import`'s stage.
pub(super) async fn discard(conn: &mut Conn, import: i64) -> Result<(), sqlx::Error> {
    db::query("DELETE FROM import_rows WHERE import_id = ?")
        .bind(import)
        .execute(conn)
        .await?;
    Ok(())
}

/// Drops up to [`PUBLISH_CHUNK`] of the contacts import `import` kept as they were; answers
/// how many (none left when 0).
pub(super) async fn forget_chunk(conn: &mut Conn, import: i64) -> Result<u64, sqlx::Error> {
    let done = db::query(
        "DELETE FROM import_rows WHERE import_id = ? AND line IN (
             SELECT line FROM import_rows WHERE import_id = ? ORDER BY line LIMIT ?)",
    )
    .bind(undo_id(import))
    .bind(undo_id(import))
    .bind(PUBLISH_CHUNK)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Puts back the contacts import `import` updated as they were before it, and answers their
/// ids. Their version goes up once more, so a client that read the import's write reads
/// again. Two things the import wrote stand: a consent it withdrew (with the record naming
/// the import) and a do-not-contact it set, since only evidence may grant consent again. A
/// contact written since the import's own write (its version moved on) keeps that write.
pub(super) async fn restore(conn: &mut Conn, import: i64) -> Result<Vec<i64>, sqlx::Error> {
    let set: Vec<String> = COLUMNS
        .iter()
        .map(|c| match *c {
            "consent_email" | "consent_sms" | "consent_phone" | "consent_mail" => {
                format!("{c} = (u.{c} AND contacts.{c})")
            }
            "do_not_contact" => format!("{c} = (u.{c} OR contacts.{c})"),
            _ => format!("{c} = u.{c}"),
        })
        .collect();
    db::query_scalar(format!(
        "UPDATE contacts SET {}, version = contacts.version + 1
         FROM import_rows u
         WHERE u.import_id = ? AND u.target_id = contacts.id
           AND contacts.version = u.version + 1
         RETURNING id",
        set.join(", ")
    ))
    .bind(undo_id(import))
    .fetch_all(&mut *conn)
    .await
}

/// Deletes contacts an import published before it failed, by id.
pub(super) async fn unpublish(conn: &mut Conn, ids: &[i64]) -> Result<(), sqlx::Error> {
    for chunk in ids.chunks(batch::rows_per_statement(1)) {
        let marks = vec!["?"; chunk.len()].join(", ");
        for sql in [
            format!("DELETE FROM consent_records WHERE contact_id IN ({marks})"),
            format!("DELETE FROM contacts WHERE id IN ({marks})"),
        ] {
            let mut query = db::query(&sql);
            for id in chunk {
                query = query.bind(id);
            }
            query.execute(&mut *conn).await?;
        }
    }
    Ok(())
}
