//! Open claim requests: who asks for which contact, who owns it, and grant or decline with a
//! reason.

use super::forms::{ReviewActions, CARD, LINK};
use crate::domain::TimeZone;
use crate::models::review_queue::OpenRequest;
use crate::ui::local_datetime;
use crate::ui::{Button, Input, Look};
use leptos::prelude::*;

/// The requests section's body.
#[component]
pub fn RequestList(
    requests: Vec<OpenRequest>,
    zone: TimeZone,
    actions: ReviewActions,
) -> impl IntoView {
    if requests.is_empty() {
        return view! {
            <p class="mt-3 rounded-md border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
                "No open claim requests."
            </p>
        }
        .into_any();
    }
    view! {
        <ul class="mt-3 space-y-3">
            {requests.into_iter().map(|r| {
                let reason_id = format!("request-reason-{}", r.id.0);
                let owner = r.owner.clone().map_or_else(
                    || "now unowned".to_owned(),
                    |o| format!("owned by {o}"),
                );
                view! {
                    <li class=CARD data-testid="claim-request">
                        <p class="text-sm">
                            <strong>{r.requester.clone()}</strong> " asks for "
                            <a class=LINK href=format!("/contacts/{}", r.contact_id.0)>{r.contact_name.clone()}</a>
                            {format!(" ({owner}), filed {}.", local_datetime(r.created_at, zone))}
                        </p>
                        <ActionForm action=actions.request>
                            <input type="hidden" name="request_id" value=r.id.0.to_string() />
                            <label for=reason_id.clone() class="mt-2 block text-sm font-medium">"Reason (required)"</label>
                            <Input {..} id=reason_id name="reason" required=true />
                            <div class="mt-2 flex flex-wrap gap-2">
                                <Button small=true {..} name="decision" value="grant">
                                    {format!("Grant to {}", r.requester)}
                                </Button>
                                <Button look=Look::Secondary small=true {..} name="decision" value="decline">"Decline"</Button>
                            </div>
                        </ActionForm>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
