//! Times that follow each occurrence of a schedule.
//!
//! A timetable tells a departure and, in the same sentence, the arrival:
//! "Flight BX 211 will leave Manila on Mondays, Wednesdays and Fridays at
//! 9:40 p.m., landing in Sydney at 9:05 a.m. the next day", "an extra train
//! will leave Nangang every day at 5:50 a.m., reaching Zuoying at 7:35
//! a.m.", "auctions every weekday at 11:30 a.m., with the results of each
//! posted at 1 p.m.". The later time recurs as the schedule does, on its
//! own clock, shifted by the days the text says ("the next day"), with the
//! schedule's first and last occurrence.

use super::days::anaphoric_day;
use super::restated::Restatement;
use super::schedules::{link_recurrence, Bounds};
use super::sentences::Sentences;
use super::{clock_of, dayless, set_clock, Inputs, Settled};
use crate::expr::Expr;
use crate::grammar::LinkKind;
use crate::tuning::FOLLOWING_DAYS;

/// Adds to `out` the one-off times of a schedule's sentence that follow
/// each of its occurrences (see the module documentation), with the rule
/// each recurs by.
pub(super) fn followers(inp: &Inputs<'_, '_>, sent: &Sentences, settled: &[Settled], bounds: &[Bounds], out: &mut Vec<Restatement>) {
    let (found, links) = (inp.doc.found, inp.doc.links);
    let zone_of = |m: usize| settled[m].zone.as_ref().map(|z| &z.0);
    let linked = super::in_schedules(found.len(), links);
    // the schedules' clock times, in text order
    let mut sources: Vec<(usize, usize)> = (0..links.len())
        .filter(|&li| links[li].kind == LinkKind::Recurrence)
        .filter_map(|li| links[li].members.iter().copied().find(|&m| set_clock(&found[m].expr).is_some()).map(|c| (found[c].start, li)))
        .collect();
    sources.sort_unstable();
    // (a time that restates a schedule already is no follower)
    let mut taken = vec![false; found.len()];
    out.iter().for_each(|r| taken[r.time] = true);
    for (m, f) in found.iter().enumerate() {
        let Some(c) = clock_of(&f.expr) else { continue };
        if linked[m] || !matches!(f.expr, Expr::Time { .. }) || taken[m] {
            continue;
        }
        // its day: none, or days after the schedule's ("at 9:05 a.m. the next day")
        let next = found.get(m + 1).filter(|n| n.start == f.end);
        let later = match &f.expr {
            _ if dayless(f) => Some(next.and_then(|n| anaphoric_day(&n.expr)).unwrap_or(0)),
            Expr::Time { date: Some(d), .. } => anaphoric_day(d),
            _ => f.anchor.and_then(|a| anaphoric_day(&found[a].expr)),
        };
        let Some(later) = later.filter(|&n| (0..=FOLLOWING_DAYS).contains(&n)) else { continue };
        // the nearest schedule before it in its sentence, with words between
        // that tell a time after each occurrence
        let i = sources.partition_point(|&(s, _)| s < f.start);
        let Some(&(start, li)) = i.checked_sub(1).and_then(|j| sources.get(j)) else { continue };
        if sent.of(start) != sent.of(f.start) {
            continue;
        }
        let l = &links[li];
        let Some(clock) = l.members.iter().copied().find(|&k| set_clock(&found[k].expr).is_some()) else { continue };
        // (not a time inside the schedule's own phrase, before its last part)
        let last = l.members.iter().chain(&l.ends).chain(&l.until).chain(&l.start).map(|&k| found[k].end).max().unwrap_or(found[clock].end);
        if !(inp.doc.language.follows_each)(inp.doc.toks, found[clock].end, f.start) || last > f.start {
            continue;
        }
        let Some(rec) = link_recurrence(found, l, &bounds[li], inp.doc.dct, zone_of(clock)) else { continue };
        // (both on known clocks, or both floating)
        if zone_of(m).is_some() != rec.first.is_some() {
            continue;
        }
        if let Some(rule) = rec.following(&c, zone_of(m), later as i64) {
            out.push(Restatement { time: m, link: li, rule, same_instant: false });
        }
    }
}
