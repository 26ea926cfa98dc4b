//! Schedule bounds: the first and last day of each recurrence, as the whole
//! document states them.
//!
//! A schedule's own sentence often gives its bounds ("every Thursday at 9
//! p.m., starting May 3, through Dec. 22"); the link stage finds those. An
//! article also bounds a schedule from other sentences:
//! - it follows an event told before: "The inaugural flight leaves at 11:05
//!   on March 30 ... The service will then operate every day, leaving
//!   Dublin at 11:05" starts on March 30;
//! - an event opens it: "The series premieres Friday, Oct. 3, at 9 p.m. ET
//!   ... New episodes air Fridays at 9 p.m." starts on Oct. 3;
//! - a date ends its run: "airs weekdays at 8:30 a.m. ... The initial run
//!   ends on Friday, June 26";
//! - it lasts as long as another run: "Every Wednesday at 6 p.m. for the
//!   duration of the exhibition" takes the exhibition's days.
//!
//! Each look is bounded by a few sentences or a few schedules, so the stage
//! stays linear in the document's length.

use jiff::civil::Date;

use super::runs::{extent, Doc};
use super::sentences::Sentences;
use super::{clock_of, set_clock, Inputs, Settled};
use crate::expr::{Amount, Expr, Unit};
use crate::grammar::{Found, Link, LinkKind};
use crate::recur::{recurrence, End, Recurrence};
use crate::resolve::{period_bounds, Resolved};
use crate::tuning::{COUNT_REACH, LEAD_RUN_DAYS, SENTENCE_SCAN, SMALL_HOURS_END, SPAN_SCHEDULES};
use crate::zones::Zone;

/// The days a schedule runs between.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Bounds {
    /// The first day it may recur on ("starting May 3", the premiere it
    /// follows); the DCT when the text states none.
    pub(crate) since: Option<Date>,
    /// The last day it may recur on ("through Dec. 22", "The run ends on
    /// June 26").
    pub(crate) until: Option<Date>,
    /// How long it lasts from its first occurrence ("for six weeks").
    pub(crate) lasting: Option<(u32, Unit)>,
    /// How many times it occurs ("it will run for six episodes").
    pub(crate) count: Option<u32>,
    /// Whether it repeats within one stretch of one day, from its clock time
    /// to its end ("On Saturday, ... every 30 minutes from 8 a.m. until
    /// noon"): `since` is that day.
    pub(crate) one_day: bool,
}

/// The rule of a recurrence link, counted from its start (else the DCT),
/// bounded as the document settled it, in the zone of its clock time.
pub(crate) fn link_recurrence(found: &[Found], l: &Link, b: &Bounds, dct: Option<Date>, zone: Option<&Zone>) -> Option<Recurrence> {
    let parts = rule_parts(found, l);
    let exprs: Vec<&Expr> = parts.iter().collect();
    // ("from 7 to 9 p.m.": the clock time each occurrence ends at)
    let to_clock = l.ends.and_then(|e| clock_of(&found[e].expr));
    let shift = parts.iter().filter_map(set_clock).any(|c| morning_after_nights(&parts, c));
    let morning_after = |d: Option<Date>| if shift { d.and_then(|d| d.tomorrow().ok()) } else { d };
    let end = End { until: morning_after(b.until), lasting: b.lasting, count: b.count, to_clock, one_day: b.one_day };
    recurrence(&exprs, morning_after(b.since.or(dct)), end, zone)
}

/// Whether clock time `c` of a schedule of every night ("every night of the
/// market, from Feb. 8 to March 8, until 1 a.m.", "nightly") is of the small
/// hours: it falls on the morning after each night, the first and the last
/// too.
pub(crate) fn morning_after_nights(parts: &[Expr], c: crate::expr::Clock) -> bool {
    let nightly =
        parts.iter().any(|p| matches!(p, Expr::Set { each, .. } if matches!(**each, Expr::PartOfDay { pod: crate::expr::Pod::Night, date: None })));
    // (not midnight itself, which the row of "open nightly at 12" reads as the
    // start of each day)
    let midnight = c.hour == 0 && c.minute.unwrap_or(0) == 0;
    nightly && c.hour < SMALL_HOURS_END && !midnight
}

/// The expressions a recurrence's rule is read from: its members, with the
/// days between the ends of a span ("Mondays through Thursdays" holds
/// Tuesday and Wednesday), and a count per day that its clock times spell
/// out read as each of them daily ("twice daily, at 11 a.m. and 2 p.m.").
pub(crate) fn rule_parts(found: &[Found], l: &Link) -> Vec<Expr> {
    let mut parts: Vec<Expr> = l.members.iter().map(|&m| found[m].expr.clone()).collect();
    let clocks = parts.iter().filter(|e| set_clock(e).is_some()).count() as u32;
    for p in &mut parts {
        if let Expr::Set { freq, .. } = p {
            if *freq == Some(clocks) && clocks > 1 {
                *freq = None;
            }
        }
    }
    let days: Vec<u8> = parts.iter().filter_map(set_weekday).collect();
    if let (true, [a, b]) = (l.through, days.as_slice()) {
        // (a span may wrap past Sunday: "Friday through Monday")
        let between = (1..7).map(|k| (*a - 1 + k) % 7 + 1).take_while(|d| d != b);
        let inner: Vec<Expr> =
            between.map(|d| Expr::Set { each: Box::new(Expr::Weekday { dow: d, dir: crate::expr::Dir::Infer }), freq: None, quant: None }).collect();
        parts.extend(inner);
    }
    // ("every Saturday night at 1 a.m.", "Friday and Saturday nights until
    // 1:30 a.m."): a time of the small hours on a weekday's night falls on
    // the morning after it
    let small_hours = parts.iter().filter_map(set_clock).any(|c| c.hour < SMALL_HOURS_END);
    if small_hours {
        let mut next_days = Vec::new();
        parts.retain(|p| match night_days(p) {
            Some(days) => {
                next_days.extend(days.into_iter().map(|d| d % 7 + 1));
                false
            }
            None => true,
        });
        parts.extend(next_days.into_iter().map(|d| Expr::Set {
            each: Box::new(Expr::Weekday { dow: d, dir: crate::expr::Dir::Infer }),
            freq: None,
            quant: None,
        }));
    }
    parts
}

/// The weekdays (Monday 1) whose nights a recurring member names ("Saturday
/// nights", "weeknights"), if it names nights.
fn night_days(e: &Expr) -> Option<Vec<u8>> {
    let Expr::Set { each, .. } = e else { return None };
    let Expr::PartOfDay { pod: crate::expr::Pod::Night, date: Some(d) } = &**each else { return None };
    match &**d {
        Expr::Weekday { dow, .. } => Some(vec![*dow]),
        Expr::Workdays => Some((1..=5).collect()),
        Expr::Weekend { .. } => Some(vec![6, 7]),
        Expr::DaysBut { except } => Some((1..=7).filter(|d| except & (1 << d) == 0).collect()),
        _ => None,
    }
}

/// The weekday a recurring member recurs on ("every Tuesday", "Tuesday
/// nights"), if it is one.
fn set_weekday(e: &Expr) -> Option<u8> {
    fn weekday(e: &Expr) -> Option<u8> {
        match e {
            Expr::Weekday { dow, .. } => Some(*dow),
            Expr::PartOfDay { date: Some(d), .. } => weekday(d),
            _ => None,
        }
    }
    match e {
        Expr::Set { each, .. } => weekday(each),
        _ => None,
    }
}

/// The bounds the link stage found in a recurrence's own sentence.
fn stated(found: &[Found], l: &Link, resolved: &[Resolved]) -> Bounds {
    // (through the last day of a month: "until the end of September")
    let until = l
        .until
        .and_then(|u| resolved.get(u))
        .and_then(|r| r.day.or_else(|| r.point.and_then(|(d, unit)| period_bounds(d, unit)).and_then(|(_, after, _)| after.yesterday().ok())));
    let lasting = l.lasting.and_then(|d| match *found[d].expr.measured() {
        Expr::Duration { amount: Amount::N(n), unit } => Some((n, unit)),
        _ => None,
    });
    // (a month's first day: "starting in December")
    // (a week's first day: "from next week")
    let since = l.start.and_then(|u| resolved.get(u)).and_then(|r| match r.point {
        Some((d, Unit::Day)) => Some(d),
        Some((d, unit)) => period_bounds(d, unit).map(|b| b.0).or(Some(d)),
        None => r.day,
    });
    Bounds { since, until, lasting, count: None, one_day: false }
}

/// Whether a recurrence repeats within the day and names no days of its
/// own: "every 30 minutes from 8 a.m.", "every hour from 10 a.m. to 2 p.m.",
/// not "every 15 minutes on weekdays" nor "hourly, daily".
fn within_a_day(parts: &[Expr]) -> bool {
    let mut sub_daily = false;
    for p in parts {
        match p {
            Expr::Set { each, .. } => match &**each {
                Expr::Duration { unit: Unit::Second | Unit::Minute | Unit::Hour, .. } => sub_daily = true,
                Expr::Time { .. } => {}
                _ => return false,
            },
            Expr::Time { .. } => {}
            _ => return false,
        }
    }
    sub_daily
}

/// The one day a recurrence within the day runs on, as its sentence names
/// it: "On Saturday, the company will run sailings every 30 minutes from 8
/// a.m. until noon", "trains would run on Sunday, every 20 minutes from 7
/// a.m. to 9 p.m.", "every hour from 10 a.m. to 2 p.m. on Tuesday", "every
/// half hour from 10:30 p.m. to 12:30 a.m. that night". The day named
/// nearest to it in its sentence, outside it, that dates no report.
fn the_one_day(inp: &Inputs<'_, '_>, sent: &Sentences, resolved: &[Resolved], l: &Link) -> Option<Date> {
    let found = inp.doc.found;
    if !within_a_day(&rule_parts(found, l)) || l.start.is_some() || l.until.is_some() || l.lasting.is_some() {
        return None;
    }
    let (first, last) = extent(found, l);
    let here = sent.of(found[first].start);
    let own = |k: usize| l.members.contains(&k) || l.ends == Some(k);
    let distance = |k: usize| {
        if found[k].end <= found[first].start {
            found[first].start - found[k].end
        } else {
            found[k].start.saturating_sub(found[last].end)
        }
    };
    // (the expressions of its sentence lie within a few of it either way)
    (first.saturating_sub(SENTENCE_SCAN)..(last + 1 + SENTENCE_SCAN).min(found.len()))
        // (not the day of a report: "buses will run every 15 minutes from 6
        // a.m., the council said on Monday")
        .filter(|&k| !own(k) && sent.of(found[k].start) == here && !(inp.doc.language.reports)(inp.doc.toks, found[k].start, found[k].end))
        // (one after it in a clause of its own is that clause's: "every 10
        // minutes from 6 a.m. to 1 a.m., and shuttles start on Monday")
        .filter(|&k| found[k].start < found[first].start || sent.clause(found[k].start) == sent.clause(found[last].start))
        .filter_map(|k| match resolved.get(k)? {
            Resolved { point: Some((d, Unit::Day)), .. } => Some((distance(k), *d)),
            // a part of a day: "that night", "Saturday morning"
            Resolved { day: Some(d), pod: Some(_), clock: None, .. } => Some((distance(k), *d)),
            _ => None,
        })
        .min_by_key(|&(dist, _)| dist)
        .map(|(_, d)| d)
        // (else the day of the one-off time told last before it in the sentence
        // before, of its paragraph: "On Kadooment Day itself, the bands ... begin
        // crossing the stage at 9 a.m. The Transport Board will run shuttle buses
        // ... every 20 minutes from 5:30 a.m.")
        .or_else(|| {
            let one_off = |k: usize| resolved[k].clock.is_some() && !matches!(found[k].expr, Expr::Set { .. });
            let before =
                (first.saturating_sub(SENTENCE_SCAN)..first).rev().take_while(|&k| sent.of(found[k].start) + 1 >= here).find(|&k| one_off(k))?;
            let near = sent.of(found[before].start) + 1 == here && sent.paragraph(found[before].start) == sent.paragraph(found[first].start);
            // (not a day gone by: "The strike ended at 6 p.m. on Tuesday. Trains now run
            // every 10 minutes from 6 a.m.")
            near.then_some(resolved[before].day).flatten().filter(|&d| inp.doc.dct.is_none_or(|a| d >= a))
        })
}

/// The days of the one week a span of weekdays is told of (see
/// `settle_bounds`), if it is told of one.
fn one_week(inp: &Inputs<'_, '_>, l: &Link) -> Option<(Date, Date)> {
    let found = inp.doc.found;
    if l.kind != LinkKind::Recurrence || !l.through || l.start.is_some() || l.until.is_some() {
        return None;
    }
    let dow = |m: usize| set_weekday(&found[m].expr);
    let days: Vec<usize> = l.members.iter().copied().filter(|&m| dow(m).is_some()).collect();
    let [a, b] = days[..] else { return None };
    let (first, last) = if found[a].start < found[b].start { (a, b) } else { (b, a) };
    if !(inp.doc.language.one_week)(inp.doc.toks, found[last].end) {
        return None;
    }
    let dct = inp.doc.dct?;
    let (from, to) = (dow(first)?, dow(last)?);
    // (this week's span when the DCT falls within it, else the next one, or the
    // last one when the sentence tells of the past: "were open ... from Monday
    // to Wednesday")
    let back = (dct.weekday().to_monday_one_offset() as i64 - from as i64).rem_euclid(7);
    let length = (to as i64 - from as i64).rem_euclid(7);
    let tense = inp.doc.tense(first);
    let past = tense.dir == crate::expr::Dir::Past;
    let since = if back <= length || past {
        dct.checked_sub(jiff::Span::new().days(back)).ok()?
    } else {
        crate::resolve::weekday_near(dct, from, crate::expr::Dir::Future, true)?
    };
    Some((since, since.checked_add(jiff::Span::new().days(length)).ok()?))
}

/// The bounds of every link (default for links that are no recurrence):
/// those of its own sentence, and, when the document has clock times and
/// so its sentences were cut (`sent`), those other sentences give.
pub(super) fn settle_bounds(inp: &Inputs<'_, '_>, sent: Option<&Sentences>, resolved: &[Resolved], settled: &[Settled]) -> Vec<Bounds> {
    let (found, links) = (inp.doc.found, inp.doc.links);
    let mut bounds: Vec<Bounds> =
        links.iter().map(|l| if l.kind == LinkKind::Recurrence { stated(found, l, resolved) } else { Bounds::default() }).collect();
    // a count of occurrences told after it ("...; it will run for six episodes")
    for (l, b) in links.iter().zip(bounds.iter_mut()) {
        if l.kind == LinkKind::Recurrence && !l.members.is_empty() && b.until.is_none() && b.lasting.is_none() {
            let end = l.clock_end(found);
            b.count = (inp.doc.language.counted_occurrences)(inp.doc.toks, end, end + COUNT_REACH);
        }
    }
    // the end of a period read as one gone by is that of the period the
    // schedule runs in ("every Tuesday at 11 a.m. until the end of the
    // quarter", which news names as the last one reported)
    for (l, b) in links.iter().zip(bounds.iter_mut()) {
        let quarter = |e: &Expr| matches!(e, Expr::Anaphor { unit: Unit::Quarter, .. } | Expr::Relative { unit: Unit::Quarter, .. });
        let Some(u) = l.until.filter(|&u| matches!(&found[u].expr, Expr::Mod { inner, .. } if quarter(inner))) else {
            continue;
        };
        let (Some(start), Some((first, unit))) = (b.since.or(inp.doc.dct), resolved[u].point.or(resolved[u].topic)) else { continue };
        if b.until.is_some_and(|d| d >= start) {
            continue;
        }
        let mut from = first;
        while let Some((_, after, _)) = period_bounds(from, unit).filter(|&(_, after, _)| after <= start) {
            from = after;
        }
        b.until = period_bounds(from, unit).and_then(|(_, after, _)| after.yesterday().ok()).or(b.until);
    }
    // a bare weekday that starts a run ending on a stated day is the last such
    // weekday before that end ("every day at 9 a.m. from Thursday until Oct.
    // 29", when a Thursday, Oct. 30, was told before), not before the DCT;
    // nor is it that end itself ("open daily from Thursday through Dec. 23",
    // when the Thursday Dec. 23 was told before: a run of days has two)
    for (l, b) in links.iter().zip(bounds.iter_mut()) {
        let weekday = l.start.is_some_and(|s| found[s].expr.is_weekday());
        if let (true, Some(since), Some(until)) = (weekday, b.since, b.until) {
            if since > until || since == until && l.until.is_some_and(|u| Some(u) != l.start) {
                let back = (1..=2).filter_map(|w| since.checked_sub(jiff::Span::new().weeks(w)).ok()).find(|&d| d <= until);
                b.since = back.filter(|&d| inp.doc.dct.is_none_or(|a| d >= a)).or(b.since);
            }
        }
        // a bare weekday that starts a run still to come is the next such day,
        // unless its sentence tells of the past ("opens at 9 a.m. each weekday
        // morning, beginning Friday, until Dec. 4" on a Monday)
        if let (true, Some(since), Some(dct), Some(s)) = (weekday, b.since, inp.doc.dct, l.start) {
            let tense = inp.doc.tense(s);
            let past = tense.firm && tense.dir == crate::expr::Dir::Past;
            if since < dct && !past && b.until.is_none_or(|u| u >= dct) {
                let ahead = since.checked_add(jiff::Span::new().weeks(1)).ok().filter(|&d| d >= dct && b.until.is_none_or(|u| d <= u));
                b.since = ahead.or(b.since);
            }
        }
    }
    // a span of weekdays told of one week, its last day named as the last of
    // something, is that week's days, not a weekly rule: "open from 8 a.m. to
    // 9:30 p.m. from Monday to Wednesday, the last day for posting a ballot"
    // (the week the DCT falls in when it is within the span, else the next);
    // "Buses leave at 11:45 a.m. from Monday to Saturday" stays weekly
    for (l, b) in links.iter().zip(bounds.iter_mut()) {
        if let Some((since, until)) = one_week(inp, l).filter(|_| *b == Bounds::default()) {
            *b = Bounds { since: Some(since), until: Some(until), lasting: None, count: None, one_day: false };
        }
    }
    let Some(sent) = sent else { return bounds };
    // a recurrence within one stretch of a day its sentence names
    for (l, b) in links.iter().zip(bounds.iter_mut()) {
        if l.kind == LinkKind::Recurrence && !l.members.is_empty() && *b == Bounds::default() {
            if let Some(day) = the_one_day(inp, sent, resolved, l) {
                *b = Bounds { since: Some(day), until: Some(day), lasting: None, count: None, one_day: true };
            }
        }
    }
    let doc = Doc::new(inp, sent, resolved, settled);
    let ends = doc.end_statements();
    let runs = doc.run_statements();
    let lead = doc.lead_run(&runs);
    // (a start told before the DCT is no start of what is still to come)
    let not_before_dct = |d: Date| inp.doc.dct.is_none_or(|a| d >= a);
    // the recurrences in text order, each with its bounds settled in turn,
    // so that a run that spans another takes that one's settled days
    let mut order: Vec<usize> = (0..links.len()).filter(|&l| links[l].kind == LinkKind::Recurrence && !links[l].members.is_empty()).collect();
    order.sort_by_key(|&l| extent(found, &links[l]).0);
    for (k, &l) in order.iter().enumerate() {
        let link = &links[l];
        let (first, _) = extent(found, link);
        let mut b = bounds[l];
        // (a schedule told with the one before shares its run, unless it
        // states its own: "Evening performances are Tuesday to Saturday at
        // 7:45 p.m., with matinees on Thursdays and Saturdays at 2:30 p.m.",
        // "... at 7:30 p.m. through Dec. 14, with matinees every Thursday")
        let companion = order[k.saturating_sub(1)..k].first().copied().filter(|&o| {
            let lo = &links[o];
            // (its bounds told before the second's: "at 7:30 p.m. through Dec. 14,
            // with matinees")
            let bounds = lo.until.iter().chain(&lo.start).chain(&lo.lasting).map(|&m| found[m].end);
            let end = bounds.filter(|&e| e <= found[first].start).fold(lo.clock_end(found), usize::max);
            (inp.doc.language.told_with)(inp.doc.toks, end, found[first].start)
        });
        // (not when it states its own start, "with the winter timetable ...
        // starting Oct. 1", or outlasts the run, "with the café open daily at 9
        // a.m. all year")
        let own_start = link.start.is_some_and(|s| found[s].start > found[first].start);
        let own_run = own_start || doc.outlasts_the_run(link);
        if let Some(o) = companion.filter(|_| b.until.is_none() && b.lasting.is_none() && b.count.is_none() && !own_run) {
            // (not a count, which is of the first's occurrences)
            b.until = bounds[o].until;
            b.lasting = bounds[o].lasting;
        }
        // (the times told from another place keep the days of their schedule:
        // "every day at 7:15 a.m. and 1:40 p.m. Indian time, and Kurtha at 10:30
        // a.m. and 4:45 p.m. Nepal time", which the link stage split in two)
        // (the parts sort side by side, sharing their first member)
        let shared = k.checked_sub(1).map(|j| &order[j]).filter(|&&o| !link.members.is_empty() && links[o].members.first() == link.members.first());
        if let (Some(&o), true) = (shared, b == Bounds::default()) {
            bounds[l] = bounds[o];
            continue;
        }
        // (the event's opening starts, and its run bounds, no schedule that
        // outlasts it: "daily at 10 a.m. year-round")
        let outlasts = doc.outlasts_the_run(link);
        let run = (b == Bounds::default()).then(|| doc.run_of(&runs, link)).flatten();
        // (an event the sentence names as its end, dated elsewhere, comes first:
        // "every Wednesday at 7:30 p.m. until the deadline"; and that event opens
        // nothing: "ahead of the April 15 filing deadline. Help desks will take
        // calls every weekday at 6 p.m. until the deadline")
        let noun_end = (b.until.is_none() && b.lasting.is_none()).then(|| doc.noun_end(link, b.since.or(inp.doc.dct))).flatten();
        // ("every 30 minutes from 6 p.m. to 11:30 p.m. on both nights": the days
        // told before, else those of the schedule told before with both bounds,
        // "Sessions will run daily ... until Sunday, March 1 ... every half hour
        // ... on each festival day")
        // (also over the one day its sentence names: "on each of the four
        // festival days, Monday, April 13, through Thursday, April 16")
        // (also when only its start is stated: "continue every night through
        // Monday, Nov. 4, with extra matinees at 4 p.m. on both Sundays")
        // (and days named as both of a run's: "at noon on both weekends of the festival")
        let both_days = b.until.is_none() && b.lasting.is_none() && doc.days_are_each_day(link);
        if b == Bounds::default() || b.one_day || both_days || b.until.is_none() && b.lasting.is_none() && doc.names_each_day(link) {
            let earlier = || {
                let o = order[k.saturating_sub(SPAN_SCHEDULES)..k].iter().rev().find(|&&o| bounds[o].since.is_some() && bounds[o].until.is_some())?;
                Some((bounds[*o].since?, bounds[*o].until?))
            };
            // ("every 30 minutes from 1 p.m. to 3:30 p.m. on the same days": the
            // run of the schedule before)
            // ("lit at 6:30 p.m. each evening" after "on Friday and Saturday": the
            // days told before only)
            let told = if doc.names_same_days(link) {
                earlier()
            } else if doc.names_each_day(link) || both_days {
                doc.each_day_told(link).or_else(earlier)
            } else {
                // ("... from Thursday, with play starting at 2 p.m. each day until
                // Monday, Dec. 21 ... coverage begins at 8:30 a.m. IST each day":
                // with no days told, the run of the schedule before)
                doc.each_of_days(link).then(|| doc.each_day_told(link).or_else(earlier)).flatten()
            };
            // (else as many days as it counts from its start: "begin the Test on
            // Wednesday, with play from 10 a.m. to 5 p.m. on each of the five days")
            let counted = || {
                let n = doc.days_counted(link)?;
                let since = b.since?;
                Some((since, since.checked_add(jiff::Span::new().days(i64::from(n) - 1)).ok()?))
            };
            if let Some((since, until)) = told.or_else(counted) {
                b = Bounds { since: Some(since), until: Some(until), lasting: None, count: None, one_day: false };
            }
        }
        if b.since.is_none() {
            // (a run told as going on from its opening follows all that was told
            // of it: "The run then continues every Tuesday and Friday at 8 p.m."
            // after the premiere at 8 p.m. on Friday and a second performance)
            // (a start after the stated end is another run's)
            b.since = doc
                .continued_start(link)
                .or_else(|| doc.then_start(link))
                .or_else(|| companion.and_then(|o| bounds[o].since))
                .or_else(|| (!outlasts).then(|| doc.opening(link)).flatten())
                .or_else(|| doc.named_start(link))
                // (the schedule told just before without clock times, which this one details)
                .or_else(|| {
                    let o = order[k.saturating_sub(1)..k].first().copied()?;
                    doc.coarse_start(&links[o], bounds[o].since, link)
                })
                .filter(|&s| b.until.is_none_or(|u| s <= u) && noun_end.is_none_or(|u| s < u));
        }
        if b.until.is_none() && b.lasting.is_none() {
            let from = b.since.or(inp.doc.dct);
            // (not one that says it outlasts the run: "Its organizers meet every
            // Monday at 9 a.m. all year round" after "the fair runs until Sept. 3")
            b.until =
                noun_end.or_else(|| (!outlasts).then(|| doc.nearest_end(&ends, link, from)).flatten()).or_else(|| doc.named_end(&ends, link, from));
            // "until the final night" with no end told of it: the last day of the
            // run told just before ("every Tuesday ... from Oct. 7 through Oct. 25")
            // (the nearest schedule before it with a stated end)
            let earlier = order[k.saturating_sub(SPAN_SCHEDULES)..k].iter().rev().copied().find(|&o| bounds[o].until.is_some());
            let before = earlier.map(|o| bounds[o]);
            if b.until.is_none() && doc.names_end(link) {
                b.until = before.and_then(|o| o.until).filter(|&u| from.is_none_or(|s| u >= s));
            }
            if doc.spans_a_run(link) {
                // an end its own sentence states, else the nearest schedule before
                // it with a stated end, else an end statement before it
                let here = ends.iter().find(|e| e.sentence == sent.of(found[first].start) && e.at > first).map(|e| e.day);
                // (or, for want of one, what was said to last until a day: "prints
                // will hang in the West Pavilion until July 10")
                let end =
                    ends.iter().rev().find(|e| e.at < first && !e.own).or_else(|| ends.iter().rev().find(|e| e.at < first && e.lasts)).map(|e| e.day);
                // (a stretch of days told after that schedule is nearer)
                // (of the schedules before, the one with the widest run, when it
                // is wider than the stretch: what it lasts as long as is the
                // whole, "while the winter timetable runs", not an extra service
                // within it, "On Fridays ... from Nov. 7 until Dec. 21")
                let days = |since: Date, until: Date| (until - since).get_days();
                let widest = order[k.saturating_sub(SPAN_SCHEDULES)..k]
                    .iter()
                    .filter_map(|&o| Some((bounds[o], bounds[o].since?, bounds[o].until?)))
                    .filter(|&(_, since, until)| since <= until)
                    .max_by_key(|&(_, since, until)| days(since, until));
                let stretch = doc
                    .run_before(&runs, link)
                    .filter(|r| earlier.is_none_or(|o| extent(found, &links[o]).0 <= r.at))
                    .filter(|r| widest.is_none_or(|(_, since, until)| days(r.since, r.until) >= days(since, until)));
                let before = widest.map(|w| w.0).or(before);
                match (here, stretch, before) {
                    (Some(d), _, _) => b.until = Some(d),
                    (None, Some(r), _) => {
                        b.until = Some(r.until);
                        b.since = b.since.or(Some(r.since).filter(|&s| not_before_dct(s)));
                    }
                    (None, None, Some(o)) => {
                        b.until = o.until;
                        b.since = b.since.or(o.since);
                    }
                    // (else the run of the article's event: "During the tournament,
                    // the arena's doors open every day at 8 a.m.")
                    (None, None, None) => match (end, lead) {
                        (None, Some((since, until, _))) => {
                            b.until = b.until.or(Some(until));
                            b.since = b.since.or(Some(since).filter(|&s| not_before_dct(s)));
                        }
                        _ => b.until = b.until.or(end),
                    },
                }
                // (a run it lasts as long as starts with the event the lead opens,
                // when nothing else started it: "The museum will open the
                // exhibition on Thursday, Oct. 29 ... During the run, which ends on
                // Feb. 28, curators will lead tours every Sunday at 15:00")
                if b.since.is_none() && !outlasts {
                    b.since = doc.lead_open_day().filter(|&open| b.until.is_none_or(|u| open <= u));
                }
            }
            // a run its sentence or paragraph sets out ("During the festival,
            // which runs from March 28 to April 13")
            // (else the run of the whole event the article's lead sets out, for
            // a schedule that states no bound at all: "a programme running from
            // Thursday, Feb. 19, to Thursday, March 19 ... The iftar tent opens
            // daily at 5 p.m.", "... every day at 3 p.m. until the fair closes",
            // and, for a schedule of every day, a lead that tells its opening and
            // its end apart: "opens on Sunday, Jan. 10, and runs until Sunday,
            // Jan. 24 ... each day's action live from 4 p.m.")
            // (a lead told apart bounds only a schedule of every day: days of the
            // week, or of the month, recur past a short event, "Ferries run every
            // Saturday and Sunday", "on the first Monday of every month")
            let every_day = || {
                link.members.iter().any(|&m| {
                    matches!(&found[m].expr, Expr::Set { each, .. }
                        if matches!(**each, Expr::Duration { amount: Amount::N(1), unit: Unit::Day } | Expr::PartOfDay { date: None, .. }))
                })
            };
            let stretch = lead.filter(|l| !outlasts && (l.2 || every_day())).map(|l| (l.0, l.1));
            let run = run.map(|r| (r.since, r.until)).or_else(|| (b.until.is_none() && link.start.is_none()).then_some(stretch).flatten());
            if let Some((since, until)) = run {
                b.since = b.since.or(Some(since).filter(|&s| not_before_dct(s)));
                b.until = b.until.or(Some(until));
            }
            // (a run that ends within the event's starts with it: "every day of the
            // festival at 5 p.m.", when the festival's last day was told with
            // another schedule)
            if let (None, Some(u), Some((since, until, _))) = (b.since, b.until, lead) {
                if (since..=until).contains(&u) && not_before_dct(since) {
                    b.since = Some(since);
                }
            }
            // (and an end of the event's, told outside the lead, within an
            // event's run of the opening the lead tells: "which opens on
            // Thursday ... every day at 3 p.m. until the fair closes ... closes
            // the fair on Sunday")
            let ended_by_noun = noun_end.filter(|&u| b.until == Some(u) && b.since.is_none() && b.lasting.is_none() && lead.is_none());
            if let Some(u) = ended_by_noun {
                b.since = doc.lead_open_day().filter(|&open| open < u && (u - open).get_days() <= LEAD_RUN_DAYS).or(b.since);
            }
            // (an end before the start is another run's)
            if b.until.zip(b.since.or(inp.doc.dct)).is_some_and(|(u, s)| u < s) {
                b.until = None;
            }
        }
        bounds[l] = b;
    }
    // (and a bound told after the times from the other place is the first
    // part's too: "Buses leave Kathmandu daily at 7 a.m., and Pokhara at 8 a.m.,
    // starting June 10")
    for k in (0..order.len().saturating_sub(1)).rev() {
        let (l, o) = (order[k], order[k + 1]);
        if !links[l].members.is_empty() && links[o].members.first() == links[l].members.first() && bounds[l] == Bounds::default() {
            bounds[l] = bounds[o];
        }
    }
    bounds
}
