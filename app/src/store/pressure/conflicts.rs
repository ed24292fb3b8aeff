//! Conflicts by rule and team, from the conflicts stored on each touch at its last check.

use super::Range;
use crate::store::db;
use crate::store::StoreError;
use db::Db;

/// How many stored conflicts of one rule the touches of one team carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictCount {
    /// The rule id, e.g. `daily_cap`.
    pub rule: String,
    /// The team's name.
    pub team: String,
    /// How many conflicts.
    pub count: i64,
}

/// Conflicts on touches scheduled in the range (any status), by rule and team.
///
/// The JSON functions differ: SQLite's `json_each`, PostgreSQL's `jsonb_array_elements`.
pub async fn conflicts(pool: &Db, range: Range) -> Result<Vec<ConflictCount>, StoreError> {
    let (from, to, team) = range.bounds();
    let rows = db::query_as::<(String, String, i64)>(db::Sql::dialects(
        "SELECT json_extract(c.value, '$.rule') AS rule, tm.name, COUNT(*)
         FROM touches t
         JOIN json_each(t.conflicts) c
         JOIN teams tm ON tm.id = t.team_id
         WHERE t.scheduled_at >= ?1 AND t.scheduled_at < ?2 AND t.conflicts <> '[]'
           AND (?3 IS NULL OR t.team_id = ?3)
         GROUP BY rule, tm.name
         ORDER BY COUNT(*) DESC, rule, tm.name",
        "SELECT c.value ->> 'rule' AS rule, tm.name, COUNT(*)
         FROM touches t
         CROSS JOIN LATERAL jsonb_array_elements(t.conflicts::jsonb) AS c (value)
         JOIN teams tm ON tm.id = t.team_id
         WHERE t.scheduled_at >= $1 AND t.scheduled_at < $2 AND t.conflicts <> '[]'
           AND ($3::BIGINT IS NULL OR t.team_id = $3)
         GROUP BY rule, tm.name
         ORDER BY COUNT(*) DESC, rule, tm.name",
    ))
    .bind(from)
    .bind(to)
    .bind(team)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(rule, team, count)| ConflictCount { rule, team, count })
        .collect())
}
