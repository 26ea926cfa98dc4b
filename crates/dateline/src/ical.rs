//! The iCalendar emitter (RFC 5545): one VEVENT per happening the analysis
//! resolves (a clock time and the day it sits on are one timed event, the
//! readings of one instant are one event, a day a stated schedule holds is an
//! occurrence of its recurring event), a recurring VEVENT per recurrence, and
//! a VTIMEZONE for every zone the events use, built from jiff's bundled tz
//! database so that the file means the same on every machine. Events that
//! end before the DCT are left out unless [`Options::include_past`] is set.
//!
//! It reads the typed values the tagger kept beside their strings (the
//! instants of each range, the recurrence rule and its first occurrence), so
//! nothing here parses a value or rule back from text.
//!
//! Output is deterministic: UIDs hash the document id, the timex id and its
//! value, and DTSTAMP is the document creation time (the machine's clock is
//! never read).

use std::collections::{BTreeSet, HashMap};

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::Zoned;

use crate::analysis::{At, Group, Timex};
use crate::grammar::LinkKind;
use crate::recur::{Rule, Schedule, Until};
use crate::tuning::{ICAL_SENTENCE_CHARS, ICAL_SENTENCE_WINDOW};
use crate::{Analysis, TimexType};

/// One analysed document to put in a calendar.
#[derive(Debug, Clone, Copy)]
pub struct CalendarDoc<'a> {
    /// The document's identifier (file name or JSON id); part of every UID.
    pub id: &'a str,
    /// The text the analysis was made from (summaries quote it).
    pub text: &'a str,
    /// The document creation time, used as DTSTAMP, and the day before
    /// which events are past (see [`Options::include_past`]).
    pub dct: Option<Date>,
    /// What the tagger found.
    pub analysis: &'a Analysis,
}

/// What [`calendar_with`] puts in the calendar.
///
/// ```
/// use dateline::ical::{calendar_with, CalendarDoc, Options};
/// use dateline::{Document, Tagger};
///
/// let text = "The album came out on March 4. The tour opens on May 20.";
/// let dct = "2022-04-19".parse().unwrap();
/// let a = Tagger::new().tag(&Document::new(text).with_dct(dct));
/// let doc = CalendarDoc { id: "doc", text, dct: Some(dct), analysis: &a };
/// // a calendar is for what lies ahead: March 4 ended before the DCT
/// let ahead = calendar_with(&[doc], Options::default());
/// assert_eq!(ahead.matches("BEGIN:VEVENT").count(), 1);
/// // unless the past is asked for
/// let all = calendar_with(&[doc], Options { include_past: true });
/// assert_eq!(all.matches("BEGIN:VEVENT").count(), 2);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Keep the events that end before their document's creation time
    /// (history, past results). Off by default, since a calendar is read for
    /// what is ahead; the JSON and TimeML outputs keep every expression
    /// either way, and a document without a DCT loses nothing.
    pub include_past: bool,
}

/// When an event happens.
enum When {
    AllDay(Date),
    Zoned(Zoned, String),
    Utc(jiff::Timestamp),
    Floating(DateTime),
}

impl When {
    /// The local day it starts on (the UTC day for an instant without a zone).
    fn day(&self) -> Date {
        match self {
            When::AllDay(d) => *d,
            When::Zoned(z, _) => z.date(),
            When::Utc(t) => t.to_zoned(TimeZone::UTC).date(),
            When::Floating(dt) => dt.date(),
        }
    }

    /// When it ends, taken as lasting no time (a day lasts the day).
    fn end(&self) -> End {
        match self {
            When::AllDay(d) => End::Day(*d),
            When::Zoned(z, _) => End::At(z.timestamp()),
            When::Utc(t) => End::At(*t),
            When::Floating(dt) => End::Day(dt.date()),
        }
    }
}

/// The end of an event, for telling whether it is past.
#[derive(Clone, Copy)]
enum End {
    /// Through this day, wherever it is read.
    Day(Date),
    /// At this instant.
    At(jiff::Timestamp),
}

impl End {
    /// Whether the event is over before the day of `dct` begins. The DCT is
    /// a day in the writer's zone, which the text does not say: an instant
    /// is past once that day has begun everywhere (in UTC+14), so that
    /// "6:39 a.m. (2139 GMT)" on the DCT's morning in Japan is not past.
    fn before(self, dct: Date) -> bool {
        match self {
            End::Day(d) => d < dct,
            End::At(t) => Offset::from_hours(14).ok().and_then(|o| dct.to_zoned(TimeZone::fixed(o)).ok()).is_some_and(|z| t < z.timestamp()),
        }
    }
}

struct Event {
    uid: String,
    when: When,
    rule: Option<Rule>,
    /// This event is one occurrence of the recurring event with the same
    /// UID, restated by a date of the text (RFC 5545 RECURRENCE-ID).
    occurrence: bool,
    /// How long each occurrence lasts (RFC 5545 DURATION), when the text says.
    duration: Option<String>,
    summary: String,
    description: String,
}

/// Writes one VCALENDAR holding the upcoming events of all `docs` (see
/// [`Options`]; this is `calendar_with(docs, Options::default())`).
pub fn calendar(docs: &[CalendarDoc<'_>]) -> String {
    calendar_with(docs, Options::default())
}

/// Writes one VCALENDAR holding the events of all `docs`: one event per
/// happening, so a day and the clock time written on it are one timed
/// event, the days a stated schedule holds take its clock time, and the
/// readings of one instant in several zones are one event.
pub fn calendar_with(docs: &[CalendarDoc<'_>], options: Options) -> String {
    let mut cal = Calendar::new(options);
    let events: String = docs.iter().map(|d| cal.events(d)).collect();
    let mut out = cal.head();
    out.push_str(&cal.stamped(&events));
    out.push_str(Calendar::END);
    out
}

/// A calendar written a document (or a piece of a long one) at a time, so
/// that a writer need not hold every analysis: [`Calendar::events`] gives
/// each document's VEVENTs as they come, and once all are in,
/// [`Calendar::head`] gives what goes before them (the VTIMEZONEs of the
/// zones they use) and [`Calendar::END`] what goes after. Each event's
/// DTSTAMP is the latest DCT of all documents, known only at the end, so
/// the events leave it empty (the line [`Calendar::UNSTAMPED`]) for
/// [`Calendar::stamped`] or [`Calendar::stamp`] to fill in.
#[derive(Debug, Clone)]
pub struct Calendar {
    options: Options,
    zones: BTreeSet<String>,
    years: (i16, i16),
    stamp: Option<Date>,
}

impl Calendar {
    /// The line each event's DTSTAMP is written as until the stamp is known.
    pub const UNSTAMPED: &'static str = "DTSTAMP:\r\n";
    /// The end of the calendar.
    pub const END: &'static str = "END:VCALENDAR\r\n";

    /// A calendar with nothing in it yet.
    pub fn new(options: Options) -> Calendar {
        Calendar { options, zones: BTreeSet::new(), years: (i16::MAX, i16::MIN), stamp: None }
    }

    /// Takes in what `other` noted (zones, years, DCTs), so that its events
    /// can go in this calendar.
    pub fn absorb(&mut self, other: Calendar) {
        self.zones.extend(other.zones);
        self.years = (self.years.0.min(other.years.0), self.years.1.max(other.years.1));
        self.stamp = self.stamp.max(other.stamp);
    }

    /// The VEVENTs of one document, DTSTAMP left empty; the zones and years
    /// they use are noted for the head.
    pub fn events(&mut self, d: &CalendarDoc<'_>) -> String {
        let mut events = Vec::new();
        collect(d, self.options, &mut events);
        self.stamp = self.stamp.max(d.dct);
        let mut out = Lines::default();
        for e in &events {
            if let When::Zoned(_, tzid) = &e.when {
                self.zones.insert(tzid.clone());
            }
            let y = e.when.day().year();
            self.years = (self.years.0.min(y), self.years.1.max(y));
            vevent(&mut out, e);
        }
        out.0
    }

    /// What goes before the events: the calendar's properties and a
    /// VTIMEZONE for every zone the events use, over the years they span.
    pub fn head(&self) -> String {
        let mut out = Lines::default();
        out.line("BEGIN:VCALENDAR");
        out.line("VERSION:2.0");
        out.line("PRODID:-//dateline//dateline 0.1//EN");
        out.line("CALSCALE:GREGORIAN");
        for z in &self.zones {
            vtimezone(&mut out, z, self.years);
        }
        out.0
    }

    /// The DTSTAMP line that replaces [`Calendar::UNSTAMPED`]: the latest DCT.
    pub fn stamp(&self) -> String {
        let stamp = self.stamp.map_or("19700101T000000Z".to_string(), |d| format!("{}T000000Z", d.strftime("%Y%m%d")));
        format!("DTSTAMP:{stamp}\r\n")
    }

    /// `events` (as [`Calendar::events`] wrote them) with their DTSTAMP filled in.
    pub fn stamped(&self, events: &str) -> String {
        events.replace(Self::UNSTAMPED, &self.stamp())
    }
}

/// Writes one event, its DTSTAMP left empty.
fn vevent(out: &mut Lines, e: &Event) {
    out.line("BEGIN:VEVENT");
    out.line(&format!("UID:{}", e.uid));
    out.line("DTSTAMP:");
    let start = match &e.when {
        When::AllDay(d) => format!(";VALUE=DATE:{}", d.strftime("%Y%m%d")),
        When::Zoned(z, tzid) => format!(";TZID={tzid}:{}", z.datetime().strftime("%Y%m%dT%H%M%S")),
        When::Utc(t) => format!(":{}", t.strftime("%Y%m%dT%H%M%SZ")),
        When::Floating(dt) => format!(":{}", dt.strftime("%Y%m%dT%H%M%S")),
    };
    if e.occurrence {
        out.line(&format!("RECURRENCE-ID{start}"));
    }
    out.line(&format!("DTSTART{start}"));
    if let When::AllDay(d) = &e.when {
        if let Ok(next) = d.tomorrow() {
            out.line(&format!("DTEND;VALUE=DATE:{}", next.strftime("%Y%m%d")));
        }
    }
    if let Some(dur) = e.duration.as_ref().filter(|_| !matches!(e.when, When::AllDay(_))) {
        out.line(&format!("DURATION:{dur}"));
    }
    if let Some(r) = &e.rule {
        out.line(&format!("RRULE:{}", r.render(matches!(e.when, When::AllDay(_)))));
    }
    out.line(&format!("SUMMARY:{}", escape(&e.summary)));
    out.line(&format!("DESCRIPTION:{}", escape(&e.description)));
    out.line("END:VEVENT");
}

/// A recurrence of the document that emits a recurring event.
struct Recurring<'a> {
    uid: String,
    schedule: &'a Schedule,
    duration: Option<&'a str>,
    /// Where the text states it (bytes), and its sentence.
    span: (usize, usize),
    sentence: (usize, usize),
    summary: String,
    description: String,
}

fn collect(d: &CalendarDoc<'_>, options: Options, events: &mut Vec<Event>) {
    let a = d.analysis;
    let by_tid: HashMap<&str, &Timex> = a.timexes.iter().map(|t| (t.tid.as_str(), t)).collect();
    let timed = |t: &Timex| t.typ == TimexType::Time && t.range.as_ref().is_some_and(|r| matches!(r.grain, "second" | "minute" | "hour"));
    // "every day at 7 a.m. and 3:30 p.m.": a schedule of several clock times is
    // a recurring event per time, each by its own rule (the group's rule
    // holds one of them only)
    let timed_rule: BTreeSet<&str> = a.timexes.iter().filter(|t| t.schedule.as_ref().is_some_and(|s| s.timed())).map(|t| t.tid.as_str()).collect();
    let several = |g: &Group| g.rrule.is_some() && g.tids.iter().filter(|t| timed_rule.contains(t.as_str())).nth(1).is_some();
    // (the clock time occurrences end at carries the rule too, but starts nothing)
    let in_recurrence: BTreeSet<&str> = a
        .groups
        .iter()
        .filter(|g| g.rrule.is_some())
        .flat_map(|g| {
            let (apart, timed_rule) = (several(g), &timed_rule);
            g.tids.iter().filter(move |t| !(apart && timed_rule.contains(t.as_str()))).chain(&g.ends).map(String::as_str)
        })
        .collect();
    // "from 9 a.m. to 5 p.m. on Monday": one event from the first time, lasting the range
    let timed_range = |g: &&Group| {
        g.kind == LinkKind::Range
            && g.duration.is_some()
            && g.tids.len() == 2
            && g.tids.iter().all(|tid| by_tid.get(tid.as_str()).is_some_and(|t| timed(t)))
    };
    let range_end: HashMap<&str, &str> = a.groups.iter().filter(timed_range).map(|g| (g.tids[0].as_str(), g.tids[1].as_str())).collect();
    let range_length: HashMap<&str, &str> =
        a.groups.iter().filter(timed_range).filter_map(|g| Some((g.tids[0].as_str(), g.duration.as_deref()?))).collect();
    // "6:39 a.m. (2139 GMT)": one instant, one event, from the reading with a zone
    let zoned = |tid: &str| by_tid.get(tid).is_some_and(|t| t.tzid.is_some());
    let other_reading: BTreeSet<&str> = a
        .groups
        .iter()
        .filter(|g| g.kind == LinkKind::Equivalent)
        .flat_map(|g| {
            let keep = g.tids.iter().position(|t| zoned(t)).unwrap_or(0);
            g.tids.iter().enumerate().filter(move |&(i, _)| i != keep).map(|(_, t)| t.as_str())
        })
        .collect();
    // "on Friday, April 25, at 12 am KST": the day a clock time sits on is
    // the timed event's day, no event of its own; so is that day written again
    // ("decided on Saturday ... the final starts at 7 p.m. on Saturday")
    let sits_on = a.timexes.iter().filter(|t| timed(t) && t.day_from.is_some());
    let has_time: BTreeSet<&str> = sits_on.clone().filter_map(|t| t.day_from.as_deref()).collect();
    let timed_days: BTreeSet<Date> = sits_on.filter_map(|t| Some(t.range.as_ref()?.bounds.0.civil().date())).collect();
    // the recurring events, which the days they hold join
    let mut recurring: Vec<Recurring<'_>> = Vec::new();
    // (a schedule restated in another zone is the same schedule: "every Saturday at
    // 10 a.m. KST, which puts them at 9 p.m. ET")
    for t in a.timexes.iter().filter(|t| !in_recurrence.contains(t.tid.as_str()) && !other_reading.contains(t.tid.as_str())) {
        if let Some(s) = &t.schedule {
            recurring.push(Recurring {
                uid: uid(d.id, &t.tid, &t.value),
                schedule: s,
                duration: None,
                span: (t.byte_start, t.byte_end),
                sentence: sentence_bounds(d.text, t.byte_start, t.byte_end),
                summary: sentence(d.text, t.byte_start, t.byte_end),
                description: format!("{} \u{2014} TIMEX3 {} {} ({})", t.text, t.typ.as_str(), t.value, d.id),
            });
        }
    }
    for g in &a.groups {
        let (Some(s), Some(rule)) = (&g.schedule, &g.rrule) else { continue };
        if g.tids.iter().any(|t| other_reading.contains(t.as_str())) || several(g) {
            continue;
        }
        // (from the first member in the text to the last: a clock time may
        // be written before its recurrence, "at 7 p.m. every evening")
        let members = g.tids.iter().filter_map(|t| by_tid.get(t.as_str()));
        let Some((start, end)) = members.fold(None, |se: Option<(usize, usize)>, t| {
            Some(se.map_or((t.byte_start, t.byte_end), |(s, e)| (s.min(t.byte_start), e.max(t.byte_end))))
        }) else {
            continue;
        };
        let text = d.text.get(start..end).unwrap_or_default();
        recurring.push(Recurring {
            uid: uid(d.id, &g.tids.join(","), rule),
            schedule: s,
            duration: g.duration.as_deref(),
            span: (start, end),
            sentence: sentence_bounds(d.text, start, end),
            summary: sentence(d.text, start, end),
            description: format!("{text} \u{2014} {} ({})", g.tids.join(" "), d.id),
        });
    }
    // an event that ends before the DCT is past (a day ends with itself)
    let keep = |end: Option<End>| options.include_past || d.dct.is_none_or(|dct| end.is_none_or(|e| !e.before(dct)));
    let mut restated: BTreeSet<(String, Date)> = BTreeSet::new();
    let range_ends: BTreeSet<&str> = range_end.values().copied().collect();
    let blanks = BlankLines::new(d.text);
    for t in &a.timexes {
        if range_ends.contains(t.tid.as_str()) {
            continue; // the end of a timed range: the event of its start lasts until it
        }
        if other_reading.contains(t.tid.as_str()) {
            continue; // the same instant read in another zone
        }
        let Some(range) = &t.range else { continue };
        let summary = sentence(d.text, t.byte_start, t.byte_end);
        let description = format!("{} \u{2014} TIMEX3 {} {} ({})", t.text, t.typ.as_str(), t.value, d.id);
        let mut event = Event {
            uid: uid(d.id, &t.tid, &t.value),
            when: When::AllDay(range.bounds.0.civil().date()),
            rule: None,
            occurrence: false,
            duration: None,
            summary,
            description,
        };
        match (t.typ, range.grain) {
            (TimexType::Date, "day") => {
                let day = range.bounds.0.civil().date();
                if has_time.contains(t.tid.as_str()) || timed_days.contains(&day) {
                    continue;
                }
                // "new episodes every Saturday at 9:10 pm ... episode 5 airs on April 23":
                // a day a schedule of its paragraph holds is at the schedule's clock time,
                // one of its occurrences once the recurring event has begun
                let nearest = recurring
                    .iter()
                    .filter(|r| !blanks.between(r.span, (t.byte_start, t.byte_end)) && r.schedule.covers(day))
                    .min_by_key(|r| r.span.0.abs_diff(t.byte_start));
                if let Some((r, start)) = nearest.and_then(|r| Some((r, r.schedule.dtstart?))) {
                    // a day in the schedule's own sentence states the schedule ("every
                    // day at 04:00 starting Oct. 14", "through Dec. 26"): its occurrence
                    // is the recurring event's already
                    if (r.sentence.0..r.sentence.1).contains(&t.byte_start) {
                        continue;
                    }
                    let Some(when) = at(day.to_datetime(start.time()), r.schedule) else { continue };
                    event.occurrence = day >= start.date();
                    if event.occurrence && !restated.insert((r.uid.clone(), day)) {
                        continue; // the same occurrence restated again
                    }
                    if event.occurrence {
                        event.uid = r.uid.clone();
                    }
                    event.when = when;
                    event.duration = r.duration.map(str::to_string);
                }
                if keep(Some(event.when.end())) {
                    events.push(event);
                }
            }
            (TimexType::Time, "second" | "minute" | "hour") => {
                event.when = match (&range.bounds.0, &t.tzid) {
                    (At::Zoned(z), Some(tzid)) => When::Zoned(z.clone(), tzid.clone()),
                    (At::Zoned(z), None) => When::Utc(z.timestamp()),
                    (At::Civil(dt), _) => When::Floating(*dt),
                };
                event.duration = range_length.get(t.tid.as_str()).map(|d| d.to_string());
                // (a timed range ends at its end)
                let end = range_end.get(t.tid.as_str()).and_then(|e| by_tid.get(e)).and_then(|e| e.range.as_ref()).map(|r| match &r.bounds.0 {
                    At::Zoned(z) => End::At(z.timestamp()),
                    At::Civil(dt) => End::Day(dt.date()),
                });
                if keep(Some(event.when.end())) || keep(end) {
                    events.push(event);
                }
            }
            _ => {}
        }
    }
    for r in &recurring {
        let Some(when) = r.schedule.dtstart.and_then(|s| at(s, r.schedule)) else { continue };
        // a recurrence is past once its last day is
        if !keep(r.schedule.rule.until.map(|u| match u {
            Until::Utc(t) => End::At(t),
            Until::Local(dt) => End::Day(dt.date()),
        })) {
            continue;
        }
        events.push(Event {
            uid: r.uid.clone(),
            when,
            rule: Some(r.schedule.rule.clone()),
            occurrence: false,
            duration: r.duration.map(str::to_string),
            summary: r.summary.clone(),
            description: r.description.clone(),
        });
    }
}

/// A stable UID from the document and what the event stands for.
fn uid(doc: &str, what: &str, value: &str) -> String {
    format!("{:016x}@dateline", fnv1a(&[doc, what, value]))
}

/// The blank lines of a text (paragraph breaks), to tell in one binary
/// search whether one lies between two spans: each is the byte of the line
/// break before it and of the one after it.
struct BlankLines(Vec<(usize, usize)>);

impl BlankLines {
    fn new(text: &str) -> BlankLines {
        let mut blanks = Vec::new();
        let mut last: Option<usize> = None;
        for (k, _) in text.match_indices('\n') {
            if let Some(p) = last.filter(|&p| text[p + 1..k].trim().is_empty()) {
                blanks.push((p, k));
            }
            last = Some(k);
        }
        BlankLines(blanks)
    }

    /// Whether a blank line lies between spans `a` and `b` (its line breaks
    /// between the end of the first and the start of the second).
    fn between(&self, a: (usize, usize), b: (usize, usize)) -> bool {
        let (from, to) = if a.0 <= b.0 { (a.1, b.0) } else { (b.1, a.0) };
        let (from, to) = (from.min(to), to.max(from));
        let k = self.0.partition_point(|&(p, _)| p < from);
        self.0.get(k).is_some_and(|&(_, q)| q < to)
    }
}

/// An occurrence of a schedule at the local date-time `local`: in its zone
/// when it has one, or, for a rule of whole days with no clock time ("every
/// Saturday", "the 15th of every month"), the day itself, so that calendars
/// show an all-day event.
fn at(local: DateTime, s: &Schedule) -> Option<When> {
    if !s.timed() {
        return Some(When::AllDay(local.date()));
    }
    Some(match &s.zone {
        Some((tz, name)) => When::Zoned(local.to_zoned(tz.clone()).ok()?, name.clone()),
        None => When::Floating(local),
    })
}

/// The sentence around bytes `[start, end)` of `text`, trimmed to a readable length.
fn sentence(text: &str, start: usize, end: usize) -> String {
    let (from, to) = sentence_bounds(text, start, end);
    let s: String = text[from..to].split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= ICAL_SENTENCE_CHARS {
        s
    } else {
        let cut: String = s.chars().take(ICAL_SENTENCE_CHARS - 1).collect();
        format!("{}\u{2026}", cut.trim_end())
    }
}

/// The bytes of the sentence around bytes `[start, end)` of `text`.
fn sentence_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let mut lo = start.saturating_sub(ICAL_SENTENCE_WINDOW);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (end + ICAL_SENTENCE_WINDOW).min(text.len());
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
    (from, to)
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

/// RFC 5545 TEXT escaping. A control character other than a tab or a line
/// feed, which TEXT does not allow, becomes a space.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_ascii_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
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
        ics_with(text, dct, Options::default())
    }

    fn ics_with(text: &str, dct: &str, options: Options) -> String {
        let a = Tagger::new().tag(&Document::new(text).with_dct(dct.parse().unwrap()));
        calendar_with(&[CalendarDoc { id: "doc", text, dct: dct.parse().ok(), analysis: &a }], options)
    }

    #[test]
    fn a_clock_time_written_before_its_recurrence_is_in_its_summary() {
        // (found by fuzzing: the span ran from the recurrence to the clock
        // time before it, backwards, and slicing the sentence panicked)
        // (a paragraph between them now parts them: the one line keeps the case)
        let out = ics("Doors open at midnight yearly.", "2022-04-19");
        assert!(out.contains("RRULE:FREQ=YEARLY"), "{out}");
        assert!(out.contains("DESCRIPTION:midnight yearly"), "{out}");
        let out = ics("Doors open at midnight\n\nyearly.", "2022-04-19");
        assert!(!out.contains("BYHOUR=0"), "{out}");
        let out = ics("The bell rings at 7:00 p.m. every evening.", "2022-04-19");
        assert!(out.contains("SUMMARY:The bell rings at 7:00 p.m. every evening."), "{out}");
    }

    #[test]
    fn text_is_escaped_and_control_characters_become_spaces() {
        assert_eq!(escape("a\u{1}b\r\n;c,\\d\te\u{7f}"), "a b \\n\\;c\\,\\\\d\te ");
        let out = ics("The show\u{7} opens on June 9 at 6 pm BST.", "2023-03-14");
        assert!(out.contains("SUMMARY:The show  opens on June 9 at 6 pm BST.\r\n"), "{out}");
        assert!(!out.bytes().any(|b| b.is_ascii_control() && b != b'\r' && b != b'\n'), "{out}");
    }

    #[test]
    fn events_for_days_times_and_recurrences() {
        let out = ics("The OST drops on April 25 at 12 am KST. New episodes air every Saturday and Sunday at 9:10 pm KST.", "2022-04-19");
        // the day of "April 25 at 12 am KST" is the timed event's, not an all-day one
        assert!(!out.contains("VALUE=DATE"), "{out}");
        assert!(out.contains("DTSTART;TZID=Asia/Seoul:20220425T000000\r\n"), "{out}");
        assert!(out.contains("DTSTART;TZID=Asia/Seoul:20220423T211000\r\nRRULE:FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=21;BYMINUTE=10\r\n"), "{out}");
        assert!(out.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul\r\n"), "{out}");
        assert!(out.contains("SUMMARY:The OST drops on April 25 at 12 am KST.\r\n"), "{out}");
        assert!(out.contains("DTSTAMP:20220419T000000Z"));
        assert_eq!(out.matches("BEGIN:VEVENT").count(), 2);
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
    fn a_schedule_restated_in_another_zone_is_one_event() {
        // the Seoul schedule, and nothing more for its New York reading
        holds(
            "SEOUL — New episodes stream every Saturday at 10 a.m. KST from July 9, which puts them at 9 p.m. ET.",
            "DTSTART;TZID=Asia/Seoul:20220709T100000\r\nRRULE:FREQ=WEEKLY;BYDAY=SA;BYHOUR=10;BYMINUTE=0\r\n",
            1,
        );
        // ("the same time" in another sentence, too)
        holds("CHICAGO — The call-in show airs weekdays at 8 a.m. CST starting Monday, July 4. That is 9 a.m. ET.", "TZID=America/Chicago", 1);
    }

    #[test]
    fn a_schedule_of_several_clock_times_is_an_event_per_time() {
        // (the group's rule holds the last time only: the 7 a.m. train was lost)
        let text = "Trains will leave every day at 7 a.m. and 3:30 p.m. ET.";
        holds(text, "DTSTART;TZID=America/New_York:20220701T070000\r\nRRULE:FREQ=DAILY;BYHOUR=7;BYMINUTE=0\r\n", 2);
        holds(text, "DTSTART;TZID=America/New_York:20220701T153000\r\nRRULE:FREQ=DAILY;BYHOUR=15;BYMINUTE=30\r\n", 2);
        // (a window's end starts nothing: one event, lasting the window)
        holds("The market opens every Saturday from 7 a.m. to 1 p.m.", "DURATION:PT6H", 1);
        // (nor does a closing time joined to the opening one by its verb)
        holds("Doors open at 11 a.m. and close at 9 p.m. from Thursday to Saturday.", "DURATION:PT10H", 1);
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
        // a range of times on a day is one event, the day's
        holds(
            "The store is open from 9 a.m. to 5 p.m. ET on Monday, July 4.",
            "DTSTART;TZID=America/New_York:20220704T090000\r\nDURATION:PT8H\r\n",
            1,
        );
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
    fn a_day_and_its_clock_time_are_one_event() {
        let out = ics("The OST drops on Monday, April 25, at 12 am KST. The festival opens on April 30.", "2022-04-19");
        assert!(out.contains("DTSTART;TZID=Asia/Seoul:20220425T000000\r\n"), "{out}");
        assert!(!out.contains("DTSTART;VALUE=DATE:20220425"), "{out}");
        // a day with no clock time stays an all-day event
        assert!(out.contains("DTSTART;VALUE=DATE:20220430\r\n"), "{out}");
        assert_eq!(out.matches("BEGIN:VEVENT").count(), 2, "{out}");
        // a broadcast hour past 24 is the next morning's, and still the one event of its day
        let out = ics("The anime premieres on Thursday, Oct. 6, at 25:45 JST.", "2022-10-01");
        assert!(out.contains("DTSTART;TZID=Asia/Tokyo:20221007T014500\r\n"), "{out}");
        assert_eq!(out.matches("BEGIN:VEVENT").count(), 1, "{out}");
        // one instant written in two zones on a day: one event
        let out = ics("The match starts at 8 p.m. ET, which is 5 p.m. PT, on Saturday, July 9.", "2022-07-01");
        assert!(out.contains("DTSTART;TZID=America/New_York:20220709T200000\r\n"), "{out}");
        assert_eq!(out.matches("BEGIN:VEVENT").count(), 1, "{out}");
    }

    #[test]
    fn days_a_schedule_holds_take_its_clock_time() {
        // the listed days are occurrences of the weekly slot: the recurring
        // event's, restated (RECURRENCE-ID) with their own sentence
        let text = "New episodes air every Saturday and Sunday at 9:10 pm KST. Episodes 5 and 6 air on April 23 and 24. A special airs on April 27.";
        let out = ics(text, "2022-04-19");
        let rule = "DTSTART;TZID=Asia/Seoul:20220423T211000\r\nRRULE:FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=21;BYMINUTE=10\r\n";
        assert!(out.contains(rule), "{out}");
        for day in ["20220423", "20220424"] {
            let occurrence =
                format!("RECURRENCE-ID;TZID=Asia/Seoul:{day}T211000\r\nDTSTART;TZID=Asia/Seoul:{day}T211000\r\nSUMMARY:Episodes 5 and 6");
            assert!(out.contains(&occurrence), "{out}");
            assert!(!out.contains(&format!("VALUE=DATE:{day}")), "{out}");
        }
        // the occurrences share the recurring event's UID
        let uid = out.split("\r\n").filter(|l| l.starts_with("UID:")).collect::<Vec<_>>();
        assert_eq!((uid[0], uid[1]), (uid[3], uid[3]), "{out}");
        // a Wednesday is not on the pattern: an all-day event
        assert!(out.contains("DTSTART;VALUE=DATE:20220427\r\n"), "{out}");
        assert_eq!(out.matches("BEGIN:VEVENT").count(), 4, "{out}");
    }

    #[test]
    fn a_schedule_holds_only_the_days_within_its_bounds() {
        // every other Saturday from April 23 until May 31 (six weeks from the DCT):
        // May 7 and 21 are occurrences, May 14 is the week between, June 4 after the end
        let text = "The show airs every other Saturday at 9 p.m. ET for six weeks. Episode 2 airs on May 7. Episode 3 airs on May 14. \
                    The finale airs on May 21. A recap airs on June 4.";
        let out = ics(text, "2022-04-19");
        assert!(out.contains("RECURRENCE-ID;TZID=America/New_York:20220507T210000\r\n"), "{out}");
        assert!(out.contains("RECURRENCE-ID;TZID=America/New_York:20220521T210000\r\n"), "{out}");
        assert!(out.contains("DTSTART;VALUE=DATE:20220514\r\n"), "{out}");
        assert!(out.contains("DTSTART;VALUE=DATE:20220604\r\n"), "{out}");
        // four Saturdays from April 23 (COUNT=4): May 14 is the last, May 21 is not one
        let out = ics("The show airs every Saturday at 9 p.m. ET for four weeks. Episode 4 airs on May 14. A recap airs on May 21.", "2022-04-19");
        assert!(out.contains("RRULE:FREQ=WEEKLY;BYDAY=SA;BYHOUR=21;BYMINUTE=0;COUNT=4\r\n"), "{out}");
        assert!(out.contains("RECURRENCE-ID;TZID=America/New_York:20220514T210000\r\n"), "{out}");
        assert!(out.contains("DTSTART;VALUE=DATE:20220521\r\n"), "{out}");
        // a day after UNTIL; and the end day in the schedule's own sentence is its last
        // occurrence already, no event of its own
        let out = ics("The show airs every Saturday at 9 p.m. ET through May 14. The reunion special airs on Saturday, May 21.", "2022-04-19");
        assert!(out.contains("DTSTART;VALUE=DATE:20220521\r\n"), "{out}");
        assert!(!out.contains("20220514T210000\r\n"), "{out}");
        assert_eq!(out.matches("BEGIN:VEVENT").count(), 2, "{out}");
        // an occurrence keeps the length of the schedule's
        let out = ics("The club meets every Saturday from 7 to 9 p.m. ET. The next meeting is on April 30.", "2022-04-19");
        assert!(
            out.contains("RECURRENCE-ID;TZID=America/New_York:20220430T190000\r\nDTSTART;TZID=America/New_York:20220430T190000\r\nDURATION:PT2H\r\n"),
            "{out}"
        );
        // a schedule speaks for its paragraph
        let out = ics("New episodes air every Saturday at 9 p.m. ET.\n\nThe cast will meet fans on Saturday, April 30.", "2022-04-19");
        assert!(out.contains("DTSTART;VALUE=DATE:20220430\r\n"), "{out}");
        assert!(!out.contains("RECURRENCE-ID"), "{out}");
    }

    #[test]
    fn past_events_leave_the_calendar_unless_asked_for() {
        let text = "The album came out on March 4. The tour opens on May 20.";
        let out = ics(text, "2022-04-19");
        assert!(!out.contains("20220304"), "{out}");
        assert!(out.contains("DTSTART;VALUE=DATE:20220520\r\n"), "{out}");
        let all = ics_with(text, "2022-04-19", Options { include_past: true });
        assert!(all.contains("DTSTART;VALUE=DATE:20220304\r\n"), "{all}");
        assert_eq!(all.matches("BEGIN:VEVENT").count(), 2, "{all}");
        // a day of the DCT is not past
        assert!(ics("The deal was signed on April 19.", "2022-04-19").contains("DTSTART;VALUE=DATE:20220419\r\n"));
        // a past day on a schedule's pattern is at its clock time, an event of its own
        // (the recurring event starts after it)
        let text = "New episodes air every Saturday at 9 p.m. ET. The premiere aired on Saturday, April 9.";
        assert_eq!(ics(text, "2022-04-19").matches("BEGIN:VEVENT").count(), 1);
        let all = ics_with(text, "2022-04-19", Options { include_past: true });
        assert!(all.contains("DTSTART;TZID=America/New_York:20220409T210000\r\nSUMMARY:The premiere"), "{all}");
        assert!(!all.contains("RECURRENCE-ID"), "{all}");
        // a recurrence that ended before the DCT
        let text = "The market opened every Saturday at 9 a.m. ET through March 26.";
        assert_eq!(ics(text, "2022-04-19").matches("BEGIN:VEVENT").count(), 0);
        // without a DCT nothing is past
        let a = Tagger::new().tag(&Document::new("The album came out on March 4, 2022."));
        let out = calendar(&[CalendarDoc { id: "doc", text: "The album came out on March 4, 2022.", dct: None, analysis: &a }]);
        assert!(out.contains("DTSTART;VALUE=DATE:20220304\r\n"), "{out}");
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
