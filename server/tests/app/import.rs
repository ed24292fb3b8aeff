//! CSV import of contacts: all or nothing, partial, line numbers, and a killed import.

use app::domain::import::ImportDefaults;
use app::store::db;
use app::store::import::{import_contacts, ImportOptions, ImportReport};
use db::Db;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

async fn fresh() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let pool = app::store::open(&dir.path().join("c.db").into())
        .await
        .unwrap();
    (dir, pool)
}

/// Imports `csv` (all or nothing unless `partial`) now, with no actor.
pub(crate) async fn import(pool: &Db, csv: &str, partial: bool) -> ImportReport {
    let options = ImportOptions {
        partial,
        defaults: ImportDefaults::default(),
        now: chrono::Utc::now(),
        actor: None,
    };
    import_contacts(pool, csv.as_bytes(), &options, &mut |_| {})
        .await
        .unwrap()
}

async fn count(pool: &Db) -> i64 {
    db::query_scalar("SELECT COUNT(*) FROM contacts")
        .fetch_one(pool)
        .await
        .unwrap()
}

const MIXED: &str = "First Name,Last Name,Email Address,Time Zone,Lifecycle Stage,Record ID\n\
    Ann,Lee,ann@example.com,Europe/Paris,Lead,r1\n\
    Bob,Ray,bob@@example.com,UTC,customer,r2\n\
    Cy,\"Multi\nLine\",cy@example.com,Mars/Base,lead,r3\n\
    ,,dee@example.com,UTC,lead,r4\n\
    Eve,Moe,eve@example.com,UTC,VIP,r5\n\
    Fay,Ng,fay@example.com,Asia/Tokyo,customer,r1\n\
    Gus,Oh,gus@example.com,America/Chicago,Opportunity,r7\n";

fn lines(report: &ImportReport) -> Vec<(u64, &str)> {
    report
        .rejected
        .iter()
        .map(|r| (r.line, r.error.split(' ').next().unwrap()))
        .collect()
}

#[tokio::test]
async fn an_import_with_bad_rows_imports_nothing_and_reports_each_line() {
    let (_dir, pool) = fresh().await;
    let report = import(&pool, MIXED, false).await;
    assert_eq!(report.imported, 0);
    assert_eq!(report.rejected_count, 5);
    let expected = vec![
        (3, "bad"),
        (4, "unknown"),
        (6, "missing"),
        (7, "unknown"),
        (8, "external"),
    ];
    assert_eq!(lines(&report), expected, "{:?}", report.rejected);
    assert!(report.rejected[1].error.contains("Mars/Base"));
    assert_eq!(count(&pool).await, 0, "nothing was written");
}

#[tokio::test]
async fn a_partial_import_keeps_the_good_rows_and_reports_the_bad() {
    let (_dir, pool) = fresh().await;
    let report = import(&pool, MIXED, true).await;
    assert_eq!((report.imported, report.rejected_count), (2, 5));
    let names: Vec<(String, String, String)> =
        db::query_as("SELECT name, timezone, stage FROM contacts ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        names,
        vec![
            ("Ann Lee".into(), "Europe/Paris".into(), "lead".into()),
            (
                "Gus Oh".into(),
                "America/Chicago".into(),
                "opportunity".into()
            ),
        ]
    );
    let again = import(
        &pool,
        "Name,Time Zone,External ID\nZed,UTC,r7\nYan,UTC,r8\n",
        false,
    )
    .await;
    assert_eq!(
        (again.imported, again.updated, again.rejected_count),
        (1, 1, 0),
        "r7 is stored: the row updates it"
    );
    assert_eq!(count(&pool).await, 3);
}

#[tokio::test]
async fn a_clean_file_in_many_batches_is_imported_whole() {
    let (_dir, pool) = fresh().await;
    let mut csv = String::from("name,email,timezone,stage,attr:child_age\n");
    for i in 0..1_234 {
        csv.push_str(&format!(
            "P{i},p{i}@example.com,America/New_York,customer,{}\n",
            i % 18
        ));
    }
    let report = import(&pool, &csv, false).await;
    assert_eq!((report.imported, report.rejected_count), (1_234, 0));
    assert_eq!(count(&pool).await, 1_234);
}

fn concord() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_concord"));
    command.env_remove("CONCORD_DB").stdin(Stdio::null());
    command
}

#[test]
fn the_cli_refuses_a_bad_file_with_the_lines_and_a_failing_exit() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contacts.csv");
    std::fs::write(&file, MIXED).unwrap();
    let db = dir.path().join("c.db");
    let out = concord()
        .args([
            "import",
            "contacts",
            file.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("line 4: unknown time zone \"Mars/Base\""),
        "{stderr}"
    );
    assert!(stderr.contains("5 bad rows: nothing imported"), "{stderr}");
}

#[tokio::test]
async fn a_killed_import_leaves_an_intact_database_and_no_contacts() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
    writeln!(out, "Full Name,Email,Time Zone,Stage").unwrap();
    for i in 0..600_000 {
        writeln!(out, "Person {i},p{i}@example.com,Europe/Berlin,lead").unwrap();
    }
    out.flush().unwrap();
    drop(out);
    let db = dir.path().join("c.db");
    let mut child = concord()
        .args([
            "import",
            "contacts",
            file.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert!(
        line.contains("100000 rows read"),
        "mid-import progress: {line}"
    );
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(!status.success(), "killed before it finished");
    let pool = app::store::open(&db.clone().into()).await.unwrap();
    let check: String = db::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(count(&pool).await, 0, "no partial import");
}

#[tokio::test]
async fn an_import_that_writes_is_audited_and_one_that_writes_nothing_is_not() {
    let (_dir, pool) = fresh().await;
    let audited = "SELECT COUNT(*) FROM audit_log WHERE action = 'contacts.imported'";
    import(&pool, MIXED, false).await;
    let none: i64 = db::query_scalar(audited).fetch_one(&pool).await.unwrap();
    assert_eq!(none, 0, "a refused import changed nothing");
    import(&pool, MIXED, true).await;
    let details: String =
        db::query_scalar("SELECT details FROM audit_log WHERE action = 'contacts.imported'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let details: serde_json::Value = serde_json::from_str(&details).unwrap();
    assert_eq!(details["imported"], 2);
    assert_eq!(details["rejected"], 5);
    assert_eq!(details["partial"], true);
    let staged: i64 = db::query_scalar("SELECT COUNT(*) FROM import_rows")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        staged, 0,
        "nothing is left on the stage after a refused and a partial import"
    );
}

#[tokio::test]
async fn a_large_import_is_published_in_chunks_and_in_file_order() {
    let (_dir, pool) = fresh().await;
    let mut csv = String::from("name,email,timezone,external_id\n");
    for i in 0..12_345 {
        csv.push_str(&format!("Row {i},row{i}@example.org,UTC,x{i}\n"));
    }
    let report = import(&pool, &csv, false).await;
    assert_eq!(report.imported, 12_345);
    assert_eq!(count(&pool).await, 12_345);
    let (first, last): (String, String) = db::query_as(
        "SELECT (SELECT external_id FROM contacts ORDER BY id LIMIT 1),
                (SELECT external_id FROM contacts ORDER BY id DESC LIMIT 1)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((first.as_str(), last.as_str()), ("x0", "x12344"));
    // The same file again: every row matches its contact and changes nothing.
    let again = import(&pool, &csv, false).await;
    assert_eq!(
        (
            again.imported,
            again.updated,
            again.unchanged,
            again.rejected_count
        ),
        (0, 0, 12_345, 0)
    );
    assert_eq!(count(&pool).await, 12_345);
}

#[tokio::test]
async fn an_import_reads_each_contacts_jurisdiction_from_its_columns() {
    let (_dir, pool) = fresh().await;
    let csv = "Name,Phone,Street,City,State,Zip,Country,Time Zone\n\
        Ann,+1 305 555 0100,1 Main St,Austin,TX,78701,United States,America/Chicago\n\
        Bob,,,,ON,,,America/Toronto\n\
        Cy,+33 6 12 34 56 78,,,,,,Europe/Paris\n\
        Di,,,,,,,UTC\n";
    let report = import(&pool, csv, false).await;
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    type Place = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Place> = db::query_as(
            "SELECT name, country, region, area_code_region, jurisdiction_source FROM contacts ORDER BY name",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
    let s = |t: &str| Some(t.to_owned());
    assert_eq!(
        rows,
        [
            ("Ann".into(), s("US"), s("US-TX"), s("US-FL"), s("address")),
            ("Bob".into(), s("CA"), s("CA-ON"), None, s("address")),
            ("Cy".into(), s("FR"), None, None, s("phone")),
            ("Di".into(), None, None, None, s("none")),
        ]
    );
}

#[tokio::test]
async fn crm_opt_out_columns_are_kept_as_consent_records_naming_the_import() {
    let (_dir, pool) = fresh().await;
    let csv =
        "First Name,Last Name,Email,Phone,Time Zone,Lifecycle Stage,Email Opt Out,Do Not Call\n\
        Ann,Lee,ann@example.com,+1 617 555 0100,UTC,lead,true,false\n\
        Bob,Ray,bob@example.com,+1 617 555 0101,UTC,lead,false,true\n\
        Cy,Oh,cy@example.com,+1 617 555 0102,UTC,lead,false,false\n";
    let report = import(&pool, csv, false).await;
    assert_eq!(report.imported, 3, "{report:?}");
    let records: Vec<(String, String, String, String, Option<String>)> = db::query_as(
        "SELECT c.name, r.channel, r.state, r.method, r.wording FROM consent_records r
         JOIN contacts c ON c.id = r.contact_id ORDER BY c.name, r.channel",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let kept: Vec<(&str, &str, &str, &str)> = records
        .iter()
        .map(|(n, c, s, m, _)| (n.as_str(), c.as_str(), s.as_str(), m.as_str()))
        .collect();
    assert_eq!(
        kept,
        [
            ("Ann Lee", "email", "opted_out", "import"),
            ("Bob Ray", "phone", "opted_out", "import")
        ]
    );
    assert!(
        records[0]
            .4
            .as_deref()
            .unwrap()
            .starts_with("contact import "),
        "{records:?}"
    );
}
