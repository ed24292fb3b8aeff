//! Display names of teams and users, so explanations can say "Inside sales" instead of "team 3"
//! while touches stay small, copyable rows of ids.

use super::ids::{TeamId, UserId};
use std::collections::BTreeMap;

/// A directory of team and user names, loaded once per request or campaign.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    teams: BTreeMap<TeamId, String>,
    users: BTreeMap<UserId, String>,
}

/// An empty directory, for callers that have no names at hand: explanations fall back to ids.
pub static NO_NAMES: Names = Names::new();

impl Names {
    /// An empty directory.
    pub const fn new() -> Names {
        Names {
            teams: BTreeMap::new(),
            users: BTreeMap::new(),
        }
    }

    /// Adds or replaces a team's name.
    pub fn insert_team(&mut self, id: TeamId, name: impl Into<String>) {
        self.teams.insert(id, name.into());
    }

    /// Adds or replaces a user's name.
    pub fn insert_user(&mut self, id: UserId, name: impl Into<String>) {
        self.users.insert(id, name.into());
    }

    /// Builder form of [`Names::insert_team`].
    pub fn with_team(mut self, id: TeamId, name: impl Into<String>) -> Names {
        self.insert_team(id, name);
        self
    }

    /// Builder form of [`Names::insert_user`].
    pub fn with_user(mut self, id: UserId, name: impl Into<String>) -> Names {
        self.insert_user(id, name);
        self
    }

    /// A team's name, when known (borrowed: no allocation).
    pub fn team_name(&self, id: TeamId) -> Option<&str> {
        self.teams.get(&id).map(String::as_str)
    }

    /// A team's name, or `team <id>` when unknown.
    pub fn team(&self, id: TeamId) -> String {
        self.teams
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("team {id}"))
    }

    /// A user's name, or `user <id>` when unknown.
    pub fn user(&self, id: UserId) -> String {
        self.users
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("user {id}"))
    }
}
