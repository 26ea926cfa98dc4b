//! Running the `dateline` binary in the command line's tests.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The binary cargo built for these tests.
const BIN: Option<&str> = option_env!("CARGO_BIN_EXE_dateline");

/// Runs `dateline` with `args`, feeding it `stdin` when given.
pub fn dateline(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let Some(bin) = BIN else { panic!("the dateline binary is known only to dateline-cli's tests") };
    let mut child = Command::new(bin).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("run dateline");
    // feed stdin from another thread, so that a child that writes while it
    // reads never blocks on a full pipe
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.map(<[u8]>::to_vec);
    let feeder = std::thread::spawn(move || {
        if let Some(b) = bytes {
            let _ = input.write_all(&b);
        }
    });
    let out = child.wait_with_output().expect("wait");
    feeder.join().expect("feeder");
    out
}

/// A fresh directory of this test process for `test`.
pub fn dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes `content` to `name` under `dir` (creating folders) and returns its path.
pub fn file(dir: &std::path::Path, name: &str, content: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("folders");
    std::fs::write(&p, content).expect("write temp file");
    p
}

/// What it printed on standard error.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What it printed on standard output.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A path as an argument.
pub fn arg(p: &std::path::Path) -> &str {
    p.to_str().expect("UTF-8 path")
}
