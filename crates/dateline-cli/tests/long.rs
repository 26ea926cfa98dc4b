//! Long inputs are read and tagged in pieces: the output of an input that
//! fits in one piece is the same whether it is streamed or read whole, and
//! the output of a long one has exact offsets and distinct tids across the
//! cuts, in every format.

mod support;

use serde_json::Value;
use support::run::{arg, dateline, dir, file, stderr, stdout};

const FORMATS: [&str; 5] = ["json", "jsonl", "timeml", "text", "ics"];

/// The repository's own articles (plain and seed text).
fn own_articles() -> Vec<std::path::PathBuf> {
    let root = support::workspace();
    let mut files = vec![root.join("examples/harbour-festival.txt")];
    let mut articles: Vec<_> =
        std::fs::read_dir(root.join("crates/dateline-cli/tests/articles/plain")).expect("articles").map(|e| e.expect("entry").path()).collect();
    articles.sort();
    files.extend(articles);
    files
}

#[test]
fn an_input_streamed_in_one_piece_comes_out_as_when_read_whole() {
    let files = own_articles();
    let mut args: Vec<&str> = files.iter().map(|p| arg(p)).collect();
    args.insert(0, "tag");
    for format in FORMATS {
        let mut whole = args.clone();
        whole.extend(["--format", format]);
        let mut streamed = whole.clone();
        streamed.extend(["--stream-over", "0"]);
        let (a, b) = (dateline(&whole, None), dateline(&streamed, None));
        assert!(a.status.success() && b.status.success(), "{}{}", stderr(&a), stderr(&b));
        assert_eq!(stdout(&a), stdout(&b), "--format {format}");
    }
}

/// Pieces of 8 KB for inputs over 10 KB, so that the tests (on a debug
/// build) stay quick; the cutting is the same as at the real size.
const SMALL: [&str; 4] = ["--piece-bytes", "8000", "--stream-over", "10000"];

/// A text of many paragraphs, longer than several pieces.
fn long_text() -> String {
    let paras = [
        "The fair runs May 3-7 at 9 a.m. in Seoul, and opens on Monday, June 8, at 6 p.m. KST.",
        "Caf\u{e9} owners said on Tuesday that sales rose 4% in the third quarter from a year earlier.",
        "Every Saturday and Sunday at 9:30 am BST until Oct. 24, the boats leave at 11:05.",
    ];
    let mut s = String::new();
    let mut k = 0;
    while s.len() < 40_000 {
        s.push_str(paras[k % 3]);
        s.push_str(if k % 4 == 3 { "\n\n" } else { " " });
        k += 1;
    }
    s
}

#[test]
fn a_long_input_keeps_exact_offsets_and_distinct_tids_across_pieces() {
    let d = dir("long-input");
    let text = long_text();
    let path = file(&d, "long.txt", text.as_bytes());
    let o = dateline(&[&["tag", arg(&path), "--format", "jsonl", "--dct", "2020-05-01", "-j", "2"], &SMALL[..]].concat(), None);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_str(stdout(&o).trim()).expect("one JSON line");
    let timexes = doc["timexes"].as_array().expect("timexes");
    assert!(timexes.len() > 1_000, "{}", timexes.len());
    let chars: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let mut tids = std::collections::HashSet::new();
    let mut last_end = 0;
    for t in timexes {
        let (s, e) = (t["byte_start"].as_u64().expect("start") as usize, t["byte_end"].as_u64().expect("end") as usize);
        assert_eq!(&text[s..e], t["text"].as_str().expect("text"), "{t}");
        assert_eq!(chars[t["start"].as_u64().expect("char start") as usize], s, "{t}");
        assert!(s >= last_end, "overlap at {t}");
        last_end = e;
        assert!(tids.insert(t["tid"].as_str().expect("tid").to_string()), "tid twice: {t}");
    }
    for g in doc["groups"].as_array().expect("groups") {
        assert!(g["tids"].as_array().expect("tids").iter().all(|t| tids.contains(t.as_str().expect("tid"))), "{g}");
    }
    // the same expressions as each paragraph gets alone: no expression is cut
    let values: Vec<&str> = timexes.iter().take(12).map(|t| t["text"].as_str().expect("text")).collect();
    assert_eq!(values[..4], ["May 3", "7", "9 a.m.", "Monday, June 8"]);

    // TimeML: the tags stripped give the text back; the table and calendar come out whole
    let o = dateline(&[&["tag", arg(&path), "--format", "timeml", "--dct", "2020-05-01"], &SMALL[..]].concat(), None);
    let tml = stdout(&o);
    let body = &tml[tml.find("<TEXT>").expect("TEXT") + 6..tml.find("</TEXT>").expect("/TEXT")];
    let mut stripped = String::new();
    let mut rest = body;
    while let Some(k) = rest.find('<') {
        stripped.push_str(&rest[..k]);
        rest = &rest[k + rest[k..].find('>').expect("tag end") + 1..];
    }
    stripped.push_str(rest);
    assert_eq!(stripped.replace("&amp;", "&"), text);
    assert_eq!(tml.matches("<TIMEX3 ").count(), timexes.len() + tml.matches("beginPoint=").count() + 1);
    let o = dateline(&[&["tag", arg(&path), "--format", "ics", "--dct", "2020-05-01"], &SMALL[..]].concat(), None);
    let ics = stdout(&o);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul\r\n"));
    assert!(!ics.contains("DTSTAMP:\r\n") && ics.contains("DTSTAMP:20200501T000000Z\r\n"));

    // standard input is read the same way
    let o = dateline(&[&["tag", "--format", "jsonl", "--dct", "2020-05-01", "-j", "2"], &SMALL[..]].concat(), Some(text.as_bytes()));
    let from_stdin: Value = serde_json::from_str(stdout(&o).trim()).expect("one JSON line");
    assert_eq!(from_stdin["timexes"], doc["timexes"]);
}

#[test]
fn a_bad_byte_at_the_end_of_a_long_input_is_an_error_before_anything_is_written() {
    let d = dir("long-bad");
    let mut bytes = long_text().into_bytes();
    bytes.extend_from_slice(b"\nlast \xff");
    let path = file(&d, "bad.txt", &bytes);
    let out = d.join("out");
    let o = dateline(&[&["tag", arg(&path), "--format", "jsonl"], &SMALL[..]].concat(), None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty(), "nothing written");
    let lines = long_text().matches('\n').count() + 2;
    assert!(stderr(&o).contains(&format!("bad.txt: line {lines}, column 6 (byte {}): invalid UTF-8", bytes.len() - 1)), "{}", stderr(&o));
    let o = dateline(&[&["tag", arg(&path), "--out-dir", arg(&out)], &SMALL[..]].concat(), None);
    assert_eq!(o.status.code(), Some(2));
    assert!(std::fs::read_dir(&out).map_or(true, |mut d| d.next().is_none()), "no file left in --out-dir");
}

/// `text` as the `<TEXT>` of a TimeML document, with a comment, a CDATA
/// section and an inner tag in every paragraph.
fn long_timeml(text: &str) -> String {
    let body: String = text
        .split("\n\n")
        .map(|p| format!("<p>{}</p><!-- n --><![CDATA[ & ]]>", p.replace('&', "&amp;").replace("Tuesday", "<EVENT eid=\"e1\">Tuesday</EVENT>")))
        .collect::<Vec<_>>()
        .join("\n\n");
    format!("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>LONG</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2020-05-01\"/></DCT>\n<TEXT>{body}</TEXT>\n<TLINK lid=\"l1\"/>\n</TimeML>\n")
}

#[test]
fn a_long_timeml_input_is_read_in_pieces() {
    let d = dir("long-timeml");
    let tml = long_timeml(&long_text());
    let path = file(&d, "long.tml", tml.as_bytes());
    let o = dateline(&[&["tag", arg(&path), "--format", "timeml", "-j", "2"], &SMALL[..]].concat(), None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // the file comes back with the tags added, and nothing else changed
    let mut stripped = String::new();
    let mut rest = out.as_str();
    while let Some(k) = rest.find("<TIMEX3 tid=\"t") {
        stripped.push_str(&rest[..k]);
        rest = &rest[k..];
        if rest.starts_with("<TIMEX3 tid=\"t0\"") {
            let e = rest.find('>').expect("end") + 1;
            stripped.push_str(&rest[..e]);
            rest = &rest[e..];
            continue;
        }
        let e = rest.find('>').expect("end") + 1;
        rest = &rest[e..];
    }
    stripped.push_str(rest);
    let original = tml.replace("<EVENT eid=\"e1\">", "").replace("</EVENT>", "");
    assert_eq!(stripped.replace("</TIMEX3>", ""), original.replace("</TIMEX3>", ""));
    let ids: Vec<&str> = out.match_indices("tid=\"t").map(|(k, _)| &out[k + 5..k + 5 + out[k + 5..].find('"').expect("quote")]).collect();
    let distinct: std::collections::HashSet<_> = ids.iter().collect();
    assert!(ids.len() > 1_000 && distinct.len() == ids.len(), "{} tids, {} distinct", ids.len(), distinct.len());
    // JSON offsets index the text of <TEXT>, whose pieces the reader cut
    let o = dateline(&[&["tag", arg(&path), "--format", "jsonl"], &SMALL[..]].concat(), None);
    let doc: Value = serde_json::from_str(stdout(&o).trim()).expect("one JSON line");
    assert_eq!(doc["id"], "LONG");
    assert_eq!(doc["dct"], "2020-05-01");
    let text: String = {
        let body = &original[original.find("<TEXT>").expect("TEXT") + 6..original.find("</TEXT>").expect("/TEXT")];
        body.replace("<!-- n -->", "").replace("<![CDATA[", "").replace("]]>", "").replace("&amp;", "&")
    };
    for t in doc["timexes"].as_array().expect("timexes") {
        let (s, e) = (t["byte_start"].as_u64().expect("start") as usize, t["byte_end"].as_u64().expect("end") as usize);
        assert_eq!(&text[s..e], t["text"].as_str().expect("text"), "{t}");
    }

    // an error at the end is found before anything is written
    let bad = file(&d, "bad.tml", tml.replace("<TLINK lid=\"l1\"/>", "<TLINK lid=\"l1\">").as_bytes());
    let o = dateline(&[&["tag", arg(&bad), "--format", "timeml"], &SMALL[..]].concat(), None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("bad.tml: line "), "{}", stderr(&o));
}

#[test]
fn timeml_streamed_in_one_piece_comes_out_as_when_read_whole() {
    let Some(shared) = support::shared("timeml_streamed_in_one_piece_comes_out_as_when_read_whole", &["corpora/te3-tbaq/TimeBank"]) else { return };
    let mut files: Vec<_> = std::fs::read_dir(shared.join("corpora/te3-tbaq/TimeBank")).expect("corpus").map(|e| e.expect("entry").path()).collect();
    files.sort();
    files.truncate(25);
    let mut args: Vec<&str> = files.iter().map(|p| arg(p)).collect();
    args.insert(0, "tag");
    for format in ["timeml", "jsonl"] {
        let whole = [&args[..], &["--format", format]].concat();
        let streamed = [&whole[..], &["--stream-over", "0"]].concat();
        let (a, b) = (dateline(&whole, None), dateline(&streamed, None));
        assert!(a.status.success() && b.status.success(), "{}{}", stderr(&a), stderr(&b));
        assert_eq!(stdout(&a), stdout(&b), "--format {format}");
    }
}

#[test]
fn a_json_line_too_long_to_hold_is_tagged_in_pieces_in_its_place() {
    let text = long_text();
    let line = |id: &str, text: &str| serde_json::json!({ "id": id, "dct": "2020-05-01", "tz": "Asia/Seoul", "text": text }).to_string();
    let bad = line("bad", &text).replace("\"tz\":\"Asia/Seoul\"", "\"tz\":\"Mars/Olympus\"");
    let input = [line("a", "See you on May 5."), line("long", &text), bad, line("b", "Back on May 6.")].join("\n") + "\n";
    let o = dateline(&[&["tag", "--format", "jsonl", "-j", "2"], &SMALL[..]].concat(), Some(input.as_bytes()));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).trim(), "dateline: <stdin>: line 3: unknown time zone \"Mars/Olympus\"");
    let docs: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["a", "long", "b"]);
    let timexes = docs[1]["timexes"].as_array().expect("timexes");
    assert!(timexes.len() > 1_000);
    for t in timexes {
        let (s, e) = (t["byte_start"].as_u64().expect("start") as usize, t["byte_end"].as_u64().expect("end") as usize);
        assert_eq!(&text[s..e], t["text"].as_str().expect("text"), "{t}");
    }
    // the document's zone is read: a bare clock time gets an instant in Seoul
    assert!(timexes.iter().any(|t| t["text"] == "11:05" && t["tzid"] == "Asia/Seoul"), "{}", docs[1]);
}

#[test]
fn a_calendar_of_long_inputs_is_gathered_a_piece_at_a_time() {
    let d = dir("long-calendar");
    let text = long_text();
    let long = file(&d, "long.txt", text.as_bytes());
    let tml = file(&d, "long.tml", long_timeml(&text).as_bytes());
    let files = own_articles();
    // whole or streamed, the same calendar of the own articles
    let mut args: Vec<&str> = files.iter().map(|p| arg(p)).collect();
    args.insert(0, "calendar");
    let whole = dateline(&args, None);
    let streamed = dateline(&[&args[..], &["--stream-over", "0"]].concat(), None);
    assert!(whole.status.success(), "{}", stderr(&whole));
    assert_eq!(stdout(&whole), stdout(&streamed));
    // long inputs among short ones: one calendar, as many events as each alone has
    let events = |o: &std::process::Output| stdout(o).matches("BEGIN:VEVENT").count();
    let alone: usize = [&long, &tml]
        .iter()
        .map(|p| events(&dateline(&[&["tag", arg(p), "--format", "ics", "--dct", "2020-05-01"], &SMALL[..]].concat(), None)))
        .sum();
    let all = [&["calendar", arg(&long), arg(&files[0]), arg(&tml), "--dct", "2020-05-01"], &SMALL[..]].concat();
    let o = dateline(&all, None);
    assert!(o.status.success(), "{}", stderr(&o));
    let own = events(&dateline(&["calendar", arg(&files[0]), "--dct", "2020-05-01"], None));
    assert!(alone > 100 && events(&o) == alone + own, "{} = {alone} + {own}", events(&o));
    let ics = stdout(&o);
    assert_eq!(ics.matches("BEGIN:VCALENDAR").count(), 1);
    assert!(!ics.contains("DTSTAMP:\r\n"));
}
