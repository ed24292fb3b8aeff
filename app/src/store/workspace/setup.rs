//! What the admin's start page lists as not set up yet: the counts behind [`Setup`].

use crate::models::setup::Setup;
use crate::store::db;
use crate::store::StoreError;
use db::Db;

/// How much of Concord is set up: connected senders, live tokens, rule packs on, lists in
/// force and users who may sign in.
pub async fn setup(pool: &Db) -> Result<Setup, StoreError> {
    let (senders, tokens, lists, users): (i64, i64, i64, i64) = db::query_as(
        "SELECT (SELECT COUNT(*) FROM sources WHERE disabled_at IS NULL),
                (SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NULL),
                (SELECT COUNT(*) FROM suppression_lists WHERE removed_at IS NULL),
                (SELECT COUNT(*) FROM users WHERE disabled_at IS NULL)",
    )
    .fetch_one(pool)
    .await?;
    let packs = crate::store::rules::current_rules(pool)
        .await?
        .rule_packs
        .enabled
        .len();
    let count = |n: i64| u64::try_from(n).unwrap_or_default();
    Ok(Setup {
        senders: count(senders),
        tokens: count(tokens),
        packs: packs as u64,
        lists: count(lists),
        users: count(users),
    })
}
