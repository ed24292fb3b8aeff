//! Several `concord serve` processes on one database (as behind a load balancer): the cap
//! holds across nodes, a background job does its work once, and a rule saved on one node is
//! enforced by the others within a second. Meant for PostgreSQL (the test command runs the
//! suite on it); on SQLite the same holds through the file's write lock.

use crate::api_ledger::{call, new_contact};
use crate::helpers::spawn_app;
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_two_writers_on_two_nodes_never_exceed_a_contacts_daily_cap() {
    let a = spawn_app().await;
    let b = a.second_node().await;
    let token = a.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&a, &token, "lead").await;
    let writers = (0..32).map(|i| {
        let node = if i % 2 == 0 { &a } else { &b };
        // 08:00 to 18:20 on one day: one 24 h window, some pairs the 4 h minimum gap apart.
        let minutes = 8 * 60 + 20 * i;
        let at = format!("2030-03-05T{:02}:{:02}:00Z", minutes / 60, minutes % 60);
        let body = json!({"contact_id": contact, "channel": "email", "purpose": "newsletter",
                          "scheduled_at": at, "title": format!("Writer {i}")});
        let token = token.clone();
        async move { call(node, &token, Method::POST, "/api/v1/touches", Some(body)).await }
    });
    let mut planned = 0;
    for (status, answer) in futures_util::future::join_all(writers).await {
        assert_eq!(status, StatusCode::CREATED, "{answer}");
        if answer["touch"]["status"] == "planned" {
            planned += 1;
        }
    }
    assert_eq!(planned, 2, "the daily cap is 2 whichever node planned");
    let stored = a
        .count(&format!(
            "SELECT COUNT(*) FROM touches WHERE contact_id = {contact} AND status = 'planned'"
        ))
        .await;
    assert_eq!(stored, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_lapse_job_on_two_nodes_ends_each_claim_once() {
    let a = spawn_app().await;
    let rep = a.token_for("rex@example.com", Role::Rep).await;
    let mut contacts = Vec::new();
    for _ in 0..6 {
        let contact = new_contact(&a, &rep, "lead").await;
        let (status, body) = call(
            &a,
            &rep,
            Method::POST,
            &format!("/api/v1/contacts/{contact}/claim"),
            None,
        )
        .await;
        assert!(status.is_success(), "{body}");
        contacts.push(contact);
    }
    let pool_a = app::store::open(&a.db).await.unwrap();
    let pool_b = app::store::open(&a.db).await.unwrap();
    app::store::db::query("UPDATE claims SET expires_at = 1000 WHERE ended_at IS NULL")
        .execute(&pool_a)
        .await
        .unwrap();
    let now = chrono::Utc::now();
    // Eight ticks on each node at once.
    let passes = (0..16).map(|i| {
        let pool = if i % 2 == 0 {
            pool_a.clone()
        } else {
            pool_b.clone()
        };
        async move { app::store::claims::lapse_expired(&pool, now).await.unwrap() }
    });
    let ended: u64 = futures_util::future::join_all(passes)
        .await
        .into_iter()
        .sum();
    assert_eq!(ended, 6, "each claim lapsed once across both nodes");
    let audited = a
        .count("SELECT COUNT(*) FROM audit_log WHERE action = 'claim.lapsed'")
        .await;
    assert_eq!(audited, 6, "one audit row per lapsed claim");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_rule_saved_on_one_node_is_enforced_by_the_gate_on_another_within_a_second() {
    let a = spawn_app().await;
    let b = a.second_node().await;
    let admin = a.token_for("ada@example.com", Role::Admin).await;
    let contact = new_contact(&a, &admin, "lead").await;
    let (status, planned) = call(
        &a,
        &admin,
        Method::POST,
        "/api/v1/touches",
        Some(
            json!({"contact_id": contact, "channel": "email", "purpose": "newsletter",
                    "scheduled_at": "2030-03-05T09:00:00Z", "title": "First"}),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{planned}");
    let ask = json!({"contact_id": contact, "channel": "email", "purpose": "newsletter",
                     "at": "2030-03-05T15:00:00Z"});
    let gate = |node| {
        let (ask, admin) = (ask.clone(), admin.clone());
        async move {
            let (status, answer) =
                call(node, &admin, Method::POST, "/api/v1/check", Some(ask)).await;
            assert_eq!(status, StatusCode::OK, "{answer}");
            answer["decision"].as_str().unwrap().to_owned()
        }
    };
    assert_eq!(
        gate(&b).await,
        "allow",
        "a second email in the day is within the cap of 2"
    );

    let (_, rules) = call(&a, &admin, Method::GET, "/api/v1/rules", None).await;
    let mut cap = rules["rules"]["daily_cap"].clone();
    cap["params"]["limit"] = json!(1);
    let (status, saved) = call(
        &a,
        &admin,
        Method::PUT,
        "/api/v1/rules/daily_cap",
        Some(cap),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let saved_at = Instant::now();
    loop {
        let decision = gate(&b).await;
        if decision == "block" {
            break;
        }
        assert!(
            saved_at.elapsed() < Duration::from_secs(1),
            "node B still answered {decision} a second after node A saved the rule"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn failed_sign_ins_spread_over_two_nodes_meet_one_limit() {
    if !crate::helpers::on_postgres() {
        return; // one SQLite process keeps its throttle in memory: there is no second node
    }
    let a = spawn_app().await;
    let b = a.second_node().await;
    a.add_user(
        "ana@example.com",
        "Ana Admin",
        Role::Admin,
        "Ops",
        "a long enough secret",
    )
    .await;
    for n in 0..5 {
        let node = if n % 2 == 0 { &a } else { &b };
        let r = node
            .post_sign_in(&node.client, "ana@example.com", "guess", "/")
            .await;
        assert!(crate::helpers::location(&r).contains("error=invalid"));
    }
    for node in [&a, &b] {
        let locked = node
            .post_sign_in(&node.client, "ana@example.com", "a long enough secret", "/")
            .await;
        let to = crate::helpers::location(&locked);
        assert!(to.starts_with("/sign-in?error=throttled"), "{to}");
    }
}
