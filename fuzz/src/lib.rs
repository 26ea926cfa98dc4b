//! What the fuzz targets share: the taggers, the DCT and options read from
//! the first bytes of an input, and the checks every analysis must pass.
//!
//! The readers of the `dateline` command (plain, seed, JSON Lines) live in
//! the CLI's binary crate; [`input`] is that very file, compiled here.

use dateline::{Analysis, Document, Tagger};
use jiff::civil::Date;

#[allow(dead_code)]
#[path = "../../crates/dateline-cli/src/input.rs"]
pub mod input;

#[path = "../../crates/dateline-eval/tests/support/taggers.rs"]
mod taggers;
pub use taggers::taggers;

const ZONES: &[&str] = &["Asia/Seoul", "America/New_York", "Europe/London", "UTC", "Australia/Lord_Howe", "Not/AZone"];

/// How to tag an engine input, read from its first four bytes: the DCT (any
/// date jiff has, -9999 to 9999, or none), the tagger, and the document zone.
pub struct Setup {
    pub dct: Option<Date>,
    pub tagger: &'static Tagger,
    pub zone: Option<&'static str>,
}

impl Setup {
    /// The setup in `data`'s first four bytes, and the rest.
    pub fn read(data: &[u8]) -> (Setup, &[u8]) {
        let Some((head, rest)) = data.split_first_chunk::<4>() else {
            return (Setup { dct: None, tagger: &taggers()[0], zone: None }, data);
        };
        let [a, b, c, d] = *head;
        // mostly a recent year; the high bit of `a` reaches any year
        let year = if a & 0x80 == 0 { 1900 + i16::from(a) } else { (i16::from_be_bytes([a & 0x7f, b]) % 19999) - 9999 };
        let dct = (c != 0xff).then(|| Date::new(year, (c % 12 + 1) as i8, (b % 31 + 1) as i8).ok()).flatten();
        let tagger = &taggers()[usize::from(d & 3)];
        let zone = (d & 4 != 0).then(|| ZONES[usize::from(d >> 3) % ZONES.len()]);
        (Setup { dct, tagger, zone }, rest)
    }
}

/// Tags `text` and holds the analysis to every promise (see
/// `dateline_eval::check`); panics, for the fuzzer, on a broken one. The
/// calendar is written too, and must be well formed.
pub fn tag_and_check(tagger: &Tagger, doc: &Document<'_>) -> Analysis {
    let a = tagger.tag(doc);
    check(doc.text, doc.dct, &a);
    let ics = dateline::ical::calendar_with(
        &[dateline::ical::CalendarDoc { id: "fuzz", text: doc.text, dct: doc.dct, analysis: &a }],
        dateline::ical::Options { include_past: true },
    );
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    a
}

/// Panics when `a`, the analysis of `text`, breaks a promise. Values are
/// checked with a DCT from year 1 to 9998, where every date the text can
/// reach from it has a TIMEX3 form.
pub fn check(text: &str, dct: Option<Date>, a: &Analysis) {
    if let Err(v) = dateline_eval::check::analysis(text, a) {
        let values_apply = dct.is_none_or(|d| (1..=9998).contains(&d.year()));
        let value = matches!(v, dateline_eval::check::Violation::Value { .. });
        assert!(value && !values_apply, "{v}\ntext: {text:?}\ndct: {dct:?}");
    }
}
