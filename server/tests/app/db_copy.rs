//! `concord db copy`: a company moved from a SQLite file to the other engine (PostgreSQL when
//! the suite runs there, else another file) and back arrives unchanged, table by table; a
//! non-empty target is refused; `concord backup` of either engine writes a file that copies the
//! same.

use crate::helpers::concord;
use crate::helpers::test_db;
use std::process::Output;

/// The per-table lines `db copy` prints: table, rows, checksum.
fn copied(out: &Output) -> Vec<String> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn a_company_copied_to_the_other_engine_and_back_arrives_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("original.db");
    let original = original.to_str().unwrap();
    let demo = concord(&[
        "demo",
        "--contacts",
        "300",
        "--touches",
        "2000",
        "--seed",
        "7",
        "--db",
        original,
    ]);
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );

    let middle = test_db(&dir).await.to_url();
    let middle = if middle.starts_with("postgres") {
        middle
    } else {
        dir.path().join("middle.db").display().to_string()
    };
    let there = copied(&concord(&[
        "db", "copy", "--from", original, "--to", &middle,
    ]));
    assert_eq!(there.len(), app::store::copy::TABLES.len());
    let touches = there.iter().find(|l| l.starts_with("touches ")).unwrap();
    assert!(touches.contains(" 2000 rows"), "{touches}");

    // The calendar's counts were rebuilt on the target, not copied: they add up to its touches.
    let target = app::store::open(&middle.parse().unwrap()).await.unwrap();
    for counts in ["touch_hours", "touch_quarters"] {
        let summed: i64 = app::store::db::query_scalar(format!(
            "SELECT CAST(COALESCE(SUM(touches), 0) AS BIGINT) FROM {counts}"
        ))
        .fetch_one(&target)
        .await
        .unwrap();
        assert_eq!(summed, 2000, "{counts}");
    }
    target.close().await;

    let back = dir.path().join("back.db").display().to_string();
    let returned = copied(&concord(&["db", "copy", "--from", &middle, "--to", &back]));
    assert_eq!(
        returned, there,
        "every table's rows and checksum survive the round trip"
    );

    let again = concord(&["db", "copy", "--from", original, "--to", &middle]);
    assert!(!again.status.success());
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(said.contains("not empty"), "{said}");

    // A backup of the middle database (a SQLite file, or PostgreSQL into a file) copies the same.
    let backup = dir.path().join("backup.db").display().to_string();
    let made = concord(&["backup", "--db", &middle, &backup]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let from_backup = dir.path().join("from-backup.db").display().to_string();
    let restored = copied(&concord(&[
        "db",
        "copy",
        "--from",
        &backup,
        "--to",
        &from_backup,
    ]));
    assert_eq!(restored, there, "the backup holds the same company");
}
