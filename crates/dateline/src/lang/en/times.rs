//! Clock times and parts of the day: "12 am KST", "9:10 pm", "10:35 a.m.",
//! "noon", "midnight Friday", "10 p.m. Wednesday", "Wednesday night",
//! "this morning", "last night".
//!
//! Example table: `tests/times.toml`.

use super::words::*;
use crate::expr::{Clock, Dir, Expr, Pod, Unit, ZoneSpec};
use crate::lex::Tokens;
use crate::lexicon::{Entry, Named};
use crate::tuning::CARRY_REACH;

/// A time zone after a clock time, possibly in parentheses: an abbreviation
/// ("KST", "(ET)"), a name in words ("Eastern time"), an offset ("UTC+9",
/// "GMT-5", "+09:00") or an IANA name ("Asia/Seoul"): (next, zone).
pub fn zone(t: &Tokens<'_>, i: usize) -> Option<(usize, ZoneSpec)> {
    // (not past a paragraph's end: "from 6 a.m. to 6 p.m.\n\nCET will post ...")
    if paragraph_before(t, i) {
        return None;
    }
    let (s, paren) = if is(t, i, "(") { (i + 1, true) } else { (i, false) };
    let (mut j, spec) = zone_core(t, s)?;
    if paren {
        if !is(t, j, ")") {
            return None;
        }
        j += 1;
    }
    Some((j, spec))
}

/// Areas that open an IANA zone name.
const IANA_AREAS: &[&str] = &["africa", "america", "antarctica", "asia", "atlantic", "australia", "europe", "indian", "pacific", "etc"];

/// Zone abbreviations written in mixed case by their own usage: Chamorro
/// Standard Time (Guam). Others in mixed case are words or names ("WeST").
const MIXED_CASE_ZONES: &[&str] = &["ChST"];

fn zone_core(t: &Tokens<'_>, s: usize) -> Option<(usize, ZoneSpec)> {
    // "+09:00", "-0500" right after the time
    if any(t, s, &["+", "-", "−"]) && adj(t, s + 1) {
        return offset(t, s).map(|(j, secs)| (j, ZoneSpec::Offset(secs)));
    }
    // "Asia/Seoul", "America/New_York"
    if cap(t, s) && any(t, s, IANA_AREAS) && adj(t, s + 1) && is(t, s + 1, "/") && adj(t, s + 2) && word(t, s + 2) {
        let mut j = s + 3;
        while adj(t, j)
            && (word(t, j) || digits(t, j) || any(t, j, &["_", "/", "-", "+"]))
            && (word(t, j) || (adj(t, j + 1) && (word(t, j + 1) || digits(t, j + 1))))
        {
            j += 1;
        }
        let (start, end) = (t.toks[s].start as u32, t.toks[j - 1].end as u32);
        return Some((j, ZoneSpec::Iana { start, end }));
    }
    // "Eastern time", "Korea Standard Time"; a place only with "time": "Seoul time"
    if cap(t, s) {
        if let Some((j, Named::Zone(z))) = phrase(t, s) {
            if !t.lexicon.zone(z).city {
                return Some((j, ZoneSpec::Name(z)));
            }
            if is(t, j, "time") {
                return Some((j + 1, ZoneSpec::Name(z)));
            }
        }
    }
    let z = t.entries(s).iter().find_map(|e| match e {
        Entry::Zone(z) => Some(*z),
        _ => None,
    })?;
    // zone abbreviations are written in capitals; "et" / "est" in lowercase are words
    // (or as the zone's own usage writes it: "ChST")
    let raw = t.raw(s);
    let capitals = raw.chars().all(|c| c.is_ascii_uppercase()) || MIXED_CASE_ZONES.contains(&raw);
    if !capitals || (t.lw(s) == "z" && !adj(t, s)) {
        return None;
    }
    // ("7 p.m. AT" is Atlantic time, but in capitals "7 PM AT THE HALL" goes on
    // with a preposition)
    if t.lw(s) == "at" && word(t, s + 1) && t.raw(s + 1).chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    // "UTC+9", "GMT-05:00": an offset from UTC
    // (an offset no place keeps, "UTC+99", "UTC+14:30", makes no zone at all:
    // the time is not read in UTC without it)
    if any(t, s, &["utc", "gmt"]) && adj(t, s + 1) && any(t, s + 1, &["+", "-", "−"]) && adj(t, s + 2) && digits(t, s + 2) {
        let (j, secs) = offset(t, s + 1)?;
        return Some((j, ZoneSpec::Offset(secs)));
    }
    Some((s + 1, ZoneSpec::Name(z)))
}

/// A signed offset "+9", "-05", "+09:00", "+0930" at `i` (the sign): (next, seconds east of UTC).
pub(super) fn offset(t: &Tokens<'_>, i: usize) -> Option<(usize, i32)> {
    let sign = if is(t, i, "+") { 1 } else { -1 };
    if !(adj(t, i + 1) && digits(t, i + 1)) {
        return None;
    }
    let d = t.lw(i + 1);
    let (h, mut m, mut j): (i32, i32, usize) = match d.len() {
        1 | 2 => (d.parse().ok()?, 0, i + 2),
        4 => (d[..2].parse().ok()?, d[2..].parse().ok()?, i + 2),
        _ => return None,
    };
    if d.len() <= 2 && adj(t, j) && is(t, j, ":") && adj(t, j + 1) && digits(t, j + 1) && t.lw(j + 1).len() == 2 {
        m = t.lw(j + 1).parse().ok()?;
        j += 2;
    }
    let secs = sign * (h * 3600 + m * 60);
    // (the world's offsets run from UTC-12 to UTC+14)
    if m > 59 || !(-12 * 3600..=14 * 3600).contains(&secs) || (adj(t, j) && (digits(t, j) || word(t, j))) {
        return None;
    }
    Some((j, secs))
}

/// The half of the day (true for p.m.) that "in the morning", "in the
/// afternoon", "in the evening" or "at night" at `k` names for the clock
/// before it, at `hour` of the 12-hour dial: (next, is_pm). ("At night" is
/// p.m. from six on: "ten o'clock at night", but "two o'clock at night" is
/// no reading it gives.)
fn half_named_after(t: &Tokens<'_>, k: usize, hour: u8) -> Option<(usize, bool)> {
    if is(t, k, "at") && is(t, k + 1, "night") {
        return (6..12).contains(&(hour % 12)).then_some((k + 2, true));
    }
    if !(is(t, k, "in") && is(t, k + 1, "the")) {
        return None;
    }
    match pod(t, k + 2)? {
        Pod::Morning => Some((k + 3, false)),
        Pod::Afternoon | Pod::Evening => Some((k + 3, true)),
        _ => None,
    }
}

/// Hour `h` of the 12-hour dial in the half of the day `pm` names, on the
/// 24-hour dial (12 a.m. is 0).
fn in_half(h: u8, pm: bool) -> u8 {
    h % 12 + if pm { 12 } else { 0 }
}

/// "am"/"pm" in any of their spellings: (next, is_pm).
fn meridiem(t: &Tokens<'_>, i: usize) -> Option<(usize, bool)> {
    let w = t.lw(i);
    let pm = match w {
        "am" | "a.m." | "a.m" => false,
        "pm" | "p.m." | "p.m" => true,
        "a" | "p" if adj(t, i + 1) && is(t, i + 1, ".") && is(t, i + 2, "m") => {
            return Some((dot(t, i + 3), w == "p"));
        }
        _ => return None,
    };
    // "a.m" at a sentence end loses its last dot to the sentence
    Some((if w.len() == 3 { dot(t, i + 1) } else { i + 1 }, pm))
}

/// Whether a clock time at `i` shows its minutes by its form alone, with
/// no word around it to tell: hour and minutes ("4:30", "9.30"), an hour
/// with its half of the day ("10am", "9 p.m."), "noon" or "midnight". What
/// makes a short weekday name the day ("sat 10:30") asks this rather than
/// [`clock`], which reads the words after the clock and may find such a
/// name there again.
pub(super) fn clock_by_form(t: &Tokens<'_>, i: usize) -> bool {
    if any(t, i, &["noon", "midnight"]) {
        return true;
    }
    if !digits(t, i) || t.lw(i).len() > 2 || !t.lw(i).parse::<u8>().is_ok_and(|h| h <= 24) {
        return false;
    }
    let minutes = any(t, i + 1, &[":", "."]) && adj(t, i + 1) && adj(t, i + 2) && digits(t, i + 2) && t.lw(i + 2).len() == 2;
    minutes || meridiem(t, i + 1).is_some()
}

/// After the start hour `start` of a span at token `i` written "7 to 9
/// p.m.", "7-9 p.m." or "between 7 and 8:20 a.m." (at `j`, the word joining
/// them): the start on the 24-hour clock, when the end names its meridiem.
/// The start shares it unless it lies later on the clock than the end, which
/// puts it in the other half of the day ("11 to 1 p.m." starts in the
/// morning, "11 to 1 a.m." at night).
fn range_start(t: &Tokens<'_>, i: usize, j: usize, start: u8) -> Option<u8> {
    let joined = any(t, j, &["to", "until", "till"])
        || (is(t, j, "-") && adj(t, j) && adj(t, j + 1))
        // ("between 2 and 5 p.m.", not "2 and 5 p.m." of a list)
        || (is(t, j, "and") && i > 0 && is(t, i - 1, "between"));
    if !joined || !digits(t, j + 1) || t.lw(j + 1).len() > 2 {
        return None;
    }
    let end: u8 = t.lw(j + 1).parse().ok().filter(|h| (1..=12).contains(h))?;
    let mut k = j + 2;
    if adj(t, k) && is(t, k, ":") && adj(t, k + 1) && digits(t, k + 1) {
        k += 2;
    }
    // ("8-10 in the evening", "between 9 and 11 in the morning": the part of
    // the day names the end's half; not a score, "won 2-1 in the afternoon
    // heat", whose first number is the larger)
    let named = || half_named_after(t, k, end).filter(|_| !is(t, j, "-") || start < end);
    let (_, pm) = meridiem(t, k).or_else(named)?;
    // the start's place on a 12-hour dial (12 at the top) against the end's;
    // an end at 12 is read as sharing ("10 to 12 p.m.")
    let later = end != 12 && start % 12 > end;
    let start_pm = if later { !pm } else { pm };
    Some(match (start, start_pm) {
        (12, true) => 12,
        (12, false) => 0,
        (h, true) => h + 12,
        (h, false) => h,
    })
}

/// A clock reading: "9:10 pm", "12 am", "21:10", "noon", "4 o'clock",
/// "4 in the morning", with an optional zone: (next, clock).
pub fn clock(t: &Tokens<'_>, i: usize) -> Option<(usize, Clock)> {
    // a clock begins on digits, a number word, "noon" or "midnight", or on
    // "half", "quarter" or "a" (quarter) before "past" or "to"
    let classes = crate::lexicon::class::NUM | crate::lexicon::class::NUMBER | crate::lexicon::class::CLOCK;
    if t.toks.get(i).is_none_or(|tok| tok.class & classes == 0) && !any(t, i, &["a", "half", "quarter"]) {
        return None;
    }
    if let Some(c) = wire_clock(t, i) {
        return Some(c);
    }
    if !digits(t, i) {
        return spoken_clock(t, i).or_else(|| named_clock(t, i));
    }
    named_clock(t, i).or_else(|| spoken_clock(t, i))
}

/// The last hour a broadcast day's clock runs to: Japanese and Korean
/// schedules count the small hours on from 24 ("25:45" is 1:45 the next
/// morning) until the broadcast day turns over around 5 a.m.
const LAST_BROADCAST_HOUR: u8 = 29;

/// Words that go on with a clock time written without minutes, where they
/// would not go on with an amount ("nine o'clock", "at 8 on NBC", "at 8 and
/// again at 10", but not "at 8 percent").
const GOES_ON: &[&str] =
    &["o", "a.m.", "p.m.", "am", "pm", "in", "on", "at", "and", "or", "that", "this", "tonight", "tomorrow", "today", "sharp", "local"];

/// Marks that close a clause or an aside after a clock time.
const CLAUSE_END: &[&str] = &[",", ".", ";", ":", "!", "?", ")", "\"", "”", "—", "–"];

/// Words that open the next clause or phrase after a clock time that ends
/// its own ("the next morning at 8 they left", "tonight at 8 until 11"),
/// where an amount would go on with its unit ("at 8 a share").
const OPENS_CLAUSE: &[&str] = &[
    "the",
    "they",
    "he",
    "she",
    "we",
    "it",
    "i",
    "you",
    "there",
    "when",
    "as",
    "but",
    "so",
    "until",
    "till",
    "for",
    "with",
    "from",
    "through",
    "since",
    "starting",
    "beginning",
];

/// Verbs that put an amount at a level, after which "at 8 this morning" is a
/// reading of that amount, not a clock ("the index stood at 8 this morning").
const LEVEL_VERBS: &[&str] =
    &["stood", "stands", "stand", "hovered", "hovers", "traded", "trading", "quoted", "priced", "valued", "pegged", "peaked"];

/// Whether a number ending at `j` goes on as an amount rather than a bare
/// hour: "8,000", "8.5", "8%", "8/10" (written right on).
fn amount_goes_on(t: &Tokens<'_>, j: usize) -> bool {
    adj(t, j) && (any(t, j, &["%", "/", ":"]) || (any(t, j, &[",", "."]) && adj(t, j + 1) && digits(t, j + 1)))
}

/// Whether the bare hour at `i` (ending at `j`) is a clock time by the part
/// of the day written next to it, after "at": "tonight at 8", "the next
/// morning at 8", "this evening at 7", "at 8 tonight", "at 6 tomorrow
/// morning". Linking moves it into the half of the day the part names. An
/// amount is not: "closed at 8,000 tonight", "at 8 percent this morning",
/// "stood at 8 tonight".
fn at_part_of_day(t: &Tokens<'_>, i: usize, j: usize) -> bool {
    // "by 8 tonight", "until 6 tomorrow morning", or "8 tonight" as the
    // whole input: the hour is named right before its part of the day
    let named_before = || {
        let level = i >= 2 && (any(t, i - 2, LEVEL_VERBS) || is(t, i - 1, "by") && any(t, i - 2, CHANGE_VERBS));
        (if i == 0 { whole_input(t, i, j + 1) } else { any(t, i - 1, HOUR_BEFORE_PART) && !level })
            && !amount_goes_on(t, j)
            && (is(t, j, "tonight") || part_of_day(t, j).is_some())
    };
    if i == 0 || !is(t, i - 1, "at") {
        return named_before();
    }
    // (a larger number or an amount: "8,000", "8.5", "8%", "8/10")
    if amount_goes_on(t, j) {
        return false;
    }
    // "at 8 tonight", "at 6 tomorrow morning", "at 8 the next morning"
    if is(t, j, "tonight") || part_of_day(t, j).is_some() {
        return !(i >= 2 && any(t, i - 2, LEVEL_VERBS));
    }
    // "tonight at 8", "the next morning at 8." (the hour closing its phrase
    // or going on with a zone, a place, a word of time, "at 9 Pacific time",
    // or what is to be done then)
    // ("Sunday afternoons at 3": a recurring part of the day too)
    // ("weeknights at 11", "nightly at 10": nights that recur)
    let after_part =
        i >= 2 && (is(t, i - 2, "tonight") || pod(t, i - 2).is_some() || super::sets::plural_pod(t, i - 2).is_some() || any(t, i - 2, NIGHTS_EACH));
    after_part
        && (j >= t.len()
            || any(t, j, CLAUSE_END)
            || any(t, j, GOES_ON)
            || any(t, j, OPENS_CLAUSE)
            // ("tonight at 8 still on?", "tonight at 8 ok")
            || any(t, j, CLOSES_MESSAGE)
            || is(t, j, "still")
            // ("the following morning at 9 to consider a response"; a part of
            // a day that is named, not "Oil settled tonight at 5 to close")
            || to_do(t, j) && pod(t, i - 2).is_some() && i >= 3 && (any(t, i - 3, &["following", "next", "same", "that"]) || weekday(t, i - 3).is_some())
            || zone(t, j).is_some()
            || place_zone(t, j).is_some())
}

/// Words of nights that recur, after which "at" and a bare hour is a time of
/// the night: "weeknights at 11", "nightly at 10".
const NIGHTS_EACH: &[&str] = &["weeknights", "nightly"];

/// Words other than "at" before a bare hour that a part of the day follows:
/// "by 8 tonight", "until 6 tomorrow morning", "around 9 tonight".
const HOUR_BEFORE_PART: &[&str] = &["by", "until", "till", "til", "around", "before", "after", "from"];

/// Verbs of change after which "by" and a number is an amount: "fell by 8
/// tonight", "rose by 3 this morning".
const CHANGE_VERBS: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "rose",
    "rise",
    "rises",
    "dropped",
    "drops",
    "climbed",
    "climbs",
    "gained",
    "gains",
    "lost",
    "loses",
    "grew",
    "grows",
    "increased",
    "decreased",
    "slipped",
    "jumped",
    "surged",
    "cut",
    "raised",
    "lowered",
    "won",
    "lead",
    "leads",
    "led",
];

/// Words naming a day after which "at" and a bare hour is its clock time.
const DAY_WORDS: &[&str] = &["today", "tomorrow", "yesterday"];

/// The last hour of the dial that a bare hour after a named day is read as
/// after noon: "next tuesday at 3", "tomorrow at 5" are afternoon times, as
/// appointments are, where "tomorrow at 9" and "Friday at 11" are morning.
const LAST_AFTERNOON_BARE_HOUR: u8 = 6;

/// The hour (on a 24-hour dial) that a bare hour after "at" at `i` (ending
/// at `j`) is, when a named day is written right before "at": "tomorrow at
/// 9", "next tuesday at 3", "on Friday at 11", "March 3 at 5". The hour must
/// close its phrase as a clock time does ("Friday at 8 percent" is none).
fn at_named_day(t: &Tokens<'_>, i: usize, j: usize, hour: u8) -> Option<u8> {
    if i < 2 || !is(t, i - 1, "at") || !(1..=12).contains(&hour) {
        return None;
    }
    let k = i - 2;
    let named = any(t, k, DAY_WORDS)
        || weekday(t, k).is_some_and(|(e, _)| e == i - 1)
        || (digits(t, k) && k > 0 && month(t, k - 1).is_some_and(|(e, _)| e == k) && day(t, k).is_some())
        // ("Thursday 1/2 at 10", "due 12/31 at 5": a month and day in
        // figures that a weekday or a word before makes a date; not "Odds:
        // 7/2 at 3", "passed 5/4 at 10:30")
        || (digits(t, k) && k >= 3 && adj(t, k) && is(t, k - 1, "/") && adj(t, k - 1) && digits(t, k - 2) && day(t, k).is_some()
            && (weekday(t, k - 3).is_some() || any(t, k - 3, super::dates::SLASH_DATE_CUES)));
    if !named || (k > 0 && any(t, k - 1, LEVEL_VERBS)) {
        return None;
    }
    if amount_goes_on(t, j) {
        return None;
    }
    hour_closes(t, j).then_some(appointment_hour(hour))
}

/// Whether a bare hour ending at `j` closes its phrase as a clock time does:
/// at a stop, before the next clause, "and", "or", "sharp", a zone, or a
/// word that closes a message ("at 3 ok?"); not "at 8 percent".
fn hour_closes(t: &Tokens<'_>, j: usize) -> bool {
    j >= t.len()
        || any(t, j, CLAUSE_END)
        || emoji(t, j)
        || any(t, j, OPENS_CLAUSE)
        || any(t, j, CLOSES_MESSAGE)
        || any(t, j, &["and", "or", "sharp"])
        || zone(t, j).is_some()
}

/// Whether an hour with "ish" at `i` (ending at `j`) is a clock: after a
/// word that sets a time ("home by 6ish", "at 5ish"), or with its day after
/// it where no verb of a measure comes before ("ya 9ish tmrw"); not an age,
/// a price or a reading, "My son is 9ish", "It costs 10ish", "Temperatures
/// will hit 11ish today", "Kids 8ish and up".
fn ish_clock(t: &Tokens<'_>, i: usize, j: usize) -> bool {
    let setter = i > 0 && any(t, i - 1, &["at", "by", "until", "till", "from", "@", "til"]);
    let day_after = day_ref(t, j).is_some() || is(t, j, "tonight");
    let measured = i > 0 && (word(t, i - 1) && !any(t, i - 1, &["ya", "yeah", "ok", "okay", "maybe", "like", "around", "about"]) || digits(t, i - 1));
    setter || day_after && !measured
}

/// Words before a time that set it ("at five pm", "by eight thirty
/// tonight", "@ 4:30").
const SETTING_WORDS: &[&str] = &["at", "by", "until", "till", "til", "around", "about", "from", "before", "after", "@"];

/// Nouns of a booking before "for" and a time: "a table for eight thirty
/// tonight", "set an alarm for six fifteen tomorrow".
const BOOKED: &[&str] = &["table", "reservation", "booking", "booked", "alarm", "reminder", "appointment", "call", "meeting"];

/// Whether "to" at `j` opens what is to be done at a bare hour before it
/// ("remind me at 7 to take my pills", "at half past five to start
/// dinner"): a word follows that counts nothing ("at 7 to 9", "ten to
/// two" go on with a number).
fn to_do(t: &Tokens<'_>, j: usize) -> bool {
    is(t, j, "to") && word(t, j + 1) && !count(t, j + 1) && !any(t, j + 1, &["noon", "midnight", "midday"]) && !cap(t, j + 1)
}

/// A bare hour of an appointment on the 24-hour dial: after noon up to
/// [`LAST_AFTERNOON_BARE_HOUR`] ("at 3" is 15:00), as written from there.
fn appointment_hour(hour: u8) -> u8 {
    if hour <= LAST_AFTERNOON_BARE_HOUR {
        hour + 12
    } else {
        hour
    }
}

/// Words right before "at" after which an hour on its own sets an
/// appointment: "dinner at 8", "let's meet at 6", "the bar closes at 11".
/// (Not words that count, rank or price: "tickets start at 5", "him at 3",
/// "the Green party at 8".)
const APPOINTMENT_WORDS: &[&str] = &[
    "meet",
    "call",
    "dinner",
    "lunch",
    "breakfast",
    "brunch",
    "coffee",
    "drinks",
    "appointment",
    "meeting",
    "class",
    "practice",
    "rehearsal",
    "movie",
    "leave",
    "leaving",
    "arrive",
    "arriving",
    "wake",
    "remind",
    "reminder",
    "closes",
    "opens",
    "flight",
    "interview",
    "concert",
    "cu",
    "cya",
];

/// Nouns of an event that "is at" an hour: "the game is at 7", "my flight is
/// at 6" (a noun right before "at" may be a score or a level: "tied the game
/// at 7").
const EVENT_NOUNS: &[&str] = &[
    "game",
    "match",
    "flight",
    "meeting",
    "show",
    "concert",
    "class",
    "appointment",
    "interview",
    "dinner",
    "lunch",
    "wedding",
    "ceremony",
    "kickoff",
    "practice",
    "movie",
    "train",
    "bus",
    "call",
    "school",
    "work",
    "shift",
];

/// Verbs of an appointment whose object stands before "at": "call me at 9",
/// "see you at 8", "c u at 8", "pick me up at 7", "wake me up at 6" (not "told me at 3",
/// "put him at 3", "left him at 2").
pub(super) const APPOINTMENT_VERBS: &[&str] = &["call", "see", "c", "meet", "pick", "wake", "remind", "text", "ring", "phone", "join", "ping"];

/// Verbs of calling whose object may be a name: "text sarah at 4", "call
/// mom at 5".
const CALLING_VERBS: &[&str] = &["call", "text", "ring", "phone", "ping", "remind"];

/// The object pronouns of [`APPOINTMENT_VERBS`].
pub(super) const APPOINTMENT_OBJECTS: &[&str] = &["me", "you", "u", "us", "him", "her", "them"];

/// Whether the words before "at" at `a` set an appointment: a word of
/// [`APPOINTMENT_WORDS`]; a verb of [`APPOINTMENT_VERBS`] with its object
/// ("call me at"), with "up" after it ("pick me up at"); or "be" with
/// "there", "home" or "back" ("be there at 8").
fn sets_appointment(t: &Tokens<'_>, mut a: usize) -> bool {
    // (a loop, not a call of itself: "meet at the mall at the gate at 2"
    // reads the places back to the appointment one by one, as many as the
    // text has, in a stack of one frame)
    loop {
        if a == 0 {
            return false;
        }
        let w = a - 1;
        if appointment_before(t, w) {
            return true;
        }
        // ("meet at the mall at 2": its place between the appointment and
        // its hour; not "meet in the final at 8")
        if w >= 3 && word(t, w) && !cap(t, w) && any(t, w - 1, &["the", "my", "your", "our", "his", "her", "their"]) && is(t, w - 2, "at") {
            a = w - 2;
        } else {
            return false;
        }
    }
}

/// Whether the words ending at `w`, right before "at", set an appointment
/// themselves (see [`sets_appointment`]).
fn appointment_before(t: &Tokens<'_>, w: usize) -> bool {
    // ("cu at 7": in lower case only; "The team plays CU at 7" is a name)
    if any(t, w, APPOINTMENT_WORDS) && !(any(t, w, &["cu", "cya"]) && cap(t, w)) {
        return true;
    }
    // ("call me at 9"; "text sarah at 4", "call mom at 5": one name or word
    // after a verb of calling)
    // (in lower case, as a message writes a name: not "Traders now call
    // Vodafone at 2", "Analysts call it at 5")
    let named = |k: usize| {
        word(t, k) && !cap(t, k) && t.toks[k].class == 0 && !any(t, k, &["it", "this", "that", "them"]) && k > 0 && any(t, k - 1, CALLING_VERBS)
    };
    let object = |k: usize| any(t, k, APPOINTMENT_OBJECTS) && k > 0 && any(t, k - 1, APPOINTMENT_VERBS) || named(k);
    // ("talk to you at 3", "let's meet up at 6", "come over at 7", "get home
    // at 10", "be there at 8")
    object(w)
        || is(t, w, "up") && w > 0 && (object(w - 1) || any(t, w - 1, &["meet"]))
        || any(t, w, APPOINTMENT_OBJECTS) && w > 1 && is(t, w - 1, "to") && any(t, w - 2, &["talk", "speak"])
        || is(t, w, "over") && w > 0 && any(t, w - 1, &["come", "coming"])
        || any(t, w, &["there", "home", "back"]) && w > 0 && any(t, w - 1, &["be", "get", "gets", "come", "coming"])
        // ("Doors open at 7"; not "The stock should open at 9")
        || is(t, w, "open") && w > 0 && any(t, w - 1, &["doors", "gates"])
}

/// The hour (on a 24-hour dial) that a bare hour after "at" at `i` (ending
/// at `j`) is when it sets an appointment ([`sets_appointment`]), or is
/// the whole input ("at 5", "at 8 on friday"). The hour must close its
/// phrase as a clock time does, or have its day after it ("call me at 5
/// percent" is none; "see you at 8 tomorrow"). Up to
/// [`LAST_AFTERNOON_BARE_HOUR`] it is read after noon, as appointments are.
fn at_appointment(t: &Tokens<'_>, i: usize, j: usize, hour: u8) -> Option<u8> {
    if i < 1 || !is(t, i - 1, "at") || !(1..=12).contains(&hour) || i >= 2 && any(t, i - 2, LEVEL_VERBS) || amount_goes_on(t, j) {
        return None;
    }
    // ("at 10 on the 31st": a day of the month by its ordinal)
    let ordinal_day = |k: usize| is(t, k, "the") && digits(t, k + 1) && ordinal(t, k + 1).is_some_and(|(_, n)| (1..=31).contains(&n));
    let day_after = is(t, j, "tomorrow") || is(t, j, "today") || is(t, j, "on") && (day_ref(t, j + 1).is_some() || ordinal_day(j + 1));
    // ("at 5" as the whole of a query or a form field, or opening it before
    // its day: "at 8 on friday")
    // (an appointment's place may follow: "meet at 7 in the lobby", "at 6 at the pub")
    let placed = any(t, j, &["at", "in"]) && any(t, j + 1, &["the", "my", "your", "our", "his", "her"]);
    // an event that "is at" an hour: "the game is at 7", "school starts at 8"
    // (not a level or a score: "the show is at 6 in the ratings", "the match
    // is at 2-2", which neither closes nor has its day)
    // ("the game's at 7": the possessive's "s" after its apostrophe)
    let w = i.saturating_sub(2);
    let noun = if is(t, w, "s") && w >= 2 && any(t, w - 1, &["'", "’"]) { w - 2 } else { w.saturating_sub(1) };
    let event = i >= 3 && any(t, w, &["is", "s", "'s", "’s", "starts", "begins"]) && any(t, noun, EVENT_NOUNS) && !(adj(t, j) && is(t, j, "-"));
    let closes = hour_closes(t, j) || day_after;
    // ("remind me at 7 to take my pills": what is to be done after it; not
    // after a named day, "tied on Friday at 2 to force a seventh game")
    let set = sets_appointment(t, i - 1) && (closes || placed || to_do(t, j)) || event && closes || whole_input(t, i - 1, j) || i == 1 && day_after;
    set.then_some(appointment_hour(hour))
}

/// Words before "from" that make a span of bare hours after it one of the
/// clock: "I work from 9 to 5", "open from 10 to 6", "free from 2 to 4".
const SPAN_HOLDERS: &[&str] =
    &["work", "works", "working", "open", "opens", "office", "hours", "shift", "available", "free", "busy", "closed", "hour", "delivery"];

/// The hour (24-hour dial) of the bare hour at `i` (ending at `j`) when it
/// is an end of a span of bare hours "from 9 to 5": after a word of
/// [`SPAN_HOLDERS`] or of [`APPOINTMENT_WORDS`], a day, or at the start of a
/// sentence ("I work from 9 to 5", "tomorrow from 2 to 4", "From 9 to 5,
/// ..."), whatever follows ("lowered its rate from 3 to 2 on Wednesday",
/// "went from 4 to 9 today" are counts). The span must close its phrase,
/// or have its day or part of the day after it ("from 6 to 8 tonight").
/// An end earlier on the dial than the start is after noon ("9 to 5");
/// otherwise both ends share a half of the day: the afternoon up to
/// [`LAST_AFTERNOON_BARE_HOUR`] ("2 to 4", "5 to 7"), the morning from
/// there ("8 to 11"), or the evening when the part of the day says so.
fn bare_span(t: &Tokens<'_>, i: usize, j: usize) -> Option<u8> {
    let bare = |k: usize| {
        (digits(t, k) && t.lw(k).len() <= 2 && !(adj(t, k + 1) && any(t, k + 1, &[":", ".", "h"])) && meridiem(t, k + 1).is_none())
            .then(|| t.lw(k).parse::<u8>().ok().filter(|h| (1..=12).contains(h)))
            .flatten()
    };
    let joins = |k: usize| any(t, k, &["to", "till", "until", "-", "–"]);
    // the start at `s` after "from", the end at `s + 2`
    // ("between 9 and 11 tomorrow" as well)
    let opens = |k: usize, join: usize| is(t, k, "from") && joins(join) || is(t, k, "between") && is(t, join, "and");
    let (s, start_side) = if i > 0 && opens(i - 1, j) && j == i + 1 {
        (i, true)
    } else if i >= 3 && opens(i - 3, i - 1) {
        (i - 2, false)
    } else {
        return None;
    };
    let (a, b) = (bare(s)?, bare(s + 2)?);
    let e = s + 3;
    let evening = is(t, e, "tonight")
        || half_named_after(t, e, b).is_some_and(|(_, pm)| pm)
        || pod(t, e).is_some_and(|p| matches!(p, Pod::Evening | Pod::Night));
    let day_after = evening
        || any(t, e, &["tomorrow", "today"])
        || is(t, e, "on") && day_ref(t, e + 1).is_some()
        || weekday(t, e).is_some()
        || pod(t, e).is_some();
    let closes = e >= t.len() || any(t, e, CLAUSE_END) || any(t, e, CLOSES_MESSAGE) || day_after || half_named_after(t, e, b).is_some();
    // (the words before "from" must hold hours, whatever follows: "lowered
    // its key rate from 3 to 2 on Wednesday", "the toll went from 4 to 9
    // today" are counts; so may the start of a sentence, "From 9 to 5, ...")
    let f = s - 1;
    // ("between", an amount's word as often, only after a word that holds
    // hours: "Between 2 and 4, the index swung", "Temperatures on Tuesday
    // between 8 and 12" are none)
    let holder = f > 0 && (any(t, f - 1, SPAN_HOLDERS) || any(t, f - 1, APPOINTMENT_WORDS));
    let held = holder || is(t, f, "from") && (opens_sentence(t, f) || f > 0 && (any(t, f - 1, DAY_WORDS) || weekday(t, f - 1).is_some()));
    if !closes || !held || a == b {
        return None;
    }
    // both ends in one reading of the dial: "9 to 5" crosses noon; "2 to 4"
    // and "5 to 7" are afternoon appointments, "8 to 11" a morning's; in the
    // evening, an end before its start ("11 to 1 tonight") is past midnight,
    // which a bare span does not say, and is none
    let (a, b) = if evening {
        if b % 12 < a % 12 {
            return None;
        }
        (a % 12 + 12, b % 12 + 12)
    } else if a > b {
        (a, b + 12)
    } else if a <= LAST_AFTERNOON_BARE_HOUR {
        (a + 12, b + 12)
    } else {
        (a, b)
    };
    Some(if start_side { a } else { b })
}

/// The half of the day (true for p.m.) a bare hour after "at" at `i` (ending
/// at `j`) goes on in: that of the nearest clock time before it in its
/// sentence written with a.m. or p.m., when the hour is no earlier on the
/// dial ("at 6:15 p.m. ... at 7"), and the hour closes its phrase as a clock
/// time does (not "at 7 percent", "at 7,000").
fn carried_meridiem(t: &Tokens<'_>, i: usize, j: usize, hour: u8) -> Option<bool> {
    if i < 2 || !is(t, i - 1, "at") || any(t, i - 2, LEVEL_VERBS) {
        return None;
    }
    if amount_goes_on(t, j) {
        return None;
    }
    let closes = j >= t.len() || any(t, j, CLAUSE_END) || any(t, j, OPENS_CLAUSE) || is(t, j, "and");
    if !closes {
        return None;
    }
    for k in (i.saturating_sub(CARRY_REACH)..i - 1).rev() {
        if any(t, k, &[".", "!", "?", ";"]) || t.toks[k + 1].newline_before {
            return None;
        }
        let Some((_, pm)) = meridiem(t, k) else { continue };
        // (a "p.m." that ends the sentence before carries nothing over)
        if closing_abbreviation(t, k) {
            return None;
        }
        // the hour written before it: "6 p.m.", "6:15 p.m."
        let h = if k >= 3 && is(t, k - 2, ":") { k - 3 } else { k.checked_sub(1)? };
        let before: u8 = t.lw(h).parse().ok()?;
        return (before % 12 <= hour % 12).then_some(pm);
    }
    None
}

/// A clock read out in words: "nine o'clock", "half past nine", "a quarter
/// to eleven", "quarter past 10". The hour must end the phrase, or be
/// followed by "o'clock", a meridiem or a word that goes on with the time,
/// so that "cut by a quarter to 10 percent" stays a fraction.
fn spoken_clock(t: &Tokens<'_>, i: usize) -> Option<(usize, Clock)> {
    let hour = |k: usize| {
        let (e, h) = cardinal(t, k).filter(|&(_, h)| (1..=12).contains(&h))?;
        let oclock = is(t, e, "o") && any(t, e + 1, &["'", "’"]) && is(t, e + 2, "clock") || is(t, e, "oclock");
        let ends = e >= t.len()
            || any(t, e, &[",", ".", ";", ")", "!", "?", "\"", "”"])
            || to_do(t, e)
            || word(t, e) && (cap(t, e) || any(t, e, GOES_ON) || any(t, e, CLOSES_MESSAGE));
        let e = match (oclock, is(t, e, "oclock")) {
            (true, true) => e + 1,
            (true, false) => e + 3,
            _ => e,
        };
        (oclock || ends).then_some((e, h as u8, oclock))
    };
    // "nine oh five", "at seven thirty", "six forty-five p.m.": an hour and its
    // minutes read out in words, after "at" or before a meridiem (not "nine
    // fifteen-year-olds")
    if !digits(t, i) && !digits(t, i + 1) {
        if let Some((e, h)) = cardinal(t, i).filter(|&(e, h)| (1..=12).contains(&h) && e == i + 1) {
            let (m_end, minute) = match cardinal(t, e + usize::from(is(t, e, "oh"))) {
                Some((me, m)) if is(t, e, "oh") && (1..=9).contains(&m) => (me, m),
                Some((me, m)) if !is(t, e, "oh") && (10..=59).contains(&m) && !digits(t, e) => (me, m),
                _ => (e, 60),
            };
            let after_at = i > 0 && is(t, i - 1, "at");
            let closes = m_end >= t.len() || any(t, m_end, CLAUSE_END) || any(t, m_end, OPENS_CLAUSE) || any(t, m_end, GOES_ON);
            // (or all the input holds: "nine thirty")
            // (or its half of the day or its day after it, after a word that
            // sets a time: "at two fifteen in the afternoon", "a table for
            // eight thirty tonight"; not prices, "The euro fell to one thirty
            // today", "Shares traded at two fifteen Friday", nor a sitting,
            // "in the morning session")
            let level = i > 1 && any(t, i - 2, LEVEL_VERBS);
            let setter = i > 0 && !level && (any(t, i - 1, SETTING_WORDS) || is(t, i - 1, "for") && i > 1 && any(t, i - 2, BOOKED));
            let noun_after = |k: usize| word(t, k) && !cap(t, k) && t.toks[k].class == 0 && !any(t, k, OPENS_CLAUSE) && !any(t, k, GOES_ON);
            let placed = setter
                && (half_named_after(t, m_end, h as u8).is_some_and(|(k, _)| !noun_after(k))
                    || is(t, m_end, "tonight")
                    || day_ref(t, m_end).is_some());
            if minute < 60 && !any(t, m_end, &["-"]) && (meridiem(t, m_end).is_some() || after_at && closes || placed || whole_input(t, i, m_end)) {
                let (m_end, hour, open) = match meridiem(t, m_end).or_else(|| half_named_after(t, m_end, h as u8)) {
                    Some((k, pm)) => (k, in_half(h as u8, pm), false),
                    None => (m_end, h as u8, true),
                };
                return Some((m_end, Clock { hour, minute: Some(minute as u8), second: None, zone: None, open }));
            }
        }
    }
    // "nine o'clock" ("4 o'clock" is read with the digits below), and
    // "tonight at eight" by its part of the day
    if !digits(t, i) {
        if let Some((e, h, oclock)) = hour(i) {
            let at = i > 0 && is(t, i - 1, "at");
            // ("at five pm", "five p.m.", "at nine in the morning": the half
            // of the day named after the hour; a bare "am" or "pm" after a
            // word only where a setting word comes before it or a day after
            // it, "which one am I", "only one PM", "five AM stations")
            let set = i > 0 && any(t, i - 1, SETTING_WORDS);
            let meridiem_here = meridiem(t, e).filter(|&(k, _)| set || t.raw(e).contains('.') || day_ref(t, k).is_some() || is(t, k, "tonight"));
            // (and no noun after the part of the day: "at four in the morning
            // session", "at nine in the morning queue")
            let part_closes = |k: usize| {
                k >= t.len()
                    || !word(t, k)
                    || cap(t, k)
                    || t.toks[k].class != 0
                    || any(t, k, OPENS_CLAUSE)
                    || any(t, k, GOES_ON)
                    || any(t, k, CLOSES_MESSAGE)
            };
            if let Some((k, pm)) = meridiem_here.or_else(|| half_named_after(t, e, h).filter(|&(k, _)| (oclock || at) && part_closes(k))) {
                return Some((k, Clock { hour: in_half(h, pm), minute: Some(0), second: None, zone: None, open: false }));
            }
            if oclock || at_part_of_day(t, i, e) {
                return Some((e, Clock { hour: h, minute: Some(0), second: None, zone: None, open: false }));
            }
            // ("on friday at five", "meet at five": an hour after a named day
            // or one that sets an appointment, where a message ends after it;
            // in a sentence of prose "at five" is as often a score or a rank,
            // "Woods was tied on Friday at five.")
            let message_ends = message_ends(t, e);
            let named_day = at_named_day(t, i, e, h).filter(|_| message_ends);
            let day_after = day_ref(t, e).is_some() || is(t, e, "tonight");
            if let Some(h) = named_day.or_else(|| at_appointment(t, i, e, h).filter(|_| message_ends || day_after || to_do(t, e))) {
                return Some((e, Clock { hour: h, minute: Some(0), second: None, zone: None, open: true }));
            }
        }
    }
    let s = if is(t, i, "a") { i + 1 } else { i };
    // (`guarded`: minutes counted "to" or "after" an hour, which need a
    // setting word before or a half of the day after: "voted ten to two",
    // "one of three", "9 to 4" are no clocks)
    let (minute, toward, w, guarded) = match (t.lw(s), t.lw(s + 1)) {
        ("half", "past") if s == i => (30, false, s + 1, false),
        ("quarter", "past") => (15, false, s + 1, false),
        ("quarter", "to") => (45, true, s + 1, false),
        // "half 7": half past seven, as British speech has it, after a word
        // that sets a time or as the whole input ("meet at half 7", "half 10 ok?")
        ("half", _) if s == i && (i == 0 || any(t, i - 1, &["at", "by", "around", "about", "until", "till", "from"])) && digits(t, i + 1) => {
            (30, false, s, false)
        }
        // "ten past seven", "twenty to two", "5 minutes past 4": minutes counted
        // from the hour (not "voted ten to two": "to" asks for a setting word
        // before, or a half of the day after)
        _ => {
            let (e, n) = cardinal(t, i).filter(|&(_, n)| (1..=29).contains(&n))?;
            let e = if any(t, e, &["minutes", "mins", "min"]) { e + 1 } else { e };
            let words = !digits(t, i) || e > i + 1;
            match t.lw(e) {
                "past" => (n as u8, false, e, !words),
                "after" => (n as u8, false, e, true),
                "to" | "till" if words => (60 - n as u8, true, e, true),
                _ => return None,
            }
        }
    };
    // "half past midnight", "a quarter past noon"
    let (e, h) = match t.lw(w + 1) {
        // (midnight ends the day a quarter to it falls in: 23:45)
        "midnight" => (w + 2, if toward { 24 } else { 0 }),
        "noon" | "midday" => (w + 2, 12),
        _ => {
            let (e, h, _) = hour(w + 1)?;
            (e, h)
        }
    };
    // "half past 4pm", "ten to two in the afternoon": the meridiem or the part
    // of the day after the hour sets its half of the day; with neither, the
    // half is left open ("meet at ten to two")
    // (minutes counted "to" or "after" an hour are odds, votes and ratios as
    // often, "had him at ten to one", "ruled by five to four": they need an
    // appointment before them or the whole input to themselves)
    let (e, h, open) = match meridiem(t, e).or_else(|| half_named_after(t, e, h)) {
        Some((k, pm)) => (k, in_half(h, pm), false),
        None if guarded && !(whole_input(t, i, e) || i > 0 && is(t, i - 1, "at") && sets_appointment(t, i - 1)) => return None,
        None => (e, h, (1..=12).contains(&h)),
    };
    let h = match (toward, h) {
        (false, h) => h,
        // ("a quarter to 1": 12:45 on a twelve-hour dial, "a quarter to 12 am": 23:45)
        (true, 1) => 12,
        (true, h) => (h + 23) % 24,
    };
    Some((e, Clock { hour: h, minute: Some(minute), second: None, zone: None, open }))
}

/// A clock written with digits or as noon or midnight: "9:10 pm", "12 am",
/// "21:10", "noon", "4 o'clock", "4 in the morning", with its zone.
fn named_clock(t: &Tokens<'_>, i: usize) -> Option<(usize, Clock)> {
    // (whether the digits carry seconds, and follow a word that sets a clock time)
    let (mut secs, mut at_clock, mut second) = (false, false, None);
    // ("12 noon", "12 midnight": the hour told twice, the word its clock)
    let mut twice = false;
    // (whether the half of the day is left open: "at 5", "at 3:30")
    let mut open = false;
    // (whether "ish" follows: "9ish")
    let mut ish = false;
    let (mut j, mut hour, mut minute) = match t.lw(i) {
        // "high noon", the film "High Noon": a showdown, not a clock reading
        "noon" if i > 0 && is(t, i - 1, "high") => return None,
        // "Midnight Oil", "the yacht Midnight Rambler": capitalised before
        // another capitalised word that is no word of time, a name
        "noon" | "midday" | "midnight" if cap(t, i) && word(t, i + 1) && cap(t, i + 1) && t.entries(i + 1).is_empty() => return None,
        "noon" | "midday" => (i + 1, 12u8, Some(0u8)),
        "midnight" => (i + 1, 24, Some(0)),
        _ => 'digits: {
            // not the tail of "10:30", "3.5", "$9" or a date "10/30" (but "ET/6 p.m." is fine)
            let slash_date = i > 1 && is(t, i - 1, "/") && digits(t, i - 2);
            // (nor an offset written in prose: "set at UTC+05:30", "GMT-03:00")
            let offset = i > 1 && adj(t, i) && any(t, i - 1, &["+", "-", "−"]) && adj(t, i - 1) && any(t, i - 2, &["utc", "gmt"]);
            if !digits(t, i)
                || t.lw(i).len() > 2
                || offset
                || (i > 0 && adj(t, i) && (digits(t, i - 1) || any(t, i - 1, &[":", ".", "$"]) || slash_date))
            {
                return None;
            }
            let h: u8 = t.lw(i).parse().ok()?;
            let mut j = i + 1;
            let mut m = None;
            if adj(t, j) && any(t, j, &[":", "."]) && adj(t, j + 1) && digits(t, j + 1) && t.lw(j + 1).len() == 2 {
                let mm: u8 = t.lw(j + 1).parse().ok()?;
                // ("13:10 hrs", "at 13.10 hrs": the hours named after a 24-hour clock)
                let hours_after = any(t, j + 2, &["hrs", "hours"]) && (t.lw(j) == ":" || railway_clock(t, i));
                if mm > 59 || (t.lw(j) == "." && !meridiem_follows(t, j + 2) && !hours_after) {
                    return None;
                }
                if adj(t, j + 2) && any(t, j + 2, &[":", "."]) && adj(t, j + 3) && digits(t, j + 3) {
                    // "15:00.27" is a race time (minutes, seconds, hundredths), not a clock
                    if is(t, j + 2, ".") {
                        return None;
                    }
                    second = Some(t.lw(j + 3).parse::<u8>().ok().filter(|&s| s < 60 && t.lw(j + 3).len() == 2)?);
                    j += 2;
                    secs = true;
                }
                m = Some(mm);
                j += 2;
                if hours_after {
                    j += 1;
                }
            }
            // "15h30", "10h00": a 24-hour clock written with an "h"
            // (not a length, "1h30m")
            if m.is_none()
                && adj(t, j)
                && is(t, j, "h")
                && adj(t, j + 1)
                && digits(t, j + 1)
                && t.lw(j + 1).len() == 2
                && !(adj(t, j + 2) && word(t, j + 2))
            {
                m = Some(t.lw(j + 1).parse::<u8>().ok().filter(|&mm| mm < 60)?);
                j += 2;
            }
            if m.is_none() && h == 12 && !adj(t, j) && any(t, j, &["noon", "midday", "midnight"]) {
                twice = true;
                break 'digits (j + 1, if is(t, j, "midnight") { 24 } else { 12 }, Some(0));
            }
            // "in 1:16:33", "Yu Chaohong, 1:23:51": a race time, unless a
            // preposition or a zone makes it a clock ("at 10:30:15 GMT"), or it
            // is all the input holds (a log column: "17:42:05")
            // (or "for" after an alarm, a timer or a reminder set, or a booking:
            // "Alarm set for 17:30:45"; not race times, "aiming for 2:01:39",
            // "The pacers were set for 2:05:00")
            let set = i > 2 && is(t, i - 2, "set") && any(t, i - 3, &["alarm", "timer", "reminder", "it"]);
            let set_for = i > 1 && is(t, i - 1, "for") && (set || any(t, i - 2, &["booked", "scheduled"]));
            let timed =
                i > 0 && any(t, i - 1, &["at", "from", "until", "till", "by", "since", "before", "after", "around", "about", "to"]) || set_for;
            at_clock = i > 0 && any(t, i - 1, &["at", "from", "until", "till", "by"]);
            // (or its meridiem or a date right before it shows the clock:
            // "7:05:30 pm", "Last login: 2020-02-27 22:14:05")
            let dated = i > 0 && digits(t, i - 1) && !adj(t, i);
            if secs && !timed && zone(t, j).is_none() && !whole_input(t, i, j) && meridiem(t, j).is_none() && !dated {
                return None;
            }
            // "with 3:57 left", "2:46 remaining", "2:46 before the end of the
            // first half", "4:10 into the second period": a game clock
            // (nor a ratio: "a 1:24 scale model", "odds of 3:10")
            let game = any(t, j, &["left", "remaining", "into", "scale", "ratio"])
                || (is(t, j, "to") && any(t, j + 1, &["go", "play"]))
                || (any(t, j, &["before", "after"])
                    && is(t, j + 1, "the")
                    && any(t, j + 2, &["end", "half", "break", "interval", "whistle", "buzzer"]));
            if m.is_some() && game {
                return None;
            }
            // ("9ish", "7:30ish": about that time, as a message says it)
            if adj(t, j) && is(t, j, "ish") {
                ish = true;
                j += 1;
            }
            (j, h, m)
        }
    };
    if twice {
    } else if let Some((k, pm)) = meridiem(t, j) {
        if hour == 0 || hour > 12 || (digits(t, i) && hour == 24) {
            return None;
        }
        hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        minute = minute.or(Some(0));
        j = k;
    } else if (is(t, j, "o") && any(t, j + 1, &["'", "’"]) && is(t, j + 2, "clock") || is(t, j, "oclock")) && digits(t, i) {
        if hour == 0 || hour > 12 {
            return None;
        }
        minute = Some(0);
        // ("3 oclock", as a message writes it)
        j += if is(t, j, "oclock") { 1 } else { 3 };
        // "3 o'clock in the afternoon"
        if let Some((k, pm)) = half_named_after(t, j, hour) {
            hour = in_half(hour, pm);
            j = k;
        }
    } else if digits(t, i) && is(t, j, "in") && is(t, j + 1, "the") && pod(t, j + 2).is_some() && (1..=12).contains(&hour) {
        // "4 in the morning", "8 in the evening"
        let p = pod(t, j + 2)?;
        // ("4:45 in the afternoon" is p.m.; "3 in the night" is not)
        let later = match p {
            Pod::Afternoon => true,
            Pod::Evening => hour >= 4,
            Pod::Night => hour >= 6,
            _ => false,
        };
        if hour < 12 && later {
            hour += 12;
        }
        j += 3;
        minute = minute.or(Some(0));
    } else if let Some(h) = Some(hour).filter(|h| digits(t, i) && (1..=12).contains(h)).and_then(|h| range_start(t, i, j, h)) {
        // the start of a span that names its meridiem at the end: "from 7 to 9 p.m."
        // (its zone, if any, is written after the end)
        return Some((j, Clock { hour: h, minute: minute.or(Some(0)), second: None, zone: None, open: false }));
    } else if let Some(h) = (digits(t, i) && minute.is_none() && (1..=12).contains(&hour)).then(|| bare_span(t, i, j)).flatten() {
        // "I work from 9 to 5", "tomorrow from 2 to 4", "from 6 to 8 tonight"
        hour = h;
        minute = Some(0);
    } else if digits(t, i) && minute.is_none() && (1..=12).contains(&hour) && at_part_of_day(t, i, j) {
        // "tonight at 8": an hour on its own, placed by the part of the day
        minute = Some(0);
    } else if let Some(h) = Some(hour).filter(|_| digits(t, i) && minute.is_none()).and_then(|h| at_named_day(t, i, j, h)) {
        // "tomorrow at 9", "next tuesday at 3": an hour on its own after a named day
        hour = h;
        minute = Some(0);
    } else if let Some(pm) = Some(hour).filter(|h| digits(t, i) && !secs && (1..=12).contains(h)).and_then(|h| carried_meridiem(t, i, j, h)) {
        // "doors open at 6:15 p.m. and the band plays at 7", "Doors open at 7
        // p.m., and the show starts at 7:45": the half of the day goes on
        if pm && hour < 12 {
            hour += 12;
        }
        minute = minute.or(Some(0));
    } else if let Some(h) = Some(hour).filter(|_| digits(t, i) && minute.is_none()).and_then(|h| at_appointment(t, i, j, h)) {
        // "call me at 5", "dinner at 8", "at 8 on Friday": an hour on its own
        // that sets an appointment, its half of the day left open
        hour = h;
        minute = Some(0);
        open = true;
    } else if ish && (1..=12).contains(&hour) && ish_clock(t, i, j) {
        // "ya 9ish tmrw": an hour that "ish" makes a clock, its half open
        // (not a count, "the 5ish people")
        minute = minute.or(Some(0));
        open = true;
    } else if digits(t, i) {
        // 24-hour clock needs a colon: "21:10"; past 24, a broadcast day's
        // small hours need a clock's setting too: "at 25:45", "25:45 JST"
        // (not a finish time, "won in 25:45")
        let late = hour > 23 && hour <= LAST_BROADCAST_HOUR && !secs && (at_clock || zone(t, j).is_some());
        let railway = railway_clock(t, i);
        if minute.is_none() || (hour > 23 && !late) || !(any(t, i + 1, &[":", "h"]) || railway) {
            return None;
        }
        // "at 3:30" is either half of the day; "03:30", "15h30", "at 5.25 hrs" are not
        open = (1..=12).contains(&hour) && !t.lw(i).starts_with('0') && !is(t, i + 1, "h") && !railway;
    }
    minute?;
    let mut zone_idx = None;
    if let Some((k, z)) = zone(t, j) {
        zone_idx = Some(z);
        j = k;
    } else if let Some(z) = place_zone(t, j) {
        // "at 10:00 am in Moscow": the place sets the zone but stays outside the expression
        zone_idx = Some(z);
    } else if is(t, j, "local") && is(t, j + 1, "time") {
        // "6 a.m. local time (0400 GMT)": the zone of the place reported from,
        // which a reading in parentheses may give
        j += 2;
    }
    Some((j, Clock { hour, minute: if hour == 24 && minute.is_none() { Some(0) } else { minute }, second, zone: zone_idx, open }))
}

/// The clock of an ISO 8601 date and time, after its "T": "18:32",
/// "18:32:56", "18:32:56.250" (the fraction of a second is dropped), with
/// "Z" or an offset ("+05:30") when written. Every part is adjacent.
pub(super) fn iso_clock(t: &Tokens<'_>, i: usize) -> Option<(usize, Clock)> {
    let two = |k: usize, max: u8| Some(t.lw(k)).filter(|w| w.len() == 2 && adj(t, k) && digits(t, k))?.parse::<u8>().ok().filter(|&v| v <= max);
    let hour = two(i, 23)?;
    let minute = is(t, i + 1, ":").then(|| two(i + 2, 59)).flatten()?;
    let mut j = i + 3;
    let mut second = None;
    if is(t, j, ":") && adj(t, j) {
        second = Some(two(j + 1, 59)?);
        j += 2;
        if any(t, j, &[".", ","]) && adj(t, j) && adj(t, j + 1) && digits(t, j + 1) {
            j += 2;
        }
    }
    let zone = zone(t, j).filter(|_| adj(t, j)).map(|(k, z)| {
        j = k;
        z
    });
    // (a digit or letter run on is no clock: "2024-03-04T18:32:56Zulu")
    if adj(t, j) && (word(t, j) || digits(t, j)) {
        return None;
    }
    Some((j, Clock { hour, minute: Some(minute), second, zone, open: false }))
}

/// The zone of a place named after a clock time: "in Moscow", "in New York".
fn place_zone(t: &Tokens<'_>, j: usize) -> Option<ZoneSpec> {
    // (a capital "In" after "p.m." opens the next sentence: "that is 9 p.m. In
    // New York the final starts at 3 p.m.")
    let next_sentence = cap(t, j) && j > 0 && any(t, j - 1, &["a.m.", "p.m."]);
    if !(is(t, j, "in") && cap(t, j + 1)) || next_sentence {
        return None;
    }
    match phrase(t, j + 1)? {
        (_, Named::Zone(z)) if t.lexicon.zone(z).city => Some(ZoneSpec::Name(z)),
        _ => None,
    }
}

/// The wire services' four-digit clock, which needs a zone or "local time"
/// (or "hours") after it to be told from a year: "0700 GMT", "1400 local
/// time", "0600 hours".
pub(super) fn wire_clock(t: &Tokens<'_>, i: usize) -> Option<(usize, Clock)> {
    let d = t.lw(i);
    if !digits(t, i) || d.len() != 4 || (i > 0 && adj(t, i) && (digits(t, i - 1) || any(t, i - 1, &[":", ".", "$", ","]))) {
        return None;
    }
    let (hour, minute): (u8, u8) = (d[..2].parse().ok()?, d[2..].parse().ok()?);
    if hour > 23 || minute > 59 {
        return None;
    }
    let clock = |j, zone| Some((j, Clock { hour, minute: Some(minute), second: None, zone, open: false }));
    if let Some((j, z)) = zone(t, i + 1).filter(|_| !adj(t, i + 1)) {
        return clock(j, Some(z));
    }
    if is(t, i + 1, "local") && is(t, i + 2, "time") {
        return clock(i + 3, None);
    }
    if any(t, i + 1, &["hours", "hrs"]) && (d.starts_with('0') || (i > 0 && is(t, i - 1, "at"))) {
        return clock(i + 2, None);
    }
    // "0800h", "at 1930h": the military "hours" written as an "h" right on
    // (not "15h30", a 24-hour clock read elsewhere)
    let run_on = adj(t, i + 2) && (digits(t, i + 2) || word(t, i + 2));
    if is(t, i + 1, "h") && adj(t, i + 1) && !run_on && (d.starts_with('0') || i > 0 && is(t, i - 1, "at")) {
        return clock(i + 2, None);
    }
    // "at 0930", "at 1845 tomorrow": after "at", with a leading zero no year
    // reads so, and with a day after it no amount does; "set the alarm for
    // 0630", "by 0900": after another word that sets a time, with a leading zero
    let decimal = adj(t, i + 2) && digits(t, i + 2);
    let setting = i > 0 && (is(t, i - 1, "at") || d.starts_with('0') && any(t, i - 1, &["for", "by", "until", "till", "from", "before", "after"]));
    if setting && (!adj(t, i + 1) || any(t, i + 1, CLAUSE_END) && !decimal) {
        let day_after = any(t, i + 1, &["today", "tomorrow", "tonight", "sharp", "on"]) || weekday(t, i + 1).is_some();
        let closes = i + 1 >= t.len() || any(t, i + 1, CLAUSE_END) || any(t, i + 1, CLOSES_MESSAGE) || day_after;
        if closes && (d.starts_with('0') || day_after) {
            return clock(i + 1, None);
        }
    }
    // the start of a span whose end names the zone: "0230 to 0630 UTC"
    if any(t, i + 1, &["to", "until", "and", "-", "–"]) && wire_clock(t, i + 2).is_some_and(|(_, c)| c.zone.is_some()) {
        return clock(i + 1, None);
    }
    None
}

/// Whether a railway's 24-hour clock starts at token `i`: "at 13.10 hrs",
/// "05.25 hrs", told from a length ("takes 5.25 hrs") by its leading zero or
/// a word before it that sets a time.
pub(super) fn railway_clock(t: &Tokens<'_>, i: usize) -> bool {
    digits(t, i)
        && t.lw(i).len() <= 2
        && t.lw(i).parse::<u8>().is_ok_and(|h| h <= 23)
        && adj(t, i + 1)
        && is(t, i + 1, ".")
        && adj(t, i + 2)
        && digits(t, i + 2)
        && t.lw(i + 2).len() == 2
        && any(t, i + 3, &["hrs", "hours"])
        && (t.lw(i).starts_with('0')
            || i > 0 && any(t, i - 1, &["at", "by", "until", "till", "before", "after"])
            // (after "from" or "to" an hour of the afternoon or evening, which no
            // length this exact is: "from 10.55 hrs to 15.55 hrs"; not "rose to
            // 3.45 hrs", "up from 2.30 hrs")
            || i > 0 && any(t, i - 1, &["from", "to"]) && (t.lw(i).parse::<u8>().is_ok_and(|h| h >= 13) || range_of_railway_clocks(t, i)))
}

/// Whether the number at `i` (after "from" or "to") is one end of a span
/// whose other end is a railway clock past noon: "from 10.55 hrs to 15.55 hrs".
fn range_of_railway_clocks(t: &Tokens<'_>, i: usize) -> bool {
    let late = |k: usize| digits(t, k) && t.lw(k).parse::<u8>().is_ok_and(|h| (13..=23).contains(&h)) && is(t, k + 1, ".");
    is(t, i - 1, "from") && is(t, i + 4, "to") && late(i + 5) || is(t, i - 1, "to") && i >= 6 && is(t, i - 6, "from") && late(i - 5)
}

fn meridiem_follows(t: &Tokens<'_>, i: usize) -> bool {
    meridiem(t, i).is_some()
}

/// A day that a clock time or part of the day can sit on: a weekday (with
/// its date: "Saturday, Nov. 5"), "today"/"yesterday"/"tomorrow", or a
/// written month-day date.
fn day_ref(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // "10 p.m. Saturday, Nov. 5": the written date decides
    if let Some(d) = super::dates::weekday_date(t, i) {
        return Some(d);
    }
    if let Some((j, dow)) = weekday(t, i) {
        return Some((j, Expr::Weekday { dow, dir: Dir::Infer }));
    }
    // "last Monday (night)", "next Friday (morning)"
    if let Some((j, dir)) = super::dates::direction(t, i).filter(|&(_, d)| d != Dir::This) {
        let (k, dow) = weekday(t, j)?;
        return Some((k, Expr::Weekday { dow, dir }));
    }
    let off = match t.lw(i) {
        "today" => 0,
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => return super::dates::month_first(t, i).filter(|(_, e)| matches!(e, Expr::Date { day: Some(_), .. })),
    };
    Some((i + 1, Expr::Relative { unit: Unit::Day, offset: off }))
}

/// Words that go on after a day of a clock time ("10 a.m. Saturday in
/// Perth", "noon Friday, the council said", "9 p.m. Monday local time"):
/// the day is the time's, not a noun's.
const AFTER_A_DAY: &[&str] = &[
    "in", "at", "and", "or", "to", "through", "until", "till", "for", "when", "with", "from", "on", "as", "after", "before", "by", "if", "but", "so",
    "while", "unless", "because", "local", "time", "via", "sharp", "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "than",
];

/// Verbs and auxiliaries that, right after the noun a weekday names, show
/// that the weekday opened a new sentence ("at 7:45 a.m. Saturday service
/// will follow"); any other word after it leaves the day the time's ("at
/// 9:15 a.m. Monday near the embassy").
const VERB_AFTER_NOUN: &[&str] =
    &["will", "would", "is", "are", "was", "were", "has", "have", "had", "can", "may", "must", "should", "starts", "begins", "resumes", "runs"];

/// A clock time, followed by the day it falls on when one is written right
/// after it ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "noon Thursday").
pub fn time(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let (j, mut clock) = clock(t, i)?;
    let k = if is(t, j, ",") || is(t, j, "on") { j + 1 } else { j };
    // (a day with a possessive is the next phrase's: "kicks off at 12:30 p.m.
    // Sunday's tie starts at 2 p.m.")
    // (nor, after a comma, the first day of a span or list: "nightly at 8
    // p.m., Thursday through Saturday")
    // (nor, right after it, a weekday that opens a span of weekdays the time
    // recurs on: "open from 10 a.m. to 7 p.m. Sunday through Thursday", "leave
    // at 9 a.m. Monday to Friday"; a time that starts a span is that day's,
    // "closed from 9 p.m. Friday through Monday", and so is one before a
    // possessive, "at 10 a.m. Monday through Wednesday's deadline")
    let possessive = |e: usize| any(t, e, &["'", "’"]) && is(t, e + 1, "s") || any(t, e, &["'s", "’s"]);
    let recurs = i > 0 && any(t, i - 1, &["at", "to", "until", "till", "-", "–"]);
    let weekdays_span = |e: usize| weekday(t, e + 1).is_some_and(|(w, _)| !possessive(w));
    let spans = |e: usize| {
        any(t, e, &["through", "thru", "to", "until", "till", "and", "-", "–"]) && k > j
            || recurs && any(t, e, &["through", "thru", "to", "until", "till", "-", "–"]) && weekdays_span(e)
    };
    // (nor a bare weekday that names the noun after it, which opens the next
    // sentence: "the first bus leaves at 7:45 a.m. Saturday service will
    // follow later")
    let names_noun = |e: usize, d: &Expr| {
        k == j && d.is_weekday() && word(t, e) && !cap(t, e) && t.toks[e].class == 0 && !any(t, e, AFTER_A_DAY) && any(t, e + 1, VERB_AFTER_NOUN)
    };
    // (nor a day on a line of its own: "will sail at 5:30 p.m.\n\nWednesday will be")
    let new_line = t.toks.get(k).is_some_and(|tok| tok.newline_before);
    // (nor the weekday of recurring parts of days: "from 10 p.m. to 5 a.m., Sunday
    // nights through Thursday nights")
    let recurring = |e: usize| super::sets::plural_pod(t, e).is_some();
    if let Some((e, d)) = day_ref(t, k).filter(|_| !new_line).filter(|(e, d)| !(possessive(*e) || spans(*e) || names_noun(*e, d) || recurring(*e))) {
        if !is(t, j, "on") {
            // "7:15 Tuesday evening": the part of the day belongs to the time
            if let Some(p) = pod(t, e) {
                in_half_of(t, i, j, &mut clock, p);
                return Some((e + 1, Expr::Time { clock, date: Some(Box::new(d)) }));
            }
            return Some((e, Expr::Time { clock, date: Some(Box::new(d)) }));
        }
    }
    Some((j, Expr::Time { clock, date: None }))
}

/// Moves a clock at tokens `[start, end)` written without a.m. or p.m. into
/// the half of the day its part of the day names: "3:30" this afternoon is
/// 15:30, "7" in the evening 19:00. A 24-hour "03:30" or a written "a.m."
/// stays as it is, and so do the small hours of a night ("2:30" last night).
pub(super) fn in_half_of(t: &Tokens<'_>, start: usize, end: usize, clock: &mut Clock, p: Pod) {
    let written = (start..end).any(|k| any(t, k, &["a.m.", "am", "p.m.", "pm", "noon", "midnight", "midday"])) || t.lw(start).starts_with('0');
    let later = match p {
        Pod::Afternoon => 1..7,
        Pod::Evening => 4..12,
        Pod::Night => 6..12,
        _ => 0..0,
    };
    if !written && later.contains(&clock.hour) {
        clock.hour += 12;
    }
    // (twelve at night is midnight: "Saturday nights at 12")
    if !written && p == Pod::Night && clock.hour == 12 {
        clock.hour = 0;
    }
    clock.open = false;
}

/// Parts of the day: "Wednesday night", "yesterday morning", "this
/// afternoon", "last night", "tomorrow evening".
pub fn part_of_day(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // ("this Saturday morning": the weekday of this week, as "this
    // Saturday" alone is read)
    // (not a name: "This Saturday Night Live sketch")
    if let Some((j, dow)) = weekday(t, i + 1).filter(|&(j, _)| is(t, i, "this") && !(cap(t, j) && cap(t, j + 1) && word(t, j + 1))) {
        return Some((j + 1, Expr::PartOfDay { pod: pod(t, j)?, date: Some(Box::new(Expr::Weekday { dow, dir: Dir::This })) }));
    }
    if is(t, i, "this") || (is(t, i, "later") && is(t, i + 1, "this")) {
        let s = if is(t, i, "later") { i + 2 } else { i + 1 };
        let p = pod(t, s).filter(|p| *p != Pod::Night)?;
        return Some((s + 1, Expr::PartOfDay { pod: p, date: None }));
    }
    // "mid-afternoon", "mid morning Friday", "mid-afternoon yesterday"
    if is(t, i, "mid") {
        let k = if is(t, i + 1, "-") && adj(t, i + 1) { i + 2 } else { i + 1 };
        let p = pod(t, k).filter(|p| matches!(p, Pod::Morning | Pod::Afternoon | Pod::Evening))?;
        let (end, date) = match day_ref(t, k + 1) {
            Some((e, d)) => (e, Some(Box::new(d))),
            None => (k + 1, None),
        };
        return Some((end, Expr::Mod { m: crate::expr::Mod::Mid, inner: Box::new(Expr::PartOfDay { pod: p, date }) }));
    }
    // "in the afternoon", "during the morning": that part of the day mentioned last (or the DCT)
    if is(t, i, "the") && i > 0 && any(t, i - 1, &["in", "during", "by", "until", "through", "throughout"]) && !is(t, i + 2, "of") {
        if let Some(p) = pod(t, i + 1).filter(|p| matches!(p, Pod::Morning | Pod::Afternoon | Pod::Evening)) {
            return Some((i + 2, Expr::PartOfDay { pod: p, date: Some(Box::new(Expr::OfLastDay { unit: Unit::Day })) }));
        }
    }
    // "the next morning", "the following evening": the day after the one
    // mentioned; "the previous night", "the prior evening": the day before
    if is(t, i, "the") && any(t, i + 1, &["next", "following", "previous", "prior"]) {
        if let Some(p) = pod(t, i + 2) {
            let offset = if any(t, i + 1, &["next", "following"]) { 1 } else { -1 };
            return Some((i + 3, Expr::PartOfDay { pod: p, date: Some(Box::new(Expr::Anaphor { unit: Unit::Day, offset })) }));
        }
    }
    // "the night before", "the morning after": next to the day mentioned, as
    // "the day before" is (not "the night before the vote", which an event dates)
    if is(t, i, "the") && any(t, i + 2, &["before", "after"]) && !super::relative::names_event_after(t, i + 3) {
        if let Some(p) = pod(t, i + 1) {
            let offset = if is(t, i + 2, "after") { 1 } else { -1 };
            return Some((i + 3, Expr::PartOfDay { pod: p, date: Some(Box::new(Expr::Anaphor { unit: Unit::Day, offset })) }));
        }
    }
    if is(t, i, "last") && any(t, i + 1, &["night", "evening"]) {
        return Some((i + 2, Expr::PartOfDay { pod: pod(t, i + 1)?, date: Some(Box::new(Expr::Relative { unit: Unit::Day, offset: -1 })) }));
    }
    let (j, d) = day_ref(t, i)?;
    let p = pod(t, j)?;
    Some((j + 1, Expr::PartOfDay { pod: p, date: Some(Box::new(d)) }))
}
