//! The contacts screen's server side: the search and filter query with keyset pages, the CSV
//! export and its re-import, the upload form's all-or-nothing refusal with line numbers, and
//! the edit form's refusal of a bad field.

use crate::helpers::{location, spawn_app, TestApp};
use app::domain::ids::{ContactId, UserId};
use app::domain::{role::Role, Channel, ContactInput, NewContact, Stage, TimeZone};
use app::store::contacts::{
    create_contact, get_contact, load_import, search_contacts, ContactSearch, Cursor, OwnerFilter,
};
use chrono::Utc;
use sqlx::SqlitePool;

const SECRET: &str = "a long enough secret";

/// (name, email, phone, zone, stage, external id, sms opt-in)
const PEOPLE: [(&str, &str, &str, &str, &str, &str, bool); 7] = [
    (
        "Ann Lee",
        "ann@example.com",
        "+1 617 555 0101",
        "Europe/Paris",
        "lead",
        "hs-1",
        false,
    ),
    (
        "anna Berg",
        "berg@example.com",
        "+1 617 555 0102",
        "UTC",
        "customer",
        "hs-2",
        true,
    ),
    (
        "Bob Ray",
        "annex@example.com",
        "+1 617 555 0103",
        "Europe/Paris",
        "lead",
        "hs-3",
        false,
    ),
    (
        "Cy Moe",
        "cy@example.com",
        "+1 617 555 0104",
        "Asia/Tokyo",
        "prospect",
        "HS-4",
        true,
    ),
    (
        "Dee Ng",
        "dee@example.com",
        "+1 617 555 0105",
        "UTC",
        "lead",
        "hs-5",
        false,
    ),
    (
        "Eve Oh",
        "eve@example.com",
        "+1 617 555 0106",
        "UTC",
        "former",
        "hs-6",
        false,
    ),
    (
        "Fay Po",
        "fay@example.com",
        "+1 617 555 0107",
        "UTC",
        "lead",
        "hs-7",
        true,
    ),
];

async fn seed(pool: &SqlitePool) -> Vec<ContactId> {
    let mut ids = Vec::new();
    for (name, email, phone, zone, stage, external, sms) in PEOPLE {
        let mut input = ContactInput {
            name: name.into(),
            email: Some(email.into()),
            phone: Some(phone.into()),
            timezone: zone.into(),
            stage: stage.into(),
            external_id: Some(external.into()),
            ..ContactInput::default()
        };
        input
            .attributes
            .insert("child_age".into(), name.len().to_string());
        let mut contact = NewContact::parse(&input).unwrap();
        contact.consent.sms = sms;
        ids.push(
            create_contact(pool, &contact, None, Utc::now())
                .await
                .unwrap()
                .id,
        );
    }
    ids
}

async fn names(pool: &SqlitePool, search: &ContactSearch) -> Vec<String> {
    let page = search_contacts(pool, search, Cursor::First, 100, Utc::now())
        .await
        .unwrap();
    assert_eq!(page.total, page.contacts.len() as u64);
    page.contacts.into_iter().map(|c| c.name).collect()
}

async fn signed_in(app: &TestApp, email: &str, role: Role) {
    app.add_user(email, email, role, "Corporate marketing", SECRET)
        .await;
    let response = app.post_sign_in(&app.client, email, SECRET, "/").await;
    assert_eq!(response.status(), 303);
}

#[tokio::test]
async fn search_matches_name_and_email_prefixes_phones_and_external_ids_and_filters_combine() {
    let app = spawn_app().await;
    let pool = app::store::open(&app.db).await.unwrap();
    let ids = seed(&pool).await;
    let text = |t: &str| ContactSearch {
        text: Some(t.into()),
        ..ContactSearch::default()
    };
    assert_eq!(
        names(&pool, &text("ANN")).await,
        ["Ann Lee", "anna Berg"],
        "a bare word is a name prefix, not an email prefix"
    );
    assert_eq!(
        names(&pool, &text("Annex@")).await,
        ["Bob Ray"],
        "an address-like text also matches email prefixes"
    );
    assert_eq!(names(&pool, &text("anna")).await, ["anna Berg"]);
    assert_eq!(names(&pool, &text("+1 617 555 0105")).await, ["Dee Ng"]);
    assert_eq!(names(&pool, &text("HS-4")).await, ["Cy Moe"]);
    assert!(
        names(&pool, &text("hs-4")).await.is_empty(),
        "external ids match exactly"
    );
    assert!(
        names(&pool, &text("lee")).await.is_empty(),
        "names match from their start"
    );

    let leads_in_paris = ContactSearch {
        stage: Some(Stage::Lead),
        time_zone: Some(TimeZone::parse("Europe/Paris").unwrap()),
        ..ContactSearch::default()
    };
    assert_eq!(names(&pool, &leads_in_paris).await, ["Ann Lee", "Bob Ray"]);
    let sms_leads = ContactSearch {
        stage: Some(Stage::Lead),
        consent: vec![(Channel::Sms, true)],
        ..ContactSearch::default()
    };
    assert_eq!(names(&pool, &sms_leads).await, ["Fay Po"]);

    app.add_user(
        "rep@example.com",
        "Rita Rep",
        Role::Rep,
        "Inside sales",
        SECRET,
    )
    .await;
    let rep: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = 'rep@example.com'")
        .fetch_one(&pool)
        .await
        .unwrap();
    app::store::claims::claim(&pool, ids[4], UserId(rep), Role::Rep, Utc::now())
        .await
        .unwrap();
    let owned = ContactSearch {
        owner: OwnerFilter::User(UserId(rep)),
        ..ContactSearch::default()
    };
    assert_eq!(names(&pool, &owned).await, ["Dee Ng"]);
    let unowned = ContactSearch {
        owner: OwnerFilter::Unowned,
        ..ContactSearch::default()
    };
    assert_eq!(names(&pool, &unowned).await.len(), 6);
    assert!(!names(&pool, &unowned).await.contains(&"Dee Ng".to_owned()));
}

#[tokio::test]
async fn keyset_pages_walk_forward_and_back_in_name_order_without_gaps() {
    let app = spawn_app().await;
    let pool = app::store::open(&app.db).await.unwrap();
    seed(&pool).await;
    let all = names(&pool, &ContactSearch::default()).await;
    assert_eq!(all[0], "Ann Lee");
    assert_eq!(all[1], "anna Berg", "case is ignored in the order");
    let search = ContactSearch::default();
    let mut cursor = Cursor::First;
    let mut walked = Vec::new();
    let mut pages = Vec::new();
    loop {
        let page = search_contacts(&pool, &search, cursor, 3, Utc::now())
            .await
            .unwrap();
        assert_eq!(page.total, 7);
        assert_eq!(page.has_prev, !pages.is_empty());
        walked.extend(page.contacts.iter().map(|c| c.name.clone()));
        pages.push(page.contacts.clone());
        if !page.has_next {
            break;
        }
        cursor = Cursor::After(page.contacts.last().unwrap().id);
    }
    assert_eq!(walked, all);
    assert_eq!(pages.len(), 3);
    let back = search_contacts(
        &pool,
        &search,
        Cursor::Before(pages[2][0].id),
        3,
        Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!(back.contacts, pages[1]);
    assert!(back.has_prev && back.has_next);
    let first = search_contacts(
        &pool,
        &search,
        Cursor::Before(pages[1][0].id),
        3,
        Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!(first.contacts, pages[0]);
    assert!(!first.has_prev);
}

async fn upload(app: &TestApp, csv: &str, partial: bool) -> reqwest::Response {
    let file = reqwest::multipart::Part::text(csv.to_owned())
        .file_name("contacts.csv")
        .mime_str("text/csv")
        .unwrap();
    let mut form = reqwest::multipart::Form::new().part("file", file);
    if partial {
        form = form.text("partial", "on");
    }
    app.client
        .post(app.url("/contacts/import"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn report_of(
    app: &TestApp,
    response: &reqwest::Response,
    user: &str,
) -> app::contacts::import_summary::ImportSummary {
    assert_eq!(response.status(), 303);
    let to = location(response);
    let id: i64 = to
        .strip_prefix("/contacts/import?report=")
        .unwrap()
        .parse()
        .unwrap();
    let pool = app::store::open(&app.db).await.unwrap();
    let user: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = ?")
        .bind(user)
        .fetch_one(&pool)
        .await
        .unwrap();
    load_import(&pool, id, UserId(user))
        .await
        .unwrap()
        .expect("the report is stored")
}

async fn contact_count(app: &TestApp) -> i64 {
    let pool = app::store::open(&app.db).await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM contacts")
        .fetch_one(&pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_upload_with_bad_rows_imports_nothing_and_reports_lines_until_good_rows_are_asked_for() {
    let app = spawn_app().await;
    signed_in(&app, "mia@example.com", Role::Marketer).await;
    let csv = "name,email,timezone,stage\n\
        Ann Lee,ann@example.com,Europe/Paris,lead\n\
        Bob Ray,bob@@example.com,UTC,lead\n\
        Cy Moe,cy@example.com,Mars/Base,lead\n\
        Dee Ng,dee@example.com,UTC,customer\n";
    let refused = report_of(&app, &upload(&app, csv, false).await, "mia@example.com").await;
    assert!(refused.refused());
    assert_eq!(
        (refused.rows_read, refused.imported, refused.rejected_count),
        (4, 0, 2)
    );
    let lines: Vec<u64> = refused.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, [3, 4]);
    assert!(
        refused.rejected[1].error.contains("Mars/Base"),
        "{:?}",
        refused.rejected
    );
    assert_eq!(contact_count(&app).await, 0, "nothing half-imported");

    let partial = report_of(&app, &upload(&app, csv, true).await, "mia@example.com").await;
    assert!(!partial.refused());
    assert_eq!((partial.imported, partial.rejected_count), (2, 2));
    assert_eq!(contact_count(&app).await, 2);

    let unreadable = report_of(
        &app,
        &upload(&app, "email\nx@example.com\n", false).await,
        "mia@example.com",
    )
    .await;
    assert!(unreadable.failure.unwrap().contains("no name column"));
}

#[tokio::test]
async fn reps_may_not_upload_and_strangers_may_not_export() {
    let app = spawn_app().await;
    let stranger = app
        .client
        .get(app.url("/contacts/export.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        stranger.status(),
        303,
        "the session gate sends strangers to sign in"
    );
    signed_in(&app, "rita@example.com", Role::Rep).await;
    let response = upload(&app, "name,timezone,stage\nAnn,UTC,lead\n", false).await;
    assert_eq!(response.status(), 403);
    assert_eq!(contact_count(&app).await, 0);
}

#[tokio::test]
async fn an_export_of_a_filter_imports_again_into_an_empty_concord_unchanged() {
    let source = spawn_app().await;
    let pool = app::store::open(&source.db).await.unwrap();
    seed(&pool).await;
    signed_in(&source, "mia@example.com", Role::Marketer).await;
    let export = source
        .client
        .get(source.url("/contacts/export.csv?stage=lead&consent_sms=no"))
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), 200);
    assert!(export.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = export.text().await.unwrap();
    assert!(
        csv.starts_with("external_id,name,email,phone,address,timezone,stage,"),
        "{csv}"
    );
    assert!(csv.lines().next().unwrap().ends_with(",attr:child_age"));
    assert_eq!(csv.lines().count(), 4, "header and Ann, Bob, Dee: {csv}");

    let target = spawn_app().await;
    signed_in(&target, "mia@example.com", Role::Marketer).await;
    let report = report_of(
        &target,
        &upload(&target, &csv, false).await,
        "mia@example.com",
    )
    .await;
    assert_eq!(
        (report.imported, report.rejected_count),
        (3, 0),
        "{report:?}"
    );
    let copied = app::store::open(&target.db).await.unwrap();
    let now = Utc::now();
    for external in ["hs-1", "hs-3", "hs-5"] {
        let id = |pool: &SqlitePool| {
            let pool = pool.clone();
            async move {
                let id: i64 = sqlx::query_scalar("SELECT id FROM contacts WHERE external_id = ?")
                    .bind(external)
                    .fetch_one(&pool)
                    .await
                    .unwrap();
                ContactId(id)
            }
        };
        let a = get_contact(&pool, id(&pool).await, now)
            .await
            .unwrap()
            .unwrap();
        let b = get_contact(&copied, id(&copied).await, now)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                &a.name,
                &a.email,
                &a.phone,
                a.timezone,
                a.stage,
                a.consent,
                a.do_not_contact,
                &a.attributes
            ),
            (
                &b.name,
                &b.email,
                &b.phone,
                b.timezone,
                b.stage,
                b.consent,
                b.do_not_contact,
                &b.attributes
            ),
        );
    }
    let again = report_of(
        &target,
        &upload(&target, &csv, false).await,
        "mia@example.com",
    )
    .await;
    assert_eq!(
        again.imported, 0,
        "re-importing the same external ids is refused"
    );
}

#[tokio::test]
async fn the_edit_form_refuses_an_unknown_zone_by_name_and_saves_nothing() {
    let app = spawn_app().await;
    let pool = app::store::open(&app.db).await.unwrap();
    let ids = seed(&pool).await;
    signed_in(&app, "bo@example.com", Role::Marketer).await;
    let edit = format!("/contacts/{}/edit", ids[0]);
    let post = |zone: &'static str, stage: &'static str| {
        let referer = app.url(&edit);
        app.client
            .post(app.url("/api/contacts/save"))
            .header("referer", referer)
            .header("accept", "text/html")
            .form(&[
                ("id", ids[0].0.to_string()),
                ("version", "1".to_owned()),
                ("stage", stage.to_owned()),
                ("timezone", zone.to_owned()),
                ("consent_sms", "on".to_owned()),
            ])
            .send()
    };
    let refused = post("Mars/Base", "customer").await.unwrap();
    assert_eq!(refused.status(), 302);
    let back = location(&refused);
    assert!(back.contains("__err="), "{back}");
    let unchanged = get_contact(&pool, ids[0], Utc::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((unchanged.stage, unchanged.version), (Stage::Lead, 1));

    let saved = post("America/New_York", "customer").await.unwrap();
    assert!(
        location(&saved).ends_with("/edit?saved=2"),
        "{}",
        location(&saved)
    );
    let changed = get_contact(&pool, ids[0], Utc::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (changed.stage, changed.timezone.name(), changed.version),
        (Stage::Customer, "America/New_York", 2)
    );
    assert!(
        changed.consent.sms && !changed.consent.email,
        "unticked boxes withdraw consent"
    );
    let page = app
        .client
        .get(app.url(&edit))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("America/New_York"));
}
