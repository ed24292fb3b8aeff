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
    /// Whether only a digest of the secret is kept.
    pub digest_only: bool,
    /// Until when the previous secret still verifies.
    pub previous_until: Option<DateTime<Utc>>,
    /// When it was connected.
    pub created_at: DateTime<Utc>,
    /// When it was switched off.
    pub disabled_at: Option<DateTime<Utc>>,
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
    let sources = senders::list_sources(&state.pool)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|s| {
            let url = format!("{origin}/hooks/{}", s.id);
            SourceView {
                id: s.id,
                provider: s.kind.provider().to_owned(),
                label: s.label,
                instructions: s.kind.instructions(&url),
                url,
                secret_label: s.kind.secret_label().to_owned(),
                digest_only: s.secret_digest.is_some(),
                previous_until: s.previous.map(|(_, _, until)| until),
                created_at: s.created_at,
                disabled_at: s.disabled_at,
            }
        })
        .collect();
    let kinds = SourceKind::ALL
        .iter()
        .filter(|k| **k != SourceKind::Ses)
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
