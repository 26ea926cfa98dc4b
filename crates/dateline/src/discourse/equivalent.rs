//! One instant written in several zones: "8 p.m. ET, which is 5 p.m. PT and
//! 1 a.m. GMT", "10 p.m. ET (7 p.m. PT)", "or 3 a.m. Saturday in Paris".
//!
//! Two clock times of one sentence are readings of one instant when their
//! zones differ and their clocks differ by just the difference of the
//! zones' offsets: a test of arithmetic, not of wording, so it holds in any
//! phrasing, and two unrelated times pass it only by a rare coincidence.
//! A time whose zone the text leaves to the context is paired only when the
//! words between restate ("or", "which is", "(...)") and some zone the
//! article names makes the arithmetic hold; that zone becomes its own.
//!
//! The group's days are then solved together: the member whose day is
//! written most firmly fixes the instant, and every other member's day is
//! the one its zone's clock shows at that instant, written or not. Which
//! midnight is meant (the start or the end of a named day) is the one that
//! agrees with the days the other members write.

use jiff::{Timestamp, Zoned};

use super::days::firm;
use super::sentences::Sentences;
use super::{clock_of, local, redate, Evidence, Inputs, Settled, ZoneSource};
use crate::expr::Clock;
use crate::grammar::LinkKind;
use crate::resolve::Resolved;
use crate::tuning::{ECHO_NOUN_REACH, ECHO_SCAN, ECHO_SENTENCES, EQUIVALENT_REACH, GROUP_MAX};
use crate::zones::Zone;

/// Finds the groups of readings of one instant and settles their days and
/// instants; returns the groups (indices of found expressions, in text order).
pub(super) fn solve(inp: &Inputs<'_, '_>, sent: &Sentences, ev: &Evidence, resolved: &mut [Resolved], settled: &mut [Settled]) -> Vec<Vec<usize>> {
    let found = inp.doc.found;
    let times: Vec<usize> = (0..found.len())
        .filter(|&n| resolved[n].clock.is_some() && resolved[n].day.is_some() && !matches!(found[n].expr, crate::expr::Expr::Set { .. }))
        .collect();
    let mut parent: Vec<usize> = (0..found.len()).collect();
    let mut size = vec![1usize; found.len()];
    let mut readings: Vec<(usize, usize)> =
        inp.doc.links.iter().filter(|l| l.kind == LinkKind::Reading).map(|l| (l.members[0], l.members[1])).collect();
    readings.sort_unstable();
    for (x, &a) in times.iter().enumerate() {
        for &b in &times[x + 1..] {
            if found[b].start > found[a].end + EQUIVALENT_REACH || sent.of(found[b].start) != sent.of(found[a].start) {
                break;
            }
            let paired = readings.binary_search(&(a, b)).is_ok();
            if pair(inp, sent, ev, resolved, settled, a, b, paired) {
                union(&mut parent, &mut size, a, b);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index = vec![usize::MAX; found.len()];
    for &n in &times {
        let root = find(&mut parent, n);
        if index[root] == usize::MAX {
            index[root] = groups.len();
            groups.push(Vec::new());
        }
        groups[index[root]].push(n);
    }
    groups.retain(|g| g.len() > 1);
    for g in &groups {
        settle_group(inp, resolved, settled, g);
    }
    groups
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Joins the groups of `a` and `b`, unless the group would hold more
/// readings than one instant is ever written in.
fn union(parent: &mut [usize], size: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb && size[ra] + size[rb] <= GROUP_MAX {
        let (root, child) = (ra.min(rb), ra.max(rb));
        parent[child] = root;
        size[root] += size[child];
    }
}

/// The instant of expression `n` in zone `z`.
fn instant(resolved: &[Resolved], n: usize, z: &Zone) -> Option<Zoned> {
    let r = &resolved[n];
    local(r.day?, &r.clock?)?.to_zoned(z.tz.clone()).ok()
}

/// Whether day `d` agrees with the day `written` with a member of the
/// firmness given: the same weekday for a bare weekday, else the same date.
fn agrees(firmness: u8, written: jiff::civil::Date, d: jiff::civil::Date) -> bool {
    if firmness == firm::WEEKDAY {
        d.weekday() == written.weekday()
    } else {
        d == written
    }
}

/// The day a midnight read as the end of `day` (hour 24) begins, when the
/// midnight's own day was written with it (a weekday or a date), which it
/// may then begin rather than end.
fn begins_day(clock: Option<Clock>, firmness: u8, day: jiff::civil::Date) -> Option<jiff::civil::Date> {
    clock.filter(|c| c.hour == 24 && firmness >= firm::WEEKDAY).and_then(|_| day.tomorrow().ok())
}

/// Whether clock `c` read in zone `z` is the instant `at`.
fn reads(at: Timestamp, z: &Zone, c: &Clock) -> bool {
    let here = at.to_zoned(z.tz.clone());
    here.hour() as u8 == c.hour % 24 && here.minute() as u8 == c.minute.unwrap_or(0)
}

/// Whether times `a` and `b` (a first) are one instant, re-reading the zone
/// of one whose zone the text leaves to the context when the words between
/// restate and another zone of the article makes the arithmetic hold.
#[allow(clippy::too_many_arguments)]
fn pair(
    inp: &Inputs<'_, '_>,
    sent: &Sentences,
    ev: &Evidence,
    resolved: &[Resolved],
    settled: &mut [Settled],
    a: usize,
    b: usize,
    paired: bool,
) -> bool {
    let (Some(ca), Some(cb)) = (resolved[a].clock, resolved[b].clock) else { return false };
    let restates = paired || (inp.doc.language.restates)(inp.doc.toks, inp.doc.found[a].end, inp.doc.found[b].start);
    match (settled[a].zone.clone(), settled[b].zone.clone()) {
        (Some((za, sa)), Some((zb, sb))) => {
            let Some(at) = instant(resolved, a, &za) else { return false };
            let differ = za.tzid != zb.tzid;
            if differ && reads(at.timestamp(), &zb, &cb) && (restates || (sa == ZoneSource::Written && sb == ZoneSource::Written)) {
                return true;
            }
            if !restates {
                return false;
            }
            // one of the two zones is only the context's: try the article's others
            for (fixed, loose, zfixed, cloose, sloose) in [(a, b, &za, cb, sb), (b, a, &zb, ca, sa)] {
                if sloose == ZoneSource::Written {
                    continue;
                }
                let Some(at) = instant(resolved, fixed, zfixed) else { continue };
                let alt = ev
                    .alternatives(sent, inp.doc.found[loose].start)
                    .into_iter()
                    .find(|z| z.tzid != zfixed.tzid && reads(at.timestamp(), z, &cloose))
                    .cloned();
                if let Some(z) = alt {
                    settled[loose].zone = Some((z, ZoneSource::Paired));
                    return true;
                }
            }
            false
        }
        // "6:39 a.m. (2139 GMT)": a local time with no zone at all is the instant of its reading
        (None, Some(_)) | (Some(_), None) if paired => true,
        _ => false,
    }
}

/// How much a member's written day counts in choosing the group's instant:
/// a written date most, a written weekday (which fixes the day of the week
/// but not the week) next, the event day under discussion least.
fn weight(firmness: u8) -> u32 {
    match firmness {
        firm::DATE => 4,
        firm::WEEKDAY => 2,
        firm::EVENT => 1,
        _ => 0,
    }
}

/// Settles one group. Each member's reading (and, for a midnight or a day
/// only inferred, the day before and after) is a candidate instant; the one
/// that agrees with the most firmly written days of all members wins: a
/// member with a written date agrees when its zone's clock shows that date
/// then, one with a bare weekday when it shows that weekday ("7:45 p.m. GMT
/// on Monday, Oct. 27 ... 6:45 a.m. Tuesday in Sydney" is the Tuesday after,
/// not this week's). Every member then falls on the day its own clock shows
/// at that instant, written or not.
fn settle_group(inp: &Inputs<'_, '_>, resolved: &mut [Resolved], settled: &mut [Settled], group: &[usize]) {
    let strength = |n: usize| settled[n].zone.as_ref().map_or(0, |z| z.1.strength());
    // the day a member shows at an instant, a midnight written as hour 24 ending the day before
    fn day_at(clock: Option<Clock>, at: &Zoned, z: &Zone) -> jiff::civil::Date {
        let here = at.with_time_zone(z.tz.clone()).date();
        if clock.is_some_and(|c| c.hour == 24) {
            here.yesterday().unwrap_or(here)
        } else {
            here
        }
    }
    let agree = |at: &Zoned| -> u32 {
        group
            .iter()
            .filter_map(|&m| {
                let (z, _) = settled[m].zone.as_ref()?;
                let want = resolved[m].day?;
                let here = day_at(resolved[m].clock, at, z);
                let on = |d: jiff::civil::Date| agrees(settled[m].firm, want, d);
                // (a midnight written on a day may begin it as well as end it:
                // "at midnight ET on Friday, which is 11 p.m. Thursday in Nashville")
                let begins = || begins_day(resolved[m].clock, settled[m].firm, here).is_some_and(on);
                (on(here) || begins()).then(|| weight(settled[m].firm))
            })
            .sum()
    };
    let mut candidates: Vec<(Zoned, usize, bool)> = Vec::new();
    for &m in group {
        let Some((z, _)) = settled[m].zone.as_ref() else { continue };
        let Some(at) = instant(resolved, m, z) else { continue };
        let midnight = resolved[m].clock.is_some_and(|c| c.hour % 24 == 0 && c.minute.unwrap_or(0) == 0);
        if midnight || settled[m].firm <= firm::EVENT {
            candidates.extend([at.yesterday().ok(), at.tomorrow().ok()].into_iter().flatten().map(|c| (c, m, false)));
        }
        candidates.push((at, m, true));
    }
    // (then the candidate more members' clocks read: on the day clocks change
    // in one zone, "10:15 p.m. in Birgu is 9:15 p.m. in London and 7:15 a.m. on
    // Sunday in Melbourne" holds on the Saturday only)
    let readers = |at: &Zoned| {
        group.iter().filter(|&&m| settled[m].zone.as_ref().zip(resolved[m].clock).is_some_and(|((z, _), c)| reads(at.timestamp(), z, &c))).count()
    };
    // ties go to the reading of the firmest member itself
    let Some((best, fix)) = candidates
        .into_iter()
        .max_by_key(|(c, m, own)| (agree(c), readers(c), settled[*m].firm, strength(*m), *own, std::cmp::Reverse(*m)))
        .map(|(c, m, _)| (c, m))
    else {
        return;
    };
    for &m in group {
        match settled[m].zone.clone() {
            Some((z, source)) if resolved[m].clock.is_some_and(|c| reads(best.timestamp(), &z, &c)) => {
                let mut day = day_at(resolved[m].clock, &best, &z);
                // (a midnight written on the day it begins then is that day's first moment)
                let begun =
                    begins_day(resolved[m].clock, settled[m].firm, day).filter(|&d| resolved[m].day.is_some_and(|w| agrees(settled[m].firm, w, d)));
                if let (Some(d), Some(c)) = (begun, resolved[m].clock.as_mut()) {
                    c.hour = 0;
                    day = d;
                }
                if resolved[m].day != Some(day) || begun.is_some() {
                    redate(&inp.doc.found[m].expr, &mut resolved[m], day);
                    // (and the bare weekday it is written on: "8:15 p.m. EST on Monday")
                    let found = inp.doc.found;
                    let next = Some(m + 1).filter(|&a| a < found.len() && found[a].start <= found[m].end + 1);
                    if let Some(a) = found[m].anchor.or(next).filter(|&a| found[a].expr.is_weekday() && clock_of(&found[a].expr).is_none()) {
                        if resolved[a].day.is_some_and(|d| d != day && d.weekday() == day.weekday()) {
                            redate(&inp.doc.found[a].expr, &mut resolved[a], day);
                        }
                    }
                }
                settled[m].placed = z.place(best.with_time_zone(z.tz.clone()).datetime());
                if m != fix && source != ZoneSource::Written && source != ZoneSource::Paired {
                    settled[m].zone = Some((z, ZoneSource::Paired));
                }
            }
            Some((_, ZoneSource::Written)) => {}
            _ => {
                // a reading whose zone the text does not give: the instant
                // alone, when its own wall time lies within the world's
                // offsets of it (else the group was a wrong guess for it, and
                // its value and instant would disagree)
                let fits = || {
                    let (c, d) = (resolved[m].clock?, resolved[m].day?);
                    let wall = local(d, &c)?.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp();
                    let offset = best.timestamp().until(wall).ok()?.get_seconds();
                    Some((-12 * 3600..=14 * 3600).contains(&offset))
                };
                settled[m].placed = fits().unwrap_or(false).then(|| crate::zones::Placed { zoned: best.clone(), tzid: None, note: None });
                settled[m].zone = None;
            }
        }
        if m != fix {
            settled[m].day_from = Some(fix);
        }
    }
}

/// Times whose day is only inferred that restate, in another zone, a time
/// of the sentences just before: "the call will start at 9:30 p.m. CET ...
/// In Tokyo, where Corvane runs a design center, it will begin at 5:30
/// a.m." The test is the same arithmetic as within a sentence: the clock of
/// the later time, read in its zone, is exactly the instant of the earlier
/// one, on the day before, of or after the one inferred. It then falls on
/// the day its clock shows at that instant. A time with a written weekday
/// restates it when the weekday is the one its clock shows then, whatever
/// week it was first read in ("Thursday, April 3, at 9 a.m. PT ... That is 1
/// a.m. Friday in Tokyo"); a group of readings of one instant restates it as
/// one, when every member does.
///
/// An earlier time one of whose readings is already in the later time's zone
/// is a happening of its own: the later one repeats that clock on another
/// day ("9:05 p.m., which is 8:05 a.m. ET on Saturday ... the next episode's
/// 9:05 p.m. upload"), it does not restate it.
pub(super) fn echoes(inp: &Inputs<'_, '_>, sent: &Sentences, resolved: &mut [Resolved], settled: &mut [Settled], groups: &[Vec<usize>]) {
    let found = inp.doc.found;
    let mut group_of: Vec<Option<usize>> = vec![None; found.len()];
    for (g, members) in groups.iter().enumerate() {
        members.iter().for_each(|&m| group_of[m] = Some(g));
    }
    for n in 0..found.len() {
        // a time alone, or a group of readings as one (from its first member)
        let unit: &[usize] = match group_of[n] {
            Some(g) if groups[g][0] == n => &groups[g],
            Some(_) => continue,
            None => std::slice::from_ref(&n),
        };
        // (a written weekday may be of another week: "That is 1 a.m. Friday in
        // Tokyo" after "Thursday, April 3, at 9 a.m. PT"; a written date holds)
        if unit.iter().any(|&x| settled[x].firm > firm::WEEKDAY || matches!(found[x].expr, crate::expr::Expr::Set { .. })) {
            continue;
        }
        let Some(readings) = unit
            .iter()
            .map(|&x| Some((x, resolved[x].clock?, settled[x].zone.clone()?.0, resolved[x].day?)))
            .collect::<Option<Vec<(usize, Clock, Zone, jiff::civil::Date)>>>()
        else {
            continue;
        };
        let here = sent.of(found[n].start);
        // ("the 3 p.m. start is noon in London": a happening told before, on its
        // own day, however far back, and in the time's own zone too)
        // (only for a group read in other zones: a time alone, "the 7 p.m.
        // meeting", is the day's told with it, not an earlier one's)
        let definite = unit.len() > 1 && (inp.doc.language.definite_clock)(inp.doc.toks, found[n].start, found[n].end);
        // the placed times of the sentences just before, nearest first
        let earlier = (n.saturating_sub(ECHO_SCAN)..n).rev().take_while(|&m| definite || here - sent.of(found[m].start) <= ECHO_SENTENCES);
        let zone_of = |m: usize| settled[m].zone.as_ref().and_then(|z| z.0.tzid.clone());
        // (an earlier time already read in one of the unit's zones is a happening of its own)
        let in_zone = |m: usize| {
            let zones: &[usize] = match group_of[m] {
                Some(g) => &groups[g],
                None => std::slice::from_ref(&m),
            };
            zones.iter().any(|&x| zone_of(x).is_some() && readings.iter().any(|r| r.2.tzid == zone_of(x)))
        };
        // (a reading whose day the group gave it from another reading says
        // nothing of the day: "10 a.m. ET and 7 a.m. PT — and at midnight
        // Monday in Tokyo" is told by "Monday" alone)
        let derived = |x: usize| settled[x].day_from.is_some_and(|f| f != x && unit.contains(&f));
        let fits = |at: &Zoned| {
            readings.iter().all(|(x, c, z, day)| {
                let local = at.with_time_zone(z.tz.clone()).date();
                let near = local.until(*day).is_ok_and(|s| s.get_days().abs() <= 1);
                let on_day = if settled[*x].firm == firm::WEEKDAY { local.weekday() == day.weekday() } else { near };
                reads(at.timestamp(), z, c) && (on_day || derived(*x) || definite && settled[*x].firm < firm::WEEKDAY)
            })
        };
        let mut fitting = earlier
            .filter(|&m| group_of[m].is_none_or(|g| group_of[n] != Some(g)))
            .filter_map(|m| Some((m, settled[m].placed.as_ref()?.zoned.clone())))
            .filter(|(m, _)| definite || !in_zone(*m))
            .filter(|(_, at)| fits(at))
            .peekable();
        // (nearest first, unless a farther one names the happening this one's
        // clause names: "Saturday's sprint is at 5 p.m. AEST. In Brisbane ...
        // the race starts at 5 p.m." restates the race, told before the sprint)
        let nearest = fitting.peek().cloned();
        let own = clause_nouns(inp, sent, n);
        let same = |m: usize| {
            let theirs = clause_nouns(inp, sent, m);
            let lw = |k: &usize| inp.doc.toks.lw(*k).as_bytes();
            own.iter().any(|a| theirs.iter().any(|b| (inp.doc.language.same_event_word)(lw(a), lw(b))))
        };
        let echo = if own.is_empty() { nearest } else { fitting.find(|(m, _)| same(*m)).or(nearest) };
        if let Some((m, at)) = echo {
            for (x, c, z, day) in &readings {
                let local = at.with_time_zone(z.tz.clone());
                let mut date = local.date();
                // a midnight: the start of the day it names ("midnight Monday" at
                // Monday's 00:00), else the end of the day before
                if c.hour == 24 {
                    match resolved[*x].clock.as_mut() {
                        Some(k) if date.weekday() == day.weekday() => k.hour = 0,
                        _ => date = date.yesterday().unwrap_or(date),
                    }
                }
                redate(&found[*x].expr, &mut resolved[*x], date);
                settled[*x].placed = z.place(local.datetime());
                settled[*x].day_from = Some(m);
            }
        }
    }
}

/// The nouns of happenings named in the clause of found expression `n`,
/// before it ("the race starts at 5 p.m.": "race"), at most
/// [`ECHO_NOUN_REACH`] tokens back.
fn clause_nouns(inp: &Inputs<'_, '_>, sent: &Sentences, n: usize) -> Vec<usize> {
    let (toks, start) = (inp.doc.toks, inp.doc.found[n].start);
    let clause = sent.clause(start);
    (start.saturating_sub(ECHO_NOUN_REACH)..start).filter(|&k| sent.clause(k) == clause && (inp.doc.language.names_dated_noun)(toks, k)).collect()
}
