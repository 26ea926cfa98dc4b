//! Recurrence rules: from the SET expressions of one recurrence ("every
//! Saturday and Sunday at 9:10 pm KST", "daily at 8 am ET through March 31")
//! to an RFC 5545 RRULE with its first occurrence and zone.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::Zoned;

use crate::expr::{Clock, DayIn, Expr};
use crate::resolve::{first_weekday_on_or_after, ical_day};
use crate::tagger::{local, Tagger};
use crate::zones::Zone;

/// How a recurrence ends, as the text states it.
#[derive(Default, Clone, Copy)]
pub(crate) struct End {
    /// Through this day.
    pub(crate) until: Option<Date>,
    /// For this many units from the first occurrence.
    pub(crate) lasting: Option<(u32, crate::expr::Unit)>,
    /// The clock time each day's run of occurrences ends at ("every 15
    /// minutes from 6 a.m. to midnight").
    pub(crate) to_clock: Option<Clock>,
}

/// A recurrence rule and where it starts.
pub(crate) struct Recurrence {
    pub(crate) rule: Rule,
    pub(crate) tzid: Option<String>,
    /// The first occurrence as a local date-time.
    pub(crate) dtstart: Option<DateTime>,
    /// The first occurrence in its zone, when the zone is known.
    pub(crate) first: Option<Zoned>,
}

impl Recurrence {
    /// The typed schedule the calendar renders, starting on the day the
    /// text states (`since`), if it states one.
    pub(crate) fn schedule(&self, since: Option<Date>) -> Schedule {
        Schedule {
            rule: self.rule.clone(),
            dtstart: self.dtstart,
            zone: self.first.as_ref().zip(self.tzid.as_ref()).map(|(z, name)| (z.time_zone().clone(), name.clone())),
            since,
        }
    }
}

/// The typed form of a recurrence, kept beside its rendered strings (the
/// JSON fields `rrule`, `dtstart` and `tzid`) so that the calendar reads the
/// values themselves rather than parsing those strings back.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Schedule {
    pub(crate) rule: Rule,
    /// The first occurrence, as a local date-time.
    pub(crate) dtstart: Option<DateTime>,
    /// The zone the occurrences keep their clock time in, and its IANA name.
    pub(crate) zone: Option<(TimeZone, String)>,
    /// The first day the text states ("starting May 3"), if any: days
    /// before it are outside the schedule.
    pub(crate) since: Option<Date>,
}

impl Schedule {
    /// Whether the schedule fixes a clock time on whole days (a daily or
    /// coarser rule with BYHOUR): its occurrences are timed events.
    pub(crate) fn timed(&self) -> bool {
        !self.rule.by_hour.is_empty() || self.rule.freq.sub_daily()
    }

    /// Whether `day` is a day the schedule holds an occurrence on: a daily
    /// or weekly rule at one clock time, within the days the text bounds it
    /// by (its stated start, UNTIL and COUNT). Other rules cover no day.
    pub(crate) fn covers(&self, day: Date) -> bool {
        let r = &self.rule;
        let Some(start) = self.dtstart.map(|s| s.date()) else { return false };
        if r.by_hour.len() != 1 || !matches!(r.freq, Freq::Daily | Freq::Weekly) {
            return false;
        }
        if self.since.is_some_and(|s| day < s) || r.until.is_some_and(|u| day > u.day) {
            return false;
        }
        if let Some(count) = r.count {
            // the last of `count` occurrences from the first one
            let last = (0..366 * r.interval as i64)
                .filter_map(|k| start.checked_add(jiff::Span::new().days(k)).ok())
                .filter(|d| r.on_pattern(*d, start))
                .nth(count.saturating_sub(1) as usize);
            if last.is_none_or(|l| day > l) || day < start {
                return false;
            }
        }
        r.on_pattern(day, start)
    }
}

/// How often a rule repeats (RFC 5545 FREQ).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Freq {
    Secondly,
    Minutely,
    Hourly,
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

impl Freq {
    fn name(self) -> &'static str {
        match self {
            Freq::Secondly => "SECONDLY",
            Freq::Minutely => "MINUTELY",
            Freq::Hourly => "HOURLY",
            Freq::Daily => "DAILY",
            Freq::Weekly => "WEEKLY",
            Freq::Monthly => "MONTHLY",
            Freq::Yearly => "YEARLY",
        }
    }

    /// Whether the rule repeats within the day (hourly, by the minute or
    /// second): its occurrences are instants, and a clock time starts them
    /// rather than fixing their hour.
    pub(crate) fn sub_daily(self) -> bool {
        matches!(self, Freq::Secondly | Freq::Minutely | Freq::Hourly)
    }
}

/// The part of a rule that picks its days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum By {
    /// Nothing beyond the frequency.
    Nothing,
    /// A month of the year (BYMONTH).
    Month(u8),
    /// Days of the week, ISO numbers (BYDAY=SA,SU).
    Weekdays(Vec<u8>),
    /// The nth weekday of the month (BYDAY=1MO, -1FR).
    NthWeekday(i8, u8),
    /// A day of the month (BYMONTHDAY).
    MonthDay(i32),
    /// A day of the year (BYYEARDAY).
    YearDay(i32),
}

/// The last day of a recurrence ("through March 31"): its last moment is
/// 23:59:59 that day, in UTC when the zone is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Until {
    pub(crate) day: Date,
    pub(crate) utc: Option<jiff::Timestamp>,
}

/// An RFC 5545 recurrence rule, typed; [`Rule::render`] writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rule {
    pub(crate) freq: Freq,
    /// Units between occurrences (1 when the text gives none).
    pub(crate) interval: u32,
    pub(crate) by: By,
    pub(crate) by_hour: Vec<u8>,
    pub(crate) by_minute: Option<u8>,
    pub(crate) count: Option<u32>,
    pub(crate) until: Option<Until>,
}

impl Rule {
    fn new(freq: Freq, interval: u32, by: By) -> Rule {
        Rule { freq, interval, by, by_hour: Vec::new(), by_minute: None, count: None, until: None }
    }

    /// The RRULE value (without the `RRULE:` prefix). A rule whose start is
    /// a whole day (`all_day`) ends on a day too, since RFC 5545 wants UNTIL
    /// of the DTSTART's type: "UNTIL=20220331" rather than
    /// "UNTIL=20220331T235959".
    pub(crate) fn render(&self, all_day: bool) -> String {
        let mut s = format!("FREQ={}", self.freq.name());
        if self.interval > 1 {
            s.push_str(&format!(";INTERVAL={}", self.interval));
        }
        match &self.by {
            By::Nothing => {}
            By::Month(m) => s.push_str(&format!(";BYMONTH={m}")),
            By::Weekdays(days) => s.push_str(&format!(";BYDAY={}", days.iter().map(|d| ical_day(*d)).collect::<Vec<_>>().join(","))),
            By::NthWeekday(n, dow) => s.push_str(&format!(";BYDAY={n}{}", ical_day(*dow))),
            By::MonthDay(n) => s.push_str(&format!(";BYMONTHDAY={n}")),
            By::YearDay(n) => s.push_str(&format!(";BYYEARDAY={n}")),
        }
        if !self.by_hour.is_empty() {
            s.push_str(&format!(";BYHOUR={}", self.by_hour.iter().map(u8::to_string).collect::<Vec<_>>().join(",")));
        }
        if let Some(m) = self.by_minute {
            s.push_str(&format!(";BYMINUTE={m}"));
        }
        if let Some(c) = self.count {
            s.push_str(&format!(";COUNT={c}"));
        }
        if let Some(u) = self.until {
            let last = u.day.to_datetime(jiff::civil::Time::constant(23, 59, 59, 0));
            match (all_day, u.utc) {
                (true, _) => s.push_str(&format!(";UNTIL={}", u.day.strftime("%Y%m%d"))),
                (false, Some(t)) => s.push_str(&format!(";UNTIL={}", t.strftime("%Y%m%dT%H%M%SZ"))),
                (false, None) => s.push_str(&format!(";UNTIL={}", last.strftime("%Y%m%dT%H%M%S"))),
            }
        }
        s
    }

    /// Whether `day` falls on the days of a daily or weekly rule whose first
    /// occurrence is on `start` (weeks start on Monday, RFC 5545's default).
    fn on_pattern(&self, day: Date, start: Date) -> bool {
        let n = self.interval.max(1) as i64;
        let weekday = day.weekday().to_monday_one_offset() as u8;
        match (self.freq, &self.by) {
            (Freq::Daily, By::Nothing) => start.until(day).is_ok_and(|s| (s.get_days() as i64).rem_euclid(n) == 0),
            (Freq::Weekly, By::Weekdays(days)) if days.contains(&weekday) => {
                let monday = |d: Date| d.checked_sub(jiff::Span::new().days(d.weekday().to_monday_zero_offset() as i64)).ok();
                match (monday(start), monday(day)) {
                    (Some(a), Some(b)) => a.until(b).is_ok_and(|s| (s.get_days() as i64 / 7).rem_euclid(n) == 0),
                    _ => false,
                }
            }
            _ => false,
        }
    }
}

impl Tagger {
    /// An RFC 5545 rule for the recurrence spelled by `parts` (the SET
    /// expressions of one recurrence), if it is regular enough.
    pub(crate) fn recurrence(&self, parts: &[&Expr], dct: Option<Date>, end: End, zone: Option<&Zone>) -> Option<Recurrence> {
        let mut days = Vec::new();
        let mut month: Option<u8> = None;
        let mut clock: Option<Clock> = None;
        let mut base: Option<Rule> = None;
        // weeks between occurrences of a weekly rule ("every other Tuesday")
        let mut interval: Option<u32> = None;
        // the day a monthly (true) or yearly rule picks
        let mut day_of: Option<(DayIn, bool)> = None;
        // the weekday of the month a monthly rule picks
        let mut nth: Option<(i8, u8)> = None;
        for p in parts {
            let Expr::Set { each, freq, .. } = p else { return None };
            if freq.is_some_and(|f| f != 1) {
                return None;
            }
            // "every Monday morning": the days it falls on (a clock time, if
            // written, gives the hour)
            let each = match &**each {
                Expr::PartOfDay { date: Some(d), .. } if matches!(**d, Expr::Weekday { .. } | Expr::Workdays | Expr::Weekend { .. }) => d,
                e => e,
            };
            match each {
                Expr::Weekday { dow, .. } => days.push(*dow),
                // "every other Tuesday"
                Expr::EveryNth { n, each } => match **each {
                    Expr::Weekday { dow, .. } => {
                        days.push(dow);
                        interval = Some(*n);
                    }
                    _ => return None,
                },
                Expr::Workdays => days.extend(1..=5),
                Expr::Weekend { .. } => days.extend(6..=7),
                Expr::Time { clock: c, .. } => clock = Some(*c),
                // "every night at 10 p.m.": the clock time says when
                Expr::PartOfDay { date: None, .. } => {}
                Expr::Duration { amount: crate::expr::Amount::N(n), unit } => {
                    use crate::expr::Unit::*;
                    // (a quarter, a fortnight, a decade as a multiple of the unit RFC 5545 has)
                    let (f, per) = match unit {
                        Second => (Freq::Secondly, 1),
                        Minute => (Freq::Minutely, 1),
                        Hour => (Freq::Hourly, 1),
                        Day => (Freq::Daily, 1),
                        Week => (Freq::Weekly, 1),
                        Fortnight => (Freq::Weekly, 2),
                        Month => (Freq::Monthly, 1),
                        Quarter => (Freq::Monthly, 3),
                        Year => (Freq::Yearly, 1),
                        Decade => (Freq::Yearly, 10),
                        Century => (Freq::Yearly, 100),
                    };
                    base = Some(Rule::new(f, n.saturating_mul(per), By::Nothing));
                }
                Expr::Date { month: Some(m), day: None, .. } => {
                    base = Some(Rule::new(Freq::Yearly, 1, By::Month(*m)));
                    month = Some(*m);
                }
                // "the first Monday of every month", "the last Friday of each month"
                Expr::NthWeekday { n, dow, .. } => {
                    base = Some(Rule::new(Freq::Monthly, 1, By::NthWeekday(*n, *dow)));
                    nth = Some((*n, *dow));
                }
                // "the 15th of every month", "the last day of each month",
                // "the first day of every year"
                Expr::DayOf { day: d, period } => {
                    let monthly = match **period {
                        Expr::Duration { unit: crate::expr::Unit::Month, .. } => true,
                        Expr::Duration { unit: crate::expr::Unit::Year, .. } => false,
                        _ => return None,
                    };
                    let n = match d {
                        DayIn::Nth(n) => *n as i32,
                        DayIn::Last => -1,
                    };
                    base = Some(if monthly { Rule::new(Freq::Monthly, 1, By::MonthDay(n)) } else { Rule::new(Freq::Yearly, 1, By::YearDay(n)) });
                    day_of = Some((*d, monthly));
                }
                _ => return None,
            }
        }
        // "every Thursday at 25:45": a broadcast hour past the end of the day
        // recurs on the next day's clock, the day after each day written
        // (a day of the month or a weekday of it would move off its rule)
        let late = clock.and_then(Clock::past_midnight);
        if late.is_some() && (month.is_some() || day_of.is_some() || nth.is_some()) {
            return None;
        }
        clock = late.or(clock);
        let by_day: Vec<u8> = days.iter().map(|&d| if late.is_some() { d % 7 + 1 } else { d }).collect();
        let mut rule = match (base, days.is_empty()) {
            (Some(b), true) => b,
            (None, false) => Rule::new(Freq::Weekly, interval.unwrap_or(1), By::Weekdays(by_day)),
            (None, true) if clock.is_some() => Rule::new(Freq::Daily, 1, By::Nothing),
            _ => return None,
        };
        // a clock time fixes the hour of a daily or coarser rule; a rule
        // that repeats within the day starts at it (DTSTART) and, when the
        // text gives an end, runs through the hours up to that end
        match (clock, rule.freq.sub_daily()) {
            (Some(c), false) => {
                rule.by_hour = vec![c.hour % 24];
                rule.by_minute = Some(c.minute.unwrap_or(0));
            }
            (Some(c), true) => {
                if let Some(e) = end.to_clock.filter(|e| e.hour > c.hour) {
                    let last = if e.minute.unwrap_or(0) == 0 { e.hour - 1 } else { e.hour };
                    rule.by_hour = (c.hour..=last.min(23)).collect();
                }
            }
            (None, _) => {}
        }
        // "for six weeks" with a weekly rule is a count of occurrences
        let per_period = days.len().max(1) as u32;
        let freq_unit = match rule.freq {
            Freq::Daily => Some(crate::expr::Unit::Day),
            Freq::Weekly if rule.interval <= 1 => Some(crate::expr::Unit::Week),
            Freq::Monthly if rule.interval <= 1 => Some(crate::expr::Unit::Month),
            Freq::Yearly => Some(crate::expr::Unit::Year),
            _ => None,
        };
        // (the last day written ends with its own broadcast, on the next day's clock)
        let mut until = end.until.and_then(|u| if late.is_some() { u.tomorrow().ok() } else { Some(u) });
        match end.lasting {
            Some((n, unit)) if Some(unit) == freq_unit && (unit != crate::expr::Unit::Day || days.is_empty()) => {
                rule.count = Some(n * per_period);
            }
            // otherwise the span from the first day, as the last day it covers
            Some((n, unit)) => until = dct.and_then(|d| crate::resolve::shift_date(d, n as i64, unit)).and_then(|d| d.yesterday().ok()),
            None => {}
        }
        // the end: through the last moment of the day named, in UTC when the zone is known
        rule.until = until.map(|day| {
            let last = day.to_datetime(jiff::civil::Time::constant(23, 59, 59, 0));
            Until { day, utc: zone.filter(|_| clock.is_some()).and_then(|z| z.place(last)).map(|p| p.zoned.timestamp()) }
        });
        let mut rec = Recurrence { rule, tzid: None, dtstart: None, first: None };
        if let Some(dct) = dct {
            let day = match (month, days.is_empty()) {
                // "the 15th of every month": the first such day from the DCT on
                _ if day_of.is_some() => day_of.and_then(|(d, monthly)| first_day_of(dct, d, monthly)),
                // "the first Monday of every month": this month's, or the next
                // one's once past (a fifth weekday skips the months without one)
                _ if nth.is_some() => nth.and_then(|(n, dow)| {
                    (0..12).find_map(|k| {
                        let m = dct.first_of_month().checked_add(jiff::Span::new().months(k)).ok()?;
                        crate::resolve::nth_weekday(m.year(), m.month(), n, dow).filter(|d| *d >= dct)
                    })
                }),
                // "each January": the first of the next such month
                (Some(m), _) => {
                    let this = Date::new(dct.year(), m as i8, 1).ok();
                    this.filter(|d| *d >= dct).or_else(|| Date::new(dct.year() + 1, m as i8, 1).ok())
                }
                (None, true) => Some(dct),
                (None, false) => first_weekday_on_or_after(dct, &days),
            };
            let day = if late.is_some() { day.and_then(|d| d.tomorrow().ok()) } else { day };
            if let Some(day) = day {
                let c = clock.unwrap_or(Clock { hour: 0, minute: Some(0), zone: None });
                if let Some(dt) = local(day, &c) {
                    rec.dtstart = Some(dt);
                    if let Some(p) = zone.filter(|_| clock.is_some()).and_then(|z| z.place(dt)) {
                        rec.first = Some(p.zoned);
                        rec.tzid = p.tzid;
                    }
                }
            }
        }
        Some(rec)
    }
}

/// The first day on or after `from` that is the `day` of its month
/// (`monthly`) or of its year: months too short for it are skipped, as
/// RFC 5545 skips them.
fn first_day_of(from: Date, day: DayIn, monthly: bool) -> Option<Date> {
    let mut start = if monthly { from.first_of_month() } else { Date::new(from.year(), 1, 1).ok()? };
    for _ in 0..24 {
        let candidate = match (day, monthly) {
            (DayIn::Nth(n), true) => Date::new(start.year(), start.month(), n as i8).ok(),
            (DayIn::Last, true) => Some(start.last_of_month()),
            (DayIn::Nth(n), false) => start.checked_add(jiff::Span::new().days(n as i64 - 1)).ok(),
            (DayIn::Last, false) => Date::new(start.year(), 12, 31).ok(),
        };
        if let Some(c) = candidate.filter(|c| *c >= from) {
            return Some(c);
        }
        start = start.checked_add(if monthly { jiff::Span::new().months(1) } else { jiff::Span::new().years(1) }).ok()?;
    }
    None
}
