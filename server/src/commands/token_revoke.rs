//! `concord token revoke`: revoke an API token by its id.

use crate::cli::TokenRevokeArgs;
use anyhow::bail;
use app::store;
use chrono::Utc;

/// Revokes the token; fails when no live token has that id.
pub async fn run(args: TokenRevokeArgs) -> anyhow::Result<()> {
    let pool = store::open(&args.db.db).await?;
    if !store::tokens::revoke(&pool, args.id, None, Utc::now()).await? {
        bail!("there is no live API token {}", args.id);
    }
    eprintln!("revoked API token {}", args.id);
    Ok(())
}
