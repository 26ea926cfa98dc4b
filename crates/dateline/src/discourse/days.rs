//! The day under discussion: a bare weekday that repeats a date already
//! given is that date ("the vote closes on Saturday, May 10 ... voters
//! abroad can still take part on Saturday"), and a clock time without a day
//! falls on the event day of its sentence, else of the text before it ("The
//! final will be played on Sunday, June 8. ... Kickoff is at 3 p.m."), not
//! on the day a statement was made ("the agency said Wednesday") nor the
//! date of the dateline.

use jiff::civil::Date;

use super::sentences::Sentences;
use super::{clock_of, dayless, redate, restates_earlier, Evidence, Inputs, Settled};
use crate::expr::{Dir, Expr, Unit};
use crate::resolve::Resolved;
use crate::tuning::{
    EVENING_FROM, EVENT_NOUN_REACH, FRONTED_EVENT_WORDS, NAMED_SCAN, OWN_CLOCK_GAP, RELATIVE_CLAUSE_REACH, REPEAT_AFTER_DAYS, REPEAT_BEFORE_DAYS,
    REPEAT_CLOCK_SENTENCES, SENTENCE_OPENING_REACH, SENTENCE_REACH, SENTENCE_SCAN, SMALL_HOURS_END, STRETCH_DAYS,
};

/// How firmly an expression's day is known, for choosing which of several
/// readings of one instant fixes the others.
/// (0: the DCT's day, taken for want of any other.)
pub(super) mod firm {
    /// The event day under discussion.
    pub(crate) const EVENT: u8 = 1;
    /// A weekday written with the time.
    pub(crate) const WEEKDAY: u8 = 2;
    /// A date written with the time.
    pub(crate) const DATE: u8 = 3;
}

/// The weekday a bare weekday expression names ("Saturday", "9 p.m.
/// Saturday", "Saturday night"), if the text gives it no direction.
fn bare_weekday(e: &Expr) -> Option<u8> {
    match e {
        Expr::Weekday { dow, dir: Dir::Infer } => Some(*dow),
        Expr::Time { date: Some(d), .. } | Expr::PartOfDay { date: Some(d), .. } => bare_weekday(d),
        Expr::Mod { inner, .. } => bare_weekday(inner),
        _ => None,
    }
}

/// The days an anaphoric day counts from the day under discussion ("the
/// day before" -1, "the next morning" +1), if the expression is one.
pub(super) fn anaphoric_day(e: &Expr) -> Option<i32> {
    match e {
        Expr::Anaphor { unit: Unit::Day, offset } => Some(*offset),
        Expr::PartOfDay { date: Some(d), .. } | Expr::Mod { inner: d, .. } => anaphoric_day(d),
        _ => None,
    }
}

/// The date written last before expression `n`, in its sentence or the one
/// before, with the expression that wrote it: the day "that day" points to.
fn told_day(found: &[crate::grammar::Found], sent: &Sentences, resolved: &[Resolved], n: usize) -> Option<(Date, usize)> {
    let here = sent.of(found[n].start);
    (n.saturating_sub(SENTENCE_SCAN)..n)
        .rev()
        .take_while(|&m| sent.of(found[m].start) + 1 >= here)
        .find(|&m| writes_date(&found[m].expr))
        .and_then(|m| resolved[m].day.map(|d| (d, m)))
}

/// Whether an expression writes out a calendar date ("March 13", "Friday,
/// April 12" through its apposition).
fn writes_date(e: &Expr) -> bool {
    match e {
        Expr::Date { month: Some(_), day: Some(_), .. } | Expr::Holiday { .. } => true,
        Expr::Time { date: Some(d), .. } | Expr::PartOfDay { date: Some(d), .. } => writes_date(d),
        Expr::Mod { inner, .. } => writes_date(inner),
        _ => false,
    }
}

/// Settles the days of weekdays and of clock times without a day.
pub(super) fn settle_days(inp: &Inputs<'_, '_>, sent: &Sentences, ev: &Evidence, resolved: &mut [Resolved], settled: &mut [Settled]) {
    let found = inp.doc.found;
    let toks = inp.doc.toks;
    // the dates written so far, by weekday (Monday first), every one of them,
    // and the event day under discussion
    let mut named: [Vec<(Date, usize)>; 7] = Default::default();
    // the day each event noun was dated with ("the grand final on Sunday"), the latest
    // (with the word before the noun there, when it has one: "the sprint race")
    let mut nouns: rustc_hash::FxHashMap<&str, (Date, usize, &str)> = rustc_hash::FxHashMap::default();
    let mut noun_buf: Vec<usize> = Vec::new();
    let mut named_days: std::collections::HashSet<Date> = std::collections::HashSet::new();
    // the dates written as a run's bounds, by weekday: no events, but what a bare
    // weekday read in the past, in a sentence that is not, may repeat ("runs until
    // Sunday, Oct. 31 ... on Sunday they close at 17:00")
    let mut bounds: [Vec<(Date, usize)>; 7] = Default::default();
    let mut event: Option<(Date, usize)> = None;
    // the article's own event: the first event day of the body not yet past
    // (else the first of all), which a time returns to after an aside
    let mut lead: Option<(Date, usize)> = None;
    let mut upcoming: Option<(Date, usize)> = None;
    // (the first stretch of days told ahead, whose start an opening names first:
    // "Volunteers meet on Thursday, Sept. 24 ... The event runs from Saturday,
    // Oct. 3, through Sunday, Oct. 11 ... On opening day")
    let run_start = inp
        .doc
        .links
        .iter()
        .filter(|l| l.kind == crate::grammar::LinkKind::Range && l.members.len() == 2)
        .filter(|l| l.members.iter().all(|&m| found[m].expr.names_day()))
        .find_map(|l| resolved[l.members[0]].day.filter(|&d| inp.doc.dct.is_none_or(|a| d >= a)).map(|d| (d, l.members[0])));
    let window = |d: Date| {
        inp.doc.dct.is_some_and(|a| {
            let days = a.until(d).map(|s| s.get_days() as i64).unwrap_or(i64::MAX);
            (-REPEAT_BEFORE_DAYS..=REPEAT_AFTER_DAYS).contains(&days)
        })
    };
    let report = |n: usize| (inp.doc.language.reports)(toks, found[n].start, found[n].end) || ev.in_dateline(found[n].start);
    // the start and end of a schedule bound it; nothing happens on them as such
    // ("every Thursday at 9 p.m. through Dec. 22")
    let mut bound = vec![false; found.len()];
    // (a start written before the recurrence is an event of its own: "premieres
    // Saturday, Oct. 3, and then airs every Saturday")
    let mut in_range = vec![false; found.len()];
    // (and the end of a stretch of days is no event day of its own: "will sit
    // the exam from Tuesday, Feb. 17, to Thursday, Feb. 26 ... On the first
    // day, ... by 7:30 a.m.")
    let mut range_end = vec![false; found.len()];
    for l in inp.doc.links.iter().filter(|l| l.kind == crate::grammar::LinkKind::Range) {
        l.members.iter().for_each(|&m| in_range[m] = true);
        if let [a, b] = l.members[..] {
            range_end[b] = found[a].expr.names_day() && found[b].expr.names_day();
        }
    }
    // (a schedule's start named by a bare weekday is the coming one, not a date
    // told before on that weekday: "nominations close on Monday, April 6 ... will
    // brief reporters daily at 5 p.m. from Monday")
    let mut opens_schedule = vec![false; found.len()];
    for l in inp.doc.links {
        if let Some(s) = l.start.filter(|_| l.kind == crate::grammar::LinkKind::Recurrence) {
            opens_schedule[s] = true;
        }
        let ahead = l.start.filter(|&s| l.members.first().is_none_or(|&m| s > m) || in_range[s]);
        for b in [l.until, ahead].into_iter().flatten() {
            bound[b] = true;
        }
    }
    // the short stretches of days told that end on or after the DCT ("from
    // Thursday, March 4, to Saturday, March 6"), each with its first member,
    // since and until, in text order
    let mut stretches: Vec<(usize, Date, Date, bool)> = inp
        .doc
        .links
        .iter()
        .filter(|l| l.kind == crate::grammar::LinkKind::Range)
        .filter_map(|l| {
            let [a, b] = l.members[..] else { return None };
            let (since, until) = (resolved[a].day?, resolved[b].day?);
            let days = (until - since).get_days();
            // (not the bounds of a schedule: "playing every night at 9 p.m. from
            // Wednesday, Nov. 8, through Saturday, Nov. 11")
            (writes_date(&found[a].expr) && !bound[a] && !bound[b] && (1..STRETCH_DAYS).contains(&days) && inp.doc.dct.is_some_and(|d| until >= d))
                .then_some((a, since, until, false))
        })
        .collect();
    // a deadline or an end bounds something rather than dating it ("votes that
    // arrive by Friday, April 17", "open until Oct. 27")
    let bounding = |n: usize| found[n].start > 0 && (inp.doc.language.bounds)(toks, found[n].start - 1);
    // (and a date an end follows in its sentence: "opens its doors on Thursday,
    // Oct. 28, and runs until Sunday, Oct. 31", no schedule's)
    for b in (0..found.len()).filter(|&b| bounding(b) && !bound[b] && writes_date(&found[b].expr)) {
        let Some(until) = resolved[b].day.filter(|&u| inp.doc.dct.is_some_and(|d| u >= d)) else { continue };
        let here = sent.of(found[b].start);
        let opened = (b.saturating_sub(SENTENCE_SCAN)..b)
            .rev()
            .take_while(|&a| sent.of(found[a].start) == here)
            .filter(|&a| writes_date(&found[a].expr) && !bound[a] && !bounding(a))
            .find_map(|a| Some((a, resolved[a].day.filter(|&s| (1..STRETCH_DAYS).contains(&(until - s).get_days()))?)));
        if let Some((a, since)) = opened {
            stretches.push((a, since, until, false));
        }
    }
    // (and the short run of a schedule told from its start to its end: "begins
    // Wednesday, Nov. 10, with performances every evening at 7:30 p.m. through
    // Sunday, Nov. 14 ... the Saturday evening show", marked as a schedule's)
    for l in inp.doc.links.iter().filter(|l| l.kind == crate::grammar::LinkKind::Recurrence) {
        let (Some(a), Some(b)) = (l.start, l.until) else { continue };
        let (Some(since), Some(until)) = (resolved[a].day, resolved[b].day) else { continue };
        if (1..STRETCH_DAYS).contains(&(until - since).get_days()) && inp.doc.dct.is_some_and(|d| until >= d) {
            stretches.push((a.min(b), since, until, true));
        }
    }
    stretches.sort_unstable_by_key(|s| s.0);
    // which expressions can be the event day: a day, or a time on one
    let restating = |n: usize| restates_earlier(inp, sent, n);
    let can_be_event = |n: usize, r: &Resolved| {
        r.day.is_some()
            && !restated_on(inp, sent, n)
            && !matches!(found[n].expr, Expr::Set { .. })
            // (a part of a named day ahead too: "get his title shot on Saturday night
            // ... The main card starts at 5 p.m."; one past is more often an
            // aside of the report: "following two explosions on Wednesday night")
            && (r.clock.is_some()
                || matches!(r.point, Some((_, Unit::Day)))
                || matches!(found[n].expr, Expr::PartOfDay { date: Some(_), .. }) && inp.doc.dct.is_some_and(|a| r.day.is_some_and(|d| d > a))
                // (and the document's own day in part: "play the Rockies tonight. That
                // game starts at 6:40 p.m.")
                || matches!(found[n].expr, Expr::PartOfDay { date: None, .. }) && inp.doc.dct.is_some_and(|a| r.day == Some(a)))
            && !report(n)
            && !(inp.doc.language.clock_change)(toks, found[n].start, found[n].end)
            && !bound[n]
            && !bounding(n)
            && !sent.setting(found[n].start)
            && super::offsets::clock_shift(&found[n].expr).is_none()
            // (a time on a day written after it waits for that day: "by 5:45 p.m. the day before")
            && found[n].anchor.is_none_or(|a| a <= n)
            && !restating(n)
    };
    // the days a clock time sits on ("Wednesday, Feb. 4, at 10 a.m.")
    let mut carries_time = vec![false; found.len()];
    for g in found {
        if let Some(a) = g.anchor.filter(|_| clock_of(&g.expr).is_some()) {
            carries_time[a] = true;
        }
    }
    // the day each expression sits on, once settled ("Monday, March 13")
    for n in 0..found.len() {
        let f = &found[n];
        // a day written next to it moved already: follow it
        if let Some(a) = f.anchor.filter(|&a| a < n) {
            let moved = settled[a].day_from.is_some();
            if let Some(d) = resolved[a].day.filter(|d| moved && resolved[n].day != Some(*d) && resolved[n].day.is_some()) {
                redate(&f.expr, &mut resolved[n], d);
            }
            settled[n].day_from = Some(a);
            settled[n].firm = settled[a].firm.max(super::days::firm::WEEKDAY);
            // a day of no known year (no DCT) leaves the time without one too,
            // not on whatever date came before ("airs on April 25 at 9 pm")
            if resolved[a].day.is_none() {
                unplace(&found[a].expr, &mut resolved[n]);
            }
        } else if writes_date(&f.expr) {
            settled[n].firm = firm::DATE;
        }
        // "the day before", "the next morning" with a clock time on it counts from
        // the event day under discussion, not from the DCT
        // (a time sits on it, written with it or right beside it in its clause: "by
        // 5:45 p.m. JST the day before")
        let beside =
            |m: usize| m < found.len() && dayless(&found[m]) && resolved[m].clock.is_some() && sent.clause(found[m].start) == sent.clause(f.start);
        let timed = carries_time[n] || (n > 0 && beside(n - 1)) || beside(n + 1);
        // (counted from the day of its sentence said just before, else the event day:
        // "posted by 17:00, and the board will meet the next morning at 8")
        let here = sent.of(f.start);
        let before = (n.saturating_sub(SENTENCE_SCAN)..n)
            .rev()
            .take_while(|&m| sent.of(found[m].start) == here)
            // (not a time that sits on it: "at 9 a.m. that day")
            .filter(|&m| settled[m].day_from != Some(n) && found[m].anchor != Some(n))
            .find_map(|m| resolved[m].day.map(|d| (d, m)));
        // ("... beginning March 18. Servers go offline at 4 a.m. that day": "that
        // day" is the date written last, a schedule's start too)
        let that = || (anaphoric_day(&f.expr) == Some(0)).then(|| told_day(found, sent, resolved, n)).flatten();
        // ("On the first day of the new timetable": the day that noun was dated
        // with, "will switch to its 2027 timetable on Sunday, Dec. 13")
        noun_buf.clear();
        if anaphoric_day(&f.expr).is_some() {
            (inp.doc.language.first_day_of)(toks, f.start, f.end, &mut noun_buf);
        }
        let owner = noun_buf.iter().find_map(|&k| nouns.get(toks.lw(k)).map(|&(d, m, _)| (d, m))).filter(|&(_, m)| m < n);
        // ("... will sit the exam from Tuesday, Feb. 17, to Thursday, Feb. 26
        // ... On the first day": the first or last day of the stretch told
        // last before it)
        let of_run = || {
            let first = (f.start..f.end).find_map(|k| (inp.doc.language.picks_first)(toks, k))?;
            let run = inp.doc.links.iter().filter(|l| l.kind == crate::grammar::LinkKind::Range).filter_map(|l| match l.members[..] {
                // (not a schedule's days or bounds: "daily ... through Friday, Oct. 31,
                // and ... Monday to Thursday of that week ... on the final day")
                [a, b] if b < n && [a, b].iter().all(|&m| found[m].expr.names_day() && !matches!(found[m].expr, Expr::Set { .. }) && !bound[m]) => {
                    Some((a, resolved[a].day?, resolved[b].day?))
                }
                _ => None,
            });
            let (a, since, until) = run.max_by_key(|r| r.0)?;
            Some((if first { since } else { until }, a))
        };
        let owner = owner.or_else(|| anaphoric_day(&f.expr).and(of_run()));
        // (the noun's day holds with no time on it too: "From the first day of the
        // new timetable, a EuroCity leaves daily at 06:33")
        // (and so is one that starts a run: "staffed ... on weekdays from that
        // day until Aug. 29", after "at 10 a.m. on Aug. 20")
        let starts = f.start > 0 && (inp.doc.language.starts_run)(toks, f.start - 1);
        if let (Some(offset), true, Some((base, from))) =
            (anaphoric_day(&f.expr), timed || owner.is_some() || starts, owner.or(before).or_else(that).or(event))
        {
            if let Ok(d) = base.checked_add(jiff::Span::new().days(offset as i64)) {
                redate(&f.expr, &mut resolved[n], d);
                settled[n].day_from = Some(from);
                settled[n].firm = firm::EVENT;
            }
        }
        // (whether the weekday was only turned to the coming one, which a
        // stretch of days ahead still narrows)
        let mut coming = false;
        if let Some(dow) = bare_weekday(&f.expr) {
            settled[n].firm = settled[n].firm.max(firm::WEEKDAY);
            // the date last written on that weekday, unless its own reading is a date the
            // article names too ("on Sunday, March 9 ... until March 30 ... airs on Sunday")
            // or the DCT, which a weekday names as often as any date ahead, in a
            // sentence that tells of the past ("On Tuesday, the minister said");
            // in one that does not, the date named ahead ("the Parade of the Bands
            // falls on Tuesday, Feb. 29 ... On Tuesday the bands parade from 7 a.m.")
            let own = resolved[n].day;
            let tense = inp.doc.tense(n);
            let today = || {
                let (lo, hi) = sent.span(f.start, f.end, SENTENCE_REACH);
                tense.dir == Dir::Past || (inp.doc.language.tells_past)(toks, lo, hi)
            };
            let kept = own.is_some_and(|d| named_days.contains(&d)) || (own.is_some() && own == inp.doc.dct && today());
            // (the latest of that weekday within the window; the few last suffice)
            // (or the DCT's own weekday, in a sentence that tells nothing of the
            // past: "The summit runs through Thursday, Oct. 31. ... the closing
            // panel begins at 4:30 p.m. on Thursday", told on a Thursday)
            // (only while the article's own event lies ahead, so that the DCT is
            // none of the run's days: not "The summit opens on Thursday and runs
            // through Thursday, Oct. 31", nor a run already under way, "The strike
            // runs through Thursday, Oct. 31")
            let event_ahead = lead.zip(inp.doc.dct).is_some_and(|((l, _), a)| l > a);
            let past = own.zip(inp.doc.dct).is_some_and(|(d, a)| d < a || d == a && event_ahead && !today()) && tense.dir != Dir::Past;
            // (a day told as what follows on a date ahead its sentence writes
            // before it, an arrival or an end, is of the days after
            // that date: "leaves Aktau at 11 p.m. on Thursday, June 4, and is due
            // at Alat at 6 p.m. on Friday"; not a day of its own, "..., and RNZ
            // will replay highlights on Saturday")
            let here = sent.of(f.start);
            // (the closing may be told in the sentence before: "The branch will
            // close at 5 p.m. on Thursday. It will reopen at 9 a.m. on Monday.")
            let (lo, _) = sent.span(f.start, f.start, SENTENCE_REACH);
            let reopened_here = here > 0 && (inp.doc.language.reopens)(toks, lo, f.start);
            // (a closing told there: not "Clocks fall back an hour early Sunday.
            // ... hoped to reopen it by noon Saturday")
            let closed_before = |m: usize| {
                let (plo, _) = sent.span(found[m].start, found[m].start, SENTENCE_REACH);
                (inp.doc.language.closes)(toks, plo, found[m].start)
            };
            let reopens_after = |m: usize| {
                (inp.doc.language.reopens)(toks, found[m].end, f.start) || reopened_here && sent.of(found[m].start) + 1 == here && closed_before(m)
            };
            let week_of = (n.saturating_sub(SENTENCE_SCAN)..n)
                .rev()
                .take_while(|&m| sent.of(found[m].start) == here || reopened_here && sent.of(found[m].start) + 1 == here)
                // (or a weekday, closed on, before a reopening: "will close at 5 p.m.
                // on Monday and reopen at 8 a.m. on Wednesday")
                .find(|&m| {
                    let reopens = || bare_weekday(&found[m].expr).is_some() && reopens_after(m);
                    let near = sent.of(found[m].start) == here || reopens();
                    near && (writes_date(&found[m].expr) || reopens()) && !report(m) && !bound[m] && !bounding(m)
                })
                .and_then(|m| Some((resolved[m].day?, m)))
                .filter(|&(d, m)| {
                    inp.doc.dct.is_some_and(|a| d > a)
                        && ((inp.doc.language.follows_day)(toks, found[m].end, f.start) || reopens_after(m))
                        && tense.dir != Dir::Past
                        && !report(n)
                        && !kept
                })
                .and_then(|(d, m)| Some((crate::resolve::weekday_near(d, dow, Dir::Future, false)?, m)));
            let repeated = named[dow as usize - 1]
                .iter()
                .rev()
                .take(NAMED_SCAN)
                .chain(bounds[dow as usize - 1].iter().rev().take(if past { NAMED_SCAN } else { 0 }))
                .find(|&&(d, _)| window(d))
                .copied()
                .filter(|_| !kept && !opens_schedule[n]);
            if let Some((d, from)) = week_of {
                redate(&f.expr, &mut resolved[n], d);
                settled[n].day_from = Some(from);
            } else if let Some((d, from)) = repeated {
                // (a past sentence speaks of the days just gone, whatever lies ahead:
                // "a hearing on Friday, Jan. 14 ... Earlier Friday, lawyers filed")
                let against = tense.dir == Dir::Past || (tense.firm && tense.dir == Dir::Future && inp.doc.dct.is_some_and(|a| d < a));
                if !against && !report(n) {
                    redate(&f.expr, &mut resolved[n], d);
                    settled[n].day_from = Some(from);
                }
            } else if tense.dir != Dir::Past && !report(n) {
                // a weekday read as past in a sentence that dates something ahead, and
                // tells nothing of the past, is the coming one: "Game 1 is on Friday,
                // March 26, ... and Game 2 follows on Saturday"
                let here = sent.of(f.start);
                let ahead = |m: usize| writes_date(&found[m].expr) && !report(m) && resolved[m].day.zip(inp.doc.dct).is_some_and(|(d, a)| d > a);
                let told = (n.saturating_sub(SENTENCE_SCAN)..n).rev().take_while(|&m| sent.of(found[m].start) == here).find(|&m| ahead(m));
                // (or the event under discussion lies ahead: "The Dimanche Gras show
                // starts at 8 p.m. on Sunday. ... Revellers take to the streets from 4
                // a.m. on Monday")
                // (in a sentence with no past verb at all: "The pair appeared to lash out
                // ... on Sunday" is last Sunday's, whatever comes next)
                let told = told.or_else(|| {
                    let (lo, hi) = sent.span(f.start, f.end, SENTENCE_REACH);
                    event.filter(|&(d, _)| inp.doc.dct.is_some_and(|a| d > a) && !(inp.doc.language.tells_past)(toks, lo, hi)).map(|(_, m)| m)
                });
                if let (Some(from), Some(own), Some(dct)) = (told, resolved[n].day, inp.doc.dct) {
                    if let Some(d) = crate::resolve::weekday_near(dct, dow, Dir::Future, true).filter(|_| own < dct) {
                        redate(&f.expr, &mut resolved[n], d);
                        settled[n].day_from = Some(from);
                        coming = true;
                    }
                }
            }
        }
        // a weekday within the stretch of days an event was told to run, said of
        // a happening, unless its tense points back, is that day of it: "will compete from
        // Thursday, March 4, to Saturday, March 6 ... The final is at 5pm Friday"
        if let Some(dow) = bare_weekday(&f.expr).filter(|_| settled[n].day_from.is_none() || coming) {
            let own = resolved[n].day;
            // (the latest stretch told before it; on or after the DCT)
            let latest = stretches[..stretches.partition_point(|s| s.0 < n)].last().filter(|s| own.is_some_and(|o| o < s.1 || o > s.2));
            let within = latest.and_then(|&(from, since, until, schedule)| {
                let d = crate::resolve::weekday_near(since, dow, Dir::Future, false).filter(|&d| d <= until && inp.doc.dct.is_none_or(|a| d >= a))?;
                Some((d, from, schedule))
            });
            // (and its sentence names a happening of the event before it, "The
            // open wool-handling final is at 5pm Friday", or after it when the
            // weekday opens the sentence, "On Sunday, the fan award will be
            // presented", or the weekday tells which happening it is, "the
            // Saturday evening show"; not what comes before it:
            // "Tickets go on sale Friday"; the stretch ahead outweighs a past form
            // elsewhere in the sentence: "followed an hour later by the speed shear")
            // (A schedule's run holds its performances, not every happening said on
            // one of its weekdays: only a weekday that tells which performance it is
            // ("the Saturday evening show") falls in it, not "a press conference at
            // noon on Thursday" told after "every night at 9 p.m. from Wednesday,
            // Nov. 8, through Saturday, Nov. 11".)
            if let Some((d, from, schedule)) = within {
                let (lo, hi) = sent.span(f.start, f.end, SENTENCE_REACH);
                // (after it when it opens its sentence, with at most its preposition)
                let after = if f.start - lo <= 1 { f.end..hi } else { f.end..f.end };
                let which = (inp.doc.language.dates_noun_after)(toks, f.start, f.end);
                let happening = which || !schedule && (lo..f.start).chain(after).any(|k| (inp.doc.language.names_dated_noun)(toks, k));
                if inp.doc.tense(n).dir != Dir::Past && !report(n) && happening {
                    redate(&f.expr, &mut resolved[n], d);
                    settled[n].day_from = Some(from);
                }
            }
        }
        if dayless(f) && resolved[n].clock.is_some() && !matches!(f.expr, Expr::Set { .. }) {
            if let Some((d, from)) =
                event_day(inp, sent, ev, resolved, n, &Discussion { event, lead, upcoming: run_start.or(upcoming), ahead: upcoming, nouns: &nouns })
            {
                redate(&f.expr, &mut resolved[n], d);
                settled[n].day_from = Some(from);
                // a day written in its own clause holds as firmly as if written with it
                // ("at 1 a.m. on New Year's Day")
                // (not the day of another clock time: the day "2 a.m. Saturday" is
                // written on is that time's, and a reading in another zone after it,
                // "until 2 a.m. Saturday, which means it starts at 9 p.m. in
                // London", only borrows it)
                let near = sent.clause(found[from].start) == sent.clause(f.start) && clock_of(&found[from].expr).is_none();
                settled[n].firm = match &found[from].expr {
                    e if near && writes_date(e) => firm::DATE,
                    e if near && bare_weekday(e).is_some() => firm::WEEKDAY,
                    _ => firm::EVENT,
                };
            } else if inp.doc.dct.is_none() {
                // no DCT and no day in reach: the day stays unknown
                unplace(&Expr::Stretch, &mut resolved[n]);
            }
        }
        // the nouns this day dates ("the grand final on Sunday")
        if let Some(d) = resolved[n].day.filter(|_| !matches!(f.expr, Expr::Set { .. }) && !report(n)) {
            noun_buf.clear();
            (inp.doc.language.dated_nouns)(toks, f.start, f.end, &mut noun_buf);
            for &k in &noun_buf {
                let modifier = if (inp.doc.language.modified_noun)(toks, k) { toks.lw(k - 1) } else { "" };
                nouns.insert(toks.lw(k), (d, n, modifier));
            }
            // (a holiday dates the noun that names it again: "for All Saints' Day
            // ... open from 9 a.m. to midnight on the holiday")
            if matches!(f.expr, Expr::Holiday { .. }) {
                nouns.insert(inp.doc.language.holiday_noun, (d, n, ""));
            }
        }
        let r = &resolved[n];
        // (a time that took its day from a day written after it waits for that
        // day: "at 9 a.m. that day" is no event until "that day" is settled)
        if can_be_event(n, r) && settled[n].day_from.is_none_or(|a| a < n) {
            if let Some(d) = r.day {
                // a bare date after a timed event of the same sentence is its setting,
                // not the event ("at 10 a.m. IST on Wednesday, Feb. 4, at the end of a
                // meeting that began today")
                let has_time = |m: usize| resolved[m].clock.is_some() || carries_time[m];
                let settles = event.is_none_or(|(_, m)| sent.of(found[m].start) != sent.of(f.start) || !has_time(m) || has_time(n)) && !range_end[n];
                if settles {
                    // (a time on a listing's heading keeps the heading as the day under
                    // discussion, which carries through the listing's lines)
                    let from = settled[n].day_from.filter(|&h| h < n && is_heading(toks, &found[h]) && resolved[h].day == Some(d));
                    event = Some((d, from.unwrap_or(n)));
                }
                // (not a day of the past: "shares rose 4% on Friday" on that Friday)
                let ahead = inp.doc.dct.is_none_or(|a| {
                    d > a
                        || d == a && {
                            let t = inp.doc.tense(n);
                            t.dir != Dir::Past
                        }
                });
                let stale = lead.is_none_or(|(l, _)| inp.doc.dct.is_some_and(|a| l < a) && ahead);
                if !ev.in_headline(f.start) && stale {
                    lead = Some((d, n));
                }
                // (the first day ahead, which an opening names: "Organizers on Monday
                // released the schedule for this year's event, which runs from Saturday,
                // Oct. 3 ... On opening day")
                if !ev.in_headline(f.start) && upcoming.is_none() && ahead {
                    upcoming = Some((d, n));
                }
                // (a bare weekday the sentence's tense placed names its day too:
                // "will gather on Sunday ... Sunday's ceremony")
                // (not a holiday in the headline, nor one that names a stretch
                // of days: "trains for Lunar New Year", "over the Lunar New Year
                // holiday ... on sale on Wednesday" is no Jan. 29)
                let holiday = matches!(f.expr, Expr::Holiday { .. });
                let loose = holiday && (ev.in_headline(f.start) || (inp.doc.language.holiday_period)(toks, f.end));
                if writes_date(&f.expr) && !loose
                    || f.anchor.is_some_and(|a| writes_date(&found[a].expr))
                    || (bare_weekday(&f.expr).is_some() && {
                        let tense = inp.doc.tense(n);
                        tense.firm && tense.dir == Dir::Future
                    })
                {
                    named[d.weekday().to_monday_zero_offset() as usize].push((d, n));
                    named_days.insert(d);
                }
            }
        } else if let Some(d) = r.day.filter(|_| (bound[n] || bounding(n)) && writes_date(&f.expr) && !report(n)) {
            bounds[d.weekday().to_monday_zero_offset() as usize].push((d, n));
        }
    }
    // a midnight that begins its day ("enters into force at midnight GMT on
    // Thursday, Jan. 1") is the day's first moment, not its last
    for n in 0..found.len() {
        // (a day only under discussion begins at its midnight only when said to:
        // "signed on New Year's Eve, taking effect at midnight" is its end)
        let attached = found[n].anchor.is_some();
        let Some(a) = found[n].anchor.or(settled[n].day_from) else { continue };
        let (f, day) = (&found[n], &found[a]);
        if resolved[n].clock.is_some_and(|c| c.hour == 24) && (inp.doc.language.onset)(toks, f.start, day.end.max(f.end), attached) {
            if let (Some(c), Some(d)) = (resolved[n].clock.as_mut(), resolved[n].day) {
                c.hour = 0;
                redate(&f.expr, &mut resolved[n], d);
            }
        }
    }
    // the end of a span named by a bare weekday is the first such day from its
    // start ("from 10 p.m. Saturday, Nov. 5, to 4 a.m. Sunday"), and so is the
    // weekday an end's time sits on ("from 23:00 WIB on Saturday, Nov. 16, to
    // 04:00 WIB on Sunday"), with the time
    for l in inp.doc.links.iter().filter(|l| l.kind == crate::grammar::LinkKind::Range) {
        let [a, b] = l.members[..] else { continue };
        let sits_on = found[b].anchor.filter(|&w| w > b && w < found.len() && bare_weekday(&found[w].expr).is_some());
        let Some(from) = resolved[a].day else { continue };
        let Some(dow) = bare_weekday(&found[b].expr).or_else(|| sits_on.and_then(|w| bare_weekday(&found[w].expr))) else { continue };
        let ahead = (0..7).filter_map(|k| from.checked_add(jiff::Span::new().days(k)).ok()).find(|d| d.weekday().to_monday_one_offset() == dow as i8);
        if let Some(d) = ahead.filter(|&d| resolved[b].day != Some(d)) {
            for m in std::iter::once(b).chain(sits_on) {
                redate(&found[m].expr, &mut resolved[m], d);
                settled[m].day_from = Some(a);
            }
        }
    }
    // a list of bare weekdays runs forward, each within the week after the one
    // before it ("return coaches leave at 7 a.m. on Sunday and Monday" on a
    // Monday: the Monday after that Sunday, not the DCT)
    for l in inp.doc.links.iter().filter(|l| l.kind == crate::grammar::LinkKind::List && l.members.len() >= 2) {
        for w in l.members.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (Some(prev), Some(dow), Some(own)) = (resolved[a].day, bare_weekday(&found[b].expr), resolved[b].day) else { continue };
            if bare_weekday(&found[a].expr).is_none() || own > prev {
                continue;
            }
            let ahead =
                (1..=7).filter_map(|k| prev.checked_add(jiff::Span::new().days(k)).ok()).find(|d| d.weekday().to_monday_one_offset() == dow as i8);
            if let Some(d) = ahead {
                redate(&found[b].expr, &mut resolved[b], d);
                settled[b].day_from = Some(a);
            }
        }
    }
    // the dayless start of a span of clock times takes the day written with its
    // end ("between 3 p.m. and 6 p.m. Friday")
    for l in inp.doc.links.iter().filter(|l| l.kind == crate::grammar::LinkKind::Range) {
        let [a, b] = l.members[..] else { continue };
        let written = found[b].anchor.is_some() || matches!(found[b].expr, Expr::Time { date: Some(_), .. });
        // (not a start with a day of its own: "from 10 p.m. on Friday until 2 a.m. Saturday")
        if dayless(&found[a]) && found[a].anchor.is_none() && resolved[a].clock.is_some() && written && settled[a].firm < firm::DATE {
            if let Some(d) = resolved[b].day.filter(|&d| resolved[a].day != Some(d)) {
                redate(&found[a].expr, &mut resolved[a], d);
                settled[a].day_from = Some(b);
            }
        }
    }
    days_later(inp, resolved, settled);
    small_hours(inp, sent, resolved, settled);
    // times that sit on a day written after them ("at 10:00 am Monday")
    for n in 0..found.len() {
        if let Some(a) = found[n].anchor.or(settled[n].day_from).filter(|&a| a > n) {
            if let (Some(d), Some(_)) = (resolved[a].day, resolved[n].day) {
                // (only a day the document moved moves what sits on it)
                if resolved[n].day != Some(d) && settled[a].day_from.is_some() {
                    redate(&found[n].expr, &mut resolved[n], d);
                }
                settled[n].day_from = Some(a);
                settled[n].firm = settled[a].firm.max(firm::WEEKDAY);
            }
        }
    }
}

/// A clock time told right after a shift of whole days from the day under
/// discussion falls that many days from it: "The first is on Wednesday,
/// April 1, at 6 p.m., and the second is two days later at 1 p.m." (News
/// mode reports the shift as its length, "two days", as TimeML annotates
/// it; the clock time still takes the shifted day.)
fn days_later(inp: &Inputs<'_, '_>, resolved: &mut [Resolved], settled: &mut [Settled]) {
    let (found, toks) = (inp.doc.found, inp.doc.toks);
    for n in 1..found.len() {
        let (s, f) = (&found[n - 1], &found[n]);
        let Expr::Duration { amount: crate::expr::Amount::N(k), unit: unit @ (Unit::Day | Unit::Week) } = s.expr else { continue };
        let Some(sign) = (inp.doc.language.shift_word)(toks, s.end) else { continue };
        let Some(day) = resolved[n].day.filter(|_| dayless(f) && resolved[n].clock.is_some()) else { continue };
        // ("two days later at 1 p.m.", "a week later, at 9 a.m.")
        if !(inp.doc.language.shift_then_clock)(toks, s.end + 1, f.start) {
            continue;
        }
        let days = k as i64 * if unit == Unit::Week { 7 } else { 1 } * i64::from(sign);
        // (as firm as a date written with it: its readings in other zones
        // follow it, "two days later at 1 p.m., which is 6 p.m. in London")
        if let Ok(d) = day.checked_add(jiff::Span::new().days(days)) {
            redate(&f.expr, &mut resolved[n], d);
            settled[n].firm = firm::DATE;
        }
    }
}

/// Whether day `m`, written after clock time `n`, dates the arrival of the
/// trip `n` leaves on: a clock time between them is told as that arrival
/// and takes its day from `m`.
fn arrives_on(inp: &Inputs<'_, '_>, n: usize, m: usize) -> bool {
    let found = inp.doc.found;
    (n + 1..m).any(|k| {
        clock_of(&found[k].expr).is_some()
            && (found[k].anchor == Some(m) || k + 1 == m)
            && (inp.doc.language.arrival_follows)(inp.doc.toks, found[n].end, found[k].start)
    })
}

/// The event day a clock time without a day falls on: a day written in its
/// own sentence (the nearest), else the event day under discussion before
/// it, unless the sentence's firm tense points the other way; a time in the
/// headline takes the first event day of the body. Without a DCT only its
/// own sentence counts, since an unrelated earlier date says nothing of it.
fn event_day(
    inp: &Inputs<'_, '_>,
    sent: &Sentences,
    ev: &Evidence,
    resolved: &[Resolved],
    n: usize,
    discussion: &Discussion<'_>,
) -> Option<(Date, usize)> {
    let Discussion { event, lead, upcoming, ahead, nouns } = *discussion;
    let found = inp.doc.found;
    let here = sent.of(found[n].start);
    // (the time inside that clause, no comma between: not "said on Monday,
    // when asked, that the parade will start at 19:30")
    let in_when_clause = |comma: usize, at: usize| at > comma + 1 && !(comma + 1..at).any(|k| inp.doc.toks.raw(k) == ",");
    let day_of = |m: usize| {
        let r = &resolved[m];
        (r.day.is_some()
            && !matches!(found[m].expr, Expr::Set { .. })
            && (r.clock.is_none() || !dayless(&found[m]))
            // (a part of a named day too: "around Sunday morning's high tide, due at 4:52 a.m.")
            && (matches!(r.point, Some((_, Unit::Day)))
                || matches!(found[m].expr, Expr::PartOfDay { date: Some(_), .. })
                // (and a time written with its day before it: "due at 7 a.m. Tuesday and
                // will sail at 5:30 p.m."; one after it may restate it or end its span)
                || m < n && matches!(found[m].expr, Expr::Time { date: Some(_), .. })
                || matches!(found[m].expr, Expr::PartOfDay { date: None, .. }) && r.day == inp.doc.dct)
            // (a reported day is no event's, unless a "when" clause tells what
            // happened on it: "was announced on Sunday, Feb. 23, when the mayor
            // gave the Crida at 19:30")
            && (!(inp.doc.language.reports)(inp.doc.toks, found[m].start, found[m].end)
                || m < n && (inp.doc.language.when_clause)(inp.doc.toks, found[m].end) && in_when_clause(found[m].end, found[n].start))
            && !ev.in_dateline(found[m].start)
            && super::offsets::clock_shift(&found[m].expr).is_none())
        .then_some(r.day)
        .flatten()
    };
    // "at 4 a.m. that day": the date written last, in its sentence or the one before
    if let Some(told) = (inp.doc.language.day_told)(inp.doc.toks, found[n].end).then(|| told_day(found, sent, resolved, n)).flatten() {
        return Some(told);
    }
    // the nearest day of its own sentence, after it first when it is written right after
    // (found expressions are in text order: walk out from `n` while the sentence lasts)
    let before = (n.saturating_sub(SENTENCE_SCAN)..n).rev().take_while(|&m| sent.of(found[m].start) == here);
    let after = (n + 1..(n + 1 + SENTENCE_SCAN).min(found.len())).take_while(|&m| sent.of(found[m].start) == here);
    // (a time firmly told in the past sits on no day ahead, nor one firmly told
    // ahead on a day gone: "said in its 11 a.m. advisory that the eye could
    // cross the coast on Friday, Oct. 30")
    let tense = inp.doc.tense(n);
    let fits = |d: Date| !(tense.firm && inp.doc.dct.is_some_and(|a| (tense.dir == Dir::Past && d > a) || (tense.dir == Dir::Future && d < a)));
    let same = before
        .chain(after)
        // (a headline is telegraphic: "holding rates on Wednesday; governor to speak at noon")
        .filter(|&m| ev.in_headline(found[n].start) || sent.clause(found[m].start) == sent.clause(found[n].start))
        // (a listing's lines run on without stops: the heading of the next part
        // is not the day of a line before it)
        .filter(|&m| m < n || !is_heading(inp.doc.toks, &found[m]))
        // (a day in a relative clause after the time is about what the clause
        // says: "at 8:30 a.m. in Sydney, where daylight saving runs until Sunday")
        .filter(|&m| m < n || !sent.relative_between(found[n].end, found[m].start))
        // (nor a day in a relative clause set off before it: "and in Kabul, where
        // many Afghans still mark Nowruz at home, 19:16")
        .filter(|&m| m > n || !closed_relative(inp, m, found[n].start))
        // (nor the day a change of the clocks is told of: "clocks go back an hour
        // on Sunday, and the final match starts at 6 p.m.")
        .filter(|&m| !(inp.doc.language.clock_change)(inp.doc.toks, found[m].start, found[m].end))
        // (nor the day of another zone's reading: "01:15 UTC, or 8:15 p.m. EST on Monday")
        .filter(|&m| m == n + 1 || !restated_on(inp, sent, m))
        // (nor the day of the arrival of the trip it leaves on: "leaves at 9:25
        // p.m. and is due in Madrid at 8:40 a.m. on Monday")
        .filter(|&m| m < n || !arrives_on(inp, n, m))
        // (nor a day after it that has a clock time of its own: "Saturday's jumping
        // starts at 2 p.m. ET and Sunday's at 5 a.m. ET", "at 5 p.m., up from
        // Thursday's 5 p.m. quotes"; but "at 5 p.m. for Friday's 7 p.m. kickoff"
        // is Friday's)
        .filter(|&m| m < n || !owns_clock(inp, resolved, n, m))
        // (nor a day after it in a phrase of another happening after ", with",
        // once a day is under discussion: "The debate is on Thursday ... is
        // scheduled to begin at 2 p.m., with the minister replying on Friday
        // morning"; with none, that day is the time's, "Polls open at 7 a.m.,
        // with voting taking place on Sunday")
        .filter(|&m| {
            let with = || (found[n].end..found[m].start).any(|k| (inp.doc.language.accompanies)(inp.doc.toks, k));
            m < n || !(event.is_some_and(|(d, _)| resolved[m].day != Some(d)) && with())
        })
        // (nor, for a time read in a place of its own, the day of a reading
        // abroad listed after it: "9:15 p.m. in London and 7:15 a.m. on Sunday in
        // Melbourne"; but "at 10 a.m. and 2 p.m. on Saturday in Dayton")
        .filter(|&m| {
            let placed = |k: usize| (inp.doc.language.place_follows)(inp.doc.toks, k);
            m < n || !(placed(found[n].end) && placed(found[m].end) && (n + 1..m).any(|x| found[x].anchor == Some(m)))
        })
        // (the words between count: "on Wednesday, Oct. 30, from 3 p.m., with the
        // semifinals the next evening" is Wednesday's)
        .filter_map(|m| {
            let gap = if m < n { found[n].start.saturating_sub(found[m].end) } else { found[m].start.saturating_sub(found[n].end) };
            day_of(m).filter(|&d| m < n || fits(d)).map(|d| (gap, d, m))
        })
        .min_by_key(|x| x.0)
        .map(|(_, d, m)| (d, m));
    if let Some((d, m)) = same {
        // (the hour of a report is the DCT's, not that of the day ahead it tells
        // of: "In its 11 a.m. advisory, the center said the eye could cross the
        // coast on Friday")
        let told_ahead = m > n && inp.doc.dct.is_some_and(|a| d > a);
        if told_ahead && (inp.doc.language.reports)(inp.doc.toks, found[n].start, found[n].end) {
            return None;
        }
        return same;
    }
    inp.doc.dct?;
    // an event dated before and named again in its clause ("the grand final on
    // Sunday, March 31 ... the final starts at 11 a.m. ET")
    let (toks, start) = (inp.doc.toks, found[n].start);
    // (or after it as its day, "on the holiday": "open from 9 a.m. to midnight
    // on the holiday")
    let end = found[n].end;
    let on_the = |k: usize| k >= 2 && toks.is(k - 1, "the") && toks.is(k - 2, "on");
    let after = (end..(end + EVENT_NOUN_REACH).min(toks.len())).take_while(|&k| sent.clause(k) == sent.clause(start)).filter(|&k| on_the(k));
    let again_named = (start.saturating_sub(EVENT_NOUN_REACH)..start)
        .rev()
        .take_while(|&k| sent.clause(k) == sent.clause(start))
        .chain(after)
        .filter(|&k| (inp.doc.language.names_dated_noun)(toks, k))
        .find_map(|k| nouns.get(toks.lw(k)).map(|&(d, m, then)| ((d, m), k, then)));
    // (a noun with another word before it than where it was dated may be
    // another happening of its kind, which the day under discussion in its
    // paragraph, told after the dated one, dates: "Sunday's race ... Saturday
    // is the busiest day. The sprint race runs at 11 a.m.")
    let para = sent.paragraph(start);
    let discussed = event.filter(|&(_, e)| sent.paragraph(found[e].start) == para);
    let other = |k: usize, then: &str| (inp.doc.language.modified_noun)(toks, k) && toks.lw(k - 1) != then;
    let again_named =
        again_named.filter(|&((d, m), k, then)| !(other(k, then) && discussed.is_some_and(|(ed, e)| e > m && ed != d))).map(|(dated, _, _)| dated);
    // (a noun dated by the DCT told in the past dates the act, not what a time
    // told ahead is of: "issued a warning on Tuesday ... covering Thursday, Oct.
    // 24. The warning runs from 6 a.m.")
    let done_today = |d: Date, m: usize| inp.doc.dct == Some(d) && inp.doc.tense(m).dir == Dir::Past && tense.dir != Dir::Past;
    if let Some((d, m)) = again_named.filter(|&(d, m)| m < n && !done_today(d, m)) {
        if fits(d) {
            return Some((d, m));
        }
    }
    // the same clock time said again is the same happening ("with first pitch at
    // 7:05 p.m. ... An hour before the 7:05 p.m. first pitch"), unless its
    // sentence names a day of its own ("The next episode airs on Sunday, so its
    // 9:05 p.m. upload")
    let sentence_day = (0..found.len())
        .skip(n.saturating_sub(SENTENCE_SCAN))
        .take(2 * SENTENCE_SCAN)
        .any(|m| sent.of(found[m].start) == here && day_of(m).is_some());
    let clock = resolved[n].clock;
    let again = (n.saturating_sub(SENTENCE_SCAN)..n)
        .rev()
        .take_while(|&m| here - sent.of(found[m].start) <= REPEAT_CLOCK_SENTENCES)
        .find(|&m| resolved[m].day.is_some() && resolved[m].clock.is_some_and(|c| clock.is_some_and(|k| k.hour == c.hour && k.minute == c.minute)));
    // (nor once the article has moved on to another event day told after it:
    // "leaves at 4 p.m. ... The final ship arrives on Sunday, Nov. 2. A piper
    // will play from 4 p.m.")
    let moved_on = |m: usize| event.is_some_and(|(d, e)| e > m && resolved[m].day != Some(d));
    if let Some(m) = again.filter(|&m| !sentence_day && !moved_on(m)) {
        return resolved[m].day.map(|d| (d, m));
    }
    // the day under discussion carries through its paragraph, unless the
    // clause names the article's own event ("on matchday", "on polling day")
    // or the day came from an aside in the past; past the paragraph, or after
    // such an aside, the article's own event day is meant
    let (start, end) = (found[n].start, found[n].end);
    let clause = sent.clause(start);
    let named = (start.saturating_sub(EVENT_NOUN_REACH)..(end + EVENT_NOUN_REACH).min(inp.doc.toks.len()))
        .find(|&k| sent.clause(k) == clause && (inp.doc.language.names_event_day)(inp.doc.toks, k))
        .or_else(|| fronted_event_day(inp, sent, start));
    let names_event = named.is_some();
    // "On opening night, doors open at 7 p.m.": the day the article's schedule
    // opens, its first start
    // ("On premiere night, ..." after "will premiere on Friday, March 13": the day that dated it)
    let dated = named.and_then(|k| nouns.get(inp.doc.toks.lw(k)).map(|&(d, m, _)| (d, m))).filter(|&(d, m)| m < n && fits(d));
    if dated.is_some() {
        return dated;
    }
    let opening = named.is_some_and(|k| (inp.doc.language.schedule_cue)(inp.doc.toks, k) == Some(crate::lang::ScheduleCue::Opens));
    // (the lead day is the DCT told in the past: "issued a warning on Tuesday")
    let past_lead = lead.is_some_and(|(d, m)| inp.doc.dct == Some(d) && inp.doc.tense(m).dir == Dir::Past);
    if opening {
        let first_start = inp
            .doc
            .links
            .iter()
            .filter(|l| l.kind == crate::grammar::LinkKind::Recurrence)
            .filter_map(|l| l.start.and_then(|s| resolved[s].day.map(|d| (d, s))))
            .min_by_key(|&(_, s)| found[s].start);
        // (or the article's own event, when it comes first: "will premiere on
        // March 10 ... a recap follows on Saturdays, starting March 15 ... On
        // premiere night")
        // (a lead day told in the past opens nothing ahead: the first day ahead does)
        let lead = if past_lead { upcoming } else { lead };
        let earliest = match (first_start.filter(|e| fits(e.0)), lead.filter(|e| fits(e.0) && e.1 < n)) {
            (Some(s), Some(l)) => Some(if l.0 < s.0 { l } else { s }),
            (s, l) => s.or(l),
        };
        if let Some((d, m)) = earliest {
            return Some((d, m));
        }
    }
    let aside = |m: usize| {
        let t = inp.doc.tense(m);
        t.firm && t.dir == Dir::Past && tense.dir != Dir::Past
    };
    // (a day written as a heading, a line of its own, carries through the
    // lines of its listing, which open with their times: "SATURDAY, JUNE 20 /
    // 13:45 ... / 19:00 ...", not into the prose after the listing)
    let listed = start == 0 || inp.doc.toks.toks[start].newline_before;
    let heading = |m: usize| listed && is_heading(inp.doc.toks, &found[m]);
    let current = event.filter(|&(_, m)| !names_event && (sent.paragraph(found[m].start) == sent.paragraph(start) || heading(m)) && !aside(m));
    // (a lead day told in the past, the DCT, leads a time told in the past
    // only: "called off Saturday's launch ... will try again on Monday, Nov. 4.
    // The window had opened at 6:02 a.m."; another takes the first day ahead,
    // "issued a warning on Tuesday ... covering Thursday, Oct. 24. The warning
    // runs from 6 a.m.")
    // (a past perfect right before it tells the past too: "Forecasters had met
    // at 5 a.m.", "The first alert had gone out at 6:02 a.m.")
    let perfect = (inp.doc.language.perfect_before)(inp.doc.toks, start);
    // (the day ahead told in the lead's own sentence: a day ahead told later
    // is one of the days the article goes on to, not its event)
    let beside_lead = |m: usize| lead.is_some_and(|(_, l)| sent.of(found[l].start) == sent.of(found[m].start));
    // (and a time told in the past is of that lead day, whatever day ahead its
    // paragraph has moved on to: "... covering Thursday, Oct. 24. The warning
    // starts at 6 a.m. Forecasters had met at 5 a.m.")
    // (firmly: a report's "said" leaves what it reports ahead)
    if past_lead && (perfect || tense.firm && tense.dir == Dir::Past) && !names_event {
        return lead;
    }
    let lead = if past_lead && tense.dir != Dir::Past && !perfect { ahead.filter(|&(_, m)| m < n && beside_lead(m)).or(lead) } else { lead };
    if let Some((d, m)) = current.or(lead).or(event).filter(|e| fits(e.0)) {
        return Some((d, m));
    }
    if let Some((d, m)) = event.filter(|e| fits(e.0)) {
        return Some((d, m));
    }
    // a headline speaks of the body's event
    if ev.in_headline(found[n].start) {
        return (n + 1..found.len()).find_map(|m| day_of(m).filter(|&d| fits(d) && !ev.in_headline(found[m].start)).map(|d| (d, m)));
    }
    None
}

/// Whether the day at found expression `m` has a clock time of its own
/// right after it that the time `n` before it does not share: one told with
/// a preposition of its own ("Sunday's at 5 a.m.", the elliptical clause of
/// another happening), or the same clock time on that other day ("at 5
/// p.m., up from Thursday's 5 p.m. quotes"). A different time right after
/// the possessive is the day's happening that `n` leads up to ("Gates open at
/// 5 p.m. for Friday's 7 p.m. kickoff").
fn owns_clock(inp: &Inputs<'_, '_>, resolved: &[Resolved], n: usize, m: usize) -> bool {
    let (found, toks) = (inp.doc.found, inp.doc.toks);
    found.get(m + 1).is_some_and(|c| {
        let gap = c.start.saturating_sub(found[m].end);
        // (with no comma between: ", and a 5 p.m. reopening" is another clause's;
        // nor a stop: "at 11 a.m. the next day. That is 10 a.m. in New York")
        let comma = (found[m].end..c.start).any(|k| toks.is(k, ",") || toks.is(k, ".") || toks.is(k, ";"));
        let same = resolved[m + 1].clock.is_some_and(|k| resolved[n].clock.is_some_and(|j| j.hour == k.hour && j.minute == k.minute));
        dayless(c) && c.start > found[m].end && !comma && (gap == OWN_CLOCK_GAP || same && gap < OWN_CLOCK_GAP)
    })
}

/// Whether a found expression is written as a heading: a line of its own
/// ("SATURDAY, JUNE 20" above a listing's lines).
fn is_heading(toks: &crate::lex::Tokens<'_>, f: &crate::grammar::Found) -> bool {
    (f.start == 0 || toks.toks[f.start].newline_before) && (f.end >= toks.len() || toks.toks[f.end].newline_before)
}

/// Whether expression `n` is a bare weekday written on a time that restates
/// one before it in its sentence, in another zone ("01:15 UTC, or 8:15 p.m.
/// EST on Monday"): the day of that reading, which the instant settles, and
/// no event day nor the day of the sentence's other times.
fn restated_on(inp: &Inputs<'_, '_>, sent: &Sentences, n: usize) -> bool {
    let found = inp.doc.found;
    n > 0 && found[n].expr.is_weekday() && found[n].start <= found[n - 1].end + 1 && restates_earlier(inp, sent, n - 1)
}

/// The word of a phrase that opens the sentence of token `start`, before its
/// first comma, and names the article's event day: "On premiere night, the
/// cast will host a watch party ..., starting at 10:30 p.m.", or is its
/// subject ("Opening night will be streamed ..."). The phrase sets the day
/// of its whole sentence, however far into it the time comes.
fn fronted_event_day(inp: &Inputs<'_, '_>, sent: &Sentences, start: usize) -> Option<usize> {
    let toks = inp.doc.toks;
    let here = sent.of(start);
    let first = (start.saturating_sub(SENTENCE_OPENING_REACH)..start).rev().take_while(|&k| sent.of(k) == here).last()?;
    let phrase = (first..(first + FRONTED_EVENT_WORDS).min(start)).take_while(|&k| toks.raw(k) != ",");
    let named = phrase.clone().find(|&k| (inp.doc.language.names_event_day)(toks, k))?;
    // (the phrase closes with its comma: "On opening night, doors open")
    // (or it is the sentence's subject: "Opening night will be streamed free
    // on the company's channel, with English commentary, at 8:30 p.m.")
    let closes = phrase.last().is_some_and(|k| toks.raw(k + 1) == ",");
    // (the phrase, or a noun it modifies, with its verb right after: "Opening
    // night will be streamed", "Launch day coverage starts"; not "Opening
    // night in Glasgow", "Race day for the 5K")
    let subject = named <= first + 1 && (inp.doc.language.subject_verb)(toks, named + 2);
    // (or a phrase after "on" with no comma, right before the clause's subject:
    // "On launch day the servers will be offline for final checks from 4 a.m.")
    let unmarked = named == first + 1 && toks.is(first, "on") && (inp.doc.language.opens_noun_phrase)(toks, named + 2);
    (closes || subject || unmarked).then_some(named)
}

/// What the article has been speaking of when a time without a day comes:
/// the event day under discussion, the article's own event, and the day
/// each event noun was dated with.
struct Discussion<'a> {
    event: Option<(Date, usize)>,
    lead: Option<(Date, usize)>,
    /// The first stretch's start on or after the DCT, else the first event
    /// day there (not told in the past).
    upcoming: Option<(Date, usize)>,
    /// The first event day on or after the DCT not told in the past, which
    /// leads in place of a lead day told in the past.
    ahead: Option<(Date, usize)>,
    /// Each event noun's day, the expression that dated it, and the word
    /// before the noun there ("sprint" of "the sprint race on Saturday"),
    /// empty for none.
    nouns: &'a rustc_hash::FxHashMap<&'a str, (Date, usize, &'a str)>,
}

/// Takes the day off a clock time whose day is not known: its value keeps
/// the month and day written on `day` ("April 25" without a year), if any.
fn unplace(day: &Expr, r: &mut Resolved) {
    let Some(c) = r.clock else { return };
    r.day = None;
    r.value = match day {
        Expr::Date { year: None, month: Some(m), day: Some(d), .. } => crate::value::clock_on_month_day(*m, *d, &c),
        _ => crate::value::clock(None, &c),
    };
}

/// Moves the small hours of an evening to the next calendar day: a clock
/// time before dawn that took the event day under discussion, after an
/// evening time on that same day in its paragraph ("Museums open at 7
/// p.m. on Saturday, Nov. 2. ... The last visitors are admitted at 1:30
/// a.m., half an hour before closing at 2 a.m."), is that night's. A day
/// written in its own clause, or a time of the day after, keeps its day.
fn small_hours(inp: &Inputs<'_, '_>, sent: &Sentences, resolved: &mut [Resolved], settled: &[Settled]) {
    let found = inp.doc.found;
    // the evening last told: (its paragraph, its day, the night's next day)
    let mut evening: Option<(u32, Date, Date)> = None;
    for n in 0..found.len() {
        let (Some(c), Some(d)) = (resolved[n].clock, resolved[n].day) else { continue };
        if matches!(found[n].expr, Expr::Set { .. }) {
            continue;
        }
        let para = sent.paragraph(found[n].start);
        let hour = c.hour;
        // (a midnight, 24:00, ends the evening's day and keeps its night going:
        // "the show ends at midnight, and the last bus leaves at 1 a.m.")
        if hour >= 24 {
            continue;
        }
        if (EVENING_FROM..24).contains(&hour) {
            evening = d.tomorrow().ok().map(|next| (para, d, next));
            continue;
        }
        // ("On Saturday, Aug. 14, the museum will stay open until 2 a.m.": the
        // night of that day, whatever came before)
        // (not a day written right after it, the time's own: "will run until 3 a.m.
        // on New Year's Day")
        let own_day = |d: usize| found[d].start > found[n].end && found[d].start <= found[n].end + 2;
        let open_late = hour < SMALL_HOURS_END
            && found[n].anchor.is_none()
            && settled[n].day_from.is_some_and(|d| !own_day(d))
            && (inp.doc.language.open_until)(inp.doc.toks, found[n].start);
        // ("add trains on opening night, with the last service leaving at 12:15am":
        // the small hours of a night its clause names, on an event day)
        // (told before it in its clause, however far; not the night something is
        // for, "tickets for opening night go on sale at 12:01 a.m.", nor against
        // "that day" told with the time)
        let (toks, start) = (inp.doc.toks, found[n].start);
        let clause = sent.clause(start);
        let of_night = hour < SMALL_HOURS_END
            && found[n].anchor.is_none()
            && settled[n].firm == firm::EVENT
            && !(inp.doc.language.day_told)(toks, found[n].end)
            && (start.saturating_sub(SENTENCE_REACH)..start).any(|k| sent.clause(k) == clause && (inp.doc.language.names_night)(toks, k));
        if open_late || of_night {
            if let Ok(next) = d.tomorrow() {
                redate(&found[n].expr, &mut resolved[n], next);
            }
            continue;
        }
        let Some((p, day, next)) = evening else { continue };
        let inherited = settled[n].firm == firm::EVENT && found[n].anchor.is_none();
        if p == para && d == day && hour < SMALL_HOURS_END && inherited {
            redate(&found[n].expr, &mut resolved[n], next);
        } else if hour >= SMALL_HOURS_END || p != para {
            evening = None;
        }
    }
    // the end of a span of clock times before its start, on the same day, is
    // the next morning's: "between 10 p.m. and 3 a.m.", "from 10 p.m. to 3
    // a.m. on Aug. 14" (a day of its own, or the evening above, set the end
    // apart already; a start at midnight begins its day, "between midnight
    // and 4:30 a.m."; times set off by a dash are one instant in two zones,
    // "opens at 7 a.m. — 6 a.m. in Coolangatta —", no span)
    for l in inp.doc.links.iter().filter(|l| l.kind == crate::grammar::LinkKind::Range) {
        let [a, b] = l.members[..] else { continue };
        let one_off = |m: usize| matches!(found[m].expr, Expr::Time { .. }) && resolved[m].clock.is_some();
        if !one_off(a) || !one_off(b) || resolved[a].day.is_none() || resolved[a].day != resolved[b].day {
            continue;
        }
        let aside = (found[a].end..found[b].start).any(|k| inp.doc.toks.is(k, "—"));
        let minute = |c: crate::expr::Clock| (c.hour as u32 % 24) * 60 + c.minute.unwrap_or(0) as u32;
        let (Some(ca), Some(cb)) = (resolved[a].clock, resolved[b].clock) else { continue };
        if minute(cb) < minute(ca) && cb.hour < 24 && !aside {
            if let Some(next) = resolved[b].day.and_then(|d| d.tomorrow().ok()) {
                redate(&found[b].expr, &mut resolved[b], next);
            }
        }
    }
}

/// Whether the found expression `m` stands in a clause about a place, set
/// off by commas, that closes before token `at` ("in Kabul, where many
/// Afghans mark Nowruz at home, 19:16"): what the clause says is no day of
/// what follows. (A clause about a person may be: "Royal, who voted Thursday
/// afternoon in Melle, acknowledged victory shortly before midnight.")
fn closed_relative(inp: &Inputs<'_, '_>, m: usize, at: usize) -> bool {
    let (t, f) = (inp.doc.toks, &inp.doc.found[m]);
    let stop = |j: usize| matches!(t.lw(j), "." | ";" | "!" | "?");
    let open = (f.start.saturating_sub(RELATIVE_CLAUSE_REACH)..f.start).rev().take_while(|&j| !stop(j)).find(|&j| t.lw(j) == ",");
    let opens = open.is_some_and(|o| (inp.doc.language.place_clause)(t, o));
    opens && (f.end..at.min(f.end + RELATIVE_CLAUSE_REACH)).take_while(|&j| !stop(j)).any(|j| t.lw(j) == ",")
}
