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

/// Makes a stack overflow leave its input, as a panic does. Without a
/// sanitizer, libFuzzer's handler of SIGSEGV runs on the stack that has just
/// overflowed, so it cannot run: the process dies of the signal and writes
/// no `crash-` file (a silent "exited with signal: 11"). This gives the
/// fuzzing thread a stack of its own for signals and has that handler use
/// it; the handler then reports a deadly signal and saves the input. Called
/// by every target on each input, it acts once, when libFuzzer's handlers
/// are in place (they are set after `LLVMFuzzerInitialize`, and replace any
/// set before).
pub fn overflow_leaves_input() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // (a signal stack the size libFuzzer's report needs, kept for the
        // life of the process)
        const SIGNAL_STACK: usize = 256 * 1024;
        let stack: &'static mut [u8] = Box::leak(vec![0u8; SIGNAL_STACK].into_boxed_slice());
        // SAFETY: the stack lives as long as the process; the sigaction
        // structures are read from and written to the kernel as libc
        // defines them, and only the flag SA_ONSTACK is added to the
        // handlers libFuzzer installed.
        unsafe {
            let ss = libc::stack_t { ss_sp: stack.as_mut_ptr().cast(), ss_flags: 0, ss_size: SIGNAL_STACK };
            assert_eq!(libc::sigaltstack(&ss, std::ptr::null_mut()), 0, "sigaltstack");
            for signal in [libc::SIGSEGV, libc::SIGBUS] {
                let mut action: libc::sigaction = std::mem::zeroed();
                assert_eq!(libc::sigaction(signal, std::ptr::null(), &mut action), 0, "sigaction");
                action.sa_flags |= libc::SA_ONSTACK;
                assert_eq!(libc::sigaction(signal, &action, std::ptr::null_mut()), 0, "sigaction");
            }
        }
    });
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
