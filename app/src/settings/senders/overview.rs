//! What the senders page shows, loaded by one server function: the sources with the URL and
//! steps to give each provider, the kinds one can connect, and the dead letters.

use crate::domain::TimeZone;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A connected source (never its secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceView {
    /// Its id.
    pub id: i64,
    /// The provider, as people know it.
    pub provider: String,
    /// Its label.
    pub label: String,
    /// The URL to paste into the provider.
    pub url: String,
    /// What to do in the provider's console.
    pub instructions: String,
    /// What its secret is called.
    pub secret_label: String,
    /// How its secret is kept, in a sentence.
    pub kept: String,
    /// Until when the previous secret still verifies.
    pub previous_until: Option<DateTime<Utc>>,
    /// When it was connected.
    pub created_at: DateTime<Utc>,
    /// When it was switched off.
    pub disabled_at: Option<DateTime<Utc>>,
    /// For SES: where its SNS subscription stands.
    pub sns: Option<SnsView>,
}

/// Where an SES source's SNS subscription stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnsView {
    /// A certificate SNS signed under that Concord does not have: the admin pastes it.
    pub wanted_cert: Option<String>,
    /// The link that confirms the subscription, from a verified confirmation.
    pub subscribe_url: Option<String>,
    /// When the first verified notification arrived.
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// A kind one can connect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindView {
    /// Its id, e.g. `sendgrid`.
    pub id: String,
    /// The provider's name.
    pub provider: String,
    /// What its secret is called.
    pub secret_label: String,
}

/// A dead letter: an event that verified but could not be mapped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadLetterView {
    /// Its id.
    pub id: i64,
    /// The source's label.
    pub source: String,
    /// What the provider said, e.g. "bounced to +1 617 555 0100".
    pub event: String,
    /// Why it was not mapped.
    pub reason: String,
    /// When it arrived.
    pub received_at: DateTime<Utc>,
}

/// Everything on the senders page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Senders {
    /// The sources, newest first.
    pub sources: Vec<SourceView>,
    /// The kinds one can connect.
    pub kinds: Vec<KindView>,
    /// The dead letters not replayed yet, newest first.
    pub dead_letters: Vec<DeadLetterView>,
    /// The zone to show instants in.
    pub zone: TimeZone,
}

/// The most dead letters listed at once.
pub const DEAD_LETTERS_SHOWN: i64 = 200;

/// Loads the senders page; admins only.
#[server(prefix = "/api", endpoint = "senders_overview")]
pub async fn senders_overview() -> Result<Senders, AppError> {
    use crate::domain::senders::SourceKind;
    use crate::domain::Action;
    use crate::store::senders;

    let (state, user) = crate::auth::require::allowed(Action::ManageSources).await?;
    let internal = |e: crate::store::StoreError| e.log_as_internal();
    let host = leptos_axum::extract::<axum::http::HeaderMap>()
        .await
        .ok()
        .and_then(|h| {
            h.get(axum::http::header::HOST)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        });
    let origin = crate::settings::feeds::issue::origin(&state, host.as_deref());
    let mut sources = Vec::new();
    for s in senders::list_sources(&state.pool).await.map_err(internal)? {
        let sns = match s.kind {
            SourceKind::Ses => Some(sns_view(&state.pool, s.id).await.map_err(internal)?),
            _ => None,
        };
        let url = format!("{origin}/hooks/{}", s.id);
        sources.push(SourceView {
            id: s.id,
            provider: s.kind.provider().to_owned(),
            label: s.label,
            instructions: s.kind.instructions(&url),
            url,
            secret_label: s.kind.secret_label().to_owned(),
            kept: kept(s.kind.secret_form()).to_owned(),
            previous_until: s.previous.map(|(_, _, until)| until),
            created_at: s.created_at,
            disabled_at: s.disabled_at,
            sns,
        });
    }
    let kinds = SourceKind::ALL
        .iter()
        .map(|k| KindView {
            id: k.as_str().to_owned(),
            provider: k.provider().to_owned(),
            secret_label: k.secret_label().to_owned(),
        })
        .collect();
    let dead_letters = senders::dead_letters(&state.pool, false, DEAD_LETTERS_SHOWN)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|d| DeadLetterView {
            id: d.id,
            source: d.source_label,
            event: d.signal.describe(),
            reason: d.reason,
            received_at: d.received_at,
        })
        .collect();
    Ok(Senders {
        sources,
        kinds,
        dead_letters,
        zone: user.timezone,
    })
}

/// Where source `id`'s subscription stands: its kept confirmation's link is shown only once
/// the confirmation verifies under a certificate an admin pasted.
#[cfg(feature = "ssr")]
async fn sns_view(
    pool: &crate::store::db::Db,
    id: i64,
) -> Result<SnsView, crate::store::StoreError> {
    use crate::domain::senders::{envelope, sns_signature};
    use crate::store::senders::{sns_certificate, sns_state};

    let state = sns_state(pool, id).await?;
    let mut subscribe_url = None;
    if let Some(confirmation) = state
        .confirmation
        .as_deref()
        .and_then(|body| envelope(body.as_bytes()).ok())
    {
        if let Some(pem) = sns_certificate(pool, &confirmation.signing_cert_url).await? {
            if sns_signature::verify(&confirmation, &pem).is_ok() {
                subscribe_url = confirmation.subscribe_url.clone();
            }
        }
    }
    Ok(SnsView {
        wanted_cert: state.wanted_cert,
        subscribe_url,
        confirmed_at: state.confirmed_at,
    })
}

/// How a secret of `form` is kept, for the admin.
#[cfg(feature = "ssr")]
fn kept(form: crate::domain::senders::SecretForm) -> &'static str {
    use crate::domain::senders::SecretForm;
    match form {
        SecretForm::Presented => "Concord keeps only a digest of its secret.",
        SecretForm::HmacKey => {
            "Its signing key is kept as given: the provider's signature cannot be checked otherwise."
        }
        SecretForm::PublicKey | SecretForm::Topic => {
            "What it verifies with is public (a public key or a topic), kept as given."
        }
    }
}
