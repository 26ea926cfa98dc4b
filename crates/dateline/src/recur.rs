//! Recurrence rules: from the SET expressions of one recurrence ("every
//! Saturday and Sunday at 9:10 pm KST", "daily at 8 am ET through March 31")
//! to an RFC 5545 RRULE with its first occurrence and zone.
//!
//! The rule stays typed ([`Rule`]) until it is rendered; its days are also
//! walked here, to find the first occurrence on or after a start and the last
//! one on or before a stated end. The calendar reads the typed rule too, as
//! a [`Schedule`], to tell which days of the text a schedule holds.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::Zoned;

use crate::discourse::local;
use crate::expr::{Clock, DayIn, Expr, Unit};
use crate::resolve::ical_day;
use crate::tuning::FIRST_REACH_DAYS;
use crate::zones::Zone;

/// How a recurrence ends, as the text states it.
#[derive(Default, Clone, Copy)]
pub(crate) struct End {
    /// Through this day.
    pub(crate) until: Option<Date>,
    /// For this many units from the first occurrence.
    pub(crate) lasting: Option<(u32, Unit)>,
    /// For this many occurrences ("it will run for six episodes").
    pub(crate) count: Option<u32>,
    /// The clock time each day's run of occurrences ends at ("every 15
    /// minutes from 6 a.m. to midnight").
    pub(crate) to_clock: Option<Clock>,
    /// Whether the rule runs once from its clock time to `to_clock` (or the
    /// end of the day) on the day `until` names, rather than through those
    /// hours of every day up to it.
    pub(crate) one_day: bool,
}

/// How often a rule repeats (RFC 5545 FREQ).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
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

    /// The unit of time one period of the rule spans, for a day or coarser.
    fn unit(self) -> Option<Unit> {
        match self {
            Freq::Daily => Some(Unit::Day),
            Freq::Weekly => Some(Unit::Week),
            Freq::Monthly => Some(Unit::Month),
            Freq::Yearly => Some(Unit::Year),
            _ => None,
        }
    }
}

/// The last moment a rule may recur at: an instant when the zone is known,
/// else a local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Until {
    Utc(jiff::Timestamp),
    Local(DateTime),
}

/// An RFC 5545 recurrence rule, with the parts dateline writes;
/// [`Rule::render`] writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rule {
    pub(crate) freq: Freq,
    /// Units between occurrences (1 when the text gives none).
    pub(crate) interval: u32,
    pub(crate) by_month: Option<u8>,
    /// A day of the month, negative from its end.
    pub(crate) by_month_day: Option<i32>,
    /// A day of the year, negative from its end.
    pub(crate) by_year_day: Option<i32>,
    /// Weekdays (ISO 1-7), each with its place in the month when it has one
    /// ("1TU", "-1FR").
    pub(crate) by_day: Vec<(Option<i8>, u8)>,
    /// Which of the month's days that match picks (1 the first, -1 the last).
    pub(crate) by_set_pos: Option<i8>,
    pub(crate) by_hour: Vec<u8>,
    pub(crate) by_minute: Option<u8>,
    pub(crate) count: Option<u32>,
    pub(crate) until: Option<Until>,
}

impl Rule {
    fn new(freq: Freq, interval: u32) -> Rule {
        Rule {
            freq,
            interval: interval.max(1),
            by_month: None,
            by_month_day: None,
            by_year_day: None,
            by_day: Vec::new(),
            by_set_pos: None,
            by_hour: Vec::new(),
            by_minute: None,
            count: None,
            until: None,
        }
    }

    /// Whether the rule repeats within the day (hourly, by the minute or
    /// second): its occurrences are instants, and a clock time starts them
    /// rather than fixing their hour.
    pub(crate) fn sub_daily(&self) -> bool {
        matches!(self.freq, Freq::Hourly | Freq::Minutely | Freq::Secondly)
    }

    /// This rule `days` days later, its weekdays moving with the date, at one
    /// clock time: how another zone's clock or a time that follows each
    /// occurrence reads it. `None` when the days must move but cannot: days
    /// of the month or year, ordinal weekdays, set positions or months.
    fn shifted(&self, days: i64, hour: u8, minute: u8) -> Option<Rule> {
        let mut rule = self.clone();
        if days != 0 {
            let ordinal = rule.by_day.iter().any(|d| d.0.is_some());
            if ordinal || rule.by_month_day.is_some() || rule.by_year_day.is_some() || rule.by_set_pos.is_some() || rule.by_month.is_some() {
                return None;
            }
            rule.by_day = rule.by_day.iter().map(|&(n, d)| (n, ((d as i64 - 1 + days).rem_euclid(7) + 1) as u8)).collect();
            rule.by_day.sort_by_key(|d| d.1);
        }
        rule.by_hour = vec![hour];
        rule.by_minute = Some(minute);
        Some(rule)
    }

    /// Whether the rule picks particular days (weekdays, days of the month
    /// or year): its first occurrence is the first such day, not its start.
    fn picks_days(&self) -> bool {
        !self.by_day.is_empty() || self.by_month_day.is_some() || self.by_year_day.is_some()
    }

    /// Whether `d` is a day the rule's day parts pick (its interval aside).
    fn picks(&self, d: Date) -> bool {
        let from_end = |n: i32, last: i32, at: i32| if n > 0 { at == n } else { at == last + n + 1 };
        if self.by_month.is_some_and(|m| d.month() as u8 != m) {
            return false;
        }
        if self.by_month_day.is_some_and(|n| !from_end(n, d.days_in_month() as i32, d.day() as i32)) {
            return false;
        }
        if self.by_year_day.is_some_and(|n| !from_end(n, d.days_in_year() as i32, d.day_of_year() as i32)) {
            return false;
        }
        if self.by_day.is_empty() {
            return true;
        }
        let on_day = |d: Date| {
            let w = d.weekday().to_monday_one_offset() as u8;
            self.by_day.iter().any(|&(n, dow)| w == dow && n.is_none_or(|n| crate::resolve::nth_weekday(d.year(), d.month(), n, dow) == Some(d)))
        };
        match self.by_set_pos {
            // the pos-th of the month's days that the weekdays pick
            Some(pos) => {
                let days: Vec<Date> = (1..=d.days_in_month()).filter_map(|k| Date::new(d.year(), d.month(), k).ok()).filter(|&x| on_day(x)).collect();
                let k = if pos > 0 { pos as usize - 1 } else { days.len().wrapping_sub(pos.unsigned_abs() as usize) };
                days.get(k) == Some(&d)
            }
            None => on_day(d),
        }
    }

    /// Whether day `d` is an occurrence of a rule first occurring on `start`,
    /// counting its interval from there.
    fn on(&self, start: Date, d: Date) -> bool {
        d >= start && self.in_step(start, d)
    }

    /// Whether `day` falls on the days of a daily or weekly rule whose first
    /// occurrence is on `start`, before it as well as after (weeks start on
    /// Monday, RFC 5545's default). Other rules have no such pattern here.
    pub(crate) fn on_pattern(&self, day: Date, start: Date) -> bool {
        let plain = match self.freq {
            Freq::Daily => !self.picks_days() && self.by_month.is_none(),
            Freq::Weekly => !self.by_day.is_empty() && self.by_day.iter().all(|(n, _)| n.is_none()) && self.by_set_pos.is_none(),
            _ => false,
        };
        plain && self.in_step(start, day)
    }

    /// Whether the rule's days pick `d` and it lies a whole number of
    /// intervals from `start`, either way.
    fn in_step(&self, start: Date, d: Date) -> bool {
        if !self.picks(d) {
            return false;
        }
        let n = self.interval as i64;
        let periods = match self.freq {
            Freq::Daily => (d - start).get_days() as i64,
            Freq::Weekly => {
                let monday = |x: Date| x.checked_sub(jiff::Span::new().days(x.weekday().to_monday_zero_offset() as i64)).unwrap_or(x);
                (monday(d) - monday(start)).get_days() as i64 / 7
            }
            Freq::Monthly => (d.year() as i64 - start.year() as i64) * 12 + d.month() as i64 - start.month() as i64,
            Freq::Yearly => d.year() as i64 - start.year() as i64,
            _ => 0,
        };
        periods.rem_euclid(n) == 0
    }

    /// The first day on or after `from` that the rule's days pick.
    fn first_on_or_after(&self, from: Date) -> Option<Date> {
        (0..FIRST_REACH_DAYS).filter_map(|k| from.checked_add(jiff::Span::new().days(k)).ok()).find(|&d| self.picks(d))
    }

    /// The last occurrence on or before `until` of the rule first occurring on `start`.
    fn last_on_or_before(&self, start: Date, until: Date) -> Option<Date> {
        let span = (until - start).get_days().max(-1) as i64;
        (0..=span).rev().filter_map(|k| start.checked_add(jiff::Span::new().days(k)).ok()).find(|&d| self.on(start, d))
    }

    /// The RRULE value (without the `RRULE:` prefix). A rule whose start is
    /// a whole day (`all_day`) ends on a day too, since RFC 5545 wants UNTIL
    /// of the DTSTART's type: "UNTIL=20220331" rather than
    /// "UNTIL=20220331T000000".
    pub(crate) fn render(&self, all_day: bool) -> String {
        let list = |xs: &[u8]| xs.iter().map(u8::to_string).collect::<Vec<_>>().join(",");
        let mut s = format!("FREQ={}", self.freq.name());
        if self.interval > 1 {
            s.push_str(&format!(";INTERVAL={}", self.interval));
        }
        if let Some(m) = self.by_month {
            s.push_str(&format!(";BYMONTH={m}"));
        }
        if let Some(n) = self.by_month_day {
            s.push_str(&format!(";BYMONTHDAY={n}"));
        }
        if let Some(n) = self.by_year_day {
            s.push_str(&format!(";BYYEARDAY={n}"));
        }
        if !self.by_day.is_empty() {
            let days: Vec<String> =
                self.by_day.iter().map(|&(n, d)| format!("{}{}", n.map_or(String::new(), |n| n.to_string()), ical_day(d))).collect();
            s.push_str(&format!(";BYDAY={}", days.join(",")));
        }
        if let Some(p) = self.by_set_pos {
            s.push_str(&format!(";BYSETPOS={p}"));
        }
        if !self.by_hour.is_empty() {
            s.push_str(&format!(";BYHOUR={}", list(&self.by_hour)));
        }
        if let Some(m) = self.by_minute {
            s.push_str(&format!(";BYMINUTE={m}"));
        }
        if let Some(c) = self.count {
            s.push_str(&format!(";COUNT={c}"));
        }
        match (all_day, self.until) {
            (true, Some(Until::Local(dt))) => s.push_str(&format!(";UNTIL={}", dt.strftime("%Y%m%d"))),
            (true, Some(Until::Utc(ts))) => s.push_str(&format!(";UNTIL={}", ts.strftime("%Y%m%d"))),
            (false, Some(Until::Utc(ts))) => s.push_str(&format!(";UNTIL={}", ts.strftime("%Y%m%dT%H%M%SZ"))),
            (false, Some(Until::Local(dt))) => s.push_str(&format!(";UNTIL={}", dt.strftime("%Y%m%dT%H%M%S"))),
            (_, None) => {}
        }
        s
    }
}

/// A recurrence rule and where it starts.
#[derive(Clone, Debug)]
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

impl Recurrence {
    /// The same occurrences read on another zone's clock, when `clock` is
    /// what that zone's clock reads at the first occurrence: "every Saturday
    /// and Sunday at 3 p.m. KST, which puts the matches at 11 p.m. Friday and
    /// Saturday PT". The days shift with the date there (a weekly rule's
    /// weekdays; a rule that picks days of the month cannot shift), and
    /// the end stays the same instant. A zone that reads the same clock is
    /// no other reading.
    /// In the same zone, only a broadcast hour past 24 may be restated, on
    /// the ordinary clock (`same_zone`: "airs on Thursdays at 25:30 — 1:30
    /// a.m. Friday on an ordinary clock").
    pub(crate) fn restated(&self, clock: &Clock, zone: &Zone, same_zone: bool) -> Option<Recurrence> {
        let first = self.first.as_ref()?;
        let there = first.timestamp().to_zoned(zone.tz.clone());
        let (hour, minute) = (clock.hour % 24, clock.minute.unwrap_or(0));
        if there.hour() as u8 != hour || there.minute() as u8 != minute || there.offset() == first.offset() && !same_zone || self.rule.sub_daily() {
            return None;
        }
        let shift = first.date().until(there.date()).ok()?.get_days() as i64;
        let rule = self.rule.shifted(shift, hour, minute)?;
        let placed = zone.place(there.datetime())?;
        Some(Recurrence { rule, tzid: placed.tzid, dtstart: Some(there.datetime()), first: Some(there) })
    }

    /// The rule of a time that follows each occurrence, `days_later` days
    /// after its date and on `zone`'s clock: "leaves Manila on Mondays at
    /// 9:40 p.m., landing in Sydney at 9:05 a.m. the next day" recurs on
    /// Tuesdays at 9:05 in Sydney, from the day after the first departure to
    /// the day after the last. A time that would come before its occurrence
    /// is on the next day ("departs at 11 p.m., arriving at 6 a.m."). With no
    /// zone known for either, the rule keeps local time.
    pub(crate) fn following(&self, clock: &Clock, zone: Option<&Zone>, days_later: i64) -> Option<Recurrence> {
        let r = &self.rule;
        // (a rule within the day has no clock time of its own to move)
        if r.sub_daily() {
            return None;
        }
        let time = jiff::civil::Time::new(clock.hour as i8 % 24, clock.minute.unwrap_or(0) as i8, 0, 0).ok()?;
        let shift = |later: i64| r.shifted(later, time.hour() as u8, time.minute() as u8);
        let (Some(zone), Some(first)) = (zone, self.first.as_ref()) else {
            // (floating: local dates and times throughout)
            let start = self.dtstart?;
            let later = if time < start.time() && days_later == 0 { 1 } else { days_later };
            let on = |d: Date| d.checked_add(jiff::Span::new().days(later)).ok().map(|d| d.to_datetime(time));
            let mut rule = shift(later)?;
            rule.until = match r.until {
                Some(Until::Local(dt)) => on(dt.date()).map(Until::Local),
                _ => None,
            };
            return Some(Recurrence { rule, tzid: None, dtstart: on(start.date()), first: None });
        };
        let on = |date: Date, later: i64| date.checked_add(jiff::Span::new().days(later)).ok().map(|d| d.to_datetime(time));
        let mut later = days_later;
        let mut at = zone.place(on(first.date(), later)?)?;
        if at.zoned.timestamp() < first.timestamp() {
            later += 1;
            at = zone.place(on(first.date(), later)?)?;
        }
        let mut rule = shift(later)?;
        // (the last one follows the schedule's last occurrence)
        rule.until = match r.until {
            Some(Until::Utc(ts)) => zone.place(on(ts.to_zoned(first.time_zone().clone()).date(), later)?).map(|p| Until::Utc(p.zoned.timestamp())),
            Some(Until::Local(dt)) => on(dt.date(), later).map(Until::Local),
            None => None,
        };
        Some(Recurrence { rule, tzid: at.tzid, dtstart: Some(at.zoned.datetime()), first: Some(at.zoned) })
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
        !self.rule.by_hour.is_empty() || self.rule.sub_daily()
    }

    /// The day of the last occurrence UNTIL allows, read in the schedule's
    /// zone (UNTIL is that occurrence's instant, or its local time).
    pub(crate) fn last_day(&self) -> Option<Date> {
        self.rule.until.map(|u| match u {
            Until::Local(dt) => dt.date(),
            Until::Utc(ts) => ts.to_zoned(self.zone.as_ref().map_or(TimeZone::UTC, |(tz, _)| tz.clone())).date(),
        })
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
        if self.since.is_some_and(|s| day < s) || self.last_day().is_some_and(|u| day > u) {
            return false;
        }
        if let Some(count) = r.count {
            // the last of `count` occurrences from the first one
            let last = (0..366 * r.interval as i64)
                .filter_map(|k| start.checked_add(jiff::Span::new().days(k)).ok())
                .filter(|d| r.on(start, *d))
                .nth(count.saturating_sub(1) as usize);
            if last.is_none_or(|l| day > l) || day < start {
                return false;
            }
        }
        r.on_pattern(day, start)
    }
}

/// An RFC 5545 rule for the recurrence spelled by `parts` (the SET
/// expressions of one recurrence), if it is regular enough.
pub(crate) fn recurrence(parts: &[&Expr], dct: Option<Date>, end: End, zone: Option<&Zone>) -> Option<Recurrence> {
    let mut days: Vec<u8> = Vec::new();
    let mut clock: Option<Clock> = None;
    let mut base: Option<Rule> = None;
    // weeks between occurrences of a weekly rule ("every other Tuesday")
    let mut interval: Option<u32> = None;
    for p in parts {
        let Expr::Set { each, freq, .. } = p else { return None };
        if freq.is_some_and(|f| f != 1) {
            return None;
        }
        // "every Monday morning": the days it falls on (a clock time, if
        // written, gives the hour)
        let each = match &**each {
            Expr::PartOfDay { date: Some(d), .. }
                if matches!(**d, Expr::Weekday { .. } | Expr::Workdays | Expr::DaysBut { .. } | Expr::Weekend { .. }) =>
            {
                d
            }
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
            Expr::DaysBut { except } => days.extend((1..=7).filter(|d| except & (1 << d) == 0)),
            Expr::Weekend { .. } => days.extend(6..=7),
            Expr::Time { clock: c, .. } => clock = Some(*c),
            // "every night at 10 p.m.": the clock time says when
            Expr::PartOfDay { date: None, .. } => {}
            Expr::Duration { amount: crate::expr::Amount::N(n), unit } => {
                // (a quarter, a fortnight, a decade as a multiple of the unit RFC 5545 has)
                let (f, per) = match unit {
                    Unit::Second => (Freq::Secondly, 1),
                    Unit::Minute => (Freq::Minutely, 1),
                    Unit::Hour => (Freq::Hourly, 1),
                    Unit::Day => (Freq::Daily, 1),
                    Unit::Week => (Freq::Weekly, 1),
                    Unit::Fortnight => (Freq::Weekly, 2),
                    Unit::Month => (Freq::Monthly, 1),
                    Unit::Quarter => (Freq::Monthly, 3),
                    Unit::Year => (Freq::Yearly, 1),
                    Unit::Decade => (Freq::Yearly, 10),
                    Unit::Century => (Freq::Yearly, 100),
                };
                base = Some(Rule::new(f, n.saturating_mul(per)));
            }
            Expr::Date { month: Some(m), day: None, .. } => {
                base = Some(Rule { by_month: Some(*m), ..Rule::new(Freq::Yearly, 1) });
            }
            // "the first Monday of every month", "the last Friday of each month"
            Expr::NthWeekday { n, also, dow, .. } => {
                let by_day = std::iter::once(*n).chain(*also).map(|n| (Some(n), *dow)).collect();
                base = Some(Rule { by_day, ..Rule::new(Freq::Monthly, 1) });
            }
            // "the first weekday of each month": the first of its working days
            Expr::NthWorkday { n, .. } => {
                base = Some(Rule { by_day: (1..=5).map(|d| (None, d)).collect(), by_set_pos: Some(*n), ..Rule::new(Freq::Monthly, 1) });
            }
            // "the 15th of every month", "the last day of each month",
            // "the first day of every year"
            Expr::DayOf { day: d, period } => {
                let n = match d {
                    DayIn::Nth(n) => *n as i32,
                    DayIn::Last => -1,
                };
                base = Some(match **period {
                    Expr::Duration { unit: Unit::Month, .. } => Rule { by_month_day: Some(n), ..Rule::new(Freq::Monthly, 1) },
                    Expr::Duration { unit: Unit::Year, .. } => Rule { by_year_day: Some(n), ..Rule::new(Freq::Yearly, 1) },
                    _ => return None,
                });
            }
            _ => return None,
        }
    }
    // "every Thursday at 25:45": a broadcast hour past the end of the day
    // recurs on the next day's clock, the day after each day written
    // (a day of the month or a weekday of it would move off its rule)
    // ("every Friday at midnight": the midnight that begins each Friday, as a
    // release schedule means it)
    let mut clock = clock.map(|c| if c.hour == 24 && c.minute.unwrap_or(0) == 0 { Clock { hour: 0, ..c } } else { c });
    let late = clock.and_then(Clock::past_midnight);
    if late.is_some() && base.as_ref().is_some_and(|b| b.by_month.is_some() || b.picks_days()) {
        return None;
    }
    clock = late.or(clock);
    // (in the week's order, once each: "Mondays through Thursdays")
    let mut by_day: Vec<(Option<i8>, u8)> = days.iter().map(|&d| (None, if late.is_some() { d % 7 + 1 } else { d })).collect();
    by_day.sort_unstable_by_key(|d| d.1);
    by_day.dedup();
    let mut rule = match (base, days.is_empty()) {
        (Some(b), true) => b,
        // "fortnightly on Tuesdays": the weeks of the period, on its days
        (Some(b), false) if b.freq == Freq::Weekly && b.by_day.is_empty() && interval.is_none() => Rule { by_day, ..b },
        // "hourly between 9 a.m. and 5 p.m. on Saturdays": the days limit a
        // rule that repeats within the day
        (Some(b), false) if b.sub_daily() && b.by_day.is_empty() && interval.is_none() => Rule { by_day, ..b },
        (None, false) => Rule { by_day, ..Rule::new(Freq::Weekly, interval.unwrap_or(1)) },
        // "daily at 6 p.m., Mondays to Fridays": each of those days
        (Some(b), false) if b == Rule::new(Freq::Daily, 1) && interval.is_none() => Rule { by_day, ..Rule::new(Freq::Weekly, 1) },
        (None, true) if clock.is_some() => Rule::new(Freq::Daily, 1),
        _ => return None,
    };
    // a clock time fixes the hour of a daily or coarser rule; a rule
    // that repeats within the day starts at it (DTSTART) and, when the
    // text gives an end, runs through the hours up to that end
    match (clock, rule.sub_daily()) {
        (Some(c), false) => {
            rule.by_hour = vec![c.hour % 24];
            rule.by_minute = Some(c.minute.unwrap_or(0));
        }
        (Some(c), true) if !end.one_day => {
            if let Some(e) = end.to_clock.filter(|e| e.hour > c.hour) {
                // (an end on the hour is an occurrence of an hourly rule that starts
                // on the hour, "every hour from 11 a.m. to 4 p.m." holds 4 p.m.; of
                // a shorter step its hour would add times past the end)
                let hourly = rule.freq == Freq::Hourly && rule.interval == 1 || rule.freq == Freq::Minutely && rule.interval == 60;
                let on_end = hourly && c.minute.unwrap_or(0) == 0;
                let last = if e.minute.unwrap_or(0) == 0 && !on_end { e.hour - 1 } else { e.hour };
                rule.by_hour = (c.hour..=last.min(23)).collect();
            }
        }
        _ => {}
    }
    // "for six weeks" with a weekly rule is a count of occurrences
    let per_period = days.len().max(1) as u32;
    let freq_unit = rule.freq.unit().filter(|_| rule.interval == 1 || rule.freq == Freq::Daily || rule.freq == Freq::Yearly);
    // (the last day written ends with its own broadcast, on the next day's clock)
    let mut until = end.until.and_then(|u| if late.is_some() { u.tomorrow().ok() } else { Some(u) });
    match end.lasting {
        Some((n, unit)) if Some(unit) == freq_unit && (unit != Unit::Day || days.is_empty()) => rule.count = Some(n * per_period),
        // otherwise the span from the first day, as the last day it covers
        Some((n, unit)) => until = dct.and_then(|d| crate::resolve::shift_date(d, n as i64, unit)).and_then(|d| d.yesterday().ok()),
        None => {}
    }
    if let Some(n) = end.count.filter(|_| until.is_none() && rule.count.is_none()) {
        rule.count = Some(n);
    }
    // the first occurrence: the first day the rule picks from the start on
    // (for a broadcast hour past 24, the day after the first day written)
    let from = if late.is_some() { dct.and_then(|d| d.tomorrow().ok()) } else { dct };
    let first_day = from.and_then(|from| match &rule {
        // "each January": the first of the next such month
        Rule { by_month: Some(m), .. } if !rule.picks_days() => {
            let this = Date::new(from.year(), *m as i8, 1).ok();
            this.filter(|d| *d >= from).or_else(|| Date::new(from.year() + 1, *m as i8, 1).ok())
        }
        r if r.picks_days() => r.first_on_or_after(from),
        _ => Some(from),
    });
    let at = |day: Date| local(day, &clock.unwrap_or(Clock { hour: 0, minute: Some(0), second: None, zone: None, open: false }));
    let zone = zone.filter(|_| clock.is_some());
    // the end: the last occurrence on or before the day named (through
    // that day's last moment when it cannot be told), in UTC when the zone is known
    // (one stretch of one day: through its end, on the next day when the end
    // comes round past midnight, "from 10:30 p.m. to 12:30 a.m.")
    let stretch_end = |c: Clock, day: Date| -> Option<DateTime> {
        let e = end.to_clock?;
        let (eh, em) = (e.hour % 24, e.minute.unwrap_or(0));
        let day = if (eh, em) <= (c.hour % 24, c.minute.unwrap_or(0)) { day.tomorrow().ok()? } else { day };
        Some(day.to_datetime(jiff::civil::Time::constant(eh as i8, em as i8, 0, 0)))
    };
    if let Some(u) = until {
        let within = clock.filter(|_| end.one_day && rule.sub_daily()).and_then(|c| stretch_end(c, u));
        let last = within
            .or_else(|| first_day.filter(|_| !rule.sub_daily()).and_then(|s| rule.last_on_or_before(s, u)).and_then(at))
            .unwrap_or_else(|| u.to_datetime(jiff::civil::Time::constant(23, 59, 59, 0)));
        rule.until = Some(match zone.and_then(|z| z.place(last)) {
            Some(p) => Until::Utc(p.zoned.timestamp()),
            None => Until::Local(last),
        });
    }
    let mut rec = Recurrence { rule, tzid: None, dtstart: None, first: None };
    if let Some(dt) = first_day.and_then(at) {
        rec.dtstart = Some(dt);
        if let Some(p) = zone.and_then(|z| z.place(dt)) {
            rec.first = Some(p.zoned);
            rec.tzid = p.tzid;
        }
    }
    Some(rec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().expect("valid date")
    }

    // checked against python-dateutil's expansion of the rendered rules
    #[test]
    fn every_other_friday_counts_its_weeks_from_the_first() {
        let r = Rule { by_day: vec![(None, 5)], ..Rule::new(Freq::Weekly, 2) };
        assert_eq!(r.render(false), "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR");
        assert_eq!(r.first_on_or_after(day("2026-02-13")), Some(day("2026-02-13")));
        // Feb. 13, 27, March 13: not the 20th
        assert_eq!(r.last_on_or_before(day("2026-02-13"), day("2026-03-20")), Some(day("2026-03-13")));
    }

    #[test]
    fn first_working_day_of_the_month() {
        let r = Rule { by_day: (1..=5).map(|d| (None, d)).collect(), by_set_pos: Some(1), ..Rule::new(Freq::Monthly, 1) };
        assert_eq!(r.render(false), "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1");
        // Nov. 1, 2025 is a Saturday
        assert_eq!(r.first_on_or_after(day("2025-10-02")), Some(day("2025-11-03")));
        let last = Rule { by_set_pos: Some(-1), ..r };
        assert_eq!(last.first_on_or_after(day("2025-08-01")), Some(day("2025-08-29")));
    }

    #[test]
    fn a_stated_end_before_any_occurrence_has_none() {
        let r = Rule { by_day: vec![(None, 6)], ..Rule::new(Freq::Weekly, 1) };
        assert_eq!(r.last_on_or_before(day("2025-06-28"), day("2025-06-27")), None);
    }
}
