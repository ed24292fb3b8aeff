//! Reading the audit log back: the whole company's or one contact's, newest first, a page at a
//! time (by the `audit_at` and `audit_contact` indexes).

use super::rows::{instant, json};
use super::StoreError;
use crate::domain::ids::ContactId;
use crate::models::audit_entry::AuditRow;
use crate::store::db;
use db::Db;

/// (id, at, actor name, action, subject type, subject id, contact id, contact name, details)
type Row = (
    i64,
    i64,
    Option<String>,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<String>,
    String,
);

/// Page `page` (from 1) of `per_page` rows, newest first, of one contact's trail or (with
/// `None`) everyone's; and whether older rows follow.
pub async fn trail(
    pool: &Db,
    contact: Option<ContactId>,
    page: u32,
    per_page: u32,
) -> Result<(Vec<AuditRow>, bool), StoreError> {
    let offset = i64::from(page.max(1) - 1) * i64::from(per_page);
    let filter = if contact.is_some() {
        "WHERE a.contact_id = ?"
    } else {
        ""
    };
    let sql = format!(
        "SELECT a.id, a.at, u.name, a.action, a.subject_type, a.subject_id, a.contact_id,
                c.name, a.details
         FROM audit_log a
         LEFT JOIN users u ON u.id = a.actor_id
         LEFT JOIN contacts c ON c.id = a.contact_id
         {filter} ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?"
    );
    let mut query = db::query_as::<Row>(&sql);
    if let Some(id) = contact {
        query = query.bind(id.0);
    }
    let rows = query
        .bind(i64::from(per_page) + 1)
        .bind(offset)
        .fetch_all(pool)
        .await?;
    let has_more = rows.len() > per_page as usize;
    let rows = rows
        .into_iter()
        .take(per_page as usize)
        .map(|r| {
            Ok(AuditRow {
                id: r.0,
                at: instant(r.1)?,
                actor: r.2,
                action: r.3,
                subject_type: r.4,
                subject_id: r.5,
                contact: r.6.map(|id| (ContactId(id), r.7.unwrap_or_default())),
                details: json(&r.8)?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok((rows, has_more))
}
