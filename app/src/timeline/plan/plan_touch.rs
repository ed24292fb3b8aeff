//! Server function: plan the drafted touch. The store checks and inserts it in one write
//! transaction; a block conflict makes it `pending_review` instead of refusing it.
#![allow(
    clippy::too_many_arguments,
    reason = "one argument per form field: the plain form posts its fields flat"
)]

use crate::error::AppError;
use leptos::prelude::*;

/// Plans the touch, then sends the browser back to the contact's timeline with the new touch
/// marked. The fields are the plan form's, so the form also works as a plain post.
#[server(name = PlanTouch, prefix = "/api", endpoint = "plan_touch")]
pub async fn plan_touch(
    contact_id: i64,
    channel: String,
    purpose: String,
    at: String,
    title: String,
    notes: Option<String>,
    team_id: Option<i64>,
    automated: Option<bool>,
    personalized: Option<bool>,
    topic: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{Action, NewTouch, TouchDraft};
    let (state, user) = crate::auth::require::allowed(Action::Plan).await?;
    let draft = TouchDraft {
        contact_id,
        channel,
        purpose,
        at,
        title,
        notes: notes.unwrap_or_default(),
        team_id,
        automated: automated.unwrap_or(false),
        personalized: personalized.unwrap_or(false),
        topic: topic.unwrap_or_default(),
    };
    let touch = NewTouch::parse(&draft.to_input(user.timezone)?, &user.actor())?;
    let now = chrono::Utc::now();
    let rules = state
        .rules
        .get(&state.pool)
        .await
        .map_err(|e| e.log_as_internal())?;
    let scheduled = crate::store::touches::schedule(&state.pool, &rules, &touch, now).await?;
    // Back to the timeline, over the weeks around the new touch, with the touch marked.
    let from = crate::timeline::range::start_around(scheduled.touch.scheduled_at, user.timezone);
    let id = scheduled.touch.id.0;
    leptos_axum::redirect(&format!(
        "/contacts/{contact_id}?from={from}&planned={id}#touch-{id}"
    ));
    Ok(())
}
