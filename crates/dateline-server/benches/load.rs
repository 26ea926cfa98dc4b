//! A load benchmark for `dateline serve` (not a test): drives `POST
//! /v1/tag` with a 2 KB article from C concurrent keep-alive connections
//! for S seconds on loopback and reports sustained requests per second and
//! p50/p99 latency.
//!
//! `cargo bench -p dateline-server --bench load -- [--connections C]
//! [--seconds S] [--url URL]`: with `--url` it drives a server already
//! running (e.g. `dateline serve` from a release build); without, it starts
//! one in this process on 127.0.0.1:0.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Two of the project's articles (their `date` lines dropped) one after
/// the other, cut after the last sentence that ends within 2 KB.
fn article() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../dateline-cli/tests/articles/plain");
    let mut body = String::new();
    for name in ["airline_akl_scl.txt", "court_whitford_trial.txt"] {
        let text = std::fs::read_to_string(dir.join(name)).expect("the article");
        body.push_str(text.split_once('\n').map_or(text.as_str(), |(_, b)| b));
        body.push_str("\n\n");
    }
    let mut cut = body.len().min(2048);
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    let end = body[..cut].rfind(". ").map_or(cut, |i| i + 1);
    body[..end].to_string()
}

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    let connections: usize = arg("--connections").and_then(|v| v.parse().ok()).unwrap_or(16);
    let seconds: f64 = arg("--seconds").and_then(|v| v.parse().ok()).unwrap_or(10.0);
    let server_rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("server runtime");
    let url = match arg("--url") {
        Some(u) => u,
        None => {
            let listener = server_rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).expect("bind");
            let addr = listener.local_addr().expect("address");
            let config = dateline_server::Config { concurrency: 4096, ..dateline_server::Config::default() };
            server_rt.spawn(async move { dateline_server::serve(listener, config, std::future::pending()).await });
            format!("http://{addr}")
        }
    };
    let text = article();
    let body = serde_json::json!({ "text": text, "dct": "2026-09-02", "tz": "Pacific/Auckland" }).to_string();
    // the engine alone, on one thread: what one request costs without HTTP
    let tagger = dateline::Tagger::builder().default_zone("Pacific/Auckland").build().expect("tagger");
    let dct = "2026-09-02".parse().expect("date");
    let t = Instant::now();
    let rounds = 500;
    for _ in 0..rounds {
        let a = tagger.tag(&dateline::Document::new(&text).with_dct(dct));
        std::hint::black_box(dateline::json::JsonDocument::new("request", Some(dct), None, &a).render(true));
    }
    println!("engine alone (tag + JSON, one thread): {:.3} ms a document", t.elapsed().as_secs_f64() * 1e3 / rounds as f64);
    println!("article: {} bytes of text ({} bytes of request body); {connections} connections; {seconds} s; {url}/v1/tag", text.len(), body.len());

    let client_rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().expect("client runtime");
    let (latencies, errors, elapsed) = client_rt.block_on(async move {
        let client = reqwest::Client::builder().no_proxy().pool_max_idle_per_host(connections).build().expect("client");
        let target = format!("{url}/v1/tag");
        // warm up: compile the tagger's caches, open the connections
        for _ in 0..50 {
            let _ = client.post(&target).body(body.clone()).send().await.map(|r| r.bytes());
        }
        let stop = Arc::new(AtomicBool::new(false));
        let started = Instant::now();
        let tasks: Vec<_> = (0..connections)
            .map(|_| {
                let (client, target, body, stop) = (client.clone(), target.clone(), body.clone(), stop.clone());
                tokio::spawn(async move {
                    let (mut lat, mut errors) = (Vec::new(), 0usize);
                    while !stop.load(Ordering::Relaxed) {
                        let t = Instant::now();
                        let ok = match client.post(&target).header("content-type", "application/json").body(body.clone()).send().await {
                            Ok(r) => r.status().is_success() && r.bytes().await.is_ok(),
                            Err(_) => false,
                        };
                        if ok {
                            lat.push(t.elapsed());
                        } else {
                            errors += 1;
                        }
                    }
                    (lat, errors)
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_secs_f64(seconds)).await;
        stop.store(true, Ordering::Relaxed);
        let mut all = Vec::new();
        let mut errors = 0;
        for t in tasks {
            let (lat, e) = t.await.expect("client task");
            all.extend(lat);
            errors += e;
        }
        (all, errors, started.elapsed())
    });
    let mut lat = latencies;
    lat.sort();
    let pct = |p: f64| lat.get(((lat.len() as f64 * p) as usize).min(lat.len().saturating_sub(1))).copied().unwrap_or_default();
    println!(
        "requests: {} ok, {errors} failed in {:.2} s: {:.0} req/s; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        lat.len(),
        elapsed.as_secs_f64(),
        lat.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        lat.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
}
