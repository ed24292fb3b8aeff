//! Reassigning a contact to someone else, with a reason.

use super::forms::{ReviewActions, CARD};
use crate::contacts::picker::ContactPicker;
use crate::models::contact_option::ContactOption;
use crate::models::review_queue::Assignee;
use crate::ui::style::{INPUT, LABEL, PRIMARY_SMALL};
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
                    <div>
                        <label for="reassign-contact" class=LABEL>"Contact"</label>
                        <ContactPicker id="reassign-contact".to_owned() name="contact".to_owned()
                            value=contact.map(|c| c.label).unwrap_or_default() />
                    </div>
                    <div>
                        <label for="reassign-user" class=LABEL>"New owner"</label>
                        <select id="reassign-user" name="user_id" required class=INPUT>
                            {assignees.into_iter().map(|a| view! {
                                <option value=a.id.0.to_string()>{format!("{} ({}, {})", a.name, a.role.as_str(), a.team)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div>
                        <label for="reassign-reason" class=LABEL>"Reason (required)"</label>
                        <input id="reassign-reason" name="reason" type="text" required class=INPUT />
                    </div>
                </div>
                <button type="submit" class=format!("mt-3 {PRIMARY_SMALL}")>"Reassign"</button>
            </ActionForm>
        </div>
    }
}
