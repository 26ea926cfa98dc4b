//! The seed article, checked against `seed/expected.json` of the corpora directory itself
//! (`$DATELINE_SHARED`, see `support`):
//! every `must_find` phrase in one of its accepted forms (extents, types,
//! values, instants, zones, recurrence rule), and nothing from `must_not_find`.

mod support;

use std::process::Command;

use serde_json::Value;

/// The seed's tagged JSON and its expected.json, or `None` (after one line
/// saying so) when the seed is not there.
fn seed(test: &str) -> Option<(Value, Value)> {
    let shared = support::shared(test, &["seed/our-blues-ost.txt", "seed/expected.json"])?;
    let out = Command::new(env!("CARGO_BIN_EXE_dateline")).arg("tag").arg(shared.join("seed/our-blues-ost.txt")).output().expect("run dateline");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got = serde_json::from_slice(&out.stdout).expect("JSON output");
    let expected = std::fs::read_to_string(shared.join("seed/expected.json")).expect("expected.json");
    Some((got, serde_json::from_str(&expected).expect("valid JSON")))
}

/// Whether `t` (a system timex) satisfies every field of `want` (an expected one).
fn satisfies(t: &Value, want: &Value) -> bool {
    want.as_object().expect("object").iter().all(|(k, v)| t.get(k) == Some(v))
}

fn rrule_map(rule: &str) -> serde_json::Map<String, Value> {
    rule.split(';').filter_map(|kv| kv.split_once('=')).map(|(k, v)| (k.to_string(), Value::String(v.to_string()))).collect()
}

#[test]
fn seed_must_find_every_phrase_in_an_accepted_form() {
    let Some((got, exp)) = seed("seed_must_find_every_phrase_in_an_accepted_form") else { return };
    let timexes = got["timexes"].as_array().expect("timexes");
    let groups = got["groups"].as_array().expect("groups");
    assert_eq!(got["dct"], exp["dct"]);
    for item in exp["must_find"].as_array().expect("must_find") {
        let phrase = item["phrase"].as_str().expect("phrase");
        let forms = item["forms"].as_array().expect("forms");
        let matched_form = forms.iter().find(|form| form.as_array().expect("form").iter().all(|want| timexes.iter().any(|t| satisfies(t, want))));
        let Some(form) = matched_form else {
            panic!(
                "{phrase:?}: no accepted form found; timexes near it: {:?}",
                timexes
                    .iter()
                    .filter(|t| t["end"].as_u64() >= item["start"].as_u64() && t["start"].as_u64() <= item["end"].as_u64())
                    .collect::<Vec<_>>()
            );
        };
        if let Some(rec) = item.get("recurrence") {
            let (start, end) = (item["start"].as_u64().expect("start"), item["end"].as_u64().expect("end"));
            let inside =
                |tid: &Value| timexes.iter().any(|t| &t["tid"] == tid && t["start"].as_u64() >= Some(start) && t["end"].as_u64() <= Some(end));
            let carriers: Vec<&Value> = groups
                .iter()
                .filter(|g| g["kind"] == "recurrence" && g["tids"].as_array().expect("tids").iter().all(inside))
                .chain(timexes.iter().filter(|t| t["start"].as_u64() >= Some(start) && t["end"].as_u64() <= Some(end)))
                .filter(|c| c.get("rrule").is_some())
                .collect();
            let want_rule = rec["rrule"].as_object().expect("rrule object");
            let ok = carriers.iter().any(|c| {
                let rule = rrule_map(c["rrule"].as_str().expect("rrule string"));
                want_rule.iter().all(|(k, v)| rule.get(k) == Some(v))
                    && rule.len() == want_rule.len()
                    && c["tzid"] == rec["tzid"]
                    && c.get("first").is_none_or(|f| f == &rec["first"])
            });
            assert!(ok, "{phrase:?}: recurrence {rec} not found among {carriers:?}");
        }
        assert!(!form.as_array().expect("form").is_empty());
    }
}

#[test]
fn seed_recurrence_first_occurrence() {
    let Some((got, _)) = seed("seed_recurrence_first_occurrence") else { return };
    let g = got["groups"].as_array().expect("groups").iter().find(|g| g["kind"] == "recurrence").expect("a recurrence group");
    assert_eq!(g["first"], "2022-04-23T21:10:00+09:00[Asia/Seoul]");
    assert_eq!(g["dtstart"], "2022-04-23T21:10:00");
}

#[test]
fn seed_must_not_find() {
    let Some((got, exp)) = seed("seed_must_not_find") else { return };
    for bad in exp["must_not_find"].as_array().expect("must_not_find") {
        let bad = bad.as_str().expect("string");
        for t in got["timexes"].as_array().expect("timexes") {
            assert!(!t["text"].as_str().expect("text").contains(bad), "{bad:?} was tagged: {t}");
        }
    }
}
