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

use super::sentences::Sentences;
use super::{clock_of, set_clock, Inputs};
use crate::expr::{Amount, Clock, Expr, Unit};
use crate::grammar::{Found, Link, LinkKind};
use crate::lang::ScheduleCue;
use crate::recur::{recurrence, End, Recurrence};
use crate::resolve::{period_bounds, Resolved};
use crate::tuning::{BOUND_SENTENCES, RUN_CUE_REACH, SENTENCE_SCAN, SPAN_SCHEDULES};
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
}

/// The rule of a recurrence link, counted from its start (else the DCT),
/// bounded as the document settled it, in the zone of its clock time.
pub(crate) fn link_recurrence(found: &[Found], l: &Link, b: &Bounds, dct: Option<Date>, zone: Option<&Zone>) -> Option<Recurrence> {
    let parts = rule_parts(found, l);
    let exprs: Vec<&Expr> = parts.iter().collect();
    // ("from 7 to 9 p.m.": the clock time each occurrence ends at)
    let to_clock = l.ends.and_then(|e| set_clock(&found[e].expr));
    recurrence(&exprs, b.since.or(dct), End { until: b.until, lasting: b.lasting, to_clock }, zone)
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
    let dow = |e: &Expr| match e {
        Expr::Set { each, .. } => match **each {
            Expr::Weekday { dow, .. } => Some(dow),
            _ => None,
        },
        _ => None,
    };
    let days: Vec<u8> = parts.iter().filter_map(dow).collect();
    if let (true, [a, b]) = (l.through, days.as_slice()) {
        // (a span may wrap past Sunday: "Friday through Monday")
        let between = (1..7).map(|k| (*a - 1 + k) % 7 + 1).take_while(|d| d != b);
        let inner: Vec<Expr> =
            between.map(|d| Expr::Set { each: Box::new(Expr::Weekday { dow: d, dir: crate::expr::Dir::Infer }), freq: None, quant: None }).collect();
        parts.extend(inner);
    }
    parts
}

/// The bounds the link stage found in a recurrence's own sentence.
fn stated(found: &[Found], l: &Link, resolved: &[Resolved]) -> Bounds {
    // (through the last day of a month: "until the end of September")
    let until = l
        .until
        .and_then(|u| resolved.get(u))
        .and_then(|r| r.day.or_else(|| r.point.and_then(|(d, unit)| period_bounds(d, unit)).and_then(|(_, after, _)| after.yesterday().ok())));
    let lasting = l.lasting.and_then(|d| match found[d].expr {
        Expr::Duration { amount: Amount::N(n), unit } => Some((n, unit)),
        _ => None,
    });
    // (a month's first day: "starting in December")
    let since = l.start.and_then(|u| resolved.get(u)).and_then(|r| r.day.or(r.point.map(|p| p.0)));
    Bounds { since, until, lasting }
}

/// The bounds of every link (default for links that are no recurrence):
/// those of its own sentence, and, when the document has clock times and
/// so its sentences were cut (`sent`), those other sentences give.
pub(super) fn settle_bounds(inp: &Inputs<'_, '_>, sent: Option<&Sentences>, resolved: &[Resolved]) -> Vec<Bounds> {
    let (found, links) = (inp.doc.found, inp.doc.links);
    let mut bounds: Vec<Bounds> =
        links.iter().map(|l| if l.kind == LinkKind::Recurrence { stated(found, l, resolved) } else { Bounds::default() }).collect();
    let Some(sent) = sent else { return bounds };
    let doc = Doc::new(inp, sent, resolved);
    let ends = doc.end_statements();
    // the recurrences in text order, each with its bounds settled in turn,
    // so that a run that spans another takes that one's settled days
    let mut order: Vec<usize> = (0..links.len()).filter(|&l| links[l].kind == LinkKind::Recurrence && !links[l].members.is_empty()).collect();
    order.sort_by_key(|&l| links[l].members[0]);
    for (k, &l) in order.iter().enumerate() {
        let link = &links[l];
        let mut b = bounds[l];
        if b.since.is_none() {
            // (a start after the stated end is another run's)
            b.since = doc.then_start(link).or_else(|| doc.opening(link)).filter(|&s| b.until.is_none_or(|u| s <= u));
        }
        if b.until.is_none() && b.lasting.is_none() {
            let from = b.since.or(inp.doc.dct);
            let first = link.members[0];
            b.until = doc.nearest_end(&ends, link, from);
            if doc.spans_a_run(link) {
                // the nearest schedule before it with a stated end, else an end statement
                let before = order[k.saturating_sub(SPAN_SCHEDULES)..k].iter().rev().map(|&o| bounds[o]).find(|o| o.until.is_some());
                let end = ends.iter().rev().find(|e| e.at < first && !e.own).map(|e| e.day);
                if let Some(o) = before {
                    b.until = o.until;
                    b.since = b.since.or(o.since);
                } else if end.is_some() {
                    b.until = end;
                }
            }
            // (an end before the start is another run's)
            if b.until.zip(b.since.or(inp.doc.dct)).is_some_and(|(u, s)| u < s) {
                b.until = None;
            }
        }
        bounds[l] = b;
    }
    bounds
}

/// A date that ends a run, stated apart from any schedule: "The initial
/// run ends on Friday, June 26."
struct EndStatement {
    /// The found expression of the date.
    at: usize,
    day: Date,
    sentence: u32,
    paragraph: u32,
    /// Whether it ends only a schedule of its own sentence ("runs until").
    own: bool,
}

/// What the looks at a document share.
struct Doc<'i, 'a, 't> {
    inp: &'i Inputs<'a, 't>,
    sent: &'i Sentences,
    resolved: &'i [Resolved],
    /// Whether a found expression belongs to a schedule (a member, its end
    /// clock time, or one of its stated bounds).
    scheduled: Vec<bool>,
    /// Whether a found day has a clock time written on it ("March 27" of
    /// "at 9 a.m. CET on March 27"): its event is the time's.
    timed_day: Vec<bool>,
}

impl<'i, 'a, 't> Doc<'i, 'a, 't> {
    fn new(inp: &'i Inputs<'a, 't>, sent: &'i Sentences, resolved: &'i [Resolved]) -> Self {
        let mut scheduled = vec![false; inp.doc.found.len()];
        for l in inp.doc.links.iter().filter(|l| l.kind == LinkKind::Recurrence) {
            for m in l.members.iter().chain(&l.ends).chain(&l.until).chain(&l.start).chain(&l.lasting) {
                scheduled[*m] = true;
            }
        }
        for (n, f) in inp.doc.found.iter().enumerate() {
            if matches!(f.expr, Expr::Set { .. }) {
                scheduled[n] = true;
            }
        }
        let mut timed_day = vec![false; inp.doc.found.len()];
        for f in inp.doc.found {
            if let Some(a) = f.anchor.filter(|_| clock_of(&f.expr).is_some()) {
                timed_day[a] = true;
            }
        }
        Doc { inp, sent, resolved, scheduled, timed_day }
    }

    /// The clock time of a recurrence.
    fn clock(&self, l: &Link) -> Option<Clock> {
        l.members.iter().find_map(|&m| clock_of(&self.inp.doc.found[m].expr))
    }

    /// Whether an expression is a happening on a known day: a one-off date
    /// or time that is neither part of a schedule nor the date of a report.
    fn event(&self, m: usize) -> Option<Date> {
        let f = &self.inp.doc.found[m];
        let day = self.resolved[m].day?;
        let daylong = matches!(self.resolved[m].point, Some((_, Unit::Day)));
        (!self.scheduled[m] && (daylong || self.resolved[m].clock.is_some()) && !(self.inp.doc.language.reports)(self.inp.doc.toks, f.start, f.end))
            .then_some(day)
    }

    /// Whether a cue of `kind` stands in the clause of token `at`, within a
    /// few words before it.
    fn cue_before(&self, at: usize, kind: ScheduleCue) -> Option<ScheduleCue> {
        let clause = self.sent.clause(at);
        let wanted = |c: ScheduleCue| c == kind || (kind == ScheduleCue::Closes && c == ScheduleCue::Shuts);
        (at.saturating_sub(RUN_CUE_REACH)..at)
            .rev()
            .take_while(|&k| self.sent.clause(k) == clause)
            .find_map(|k| (self.inp.doc.language.schedule_cue)(self.inp.doc.toks, k).filter(|&c| wanted(c)))
    }

    /// The found expressions within a few sentences before `n` (and after,
    /// when `after`), nearest first on each side.
    fn around(&self, n: usize, after: bool) -> impl Iterator<Item = usize> + '_ {
        let found = self.inp.doc.found;
        let here = self.sent.of(found[n].start);
        let near = move |m: &usize| self.sent.of(found[*m].start).abs_diff(here) <= BOUND_SENTENCES;
        let before = (n.saturating_sub(2 * SENTENCE_SCAN)..n).rev().take_while(near);
        let after = (n + 1..(n + 1 + 2 * SENTENCE_SCAN).min(if after { found.len() } else { n + 1 })).take_while(near);
        before.chain(after)
    }

    /// "It will then air every Thursday at 25:45": a schedule told to follow
    /// an event starts on its day. The event is the one of the same clock
    /// time a few sentences before ("The inaugural flight ... at 11:05 on
    /// March 30"), else the earliest event day of those sentences (a
    /// return leg arriving "the following morning" comes after it).
    fn then_start(&self, l: &Link) -> Option<Date> {
        let first = l.members[0];
        self.cue_before(self.inp.doc.found[first].start, ScheduleCue::Then)?;
        let clock = self.clock(l);
        let events: Vec<(usize, Date)> = self.around(first, false).filter_map(|m| self.event(m).map(|d| (m, d))).collect();
        let same = events.iter().find(|&&(m, _)| clock.is_some() && self.same_clock(m, clock));
        match same {
            Some(&(m, _)) => self.broadcast_day(m, clock?),
            None => events.iter().map(|e| e.1).min(),
        }
    }

    /// The day a schedule at `clock` holds the one-off time `m` on: its own
    /// day, or for a broadcast hour past 24 ("every Thursday at 25:45") the
    /// day before the one its clock strikes on.
    fn broadcast_day(&self, m: usize, clock: Clock) -> Option<Date> {
        let at = super::local(self.resolved[m].day?, &self.resolved[m].clock?)?.date();
        if clock.past_midnight().is_some() {
            at.yesterday().ok()
        } else {
            Some(at)
        }
    }

    /// Whether the found expression `m` reads the clock time `clock`.
    fn same_clock(&self, m: usize, clock: Option<Clock>) -> bool {
        let written = clock_of(&self.inp.doc.found[m].expr);
        written.zip(clock).is_some_and(|(a, b)| a.hour == b.hour && a.minute.unwrap_or(0) == b.minute.unwrap_or(0))
    }

    /// "The series premieres Friday, Oct. 3, at 9 p.m. ... New episodes air
    /// Fridays at 9 p.m.", "The league will open on Saturday, March 21 ...
    /// teams play every Saturday and Sunday at 3 p.m.": an event said to
    /// open a run, on one of the schedule's days (at its clock time, when the
    /// event has one), not before the DCT, is its first occurrence.
    fn opening(&self, l: &Link) -> Option<Date> {
        let found = self.inp.doc.found;
        let clock = self.clock(l);
        let parts: Vec<&Expr> = l.members.iter().map(|&m| &found[m].expr).collect();
        self.around(l.members[0], true).find_map(|m| {
            self.event(m)?;
            let timed = self.resolved[m].clock.is_some();
            if self.timed_day[m] {
                return None;
            }
            if timed && !self.same_clock(m, clock) {
                return None;
            }
            let day = match clock {
                Some(c) if timed => self.broadcast_day(m, c)?,
                _ => self.resolved[m].day?,
            };
            if self.inp.doc.dct.is_some_and(|a| day < a) {
                return None;
            }
            // (the cue stands before the time or before the day it sits on)
            let at = found[m].anchor.map_or(found[m].start, |a| found[a].start.min(found[m].start));
            self.cue_before(at, ScheduleCue::Opens).or_else(|| self.cue_before(found[m].start, ScheduleCue::Opens))?;
            // (one of the schedule's own days: its first occurrence from that day is on it)
            let rec = recurrence(&parts, Some(day), End::default(), None)?;
            let first = rec.dtstart?;
            let on = if timed {
                Some(first) == super::local(self.resolved[m].day?, &self.resolved[m].clock?)
            } else {
                first.date() == day || (clock.is_some_and(|c| c.past_midnight().is_some()) && day.tomorrow().ok() == Some(first.date()))
            };
            on.then_some(day)
        })
    }

    /// The dates stated to end a run, outside any schedule's own sentence
    /// bounds, not before the DCT: "The initial run ends on Friday, June
    /// 26", "under a winter timetable that runs until Jan. 4".
    fn end_statements(&self) -> Vec<EndStatement> {
        let found = self.inp.doc.found;
        let mut out = Vec::new();
        for (m, f) in found.iter().enumerate() {
            let r = &self.resolved[m];
            if self.scheduled[m] || r.clock.is_some() || (self.inp.doc.language.reports)(self.inp.doc.toks, f.start, f.end) {
                continue;
            }
            // (a day, or the last day of a period: "through the end of the year")
            let day = match r.point {
                Some((d, Unit::Day)) => Some(d),
                Some((d, unit)) => period_bounds(d, unit).and_then(|(_, after, _)| after.yesterday().ok()),
                None => None,
            };
            let Some(day) = day.filter(|&d| self.inp.doc.dct.is_none_or(|a| d >= a)) else { continue };
            let Some(cue) = self.cue_before(f.start, ScheduleCue::Closes).or_else(|| self.cue_before(f.start, ScheduleCue::Lasts)) else {
                continue;
            };
            // (a market closing at an hour closes a day, not a run: "closes at 1
            // p.m. on Friday")
            let clause = self.sent.clause(f.start);
            let timed = (m.saturating_sub(SENTENCE_SCAN)..(m + SENTENCE_SCAN).min(found.len()))
                .any(|j| self.sent.clause(found[j].start) == clause && self.resolved[j].clock.is_some());
            if cue == ScheduleCue::Shuts && timed {
                continue;
            }
            let own = cue == ScheduleCue::Lasts;
            out.push(EndStatement { at: m, day, sentence: self.sent.of(f.start), paragraph: self.sent.paragraph(f.start), own });
        }
        out
    }

    /// The end statement nearest a schedule that does not end before its
    /// start: one in its own sentence, else one a few sentences after it, or
    /// before it in its paragraph (a run that ends is told of before what
    /// comes after it: "The final is on June 13. Patches ship every other
    /// Wednesday" is not ended by the final).
    fn nearest_end(&self, ends: &[EndStatement], l: &Link, from: Option<Date>) -> Option<Date> {
        let found = self.inp.doc.found;
        let (first, last) = (l.members[0], *l.members.last().unwrap_or(&l.members[0]));
        let here = self.sent.of(found[first].start);
        let paragraph = self.sent.paragraph(found[first].start);
        let i = ends.partition_point(|e| e.at < first);
        let lo = i.saturating_sub(SPAN_SCHEDULES);
        let hi = (i + SPAN_SCHEDULES).min(ends.len());
        ends[lo..hi]
            .iter()
            .filter(|e| {
                let near = e.sentence.abs_diff(here) <= BOUND_SENTENCES;
                let placed = if e.own { e.sentence == here } else { near && (e.at > last || e.paragraph == paragraph) };
                placed && from.is_none_or(|s| e.day >= s)
            })
            .min_by_key(|e| e.sentence.abs_diff(here))
            .map(|e| e.day)
    }

    /// Whether the schedule's sentence says it lasts as long as another run
    /// ("for the duration of the exhibition", "during the run").
    fn spans_a_run(&self, l: &Link) -> bool {
        let found = self.inp.doc.found;
        let (first, last) = (l.members[0], *l.members.last().unwrap_or(&l.members[0]));
        let here = self.sent.of(found[first].start);
        let lo = found[first].start.saturating_sub(RUN_CUE_REACH);
        let hi = (found[last].end + RUN_CUE_REACH).min(self.inp.doc.toks.len());
        (lo..hi).any(|k| self.sent.of(k) == here && (self.inp.doc.language.schedule_cue)(self.inp.doc.toks, k) == Some(ScheduleCue::Throughout))
    }
}
