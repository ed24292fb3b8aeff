//! A page's refusal or failure, said plainly; on the server it also sets the HTTP status
//! (403, 404, …) so that a refused page is not answered as a success.

use crate::error::AppError;
use leptos::prelude::*;

/// The error as a page section.
#[component]
pub fn ErrorNote(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(error.status());
    }
    view! {
        <p role="alert" class="mt-2 rounded border-l-4 border-red-600 bg-red-50 px-3 py-2 text-red-900 dark:bg-red-950 dark:text-red-100">
            {super::error_text(&error)}
        </p>
    }
}
