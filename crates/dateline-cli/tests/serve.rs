//! `dateline serve` as a user runs it: the binary on an ephemeral loopback
//! port. Its `/v1/tag` JSON and `/v1/calendar` file are byte for byte what
//! `dateline tag --format json` and `dateline calendar` print for the same
//! text and options, and SIGTERM drains a request in flight.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `dateline serve`, killed on drop if still running.
struct Served {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(args: &[&str]) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(args)
        .env("RUST_LOG", "warn")
        .stderr(Stdio::piped())
        .spawn()
        .expect("dateline serve starts");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let first = lines.next().and_then(Result::ok).unwrap_or_default();
    let addr =
        first.strip_prefix("dateline serve: listening on http://").unwrap_or_else(|| panic!("first line: {first:?}")).parse().expect("address");
    // (keep reading stderr so the server never blocks on it)
    std::thread::spawn(move || lines.for_each(drop));
    Served { child, addr }
}

/// One HTTP/1.1 exchange on a fresh connection: (status, body).
fn request(addr: SocketAddr, path: &str, body: &str) -> (u16, String) {
    let mut c = TcpStream::connect(addr).expect("connect");
    c.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    write!(
        c,
        "POST {path} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .expect("write");
    let mut raw = Vec::new();
    c.read_to_end(&mut raw).expect("read");
    split(&String::from_utf8(raw).expect("UTF-8 response"))
}

/// A response's status and body (its chunks joined when chunked).
fn split(raw: &str) -> (u16, String) {
    let (head, body) = raw.split_once("\r\n\r\n").expect("a response head");
    let status = head.get(9..12).and_then(|s| s.parse().ok()).expect("status");
    if !head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        return (status, body.to_string());
    }
    let (mut out, mut rest) = (String::new(), body);
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).expect("chunk size");
        if n == 0 {
            break;
        }
        out.push_str(&after[..n]);
        rest = &after[n + 2..];
    }
    (status, out)
}

/// An article from the project's own set, without its `date` line, in a temporary file.
fn article() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let path = support::workspace().join("crates/dateline-cli/tests/articles/plain/airline_akl_scl.txt");
    let text = std::fs::read_to_string(path).expect("article");
    let body = text.split_once('\n').expect("a date line").1.to_string();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("airline.txt");
    std::fs::write(&file, &body).expect("write");
    (dir, file, body)
}

fn cli(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline")).args(args).output().expect("dateline runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn tag_json_is_the_cli_json_byte_for_byte() {
    let (_dir, file, text) = article();
    let served = serve(&[]);
    let f = file.to_str().expect("path");
    let want = cli(&["tag", "--format", "json", "--dct", "2026-09-02", "--tz", "Pacific/Auckland", "--to-tz", "America/Santiago", f]);
    let req = serde_json::json!({ "text": text, "id": "airline.txt", "dct": "2026-09-02", "tz": "Pacific/Auckland", "to_tz": "America/Santiago" });
    let (status, got) = request(served.addr, "/v1/tag", &req.to_string());
    assert_eq!(status, 200, "{got}");
    assert!(want.contains("\"utc\""), "the article has instants");
    assert_eq!(got, want);

    let want = cli(&["calendar", "--dct", "2026-09-02", "--zone-prefer", "CST=Asia/Shanghai", f]);
    let req = serde_json::json!({ "documents": [{ "text": text, "id": "airline.txt", "dct": "2026-09-02" }], "prefer": ["CST=Asia/Shanghai"] });
    let (status, got) = request(served.addr, "/v1/calendar", &req.to_string());
    assert_eq!(status, 200, "{got}");
    assert!(want.contains("BEGIN:VEVENT"));
    assert_eq!(got, want);
}

#[cfg(unix)]
#[test]
fn sigterm_drains_the_request_in_flight() {
    let mut served = serve(&[]);
    let addr = served.addr;
    let mut c = TcpStream::connect(addr).expect("connect");
    c.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    let first = "{\"text\":\"on May 3\",\"dct\":\"2022-01-01\"}\n";
    let second = "{\"text\":\"Friday\",\"dct\":\"2022-01-01\"}\n";
    write!(c, "POST /v1/batch HTTP/1.1\r\nhost: localhost\r\ncontent-length: {}\r\n\r\n{first}", first.len() + second.len()).expect("write");
    // the response has begun (its head is out) when the signal comes
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && c.read(&mut byte).expect("read") == 1 {
        head.push(byte[0]);
    }
    assert!(head.starts_with(b"HTTP/1.1 200"));
    let pid = served.child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().expect("kill").success());
    std::thread::sleep(Duration::from_millis(300));
    assert!(served.child.try_wait().expect("status").is_none(), "still running: a request is in flight");
    c.write_all(second.as_bytes()).expect("the rest of the body");
    let mut rest = Vec::new();
    c.read_to_end(&mut rest).expect("read");
    let (status, body) = split(&format!("{}{}", String::from_utf8_lossy(&head), String::from_utf8_lossy(&rest)));
    assert_eq!(status, 200);
    let values: Vec<String> =
        body.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON line")["timexes"][0]["value"].to_string()).collect();
    assert_eq!(values, ["\"2021-05-03\"", "\"2021-12-31\""], "{body}");
    let mut exited = None;
    for _ in 0..100 {
        exited = served.child.try_wait().expect("status");
        if exited.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(exited.is_some_and(|s| s.success()), "exits cleanly after draining: {exited:?}");
    assert!(TcpStream::connect(addr).is_err(), "no longer listening");
}

#[test]
fn serve_refuses_bad_options() {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline")).args(["serve", "--addr", "127.0.0.1:0", "--tz", "Mars/Base"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("default zone \"Mars/Base\": unknown time zone"), "{err}");
    assert!(!err.contains("listening"), "refused options bind nothing: {err}");
}
