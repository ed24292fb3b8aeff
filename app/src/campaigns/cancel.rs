//! Cancelling a whole campaign from its page, behind a confirmation step that works without
//! JavaScript: a link to the same page asking to confirm, then a form.

use crate::error::AppError;
use crate::ui::ConfirmBox;
use crate::ui::{Button, ButtonLink, Look};
use leptos::prelude::*;

/// Cancels campaign `id`'s touches that have not gone out; answers how many.
#[server(prefix = "/api", endpoint = "cancel_campaign")]
pub async fn cancel_campaign(id: i64) -> Result<u64, AppError> {
    use crate::domain::{ids::CampaignId, Action};
    let (state, user) = crate::auth::require::allowed(Action::PlanCampaign).await?;
    let now = chrono::Utc::now();
    let done =
        crate::store::campaigns::cancel_campaign(&state.pool, CampaignId(id), user.actor(), now)
            .await
            .map_err(AppError::from);
    crate::ui::flash::kept::<CancelCampaign>(done).await
}

/// The "Cancel the campaign…" step: a link, or, once asked, the confirmation.
#[component]
pub fn CancelCampaignStep(
    id: i64,
    title: String,
    waiting: u64,
    confirming: bool,
    action: ServerAction<CancelCampaign>,
) -> impl IntoView {
    let page = format!("/campaigns/{id}");
    if !confirming {
        let href = format!("{page}?cancel=1");
        return view! { <ButtonLink look=Look::Secondary small=true {..} href=href>"Cancel the campaign…"</ButtonLink> }.into_any();
    }
    let question = format!(
        "Cancel “{title}”? Its {waiting} touches that have not gone out will not go out; those already sent stay as they are. This cannot be undone."
    );
    view! {
        <ConfirmBox id="cancel-campaign-question" question keep=page>
            <ActionForm action>
                <input type="hidden" name="id" value=id.to_string() />
                <Button look=Look::Danger>"Cancel the campaign"</Button>
            </ActionForm>
        </ConfirmBox>
    }
    .into_any()
}
