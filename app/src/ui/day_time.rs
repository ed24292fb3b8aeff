//! A day and a time side by side, sent as `date` and `time` in the viewer's zone: how a touch or
//! a whole campaign is moved without dragging or JavaScript.

use super::{Field, Input};
use chrono::NaiveDateTime;
use leptos::prelude::*;

/// The day and time fields, `{prefix}-date` and `{prefix}-time`, starting at `at`.
#[component]
pub fn DayAndTime(prefix: &'static str, at: NaiveDateTime) -> impl IntoView {
    let (day, time) = (format!("{prefix}-date"), format!("{prefix}-time"));
    view! {
        <div class="flex flex-wrap gap-4">
            <Field id=day.clone() label="Day">
                <Input kind="date" small=true {..} id=day name="date" required=true value=at.date().to_string() />
            </Field>
            <Field id=time.clone() label="Time">
                <Input kind="time" small=true {..} id=time name="time" required=true value=at.format("%H:%M").to_string() />
            </Field>
        </div>
    }
}
