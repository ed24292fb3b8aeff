//! The error of a contact form, wherever it came from: the last submission in place
//! (hydrated), or the URL the server sent the browser back to (`?__path=…&__err=…`, without
//! JavaScript). A validation error names its field ("timezone: …") so the form shows it there.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::{error::ServerFnUrlError, ServerFn};
use leptos_router::hooks::use_query_map;

/// The error the server put in the page's URL for the server function `S`, if any.
pub fn url_error<S: ServerFn<Error = AppError>>() -> Memo<Option<AppError>> {
    let query = use_query_map();
    Memo::new(move |_| {
        let q = query.read();
        (q.get("__path").as_deref() == Some(S::PATH))
            .then(|| q.get("__err"))
            .flatten()
            .map(|err| ServerFnUrlError::<AppError>::decode_err(&err))
    })
}

/// The field a validation error names, and its message; `None` for other errors.
pub fn field_error(error: &AppError) -> Option<(String, String)> {
    match error {
        AppError::Validation(text) | AppError::Conflict(text) => text
            .split_once(": ")
            .filter(|(field, _)| field.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .map(|(field, message)| (field.to_owned(), message.to_owned())),
        _ => None,
    }
}

/// The message to show next to `field` for `error`, if it is about that field.
pub fn message_for(error: &Option<AppError>, field: &str) -> Option<String> {
    error
        .as_ref()
        .and_then(field_error)
        .filter(|(f, _)| f == field)
        .map(|(_, message)| message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_validation_error_names_its_field() {
        let error = AppError::Validation("timezone: unknown time zone \"Mars/Base\"".into());
        assert_eq!(
            field_error(&error),
            Some(("timezone".into(), "unknown time zone \"Mars/Base\"".into()))
        );
        assert_eq!(message_for(&Some(error.clone()), "stage"), None);
        assert!(message_for(&Some(error), "timezone").is_some());
        assert_eq!(field_error(&AppError::Internal), None);
    }
}
