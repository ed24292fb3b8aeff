//! People's names for what the engine explains and the pages show: every team's and user's
//! name (explanations say "Inside sales email", not "team 4"), and contacts' names by id.

use crate::domain::ids::{ContactId, TeamId, UserId};
use crate::domain::Names;
use crate::store::db;
use crate::store::StoreError;
use db::Conn;
use std::collections::{BTreeMap, BTreeSet};

/// Every team's and user's name, for the explanations stored with the touches.
pub async fn all_names(conn: &mut Conn) -> Result<Names, StoreError> {
    let mut names = Names::new();
    let (users, teams) = rows(conn).await?;
    for (id, name) in teams {
        names.insert_team(TeamId(id), name);
    }
    for (id, name) in users {
        names.insert_user(UserId(id), name);
    }
    Ok(names)
}

/// Every user's and team's `(id, name)`, for a page that names them (the audit trail).
pub async fn all_user_and_team_names(
    pool: &db::Db,
) -> Result<(Vec<(i64, String)>, Vec<(i64, String)>), StoreError> {
    let mut conn = pool.acquire().await?;
    rows(&mut conn).await
}

/// Users' and teams' `(id, name)` rows.
async fn rows(conn: &mut Conn) -> Result<(Vec<(i64, String)>, Vec<(i64, String)>), StoreError> {
    let users = db::query_as("SELECT id, name FROM users ORDER BY id")
        .fetch_all(&mut *conn)
        .await?;
    let teams = db::query_as("SELECT id, name FROM teams ORDER BY id")
        .fetch_all(&mut *conn)
        .await?;
    Ok((users, teams))
}

/// The names of these contacts (ids without a contact are left out).
pub async fn contact_names(
    conn: &mut Conn,
    ids: impl IntoIterator<Item = ContactId>,
) -> Result<BTreeMap<ContactId, String>, StoreError> {
    let wanted: BTreeSet<i64> = ids.into_iter().map(|id| id.0).collect();
    let wanted: Vec<i64> = wanted.into_iter().collect();
    let mut found = BTreeMap::new();
    // A query per few hundred ids, well under either engine's limit on bound values.
    for chunk in wanted.chunks(500) {
        let mut sql = db::SqlBuilder::new("SELECT id, name FROM contacts WHERE id IN (");
        for (i, id) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push_bind(*id);
        }
        sql.push(")");
        let rows: Vec<(i64, String)> = sql.build_query_as().fetch_all(&mut *conn).await?;
        found.extend(rows.into_iter().map(|(id, name)| (ContactId(id), name)));
    }
    Ok(found)
}
