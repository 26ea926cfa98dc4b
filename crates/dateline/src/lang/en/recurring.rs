//! The linking passes of recurrences: what joins a schedule's days and clock
//! times when they are not written side by side, and the start and end its
//! own sentence states ("every Saturday from 23:00 to 06:00, from 4 April
//! until 25 April", "will sit Monday to Thursday at 10:30 a.m.").

use super::links::{dayless_time, gap_is, is_set, month_end, set_clock_of, set_of, this_or_next_period};
use super::words::*;
use crate::expr::{Amount, Dir, Expr, Unit};
use crate::grammar::{Found, Link, LinkKind};
use crate::lex::Tokens;
use crate::tuning::{
    ASIDE_TOKENS, CLOSING_WORDS, EACH_REACH, END_NOUN_TOKENS, EQUIVALENT_CLAUSE_TOKENS, FIRST_LAST_NOUN, FRONTED_REACH, FRONTED_START_WORDS,
    JOURNEY_WORDS, LISTING_HEADING, MONTH_BOUND_GAP, MOVE_REACH, PARALLEL_NOUN_REACH, RECURRENCE_END_REACH, RELATIVE_CLAUSE_TOKENS, RUN_NOUN_WORDS,
    START_VERB_REACH, UNTIL_CLAUSE_REACH,
};

/// A span of clock times written before a recurrence is its daily window:
/// "between 10 p.m. and 6 a.m. every night", "from 10 p.m. to 6 a.m. daily".
/// The times become members of the recurrence (the end as its end), as they
/// are when written after it ("every night from 10 p.m. to 6 a.m.").
pub(super) fn windows_before_recurrences(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    let mut i = 0;
    while i < links.len() {
        let l = &links[i];
        i += 1;
        if !(l.kind == LinkKind::Range && l.members.len() == 2) {
            continue;
        }
        let (a, b) = (l.members[0], l.members[1]);
        let Some(set) = out.get(b + 1) else { continue };
        let daily = match &set.expr {
            Expr::Set { each, freq: None, .. } => matches!(
                **each,
                Expr::Duration { amount: Amount::N(1), unit: Unit::Day }
                    | Expr::PartOfDay { .. }
                    | Expr::Weekday { .. }
                    | Expr::Workdays
                    | Expr::DaysBut { .. }
                    | Expr::Weekend { .. }
            ),
            _ => false,
        };
        // ("from noon to 1 a.m. on Fridays and Saturdays": days of the week after "on")
        // (not a time moved from one hour to another: "moved the games from 7 p.m.
        // to 8 p.m. on Saturdays")
        let moved = (out[a].start.saturating_sub(MOVE_REACH)..out[a].start).any(|k| any(t, k, MOVING));
        // (nights of days dated right after them are those nights: "on Friday
        // and Saturday nights, Nov. 15 and 16")
        let dated = || {
            let list = links.iter().find(|k| k.kind == LinkKind::Recurrence && k.members.contains(&(b + 1)));
            let last = list.and_then(|k| k.members.iter().max().copied()).unwrap_or(b + 1).max(b + 1);
            out.get(last + 1).is_some_and(|d| d.expr.names_day() && gap_is(t, out[last].end, d.start, &[","]))
        };
        let nights = matches!(&set.expr, Expr::Set { each, .. } if matches!(**each, Expr::PartOfDay { .. }));
        // (nor nights a report of the past tells: "The line was closed from 10
        // p.m. to 4 a.m. on Wednesday and Thursday nights")
        let told_past = || {
            let reach = out[a].start.saturating_sub(MOVE_REACH);
            let lo = (reach..out[a].start).rev().find(|&k| full_stop(t, k)).map_or(reach, |k| k + 1);
            super::tense::tells_done(t, lo, out[a].start)
        };
        let plural_days = !moved && matches!(&set.expr, Expr::Set { each, .. } if weekly_days(each)) && !(nights && (dated() || told_past()));
        // (not across a paragraph: "... from 10 a.m. to 4 p.m.\n\nEvery Thursday")
        let new_line = paragraph_before(t, set.start);
        if !(daily
            && !new_line
            && dayless_time(&out[a].expr)
            && dayless_time(&out[b].expr)
            && (gap_is(t, out[b].end, set.start, &[])
                || gap_is(t, out[b].end, set.start, &[","])
                // (not "On" opening the next sentence after a closing "p.m.": "from
                // 10 a.m. to 2 p.m. On Fridays and Saturdays, the stands ...")
                || plural_days && gap_is(t, out[b].end, set.start, &["on"]) && !cap(t, set.start - 1)))
        {
            continue;
        }
        for m in [a, b] {
            out[m].expr = set_of(out[m].expr.clone());
            out[m].anchor = None;
        }
        // (days listed already are one recurrence, which the window joins:
        // "on Fridays and Saturdays")
        let days = links.iter().position(|k| k.kind == LinkKind::Recurrence && k.members.contains(&(b + 1)) && k.ends.is_none());
        if let Some(d) = days.filter(|&d| links[d].members.iter().all(|&m| !set_clock_of(&out[m].expr))) {
            links[d].members.push(a);
            links[d].ends = Some(b);
            i -= 1;
            links.remove(i);
            continue;
        }
        links[i - 1] =
            Link { kind: LinkKind::Recurrence, members: vec![b + 1, a], until: None, lasting: None, start: None, ends: Some(b), through: false };
    }
}

/// Days of the week a window after "on" recurs on: "on Fridays", "on
/// weekdays", and their nights or mornings ("on Friday nights").
fn weekly_days(each: &Expr) -> bool {
    match each {
        Expr::Weekday { .. } | Expr::Workdays | Expr::Weekend { .. } => true,
        Expr::PartOfDay { date: Some(d), .. } => weekly_days(d),
        _ => false,
    }
}

/// A clock time written after the stretch of days a recurrence runs over is
/// its time: "nightly from Thursday, Nov. 13, through Saturday, Nov. 15, at
/// 7 p.m. HST". The time becomes a member of the recurrence (the stretch
/// bounds it, as when the time is written first). So is a window of clock
/// times after a comma ("every day from Oct. 28 to Nov. 3, from 8:00 to
/// 18:00"), and the first and last of each day ("daily from Thursday, Oct.
/// 31, through Saturday, Nov. 2, with the first bus at 6:30 and the last at
/// 22:00").
pub(super) fn clocks_after_stretches(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    let ranges: Vec<(usize, usize)> =
        links.iter().filter(|l| l.kind == LinkKind::Range && l.members.len() == 2).map(|l| (l.members[0], l.members[1])).collect();
    for (a, b) in ranges {
        let (Some(c), Some(i)) = (Some(b + 1).filter(|&c| c < out.len()), a.checked_sub(1)) else { continue };
        let Expr::Set { each, .. } = &out[i].expr else { continue };
        let timed = |e: &Expr| matches!(e, Expr::Set { each, .. } if matches!(**each, Expr::Time { .. }));
        let link = links.iter().position(|l| l.kind == LinkKind::Recurrence && l.members.contains(&i));
        let has_clock = timed(&out[i].expr) || link.is_some_and(|l| links[l].members.iter().any(|&m| timed(&out[m].expr)));
        if has_clock || matches!(**each, Expr::Time { .. }) || !any(t, out[i].end, &["from", "between"]) || out[a].start != out[i].end + 1 {
            continue;
        }
        let gap = |w: &[&str]| gap_is(t, out[b].end, out[c].start, w);
        if !matches!(out[c].expr, Expr::Time { date: None, .. }) {
            continue;
        }
        // (", starting at 7pm", "beginning at 8 p.m.")
        let starting = ["starting", "beginning"].iter().any(|w| gap(&[",", w, "at"]) || gap(&[w, "at"]));
        if gap(&[",", "at"]) || gap(&["at"]) || starting {
            take_clock(out, links, link, i, c);
            continue;
        }
        // ("every day from Oct. 28 to Nov. 3, from 8:00 to 18:00": a window of
        // clock times, each day from its start to its end)
        let window = (gap(&[",", "from"]) || gap(&["from"]))
            .then(|| links.iter().position(|l| l.kind == LinkKind::Range && l.members == [c, c + 1]))
            .flatten();
        if let Some(w) = window {
            links.remove(w);
            let link = link.map(|l| if l > w { l - 1 } else { l });
            take_clock(out, links, link, i, c);
            recur(out, c + 1);
            let l = link.unwrap_or(links.len() - 1);
            links[l].ends = Some(c + 1);
            continue;
        }
        // ("daily from Thursday, Oct. 31, through Saturday, Nov. 2, with the first
        // bus at 6:30 and the last at 22:00": the first and last of each day)
        let w = if is(t, out[b].end, ",") { out[b].end + 1 } else { out[b].end };
        let first_last = is(t, w, "with")
            && is(t, w + 1, "the")
            && is(t, w + 2, "first")
            && out[c].start <= w + 3 + FIRST_LAST_NOUN
            && is(t, out[c].start - 1, "at");
        if first_last && c + 1 < out.len() && matches!(out[c + 1].expr, Expr::Time { date: None, .. }) {
            let k = out[c].end;
            // ("and the last at 22:00", "and the last one at")
            if (k..out[c + 1].start).any(|j| is(t, j, "last")) && out[c + 1].start <= k + 3 + FIRST_LAST_NOUN {
                take_clock(out, links, link, i, c);
                let l = link.unwrap_or(links.len() - 1);
                recur(out, c + 1);
                links[l].members.push(c + 1);
            }
        }
    }
}

/// A window of clock times set off by a comma after days that recur is
/// their window: "continues Thursday to Sunday nights, from 4 p.m. to 10:30
/// p.m." (each night from its start to its end; a span of bare weekdays is
/// read by [`weekday_spans_at_a_time`]).
pub(super) fn windows_after_days(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    for i in 0..out.len().saturating_sub(2) {
        let Expr::Set { each, .. } = &out[i].expr else { continue };
        let c = i + 1;
        if !(of_days(each) || matches!(**each, Expr::PartOfDay { .. })) || !dayless_time(&out[c].expr) || is_set(&out[c].expr) {
            continue;
        }
        let gap = |w: &[&str]| gap_is(t, out[i].end, out[c].start, w);
        if !(gap(&[",", "from"]) || gap(&[",", "between"])) {
            continue;
        }
        // (the end has no day of its own, nor the window a date after it: "from
        // 10 p.m. to 5 a.m. Monday", "from 9 a.m. to noon on Oct. 5 and Oct. 12")
        let dated = |k: usize| out[k].anchor.is_some() || out.get(k + 1).is_some_and(|n| n.start <= out[k].end + 1 && n.expr.names_day());
        if !dayless_time(&out[c + 1].expr) || dated(c) || dated(c + 1) {
            continue;
        }
        let Some(w) = links.iter().position(|r| r.kind == LinkKind::Range && r.members == [c, c + 1]) else { continue };
        // (the last days of a recurrence with no clock time yet: "on Saturdays",
        // "Thursday to Sunday nights")
        let link = links.iter().position(|l| l.kind == LinkKind::Recurrence && l.members.contains(&i));
        if link.is_some_and(|l| {
            let l = &links[l];
            l.ends.is_some() || l.members.iter().any(|&m| set_clock_of(&out[m].expr) || out[m].start > out[i].start)
        }) {
            continue;
        }
        links[w].members.clear();
        take_clock(out, links, link, i, c);
        recur(out, c + 1);
        let l = link.unwrap_or(links.len() - 1);
        links[l].ends = Some(c + 1);
    }
    links.retain(|l| !(l.kind == LinkKind::Range && l.members.is_empty()));
}

/// Nouns a frequency measures rather than a happening it repeats ("the
/// daily limit was reached at 6 p.m.", "the daily high").
const MEASURES: &[&str] = &[
    "limit",
    "cap",
    "quota",
    "total",
    "average",
    "record",
    "high",
    "low",
    "maximum",
    "minimum",
    "rate",
    "allowance",
    "dose",
    "count",
    "peak",
    "toll",
];

/// The clock time of happenings a weekday before their plural noun names:
/// "Sunday performances, from March 29, begin at 3 p.m.", "Its Thursday
/// concerts start at 7:30 p.m." The weekday opens its clause (or follows a
/// determiner); the clock time follows in the clause, after "at" or "from",
/// past at most a start set off by commas, with nothing of the past between.
pub(super) fn weekday_noun_clocks(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    for i in 0..out.len() {
        let Expr::Weekday { dow, dir: Dir::Infer } = out[i].expr else { continue };
        let (s, n) = (out[i].start, out[i].end);
        if n != s + 1 || !any(t, n, super::cues::OCCURRENCES) || links.iter().any(|l| l.members.contains(&i)) {
            continue;
        }
        // (or after a possessive: "The church's Saturday services")
        let owned = s > 1 && any(t, s - 1, &["s"]) && any(t, s - 2, &["'", "’"]);
        // (or after "with", told with another schedule: "Tuesday to Saturday at
        // 7:30 p.m., with Sunday matinees at 2 p.m.")
        if !(opens_clause(t, s) || owned || s > 0 && any(t, s - 1, &["the", "its", "their", "his", "her", "our", "with"])) {
            continue;
        }
        // (past a start set off by commas: ", from March 29,")
        let mut g = i + 1;
        if out.get(g).is_some_and(|d| d.start >= 2 && is(t, d.start - 2, ",") && any(t, d.start - 1, START_CUES) && is(t, d.end, ",")) {
            g += 1;
        }
        let clock = |c: &Found| c.end <= n + FRONTED_REACH && dayless_time(&c.expr) && !is_set(&c.expr) && any(t, c.start - 1, &["at", "from"]);
        let Some(c) = out.get(g).filter(|c| clock(c)) else { continue };
        if (n..c.start).any(|k| full_stop(t, k) || super::tense::past_form(t, k)) {
            continue;
        }
        out[i].expr = set_of(Expr::Weekday { dow, dir: Dir::Infer });
        out[i].anchor = None;
        take_clock(out, links, None, i, g);
    }
}

/// Words that are no noun of a happening after a name ("a daily TGV Lyria at").
const FUNCTION_WORDS: &[&str] = &["at", "from", "to", "in", "on", "and", "or", "with", "for", "via", "of", "will", "is", "runs", "leaves"];

/// How many tokens a route's name may take between "daily" and its noun
/// ("its daily Lisbon–Funchal shuttle": two names and a dash).
const ROUTE_NAME_TOKENS: usize = 4;

/// The clock times of a happening a frequency describes: "LATAM's daily
/// flight from Guayaquil will leave at 9:40 a.m. and land at Baltra at 10:35
/// a.m.", "The nightly show starts at 8 p.m.", "a weekday peak train,
/// leaving Waikanae at 6:32 a.m." The frequency stands between a determiner
/// or possessive and its noun, or opens its clause ("Weekday trains will
/// leave Central at 6:05 a.m."); the times follow in its clause, after "at",
/// with no day of their own, or as a window after "from" ("the weekday
/// breakfast show from 6 a.m. to 9 a.m."), whose end ends each occurrence.
pub(super) fn attributive_clocks(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    for i in 0..out.len().saturating_sub(1) {
        let Expr::Set { each, .. } = &out[i].expr else { continue };
        // (or the working days, or the weekend: "a weekday peak train")
        let daily = matches!(**each, Expr::Duration { amount: Amount::N(1), unit: Unit::Day | Unit::Week })
            || matches!(**each, Expr::PartOfDay { .. } | Expr::Workdays | Expr::Weekend { .. });
        let (s, e) = (out[i].start, out[i].end);
        // (an adjective or two may come between: "The early daily flight", "a
        // second daily service")
        let det = |k: usize| any(t, k, &["the", "a", "its", "their", "our", "his", "her"]) || k > 1 && is(t, k, "s") && any(t, k - 1, &["'", "’"]);
        // (or it opens its clause: "Weekday trains will leave Central at 6:05 a.m.")
        let determined = (s.saturating_sub(3)..s).rev().take_while(|&k| word(t, k)).any(|k| det(k) && (k + 1..s).all(|j| !cap(t, j) && !det(j)))
            || opens_clause(t, s);
        // (of a measure, "the daily limit", "Britain's daily death toll", none)
        // (a name of its route may come first: "its daily Lisbon–Funchal shuttle")
        let name = |k: usize| word(t, k) && cap(t, k) || any(t, k, &["-", "–"]) && k > e;
        // (a noun after it: "The line runs a daily TGV Lyria at 07:34" has none)
        let e2 = (e..(e + ROUTE_NAME_TOKENS).min(t.len())).find(|&k| !name(k)).filter(|&k| k == e || !any(t, k, FUNCTION_WORDS)).unwrap_or(e);
        let noun = (e2..(e2 + 3).min(t.len())).take_while(|&k| word(t, k) && !cap(t, k));
        // (a measure that only modifies the noun after it is none: "a daily
        // peak train, leaving at 6:32 a.m.", "the daily peak service from")
        let modifies = |k: usize| {
            word(t, k + 1)
                && !cap(t, k + 1)
                && !any(t, k + 1, FUNCTION_WORDS)
                && !super::tense::past_form(t, k + 1)
                && (is(t, k + 2, ",") || any(t, k + 2, FUNCTION_WORDS))
        };
        if !(daily && out[i].end == s + 1 && determined && word(t, e2) && !cap(t, e2)) || noun.clone().any(|k| any(t, k, MEASURES) && !modifies(k)) {
            continue;
        }
        // (nor of a report of one day: "the daily train from Chicago derailed at
        // 7:40 a.m.", "Yesterday the daily ferry sank at 6:20 a.m.")
        let opening = (s.saturating_sub(FRONTED_REACH)..s).rev().find(|&k| full_stop(t, k)).map_or(s.saturating_sub(FRONTED_REACH), |k| k + 1);
        // (the bounds of its run may stand before it: "From Sept. 27 to Oct. 3,
        // the daily flight from Sydney will leave at 2:05 p.m.")
        let bound_of_run = |f: &Found| {
            (matches!(f.expr, Expr::Date { .. }) || f.expr.is_weekday())
                && f.start > 0
                && any(t, f.start - 1, &["from", "to", "until", "through", "starting", "beginning"])
        };
        let dated_before = out[..i].iter().rev().take_while(|f| f.start >= opening).any(|f| !is_set(&f.expr) && !bound_of_run(f));
        let link = links.iter().position(|l| l.kind == LinkKind::Recurrence && l.members.contains(&i));
        if link.is_some_and(|l| links[l].members.iter().any(|&m| set_clock_of(&out[m].expr))) {
            continue;
        }
        // the clock times of its clause, each after "at", none with a day of its own
        // (the clause goes on past a comma with a participle: "a daily flight from
        // Oct. 8 to Oct. 18, leaving at 9:50 a.m. and landing ... at 10:50 a.m.")
        let participle = |k: usize| word(t, k) && !cap(t, k) && t.lw(k).len() > 4 && t.lw(k).ends_with("ing");
        // (and past a relative clause on its noun, to the main clause's end:
        // "its daily Lisbon–Funchal shuttle, which will leave at 6:45 a.m.", "The
        // early daily flight from Santiago, which leaves the capital at 7:05
        // a.m., will land at 11:30 a.m.")
        // (on its noun, before any time: "..., which is 8 p.m. on Kiritimati"
        // after the time restates it)
        let relative = (e..(e + FRONTED_REACH).min(t.len()))
            .find(|&k| is(t, k, ",") || full_stop(t, k))
            .filter(|&k| is(t, k, ",") && any(t, k + 1, &["which", "that"]) && out.get(i + 1).is_none_or(|n| n.start > k));
        let closes = |k: usize| relative.is_some_and(|r| k > r) && word(t, k + 1) && !cap(t, k + 1);
        let reach = if relative.is_some() { 2 * FRONTED_REACH } else { FRONTED_REACH };
        let stop = (e..(e + reach).min(t.len()))
            .find(|&k| is(t, k, ",") && !participle(k + 1) && Some(k) != relative && !closes(k) || full_stop(t, k))
            .unwrap_or(e + reach);
        if dated_before || (e..stop.min(t.len())).any(|k| super::tense::past_form(t, k) || any(t, k, &["was", "were", "had"])) {
            continue;
        }
        let mut times = Vec::new();
        // (or its window, after "from": "the weekday breakfast show from 6 a.m.
        // to 9 a.m.", the end of which ends each occurrence)
        let mut window_end = None;
        for g in i + 1..out.len() {
            if out[g].start >= stop {
                break;
            }
            if times.is_empty() && window_end.is_none() && is(t, out[g].start - 1, "from") && dayless_time(&out[g].expr) {
                let end = links.iter().find(|l| l.kind == LinkKind::Range && l.members == [g, g + 1]).map(|l| l.members[1]);
                if let Some(b) = end.filter(|&b| {
                    dayless_time(&out[b].expr)
                        && out[b].end <= stop
                        && !out.get(b + 1).is_some_and(|n| n.start <= out[b].end + 1 && n.expr.names_day())
                }) {
                    times.push(g);
                    window_end = Some(b);
                    break;
                }
            }
            // (the bounds of its run may stand between: "from Oct. 8 to Oct. 18";
            // and the time it replaces, "at 6:45 a.m. instead of 7:10 a.m.")
            let replaced = out[g].start >= 2 && is(t, out[g].start - 1, "of") && is(t, out[g].start - 2, "instead");
            if bound_of_run(&out[g]) || replaced {
                continue;
            }
            // (a day right after it is its own, not a bound of the run: "at 11:30
            // a.m. from Sunday")
            let own_day = |n: &Found| n.start == out[g].end || n.start == out[g].end + 1 && !bound_of_run(n);
            let dayed = out[g].anchor.is_some() || is(t, out[g].end, "on") || out.get(g + 1).is_some_and(|n| own_day(n) && n.expr.names_day());
            if !dayless_time(&out[g].expr) || is_set(&out[g].expr) || !is(t, out[g].start - 1, "at") || dayed {
                times.clear();
                break;
            }
            times.push(g);
        }
        let Some((&first, rest)) = times.split_first() else { continue };
        take_clock(out, links, link, i, first);
        let l = link.unwrap_or(links.len() - 1);
        for &g in rest {
            recur(out, g);
            links[l].members.push(g);
        }
        if let Some(b) = window_end {
            recur(out, b);
            links[l].ends = Some(b);
            links.retain(|k| !(k.kind == LinkKind::Range && k.members == [first, b]));
        }
    }
}

/// A span of two weekdays at a clock time is a schedule: "will air Monday
/// through Friday at 9:30 p.m.", "would sit Monday to Thursday at 10:30
/// a.m." (one stretch of days has no time of day; a time on each of them
/// recurs). The days and the time become a recurrence over the span.
pub(super) fn weekday_spans_at_a_time(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    // the windows of clock times ("from 9 a.m. to 4:30 p.m."), as (end,
    // start) sorted by their end, which a time written before days is looked
    // up by
    let mut windows: Vec<(usize, usize)> = links
        .iter()
        .filter(|l| l.kind == LinkKind::Range && l.members.len() == 2 && matches!(out[l.members[0]].expr, Expr::Time { date: None, .. }))
        .map(|l| (l.members[1], l.members[0]))
        .collect();
    windows.sort_unstable();
    let window_of = |c: usize| windows.binary_search_by_key(&c, |w| w.0).ok().map(|i| windows[i].1);
    // (and as (start, end) by their start)
    let mut starts: Vec<(usize, usize)> = windows.iter().map(|&(e, s)| (s, e)).collect();
    starts.sort_unstable();
    let window_from = |c: usize| starts.binary_search_by_key(&c, |w| w.0).ok().map(|i| starts[i].1);
    let mut spent = Vec::new();
    for l in links.iter_mut().filter(|l| l.kind == LinkKind::Range && l.members.len() == 2) {
        let (a, b) = (l.members[0], l.members[1]);
        let bare = |e: &Expr| matches!(e, Expr::Weekday { dir: Dir::Infer, .. });
        if !bare(&out[a].expr) || !bare(&out[b].expr) {
            continue;
        }
        // ("leave at 11:45 a.m. from Monday to Saturday": the time written first)
        // (not a move: "delayed the vote at 10 a.m. from Monday to Friday")
        let moved = |c: usize| (out[c].start.saturating_sub(MOVE_REACH)..out[c].start).any(|k| any(t, k, MOVING));
        // ("open from 9 a.m. to 3 p.m., Monday to Friday": after a window's end,
        // a comma)
        let window_end = |c: usize| window_of(c).is_some();
        let before = a.checked_sub(1).filter(|&c| {
            matches!(out[c].expr, Expr::Time { date: None, .. })
                && !moved(c)
                && (gap_is(t, out[c].end, out[a].start, &["from"])
                    || gap_is(t, out[c].end, out[a].start, &["on"])
                    // ("leave at 9 a.m. Monday to Friday", "open from 10 a.m. to 7 p.m.
                    // Sunday through Thursday")
                    || gap_is(t, out[c].end, out[a].start, &[])
                    || window_end(c) && gap_is(t, out[c].end, out[a].start, &[","]))
        });
        if let Some(c) = before {
            // (the end of a window written first: "open from noon to midnight from
            // Sunday to Thursday", each day from its start to its end)
            let window = window_of(c);
            if window.is_some_and(moved) {
                continue;
            }
            let (clock, ends) = match window {
                Some(w) => (w, Some(c)),
                None => (c, None),
            };
            for m in [a, b, c].into_iter().chain(window) {
                out[m].expr = set_of(out[m].expr.clone());
                out[m].anchor = None;
            }
            if window.is_some() {
                spent.push(clock);
            }
            *l = Link { kind: LinkKind::Recurrence, members: vec![a, b, clock], until: None, lasting: None, start: None, ends, through: true };
            continue;
        }
        let c = b + 1;
        if c >= out.len() || !matches!(out[c].expr, Expr::Time { date: None, .. }) {
            continue;
        }
        let gap = |w: &[&str]| gap_is(t, out[b].end, out[c].start, w);
        // ("sit Monday through Thursday from 9 a.m. to 4:30 p.m.": a window each day)
        // (or set off by a comma: "open Tuesday to Sunday, 10 a.m. to 7 p.m."; not
        // after "from", one stretch of days: "The festival runs from Friday to
        // Sunday, 10 a.m. to 7 p.m.")
        let stretch = out[a].start > 0 && any(t, out[a].start - 1, &["from", "between"]);
        let window = window_from(c).filter(|_| gap(&["from"]) || gap(&["between"]) || !stretch && (gap(&[","]) || gap(&[",", "from"])));
        // (not a move of one day to another: "The vote was moved from Tuesday to
        // Sunday, 10 a.m. to 7 p.m.")
        // (or an opening time alone, of hours kept: "dinner Tuesday through Saturday
        // from 5:30 p.m."; not of a happening told ahead, "Talks will be held
        // Monday through Wednesday from 9 a.m.", "Voting takes place ...")
        let ahead = (out[a].start.saturating_sub(START_VERB_REACH)..out[a].start).any(|k| any(t, k, ONE_OFF_CUES));
        let opening = window.is_none() && gap(&["from"]) && !stretch && !ahead;
        if !(gap(&["at"]) || gap(&[",", "at"]) || window.is_some() || opening) || moved(a) {
            continue;
        }
        for m in [a, b, c].into_iter().chain(window) {
            out[m].expr = set_of(out[m].expr.clone());
            out[m].anchor = None;
        }
        if window.is_some() {
            spent.push(c);
        }
        *l = Link { kind: LinkKind::Recurrence, members: vec![a, b, c], until: None, lasting: None, start: None, ends: window, through: true };
    }
    // (the window is the recurrence's now)
    links.retain(|l| !(l.kind == LinkKind::Range && spent.contains(&l.members[0])));
}

/// The clock times of a listing under a heading that names a span of
/// weekdays: "SHOW TIMINGS (Tuesday to Sunday; closed on Mondays)" and then
/// lines "12 noon: Journey to the Red Planet", "3 pm and 4.30 pm: ...".
/// Each line that opens with clock times and a colon recurs on those days,
/// up to the first line that does not.
pub(super) fn listed_clocks(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    let line_start = |k: usize| k == 0 || t.toks[k].newline_before;
    let bare = |e: &Expr| matches!(e, Expr::Weekday { dir: Dir::Infer, .. });
    // (the spans first: the pass below replaces links)
    let spans: Vec<(usize, usize)> = links
        .iter()
        .filter(|l| l.kind == LinkKind::Range && l.members.len() == 2)
        .map(|l| (l.members[0], l.members[1]))
        .filter(|&(a, b)| bare(&out[a].expr) && bare(&out[b].expr))
        .collect();
    for (a, b) in spans {
        // (the heading's line holds no clock time, and the next line opens with one)
        let mut c = b + 1;
        while c < out.len() && c <= b + LISTING_HEADING && !line_start(out[c].start) && !(out[c].start..out[c].end).any(line_start) {
            if dayless_time(&out[c].expr) {
                break;
            }
            c += 1;
        }
        let mut clocks = Vec::new();
        while c < out.len() && line_start(out[c].start) && dayless_time(&out[c].expr) && !is_set(&out[c].expr) {
            let list = clock_list(t, out, c);
            let last = list[list.len() - 1];
            if !is(t, out[last].end, ":") {
                break;
            }
            c = last + 1;
            clocks.extend(list);
        }
        if clocks.is_empty() {
            continue;
        }
        for &m in [a, b].iter().chain(&clocks) {
            out[m].expr = set_of(out[m].expr.clone());
            out[m].anchor = None;
        }
        links.retain(|l| !(l.kind == LinkKind::List && l.members.iter().any(|m| clocks.contains(m))));
        if let Some(l) = links.iter_mut().find(|l| l.kind == LinkKind::Range && l.members == [a, b]) {
            *l = Link {
                kind: LinkKind::Recurrence,
                members: [a, b].into_iter().chain(clocks).collect(),
                until: None,
                lasting: None,
                start: None,
                ends: None,
                through: true,
            };
        }
    }
}

/// Words after a list of days that leave them out of a schedule or add them
/// to it ("Mondays excepted", "Sundays closed", "weekends included").
const EXCEPTING: &[&str] = &["excepted", "except", "excluded", "excluding", "closed", "off", "included", "including", "too", "also"];

/// Verbs that move a time from one day to another ("delayed the vote at 10
/// a.m. from Monday to Friday"): the days after them are no schedule's.
pub(super) const MOVING: &[&str] = &["delayed", "postponed", "moved", "pushed", "shifted", "rescheduled", "brought", "switched"];

/// Words before a noun that make the date after it an occurrence of the
/// recurrence: "with the next release on Feb. 13", "the first show on Oct. 3".
const OCCURRENCE_CUES: &[&str] = &["next", "first"];

/// Distributive words that refer back to each occurrence of a recurrence:
/// "with each show starting at 7:45 p.m.", "each running from 12 a.m.".
const EACH_CUES: &[&str] = &["each"];

/// Participles that give the clock time of each occurrence of a journey
/// right after its recurrence: "every day, leaving Dublin at 11:05".
const DEPARTING: &[&str] = &["leaving", "departing", "sailing", "arriving"];

/// Words that, after a comma, tell how long each occurrence of a
/// recurrence lasts: participles and "open" ("every other Saturday ...,
/// running from 10 a.m. to 2 p.m.", "..., open from 8 a.m. to noon").
const RUNNING: &[&str] = &["running", "lasting", "open"];

/// Words that open a main clause's verb phrase after the comma that closes
/// a relative clause ("..., will continue through Labour Day", "..., runs
/// until May 30").
const MAIN_VERBS: &[&str] = &["will", "continues", "runs", "lasts", "remains", "stays"];

/// Words that open the start of a recurrence after a comma (", starting July
/// 23", ", beginning Monday", ", from Nov. 4", ", as of June 1").
const START_CUES: &[&str] = &["starting", "beginning", "from", "since", "as", "effective"];

/// Words before a span of weekdays that tell a happening ahead on those days,
/// not hours kept every week ("will be held", "takes place").
const ONE_OFF_CUES: &[&str] = &["will", "would", "held", "place", "scheduled", "planned"];

/// Words before the end of a recurrence: "until Oct. 24", "through March".
const UNTIL_CUES: &[&str] = &["until", "through", "till", "thru"];

/// Adverbs that may stand between a comma and the start's cue (", also
/// starting Wednesday", ", again from Monday").
const BEFORE_START_CUE: &[&str] = &["also", "again", "first", "only", "now"];

/// Verbs whose date starts the recurrence of their sentence: "opens on
/// Friday and runs daily", "premieres Saturday, Oct. 3, and then airs every
/// Saturday".
const START_VERBS: &[&str] = &[
    "starting",
    "beginning",
    "opens",
    "opening",
    "open",
    "starts",
    "begins",
    "premieres",
    "premiere",
    "debuts",
    "debut",
    "launches",
    "resumes",
    "resume",
    "resuming",
    "returns",
    "reopens",
    "restarts",
];

/// Verbs (not nouns: "the premiere aired on April 9") that may stand a few
/// words before the "on" of the date they start a recurrence on ("opens to
/// the public on Sunday, April 5").
const OPENING_VERBS: &[&str] = &[
    "opens",
    "starts",
    "begins",
    "premieres",
    "debuts",
    "launches",
    "resumes",
    "resume",
    "returns",
    "reopens",
    "reopen",
    "begin",
    "start",
    "open",
    "launch",
    // ("She will return on Saturday, April 13, with a program airing every
    // Saturday at noon")
    "return",
    "premiere",
    "debut",
];

/// Words between "and" and an opening verb that are not a subject of their
/// own (the recurrence's subject goes on: "and will resume on April 9", "and
/// then reopens on Monday", "and it reopens"): modals, adverbs, pronouns.
const NOT_SUBJECTS: &[&str] = &[
    "will",
    "would",
    "shall",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "ll",
    "to",
    "then",
    "also",
    "again",
    "later",
    "soon",
    "finally",
    "officially",
    "only",
    "it",
    "they",
    "he",
    "she",
    "we",
];

/// Nouns of the service a schedule tells, under whatever name it was told
/// ("and service begins on June 1", "and sailings resume on Monday").
const SERVICES: &[&str] = &[
    "service",
    "services",
    "sailings",
    "crossings",
    "departures",
    "screenings",
    "shows",
    "performances",
    "classes",
    "sessions",
    "tours",
    "walks",
    "trains",
    "flights",
    "buses",
    "ferries",
    "operations",
    "broadcasts",
    "episodes",
    "games",
    "matches",
];

/// Nouns of signing up for what a schedule offers, whose opening starts
/// nothing of it ("and bookings open on Monday", "ticket sales begin on
/// Friday").
const SIGN_UPS: &[&str] = &[
    "bookings",
    "booking",
    "registration",
    "registrations",
    "reservations",
    "tickets",
    "sales",
    "applications",
    "entries",
    "enrollment",
    "enrolment",
    "preorders",
    "pre-orders",
    "signups",
    "sign-ups",
    "nominations",
    "submissions",
];

/// The weekdays written after a daily schedule's clock times, set off by a
/// comma, narrow it to those days: "nightly from 9 p.m. to 5 a.m., Sunday
/// through Thursday nights", "daily at 6 p.m., Mondays to Fridays": the
/// days join the schedule, which recurs on them alone.
pub(super) fn days_after_daily_clocks(t: &Tokens<'_>, out: &[Found], links: &mut Vec<Link>) {
    let daily = |e: &Expr| {
        matches!(e, Expr::Set { each, freq: None, .. }
            if matches!(**each, Expr::Duration { amount: Amount::N(1), unit: Unit::Day } | Expr::PartOfDay { date: None, .. }))
    };
    let weekdays = |e: &Expr| {
        matches!(e, Expr::Set { each, freq: None, .. }
            if matches!(&**each, Expr::Weekday { .. } | Expr::Workdays | Expr::Weekend { .. })
                || matches!(&**each, Expr::PartOfDay { date: Some(d), .. } if matches!(**d, Expr::Weekday { .. })))
    };
    let mut i = 0;
    while i < links.len() {
        let a = &links[i];
        i += 1;
        if a.kind != LinkKind::Recurrence || a.members.iter().filter(|&&m| daily(&out[m].expr)).count() != 1 {
            continue;
        }
        if !a.members.iter().any(|&m| set_clock_of(&out[m].expr)) {
            continue;
        }
        let last = a.members.iter().chain(&a.ends).copied().max().unwrap_or(0);
        let Some(j) = links.iter().position(|b| {
            b.kind == LinkKind::Recurrence
                && b.members.first() == Some(&(last + 1))
                && b.members.iter().all(|&m| weekdays(&out[m].expr))
                && b.until.is_none()
                && b.start.is_none()
        }) else {
            continue;
        };
        if !gap_is(t, out[last].end, out[last + 1].start, &[","]) {
            continue;
        }
        // (not days the schedule leaves out or adds: "daily from 10 a.m. to 5 p.m.,
        // Mondays and Tuesdays excepted", "Saturdays and Sundays included")
        let after = links[j].members.iter().map(|&m| out[m].end).max().unwrap_or(0);
        if any(t, after, EXCEPTING) {
            continue;
        }
        let days = links[j].members.clone();
        let through = links[j].through;
        let a = &mut links[i - 1];
        a.members.splice(0..0, days);
        a.through = through;
        links.remove(j);
        if j < i {
            i -= 1;
        }
    }
}

/// Participles after a comma that date the event an end names: "until
/// senators vote on the bill, scheduled for Feb. 25".
const EVENT_DATING: &[&str] = &["scheduled", "set", "due", "expected", "planned", "slated"];

/// The start and end a recurrence's sentence states: "starting May 3",
/// "as of June 1", "until the finale on April 16", "through March 31", "for
/// six weeks".
pub(super) fn recurrence_ends(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    if !out.iter().any(|f| is_set(&f.expr)) {
        return;
    }
    let narrowed = bound_recurrences(t, out, links);
    // "every evening at 9:30 p.m. from Thursday, Feb. 19, through Monday,
    // March 16, except Fridays": the days left out after its bounds are its
    // days' too, as they are right after its time (links.rs)
    for (m, days) in narrowed {
        if let Expr::Set { each, .. } = &mut out[m].expr {
            **each = days;
        }
    }
}

/// [`recurrence_ends`]: the bounds of each recurrence, and the days left out
/// after its end, as (the set whose days they narrow, its days now).
fn bound_recurrences(t: &Tokens<'_>, out: &[Found], links: &mut Vec<Link>) -> Vec<(usize, Expr)> {
    let mut narrowed = Vec::new();
    let dated = |f: &Found| matches!(f.expr, Expr::Date { day: Some(_), .. });
    // a start may also be a weekday or a month ("from Thursday", "starting in December")
    // (or a week: "starting next week")
    // (or a holiday, or a part of a named day: "until Easter Sunday", "starting
    // Wednesday morning")
    let named = |f: &Found| matches!(f.expr, Expr::Holiday { .. } | Expr::PartOfDay { date: Some(_), .. });
    let starts = |f: &Found| {
        dated(f)
            || named(f)
            || f.expr.is_weekday()
            || matches!(f.expr, Expr::Date { month: Some(_), day: None, .. } | Expr::Relative { unit: Unit::Week | Unit::Day, .. })
            // (or a day told before: "From the first day of the new timetable")
            || matches!(f.expr, Expr::Anaphor { unit: Unit::Day, .. })
    };
    // and an end a weekday or a month's end ("until Saturday", "until the end of September")
    // (a month ends on its last day: "through October")
    let ends = |f: &Found| {
        dated(f)
            || named(f)
            || f.expr.is_weekday()
            || matches!(f.expr, Expr::Date { month: Some(_), day: None, .. })
            // ("until the end of the month", "through the end of next month": its last day)
            || month_end(&f.expr)
    };
    // (the point of an abbreviation, "Oct. 8", ends nothing)
    let abbreviation = |k: usize| is(t, k, ".") && k > 0 && adj(t, k) && word(t, k - 1) && super::cues::abbreviation(t, k - 1);
    let stop = |k: usize| (any(t, k, &[".", ";", "!", "?"]) && !abbreviation(k)) || closing_abbreviation(t, k);
    let n = t.len();
    // a comma that closes nothing: before the start's own cue (", starting
    // July 23", ", also starting Wednesday"), or around a short aside with no
    // time in it (", weekends included,"; a length is none: ", an hour earlier
    // than usual,")
    let found_at = |a: usize, b: usize| {
        out[out.partition_point(|g| g.end <= a)..].iter().take_while(|g| g.start < b).any(|g| !matches!(g.expr, Expr::Duration { .. }))
    };
    let aside = |a: usize, b: usize| (a + 1..b).all(|k| !stop(k) && !is(t, k, ",")) && !found_at(a + 1, b);
    // (nor one before the same time in another zone: "every Thursday at 4 p.m.,
    // or 4 a.m. ET in New York, starting March 13")
    let restated = |k: usize| {
        is(t, k + 1, "or")
            && out[out.partition_point(|g| g.start < k + 2)..].first().is_some_and(|g| g.start == k + 2 && matches!(g.expr, Expr::Time { .. }))
    };
    // (nor one before the same time told in another zone by a relative clause:
    // "on Sundays at 6 p.m., which is 9 a.m. in London, through Sept. 27")
    let equivalent = |k: usize| {
        is(t, k + 1, "which")
            && any(t, k + 2, &["is", "will", "would"])
            && out[out.partition_point(|g| g.start < k + 3)..].first().is_some_and(|g| g.start <= k + 4 && matches!(g.expr, Expr::Time { .. }))
    };
    // (nor one that closes a relative clause the recurrence stands in, before
    // the main clause's verb: "The market, which has run every Saturday at 8
    // since May, will continue through Labour Day")
    let relative_close = |k: usize| {
        any(t, k + 1, MAIN_VERBS)
            && (k.saturating_sub(RELATIVE_CLAUSE_TOKENS)..k)
                .rev()
                .take_while(|&j| !stop(j))
                .find(|&j| is(t, j, ","))
                .is_some_and(|j| any(t, j + 1, &["which", "who"]))
    };
    let open_comma = |k: usize| {
        relative_close(k)
            || any(t, k + 1, START_CUES)
            || restated(k)
            || equivalent(k)
            || any(t, k + 1, UNTIL_CUES)
            || is(t, k + 1, "up") && is(t, k + 2, "to")
            || any(t, k + 1, BEFORE_START_CUE) && any(t, k + 2, START_CUES)
            || (k + 2..(k + ASIDE_TOKENS).min(n)).any(|j| is(t, j, ",") && aside(k, j))
            || (k.saturating_sub(ASIDE_TOKENS - 1)..k.saturating_sub(1)).any(|j| is(t, j, ",") && aside(j, k))
    };
    // the recurrence link of each found expression (and the clock times
    // that end its occurrences, which start nothing of their own)
    let mut link_of = vec![None; out.len()];
    let mut ending = vec![false; out.len()];
    for (l, link) in links.iter().enumerate() {
        if link.kind == LinkKind::Recurrence {
            for &m in &link.members {
                link_of[m] = Some(l);
            }
            if let Some(e) = link.ends {
                ending[e] = true;
            }
        }
    }
    let mut added = Vec::new();
    // (the day a clock time of its own is told on bounds no other schedule:
    // "will start at 11 a.m. on Saturday and Sunday, ..., and the hall will
    // serve breakfast every day of the festival")
    let timed_day = |m: usize| m > 0 && matches!(out[m - 1].expr, Expr::Time { .. }) && gap_is(t, out[m - 1].end, out[m].start, &["on"]);
    // (and days with a clock time of their own after them: "workshops will run
    // on Saturday and Sunday from 10 a.m. to 5 p.m.")
    let clocked = |m: usize| {
        out.get(m + 1).is_some_and(|c| {
            dayless_time(&c.expr) && !is_set(&c.expr) && (gap_is(t, out[m].end, c.start, &["from"]) || gap_is(t, out[m].end, c.start, &["at"]))
        })
    };
    // (a list of days in a row is a stretch too: "runs Saturday and Sunday,
    // with gates opening each day at 12:30 p.m.")
    let in_a_row = |l: &Link| {
        let dows: Vec<u8> = l.members.iter().filter_map(|&m| if let Expr::Weekday { dow, .. } = out[m].expr { Some(dow) } else { None }).collect();
        dows.len() == l.members.len() && dows.windows(2).all(|w| (w[0] + 1) % 7 == w[1] % 7)
    };
    let links_before: Vec<Link> = links
        .iter()
        .filter(|l| l.kind == LinkKind::Range && l.members.len() == 2 || l.kind == LinkKind::List && l.members.len() >= 2 && in_a_row(l))
        .map(|l| Link { members: vec![l.members[0], l.members[l.members.len() - 1]], ..l.clone() })
        .collect();
    for (i, f) in out.iter().enumerate() {
        if !is_set(&f.expr) || ending[i] {
            continue;
        }
        let existing = link_of[i];
        // (in text order: a clock time written before the days is a member pushed last)
        let first = existing.map_or(i, |l| links[l].members.iter().copied().min_by_key(|&m| out[m].start).unwrap_or(i));
        let last = existing.map_or(i, |l| links[l].members.iter().copied().max_by_key(|&m| out[m].end).unwrap_or(i));
        if existing.is_some() && last != i {
            continue; // handled from the recurrence's last member
        }
        // (past the clock time its occurrences end at: "every Saturday from 23:00 to
        // 06:00, from 4 April until 25 April")
        let from = out[last].end.max(existing.and_then(|l| links[l].ends).map_or(0, |e| out[e].end));
        // the sentence around it, looked for at most RECURRENCE_END_REACH tokens either way
        let begin = out[first].start;
        let lo = (begin.saturating_sub(RECURRENCE_END_REACH)..begin)
            .rev()
            .find(|&k| stop(k))
            .map_or(begin.saturating_sub(RECURRENCE_END_REACH), |k| k + 1);
        // (a recurrence that ends its sentence with its own "p.m." reaches no further:
        // "every Sunday at 4 p.m. Pre-orders run until April 30")
        let hi = if from > 0 && closing_abbreviation(t, from - 1) {
            from
        } else {
            (from..(from + RECURRENCE_END_REACH).min(n)).find(|&k| stop(k)).unwrap_or((from + RECURRENCE_END_REACH).min(n))
        };
        // found expressions are in text order: those that start inside [lo, hi)
        let near = out.partition_point(|g| g.start < lo)..out.partition_point(|g| g.start < hi);
        // "starting May 3", "beginning on May 3", "as of June 1", "from May 3"
        // ("Since June 20, ... daily from 10 p.m.", "opens on Friday and runs daily",
        // "Starting in December, ... on the first Tuesday of each month")
        // (after the recurrence, not past a comma that closes its phrase,
        // "air every Saturday at 8:05 p.m., taking over a slot held since
        // March", unless the start's own cue follows it: ", starting July 23")
        let closed = |s: usize| (from..s).any(|k| is(t, k, ",") && !open_comma(k) && !out.iter().any(|g| g.start <= k && k < g.end));
        // "with the next release on Feb. 13": an occurrence the text dates
        let occurrence = |s: usize| {
            let p = if is(t, s - 1, "on") { s - 1 } else { s };
            s > from && p >= 2 && word(t, p - 1) && !cap(t, p - 1) && any(t, p - 2, OCCURRENCE_CUES)
        };
        // a start before the recurrence that follows another one more closely is
        // that one's ("calls at 10 a.m. JST from July, and a show that airs on
        // Thursdays at 25:30")
        // (not one that opens a clause of its own after ", and": "tours every
        // Sunday at 15:00, and from Nov. 5 the museum will stay open until 20:00
        // every Thursday")
        let owned_by_other = |m: usize| {
            let p = out[m].start.saturating_sub(1);
            if p > 0 && any(t, p, &["from", "starting", "beginning"]) && opens_clause(t, p) {
                return false;
            }
            let ours = |g: usize| g == i || (existing.is_some() && link_of[g] == existing);
            let other = (0..m).rev().take_while(|&g| out[g].start >= lo).find(|&g| (is_set(&out[g].expr) || link_of[g].is_some()) && !ours(g));
            out[m].end <= begin && other.is_some_and(|g| out[m].start - out[g].end < begin - out[m].end)
        };
        // and one after it past another recurrence is that one's ("air every Wednesday
        // at 24:30 ..., and BS11 will repeat each episode on Saturdays at 11 p.m. from July 12")
        // (the clock time its own occurrences end at is no other recurrence)
        let own_end = existing.and_then(|l| links[l].ends);
        let beyond_other = |m: usize| {
            out[m].start >= from
                && (last + 1..m).any(|g| is_set(&out[g].expr) && Some(g) != own_end && link_of[g].is_none_or(|l| Some(l) != existing))
        };
        // (one after the recurrence is bound to it more closely than one before:
        // "Choral Evensong returns ..., starting in May, and the study group meets
        // fortnightly on Wednesdays at 7.30pm, starting 15 April")
        // ("..., both starting Monday": a start said of every recurrence before it)
        let shared = |m: usize| {
            let s = out[m].start;
            s >= 2 && any(t, s - 1, &["starting", "beginning", "from"]) && any(t, s - 2, &["both", "all"])
        };
        // and one after it that a later recurrence follows more closely is that
        // one's ("continues every Wednesday at 6:15 p.m. until Dec. 16, and a
        // new course starts on Nov. 21, running every Saturday at 9:30 a.m.")
        // (a recurrence with a clock time: "a weekly supplement" is none)
        let timed = |g: usize| set_clock_of(&out[g].expr) || link_of[g].is_some_and(|l| links[l].members.iter().any(|&x| set_clock_of(&out[x].expr)));
        let before_other = |m: usize| {
            out[m].start >= from
                && (m + 1..out.len())
                    .take_while(|&g| out[g].start < hi)
                    .find(|&g| timed(g) && link_of[g].is_none_or(|l| Some(l) != existing))
                    .is_some_and(|g| out[g].start - out[m].end < out[m].start - from)
        };
        let candidates = near.clone().filter(|&m| {
            m != i
                && !timed_day(m)
                && starts(&out[m])
                && out[m].start > lo
                && out[m].end <= hi
                && !owned_by_other(m)
                && !before_other(m)
                && (!beyond_other(m) || shared(m))
        });
        // (those before it nearest first: "From Monday it will sail daily at 6:15
        // p.m., and from Tuesday, March 31, the return crossing will leave every
        // morning at 7:40 a.m.")
        let before: Vec<usize> = candidates.clone().filter(|&m| out[m].start < from).collect();
        let after_first = candidates.filter(|&m| out[m].start >= from).chain(before.into_iter().rev());
        let start = after_first.into_iter().find(|&m| {
            let s = out[m].start;
            if dated(&out[m]) && occurrence(s) {
                return true;
            }
            // "opens to the public on Sunday, April 5 ... and will run daily", "held on
            // Thursdays at 16:00, has been suspended and will resume on April 9" (the
            // verb governs the date, whatever commas stand before it)
            // (not a verb after the recurrence with a subject of its own: "continue
            // daily at 2:30 p.m., and bookings open on Monday", "and construction
            // starts on Monday"; its service under another name or the same
            // starts it, "and sailings begin on May 15", "Guided walks leave
            // daily ..., and walks start on June 23")
            let own_subject = |k: usize| {
                let noun = k - 1;
                let again = (from.saturating_sub(crate::tuning::SENTENCE_REACH)..from).any(|j| word(t, j) && t.lw(j) == t.lw(noun));
                s > from
                    && k >= 2
                    && (any(t, noun, SIGN_UPS)
                        // (a determiner may come first: "and the final starts an hour
                        // before closing on Sunday")
                        || (any(t, k - 2, &["and", "but", "while"]) || k >= 3 && is(t, k - 2, "the") && any(t, k - 3, &["and", "but", "while"]))
                            && word(t, noun)
                            && !any(t, noun, NOT_SUBJECTS)
                            && !any(t, noun, SERVICES)
                            && !again)
                    && !cap(t, noun)
            };
            let opening =
                s >= 2 && is(t, s - 1, "on") && (s.saturating_sub(START_VERB_REACH)..s - 1).any(|k| any(t, k, OPENING_VERBS) && !own_subject(k));
            opening
                || (!closed(s) || shared(m))
                    && (any(t, s - 1, &["starting", "beginning", "from", "since"])
                        || (s >= 2 && is(t, s - 2, "as") && is(t, s - 1, "of"))
                        || (s >= 2 && any(t, s - 2, START_VERBS) && any(t, s - 1, &["on", "in"]))
                        || (s >= 1 && any(t, s - 1, START_VERBS)))
        });
        // a stretch of days the sentence sets out ("runs from Thursday through
        // Saturday, daily from 10 a.m. to 7 p.m.") bounds it when nothing else does
        let stretch = links_before.iter().find(|l| {
            l.members.len() == 2
                && near.contains(&l.members[0])
                && near.contains(&l.members[1])
                && starts(&out[l.members[0]])
                // (its end may be a month's end: "From Saturday, Feb. 7, through the end of April")
                && (starts(&out[l.members[1]]) || ends(&out[l.members[1]]))
                && l.members.iter().all(|&m| !is_set(&out[m].expr))
                && !beyond_other(l.members[0])
                // (nor one told right after another recurrence: "runs every Saturday
                // from Nov. 1 through Dec. 20, and a class every other Wednesday")
                && !owned_by_other(l.members[0])
                && !timed_day(l.members[0])
                && !clocked(l.members[1])
        });
        let start = start.or(stretch.map(|l| l.members[0]));
        // "for six weeks": a span right after the recurrence
        // (or later in the sentence, past its start: "weeknights at 10 p.m. starting
        // Monday, Nov. 3, for four weeks")
        let lasting = (last + 1..near.end).take_while(|&m| !is_set(&out[m].expr)).find(|&m| {
            let g = &out[m];
            matches!(g.expr.measured(), Expr::Duration { amount: crate::expr::Amount::N(_), .. })
                && g.start > from
                && is(t, g.start - 1, "for")
                && (g.start <= from + 2 || start.is_some_and(|s| out[s].end < g.start && g.start <= out[s].end + 2))
        });
        // "until the finale on April 16" (not past a comma that closes the
        // recurrence's phrase: "held annually since 1997, runs through April 7")
        // (from past the start when it follows: "starting March 13 and running
        // through April 24")
        let ufrom = start.filter(|&m| out[m].start >= from).map_or(from, |m| out[m].end);
        // (past such a clause, to its closing comma)
        let ufrom = if is(t, from, ",") && equivalent(from) {
            (from + 1..(from + EQUIVALENT_CLAUSE_TOKENS).min(hi)).find(|&k| is(t, k, ",")).unwrap_or(ufrom)
        } else {
            ufrom
        };
        // (and past such a relative clause's close)
        let ufrom = (from..(from + RELATIVE_CLAUSE_TOKENS).min(hi)).find(|&k| is(t, k, ",")).filter(|&k| relative_close(k)).unwrap_or(ufrom);
        let until = (from..(ufrom + 8).min(hi))
            // (the commas of a start written in apposition close nothing:
            // "from Thursday, Oct. 23, through Monday, Oct. 27")
            // (nor the comma before a start: "each Thursday at 5 p.m., starting next week, through Dec. 18")
            .take_while(|&k| !is(t, k, ",") || open_comma(k) || start.is_some_and(|m| k == out[m].end || (out[m].start..out[m].end).contains(&k)))
            // ("up to and including Jan. 31")
            // ("starting Jan. 14 and ending with a June 17 session", "ending on June 17")
            .find(|&k| {
                any(t, k, UNTIL_CUES)
                    || is(t, k, "including") && k >= 2 && is(t, k - 1, "and") && is(t, k - 2, "to")
                    || any(t, k, &["ending", "finishing", "concluding"])
                        && (any(t, k + 1, &["on", "with", "in"]) || cap(t, k + 1) && word(t, k + 1) || digits(t, k + 1))
            })
            // (a holiday that names a noun is no end: "until the Christmas recess begins on Dec. 20")
            .and_then(|u| {
                // (within a short clause: "until the clocks go back on the night of Oct. 29")
                // (past a comma before a participle that dates the event: "until
                // senators vote on the bill, scheduled for Feb. 25")
                // (or a relative clause that dates it, which may run longer: "through the
                // final, which will be played at the Narendra Modi Stadium in Ahmedabad on
                // Sunday, May 30")
                let relative = |k: usize| is(t, k, ",") && any(t, k + 1, &["which", "that"]) && k <= u + END_NOUN_TOKENS;
                let dating = |k: usize| is(t, k, ",") && any(t, k + 1, EVENT_DATING) && k + 2 < t.len() || relative(k);
                // (or the comma of a date in apposition to a name: "through Labour Day, Sept. 7")
                let apposed = |k: usize, m: usize| k + 1 == out[m].start && k > u + 1 && is(t, k, ",") && (u + 1..k).all(|j| word(t, j) && cap(t, j));
                let clause = |m: usize| (u..out[m].start).all(|k| !any(t, k, &[",", ".", ";", "(", ":"]) || dating(k) || apposed(k, m));
                let reach = if (u..u + END_NOUN_TOKENS).any(relative) { UNTIL_CLAUSE_REACH + RELATIVE_CLAUSE_TOKENS } else { UNTIL_CLAUSE_REACH };
                (last + 1..out.len()).take_while(|&m| out[m].start <= u + reach).find(|&m| {
                    out[m].start > u
                        && clause(m)
                        && ends(&out[m])
                        && !(matches!(out[m].expr, Expr::Holiday { .. }) && word(t, out[m].end) && !cap(t, out[m].end))
                })
            })
            // ("until Saturday, Oct. 29": the date in apposition is the day)
            // (and so is the date after a holiday: "through Thanksgiving Monday, Oct. 11")
            .map(|m| {
                let named = out[m].expr.is_weekday() || matches!(out[m].expr, Expr::Holiday { .. });
                if named && out.get(m + 1).is_some_and(|n| dated(n) && n.start <= out[m].end + 1) {
                    m + 1
                } else {
                    m
                }
            })
            .filter(|_| lasting.is_none())
            .or(stretch.map(|l| l.members[1]).filter(|&m| start != Some(m)))
            // ("Until Aug. 31, the parade will leave ... at 11:45 a.m.": an end that
            // opens the sentence, set off by its comma, holds for all of it)
            .or_else(|| {
                // (past a day told before that starts it: "From that day until March 31")
                let m = near.clone().find(|&m| out[m].start > lo && out[m].start < begin && !matches!(out[m].expr, Expr::Anaphor { .. }))?;
                let u = out[m].start - 1;
                // (or after a start that opens it: "From that day until March 31, ...")
                let from = (u.saturating_sub(FRONTED_START_WORDS)..u).find(|&k| is(t, k, "from") && opens_text(t, k));
                // (words only: a date there starts a stretch the link stage read)
                let dates = |k: usize| {
                    let between = out.partition_point(|g| g.start <= k)..out.partition_point(|g| g.start < u);
                    out[between].iter().any(|g| !matches!(g.expr, Expr::Anaphor { .. }))
                };
                let opens = opens_text(t, u) || from.is_some_and(|k| (k + 1..u).all(|w| word(t, w)) && !dates(k));
                // (its comma may be left out: "Until Sunday the zoo keeps its autumn hours";
                // not in a clause of the past, "Until Sunday the curfew ran every night")
                let past = || super::tense::tells_done(t, out[m].end, out[m].end + UNTIL_CLAUSE_REACH);
                let set_off = is(t, out[m].end, ",") || word(t, out[m].end) && !cap(t, out[m].end) && !past();
                // ("From opening day to June 30, ...": "to" after such a start)
                let cue = any(t, u, UNTIL_CUES) || is(t, u, "to") && from.is_some();
                (opens && cue && ends(&out[m]) && set_off && lasting.is_none()).then_some(m)
            })
            // ("Every Sunday until Dec. 28, the choir sings at 11 a.m.": an end
            // right after the days, before the clock time of their clause; after
            // the last of a list of days, "On each Saturday and Sunday through
            // Aug. 30, the first game starts at 10:30 a.m.")
            .or_else(|| {
                let listed = |x: usize| {
                    x > first
                        && is_set(&out[x].expr)
                        && (gap_is(t, out[x - 1].end, out[x].start, &["and"]) || gap_is(t, out[x - 1].end, out[x].start, &[","]))
                };
                let days_end = (first + 1..out.len()).take_while(|&x| listed(x)).last().unwrap_or(first);
                let e = out[days_end].end;
                // (or the day that dates the end of an event named there: "through
                // the end of the leg on Aug. 30, ...")
                let named = |m: usize| dated(&out[m]) && end_named_before(t, e, out[m].start);
                let m = near.clone().find(|&m| (out[m].start == e + 1 || named(m)) && out[m].start < from)?;
                (any(t, e, UNTIL_CUES) && ends(&out[m]) && lasting.is_none()).then_some(m)
            });
        // "every Sunday at 1 p.m. in April": a month right after it is both its
        // first and its last (when no other bound is stated)
        // (or months in a list, from the first to the last: "every Wednesday at
        // 5 p.m. in June, July and August")
        let is_month = |m: usize| matches!(out[m].expr, Expr::Date { month: Some(_), day: None, .. });
        let list_end = |m: usize| {
            let mut e = m;
            while let Some(l) =
                links.iter().find(|l| l.kind == LinkKind::List && l.members.first() == Some(&e) && l.members.iter().all(|&x| is_month(x)))
            {
                e = l.members[l.members.len() - 1];
            }
            e
        };
        let month = (start.is_none() && lasting.is_none() && until.is_none())
            .then(|| {
                near.clone().find(|&m| {
                    let s = out[m].start;
                    // (or between its days and its clock time: "every Thursday in
                    // October at 7 p.m.")
                    // (or opening the sentence, with nothing else between: "In June,
                    // July and August an evening market is held every Wednesday")
                    // (not when it dates what is said or done before the schedule's
                    // clause: "In June, the council voted to keep the market, which
                    // is held every Wednesday", "In March, officials said the ferry
                    // sails every Sunday")
                    let governs = |e: usize| !super::tense::tells_past(t, e, begin) && !(e..begin).any(|k| any(t, k, CLAUSE_OPENERS));
                    let fronted = s > 0
                        && s < begin
                        && opens_clause(t, s - 1)
                        && out.get(list_end(m) + 1).is_some_and(|g| g.start == begin)
                        && governs(out[list_end(m)].end);
                    let month = (s > from && s <= from + MONTH_BOUND_GAP || s > begin && s < from || fronted)
                        && any(t, s - 1, &["in", "during", "throughout"])
                        // (not a month left out: "every Saturday at 9 a.m. except in August")
                        && !(s >= 2 && any(t, s - 2, &["except", "excluding", "but", "not"]))
                        && !closed(s)
                        && is_month(m);
                    // (or this or next week or month, right after its days:
                    // "every night this week at 7 p.m.", "daily next week")
                    // (not of the past: "Police patrolled every night this week at 10 p.m.")
                    let current = (s == from || s > begin && s < from && s == out[first].end)
                        && this_or_next_period(&out[m].expr)
                        && !super::tense::tells_done(t, lo, begin);
                    month || current
                })
            })
            .flatten();
        let (start, until) = match month {
            // (this week or month begins now: its days gone by are none of it)
            Some(m) if matches!(out[m].expr, Expr::Relative { offset: 0, .. }) => (None, Some(m)),
            Some(m) => (Some(m), Some(list_end(m))),
            None => (start, until),
        };
        if start.is_none() && lasting.is_none() && until.is_none() {
            continue;
        }
        if let Some(u) = until {
            let after = if is(t, out[u].end, ",") { out[u].end + 1 } else { out[u].end };
            if let Some((_, except)) = super::sets::days_left_out(t, after) {
                let members = existing.map_or_else(|| vec![i], |l| links[l].members.clone());
                let days = members.iter().find_map(|&m| match &out[m].expr {
                    Expr::Set { each, .. } => super::sets::leave_out(each, except).map(|d| (m, d)),
                    _ => None,
                });
                narrowed.extend(days);
            }
        }
        match existing {
            Some(l) => {
                links[l].start = start;
                links[l].lasting = lasting;
                links[l].until = until;
            }
            None => added.push(Link { kind: LinkKind::Recurrence, members: vec![i], until, lasting, start, ends: None, through: false }),
        }
    }
    links.extend(added);
    narrowed
}

/// Words that, after a recurrence's clock time, say that a later clock time
/// ends each occurrence: "opens nightly at 10 p.m. and stays open until 2:30
/// a.m.", "opens daily at 9 a.m. and closes at 6 p.m.", "from 8 a.m., closing
/// at noon".
const HOLDS_OPEN: &[&str] = &["stays", "remains", "stay", "remain", "open", "running", "runs", "lasts", "going"];
const CLOSES_AT: &[&str] = &["closes", "closing", "close", "shuts", "shut", "ends", "ending", "end", "finishes", "wraps"];

/// A clock time that ends each occurrence of a recurrence, told after its
/// clock time in the same clause (see [`HOLDS_OPEN`]): it becomes the
/// recurrence's end, as in "nightly from 10 p.m. to 2:30 a.m.".
pub(super) fn closing_clocks(t: &Tokens<'_>, out: &mut [Found], links: &mut [Link]) {
    for l in links.iter_mut().filter(|l| l.kind == LinkKind::Recurrence && l.ends.is_none()) {
        let Some(&c) = l.members.iter().filter(|&&m| set_clock_of(&out[m].expr)).max_by_key(|&&m| out[m].start) else { continue };
        let Some(g) = Some(c + 1).filter(|&g| g < out.len() && dayless_time(&out[g].expr) && !is_set(&out[g].expr)) else { continue };
        let (a, b) = (out[c].end, out[g].start);
        // "and stays open until", ", closing at", "and closes at"
        let a = if any(t, a, &["and", ","]) { a + 1 } else { a };
        // (", with the last bus leaving at 9:50 a.m.": the last occurrence of a
        // recurrence within the day, told with "with" besides)
        let with = is(t, a, "with") as usize;
        if b <= a + 1 || b - a > CLOSING_WORDS + with || !(a..b - 1).all(|k| word(t, k)) {
            continue;
        }
        let until = any(t, b - 1, &["until", "till", "to"]) && (a..b - 1).any(|k| any(t, k, HOLDS_OPEN));
        let closes = is(t, b - 1, "at") && (a..b - 1).any(|k| any(t, k, CLOSES_AT));
        let sub_daily = l
            .members
            .iter()
            .any(|&m| matches!(&out[m].expr, Expr::Set { each, .. } if matches!(**each, Expr::Duration { unit: Unit::Minute | Unit::Hour, .. })));
        let last = sub_daily && is(t, b - 1, "at") && (a..b - 1).any(|k| is(t, k, "last"));
        // (a day of its own makes the end a one-off: "and will close at 1 p.m. on
        // Christmas Eve")
        let dated = is(t, out[g].end, "on") || out.get(g + 1).is_some_and(|n| n.start <= out[g].end + 1 && n.expr.names_day());
        if dated {
            continue;
        }
        if until || closes || last {
            // (the last occurrence is itself a one-off time, which keeps its instant)
            if !last {
                out[g].expr = set_of(out[g].expr.clone());
                out[g].anchor = None;
            }
            l.ends = Some(g);
        }
    }
}

/// Makes the clock time `c` a recurring member of recurrence `i` (of its
/// link `link`, or of a new one).
fn take_clock(out: &mut [Found], links: &mut Vec<Link>, link: Option<usize>, i: usize, c: usize) {
    recur(out, c);
    match link {
        Some(l) => links[l].members.push(c),
        None => {
            links.push(Link { kind: LinkKind::Recurrence, members: vec![i, c], until: None, lasting: None, start: None, ends: None, through: false })
        }
    }
}

/// Makes the clock time `c` recur: a set of its clock, on no day of its own.
pub(super) fn recur(out: &mut [Found], c: usize) {
    out[c].expr = set_of(out[c].expr.clone());
    out[c].anchor = None;
}

/// A clock time in the clause of a recurrence that opens its sentence is
/// its time: "On weekdays, the first bus will leave the terminal at 5:12
/// a.m.", "Every Saturday, the market opens at 8 a.m.", "On the last Friday
/// of each month, the pavilion will reopen at 7 p.m." The days are set
/// off by a comma (or, after "on", "every" or "each", run straight into the
/// clause: "On Fridays the ferry leaves at 9:15 p.m."), and nothing that
/// dates the clause stands between.
pub(super) fn fronted_clocks(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    for i in 0..out.len() {
        let Expr::Set { each, .. } = &out[i].expr else { continue };
        let days = of_days(each) || matches!(**each, Expr::PartOfDay { .. } | Expr::NthWeekday { .. } | Expr::NthWorkday { .. });
        // (past the days' bounds: "Every night from Monday to Saturday, the
        // concerts begin at 7 p.m.", "Every evening this week the show airs at 9")
        let mut h = i + 1;
        let mut head = out[i].end;
        // (a date's comma in apposition may stand before the next: "Each night from
        // Sunday, Aug. 24, to Friday, Aug. 29, ...")
        // (or the day that dates an end named by its event: "On each Saturday
        // and Sunday through the end of the leg on Aug. 30, ...")
        let named_end = |h: usize, head: usize| matches!(out[h].expr, Expr::Date { day: Some(_), .. }) && end_named_before(t, head, out[h].start);
        let next = |h: usize, head: usize| out[h].start == head + 1 || out[h].start == head + 2 && is(t, head, ",");
        while h < out.len()
            && (next(h, head) && bounding_day(t, &out[h].expr, out[h].start - 1)
                || named_end(h, head)
                || out[h].start == head && this_or_next_period(&out[h].expr))
        {
            head = out[h].end;
            h += 1;
        }
        // (past an end named by an event the sentence does not date, to its
        // comma: "Every Saturday until the end of the season, the market opens
        // at 8 a.m.")
        // (only "the end of ...": "until the storm hit, ..." is a clause)
        if any(t, head, UNTIL_CUES) && is(t, head + 1, "the") && any(t, head + 2, &["end", "close", "conclusion"]) && is(t, head + 3, "of") {
            let comma = (head + 2..(head + FRONTED_REACH).min(t.len())).find(|&k| !word(t, k));
            if let Some(k) = comma.filter(|&k| is(t, k, ",") && out.get(h).is_none_or(|n| n.start > k)) {
                head = k;
            }
        }
        // (days set off by a comma, or by the subject's first word, are few:
        // only their link is looked up)
        let comma = is(t, head, ",");
        if !days || !(comma || word(t, head)) {
            continue;
        }
        let link = links.iter().position(|l| l.kind == LinkKind::Recurrence && l.members.contains(&i));
        let timed = link.is_some_and(|l| links[l].members.iter().any(|&m| set_clock_of(&out[m].expr)) || links[l].members.last() != Some(&i));
        if timed {
            continue;
        }
        // (at the start of its sentence, or after "On": "On Sundays, ...", from
        // the recurrence's first day: "Monday to Friday, ...")
        let s = link.and_then(|l| links[l].members.iter().map(|&m| out[m].start).min()).unwrap_or(out[i].start);
        // ("On both weekends, ...")
        let s = if s > 1 && is(t, s - 1, "both") && is(t, s - 2, "on") { s - 1 } else { s };
        let p = if s > 0 && is(t, s - 1, "on") { s - 1 } else { s };
        // (or a clause of its own after ", and": "The House sits at 1:30 p.m.,
        // and on Wednesday mornings it also meets at 10 a.m.")
        if !opens_clause(t, p) {
            continue;
        }
        // (with no comma, the days are a phrase of their own only after "on",
        // "every" or "each": "On Fridays the ferry leaves at 9:15 p.m.", "Every
        // Saturday the market opens at 8 a.m."; "Sundays are quiet" is a subject)
        let phrase = p < s || any(t, s, &["every", "each"]);
        if !(comma || phrase) {
            continue;
        }
        // the first expression of its clause, a clock time after "at"
        let stop = (head + 1..(head + FRONTED_REACH).min(t.len())).find(|&k| is(t, k, ",") || full_stop(t, k));
        let Some(g) = Some(h).filter(|&g| g < out.len() && stop.is_none_or(|e| out[g].start < e) && out[g].end <= head + FRONTED_REACH) else {
            continue;
        };
        // (or a window after "between": "On weekdays starting Monday, left turns will
        // be banned between 7 a.m. and 10 a.m.")
        if !(dayless_time(&out[g].expr) && !is_set(&out[g].expr) && any(t, out[g].start - 1, &["at", "from", "between"])) {
            continue;
        }
        // (with no comma, nothing between may open a clause of its own or tell
        // of the past: "Every Sunday until the storm hit at 3 p.m. the museum
        // was closed")
        // (nor a clause of its own after "and" or "but": "On Mondays the markets are
        // quiet but the bank will announce its decision at 2 p.m.")
        let clause = |k: usize| {
            any(t, k, UNTIL_CUES) || any(t, k, &["when", "after", "before", "since", "and", "but", "while", "or"]) || super::tense::past_form(t, k)
        };
        if !comma && (head..out[g].start).any(clause) {
            continue;
        }
        // (a window's end ends each occurrence: "..., the hall will reopen from 7
        // p.m. to 9:30 p.m.")
        // (take_clock only adds to the links, so the window's index holds)
        let window = links
            .iter()
            .position(|l| l.kind == LinkKind::Range && l.members.len() == 2 && l.members[0] == g && dayless_time(&out[l.members[1]].expr));
        take_clock(out, links, link, i, g);
        if let Some(r) = window {
            let e = links[r].members[1];
            recur(out, e);
            let own = link.unwrap_or(links.len() - 1);
            links[own].ends = Some(e);
            links.remove(r);
        }
    }
}

/// Whether the words from the bound at `cue` to the day at `day` name an
/// end by its event, which that day dates: "through the end of the leg on
/// Aug. 30", "until the last night of the festival on Oct. 4" (plain words
/// between, the day after "on").
fn end_named_before(t: &Tokens<'_>, cue: usize, day: usize) -> bool {
    // (a possessive among them: "through the end of the league's first leg on Aug. 30")
    let plain = |k: usize| word(t, k) || any(t, k, &["'", "’"]) && is(t, k + 1, "s");
    any(t, cue, UNTIL_CUES) && day > cue + 2 && day <= cue + FRONTED_REACH && is(t, day - 1, "on") && (cue + 1..day).all(plain)
}

/// Whether `e`, after the word at `cue`, bounds the days of a recurrence
/// before it: a weekday or a day of the month after a word of start or end,
/// or after "to" that ends a span ("from Monday to Saturday", "through Dec.
/// 7").
fn bounding_day(t: &Tokens<'_>, e: &Expr, cue: usize) -> bool {
    (e.is_weekday() || matches!(e, Expr::Date { day: Some(_), .. }))
        && (any(t, cue, START_CUES) || any(t, cue, UNTIL_CUES) || any(t, cue, &["to", "-", "–"]))
}

/// Whether a recurrence's each is days of the week or every day: "Saturdays",
/// "weekdays", "daily except Sundays", "every day".
pub(super) fn of_days(each: &Expr) -> bool {
    each.is_weekday()
        || matches!(each, Expr::Workdays | Expr::DaysBut { .. } | Expr::Weekend { .. })
        || matches!(each, Expr::Duration { amount: Amount::N(1), unit: Unit::Day })
}

/// A clock time set off by commas after the subject of a recurrence is its
/// time: "A third flight, at 5:45 a.m., will be added every Saturday", "The
/// market, from 8 a.m., opens on Sundays". Only words (the verb) stand
/// between the aside and the days.
pub(super) fn appositive_clocks(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    for g in 0..out.len().saturating_sub(1) {
        let (s, e) = (out[g].start, out[g].end);
        if !(dayless_time(&out[g].expr) && !is_set(&out[g].expr) && s >= 2 && any(t, s - 1, &["at", "from"]) && is(t, s - 2, ",") && is(t, e, ",")) {
            continue;
        }
        // (not the end of a window, nor one linked to a date)
        if links.iter().any(|l| l.members.contains(&g)) || out[g].anchor.is_some() {
            continue;
        }
        let i = g + 1;
        let Expr::Set { each, .. } = &out[i].expr else { continue };
        let days = of_days(each);
        let words = out[i].start > e + 1 && out[i].start <= e + 1 + FRONTED_REACH && (e + 1..out[i].start).all(|k| word(t, k));
        let link = links.iter().position(|l| l.kind == LinkKind::Recurrence && l.members.contains(&i));
        let timed = link.is_some_and(|l| links[l].members.iter().any(|&m| set_clock_of(&out[m].expr)));
        if days && words && !timed {
            take_clock(out, links, link, i, g);
        }
    }
}

/// A clock time that a distributive "each" gives every occurrence of a
/// recurrence later in its sentence: "every night from Thursday, Oct. 23,
/// through Monday, Oct. 27, with each show starting at 7:45 p.m.", "every
/// other Friday from Nov. 4, each running from 12 a.m. to 11:59 p.m." (the
/// end of such a span ends each occurrence).
pub(super) fn distant_clocks(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    for i in 0..out.len() {
        let Expr::Set { each, .. } = &out[i].expr else { continue };
        if matches!(**each, Expr::Time { .. }) {
            continue;
        }
        let link = links.iter().position(|l| l.kind == LinkKind::Recurrence && l.members.contains(&i));
        // (a recurrence with a clock time of its own has its time)
        if link.is_some_and(|l| links[l].members.iter().any(|&m| set_clock_of(&out[m].expr))) {
            continue;
        }
        if link.is_some_and(|l| links[l].members.last() != Some(&i)) {
            continue;
        }
        // the rest of the sentence: "each", a few words, "at" or "from", a clock time
        let mut k = out[i].end;
        let mut found = None;
        // (found expressions are in text order: look one up by its start)
        let starting_at = |k: usize| out.binary_search_by_key(&k, |g| g.start).ok();
        let far = (k + RECURRENCE_END_REACH).min(t.len());
        // (the run it lasts, told after it: "on every day of the fair, leaving at
        // 6:15 a.m.", "every day during the festival, leaving at 5 p.m.")
        let e = out[i].end;
        let run = (any(t, e, &["of", "during", "throughout"]) && is(t, e + 1, "the"))
            .then(|| (e + 2..(e + 3 + RUN_NOUN_WORDS).min(t.len())).find(|&k| !word(t, k) || cap(t, k)))
            .flatten()
            .filter(|&k| k > e + 2 && is(t, k, ","))
            .unwrap_or(e);
        while k < far && !full_stop(t, k) {
            // (or a participle of travel right after the recurrence's comma: "operate
            // every day, leaving Dublin at 11:05, until Oct. 24")
            // (also past its start: "every Thursday and Sunday from Nov. 16, leaving
            // Phoenix at 9:40 each morning")
            // (the expressions since the recurrence are its bounds only)
            let bounds_between = || (out[i].end..k).all(|j| starting_at(j).is_none_or(|g| bound_date(t, out, links, g)));
            let leaving =
                (k == out[i].end + 1 || k == run + 1 || k > out[i].end + 1 && bounds_between()) && is(t, k - 1, ",") && any(t, k, DEPARTING);
            // (or the occurrences named after its comma: "runs Thursdays to
            // Sundays, with screenings at 6 p.m. and 8:30 p.m.")
            let plural = |j: usize| plural_noun(t, j) && !cap(t, j);
            // (or what each one begins with: "every day except Friday until March
            // 19, with distribution starting at 5:30 p.m.")
            let begun = |j: usize| word(t, j) && !cap(t, j) && any(t, j + 1, &["starting", "beginning", "opening"]) && any(t, j + 2, &["at", "from"]);
            // (the occurrences' noun may take a word before it: "with morning
            // sessions starting at 9:30 a.m.", "with guided tours at 11 a.m.")
            let phrase_end = |j: usize| {
                if plural(j) {
                    Some(j + 1)
                } else {
                    (word(t, j) && !cap(t, j) && plural(j + 1)).then_some(j + 2)
                }
            };
            let timed = |h: usize| is(t, h, "at") || any(t, h, &["starting", "beginning", "opening"]) && any(t, h + 1, &["at", "from"]);
            let with = k > out[i].end && is(t, k - 1, ",") && is(t, k, "with") && (phrase_end(k + 1).is_some_and(timed) || begun(k + 1));
            // (or a participle of lasting after a later comma, past the
            // recurrence's place and bounds: "every other Saturday at the North
            // Transfer Station from Dec. 6 through March 28, running from 10
            // a.m. to 2 p.m.")
            let running = k > out[i].end + 1 && is(t, k - 1, ",") && any(t, k, RUNNING) && bounds_between();
            // (or the last or first of each after its comma: "every Friday and
            // Saturday night, with the last departure from Victoria Square at
            // 1:30 a.m.", the clock time that ends each night's service)
            // (not of a recurrence within the day: "every 15 minutes, with the
            // first leaving at 3:30 a.m." is the first of that day's)
            let within_day = matches!(**each, Expr::Duration { unit: Unit::Hour | Unit::Minute, .. });
            // (also past the recurrence's bounds: "every Saturday from May 2 to
            // June 27, with the last entry at 4 p.m.")
            let own_bound = |g: usize| link.is_some_and(|l| links[l].until == Some(g) || links[l].start == Some(g));
            let bounds_only = |k: usize| (out[i].end..k).all(|j| starting_at(j).is_none_or(|g| bound_date(t, out, links, g) || own_bound(g)));
            // (or its window right after its bounds and a comma: "on weekends through
            // the end of August, from noon to 10 p.m.")
            let window_after = k > out[i].end + 1 && is(t, k - 1, ",") && any(t, k, &["from", "between"]) && bounds_only(k);
            if window_after {
                let own_day = |g: usize| out[g].anchor.is_some() || is(t, out[g].end, "on");
                let clock = starting_at(k + 1).filter(|&g| dayless_time(&out[g].expr) && !is_set(&out[g].expr) && !own_day(g));
                if clock.is_some() {
                    found = clock;
                    break;
                }
            }
            let edge = !within_day
                && (k == out[i].end + 1 || k > out[i].end + 1 && bounds_only(k))
                && is(t, k - 1, ",")
                && is(t, k, "with")
                && is(t, k + 1, "the")
                && any(t, k + 2, &["last", "first", "final"]);
            if edge && starting_at(k).is_none() {
                let clock_at = |a: usize| is(t, a, "at") && starting_at(a + 1).is_some_and(|g| dayless_time(&out[g].expr));
                let at = (k + 3..(k + 4 + 2 * EACH_REACH).min(t.len())).take_while(|&a| !full_stop(t, a) && !is(t, a, ",")).find(|&a| clock_at(a));
                let own_day = |g: usize| out[g].anchor.is_some() || is(t, out[g].end, "on");
                found = at.and_then(|a| starting_at(a + 1)).filter(|&g| !is_set(&out[g].expr) && !own_day(g));
                break;
            }
            if (any(t, k, EACH_CUES) || leaving || with || running) && starting_at(k).is_none() {
                let at = (k + 1..(k + 2 + EACH_REACH).min(t.len())).find(|&a| any(t, a, &["at", "from"]));
                // (not a time with a day of its own: "leaving at 5 p.m. on Aug. 3")
                let own_day = |g: usize| out[g].anchor.is_some() || is(t, out[g].end, "on");
                let g = at.and_then(|a| starting_at(a + 1));
                found = g.filter(|&g| dayless_time(&out[g].expr) && !is_set(&out[g].expr) && !own_day(g));
                // (or one read as a daily time of its own only for the part of the
                // day after it: "every Thursday and Sunday, leaving Phoenix at 9:40
                // each morning" is of those days)
                if found.is_none() && of_days(each) && !matches!(**each, Expr::Duration { .. }) {
                    if let Some((g, l)) = g.and_then(|g| Some((g, daily_part_clock(out, links, g)?))) {
                        // (its bounds are the schedule's: ", through April 26")
                        let taken = links.remove(l);
                        if let Some(own) = links.iter_mut().find(|o| o.kind == LinkKind::Recurrence && o.members.contains(&i)) {
                            own.until = own.until.or(taken.until);
                            own.start = own.start.or(taken.start);
                        }
                        out[g].expr = match std::mem::replace(&mut out[g].expr, Expr::Stretch) {
                            Expr::Set { each: inner, .. } => *inner,
                            other => other,
                        };
                        found = Some(g);
                    }
                }
                break;
            }
            k += 1;
        }
        let Some(c) = found else { continue };
        // "at 6 p.m. and 8:30 p.m.": each clock time of a list recurs
        // (also with the noun of another of the day's happenings between: "with
        // morning sessions at 9:30 a.m. and afternoon sessions at 2 p.m.")
        let mut listed: Vec<usize> = clock_list(t, out, c).split_off(1);
        while let Some(g) = Some(listed.last().map_or(c, |&l| l) + 1).filter(|&g| g < out.len()) {
            let p = g - 1;
            if !(dayless_time(&out[g].expr) && !is_set(&out[g].expr) && super::links::spread_list(t, out[p].end, out[g].start)) {
                break;
            }
            listed.push(g);
        }
        // "from 12 a.m. to 11:59 p.m.": the end of each occurrence
        let ends = links
            .iter()
            .position(|l| l.kind == LinkKind::Range && l.members.first() == Some(&c) && l.members.len() == 2)
            .map(|r| (r, links[r].members[1]))
            .filter(|&(_, e)| dayless_time(&out[e].expr));
        if let Some((r, _)) = ends {
            links.remove(r);
        }
        // (the list of its clock times is the recurrence's now)
        if !listed.is_empty() {
            links.retain(|l| !(l.kind == LinkKind::List && l.members.contains(&c)));
        }
        let link = links.iter().position(|l| l.kind == LinkKind::Recurrence && l.members.contains(&i));
        for m in std::iter::once(c).chain(ends.map(|e| e.1)).chain(listed.iter().copied()) {
            out[m].expr = set_of(out[m].expr.clone());
            out[m].anchor = None;
        }
        // the end stated right after the clock: "leaving Dublin at 11:05, until Oct. 24"
        let last = ends.map_or(listed.last().copied().unwrap_or(c), |e| e.1);
        let e = out[last].end;
        let u = if is(t, e, ",") { e + 1 } else { e };
        let until = any(t, u, &["until", "through", "till"])
            .then(|| out.iter().position(|g| g.start == u + 1 && matches!(g.expr, Expr::Date { day: Some(_), .. })))
            .flatten();
        match link {
            Some(l) => {
                links[l].members.push(c);
                links[l].members.extend(&listed);
                links[l].ends = ends.map(|e| e.1);
                links[l].until = links[l].until.or(until);
            }
            None => links.push(Link {
                kind: LinkKind::Recurrence,
                members: [i, c].into_iter().chain(listed).collect(),
                until,
                lasting: None,
                start: None,
                ends: ends.map(|e| e.1),
                through: false,
            }),
        }
    }
}

/// Whether found expression `g` is a date that bounds a run of days: one
/// after a word of start or end ("from Dec. 6", "through March 28"), or
/// the end of a range such a word opens.
pub(super) fn bound_date(t: &Tokens<'_>, out: &[Found], links: &[Link], g: usize) -> bool {
    let cued = |g: usize| out[g].start > 0 && (any(t, out[g].start - 1, START_CUES) || any(t, out[g].start - 1, UNTIL_CUES));
    matches!(out[g].expr, Expr::Date { day: Some(_), .. })
        && (cued(g) || links.iter().any(|l| l.kind == LinkKind::Range && l.members.len() == 2 && l.members[1] == g && cued(l.members[0])))
}

/// Clock times that count the happenings of each day: "two guided tours a
/// day, at 10 a.m. and 2 p.m.", "three departures per day at 6 a.m., noon
/// and 6 p.m." A number of plural things "a day" names no time of its own
/// (TimeML tags none), but the clock times after it recur daily.
pub(super) fn per_day_clocks(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    let mut c = 0;
    while c < out.len() {
        let s = out[c].start;
        let at = s.checked_sub(1).filter(|&a| is(t, a, "at"));
        let day = at.map(|a| if a > 0 && is(t, a - 1, ",") { a - 1 } else { a }).and_then(|d| d.checked_sub(1));
        let counted = day.is_some_and(|d| d >= 3 && is(t, d, "day") && any(t, d - 1, &["a", "per"]) && counted_plural(t, d - 2));
        if !(counted && dayless_time(&out[c].expr) && !is_set(&out[c].expr))
            || links.iter().any(|l| l.kind != LinkKind::List && l.members.contains(&c))
        {
            c += 1;
            continue;
        }
        // the clock times of its list: "at 6 a.m., noon and 6 p.m."
        c += recur_daily(t, out, links, c);
    }
}

/// Clock times a daily schedule moves to, told after it with "then": "will
/// leave nightly at 8 p.m. and 10 p.m. until Saturday, then at 9 p.m. and 11
/// p.m. from Sunday". They recur daily too, from the start told after them.
/// (A schedule on some days only would need its days copied; it is left as
/// it is.)
pub(super) fn then_clocks(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    let mut c = 0;
    while c < out.len() {
        let s = out[c].start;
        let then = s >= 2 && is(t, s - 1, "at") && is(t, s - 2, "then");
        if !(then && dayless_time(&out[c].expr) && !is_set(&out[c].expr)) || links.iter().any(|l| l.kind != LinkKind::List && l.members.contains(&c))
        {
            c += 1;
            continue;
        }
        // the daily schedule before it in its sentence
        let stop = |k: usize| full_stop(t, k);
        let daily = links.iter().any(|l| {
            l.kind == LinkKind::Recurrence
                && l.members.iter().any(|&m| set_clock_of(&out[m].expr))
                && l.members.iter().any(|&m| {
                    matches!(&out[m].expr, Expr::Set { each, .. } if matches!(**each, Expr::Duration { amount: Amount::N(1), unit: Unit::Day } | Expr::PartOfDay { date: None, .. }))
                })
                && l.members.iter().all(|&m| out[m].end <= s && s - out[m].end <= RECURRENCE_END_REACH && !(out[m].end..s).any(stop))
        });
        if !daily {
            c += 1;
            continue;
        }
        // (what follows the times is their start or end, or nothing: not a
        // clause of its own, "then at 8 p.m. a closing concert marks its end")
        let end = out[c + clock_list(t, out, c).len() - 1].end;
        if !(end >= t.len() || is(t, end, ",") || full_stop(t, end) || any(t, end, THEN_BOUNDS)) {
            c += 1;
            continue;
        }
        c += recur_daily(t, out, links, c);
    }
}

/// Words after "and" that are no bare verb of a second clock time.
const NOT_VERBS: &[&str] = &["will", "would", "was", "were", "is", "are", "then", "the", "a", "an", "its", "their", "his", "her", "our"];

/// Words that carry a verb of travel on to its way or place ("and sail
/// back from North Sydney at", "and return from Mombasa at", "and arrive in
/// Nairobi at").
const WAY_WORDS: &[&str] = &["back", "from", "to", "in", "into", "out", "on"];

/// Object pronouns a verb may take before "at" ("and end them at").
const OBJECT_PRONOUNS: &[&str] = &["them", "it", "up", "down", "off", "out"];

/// Clock times joined by "and" to a recurrence's own, which recur on its
/// days too: one before its first with a verb of its own ("Doors open at
/// 11 a.m. and close at 9 p.m. from Thursday to Saturday", "start lessons
/// at 8 a.m. and end them at 3:30 p.m. on weekdays"), and one after its
/// last told with the verb left out ("On each Saturday and Sunday, the
/// first game starts at 10:30 a.m. and the second at 6 p.m.").
pub(super) fn coordinated_clocks(t: &Tokens<'_>, out: &mut [Found], links: &mut [Link]) {
    // the expressions some link holds already (one pass, not one per recurrence)
    let mut linked = vec![false; out.len()];
    for l in links.iter() {
        l.members.iter().chain(&l.ends).for_each(|&m| linked[m] = true);
    }
    for link in links.iter_mut().filter(|l| l.kind == LinkKind::Recurrence) {
        clock_before(t, out, link, &mut linked);
        clock_after(t, out, link, &mut linked);
    }
}

/// Whether `m` is a one-off clock time of no day and no link, which a
/// recurrence may take.
fn free_clock(out: &[Found], linked: &[bool], m: usize) -> bool {
    dayless_time(&out[m].expr) && !is_set(&out[m].expr) && out[m].anchor.is_none() && !linked[m]
}

/// The clock time before recurrence `link`'s first one, joined by "and" and
/// a verb of its own ("open at 11 a.m. and close at 9 p.m.").
fn clock_before(t: &Tokens<'_>, out: &mut [Found], link: &mut Link, linked: &mut [bool]) {
    let Some(&c) = link.members.iter().filter(|&&m| set_clock_of(&out[m].expr)).min_by_key(|&&m| out[m].start) else { return };
    // (not a time on a day of its own: "On Friday, the ribbon-cutting starts at 9 a.m.")
    let Some(p) = c.checked_sub(1).filter(|&p| free_clock(out, linked, p)) else { return };
    // "and close at", "and end them at": "and", a bare verb, at most a
    // pronoun for its object, "at" (not a subject of its own: "and guided
    // tours run at")
    let (a, b) = (out[p].end, out[c].start);
    let verb = word(t, a + 1) && !cap(t, a + 1) && !any(t, a + 1, NOT_VERBS);
    // (or a way back or on, with the place: "leave Port aux Basques at 11:30
    // a.m. and sail back from North Sydney at 11:45 p.m. every day")
    let way = any(t, a + 2, WAY_WORDS) && b <= a + 2 + JOURNEY_WORDS && (a + 2..b - 1).all(|k| word(t, k));
    let object = b == a + 3 || b == a + 4 && any(t, a + 2, OBJECT_PRONOUNS) || way;
    if !(is(t, a, "and") && verb && object && is(t, b - 1, "at")) {
        return;
    }
    recur(out, p);
    link.members.push(p);
    linked[p] = true;
    // ("open at 11 a.m. and close at 9 p.m.": the later time ends each
    // occurrence, as in "open daily at 9 a.m. and close at 6 p.m.")
    if link.ends.is_none() && any(t, a + 1, CLOSES_AT) {
        link.members.retain(|&m| m != c);
        link.ends = Some(c);
    }
}

/// Words after "the" that name another of the happenings a recurrence's
/// clause is about, with its verb left out ("and the second at 6 p.m.").
const ANOTHER_OF: &[&str] = &["other", "last", "final", "late", "later", "next", "return", "evening", "morning", "afternoon"];

/// The clock time after recurrence `link`'s last one, told with its verb
/// left out: "and", "the", an ordinal or a word of [`ANOTHER_OF`], at most
/// one noun, "at" ("and the second at 6 p.m.", "and the last one at 11
/// p.m."; a verb of its own makes another clause, "and guided tours run at
/// 2 p.m.").
fn clock_after(t: &Tokens<'_>, out: &mut [Found], link: &mut Link, linked: &mut [bool]) {
    let Some(&c) = link.members.iter().filter(|&&m| set_clock_of(&out[m].expr)).max_by_key(|&&m| out[m].start) else { return };
    let Some(g) = Some(c + 1).filter(|&g| g < out.len() && free_clock(out, linked, g)) else { return };
    let (a, b) = (out[c].end, out[g].start);
    let another = |k: usize| any(t, k, ANOTHER_OF) || ordinal(t, k).is_some_and(|(e, _)| e == k + 1);
    let noun = |k: usize| word(t, k) && !cap(t, k) && !super::tense::past_form(t, k) && !any(t, k, NOT_VERBS);
    // (or the same noun as the first's, with a word of its own: "with day
    // sessions starting daily at 11 a.m. and night sessions at 7 p.m.")
    let head = b.checked_sub(2).filter(|&h| h > a && noun(h) && (h == a + 1 || h == a + 2 && noun(a + 1)));
    let parallel = head.is_some_and(|h| (out[c].start.saturating_sub(PARALLEL_NOUN_REACH)..out[c].start).any(|k| word(t, k) && t.lw(k) == t.lw(h)));
    let elided = is(t, a + 1, "the") && another(a + 2) && (b == a + 4 || b == a + 5 && noun(a + 3));
    if is(t, a, "and") && is(t, b - 1, "at") && (elided || parallel) {
        recur(out, g);
        link.members.push(g);
        linked[g] = true;
    }
}

/// Words that may follow the clock times a schedule moves to with "then":
/// their start or end ("then at 9 p.m. from Sunday").
const THEN_BOUNDS: &[&str] = &["from", "until", "till", "through", "starting", "beginning", "on", "each", "every", "daily", "nightly"];

/// The clock times listed from the one-off time `c` on ("at 6 a.m., noon
/// and 6 p.m."): `c` and those joined to it by "and" or commas.
fn clock_list(t: &Tokens<'_>, out: &[Found], c: usize) -> Vec<usize> {
    let mut members = vec![c];
    let mut e = out[c].end;
    while let Some(g) = Some(c + members.len()).filter(|&g| g < out.len()) {
        let s2 = if is(t, e, ",") && is(t, e + 1, "and") { e + 2 } else { e + 1 };
        if !(any(t, e, &["and", ","]) && out[g].start == s2 && dayless_time(&out[g].expr) && !is_set(&out[g].expr)) {
            break;
        }
        members.push(g);
        e = out[g].end;
    }
    members
}

/// Makes the clock list from `c` on recur daily, as one recurrence when it
/// holds several (the list link they formed gives way): how many it holds.
fn recur_daily(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>, c: usize) -> usize {
    let members = clock_list(t, out, c);
    links.retain(|l| !(l.kind == LinkKind::List && l.members.iter().any(|m| members.contains(m))));
    for &m in &members {
        out[m].expr = set_of(out[m].expr.clone());
        out[m].anchor = None;
    }
    let n = members.len();
    if n > 1 {
        links.push(Link { kind: LinkKind::Recurrence, members, until: None, lasting: None, start: None, ends: None, through: false });
    }
    n
}

/// Words that open a clause of its own inside a sentence, or report one:
/// what a fronted month dates before them is not the clause after them.
const CLAUSE_OPENERS: &[&str] = &["which", "that", "who", "where", "said", "says", "say", "announced", "confirmed"];

/// An end told of a schedule by a clause that goes on with it, its verb
/// taken up by "do so": "have been streaming practice sessions nightly at 9
/// p.m. and will keep doing so until Thursday", "airs weekdays at 6 a.m.
/// and will continue to do so through Dec. 19". The end bounds the last
/// schedule before it in its sentence that has none.
pub(super) fn ends_done_so(t: &Tokens<'_>, out: &[Found], links: &mut [Link]) {
    for (g, f) in out.iter().enumerate() {
        let s = f.start;
        let day = matches!(f.expr, Expr::Date { day: Some(_), .. }) || f.expr.is_weekday();
        if !(day && s >= 3 && any(t, s - 1, UNTIL_CUES) && is(t, s - 2, "so") && any(t, s - 3, &["doing", "do"])) {
            continue;
        }
        // (the schedule's sentence: no full stop between)
        let lo = s.saturating_sub(RECURRENCE_END_REACH);
        let sentence = (lo..s).rev().find(|&k| full_stop(t, k)).map_or(lo, |k| k + 1);
        let schedule = links
            .iter_mut()
            .filter(|l| l.kind == LinkKind::Recurrence && l.until.is_none() && l.lasting.is_none())
            .filter(|l| l.members.iter().all(|&m| out[m].start >= sentence && out[m].end <= s))
            .max_by_key(|l| l.members.iter().map(|&m| out[m].end).max().unwrap_or(0));
        if let Some(l) = schedule {
            l.until = Some(g);
        }
    }
}

/// The recurrence a clock time at found expression `g` makes with only the
/// part of the day right after it ("at 9:40 each morning"), if that is all
/// its link holds besides its bounds: a daily time that a schedule of days
/// told before it in its clause takes over.
fn daily_part_clock(out: &[Found], links: &[Link], g: usize) -> Option<usize> {
    let pod = |m: usize| matches!(&out[m].expr, Expr::Set { each, .. } if matches!(**each, Expr::PartOfDay { date: None, .. }));
    let l = links.iter().position(|l| l.kind == LinkKind::Recurrence && l.members.contains(&g))?;
    let link = &links[l];
    (set_clock_of(&out[g].expr) && link.members.len() == 2 && link.members.iter().all(|&m| m == g || m == g + 1 && pod(m))).then_some(l)
}
