//! Arrivals after midnight: "will leave Cairo at 11:30 p.m. on Thursday and
//! land at Heathrow at 3:40 a.m.", "leaves at 8 p.m. and reaches Aswan at
//! 10:20 a.m.". A time told as what follows an earlier time of its sentence
//! (an arrival, an end), with no day of its own, takes that time's day; when
//! that reading puts it before the earlier instant, it is on a later day:
//! the first on which it comes after. The test is one of instants, so an
//! arrival across the date line on the same date ("leaves Tokyo at 5 p.m.
//! and lands in Honolulu at 5 a.m.") stays where it is. So, the other way,
//! does a departure told before an arrival with a day of its own.

use jiff::civil::Date;
use jiff::Timestamp;

use super::sentences::Sentences;
use super::{dayless, local, redate, Inputs, Settled};
use crate::expr::Expr;
use crate::resolve::Resolved;
use crate::tuning::{ARRIVAL_DAYS, SENTENCE_SCAN};

/// Moves each such time to the first day on which it follows the earlier time
/// (see the module documentation); `groups` are the times that are readings
/// of one instant, whose days are solved already.
pub(super) fn after_departures(inp: &Inputs<'_, '_>, sent: &Sentences, groups: &[Vec<usize>], resolved: &mut [Resolved], settled: &mut [Settled]) {
    let (found, toks) = (inp.doc.found, inp.doc.toks);
    let one_off = |m: usize, r: &[Resolved]| r[m].clock.is_some() && r[m].day.is_some() && !matches!(found[m].expr, Expr::Set { .. });
    let grouped = |m: usize| groups.iter().any(|g| g.contains(&m));
    for b in 0..found.len() {
        if !one_off(b, resolved) || !dayless(&found[b]) || found[b].anchor.is_some() || grouped(b) {
            continue;
        }
        let here = sent.of(found[b].start);
        let Some(a) = (b.saturating_sub(SENTENCE_SCAN)..b).rev().take_while(|&a| sent.of(found[a].start) == here).find(|&a| one_off(a, resolved))
        else {
            continue;
        };
        if !(inp.doc.language.follows_day)(toks, found[a].end, found[b].start) {
            continue;
        }
        let (Some(at), Some(zone)) = (instant(&resolved[a], &settled[a]), settled[b].zone.as_ref().map(|z| z.0.clone())) else { continue };
        let (Some(mut day), Some(clock)) = (resolved[b].day, resolved[b].clock) else { continue };
        let reads = |day| local(day, &clock).and_then(|dt| zone.place(dt)).map(|p| p.zoned.timestamp());
        if reads(day).is_none_or(|t| t >= at) {
            continue;
        }
        for _ in 0..ARRIVAL_DAYS {
            let Ok(next) = day.tomorrow() else { break };
            day = next;
            if reads(day).is_some_and(|t| t > at) {
                redate(&found[b].expr, &mut resolved[b], day);
                settled[b].day_from = Some(a);
                break;
            }
        }
    }
}

/// Moves each departure told before an arrival with a day of its own back
/// to the last day on which it comes before that arrival: "leaves at 9:25
/// p.m. and is due in Madrid at 8:40 a.m. on Monday" leaves on Sunday. A
/// departure that comes before its arrival already (on the event day under
/// discussion) stays.
pub(super) fn before_arrivals(inp: &Inputs<'_, '_>, sent: &Sentences, groups: &[Vec<usize>], resolved: &mut [Resolved], settled: &mut [Settled]) {
    let (found, toks) = (inp.doc.found, inp.doc.toks);
    let one_off = |m: usize, r: &[Resolved]| r[m].clock.is_some() && r[m].day.is_some() && !matches!(found[m].expr, Expr::Set { .. });
    let grouped = |m: usize| groups.iter().any(|g| g.contains(&m));
    for a in 0..found.len() {
        if !one_off(a, resolved) || grouped(a) {
            continue;
        }
        let here = sent.of(found[a].start);
        let Some(b) =
            (a + 1..(a + 1 + SENTENCE_SCAN).min(found.len())).take_while(|&b| sent.of(found[b].start) == here).find(|&b| one_off(b, resolved))
        else {
            continue;
        };
        // (a clock time written, not one counted from the departure: "begins at 7
        // p.m., and the cast will arrive an hour and a half earlier")
        if super::clock_of(&found[b].expr).is_none() {
            continue;
        }
        // (the arrival with a day of its own, which the departure has only
        // through it, written after both: "at 8:40 a.m. on Monday")
        let day_of_b = found[b].anchor.filter(|&d| d > b).or_else(|| (!dayless(&found[b])).then_some(b));
        let through_b = dayless(&found[a]) || found[a].anchor.is_some_and(|d| d > b && Some(d) == day_of_b);
        if day_of_b.is_none() || !through_b || !(inp.doc.language.arrival_follows)(toks, found[a].end, found[b].start) {
            continue;
        }
        let (Some(own), Some(clock), Some(arrival)) = (resolved[a].day, resolved[a].clock, resolved[b].day) else { continue };
        // whether the departure on `day` comes before the arrival: as instants,
        // or on one clock when neither has a zone ("The train leaves at 9:25
        // p.m. and arrives at 8:40 a.m. on Monday")
        let zones = (settled[a].zone.as_ref().map(|z| z.0.clone()), instant(&resolved[b], &settled[b]));
        let arrives = resolved[b].clock.and_then(|c| local(arrival, &c));
        let before = |day: Date| -> Option<bool> {
            let dt = local(day, &clock)?;
            match (&zones, settled[b].zone.is_none()) {
                ((Some(zone), Some(at)), _) => Some(zone.place(dt)?.zoned.timestamp() < *at),
                ((None, _), true) => Some(dt < arrives?),
                _ => None,
            }
        };
        // (a departure with no day of its own source, which only the DCT gave,
        // leaves on the arrival's day or the last before it: "departs at 10
        // p.m. and arrives in Bilbao at 7 a.m. on Saturday")
        let mut day = if settled[a].day_from.is_none() { arrival } else { own };
        if before(day) == Some(true) {
            if day != own {
                redate(&found[a].expr, &mut resolved[a], day);
                settled[a].day_from = Some(b);
            }
            continue;
        }
        for _ in 0..ARRIVAL_DAYS {
            let Ok(prev) = day.yesterday() else { break };
            day = prev;
            if before(day) == Some(true) {
                redate(&found[a].expr, &mut resolved[a], day);
                settled[a].day_from = Some(b);
                break;
            }
        }
    }
}

/// The instant of a one-off time, as placed or read on its zone's clock.
fn instant(r: &Resolved, s: &Settled) -> Option<Timestamp> {
    if let Some(p) = &s.placed {
        return Some(p.zoned.timestamp());
    }
    let dt = local(r.day?, &r.clock?)?;
    s.zone.as_ref()?.0.place(dt).map(|p| p.zoned.timestamp())
}
