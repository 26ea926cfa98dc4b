//! `POST /v1/batch`: JSON Lines in, JSON Lines out, streamed. Each input
//! line is a `/v1/tag` request; each output line is that document as
//! `dateline tag --format jsonl` writes it, or `{"line": N, "error": ...,
//! "status": S}` when the line is bad, and the lines after it go on.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;

use super::Prepared;
use crate::state::AppState;
use crate::{body, ApiError};

/// What the streaming task sends: an output line.
type Line = Result<Bytes, std::io::Error>;

/// `POST /v1/batch`. The body is read as it comes; a body over the limit
/// ends the output with an error line (or is refused with 413 up front
/// when its Content-Length says so).
pub async fn batch(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Result<Response, ApiError> {
    let limit = state.config.max_body;
    if body::declared_length(&headers).is_some_and(|n| n > limit as u64) {
        return Err(ApiError::BodyTooLarge { limit });
    }
    let slot = Arc::new(state.slot()?);
    let (tx, rx) = tokio::sync::mpsc::channel::<Line>(32);
    tokio::spawn(async move {
        let mut body = body;
        let mut pending: Vec<u8> = Vec::new();
        let mut read = 0usize;
        let mut n = 0usize;
        loop {
            let frame = match body.frame().await {
                None => break,
                Some(Ok(f)) => f,
                Some(Err(e)) => {
                    let _ = tx.send(Ok(error_line(n + 1, &ApiError::BadRequest(format!("reading the request body: {e}"))))).await;
                    return;
                }
            };
            let Ok(data) = frame.into_data() else { continue };
            read += data.len();
            if read > limit {
                let _ = tx.send(Ok(error_line(n + 1, &ApiError::BodyTooLarge { limit }))).await;
                return;
            }
            pending.extend_from_slice(&data);
            while let Some(end) = pending.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = pending.drain(..=end).collect();
                n += 1;
                if tx.send(Ok(one(&state, &slot, n, line).await)).await.is_err() {
                    return;
                }
            }
        }
        if !pending.is_empty() {
            let _ = tx.send(Ok(one(&state, &slot, n + 1, pending).await)).await;
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|line| (line, rx)) });
    Ok(([(header::CONTENT_TYPE, "application/x-ndjson")], Body::from_stream(stream)).into_response())
}

/// The output line for input line `n`.
async fn one(state: &AppState, slot: &Arc<tokio::sync::OwnedSemaphorePermit>, n: usize, line: Vec<u8>) -> Bytes {
    let result = async {
        let line = line.strip_suffix(b"\n").unwrap_or(&line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            return Err(ApiError::BadRequest("empty line: expected a JSON object with \"text\"".into()));
        }
        let p = Prepared::new(state, body::json(line)?, &format!("line {n}"))?;
        if p.format != super::Format::Json {
            return Err(ApiError::BadRequest("a batch writes JSON Lines: format must be \"json\" or absent".into()));
        }
        let s = state.clone();
        state.run(Some(slot.clone()), move || p.jsonl(&s)).await
    }
    .await;
    match result {
        Ok(s) => Bytes::from(s),
        Err(e) => error_line(n, &e),
    }
}

/// The error object for line `n`, on one line.
fn error_line(n: usize, e: &ApiError) -> Bytes {
    let mut s = serde_json::json!({ "line": n, "error": e.to_string(), "status": e.status().as_u16() }).to_string();
    s.push('\n');
    Bytes::from(s)
}
