//! A touch row (with its team's and author's names) → the engine's [`Touch`] and the wire
//! [`TouchRecord`].

use super::{instant, json, parsed};
use crate::domain::ids::{CampaignId, ContactId, TeamId, TouchId, UserId};
use crate::domain::{
    Audience, Channel, Conflict, Names, ProposedTouch, Purpose, Touch, TouchStatus,
};
use crate::records::TouchRecord;
use crate::store::StoreError;
use chrono::{DateTime, Utc};

/// The columns of [`TouchRow`] from `touches t` with its team `tm` and author `u`; append
/// `WHERE …`.
pub const TOUCH_SELECT: &str = "SELECT t.id, t.contact_id, t.channel, t.purpose, t.team_id, \
     t.author_id, t.campaign_id, t.scheduled_at, t.title, t.notes, t.automated, \
     t.personalized, t.audience, t.status, t.conflicts, t.version, t.sent_at, t.created_at, \
     t.updated_at, tm.name AS team_name, u.name AS author_name \
     FROM touches t JOIN teams tm ON tm.id = t.team_id JOIN users u ON u.id = t.author_id ";

/// One row of `touches`, with the names explanations need.
#[derive(Clone, Debug, sqlx::FromRow, serde::Deserialize)]
pub struct TouchRow {
    /// `touches.id`
    pub id: i64,
    /// `touches.contact_id`
    pub contact_id: i64,
    /// `touches.channel`
    pub channel: String,
    /// `touches.purpose`
    pub purpose: String,
    /// `touches.team_id`
    pub team_id: i64,
    /// `touches.author_id`
    pub author_id: i64,
    /// `touches.campaign_id`
    pub campaign_id: Option<i64>,
    /// `touches.scheduled_at`
    pub scheduled_at: i64,
    /// `touches.title`
    pub title: String,
    /// `touches.notes`
    pub notes: String,
    /// `touches.automated`
    pub automated: bool,
    /// `touches.personalized`
    pub personalized: bool,
    /// `touches.audience`
    pub audience: Option<String>,
    /// `touches.status`
    pub status: String,
    /// `touches.conflicts` (JSON array)
    pub conflicts: String,
    /// `touches.version`
    pub version: i64,
    /// `touches.sent_at`
    pub sent_at: Option<i64>,
    /// `touches.created_at`
    pub created_at: i64,
    /// `touches.updated_at`
    pub updated_at: i64,
    /// `teams.name` of the sending team.
    pub team_name: String,
    /// `users.name` of the author.
    pub author_name: String,
}

impl TouchRow {
    /// The engine's view.
    pub fn touch(&self) -> Result<Touch, StoreError> {
        Ok(Touch {
            id: TouchId(self.id),
            channel: parsed(Channel::parse(&self.channel))?,
            purpose: parsed(Purpose::parse(&self.purpose))?,
            team: TeamId(self.team_id),
            author: UserId(self.author_id),
            campaign: self.campaign_id.map(CampaignId),
            scheduled_at: instant(self.scheduled_at)?,
            status: self.status()?,
            automated: self.automated,
            personalized: self.personalized,
        })
    }

    /// The stored status.
    pub fn status(&self) -> Result<TouchStatus, StoreError> {
        parsed(TouchStatus::parse(&self.status))
    }

    /// The conflicts stored at the last check.
    pub fn conflicts(&self) -> Result<Vec<Conflict>, StoreError> {
        json(&self.conflicts)
    }

    /// This stored touch proposed again at `at` (a move, or a re-check before it goes out):
    /// the engine checks it in its own place, not as a second touch.
    pub fn proposed_at(&self, at: DateTime<Utc>) -> Result<ProposedTouch, StoreError> {
        let touch = self.touch()?;
        let mut proposed =
            ProposedTouch::new(touch.channel, touch.purpose, touch.team, touch.author, at);
        proposed.id = Some(touch.id);
        proposed.campaign = touch.campaign;
        proposed.automated = touch.automated;
        proposed.personalized = touch.personalized;
        proposed.audience = self
            .audience
            .as_deref()
            .map(|text| parsed(Audience::parse(text)))
            .transpose()?;
        Ok(proposed)
    }

    /// Adds this row's team and author names to a directory.
    pub fn add_names(&self, names: &mut Names) {
        names.insert_team(TeamId(self.team_id), self.team_name.clone());
        names.insert_user(UserId(self.author_id), self.author_name.clone());
    }

    /// The wire record.
    pub fn record(self) -> Result<TouchRecord, StoreError> {
        let touch = self.touch()?;
        Ok(TouchRecord {
            id: touch.id,
            contact_id: ContactId(self.contact_id),
            channel: touch.channel,
            purpose: touch.purpose,
            team_id: touch.team,
            author_id: touch.author,
            campaign_id: touch.campaign,
            scheduled_at: touch.scheduled_at,
            conflicts: self.conflicts()?,
            status: touch.status,
            automated: touch.automated,
            personalized: touch.personalized,
            version: self.version,
            sent_at: self.sent_at.map(instant).transpose()?,
            created_at: instant(self.created_at)?,
            updated_at: instant(self.updated_at)?,
            title: self.title,
            notes: self.notes,
            audience: self.audience,
        })
    }
}
