//! iCalendar output, parsed by an independent parser (the Python `icalendar`
//! package, with python-dateutil expanding recurrence rules; `.ci/run`
//! installs them, and each test says it skipped when they are missing): the seed's OST release is one instant, 2022-04-24T15:00:00Z,
//! and its broadcast is a weekly Saturday/Sunday 21:10 Asia/Seoul rule whose
//! first occurrences after the DCT are 2022-04-23 and 2022-04-24 at 21:10 KST,
//! which the episodes the article dates to those days restate.

mod support;

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

/// Whether the independent parser is there (else `test` says it skipped).
fn parser(test: &str) -> bool {
    support::python(test, &["icalendar", "dateutil"])
}

fn parse(ics: &std::path::Path, after: &str) -> Value {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/support/check_ics.py");
    let o = Command::new("python3").arg(script).arg(ics).arg(after).output().expect("python3");
    assert!(o.status.success(), "icalendar could not parse the file: {}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

fn calendar(args: &[&str], name: &str) -> std::path::PathBuf {
    let out = std::env::temp_dir().join(format!("dateline-{}-{name}.ics", std::process::id()));
    let o = Command::new(env!("CARGO_BIN_EXE_dateline")).arg("calendar").args(args).arg("--out").arg(&out).output().expect("run dateline");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// Writes `text` (a dated article) to a file, makes its calendar and parses
/// that with the independent parser, expanding rules from `after` on.
fn calendar_of(text: &str, name: &str, after: &str) -> Value {
    let input = std::env::temp_dir().join(format!("dateline-{}-{name}.txt", std::process::id()));
    std::fs::write(&input, text).expect("write");
    parse(&calendar(&[input.to_str().expect("path")], name), after)
}

#[test]
fn seed_calendar_parses_and_means_what_the_article_says() {
    let test = "seed_calendar_parses_and_means_what_the_article_says";
    let Some(shared) = support::shared(test, &["seed/our-blues-ost.txt"]).filter(|_| parser(test)) else { return };
    let seed = shared.join("seed/our-blues-ost.txt");
    let ics = calendar(&[seed.to_str().expect("path")], "seed");
    let v = parse(&ics, "2022-04-19T00:00:00");
    let events = v["events"].as_array().expect("events");
    assert_eq!(v["timezones"], serde_json::json!(["Asia/Seoul"]));

    // the OST release: 12 am KST on April 25 is 15:00 UTC on April 24
    let ost: Vec<&Value> = events.iter().filter(|e| e.get("utc").is_some() && e.get("rrule").is_none() && e.get("recurrence_id").is_none()).collect();
    assert_eq!(ost.len(), 1, "{events:?}");
    assert_eq!(ost[0]["utc"], "2022-04-24T15:00:00Z");
    assert_eq!(ost[0]["tzid"], "Asia/Seoul");
    assert!(ost[0]["summary"].as_str().expect("summary").starts_with("The OST is set to drop on April 25 at 12 am KST"));

    // the broadcast: weekly on Saturday and Sunday at 21:10 in Seoul
    let rec: Vec<&Value> = events.iter().filter(|e| e.get("rrule").is_some()).collect();
    assert_eq!(rec.len(), 1, "{events:?}");
    let rule: std::collections::BTreeMap<&str, &str> =
        rec[0]["rrule"].as_str().expect("rule").split(';').filter_map(|kv| kv.split_once('=')).collect();
    assert_eq!(rule, [("BYDAY", "SA,SU"), ("BYHOUR", "21"), ("BYMINUTE", "10"), ("FREQ", "WEEKLY")].into_iter().collect());
    assert_eq!(rec[0]["tzid"], "Asia/Seoul");
    let occ = rec[0]["occurrences"].as_array().expect("occurrences");
    assert_eq!(occ[0], "2022-04-23T21:10:00+09:00");
    assert_eq!(occ[1], "2022-04-24T21:10:00+09:00");

    // episodes 5 and 6 on April 23 and 24 are those two occurrences, restated
    let restated: Vec<(&Value, &Value, &Value)> =
        events.iter().filter(|e| e.get("recurrence_id").is_some()).map(|e| (&e["uid"], &e["recurrence_id"], &e["utc"])).collect();
    let uid = &rec[0]["uid"];
    assert_eq!(
        restated,
        [(uid, &occ[0], &serde_json::json!("2022-04-23T12:10:00Z")), (uid, &occ[1], &serde_json::json!("2022-04-24T12:10:00Z"))],
        "{events:?}"
    );

    // one all-day event: the DCT's April 19 (April 25 is the OST's timed
    // event, and February 28, 2019 is past)
    let days: Vec<&str> = events.iter().filter_map(|e| e.get("date").and_then(Value::as_str)).collect();
    assert_eq!(days, ["2022-04-19"]);
    assert_eq!(events.len(), 5);
    // UIDs are unique but for the occurrences a recurring event restates
    let mut uids: Vec<(&Value, Option<&Value>)> = events.iter().map(|e| (&e["uid"], e.get("recurrence_id"))).collect();
    uids.sort_unstable_by_key(|u| format!("{u:?}"));
    uids.dedup();
    assert_eq!(uids.len(), events.len());

    // the past is kept when asked for, in `calendar` and in `tag --format ics`
    let all = calendar(&[seed.to_str().expect("path"), "--include-past"], "seed-past");
    let v = parse(&all, "2022-04-19T00:00:00");
    let days: Vec<&str> = v["events"].as_array().expect("events").iter().filter_map(|e| e.get("date").and_then(Value::as_str)).collect();
    assert_eq!(days, ["2019-02-28", "2022-04-19"]);
    let tagged = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["tag", "--format", "ics", "--include-past", seed.to_str().expect("path")])
        .output()
        .expect("run dateline");
    assert_eq!(String::from_utf8_lossy(&tagged.stdout), std::fs::read_to_string(&all).expect("read"));
}

#[test]
fn dst_zones_and_until_survive_an_independent_parser() {
    if !parser("dst_zones_and_until_survive_an_independent_parser") {
        return;
    }
    let v = calendar_of(
        "date 2022-03-01 The show airs every Sunday at 8 p.m. ET until March 20. The premiere is at 9 a.m. CET on March 27.",
        "dst",
        "2022-03-01T00:00:00",
    );
    let events = v["events"].as_array().expect("events");
    let rec = events.iter().find(|e| e.get("rrule").is_some()).expect("a recurring event");
    // 8 p.m. EST on March 6 and 13 (the US changes clocks on March 13 at 2 a.m.), and March 20; nothing after UNTIL
    assert_eq!(rec["occurrences"], serde_json::json!(["2022-03-06T20:00:00-05:00", "2022-03-13T20:00:00-04:00", "2022-03-20T20:00:00-04:00"]));
    // 9 a.m. on the EU spring-forward day is 07:00 UTC
    assert!(events.iter().any(|e| e["utc"] == "2022-03-27T07:00:00Z" && e["tzid"] == "Europe/Paris"), "{events:?}");
}

#[test]
fn a_time_and_its_reading_in_another_zone_are_one_event() {
    if !parser("a_time_and_its_reading_in_another_zone_are_one_event") {
        return;
    }
    // 6:39 a.m. in Japan is 21:39 GMT the day before: one timed event, at that instant
    let v = calendar_of("date 2005-11-15 The quake struck at 6:39 a.m. (2139 GMT) on Tuesday.", "reading", "2005-11-01T00:00:00");
    let timed: Vec<&Value> = v["events"].as_array().expect("events").iter().filter(|e| e.get("utc").is_some()).collect();
    assert_eq!(timed.len(), 1, "{timed:?}");
    assert_eq!(timed[0]["utc"], "2005-11-14T21:39:00Z");
}

#[test]
fn days_of_every_month_expand_as_the_text_says() {
    if !parser("days_of_every_month_expand_as_the_text_says") {
        return;
    }
    // all-day recurrences: the last day of each month, and the 31st (months
    // without one are skipped), expanded by an independent implementation
    let v = calendar_of(
        "date 2022-03-10 The index is rebalanced on the last day of each month. Payments go out on the 31st of each month.",
        "monthly",
        "2022-03-10T00:00:00",
    );
    let events = v["events"].as_array().expect("events");
    let by_rule = |rule: &str| events.iter().find(|e| e["rrule"] == rule).unwrap_or_else(|| panic!("{rule} in {events:?}"));
    let last = by_rule("FREQ=MONTHLY;BYMONTHDAY=-1");
    assert_eq!(last["date"], "2022-03-31");
    assert_eq!(last["occurrences"], serde_json::json!(["2022-03-31T00:00:00", "2022-04-30T00:00:00", "2022-05-31T00:00:00"]));
    let thirty_first = by_rule("FREQ=MONTHLY;BYMONTHDAY=31");
    assert_eq!(thirty_first["occurrences"], serde_json::json!(["2022-03-31T00:00:00", "2022-05-31T00:00:00", "2022-07-31T00:00:00"]));
}

#[test]
fn the_example_article_calendar_crosses_the_clock_change() {
    // the repository's own article: the opening at 6 pm BST is 17:00 UTC, and
    // the ferries' weekly 9:30 in London stay at 9:30 local across the
    // change to summer time on 2023-03-26
    if !parser("the_example_article_calendar_crosses_the_clock_change") {
        return;
    }
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbour-festival.txt");
    let v = parse(&calendar(&[example.to_str().expect("path")], "example"), "2023-03-19T00:00:00");
    let events = v["events"].as_array().expect("events");
    assert!(events.iter().any(|e| e["utc"] == "2023-06-09T17:00:00Z" && e["tzid"] == "Europe/London"), "{events:?}");
    let rec = events.iter().find(|e| e.get("rrule").is_some()).expect("a recurring event");
    assert_eq!(rec["tzid"], "Europe/London");
    let occ = rec["occurrences"].as_array().expect("occurrences");
    assert_eq!(occ[..], ["2023-03-19T09:30:00+00:00", "2023-03-25T09:30:00+00:00", "2023-03-26T09:30:00+01:00"]);
}
