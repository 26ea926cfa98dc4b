//! # dateline-server
//!
//! The HTTP front end of dateline, run by `dateline serve`. It is thin: each
//! endpoint reads a request, hands the text to a shared compiled
//! [`dateline::Tagger`] on a blocking thread, and writes what the library
//! renders, so that the service answers exactly as the command line does.
//!
//! - `POST /v1/tag`: one document in, JSON (as `dateline tag --format
//!   json`), TimeML or iCalendar out;
//! - `POST /v1/batch`: JSON Lines in, JSON Lines out, streamed;
//! - `POST /v1/calendar`: documents in, one iCalendar file out (as
//!   `dateline calendar`);
//! - `POST /parse`: Duckling's HTTP API for the `time` and `duration`
//!   dimensions (see [`duckling`]);
//! - `GET /healthz`, `GET /metrics` (Prometheus text) and `GET /`, the demo page.
//!
//! Every request is bounded: its body ([`Config::max_body`]), its text
//! ([`Config::max_text`]), its time ([`Config::timeout`]) and the number
//! tagged at once ([`Config::concurrency`], 503 beyond). Errors are JSON
//! objects `{"error": "...", "status": N}`.

#![deny(missing_docs)]

mod api;
mod body;
pub mod duckling;
mod error;
mod metrics;
mod state;

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::routing::{get, post};
use axum::Router;

pub use error::ApiError;
pub use state::TagOptions;

/// How the server runs: where it listens, its limits and the tagger
/// options that requests do not override.
#[derive(Clone, Debug)]
pub struct Config {
    /// The address to listen on (loopback by default: exposing the service is a choice).
    pub addr: SocketAddr,
    /// The most bytes a request body may have (413 beyond).
    pub max_body: usize,
    /// The most bytes of text one document may have (413 beyond).
    pub max_text: usize,
    /// How long one document (or one line of a batch) may take (504 beyond).
    pub timeout: Duration,
    /// How many requests may be tagging at once (503 beyond).
    pub concurrency: usize,
    /// The tagger options a request does not give.
    pub defaults: TagOptions,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            max_body: 1 << 20,
            max_text: 256 << 10,
            timeout: Duration::from_millis(5000),
            concurrency: 256,
            defaults: TagOptions::default(),
        }
    }
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The default tagger options are refused (an unknown zone).
    #[error("tagger options: {0}")]
    Options(#[from] dateline::Error),
    /// Binding or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The service's routes over a fresh state built from `config`.
///
/// # Errors
/// [`ServeError::Options`] when the default tagger cannot be built.
pub fn router(config: Config) -> Result<Router, ServeError> {
    let state = state::AppState::new(config)?;
    Ok(Router::new()
        .route("/", get(api::page))
        .route("/healthz", get(api::healthz))
        .route("/metrics", get(api::metrics))
        .route("/v1/tag", post(api::tag))
        .route("/v1/batch", post(api::batch))
        .route("/v1/calendar", post(api::calendar))
        .route("/parse", post(duckling::parse))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::wrong_method)
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::track))
        .with_state(state))
}

/// Serves `config`'s routes on `listener` until `shutdown` completes, then
/// stops accepting and waits for the requests in flight to finish.
///
/// # Errors
/// [`ServeError`] when the options are refused or the listener fails.
pub async fn serve(listener: tokio::net::TcpListener, config: Config, shutdown: impl Future<Output = ()> + Send + 'static) -> Result<(), ServeError> {
    let app = router(config)?;
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await?;
    Ok(())
}

/// Completes on SIGTERM or SIGINT (Ctrl-C): the signal to drain and stop.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: draining requests in flight");
}

/// Runs the server on its own runtime until SIGTERM or SIGINT, with
/// structured request logs on standard error (level from `RUST_LOG`,
/// default `info`). Prints `listening on http://ADDR` once bound, so that a
/// caller that asked for port 0 learns the port. For `dateline serve`.
///
/// # Errors
/// [`ServeError`] when the options are refused or the address cannot be bound.
pub fn run(config: Config) -> Result<(), ServeError> {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
    // (the routes and their tagger first: refused options bind nothing)
    let addr = config.addr;
    let app = router(config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        // (the signals are taken over before the address is told, so that a
        // SIGTERM sent as soon as the server answers drains it: a handler
        // installed only when the shutdown task first runs may come too late
        // on a busy machine, and the default action would kill the process)
        #[cfg(unix)]
        let (mut terminate, mut interrupt) = {
            use tokio::signal::unix::{signal, SignalKind};
            (signal(SignalKind::terminate())?, signal(SignalKind::interrupt())?)
        };
        let shutdown = async move {
            #[cfg(unix)]
            tokio::select! {
                _ = interrupt.recv() => {},
                _ = terminate.recv() => {},
            }
            #[cfg(not(unix))]
            let _ = tokio::signal::ctrl_c().await;
            tracing::info!("shutting down: draining requests in flight");
        };
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        eprintln!("dateline serve: listening on http://{addr}");
        tracing::info!(%addr, "listening");
        axum::serve(listener, app).with_graceful_shutdown(shutdown).await?;
        Ok(())
    })
}
