//! Properties of every analysis, over generated documents (see
//! `support/docs.rs`): the engine keeps its promises on extents, values,
//! instants and groups ([`dateline_eval::check`]), and tagging is the same
//! whatever the number of threads.

mod support;

use proptest::prelude::*;
use support::config;
use support::docs::{doc, Doc};

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn every_analysis_keeps_its_promises(d in doc()) {
        let a = d.tag();
        if let Err(v) = dateline_eval::check::analysis(&d.text, &a) {
            prop_assert!(false, "{v}\ntext: {:?}\ndct: {:?}", d.text, d.dct);
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Several threads sharing one tagger, each taking the documents in its
    /// own order, give what one thread gives.
    #[test]
    fn threads_change_nothing(docs in prop::collection::vec(doc(), 1..12)) {
        let alone: Vec<_> = docs.iter().map(Doc::tag).collect();
        let n = docs.len();
        let together: Vec<Vec<_>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|k| {
                    let docs = &docs;
                    s.spawn(move || {
                        let mut mine = vec![None; n];
                        for i in 0..n {
                            // (each thread in its own order: rotated, every other one reversed)
                            let i = if k % 2 == 0 { (i + k) % n } else { (n - 1 - i + k) % n };
                            mine[i] = Some(docs[i].tag());
                        }
                        mine.into_iter().flatten().collect::<Vec<_>>()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().expect("no panic")).collect()
        });
        for t in together {
            prop_assert_eq!(&t, &alone);
        }
    }
}

/// The documents the properties above failed on, shrunk, each kept after
/// its fix (`properties.proptest-regressions` replays their seeds too).
const FOUND: &[(&str, Option<&str>)] = &[
    // a bare day of a list overlapped the duration that starts with it
    ("January 1, 2 1/2 seconds ", None),
    // a range of year -50 was written "-050-01-01T00:00:00"
    ("100 centuries ago ", Some("1950-01-01")),
    // an occurrence from 27:00 to 0:00 lasted "PT-3H"
    ("every Monday from 27:00 to 0:00 ", None),
    // a month before year 1 was "-059-09"
    ("January 24100 months ago ", Some("1950-01-01")),
    // a shift of 99,100 years panicked in jiff
    ("between 0 and 0 UTC+99100 years ago ", Some("1950-01-01")),
    // an offset of -13 hours was given the zone Etc/GMT+13, which does not exist
    ("Monday 1 am-13 ", Some("1950-01-01")),
];

#[test]
fn what_the_properties_found_stays_fixed() {
    for (text, dct) in FOUND {
        for tagger in 0..support::docs::taggers().len() {
            let d = Doc { text: text.to_string(), dct: dct.map(|d| d.parse().expect("date")), zone: None, tagger };
            if let Err(v) = dateline_eval::check::analysis(&d.text, &d.tag()) {
                panic!("{v}: {text:?} with tagger {tagger}");
            }
        }
    }
}
