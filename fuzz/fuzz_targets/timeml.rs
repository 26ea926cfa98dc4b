//! The TimeML reader and writer on any bytes: reading gives a document or an
//! error, never a panic; a document read is tagged, and what is written
//! reads back as the same text with the DCT it had.
#![no_main]

use dateline::Document;
use dateline_eval::timeml::TimemlDoc;
use dateline_fuzz::{tag_and_check, taggers};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dateline_fuzz::overflow_leaves_input();
    let Ok(raw) = std::str::from_utf8(data) else { return };
    let Ok(doc) = TimemlDoc::parse(raw) else { return };
    let a = tag_and_check(&taggers()[0], &Document { dct: doc.dct, ..Document::new(&doc.text) });
    let out = doc.write(&a);
    let back = TimemlDoc::parse(&out).unwrap_or_else(|e| panic!("written TimeML does not read back: {e}\n{out}"));
    assert_eq!(back.text, doc.text);
    assert_eq!(back.dct, doc.dct);
});
