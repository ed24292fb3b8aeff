//! `concord token create`: issue an API token for a user and print it once.

use crate::cli::TokenCreateArgs;
use anyhow::anyhow;
use app::{auth::token, store};
use chrono::Utc;

/// Creates the token and prints it on standard output (and nothing else there).
pub async fn run(args: TokenCreateArgs) -> anyhow::Result<()> {
    let pool = store::open(&args.db.db).await?;
    let email = args.email.trim().to_lowercase();
    let (user, _) = store::users::find_for_sign_in(&pool, &email)
        .await?
        .ok_or_else(|| anyhow!("there is no user with the email {email}"))?;
    let (secret, digest) = token::generate();
    let id = store::tokens::create(&pool, user, args.label.trim(), &digest, Utc::now()).await?;
    eprintln!("created API token {id} for {email}; it is shown only once:");
    println!("{secret}");
    Ok(())
}
