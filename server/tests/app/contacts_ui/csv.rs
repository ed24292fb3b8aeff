//! The CSV upload form (all or nothing, with line numbers), who may upload and export, and
//! an export that imports again unchanged.

use super::{seed, signed_in};
use crate::helpers::{location, spawn_app, TestApp};
use app::domain::ids::{ContactId, UserId};
use app::domain::role::Role;
use app::store::contacts::{get_contact, load_import};
use app::store::db;
use chrono::Utc;
use db::Db;

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
) -> app::models::import_summary::ImportSummary {
    assert_eq!(response.status(), 303);
    let to = location(response);
    let id: i64 = to
        .strip_prefix("/contacts/import?report=")
        .unwrap()
        .parse()
        .unwrap();
    let pool = app::store::open(&app.db).await.unwrap();
    let user: i64 = db::query_scalar("SELECT id FROM users WHERE email = ?")
        .bind(user)
        .fetch_one(&pool)
        .await
        .unwrap();
    load_import(&pool, id, UserId(user))
        .await
        .unwrap()
        .expect("the report is stored")
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
    assert_eq!(
        app.count("SELECT COUNT(*) FROM contacts").await,
        0,
        "nothing half-imported"
    );

    let partial = report_of(&app, &upload(&app, csv, true).await, "mia@example.com").await;
    assert!(!partial.refused());
    assert_eq!((partial.imported, partial.rejected_count), (2, 2));
    assert_eq!(app.count("SELECT COUNT(*) FROM contacts").await, 2);

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
    assert_eq!(app.count("SELECT COUNT(*) FROM contacts").await, 0);
    let export = app
        .client
        .get(app.url("/contacts/export.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), 403, "export is for marketers and above");
    let exports = "SELECT COUNT(*) FROM audit_log WHERE action = 'contacts.exported'";
    assert_eq!(app.count(exports).await, 0);
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
    let exports = "SELECT COUNT(*) FROM audit_log WHERE action = 'contacts.exported'";
    assert_eq!(source.count(exports).await, 1, "an export is audited");
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
        let id = |pool: &Db| {
            let pool = pool.clone();
            async move {
                let id: i64 = db::query_scalar("SELECT id FROM contacts WHERE external_id = ?")
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
async fn an_export_never_starts_a_cell_with_a_formula_and_imports_back_unchanged() {
    use app::domain::{ContactInput, NewContact};
    let source = spawn_app().await;
    let pool = app::store::open(&source.db).await.unwrap();
    let hostile = "=HYPERLINK(\"http://evil.example\",\"Click\")";
    let mut input = ContactInput {
        name: hostile.into(),
        phone: Some("+1 617 555 0100".into()),
        timezone: "UTC".into(),
        stage: "lead".into(),
        external_id: Some("@ext".into()),
        ..ContactInput::default()
    };
    input.attributes.insert("note".into(), "-1+2".into());
    let contact = NewContact::parse(&input).unwrap();
    app::store::contacts::create_contact(&pool, &contact, None, Utc::now())
        .await
        .unwrap();
    signed_in(&source, "mia@example.com", Role::Marketer).await;
    let csv = source
        .client
        .get(source.url("/contacts/export.csv"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} in {csv}"
            );
        }
    }
    let target = spawn_app().await;
    signed_in(&target, "mia@example.com", Role::Marketer).await;
    let report = report_of(
        &target,
        &upload(&target, &csv, false).await,
        "mia@example.com",
    )
    .await;
    assert_eq!(report.imported, 1, "{report:?}");
    let copied = app::store::open(&target.db).await.unwrap();
    let (name, phone, external, attributes): (String, String, String, String) =
        db::query_as("SELECT name, phone, external_id, attributes FROM contacts")
            .fetch_one(&copied)
            .await
            .unwrap();
    assert_eq!(name, hostile);
    assert!(phone.starts_with('+'), "{phone}");
    assert_eq!(external, "@ext");
    assert!(attributes.contains("\"-1+2\""), "{attributes}");
}
