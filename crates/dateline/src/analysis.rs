//! What tagging hands out: the document going in, and the [`Analysis`]
//! coming out — TIMEX3 records with their instants and ranges, and the
//! groups (ranges, lists, recurrences) that link them. All of it serialises
//! with serde, which is how the JSON output is made.

use jiff::civil::Date;
use serde::Serialize;

use crate::grammar::LinkKind;
use crate::value::TimexType;

/// A document to tag: its text and, optionally, its creation time.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    /// The text to analyse. Offsets in the output index this string.
    pub text: &'a str,
    /// The document creation time, which anchors relative expressions.
    pub dct: Option<Date>,
    /// An IANA zone for the clock times this document leaves bare (overrides
    /// the tagger's default zone; an unknown name is ignored).
    pub zone: Option<&'a str>,
    /// The reference instant with its zone, when the document gives more
    /// than a date: "in 2 hours", "15 minutes ago" count from it, and its
    /// zone is that of the clock times the text leaves bare (unless `zone`
    /// names another). `dct` is its date.
    pub reference: Option<jiff::Zoned>,
    /// Which way a date the text leaves open lies ("monday", "march 3"):
    /// by the tense of its sentence, as news is read (the default), or
    /// always ahead or always behind the reference.
    pub prefer: Prefer,
}

/// Which way a date the text leaves open lies from the reference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Prefer {
    /// By the tense cues of its sentence: "said Monday" is the last one,
    /// "will meet Monday" the next (news, the default).
    #[default]
    Tense,
    /// Always the next one: what an assistant or a scheduler means ("remind
    /// me monday").
    Future,
    /// Always the last one: logs and diaries.
    Past,
}

impl<'a> Document<'a> {
    /// A document without a creation time.
    pub fn new(text: &'a str) -> Document<'a> {
        Document { text, dct: None, zone: None, reference: None, prefer: Prefer::Tense }
    }

    /// Sets the zone of the clock times the text leaves bare.
    pub fn with_zone(mut self, iana: &'a str) -> Document<'a> {
        self.zone = Some(iana);
        self
    }

    /// Sets the document creation time.
    pub fn with_dct(mut self, dct: Date) -> Document<'a> {
        self.dct = Some(dct);
        self
    }

    /// Sets which way a date the text leaves open lies.
    ///
    /// ```
    /// use dateline::{Document, Prefer, Tagger};
    /// let doc = Document::new("They met Monday.").with_dct("2013-02-12".parse().unwrap());
    /// assert_eq!(Tagger::new().tag(&doc).timexes[0].value, "2013-02-11");
    /// let ahead = doc.with_prefer(Prefer::Future);
    /// assert_eq!(Tagger::new().tag(&ahead).timexes[0].value, "2013-02-18");
    /// ```
    pub fn with_prefer(mut self, prefer: Prefer) -> Document<'a> {
        self.prefer = prefer;
        self
    }

    /// Sets the reference instant, with its zone: the DCT becomes its date
    /// in that zone, sub-day shifts count from it, and bare clock times are
    /// read in its zone.
    ///
    /// ```
    /// use dateline::{Document, Tagger};
    /// let now: jiff::Zoned = "2013-02-12T04:30:00-02:00[America/Sao_Paulo]".parse().unwrap();
    /// let a = Tagger::new().tag(&Document::new("Call me in 2 hours.").with_reference(now));
    /// assert_eq!(a.timexes[0].value, "2013-02-12T06:30");
    /// assert_eq!(a.timexes[0].utc.as_deref(), Some("2013-02-12T08:30:00Z"));
    /// ```
    pub fn with_reference(mut self, now: jiff::Zoned) -> Document<'a> {
        self.dct = Some(now.date());
        self.reference = Some(now);
        self
    }
}

/// One temporal expression, as TimeML's TIMEX3 describes it, plus the exact
/// instant and zone where the text gives them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timex {
    /// Identifier, `t1`, `t2`, ... in text order (`t0` is the DCT in TimeML).
    pub tid: String,
    /// Unicode code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// UTF-8 byte offset of the first byte.
    pub byte_start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub byte_end: usize,
    /// The text of the extent.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub typ: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 mod (START, END, APPROX, ...).
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<&'static str>,
    /// TIMEX3 quant for sets (EVERY, EACH).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quant: Option<&'static str>,
    /// TIMEX3 freq for sets ("2X").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    /// The tid the value was computed from (`t0` for the DCT).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// The instant in UTC (RFC 3339), for clock times in a known zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utc: Option<String>,
    /// The IANA zone of the clock time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tzid: Option<String>,
    /// How the zone was read, when that needs saying ("EST" in July).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone_note: Option<String>,
    /// Where the zone of the instant came from: `written` with the time,
    /// `paired` from the same instant in another zone, a `place` of its
    /// sentence, the `document`'s dateline or zone, the caller's zone for
    /// the document (`cli`), or the tagger's `default`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone_source: Option<crate::discourse::ZoneSource>,
    /// The tid of the expression that gave this one its day, when another
    /// did ("at 3 p.m." after "on Sunday, June 8").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_from: Option<String>,
    /// The interval the expression covers (end exclusive): RFC 9557 with the
    /// zone when it is known, a civil date-time otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<TimeRange>,
    /// The same interval in the reader's zone (see [`crate::TaggerBuilder::reader_zone`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_reader: Option<TimeRange>,
    /// RFC 5545 recurrence rule for a set that is regular enough.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rrule: Option<String>,
    /// First occurrence of the recurrence, as a local date-time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dtstart: Option<String>,
    /// The recurrence typed, for the calendar (`rrule`, `dtstart` and `tzid`
    /// are its rendering).
    /// (Boxed, as most timexes have none: a timex is kept small, since a
    /// piece of dense text holds tens of thousands.)
    #[serde(skip)]
    pub(crate) schedule: Option<Box<crate::recur::Schedule>>,
    /// `utc` typed (the string is its rendering).
    #[serde(skip)]
    pub(crate) instant: Option<jiff::Timestamp>,
}

impl Timex {
    /// The instant in UTC, typed: what `utc` writes, for front ends that
    /// hand out their own date-time values without parsing `utc` again.
    ///
    /// ```
    /// use dateline::{Document, Tagger};
    /// let dct = "2022-04-19".parse().unwrap();
    /// let a = Tagger::new().tag(&Document::new("at 12 am KST on April 25").with_dct(dct));
    /// let t = &a.timexes[0];
    /// assert_eq!(t.instant().map(|i| i.to_string()), t.utc.clone());
    /// assert_eq!(t.instant().map(|i| i.as_second()), Some(1_650_812_400));
    /// ```
    pub fn instant(&self) -> Option<jiff::Timestamp> {
        self.instant
    }
}

/// An interval of time: start inclusive, end exclusive, and its grain.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimeRange {
    /// First instant (`2022-04-25T00:00:00+09:00[Asia/Seoul]`, or civil `2022-04-25T00:00:00`).
    pub start: String,
    /// First instant after the interval.
    pub end: String,
    /// The unit the expression is precise to: second, minute, hour, day, week, month, quarter, year, decade, century;
    /// or part-of-day for the hours a part of a day covers ("this evening", 18:00 to midnight).
    pub grain: &'static str,
    /// `start` and `end` typed, for the calendar (the strings are their rendering).
    #[serde(skip)]
    pub(crate) bounds: (At, At),
}

/// An instant of a [`TimeRange`], typed: in its zone when the zone is known,
/// a civil date-time otherwise.
#[derive(Clone, Debug, PartialEq)]
pub enum At {
    /// An instant in its zone (an IANA zone, or a fixed offset).
    Zoned(jiff::Zoned),
    /// A wall time in no known zone.
    Civil(jiff::civil::DateTime),
}

impl At {
    /// The local date-time, whatever the zone.
    pub(crate) fn civil(&self) -> jiff::civil::DateTime {
        match self {
            At::Zoned(z) => z.datetime(),
            At::Civil(dt) => *dt,
        }
    }

    /// The instant in `tz` (a civil date-time is a wall time there).
    fn in_zone(&self, tz: &jiff::tz::TimeZone) -> Result<jiff::Zoned, jiff::Error> {
        match self {
            At::Zoned(z) => Ok(z.with_time_zone(tz.clone())),
            At::Civil(dt) => dt.to_zoned(tz.clone()),
        }
    }
}

impl TimeRange {
    /// The first instant in `tz`: a zoned start converted to it, a civil one
    /// (no zone known) taken as a wall time there. For callers that answer
    /// in one zone (the Duckling-compatible endpoint), without parsing
    /// `start` again.
    ///
    /// # Errors
    /// When the instant lies outside the range jiff can represent in `tz`.
    pub fn start_in(&self, tz: &jiff::tz::TimeZone) -> Result<jiff::Zoned, jiff::Error> {
        self.bounds.0.in_zone(tz)
    }

    /// The first instant after the interval in `tz`, as [`TimeRange::start_in`].
    ///
    /// # Errors
    /// As [`TimeRange::start_in`].
    pub fn end_in(&self, tz: &jiff::tz::TimeZone) -> Result<jiff::Zoned, jiff::Error> {
        self.bounds.1.in_zone(tz)
    }

    /// `start` and `end` typed (the strings are their rendering), for front
    /// ends that hand out their own date-time values without parsing the
    /// strings again.
    ///
    /// ```
    /// use dateline::{At, Document, Tagger};
    /// let dct = "2022-04-19".parse().unwrap();
    /// let a = Tagger::new().tag(&Document::new("on April 25").with_dct(dct));
    /// let (start, _) = a.timexes[0].range.as_ref().unwrap().bounds();
    /// assert_eq!(start, &At::Civil(jiff::civil::date(2022, 4, 25).at(0, 0, 0, 0)));
    /// ```
    pub fn bounds(&self) -> (&At, &At) {
        (&self.bounds.0, &self.bounds.1)
    }

    /// A range from `start` to `end`, rendered as RFC 9557 strings.
    pub(crate) fn zoned(start: jiff::Zoned, end: jiff::Zoned, grain: &'static str) -> TimeRange {
        TimeRange { start: start.to_string(), end: end.to_string(), grain, bounds: (At::Zoned(start), At::Zoned(end)) }
    }

    /// A range of civil date-times (no zone known).
    pub(crate) fn civil(start: jiff::civil::DateTime, end: jiff::civil::DateTime, grain: &'static str) -> TimeRange {
        TimeRange { start: civil_text(start), end: civil_text(end), grain, bounds: (At::Civil(start), At::Civil(end)) }
    }
}

/// A civil date-time as the output writes it, `2022-04-23T21:10:00`: ISO
/// 8601, with a year before 0 or after 9999 in its expanded form
/// (`-000050-01-01T00:00:00`), which `%Y` would write as `-050`.
pub(crate) fn civil_text(dt: jiff::civil::DateTime) -> String {
    let digit = |n: i8| b'0' + n.unsigned_abs() % 10;
    let year = dt.year();
    if (0..=9999).contains(&year) {
        let y = year.unsigned_abs();
        let [c, d] = [(y / 100) as i8, (y % 100) as i8];
        let (mo, da, h, mi, se) = (dt.month(), dt.day(), dt.hour(), dt.minute(), dt.second());
        let text = [
            digit(c / 10),
            digit(c),
            digit(d / 10),
            digit(d),
            b'-',
            digit(mo / 10),
            digit(mo),
            b'-',
            digit(da / 10),
            digit(da),
            b'T',
            digit(h / 10),
            digit(h),
            b':',
            digit(mi / 10),
            digit(mi),
            b':',
            digit(se / 10),
            digit(se),
        ];
        return String::from_utf8(text.to_vec()).unwrap_or_default();
    }
    // (a year before 0 or after 9999: the expanded form)
    dt.to_string()
}

/// Expressions that belong together: a range, a list or a recurrence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// The relation.
    pub kind: LinkKind,
    /// The member timexes, in text order, except that a recurrence lists
    /// its set before a clock time written ahead of it ("at 7 p.m. every
    /// evening").
    pub tids: Vec<String>,
    /// RFC 5545 recurrence rule (recurrences), without the `RRULE:` prefix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rrule: Option<String>,
    /// IANA zone of the recurrence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tzid: Option<String>,
    /// First occurrence on or after the DCT, as a local date-time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dtstart: Option<String>,
    /// First occurrence in RFC 9557 form, with offset and zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// For a range: its length as a TIMEX3 DURATION value, counting both ends
    /// ("May 3-7" is P5D, "from 1998 to 2000" P3Y). TimeML writes it as a
    /// non-consuming DURATION with beginPoint and endPoint. For a recurrence
    /// with an end time ("every Saturday from 7 to 9 p.m."): how long each
    /// occurrence lasts (PT2H), which the calendar writes as its DURATION.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// For a recurrence with an end time: the tid of the clock time each
    /// occurrence ends at ("9 p.m." in "every Saturday from 7 to 9 p.m."),
    /// which carries the same rule at its own time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ends: Option<String>,
    /// The recurrence typed, for the calendar (`rrule`, `dtstart`, `tzid`
    /// and `first` are its rendering).
    #[serde(skip)]
    pub(crate) schedule: Option<crate::recur::Schedule>,
}

/// The result of tagging one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Analysis {
    /// The temporal expressions, in text order, never overlapping.
    pub timexes: Vec<Timex>,
    /// Links between them.
    pub groups: Vec<Group>,
}

#[cfg(test)]
mod tests {
    use super::civil_text;
    use jiff::civil::DateTime;

    #[test]
    fn civil_text_is_iso_8601() {
        // the four-digit years as strftime writes them
        let years = (0..=12).chain(95..=105).chain(990..=1010).chain(1990..=2030).chain(9990..=9999);
        for year in years {
            for (month, day, hour, minute, second) in [(1, 1, 0, 0, 0), (2, 28, 9, 5, 7), (12, 31, 23, 59, 59), (10, 10, 10, 10, 10)] {
                let dt = DateTime::new(year, month, day, hour, minute, second, 0).expect("valid");
                assert_eq!(civil_text(dt), dt.strftime("%Y-%m-%dT%H:%M:%S").to_string());
            }
        }
        // a year before 0 in its expanded form, which strftime would write as "-050"
        let bc = DateTime::new(-50, 1, 1, 0, 0, 0, 0).expect("valid");
        assert_eq!(civil_text(bc), "-000050-01-01T00:00:00");
    }
}
