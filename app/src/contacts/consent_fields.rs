//! The consent checkboxes (one per channel) and the do-not-contact flag, shared by the new and
//! edit forms.

use crate::domain::Consent;
use crate::ui::refill::Refused;
use leptos::prelude::*;

/// One labelled checkbox named `name`.
#[component]
fn Check(
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    checked: bool,
) -> impl IntoView {
    view! {
        <div class="flex items-start gap-2">
            <input id=name name=name type="checkbox" value="on" checked=checked
                class="mt-1 h-4 w-4 accent-indigo-700" aria-describedby=format!("{name}-hint") />
            <div>
                <label for=name class="text-sm font-medium">{label}</label>
                <p id=format!("{name}-hint") class="text-xs text-slate-600 dark:text-slate-400">{hint}</p>
            </div>
        </div>
    }
}

/// The consent fieldset, ticked as `consent` and `do_not_contact` say.
#[component]
pub fn ConsentFields(consent: Consent, do_not_contact: bool) -> impl IntoView {
    view! {
        <fieldset class="rounded-md border border-slate-300 p-3 dark:border-slate-700">
            <legend class="px-1 text-sm font-medium">"Consent"</legend>
            <div class="grid gap-3 sm:grid-cols-2">
                <Check name="consent_email" label="Email" hint="Untick when they unsubscribe." checked=consent.email />
                <Check name="consent_sms" label="SMS" hint="Tick only with an explicit opt-in." checked=consent.sms />
                <Check name="consent_phone" label="Phone" hint="Untick when the number is on a do-not-call list." checked=consent.phone />
                <Check name="consent_mail" label="Mail" hint="Untick when they refuse post." checked=consent.mail />
            </div>
            <div class="mt-3 border-t border-slate-200 pt-3 dark:border-slate-800">
                <Check name="do_not_contact" label="Do not contact"
                    hint="No touch at all except transactional ones, whatever the consent above." checked=do_not_contact />
            </div>
        </fieldset>
    }
}

/// The consent boxes and the do-not-contact flag as a refused post sent them.
pub fn sent_consent(refused: &Refused) -> (Consent, bool) {
    let consent = Consent {
        email: refused.ticked("consent_email"),
        sms: refused.ticked("consent_sms"),
        phone: refused.ticked("consent_phone"),
        mail: refused.ticked("consent_mail"),
    };
    (consent, refused.ticked("do_not_contact"))
}
