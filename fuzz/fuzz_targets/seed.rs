//! The seed reader (`date YYYY-MM-DD` first) on any bytes: a document or an
//! error, never a panic; the header is blanked without moving an offset,
//! and the document is tagged with the header's DCT.
#![no_main]

use dateline_fuzz::input::{decode, detect, read, InputFormat};
use dateline_fuzz::{tag_and_check, taggers};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dateline_fuzz::overflow_leaves_input();
    let Ok(text) = decode(data.to_vec()) else { return };
    let _ = detect(&text);
    let (docs, _) = read("fuzz.txt", text, InputFormat::Seed, None);
    for d in &docs {
        let analysed = d.analysed.as_deref().unwrap_or(&d.text);
        assert_eq!(analysed.len(), d.text.len());
        assert!(d.dct.is_some());
        let a = tag_and_check(&taggers()[0], &d.document(analysed));
        for t in &a.timexes {
            assert_eq!(d.text.get(t.byte_start..t.byte_end), Some(t.text.as_str()));
        }
    }
});
