//! What the tests need from outside the repository, found in one place.
//!
//! The external corpora (TempEval-3 `te3-tbaq` and `te3-silver`,
//! `zoned-dev`), the seed article and the scorers in `tools/` are not part of
//! the repository. Tests find them under `$DATELINE_SHARED`: by default
//! `../shared` beside the workspace, and a relative value is taken from the
//! workspace root. Some tests also run `python3` with the `icalendar` and
//! `python-dateutil` packages.
//!
//! When something is missing, a test prints one line saying what it skipped
//! and why, and passes. With `DATELINE_REQUIRE_SHARED=1` (which `.ci/run`
//! sets) it fails instead, so CI always runs the accuracy floors.
//!
//! The integration tests of `dateline-cli` use this module with `mod
//! support;`; the engine's unit tests and the benchmarks include this same
//! file by path, so the setting is read here and nowhere else.
#![allow(dead_code)]

pub mod run;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The environment variable that names the corpora directory.
pub const SHARED_VAR: &str = "DATELINE_SHARED";
/// The environment variable that turns every skip into a failure.
pub const REQUIRE_VAR: &str = "DATELINE_REQUIRE_SHARED";

/// The workspace root (every crate lives in `crates/<name>`).
pub fn workspace() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// The corpora directory: `$DATELINE_SHARED`, or `../shared` beside the
/// workspace, with `..` resolved so that messages show a plain path.
pub fn shared_dir() -> PathBuf {
    let dir = std::env::var_os(SHARED_VAR).filter(|v| !v.is_empty()).map_or_else(|| PathBuf::from("../shared"), PathBuf::from);
    let mut plain = PathBuf::new();
    for part in workspace().join(dir).components() {
        match part {
            std::path::Component::ParentDir => {
                plain.pop();
            }
            std::path::Component::CurDir => {}
            other => plain.push(other),
        }
    }
    plain
}

/// Whether missing corpora or Python packages are failures rather than skips.
pub fn required() -> bool {
    std::env::var(REQUIRE_VAR).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Reports that `test` skipped something, in one line that the test
/// harness does not capture; fails instead when the corpora are required.
pub fn skip(test: &str, why: &str) {
    assert!(!required(), "{test}: {why} ({REQUIRE_VAR} is set, so this is a failure)");
    let _ = writeln!(std::io::stderr(), "skipped {test}: {why}");
}

/// The corpora directory when every path of `needs` is there (relative to
/// it); otherwise `None`, after saying what `test` skipped.
pub fn shared(test: &str, needs: &[&str]) -> Option<PathBuf> {
    let dir = shared_dir();
    match needs.iter().map(|n| dir.join(n)).find(|p| !p.exists()) {
        None => Some(dir),
        Some(missing) => {
            skip(test, &format!("{} not found (set {SHARED_VAR} to the directory holding seed/, corpora/ and tools/)", missing.display()));
            None
        }
    }
}

/// Whether `python3` runs and imports every module of `modules`; otherwise
/// says what `test` skipped.
pub fn python(test: &str, modules: &[&str]) -> bool {
    let import = if modules.is_empty() { "import sys".to_string() } else { format!("import {}", modules.join(", ")) };
    let ok = Command::new("python3").args(["-c", &import]).output().is_ok_and(|o| o.status.success());
    if !ok {
        // the pip packages of the modules (zoneinfo comes with Python 3.9 and later)
        let packages: Vec<&str> = modules
            .iter()
            .filter_map(|m| match *m {
                "dateutil" => Some("python-dateutil"),
                "zoneinfo" => None,
                other => Some(other),
            })
            .collect();
        let hint = if packages.is_empty() { "install python3".to_string() } else { format!("python3 -m pip install {}", packages.join(" ")) };
        skip(test, &format!("python3 cannot run `{import}` ({hint})"));
    }
    ok
}

/// Runs a scorer script of the command line's tests
/// (`tests/articles/score.py`, `tests/everyday/score.py`) on the binary
/// `bin`, and returns the numbers of its last line ("TOTAL instants
/// 2982/3339, rules 1049/1369" gives 2982, 3339, 1049, 1369) with its whole
/// report, failing the test if it fails.
pub fn scored(script: &str, bin: &str) -> (Vec<usize>, String) {
    let path = workspace().join("crates/dateline-cli").join(script);
    let o = Command::new("python3").arg(&path).env("DATELINE_BIN", bin).output().expect("python3");
    let report = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "{script} failed: {}\n{report}", String::from_utf8_lossy(&o.stderr));
    let last = report.lines().last().unwrap_or_default();
    let counts = last.split([' ', ',', '/', '(']).filter_map(|w| w.parse().ok()).collect();
    (counts, report)
}
