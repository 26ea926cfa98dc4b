//! The JSON Lines reader on any bytes: each line is a document or an error
//! that names its line, never a panic; each document is tagged.
#![no_main]

use dateline_fuzz::input::{decode, read, InputFormat};
use dateline_fuzz::{tag_and_check, taggers};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dateline_fuzz::overflow_leaves_input();
    let Ok(text) = decode(data.to_vec()) else { return };
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    let (docs, errors) = read("fuzz.jsonl", text, InputFormat::Jsonl, None);
    assert!(docs.len() + errors.len() == lines || lines == 0, "{} docs and {} errors from {lines} lines", docs.len(), errors.len());
    for e in &errors {
        assert!(e.place.starts_with("line ") || e.place.is_empty(), "{e}");
    }
    for d in &docs {
        tag_and_check(&taggers()[0], &d.document(&d.text));
    }
});
