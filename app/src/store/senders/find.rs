//! Where a provider's event lands: its touch, by the id the sender put in the provider's
//! metadata or by the provider's message id recorded when the touch was sent, and the contacts
//! it concerns (the touch's, else every contact with the address or number). Found before the
//! write transaction, since the contacts say what it locks.

use crate::domain::ids::{ContactId, TouchId};
use crate::domain::senders::Signal;
use crate::domain::{Channel, EmailAddress, TouchStatus};
use crate::store::db::{self, Conn, Db, SqlBuilder};
use crate::store::StoreError;
use std::collections::{BTreeSet, HashMap};

/// Where an event lands.
#[derive(Clone, Debug, Default)]
pub(super) struct Found {
    /// Its touch, with the touch's status.
    pub touch: Option<(TouchId, TouchStatus)>,
    /// The contacts it concerns: the touch's, else every contact with the address.
    pub contacts: Vec<ContactId>,
}

/// How many values one `IN` list binds.
const CHUNK: usize = 500;

type TouchRow = (TouchId, ContactId, TouchStatus);

/// Finds each signal's touch and contacts, on one connection: the touches named by id and by
/// message id in a few `IN` queries for the whole batch, then each remaining address once.
pub(super) async fn find_all(pool: &Db, signals: &[&Signal]) -> Result<Vec<Found>, StoreError> {
    let mut conn = pool.acquire().await?;
    let ids: BTreeSet<i64> = signals
        .iter()
        .filter_map(|s| s.target.touch)
        .map(|t| t.0)
        .collect();
    let by_id = touches_in(
        &mut conn,
        "SELECT CAST(id AS TEXT), id, contact_id, status FROM touches WHERE id IN (",
        ids.into_iter().map(db::Arg::from).collect(),
    )
    .await?;
    let messages: BTreeSet<String> = signals
        .iter()
        .filter(|s| {
            s.target
                .touch
                .is_none_or(|t| !by_id.contains_key(&t.0.to_string()))
        })
        .filter_map(|s| s.target.message_id.clone())
        .collect();
    let by_message = touches_in(
        &mut conn,
        "SELECT m.message_id, t.id, t.contact_id, t.status FROM touch_messages m
         JOIN touches t ON t.id = m.touch_id WHERE m.message_id IN (",
        messages.into_iter().map(db::Arg::from).collect(),
    )
    .await?;
    let mut addresses: HashMap<(Channel, String), Vec<ContactId>> = HashMap::new();
    let mut found = Vec::with_capacity(signals.len());
    for &signal in signals {
        let touch = signal
            .target
            .touch
            .and_then(|t| by_id.get(&t.0.to_string()))
            .or_else(|| {
                signal
                    .target
                    .message_id
                    .as_ref()
                    .and_then(|m| by_message.get(m))
            });
        if let Some(&(touch, contact, status)) = touch {
            found.push(Found {
                touch: Some((touch, status)),
                contacts: vec![contact],
            });
            continue;
        }
        let contacts = match signal.target.address.as_deref() {
            Some(address) => {
                let key = (signal.channel, address.to_owned());
                match addresses.get(&key) {
                    Some(contacts) => contacts.clone(),
                    None => {
                        let contacts = by_address(&mut conn, signal.channel, address).await?;
                        addresses.insert(key, contacts.clone());
                        contacts
                    }
                }
            }
            None => Vec::new(),
        };
        found.push(Found {
            touch: None,
            contacts,
        });
    }
    Ok(found)
}

/// The touches a statement ending in `IN (` finds for `keys`, by the key (as text) its first
/// column answers.
async fn touches_in(
    conn: &mut Conn,
    start: &str,
    keys: Vec<db::Arg>,
) -> Result<HashMap<String, TouchRow>, StoreError> {
    let mut found = HashMap::new();
    for chunk in keys.chunks(CHUNK) {
        let mut sql = SqlBuilder::new(start);
        for (i, key) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push_bind(key.clone());
        }
        sql.push(")");
        let rows = sql
            .build_query_as::<(String, i64, i64, String)>()
            .fetch_all(&mut *conn)
            .await?;
        for (key, touch, contact, status) in rows {
            let status =
                TouchStatus::parse(&status).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            found.insert(key, (TouchId(touch), ContactId(contact), status));
        }
    }
    Ok(found)
}

/// The touch and contacts of one signal, on a connection (or inside a transaction).
pub(super) async fn find_on(conn: &mut Conn, signal: &Signal) -> Result<Found, StoreError> {
    let by_id = match signal.target.touch {
        Some(id) => {
            touch_of(
                conn,
                "SELECT id, contact_id, status FROM touches WHERE id = ?",
                id.0.into(),
            )
            .await?
        }
        None => None,
    };
    let by_message = match (&by_id, &signal.target.message_id) {
        (None, Some(message)) => {
            touch_of(
                conn,
                "SELECT t.id, t.contact_id, t.status FROM touch_messages m
                 JOIN touches t ON t.id = m.touch_id WHERE m.message_id = ?",
                message.clone().into(),
            )
            .await?
        }
        _ => None,
    };
    if let Some((touch, contact, status)) = by_id.or(by_message) {
        return Ok(Found {
            touch: Some((touch, status)),
            contacts: vec![contact],
        });
    }
    let contacts = match signal.target.address.as_deref() {
        Some(address) => by_address(conn, signal.channel, address).await?,
        None => Vec::new(),
    };
    Ok(Found {
        touch: None,
        contacts,
    })
}

async fn touch_of(
    conn: &mut Conn,
    sql: &'static str,
    key: db::Arg,
) -> Result<Option<(TouchId, ContactId, TouchStatus)>, StoreError> {
    let row = db::query_as::<(i64, i64, String)>(sql)
        .bind(key)
        .fetch_optional(conn)
        .await?;
    row.map(|(touch, contact, status)| {
        let status = TouchStatus::parse(&status).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok((TouchId(touch), ContactId(contact), status))
    })
    .transpose()
}

/// The digits of a phone number, as the `contacts_phone_digits` index keeps them.
pub(crate) const PHONE_DIGITS: &str = "replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')";

/// Every contact with this email address (any case) or phone number (any punctuation; a North
/// American number also as written without its country code).
async fn by_address(
    conn: &mut Conn,
    channel: Channel,
    address: &str,
) -> Result<Vec<ContactId>, StoreError> {
    let ids: Vec<i64> = if channel == Channel::Email {
        let Ok(email) = EmailAddress::parse(address) else {
            return Ok(Vec::new());
        };
        db::query_scalar("SELECT id FROM contacts WHERE lower(email) = lower(?) ORDER BY id")
            .bind(email.as_str())
            .fetch_all(conn)
            .await?
    } else {
        let digits: String = address.chars().filter(char::is_ascii_digit).collect();
        if digits.len() < 5 {
            return Ok(Vec::new());
        }
        let national = match digits.strip_prefix('1') {
            Some(rest) if digits.len() == 11 => rest.to_owned(),
            _ => digits.clone(),
        };
        db::query_scalar(format!(
            "SELECT id FROM contacts WHERE {PHONE_DIGITS} IN (?, ?) ORDER BY id"
        ))
        .bind(digits)
        .bind(national)
        .fetch_all(conn)
        .await?
    };
    Ok(ids.into_iter().map(ContactId).collect())
}
