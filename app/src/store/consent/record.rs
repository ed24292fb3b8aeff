//! Recording consent changes on a contact inside the transaction that changes it: each change
//! checked (a known topic, evidence for a re-opt-in, a role that may restore consent), kept as
//! a record with its evidence, and folded into the state per topic kept on the contact.

use crate::domain::compliance::Country;
use crate::domain::consent::{
    ebr_until, ConsentChange, Evidence, Method, Topic, TopicConsent, TopicConsents, TopicState,
};
use crate::domain::ids::{ContactId, UserId};
use crate::domain::role::Role;
use crate::domain::{Action, FieldError};
use crate::store::contacts::ContactError;
use crate::store::db::{self, Conn};
use crate::store::rows::{secs, to_json};
use crate::store::{Failure, StoreError};
use chrono::{DateTime, Utc};

/// Who records, and how.
#[derive(Clone, Copy, Debug)]
pub struct Recorder {
    /// The user, if any (none for a provider's webhook).
    pub user: Option<UserId>,
    /// Their role, when a user records (restoring consent needs a manager or admin).
    pub role: Option<Role>,
    /// How the change came.
    pub method: Method,
}

/// Applies `asks` to the contact whose consent is `current` and whose country is `country`;
/// answers the new state per topic (already written to the contact).
#[allow(clippy::too_many_arguments)]
pub async fn record(
    conn: &mut Conn,
    contact: ContactId,
    current: &TopicConsents,
    country: Option<Country>,
    asks: &[(Topic, TopicState)],
    evidence: &Evidence,
    by: Recorder,
    now: DateTime<Utc>,
) -> Result<TopicConsents, Failure<ContactError>> {
    if asks.is_empty() {
        return Ok(current.clone());
    }
    let wanted: Vec<&Topic> = asks.iter().map(|(t, _)| t).collect();
    let missing = super::topics::unknown(conn, &wanted).await?;
    if let Some(topic) = missing.first() {
        return Err(Failure::Refused(ContactError::Invalid(FieldError::new(
            "consent_topics",
            format!("there is no topic {topic}; an admin adds topics first (GET /api/v1/topics lists them)"),
        ))));
    }
    let mut next = current.clone();
    for (topic, state) in asks {
        let before = current.0.get(topic).map_or(TopicState::NotSet, |c| c.state);
        let change = ConsentChange::new(topic.clone(), *state, by.method, evidence, before)
            .map_err(|e| {
                Failure::Refused(ContactError::Invalid(FieldError::new(
                    "consent_evidence",
                    e.to_string(),
                )))
            })?;
        if change.restores(before) {
            if let Some(role) = by.role {
                role.require(Action::RestoreConsent)
                    .map_err(|e| Failure::Refused(ContactError::Forbidden(e)))?;
            }
        }
        let until = change
            .basis_at
            .and_then(|since| ebr_until(country, change.basis, since));
        insert(conn, contact, &change, until, by, now).await?;
        if change.state == TopicState::NotSet {
            next.0.remove(topic);
        } else {
            next.0.insert(
                topic.clone(),
                TopicConsent {
                    state: change.state,
                    until,
                },
            );
        }
    }
    let kept = (!next.is_empty()).then(|| to_json(&next));
    db::query("UPDATE contacts SET consent_topics = ? WHERE id = ?")
        .bind(kept)
        .bind(contact.0)
        .execute(&mut *conn)
        .await?;
    Ok(next)
}

async fn insert(
    conn: &mut Conn,
    contact: ContactId,
    change: &ConsentChange,
    until: Option<DateTime<Utc>>,
    by: Recorder,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    db::query(
        "INSERT INTO consent_records (contact_id, topic, channel, state, basis, basis_at, until,
             method, wording, recorded_by, recorded_at)
         VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(contact.0)
    .bind(change.topic.as_str())
    .bind(change.state.as_str())
    .bind(change.basis.as_str())
    .bind(change.basis_at.map(secs))
    .bind(until.map(secs))
    .bind(change.method.as_str())
    .bind(&change.wording)
    .bind(by.user.map(|u| u.0))
    .bind(secs(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// Records a change of a channel's consent (an unsubscribe, STOP, an edit) in the history.
#[allow(clippy::too_many_arguments)]
pub async fn channel_change(
    conn: &mut Conn,
    contact: ContactId,
    channel: crate::domain::Channel,
    allowed: bool,
    method: Method,
    wording: Option<&str>,
    user: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let state = if allowed {
        TopicState::OptedIn
    } else {
        TopicState::OptedOut
    };
    db::query(
        "INSERT INTO consent_records (contact_id, topic, channel, state, basis, basis_at, until,
             method, wording, recorded_by, recorded_at)
         VALUES (?, NULL, ?, ?, 'consent', NULL, NULL, ?, ?, ?, ?)",
    )
    .bind(contact.0)
    .bind(channel.as_str())
    .bind(state.as_str())
    .bind(method.as_str())
    .bind(wording)
    .bind(user.map(|u| u.0))
    .bind(secs(now))
    .execute(conn)
    .await?;
    Ok(())
}
