//! Where a provider's event lands: its touch, by the id the sender put in the provider's
//! metadata or by the provider's message id recorded when the touch was sent, and the contacts
//! it concerns (the touch's, else every contact with the address or number). Found before the
//! write transaction, since the contacts say what it locks.

use crate::domain::ids::{ContactId, TouchId};
use crate::domain::senders::Signal;
use crate::domain::{Channel, EmailAddress, TouchStatus};
use crate::store::db::{self, Conn, Db};
use crate::store::StoreError;

/// Where an event lands.
#[derive(Clone, Debug, Default)]
pub(super) struct Found {
    /// Its touch, with the touch's status.
    pub touch: Option<(TouchId, TouchStatus)>,
    /// The contacts it concerns: the touch's, else every contact with the address.
    pub contacts: Vec<ContactId>,
}

/// Finds each signal's touch and contacts, on one connection.
pub(super) async fn find_all(pool: &Db, signals: &[Signal]) -> Result<Vec<Found>, StoreError> {
    let mut conn = pool.acquire().await?;
    let mut found = Vec::with_capacity(signals.len());
    for signal in signals {
        found.push(find_on(&mut conn, signal).await?);
    }
    Ok(found)
}

/// The touch and contacts of one signal, on a connection (or inside a transaction).
pub(super) async fn find_on(conn: &mut Conn, signal: &Signal) -> Result<Found, StoreError> {
    let mut conn = conn;
    let by_id = match signal.target.touch {
        Some(id) => {
            touch_of(
                &mut conn,
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
                &mut conn,
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
        Some(address) => by_address(&mut conn, signal.channel, address).await?,
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
const PHONE_DIGITS: &str = "replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')";

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
