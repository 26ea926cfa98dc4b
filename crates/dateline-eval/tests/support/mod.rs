//! What the property tests share: the document generator and the taggers.
#![allow(dead_code)]

pub mod docs;
pub mod taggers;

use proptest::test_runner::{Config, FileFailurePersistence};

/// `cases` cases, or as many as `PROPTEST_CASES` says (for a longer search);
/// failures are kept in `NAME.proptest-regressions` beside the test file
/// and tried first on every run.
pub fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..Config::default()
    }
}
