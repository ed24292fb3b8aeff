//! The filter above the touches awaiting review: by channel and by campaign (or one-off
//! touches), a plain GET form so it works without JavaScript.

use crate::domain::Channel;
use crate::models::review_queue::{CampaignChoice, PendingFilter, PendingGroup};
use crate::ui::{Button, Field, Look, Select};
use leptos::prelude::*;

/// A channel's name in the list.
fn label(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "Email",
        Channel::Sms => "SMS",
        Channel::Phone => "Phone",
        Channel::Mail => "Mail",
    }
}

/// The form, showing `filter` and offering every group with touches awaiting review.
#[component]
pub fn PendingFilterForm(filter: PendingFilter, groups: Vec<PendingGroup>) -> impl IntoView {
    let campaign = match filter.campaign {
        Some(CampaignChoice::Only(id)) => id.0.to_string(),
        Some(CampaignChoice::OneOff) => "none".to_owned(),
        None => String::new(),
    };
    let channel = filter.channel.map(|c| c.as_str()).unwrap_or_default();
    view! {
        <form method="get" action="/review" class="mt-3 flex flex-wrap items-end gap-3" aria-label="Filter the touches awaiting review">
            <Field id="filter-channel" label="Channel">
                <Select {..} id="filter-channel" name="channel">
                    <option value="" selected=channel.is_empty()>"Any channel"</option>
                    {Channel::ALL.iter().map(|c| view! {
                        <option value=c.as_str() selected=channel == c.as_str()>{label(*c)}</option>
                    }).collect_view()}
                </Select>
            </Field>
            <Field id="filter-campaign" label="Campaign" class="min-w-0 max-w-full">
                <Select {..} id="filter-campaign" name="campaign">
                    <option value="" selected=campaign.is_empty()>"All touches"</option>
                    {groups.into_iter().map(|g| {
                        let (value, text) = match g.campaign {
                            Some((id, title)) => (id.0.to_string(), format!("“{title}” ({})", g.count)),
                            None => ("none".to_owned(), format!("One-off touches ({})", g.count)),
                        };
                        let selected = value == campaign;
                        view! { <option value=value selected=selected>{text}</option> }
                    }).collect_view()}
                </Select>
            </Field>
            <Button look=Look::Secondary small=true>"Filter"</Button>
            {(!filter.is_empty()).then(|| view! { <a href="/review" class="py-1.5 text-sm underline">"Show all"</a> })}
        </form>
    }
}
