//! The `concord` binary on bad input: one clear line and a non-zero exit, never a panic.

use crate::helpers::concord;
use app::store::db;
use std::process::{Command, Output};

fn one_line_error(out: &Output) -> String {
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("concord: "))
        .collect();
    assert_eq!(lines.len(), 1, "one error line in: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    lines[0].to_owned()
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let out = concord(&["serve", "--colour", "blue"]);
    assert_eq!(out.status.code(), Some(2));
    let line = one_line_error(&out);
    assert!(line.contains("'--colour'"), "{line}");
}

#[test]
fn an_unwritable_database_path_is_refused() {
    let out = concord(&[
        "serve",
        "--db",
        "/proc/no-such-dir/concord.db",
        "--addr",
        "127.0.0.1:0",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let line = one_line_error(&out);
    assert!(
        line.contains("cannot open the database /proc/no-such-dir/concord.db"),
        "{line}"
    );
}

#[test]
fn a_port_in_use_is_refused() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = concord(&["serve", "--db", db.to_str().unwrap(), "--addr", &addr]);
    let line = one_line_error(&out);
    assert!(line.contains(&format!("cannot listen on {addr}")), "{line}");
}

#[tokio::test]
async fn a_database_from_a_newer_concord_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let pool = app::store::open(&db.clone().into()).await.unwrap();
    db::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (99990101000000, 'from the future', 1, x'00', 0)",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let out = concord(&[
        "serve",
        "--db",
        db.to_str().unwrap(),
        "--addr",
        "127.0.0.1:0",
    ]);
    let line = one_line_error(&out);
    assert!(
        line.contains("created by a newer version of Concord"),
        "{line}"
    );
}

#[tokio::test]
async fn user_add_creates_the_team_and_a_user_who_can_sign_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args([
            "user",
            "add",
            "--email",
            "Lee@Example.com",
            "--name",
            "Lee Lead",
        ])
        .args([
            "--role",
            "rep",
            "--team",
            "Inside sales",
            "--db",
            db.to_str().unwrap(),
        ])
        .env("CONCORD_PASSWORD", "a long enough secret")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("(lee@example.com) as rep in Inside sales"),
        "{stdout}"
    );

    let pool = app::store::open(&db.clone().into()).await.unwrap();
    let (id, hash) = app::store::users::find_for_sign_in(&pool, "lee@example.com")
        .await
        .unwrap()
        .expect("the user exists");
    assert!(app::auth::password::verify("a long enough secret", &hash));
    let user = app::store::users::current_user(&pool, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.team, "Inside sales");

    let again = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["user", "add", "--email", "lee@example.com", "--name", "Lee"])
        .args([
            "--role",
            "boss",
            "--team",
            "X",
            "--db",
            db.to_str().unwrap(),
        ])
        .env("CONCORD_PASSWORD", "a long enough secret")
        .output()
        .unwrap();
    let line = one_line_error(&again);
    assert!(line.contains("unknown role \"boss\""), "{line}");
}

#[tokio::test]
async fn token_create_prints_a_token_that_the_api_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let add = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["user", "add", "--email", "ops@example.com", "--name", "Ops"])
        .args([
            "--role",
            "admin",
            "--team",
            "Ops",
            "--db",
            db.to_str().unwrap(),
        ])
        .env("CONCORD_PASSWORD", "a long enough secret")
        .output()
        .unwrap();
    assert!(add.status.success());
    let out = concord(&[
        "token",
        "create",
        "--email",
        "OPS@example.com",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert!(
        token.starts_with("concord_") && token.len() == 72,
        "{token}"
    );

    let reader = app::store::reader::Reader::Sqlite(app::store::reader::SqliteReader::new(&db));
    let digest = app::auth::token::digest(&token);
    let user = app::store::tokens::holder_of_digest(&reader, &digest, chrono::Utc::now())
        .await
        .unwrap()
        .expect("the printed token is live")
        .user;
    assert_eq!(user.email, "ops@example.com");

    let missing = concord(&[
        "token",
        "create",
        "--email",
        "nobody@example.com",
        "--db",
        db.to_str().unwrap(),
    ]);
    let line = one_line_error(&missing);
    assert!(
        line.contains("there is no user with the email nobody@example.com"),
        "{line}"
    );
}

#[tokio::test]
async fn backup_writes_a_consistent_copy_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let copy = dir.path().join("copy.db");
    let add = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args([
            "user",
            "add",
            "--email",
            "b@example.com",
            "--name",
            "B",
            "--role",
            "admin",
        ])
        .args(["--team", "Ops", "--db", db.to_str().unwrap()])
        .env("CONCORD_PASSWORD", "a long enough secret")
        .output()
        .unwrap();
    assert!(add.status.success());

    let out = concord(&[
        "backup",
        "--db",
        db.to_str().unwrap(),
        copy.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pool = app::store::open(&copy.clone().into()).await.unwrap();
    let users: i64 = db::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(users, 1);

    let again = concord(&[
        "backup",
        "--db",
        db.to_str().unwrap(),
        copy.to_str().unwrap(),
    ]);
    assert!(one_line_error(&again).contains("exists already"));
    let missing = concord(&[
        "backup",
        "--db",
        dir.path().join("none.db").to_str().unwrap(),
        dir.path().join("x.db").to_str().unwrap(),
    ]);
    assert!(one_line_error(&missing).contains("there is no database"));
}

#[tokio::test]
async fn a_backup_holds_no_session_and_copies_a_newer_file_without_migrating_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    let copy = dir.path().join("copy.db");
    let pool = app::store::open(&db.clone().into()).await.unwrap();
    // A live session (as tower-sessions stores one) and a migration this build does not know.
    let session_id = "live-session-id-0123456789abcdef";
    db::query(
        "CREATE TABLE IF NOT EXISTS tower_sessions (id TEXT PRIMARY KEY NOT NULL, \
         data BLOB NOT NULL, expiry_date INTEGER NOT NULL)",
    )
    .execute(&pool)
    .await
    .unwrap();
    db::query("INSERT INTO tower_sessions (id, data, expiry_date) VALUES (?, x'00', 4102444800)")
        .bind(session_id)
        .execute(&pool)
        .await
        .unwrap();
    db::query(
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, \
         execution_time) VALUES (99991231000000, 'from the future', '2099-01-01', 1, x'00', 0)",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    let out = concord(&[
        "backup",
        "--db",
        db.to_str().unwrap(),
        copy.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&copy).unwrap();
    let needle = session_id.as_bytes();
    assert!(
        !bytes.windows(needle.len()).any(|w| w == needle),
        "the session id is nowhere in the copy, free pages included"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let source_versions: i64 = {
        let reader = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display()))
            .await
            .unwrap();
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
            .fetch_one(&reader)
            .await
            .unwrap()
    };
    assert_eq!(
        source_versions, 99991231000000,
        "the source was left as it was"
    );
}
