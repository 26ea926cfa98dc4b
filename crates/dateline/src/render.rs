//! The last pipeline stage: the resolved and settled expressions of a
//! document rendered as an [`Analysis`].
//!
//! Each found expression becomes a [`Timex`]: its offsets in code points and
//! bytes, its TIMEX3 attributes, the instant and interval it covers (zoned
//! where the document settled a zone), and, for a recurrence on its own, its
//! rule. The links become [`Group`]s, the readings of one instant the
//! document found among them; a recurrence's group carries its rule, and
//! each clock time of it gets a rule of its own on its timex.

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::Zoned;

use crate::analysis::{Analysis, Group, TimeRange, Timex};
use crate::discourse::{clock_of, link_recurrence, local, morning_after_nights, rule_parts, set_clock, Bounds, Discourse};
use crate::expr::{Clock, Expr};
use crate::grammar::{Link, LinkKind};
use crate::recur::{recurrence, End, Recurrence};
use crate::resolve::{needs_anchor, period_bounds, Resolved};
use crate::value::TimexType;
use crate::zones::{Placed, Zone};

/// What rendering needs to see: the document, its linked expressions, how
/// each resolved and how the document settled them.
pub(crate) struct Inputs<'a, 't> {
    /// The document's text, which the offsets index.
    pub(crate) text: &'a str,
    /// The linked expressions, their tokens and the DCT.
    pub(crate) doc: &'a crate::resolve::Inputs<'a, 't>,
    pub(crate) resolved: &'a [Resolved],
    pub(crate) discourse: &'a Discourse,
    /// The zone the bounds of a whole day, month or year are placed in: the
    /// document's, else the tagger's default.
    pub(crate) zone: Option<Zone>,
    /// The reader's zone, to restate every zoned range in.
    pub(crate) reader: Option<&'a TimeZone>,
}

/// The analysis of a document: its timexes and the groups that link them.
pub(crate) fn analysis(inp: &Inputs<'_, '_>) -> Analysis {
    let mut timexes = timexes(inp);
    let groups = groups(inp, &mut timexes);
    Analysis { timexes, groups }
}

/// One timex per found expression; a recurrence no link covers gets its rule.
fn timexes(inp: &Inputs<'_, '_>) -> Vec<Timex> {
    let (text, toks) = (inp.text, inp.doc.toks);
    // which found expressions a recurrence covers (those get no rule of their own)
    let mut in_recurrence = vec![false; inp.doc.found.len()];
    for l in inp.doc.links.iter().filter(|l| l.kind == LinkKind::Recurrence) {
        for &m in l.members.iter().chain(&l.ends) {
            in_recurrence[m] = true;
        }
    }
    let mut timexes = Vec::with_capacity(inp.doc.found.len());
    let mut cp = (0usize, 0usize); // (byte, code point) cursor: offsets grow monotonically
    let mut to_cp = |b: usize| {
        if b < cp.0 {
            cp = (0, 0);
        }
        cp.1 += text[cp.0..b].chars().count();
        cp.0 = b;
        cp.1
    };
    for (n, (f, r)) in inp.doc.found.iter().zip(inp.resolved).enumerate() {
        let (bs, be) = (toks.toks[f.start].start, toks.toks[f.end - 1].end);
        let start = to_cp(bs);
        let end = to_cp(be);
        let settled = &inp.discourse.settled[n];
        let placed = settled.placed.clone();
        let (range, range_reader) = range(inp, r, placed.as_ref());
        let mut t = Timex {
            tid: tid(n),
            start,
            end,
            byte_start: bs,
            byte_end: be,
            text: text[bs..be].to_string(),
            typ: r.typ,
            value: r.value.clone(),
            modifier: r.modifier.map(|m| m.code()),
            quant: r.quant,
            freq: r.freq.clone(),
            // ("in two weeks" counted from the DCT when it is a date)
            anchor: (inp.doc.dct.is_some() && (needs_anchor(&f.expr) || matches!(f.expr, Expr::InTime { .. }) && r.typ == TimexType::Date))
                .then(|| "t0".to_string()),
            utc: placed.as_ref().map(|p| p.zoned.timestamp().to_string()),
            instant: placed.as_ref().map(|p| p.zoned.timestamp()),
            tzid: placed.as_ref().and_then(|p| p.tzid.clone()),
            zone_note: placed.and_then(|p| p.note),
            zone_source: settled.placed.as_ref().and(settled.zone.as_ref()).map(|z| z.1),
            day_from: settled.day_from.map(tid),
            range,
            range_reader,
            rrule: None,
            dtstart: None,
            schedule: None,
        };
        if r.typ == TimexType::Set && !in_recurrence[n] {
            if let Some(rec) = recurrence(&[&f.expr], inp.doc.dct, End::default(), settled.zone.as_ref().map(|z| &z.0)) {
                t.schedule = Some(Box::new(rec.schedule(None)));
                t.rrule = Some(rec.rule.render(false));
                t.dtstart = rec.dtstart.map(civil);
                t.tzid = rec.tzid.or(t.tzid);
            }
        }
        timexes.push(t);
    }
    timexes
}

/// The links as groups (readings of one instant become the document's
/// equivalence groups), with each range's length and each recurrence's rule.
fn groups(inp: &Inputs<'_, '_>, timexes: &mut [Timex]) -> Vec<Group> {
    let equivalent = inp.discourse.equivalent.iter().map(|g| Link {
        kind: LinkKind::Equivalent,
        members: g.clone(),
        until: None,
        lasting: None,
        start: None,
        ends: None,
        through: false,
    });
    // (each link with the days it runs between, for a recurrence)
    let links: Vec<(Link, Bounds)> = inp
        .doc
        .links
        .iter()
        .zip(&inp.discourse.bounds)
        .filter(|(l, _)| l.kind != LinkKind::Reading)
        .map(|(l, b)| (l.clone(), *b))
        .chain(equivalent.map(|l| (l, Bounds::default())))
        .collect();
    let restated: Vec<(usize, &Recurrence)> = inp.discourse.restated.iter().map(|r| (r.time, &r.rule)).collect();
    // a one-off time that restates a schedule recurs as it does, on its own
    // clock; so does one told for a list of days, on each of them
    let on_days = inp.discourse.on_days.iter().map(|(m, r)| (*m, r));
    for (m, rec) in restated.iter().copied().chain(on_days) {
        if inp.doc.links.iter().any(|l| l.kind == LinkKind::Recurrence && l.members.contains(&m)) {
            continue;
        }
        let t = &mut timexes[m];
        let clock = Clock { hour: rec.rule.by_hour.first().copied().unwrap_or(0), minute: rec.rule.by_minute, second: None, zone: None, open: false };
        t.typ = TimexType::Set;
        t.value = match rec.rule.by_day.as_slice() {
            [(None, dow)] => crate::value::clock_on_weekday(*dow, &clock),
            _ => crate::value::clock(None, &clock),
        };
        (t.utc, t.instant, t.zone_note, t.range, t.range_reader, t.day_from) = (None, None, None, None, None, None);
        set_rule(t, rec, None);
    }
    links
        .iter()
        .map(|(l, bounds)| {
            let mut g = Group {
                kind: l.kind,
                tids: l.members.iter().map(|&m| timexes[m].tid.clone()).collect(),
                rrule: None,
                tzid: None,
                dtstart: None,
                first: None,
                duration: None,
                ends: l.ends.map(|e| timexes[e].tid.clone()),
                schedule: None,
            };
            if let (LinkKind::Range, [a, b]) = (l.kind, l.members.as_slice()) {
                g.duration = range_length(&inp.resolved[*a], &inp.resolved[*b]);
            }
            if l.kind == LinkKind::Recurrence {
                recurrence_rules(inp, l, bounds, &mut g, timexes);
                // (a recurrence that restates another in its zone recurs as that one does)
                if let Some((m, rec)) = restated.iter().find(|(m, _)| l.members.contains(m)) {
                    set_rule(&mut timexes[*m], rec, None);
                    g.schedule = Some(rec.schedule(None));
                    g.rrule = Some(rec.rule.render(false));
                    g.dtstart = rec.dtstart.map(civil);
                    g.first = rec.first.as_ref().map(ToString::to_string);
                    g.tzid = rec.tzid.clone();
                }
            }
            g
        })
        .collect()
}

/// Writes a rule on a timex.
fn set_rule(t: &mut Timex, rec: &Recurrence, since: Option<jiff::civil::Date>) {
    t.schedule = Some(Box::new(rec.schedule(since)));
    t.rrule = Some(rec.rule.render(false));
    t.dtstart = rec.dtstart.map(civil);
    t.tzid = rec.tzid.clone().or(t.tzid.take());
}

/// The rule of a recurrence on its group, and on the timex of each of its
/// clock times a rule of that time's own.
fn recurrence_rules(inp: &Inputs<'_, '_>, l: &Link, bounds: &Bounds, g: &mut Group, timexes: &mut [Timex]) {
    let found = inp.doc.found;
    // "from 7 to 9 p.m.": each occurrence lasts from the start time to the end time
    let start_clock = l.members.iter().rev().find_map(|&m| set_clock(&found[m].expr));
    let to_clock = l.ends.and_then(|e| clock_of(&found[e].expr));
    if let (Some(a), Some(b)) = (start_clock, to_clock) {
        g.duration = clock_span(a, b);
    }
    let parts = rule_parts(found, l);
    let Bounds { since, until, lasting, count, one_day } = *bounds;
    // a start the text states replaces the DCT as the day to count from
    let from = since.or(inp.doc.dct);
    let end = End { until, lasting, count, to_clock, one_day };
    // the zone of the recurrence's clock time, as the document settled it (of
    // the clock time its one rule keeps, the last of its members: "leave Dover
    // at 9 a.m. and return from Calais at 4 p.m." is on Dover's clock)
    let clock_member = l.members.iter().copied().rfind(|&m| set_clock(&found[m].expr).is_some());
    let zone = clock_member.and_then(|m| inp.discourse.settled[m].zone.as_ref()).map(|z| &z.0);
    // each clock time of the recurrence (and the one its occurrences
    // end at) recurs on the same days: its own rule, on its timex
    for &m in l.members.iter().chain(&l.ends) {
        // (the end of one stretch of one day is no start of its own)
        if set_clock(&found[m].expr).is_none() || one_day && Some(m) == l.ends {
            continue;
        }
        // (an end before the start, or at the midnight that ends the day, is the
        // next morning's, on the day after each: "daily from 10 p.m. to 5 a.m.",
        // "from noon to 1 a.m. on Fridays and Saturdays" ends on Saturdays and
        // Sundays, "from noon to midnight from Sunday to Thursday" on Mondays
        // to Fridays)
        let end_clock = set_clock(&found[m].expr);
        let midnight = end_clock.is_some_and(|c| c.hour == 24 && c.minute.unwrap_or(0) == 0);
        // (a start at midnight begins its day: "from midnight to 6 a.m." ends the same morning)
        let minute = |c: Clock| minute_of_day(c) % (24 * 60);
        let overnight = Some(m) == l.ends && (midnight || start_clock.zip(end_clock).is_some_and(|(a, b)| minute(b) <= minute(a)));
        let days: Vec<&Expr> = parts.iter().filter(|e| set_clock(e).is_none()).chain([&found[m].expr]).collect();
        let shifted: Vec<Expr> = if overnight { days.iter().map(|e| day_after(e)).collect() } else { Vec::new() };
        let own: Vec<&Expr> = if overnight { shifted.iter().collect() } else { days.clone() };
        // a time recurring on one weekday names it ("XXXX-WXX-5T17:00" for "every
        // other Friday at 5 p.m."), the next one for a broadcast hour past 24
        // (a midnight end is the 24:00 of the day it ends: "Fridays from 10 p.m. to
        // midnight" is "XXXX-WXX-5T24:00", its rule Saturday's 00:00)
        if let (Some(dow), Some(c)) = (single_weekday(if midnight { &days } else { &own }), set_clock(&found[m].expr)) {
            timexes[m].value = match c.past_midnight() {
                Some(late) => crate::value::clock_on_weekday(dow % 7 + 1, &late),
                None => crate::value::clock_on_weekday(dow, &c),
            };
        }
        let zone = inp.discourse.settled[m].zone.as_ref().map(|z| &z.0).or(zone);
        // (and so is the end of the last occurrence: "nightly from 10 p.m. to
        // 2:30 a.m. until March 19" last ends on March 20)
        // (and a time of the small hours every night: "until 1 a.m. on every night
        // of the market")
        let nightly = end_clock.is_some_and(|c| morning_after_nights(&parts, c));
        let next = |d: Option<jiff::civil::Date>| if overnight || nightly { d.and_then(|d| d.tomorrow().ok()) } else { d };
        let to_clock = to_clock.filter(|_| one_day);
        if let Some(rec) = recurrence(&own, next(from), End { to_clock, until: next(until), ..end }, zone) {
            timexes[m].schedule = Some(Box::new(rec.schedule(since)));
            timexes[m].rrule = Some(rec.rule.render(false));
            timexes[m].dtstart = rec.dtstart.map(civil);
            timexes[m].tzid = rec.tzid.or(timexes[m].tzid.take());
        }
    }
    if let Some(rec) = link_recurrence(found, l, bounds, inp.doc.dct, zone) {
        // occurrences within the day ("every 15 minutes from 6
        // a.m. to midnight") are instants: the span is their window
        if rec.rule.sub_daily() {
            g.duration = None;
        }
        g.schedule = Some(rec.schedule(since));
        g.rrule = Some(rec.rule.render(false));
        g.dtstart = rec.dtstart.map(civil);
        g.first = rec.first.as_ref().map(ToString::to_string);
        g.tzid = rec.tzid.clone();
        // (the times of a window within the day start nothing of their own, but
        // bound that one rule: "every 40 minutes between 5 a.m. and 7 p.m. on
        // Saturday" is one rule, told by both its times, and so is "every half
        // hour from 9 a.m. to 9:30 p.m. on each festival day")
        let window = l.members.iter().copied().filter(|&m| set_clock(&found[m].expr).is_some()).chain(l.ends);
        for e in window.filter(|_| rec.rule.sub_daily()) {
            timexes[e].schedule = g.schedule.clone().map(Box::new);
            timexes[e].rrule = g.rrule.clone();
            timexes[e].dtstart = g.dtstart.clone();
            timexes[e].tzid = rec.tzid.clone().or(timexes[e].tzid.take());
        }
    }
}

/// The interval a resolved expression covers, zoned when its zone is known,
/// and the same interval in the reader's zone.
fn range(inp: &Inputs<'_, '_>, r: &Resolved, placed: Option<&Placed>) -> (Option<TimeRange>, Option<TimeRange>) {
    let reader = |a: &Zoned, b: &Zoned, grain: &'static str| {
        inp.reader.map(|tz| TimeRange::zoned(a.with_time_zone(tz.clone()), b.with_time_zone(tz.clone()), grain))
    };
    if let (Some(p), Some(c)) = (placed, r.clock) {
        let (end, grain) = match (c.second, c.minute) {
            (Some(_), _) => (p.zoned.checked_add(jiff::Span::new().seconds(1)).ok(), "second"),
            (None, Some(_)) => (p.zoned.checked_add(jiff::Span::new().minutes(1)).ok(), "minute"),
            (None, None) => (p.zoned.checked_add(jiff::Span::new().minutes(1)).ok(), "hour"),
        };
        return match end {
            Some(e) => {
                let rd = reader(&p.zoned, &e, grain);
                (Some(TimeRange::zoned(p.zoned.clone(), e, grain)), rd)
            }
            None => (None, None),
        };
    }
    // "now" at a reference instant: that second
    if let (Some(p), None, None) = (placed, r.clock, r.point) {
        return match p.zoned.checked_add(jiff::Span::new().seconds(1)) {
            Ok(e) => {
                let rd = reader(&p.zoned, &e, "second");
                (Some(TimeRange::zoned(p.zoned.clone(), e, "second")), rd)
            }
            Err(_) => (None, None),
        };
    }
    if let (Some(day), Some(c)) = (r.day, r.clock) {
        let start = local(day, &c);
        let (step, grain) = if c.second.is_some() { (jiff::Span::new().seconds(1), "second") } else { (jiff::Span::new().minutes(1), "minute") };
        let end = start.and_then(|s| s.checked_add(step).ok());
        return match (start, end) {
            (Some(s), Some(e)) => (Some(TimeRange::civil(s, e, grain)), None),
            _ => (None, None),
        };
    }
    let bounds = r
        .point
        .and_then(|(d, unit)| period_bounds(d, unit))
        .map(|(start, end, grain)| (start.to_datetime(jiff::civil::Time::midnight()), end.to_datetime(jiff::civil::Time::midnight()), grain));
    // ("this evening": the hours of the part of its day)
    let part = r.day.zip(r.pod).filter(|_| r.clock.is_none()).and_then(|(d, p)| {
        let (from, to) = p.hours();
        let at = |h: u8| d.to_datetime(jiff::civil::Time::midnight()).checked_add(jiff::Span::new().hours(i64::from(h))).ok();
        Some((at(from)?, at(to)?, "part-of-day"))
    });
    // ("the last 3 days": the stretch a length counted from the anchor covers)
    let Some((s, e, grain)) = bounds.or(part).or(r.stretch) else { return (None, None) };
    let place = |dt: DateTime| inp.zone.as_ref().and_then(|z| z.place(dt));
    match (place(s), place(e)) {
        (Some(a), Some(b)) => {
            let rd = reader(&a.zoned, &b.zoned, grain);
            (Some(TimeRange::zoned(a.zoned, b.zoned, grain)), rd)
        }
        _ => (Some(TimeRange::civil(s, e, grain)), None),
    }
}

/// The id of found expression `n`: "t1" for the first.
fn tid(n: usize) -> String {
    let mut s = String::with_capacity(6);
    s.push('t');
    crate::value::push_padded(&mut s, n as i64 + 1, 0);
    s
}

/// A civil date-time as the JSON writes it (`2022-04-23T21:10:00`).
fn civil(dt: DateTime) -> String {
    crate::analysis::civil_text(dt)
}

/// The one weekday the days of a recurrence name ("every other Friday",
/// "Thursdays", "Monday nights"), if they name exactly one.
fn single_weekday(parts: &[&Expr]) -> Option<u8> {
    let mut days = parts.iter().filter_map(|p| match p {
        Expr::Set { each, .. } => match &**each {
            Expr::Weekday { dow, .. } => Some(Some(*dow)),
            Expr::EveryNth { each, .. } | Expr::PartOfDay { date: Some(each), .. } => match **each {
                Expr::Weekday { dow, .. } => Some(Some(dow)),
                _ => Some(None),
            },
            Expr::Time { .. } => None,
            _ => Some(None),
        },
        _ => Some(None),
    });
    match (days.next(), days.next()) {
        (Some(Some(d)), None) => Some(d),
        _ => None,
    }
}

/// The length from one clock reading to a later one (past midnight if the
/// end is earlier): `PT2H`, `PT1H30M`; at most a day, also from a broadcast
/// hour past 24 ("from 27:00 to 0:00" is PT21H).
fn clock_span(a: Clock, b: Clock) -> Option<String> {
    let m = (minute_of_day(b) - minute_of_day(a)).rem_euclid(24 * 60);
    Some(minutes(if m == 0 { 24 * 60 } else { m }))
}

/// The days of a schedule one day on, for the end of an occurrence that
/// runs past midnight: a weekday the next one, and a set of weekdays
/// ("weekdays", "weekends", "every day but Monday") the set of the days after
/// them. What names no weekdays stays as it is.
fn day_after(e: &Expr) -> Expr {
    let next = |bits: u8| (1..=7u8).filter(|d| bits & (1 << d) != 0).fold(0u8, |acc, d| acc | 1 << (d % 7 + 1));
    // (the days of the week a set leaves out, as DaysBut writes them)
    let all = (1..=7u8).fold(0u8, |acc, d| acc | 1 << d);
    let but = |days: u8| Expr::DaysBut { except: all & !next(days) };
    match e {
        Expr::Set { each, freq, quant } => {
            let each = match &**each {
                // ("Thursday nights": the day after them)
                Expr::PartOfDay { date: Some(d), .. } => return day_after(&Expr::Set { each: d.clone(), freq: *freq, quant: *quant }),
                Expr::Weekday { dow, dir } => Expr::Weekday { dow: dow % 7 + 1, dir: *dir },
                Expr::Workdays => but((1..=5u8).fold(0, |acc, d| acc | 1 << d)),
                Expr::Weekend { .. } => but(1 << 6 | 1 << 7),
                Expr::DaysBut { except } => but(all & !except),
                other => other.clone(),
            };
            Expr::Set { each: Box::new(each), freq: *freq, quant: *quant }
        }
        other => other.clone(),
    }
}

/// Minutes since midnight of a clock reading.
fn minute_of_day(c: Clock) -> i64 {
    c.hour as i64 * 60 + c.minute.unwrap_or(0) as i64
}

/// A whole number of minutes as a TIMEX3 duration: `PT2H`, `PT45M`, `PT1H30M`.
fn minutes(m: i64) -> String {
    match (m / 60, m % 60) {
        (h, 0) => format!("PT{h}H"),
        (0, mm) => format!("PT{mm}M"),
        (h, mm) => format!("PT{h}H{mm}M"),
    }
}

/// The length of a range from `a` to `b`: from one clock time to the other
/// when both have one (and the same zone), else both ends included, in the
/// unit both are precise to (days, months or years).
fn range_length(a: &Resolved, b: &Resolved) -> Option<String> {
    use crate::expr::Unit;
    // "from 9 a.m. to 5 p.m. on Monday" is PT8H
    if let (Some(ca), Some(cb), Some(da), Some(db)) = (a.clock, b.clock, a.day, b.day) {
        if ca.zone != cb.zone {
            return None;
        }
        let m = da.until(db).ok()?.get_days() as i64 * 24 * 60 + minute_of_day(cb) - minute_of_day(ca);
        return (m > 0).then(|| minutes(m));
    }
    let ((da, ua), (db, ub)) = (a.point?, b.point?);
    if ua != ub || a.clock.is_some() || b.clock.is_some() {
        return None;
    }
    let (n, letter) = match ua {
        Unit::Day => (da.until(db).ok()?.get_days() as i64 + 1, "D"),
        Unit::Month => ((db.year() as i64 - da.year() as i64) * 12 + db.month() as i64 - da.month() as i64 + 1, "M"),
        Unit::Year => (db.year() as i64 - da.year() as i64 + 1, "Y"),
        _ => return None,
    };
    (n > 0).then(|| format!("P{n}{letter}"))
}
