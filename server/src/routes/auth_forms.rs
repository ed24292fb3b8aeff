//! The plain HTML form posts for signing in and out, so both work without JavaScript.

use app::auth::client_ip::ClientIp;
use app::{
    auth::{
        next::safe_next,
        session,
        sign_in::{failure_code, ssr::attempt},
    },
    state::AppState,
};
use axum::{extract::State, response::Redirect, Extension, Form};
use serde::Deserialize;
use tower_sessions::Session;

/// The sign-in form's fields; missing ones read as empty and get a clear message.
#[derive(Debug, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// `POST /auth/sign-in`: on success to `next`, else back to the form with the reason.
pub async fn sign_in(
    State(state): State<AppState>,
    Extension(ClientIp(client)): Extension<ClientIp>,
    session: Session,
    Form(form): Form<SignInForm>,
) -> Redirect {
    let next = safe_next(&form.next);
    match attempt(&state, &session, Some(client), &form.email, &form.password).await {
        Ok(()) => Redirect::to(&next),
        Err(e) => {
            let (code, wait) = failure_code(&e);
            let mut query = form_urlencoded::Serializer::new(String::new());
            query.append_pair("error", code);
            if let Some(wait) = wait {
                query.append_pair("wait", &wait.to_string());
            }
            query.append_pair("next", &next);
            Redirect::to(&format!("/sign-in?{}", query.finish()))
        }
    }
}

/// `POST /auth/sign-out`: ends the session and shows the sign-in page.
pub async fn sign_out(session: Session) -> Redirect {
    if let Err(e) = session::sign_out(&session).await {
        tracing::error!(error = %e, "sign-out failed");
    }
    Redirect::to("/sign-in")
}
