//! The consent topics: listed by anyone, added by admins.

use crate::domain::consent::Topic;
use crate::domain::ids::UserId;
use crate::domain::label::check_label;
pub use crate::models::topic::TopicView;
use crate::store::audit::{self, AuditEntry};
use crate::store::db::{self, Db};
use crate::store::rows::secs;
use crate::store::tx::begin_write;
use crate::store::{Failure, StoreError};
use chrono::{DateTime, Utc};

/// Why a topic was not added.
#[derive(Debug, thiserror::Error)]
pub enum TopicError {
    /// The name is blank or too long.
    #[error("name: give the topic a name of 1 to 100 characters, with no tabs or line breaks")]
    Name,
    /// The id is taken.
    #[error("id: there is already a topic {0}")]
    Taken(Topic),
}

impl From<TopicError> for crate::error::AppError {
    fn from(error: TopicError) -> Self {
        match error {
            TopicError::Taken(_) => crate::error::AppError::Conflict(error.to_string()),
            TopicError::Name => crate::error::AppError::Validation(error.to_string()),
        }
    }
}

/// Every topic, by id.
pub async fn list(pool: &Db) -> Result<Vec<TopicView>, StoreError> {
    let rows = db::query_as::<(String, String)>("SELECT id, name FROM topics ORDER BY id")
        .fetch_all(pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| TopicView { id, name })
        .collect())
}

/// Whether `topic` exists.
pub async fn exists(pool: &Db, topic: &Topic) -> Result<bool, StoreError> {
    let mut conn = pool.acquire().await?;
    Ok(unknown(&mut conn, &[topic]).await?.is_empty())
}

/// The topics among `wanted` that do not exist.
pub async fn unknown(conn: &mut db::Conn, wanted: &[&Topic]) -> Result<Vec<Topic>, StoreError> {
    let mut missing = Vec::new();
    for topic in wanted {
        let found: Option<String> = db::query_scalar("SELECT id FROM topics WHERE id = ?")
            .bind(topic.as_str())
            .fetch_optional(&mut *conn)
            .await?;
        if found.is_none() {
            missing.push((*topic).clone());
        }
    }
    Ok(missing)
}

/// Adds a topic.
pub async fn create(
    pool: &Db,
    id: &Topic,
    name: &str,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<TopicView, Failure<TopicError>> {
    let name = check_label(name).map_err(|_| Failure::Refused(TopicError::Name))?;
    let mut tx = begin_write(pool).await?;
    let made = db::query(
        "INSERT INTO topics (id, name, created_by, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(id.as_str())
    .bind(name)
    .bind(actor.0)
    .bind(secs(now))
    .execute(&mut tx)
    .await?;
    if made.rows_affected() != 1 {
        return Err(Failure::Refused(TopicError::Taken(id.clone())));
    }
    let entry = AuditEntry {
        at: now,
        actor: Some(actor),
        action: "topic.created",
        subject_type: "topic",
        subject_id: None,
        contact: None,
        details: serde_json::json!({ "id": id, "name": name }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(TopicView {
        id: id.as_str().to_owned(),
        name: name.to_owned(),
    })
}
