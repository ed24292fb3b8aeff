//! The role a user holds, which decides what they may do.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// A user's one role. Ordered by reach: a manager may do what a marketer may, and more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Role {
    /// Sales rep: claims leads and plans 1:1 follow-ups.
    Rep,
    /// Marketer: plans campaigns and single sends.
    Marketer,
    /// Manager: reviews overrides, approvals and team pressure.
    Manager,
    /// Admin: sets rules, users and teams.
    Admin,
}

/// A role name that is not one of Concord's four roles.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}: expected marketer, rep, manager or admin")]
pub struct UnknownRole(pub String);

impl Role {
    /// Every role, for pickers and validation messages.
    pub const ALL: [Role; 4] = [Role::Marketer, Role::Rep, Role::Manager, Role::Admin];

    /// The stable name used in the database, the API and the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Rep => "rep",
            Role::Marketer => "marketer",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }
}

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "rep" => Ok(Role::Rep),
            "marketer" => Ok(Role::Marketer),
            "manager" => Ok(Role::Manager),
            "admin" => Ok(Role::Admin),
            _ => Err(UnknownRole(s.to_owned())),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_role_and_round_trips() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert_eq!(" Admin ".parse::<Role>(), Ok(Role::Admin));
        assert_eq!("boss".parse::<Role>(), Err(UnknownRole("boss".into())));
    }
}
