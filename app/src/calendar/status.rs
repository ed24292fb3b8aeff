//! The answer to a drag, read out to screen readers too: moved (with any warnings or the
//! review it went to), or refused with the explanation and a way to move it anyway.

use super::drag::DragContext;
use crate::domain::TouchStatus;
use crate::error::AppError;
use leptos::prelude::*;

/// The message line under the toolbar; empty until a touch is dragged somewhere.
#[component]
pub fn MoveStatus() -> impl IntoView {
    let cx = use_context::<DragContext>().unwrap_or_default();
    let message = move || {
        let attempt = cx.attempt.get()?;
        let title = &attempt.touch.title;
        let to = attempt.to.format("%a %-d %b").to_string();
        if cx.action.pending().get() {
            return Some(view! { <p>{format!("Moving “{title}” to {to}…")}</p> }.into_any());
        }
        Some(match cx.action.value().get()? {
            Ok(outcome) => {
                let review = (outcome.status == TouchStatus::PendingReview)
                    .then_some(" It now waits for a manager's review.");
                view! {
                    <p data-testid="move-done">{format!("Moved “{title}” to {to} {}.", attempt.time)} {review}</p>
                    <Reasons reasons=outcome.conflicts />
                }
                .into_any()
            }
            Err(error) => {
                let blocked = matches!(&error, AppError::Conflict(m) if m.starts_with("not moved"));
                let again = attempt.clone();
                view! {
                    <p data-testid="move-refused">
                        <strong>{format!("“{title}” stays on {}. ", attempt.touch.from.format("%a %-d %b"))}</strong>
                        {explain(&error)}
                    </p>
                    {blocked.then(|| view! {
                        <button
                            type="button"
                            class="mt-2 rounded-md border border-red-700 px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-100 dark:border-red-400 dark:text-red-200 dark:hover:bg-red-950"
                            on:click=move |_| cx.ask(again.clone(), true)
                        >
                            "Move anyway and send it to review"
                        </button>
                    })}
                }
                .into_any()
            }
        })
    };
    view! {
        <div
            role="status"
            aria-live="polite"
            class="empty:hidden mb-4 rounded-md border border-slate-300 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
            {message}
        </div>
    }
}

/// The warnings found at the new time, if any.
#[component]
fn Reasons(reasons: Vec<String>) -> impl IntoView {
    (!reasons.is_empty()).then(|| {
        view! {
            <ul class="mt-1 list-disc pl-5">
                {reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
            </ul>
        }
    })
}

/// An error in words for the planner, without its category prefix.
pub fn explain(error: &AppError) -> String {
    match error {
        AppError::Conflict(message) | AppError::Validation(message) => {
            let mut text = message.clone();
            if let Some(first) = text.get(0..1) {
                text.replace_range(0..1, &first.to_uppercase());
            }
            text
        }
        other => other.to_string(),
    }
}
