//! Reassigning a contact to someone else, with a reason.

use super::forms::{ReviewActions, CARD};
use crate::contacts::picker::ContactPicker;
use crate::models::contact_option::ContactOption;
use crate::models::review_queue::Assignee;
use crate::ui::{Button, Field, Input, Select};
use leptos::prelude::*;

/// The form; `contact` pre-fills the contact (from `?contact_id=`).
#[component]
pub fn ReassignForm(
    assignees: Vec<Assignee>,
    contact: Option<ContactOption>,
    actions: ReviewActions,
) -> impl IntoView {
    view! {
        <div class=CARD>
            <ActionForm action=actions.reassign>
                <div class="grid gap-3 sm:grid-cols-3">
                    <Field id="reassign-contact" label="Contact">
                        <ContactPicker id="reassign-contact".to_owned() name="contact".to_owned()
                            value=contact.map(|c| c.label).unwrap_or_default() />
                    </Field>
                    <Field id="reassign-user" label="New owner">
                        <Select {..} id="reassign-user" name="user_id" required=true>
                            {assignees.into_iter().map(|a| view! {
                                <option value=a.id.0.to_string()>{format!("{} ({}, {})", a.name, a.role.as_str(), a.team)}</option>
                            }).collect_view()}
                        </Select>
                    </Field>
                    <Field id="reassign-reason" label="Reason (required)">
                        <Input {..} id="reassign-reason" name="reason" required=true />
                    </Field>
                </div>
                <Button small=true class="mt-3">"Reassign"</Button>
            </ActionForm>
        </div>
    }
}
