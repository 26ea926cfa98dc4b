//! The third pipeline stage: anchoring an [`Expr`] to a reference time and
//! writing its TIMEX3 value.
//!
//! [`resolve`] is a pure function of the expression and a [`Context`]: the
//! document creation time (or, in narrative mode, the last full date
//! mentioned), the direction the sentence's tense points to, and what was said
//! just before (a quarter under discussion turns "a year earlier" into that
//! quarter of the previous year, as financial news uses it). Without an anchor
//! date, values stay underspecified in TimeML style (`XXXX-04-25`); the
//! machine's clock is never consulted.
//!
//! Within the crate, a document's expressions are resolved together by
//! `resolve_all`: in text order, each with the context of what was said
//! before it (the `running` module), then the ones the linker joined are put
//! in agreement (the `linked` module).

use jiff::civil::Date;
use jiff::ToSpan;

use crate::expr::{Amount, Clock, DayIn, Dir, Expr, Mod, Part, Pod, Tense, Unit, YearRef, WEEKEND_DAYS};
use crate::tuning::{AGAINST_FIRM_TENSE, AGAINST_TENSE, FIRM_GRACE_DAYS, UNTOLD_AHEAD_PCT, WEEKDAY_PAST_BIAS};
use crate::value::{self, TimexType};

mod linked;
mod running;

pub(crate) use running::{resolve_all, Inputs};

/// What the resolver knows about the place an expression stands in.
#[derive(Clone, Debug)]
pub struct Context {
    /// The anchor date: the DCT in news mode, or the reference time.
    pub anchor: Option<Date>,
    /// The reference instant, when the document has one with its clock and
    /// zone (not only a date): "in 2 hours" and "15 minutes ago" count from
    /// it.
    pub now: Option<jiff::Zoned>,
    /// The document's direction policy; under `Future` or `Past` the tense
    /// stands for it and is firm everywhere, even where news reading only
    /// weighs it (a holiday named alone).
    pub prefer: crate::Prefer,
    /// The direction that the sentence's tense cues point to, and whether it is firm.
    pub tense: Tense,
    /// The day of a date written just before a clock time ("April 25 at 12 am").
    pub day: Option<Date>,
    /// A quarter mentioned shortly before, as (year, quarter).
    pub recent_quarter: Option<(i32, u8)>,
    /// The last period mentioned, as its first day and unit ("that year" refers to it).
    pub last: Option<(Date, Unit)>,
    /// A day mentioned shortly before, if the last such mention is near
    /// enough to carry over ("Friday ... At 10:35 a.m., ...").
    pub recent_day: Option<Date>,
    /// The last period mentioned at each granularity, for "the previous
    /// month" to count from the month under discussion.
    pub mentions: Mentions,
    /// A year written out earlier in the same sentence, with nothing dated
    /// between: "In 1976, the pound began a slide which led ministers to ask
    /// for a loan in September" is September 1976.
    pub sentence_year: Option<i32>,
    /// The month or year named last, when it is in the same sentence: "up
    /// 0.1 percent in October from a year earlier" compares with October of
    /// the year before, "exports rose in 2012 from a year earlier" with 2011.
    pub sentence_period: Option<(Date, Unit)>,
    /// The weekday written before a date without its year ("Wednesday 24
    /// June"): of the years next to the one inferred, the one where the
    /// date falls on it.
    pub written_dow: Option<u8>,
}

/// The last period mentioned at each granularity (day, week, month ...),
/// with the token position where its mention ends.
///
/// "Orders in February rose from the previous month, the agency said
/// Thursday" counts the previous month from February, not from the
/// Thursday the report is dated: [`Mentions::recall`] passes over a finer
/// mention that lies within the anchor's own period, since it says no more
/// than the anchor does.
#[derive(Clone, Copy, Debug, Default)]
pub struct Mentions([Option<(Date, usize)>; 10]);

impl Mentions {
    /// Records a mention of the period starting on `d` with unit `unit`,
    /// ending at token `pos`.
    pub fn note(&mut self, d: Date, unit: Unit, pos: usize) {
        self.0[granularity_rank(unit) as usize] = Some((d, pos));
    }

    /// The period to count "the previous/next `unit`" from: the latest
    /// mention of that unit or a finer one, passing over finer mentions
    /// inside the anchor's own `unit` (a report dated "Thursday" in the
    /// month of the DCT).
    pub fn recall(&self, unit: Unit, anchor: Option<Date>) -> Option<Date> {
        let rank = granularity_rank(unit) as usize;
        let own = anchor.and_then(|a| period_bounds(a, unit));
        self.0[..=rank.min(9)]
            .iter()
            .enumerate()
            .filter_map(|(r, m)| m.map(|m| (r, m)))
            .filter(|&(r, (d, _))| r == rank || own.is_none_or(|(s, e, _)| d < s || d >= e))
            .max_by_key(|&(_, (_, pos))| pos)
            .map(|(_, (d, _))| d)
    }
}

impl Context {
    /// A context with only an anchor, a tense and the day of a date written
    /// just before: nothing mentioned earlier in the text.
    pub fn bare(anchor: Option<Date>, tense: Tense, day: Option<Date>) -> Context {
        Context {
            anchor,
            now: None,
            prefer: crate::Prefer::Tense,
            tense,
            day,
            recent_quarter: None,
            last: None,
            recent_day: None,
            mentions: Mentions::default(),
            sentence_year: None,
            sentence_period: None,
            written_dow: None,
        }
    }

    /// The day mentioned last, if the last period mentioned was a day.
    fn last_day(&self) -> Option<Date> {
        self.last.filter(|l| l.1 == Unit::Day).map(|l| l.0)
    }
}

/// A resolved expression: type, value and the attributes TimeML attaches.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// TIMEX3 type.
    pub typ: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 mod.
    pub modifier: Option<Mod>,
    /// TIMEX3 quant (sets).
    pub quant: Option<&'static str>,
    /// TIMEX3 freq (sets), e.g. "2X".
    pub freq: Option<String>,
    /// The calendar day the expression names, when it names exactly one.
    pub day: Option<Date>,
    /// The quarter the expression names, when it names one.
    pub quarter: Option<(i32, u8)>,
    /// The local clock time on `day`, when the expression names one.
    pub clock: Option<Clock>,
    /// The calendar period named, as its first day and unit, for later reference.
    pub point: Option<(Date, Unit)>,
    /// For a period that is no calendar unit (a season, a half year), its
    /// middle month: later references count from it ("the spring of 1943
    /// ... the following year" is 1944), though it names no month itself.
    pub topic: Option<(Date, Unit)>,
    /// For a length counted from the anchor ("the last 3 days"): the
    /// stretch it covers, start and end (civil), with its grain.
    pub stretch: Option<(jiff::civil::DateTime, jiff::civil::DateTime, &'static str)>,
    /// The part of `day` the expression names ("this evening"), whose hours
    /// are its range.
    pub pod: Option<Pod>,
}

impl Resolved {
    fn new(typ: TimexType, value: String) -> Resolved {
        Resolved {
            typ,
            value,
            modifier: None,
            quant: None,
            freq: None,
            day: None,
            quarter: None,
            clock: None,
            point: None,
            topic: None,
            stretch: None,
            pod: None,
        }
    }

    fn day(d: Date) -> Resolved {
        Resolved { day: Some(d), point: Some((d, Unit::Day)), ..Resolved::new(TimexType::Date, value::day(d)) }
    }
}

/// The time `n` units (hours, minutes or seconds) from the reference
/// instant, as elapsed time ("in 2 hours" across a change of the clocks is
/// two hours later, whatever the wall clock shows), read on the wall clock
/// of the reference's zone.
fn from_now(now: Option<&jiff::Zoned>, n: i64, unit: Unit) -> Option<Resolved> {
    let span = match unit {
        Unit::Hour => jiff::Span::new().try_hours(n).ok()?,
        Unit::Minute => jiff::Span::new().try_minutes(n).ok()?,
        _ => jiff::Span::new().try_seconds(n).ok()?,
    };
    let at = now?.timestamp().checked_add(span).ok()?.to_zoned(now?.time_zone().clone());
    // (a count of seconds has the grain of a second: "in 45 seconds")
    let second = (unit == Unit::Second).then_some(at.second() as u8);
    let clock = Clock { hour: at.hour() as u8, minute: Some(at.minute() as u8), second, zone: None, open: false };
    let day = at.date();
    Some(Resolved {
        day: Some(day),
        clock: Some(clock),
        point: Some((day, Unit::Day)),
        ..Resolved::new(TimexType::Time, value::clock(Some(day), &clock))
    })
}

/// [`from_now`] for a part of an hour or a minute (`f` of them, negative
/// back), counted in the next finer unit: "in an hour and a half" is 90
/// minutes ahead.
fn from_now_part(now: Option<&jiff::Zoned>, f: f64, unit: Unit) -> Option<Resolved> {
    let finer = if unit == Unit::Hour { Unit::Minute } else { Unit::Second };
    from_now(now, (f * 60.0).round() as i64, finer)
}

/// The day and clock of the next (`ahead`) or last reading of `clock` on
/// the wall clock of the reference instant `now`: "4 a.m." said at 4:30 is
/// tomorrow's under `Prefer::Future`; a clock whose half of the day is open
/// ("at 5", "at 3:30") is whichever half comes first. A reading equal to
/// `now` counts as next.
fn nearest_reading(now: &jiff::Zoned, clock: &Clock, ahead: bool) -> Option<(Option<Date>, Clock)> {
    let minute = clock.minute.unwrap_or(0);
    // (a bare 12 is noon: "lunch at 12" is not midnight)
    let halves: &[u8] =
        if clock.open && !clock.hour.is_multiple_of(12) && clock.hour < 24 { &[clock.hour % 12, clock.hour % 12 + 12] } else { &[clock.hour] };
    let second = clock.second.unwrap_or(0);
    let mut best: Option<(jiff::civil::DateTime, u8)> = None;
    for offset in [-1i64, 0, 1] {
        let day = now.date().checked_add(offset.days()).ok()?;
        for &h in halves {
            // (midnight written as 24:00 is the next day's 00:00)
            let at = day.at(h.min(23) as i8, minute as i8, second as i8, 0);
            let at = if h == 24 { at.checked_add(1.hour()).ok()? } else { at };
            let fits = if ahead { at >= now.datetime() } else { at <= now.datetime() };
            let better = best.is_none_or(|(b, _)| if ahead { at < b } else { at > b });
            if fits && better {
                best = Some((at, h));
            }
        }
    }
    let (at, h) = best?;
    // (midnight keeps its 24:00 on the day it ends)
    let day = if h == 24 { at.date().yesterday().ok()? } else { at.date() };
    Some((Some(day), Clock { hour: h, open: false, ..*clock }))
}

fn dir_or_tense(dir: Dir, ctx: &Context) -> Dir {
    if dir == Dir::Infer {
        ctx.tense.dir
    } else {
        dir
    }
}

fn quarter_of(d: Date) -> u8 {
    ((d.month() as u8) - 1) / 3 + 1
}

/// The last calendar quarter that has ended by `d`, as (year, quarter): the
/// one a company reports on in the weeks after it.
pub(crate) fn last_ended_quarter(d: Date) -> (i32, u8) {
    match quarter_of(d) {
        1 => (d.year() as i32 - 1, 4),
        q => (d.year() as i32, q - 1),
    }
}

/// Moves a date by `n` of `unit`, keeping the end-of-month rules jiff applies;
/// `None` past the dates jiff has (or a span it cannot hold: "100 centuries ago").
fn shift(d: Date, n: i64, unit: Unit) -> Option<Date> {
    let s = jiff::Span::new();
    let span = match unit {
        Unit::Day => s.try_days(n),
        Unit::Week => s.try_weeks(n),
        Unit::Fortnight => s.try_weeks(n.checked_mul(2)?),
        Unit::Month => s.try_months(n),
        Unit::Quarter => s.try_months(n.checked_mul(3)?),
        Unit::Year => s.try_years(n),
        Unit::Decade => s.try_years(n.checked_mul(10)?),
        Unit::Century => s.try_years(n.checked_mul(100)?),
        Unit::Hour | Unit::Minute | Unit::Second => return Some(d),
    };
    d.checked_add(span.ok()?).ok()
}

/// Moves a date by `n` of a calendar unit (for callers outside the resolver).
pub fn shift_date(d: Date, n: i64, unit: Unit) -> Option<Date> {
    shift(d, n, unit)
}

/// The value of the period of `unit` containing `d`.
fn period(d: Date, unit: Unit) -> Resolved {
    let mut r = period_value(d, unit);
    r.point = r.point.or(Some((d, unit)));
    r
}

fn period_value(d: Date, unit: Unit) -> Resolved {
    match unit {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => Resolved::day(d),
        Unit::Week | Unit::Fortnight => {
            let w = d.iso_week_date();
            Resolved::new(TimexType::Date, value::year_part(w.year().into(), "W", w.week() as u8, 2))
        }
        Unit::Month => Resolved::new(TimexType::Date, value::year_part(d.year().into(), "", d.month() as u8, 2)),
        Unit::Quarter => {
            let q = quarter_of(d);
            Resolved { quarter: Some((d.year() as i32, q)), ..Resolved::new(TimexType::Date, value::year_part(d.year().into(), "Q", q, 1)) }
        }
        // (a year before the era, kept astronomically, is written "BC0300")
        Unit::Year => Resolved::new(TimexType::Date, value::year(d.year().into())),
        Unit::Decade => Resolved::new(TimexType::Date, value::decade(d.year().into())),
        Unit::Century => Resolved::new(TimexType::Date, value::century(d.year().into())),
    }
}

/// The first day of the period of `unit` containing `d`, the first day after
/// it, and the unit's name as a grain.
pub fn period_bounds(d: Date, unit: Unit) -> Option<(Date, Date, &'static str)> {
    let (start, grain) = match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => (d, "day"),
        Unit::Week | Unit::Fortnight => (d.checked_sub((d.weekday().to_monday_zero_offset() as i64).days()).ok()?, "week"),
        Unit::Month => (d.first_of_month(), "month"),
        Unit::Quarter => (Date::new(d.year(), (quarter_of(d) as i8 - 1) * 3 + 1, 1).ok()?, "quarter"),
        Unit::Year => (Date::new(d.year(), 1, 1).ok()?, "year"),
        Unit::Decade => (Date::new(d.year() - d.year().rem_euclid(10), 1, 1).ok()?, "decade"),
        Unit::Century => (Date::new(d.year() - d.year().rem_euclid(100), 1, 1).ok()?, "century"),
    };
    let unit = if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) { Unit::Day } else { unit };
    let unit = if unit == Unit::Fortnight { Unit::Week } else { unit };
    Some((start, shift(start, 1, unit)?, grain))
}

/// The rank of a unit from the finest (seconds, 0) to the coarsest
/// (centuries, 9), for comparing grains.
pub(crate) fn granularity_rank(u: Unit) -> u8 {
    match u {
        Unit::Second => 0,
        Unit::Minute => 1,
        Unit::Hour => 2,
        Unit::Day => 3,
        Unit::Week | Unit::Fortnight => 4,
        Unit::Month => 5,
        Unit::Quarter => 6,
        Unit::Year => 7,
        Unit::Decade => 8,
        Unit::Century => 9,
    }
}

fn unknown_period(unit: Unit) -> &'static str {
    match unit {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
        Unit::Week | Unit::Fortnight => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
    }
}

/// The weekday `dow` nearest `anchor` in direction `dir` (on the anchor day itself allowed
/// unless `strict`).
pub(crate) fn weekday_near(anchor: Date, dow: u8, dir: Dir, strict: bool) -> Option<Date> {
    let w = anchor.weekday().to_monday_one_offset();
    let dow = dow as i8;
    let days = match dir {
        Dir::Future => {
            let mut d = (dow - w).rem_euclid(7);
            if d == 0 && strict {
                d = 7;
            }
            d
        }
        Dir::This => dow - w,
        _ => {
            let mut d = (w - dow).rem_euclid(7);
            if d == 0 && strict {
                d = 7;
            }
            -d
        }
    };
    anchor.checked_add((days as i64).days()).ok()
}

/// The `n`-th (1-5, or -1 for the last) ISO weekday `dow` of a month, if the
/// month has one: the fourth Thursday of November 2013 is the 28th.
pub fn nth_weekday(year: i16, month: i8, n: i8, dow: u8) -> Option<Date> {
    let first = Date::new(year, month, 1).ok()?;
    let day = if n > 0 {
        let lead = (dow as i64 - first.weekday().to_monday_one_offset() as i64).rem_euclid(7);
        first.checked_add((lead + 7 * (n as i64 - 1)).days()).ok()?
    } else {
        let last = first.last_of_month();
        let back = (last.weekday().to_monday_one_offset() as i64 - dow as i64).rem_euclid(7);
        last.checked_sub(back.days()).ok()?
    };
    (day.month() == month).then_some(day)
}

/// Picks the year for something that recurs every year (a month, a day of a
/// month, a holiday) when the text gives none: of last year's, this year's and
/// next year's, the one nearest the anchor, where one on the wrong side of the
/// anchor for the sentence's tense counts [`AGAINST_TENSE`] times as far, and
/// one ahead without any tense cue [`UNTOLD_AHEAD_PCT`] percent as far.
/// `month_day(y)` places the thing in year `y` (a month by its middle).
fn nearest_year(anchor: Date, tense: Tense, month_day: impl Fn(i32) -> Option<Date>) -> i32 {
    nearest_span_year(anchor, tense, |y| month_day(y).map(|d| (d, d))).unwrap_or(anchor.year() as i32)
}

/// Of `days` (the days a holiday falls on in last year, this year and next
/// year), the one nearest the anchor as [`nearest_year`] weighs it; the first
/// of equals.
fn nearest_day(anchor: Date, tense: Tense, days: impl Iterator<Item = Date>) -> Option<Date> {
    days.filter_map(|d| Some((span_cost(anchor, tense, (d, d))?, d))).min_by_key(|(k, _)| *k).map(|(_, d)| d)
}

/// Like [`nearest_year`] for a period that lasts months (a quarter, a half, a
/// season): the distance to a candidate is to its nearer edge, so that in
/// October "third-quarter results" that will be reported are still this
/// year's, the quarter having just ended. `span(y)` gives the period's first
/// and last day in year `y` (the same day twice for a day).
fn nearest_span_year(anchor: Date, tense: Tense, span: impl Fn(i32) -> Option<(Date, Date)>) -> Option<i32> {
    let y = anchor.year() as i32;
    let cost = |cand: i32| span_cost(anchor, tense, span(cand)?);
    [y, y - 1, y + 1].into_iter().filter_map(|c| cost(c).map(|k| (k, c))).min_by_key(|(k, _)| *k).map(|(_, c)| c)
}

/// How far the span of days `(first, last)` lies from `anchor`, in days to
/// its nearer edge (0 when it holds the anchor), weighed for the tense: a
/// span on the wrong side of a loose tense counts four times as far, on the
/// wrong side of a firm one (beyond a week's grace) a thousand times, and one
/// ahead without any cue twice. The resolver picks years with it; the tagger
/// uses it to choose between two placings of a range ("from January to
/// October").
pub fn span_cost(anchor: Date, tense: Tense, (first, last): (Date, Date)) -> Option<i64> {
    let dir = tense.dir;
    let days = |d: Date| anchor.until(d).map(|s| s.get_days() as i64).ok();
    let (to_start, to_end) = (days(first)?, days(last)?);
    let (dist, ahead) = if to_start > 0 {
        (to_start, true)
    } else if to_end < 0 {
        (-to_end, false)
    } else {
        return Some(0);
    };
    let against = (dir == Dir::Past && ahead) || (dir == Dir::Future && !ahead);
    let untold = dir == Dir::Infer && ahead;
    let against = match (against, tense.firm && (tense.strict || dist > FIRM_GRACE_DAYS)) {
        (false, _) => 1,
        (true, false) => AGAINST_TENSE,
        (true, true) => AGAINST_FIRM_TENSE,
    };
    Some(dist * against * if untold { UNTOLD_AHEAD_PCT } else { 100 } / 100)
}

/// Picks the year for a month (and day) without one, from direction and anchor.
///
/// A month is placed by its middle, unless the tense is firm: then by its
/// span, so that "was elected in April" in an April article is this April.
fn infer_year(anchor: Date, month: u8, day: Option<u8>, tense: Tense) -> i32 {
    match (tense.dir, day) {
        // "this March": the anchor's year
        (Dir::This, _) => anchor.year() as i32,
        // February 29 falls in a leap year only: the next one ahead, the last
        // one back, or with no cue the nearer of the two
        (dir, Some(29)) if month == 2 => {
            let leap = |y: &i32| Date::new(*y as i16, 2, 29).is_ok_and(|d| d >= anchor);
            let y = anchor.year() as i32;
            let ahead = (y..y + 8).find(leap).unwrap_or(y);
            let back = (y - 8..=y).rev().find(|y| Date::new(*y as i16, 2, 29).is_ok_and(|d| d < anchor)).unwrap_or(y);
            match dir {
                Dir::Future => ahead,
                Dir::Past => back,
                _ if ahead - y < y - back => ahead,
                _ => back,
            }
        }
        (_, None) if tense.firm => nearest_span_year(anchor, tense, |y| {
            let first = Date::new(y as i16, month as i8, 1).ok()?;
            Some((first, first.last_of_month()))
        })
        .unwrap_or(anchor.year() as i32),
        _ => nearest_year(anchor, tense, |y| Date::new(y as i16, month as i8, day.unwrap_or(15) as i8).ok()),
    }
}

/// The year of the nearest month (or day of a month) wholly before (`Past`) or
/// after (`Future`) the anchor: in November 1989 "last December" is 1988's,
/// and "last October" 1989's; in March "next April" is this year's.
fn written_side_year(anchor: Date, month: u8, day: Option<u8>, dir: Dir) -> i32 {
    let y = anchor.year() as i32;
    let key = |m: u8, d: u8| (m, if day.is_some() { d } else { 0 });
    let here = key(anchor.month() as u8, anchor.day() as u8);
    let there = key(month, day.unwrap_or(0));
    match dir {
        Dir::Past if there < here => y,
        Dir::Past => y - 1,
        _ if there > here => y,
        _ => y + 1,
    }
}

/// Of `year` and the years before and after it, the first in which month
/// `m`, day `d` falls on ISO weekday `dow` (at most one of the three but
/// `year` can: a date moves one or two weekdays a year).
fn agreeing_year(year: i32, m: u8, d: u8, dow: u8) -> Option<i32> {
    [year, year - 1, year + 1]
        .into_iter()
        .find(|&y| Date::new(y as i16, m as i8, d as i8).is_ok_and(|date| date.weekday().to_monday_one_offset() as u8 == dow))
}

/// Resolves one expression.
pub fn resolve(e: &Expr, ctx: &Context) -> Resolved {
    match e {
        // (composition leaves it out; an unknown date if it ever comes here)
        Expr::Void => Resolved::new(TimexType::Date, "XXXX-XX-XX".into()),
        // "on the 3rd": the day in the anchor's month, or the month after or
        // before it that the direction points to
        // ("Friday the 13th": the nearest such day on that side that falls on
        // the weekday written before it)
        Expr::Date { year: None, month: None, day: Some(d), dir } => match ctx.anchor.and_then(|a| match ctx.written_dow {
            // (a weekday that fits none of them: the weekday, as written first)
            Some(dow) => nth_of_month_on(a, *d, dir_or_tense(*dir, ctx), dow).or_else(|| weekday_near(a, dow, dir_or_tense(*dir, ctx), false)),
            None => nth_of_month(a, *d, dir_or_tense(*dir, ctx)),
        }) {
            Some(day) => Resolved::day(day),
            None => Resolved::new(TimexType::Date, format!("XXXX-XX-{d:02}")),
        },
        Expr::Date { year, month, day, dir } => {
            let year = year.or_else(|| {
                let (anchor, month) = (ctx.anchor?, (*month)?);
                Some(match dir {
                    // "last December", "next April": strictly on that side of the anchor
                    Dir::Past | Dir::Future => written_side_year(anchor, month, *day, *dir),
                    // a past year the sentence is about, unless the sentence looks ahead
                    Dir::Infer if ctx.tense.dir != Dir::Future && ctx.sentence_year.is_some_and(|y| y < anchor.year() as i32) => ctx.sentence_year?,
                    Dir::Infer => infer_year(anchor, month, *day, ctx.tense),
                    Dir::This => infer_year(anchor, month, *day, Tense::loose(Dir::This)),
                })
                // (the written weekday decides between the inferred year and the
                // ones beside it across the anchor: "Gates open on Wednesday 24
                // June", told in October 2025, is in 2026; a date already on the
                // right side keeps its year, "Applications close on Thursday, 31
                // December", a weekday slip)
                .map(|y| {
                    let side = |y: i32| (*day).and_then(|d| Date::new(y as i16, month as i8, d as i8).ok()).map(|date| date < anchor);
                    let moved = (*day).zip(ctx.written_dow).and_then(|(d, w)| agreeing_year(y, month, d, w));
                    moved.filter(|&m| side(m) != side(y)).unwrap_or(y)
                })
            });
            match (year, month, day) {
                (Some(y), Some(m), Some(d)) => match Date::new(y as i16, *m as i8, *d as i8) {
                    Ok(date) => Resolved::day(date),
                    Err(_) => Resolved::new(TimexType::Date, format!("{}-{m:02}-{d:02}", value::year(y))),
                },
                (Some(y), Some(m), None) => match Date::new(y as i16, *m as i8, 1) {
                    Ok(d) => period(d, Unit::Month),
                    Err(_) => Resolved::new(TimexType::Date, format!("{}-{m:02}", value::year(y))),
                },
                (Some(y), None, _) => match Date::new(y as i16, 1, 1) {
                    Ok(d) => period(d, Unit::Year),
                    Err(_) => Resolved::new(TimexType::Date, value::year(y)),
                },
                (None, Some(m), Some(d)) => Resolved::new(TimexType::Date, format!("XXXX-{m:02}-{d:02}")),
                (None, Some(m), None) => Resolved::new(TimexType::Date, format!("XXXX-{m:02}")),
                (None, None, _) => Resolved::new(TimexType::Date, "XXXX".into()),
            }
        }
        Expr::Decade { digits, century } => Resolved::new(TimexType::Date, if *century { format!("{digits:02}") } else { format!("{digits:03}") }),
        Expr::Weekday { dow, dir } => {
            // "Monday, New Year's Day": the day in apposition, when it is that weekday
            if let Some(d) = ctx.day.filter(|d| d.weekday().to_monday_one_offset() as u8 == *dow) {
                return Resolved::day(d);
            }
            // (under a policy, a weekday named on that very weekday is the next
            // one or the last one, not the reference's own day: "remind me
            // tuesday" said on a Tuesday is a week ahead)
            let strict = *dir != Dir::Infer || ctx.prefer != crate::Prefer::Tense;
            let dir = match (dir_or_tense(*dir, ctx), ctx.anchor) {
                // no cue: the nearer of the two, the past one unless the next is much nearer
                (Dir::Infer, Some(a)) => {
                    let w = a.weekday().to_monday_one_offset() as i16;
                    let (back, ahead) = ((w - *dow as i16).rem_euclid(7), (*dow as i16 - w).rem_euclid(7));
                    if ahead + WEEKDAY_PAST_BIAS < back {
                        Dir::Future
                    } else {
                        Dir::Past
                    }
                }
                (Dir::Infer, None) => Dir::Past,
                (d, _) => d,
            };
            match ctx.anchor.and_then(|a| weekday_near(a, *dow, dir, strict)) {
                Some(d) => Resolved::day(d),
                None => Resolved::new(TimexType::Date, format!("XXXX-WXX-{dow}")),
            }
        }
        Expr::OfLastDay { unit } => match ctx.last_day().or(ctx.anchor) {
            Some(d) => period(d, *unit),
            None => Resolved::new(TimexType::Date, unknown_period(*unit).into()),
        },
        Expr::DayOf { day, period: within } => {
            let point = resolve(within, ctx).point;
            let day = match (point, *day) {
                (Some((d, Unit::Month)), DayIn::Nth(n)) => Date::new(d.year(), d.month(), n as i8).map_err(|_| (d, n)),
                (Some((d, Unit::Month)), DayIn::Last) => Ok(d.last_of_month()),
                // (an ordinal day of a year is one of January: "the first day of 2014")
                (Some((d, Unit::Year)), DayIn::Nth(n)) => Date::new(d.year(), 1, n as i8).map_err(|_| (d, n)),
                (Some((d, Unit::Year)), DayIn::Last) => Date::new(d.year(), 12, 31).map_err(|_| (d, 0)),
                (_, DayIn::Nth(n)) => return Resolved::new(TimexType::Date, format!("XXXX-XX-{n:02}")),
                (_, DayIn::Last) => return Resolved::new(TimexType::Date, "XXXX-XX-XX".into()),
            };
            match day {
                Ok(d) => Resolved::day(d),
                // "the 31st of next month" in a month of 30 days: keep what was written
                Err((d, n)) => Resolved::new(TimexType::Date, format!("{}-{:02}-{n:02}", value::year(d.year().into()), d.month())),
            }
        }
        Expr::NthWeekday { n, dow, period: within, .. } => match resolve(within, ctx).point {
            Some((d, Unit::Month)) => match nth_weekday(d.year(), d.month(), *n, *dow) {
                Some(day) => Resolved::day(day),
                None => Resolved::new(TimexType::Date, format!("{}-{:02}", value::year(d.year().into()), d.month())),
            },
            _ => Resolved::new(TimexType::Date, "XXXX-XX-XX".into()),
        },
        // (only a recurrence: "the first weekday of each month")
        Expr::NthWorkday { .. } => Resolved::new(TimexType::Set, "P1M".into()),
        Expr::PeriodOf { grain, of } => match resolve(of, ctx).point {
            Some((d, _)) => period(d, *grain),
            None => Resolved::new(TimexType::Date, unknown_period(*grain).into()),
        },
        Expr::NthWeek { n, period: within } => {
            let day = match resolve(within, ctx).point {
                Some((d, Unit::Month)) if *n > 0 => Date::new(d.year(), d.month(), 7 * (*n - 1) + 4).ok(),
                Some((d, Unit::Month)) => d.last_of_month().checked_sub(3.days()).ok(),
                Some((d, Unit::Year)) if *n > 0 => Date::new(d.year(), 1, 4).ok().and_then(|j| j.checked_add((7 * (*n as i64 - 1)).days()).ok()),
                Some((d, Unit::Year)) => Date::new(d.year(), 12, 28).ok(),
                _ => None,
            };
            match day {
                Some(d) => period(d, Unit::Week),
                None => Resolved::new(TimexType::Date, "XXXX-WXX".into()),
            }
        }
        Expr::WeekdayOfWeek { dow, offset } => {
            let day = ctx.anchor.and_then(|a| {
                let monday = a.checked_sub((a.weekday().to_monday_one_offset() as i64 - 1).days()).ok()?;
                monday.checked_add((7 * *offset as i64 + *dow as i64 - 1).days()).ok()
            });
            match day {
                Some(d) => Resolved::day(d),
                None => Resolved::new(TimexType::Date, format!("XXXX-WXX-{dow}")),
            }
        }
        Expr::WeekdayFrom { dow, dir } => match ctx.last_day().or(ctx.anchor).and_then(|a| weekday_near(a, *dow, *dir, true)) {
            Some(d) => Resolved::day(d),
            None => Resolved::new(TimexType::Date, format!("XXXX-WXX-{dow}")),
        },
        Expr::WeekOf { day, weekend } => {
            // a weekend goes with a holiday on a Monday or Tuesday before it,
            // with one later in the week after it
            let base = resolve(day, ctx).day.and_then(|d| match d.weekday().to_monday_one_offset() {
                1 | 2 if *weekend => d.checked_sub(7.days()).ok(),
                _ => Some(d),
            });
            match base {
                // (the week is a period with its bounds; a weekend has none, as elsewhere)
                Some(d) if !*weekend => period(d, Unit::Week),
                Some(d) => {
                    let w = d.iso_week_date();
                    Resolved::new(TimexType::Date, format!("{}-W{:02}-WE", value::year(w.year().into()), w.week()))
                }
                None => Resolved::new(TimexType::Date, if *weekend { "XXXX-WXX-WE" } else { "XXXX-WXX" }.into()),
            }
        }
        Expr::Weekend { dir } => {
            let Some(a) = ctx.anchor else { return Resolved::new(TimexType::Date, "XXXX-WXX-WE".into()) };
            let w = a.weekday().to_monday_one_offset() as i64;
            // no cue at all: the nearer weekend, the past one when they are
            // as near ("over the weekend" is the last one up to a Wednesday,
            // the next one from Thursday)
            let untold = || {
                let (back, ahead) = (w, 6 - w);
                if ahead >= back {
                    Dir::Past
                } else {
                    Dir::Infer
                }
            };
            let dir_now = match dir_or_tense(*dir, ctx) {
                Dir::Infer if w < 6 => untold(),
                d => d,
            };
            let target = match dir_now {
                Dir::Past if w < 6 || *dir == Dir::Past => a.checked_sub(w.days()).ok(),
                Dir::Future if *dir == Dir::Future && w >= 6 => a.checked_add(7.days()).ok(),
                _ => Some(a),
            };
            match target {
                Some(d) => {
                    let iw = d.iso_week_date();
                    Resolved::new(TimexType::Date, format!("{}-W{:02}-WE", value::year(iw.year().into()), iw.week()))
                }
                None => Resolved::new(TimexType::Date, "XXXX-WXX-WE".into()),
            }
        }
        Expr::Relative { unit, offset } => match ctx.anchor.and_then(|a| shift(a, *offset as i64, *unit)) {
            Some(d) => period(d, *unit),
            None => Resolved::new(TimexType::Date, unknown_period(*unit).into()),
        },
        Expr::Part { part, year, dir } => resolve_part(*part, *year, *dir, ctx),
        Expr::Shift { amount: Amount::N(n), unit, sign, event: false, .. } if unit.is_clock() && ctx.now.is_some() => {
            from_now(ctx.now.as_ref(), *sign as i64 * *n as i64, *unit)
                .unwrap_or_else(|| Resolved::new(TimexType::Date, if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into()))
        }
        // "an hour and a half from now", "half an hour ago"
        Expr::Shift { amount: Amount::Frac(f), unit: u @ (Unit::Hour | Unit::Minute), sign, event: false, .. } if ctx.now.is_some() => {
            from_now_part(ctx.now.as_ref(), *sign as f64 * f, *u)
                .unwrap_or_else(|| Resolved::new(TimexType::Date, if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into()))
        }
        Expr::Shift { amount, unit, sign, compared, .. } => {
            let Some(a) = ctx.anchor else {
                return Resolved::new(TimexType::Date, if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into());
            };
            match amount {
                Amount::N(n) => {
                    // a month of the sentence a year back ("in October, up from a
                    // year ago"), or its year when compared ("in 1987 from two
                    // years earlier")
                    let base = ctx.sentence_period.filter(|&(_, g)| g == Unit::Month && *n == 1 || *compared);
                    if *unit == Unit::Year {
                        if let Some((m, grain)) = base.and_then(|(m, g)| Some((shift(m, *sign as i64 * *n as i64, Unit::Year)?, g))) {
                            return period(m, grain);
                        }
                    }
                    if *unit == Unit::Year && *n == 1 {
                        if let Some((y, q)) = ctx.recent_quarter {
                            let y = y + sign;
                            return Resolved { quarter: Some((y, q)), ..Resolved::new(TimexType::Date, format!("{}-Q{q}", value::year(y))) };
                        }
                    }
                    // "a decade ago", "a century ago" count years back: the
                    // year reached, not the decade holding it
                    let grain = if matches!(unit, Unit::Decade | Unit::Century) { Unit::Year } else { *unit };
                    match shift(a, *sign as i64 * *n as i64, *unit) {
                        Some(d) => period(d, grain),
                        None => Resolved::new(TimexType::Date, unknown_period(grain).into()),
                    }
                }
                _ => Resolved::new(TimexType::Date, if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into()),
            }
        }
        Expr::Ref(r) => Resolved::new(TimexType::Date, r.code().into()),
        Expr::Workdays => Resolved::new(TimexType::Set, "XXXX-WXX-WD".into()),
        // (TIMEX3 has no value for a week with days left out: it recurs daily,
        // or on working days when the weekend is among them)
        Expr::DaysBut { except } if except & WEEKEND_DAYS == WEEKEND_DAYS => Resolved::new(TimexType::Set, "XXXX-WXX-WD".into()),
        Expr::DaysBut { .. } => Resolved::new(TimexType::Set, "P1D".into()),
        Expr::Holiday { rule, year, dir } => {
            let day = match (year, ctx.anchor) {
                (Some(y), _) => rule.date_written(*y, ctx.anchor),
                (None, Some(a)) => {
                    let y = a.year() as i32;
                    // the holiday's days in the years `from..=to`, in order
                    let days = |from: i32, to: i32| (from..=to).flat_map(|y| rule.dates(y)).flatten();
                    match dir {
                        // "last Christmas" / "next Easter": strictly before / after the anchor
                        Dir::Past => days(y - 1, y).rfind(|d| *d < a).or_else(|| rule.date(y - 1)),
                        Dir::Future => days(y, y + 1).find(|d| *d > a).or_else(|| rule.date(y + 1)),
                        Dir::This => nearest_day(a, Tense::loose(Dir::Infer), days(y, y)),
                        // a holiday is named as often for its season as for a day
                        // ("Christmas decorations", "Christmas made in China"): the
                        // tense only weighs
                        Dir::Infer => {
                            let tense = if ctx.prefer != crate::Prefer::Tense { ctx.tense } else { Tense::loose(ctx.tense.dir) };
                            nearest_day(a, tense, days(y, y).chain(days(y - 1, y - 1)).chain(days(y + 1, y + 1)))
                        }
                    }
                }
                (None, None) => None,
            };
            match day {
                Some(d) => Resolved::day(d),
                None => match rule {
                    crate::lexicon::HolidayRule::Fixed { month, day } => Resolved::new(TimexType::Date, format!("XXXX-{month:02}-{day:02}")),
                    _ => Resolved::new(TimexType::Date, "XXXX-XX-XX".into()),
                },
            }
        }
        Expr::Anaphor { unit, offset } if *offset != 0 => {
            // "the next day", "the previous year": from the period under
            // discussion, else the anchor; a period still to come is no base
            // for "the previous week" ("prices may jump next week ... up from
            // 171 million the previous week" compares with this week); a day
            // is ("the strike is on Friday ... the night before")
            let recalled = ctx.mentions.recall(*unit, ctx.anchor).filter(|&d| *offset > 0 || *unit == Unit::Day || ctx.anchor.is_none_or(|a| d <= a));
            let from = recalled.or(ctx.anchor);
            match from.and_then(|d| shift(d, *offset as i64, *unit)) {
                Some(d) => period(d, *unit),
                None => Resolved::new(TimexType::Date, unknown_period(*unit).into()),
            }
        }
        // ("its ninth day on Friday": the day written with it comes first)
        Expr::Anaphor { unit, .. } => match ctx.day.filter(|_| *unit == Unit::Day).map(|d| (d, Unit::Day)).or(ctx.last) {
            Some((d, have)) if granularity_rank(have) <= granularity_rank(*unit) => period(d, *unit),
            // a year known, the finer period not ("that day" after "in 1998")
            Some((d, have)) if granularity_rank(have) <= granularity_rank(Unit::Year) => {
                Resolved::new(TimexType::Date, format!("{}{}", value::year(d.year().into()), &unknown_period(*unit)[4..]))
            }
            // after a decade or century not even the year is known
            Some(_) => Resolved::new(TimexType::Date, unknown_period(*unit).into()),
            None => Resolved::new(TimexType::Date, unknown_period(*unit).into()),
        },
        Expr::Duration { amount, unit } => Resolved::new(TimexType::Duration, value::duration(*amount, *unit)),
        Expr::Reach { side, length } => {
            let mut r = resolve(length, ctx);
            if let Expr::Duration { amount: Amount::N(n), unit } = **length {
                r.stretch = reach(ctx, *side, n, unit);
            }
            r
        }
        Expr::Stretch => Resolved::new(TimexType::Duration, "PXX".into()),
        Expr::FromLast { dir, inner } => {
            // (the month or season of "that winter" is placed from the
            // middle of the period under discussion)
            let edge = ctx.last.and_then(|(d, unit)| period_bounds(d, unit)).and_then(|(start, end, _)| match dir {
                Dir::Past => Some(start),
                Dir::This => start.checked_add((start.until(end).ok()?.get_days() as i64 / 2).days()).ok(),
                _ => end.yesterday().ok(),
            });
            match edge {
                Some(a) => resolve(inner, &Context { anchor: Some(a), ..ctx.clone() }),
                None => resolve(inner, ctx),
            }
        }
        Expr::Compound { parts } => Resolved::new(TimexType::Duration, value::compound(parts)),
        // "call me in 2 hours": with a reference clock, a stretch of hours or
        // minutes not told in the past ends at a time
        Expr::InTime { amount: Amount::N(n), unit } if unit.is_clock() && ctx.now.is_some() && ctx.tense.dir != Dir::Past => {
            from_now(ctx.now.as_ref(), *n as i64, *unit).unwrap_or_else(|| Resolved::new(TimexType::Duration, value::duration(Amount::N(*n), *unit)))
        }
        // "in half an hour", "in an hour and a half": a part of the unit, in the next finer one
        Expr::InTime { amount: Amount::Frac(f), unit: u @ (Unit::Hour | Unit::Minute) } if ctx.now.is_some() && ctx.tense.dir != Dir::Past => {
            from_now_part(ctx.now.as_ref(), *f, *u).unwrap_or_else(|| Resolved::new(TimexType::Duration, value::duration(Amount::Frac(*f), *u)))
        }
        // (else a stretch of hours or minutes is a length, as TimeML annotates it)
        Expr::InTime { amount, unit } if unit.is_clock() => Resolved::new(TimexType::Duration, value::duration(*amount, *unit)),
        // ("in 10 days" ahead under its sentence's tense or a reader's looking ahead)
        Expr::InTime { amount, unit } if ctx.tense.dir == Dir::Future || ctx.prefer == crate::Prefer::Future => {
            resolve(&Expr::Shift { amount: *amount, unit: *unit, sign: 1, event: false, compared: false }, ctx)
        }
        Expr::InTime { amount, unit } => Resolved::new(TimexType::Duration, value::duration(*amount, *unit)),
        Expr::Time { clock, date } => {
            let day = match date {
                Some(d) => resolve(d, ctx).day,
                // "the attack happened shortly after midnight": the midnight
                // that ends a day lies behind the anchor only as the end of
                // the day before it
                None if clock.hour == 24 && ctx.day.or(ctx.recent_day).is_none() && ctx.tense.dir == Dir::Past => {
                    ctx.anchor.and_then(|a| a.yesterday().ok())
                }
                None => ctx.day.or(ctx.recent_day).or(ctx.anchor),
            };
            // "Thursday at 25:45" is 1:45 on Friday
            let (day, clock) = match clock.past_midnight() {
                Some(c) => (day.and_then(|d| d.tomorrow().ok()), c),
                None => (day, *clock),
            };
            // a clock time with no day of its own, read by one who looks
            // ahead or back from a reference instant: the next (or last)
            // time the dial shows it
            let (day, clock) = match (date, ctx.day.or(ctx.recent_day), &ctx.now) {
                (None, None, Some(now)) if clock.zone.is_none() && ctx.prefer != crate::Prefer::Tense => {
                    nearest_reading(now, &clock, ctx.prefer == crate::Prefer::Future).unwrap_or((day, clock))
                }
                _ => (day, clock),
            };
            let mut r = Resolved::new(TimexType::Time, value::clock(day, &clock));
            r.day = day;
            r.clock = Some(clock);
            r
        }
        Expr::PartOfDay { pod, date } => {
            let day = match date {
                Some(d) => resolve(d, ctx).day,
                None => ctx.anchor,
            };
            // A part of a named day ("Wednesday night", "the morning of June 3") is typed as
            // the day it belongs to, as TE3 news annotation does; deictic ones ("this morning",
            // "last night") stay times of day.
            let named = date.as_deref().is_some_and(|d| d.is_weekday() || matches!(d, Expr::Date { .. } | Expr::Anaphor { .. }));
            let mut r = Resolved::new(if named { TimexType::Date } else { TimexType::Time }, value::part_of_day(day, *pod));
            r.day = day;
            r.pod = Some(*pod);
            r
        }
        // "the Monday after Easter": the first such weekday strictly after (or before) the day
        Expr::WeekdayAround { dow, day, dir } => match resolve(day, ctx).day.and_then(|d| weekday_near(d, *dow, *dir, true)) {
            Some(d) => Resolved::day(d),
            None => Resolved::new(TimexType::Date, "XXXX-XX-XX".into()),
        },
        Expr::Around { day, unit, offset, grain } => match resolve(day, ctx).day.and_then(|d| shift(d, *offset as i64, *unit)) {
            Some(d) => period(d, *grain),
            None => Resolved::new(TimexType::Date, unknown_period(*grain).into()),
        },
        Expr::PeriodOfYear { year } => match (ctx.recent_quarter, Date::new(*year as i16, 1, 1)) {
            (Some((_, q)), Ok(d)) => match d.checked_add((3 * (q as i32 - 1)).months()) {
                Ok(d) => period(d, Unit::Quarter),
                Err(_) => period(d, Unit::Year),
            },
            (None, Ok(d)) => period(d, Unit::Year),
            (_, Err(_)) => Resolved::new(TimexType::Date, format!("{year:04}")),
        },
        Expr::InYear { inner, year } => match (&**inner, year_of(*year, ctx)) {
            (Expr::Date { year: None, month, day, dir }, Some(y)) => resolve(&Expr::Date { year: Some(y), month: *month, day: *day, dir: *dir }, ctx),
            // "September that year" with no year before it
            (inner @ Expr::Date { year: None, .. }, None) if *year == YearRef::Anaphoric => Resolved::new(TimexType::Date, set_value(inner)),
            _ => resolve(inner, ctx),
        },
        Expr::Mod { m, inner } => {
            let mut r = resolve(inner, ctx);
            r.modifier = Some(*m);
            r
        }
        // (only ever the `each` of a set, which `set_value` reads)
        Expr::EveryNth { each, .. } => resolve(each, ctx),
        Expr::Set { each, freq, quant } => {
            let value = set_value(each);
            Resolved { quant: *quant, freq: freq.map(|f| format!("{f}X")), ..Resolved::new(TimexType::Set, value) }
        }
    }
}

fn set_value(each: &Expr) -> String {
    match each {
        Expr::Duration { amount, unit } => value::duration(*amount, *unit),
        Expr::Reach { length, .. } => set_value(length),
        Expr::Weekday { dow, .. } => format!("XXXX-WXX-{dow}"),
        Expr::Weekend { .. } => "XXXX-WXX-WE".into(),
        // "every other Tuesday": the weekday (the interval is in the rule)
        Expr::EveryNth { each, .. } => set_value(each),
        // "the first Monday of every month": the period it recurs in
        Expr::NthWeekday { .. } | Expr::NthWorkday { .. } => "P1M".into(),
        // "each summer", "every first quarter"
        Expr::Part { part: Part::Season(se), .. } => format!("XXXX-{}", se.code()),
        Expr::Part { part: Part::Quarter(q), .. } => format!("XXXX-Q{q}"),
        Expr::Part { part: Part::Half(h), .. } => format!("XXXX-H{h}"),
        Expr::Workdays => "XXXX-WXX-WD".into(),
        Expr::DaysBut { except } if except & WEEKEND_DAYS == WEEKEND_DAYS => "XXXX-WXX-WD".into(),
        Expr::DaysBut { .. } => "P1D".into(),
        Expr::Date { month: Some(m), day: None, .. } => format!("XXXX-{m:02}"),
        Expr::Date { month: Some(m), day: Some(d), .. } => format!("XXXX-{m:02}-{d:02}"),
        // (of every day but some: "every evening except Fridays", the days left
        // out only in the rule)
        Expr::PartOfDay { pod, date: Some(d) } if matches!(**d, Expr::DaysBut { .. }) => format!("XXXX-XX-XXT{}", pod.code()),
        Expr::PartOfDay { pod, date: Some(d) } => format!("{}T{}", set_value(d), pod.code()),
        Expr::PartOfDay { pod, date: None } => format!("XXXX-XX-XXT{}", pod.code()),
        Expr::Time { clock, .. } => value::clock(None, &clock.past_midnight().unwrap_or(*clock)),
        // "the 15th of every month", "the first day of each year"
        Expr::DayOf { day: DayIn::Nth(d), period } if matches!(**period, Expr::Duration { unit: Unit::Month, .. }) => format!("XXXX-XX-{d:02}"),
        Expr::DayOf { day: DayIn::Nth(d), .. } => format!("XXXX-01-{d:02}"),
        Expr::DayOf { day: DayIn::Last, period } if matches!(**period, Expr::Duration { unit: Unit::Year, .. }) => "XXXX-12-31".into(),
        _ => "XXXX-XX-XX".into(),
    }
}

/// The year a written year reference names: an explicit one, one counted from
/// the anchor, or the year of the period mentioned last ("that year").
fn year_of(year: YearRef, ctx: &Context) -> Option<i32> {
    match year {
        YearRef::Explicit(y) => Some(y),
        YearRef::Relative(o) => ctx.anchor.map(|a| a.year() as i32 + o),
        YearRef::Anaphoric => ctx.last.map(|(d, _)| d.year() as i32),
        YearRef::Implicit => None,
    }
}

fn resolve_part(part: Part, year: YearRef, dir: Dir, ctx: &Context) -> Resolved {
    let code = |y: Option<i32>| {
        let ys = y.map_or("XXXX".to_string(), value::year);
        match part {
            Part::Quarter(q) => format!("{ys}-Q{q}"),
            Part::Half(h) => format!("{ys}-H{h}"),
            Part::Season(s) => format!("{ys}-{}", s.code()),
        }
    };
    // where the part starts and ends, in months of its year
    let (first, last) = match part {
        Part::Quarter(q) => (3 * q - 2, 3 * q),
        Part::Half(h) => (6 * h - 5, 6 * h),
        Part::Season(s) => (s.start_month(), s.start_month() + 2),
    };
    // the year of the nearest part strictly before or after the day `a`
    // ("last summer" / "next summer"), or of the one holding it ("this summer")
    let from = |a: Date| {
        let (y, m) = (a.year() as i32, a.month() as u8);
        // the year of the part holding `a`, if one does (January is in the
        // winter of the year before)
        let holding = if (first..=last).contains(&m) {
            Some(y)
        } else if last > 12 && m <= last - 12 {
            Some(y - 1)
        } else {
            None
        };
        match (dir, holding) {
            (Dir::Past, Some(h)) => h - 1,
            (Dir::Future, Some(h)) => h + 1,
            (_, Some(h)) => h,
            (Dir::Past, None) if first > m => y - 1,
            (Dir::Future, None) if last < m => y + 1,
            _ => y,
        }
    };
    let y = match (year, ctx.anchor) {
        (YearRef::Explicit(_) | YearRef::Relative(_) | YearRef::Anaphoric, _) => year_of(year, ctx),
        (YearRef::Implicit, None) => None,
        (YearRef::Implicit, Some(a)) if dir == Dir::Infer => Some(
            nearest_span_year(a, ctx.tense, |y| {
                // the part's first and last day: months first..=last from year y (winter spills over)
                let start = Date::new(y as i16, first as i8, 1).ok()?;
                let end = start.checked_add(((last - first + 1) as i32).months()).ok()?.yesterday().ok()?;
                Some((start, end))
            })
            .unwrap_or(a.year() as i32),
        ),
        (YearRef::Implicit, Some(a)) => Some(from(a)),
    };
    let mut r = Resolved::new(TimexType::Date, code(y));
    // (the middle month of a season, or of a half with its year written:
    // winter's is January of the next year; a bare "second half" is too
    // often a game's to become the topic)
    let middle = |y: i32| Date::new(y as i16, 1, 1).ok()?.checked_add((((first + last) / 2 - 1) as i32).months()).ok();
    if matches!(part, Part::Season(_)) || year != YearRef::Implicit {
        r.topic = y.and_then(middle).map(|d| (d, Unit::Month));
    }
    if let (Part::Quarter(q), Some(y)) = (part, y) {
        r.quarter = Some((y, q));
        r.point = Date::new(y as i16, (3 * q - 2) as i8, 1).ok().map(|d| (d, Unit::Quarter));
    }
    r
}

/// Whether `e` is read from an anchor (the DCT, in TimeML's `anchorTimeID`
/// sense): a date without its year, a weekday, anything relative.
pub(crate) fn needs_anchor(e: &Expr) -> bool {
    match e {
        Expr::Date { year, .. } => year.is_none(),
        e if e.is_weekday() => true,
        Expr::Weekend { .. } | Expr::Relative { .. } | Expr::Shift { .. } | Expr::InYear { .. } => true,
        Expr::Part { year, .. } => !matches!(year, YearRef::Explicit(_)),
        Expr::Time { date, .. } | Expr::PartOfDay { date, .. } => date.as_ref().is_none_or(|d| needs_anchor(d)),
        Expr::Around { day, .. } | Expr::WeekdayAround { day, .. } => needs_anchor(day),
        Expr::DayOf { period, .. } | Expr::NthWeekday { period, .. } | Expr::NthWorkday { period, .. } | Expr::NthWeek { period, .. } => {
            needs_anchor(period)
        }
        Expr::WeekOf { day, .. } => needs_anchor(day),
        Expr::PeriodOf { of, .. } => needs_anchor(of),
        Expr::FromLast { .. } => true,
        Expr::Mod { inner, .. } => needs_anchor(inner),
        _ => false,
    }
}

/// The weekday of `d` as an RFC 5545 two-letter code.
pub fn ical_day(dow: u8) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][(dow.clamp(1, 7) - 1) as usize]
}

/// The `d`-th of the month the anchor is in, or of the nearest month after
/// (`Future`) or before (`Past`) it that has such a day when the anchor's
/// own is on the other side; months without the day are passed over.
fn nth_of_month(anchor: Date, d: u8, dir: Dir) -> Option<Date> {
    let first = anchor.first_of_month();
    let nth = |months: i32| first.checked_add(jiff::Span::new().months(months)).ok().and_then(|m| Date::new(m.year(), m.month(), d as i8).ok());
    let step = match dir {
        Dir::Future => 1,
        Dir::Past => -1,
        _ => return nth(0).or_else(|| nth(1)),
    };
    (0..3).map(|k| k * step).filter_map(nth).find(|&day| if step > 0 { day >= anchor } else { day <= anchor })
}

/// The day `d` of the month nearest `anchor` in direction `dir` (either way
/// for none) that falls on ISO weekday `dow`, among the next three such days:
/// "Friday the 13th" said in April 2031 is June 13, 2031.
fn nth_of_month_on(anchor: Date, d: u8, dir: Dir, dow: u8) -> Option<Date> {
    let first = anchor.first_of_month();
    let nth = |months: i32| first.checked_add(jiff::Span::new().months(months)).ok().and_then(|m| Date::new(m.year(), m.month(), d as i8).ok());
    let on = |day: &Date| day.weekday().to_monday_one_offset() as u8 == dow;
    // (within the next three such days on each side: a weekday that fits none
    // of them is a slip, and the caller reads the weekday)
    let ahead = (0..=3).filter_map(nth).filter(|day| *day >= anchor).take(3).find(on);
    let back = (0..=3).filter_map(|k| nth(-k)).filter(|day| *day <= anchor).take(3).find(on);
    match dir {
        Dir::Future => ahead,
        Dir::Past => back,
        _ => match (ahead, back) {
            (Some(a), Some(b)) => Some(if (a - anchor).get_days() <= (anchor - b).get_days() { a } else { b }),
            (a, b) => a.or(b),
        },
    }
}

/// The stretch "the last `n` units" (`side` -1) or "the next `n` units"
/// (+1) covers: whole units before the one the anchor is in, or after it
/// ("the last 3 days" said on the 12th is the 9th to the 11th; "the next two
/// weeks" the two weeks after this one). Hours and minutes count from the
/// reference instant, which they need.
fn reach(ctx: &Context, side: i8, n: u32, unit: Unit) -> Option<(jiff::civil::DateTime, jiff::civil::DateTime, &'static str)> {
    let n = i64::from(n);
    if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) {
        let now = ctx.now.as_ref()?.datetime();
        let span = match unit {
            Unit::Hour => jiff::Span::new().try_hours(n).ok()?,
            Unit::Minute => jiff::Span::new().try_minutes(n).ok()?,
            _ => jiff::Span::new().try_seconds(n).ok()?,
        };
        let grain = match unit {
            Unit::Hour => "hour",
            Unit::Minute => "minute",
            _ => "second",
        };
        let other = if side < 0 { now.checked_sub(span) } else { now.checked_add(span) }.ok()?;
        return Some(if side < 0 { (other, now, grain) } else { (now, other, grain) });
    }
    let (start, _, grain) = period_bounds(ctx.anchor?, unit)?;
    let (step, count) = match unit {
        Unit::Fortnight => (Unit::Week, 2 * n),
        Unit::Decade => (Unit::Year, 10 * n),
        Unit::Century => (Unit::Year, 100 * n),
        u => (u, n),
    };
    let (from, to) =
        if side < 0 { (shift(start, -count, step)?, start) } else { (shift(start, 1, unit)?, shift(shift(start, 1, unit)?, count, step)?) };
    let midnight = jiff::civil::Time::midnight();
    Some((from.to_datetime(midnight), to.to_datetime(midnight), grain))
}
