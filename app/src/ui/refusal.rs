//! A whole page refused or failed: a heading that says so and the error (through
//! [`ErrorNote`](super::ErrorNote), which also sets the HTTP status: 403 for a role that may
//! not see the page).

use super::ErrorNote;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

/// A refusal or failure in place of a page.
#[component]
pub fn Refusal(error: AppError) -> impl IntoView {
    let title = match &error {
        AppError::Forbidden(_) => "Not allowed",
        AppError::Unauthorized => "Signed out",
        _ => "Something went wrong",
    };
    view! {
        <Title text=title />
        <h1 class="text-2xl font-semibold">{title}</h1>
        <ErrorNote error />
        <p class="mt-2"><a class="underline" href="/">"Go to the start page"</a></p>
    }
}
