//! Server function: keep the certificate SNS signs an SES source's messages under, pasted by an
//! admin (Concord fetches nothing a payload names; the URL must be on an SNS host).

use crate::error::AppError;
use leptos::prelude::*;

/// Keeps `pem` as the certificate at `url`, asked for on source `id`'s card.
#[server(prefix = "/api", endpoint = "add_sns_certificate")]
pub async fn add_sns_certificate(id: i64, url: String, pem: String) -> Result<(), AppError> {
    use crate::domain::senders::{cert_url_allowed, sns_signature};
    use crate::domain::{Action, FieldError};

    let (state, me) = crate::auth::require::allowed(Action::ManageSources).await?;
    if !cert_url_allowed(&url) {
        return Err(
            FieldError::new("url", "is not a certificate URL on an Amazon SNS host").into(),
        );
    }
    sns_signature::certificate_key(&pem).map_err(|e| {
        FieldError::new(
            "certificate",
            format!("{e}; paste the whole file, BEGIN and END lines too"),
        )
    })?;
    let added = crate::store::senders::add_sns_certificate(
        &state.pool,
        id,
        &url,
        pem.trim(),
        me.id,
        chrono::Utc::now(),
    )
    .await
    .map_err(|e| e.log_as_internal());
    crate::ui::flash::kept::<AddSnsCertificate>(added).await
}
