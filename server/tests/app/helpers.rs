//! `spawn_app`: a real Concord on 127.0.0.1:0 with its own temporary database.

use app::store::db;
use app::store::db::Location;
use app::{
    auth::password,
    domain::role::Role,
    store::users::{self, NewUser, TeamRef},
};
use server::cli::{DbArg, ServeArgs};
use std::net::SocketAddr;

/// A running Concord and a cookie-keeping client that does not follow redirects.
pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub db: Location,
    _dir: Option<tempfile::TempDir>,
}

impl TestApp {
    /// The single number an SQL query over the app's database answers (a count).
    pub async fn count(&self, sql: &str) -> i64 {
        let pool = app::store::open(&self.db).await.unwrap();
        let n = db::query_scalar(sql.to_owned())
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        n
    }

    /// Another Concord process on the same database (a second node behind a load balancer):
    /// its own pools, caches and background jobs. Keep `self` alive as long as it runs.
    pub async fn second_node(&self) -> TestApp {
        let site = tempfile::tempdir().unwrap();
        let args = serve_args(self.db.clone(), &site);
        let running = server::startup::start(args, std::future::pending())
            .await
            .expect("the second node starts");
        TestApp {
            addr: running.addr,
            client: client(),
            db: self.db.clone(),
            _dir: Some(site),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Adds a user directly through the store.
    pub async fn add_user(&self, email: &str, name: &str, role: Role, team: &str, secret: &str) {
        let pool = app::store::open(&self.db).await.unwrap();
        let user = NewUser {
            email: email.into(),
            name: name.into(),
            role,
            team: TeamRef::Name(team.into()),
            password_hash: password::hash(secret).unwrap(),
        };
        users::create_user(&pool, &user, None, chrono::Utc::now())
            .await
            .unwrap();
        pool.close().await;
    }

    /// Adds a user and an API token acting as them; answers the token.
    pub async fn token_for(&self, email: &str, role: Role) -> String {
        self.add_user(email, email, role, "Operations", "a long enough secret")
            .await;
        let pool = app::store::open(&self.db).await.unwrap();
        let (user, _) = users::find_for_sign_in(&pool, email)
            .await
            .unwrap()
            .unwrap();
        let (secret, digest) = app::auth::token::generate();
        app::store::tokens::create(&pool, user, "test", &digest, chrono::Utc::now())
            .await
            .unwrap();
        pool.close().await;
        secret
    }

    /// Posts the plain sign-in form and returns the response (a redirect).
    pub async fn post_sign_in(
        &self,
        client: &reqwest::Client,
        email: &str,
        secret: &str,
        next: &str,
    ) -> reqwest::Response {
        client
            .post(self.url("/auth/sign-in"))
            .form(&[("email", email), ("password", secret), ("next", next)])
            .send()
            .await
            .unwrap()
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A new, empty database for one test: a PostgreSQL database on the server
/// `CONCORD_TEST_POSTGRES` names (`postgres://user@host:port`), when set, else a SQLite file in
/// `dir`. The test command runs the suite both ways.
pub async fn test_db(dir: &tempfile::TempDir) -> Location {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let Ok(server) = std::env::var("CONCORD_TEST_POSTGRES") else {
        return Location::Sqlite(dir.path().join("concord.db"));
    };
    let server = server.trim_end_matches('/').to_owned();
    let name = format!(
        "concord_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let admin = sqlx::PgPool::connect(&format!("{server}/postgres"))
        .await
        .expect("the test PostgreSQL server answers");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&admin)
        .await
        .unwrap();
    admin.close().await;
    Location::Postgres(format!("{server}/{name}"))
}

/// Whether the suite runs on PostgreSQL (tests of SQLite's own files skip there).
pub fn on_postgres() -> bool {
    std::env::var_os("CONCORD_TEST_POSTGRES").is_some()
}

/// The arguments of a test server on `db`, on port 0, its site in `dir`.
fn serve_args(db: Location, dir: &tempfile::TempDir) -> ServeArgs {
    ServeArgs {
        db: DbArg { db },
        addr: "127.0.0.1:0".parse().unwrap(),
        demo: false,
        api_rate: 50,
        site_root: dir.path().join("site"),
        public_url: None,
        trusted_proxy: Vec::new(),
        anonymous_rate: 20,
    }
}

/// Starts Concord on port 0 against a new database (see [`test_db`]).
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// As [`spawn_app`], with the serve arguments changed by `change` first.
pub async fn spawn_app_with(change: impl FnOnce(&mut ServeArgs)) -> TestApp {
    // The server's errors (a failed query behind a 500) show in a failing test's output.
    let _ = tracing_subscriber::fmt()
        .with_env_filter("error")
        .with_test_writer()
        .try_init();
    let dir = tempfile::tempdir().unwrap();
    let db = test_db(&dir).await;
    let mut args = serve_args(db.clone(), &dir);
    change(&mut args);
    let running = server::startup::start(args, std::future::pending())
        .await
        .expect("Concord starts");
    TestApp {
        addr: running.addr,
        client: client(),
        db,
        _dir: Some(dir),
    }
}

/// Runs the `concord` binary with `args` (no `CONCORD_DB` or `CONCORD_ADDR` from the
/// environment, nothing on standard input) and answers what it did.
pub fn concord(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(args)
        .env_remove("CONCORD_DB")
        .env_remove("CONCORD_ADDR")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the concord binary runs")
}

/// The `Location` header of a redirect.
pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(reqwest::header::LOCATION)
        .expect("a Location header")
        .to_str()
        .unwrap()
        .to_owned()
}

/// Schedules `touch` under the rules stored now, as the pages and the API do through their
/// rule cache.
pub async fn schedule(
    pool: &db::Db,
    touch: &app::domain::NewTouch,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<app::store::touches::Scheduled, app::store::Failure<app::store::touches::ScheduleError>>
{
    let rules = app::store::rules::current_rules(pool).await?;
    app::store::touches::schedule(pool, &rules, touch, now).await
}
