//! The small demo company `concord serve --demo` loads into an empty database.

use crate::synth::{generate, overrides, SynthOptions};
use anyhow::Context;
use app::store::db;
use app::{
    auth::password,
    domain::{role::Role, TimeZone},
    store::users::{self, NewUser, TeamRef},
};
use chrono::Utc;
use db::Db;

/// The password every demo user signs in with.
pub const DEMO_PASSWORD: &str = "concord-demo";

/// The zone the demo company's people read times in: it sits in Boston.
const DEMO_TIME_ZONE: &str = "America/New_York";

/// The demo users: (email, name, role, team). One of each role, across the four demo teams.
pub const DEMO_USERS: [(&str, &str, Role, &str); 6] = [
    (
        "ada@example.com",
        "Ada Admin",
        Role::Admin,
        "Corporate marketing",
    ),
    (
        "mia@example.com",
        "Mia Marketer",
        Role::Marketer,
        "Corporate marketing",
    ),
    (
        "bo@example.com",
        "Bo Local",
        Role::Marketer,
        "Boston store marketing",
    ),
    ("riley@example.com", "Riley Rep", Role::Rep, "Inside sales"),
    (
        "max@example.com",
        "Max Manager",
        Role::Manager,
        "Inside sales",
    ),
    (
        "sam@example.com",
        "Sam Success",
        Role::Rep,
        "Customer success",
    ),
];

/// Creates the demo teams and users when the database has no users; says whether it did.
pub async fn create_users_if_none(pool: &Db) -> anyhow::Result<bool> {
    if users::count(pool).await? > 0 {
        return Ok(false);
    }
    let hash = tokio::task::spawn_blocking(|| password::hash(DEMO_PASSWORD))
        .await?
        .map_err(|e| anyhow::anyhow!("cannot hash the demo password: {e}"))?;
    let now = Utc::now();
    for (email, name, role, team) in DEMO_USERS {
        let user = NewUser {
            email: email.into(),
            name: name.into(),
            role,
            team: TeamRef::Name(team.into()),
            password_hash: hash.clone(),
        };
        let id = users::create_user(pool, &user, None, now)
            .await
            .with_context(|| format!("cannot create the demo user {email}"))?;
        users::set_timezone(pool, id, TimeZone::parse(DEMO_TIME_ZONE)?).await?;
    }
    Ok(true)
}

/// On an address other people can reach, the published demo password must not open anything:
/// every demo user who still has it gets one fresh, random password instead, printed here once.
/// Answers that password, or `None` when no demo user had the published one.
pub async fn retire_published_password(pool: &Db) -> anyhow::Result<Option<String>> {
    let mut still_published = Vec::new();
    for (email, ..) in DEMO_USERS {
        let Some((id, stored)) = users::find_for_sign_in(pool, email).await? else {
            continue;
        };
        if password::verify_off_runtime(DEMO_PASSWORD.to_owned(), stored)
            .await
            .unwrap_or(false)
        {
            still_published.push((id, email));
        }
    }
    if still_published.is_empty() {
        return Ok(None);
    }
    let (secret, _) = app::auth::token::generate();
    // The token's last 20 hex digits: 80 random bits.
    let fresh = secret[secret.len() - 20..].to_owned();
    let hash = password::hash_off_runtime(fresh.clone())
        .await
        .map_err(|e| anyhow::anyhow!("cannot hash a password: {e}"))?;
    for (id, _) in &still_published {
        users::set_password_hash(pool, *id, &hash, None, Utc::now()).await?;
    }
    println!(
        "Concord listens on an address others can reach, so the demo users' published password \
         no longer works. Their new password: {fresh}"
    );
    for (_, email) in still_published {
        println!("  {email}");
    }
    Ok(Some(fresh))
}

/// Loads the demo company (its users, then a small ledger around today: 300 contacts and
/// 3 000 touches, plus a few follow-ups the rules send to review) if the database has no users
/// yet, then prints the demo sign-ins (when the demo users exist).
pub async fn load_if_empty(pool: &Db) -> anyhow::Result<()> {
    if create_users_if_none(pool).await? {
        let options = SynthOptions {
            contacts: 300,
            touches: 3_000,
            seed: 1,
            reference: Utc::now().date_naive(),
        };
        generate(pool, options, &mut |_| {}).await?;
        let pending =
            overrides::blocked_follow_ups(pool, "riley@example.com", 3, Utc::now()).await?;
        tracing::info!(pending, "loaded the demo company");
    } else {
        tracing::info!("the database already has users: demo data not loaded");
    }
    if users::find_for_sign_in(pool, DEMO_USERS[0].0)
        .await?
        .is_some()
    {
        println!("Demo sign-ins (password: {DEMO_PASSWORD}):");
        for (email, name, role, team) in DEMO_USERS {
            println!("  {email:<20} {name:<13} {:<9} {team}", role.as_str());
        }
    }
    Ok(())
}
