//! Accuracy on the TempEval-3 development corpus (`corpora/te3-tbaq` of the
//! corpora directory, `$DATELINE_SHARED`): a regression floor, and agreement
//! of `dateline eval` with the independent scorer `tools/te3score.py` there
//! on the same system output.

mod support;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The floor: the figures measured when it was last raised (strict 90.47,
/// relaxed 95.02, value 82.67, type 92.26), minus one point, rounded down.
const FLOOR_STRICT_F1: f64 = 89.4;
const FLOOR_RELAXED_F1: f64 = 94.0;
const FLOOR_VALUE_F1: f64 = 81.6;
const FLOOR_TYPE_F1: f64 = 91.2;

fn eval(corpus: &Path, out: &Path) -> Value {
    let o = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["eval", "--json", "--gold"])
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .output()
        .expect("run dateline eval");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON report")
}

#[test]
fn tbaq_scores_stay_above_the_floor_and_agree_with_te3score() {
    let test = "tbaq_scores_stay_above_the_floor_and_agree_with_te3score";
    let Some(shared) = support::shared(test, &["corpora/te3-tbaq", "tools/te3score.py"]) else { return };
    if !support::python(test, &[]) {
        return;
    }
    let corpus = shared.join("corpora/te3-tbaq");
    let out = std::env::temp_dir().join(format!("dateline-tbaq-{}", std::process::id()));
    let ours = eval(&corpus, &out);
    assert_eq!(ours["docs_scored"], 256);
    assert_eq!(ours["counts"]["gold"], 1822);
    let strict = ours["strict"]["f1"].as_f64().expect("strict f1");
    let relaxed = ours["relaxed"]["f1"].as_f64().expect("relaxed f1");
    let value = ours["value_f1"].as_f64().expect("value f1");
    let typ = ours["type_f1"].as_f64().expect("type f1");
    assert!(strict >= FLOOR_STRICT_F1, "strict F1 {strict:.2} fell below {FLOOR_STRICT_F1}");
    assert!(relaxed >= FLOOR_RELAXED_F1, "relaxed F1 {relaxed:.2} fell below {FLOOR_RELAXED_F1}");
    assert!(value >= FLOOR_VALUE_F1, "value F1 {value:.2} fell below {FLOOR_VALUE_F1}");
    assert!(typ >= FLOOR_TYPE_F1, "type F1 {typ:.2} fell below {FLOOR_TYPE_F1}");

    // te3score.py reads one flat directory: link the gold files into one.
    let flat = out.with_extension("gold");
    std::fs::create_dir_all(&flat).expect("gold dir");
    for sub in ["AQUAINT", "TimeBank"] {
        for e in std::fs::read_dir(corpus.join(sub)).expect("corpus") {
            let p = e.expect("entry").path();
            let _ = std::fs::remove_file(flat.join(p.file_name().expect("name")));
            std::os::unix::fs::symlink(&p, flat.join(p.file_name().expect("name"))).expect("symlink");
        }
    }
    let o = Command::new("python3").arg(shared.join("tools/te3score.py")).arg(&flat).arg(&out).arg("--json").output().expect("python3");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let theirs: Value = serde_json::from_slice(&o.stdout).expect("te3score JSON");
    for path in [["strict", "f1"], ["relaxed", "f1"], ["strict", "p"], ["relaxed", "r"]] {
        let (a, b) = (ours[path[0]][path[1]].as_f64().expect("ours"), theirs[path[0]][path[1]].as_f64().expect("theirs"));
        assert!((a - b).abs() < 0.1, "{path:?}: dateline {a} vs te3score {b}");
    }
    for key in ["value_f1", "type_f1"] {
        let (a, b) = (ours[key].as_f64().expect("ours"), theirs[key].as_f64().expect("theirs"));
        assert!((a - b).abs() < 0.1, "{key}: dateline {a} vs te3score {b}");
    }
    assert_eq!(theirs["errors"], Value::Object(Default::default()), "te3score rejected some system files");
}
