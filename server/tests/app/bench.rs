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
