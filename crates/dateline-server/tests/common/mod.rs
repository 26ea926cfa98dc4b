//! Starting the real server on an ephemeral loopback port for a test.
#![allow(dead_code)]

use std::time::Duration;

use dateline_server::Config;
use tokio::sync::oneshot;

/// A server running in this process, stopped (and drained) on drop.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The bound address.
    pub addr: std::net::SocketAddr,
    stop: Option<oneshot::Sender<()>>,
}

impl Server {
    /// `base` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

/// Starts `config`'s server on 127.0.0.1:0.
pub async fn start(config: Config) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind loopback");
    let addr = listener.local_addr().expect("local address");
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(dateline_server::serve(listener, config, async move {
        let _ = stopped.await;
    }));
    Server { base: format!("http://{addr}"), addr, stop: Some(stop) }
}

/// Starts the server with the default limits.
pub async fn start_default() -> Server {
    start(Config::default()).await
}

/// A client that never leaves loopback.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(30)).build().expect("client")
}

/// The path of a file in the workspace, from this crate's directory.
pub fn workspace_file(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(rel)
}
