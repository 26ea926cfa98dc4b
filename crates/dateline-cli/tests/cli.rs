//! The command line: input formats, output formats and bad input.

mod support;

use std::process::{Command, Stdio};

use serde_json::Value;
use support::run::{dateline, stderr};

fn tmp(name: &str, content: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-cli-{}", std::process::id()));
    support::run::file(&dir, name, content)
}

#[test]
fn plain_text_with_dct_from_stdin() {
    let o = dateline(&["tag", "--dct", "1998-08-07"], Some(b"The company said Thursday it would report next week."));
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    let values: Vec<&str> = v["timexes"].as_array().expect("array").iter().map(|t| t["value"].as_str().expect("value")).collect();
    // 1998-08-07 is a Friday: "said Thursday" is the day before; next week is W33
    assert_eq!(values, ["1998-08-06", "1998-W33"]);
    assert_eq!(v["dct"], "1998-08-07");
}

#[test]
fn without_a_dct_values_stay_underspecified() {
    let o = dateline(&["tag", "--format", "jsonl"], Some(b"It opens on April 25 and closes Friday."));
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    let values: Vec<&str> = v["timexes"].as_array().expect("array").iter().map(|t| t["value"].as_str().expect("value")).collect();
    assert_eq!(values, ["XXXX-04-25", "XXXX-WXX-5"]);
}

#[test]
fn jsonl_batch_keeps_going_after_a_bad_line() {
    let input = b"{\"id\":\"a\",\"text\":\"It happened in 1998.\",\"dct\":\"2000-01-01\"}\n{broken\n{\"id\":\"c\",\"text\":\"Tomorrow.\",\"dct\":\"2000-01-01\"}\n";
    let o = dateline(&["tag", "--format", "jsonl"], Some(input));
    assert_eq!(o.status.code(), Some(2));
    let lines: Vec<Value> = String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["timexes"][0]["value"], "2000-01-02");
    assert!(stderr(&o).contains("<stdin>: line 2"), "{}", stderr(&o));
}

#[test]
fn timeml_round_trip_keeps_every_byte() {
    let raw = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X1</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">19980807</TIMEX3></DCT>\n<TEXT>\nAT&amp;T said Thursday its profit rose in the third quarter.\n</TEXT>\n</TimeML>\n";
    let p = tmp("doc.TE3input", raw.as_bytes());
    let o = dateline(&["tag", "--format", "timeml", p.to_str().expect("path")], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).expect("utf8");
    let stripped = regex_lite_strip(&out);
    assert_eq!(stripped, raw);
    assert!(out.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-06\" anchorTimeID=\"t0\">Thursday</TIMEX3>"), "{out}");
    assert!(out.contains(">the third quarter</TIMEX3>"), "{out}");
}

/// Removes the TIMEX3 tags dateline inserted inside TEXT.
fn regex_lite_strip(s: &str) -> String {
    let (head, rest) = s.split_at(s.find("<TEXT>").expect("TEXT"));
    let mut out = head.to_string();
    let mut r = rest;
    while let Some(a) = r.find("<TIMEX3 tid=\"t") {
        out.push_str(&r[..a]);
        let b = r[a..].find('>').expect("tag end");
        r = &r[a + b + 1..];
        let c = r.find("</TIMEX3>").expect("close");
        out.push_str(&r[..c]);
        r = &r[c + 9..];
    }
    out.push_str(r);
    out
}

#[test]
fn bad_inputs_fail_with_located_errors_and_others_still_run() {
    let good = tmp("good.txt", b"date 2022-04-19 See you tomorrow.");
    let bad_utf8 = tmp("bad.txt", b"date 2022-04-19 caf\xc3 \xff");
    let bad_xml = tmp("bad.tml", b"<?xml version=\"1.0\"?>\n<TimeML>\n<TEXT>unclosed</TEX>\n</TimeML>");
    let bad_dct = tmp("baddct.txt", b"date 2022-02-30 Hello");
    let empty = tmp("empty.txt", b"");
    let dir = std::env::temp_dir();
    let o = dateline(
        &[
            "tag",
            "--format",
            "jsonl",
            bad_utf8.to_str().expect("p"),
            bad_xml.to_str().expect("p"),
            good.to_str().expect("p"),
            bad_dct.to_str().expect("p"),
            empty.to_str().expect("p"),
            dir.to_str().expect("p"),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 5, "{err}");
    assert!(lines[0].contains("bad.txt: line 1, column 20 (byte 19): invalid UTF-8"), "{err}");
    assert!(lines[1].contains("bad.tml: line 3") && lines[1].contains("malformed XML"), "{err}");
    assert!(lines[2].contains("baddct.txt: line 1, column 6: DCT \"2022-02-30\" is not a date"), "{err}");
    assert!(lines[3].contains("empty.txt: empty input"), "{err}");
    assert!(lines[4].contains("is a directory"), "{err}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(out.lines().count(), 1, "only the good file produces output");
    assert!(out.contains("2022-04-20"));
}

#[test]
fn bad_dct_option_is_a_usage_error() {
    let o = dateline(&["tag", "--dct", "yesterday"], Some(b"x"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--dct \"yesterday\" is not a date"));
    assert!(o.stdout.is_empty());
}

/// The values of a one-document JSON Lines run.
fn values(o: &std::process::Output) -> Vec<String> {
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    v["timexes"].as_array().expect("array").iter().map(|t| t["value"].as_str().expect("value").to_string()).collect()
}

#[test]
fn a_dct_has_the_same_forms_everywhere_and_a_stated_range() {
    // `--dct`, the seed `date` word and a JSON line's `dct` take YYYY-MM-DD,
    // YYYYMMDD and an ISO date-time alike.
    for form in ["2022-04-19", "20220419", "2022-04-19T09:30"] {
        let seed = tmp(&format!("seed-{}.txt", form.replace(':', "")), format!("date {form} It airs tomorrow.").as_bytes());
        let o = dateline(&["tag", "--format", "jsonl", seed.to_str().expect("p")], None);
        assert!(o.status.success(), "{form}: {}", stderr(&o));
        assert_eq!(values(&o), ["2022-04-20"], "seed {form}");
        let o = dateline(&["tag", "--format", "jsonl", "--dct", form], Some(b"It airs tomorrow."));
        assert_eq!(values(&o), ["2022-04-20"], "--dct {form}");
        let line = format!("{{\"text\":\"It airs tomorrow.\",\"dct\":\"{form}\"}}");
        let o = dateline(&["tag", "--format", "jsonl", "--input-format", "jsonl"], Some(line.as_bytes()));
        assert_eq!(values(&o), ["2022-04-20"], "jsonl {form}");
    }
    // Year 0000 is 1 BC: the day before it and three years before it are
    // written with TIMEX3's BC years (ISO year -1 is 2 BC).
    let o = dateline(&["tag", "--format", "jsonl", "--dct", "0000-01-01"], Some(b"It happened yesterday, 3 years ago."));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(values(&o), ["BC0002-12-31", "BC0004"]);
    // Past 9999 the DCT is refused, and the message gives the range.
    let o = dateline(&["tag", "--dct", "10000-01-01"], Some(b"x"));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--dct \"10000-01-01\" is not a date (expected YYYY-MM-DD, YYYYMMDD, YYYY-MM-DDTHH:MM, or a date-time with an offset or zone (2013-02-12T04:30:00-02:00[America/Sao_Paulo]), with a year from 0000 to 9999)"),
        "{}",
        stderr(&o)
    );
    let seed = tmp("seed-far.txt", b"date 10000-01-01 It airs tomorrow.");
    let o = dateline(&["tag", seed.to_str().expect("p")], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("seed-far.txt: line 1, column 6: DCT \"10000-01-01\" is not a date (expected"), "{}", stderr(&o));
}

#[test]
fn a_reference_instant_counts_hours_and_zones_bare_times() {
    // 04:30 in Sao Paulo (UTC-2 in February 2013): two hours on is 06:30,
    // 08:30 UTC; "at 8" tonight is 20:00 there, 22:00 UTC
    let text = b"Call me in 2 hours, and see you tonight at 8.";
    let utcs = |o: &std::process::Output| -> Vec<(String, String)> {
        let v: Value = serde_json::from_slice(&o.stdout).expect("json");
        v["timexes"]
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|t| Some((t["value"].as_str()?.to_string(), t["utc"].as_str()?.to_string())))
            .collect()
    };
    let want =
        [("2013-02-12T06:30".to_string(), "2013-02-12T08:30:00Z".to_string()), ("2013-02-12T20:00".to_string(), "2013-02-12T22:00:00Z".to_string())];
    for dct in ["2013-02-12T04:30:00-02:00[America/Sao_Paulo]", "2013-02-12T04:30:00-02:00", "2013-02-12T06:30:00Z"] {
        let o = dateline(&["tag", "--format", "jsonl", "--dct", dct], Some(text));
        assert!(o.status.success(), "{dct}: {}", stderr(&o));
        if dct.ends_with('Z') {
            // (in UTC, the same instants read on the UTC clock)
            let v: Value = serde_json::from_slice(&o.stdout).expect("json");
            assert_eq!(v["timexes"][0]["utc"], "2013-02-12T08:30:00Z");
            continue;
        }
        assert_eq!(utcs(&o), want, "{dct}");
        let v: Value = serde_json::from_slice(&o.stdout).expect("json");
        assert_eq!(v["dct"], dct, "the reference is written as given");
    }
    // a JSON line's dct and a seed file's date word take it too
    let line = b"{\"text\":\"Call me in 2 hours, and see you tonight at 8.\",\"dct\":\"2013-02-12T04:30:00-02:00[America/Sao_Paulo]\"}";
    let o = dateline(&["tag", "--format", "jsonl", "--input-format", "jsonl"], Some(line));
    assert_eq!(utcs(&o), want);
    let seed = tmp("seed-reference.txt", b"date 2013-02-12T04:30:00-02:00[America/Sao_Paulo] Call me in 2 hours, and see you tonight at 8.");
    let o = dateline(&["tag", "--format", "jsonl", seed.to_str().expect("p")], None);
    assert_eq!(utcs(&o), want);
    // a bad zone in brackets is refused
    let o = dateline(&["tag", "--dct", "2013-02-12T04:30:00-02:00[Mars/Base]"], Some(b"x"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--dct \"2013-02-12T04:30:00-02:00[Mars/Base]\" is not a date"), "{}", stderr(&o));
}

#[test]
fn prefer_sets_which_way_an_open_date_lies() {
    // 2013-02-12 is a Tuesday: "Monday" is the 11th by the tense of "met",
    // the 18th ahead and the 11th behind
    let text = b"They met Monday.";
    for (args, want) in [(&[][..], "2013-02-11"), (&["--prefer", "future"][..], "2013-02-18"), (&["--prefer", "past"][..], "2013-02-11")] {
        let mut all = vec!["tag", "--format", "jsonl", "--dct", "2013-02-12"];
        all.extend_from_slice(args);
        let o = dateline(&all, Some(text));
        assert_eq!(values(&o), [want], "{args:?}");
    }
    // a JSON line's prefer, which --prefer overrides
    let line = b"{\"text\":\"They met Monday.\",\"dct\":\"2013-02-12\",\"prefer\":\"future\"}";
    let o = dateline(&["tag", "--format", "jsonl", "--input-format", "jsonl"], Some(line));
    assert_eq!(values(&o), ["2013-02-18"]);
    let o = dateline(&["tag", "--format", "jsonl", "--input-format", "jsonl", "--prefer", "past"], Some(line));
    assert_eq!(values(&o), ["2013-02-11"]);
    let bad = b"{\"text\":\"They met Monday.\",\"prefer\":\"soon\"}";
    let o = dateline(&["tag", "--format", "jsonl", "--input-format", "jsonl"], Some(bad));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 1: prefer \"soon\" is none of \"tense\", \"future\", \"past\""), "{}", stderr(&o));
    let o = dateline(&["tag", "--prefer", "soon"], Some(text));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_bad_zone_option_names_its_flag() {
    for (args, message) in [
        (&["--tz", "Mars/Base"][..], "dateline: --tz \"Mars/Base\": unknown time zone (an IANA name such as Asia/Seoul)"),
        (&["--to-tz", "nowhere"][..], "dateline: --to-tz \"nowhere\": unknown time zone (an IANA name such as Europe/Berlin)"),
        (&["--zone-prefer", "IST=Nowhere"][..], "dateline: --zone-prefer IST=Nowhere: unknown time zone (an IANA name such as Asia/Shanghai)"),
        (&["--zone-prefer", "XYZ=Asia/Tokyo"][..], "dateline: --zone-prefer XYZ=Asia/Tokyo: no zone abbreviation the lexicon knows"),
        (&["--zone-prefer", "IST"][..], "dateline: --zone-prefer \"IST\": expected ABBR=ZONE"),
    ] {
        let mut all = vec!["tag"];
        all.extend_from_slice(args);
        let o = dateline(&all, Some(b"It airs at 9 pm."));
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o).trim(), message);
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn an_offset_no_place_keeps_gives_no_instant() {
    // UTC+99 and UTC+14:30 are no offsets; UTC+14 is (Kiribati's Line Islands)
    for (text, extent, utc) in [
        ("The call is at 9 pm UTC+99.", "9 pm", None),
        ("The call is at 10 pm UTC+14:30.", "10 pm", None),
        ("The call is at 11 pm UTC+14.", "11 pm UTC+14", Some("2022-04-19T09:00:00Z")),
    ] {
        let o = dateline(&["tag", "--format", "jsonl", "--dct", "2022-04-19"], Some(text.as_bytes()));
        let v: Value = serde_json::from_slice(&o.stdout).expect("json");
        assert_eq!(v["timexes"][0]["text"], extent, "{text}");
        assert_eq!(v["timexes"][0]["utc"].as_str(), utc, "{text}");
    }
}

#[test]
fn out_dir_gets_whole_files_only() {
    let good = tmp("story.txt", b"date 2022-04-19 It airs Saturday.");
    let bad = tmp("broken.txt", b"\xff");
    let out = std::env::temp_dir().join(format!("dateline-out-{}", std::process::id()));
    let o = dateline(&["tag", "--out-dir", out.to_str().expect("p"), good.to_str().expect("p"), bad.to_str().expect("p")], None);
    assert_eq!(o.status.code(), Some(2));
    let names: Vec<String> =
        std::fs::read_dir(&out).expect("out dir").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["story.txt.json"]);
}

#[test]
fn jsonl_batches_are_streamed_in_input_order_whatever_the_thread_count() {
    // more lines than one streaming batch, with a bad line in the middle
    let mut input = String::new();
    for n in 0..2500 {
        if n == 1300 {
            input.push_str("{not json\n");
        }
        input.push_str(&format!("{{\"id\":\"d{n}\",\"text\":\"Talks resumed {} days ago, on Friday.\",\"dct\":\"2022-04-19\"}}\n", n % 30 + 2));
    }
    let one = dateline(&["tag", "--format", "jsonl", "-j", "1"], Some(input.as_bytes()));
    let four = dateline(&["tag", "--format", "jsonl", "-j", "4"], Some(input.as_bytes()));
    assert_eq!(one.status.code(), Some(2));
    assert_eq!(one.stdout, four.stdout, "output must not depend on the thread count");
    let lines: Vec<Value> = String::from_utf8_lossy(&one.stdout).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(lines.len(), 2500);
    for (n, v) in lines.iter().enumerate() {
        assert_eq!(v["id"], format!("d{n}"));
    }
    // 2022-04-19 minus 2 days
    assert_eq!(lines[0]["timexes"][0]["value"], "2022-04-17");
    assert!(stderr(&one).contains("<stdin>: line 1301"), "{}", stderr(&one));
}

#[test]
fn many_files_in_parallel_come_out_in_argument_order() {
    let paths: Vec<std::path::PathBuf> =
        (0..12).map(|n| tmp(&format!("par{n}.txt"), format!("date 2022-04-{:02} It happened yesterday.", n + 10).as_bytes())).collect();
    let args: Vec<&str> = ["tag", "--format", "jsonl", "-j", "3"].into_iter().chain(paths.iter().map(|p| p.to_str().expect("p"))).collect();
    let o = dateline(&args, None);
    assert!(o.status.success(), "{}", stderr(&o));
    let values: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("json")["timexes"][0]["value"].as_str().expect("v").to_string())
        .collect();
    let want: Vec<String> = (0..12).map(|n| format!("2022-04-{:02}", n + 9)).collect();
    assert_eq!(values, want);
}

#[test]
fn reports_end_quietly_when_the_reader_closes_the_pipe() {
    // "dateline eval ... | head": the reader is gone before the report is written
    let gold = std::env::temp_dir().join(format!("dateline-cli-{}-gold", std::process::id()));
    std::fs::create_dir_all(&gold).expect("gold dir");
    let doc = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>d1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>The talks resumed on <TIMEX3 tid="t1" type="DATE" value="1998-08-05">Wednesday</TIMEX3>.</TEXT>
</TimeML>
"#;
    std::fs::write(gold.join("d1.tml"), doc).expect("write gold");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["eval", "--gold", gold.to_str().expect("path"), "--errors"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dateline");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "exit {:?}: {}", out.status, stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn errors_mark_values_in_a_form_the_gold_uses_elsewhere_for_the_phrase() {
    let gold = std::env::temp_dir().join(format!("dateline-cli-{}-forms", std::process::id()));
    std::fs::create_dir_all(&gold).expect("gold dir");
    let doc = |text: &str| {
        format!(
            r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>{text}</TEXT>
</TimeML>
"#
        )
    };
    // the gold writes "last week" as an ISO week in one document and as a
    // month in another; the third has a day that is simply another one
    let docs = [
        ("a.tml", r#"Prices fell <TIMEX3 tid="t1" type="DATE" value="1998-W31">last week</TIMEX3>."#),
        ("b.tml", r#"Sales rose <TIMEX3 tid="t1" type="DATE" value="1998-07">last week</TIMEX3>."#),
        ("c.tml", r#"The talks resumed on <TIMEX3 tid="t1" type="DATE" value="1998-08-04">Wednesday</TIMEX3>."#),
    ];
    for (name, text) in docs {
        std::fs::write(gold.join(name), doc(text)).expect("write gold");
    }
    let o = dateline(&["eval", "--gold", gold.to_str().expect("path"), "--errors"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("1 of 2 wrong values are in a form the gold gives the same phrase elsewhere"), "{out}");
    assert!(out.contains(r#"* b.tml: gold "last week" DATE 1998-07 | system "last week" DATE 1998-W31"#), "{out}");
    assert!(out.contains(r#"  c.tml: gold "Wednesday" DATE 1998-08-04 | system "Wednesday" DATE 1998-08-05"#), "{out}");
}
