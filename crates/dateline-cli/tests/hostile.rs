//! Hostile input: each case gets a clear error that names the file and the
//! place, a non-zero exit, and the other inputs of the run still come out
//! whole; or, where the input is fine but awkward, the right output.

mod support;

use serde_json::Value;
use support::run::{arg, dateline, dir, file, stderr, stdout};

const GOOD: &[u8] = b"date 2022-04-19 See you tomorrow.";

fn jsonl(o: &std::process::Output) -> Vec<Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

fn timeml(text: &str) -> String {
    format!("<?xml version=\"1.0\"?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\"/></DCT>\n{text}\n</TimeML>\n")
}

#[test]
fn a_second_text_element_is_an_error_and_the_other_files_still_come_out() {
    let d = dir("second-text");
    let good = file(&d, "good.txt", GOOD);
    let two = file(&d, "two.tml", timeml("<TEXT>First on Monday.</TEXT>\n<TEXT>Second on Tuesday.</TEXT>").as_bytes());
    let o = dateline(&["tag", "--format", "jsonl", "-j", "2", arg(&good), arg(&two), arg(&good)], None);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [format!("dateline: {}: line 5, column 1: a second <TEXT> element (the first is on line 4); a document has one", two.display())]
    );
    assert_eq!(jsonl(&o).len(), 2, "both good files are tagged");

    // eval: the file is named, not scored, and the exit says so
    let gold = dir("second-text-gold");
    std::fs::copy(&two, gold.join("two.tml")).expect("copy");
    let o = dateline(&["eval", "--gold", arg(&gold)], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("two.tml: line 5, column 1: a second <TEXT> element"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn a_byte_order_mark_does_not_hide_the_format() {
    let d = dir("bom");
    let bom = |b: &[u8]| [b"\xef\xbb\xbf".as_slice(), b].concat();
    let seed = file(&d, "seed.txt", &bom(GOOD));
    let tml = file(&d, "doc.tml", &bom(timeml("<TEXT>It opens tomorrow.</TEXT>").as_bytes()));
    let lines = bom(b"{\"id\":\"j\",\"text\":\"It opens tomorrow.\",\"dct\":\"2022-04-19\"}\n");
    let jl = file(&d, "docs.jsonl", &lines);
    let o = dateline(&["tag", "--format", "jsonl", arg(&seed), arg(&tml), arg(&jl)], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = jsonl(&o);
    let got: Vec<(&str, &str, &str, u64)> = docs
        .iter()
        .map(|v| {
            (
                v["id"].as_str().expect("id"),
                v["dct"].as_str().expect("a DCT"),
                v["timexes"][0]["value"].as_str().expect("value"),
                v["timexes"][0]["start"].as_u64().expect("start"),
            )
        })
        .collect();
    // offsets index the text after the mark: "tomorrow" starts at 24 of the seed file's text
    assert_eq!(got, [("seed.txt", "2022-04-19", "2022-04-20", 24), ("doc.tml", "1998-08-07", "1998-08-08", 9), ("j", "2022-04-19", "2022-04-20", 9)]);
    // standard input, streamed, and a calendar on the right day
    let o = dateline(&["tag", "--format", "jsonl"], Some(&lines));
    assert_eq!(jsonl(&o)[0]["dct"], "2022-04-19");
    let o = dateline(&["calendar", arg(&seed)], None);
    assert!(stdout(&o).contains("DTSTART;VALUE=DATE:20220420\r\n"), "{}", stdout(&o));
    // an error after the mark is located in the file
    let o = dateline(&["tag"], Some(&bom(b"date 2022-04-19 caf\xff")));
    assert!(stderr(&o).contains("<stdin>: line 1, column 20 (byte 22): invalid UTF-8"), "{}", stderr(&o));
}

#[test]
fn out_dir_refuses_two_inputs_of_one_name_before_writing_anything() {
    let d = dir("same-name");
    let (a, b, c) = (file(&d, "a/x.txt", GOOD), file(&d, "b/x.txt", GOOD), file(&d, "c.txt", GOOD));
    let out = d.join("out");
    let o = dateline(&["tag", "--out-dir", arg(&out), arg(&c), arg(&a), arg(&b)], None);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        format!(
            "dateline: --out-dir: {} and {} would both be written to {}; nothing was written (give the inputs distinct file names, or tag them in separate runs)",
            a.display(),
            b.display(),
            out.join("x.txt.json").display()
        )
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn runs_writing_into_one_out_dir_never_collide() {
    let d = dir("two-runs");
    let inputs: Vec<String> = (0..40).map(|n| arg(&file(&d, &format!("in/d{n}.txt"), GOOD)).to_string()).collect();
    let out = d.join("out");
    let run = || {
        let mut args = vec!["tag".to_string(), "--out-dir".into(), arg(&out).into(), "-j".into(), "1".into()];
        args.extend(inputs.iter().cloned());
        std::thread::spawn(move || dateline(&args.iter().map(String::as_str).collect::<Vec<_>>(), None))
    };
    for round in 0..3 {
        let runs: Vec<_> = (0..3).map(|_| run()).collect();
        for r in runs {
            let o = r.join().expect("run");
            assert!(o.status.success(), "round {round}: {}", stderr(&o));
        }
    }
    let names: Vec<String> = std::fs::read_dir(&out).expect("out").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names.len(), 40, "no temporary file is left: {names:?}");
    for n in &names {
        let v: Value = serde_json::from_slice(&std::fs::read(out.join(n)).expect("read")).expect("whole JSON");
        assert_eq!(v["timexes"][0]["value"], "2022-04-20");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.join(&names[0])).expect("meta").permissions().mode();
        assert_ne!(mode & 0o044, 0, "outputs are not private temporary files: {mode:o}");
    }
}

fn gold_doc(word: &str) -> String {
    timeml(&format!("<TEXT>The talks resumed on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-05\">{word}</TIMEX3>.</TEXT>"))
}

#[test]
fn eval_names_gold_files_it_cannot_read_and_exits_non_zero() {
    let gold = dir("bad-gold");
    file(&gold, "ok.tml", gold_doc("Wednesday").as_bytes());
    let junk = file(&gold, "junk.tml", b"junk, not XML <<<");
    let utf = file(&gold, "sub/latin1.tml", b"caf\xe9");
    let out = dir("bad-gold-out");
    let o = dateline(&["eval", "--gold", arg(&gold), "--json", "--out", arg(&out)], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(&format!("dateline: {}: line 1, column 15: malformed XML", junk.display())), "{err}");
    assert!(err.contains(&format!("dateline: {}: line 1, column 4 (byte 3): invalid UTF-8", utf.display())), "{err}");
    assert!(err.contains("2 gold file(s) or folder(s) under"), "{err}");
    let report: Value = serde_json::from_slice(&o.stdout).expect("the report still comes out");
    assert_eq!(report["docs_scored"], 1, "broken files are not scored");
    assert_eq!(report["counts"]["gold"], 1);
    assert!(out.join("ok.tml").is_file(), "the good file's system output is written");
}

#[test]
fn eval_takes_each_gold_file_once_through_link_loops() {
    let gold = dir("loop-gold");
    file(&gold, "a/one.tml", gold_doc("Wednesday").as_bytes());
    file(&gold, "b/two.tml", gold_doc("Wednesday").as_bytes());
    std::os::unix::fs::symlink(&gold, gold.join("a/loop")).expect("symlink");
    std::os::unix::fs::symlink(gold.join("a/one.tml"), gold.join("b/again.tml")).expect("symlink");
    let o = dateline(&["eval", "--gold", arg(&gold), "--json"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let report: Value = serde_json::from_slice(&o.stdout).expect("report");
    assert_eq!(report["docs_scored"], 2);
    assert_eq!(report["counts"]["gold"], 2);
    // two gold files of one name would overwrite each other's system file
    file(&gold, "b/one.tml", gold_doc("Wednesday").as_bytes());
    let out = gold.join("out");
    let o = dateline(&["eval", "--gold", arg(&gold), "--out", arg(&out)], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("would both be written to"), "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn cdata_text_is_tagged_outside_the_section() {
    let d = dir("cdata");
    let raw = timeml("<TEXT><![CDATA[Talks on Monday & more]]></TEXT>");
    let f = file(&d, "cdata.tml", raw.as_bytes());
    let o = dateline(&["tag", "--format", "timeml", arg(&f)], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("<TEXT><![CDATA[Talks on ]]><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-03\" anchorTimeID=\"t0\"><![CDATA[Monday]]></TIMEX3><![CDATA[ & more]]></TEXT>"),
        "{out}"
    );
    // and reading the output again gives the same text
    let again = file(&d, "again.tml", out.as_bytes());
    let o = dateline(&["tag", "--format", "jsonl", arg(&again)], None);
    assert_eq!(jsonl(&o)[0]["timexes"][0]["text"], "Monday");
}

#[test]
fn control_characters_never_reach_timeml_or_icalendar_output() {
    let d = dir("control");
    let text = b"date 2022-04-19 Meet on Friday\x01 at 9 pm KST\x07.\x0c";
    let f = file(&d, "ctl.txt", text);
    let o = dateline(&["tag", "--format", "timeml", arg(&f)], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains(">Friday</TIMEX3>  at <TIMEX3"), "a control character is written as a space: {out}");
    assert!(!out.bytes().any(|b| b < b' ' && b != b'\n'), "{out:?}");
    let o = dateline(&["calendar", arg(&f)], None);
    let ics = stdout(&o);
    assert!(ics.contains("SUMMARY:Meet on Friday  at 9 pm KST .\r\n"), "{ics}");
    assert!(!ics.bytes().any(|b| b < b' ' && b != b'\r' && b != b'\n'), "{ics:?}");
    // in TimeML input they are not XML: an error at the place, and the other files still come out
    let bad = file(&d, "ctl.tml", timeml("<TEXT>on Monday\x01</TEXT>").as_bytes());
    let good = file(&d, "good.txt", GOOD);
    let o = dateline(&["tag", "--format", "jsonl", arg(&bad), arg(&good)], None);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).trim_end(), format!("dateline: {}: line 4, column 16: character U+0001 is not allowed in XML", bad.display()));
    assert_eq!(jsonl(&o).len(), 1);
}
