//! The fields of a review decision, shared by a touch's card and a campaign's bulk form: the
//! required reason, then approve and reject buttons (the button pressed sends `decision`); no
//! approve button for a touch that can no longer be approved.

use crate::ui::{Button, Field, Look, TextArea};
use leptos::prelude::*;

/// The reason field `reason_id` labelled `label`, and the buttons `approve` (when there is
/// one) and `reject`.
#[component]
pub fn DecisionFields(
    reason_id: String,
    label: &'static str,
    approve: Option<String>,
    reject: String,
) -> impl IntoView {
    view! {
        <div class="mt-3 flex flex-col gap-2 sm:flex-row sm:items-end">
            <Field id=reason_id.clone() label=label class="grow">
                <TextArea {..} id=reason_id name="reason" rows="1" required=true></TextArea>
            </Field>
            <div class="flex shrink-0 gap-2">
                {approve.map(|approve| view! {
                    <Button small=true {..} name="decision" value="approve">{approve}</Button>
                })}
                <Button look=Look::Secondary small=true {..} name="decision" value="reject">{reject}</Button>
            </div>
        </div>
    }
}
