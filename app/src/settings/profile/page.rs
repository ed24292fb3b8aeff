//! The profile page: who I am, the zone I read times in, and my calendar feed URLs.

use super::security::SecuritySection;
use super::SetMyTimezone;
use crate::app::UserResource;
use crate::settings::error_text;
use crate::settings::feeds::section::FeedsSection;
use crate::ui::{Button, Field, Input};
use leptos::prelude::*;
use leptos_meta::Title;

/// Zones offered as suggestions; any IANA name is accepted.
const COMMON_ZONES: [&str; 16] = [
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Warsaw",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
];

/// The profile page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let user = use_context::<UserResource>();
    let set = crate::ui::flash::action::<SetMyTimezone>();
    let outcome = move || {
        match set.value().get() {
        Some(Ok(zone)) => Some(view! { <span class="text-emerald-800 dark:text-emerald-300">{format!("Saved: times now read in {zone}. Reload other pages to see it.")}</span> }.into_any()),
        Some(Err(e)) => Some(view! { <span class="text-red-700 dark:text-red-400">{error_text(&e)}</span> }.into_any()),
        None => None,
    }
    };
    view! {
        <Title text="My profile" />
        <h1 class="text-2xl font-semibold">"My profile"</h1>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let me = match user {
                    Some(u) => u.await.ok().flatten(),
                    None => None,
                };
                me.map(|me| view! {
                    <dl class="mt-4 grid max-w-md grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                        <dt class="font-medium">"Name"</dt><dd>{me.name.clone()}</dd>
                        <dt class="font-medium">"Email"</dt><dd>{me.email.clone()}</dd>
                        <dt class="font-medium">"Role"</dt><dd>{me.role.as_str()}</dd>
                        <dt class="font-medium">"Team"</dt><dd>{me.team.clone()}</dd>
                    </dl>
                    <ActionForm action=set attr:class="mt-6 max-w-md space-y-3">
                        <Field id="zone" label="Time zone">
                            <Input {..} id="zone" name="zone" list="zones" required=true value=me.timezone.name() aria-describedby="zone-help" />
                            <p id="zone-help" class="mt-1 text-sm text-slate-600 dark:text-slate-400">
                                "Calendars, timelines and the planner show times in this zone. An IANA name, e.g. Europe/Berlin."
                            </p>
                            <datalist id="zones">{COMMON_ZONES.map(|z| view! { <option value=z></option> }).collect_view()}</datalist>
                        </Field>
                        <p role="alert" class="text-sm font-medium" data-testid="profile-outcome">{outcome}</p>
                        <Button>"Save time zone"</Button>
                    </ActionForm>
                    <SecuritySection />
                    <FeedsSection zone=me.timezone />
                })
            })}
        </Transition>
    }
}
