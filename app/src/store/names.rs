//! People's names for what the engine explains and the pages show: every team's and user's
//! name (explanations say "Inside sales email", not "team 4"), and contacts' names by id.

use crate::domain::ids::{ContactId, TeamId, UserId};
use crate::domain::Names;
use crate::store::db;
use crate::store::StoreError;
use db::Conn;
use std::collections::BTreeMap;

/// Every team's and user's name, for the explanations stored with the touches.
pub async fn all_names(conn: &mut Conn) -> Result<Names, StoreError> {
    let mut names = Names::new();
    let teams: Vec<(i64, String)> = db::query_as("SELECT id, name FROM teams")
        .fetch_all(&mut *conn)
        .await?;
    for (id, name) in teams {
        names.insert_team(TeamId(id), name);
    }
    let users: Vec<(i64, String)> = db::query_as("SELECT id, name FROM users")
        .fetch_all(&mut *conn)
        .await?;
    for (id, name) in users {
        names.insert_user(UserId(id), name);
    }
    Ok(names)
}

/// The names of these contacts (ids without a contact are left out).
pub async fn contact_names(
    conn: &mut Conn,
    ids: impl IntoIterator<Item = ContactId>,
) -> Result<BTreeMap<ContactId, String>, StoreError> {
    let mut found = BTreeMap::new();
    for id in ids {
        if found.contains_key(&id) {
            continue;
        }
        let name: Option<String> = db::query_scalar("SELECT name FROM contacts WHERE id = ?")
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await?;
        if let Some(name) = name {
            found.insert(id, name);
        }
    }
    Ok(found)
}
