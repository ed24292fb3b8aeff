//! Deciding a campaign's touches awaiting review together: a disclosure under the campaign's
//! heading with one reason and approve all or reject all.

use super::forms::{ReviewActions, FIELD, PRIMARY, SECONDARY};
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
                <div class="mt-2 flex flex-col gap-2 sm:flex-row sm:items-end">
                    <div class="grow">
                        <label for=reason_id.clone() class="block font-medium">"Reason for all of them (required)"</label>
                        <textarea id=reason_id name="reason" rows="1" required class=FIELD></textarea>
                    </div>
                    <div class="flex shrink-0 gap-2">
                        <button type="submit" name="decision" value="approve" class=PRIMARY>{format!("Approve {touches}")}</button>
                        <button type="submit" name="decision" value="reject" class=SECONDARY>{format!("Reject {touches}")}</button>
                    </div>
                </div>
            </ActionForm>
        </details>
    }
}
