//! Rows of the preview's ordered range queries → the engine's types. Text columns are read
//! borrowed from the row, so decoding a touch allocates nothing.

use crate::domain::ids::{CampaignId, ContactId, InteractionId, TeamId, TouchId, UserId};
use crate::domain::{
    Channel, Claim, Consent, ContactFacts, Interaction, InteractionKind, Purpose, Reach, Stage,
    TimeZone, Touch, TouchStatus,
};
use crate::store::contacts::jurisdiction;
use crate::store::db::DbRow;
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

fn bad(column: &str, e: impl std::fmt::Display) -> sqlx::Error {
    sqlx::Error::ColumnDecode {
        index: column.to_owned(),
        source: e.to_string().into(),
    }
}

/// A contact's facts from (id, stage, timezone, attributes, consent ×4, do_not_contact, has
/// email, has phone, has address, the four jurisdiction columns, the address and phone
/// when the jurisdiction was never stored, and the suppressed channels); attributes are parsed only when `with_attributes` (audience conditions
/// are the only rules that read them).
pub(super) fn contact(row: &DbRow, with_attributes: bool) -> Result<ContactFacts, sqlx::Error> {
    let stage = Stage::parse(row.try_get_str(1)?).map_err(|e| bad("stage", e))?;
    let zone = TimeZone::parse(row.try_get_str(2)?).map_err(|e| bad("timezone", e))?;
    let mut facts = ContactFacts::new(ContactId(row.try_get(0)?), stage, zone);
    if with_attributes {
        let text: &str = row.try_get_str(3)?;
        let values: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(text).map_err(|e| bad("attributes", e))?;
        facts.attributes = values
            .into_iter()
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => (k, s),
                other => (k, other.to_string()),
            })
            .collect();
    }
    facts.consent = Consent {
        email: row.try_get(4)?,
        sms: row.try_get(5)?,
        phone: row.try_get(6)?,
        mail: row.try_get(7)?,
    };
    facts.do_not_contact = row.try_get(8)?;
    facts.reach = Reach {
        email: row.try_get(9)?,
        phone: row.try_get(10)?,
        postal_address: row.try_get(11)?,
    };
    let text = |k: usize| row.try_get_opt_str(k);
    facts.jurisdiction = jurisdiction::stored_or_read(
        [text(12)?, text(13)?, text(14)?, text(15)?],
        text(16)?,
        text(17)?,
    )
    .map_err(|e| bad("jurisdiction", e))?;
    let suppressed: i64 = row.try_get(18)?;
    facts.suppressed = u8::try_from(suppressed & 0xF).unwrap_or(0);
    Ok(facts)
}

/// A touch and its contact's id, from (contact_id, id, channel, purpose, team_id, author_id,
/// campaign_id, scheduled_at, status, automated, personalized).
pub(super) fn touch(row: &DbRow) -> Result<(i64, Touch), sqlx::Error> {
    let touch = Touch {
        id: TouchId(row.try_get(1)?),
        channel: Channel::parse(row.try_get_str(2)?).map_err(|e| bad("channel", e))?,
        purpose: Purpose::parse(row.try_get_str(3)?).map_err(|e| bad("purpose", e))?,
        team: TeamId(row.try_get(4)?),
        author: UserId(row.try_get(5)?),
        campaign: row.try_get::<Option<i64>, _>(6)?.map(CampaignId),
        scheduled_at: instant(row.try_get(7)?),
        status: TouchStatus::parse(row.try_get_str(8)?).map_err(|e| bad("status", e))?,
        automated: row.try_get(9)?,
        personalized: row.try_get(10)?,
    };
    Ok((row.try_get(0)?, touch))
}

/// An interaction and its contact's id, from (contact_id, id, kind, channel, at) (an interaction without a channel counts as email).
pub(super) fn interaction(row: &DbRow) -> Result<(i64, Interaction), sqlx::Error> {
    let channel: Option<String> = row.try_get(3)?;
    let interaction = Interaction {
        id: InteractionId(row.try_get(1)?),
        kind: InteractionKind::parse(row.try_get_str(2)?).map_err(|e| bad("kind", e))?,
        channel: Channel::parse(channel.as_deref().unwrap_or("email"))
            .map_err(|e| bad("channel", e))?,
        at: instant(row.try_get(4)?),
    };
    Ok((row.try_get(0)?, interaction))
}

/// A contact's first inbound instant and its id, from (contact_id, MIN(at)).
pub(super) fn first_inbound(row: &DbRow) -> Result<(i64, DateTime<Utc>), sqlx::Error> {
    Ok((row.try_get(0)?, instant(row.try_get(1)?)))
}

/// A live claim and its contact's id, from (contact_id, user_id, claimed_at, expires_at).
pub(super) fn claim(row: &DbRow) -> Result<(i64, Claim), sqlx::Error> {
    let claim = Claim {
        owner: UserId(row.try_get(1)?),
        since: instant(row.try_get(2)?),
        expires_at: instant(row.try_get(3)?),
    };
    Ok((row.try_get(0)?, claim))
}
