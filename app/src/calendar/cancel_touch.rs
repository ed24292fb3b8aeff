//! Cancelling a touch from its page: its author or a manager, behind a confirmation step that
//! works without JavaScript (a link to the same page asking to confirm, then a form).

use crate::domain::TouchStatus;
use crate::error::AppError;
use crate::ui::ConfirmBox;
use crate::ui::{Button, ButtonLink, Look};
use leptos::prelude::*;

/// Cancels touch `id` at the version the page showed; answers its new status.
#[server(prefix = "/api", endpoint = "cancel_touch")]
pub async fn cancel_touch(id: i64, version: i64) -> Result<TouchStatus, AppError> {
    use crate::domain::ids::TouchId;
    use crate::domain::Action;
    let (state, user) = crate::auth::require::allowed(Action::Plan).await?;
    let now = chrono::Utc::now();
    let done = crate::store::touches::cancel(&state.pool, TouchId(id), version, user.actor(), now)
        .await
        .map(|touch| touch.status)
        .map_err(AppError::from);
    crate::ui::flash::kept::<CancelTouch>(done).await
}

/// The "Cancel this touch…" step: a link, or, once asked, the confirmation.
#[component]
pub fn CancelStep(
    id: i64,
    version: i64,
    title: String,
    confirming: bool,
    action: ServerAction<CancelTouch>,
) -> impl IntoView {
    let page = format!("/calendar/touches/{id}");
    if !confirming {
        let href = format!("{page}?cancel=1");
        return view! {
            <ButtonLink look=Look::Secondary small=true {..} href=href>"Cancel this touch…"</ButtonLink>
        }
        .into_any();
    }
    let question = format!(
        "Cancel “{title}”? It will not go out, and it stops counting against the contact's caps. This cannot be undone."
    );
    view! {
        <ConfirmBox id="cancel-question" question keep=page>
            <ActionForm action>
                <input type="hidden" name="id" value=id.to_string() />
                <input type="hidden" name="version" value=version.to_string() />
                <Button look=Look::Danger>"Cancel touch"</Button>
            </ActionForm>
        </ConfirmBox>
    }
    .into_any()
}
