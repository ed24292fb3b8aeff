//! Server function: the review queue for a manager or admin.

use crate::error::AppError;
use crate::models::review_queue::ReviewQueue;
use leptos::prelude::*;

/// Touches listed at most on one page of the queue; the rest are counted.
pub const PENDING_SHOWN: u32 = 50;

/// Touches awaiting review (a page of those the `channel` and `campaign` filter lists, from the `from`-th; the first page
/// without it), every campaign with some, open claim requests and the people contacts can be
/// given to, and the contact `contact_id` to reassign.
#[server(name = LoadQueue, prefix = "/api", endpoint = "review/queue")]
pub async fn load_queue(
    from: Option<u32>,
    channel: Option<String>,
    campaign: Option<String>,
    contact_id: Option<i64>,
) -> Result<ReviewQueue, AppError> {
    let from = from.unwrap_or(0);
    let filter =
        crate::models::review_queue::PendingFilter::parse(channel.as_deref(), campaign.as_deref())
            .map_err(AppError::Validation)?;
    use crate::store::{claims, review_queue};

    let (state, user) = crate::auth::require::allowed(crate::domain::Action::Oversee).await?;
    let internal = |e: crate::store::StoreError| e.log_as_internal();
    let now = chrono::Utc::now();
    let (mut pending, pending_total) =
        review_queue::pending_touches(&state.pool, &filter, PENDING_SHOWN, from, now)
            .await
            .map_err(internal)?;
    // Each touch's conflicts as they stand now, with times in the reviewer's zone (the stored
    // ones give the contact's).
    let rules = state.rules.get(&state.pool).await.map_err(internal)?;
    crate::store::touches::explain_listed(
        &state.pool,
        &state.reader,
        &rules,
        &mut pending,
        now,
        user.timezone,
    )
    .await
    .map_err(internal)?;
    let groups = review_queue::pending_groups(&state.pool)
        .await
        .map_err(internal)?;
    let requests = claims::open_requests_named(&state.pool, now)
        .await
        .map_err(internal)?;
    let assignees = review_queue::assignees(&state.pool)
        .await
        .map_err(internal)?;
    let reassigning = match contact_id {
        Some(id) => {
            crate::store::contacts::pick::option(&state.pool, crate::domain::ids::ContactId(id))
                .await
                .map_err(internal)?
        }
        None => None,
    };
    Ok(ReviewQueue {
        reassigning,
        zone: user.timezone,
        pending,
        pending_total,
        pending_from: from,
        filter,
        groups,
        requests,
        assignees,
    })
}
