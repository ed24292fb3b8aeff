//! What planning a campaign did, as the plan's redirect reports it.

use leptos::prelude::*;
use leptos_router::params::ParamsMap;

/// The counts of a campaign just planned, if the address carries them.
#[component]
pub fn Outcome(query: ParamsMap) -> impl IntoView {
    let count = |key: &str| {
        query
            .get(key)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    query.get("created").map(|id| {
        let pending = count("pending_review");
        view! {
            <section role="status" class=crate::ui::notice::outcome_box(pending > 0) data-waiting=(pending > 0).to_string()>
                <h2 class="font-semibold">{if pending > 0 {
                    format!("Campaign {id} is planned; {pending} of its touches wait for a manager's review")
                } else {
                    format!("Campaign {id} is planned")
                }}</h2>
                <p class="mt-1" data-testid="campaign-outcome">
                    {format!(
                        "{} recipients: {} planned ({} shifted to a later slot), {} excluded, {} waiting for review.",
                        count("recipients"), count("planned"), count("shifted"), count("excluded"), pending
                    )}
                </p>
                {(pending > 0).then(|| view! { <p class="mt-1">"A manager decides on the touches waiting for review in the review queue."</p> })}
                <p class="mt-1"><a class="underline" href=format!("/campaigns/{id}")>"Open the campaign"</a></p>
            </section>
        }
    })
}
