//! Exact instants and rules on the zoned development articles
//! (`corpora/zoned-dev` of the corpora directory, `$DATELINE_SHARED`),
//! scored by the independent `tools/instantcheck.py` there: a regression
//! floor for the document stage.

mod support;

use std::process::Command;

/// The floor: the targets the document stage was built to (160 of 167
/// instants), and the rules measured when last raised (167/167 and 33/33).
const FLOOR_INSTANTS: usize = 160;
const FLOOR_RULES: usize = 33;

#[test]
fn zoned_dev_instants_and_rules_stay_above_the_floor() {
    let test = "zoned_dev_instants_and_rules_stay_above_the_floor";
    let Some(shared) = support::shared(test, &["corpora/zoned-dev", "tools/instantcheck.py"]) else { return };
    if !support::python(test, &["dateutil"]) {
        return;
    }
    let corpus = shared.join("corpora/zoned-dev");
    let out = std::env::temp_dir().join(format!("dateline-zoned-{}", std::process::id()));
    std::fs::create_dir_all(&out).expect("output folder");
    let mut articles = 0;
    for entry in std::fs::read_dir(corpus.join("plain")).expect("zoned-dev/plain") {
        let path = entry.expect("entry").path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()).filter(|_| path.extension().is_some_and(|e| e == "txt")) else { continue };
        let o = Command::new(env!("CARGO_BIN_EXE_dateline")).args(["tag", "--format", "json"]).arg(&path).output().expect("run dateline");
        assert!(o.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&o.stderr));
        std::fs::write(out.join(format!("{stem}.json")), &o.stdout).expect("write JSON");
        articles += 1;
    }
    assert_eq!(articles, 24);
    let o = Command::new("python3").arg(shared.join("tools/instantcheck.py")).arg(&corpus).arg(&out).output().expect("python3");
    let report = String::from_utf8_lossy(&o.stdout);
    let last = report.lines().last().expect("a last line");
    // "instants A/167, rrules C/33"
    let counts: Vec<usize> = last.split([' ', ',', '/']).filter_map(|w| w.parse().ok()).collect();
    assert_eq!(counts.len(), 4, "{last}");
    assert_eq!((counts[1], counts[3]), (167, 33), "{last}");
    assert!(counts[0] >= FLOOR_INSTANTS && counts[2] >= FLOOR_RULES, "below the floor ({FLOOR_INSTANTS}, {FLOOR_RULES}): {last}\n{report}");
    let _ = std::fs::remove_dir_all(&out);
}
