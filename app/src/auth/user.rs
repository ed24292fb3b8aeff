//! The signed-in user as pages see it.

use crate::domain::{
    ids::{TeamId, UserId},
    role::Role,
    TimeZone,
};
use serde::{Deserialize, Serialize};

/// The signed-in user: enough to greet them, show their role and decide what to offer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    /// The user's id.
    pub id: UserId,
    /// The name shown in the header.
    pub name: String,
    /// The address they sign in with.
    pub email: String,
    /// Their one role.
    pub role: Role,
    /// Their team.
    pub team_id: TeamId,
    /// The name of their team.
    pub team: String,
    /// The zone they read times in.
    pub timezone: TimeZone,
}

impl CurrentUser {
    /// The user as the permission table sees them.
    pub fn actor(&self) -> crate::domain::Actor {
        crate::domain::Actor {
            id: self.id,
            role: self.role,
            team: self.team_id,
        }
    }
}
