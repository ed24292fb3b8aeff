//! The server's log as an operator reads it: plain text on a pipe, each request in its own
//! span with an id.

#[tokio::test]
async fn logs_to_a_pipe_have_no_colour_and_each_request_has_a_span_with_an_id() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("logs.db");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["serve", "--db", db.to_str().unwrap(), "--addr", &addr])
        .env("CONCORD_LOG", "info,tower_http=debug")
        .env_remove("CONCORD_DB")
        .env_remove("CONCORD_ADDR")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    let mut up = false;
    for _ in 0..100 {
        if client
            .get(format!("http://{addr}/healthz"))
            .send()
            .await
            .is_ok()
        {
            up = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(up, "concord serve answered");
    client
        .get(format!("http://{addr}/healthz"))
        .send()
        .await
        .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    let mut log = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    assert!(!log.contains('\u{1b}'), "no escape codes on a pipe: {log}");
    let spans: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("request{id=") && l.contains("path=/healthz"))
        .collect();
    assert!(spans.len() >= 2, "each request in its span: {log}");
    assert_ne!(
        spans
            .first()
            .unwrap()
            .split("request{id=")
            .nth(1)
            .unwrap()
            .split(' ')
            .next(),
        spans
            .last()
            .unwrap()
            .split("request{id=")
            .nth(1)
            .unwrap()
            .split(' ')
            .next(),
        "two requests, two ids: {log}"
    );
}
