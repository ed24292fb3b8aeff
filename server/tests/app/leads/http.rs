//! The leads and review server functions over HTTP with a session: refusals by role (403), a
//! missing reason (422, and after a plain form post the page shows it), an approval that lands
//! in the audit trail page, and what a plain form post did, said once on the page it returns to.

use crate::helpers::{location, spawn_app, TestApp};
use app::domain::ids::{ContactId, TeamId, UserId};
use app::domain::role::Role;
use app::domain::{
    Channel, ContactInput, NewContact, NewTouch, ProposedTouch, Purpose, TouchStatus,
};
use app::store::db;
use chrono::{TimeDelta, Utc};
use reqwest::StatusCode;

const SECRET: &str = "a long enough secret";

/// A signed-in client for a new user with `role`.
async fn signed_in(app: &TestApp, email: &str, name: &str, role: Role) -> reqwest::Client {
    app.add_user(email, name, role, "Inside sales", SECRET)
        .await;
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = app.post_sign_in(&client, email, SECRET, "/").await;
    assert_eq!(location(&response), "/");
    client
}

/// A contact with a touch the rules sent to review; answers (contact, touch id).
async fn pending_touch(app: &TestApp, author_email: &str) -> (ContactId, i64) {
    let pool = app::store::open(&app.db).await.unwrap();
    let (author, team): (i64, i64) = db::query_as("SELECT id, team_id FROM users WHERE email = ?")
        .bind(author_email)
        .fetch_one(&pool)
        .await
        .unwrap();
    let input = ContactInput {
        name: "Pat Pending".into(),
        email: Some("pat@example.net".into()),
        timezone: "America/New_York".into(),
        stage: "lead".into(),
        ..ContactInput::default()
    };
    let now = Utc::now();
    let contact =
        app::store::contacts::create_contact(&pool, &NewContact::parse(&input).unwrap(), None, now)
            .await
            .unwrap()
            .id;
    let at = now + TimeDelta::days(2);
    let touch = |at| NewTouch {
        contact,
        proposed: ProposedTouch::new(
            Channel::Email,
            Purpose::Newsletter,
            TeamId(team),
            UserId(author),
            at,
        ),
        title: "Spring news".into(),
        notes: String::new(),
    };
    crate::helpers::schedule(&pool, &touch(at), now)
        .await
        .unwrap();
    let blocked = crate::helpers::schedule(&pool, &touch(at + TimeDelta::hours(1)), now)
        .await
        .unwrap()
        .touch;
    assert_eq!(blocked.status, TouchStatus::PendingReview);
    pool.close().await;
    (contact, blocked.id.0)
}

async fn call(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url(path))
        .header("Accept", "application/json")
        .form(form)
        .send()
        .await
        .unwrap()
}

/// Posts `form` to `path` as a browser without JavaScript would, from the review page.
async fn post_plain(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url(path))
        .header("Accept", "text/html")
        .header("Referer", app.url("/review"))
        .form(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn roles_that_may_not_are_refused_with_403() {
    let app = spawn_app().await;
    let rep = signed_in(&app, "rita@example.com", "Rita Rep", Role::Rep).await;
    let marketer = signed_in(&app, "mia@example.com", "Mia Marketer", Role::Marketer).await;
    let (contact, touch) = pending_touch(&app, "mia@example.com").await;
    let (contact, touch) = (contact.0.to_string(), touch.to_string());

    let approve = [
        ("touch_id", touch.as_str()),
        ("decision", "approve"),
        ("reason", "go"),
    ];
    let response = call(&rep, &app, "/api/review/decide", &approve).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("a rep may not approve or reject touches"));
    assert_eq!(
        call(&rep, &app, "/api/review/queue", &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    let reassign = [
        ("contact", contact.as_str()),
        ("user_id", "1"),
        ("reason", "x"),
    ];
    assert_eq!(
        call(&marketer, &app, "/api/review/reassign", &reassign)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let request = [("request_id", "1"), ("decision", "grant"), ("reason", "x")];
    assert_eq!(
        call(&rep, &app, "/api/review/request", &request)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let claim = [("contact_id", contact.as_str())];
    assert_eq!(
        call(&marketer, &app, "/api/leads/claim", &claim)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let audit = call(&rep, &app, "/api/review/audit", &[("page", "1")]).await;
    assert_eq!(audit.status(), StatusCode::FORBIDDEN);
    let anonymous = reqwest::Client::new();
    assert_eq!(
        call(
            &anonymous,
            &app,
            "/api/leads/board",
            &[("include_owned", "false")]
        )
        .await
        .status(),
        StatusCode::UNAUTHORIZED
    );

    let page = rep
        .get(app.url("/review"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("a rep may not see the review queue"),
        "{page}"
    );
    assert!(!page.contains("Spring news"));
    let board = rep
        .get(app.url("/leads"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(board.contains("Hot leads"));
    assert!(
        !board.contains(r#"href="/review""#),
        "no Review link for a rep"
    );
}

#[tokio::test]
async fn a_reason_is_required_and_an_approval_lands_in_the_audit_trail() {
    let app = spawn_app().await;
    let manager = signed_in(&app, "max@example.com", "Max Manager", Role::Manager).await;
    let (contact, touch) = pending_touch(&app, "max@example.com").await;
    let touch = touch.to_string();

    let blank = [
        ("touch_id", touch.as_str()),
        ("decision", "approve"),
        ("reason", "   "),
    ];
    let refused = call(&manager, &app, "/api/review/decide", &blank).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = refused.text().await.unwrap();
    assert!(
        text.contains(&format!("reason: a reason is required (touch #{touch})")),
        "{text}"
    );

    // A plain form post (no JavaScript) comes back to the page, which shows the refusal.
    let posted = post_plain(&manager, &app, "/api/review/decide", &blank).await;
    assert!(posted.status().is_redirection());
    let back = location(&posted);
    assert!(back.contains("__err="), "{back}");
    let page = manager
        .get(&back)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!("Reason: a reason is required (touch #{touch})")),
        "{page}"
    );
    assert!(
        page.contains("Spring news"),
        "the touch still awaits review"
    );

    let approve = [
        ("touch_id", touch.as_str()),
        ("decision", "approve"),
        ("reason", "Launch day"),
    ];
    let approved = call(&manager, &app, "/api/review/decide", &approve).await;
    assert_eq!(approved.status(), StatusCode::OK);
    assert_eq!(approved.text().await.unwrap(), "\"approved\"");
    let trail = manager
        .get(app.url(&format!("/review/audit?contact_id={}", contact.0)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(trail.contains("Audit trail: Pat Pending"), "{trail}");
    assert!(trail.contains("review.approve"));
    assert!(trail.contains("Launch day"));
    assert!(trail.contains("min_gap"));
}

#[tokio::test]
async fn a_plain_form_post_says_what_it_did_on_the_page_once() {
    let app = spawn_app().await;
    let manager = signed_in(&app, "max@example.com", "Max Manager", Role::Manager).await;
    let (_, touch) = pending_touch(&app, "max@example.com").await;
    let touch = touch.to_string();
    let said = "Approved: the touch goes out as planned.";
    // As a browser asks for a page; a request for something else leaves the message waiting.
    let review = || async {
        let page = manager
            .get(app.url("/review"))
            .header("Accept", "text/html,application/xhtml+xml")
            .send()
            .await
            .unwrap();
        page.text().await.unwrap()
    };
    let not_a_page = || async {
        let answer = manager.get(app.url("/review")).send().await.unwrap();
        answer.text().await.unwrap()
    };

    let approve = [
        ("touch_id", touch.as_str()),
        ("decision", "approve"),
        ("reason", "Launch day"),
    ];
    let posted = post_plain(&manager, &app, "/api/review/decide", &approve).await;
    assert!(posted.status().is_redirection());
    assert!(!location(&posted).contains("__err="));
    assert!(!not_a_page().await.contains(said));
    assert!(
        review().await.contains(said),
        "the page says what the post did"
    );
    assert!(!review().await.contains(said), "and says it once");

    // A call from the browser's script gets its answer itself: nothing waits for the page.
    let (_, other) = pending_touch(&app, "max@example.com").await;
    let other = other.to_string();
    let approve = [
        ("touch_id", other.as_str()),
        ("decision", "approve"),
        ("reason", "Launch day"),
    ];
    let called = call(&manager, &app, "/api/review/decide", &approve).await;
    assert_eq!(called.status(), StatusCode::OK);
    assert!(!review().await.contains(said));
}
