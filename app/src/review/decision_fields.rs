//! The fields of a review decision, shared by a touch's card and a campaign's bulk form: the
//! required reason, then approve and reject buttons (the button pressed sends `decision`).

use crate::ui::style::{INPUT, LABEL, PRIMARY_SMALL, SECONDARY_SMALL};
use leptos::prelude::*;

/// The reason field `reason_id` labelled `label`, and the buttons `approve` and `reject`.
#[component]
pub fn DecisionFields(
    reason_id: String,
    label: &'static str,
    approve: String,
    reject: String,
) -> impl IntoView {
    view! {
        <div class="mt-3 flex flex-col gap-2 sm:flex-row sm:items-end">
            <div class="grow">
                <label for=reason_id.clone() class=LABEL>{label}</label>
                <textarea id=reason_id name="reason" rows="1" required class=INPUT></textarea>
            </div>
            <div class="flex shrink-0 gap-2">
                <button type="submit" name="decision" value="approve" class=PRIMARY_SMALL>{approve}</button>
                <button type="submit" name="decision" value="reject" class=SECONDARY_SMALL>{reject}</button>
            </div>
        </div>
    }
}
