//! Clock times told once for a list or a stretch of days.
//!
//! "Two shakeout runs will leave Kapiolani Park at 6:30 a.m. on Friday and
//! Saturday", "Ticket holders must pick up wristbands on Thursday and Friday
//! from 10 a.m. to 7 p.m.", "open at 9 a.m. from Thursday, March 26, through
//! Sunday, March 29": the time happens on each of the days, so it recurs, daily when
//! the days follow each other and weekly on their weekdays when they fall
//! within a week (or on one weekday, week after week), up to the last day.
//! Days further apart follow no rule a calendar can say, and stay as they
//! are.

use jiff::civil::Date;

use super::restated::Restatement;
use super::sentences::Sentences;
use super::{clock_of, Inputs, Settled, ZoneSource};
use crate::expr::{Amount, Dir, Expr, Unit};
use crate::grammar::LinkKind;
use crate::recur::{recurrence, End, Recurrence};
use crate::resolve::Resolved;
use crate::tuning::{BOUND_SENTENCES, DAY_CHAIN, DAY_LIST_DAYS, DAY_LIST_REACH, DAY_LIST_WITH_REACH, SENTENCE_REACH, SMALL_HOURS_END};

/// The one-off clock times that recur on each day of the list or stretch
/// of days they are told with, each with its rule.
pub(super) fn on_each_day(
    inp: &Inputs<'_, '_>,
    sent: &Sentences,
    resolved: &[Resolved],
    settled: &[Settled],
    restated: &[Restatement],
) -> Vec<(usize, Recurrence)> {
    let (found, links) = (inp.doc.found, inp.doc.links);
    let mut scheduled = super::in_schedules(found.len(), links);
    // (a time that restates a schedule recurs as that one does)
    restated.iter().for_each(|r| scheduled[r.time] = true);
    // the list or stretch each day expression belongs to
    let mut group_of: Vec<Option<usize>> = vec![None; found.len()];
    for (li, l) in links.iter().enumerate() {
        // (not the bounds of a schedule: "every Thursday at 5 p.m. from Oct. 8
        // to Nov. 26, which is 8 p.m. AEDT" restates the schedule)
        let days = l.members.iter().all(|&m| found[m].expr.names_day() && !scheduled[m]);
        // (nor a span of bare weekdays, which as often tells hours kept every
        // week: "Open Monday to Friday, 9am to 5pm")
        // (unless the first repeats a date told before: "runs from Thursday, Oct.
        // 28, ... Thursday to Saturday the halls are open from 10:00 to 19:00"
        // are the run's days)
        let repeats = l.members.first().is_some_and(|&m| {
            settled[m].day_from.is_some_and(|d| !found[d].expr.is_weekday() && resolved[d].day.is_some() && resolved[d].day == resolved[m].day)
        });
        let weekly = l.kind == LinkKind::Range && l.members.iter().all(|&m| found[m].expr.is_weekday()) && !repeats;
        if matches!(l.kind, LinkKind::List | LinkKind::Range) && l.members.len() >= 2 && days && !weekly {
            l.members.iter().for_each(|&m| group_of[m] = Some(li));
        }
    }
    // the clock times a span of times joins to another day ("from 10 p.m.
    // Saturday to 4 a.m. Sunday" runs once)
    let mut spans = vec![false; found.len()];
    // (and the start of the span each end closes)
    let mut span_start: Vec<Option<usize>> = vec![None; found.len()];
    for l in links.iter().filter(|l| l.kind == LinkKind::Range) {
        if l.members.iter().all(|&m| clock_of(&found[m].expr).is_some()) {
            if let [a, b] = l.members[..] {
                span_start[b] = Some(a);
            }
            l.members.iter().for_each(|&m| spans[m] = true);
        }
    }
    let mut out = Vec::new();
    // the last one-off time that recurs on a list's days, with that list
    let mut last_given: Option<(usize, usize)> = None;
    for (m, f) in found.iter().enumerate() {
        let Some(clock) = clock_of(&f.expr) else { continue };
        if scheduled[m] || !matches!(f.expr, Expr::Time { .. }) {
            continue;
        }
        // (a time with its own day written, which no list holds, is that day's:
        // "runs from Friday, Sept. 4, through Sunday, Sept. 6, with the first
        // concert at 7:15 p.m. on Friday")
        if f.anchor.is_some_and(|a| group_of[a].is_none() && found[a].expr.names_day() && a > m) {
            continue;
        }
        // (the day may come through the other end of a span: "from 13:00 to 18:00")
        let mut day = settled[m].day_from.or(f.anchor);
        for _ in 0..DAY_CHAIN {
            match day {
                Some(d) if group_of[d].is_none() => day = settled[d].day_from.or(found[d].anchor),
                _ => break,
            }
        }
        // (or told "on each of those days" after them, days a schedule's bounds may
        // give: "daily from Monday, June 14, through Saturday, June 19 ... Gates
        // open at 9:30 a.m. on each of those days")
        // (or at the start of its sentence: "On those days the last train will
        // leave Casablanca at 5:40 p.m.")
        // (not of the past: "On those days banks opened at 9 a.m. in 2025, too")
        let opens_told = || {
            let (lo, _) = sent.span(f.start, f.start, SENTENCE_REACH);
            lo < f.start && (inp.doc.language.each_day_told)(inp.doc.toks, lo) && inp.doc.tense(m).dir != Dir::Past
        };
        let each_told = || {
            (f.end..(f.end + DAY_LIST_REACH).min(inp.doc.toks.len()))
                .take_while(|&k| sent.of(k) == sent.of(f.start))
                .any(|k| (inp.doc.language.each_day_told)(inp.doc.toks, k))
                || opens_told()
        };
        // the lists and stretches of dated days
        let dated_lists = || {
            links
                .iter()
                .enumerate()
                .filter(|(_, l)| matches!(l.kind, LinkKind::List | LinkKind::Range) && l.members.len() >= 2)
                .filter(|(_, l)| l.members.iter().all(|&k| found[k].expr.names_day() && resolved[k].day.is_some()))
        };
        let told_before = || {
            dated_lists()
                .filter(|(_, l)| l.members.last().is_some_and(|&k| k < m && sent.of(f.start) - sent.of(found[k].start) <= BOUND_SENTENCES))
                .map(|(li, _)| li)
                .next_back()
        };
        // (or named right after those words, even as a span of weekdays: "at 1
        // p.m. on each possible launch day, Tuesday through Sunday")
        let told_after = || {
            let s = |l: &crate::grammar::Link| found[l.members[0]].start;
            dated_lists().find(|(_, l)| s(l) > f.end && s(l) <= f.end + DAY_LIST_REACH && sent.of(s(l)) == sent.of(f.start)).map(|(li, _)| li)
        };
        // (or told with such a time just before it in its sentence, no other day
        // between: "Gates will open at 4:30 p.m. on both nights, with the support
        // act on stage at 6:45 p.m. and Vance at 8:15 p.m.")
        let along = || {
            let (p, li) = last_given?;
            let (toks, from) = (inp.doc.toks, found[p].end);
            // (or a further clause of the same sentence, of what lies ahead and
            // later in the same day or night: "Gates open at 7 p.m. on both nights,
            // and the first acts are due on stage at 8 p.m."; not "..., and last
            // year the show began at 9 p.m.", nor another matter's earlier hour,
            // "..., and tickets go on sale at 10 a.m.")
            // (or both of the nights' small hours, ends told side by side: "until 2:00
            // on both festival nights, ... and the cable car until 1:00")
            let small = |c: crate::expr::Clock| c.hour < SMALL_HOURS_END;
            let later = clock_of(&found[p].expr).is_some_and(|c| night_minute(clock) >= night_minute(c) || small(c) && small(clock));
            let joined = || {
                later
                    && (from..f.start).any(|k| (inp.doc.language.joins_clause)(toks, k))
                    && inp.doc.tense(m).dir != Dir::Past
                    && !(inp.doc.language.tells_past)(toks, from, f.start)
            };
            let with = (from..f.start).any(|k| (inp.doc.language.accompanies)(toks, k)) || joined();
            let between = found[p + 1..m].iter().all(|g| !g.expr.names_day() && clock_of(&g.expr).is_some());
            // (not a time with a day of its own: "with the presale at 10 a.m. June 6",
            // "with the auction at 11 a.m. Wednesday")
            let next_day = found.get(m + 1).is_some_and(|g| g.expr.names_day() && g.start <= f.end + 1);
            let own_day = matches!(f.expr, Expr::Time { date: Some(_), .. }) || f.anchor.is_some() || next_day;
            (sent.of(f.start) == sent.of(found[p].start) && with && between && !own_day).then_some(li)
        };
        let grouped = day.and_then(|d| group_of[d]);
        let told_each = grouped.is_none() && each_told();
        let chain = if told_each { None } else { along() };
        let Some(li) = grouped.or_else(|| told_each.then(|| told_after().or_else(told_before)).flatten()).or(chain) else {
            // (no days told, but their count, from the day of the time: "begin the
            // Test on Wednesday, with play from 10 a.m. to 5 p.m. on each of the five days")
            // (not a time of a day of its own, "began on Monday at 6 a.m. and was
            // observed on each of the five days")
            // (a day right beside it: "on Monday at 6 a.m.", "at 6 a.m. Monday"; not one a
            // phrase with "with" hangs from, "on Wednesday, with play from 10 a.m.")
            let beside = |a: usize| (found[a].end..=found[a].end + 2).contains(&f.start) || (f.end..=f.end + 2).contains(&found[a].start);
            let own_day = matches!(f.expr, Expr::Time { date: Some(_), .. }) || f.anchor.is_some_and(beside);
            if let Some(rec) = (told_each && !own_day).then(|| counted(inp, sent, m, resolved[m].day?, clock, settled)).flatten() {
                out.push((m, rec));
            }
            continue;
        };
        let l = &links[li];
        let (first, last) = (found[l.members[0]].start, found[l.members[l.members.len() - 1]].end);
        // (told with the days, in their sentence: "Fighting raged on Saturday and
        // Sunday. A ceasefire took effect at 6 a.m." tells one time)
        let near = if f.start < first { first - f.end <= DAY_LIST_REACH } else { f.start.saturating_sub(last) <= DAY_LIST_REACH };
        // (or further, in a phrase that goes with the days' clause, with no
        // other day between: "on Thursday and Friday, from the first and 10th
        // tees, with the first groups away at 7:10 a.m. and the afternoon wave
        // starting at 12:20 p.m.")
        let other_day = || found.get(l.members[l.members.len() - 1] + 1..m).is_none_or(|between| between.iter().any(|g| g.expr.names_day()));
        let with = f.start > last
            && f.start - last < 2 * DAY_LIST_WITH_REACH
            && (last..f.start.min(last + DAY_LIST_WITH_REACH))
                .any(|k| f.start - k <= DAY_LIST_WITH_REACH && (inp.doc.language.accompanies)(inp.doc.toks, k))
            && !other_day();
        let near = near || with;
        // (or told "on both days" of two days told before: "runs on Saturday 19 and
        // Sunday 20 June. ... from 13:00 to 18:00 on both days")
        let both = (l.members.len() == 2 || told_each) && f.start > last && each_told();
        let chained = chain == Some(li);
        if !(near && sent.of(f.start) == sent.of(first) || both || chained) {
            continue;
        }
        // (a time written between the ends of a stretch starts it, "from 10 p.m.
        // on Thursday, Jan. 7, until the new timetable begins", and one on its
        // end ends it, "runs from Monday, June 2, to Friday, June 6, at noon")
        let end = l.members[l.members.len() - 1];
        let on_end = f.anchor == Some(end) && f.start <= found[end].end + 2;
        if l.kind == LinkKind::Range && (f.start > first && f.start < last || on_end) {
            continue;
        }
        if spans[m] && !range_within(inp, m, &spans) {
            continue;
        }
        let Some(mut days) = days_of(l.kind, &l.members.iter().map(|&k| resolved[k].day).collect::<Option<Vec<Date>>>().unwrap_or_default()) else {
            continue;
        };
        // (the small hours of nights fall on the morning after each: "until 2:00
        // on both festival nights", and so does the end of a span past
        // midnight, "from 9 p.m. to 12:30 a.m. on both nights")
        // (the nights named after the time, in its sentence)
        let toks = inp.doc.toks;
        let hi = (f.end + DAY_LIST_REACH).min(toks.len());
        // (for a time chained to another, those named after that one: "at 2 a.m. on
        // both nights, with high tide at 4:30 a.m.")
        let from = if chained { last_given.map_or(f.end, |(p, _)| found[p].end) } else { f.end };
        let nights = (from..hi).take_while(|&k| sent.of(k) == sent.of(f.start)).any(|k| (inp.doc.language.names_nights)(toks, k))
            || l.members.iter().any(|&k| matches!(&found[k].expr, Expr::PartOfDay { pod: crate::expr::Pod::Night, .. }));
        let overnight_end = span_start[m].and_then(|a| clock_of(&found[a].expr)).is_some_and(|a| minute(a) >= minute(clock));
        if (nights && clock.hour < SMALL_HOURS_END) || overnight_end {
            let (Ok(first), Ok(last)) = (days.first.tomorrow(), days.last.tomorrow()) else { continue };
            days.first = first;
            days.last = last;
            if let Pattern::Weekly(dows) = &mut days.pattern {
                dows.iter_mut().for_each(|d| *d = *d % 7 + 1);
            }
        }
        if let Some(rec) = rule_on(clock, &days, settled[m].zone.as_ref().map(|z| &z.0)) {
            out.push((m, rec));
            // (the times chained to one look back to it: "..., with X at 6:45
            // p.m. and Y at 8:15 p.m.")
            if !chained {
                last_given = Some((m, li));
            }
        }
    }
    out
}

/// The one-off clock times that take the days and bounds of a schedule told
/// before them, each with that schedule's rule at its own clock time:
/// - told "on the same days" as the nearest schedule with a clock time,
///   within [`BOUND_SENTENCES`] ("Flight TN 471 will leave Faa'a every
///   Tuesday and Saturday at 7:15 a.m., starting April 1, and the return
///   will leave Nuku Hiva at 11:40 a.m. on the same days");
/// - in the first clause of a sentence that names again the subject of the
///   schedule told just before without a clock time, with no day of its
///   own ("The market will run every Saturday from May 2. The market opens
///   at 8 a.m."), unless `taken` (the times that recur on a list of days)
///   holds it already.
pub(super) fn on_schedules_before(
    inp: &Inputs<'_, '_>,
    sent: &Sentences,
    settled: &[Settled],
    bounds: &[super::schedules::Bounds],
    taken: &[(usize, Recurrence)],
) -> Vec<(usize, Recurrence)> {
    let (found, links, toks) = (inp.doc.found, inp.doc.links, inp.doc.toks);
    let scheduled = super::in_schedules(found.len(), links);
    // the schedules with a clock time, by their first member, and those
    // without one, by their last (once, not per time)
    let mut clocked = Vec::new();
    let mut clockless = Vec::new();
    for (li, l) in links.iter().enumerate().filter(|(_, l)| l.kind == LinkKind::Recurrence && !l.members.is_empty()) {
        if l.members.iter().any(|&k| super::set_clock(&found[k].expr).is_some()) {
            clocked.extend(l.members.iter().min().map(|&first| (first, li)));
        } else {
            clockless.extend(l.members.iter().max().map(|&last| (last, li)));
        }
    }
    clocked.sort_unstable();
    clockless.sort_unstable();
    let mut out = Vec::new();
    // the rule of the first time of a sentence that tells the way back, with
    // its sentence: the times after it in that sentence follow it ("The return
    // flight will take off at 7:35 p.m. and land in Kathmandu at 9:50 p.m.")
    let mut way_back: Option<(u32, Recurrence)> = None;
    for (m, f) in found.iter().enumerate() {
        let Some(clock) = clock_of(&f.expr) else { continue };
        // (not a report of days gone: "Blood drives were held at 10 a.m. on the
        // same days in 2023")
        if scheduled[m] || !matches!(f.expr, Expr::Time { date: None, .. }) || f.anchor.is_some() || inp.doc.tense(m).dir == Dir::Past {
            continue;
        }
        let here = sent.of(f.start);
        if let Some((_, rec)) = way_back.as_ref().filter(|(s, _)| *s == here) {
            if let Some(rule) = rec.following(&clock, settled[m].zone.as_ref().map(|z| &z.0), 0) {
                out.push((m, rule));
            }
            continue;
        }
        let hi = (f.end + DAY_LIST_REACH).min(toks.len());
        let same_days = (f.end..hi).take_while(|&k| sent.of(k) == here).any(|k| (inp.doc.language.same_days)(toks, k));
        // (or the way back of the schedule before, on its days: "The return
        // flight will take off at 7:35 p.m.", "Sailings in the other direction
        // will leave Helsinki at 5 p.m.")
        // (not one with a day of its own before it in its sentence: "Check-in for
        // the first return flight, on Tuesday, Oct. 28, opens at 8:20 a.m.")
        let (lo, _) = sent.span(f.start, f.start, SENTENCE_REACH);
        let dated = found[..m].iter().rev().take_while(|g| g.start >= lo).any(|g| g.expr.names_day());
        let back = !same_days && !dated && (inp.doc.language.tells_way_back)(toks, lo, f.start) && taken.iter().all(|t| t.0 != m);
        // (or each of the days of the schedule told before, with or without a
        // clock time, when no list of dated days took it: "late openings every
        // Wednesday from April 15 to June 24. On those evenings the galleries
        // will stay open from 7 p.m. to 10 p.m.")
        let each_told = || {
            let told = |k: usize| (inp.doc.language.each_day_told)(toks, k);
            taken.iter().all(|t| t.0 != m) && (lo < f.start && told(lo) || (f.end..hi).take_while(|&k| sent.of(k) == here).any(told))
        };
        let li = if !same_days && !back && each_told() {
            let near = |k: usize| k < m && here - sent.of(found[k].start) <= BOUND_SENTENCES;
            let last = |v: &[(usize, usize)]| v[..v.partition_point(|&(k, _)| k < m)].last().copied().filter(|&(k, _)| near(k));
            last(&clocked).into_iter().chain(last(&clockless)).max().map(|(_, li)| li)
        } else if same_days || back {
            // the schedule told last before it with a clock time (for the way back,
            // in a sentence before, and of days, not of a run within the day:
            // "Return services from Namanve will continue until 11 p.m." after
            // "every 40 minutes")
            let at = clocked.partition_point(|&(first, _)| first < m);
            let earlier = |first: usize| !back || sent.of(found[first].start) < here;
            clocked[..at].last().filter(|&&(first, _)| here - sent.of(found[first].start) <= BOUND_SENTENCES && earlier(first)).map(|&(_, li)| li)
        } else if taken.iter().all(|t| t.0 != m) {
            detailed(inp, sent, &clockless, m)
        } else {
            None
        };
        // (a way back with no place of its own leaves from where the trip before
        // it arrived: "... reaching Suvarnabhumi Airport at 6:10 p.m. Bangkok time.
        // The return flight will take off at 7:35 p.m.")
        let zone = match li {
            Some(li) if back && !settled[m].zone.as_ref().is_some_and(|z| matches!(z.1, ZoneSource::Written | ZoneSource::Place)) => {
                arrived_zone(inp, sent, settled, li).or(settled[m].zone.as_ref().map(|z| &z.0))
            }
            _ => settled[m].zone.as_ref().map(|z| &z.0),
        };
        let rec = li.and_then(|li| schedule_at(inp, li, clock, &bounds[li], zone));
        if let Some(rec) = rec.filter(|r| !(back && r.rule.sub_daily())) {
            if back {
                way_back = Some((here, rec.clone()));
            }
            out.push((m, rec));
        }
    }
    out
}

/// The schedule without a clock time, told in the sentence just before,
/// whose subject the first clause of time `m`'s sentence names again (see
/// [`on_schedules_before`]); `clockless` holds those schedules by their last
/// member.
fn detailed(inp: &Inputs<'_, '_>, sent: &Sentences, clockless: &[(usize, usize)], m: usize) -> Option<usize> {
    let (found, toks) = (inp.doc.found, inp.doc.toks);
    let f = &found[m];
    // (not a time with a day of its own after it: "at 8 a.m. on its first day")
    if (inp.doc.language.day_preposition)(toks, f.end) {
        return None;
    }
    // (in the first clause of its sentence, right after the one with the schedule)
    let (lo, _) = sent.span(f.start, f.start, SENTENCE_REACH);
    if lo == 0 || sent.clause(lo) != sent.clause(f.start) || found[..m].last().is_some_and(|g| g.start >= lo) {
        return None;
    }
    let here = sent.of(f.start);
    let before = |&(last, _): &(usize, usize)| sent.of(found[last].start) + 1 == here;
    let at = clockless.partition_point(|&(last, _)| last < m);
    let &(last, li) = clockless[..at].last().filter(|c| before(c))?;
    // (one such schedule only: "the market every Saturday and the fair every
    // Sunday" leaves it unsaid which one "The market opens at 8 a.m." details)
    if at > 1 && before(&clockless[at - 2]) {
        return None;
    }
    let told = sent.span(found[last].start, found[last].end, SENTENCE_REACH);
    (inp.doc.language.repeats_subject)(toks, lo, told.0..lo).then_some(li)
}

/// Where the trip of schedule `li` arrives: the zone of the last time after
/// its clock time in its sentence that was written or placed there ("and
/// land at Suvarnabhumi at 6:10 p.m. Bangkok time"), if it differs from the
/// departure's.
fn arrived_zone<'s>(inp: &Inputs<'_, '_>, sent: &Sentences, settled: &'s [Settled], li: usize) -> Option<&'s crate::zones::Zone> {
    let found = inp.doc.found;
    let clock = inp.doc.links[li].members.iter().copied().find(|&k| super::set_clock(&found[k].expr).is_some())?;
    let here = sent.of(found[clock].start);
    let own = |x: usize| settled[x].zone.as_ref().filter(|z| matches!(z.1, ZoneSource::Written | ZoneSource::Place)).map(|z| &z.0);
    let last = (clock + 1..found.len()).take_while(|&x| sent.of(found[x].start) == here).filter_map(own).last()?;
    (own(clock).is_none_or(|d| d.tzid != last.tzid)).then_some(last)
}

/// The rule of schedule `li`'s days and bounds at another clock time, on
/// the clock `zone` (the time's own, or where the trip before it arrived).
fn schedule_at(
    inp: &Inputs<'_, '_>,
    li: usize,
    clock: crate::expr::Clock,
    b: &super::schedules::Bounds,
    zone: Option<&crate::zones::Zone>,
) -> Option<Recurrence> {
    let parts = super::schedules::rule_parts(inp.doc.found, &inp.doc.links[li]);
    let each = Expr::Set { each: Box::new(Expr::Time { clock, date: None }), freq: None, quant: None };
    let refs: Vec<&Expr> = parts.iter().filter(|e| super::set_clock(e).is_none()).chain([&each]).collect();
    let end = End { until: b.until, lasting: b.lasting, count: b.count, to_clock: None, one_day: false };
    recurrence(&refs, b.since.or(inp.doc.dct), end, zone)
}

/// The daily rule of the one-off clock time `m` on `day` and the days after
/// it that the words after it count ("on each of the five days"), if they
/// count them.
fn counted(inp: &Inputs<'_, '_>, sent: &Sentences, m: usize, day: Date, clock: crate::expr::Clock, settled: &[Settled]) -> Option<Recurrence> {
    let (f, toks) = (&inp.doc.found[m], inp.doc.toks);
    let hi = (f.end + DAY_LIST_REACH).min(toks.len());
    let n = (f.end..hi).take_while(|&k| sent.of(k) == sent.of(f.start)).find_map(|k| (inp.doc.language.days_counted)(toks, k))?;
    let last = day.checked_add(jiff::Span::new().days(i64::from(n) - 1)).ok()?;
    rule_on(clock, &Days { first: day, last, pattern: Pattern::Daily }, settled[m].zone.as_ref().map(|z| &z.0))
}

/// The rule of a clock time on `days`: daily, or weekly on their weekdays,
/// from the first to the last.
fn rule_on(clock: crate::expr::Clock, days: &Days, zone: Option<&crate::zones::Zone>) -> Option<Recurrence> {
    let set = |e: Expr| Expr::Set { each: Box::new(e), freq: None, quant: None };
    let mut parts = vec![set(Expr::Time { clock, date: None })];
    match days.pattern {
        Pattern::Daily => parts.push(set(Expr::Duration { amount: Amount::N(1), unit: Unit::Day })),
        Pattern::Weekly(ref dows) => parts.extend(dows.iter().map(|&dow| set(Expr::Weekday { dow, dir: Dir::Infer }))),
    }
    let refs: Vec<&Expr> = parts.iter().collect();
    recurrence(&refs, Some(days.first), End { until: Some(days.last), lasting: None, count: None, to_clock: None, one_day: false }, zone)
}

/// Whether the span of clock times `m` belongs to lies within one day (both
/// its ends are told on the list's days: "from 1 to 6 p.m. ET on Thursday
/// and Friday").
fn range_within(inp: &Inputs<'_, '_>, m: usize, spans: &[bool]) -> bool {
    let found = inp.doc.found;
    let near = |k: usize| spans.get(k).copied().unwrap_or(false) && clock_of(&found[k].expr).is_some();
    // (the other end is the neighbour in the text, with no day of its own)
    [m.wrapping_sub(1), m + 1].into_iter().filter(|&k| near(k)).all(|k| matches!(found[k].expr, Expr::Time { date: None, .. }))
}

/// How the days of a list or stretch recur.
enum Pattern {
    /// Every day from the first to the last.
    Daily,
    /// On these weekdays (1 = Monday), from the first to the last.
    Weekly(Vec<u8>),
}

struct Days {
    first: Date,
    last: Date,
    pattern: Pattern,
}

/// The rule the days follow, if a calendar can say it: a stretch, or a list
/// of days in a row, is daily; a list within one week is weekly on its
/// weekdays; a list of one weekday a week apart is weekly on it.
fn days_of(kind: LinkKind, days: &[Date]) -> Option<Days> {
    let (&first, &last) = (days.first()?, days.last()?);
    if days.len() < 2 || last <= first {
        return None;
    }
    let apart = |a: &Date, b: &Date| (*b - *a).get_days();
    let in_a_row = days.windows(2).all(|w| apart(&w[0], &w[1]) == 1);
    if (kind == LinkKind::Range || in_a_row) && apart(&first, &last) <= DAY_LIST_DAYS {
        return Some(Days { first, last, pattern: Pattern::Daily });
    }
    let rising = days.windows(2).all(|w| apart(&w[0], &w[1]) > 0);
    let dow = |d: &Date| d.weekday().to_monday_one_offset() as u8;
    if rising && apart(&first, &last) < 7 {
        return Some(Days { first, last, pattern: Pattern::Weekly(days.iter().map(dow).collect()) });
    }
    if days.windows(2).all(|w| apart(&w[0], &w[1]) == 7) {
        return Some(Days { first, last, pattern: Pattern::Weekly(vec![dow(&first)]) });
    }
    None
}

/// The minute of the day a clock time names (a midnight end as 24:00).
/// The minute of a clock time in the order of an evening and the night after
/// it: the small hours count after midnight, past the evening's.
fn night_minute(c: crate::expr::Clock) -> u32 {
    minute(c) + if c.hour < SMALL_HOURS_END { 24 * 60 } else { 0 }
}

fn minute(c: crate::expr::Clock) -> u32 {
    u32::from(c.hour) * 60 + u32::from(c.minute.unwrap_or(0))
}
