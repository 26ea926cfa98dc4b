//! The counters behind `GET /metrics`, in the Prometheus text format: a
//! small registry of our own (four metric families need no framework), and
//! the middleware that counts and logs every request.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

/// Upper bounds of the latency histogram's buckets, in seconds.
const BUCKETS: [f64; 12] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0];

/// One endpoint's latencies.
#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

/// Requests by endpoint and status, latencies by endpoint, and what was tagged.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, u16), u64>>,
    latency: Mutex<BTreeMap<String, Histogram>>,
    documents: AtomicU64,
    bytes: AtomicU64,
}

impl Metrics {
    /// Counts one request to `endpoint` answered with `status` after `seconds`.
    pub fn request(&self, endpoint: &str, status: u16, seconds: f64) {
        *self.requests.lock().unwrap_or_else(|p| p.into_inner()).entry((endpoint.to_string(), status)).or_default() += 1;
        let mut latency = self.latency.lock().unwrap_or_else(|p| p.into_inner());
        let h = latency.entry(endpoint.to_string()).or_default();
        for (count, bound) in h.counts.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *count += 1;
            }
        }
        h.count += 1;
        h.sum += seconds;
    }

    /// Counts one document of `bytes` bytes tagged.
    pub fn tagged(&self, bytes: usize) {
        self.documents.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes as u64, Ordering::Relaxed);
    }

    /// Everything, in the Prometheus text exposition format.
    pub fn render(&self) -> String {
        let mut s = String::new();
        s.push_str("# HELP dateline_requests_total HTTP requests answered, by endpoint and status.\n# TYPE dateline_requests_total counter\n");
        for ((endpoint, status), n) in self.requests.lock().unwrap_or_else(|p| p.into_inner()).iter() {
            let _ = writeln!(s, "dateline_requests_total{{endpoint=\"{endpoint}\",status=\"{status}\"}} {n}");
        }
        s.push_str("# HELP dateline_request_duration_seconds Time to answer a request (to the response head), by endpoint.\n# TYPE dateline_request_duration_seconds histogram\n");
        for (endpoint, h) in self.latency.lock().unwrap_or_else(|p| p.into_inner()).iter() {
            for (count, bound) in h.counts.iter().zip(BUCKETS) {
                let _ = writeln!(s, "dateline_request_duration_seconds_bucket{{endpoint=\"{endpoint}\",le=\"{bound}\"}} {count}");
            }
            let _ = writeln!(s, "dateline_request_duration_seconds_bucket{{endpoint=\"{endpoint}\",le=\"+Inf\"}} {}", h.count);
            let _ = writeln!(s, "dateline_request_duration_seconds_sum{{endpoint=\"{endpoint}\"}} {}", h.sum);
            let _ = writeln!(s, "dateline_request_duration_seconds_count{{endpoint=\"{endpoint}\"}} {}", h.count);
        }
        let _ = writeln!(
            s,
            "# HELP dateline_documents_tagged_total Documents tagged.\n# TYPE dateline_documents_tagged_total counter\ndateline_documents_tagged_total {}",
            self.documents.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            s,
            "# HELP dateline_bytes_tagged_total Bytes of text tagged.\n# TYPE dateline_bytes_tagged_total counter\ndateline_bytes_tagged_total {}",
            self.bytes.load(Ordering::Relaxed)
        );
        s
    }
}

/// Middleware: counts each request under its route (unknown paths as
/// `other`, so that scanners cannot grow the registry) and logs it.
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let endpoint = req.extensions().get::<MatchedPath>().map_or("other".to_string(), |p| p.as_str().to_string());
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let response = next.run(req).await;
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    state.metrics.request(&endpoint, status, elapsed.as_secs_f64());
    tracing::info!(target: "dateline_server::request", %method, %path, %endpoint, status, micros = elapsed.as_micros() as u64, "request");
    response
}
