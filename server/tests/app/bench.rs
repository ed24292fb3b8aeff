//! `concord demo` then `concord bench preview`, as a person would run them.

use crate::helpers::concord;

#[test]
fn demo_then_bench_prints_the_preview_and_scan_times_last() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    let args = [
        "demo",
        "--contacts",
        "500",
        "--touches",
        "5000",
        "--seed",
        "3",
        "--db",
        db,
    ];
    let demo = concord(&args);
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let summary = String::from_utf8_lossy(&demo.stdout);
    assert!(
        summary.starts_with("generated 500 contacts, 5000 touches"),
        "{summary}"
    );
    let again = concord(&args);
    assert!(!again.status.success(), "a second company is refused");
    let bench = concord(&[
        "bench",
        "preview",
        "--recipients",
        "200",
        "--runs",
        "1",
        "--db",
        db,
    ]);
    let out = String::from_utf8_lossy(&bench.stdout);
    assert!(
        bench.status.success(),
        "{}",
        String::from_utf8_lossy(&bench.stderr)
    );
    let last = out.lines().last().unwrap();
    let shape = last
        .strip_prefix("preview 200 recipients: ")
        .and_then(|rest| {
            let (preview, rest) = rest.split_once(" s; bare scan: ")?;
            let (scan, ratio) = rest.split_once(" s; ratio ")?;
            Some((
                preview.parse::<f64>().ok()?,
                scan.parse::<f64>().ok()?,
                ratio.parse::<f64>().ok()?,
            ))
        });
    assert!(shape.is_some(), "last line: {last}");
}

#[test]
fn bench_search_finds_the_parts_it_takes_from_contacts_before_and_after_indexing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    let demo = concord(&["demo", "--contacts", "300", "--touches", "300", "--db", db]);
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let bench = concord(&["bench", "search", "--runs", "3", "--db", db]);
    let out = String::from_utf8_lossy(&bench.stdout);
    assert!(
        bench.status.success(),
        "{}",
        String::from_utf8_lossy(&bench.stderr)
    );
    assert!(
        out.contains("index caught up with 300 contacts in "),
        "{out}"
    );
    let found = |line: &str| -> f64 {
        let found = out
            .lines()
            .find(|l| l.starts_with(line))
            .unwrap_or_else(|| panic!("no line {line}: {out}"));
        let (_, tail) = found.rsplit_once(" ms, ").unwrap();
        tail.strip_suffix(" found on average")
            .unwrap()
            .parse()
            .unwrap()
    };
    for stage in ["not yet indexed", "indexed"] {
        assert!(
            found(&format!("search {stage}, end of a name:")) >= 1.0,
            "{out}"
        );
        assert!(
            found(&format!("search {stage}, end of a phone:")) >= 1.0,
            "{out}"
        );
        assert_eq!(
            found(&format!("search {stage}, found nowhere:")),
            0.0,
            "{out}"
        );
    }
}

#[test]
fn bench_start_reads_each_roles_start_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    let demo = concord(&["demo", "--contacts", "300", "--touches", "3000", "--db", db]);
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let bench = concord(&["bench", "start", "--runs", "2", "--db", db]);
    let out = String::from_utf8_lossy(&bench.stdout);
    assert!(
        bench.status.success(),
        "{}",
        String::from_utf8_lossy(&bench.stderr)
    );
    for role in ["admin", "manager", "marketer", "rep"] {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("start page, {role} (")))
            .unwrap_or_else(|| panic!("no line for {role}: {out}"));
        assert!(line.contains(" ms, p90 "), "{line}");
    }
    let marketer = out
        .lines()
        .find(|l| l.starts_with("start page, marketer ("))
        .unwrap();
    assert!(
        !marketer.ends_with(", 0 campaigns of theirs to go out)"),
        "the demo's marketer plans campaigns a month ahead: {marketer}"
    );
}
