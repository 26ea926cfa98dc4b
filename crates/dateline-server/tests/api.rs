//! Every endpoint and every error case, against the real server on a
//! loopback port with a real HTTP client.

mod common;

use std::io::{Read, Write};
use std::time::Duration;

use dateline_server::Config;
use serde_json::Value;

const ARTICLE: &str = "The harbour festival opens on June 9 at 6 pm BST and closes on June 11. \
Ferries run every Saturday and Sunday at 9:30 am BST.";

async fn post(url: &str, content_type: &str, body: impl Into<reqwest::Body>) -> (u16, String, String) {
    let resp = common::client().post(url).header("content-type", content_type).body(body).send().await.expect("response");
    let status = resp.status().as_u16();
    let ct = resp.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    (status, ct, resp.text().await.expect("body"))
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

/// Asserts a JSON error with `status` whose message contains `says`.
fn assert_error(got: &(u16, String, String), status: u16, says: &str) {
    assert_eq!(got.0, status, "{}", got.2);
    assert!(got.1.starts_with("application/json"), "content type {}", got.1);
    let e = json(&got.2);
    assert_eq!(e["status"], status);
    assert!(e["error"].as_str().is_some_and(|m| m.contains(says)), "error {:?} should say {says:?}", e["error"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tag_answers_in_three_formats() {
    let s = common::start_default().await;
    let req = serde_json::json!({ "text": ARTICLE, "dct": "2023-03-14", "id": "fest" });
    let (status, ct, body) = post(&s.url("/v1/tag"), "application/json", req.to_string()).await;
    assert_eq!((status, ct.as_str()), (200, "application/json"));
    let doc = json(&body);
    assert_eq!(doc["id"], "fest");
    assert_eq!(doc["dct"], "2023-03-14");
    let six = doc["timexes"].as_array().expect("timexes").iter().find(|t| t["text"] == "6 pm BST").expect("6 pm BST");
    assert_eq!(six["utc"], "2023-06-09T17:00:00Z");
    assert_eq!(doc["groups"][0]["rrule"], "FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=9;BYMINUTE=30");

    let mut timeml = req.clone();
    timeml["format"] = "timeml".into();
    let (status, ct, body) = post(&s.url("/v1/tag"), "application/json", timeml.to_string()).await;
    assert_eq!(status, 200);
    assert!(ct.starts_with("application/xml"), "{ct}");
    assert!(body.contains(r#"<TIMEX3 tid="t2" type="TIME" value="2023-06-09T18:00""#), "{body}");

    let mut ics = req.clone();
    ics["format"] = "ics".into();
    let (status, ct, body) = post(&s.url("/v1/tag"), "application/json", ics.to_string()).await;
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/calendar"), "{ct}");
    assert!(body.starts_with("BEGIN:VCALENDAR\r\n") && body.contains("RRULE:FREQ=WEEKLY;BYDAY=SA,SU"), "{body}");

    // options: the reader's zone and a zone preference
    let zoned = serde_json::json!({ "text": "at 6 pm CST on May 3", "dct": "2023-03-14", "to_tz": "Asia/Tokyo", "prefer": {"CST": "Asia/Shanghai"} });
    let (status, _, body) = post(&s.url("/v1/tag"), "application/json", zoned.to_string()).await;
    assert_eq!(status, 200, "{body}");
    let t = &json(&body)["timexes"].as_array().expect("timexes").iter().find(|t| t["type"] == "TIME").cloned().expect("a time");
    assert_eq!(t["tzid"], "Asia/Shanghai");
    assert_eq!(t["range_reader"]["start"], "2023-05-03T19:00:00+09:00[Asia/Tokyo]");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_streams_one_line_per_line_and_goes_on_after_a_bad_one() {
    let s = common::start_default().await;
    let body = "{\"text\":\"on May 3\",\"dct\":\"2022-01-01\",\"id\":\"a\"}\n{oops\n\n{\"text\":\"x\",\"dct\":\"soon\"}\n{\"text\":\"Friday\",\"dct\":\"2022-01-01\"}";
    let (status, ct, out) = post(&s.url("/v1/batch"), "application/x-ndjson", body).await;
    assert_eq!((status, ct.as_str()), (200, "application/x-ndjson"));
    let lines: Vec<Value> = out.lines().map(json).collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["timexes"][0]["value"], "2021-05-03");
    assert_eq!((lines[1]["line"].as_u64(), lines[1]["status"].as_u64()), (Some(2), Some(400)));
    assert!(lines[1]["error"].as_str().is_some_and(|e| e.contains("invalid JSON")));
    assert!(lines[2]["error"].as_str().is_some_and(|e| e.contains("empty line")));
    assert!(lines[3]["error"].as_str().is_some_and(|e| e.contains("dct \"soon\"")));
    assert_eq!(lines[4]["id"], "line 5");
    assert_eq!(lines[4]["timexes"][0]["value"], "2021-12-31");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calendar_gathers_documents_into_one_file() {
    let s = common::start_default().await;
    let req = serde_json::json!({ "documents": [
        { "id": "fest", "text": ARTICLE, "dct": "2023-03-14" },
        { "text": "The vote is on May 20 at 9 am EDT.", "dct": "2023-03-14" }
    ]});
    let (status, ct, body) = post(&s.url("/v1/calendar"), "application/json", req.to_string()).await;
    assert_eq!(status, 200, "{body}");
    assert!(ct.starts_with("text/calendar"));
    assert_eq!(body.matches("BEGIN:VCALENDAR").count(), 1);
    assert!(body.contains("TZID:Europe/London") && body.contains("TZID:America/New_York"), "{body}");
    assert!(body.contains("document 2"), "the second document's default id is in its UIDs: {body}");
    assert_error(&post(&s.url("/v1/calendar"), "application/json", r#"{"documents": []}"#).await, 400, "at least one");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_metrics_and_page() {
    let s = common::start_default().await;
    let c = common::client();
    let health = c.get(s.url("/healthz")).send().await.expect("healthz");
    assert_eq!(health.status(), 200);
    assert_eq!(json(&health.text().await.expect("body"))["status"], "ok");
    let _ = post(&s.url("/v1/tag"), "application/json", r#"{"text":"on May 3"}"#).await;
    let _ = post(&s.url("/v1/tag"), "application/json", "{").await;
    let metrics = c.get(s.url("/metrics")).send().await.expect("metrics");
    assert!(metrics.headers()["content-type"].to_str().unwrap_or_default().starts_with("text/plain; version=0.0.4"));
    let m = metrics.text().await.expect("body");
    assert!(m.contains("dateline_requests_total{endpoint=\"/v1/tag\",status=\"200\"} 1"), "{m}");
    assert!(m.contains("dateline_requests_total{endpoint=\"/v1/tag\",status=\"400\"} 1"), "{m}");
    assert!(m.contains("dateline_request_duration_seconds_count{endpoint=\"/v1/tag\"} 2"), "{m}");
    assert!(m.contains("dateline_documents_tagged_total 1") && m.contains("dateline_bytes_tagged_total 8"), "{m}");
    let page = c.get(s.url("/")).send().await.expect("page");
    assert!(page.headers()["content-type"].to_str().unwrap_or_default().starts_with("text/html"));
    let html = page.text().await.expect("body");
    assert!(html.contains("<title>dateline") && !html.contains("http://") && !html.contains("https://"), "self-contained");
    let missing = c.get(s.url("/nope")).send().await.expect("404");
    assert_eq!(missing.status(), 404);
    assert_eq!(json(&missing.text().await.expect("body"))["status"], 404);
    let wrong = c.get(s.url("/v1/tag")).send().await.expect("405");
    assert_eq!(wrong.status(), 405);
    assert!(json(&wrong.text().await.expect("body"))["error"].as_str().is_some_and(|e| e.contains("GET /v1/tag")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_a_400_that_says_what_is_wrong() {
    let s = common::start_default().await;
    let tag = s.url("/v1/tag");
    assert_error(&post(&tag, "application/json", "{\"text\": ").await, 400, "invalid JSON");
    assert_error(&post(&tag, "application/json", r#"{"dct": "2020-01-01"}"#).await, 400, "missing field `text`");
    assert_error(&post(&tag, "application/json", b"{\"text\": \"\xff\"}".to_vec()).await, 400, "not UTF-8");
    assert_error(&post(&tag, "application/json", r#"{"text": "x", "dct": "2020-02-30"}"#).await, 400, "dct \"2020-02-30\" is not a date");
    assert_error(&post(&tag, "application/json", r#"{"text": "x", "tz": "Mars/Olympus"}"#).await, 400, "tz \"Mars/Olympus\": unknown time zone");
    assert_error(&post(&tag, "application/json", r#"{"text": "x", "to_tz": "Nowhere"}"#).await, 400, "to_tz \"Nowhere\": unknown time zone");
    assert_error(&post(&tag, "application/json", r#"{"text": "x", "format": "pdf"}"#).await, 400, "unknown variant `pdf`");
    assert_error(&post(&tag, "application/json", r#"{"text": "x", "prefer": ["CST"]}"#).await, 400, "ABBR=ZONE");
    let parse = s.url("/parse");
    let form = "application/x-www-form-urlencoded";
    assert_error(&post(&parse, form, "locale=en_US").await, 422, "text");
    assert_error(&post(&parse, form, "text=today&locale=fr_FR").await, 400, "unknown locale \"fr_FR\"");
    assert_error(&post(&parse, form, "text=today&locale=en_XX").await, 400, "unknown locale");
    assert_error(&post(&parse, form, "text=today&lang=de").await, 400, "lang");
    assert_error(&post(&parse, form, "text=today&tz=Atlantis").await, 400, "unknown time zone");
    assert_error(&post(&parse, form, "text=today&reftime=yesterday").await, 400, "epoch milliseconds");
    assert_error(&post(&parse, form, "text=today&dims=time").await, 400, "JSON array");
    assert_error(&post(&parse, form, "text=today&latent=maybe").await, 400, "latent");
    assert_error(&post(&parse, form, b"text=\xff".to_vec()).await, 400, "not UTF-8");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parse_filters_dimensions_and_reads_the_reference_day_in_its_zone() {
    let s = common::start_default().await;
    let form = "application/x-www-form-urlencoded";
    // 2013-02-12T01:30:00Z is still 2013-02-11 in Sao Paulo (-02:00)
    let base = "text=tomorrow+for+2+hours&reftime=1360632600000&tz=America%2FSao_Paulo&lang=en&locale=en_GB&latent=false";
    let (status, ct, body) = post(&s.url("/parse"), form, base).await;
    assert_eq!((status, ct.as_str()), (200, "application/json"));
    let all = json(&body);
    assert_eq!(all.as_array().map(Vec::len), Some(2), "{body}");
    assert_eq!(all[0]["value"]["value"], "2013-02-12T00:00:00.000-02:00");
    assert_eq!(all[1]["dim"], "duration");
    assert_eq!(all[1]["value"]["normalized"]["value"], 7200);
    let only = json(&post(&s.url("/parse"), form, format!("{base}&dims=%5B%22duration%22%5D")).await.2);
    assert_eq!(only.as_array().map(Vec::len), Some(1));
    assert_eq!(only[0]["body"], "2 hours");
    assert_eq!((only[0]["start"].as_u64(), only[0]["end"].as_u64()), (Some(13), Some(20)));
    // code-point offsets; UTC by default
    let utc = json(&post(&s.url("/parse"), form, "text=%C3%A9t%C3%A9+tomorrow&reftime=1360650600000").await.2);
    assert_eq!((utc[0]["start"].as_u64(), utc[0]["end"].as_u64()), (Some(4), Some(12)), "code points, not bytes (6..14)");
    assert_eq!(utc[0]["value"]["value"], "2013-02-13T00:00:00.000+00:00");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn limits_answer_413_and_504() {
    let s = common::start(Config { max_body: 4096, max_text: 100, ..Config::default() }).await;
    let big_body = serde_json::json!({ "text": "x".repeat(5000) }).to_string();
    assert_error(&post(&s.url("/v1/tag"), "application/json", big_body.clone()).await, 413, "over the limit of 4096 bytes");
    assert_error(&post(&s.url("/v1/batch"), "application/x-ndjson", big_body).await, 413, "4096");
    let long_text = serde_json::json!({ "text": "y".repeat(200) }).to_string();
    assert_error(&post(&s.url("/v1/tag"), "application/json", long_text.clone()).await, 413, "text of 200 bytes");
    assert_error(&post(&s.url("/parse"), "application/x-www-form-urlencoded", format!("text={}", "z".repeat(200))).await, 413, "text of 200");
    let (_, _, line) = post(&s.url("/v1/batch"), "application/x-ndjson", long_text).await;
    assert_eq!(json(&line)["status"], 413);

    let text: String = vec![ARTICLE; 200].join(" ");
    let slow = common::start(Config { timeout: Duration::from_millis(1), max_body: 1 << 24, max_text: 1 << 24, ..Config::default() }).await;
    let req = serde_json::json!({ "text": text, "dct": "2023-03-14" }).to_string();
    assert_error(&post(&slow.url("/v1/tag"), "application/json", req).await, 504, "budget of 1 ms");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overload_is_a_503() {
    let s = common::start(Config { concurrency: 1, ..Config::default() }).await;
    // a batch whose body has not all come holds the one slot: its response
    // head is out (the output is streamed) before the probes start
    let addr = s.addr;
    let (mut held, head) = tokio::task::spawn_blocking(move || {
        let mut c = std::net::TcpStream::connect(addr).expect("connect");
        c.write_all(
            b"POST /v1/batch HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-ndjson\r\ncontent-length: 100\r\n\r\n{\"text\":\"on May 3\"}\n",
        )
        .expect("write");
        c.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") && c.read(&mut byte).expect("read") == 1 {
            head.push(byte[0]);
        }
        (c, String::from_utf8_lossy(&head).into_owned())
    })
    .await
    .expect("held connection");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let mut busy = None;
    for _ in 0..250 {
        let got = post(&s.url("/v1/tag"), "application/json", r#"{"text":"on May 3"}"#).await;
        if got.0 == 503 {
            busy = Some(got);
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_error(&busy.expect("a 503 while the slot is held"), 503, "overloaded");
    // the held batch still completes once its body ends
    held.write_all(&[b' '; 80]).expect("rest of the body");
    let mut out = head;
    let mut buf = [0u8; 4096];
    while !out.contains("\r\n0\r\n") {
        let n = held.read(&mut buf).expect("read");
        if n == 0 {
            break;
        }
        out.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(out.starts_with("HTTP/1.1 200") && out.contains("\"value\":\"XXXX-05-03\""), "{out}");
    let (status, _, _) = post(&s.url("/v1/tag"), "application/json", r#"{"text":"on May 3"}"#).await;
    assert_eq!(status, 200, "the slot is free again");
}
