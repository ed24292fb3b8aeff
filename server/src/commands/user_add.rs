//! `concord user add`: create a user (and their team) from the command line.

use crate::cli::UserAddArgs;
use anyhow::{bail, Context};
use app::{
    auth::{
        new_user::{parse_user_fields, UserFields},
        password,
    },
    store::users::{self, NewUser, TeamRef},
};
use chrono::Utc;
use std::io::BufRead;

/// Creates the user; the password comes from `CONCORD_PASSWORD` or the first line of standard
/// input.
pub async fn run(args: UserAddArgs) -> anyhow::Result<()> {
    let team = args.team.trim();
    if team.is_empty() {
        bail!("--team must not be empty");
    }
    let secret = read_password()?;
    let UserFields { email, name, role } =
        parse_user_fields(&args.email, &args.name, &args.role, &secret)
            .map_err(|e| anyhow::anyhow!("--{}: {}", e.field, e.message))?;
    let password_hash = password::hash_off_runtime(secret).await?;

    let pool = app::store::open(&args.db.db).await?;
    let user = NewUser {
        email,
        name,
        role,
        team: TeamRef::Name(team.into()),
        password_hash,
    };
    let id = users::create_user(&pool, &user, None, Utc::now()).await?;
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
