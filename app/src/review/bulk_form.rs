//! Deciding a campaign's touches awaiting review together: a disclosure under the campaign's
//! heading with one reason and approve all or reject all.

use super::decision_fields::DecisionFields;
use super::forms::ReviewActions;
use crate::domain::ids::CampaignId;
use leptos::prelude::*;

/// The form for `campaign`, `count` of whose touches await review (on this page or not).
#[component]
pub fn BulkForm(
    campaign: CampaignId,
    title: String,
    count: u64,
    actions: ReviewActions,
) -> impl IntoView {
    let id = campaign.0;
    let reason_id = format!("bulk-reason-{id}");
    let touches = if count == 1 {
        "1 touch".to_owned()
    } else {
        format!("{count} touches")
    };
    view! {
        <details class="mt-2 rounded-md border border-slate-200 bg-slate-50 p-2 text-sm dark:border-slate-800 dark:bg-slate-900" data-testid="bulk-decide">
            <summary class="cursor-pointer py-1 font-medium">{format!("Decide all {count} of “{title}” together")}</summary>
            <ActionForm action=actions.campaign>
                <input type="hidden" name="campaign_id" value=id.to_string() />
                <DecisionFields reason_id label="Reason for all of them (required)"
                    approve=Some(format!("Approve {touches}")) reject=format!("Reject {touches}") />
            </ActionForm>
        </details>
    }
}
