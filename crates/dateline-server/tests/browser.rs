//! The demo page end to end in headless Chromium: paste one of the
//! project's example articles, pick a zone, tag, and check that a release
//! time shows as the right local time. A screenshot is saved under
//! `target/test-artifacts/`.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs
//! them; `DATELINE_CHROMIUM` and `DATELINE_CHROMEDRIVER` name other paths). Without them the test prints one line saying it skipped; under CI
//! (`CI=true`) or with `DATELINE_REQUIRE_BROWSER=1` it fails instead.

mod common;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{ClientBuilder, Locator};

/// Debian's paths; `DATELINE_CHROMEDRIVER` and `DATELINE_CHROMIUM` name others.
fn tool(var: &str, debian: &str) -> String {
    std::env::var(var).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| debian.to_string())
}

/// A chromedriver process, killed on drop.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Whether a missing browser must fail the test.
fn required() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") || std::env::var("DATELINE_REQUIRE_BROWSER").is_ok_and(|v| v == "1")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free loopback port")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_page_shows_a_release_time_in_the_chosen_zone() {
    let (chromedriver, chromium) = (tool("DATELINE_CHROMEDRIVER", "/usr/bin/chromedriver"), tool("DATELINE_CHROMIUM", "/usr/bin/chromium"));
    for need in [&chromedriver, &chromium] {
        if !std::path::Path::new(need).exists() {
            assert!(!required(), "{need} is missing (apt-get install chromium chromium-driver)");
            println!("skipped demo_page_shows_a_release_time_in_the_chosen_zone: {need} not found (apt-get install chromium chromium-driver)");
            return;
        }
    }
    let server = common::start_default().await;
    let port = free_port();
    let _driver = Driver(
        Command::new(&chromedriver).arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("chromedriver starts"),
    );
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1300", "--lang=en-US"]
        }),
    );
    let webdriver = format!("http://127.0.0.1:{port}");
    let mut client = None;
    for _ in 0..100 {
        match ClientBuilder::rustls().expect("TLS setup").capabilities(caps.clone()).connect(&webdriver).await {
            Ok(c) => {
                client = Some(c);
                break;
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    let c = client.expect("a WebDriver session");

    c.goto(&server.url("/")).await.expect("the page loads");
    // the example article: 'June 9 at 6 pm BST' is 17:00 UTC, 02:00 on June 10 in Tokyo
    let article = std::fs::read_to_string(common::workspace_file("examples/harbour-festival.txt")).expect("example article");
    let textarea = c.find(Locator::Id("text")).await.expect("textarea");
    c.execute(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
        vec![serde_json::to_value(&textarea).expect("element"), article.into()],
    )
    .await
    .expect("paste");
    let dct = c.find(Locator::Id("dct")).await.expect("date").prop("value").await.expect("value");
    assert_eq!(dct.as_deref(), Some("2023-03-14"), "the date is detected from the article's first line");
    c.find(Locator::Css("#zone option[value='Asia/Tokyo']")).await.expect("Asia/Tokyo offered").click().await.expect("pick the zone");
    c.find(Locator::Id("tag")).await.expect("tag button").click().await.expect("tag");
    c.wait().at_most(Duration::from_secs(20)).for_element(Locator::Css("body[data-tagged='yes']")).await.expect("tagged");

    let row = c.find(Locator::XPath("//table[@id='timexes']//tr[td[@class='text' and text()='6 pm BST']]")).await.expect("the release time's row");
    let local = row.find(Locator::Css("td.local")).await.expect("local cell").text().await.expect("text");
    assert_eq!(local, "2023-06-10 02:00 (+09:00)");
    let mark = c.find(Locator::Css("#highlighted mark.TIME")).await.expect("a highlighted time");
    assert_eq!(mark.attr("title").await.expect("title").as_deref(), Some("TIME 2023-06-09T18:00  (2023-06-09T17:00:00Z)"));
    let events = c.find(Locator::Id("events")).await.expect("events").text().await.expect("text");
    assert!(events.contains("FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=9;BYMINUTE=30 in Europe/London"), "{events}");
    assert!(c.find(Locator::Id("ics")).await.expect("ics button").is_enabled().await.expect("state"), "the .ics button is enabled");

    let shot = c.screenshot().await.expect("screenshot");
    let dir: PathBuf = common::workspace_file("target/test-artifacts");
    std::fs::create_dir_all(&dir).expect("artefact directory");
    std::fs::write(dir.join("demo-page.png"), shot).expect("screenshot saved");
    c.close().await.expect("session closed");
}
