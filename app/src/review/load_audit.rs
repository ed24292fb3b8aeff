//! Server function: a page of the audit trail, for one contact or the whole company.

use crate::error::AppError;
use crate::models::audit_entry::AuditPage;
use leptos::prelude::*;

/// Rows per page of the trail.
pub const PER_PAGE: u32 = 50;

/// Page `page` (from 1) of the trail of contact `contact_id`, or of everyone's without it.
#[server(name = LoadAudit, prefix = "/api", endpoint = "review/audit")]
pub async fn load_audit(contact_id: Option<i64>, page: u32) -> Result<AuditPage, AppError> {
    use crate::domain::ids::ContactId;

    let (state, user) = crate::auth::require::allowed(crate::domain::Action::Oversee).await?;
    let now = chrono::Utc::now();
    let contact = match contact_id.map(ContactId) {
        Some(id) => {
            let found = crate::store::contacts::get_contact(&state.pool, id, now)
                .await
                .map_err(|e| e.log_as_internal())?
                .ok_or_else(|| AppError::NotFound(format!("no contact {id}")))?;
            Some((id, found.name))
        }
        None => None,
    };
    let page = page.max(1);
    let (rows, has_more) = crate::store::audit_trail::trail(
        &state.pool,
        contact.as_ref().map(|c| c.0),
        page,
        PER_PAGE,
    )
    .await
    .map_err(|e| e.log_as_internal())?;
    let (users, teams) = crate::store::names::all_user_and_team_names(&state.pool)
        .await
        .map_err(|e| e.log_as_internal())?;
    Ok(AuditPage {
        users,
        teams,
        zone: user.timezone,
        contact,
        page,
        rows,
        has_more,
    })
}
