//! The page body shown when loading a page's data failed: "not allowed" for a role that may
//! not see it (the server already answered 403), or the error in words.

use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

/// A refusal or failure in place of a page.
#[component]
pub fn Refusal(error: AppError) -> impl IntoView {
    let (title, text) = match &error {
        AppError::Forbidden(reason) => (
            "Not allowed",
            format!("You cannot open this page: {reason}. Ask an admin if you need it."),
        ),
        AppError::Unauthorized => ("Signed out", "Sign in again to continue.".to_owned()),
        other => ("Something went wrong", other.to_string()),
    };
    view! {
        <Title text=title />
        <h1 class="text-2xl font-semibold">{title}</h1>
        <p class="mt-2">{text} " " <a class="underline" href="/">"Go to the start page"</a></p>
    }
}
