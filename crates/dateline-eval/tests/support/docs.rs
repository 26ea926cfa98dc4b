//! Generated documents for the property tests: real temporal phrases (dates,
//! clock times with zones, weekdays, recurrences, durations, ranges) mixed
//! with random words, punctuation, newlines and unicode, with a random DCT
//! and document zone.

use dateline::Document;

pub use super::taggers::taggers;
use jiff::civil::Date;
use proptest::prelude::*;
use proptest::sample::select;

/// A generated document and how to tag it.
#[derive(Clone, Debug)]
pub struct Doc {
    pub text: String,
    pub dct: Option<Date>,
    pub zone: Option<&'static str>,
    /// Which of [`taggers`] tags it.
    pub tagger: usize,
}

impl Doc {
    pub fn document(&self) -> Document<'_> {
        Document { dct: self.dct, zone: self.zone, ..Document::new(&self.text) }
    }

    /// Its analysis, by its tagger.
    pub fn tag(&self) -> dateline::Analysis {
        taggers()[self.tagger].tag(&self.document())
    }
}

const MONTHS: &[&str] = &["January", "Feb.", "March", "april", "May", "June", "Jul", "August", "Sept.", "October", "Nov", "December"];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wed.", "Thursday", "Friday", "Saturday", "Sunday", "Sat", "thursdays"];
const ZONES: &[&str] = &[
    "",
    "",
    " KST",
    " UTC",
    " GMT",
    " ET",
    " EST",
    " EDT",
    " BST",
    " CET",
    " JST",
    " IST",
    " CST",
    " PT",
    " Eastern time",
    " local time",
    " UTC+09:00",
    " GMT+5:30",
    " UTC+99",
    " (0700 GMT)",
    " in London",
    " Seoul time",
];
const AMPM: &[&str] = &["", "", " am", " a.m.", " pm", " p.m.", "pm", " A.M.", " o'clock"];
const FIXED: &[&str] = &[
    "yesterday",
    "today",
    "tomorrow",
    "now",
    "tonight",
    "last year",
    "next month",
    "this week",
    "the weekend",
    "two days ago",
    "in three weeks",
    "the following day",
    "the next day",
    "Christmas",
    "New Year's Eve",
    "early next year",
    "the end of the month",
    "mid-2019",
    "fiscal 2020",
    "the third of May",
    "May 3rd",
    "the 1990s",
    "the '90s",
    "the 19th century",
    "summer 2021",
    "last spring",
    "Q3 2013",
    "3Q13",
    "the first quarter",
    "the second half of 2014",
    "noon",
    "midnight",
    "0600 hours",
    "this afternoon",
    "Monday morning",
    "Sunday night",
    "the previous week",
    "that day",
    "the week after next",
    "the past five years",
    "recently",
    "a decade",
    "half a year",
    "a fortnight",
    "several weeks",
    "2 1/2 hours",
    "1 hour 26 minutes and 43 seconds",
    "daily",
    "weekly",
    "weekdays",
    "on weekends",
    "weekday mornings",
    "twice a week",
    "every 15 minutes",
    "the first Monday of every month",
    "every year on May 1",
    "the Labor Day weekend",
    "from Monday through Friday",
    "between 10 p.m. and 6 a.m.",
];
const WORDS: &[&str] = &[
    "the", "said", "will", "meeting", "on", "at", "in", "by", "and", "was", "he", "it", "Seoul", "London", "New York", "premiere", "airs", "until",
    "from", "to", "since", "of", "a", "last", "next", "every", "each", "later", "ago", "before", "after", "then", "starting", "runs", "opened",
    "closed", "Dublin", "Tokyo", "Sydney", "Fla.", "Mr.", "U.S.", "Inc", "times", "day", "year", "week", "hours",
];
const PUNCT: &[&str] = &[
    ",", ".", ";", ":", "!", "?", "\u{2014}", "\u{2013}", "-", "(", ")", "\"", "'", "\u{2019}", "\u{201c}", "\u{201d}", "/", "&", "<", ">",
    "\u{2026}", "]]>",
];
const UNICODE: &[&str] = &[
    "caf\u{e9}",
    "\u{65e5}\u{672c}",
    "\u{c11c}\u{c6b8}",
    "Z\u{fc}rich",
    "e\u{301}",
    "\u{1f389}",
    "\u{200b}",
    "\u{feff}",
    "\u{5e2}\u{5d1}\u{5e8}\u{5d9}\u{5ea}",
    "\u{1d518}",
    "\u{a0}",
    "\u{2028}",
    "\u{ff11}\u{ff19}\u{ff19}\u{ff18}",
];
const BREAKS: &[&str] = &["\n", "\r\n", "\n\n", "\t", "  "];

fn month() -> impl Strategy<Value = &'static str> {
    select(MONTHS)
}

fn year() -> impl Strategy<Value = i32> {
    prop_oneof![3 => 1900..=2099i32, 1 => 1000..=2999i32]
}

/// A date as news writes it, some of them impossible ("February 31").
fn date() -> BoxedStrategy<String> {
    prop_oneof![
        (month(), 1..=33u32).prop_map(|(m, d)| format!("{m} {d}")),
        (month(), 1..=31u32, year()).prop_map(|(m, d, y)| format!("{m} {d}, {y}")),
        (1..=31u32, month(), year()).prop_map(|(d, m, y)| format!("{d} {m} {y}")),
        (year(), 1..=13u32, 1..=32u32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (1..=13u32, 1..=32u32, year()).prop_map(|(m, d, y)| format!("{m}/{d}/{y}")),
        (month(), year()).prop_map(|(m, y)| format!("{m} {y}")),
        year().prop_map(|y| y.to_string()),
        select(FIXED).prop_map(str::to_string),
    ]
    .boxed()
}

/// A clock time, with or without minutes, a.m./p.m. and a zone.
fn clock() -> BoxedStrategy<String> {
    (0..=30u32, prop::option::of(0..=70u32), select(AMPM), select(ZONES))
        .prop_map(|(h, m, ampm, zone)| match m {
            Some(m) => format!("{h}:{m:02}{ampm}{zone}"),
            None => format!("{h}{ampm}{zone}"),
        })
        .boxed()
}

fn weekday() -> BoxedStrategy<String> {
    (select(&["", "on ", "next ", "last ", "this coming ", "every ", "each ", "every other ", "on "][..]), select(WEEKDAYS))
        .prop_map(|(a, d)| format!("{a}{d}"))
        .boxed()
}

/// "every Saturday at 9 p.m. KST", "on Thursdays from 7 to 9 p.m.", with a start or end.
fn recurrence() -> BoxedStrategy<String> {
    let tail = select(&["", "", " until June 30", ", starting July 12", " from May 3", " through the summer", " for four weeks"][..]);
    (select(&["every ", "each ", "every other ", "on ", ""][..]), select(WEEKDAYS), clock(), prop::option::of(clock()), tail)
        .prop_map(|(every, day, at, to, tail)| match to {
            Some(to) => format!("{every}{day} from {at} to {to}{tail}"),
            None => format!("{every}{day} at {at}{tail}"),
        })
        .boxed()
}

fn duration() -> BoxedStrategy<String> {
    let amount = select(&["a", "one", "two", "three", "ten", "12", "1.5", "several", "a few", "2 1/2", "100", "4294967296"][..]);
    let unit = select(&["seconds", "minutes", "hour", "hours", "days", "weeks", "months", "years", "decades", "centuries", "quarters"][..]);
    (select(&["", "for ", "the past ", "in ", "about "][..]), amount, unit, select(&["", " ago", " later", " earlier"][..]))
        .prop_map(|(pre, a, u, post)| format!("{pre}{a} {u}{post}"))
        .boxed()
}

fn range() -> BoxedStrategy<String> {
    prop_oneof![
        (date(), date()).prop_map(|(a, b)| format!("from {a} to {b}")),
        (month(), 1..=31u32, 1..=32u32).prop_map(|(m, a, b)| format!("{m} {a}-{b}")),
        (clock(), clock()).prop_map(|(a, b)| format!("between {a} and {b}")),
        (year(), 0..=30i32).prop_map(|(y, n)| format!("{y}-{}", y + n)),
        (weekday(), clock(), clock()).prop_map(|(d, a, b)| format!("{d} {a}-{b}")),
    ]
    .boxed()
}

/// Anything that is not meant as time: words, punctuation, breaks, unicode,
/// and now and then a random character (control characters included).
fn filler() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(WORDS).prop_map(str::to_string),
        2 => select(PUNCT).prop_map(str::to_string),
        1 => select(BREAKS).prop_map(str::to_string),
        1 => select(UNICODE).prop_map(str::to_string),
        1 => prop::collection::vec(any::<char>(), 1..4).prop_map(|cs| cs.into_iter().collect()),
        1 => (0..100_000u32).prop_map(|n| n.to_string()),
    ]
    .boxed()
}

fn piece() -> BoxedStrategy<String> {
    prop_oneof![
        3 => date(),
        2 => clock(),
        2 => weekday(),
        2 => recurrence(),
        1 => duration(),
        1 => range(),
        6 => filler(),
    ]
    .boxed()
}

/// A text of up to `max` pieces, each followed by a separator.
pub fn text(max: usize) -> BoxedStrategy<String> {
    let sep = select(&[" ", " ", " ", "", ", ", ". ", "\n", " at ", " on "][..]);
    prop::collection::vec((piece(), sep), 0..max).prop_map(|parts| parts.into_iter().map(|(p, s)| p + s).collect()).boxed()
}

/// A DCT: mostly a recent date, now and then any date from 1000 to 2999.
pub fn dct() -> BoxedStrategy<Option<Date>> {
    let day = |y: std::ops::RangeInclusive<i16>| (y, 1..=12i8, 1..=31i8).prop_filter_map("a date", |(y, m, d)| Date::new(y, m, d).ok());
    prop::option::weighted(0.9, prop_oneof![3 => day(1950..=2030), 1 => day(1000..=2999)]).boxed()
}

pub fn doc() -> BoxedStrategy<Doc> {
    let zone =
        prop::option::weighted(0.3, select(&["Asia/Seoul", "America/New_York", "Europe/London", "UTC", "Australia/Lord_Howe", "Not/AZone"][..]));
    (text(40), dct(), zone, 0..taggers().len()).prop_map(|(text, dct, zone, tagger)| Doc { text, dct, zone, tagger }).boxed()
}
