//! Without JavaScript, a refused edit comes back with what was typed: on that contact's form
//! only, and once.

use super::{seed, signed_in};
use crate::helpers::{location, spawn_app};
use app::domain::role::Role;

#[tokio::test]
async fn a_refused_edit_comes_back_with_what_was_typed_on_its_own_form_once() {
    let app = spawn_app().await;
    let pool = app::store::open(&app.db).await.unwrap();
    let ids = seed(&pool).await;
    signed_in(&app, "max@example.com", Role::Manager).await;
    let edit = |i: usize| format!("/contacts/{}/edit", ids[i]);
    let refuse = || async {
        let refused = app
            .client
            .post(app.url("/api/contacts/save"))
            .header("referer", app.url(&edit(0)))
            .header("accept", "text/html")
            .form(&[
                ("id", ids[0].0.to_string()),
                ("version", "1".to_owned()),
                ("name", "Typed Over".to_owned()),
                ("stage", "customer".to_owned()),
                ("timezone", "Mars/Base".to_owned()),
                ("consent_sms", "on".to_owned()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 302);
        assert!(location(&refused).contains("__err="));
    };
    let app = &app;
    let page = |i: usize| async move {
        let url = app.url(&edit(i));
        app.client
            .get(url)
            .header("accept", "text/html")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };

    refuse().await;
    let other = page(1).await;
    assert!(
        !other.contains("Typed Over") && !other.contains("Mars/Base"),
        "another contact's form keeps its own values"
    );

    refuse().await;
    let back = page(0).await;
    assert!(back.contains(r#"value="Typed Over""#), "the typed name");
    assert!(back.contains(r#"value="Mars/Base""#), "the refused zone");
    assert!(
        back.contains(r#"<option value="customer" selected"#),
        "the chosen stage"
    );
    let sms = back
        .split(r#"id="consent_sms""#)
        .nth(1)
        .expect("the SMS box");
    assert!(
        sms.split('>').next().unwrap().contains("checked"),
        "the ticked box (stored unticked)"
    );

    let again = page(0).await;
    assert!(!again.contains("Mars/Base"), "shown once");
    assert!(!again.contains("Typed Over"));
}
