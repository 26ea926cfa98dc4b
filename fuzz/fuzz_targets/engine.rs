//! The engine on any text and DCT: it never panics, and every analysis keeps
//! its promises (extents, values, instants, groups) and makes a calendar.
#![no_main]

use dateline::Document;
use dateline_fuzz::{tag_and_check, Setup};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dateline_fuzz::overflow_leaves_input();
    let (setup, rest) = Setup::read(data);
    let text = String::from_utf8_lossy(rest);
    tag_and_check(setup.tagger, &Document { dct: setup.dct, zone: setup.zone, ..Document::new(&text) });
});
