//! The number of threads changes nothing: `--jobs 1` and `--jobs 3` write
//! the same bytes, for JSON Lines (tagged in batches of lines) and for many
//! files (tagged a few at a time), over generated documents (see
//! dateline-eval's `tests/support/docs.rs`).

#[path = "../../dateline-eval/tests/support/mod.rs"]
mod generated;
mod support;

use generated::docs::{doc, Doc};
use proptest::prelude::*;
use support::run::{arg, dateline, dir, file};

/// What a run printed and how it ended, with `--jobs 1` and with `--jobs 3`.
fn both(args: &[&str], stdin: Option<&[u8]>) -> [(Vec<u8>, Vec<u8>, Option<i32>); 2] {
    ["1", "3"].map(|jobs| {
        let mut all = args.to_vec();
        all.extend(["--jobs", jobs]);
        let o = dateline(&all, stdin);
        (o.stdout, o.stderr, o.status.code())
    })
}

fn json_line(n: usize, d: &Doc) -> String {
    let mut v = serde_json::json!({ "id": format!("d{n}"), "text": d.text });
    if let Some(dct) = d.dct {
        v["dct"] = dct.to_string().into();
    }
    if let Some(z) = d.zone {
        v["tz"] = z.into();
    }
    v.to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn threads_change_no_byte_of_the_output(docs in prop::collection::vec(doc(), 1..40)) {
        let lines: String = docs.iter().enumerate().map(|(n, d)| json_line(n, d) + "\n").collect();
        let [one, three] = both(&["tag", "--format", "jsonl", "--input-format", "jsonl"], Some(lines.as_bytes()));
        // (a line whose zone no database knows is an error, not output: when
        // every line has one, nothing is written)
        let writable = docs.iter().any(|d| d.zone != Some("Not/AZone"));
        prop_assert!(one.0.len() > 2 || !writable, "{}", String::from_utf8_lossy(&one.1));
        prop_assert_eq!(one, three);

        let d = dir("jobs");
        let paths: Vec<_> = docs
            .iter()
            .enumerate()
            .map(|(n, doc)| {
                let header = doc.dct.map_or(String::new(), |dct| format!("date {dct} "));
                file(&d, &format!("d{n}.txt"), format!("{header}{}", doc.text).as_bytes())
            })
            .collect();
        for format in ["jsonl", "timeml"] {
            let mut args = vec!["tag", "--format", format];
            args.extend(paths.iter().map(|p| arg(p)));
            let [one, three] = both(&args, None);
            prop_assert_eq!(one, three);
        }
        let _ = std::fs::remove_dir_all(&d);
    }
}
