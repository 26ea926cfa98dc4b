//! Schedules restated in another zone.
//!
//! An article gives a schedule in one zone and then the same occurrences on
//! another zone's clock: "every Saturday and Sunday at 3 p.m. KST, which
//! puts the matches at 11 p.m. PT", "airs weekdays at 8:30 a.m. CST ...
//! Partner station WFYI in Indianapolis will carry it simultaneously, at
//! 9:30 a.m. local time", "That is 1 p.m. in London". The time written in
//! the other zone recurs as the schedule does: its rule is the schedule's,
//! read on that zone's clock (its days shifted when the date differs there),
//! with the same first and last occurrence.
//!
//! A time restates a schedule only when that zone's clock reads it at the
//! schedule's first occurrence, so a time that merely follows a schedule is
//! left alone; and a time that reads the same instant as a one-off time
//! told before (a premiere that opens the schedule) restates that one. It must also not be dated on its own ("On Friday, Oct. 9, a
//! special starts at 6 p.m. PT" is an event); a time written with a weekday
//! ("11 p.m. Friday PT") restates only in the schedule's own sentence, with
//! words that restate between them ("which puts").

use jiff::civil::Date;

use super::schedules::{link_recurrence, Bounds};
use super::sentences::Sentences;
use super::{clock_of, dayless, set_clock, Inputs, Settled};
use crate::expr::Expr;
use crate::grammar::LinkKind;
use crate::recur::Recurrence;
use crate::tuning::{BOUND_SENTENCES, DATE_AFTER_TIME, OPENING_CUE_REACH, RUN_CUE_REACH, SENTENCE_SCAN, SPAN_SCHEDULES};
use crate::zones::Zone;

/// A time that restates a schedule in another zone.
#[derive(Clone, Debug)]
pub(crate) struct Restatement {
    /// The found expression of the time (a one-off clock time, or the clock
    /// time of a recurrence that states no bounds of its own).
    pub(crate) time: usize,
    /// The recurrence link it restates.
    pub(crate) link: usize,
    /// The schedule's rule read on the time's clock, from the day the time
    /// states, if it states one ("from Nov. 7").
    pub(crate) rule: Recurrence,
    /// Whether the time is the same instant as each occurrence (another
    /// zone's reading), rather than one that follows it (an arrival).
    pub(crate) same_instant: bool,
}

/// The schedule `s` read from a later day than its own start.
fn source_from(inp: &Inputs<'_, '_>, b: &Bounds, s: &Source, day: Date, zone: Option<&Zone>) -> Option<Recurrence> {
    let since = b.since.or(inp.doc.dct).map_or(day, |d| d.max(day));
    link_recurrence(inp.doc.found, &inp.doc.links[s.link], &Bounds { since: Some(since), ..*b }, inp.doc.dct, zone)
}

/// A schedule that can be restated: its link, its clock time and its rule.
struct Source {
    link: usize,
    clock: usize,
    rec: Recurrence,
}

/// Finds the times that restate a schedule in another zone (see the module
/// documentation), each with the nearest schedule it restates.
pub(super) fn restatements(inp: &Inputs<'_, '_>, sent: &Sentences, settled: &[Settled], bounds: &[Bounds]) -> Vec<Restatement> {
    let (found, links) = (inp.doc.found, inp.doc.links);
    let zone_of = |m: usize| settled[m].zone.as_ref().map(|z| &z.0);
    // what belongs to a schedule, and the recurrence each member is of
    let mut in_link = vec![None; found.len()];
    let scheduled = super::in_schedules(found.len(), links);
    for (li, l) in links.iter().enumerate().filter(|(_, l)| l.kind == LinkKind::Recurrence) {
        for &m in &l.members {
            in_link[m] = Some(li);
        }
    }
    let rule_of = |li: usize| -> Option<(usize, Recurrence)> {
        let l = &links[li];
        let clock = l.members.iter().copied().find(|&m| set_clock(&found[m].expr).is_some())?;
        link_recurrence(found, l, &bounds[li], inp.doc.dct, zone_of(clock)).map(|rec| (clock, rec))
    };
    // the schedules with a first occurrence in a known zone, in text order
    let mut sources: Vec<Source> = (0..links.len())
        .filter(|&li| links[li].kind == LinkKind::Recurrence)
        .filter_map(|li| rule_of(li).filter(|(_, rec)| rec.first.is_some()).map(|(clock, rec)| Source { link: li, clock, rec }))
        .collect();
    sources.sort_by_key(|s| found[s.clock].start);
    let mut out: Vec<Restatement> = Vec::new();
    // (the times found to restate a schedule so far, which tell no one-off time)
    let mut restating = vec![false; found.len()];
    for (m, f) in found.iter().enumerate() {
        let (Some(c), Some(zone)) = (clock_of(&f.expr), zone_of(m)) else { continue };
        // a recurrence of its own restates only when it states no bounds
        let own = in_link[m];
        // (it may state its start: "each Saturday at 10:30 a.m. ET from Nov. 7
        // until the finale", read from that day on)
        if let Some(b) = own {
            if set_clock(&f.expr).is_none() || bounds[b].until.is_some() || bounds[b].lasting.is_some() {
                continue;
            }
        } else if !matches!(f.expr, Expr::Time { .. }) || scheduled[m] {
            continue;
        }
        let weekday = own.is_none().then(|| written_weekday(inp, m)).flatten();
        if own.is_none() && !dayless(f) && weekday.is_none() {
            continue;
        }
        // (not dated in its own clause, before it or right after it: not by a
        // date told further on, "..., with the last episode on Dec. 6")
        let clause = sent.clause(f.start);
        let dates_it = |j: usize| found[j].start < f.start || found[j].start <= f.end + DATE_AFTER_TIME;
        let dated = (m.saturating_sub(SENTENCE_SCAN)..(m + SENTENCE_SCAN).min(found.len())).any(|j| {
            j != m
                && !scheduled[j]
                && sent.clause(found[j].start) == clause
                && dates_it(j)
                && matches!(found[j].expr, Expr::Date { day: Some(_), .. })
        });
        if own.is_none() && dated {
            continue;
        }
        // (nor the reading of a one-off time told before: "simulcast the premiere,
        // which puts it at 5:45 p.m. BST", where the premiere opens the schedule)
        let instant = |j: usize| settled[j].placed.as_ref().map(|p| p.zoned.timestamp());
        let told = |at: jiff::Timestamp| {
            (m.saturating_sub(2 * SENTENCE_SCAN)..m).any(|j| {
                !scheduled[j]
                    && !restating[j]
                    && in_link[j].is_none()
                    && sent.of(f.start) - sent.of(found[j].start) <= BOUND_SENTENCES
                    && instant(j) == Some(at)
            })
        };
        if own.is_none() && instant(m).is_some_and(told) {
            continue;
        }
        // (nor a time of one occurrence its clause names: "For the premiere, that
        // means 9:30 a.m. Eastern", "Opening night streams live on the band's
        // channel at 11 p.m. ET")
        // (further back only when the cue opens the clause, as its subject: not
        // "Every show after opening night also streams ... at 11 p.m. ET")
        let opens_clause = |k: usize| k == 0 || sent.clause(k - 1) != clause;
        let one_occurrence = (f.start.saturating_sub(OPENING_CUE_REACH)..f.start)
            .rev()
            .take_while(|&k| sent.clause(k) == clause)
            .filter(|&k| f.start - k <= RUN_CUE_REACH || opens_clause(k))
            .any(|k| (inp.doc.language.names_occurrence)(inp.doc.toks, k));
        if own.is_none() && one_occurrence {
            continue;
        }
        let here = sent.of(f.start);
        let i = sources.partition_point(|s| found[s.clock].start < f.start);
        let restated = sources[i.saturating_sub(SPAN_SCHEDULES)..i].iter().rev().find_map(|s| {
            let there = sent.of(found[s.clock].start);
            if Some(s.link) == own || there > here || here - there > BOUND_SENTENCES {
                return None;
            }
            // (a time with a weekday restates only in the schedule's sentence, after words that restate)
            if weekday.is_some() && (here != there || !(inp.doc.language.restates)(inp.doc.toks, found[s.clock].end, f.start)) {
                return None;
            }
            // (the schedule's first occurrence told as a one-off time is what a
            // time of the same instant restates: "For the premiere, that means
            // 9:30 a.m. Eastern")
            if own.is_none() && s.rec.first.as_ref().is_some_and(|z| told(z.timestamp())) {
                return None;
            }
            let since = own.and_then(|b| bounds[b].since);
            let from_since = since.and_then(|d| source_from(inp, &bounds[s.link], s, d, zone_of(s.clock)));
            // (a broadcast hour past 24 told again on the ordinary clock)
            let broadcast = set_clock(&found[s.clock].expr).is_some_and(|b| b.hour >= 24 && b.hour - 24 == c.hour && b.minute == c.minute);
            let r = from_since.as_ref().unwrap_or(&s.rec).restated(&c, zone, broadcast)?;
            let days: Vec<u8> = r.rule.by_day.iter().map(|d| d.1).collect();
            let agrees = match (own, weekday) {
                // (a recurrence of its own names the same days)
                (Some(b), _) => rule_of(b).is_some_and(|(_, rec)| {
                    let mut mine: Vec<u8> = rec.rule.by_day.iter().map(|d| d.1).collect();
                    mine.sort_unstable();
                    mine == days && rec.rule.freq == r.rule.freq
                }),
                (None, Some(d)) => days.contains(&d),
                (None, None) => true,
            };
            agrees.then_some((s.link, r))
        });
        if let Some((link, rule)) = restated {
            out.push(Restatement { time: m, link, rule, same_instant: true });
            restating[m] = true;
        }
    }
    out
}

/// The weekday written with a one-off clock time ("11 p.m. Friday"), if
/// that is its only day.
fn written_weekday(inp: &Inputs<'_, '_>, m: usize) -> Option<u8> {
    let f = &inp.doc.found[m];
    // (also "Saturday night at 10 p.m.")
    fn of(e: &Expr) -> Option<u8> {
        match e {
            Expr::Weekday { dow, .. } => Some(*dow),
            Expr::PartOfDay { date: Some(d), .. } => of(d),
            _ => None,
        }
    }
    match &f.expr {
        Expr::Time { date: Some(d), .. } => of(d),
        Expr::Time { date: None, .. } => f.anchor.and_then(|a| of(&inp.doc.found[a].expr)),
        _ => None,
    }
}
