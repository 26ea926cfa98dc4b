//! What a document says of the runs of its schedules, outside their own
//! sentences: the events they follow or that open them, the dates that end
//! them, and the runs they last as long as (see [`super::schedules`]).

use jiff::civil::Date;

use super::sentences::Sentences;
use super::{clock_of, Inputs, Settled};
use crate::expr::{Clock, Expr, Unit};
use crate::grammar::{Link, LinkKind};
use crate::lang::ScheduleCue;
use crate::recur::{recurrence, End};
use crate::resolve::{period_bounds, Resolved};
use crate::tuning::{
    BOUND_SENTENCES, COARSE_SENTENCES, CONTINUED_SCAN, DAY_LIST_REACH, LEAD_PARAGRAPHS, LEAD_RUN_DAYS, NOUN_END_SCAN, OPENING_CUE_REACH,
    RUN_CUE_REACH, SENTENCE_REACH, SENTENCE_SCAN, SPAN_SCHEDULES,
};

/// The days of the week (1 = Monday) a recurrence falls on: those it names,
/// the workdays or the weekend, or all seven for one of every day or within
/// the day ("nightly", "four times a day", "every 20 minutes"); none for
/// another ("monthly").
fn week_days(found: &[crate::grammar::Found], l: &Link) -> Vec<u8> {
    fn of(e: &Expr, days: &mut Vec<u8>) {
        match e {
            Expr::Weekday { dow, .. } => days.push(*dow),
            Expr::Workdays => days.extend(1..=5),
            Expr::Weekend { .. } => days.extend(6..=7),
            // ("weeknights", "Saturday nights": the part of those days)
            Expr::PartOfDay { date: Some(d), .. } => of(d, days),
            Expr::PartOfDay { date: None, .. } | Expr::Duration { unit: Unit::Day | Unit::Hour | Unit::Minute, .. } => days.extend(1..=7),
            _ => {}
        }
    }
    let mut days = Vec::new();
    for e in super::schedules::rule_parts(found, l) {
        if let Expr::Set { each, .. } = e {
            of(&each, &mut days);
        }
    }
    days
}

/// The found expressions a recurrence spans in the text: its first and last
/// (a clock time written before its days is a member pushed last).
pub(super) fn extent(found: &[crate::grammar::Found], l: &Link) -> (usize, usize) {
    let first = l.members.iter().copied().min_by_key(|&m| found[m].start).unwrap_or(0);
    let last = l.members.iter().copied().max_by_key(|&m| found[m].end).unwrap_or(first);
    (first, last)
}

/// A date that ends a run, stated apart from any schedule: "The initial
/// run ends on Friday, June 26."
pub(super) struct EndStatement {
    /// The found expression of the date.
    pub(super) at: usize,
    pub(super) day: Date,
    pub(super) sentence: u32,
    paragraph: u32,
    /// Whether it ends a whole run ("The run ends on Aug. 31"), not the last
    /// of a series ("Its final chapter is scheduled for June 27").
    run: bool,
    /// Whether it ends only a schedule of its own sentence ("runs until",
    /// "and the window closes at 3 p.m. on Monday, April 6").
    pub(super) own: bool,
    /// Whether it tells how long a thing lasts, outside any schedule's
    /// sentence ("About 110 prints will hang in the West Pavilion until July
    /// 10"): the end of the run a later schedule says it lasts as long as
    /// ("Throughout the run, curators will lead walks every Saturday").
    pub(super) lasts: bool,
}

/// A run its sentence sets out for the schedules told in it and after it
/// in its paragraph: "During the festival, which runs from March 28 to
/// April 13, evening concerts start at 8 p.m. ... Organ recitals fill the
/// hall every weekday at 12:30 p.m."
pub(super) struct RunStatement {
    sentence: u32,
    paragraph: u32,
    /// The found expression that starts it.
    pub(super) at: usize,
    /// Whether its sentence says the schedules it bounds run through it
    /// ("During the festival, which runs from ...", or the stretch opens
    /// the sentence: "From Tuesday until Sunday, July 27, the clinic will
    /// be open every day ..."); else it is a stretch a later schedule may
    /// name ("The holiday runs from Jan. 25 through Feb. 2. During that
    /// period ...").
    cued: bool,
    /// Whether it may be an event's run ("running from ...", "will perform
    /// ... from"): no closure ("closed from ...") nor a schedule's own bounds.
    event: bool,
    pub(super) since: Date,
    pub(super) until: Date,
}

/// What the looks at a document share.
pub(super) struct Doc<'i, 'a, 't> {
    inp: &'i Inputs<'a, 't>,
    sent: &'i Sentences,
    resolved: &'i [Resolved],
    /// The zones and instants settled so far, one per found expression.
    settled: &'i [Settled],
    /// Whether a found expression belongs to a schedule (a member, its end
    /// clock time, or one of its stated bounds).
    scheduled: Vec<bool>,
    /// Whether a found day has a clock time written on it ("March 27" of
    /// "at 9 a.m. CET on March 27"): its event is the time's.
    timed_day: Vec<bool>,
    /// Whether a token is inside a found expression.
    covered: Vec<bool>,
    /// The tokens of the dateline, if the article has one ("LONDON, March 25
    /// —"): a date there is the report's, no event's.
    dateline: Option<(usize, usize)>,
    /// The lists and stretches of days the text tells ("on Friday and
    /// Saturday", "Monday, April 13, through Thursday, April 16"), as (first
    /// member, last member, link), in text order: what "on both nights" and
    /// "each evening" spread over, looked up without a pass over every link.
    day_lists: Vec<(usize, usize, usize)>,
}

impl<'i, 'a, 't> Doc<'i, 'a, 't> {
    pub(super) fn new(inp: &'i Inputs<'a, 't>, sent: &'i Sentences, resolved: &'i [Resolved], settled: &'i [Settled]) -> Self {
        let mut scheduled = super::in_schedules(inp.doc.found.len(), inp.doc.links);
        // (and every recurrence, linked or not)
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
        let mut covered = vec![false; inp.doc.toks.len()];
        for f in inp.doc.found {
            covered[f.start..f.end].iter_mut().for_each(|c| *c = true);
        }
        let dateline = (inp.doc.language.dateline)(inp.doc.toks).map(|(s, _, end)| (s, end));
        let found = inp.doc.found;
        let mut day_lists: Vec<(usize, usize, usize)> = (inp.doc.links.iter().enumerate())
            .filter(|(_, d)| matches!(d.kind, LinkKind::List | LinkKind::Range) && d.members.len() >= 2)
            .filter(|(_, d)| d.members.iter().all(|&m| found[m].expr.names_day() && !matches!(found[m].expr, Expr::Set { .. })))
            .filter_map(|(i, d)| Some((*d.members.first()?, *d.members.last()?, i)))
            .collect();
        day_lists.sort_unstable();
        Doc { inp, sent, resolved, settled, scheduled, timed_day, covered, dateline, day_lists }
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
        let dateline = self.dateline.is_some_and(|(s, e)| (s..e).contains(&f.start));
        (!self.scheduled[m]
            && !dateline
            && (daylong || self.resolved[m].clock.is_some())
            && !(self.inp.doc.language.reports)(self.inp.doc.toks, f.start, f.end))
        .then_some(day)
    }

    /// Whether a cue of `kind` stands in the clause of token `at`, within a
    /// few words before it, with no cue of another opening or end nearer.
    fn cue_before(&self, at: usize, kind: ScheduleCue) -> Option<ScheduleCue> {
        let clause = self.sent.clause(at);
        let wanted = |c: ScheduleCue| c == kind || (kind == ScheduleCue::Closes && matches!(c, ScheduleCue::Shuts | ScheduleCue::Finale));
        // (a title and an appositive may stand between an opening verb and its date)
        let reach = if kind == ScheduleCue::Opens { OPENING_CUE_REACH } else { RUN_CUE_REACH };
        // (a word inside another expression is that one's: "on the last Friday of
        // each month ... this Friday")
        // (the nearest verb of an opening or an end is the date's: "opens on June
        // 9 and closes on June 11" opens nothing on June 11; a word of a halt or
        // of a last one is no such verb: "reopens, after being closed for two
        // years, on Saturday", "opens its final wing on Saturday")
        let bound = |c: ScheduleCue| matches!(c, ScheduleCue::Opens | ScheduleCue::Closes | ScheduleCue::Shuts | ScheduleCue::Lasts);
        (at.saturating_sub(reach)..at)
            .rev()
            .take_while(|&k| self.sent.clause(k) == clause)
            .filter(|&k| !self.covered[k])
            .filter_map(|k| (self.inp.doc.language.schedule_cue)(self.inp.doc.toks, k))
            .find(|&c| wanted(c) || bound(c))
            .filter(|&c| wanted(c))
    }

    /// Whether a cue of `kind` stands in the sentence of token `at`, within
    /// `reach` tokens before it (any clause, unlike [`Self::cue_before`]).
    fn cue_back(&self, at: usize, reach: usize, kind: ScheduleCue) -> bool {
        let here = self.sent.of(at);
        (at.saturating_sub(reach)..at)
            .rev()
            .take_while(|&k| self.sent.of(k) == here)
            .any(|k| (self.inp.doc.language.schedule_cue)(self.inp.doc.toks, k) == Some(kind))
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
    pub(super) fn then_start(&self, l: &Link) -> Option<Date> {
        let (first, _) = extent(self.inp.doc.found, l);
        self.cue_before(self.inp.doc.found[first].start, ScheduleCue::Then)?;
        let clock = self.clock(l);
        let events: Vec<(usize, Date)> = self.around(first, false).filter_map(|m| self.event(m).map(|d| (m, d))).collect();
        let same = events.iter().find(|&&(m, _)| clock.is_some() && self.same_clock(m, clock) && self.same_zone(m, l));
        match same {
            Some(&(m, _)) => self.broadcast_day(m, clock?),
            // (a day whose event is told at hours of its own is not one of the
            // schedule's: "staffed from 7 a.m. to 10 p.m. on Thursday, then every
            // day from 9 a.m. to 6 p.m." starts on Friday)
            None => {
                let day = events.iter().map(|e| e.1).min()?;
                let timed = clock.is_some() && events.iter().any(|&(m, d)| d == day && clock_of(&self.inp.doc.found[m].expr).is_some());
                if timed {
                    day.tomorrow().ok()
                } else {
                    Some(day)
                }
            }
        }
    }

    /// "Performances continue on Tuesdays, Thursdays and Saturdays at 7
    /// p.m.", "The run then continues every Tuesday and Friday at 8 p.m.": a
    /// schedule told as going on from an opening told before it, on or
    /// after the DCT, starts the day after the latest happening dated from
    /// that opening on (the opening night, a second performance told after
    /// it), which it follows.
    pub(super) fn continued_start(&self, l: &Link) -> Option<Date> {
        let found = self.inp.doc.found;
        let (first, _) = extent(found, l);
        let (lo, _) = self.sent.span(found[first].start, found[first].start, SENTENCE_REACH);
        if !(self.inp.doc.language.continues)(self.inp.doc.toks, lo, found[first].start) {
            return None;
        }
        // (not a deadline or an end: "online sales close at midnight on Thursday")
        let bounding = |m: usize| found[m].start > 0 && (self.inp.doc.language.bounds)(self.inp.doc.toks, found[m].start - 1);
        // (read on the schedule's own clock: not "1 a.m. Saturday in Madrid" for
        // an opening at 7 p.m. on Friday in Santiago)
        let events = || {
            (first.saturating_sub(CONTINUED_SCAN)..first)
                .filter(|&m| !bounding(m) && self.same_zone(m, l))
                .filter_map(|m| self.event(m).map(|d| (m, d)))
        };
        let ahead = |d: Date| self.inp.doc.dct.is_some_and(|a| d >= a);
        // (only after an opening told ahead, which it goes on from: a schedule
        // that goes on without one holds already, "the storytime continues
        // every Saturday at 11 a.m.")
        let opened = events().filter(|&(m, d)| {
            let at = found[m].anchor.map_or(found[m].start, |a| found[a].start.min(found[m].start));
            ahead(d) && self.cue_before(at, ScheduleCue::Opens).or_else(|| self.cue_before(found[m].start, ScheduleCue::Opens)).is_some()
        });
        let since = opened.map(|(_, d)| d).min()?;
        let latest = events().map(|(_, d)| d).filter(|&d| d >= since).max()?;
        latest.tomorrow().ok()
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

    /// Whether the one-off time `m` is on the clock of the zone of recurrence
    /// `l`'s clock time, where both zones are known: "the night session
    /// begins at 7 p.m." in Melbourne opens no "weeknights at 7 p.m. ET".
    fn same_zone(&self, m: usize, l: &Link) -> bool {
        let member = l.members.iter().copied().find(|&k| clock_of(&self.inp.doc.found[k].expr).is_some());
        let zone = member.and_then(|k| self.settled.get(k)?.zone.as_ref()).map(|z| &z.0);
        let at = self.settled.get(m).and_then(|s| s.placed.as_ref()).map(|p| &p.zoned);
        match (zone, at) {
            (Some(z), Some(at)) => z.tz.to_offset(at.timestamp()) == at.offset(),
            _ => true,
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
    pub(super) fn opening(&self, l: &Link) -> Option<Date> {
        let found = self.inp.doc.found;
        let clock = self.clock(l);
        let parts: Vec<&Expr> = l.members.iter().map(|&m| &found[m].expr).collect();
        let (first, _) = extent(found, l);
        self.around(first, true).find_map(|m| {
            self.event(m)?;
            // (an event in a schedule's own sentence is that schedule's: "concerts
            // start at 8 p.m. ... from the day after the gala")
            if self.schedule_sentence(m) {
                return None;
            }
            let timed = self.resolved[m].clock.is_some();
            if self.timed_day[m] {
                return None;
            }
            if timed && !(self.same_clock(m, clock) && self.same_zone(m, l)) {
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
            // (an end is no opening: "opens on Sunday, July 11, with games running
            // until Tuesday, July 13")
            if at > 0 && (self.inp.doc.language.bounds)(self.inp.doc.toks, at - 1) {
                return None;
            }
            // (a move to a timetable starts a schedule told after it: "... will
            // move to a reduced winter timetable on Monday, Oct. 28 ... the first
            // boat will leave daily"; not one told as the current one, "It will
            // switch ... on Oct. 27. Until then, it leaves every 20 minutes")
            let moved = || {
                found[m].end <= found[first].start
                    && !self.says(l, ScheduleCue::Current)
                    && (self.cue_before(at, ScheduleCue::Moves).is_some() || self.cue_before(found[m].start, ScheduleCue::Moves).is_some())
            };
            if self.cue_before(at, ScheduleCue::Opens).or_else(|| self.cue_before(found[m].start, ScheduleCue::Opens)).is_none() && !moved() {
                return None;
            }
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
    pub(super) fn end_statements(&self) -> Vec<EndStatement> {
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
            // (the date written after it dates it: "until the end of Ramadan on
            // Tuesday, March 9" ends on March 9)
            let dated_after = found.get(m + 1).is_some_and(|n| {
                n.start == f.end + 1
                    && (self.inp.doc.language.day_preposition)(self.inp.doc.toks, f.end)
                    && matches!(self.resolved[m + 1].point, Some((_, Unit::Day)))
            });
            if dated_after {
                continue;
            }
            let Some(cue) = self.cue_before(f.start, ScheduleCue::Closes).or_else(|| self.cue_before(f.start, ScheduleCue::Lasts)) else {
                continue;
            };
            // (a date beside the end is not the end: "will wrap up just before
            // the Spring Festival holiday")
            if (self.inp.doc.language.beside_end)(self.inp.doc.toks, f.start) {
                continue;
            }
            // (a market closing at an hour closes a day, not a run: "closes at 1
            // p.m. on Friday")
            let clause = self.sent.clause(f.start);
            let timed = (m.saturating_sub(SENTENCE_SCAN)..(m + SENTENCE_SCAN).min(found.len()))
                .any(|j| self.sent.clause(found[j].start) == clause && self.resolved[j].clock.is_some());
            // (one in a schedule's sentence is that schedule's: "The series will air
            // every Sunday at 9 p.m., with the finale on May 4")
            // (not one said of the timetable just told: "... daily at 5:45 a.m. and the
            // last at 10:30 p.m. The summer timetable will run until Thursday, Oct. 31")
            // (a clock time in its clause ends a day, not the timetable's run)
            let timetable = !timed
                && self.opener(f.start).is_some_and(|k| {
                    let before = if k > 0 { self.sent.span(k - 1, k, SENTENCE_REACH) } else { (0, 0) };
                    (self.inp.doc.language.names_timetable)(self.inp.doc.toks, k, before.0..k)
                });
            let own = (cue == ScheduleCue::Lasts && !timetable) || (cue == ScheduleCue::Shuts && timed) || self.schedule_sentence(m);
            // (the end of a run, not the last of a series, may end what is told after it)
            let run = matches!(cue, ScheduleCue::Closes | ScheduleCue::Shuts) || timetable;
            let lasts = cue == ScheduleCue::Lasts && !timed && !self.schedule_sentence(m);
            out.push(EndStatement { at: m, day, sentence: self.sent.of(f.start), paragraph: self.sent.paragraph(f.start), own, run, lasts });
        }
        out
    }

    /// The end statement nearest a schedule that does not end before its
    /// start: one in its own sentence, else one a few sentences after it
    /// with no other schedule between (in another paragraph, only of what the
    /// schedule's sentence names), or
    /// before it in its paragraph when it ends the whole run ("The run ends
    /// on Aug. 31. Guided tours leave every Saturday"), not when it is the
    /// last of a series ("Its final chapter is scheduled for June 27. A
    /// recap follows on Saturdays" runs on).
    pub(super) fn nearest_end(&self, ends: &[EndStatement], l: &Link, from: Option<Date>) -> Option<Date> {
        let found = self.inp.doc.found;
        let (first, last) = extent(found, l);
        let here = self.sent.of(found[first].start);
        let paragraph = self.sent.paragraph(found[first].start);
        let i = ends.partition_point(|e| e.at < first);
        let lo = i.saturating_sub(SPAN_SCHEDULES);
        let hi = (i + SPAN_SCHEDULES).min(ends.len());
        let continued = self.opener(found[first].start).is_some_and(|k| (self.inp.doc.language.continues_subject)(self.inp.doc.toks, k));
        ends[lo..hi]
            .iter()
            .filter(|e| {
                let near = e.sentence.abs_diff(here) <= BOUND_SENTENCES;
                // (an end told after another schedule is that one's: "opens daily at
                // 5 p.m. ... Reciters perform every Friday at 9:30 p.m. until March 13.
                // The final follows on Saturday, March 14")
                // (the clock time its occurrences end at is its own: "every Friday
                // night from 11:30 p.m. to 4:30 a.m. ... The last journeys will run on
                // Saturday, Aug. 31")
                let after = || e.at > last && !(last + 1..e.at).any(|m| matches!(found[m].expr, Expr::Set { .. }) && l.ends != Some(m));
                // (an end of its own sentence's schedule holds for the next sentence
                // when that goes on about the same subject: "The fair continues ...
                // until Feb. 28. It is open every day until 9 p.m.")
                // (and for the sentence after it that goes on about its subject: "...
                // will leave Seaford each weekday morning at 6:30. It starts on
                // Tuesday, Oct. 7, and runs through the end of the month")
                // (not past a clause of another subject: "It is the city's first new
                // route, and the fare freeze lasts until Dec. 31")
                let goes_on = || {
                    let lang = self.inp.doc.language;
                    e.sentence == here + 1
                        && self.opener(found[e.at].start).is_some_and(|k| {
                            (lang.continues_subject)(self.inp.doc.toks, k) && (lang.same_subject)(self.inp.doc.toks, k + 1, found[e.at].start)
                        })
                };
                let own = || e.sentence == here || e.sentence + 1 == here && continued || goes_on();
                // (in the next paragraph, when it names the timetable or the subject
                // of the schedule's sentence again: "The rink opens daily at 10 a.m.
                // ... The rink closes for the season on Sunday, March 2"; not "Buses
                // run every 10 minutes ... The free broadcasts end on Thursday")
                let again = || {
                    let (lo, hi) = self.sent.span(found[first].start, found[last].end, SENTENCE_REACH);
                    self.opener(found[e.at].start).is_some_and(|k| (self.inp.doc.language.names_timetable)(self.inp.doc.toks, k, lo..hi))
                };
                let placed =
                    if e.own { own() } else { near && (after() && (e.paragraph == paragraph || again()) || e.run && e.paragraph == paragraph) };
                placed && from.is_none_or(|s| e.day >= s)
            })
            .min_by_key(|e| e.sentence.abs_diff(here))
            .map(|e| e.day)
    }

    /// Whether the schedule's sentence says it lasts as long as another run
    /// ("for the duration of the exhibition", "during the run").
    pub(super) fn spans_a_run(&self, l: &Link) -> bool {
        self.says(l, ScheduleCue::Throughout)
    }

    /// Whether the schedule's sentence says it outlasts the article's event
    /// ("throughout the festival season", "year-round"): the event's run
    /// bounds it not.
    pub(super) fn outlasts_the_run(&self, l: &Link) -> bool {
        self.says(l, ScheduleCue::Outlasts)
    }

    /// Whether the schedule's sentence has cue `kind` near it, or opening it.
    fn says(&self, l: &Link, kind: ScheduleCue) -> bool {
        let found = self.inp.doc.found;
        let (first, last) = extent(found, l);
        let here = self.sent.of(found[first].start);
        let lo = found[first].start.saturating_sub(RUN_CUE_REACH);
        let hi = (found[last].end + RUN_CUE_REACH).min(self.inp.doc.toks.len());
        let cue = |k: usize| (self.inp.doc.language.schedule_cue)(self.inp.doc.toks, k) == Some(kind);
        // (a cue that opens the sentence holds for all of it: "During that
        // period an extra train will leave every day at 5:50 a.m., and a late
        // train will leave every night at 10 p.m.")
        let opener = self.opener(found[first].start);
        (lo..hi).any(|k| self.sent.of(k) == here && cue(k)) || opener.is_some_and(cue)
    }

    /// The first token of the sentence of token `k`, when it stands before `k`
    /// within [`SENTENCE_REACH`].
    fn opener(&self, k: usize) -> Option<usize> {
        let (lo, _) = self.sent.span(k, k, SENTENCE_REACH);
        (lo < k && (lo == 0 || self.sent.of(lo - 1) != self.sent.of(k))).then_some(lo)
    }

    /// Whether a found expression stands in a sentence that tells a schedule.
    fn schedule_sentence(&self, m: usize) -> bool {
        let found = self.inp.doc.found;
        let here = self.sent.of(found[m].start);
        let near = (m.saturating_sub(SENTENCE_SCAN)..(m + SENTENCE_SCAN).min(found.len())).filter(|&j| self.sent.of(found[j].start) == here);
        near.into_iter().any(|j| matches!(found[j].expr, Expr::Set { .. }))
    }

    /// Whether a schedule's sentence ends it with an event of no date of its
    /// own: "until the grand final", "through the finale", "until the final
    /// night".
    pub(super) fn names_end(&self, l: &Link) -> bool {
        let (found, toks) = (self.inp.doc.found, self.inp.doc.toks);
        let (first, last) = extent(found, l);
        let here = self.sent.of(found[first].start);
        let hi = (found[last].end + RUN_CUE_REACH).min(toks.len());
        (found[last].end..hi).take_while(|&k| self.sent.of(k) == here).any(|k| {
            (self.inp.doc.language.bounds)(toks, k)
                && (k + 1..(k + 4).min(toks.len()))
                    .any(|j| matches!((self.inp.doc.language.schedule_cue)(toks, j), Some(ScheduleCue::Closes | ScheduleCue::Finale)))
                // (a date of its own there ends it, not a day named by the event:
                // "until the final day", which only the run dates)
                && !found.iter().skip(last + 1).take(2).any(|g| g.start > k && g.start <= k + 4 && !matches!(g.expr, Expr::Anaphor { .. }))
        })
    }

    /// The end statement a schedule's sentence refers to by its event
    /// ("from May until the grand final", with "the grand final on Sunday,
    /// July 5" told elsewhere): the nearest one, not before its start.
    pub(super) fn named_end(&self, ends: &[EndStatement], l: &Link, from: Option<Date>) -> Option<Date> {
        if !self.names_end(l) {
            return None;
        }
        let (first, _) = extent(self.inp.doc.found, l);
        let i = ends.partition_point(|e| e.at < first);
        let near = &ends[i.saturating_sub(SPAN_SCHEDULES)..(i + SPAN_SCHEDULES).min(ends.len())];
        // (the final may be told in another schedule's sentence: "running for the rest
        // of the season, which ends with the grand final on Sunday, July 5")
        near.iter().filter(|e| from.is_none_or(|s| e.day >= s)).min_by_key(|e| e.at.abs_diff(first)).map(|e| e.day)
    }

    /// The end a schedule's sentence names by an event's noun that the
    /// article dates elsewhere ("the Aug. 31 deadline ... every Wednesday at
    /// 7:30 p.m. until the deadline", "Until the tour ends, ..."): that day,
    /// or the day before it when the noun begins then ("until the exams
    /// begin"); the dating nearest the schedule, not before its start.
    pub(super) fn noun_end(&self, l: &Link, from: Option<Date>) -> Option<Date> {
        let (found, toks, lang) = (self.inp.doc.found, self.inp.doc.toks, self.inp.doc.language);
        let (first, last) = extent(found, l);
        let here = self.sent.of(found[first].start);
        let hi = (found[last].end + RUN_CUE_REACH).min(toks.len());
        // (after it, or opening its sentence: "Until the tour ends, the singer
        // will answer questions every Wednesday at 8 p.m.")
        let opener = self.opener(found[first].start);
        let (head, before) = (found[last].end..hi).take_while(|&k| self.sent.of(k) == here).chain(opener).find_map(|k| (lang.end_noun)(toks, k))?;
        let word = toks.lw(head);
        let mut nouns = Vec::new();
        let lo = first.saturating_sub(NOUN_END_SCAN);
        let day = (lo..(last + NOUN_END_SCAN).min(found.len()))
            .filter(|&m| !self.scheduled[m])
            .filter_map(|m| {
                let d = self.resolved[m].day.filter(|&d| from.is_none_or(|s| d >= s))?;
                nouns.clear();
                (lang.dated_nouns)(toks, found[m].start, found[m].end, &mut nouns);
                // (by stem: "the exam on June 25 ... until the exams begin")
                nouns.iter().any(|&k| (lang.same_event_word)(toks.lw(k).as_bytes(), word.as_bytes())).then_some((m.abs_diff(first), d))
            })
            .min_by_key(|&(far, _)| far)
            .map(|(_, d)| d)?;
        if before {
            day.yesterday().ok()
        } else {
            Some(day)
        }
    }

    /// The start of schedule `o`, a schedule told without a clock time ("will
    /// close on weeknights for three weeks starting Monday, March 10", "will
    /// sail four times a day from Tuesday, Dec. 1"), given as `since` when its
    /// link holds it, else a day after a cue of a start in its sentence.
    /// The clock times told in the sentence after it ("The bridge will be
    /// closed from 8 p.m. to 5 a.m., Monday through Thursday nights") are
    /// that schedule in detail and start with it; `l` is that schedule.
    pub(super) fn coarse_start(&self, o: &Link, since: Option<Date>, l: &Link) -> Option<Date> {
        let found = self.inp.doc.found;
        if self.clock(o).is_some() || self.clock(l).is_none() {
            return None;
        }
        let ((o_first, o_last), (first, _)) = (extent(found, o), extent(found, l));
        let (there, here) = (self.sent.of(found[o_first].start), self.sent.of(found[first].start));
        // (in a sentence after it: in its own, a schedule without a clock time
        // is another one, "Monthly clean-ups ..., starting on October 7, and
        // weekly litter picks ... every Wednesday at 5.30pm")
        if here <= there || here - there > COARSE_SENTENCES {
            return None;
        }
        // (and it tells the detail's days, or more: "on weeknights" holds "Monday
        // through Thursday nights", "four times a day" every day; "close on
        // weekends" holds no "daily from 6 a.m.", another place's hours)
        // ("A new weekly market will open on May 1 ... Stalls will trade every
        // Saturday": once a week holds any one day of the week)
        let (coarse, detail) = (week_days(found, o), week_days(found, l));
        let weekly = || {
            coarse.is_empty()
                && super::schedules::rule_parts(found, o).into_iter().any(|e| {
                    matches!(e, Expr::Set { each, .. } if matches!(*each, Expr::Duration { amount: crate::expr::Amount::N(1), unit: Unit::Week }))
                })
        };
        if detail.is_empty() || !(detail.iter().all(|d| coarse.contains(d)) || detail.len() == 1 && weekly()) {
            return None;
        }
        let cued = || {
            let toks = self.inp.doc.toks;
            (o_last + 1..found.len()).take_while(|&m| self.sent.of(found[m].start) == there).find_map(|m| {
                let k = found[m].start;
                (k > 0 && (self.inp.doc.language.starts_run)(toks, k - 1)).then(|| self.event(m)).flatten()
            })
        };
        since.or_else(cued).filter(|&d| self.inp.doc.dct.is_none_or(|a| d >= a))
    }

    /// Whether schedule `l` is told "on both nights" or "on each festival
    /// day", right after it in its sentence.
    pub(super) fn names_each_day(&self, l: &Link) -> bool {
        self.told_after(l, self.inp.doc.language.each_day_told)
    }

    /// Whether schedule `l`'s days are words that name each of the days told
    /// before: "at 4 p.m. on both Sundays".
    pub(super) fn days_are_each_day(&self, l: &Link) -> bool {
        let (found, toks) = (self.inp.doc.found, self.inp.doc.toks);
        let lang = self.inp.doc.language;
        l.members
            .iter()
            .any(|&m| (found[m].start.saturating_sub(2)..found[m].start).any(|k| (lang.each_day_told)(toks, k) || (lang.both_of_days)(toks, k)))
    }

    /// Whether schedule `l` is a time of each day or each part of a day
    /// ("lit at 6:30 p.m. each evening"): "each" spreads it over the days
    /// told before, not every day ("daily", "every night").
    pub(super) fn each_of_days(&self, l: &Link) -> bool {
        let found = self.inp.doc.found;
        l.members.iter().any(|&m| {
            matches!(&found[m].expr, Expr::Set { each, quant: Some(q), .. }
                if q.eq_ignore_ascii_case("each")
                    && matches!(**each, Expr::PartOfDay { date: None, .. } | Expr::Duration { amount: crate::expr::Amount::N(1), unit: Unit::Day }))
        })
    }

    /// How many days schedule `l` is told of ("on each of the five days"),
    /// where its words count them.
    pub(super) fn days_counted(&self, l: &Link) -> Option<u32> {
        let (found, toks) = (self.inp.doc.found, self.inp.doc.toks);
        let (first, last) = extent(found, l);
        let here = self.sent.of(found[first].start);
        let hi = (found[last].end + DAY_LIST_REACH).min(toks.len());
        (found[last].end..hi).take_while(|&k| self.sent.of(k) == here).find_map(|k| (self.inp.doc.language.days_counted)(toks, k))
    }

    /// Whether schedule `l` is told "on the same days" as the one before it.
    pub(super) fn names_same_days(&self, l: &Link) -> bool {
        self.told_after(l, self.inp.doc.language.same_days)
    }

    /// Whether words that `phrase` reads follow schedule `l` closely, in its
    /// sentence.
    fn told_after(&self, l: &Link, phrase: fn(&crate::lex::Tokens<'_>, usize) -> bool) -> bool {
        let (found, toks) = (self.inp.doc.found, self.inp.doc.toks);
        let (first, last) = extent(found, l);
        let here = self.sent.of(found[first].start);
        let hi = (found[last].end + DAY_LIST_REACH).min(toks.len());
        (found[last].end..hi).take_while(|&k| self.sent.of(k) == here).any(|k| phrase(toks, k))
    }

    /// The days a schedule told "on both nights" or "on each festival day"
    /// runs on, as its first and last day: the nearest list or stretch of
    /// days told before it within [`BOUND_SENTENCES`] ("candles line the
    /// streets on Friday and Saturday ... the ferry will run every 30 minutes
    /// from 6 p.m. to 11:30 p.m. on both nights") or right after it in its
    /// sentence ("on each of the four festival days, Monday, April 13,
    /// through Thursday, April 16"). A list holds days in a row only ("on
    /// Monday and Thursday" are two days of the week, not a run).
    pub(super) fn each_day_told(&self, l: &Link) -> Option<(Date, Date)> {
        let found = self.inp.doc.found;
        let (first, last) = extent(found, l);
        let (start, end) = (found[first].start, found[last].end);
        let here = self.sent.of(start);
        let at = self.day_lists.partition_point(|d| d.0 < first);
        let before = self.day_lists[..at]
            .iter()
            .rev()
            .take(SPAN_SCHEDULES)
            .filter(|d| d.1 < first && here - self.sent.of(found[d.1].start) <= BOUND_SENTENCES)
            .map(|d| (start - found[d.1].end, d.2));
        let after = self.day_lists[at..]
            .iter()
            .take(SPAN_SCHEDULES)
            .filter(|d| d.0 > last && self.sent.of(found[d.0].start) == here && found[d.0].start <= end + 2 * DAY_LIST_REACH)
            .map(|d| (found[d.0].start - end, d.2));
        let links = self.inp.doc.links;
        let days = |li: usize| links[li].members.iter().map(|&m| self.resolved[m].day).collect::<Option<Vec<Date>>>();
        before
            .chain(after)
            .filter_map(|(far, li)| Some((far, days(li)?, links[li].kind)))
            .filter(|(_, days, kind)| *kind == LinkKind::Range || days.windows(2).all(|w| w[0].tomorrow().ok() == Some(w[1])))
            .min_by_key(|(far, _, _)| *far)
            .and_then(|(_, days, _)| Some((*days.iter().min()?, *days.iter().max()?)))
    }

    /// "every day at 18:00 IST from launch day through April 14", "from the
    /// opening day": a start named by the article's own event is that event's
    /// day, the first event of the article not before the DCT.
    pub(super) fn named_start(&self, l: &Link) -> Option<Date> {
        let (found, toks) = (self.inp.doc.found, self.inp.doc.toks);
        let (first, last) = extent(found, l);
        let here = self.sent.of(found[first].start);
        let hi = (found[last].end + RUN_CUE_REACH).min(toks.len());
        // (after it, or before it in its sentence: "From the launch, trains will
        // leave St Pancras every weekday at 8:04 a.m.")
        let before = (found[first].start.saturating_sub(RUN_CUE_REACH)..found[first].start).rev().take_while(|&k| self.sent.of(k) == here);
        // (or a cue that opens the sentence: "After the opening weekend, the
        // Kestrels will play home games every Friday at 7:30 p.m.")
        let opener = self.opener(found[first].start);
        // ("After launch, the stream becomes a weekly show": from the day after)
        let named = (found[last].end..hi)
            .take_while(|&k| self.sent.of(k) == here)
            .chain(before)
            .chain(opener)
            .find_map(|k| (self.inp.doc.language.schedule_cue)(toks, k).filter(|c| matches!(c, ScheduleCue::Since | ScheduleCue::After)))?;
        let day = (0..found.len().min(4 * SENTENCE_SCAN)).find_map(|m| self.event(m).filter(|&d| self.inp.doc.dct.is_none_or(|a| d >= a)))?;
        match named {
            ScheduleCue::After => day.tomorrow().ok(),
            _ => Some(day),
        }
    }

    /// The stretches of days the document tells, in text order, each marked
    /// as a run its sentence sets out for the schedules told in and after it
    /// ("During the festival, which runs from March 28 to April 13", a
    /// stretch that opens its sentence) or not, and as a possible run of an
    /// event or a closure.
    pub(super) fn run_statements(&self) -> Vec<RunStatement> {
        let found = self.inp.doc.found;
        let day = |m: usize| match self.resolved[m].point {
            Some((d, Unit::Day)) => Some(d),
            Some((d, unit)) => period_bounds(d, unit).and_then(|(_, after, _)| after.yesterday().ok()),
            None => None,
        };
        let mut out = Vec::new();
        for l in self.inp.doc.links.iter().filter(|l| l.kind == LinkKind::Range) {
            let [a, b] = l.members[..] else { continue };
            let (Some(since), Some(until)) = (self.resolved[a].day, day(b)) else { continue };
            // (the stretch may bound a schedule of its sentence too, but not recur)
            if [a, b].iter().any(|&m| matches!(found[m].expr, Expr::Set { .. })) || until < since {
                continue;
            }
            let here = self.sent.of(found[a].start);
            let spans = self.cue_back(found[a].start, 2 * RUN_CUE_REACH, ScheduleCue::Throughout);
            // (at most its preposition before it: "From Tuesday until ...")
            // (or after the dateline: "ATHENS — From Tuesday until ...")
            let start = found[a].start;
            let fronts = start < 2 || self.sent.of(start - 2) != here || self.dateline.is_some_and(|(_, e)| start - 1 <= e);
            // (an event's run, not a closure: "closed from Tuesday until Sunday")
            let halted = self.cue_back(start, RUN_CUE_REACH, ScheduleCue::Halts);
            let event = !halted && !self.scheduled[a];
            out.push(RunStatement { sentence: here, paragraph: self.sent.paragraph(start), at: a, cued: spans || fronts, event, since, until });
        }
        // (links come in the order the passes made them: the readers look runs up by sentence)
        out.sort_by_key(|r| found[r.at].start);
        out
    }

    /// The run set out in a schedule's sentence or a sentence shortly before
    /// it in its paragraph.
    pub(super) fn run_of<'r>(&self, runs: &'r [RunStatement], l: &Link) -> Option<&'r RunStatement> {
        let found = self.inp.doc.found;
        let (first, _) = extent(found, l);
        let (here, paragraph) = (self.sent.of(found[first].start), self.sent.paragraph(found[first].start));
        let i = runs.partition_point(|r| r.sentence <= here);
        runs[i.saturating_sub(SPAN_SCHEDULES)..i]
            .iter()
            .rev()
            .find(|r| r.cued && r.paragraph == paragraph && r.sentence <= here && here - r.sentence <= BOUND_SENTENCES)
            // (or the run of the next sentence when it speaks of what was just
            // told: "... every night at 9 p.m., and a dawn tour ... daily at 4:30
            // a.m. Both tours run from July 1 through Oct. 31")
            .or_else(|| {
                runs[i..].iter().take(SPAN_SCHEDULES).find(|r| {
                    let at = found[r.at].start;
                    let (lo, _) = self.sent.span(at, at, SENTENCE_REACH);
                    r.event && r.paragraph == paragraph && r.sentence == here + 1 && (self.inp.doc.language.refers_back)(self.inp.doc.toks, lo)
                })
            })
    }

    /// The run of the event an article is about, as its lead paragraph sets
    /// it out: the first stretch of days of the document, told as an event's
    /// run, in the paragraph of its dateline (or its first two), no longer
    /// than an event's run
    /// ("Katara Cultural Village will stage its largest Ramadan programme
    /// yet, ... running from Thursday, Feb. 19, to Thursday, March 19").
    /// The lead may also tell the event's opening and its end apart: "Sumo's
    /// first tournament of the year opens ... on Sunday, Jan. 10, and runs
    /// for 15 days until Sunday, Jan. 24".
    /// The flag says whether the lead told it as one stretch of days (the
    /// first form); the second form bounds only a schedule that says it
    /// lasts as long as the event ("during the tournament").
    pub(super) fn lead_run(&self, runs: &[RunStatement]) -> Option<(Date, Date, bool)> {
        // (without a dateline, the headline and the paragraph after it, or the
        // first paragraph of the body that tells a time: a masthead may come
        // first, "Club notes: our coach ... MARCH NEWSLETTER")
        let found = self.inp.doc.found;
        let lead = self.lead_paragraph();
        let short = |a: Date, b: Date| a <= b && (b - a).get_days() <= LEAD_RUN_DAYS;
        if let Some(r) = runs.first().filter(|r| r.event && r.paragraph <= lead && short(r.since, r.until)) {
            return Some((r.since, r.until, true));
        }
        let in_lead = |m: &usize| self.sent.paragraph(found[*m].start) <= lead;
        let (open, since) = self.lead_opening(lead)?;
        let toks = self.inp.doc.toks;
        let ends = |m: usize| {
            let at = found[m].start;
            self.cue_before(at, ScheduleCue::Closes).or_else(|| self.cue_before(at, ScheduleCue::Lasts)).is_some()
                || at > 0 && (self.inp.doc.language.bounds)(toks, at - 1)
        };
        let until =
            (open + 1..found.len()).take_while(in_lead).filter(|&m| ends(m)).find_map(|m| self.resolved[m].day.filter(|&d| short(since, d)))?;
        Some((since, until, false))
    }

    /// The opening of the event an article is about, as its lead paragraph
    /// (the paragraph `lead`) tells it, not before the DCT: the found
    /// expression and its day ("the Tashkent International Book Fair, which
    /// opens on Thursday").
    fn lead_opening(&self, lead: u32) -> Option<(usize, Date)> {
        let found = self.inp.doc.found;
        let ahead = |d: Date| self.inp.doc.dct.is_none_or(|a| d >= a);
        (0..found.len())
            .take_while(|&m| self.sent.paragraph(found[m].start) <= lead)
            .filter_map(|m| Some((m, self.event(m)?)))
            .find(|&(m, d)| ahead(d) && self.cue_before(found[m].start, ScheduleCue::Opens).is_some())
    }

    /// The paragraph of an article's lead: that of its dateline, else the
    /// first of the body that tells a time (a masthead may come first, "Club
    /// notes: our coach ... MARCH NEWSLETTER").
    fn lead_paragraph(&self) -> u32 {
        let found = self.inp.doc.found;
        let first_told = || found.iter().map(|f| self.sent.paragraph(f.start)).find(|&p| p >= 1).map_or(1, |p| p.min(1 + LEAD_PARAGRAPHS));
        self.dateline.map_or_else(first_told, |(s, _)| self.sent.paragraph(s))
    }

    /// The day the event an article is about opens, as its lead tells it
    /// ("..., which opens on Thursday"), even where the lead does not tell
    /// its end: a schedule whose end is told elsewhere as the event's, and
    /// falls within an event's run of that opening, starts there ("every
    /// day at 3 p.m. until the fair closes", with "closes the fair on
    /// Sunday" in a later paragraph).
    pub(super) fn lead_open_day(&self) -> Option<Date> {
        self.lead_opening(self.lead_paragraph()).map(|(_, d)| d)
    }

    /// The stretch of days told nearest before a schedule that says it
    /// lasts as long as another run ("The holiday runs from Saturday, Jan.
    /// 25, through Sunday, Feb. 2. During that period an extra train will
    /// leave every day at 5:50 a.m."), within a few sentences.
    pub(super) fn run_before<'r>(&self, runs: &'r [RunStatement], l: &Link) -> Option<&'r RunStatement> {
        let found = self.inp.doc.found;
        let (first, _) = extent(found, l);
        let here = self.sent.of(found[first].start);
        let i = runs.partition_point(|r| r.at < first);
        runs[i.saturating_sub(SPAN_SCHEDULES)..i].iter().rev().find(|r| r.sentence <= here && here - r.sentence <= BOUND_SENTENCES)
    }
}
