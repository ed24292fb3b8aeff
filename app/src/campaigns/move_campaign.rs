//! Moving a whole campaign from its page: a new day and time in the viewer's zone; every touch
//! that has not gone out moves by the same amount and is checked again (see
//! `store::campaigns::reschedule_campaign`). The form works without JavaScript.

use crate::domain::TimeZone;
use crate::error::AppError;
use crate::models::campaign_moved::CampaignMoved;
use crate::ui::{Button, DayAndTime};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Moves campaign `id` to `date` (YYYY-MM-DD) `time` (HH:MM) in the viewer's zone.
#[server(prefix = "/api", endpoint = "move_campaign")]
pub async fn move_campaign(id: i64, date: String, time: String) -> Result<CampaignMoved, AppError> {
    use crate::domain::{ids::CampaignId, Action};
    let (state, user) = crate::auth::require::allowed(Action::PlanCampaign).await?;
    let day = crate::domain::dates::parse_date("date", &date)?;
    let clock = chrono::NaiveTime::parse_from_str(time.trim(), "%H:%M")
        .map_err(|_| AppError::Validation("time: expected a time such as 09:30".into()))?;
    let at = user.timezone.instant(day, clock);
    let moved = crate::store::campaigns::reschedule_campaign(
        &state.pool,
        CampaignId(id),
        at,
        user.actor(),
        Utc::now(),
    )
    .await
    .map_err(AppError::from);
    crate::ui::flash::kept::<MoveCampaign>(moved).await
}

/// The form: the campaign's time to start from, and what a move does.
#[component]
pub fn MoveCampaignForm(
    id: i64,
    at: DateTime<Utc>,
    zone: TimeZone,
    action: ServerAction<MoveCampaign>,
) -> impl IntoView {
    let local = zone.local(at);
    let result = move || {
        match action.value().get() {
        Some(Ok(moved)) => Some(
            view! {
                <p role="status" class=crate::ui::notice::outcome_box(moved.pending_review > 0 || !moved.refused.is_empty())>
                    {moved.summary()}
                </p>
            }
            .into_any(),
        ),
        Some(Err(e)) => Some(
            view! { <p role="alert" class="text-sm text-red-700 dark:text-red-400">{crate::ui::error_text(&e)}</p> }
                .into_any(),
        ),
        None => None,
    }
    };
    view! {
        <h2 class="mt-6 text-lg font-semibold">"Move the campaign"</h2>
        <ActionForm action attr:class="mt-2 max-w-xl space-y-3 rounded-lg border border-slate-300 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
            <input type="hidden" name="id" value=id.to_string() />
            <DayAndTime prefix="campaign" at=local />
            <p class="text-xs text-slate-600 dark:text-slate-400">
                {format!("In your zone, {}. ", zone.name())}
                "Every touch that has not gone out moves by the same amount and is checked again: one a rule blocks then waits for a manager's review, and one that consent or do-not-contact blocks is left out."
            </p>
            <div class="min-h-5 text-sm">{result}</div>
            <Button>"Move the campaign"</Button>
        </ActionForm>
    }
}
