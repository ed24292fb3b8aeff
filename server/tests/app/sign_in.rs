//! Sessions: sign-in with the right and wrong password, the page gate, sign-out, the throttle
//! and health.

use crate::helpers::{location, on_postgres, spawn_app};
use app::domain::role::Role;
use reqwest::StatusCode;

const SECRET: &str = "a long enough secret";

#[tokio::test]
async fn healthz_reports_the_database_reachable() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "reachable");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn a_page_without_a_session_redirects_to_sign_in_with_the_way_back() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/?view=week")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/sign-in?next=%2F%3Fview%3Dweek");

    let page = app.client.get(app.url("/sign-in")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Sign in to Concord"));
}

#[tokio::test]
async fn the_right_password_signs_in_with_a_safe_cookie_and_sign_out_ends_it() {
    let app = spawn_app().await;
    app.add_user(
        "rita@example.com",
        "Rita Rep",
        Role::Rep,
        "Inside sales",
        SECRET,
    )
    .await;

    let response = app
        .post_sign_in(&app.client, "Rita@Example.com ", SECRET, "/?view=week")
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/?view=week");
    let cookie = response
        .headers()
        .get(reqwest::header::SET_COOKIE)
        .expect("a session cookie")
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("concord_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");

    let home = app.client.get(app.url("/")).send().await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    let html = home.text().await.unwrap();
    assert!(html.contains("Welcome, Rita Rep"), "{html}");
    assert!(html.contains("Inside sales"));

    let out = app
        .client
        .post(app.url("/auth/sign-out"))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&out), "/sign-in");
    let again = app.client.get(app.url("/")).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_wrong_password_fails_with_a_clear_message_and_no_session() {
    let app = spawn_app().await;
    app.add_user(
        "rita@example.com",
        "Rita Rep",
        Role::Rep,
        "Inside sales",
        SECRET,
    )
    .await;

    for email in ["rita@example.com", "nobody@example.com"] {
        let response = app
            .post_sign_in(&app.client, email, "wrong secret", "/")
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/sign-in?error=invalid&next=%2F");
    }
    let page = app
        .client
        .get(app.url("/sign-in?error=invalid&next=%2F"))
        .send()
        .await
        .unwrap();
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("Wrong email or password."));
    let home = app.client.get(app.url("/")).send().await.unwrap();
    assert_eq!(
        home.status(),
        StatusCode::SEE_OTHER,
        "no session was started"
    );
}

#[tokio::test]
async fn the_server_function_signs_in_the_hydrated_form() {
    let app = spawn_app().await;
    app.add_user(
        "mo@example.com",
        "Mo Manager",
        Role::Manager,
        "Inside sales",
        SECRET,
    )
    .await;
    let call = |secret: &'static str| {
        app.client
            .post(app.url("/api/sign_in"))
            .header("Accept", "application/json")
            .form(&[
                ("email", "mo@example.com"),
                ("password", secret),
                ("next", "//evil.example"),
            ])
            .send()
    };
    let wrong = call("wrong secret").await.unwrap();
    assert!(!wrong.status().is_success());
    let text = wrong.text().await.unwrap();
    assert!(text.contains("Wrong email or password."), "{text}");

    let right = call(SECRET).await.unwrap();
    assert_eq!(right.status(), StatusCode::OK);
    assert_eq!(
        right.text().await.unwrap(),
        "\"/\"",
        "an unsafe next falls back to /"
    );
    let home = app.client.get(app.url("/")).send().await.unwrap();
    assert!(home.text().await.unwrap().contains("Welcome, Mo Manager"));
}

#[tokio::test]
async fn repeated_failures_lock_the_account_for_a_while() {
    let app = spawn_app().await;
    app.add_user("ana@example.com", "Ana Admin", Role::Admin, "Ops", SECRET)
        .await;
    for _ in 0..5 {
        let r = app
            .post_sign_in(&app.client, "ana@example.com", "guess", "/")
            .await;
        assert!(location(&r).contains("error=invalid"));
    }
    let locked = app
        .post_sign_in(&app.client, "ana@example.com", SECRET, "/")
        .await;
    let to = location(&locked);
    assert!(to.starts_with("/sign-in?error=throttled&wait="), "{to}");
    let page = app.client.get(app.url(&to)).send().await.unwrap();
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("Too many failed sign-ins. Try again in 15 minutes."));
}

#[tokio::test]
async fn guesses_sent_in_parallel_stop_at_the_limit() {
    let app = spawn_app().await;
    app.add_user("ben@example.com", "Ben Admin", Role::Admin, "Ops", SECRET)
        .await;
    let guesses = (0..12).map(|n| {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let url = app.url("/auth/sign-in");
        async move {
            let r = client
                .post(url)
                .form(&[
                    ("email", "ben@example.com"),
                    ("password", &format!("guess {n}")),
                    ("next", "/"),
                ])
                .send()
                .await
                .unwrap();
            location(&r)
        }
    });
    let answers = futures_util::future::join_all(guesses).await;
    let checked = answers
        .iter()
        .filter(|to| to.contains("error=invalid"))
        .count();
    let throttled = answers
        .iter()
        .filter(|to| to.contains("error=throttled"))
        .count();
    assert_eq!(checked, 5, "only five guesses were checked: {answers:?}");
    assert_eq!(throttled, 7, "{answers:?}");
}

#[tokio::test]
async fn on_a_reachable_address_the_published_demo_password_stops_working() {
    let dir = tempfile::tempdir().unwrap();
    let pool = app::store::open(&dir.path().join("demo.db").into())
        .await
        .unwrap();
    server::demo::create_users_if_none(&pool).await.unwrap();
    let fresh = server::demo::retire_published_password(&pool)
        .await
        .unwrap()
        .expect("the demo users had the published password");
    for (email, ..) in server::demo::DEMO_USERS {
        let (_, stored) = app::store::users::find_for_sign_in(&pool, email)
            .await
            .unwrap()
            .unwrap();
        assert!(!app::auth::password::verify(
            server::demo::DEMO_PASSWORD,
            &stored
        ));
        assert!(app::auth::password::verify(&fresh, &stored), "{email}");
    }
    assert_eq!(
        server::demo::retire_published_password(&pool)
            .await
            .unwrap(),
        None,
        "nothing left to retire"
    );
}

#[tokio::test]
async fn sessions_are_kept_beside_the_ledger_not_in_it() {
    if on_postgres() {
        return; // on PostgreSQL every node shares the sessions table (schema tower_sessions)
    }
    let app = spawn_app().await;
    app.add_user("lu@example.com", "Lu", Role::Rep, "Ops", SECRET)
        .await;
    let signed = app
        .post_sign_in(&app.client, "lu@example.com", SECRET, "/")
        .await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let in_ledger = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'tower_sessions'";
    assert_eq!(
        app.count(in_ledger).await,
        0,
        "no session table in the ledger's file"
    );
    let mut beside = app.db.sqlite_path().unwrap().to_path_buf().into_os_string();
    beside.push("-sessions");
    let sessions = sqlx::SqlitePool::connect(&format!("sqlite://{}", beside.to_string_lossy()))
        .await
        .unwrap();
    let live: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions")
        .fetch_one(&sessions)
        .await
        .unwrap();
    assert_eq!(live, 1);
}
