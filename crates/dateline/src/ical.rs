//! The iCalendar emitter (RFC 5545): one VEVENT per day or clock time the
//! analysis resolves, a recurring VEVENT per recurrence, and a VTIMEZONE for
//! every zone the events use, built from jiff's bundled tz database so that
//! the file means the same on every machine.
//!
//! Output is deterministic: UIDs hash the document id, the timex id and its
//! value, and DTSTAMP is the document creation time (the machine's clock is
//! never read).

use std::collections::BTreeSet;

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::Zoned;

use crate::{Analysis, TimexType};

/// One analysed document to put in a calendar.
#[derive(Debug, Clone, Copy)]
pub struct CalendarDoc<'a> {
    /// The document's identifier (file name or JSON id); part of every UID.
    pub id: &'a str,
    /// The text the analysis was made from (summaries quote it).
    pub text: &'a str,
    /// The document creation time, used as DTSTAMP.
    pub dct: Option<Date>,
    /// What the tagger found.
    pub analysis: &'a Analysis,
}

/// When an event happens.
enum When {
    AllDay(Date),
    Zoned(Zoned, String),
    Utc(jiff::Timestamp),
    Floating(DateTime),
}

struct Event {
    uid: String,
    when: When,
    rrule: Option<String>,
    /// How long each occurrence lasts (RFC 5545 DURATION), when the text says.
    duration: Option<String>,
    summary: String,
    description: String,
}

/// Writes one VCALENDAR holding the events of all `docs`.
pub fn calendar(docs: &[CalendarDoc<'_>]) -> String {
    let mut events = Vec::new();
    for d in docs {
        collect(d, &mut events);
    }
    let mut zones: BTreeSet<String> = BTreeSet::new();
    let mut years = (i16::MAX, i16::MIN);
    for e in &events {
        let y = match &e.when {
            When::AllDay(d) => d.year(),
            When::Zoned(z, tzid) => {
                zones.insert(tzid.clone());
                z.year()
            }
            When::Utc(t) => t.to_zoned(TimeZone::UTC).year(),
            When::Floating(dt) => dt.year(),
        };
        years = (years.0.min(y), years.1.max(y));
    }
    let stamp = docs.iter().filter_map(|d| d.dct).max().map_or("19700101T000000Z".to_string(), |d| format!("{}T000000Z", d.strftime("%Y%m%d")));
    let mut out = Lines::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//dateline//dateline 0.1//EN");
    out.line("CALSCALE:GREGORIAN");
    for z in &zones {
        vtimezone(&mut out, z, years);
    }
    for e in &events {
        out.line("BEGIN:VEVENT");
        out.line(&format!("UID:{}", e.uid));
        out.line(&format!("DTSTAMP:{stamp}"));
        match &e.when {
            When::AllDay(d) => {
                out.line(&format!("DTSTART;VALUE=DATE:{}", d.strftime("%Y%m%d")));
                if let Ok(next) = d.tomorrow() {
                    out.line(&format!("DTEND;VALUE=DATE:{}", next.strftime("%Y%m%d")));
                }
            }
            When::Zoned(z, tzid) => out.line(&format!("DTSTART;TZID={tzid}:{}", z.datetime().strftime("%Y%m%dT%H%M%S"))),
            When::Utc(t) => out.line(&format!("DTSTART:{}", t.strftime("%Y%m%dT%H%M%SZ"))),
            When::Floating(dt) => out.line(&format!("DTSTART:{}", dt.strftime("%Y%m%dT%H%M%S"))),
        }
        if let Some(dur) = e.duration.as_ref().filter(|_| !matches!(e.when, When::AllDay(_))) {
            out.line(&format!("DURATION:{dur}"));
        }
        if let Some(r) = &e.rrule {
            out.line(&format!("RRULE:{}", until_as_date(r, matches!(e.when, When::AllDay(_)))));
        }
        out.line(&format!("SUMMARY:{}", escape(&e.summary)));
        out.line(&format!("DESCRIPTION:{}", escape(&e.description)));
        out.line("END:VEVENT");
    }
    out.line("END:VCALENDAR");
    out.0
}

fn collect(d: &CalendarDoc<'_>, events: &mut Vec<Event>) {
    let a = d.analysis;
    // (the clock time occurrences end at carries the rule too, but starts nothing)
    let in_recurrence: BTreeSet<&str> =
        a.groups.iter().filter(|g| g.rrule.is_some()).flat_map(|g| g.tids.iter().chain(&g.ends).map(String::as_str)).collect();
    let by_tid: std::collections::HashMap<&str, &crate::analysis::Timex> = a.timexes.iter().map(|t| (t.tid.as_str(), t)).collect();
    // "from 9 a.m. to 5 p.m. on Monday": one event from the first time, lasting the range
    let timed_range = |g: &&crate::analysis::Group| {
        g.kind == crate::grammar::LinkKind::Range
            && g.duration.is_some()
            && g.tids.len() == 2
            && g.tids.iter().all(|tid| by_tid.get(tid.as_str()).is_some_and(|t| t.typ == TimexType::Time))
    };
    let range_length: std::collections::HashMap<&str, &str> =
        a.groups.iter().filter(timed_range).filter_map(|g| Some((g.tids[0].as_str(), g.duration.as_deref()?))).collect();
    let range_ends: BTreeSet<&str> = a.groups.iter().filter(timed_range).map(|g| g.tids[1].as_str()).collect();
    // "6:39 a.m. (2139 GMT)": one instant, one event, from the reading with a zone
    let zoned = |tid: &str| by_tid.get(tid).is_some_and(|t| t.tzid.is_some());
    let other_reading: BTreeSet<&str> = a
        .groups
        .iter()
        .filter(|g| g.kind == crate::grammar::LinkKind::Equivalent)
        .flat_map(|g| {
            let keep = g.tids.iter().position(|t| zoned(t)).unwrap_or(0);
            g.tids.iter().enumerate().filter(move |&(i, _)| i != keep).map(|(_, t)| t.as_str())
        })
        .collect();
    for t in &a.timexes {
        if range_ends.contains(t.tid.as_str()) {
            continue; // the end of a timed range: the event of its start lasts until it
        }
        if other_reading.contains(t.tid.as_str()) {
            continue; // the same instant read in another zone
        }
        let summary = sentence(d.text, t.byte_start, t.byte_end);
        let uid = format!("{:016x}@dateline", fnv1a(&[d.id, &t.tid, &t.value]));
        let description = format!("{} \u{2014} TIMEX3 {} {} ({})", t.text, t.typ.as_str(), t.value, d.id);
        if t.typ == TimexType::Set {
            if let (Some(rule), Some(start)) = (&t.rrule, &t.dtstart) {
                if !in_recurrence.contains(t.tid.as_str()) {
                    if let Some(when) = start_of(start, t.tzid.as_deref(), rule) {
                        events.push(Event { uid, when, rrule: Some(rule.clone()), duration: None, summary, description });
                    }
                }
            }
            continue;
        }
        let Some(range) = &t.range else { continue };
        let when = match (t.typ, range.grain) {
            (TimexType::Date, "day") => range.start.get(..10).and_then(|s| s.parse::<Date>().ok()).map(When::AllDay),
            (TimexType::Time, "minute" | "hour") => match (range.start.parse::<Zoned>(), &t.tzid) {
                (Ok(z), Some(tzid)) => Some(When::Zoned(z, tzid.clone())),
                (Ok(z), None) => Some(When::Utc(z.timestamp())),
                (Err(_), _) => range.start.parse::<DateTime>().ok().map(When::Floating),
            },
            _ => None,
        };
        if let Some(when) = when {
            let duration = range_length.get(t.tid.as_str()).map(|d| d.to_string());
            events.push(Event { uid, when, rrule: None, duration, summary, description });
        }
    }
    for g in &a.groups {
        let (Some(rule), Some(start)) = (&g.rrule, &g.dtstart) else { continue };
        let Some(first) = g.tids.first().and_then(|tid| by_tid.get(tid.as_str()).copied()) else { continue };
        let last = g.tids.last().and_then(|tid| by_tid.get(tid.as_str()).copied()).unwrap_or(first);
        let Some(when) = start_of(start, g.tzid.as_deref(), rule) else { continue };
        let text = d.text.get(first.byte_start..last.byte_end).unwrap_or(&first.text);
        events.push(Event {
            uid: format!("{:016x}@dateline", fnv1a(&[d.id, &g.tids.join(","), rule])),
            when,
            rrule: Some(rule.clone()),
            duration: g.duration.clone(),
            summary: sentence(d.text, first.byte_start, last.byte_end),
            description: format!("{text} \u{2014} {} ({})", g.tids.join(" "), d.id),
        });
    }
}

/// The first occurrence of a recurrence: a local date-time, in its zone when it has one.
/// A rule whose start is a day must end on a day too (RFC 5545 wants the
/// UNTIL value of the DTSTART's type): "UNTIL=20220331T235959" becomes
/// "UNTIL=20220331" for an all-day recurrence.
fn until_as_date(rule: &str, all_day: bool) -> std::borrow::Cow<'_, str> {
    match rule.split_once("UNTIL=") {
        Some((head, tail)) if all_day && tail.len() > 8 => {
            let rest = tail.find(';').map_or("", |k| &tail[k..]);
            format!("{head}UNTIL={}{rest}", &tail[..8]).into()
        }
        _ => rule.into(),
    }
}

/// The start of a recurrence: at its clock time in its zone, or, for a rule
/// of whole days with no clock time ("every Saturday", "the 15th of every
/// month"), the day itself, so that calendars show an all-day event.
fn start_of(local: &str, tzid: Option<&str>, rule: &str) -> Option<When> {
    let dt: DateTime = local.parse().ok()?;
    if !rule.contains("BYHOUR") && !crate::recur::rendered_sub_daily(rule) {
        return Some(When::AllDay(dt.date()));
    }
    Some(match tzid.and_then(|z| jiff::tz::db().get(z).ok().map(|tz| (z, tz))) {
        Some((name, tz)) => When::Zoned(dt.to_zoned(tz).ok()?, name.to_string()),
        None => When::Floating(dt),
    })
}

/// The sentence around bytes `[start, end)` of `text`, trimmed to a readable length.
fn sentence(text: &str, start: usize, end: usize) -> String {
    const MAX: usize = 90;
    // look no further than this many bytes either way, so that a text without
    // sentence ends costs the same per event as any other
    const WINDOW: usize = 400;
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let mut lo = start.saturating_sub(WINDOW);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (end + WINDOW).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let from = text[lo..start].rfind(['\n', '!', '?']).map_or(lo, |i| lo + i + 1);
    let from = text[from..start].match_indices(". ").map(|(i, _)| from + i).filter(|&i| ends_sentence(text, i)).map(|i| i + 2).last().unwrap_or(from);
    let to = text[end..hi]
        .match_indices(|c: char| is_end(c))
        .map(|(i, _)| end + i)
        .find(|&i| text.as_bytes()[i] != b'.' || ends_sentence(text, i))
        .map_or(hi, |i| i + 1);
    let s: String = text[from..to].split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= MAX {
        s
    } else {
        let cut: String = s.chars().take(MAX - 1).collect();
        format!("{}\u{2026}", cut.trim_end())
    }
}

/// Whether the period at byte `dot` ends a sentence: it is followed by white
/// space and then not by a digit or a lowercase word ("Sept. 30", "Mr. Lee"
/// and "approx. five" go on), and it does not close a title.
fn ends_sentence(text: &str, dot: usize) -> bool {
    const TITLES: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Prof", "Gen", "Gov", "Sen", "Rep", "No"];
    let word = text[..dot].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let rest = &text[dot + 1..];
    let next = rest.trim_start().chars().next();
    (rest.is_empty() || rest.starts_with(char::is_whitespace))
        && !next.is_some_and(|c| c.is_ascii_digit() || c.is_lowercase())
        && !TITLES.contains(&word)
        && word.chars().count() != 1
}

/// RFC 5545 TEXT escaping.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}

/// A stable 64-bit FNV-1a hash, for UIDs that do not change between runs.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0]) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

fn offset(o: Offset) -> String {
    let s = o.seconds();
    let (sign, s) = if s < 0 { ('-', -s) } else { ('+', s) };
    if s % 60 == 0 {
        format!("{sign}{:02}{:02}", s / 3600, s / 60 % 60)
    } else {
        format!("{sign}{:02}{:02}{:02}", s / 3600, s / 60 % 60, s % 60)
    }
}

/// A VTIMEZONE for `tzid` covering the years `[years.0 - 1, years.1 + 1]`:
/// every transition in that window, plus the one in force at its start.
fn vtimezone(out: &mut Lines, tzid: &str, years: (i16, i16)) {
    let Ok(tz) = jiff::tz::db().get(tzid) else { return };
    let start = Date::new(years.0.saturating_sub(1).max(1800), 1, 1).ok().and_then(|d| d.to_zoned(TimeZone::UTC).ok()).map(|z| z.timestamp());
    let end = Date::new(years.1.saturating_add(2).min(9000), 1, 1).ok().and_then(|d| d.to_zoned(TimeZone::UTC).ok()).map(|z| z.timestamp());
    let (Some(start), Some(end)) = (start, end) else { return };
    out.line("BEGIN:VTIMEZONE");
    out.line(&format!("TZID:{tzid}"));
    let mut transitions: Vec<_> = tz.preceding(start).take(1).collect();
    transitions.extend(tz.following(start).take_while(|t| t.timestamp() < end));
    if transitions.is_empty() {
        let info = tz.to_offset_info(start);
        out.line("BEGIN:STANDARD");
        out.line("DTSTART:19700101T000000");
        out.line(&format!("TZOFFSETFROM:{}", offset(info.offset())));
        out.line(&format!("TZOFFSETTO:{}", offset(info.offset())));
        out.line(&format!("TZNAME:{}", info.abbreviation()));
        out.line("END:STANDARD");
    }
    for t in transitions {
        let before = tz.to_offset(t.timestamp().checked_sub(jiff::SignedDuration::from_secs(1)).unwrap_or(t.timestamp()));
        let kind = if t.dst().is_dst() { "DAYLIGHT" } else { "STANDARD" };
        let local = t.timestamp().to_zoned(TimeZone::fixed(before)).datetime();
        out.line(&format!("BEGIN:{kind}"));
        out.line(&format!("DTSTART:{}", local.strftime("%Y%m%dT%H%M%S")));
        out.line(&format!("TZOFFSETFROM:{}", offset(before)));
        out.line(&format!("TZOFFSETTO:{}", offset(t.offset())));
        out.line(&format!("TZNAME:{}", t.abbreviation()));
        out.line(&format!("END:{kind}"));
    }
    out.line("END:VTIMEZONE");
}

/// Content lines, folded at 75 octets and ended with CRLF.
#[derive(Default)]
struct Lines(String);

impl Lines {
    fn line(&mut self, l: &str) {
        let mut width = 0;
        for c in l.chars() {
            if width + c.len_utf8() > 75 {
                self.0.push_str("\r\n ");
                width = 1;
            }
            self.0.push(c);
            width += c.len_utf8();
        }
        self.0.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Tagger};

    fn ics(text: &str, dct: &str) -> String {
        let a = Tagger::new().tag(&Document::new(text).with_dct(dct.parse().unwrap()));
        calendar(&[CalendarDoc { id: "doc", text, dct: dct.parse().ok(), analysis: &a }])
    }

    #[test]
    fn events_for_days_times_and_recurrences() {
        let out = ics("The OST drops on April 25 at 12 am KST. New episodes air every Saturday and Sunday at 9:10 pm KST.", "2022-04-19");
        assert!(out.contains("DTSTART;VALUE=DATE:20220425\r\nDTEND;VALUE=DATE:20220426\r\n"), "{out}");
        assert!(out.contains("DTSTART;TZID=Asia/Seoul:20220425T000000\r\n"), "{out}");
        assert!(out.contains("DTSTART;TZID=Asia/Seoul:20220423T211000\r\nRRULE:FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=21;BYMINUTE=10\r\n"), "{out}");
        assert!(out.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul\r\n"), "{out}");
        assert!(out.contains("SUMMARY:The OST drops on April 25 at 12 am KST.\r\n"), "{out}");
        assert!(out.contains("DTSTAMP:20220419T000000Z"));
        assert_eq!(out.matches("BEGIN:VEVENT").count(), 3);
        // deterministic
        assert_eq!(out, ics("The OST drops on April 25 at 12 am KST. New episodes air every Saturday and Sunday at 9:10 pm KST.", "2022-04-19"));
    }

    /// Checks that the calendar of `text` holds `want` and has `events` events.
    fn holds(text: &str, want: &str, events: usize) {
        let out = ics(text, "2022-07-01");
        assert!(out.contains(want), "{out}");
        assert_eq!(out.matches("BEGIN:VEVENT").count(), events, "{out}");
    }

    #[test]
    fn spans_of_time_last_until_their_end() {
        // a recurrence with an end time; the end starts no event of its own
        let rule = "RRULE:FREQ=WEEKLY;BYDAY=SA;BYHOUR=19;BYMINUTE=0\r\n";
        holds(
            "The club meets every Saturday from 7 to 9 p.m. ET.",
            &format!("DTSTART;TZID=America/New_York:20220702T190000\r\nDURATION:PT2H\r\n{rule}"),
            1,
        );
        // a range of times is one event; the day gets one of its own
        holds("The store is open from 9 a.m. to 5 p.m. ET on Monday.", "DTSTART;TZID=America/New_York:20220627T090000\r\nDURATION:PT8H\r\n", 2);
    }

    #[test]
    fn recurrences_of_whole_days_are_all_day_events() {
        // no clock time: the first day as a DATE, and the end as a DATE too
        holds(
            "The market opens every Saturday through July 30.",
            "DTSTART;VALUE=DATE:20220702\r\nDTEND;VALUE=DATE:20220703\r\nRRULE:FREQ=WEEKLY;BYDAY=SA;UNTIL=20220730\r\n",
            2,
        );
        holds(
            "Rent is due on the 15th of every month.",
            "DTSTART;VALUE=DATE:20220715\r\nDTEND;VALUE=DATE:20220716\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=15\r\n",
            1,
        );
        // with a clock time it keeps its time
        holds("The market opens every Saturday at 9 a.m.", "DTSTART:20220702T090000\r\nRRULE:FREQ=WEEKLY;BYDAY=SA;BYHOUR=9;BYMINUTE=0\r\n", 1);
    }

    #[test]
    fn occurrences_within_a_day_are_instants() {
        // "every 15 minutes from 6 a.m. to midnight": timed, no length of its own
        let out = ics("Trains run every 15 minutes from 6 a.m. to midnight.", "2022-07-01");
        assert!(out.contains("DTSTART:20220701T060000\r\nRRULE:FREQ=MINUTELY;INTERVAL=15;BYHOUR=6,7,8,"), "{out}");
        assert!(!out.contains("DURATION"), "{out}");
    }

    #[test]
    fn vtimezone_lists_dst_transitions() {
        let out = ics("It starts at 9 a.m. ET on July 5.", "2022-07-01");
        assert!(
            out.contains("BEGIN:DAYLIGHT\r\nDTSTART:20220313T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\nEND:DAYLIGHT"),
            "{out}"
        );
        assert!(
            out.contains("BEGIN:STANDARD\r\nDTSTART:20221106T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\nEND:STANDARD"),
            "{out}"
        );
    }

    #[test]
    fn long_lines_fold_and_text_escapes() {
        let mut l = Lines::default();
        l.line(&"x".repeat(160));
        assert!(l.0.split("\r\n").all(|s| s.len() <= 75));
        assert_eq!(escape("a, b; c\\d"), "a\\, b\\; c\\\\d");
    }
}
