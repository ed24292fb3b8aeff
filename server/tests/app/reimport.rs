//! Importing a file again updates the contacts it matches (by external id, else email)
//! instead of creating duplicates, on both engines.

use crate::helpers::test_db;
use crate::import::import;
use app::store::db::{self, Db};

type Row = (String, Option<String>, Option<String>, String, bool, i64);

async fn contacts(pool: &Db) -> Vec<Row> {
    db::query_as(
        "SELECT name, email, external_id, stage, consent_email, version FROM contacts ORDER BY id",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

const FIRST: &str = "Name,Email,Time Zone,Stage,External ID\n\
    Ann Lee,ann@example.com,UTC,customer,r1\n\
    Bob Ray,bob@example.com,UTC,lead,\n\
    Cy Oh,cy@example.com,UTC,lead,r3\n";

#[tokio::test]
async fn a_second_import_updates_matched_contacts_and_counts_each_outcome() {
    let dir = tempfile::tempdir().unwrap();
    let pool = app::store::open(&test_db(&dir).await).await.unwrap();
    let first = import(&pool, FIRST, false).await;
    assert_eq!(first.imported, 3);
    // r1 by external id (renamed; no stage cell, so still a customer; email opt-out),
    // Bob by email in any case (now with an external id), Cy unchanged, Dee new.
    let second = "Name,Email,Time Zone,Stage,External ID,Email Opt Out\n\
        Ann Lee-Ray,ann@example.com,,,r1,yes\n\
        Bob Ray,BOB@example.com,,opportunity,b2,\n\
        Cy Oh,cy@example.com,,,r3,\n\
        Dee Moe,dee@example.com,UTC,,,\n";
    let report = import(&pool, second, false).await;
    assert_eq!(
        (
            report.imported,
            report.updated,
            report.unchanged,
            report.rejected_count
        ),
        (1, 2, 1, 0),
        "{report:?}"
    );
    let s = |t: &str| Some(t.to_owned());
    assert_eq!(
        contacts(&pool).await,
        vec![
            (
                "Ann Lee-Ray".into(),
                s("ann@example.com"),
                s("r1"),
                "customer".into(),
                false,
                2
            ),
            (
                "Bob Ray".into(),
                s("BOB@example.com"),
                s("b2"),
                "opportunity".into(),
                true,
                2
            ),
            (
                "Cy Oh".into(),
                s("cy@example.com"),
                s("r3"),
                "lead".into(),
                true,
                1
            ),
            (
                "Dee Moe".into(),
                s("dee@example.com"),
                None,
                "prospect".into(),
                true,
                1
            ),
        ]
    );
    let withdrawn: Vec<(String, String)> = db::query_as(
        "SELECT c.name, r.channel FROM consent_records r JOIN contacts c ON c.id = r.contact_id
         WHERE r.method = 'import' ORDER BY c.name",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(withdrawn, vec![("Ann Lee-Ray".into(), "email".into())]);
    let staged: i64 = db::query_scalar("SELECT COUNT(*) FROM import_rows")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(staged, 0, "the stage is empty after publishing");
}

#[tokio::test]
async fn rows_that_cannot_say_which_contact_they_update_are_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let pool = app::store::open(&test_db(&dir).await).await.unwrap();
    import(
        &pool,
        "Name,Email,Time Zone\nAnn,home@example.com,UTC\nBen,home@example.com,UTC\nCy,cy@example.com,UTC\n",
        false,
    )
    .await;
    let before = contacts(&pool).await;
    let again = "Name,Email,Time Zone\n\
        Cy Oh,cy@example.com,\n\
        Ann Lee,home@example.com,\n\
        Cyrus Oh,CY@example.com,\n";
    let report = import(&pool, again, false).await;
    let lines: Vec<(u64, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.line, r.error.as_str()))
        .collect();
    assert_eq!(
        lines,
        vec![
            (3, "2 contacts have the email \"home@example.com\": add an External ID column to say which one this row updates"),
            (4, "line 2 of this file already updates the same contact"),
        ]
    );
    assert_eq!((report.imported, report.updated), (0, 0));
    assert_eq!(
        contacts(&pool).await,
        before,
        "all or nothing: Cy is not renamed"
    );
    let partial = import(&pool, again, true).await;
    assert_eq!((partial.updated, partial.rejected_count), (1, 2));
    assert_eq!(contacts(&pool).await[2].0, "Cy Oh");
}

/// Makes the database refuse to rename a contact to "Boom", as a disk or a server might fail
/// part-way through an import.
async fn refuse_boom(pool: &Db) {
    let statements: &[&str] = if crate::helpers::on_postgres() {
        &[
            "CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN IF NEW.name = 'Boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$",
            "CREATE TRIGGER refuse_boom BEFORE UPDATE ON contacts FOR EACH ROW
             EXECUTE FUNCTION refuse_boom()",
        ]
    } else {
        &[
            "CREATE TRIGGER refuse_boom BEFORE UPDATE ON contacts WHEN NEW.name = 'Boom'
           BEGIN SELECT RAISE(ABORT, 'boom'); END",
        ]
    };
    for sql in statements {
        db::query(*sql).execute(pool).await.unwrap();
    }
}

#[tokio::test]
async fn an_import_that_fails_while_publishing_puts_back_what_it_updated_but_an_opt_out_stands() {
    let dir = tempfile::tempdir().unwrap();
    let pool = app::store::open(&test_db(&dir).await).await.unwrap();
    // More updates than one published chunk, so that the first chunk commits before the
    // failure in the second.
    let rows = 5_003;
    let mut first = String::from("name,email,timezone,external_id\n");
    for i in 0..rows {
        first.push_str(&format!("Row {i},row{i}@example.org,UTC,x{i}\n"));
    }
    assert_eq!(import(&pool, &first, false).await.imported, rows as u64);
    let before = contacts(&pool).await;
    let consents = || async {
        let n: i64 = db::query_scalar("SELECT COUNT(*) FROM consent_records")
            .fetch_one(&pool)
            .await
            .unwrap();
        n
    };
    let consents_before = consents().await;

    refuse_boom(&pool).await;
    let mut second = String::from("name,email,timezone,external_id,email opt out\n");
    // Every contact renamed, the first one opting out of email, the last refused.
    for i in 0..rows - 1 {
        let opt_out = if i == 0 { "yes" } else { "" };
        second.push_str(&format!("Moved {i},row{i}@example.org,,x{i},{opt_out}\n"));
    }
    second.push_str(&format!(
        "Boom,row{}@example.org,,x{},\n",
        rows - 1,
        rows - 1
    ));
    second.push_str("New One,new.one@example.org,UTC,n1,\n");
    let options = app::store::import::ImportOptions {
        partial: false,
        defaults: Default::default(),
        now: chrono::Utc::now(),
        actor: None,
    };
    let failed =
        app::store::import::import_contacts(&pool, second.as_bytes(), &options, &mut |_| {}).await;
    assert!(failed.is_err(), "the trigger refused the last update");

    // As they were, but for the version (the ones put back have moved on, so that a client
    // that read the import's write must read again) and the opt-out, which stands.
    let mut before = before;
    before[0].4 = false;
    let without_version = |rows: Vec<Row>| -> Vec<_> {
        rows.into_iter()
            .map(|(name, email, external_id, stage, consent, _)| {
                (name, email, external_id, stage, consent)
            })
            .collect()
    };
    let after = contacts(&pool).await;
    assert!(
        without_version(after.clone()) == without_version(before.clone()),
        "every contact is as it was: no rename, no withdrawn consent, no new contact"
    );
    assert!(after.iter().zip(&before).all(|(a, b)| a.5 >= b.5));
    assert_eq!(
        consents().await,
        consents_before + 1,
        "the opt-out keeps its record naming the import"
    );
    let staged: i64 = db::query_scalar("SELECT COUNT(*) FROM import_rows")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(staged, 0, "nothing is left on the stage");
}
