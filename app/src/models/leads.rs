//! What the leads board shows: rows of contacts in four sections, and who is looking. Shared by
//! the server (which fills it) and the browser (which renders it).

use crate::domain::ids::{ContactId, TeamId, UserId};
use crate::domain::role::Role;
use crate::domain::{Alert, Channel, InteractionKind, Stage, TimeZone};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The contact's latest inbound interaction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastInbound {
    /// What the contact did.
    pub kind: InteractionKind,
    /// On which channel.
    pub channel: Channel,
    /// When.
    pub at: DateTime<Utc>,
}

/// A contact's live owner, as a board row shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowOwner {
    /// The owning user.
    pub user_id: UserId,
    /// Their name.
    pub name: String,
    /// When the claim lapses unless renewed.
    pub expires_at: DateTime<Utc>,
}

/// One contact on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadRow {
    /// Which contact.
    pub contact_id: ContactId,
    /// Its name.
    pub name: String,
    /// Its lifecycle stage.
    pub stage: Stage,
    /// Its latest inbound interaction, if any.
    pub last_inbound: Option<LastInbound>,
    /// Its live owner, if any.
    pub owner: Option<RowOwner>,
    /// Whether the viewer has an open claim request for it.
    pub requested: bool,
    /// The `unanswered_reply` and `cadence_gap` alerts that hold (filled in the alerts section).
    pub alerts: Vec<Alert>,
}

/// A capped list: the first rows and how many there are in all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capped {
    /// The rows shown.
    pub rows: Vec<LeadRow>,
    /// How many rows there are in all (at least `rows.len()`).
    pub total: u64,
}

/// Who is looking at the board: decides which action each row offers and the zone of times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    /// The viewer's id.
    pub id: UserId,
    /// Their role.
    pub role: Role,
    /// The zone they read times in.
    pub zone: TimeZone,
    /// When they read the page, for relative times ("3 h ago").
    pub now: DateTime<Utc>,
}

/// The whole leads board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadsBoard {
    /// Who is looking.
    pub viewer: Viewer,
    /// Hot leads, latest inbound first: unowned ones, or all of them with `owned` hot leads.
    pub hot: Capped,
    /// Whether `hot` includes leads others own.
    pub include_owned: bool,
    /// The viewer's own contacts, soonest expiry first.
    pub mine: Capped,
    /// Claims lapsing soon (the viewer's; a manager's team's; every claim for an admin).
    pub lapsing: Capped,
    /// Contacts with an `unanswered_reply` or `cadence_gap` alert, oldest alert first.
    pub alerting: Capped,
}

/// Whose lapsing claims a viewer sees: a rep their own, a manager their team's, an admin all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LapsingScope {
    /// Claims owned by this user.
    Owner(UserId),
    /// Claims owned by members of this team.
    Team(TeamId),
    /// Every claim.
    All,
}

impl LapsingScope {
    /// The scope for a viewer with this role, id and team.
    pub fn for_viewer(role: Role, id: UserId, team: TeamId) -> LapsingScope {
        match role {
            Role::Admin => LapsingScope::All,
            Role::Manager => LapsingScope::Team(team),
            Role::Rep | Role::Marketer => LapsingScope::Owner(id),
        }
    }
}
