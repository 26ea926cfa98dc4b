//! The tagger never panics and always reports extents that are valid slices
//! of its input, whatever it is given: random words, random bytes decoded
//! lossily, and pathological repetitions.

use dateline::{Document, Tagger};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "May",
    "march",
    "the",
    "last",
    "next",
    "year",
    "years",
    "ago",
    "-",
    ",",
    ".",
    "'",
    "’",
    "s",
    "1998",
    "19",
    "12",
    ":",
    "30",
    "pm",
    "a.m.",
    "KST",
    "every",
    "Saturday",
    "and",
    "to",
    "from",
    "quarter",
    "third",
    "early",
    "mid",
    "the end of",
    "about",
    "/",
    "2019-02-28",
    "é",
    "日本",
    "\n",
    "  ",
    "(",
    ")",
    "twice",
    "a",
    "day",
    "weekend",
    "coming",
    "Sept",
    "31st",
    "of",
    "in",
    "fiscal",
    "1990s",
    "'90s",
    "o'clock",
];

fn check(tagger: &Tagger, text: &str) {
    let a = tagger.tag(&Document::new(text).with_dct("2022-04-19".parse().expect("date")));
    let char_at: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let mut last_end = 0;
    for t in &a.timexes {
        assert!(t.byte_start < t.byte_end && t.byte_end <= text.len());
        assert!(t.byte_start >= last_end, "timexes overlap in {text:?}");
        assert_eq!(&text[t.byte_start..t.byte_end], t.text);
        assert_eq!((char_at[t.start], char_at[t.end]), (t.byte_start, t.byte_end), "code-point offsets disagree in {text:?}");
        last_end = t.byte_end;
    }
    for g in &a.groups {
        assert!(g.tids.iter().all(|tid| a.timexes.iter().any(|t| &t.tid == tid)));
    }
}

#[test]
fn random_word_soup_never_panics() {
    let tagger = Tagger::new();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let n = 1 + rng.next() % 20;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(rng.pick(PIECES));
            if !rng.next().is_multiple_of(3) {
                s.push(' ');
            }
        }
        check(&tagger, &s);
    }
}

#[test]
fn random_bytes_never_panic() {
    let tagger = Tagger::new();
    let mut rng = Rng(42);
    for _ in 0..500 {
        let bytes: Vec<u8> = (0..(rng.next() % 200)).map(|_| (rng.next() % 256) as u8).collect();
        check(&tagger, &String::from_utf8_lossy(&bytes));
    }
}

/// The stack each pathological text is tagged in: half the 2 MiB a spawned
/// thread gets by default, so that a reading which goes one call deeper for
/// each word it passes (and would overflow on a long enough document, in any
/// thread) fails here, on 4,000 repetitions, rather than on a user's file.
/// (The deepest of these texts needs between 256 and 512 KiB in a debug
/// build, where frames are largest; a reading one call deeper per
/// repetition needs megabytes.)
const SMALL_STACK: usize = 1024 * 1024;

#[test]
fn pathological_repetitions_stay_linear_and_correct() {
    std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(pathological_repetitions)
        .expect("thread")
        .join()
        .expect("the tagger overflowed a small stack or panicked");
}

fn pathological_repetitions() {
    let tagger = Tagger::new();
    for unit in [
        "April 23 and 24 and ",
        "every Saturday and ",
        "from May 3 to ",
        "a.a.a.",
        "1",
        "the end of the ",
        "'",
        "-",
        "the day before ",
        "7 to ",
        "the week of ",
        "a three-year ",
        "about ",
        "two to three ",
        "every Saturday from 7 to ",
        "this coming Sunday, ",
        "at 10:00 am in Moscow (0700 GMT) on ",
        "in New York in ",
        "0600 hours ",
        "from January to October, ",
        "the previous month ",
        "agreed to sign on Monday ",
        "\"before March,\" he said ",
        "15:00.27 1:16:33 ",
        "until about midday on Sunday night ",
        "the daily said ",
        "three quarters of a ",
        "this afternoon at about 3:30 ",
        "7:15 Tuesday evening ",
        "Q3 2013 3Q13 FY2013 ",
        "the September quarter ",
        "since its win in the January polls ",
        "In 1976, a loan in September that year ",
        "Tuesday last week ",
        "the first of next month ",
        "1 hour 26 minutes and 43 seconds, ",
        "10-12 July 5 and 6 June 2013 ",
        "the first Monday of every month each summer on weekends ",
        "the Labor Day weekend Easter week ",
        "every other Tuesday at 7 p.m. between 10 p.m. and 6 a.m. every night ",
        "the last day of February 2014 ",
        "will meet in two weeks' time in ",
        "on the 15th of every month at 9 a.m. ",
        "the week after next ",
        "another six months over a week ",
        "in the weeks before the ",
        "the second day of the ",
        "August 6 and 9, 1945 ",
        "(2200 GMT) (",
        "since he underwent surgery in July, ",
        // (a short weekday name asked whether a clock follows, the clock
        // whether a day follows it: each asked the next down the text, twice)
        "sat @ 9 ",
        "9:30 sat @ 10:30 sun ",
        // (places between an appointment and its hour, read back one by one)
        "meet at the mall at the gate ",
        "another another ",
    ] {
        let text = unit.repeat(4_000);
        check(&tagger, &text);
    }
    let a = tagger.tag(&Document::new(&"every Saturday and ".repeat(1000)));
    assert!(a.timexes.len() >= 1000);
    // one sentence of many recurrences: each keeps its own rule
    let a = tagger.tag(&Document::new(&"every Saturday at 7 pm ".repeat(2000)).with_dct("2013-01-01".parse().expect("date")));
    assert_eq!(a.groups.iter().filter(|g| g.rrule.as_deref() == Some("FREQ=WEEKLY;BYDAY=SA;BYHOUR=19;BYMINUTE=0")).count(), 2000);
}
