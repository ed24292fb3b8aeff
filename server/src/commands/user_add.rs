//! `concord user add`: create a user (and their team) from the command line.

use crate::cli::UserAddArgs;
use anyhow::{bail, Context};
use app::{
    auth::password,
    domain::{role::Role, EmailAddress},
    store::users::{self, NewUser, TeamRef},
};
use chrono::Utc;
use std::io::BufRead;

/// Creates the user; the password comes from `CONCORD_PASSWORD` or the first line of standard
/// input.
pub async fn run(args: UserAddArgs) -> anyhow::Result<()> {
    let role: Role = args.role.parse()?;
    let email = EmailAddress::parse(&args.email)
        .map_err(|e| anyhow::anyhow!("--email: {e}"))?
        .as_str()
        .to_lowercase();
    let (name, team) = (args.name.trim(), args.team.trim());
    if name.is_empty() || team.is_empty() {
        bail!("--name and --team must not be empty");
    }
    let secret = read_password()?;
    if secret.chars().count() < password::MIN_LENGTH {
        bail!(
            "the password must be at least {} characters long",
            password::MIN_LENGTH
        );
    }
    let password_hash = tokio::task::spawn_blocking(move || password::hash(&secret))
        .await?
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;

    let pool = app::store::open(&args.db.db).await?;
    let user = NewUser {
        email,
        name: name.into(),
        role,
        team: TeamRef::Name(team.into()),
        password_hash,
    };
    let id = users::create_user(&pool, &user, Utc::now()).await?;
    println!("created user {id} ({}) as {role} in {}", user.email, team);
    Ok(())
}

fn read_password() -> anyhow::Result<String> {
    if let Ok(p) = std::env::var("CONCORD_PASSWORD") {
        return Ok(p);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}
