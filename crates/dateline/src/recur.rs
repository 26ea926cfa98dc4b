//! Recurrence rules: from the SET expressions of one recurrence ("every
//! Saturday and Sunday at 9:10 pm KST", "daily at 8 am ET through March 31")
//! to an RFC 5545 RRULE with its first occurrence and zone.

use jiff::civil::Date;

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
    pub(crate) rrule: String,
    pub(crate) tzid: Option<String>,
    pub(crate) dtstart: Option<String>,
    pub(crate) first: Option<String>,
}

impl Tagger {
    /// An RFC 5545 rule for the recurrence spelled by `parts` (the SET
    /// expressions of one recurrence), if it is regular enough.
    pub(crate) fn recurrence(&self, parts: &[&Expr], dct: Option<Date>, end: End, zone: Option<&Zone>) -> Option<Recurrence> {
        let mut days = Vec::new();
        let mut month: Option<u8> = None;
        let mut clock: Option<Clock> = None;
        let mut base: Option<String> = None;
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
                        Second => ("SECONDLY", 1),
                        Minute => ("MINUTELY", 1),
                        Hour => ("HOURLY", 1),
                        Day => ("DAILY", 1),
                        Week => ("WEEKLY", 1),
                        Fortnight => ("WEEKLY", 2),
                        Month => ("MONTHLY", 1),
                        Quarter => ("MONTHLY", 3),
                        Year => ("YEARLY", 1),
                        Decade => ("YEARLY", 10),
                        Century => ("YEARLY", 100),
                    };
                    let interval = n.saturating_mul(per);
                    base = Some(if interval > 1 { format!("FREQ={f};INTERVAL={interval}") } else { format!("FREQ={f}") });
                }
                Expr::Date { month: Some(m), day: None, .. } => {
                    base = Some(format!("FREQ=YEARLY;BYMONTH={m}"));
                    month = Some(*m);
                }
                // "the first Monday of every month", "the last Friday of each month"
                Expr::NthWeekday { n, dow, .. } => {
                    base = Some(format!("FREQ=MONTHLY;BYDAY={n}{}", ical_day(*dow)));
                    nth = Some((*n, *dow));
                }
                // "the 15th of every month", "the last day of each month",
                // "the first day of every year"
                Expr::DayOf { day: d, period } => {
                    let (f, by) = match **period {
                        Expr::Duration { unit: crate::expr::Unit::Month, .. } => ("MONTHLY", "BYMONTHDAY"),
                        Expr::Duration { unit: crate::expr::Unit::Year, .. } => ("YEARLY", "BYYEARDAY"),
                        _ => return None,
                    };
                    let n = match d {
                        DayIn::Nth(n) => *n as i32,
                        DayIn::Last => -1,
                    };
                    base = Some(format!("FREQ={f};{by}={n}"));
                    day_of = Some((*d, f == "MONTHLY"));
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
        let mut rule = match (&base, days.is_empty()) {
            (Some(b), true) => b.clone(),
            (None, false) => format!(
                "FREQ=WEEKLY{};BYDAY={}",
                interval.filter(|&n| n > 1).map_or(String::new(), |n| format!(";INTERVAL={n}")),
                by_day.iter().map(|d| ical_day(*d)).collect::<Vec<_>>().join(",")
            ),
            (None, true) if clock.is_some() => "FREQ=DAILY".to_string(),
            _ => return None,
        };
        // a clock time fixes the hour of a daily or coarser rule; a rule
        // that repeats within the day starts at it (DTSTART) and, when the
        // text gives an end, runs through the hours up to that end
        match (clock, sub_daily(&rule)) {
            (Some(c), false) => rule.push_str(&format!(";BYHOUR={};BYMINUTE={}", c.hour % 24, c.minute.unwrap_or(0))),
            (Some(c), true) => {
                if let Some(e) = end.to_clock.filter(|e| e.hour > c.hour) {
                    let last = if e.minute.unwrap_or(0) == 0 { e.hour - 1 } else { e.hour };
                    let hours: Vec<String> = (c.hour..=last.min(23)).map(|h| h.to_string()).collect();
                    rule.push_str(&format!(";BYHOUR={}", hours.join(",")));
                }
            }
            (None, _) => {}
        }
        // "for six weeks" with a weekly rule is a count of occurrences
        let per_period = days.len().max(1) as u32;
        let freq_unit = match rule.split(';').next().unwrap_or("") {
            "FREQ=DAILY" => Some(crate::expr::Unit::Day),
            "FREQ=WEEKLY" if !rule.contains("INTERVAL") => Some(crate::expr::Unit::Week),
            "FREQ=MONTHLY" if !rule.contains("INTERVAL") => Some(crate::expr::Unit::Month),
            "FREQ=YEARLY" => Some(crate::expr::Unit::Year),
            _ => None,
        };
        // (the last day written ends with its own broadcast, on the next day's clock)
        let mut until = end.until.and_then(|u| if late.is_some() { u.tomorrow().ok() } else { Some(u) });
        match end.lasting {
            Some((n, unit)) if Some(unit) == freq_unit && (unit != crate::expr::Unit::Day || days.is_empty()) => {
                rule.push_str(&format!(";COUNT={}", n * per_period));
            }
            // otherwise the span from the first day, as the last day it covers
            Some((n, unit)) => until = dct.and_then(|d| crate::resolve::shift_date(d, n as i64, unit)).and_then(|d| d.yesterday().ok()),
            None => {}
        }
        // the end: through the last moment of the day named, in UTC when the zone is known
        if let Some(u) = until {
            let last = u.to_datetime(jiff::civil::Time::constant(23, 59, 59, 0));
            match zone.filter(|_| clock.is_some()).and_then(|z| z.place(last)) {
                Some(p) => rule.push_str(&format!(";UNTIL={}", p.zoned.timestamp().strftime("%Y%m%dT%H%M%SZ"))),
                None => rule.push_str(&format!(";UNTIL={}", last.strftime("%Y%m%dT%H%M%S"))),
            }
        }
        let mut rec = Recurrence { rrule: rule, tzid: None, dtstart: None, first: None };
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
                    rec.dtstart = Some(dt.strftime("%Y-%m-%dT%H:%M:%S").to_string());
                    if let Some(p) = zone.filter(|_| clock.is_some()).and_then(|z| z.place(dt)) {
                        rec.first = Some(p.zoned.to_string());
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

/// Whether a rule repeats within the day (hourly, by the minute or second):
/// its occurrences are instants, and a clock time starts them rather than
/// fixing their hour.
pub(crate) fn sub_daily(rule: &str) -> bool {
    ["FREQ=HOURLY", "FREQ=MINUTELY", "FREQ=SECONDLY"].iter().any(|f| rule.starts_with(f))
}
