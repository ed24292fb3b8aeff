//! What the settings page shows, loaded by one server function: the rules, the teams and
//! users, the API tokens, and a token just issued (shown this once).

use super::rules::form::ParamField;
use crate::{
    domain::{
        ids::{TeamId, UserId},
        TimeZone,
    },
    error::AppError,
};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One rule, alert or setting with its editable fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleView {
    /// The stable id, e.g. `daily_cap`.
    pub id: String,
    /// What it does, in one sentence.
    pub about: String,
    /// Whether it runs (`None` for settings that are always on).
    pub enabled: Option<bool>,
    /// `block` or `warn` (`None` for alerts and settings).
    pub severity: Option<String>,
    /// Its parameters.
    pub fields: Vec<ParamField>,
    /// The version read, sent back on save (0: never saved).
    pub version: i64,
    /// A warning when a legal minimum is switched off or only warns.
    pub warning: Option<String>,
}

/// A team and its size.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamView {
    /// The team's id.
    pub id: TeamId,
    /// Its name.
    pub name: String,
    /// How many users it has.
    pub members: i64,
}

/// A user as admins see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserView {
    /// The user's id.
    pub id: UserId,
    /// Display name.
    pub name: String,
    /// Sign-in address.
    pub email: String,
    /// Role name.
    pub role: String,
    /// Team id.
    pub team_id: TeamId,
    /// Team name.
    pub team: String,
    /// Their time zone.
    pub timezone: String,
    /// Disabled: cannot sign in; tokens and feeds stop.
    pub disabled: bool,
}

/// An issued API token (never its secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenView {
    /// The token's id.
    pub id: i64,
    /// What it is for.
    pub label: String,
    /// The user it acts as.
    pub user: String,
    /// Issued at.
    pub created_at: DateTime<Utc>,
    /// Last used, if recorded.
    pub last_used_at: Option<DateTime<Utc>>,
    /// Revoked at, if revoked.
    pub revoked_at: Option<DateTime<Utc>>,
    /// Stops working at, if it expires.
    pub expires_at: Option<DateTime<Utc>>,
}

/// A token issued on the previous request, shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreshToken {
    /// The token's id.
    pub id: i64,
    /// Its label.
    pub label: String,
    /// The bearer token itself.
    pub secret: String,
}

/// Everything on the settings page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The rules, alerts and settings, in the rule set's order.
    pub rules: Vec<RuleView>,
    /// Teams by name.
    pub teams: Vec<TeamView>,
    /// Users by name.
    pub users: Vec<UserView>,
    /// Tokens, live first.
    pub tokens: Vec<TokenView>,
    /// A token just issued, if any.
    pub fresh_token: Option<FreshToken>,
    /// The admin looking (they may not change their own role).
    pub me: UserId,
    /// The zone to show instants in.
    pub zone: TimeZone,
}

/// Loads the settings page; admins only (rules, people and tokens).
#[server(prefix = "/api", endpoint = "settings_overview")]
pub async fn settings_overview() -> Result<Settings, AppError> {
    use crate::domain::Action;
    use crate::store::{directory, rules::current_rules, tokens};

    let (state, user) = crate::auth::require::allowed(Action::EditRules).await?;
    user.role.require(Action::ManagePeople)?;
    user.role.require(Action::ManageTokens)?;
    let internal = |e: crate::store::StoreError| e.log_as_internal();
    let rules = current_rules(&state.pool).await.map_err(internal)?;
    let versions = crate::store::rules::rule_versions(&state.pool)
        .await
        .map_err(internal)?;
    let mut entries = rules.entries();
    entries.sort_by_key(|(id, _)| super::rules::about::rank(&super::rules::about::ORDER, id));
    let rules = entries
        .into_iter()
        .filter(|(id, _)| id != "rule_packs" && id != "blackouts")
        .map(|(id, entry)| RuleView {
            warning: super::rules::about::weakened(
                &id,
                entry.get("enabled").and_then(|v| v.as_bool()),
                entry.get("severity").and_then(|v| v.as_str()),
            )
            .map(str::to_owned),
            about: super::rules::about::about(&id).to_owned(),
            enabled: entry.get("enabled").and_then(|v| v.as_bool()),
            severity: entry
                .get("severity")
                .and_then(|v| v.as_str())
                .map(str::to_owned),
            fields: super::rules::form::fields(&entry),
            version: versions.get(&id).copied().unwrap_or(0),
            id,
        })
        .collect();
    let teams = directory::teams(&state.pool).await.map_err(internal)?;
    let users = directory::users(&state.pool).await.map_err(internal)?;
    let tokens = tokens::list(&state.pool).await.map_err(internal)?;
    Ok(Settings {
        rules,
        teams: teams
            .into_iter()
            .map(|t| TeamView {
                id: t.id,
                name: t.name,
                members: t.members,
            })
            .collect(),
        users: users
            .into_iter()
            .map(|u| UserView {
                id: u.id,
                name: u.name,
                email: u.email,
                role: u.role,
                team_id: u.team_id,
                team: u.team,
                timezone: u.timezone,
                disabled: u.disabled,
            })
            .collect(),
        tokens: tokens
            .into_iter()
            .map(|k| TokenView {
                id: k.id,
                label: k.label,
                user: k.user_name,
                created_at: k.created_at,
                last_used_at: k.last_used_at,
                revoked_at: k.revoked_at,
                expires_at: k.expires_at,
            })
            .collect(),
        fresh_token: super::tokens::flash::take().await?,
        me: user.id,
        zone: user.timezone,
    })
}
