//! Linking: after composition, adjacent expressions that belong together are
//! connected. A bare day after a date inherits its month ("April 23 and 24"),
//! a weekday or clock time after a recurrence joins it ("every Saturday and
//! Sunday at 9:10 pm"), a clock time after a date sits on that day ("April 25
//! at 12 am"), and coordinated or hyphenated expressions form lists and ranges.

use super::times::clock;
use super::words::*;
use crate::expr::{Amount, Dir, Expr, Pod, Unit};
use crate::grammar::{Found, Link, LinkKind};
use crate::lex::Tokens;
use crate::tuning::{EVENT_GAP_REACH, FREQUENCY_NOUN_REACH, MOVE_REACH, RUN_NOUN_WORDS, SPREAD_CLAUSE_WORDS};

/// Verbs in the present that move a happening from one time to another
/// (with the past forms of `recurring::MOVING`): "moves from Tuesday nights
/// to Thursday nights" is no span of days.
const MOVES: &[&str] = &["move", "moves", "moving", "switch", "switches", "switching", "shift", "shifts", "shifting"];

fn day_of(e: &Expr) -> Option<(Option<i32>, u8, Dir)> {
    match e {
        Expr::Date { year, month: Some(m), day: Some(_), dir } => Some((*year, *m, *dir)),
        _ => None,
    }
}

/// Whether an expression names one day: a weekday, a date with its day,
/// "today" or "tomorrow", or a holiday ("until noon on Boxing Day").
fn names_day(e: &Expr) -> bool {
    e.is_weekday() || matches!(e, Expr::Date { day: Some(_), .. } | Expr::Relative { unit: Unit::Day, .. } | Expr::Holiday { .. })
}

pub(super) fn is_set(e: &Expr) -> bool {
    matches!(e, Expr::Set { .. })
}

/// Whether the tokens `[from, to)` are exactly `words`.
pub(super) fn gap_is(t: &Tokens<'_>, from: usize, to: usize, words: &[&str]) -> bool {
    to >= from && to - from == words.len() && words.iter().enumerate().all(|(k, w)| t.lw(from + k) == *w)
}

/// Whether the tokens `[from, to)` only finish naming an event's day before
/// the date of that day: nothing, "on", or a short phrase of plain words
/// ("in office", "of the talks on"), but no verb, which would date something
/// else ("the first day of the trial, which began Monday").
fn event_gap(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    to >= from
        && to - from <= EVENT_GAP_REACH
        && (from..to).all(|k| word(t, k) && !cap(t, k) && t.toks[k].cue == crate::lexicon::Cue::None && !super::tense::past_form(t, k))
        // (nor the other end of a stretch: "from that day until March 31")
        && !(from..to).any(|k| any(t, k, &["until", "till", "through", "thru", "to"]))
}

/// Connectors between two expressions and the relation they state.
fn connector(t: &Tokens<'_>, from: usize, to: usize) -> Option<LinkKind> {
    match to.checked_sub(from)? {
        1 => match t.lw(from) {
            "and" | "or" | "," | "&" => Some(LinkKind::List),
            "-" | "–" | "—" | "to" | "through" | "thru" | "until" | "till" => Some(LinkKind::Range),
            _ => None,
        },
        2 if is(t, from, ",") && any(t, from + 1, &["and", "or"]) => Some(LinkKind::List),
        // "from 10 p.m. Saturday, Nov. 5, to 4 a.m. Sunday" (after "from" only)
        2 if is(t, from, ",") && any(t, from + 1, &["to", "through", "until", "till"]) => Some(LinkKind::Range),
        // "from 6 p.m. on Friday through to 6 a.m. Saturday", "up until"
        2 if any(t, from, &["through", "right", "up"]) && any(t, from + 1, &["to", "until", "till"]) => Some(LinkKind::Range),
        3 if is(t, from, ",") && any(t, from + 1, &["through", "right", "up"]) && any(t, from + 2, &["to", "until", "till"]) => Some(LinkKind::Range),
        _ => None,
    }
}

/// The rank of a unit a compound length may be written in, largest first.
fn compound_rank(u: Unit) -> Option<u8> {
    Some(match u {
        Unit::Year => 7,
        Unit::Month => 6,
        Unit::Week => 5,
        Unit::Day => 4,
        Unit::Hour => 3,
        Unit::Minute => 2,
        Unit::Second => 1,
        _ => None?,
    })
}

/// The amounts of a length in each unit, largest first.
type Parts = Vec<(u32, Unit)>;

/// The parts of a length that a smaller unit may extend, and the modifier
/// around it: "1 hour", "about 17 years", "1 hour 26 minutes".
fn compound_parts(e: &Expr) -> Option<(Parts, Option<crate::expr::Mod>)> {
    match e {
        Expr::Duration { amount: Amount::N(n), unit } => compound_rank(*unit).map(|_| (vec![(*n, *unit)], None)),
        Expr::Compound { parts } => Some((parts.clone(), None)),
        Expr::Mod { m, inner } => compound_parts(inner).filter(|(_, inner_mod)| inner_mod.is_none()).map(|(p, _)| (p, Some(*m))),
        _ => None,
    }
}

/// Joins lengths written in falling units into one: "1 hour 26 minutes",
/// "17 years and three months", "35 minutes and 38 seconds".
fn join_compounds(t: &Tokens<'_>, found: &mut Vec<Found>) {
    // one pass, writing the kept expressions to the front (linear however many join)
    let mut w = 0;
    for k in 0..found.len() {
        if w > 0 {
            let (a, b) = (&found[w - 1], &found[k]);
            let gap = |words: &[&str]| gap_is(t, a.end, b.start, words);
            let joined = match (compound_parts(&a.expr), &b.expr) {
                (Some((mut parts, m)), Expr::Duration { amount: Amount::N(n), unit })
                    if (gap(&[]) || gap(&["and"]) || gap(&[","]) || gap(&[",", "and"]))
                        // ("for 20 years, five days a week": a rate, not a part)
                        && !(any(t, b.end, &["a", "an", "per", "each", "every"]) && super::words::unit(t, b.end + 1).is_some())
                        && parts.last().and_then(|p| compound_rank(p.1)).zip(compound_rank(*unit)).is_some_and(|(x, y)| x > y) =>
                {
                    parts.push((*n, *unit));
                    let c = Expr::Compound { parts };
                    Some(match m {
                        Some(m) => Expr::Mod { m, inner: Box::new(c) },
                        None => c,
                    })
                }
                _ => None,
            };
            if let Some(expr) = joined {
                found[w - 1].end = found[k].end;
                found[w - 1].expr = expr;
                continue;
            }
        }
        found.swap(w, k);
        w += 1;
    }
    found.truncate(w);
}

/// Extends and links the found expressions in place; returns the links.
pub fn link(t: &Tokens<'_>, found: &mut Vec<Found>) -> Vec<Link> {
    join_compounds(t, found);
    church_calendar(t, found);
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    let mut links = Vec::new();
    let mut k = 0;
    while k < found.len() {
        let f = found[k].clone();
        let next_start = found.get(k + 1).map_or(t.len(), |n| n.start);
        // "10-12 July", "5 and 6 June 2013": a bare day before a date
        // written day first takes its month and year
        // ("Saturday 19 and Sunday 20 June": each day with its weekday)
        let dated_weekday = |k: usize| weekday(t, k).is_some_and(|(e, _)| e == k + 1);
        let before = day_of(&f.expr).and_then(|(year, month, dir)| {
            let s = f.start;
            let (e, d) = day(t, s.checked_sub(2)?)?;
            let kind = connector(t, e, s)?;
            let free = out.last().is_none_or(|p| p.end <= s - 2);
            let d0 = if dated_weekday(s) { s + 1 } else { s };
            let day_first = digits(t, d0) && month_word(t, d0 + 1).is_some();
            // (not "1.5-12 July" nor "3-10-12 July")
            // (a label's colon is no number's: "Cruise: 3–10 May 2031")
            let after_number = s >= 3 && adj(t, s - 2) && (digits(t, s - 3) || any(t, s - 3, &["-", ".", ":"]));
            (e == s - 1 && free && day_first && !after_number)
                .then_some((kind, Found { start: s - 2, end: e, expr: Expr::Date { year, month: Some(month), day: Some(d), dir }, anchor: None }))
        });
        if let Some((kind, mut b)) = before {
            // (its weekday, found alone, is part of it)
            let s = b.start;
            if s > 0 && dated_weekday(s - 1) && out.last().is_some_and(|p| p.start == s - 1 && p.end == s && p.expr.is_weekday()) {
                out.pop();
                b.start = s - 1;
            }
            out.push(b);
            out.push(f.clone());
            links.push(Link {
                kind,
                members: vec![out.len() - 2, out.len() - 1],
                until: None,
                lasting: None,
                start: None,
                ends: None,
                through: false,
            });
            k += 1;
            continue;
        }
        out.push(f.clone());
        let first = out.len() - 1;
        // "April 23 and 24", "May 3-7": bare days inherit month and year
        if let Some((year, month, dir)) = day_of(&f.expr) {
            let mut members = vec![first];
            let mut kind = LinkKind::List;
            let mut j = f.end;
            while let Some(c) = (j + 1..(j + 3).min(next_start + 1)).find(|&c| day(t, c).is_some() && connector(t, j, c).is_some()) {
                let (e, d) = day(t, c).unwrap_or((c, 0));
                if month_word(t, e).is_some()
                    || clock(t, c).is_some()
                    || any(t, e, &[":", "%"])
                    || jiff::civil::Date::new(2000, month as i8, d as i8).is_err()
                    // (a number another expression starts with is that one's:
                    // "January 1, 2 1/2 seconds")
                    || e > next_start
                {
                    break;
                }
                kind = connector(t, j, c).unwrap_or(LinkKind::List);
                out.push(Found { start: c, end: e, expr: Expr::Date { year, month: Some(month), day: Some(d), dir }, anchor: None });
                members.push(out.len() - 1);
                j = e;
                if kind == LinkKind::Range {
                    break;
                }
            }
            // "on August 6 and 9, 1945": a year after the last day dates them all
            if members.len() > 1 && year.is_none() && is(t, j, ",") {
                if let Some((e, y)) = super::words::year(t, j + 1) {
                    for &m in &members {
                        if let Expr::Date { year, .. } = &mut out[m].expr {
                            *year = Some(y);
                        }
                    }
                    if let Some(last) = out.last_mut() {
                        last.end = e;
                    }
                    while found.get(k + 1).is_some_and(|n| n.start < e) {
                        k += 1; // the year was found on its own; absorb it
                    }
                }
            }
            if members.len() > 1 {
                links.push(Link { kind, members, until: None, lasting: None, start: None, ends: None, through: false });
            }
        }
        // "every Saturday and Sunday at 9:10 pm KST"
        if let Expr::Set { each, .. } = &f.expr {
            let mut members = vec![first];
            // (where the times from another place begin: each run is a schedule
            // of its own on the same days)
            let mut places: Vec<usize> = Vec::new();
            let mut ends = None;
            let mut through = false;
            let mut j = f.end;
            // "Monday to Friday evenings at 7pm": a weekday before it begins a span
            let day_of_set = |e: &Expr| match e {
                Expr::Weekday { .. } => true,
                Expr::PartOfDay { date: Some(d), .. } => matches!(**d, Expr::Weekday { .. }),
                _ => false,
            };
            if day_of_set(each) && first > 0 {
                let p = first - 1;
                let gap = |w: &[&str]| gap_is(t, out[p].end, f.start, w);
                let linked = links.iter().any(|l| l.members.contains(&p));
                if matches!(out[p].expr, Expr::Weekday { dir: Dir::Infer, .. })
                    && !linked
                    && (gap(&["to"]) || gap(&["through"]) || gap(&["thru"]) || gap(&["-"]) || gap(&["–"]))
                {
                    out[p].expr = set_of(out[p].expr.clone());
                    out[p].anchor = None;
                    members.insert(0, p);
                    through = true;
                }
            }
            if matches!(**each, Expr::Weekday { .. }) {
                while any(t, j, &["and", ",", "or"]) {
                    let s = if is(t, j, ",") && is(t, j + 1, "and") { j + 2 } else { j + 1 };
                    // ("Saturdays and Sundays at 9:20 p.m.": plural days list too)
                    let Some((e, dow)) = weekday(t, s).or_else(|| weekdays(t, s)) else { break };
                    if found.get(k + 1).is_some_and(|n| n.start == s) {
                        k += 1; // the weekday was found on its own; absorb it
                    }
                    // ("each Tuesday and Thursday evening at 7:30": the part of the
                    // day after the last goes with all of them)
                    let (e, day) = match pod(t, e).filter(|_| word(t, e) && !any(t, e + 1, &["and", "or"])) {
                        Some(p) => {
                            for &m in &members {
                                if let Expr::Set { each, .. } = &mut out[m].expr {
                                    if matches!(**each, Expr::Weekday { .. }) {
                                        **each = Expr::PartOfDay { pod: p, date: Some(each.clone()) };
                                    }
                                }
                            }
                            (e + 1, Expr::PartOfDay { pod: p, date: Some(Box::new(Expr::Weekday { dow, dir: Dir::Infer })) })
                        }
                        None => (e, Expr::Weekday { dow, dir: Dir::Infer }),
                    };
                    out.push(Found { start: s, end: e, expr: set_of(day), anchor: None });
                    members.push(out.len() - 1);
                    j = e;
                }
                // "Mondays through Thursdays", "every Monday to Saturday": the days of a span
                if members.len() == 1 && (any(t, j, &["through", "thru", "to"]) || (any(t, j, &["-", "–"]) && adj(t, j))) {
                    if let Some((e, dow)) = weekday(t, j + 1).or_else(|| weekdays(t, j + 1)) {
                        if found.get(k + 1).is_some_and(|n| n.start == j + 1) {
                            k += 1;
                        }
                        out.push(Found { start: j + 1, end: e, expr: set_of(Expr::Weekday { dow, dir: Dir::Infer }), anchor: None });
                        members.push(out.len() - 1);
                        through = true;
                        j = e;
                    }
                }
            }
            // ("Tuesday and Thursday evenings", "Monday nights and Friday nights":
            // parts of weekdays found one by one are one list)
            if matches!(**each, Expr::PartOfDay { .. }) && day_of_set(each) && members.len() == 1 {
                while any(t, j, &["and", ",", "or"]) {
                    let s = if is(t, j, ",") && is(t, j + 1, "and") { j + 2 } else { j + 1 };
                    let next = found.get(k + 1).filter(|n| {
                        n.start == s && matches!(&n.expr, Expr::Set { each, .. } if day_of_set(each) && matches!(**each, Expr::PartOfDay { .. }))
                    });
                    let Some(n) = next else { break };
                    j = n.end;
                    k += 1;
                    out.push(found[k].clone());
                    members.push(out.len() - 1);
                }
            }
            // ("every night from Monday to Thursday", in a sentence that dates its
            // run otherwise, "from July 19 through Aug. 13": the weekdays are
            // its days, not its bounds)
            let daily = matches!(**each, Expr::Duration { amount: Amount::N(1), unit: Unit::Day } | Expr::PartOfDay { date: None, .. });
            if daily && members.len() == 1 && is(t, j, "from") {
                let span = weekday(t, j + 1).and_then(|(e, a)| {
                    let (e2, b) = weekday(t, e + 1).filter(|_| any(t, e, &["to", "through", "thru"]))?;
                    Some((e, a, e2, b))
                });
                // (bare weekdays, no date in apposition: "from Monday, July 19, to ...")
                let bare = |e: usize| !is(t, e, ",") || !digits(t, e + 1) && month_word(t, e + 1).is_none();
                if let Some((e, a, e2, b)) = span.filter(|&(e, _, e2, _)| bare(e) && bare(e2) && dates_sentence(t, found, f.start)) {
                    while found.get(k + 1).is_some_and(|n| n.start < e2) {
                        k += 1;
                    }
                    out.push(Found { start: j + 1, end: e, expr: set_of(Expr::Weekday { dow: a, dir: Dir::Infer }), anchor: None });
                    members.push(out.len() - 1);
                    out.push(Found { start: e + 1, end: e2, expr: set_of(Expr::Weekday { dow: b, dir: Dir::Infer }), anchor: None });
                    members.push(out.len() - 1);
                    through = true;
                    j = e2;
                }
            }
            // ("Sunday nights through Thursday nights": a span of parts of weekdays)
            // (not a move from one to the other: "moves from Tuesday nights to Thursday nights")
            let moved = (f.start.saturating_sub(MOVE_REACH)..f.start).any(|k| any(t, k, super::recurring::MOVING) || any(t, k, MOVES));
            if matches!(**each, Expr::PartOfDay { .. }) && day_of_set(each) && members.len() == 1 && !moved && any(t, j, &["through", "thru", "to"]) {
                // (of the same shape: "move from Tuesday mornings to Wednesdays" is a change)
                let next = found.get(k + 1).filter(|n| {
                    n.start == j + 1 && matches!(&n.expr, Expr::Set { each, .. } if day_of_set(each) && matches!(**each, Expr::PartOfDay { .. }))
                });
                if let Some(n) = next {
                    j = n.end;
                    k += 1;
                    out.push(found[k].clone());
                    members.push(out.len() - 1);
                    through = true;
                }
            }
            // "fortnightly on Tuesdays", "every two weeks on Monday": the days of its weeks
            // ("fortnightly follow-up calls on Tuesdays": a noun between, with plural days)
            let noun_on = (j + 1..(j + FREQUENCY_NOUN_REACH + 1).min(t.len()))
                .find(|&o| is(t, o, "on") && weekdays(t, o + 1).is_some())
                .filter(|&o| (j..o).all(|x| word(t, x) && !cap(t, x) || any(t, x, &["-"])) && found.get(k + 1).is_none_or(|n| n.start > o));
            if matches!(**each, Expr::Duration { unit: Unit::Week | Unit::Fortnight, .. }) && (is(t, j, "on") || noun_on.is_some()) {
                let mut s = noun_on.unwrap_or(j) + 1;
                while let Some((e, dow)) = weekday(t, s).or_else(|| weekdays(t, s)) {
                    while found.get(k + 1).is_some_and(|n| n.start < e) {
                        k += 1;
                    }
                    out.push(Found { start: s, end: e, expr: set_of(Expr::Weekday { dow, dir: Dir::Infer }), anchor: None });
                    members.push(out.len() - 1);
                    j = e;
                    if !any(t, e, &["and", ","]) {
                        break;
                    }
                    s = if is(t, e, ",") && is(t, e + 1, "and") { e + 2 } else { e + 1 };
                }
            }
            // "monthly on the 15th at noon": the day of the month it falls on
            if matches!(**each, Expr::Duration { amount: Amount::N(1), unit: Unit::Month }) && is(t, j, "on") && is(t, j + 1, "the") {
                if let Some((e, d)) = day(t, j + 2).filter(|&(e, _)| e > j + 2 && !word(t, e) || any(t, e, DAY_OF_MONTH_FOLLOWERS)) {
                    if found.get(k + 1).is_some_and(|n| n.start == j + 1) {
                        k += 1;
                    }
                    let each =
                        Expr::DayOf { day: crate::expr::DayIn::Nth(d), period: Box::new(Expr::Duration { amount: Amount::N(1), unit: Unit::Month }) };
                    out.push(Found { start: j + 1, end: e, expr: set_of(each), anchor: None });
                    members.push(out.len() - 1);
                    j = e;
                }
            }
            // "every weekend, on both Saturday and Sunday, at 9:10 a.m.": the days
            // told again in an aside are the recurrence's, and its clock follows
            let days_of_set = matches!(**each, Expr::Weekend { .. } | Expr::Workdays | Expr::DaysBut { .. }) || each.is_weekday();
            if days_of_set && is(t, j, ",") && is(t, j + 1, "on") {
                let s = if is(t, j + 2, "both") { j + 3 } else { j + 2 };
                let mut days = Vec::new();
                let mut e = s;
                while let Some((e2, dow)) = weekday(t, e).or_else(|| weekdays(t, e)) {
                    days.push((e, e2, dow));
                    e = e2;
                    if !(any(t, e, &["and", "or"]) || is(t, e, ",") && (weekday(t, e + 1).is_some() || is(t, e + 1, "and"))) {
                        break;
                    }
                    e += if is(t, e, ",") && is(t, e + 1, "and") { 2 } else { 1 };
                }
                if !days.is_empty() && is(t, e, ",") {
                    while found.get(k + 1).is_some_and(|n| n.start < e) {
                        k += 1;
                    }
                    for (s, e2, dow) in days {
                        out.push(Found { start: s, end: e2, expr: set_of(Expr::Weekday { dow, dir: Dir::Infer }), anchor: None });
                        members.push(out.len() - 1);
                    }
                    j = e;
                }
            }
            // "every Thursday in October at 7 p.m.": a month between the days and
            // the clock time bounds the recurrence (it stays an expression of
            // its own), and the clock time is the recurrence's
            // ("every day of the festival at 6 a.m.": the run it lasts, then its
            // time; "every day of the fair from 9 a.m. to 7 p.m.", its window)
            // ("on Tuesday evenings during the festival, from 5 p.m. to 9 p.m.":
            // the run after "during" or "throughout", and its comma)
            if any(t, j, &["of", "during", "throughout"]) && is(t, j + 1, "the") {
                let at = (j + 2..(j + 4 + RUN_NOUN_WORDS).min(t.len())).find(|&a| any(t, a, &["at", "from", "between"]));
                let noun = |a: usize| {
                    let e = if is(t, a - 1, ",") && !is(t, j, "of") { a - 1 } else { a };
                    e > j + 2 && (j + 2..e).all(|w| word(t, w) && !cap(t, w))
                };
                // (no expression of its own between: "throughout the summer at 9 a.m.")
                if let Some(a) = at.filter(|&a| noun(a) && clock(t, a + 1).is_some() && found.get(k + 1).is_none_or(|n| n.start > a)) {
                    j = a;
                }
            }
            // "a daily briefing at 9 a.m.", "its nightly recap at 10:30 p.m.":
            // a frequency adjective's noun stands between it and its time
            let daily = matches!(**each, Expr::Duration { amount: Amount::N(1), unit: Unit::Day } | Expr::PartOfDay { date: None, .. });
            // (a name may stand in the phrase before its lower-case head noun: "a
            // new daily TGV Lyria departure at 07:34")
            let named = |w: usize| word(t, w) && cap(t, w) && !t.toks[w].newline_before;
            if daily && f.end == f.start + 1 && word(t, j) && (!cap(t, j) || named(j)) {
                let at = (j + 1..(j + 1 + RUN_NOUN_WORDS).min(t.len())).find(|&a| is(t, a, "at")).filter(|&a| noun_word(t, a - 1));
                let noun = |w: usize| noun_word(t, w) || named(w);
                // (or the noun is the subject of a verb with "will": "daily
                // challenges will reset at 17:00 UTC")
                let verb_at = (j + 1..(j + RUN_NOUN_WORDS).min(t.len()))
                    .find(|&w| is(t, w, "will"))
                    .filter(|&w| (j..w).all(noun) && word(t, w + 1) && !any(t, w + 1, NOT_NOUNS) && is(t, w + 2, "at"))
                    .map(|w| w + 2);
                let at = at.filter(|&a| (j..a).all(noun)).or(verb_at);
                // (not a time with a recurrence of its own right after it: "Daily login
                // rewards will reset at 5 a.m. every day starting June 19")
                let own_set = |a: usize| {
                    clock(t, a + 1).is_some_and(|(e, _)| found.binary_search_by_key(&e, |n| n.start).is_ok_and(|g| is_set(&found[g].expr)))
                };
                if let Some(a) = at.filter(|&a| clock(t, a + 1).is_some() && !own_set(a) && found.get(k + 1).is_none_or(|n| n.start > a)) {
                    j = a;
                }
            }
            // "each day's play begins at 10 a.m.", "each day's action live from
            // 4 p.m.": what the day's possessive owns happens at the time told
            // in its clause
            let possessive = any(t, j, &["'", "’"]) && adj(t, j) && is(t, j + 1, "s") && adj(t, j + 1);
            if daily && f.end > f.start + 1 && possessive {
                // (not a past day's: "Each day's hearing ended at 4 p.m. last week")
                let at = (j + 3..(j + 3 + RUN_NOUN_WORDS).min(t.len()))
                    .take_while(|&a| word(t, a) && !cap(t, a) && !super::tense::past_form(t, a))
                    .find(|&a| any(t, a, &["at", "from"]) && clock(t, a + 1).is_some());
                if let Some(a) = at.filter(|&a| found.get(k + 1).is_none_or(|n| n.start > a)) {
                    j = a;
                }
            }
            // "every 15 minutes on Saturday from 8:00 to 18:00": the day of a
            // recurrence within the day, between it and its window, stays its own
            // expression (it dates the window)
            let within = matches!(**each, Expr::Duration { unit: Unit::Hour | Unit::Minute, .. });
            if within && is(t, j, "on") {
                let day = found
                    .get(k + 1)
                    .filter(|n| n.start == j + 1 && n.expr.names_day() && any(t, n.end, &["from", "between", "at"]) && clock(t, n.end + 1).is_some());
                if let Some(n) = day {
                    j = n.end;
                    k += 1;
                    out.push(found[k].clone());
                }
            }
            // ("every Sunday in February, from 2 p.m. to 7 p.m.": its window too,
            // after a comma or not; "every Saturday during August from 9 a.m.")
            if any(t, j, &["in", "during", "throughout"]) {
                let comma = |n: &Found| usize::from(is(t, n.end, ","));
                let month = found.get(k + 1).filter(|n| {
                    let w = n.end + comma(n);
                    n.start == j + 1
                        && matches!(n.expr, Expr::Date { month: Some(_), day: None, .. })
                        && any(t, w, &["at", "from", "between"])
                        && clock(t, w + 1).is_some()
                });
                if let Some(n) = month {
                    j = n.end + comma(n);
                    k += 1;
                    out.push(found[k].clone());
                }
            }
            // ("every Saturday, starting May 2, at 9 a.m.": its start set off
            // before its time, which stays an expression of its own)
            // ("every Tuesday, from May 5, at 7 p.m.", "starting in May, at 9 a.m.")
            let cue = if is(t, j, ",") { j + 1 } else { j };
            if any(t, cue, &["starting", "beginning", "effective", "from"]) {
                let comma = |n: &Found| usize::from(is(t, n.end, ","));
                let at = if is(t, cue + 1, "in") { cue + 2 } else { cue + 1 };
                let start = found.get(k + 1).filter(|n| {
                    let w = n.end + comma(n);
                    n.start == at
                        && (matches!(n.expr, Expr::Date { day: Some(_), .. } | Expr::Date { month: Some(_), .. }) || n.expr.is_weekday())
                        && any(t, w, &["at", "from"])
                        && clock(t, w + 1).is_some()
                });
                if let Some(n) = start {
                    j = n.end + comma(n);
                    k += 1;
                    out.push(found[k].clone());
                }
            }
            // ("every night this week at 7 p.m.": the week or month it runs
            // in, the same)
            // (not of the past: "Police patrolled every night this week at 10 p.m.")
            let past = super::tense::tells_done(t, f.start.saturating_sub(SPREAD_CLAUSE_WORDS), f.start);
            let current = found
                .get(k + 1)
                .filter(|n| n.start == j && !past && this_or_next_period(&n.expr) && any(t, n.end, &["at", "from"]) && clock(t, n.end + 1).is_some());
            if let Some(n) = current {
                j = n.end;
                k += 1;
                out.push(found[k].clone());
            }
            // ("every hour on the hour from 6 a.m.": the same each hour)
            if matches!(**each, Expr::Duration { unit: Unit::Hour, .. }) && is(t, j, "on") && is(t, j + 1, "the") && is(t, j + 2, "hour") {
                j += 3;
            }
            // ("on Thursday and Friday nights until 4 a.m.": the time each one
            // closes at is its clock time too)
            const BEFORE_CLOCK: &[&str] = &["at", "from", ",", "between", "until", "till"];
            if any(t, j, BEFORE_CLOCK) || (j < t.len() && clock(t, j).is_some()) {
                // (", at 11 a.m. and 2 p.m.", ", until 4 a.m.")
                let s = if is(t, j, ",") && any(t, j + 1, &["at", "until", "till"]) {
                    j + 2
                } else if any(t, j, BEFORE_CLOCK) {
                    j + 1
                } else {
                    j
                };
                let mut after = j;
                if let Some((e, mut c)) = clock(t, s) {
                    after = e;
                    if found.get(k + 1).is_some_and(|n| n.start == s) {
                        k += 1;
                    }
                    // "every night at 8", "Saturday nights at 9": the half of the day the part names
                    // (of the last day of a list: "each Tuesday and Thursday evening at 7:30")
                    let day_pod = members.last().and_then(|&m| set_pod(&out[m].expr)).or_else(|| set_pod(&f.expr));
                    if let Some(pod) = day_pod {
                        super::times::in_half_of(t, s, e, &mut c, pod);
                    }
                    // "from 7 to 9 p.m. ET": the end recurs too, though it starts nothing,
                    // and its zone is the start's
                    // ("between 11 a.m. and noon": a window too)
                    let between = s > 0 && is(t, s - 1, "between") && is(t, e, "and");
                    let to = if any(t, e, &["to", "until", "till"]) || (is(t, e, "-") && adj(t, e)) || between { e + 1 } else { e };
                    let end = if to > e { clock(t, to) } else { None };
                    c.zone = c.zone.or(end.and_then(|(_, c2)| c2.zone));
                    out.push(Found { start: s, end: e, expr: set_of(Expr::Time { clock: c, date: None }), anchor: None });
                    members.push(out.len() - 1);
                    if let Some((e2, c2)) = end {
                        if found.get(k + 1).is_some_and(|n| n.start == to) {
                            k += 1;
                        }
                        out.push(Found { start: to, end: e2, expr: set_of(Expr::Time { clock: c2, date: None }), anchor: None });
                        ends = Some(out.len() - 1);
                        after = e2;
                    } else {
                        // "daily at 7 a.m. and 5 p.m.", "daily at 7:30 a.m., 1 p.m.
                        // and 7 p.m.": each time of the list recurs
                        let mut e = e;
                        // (where each run of the list begins: a zone after a run's last
                        // time is all of the run's, "every day at 7:15 a.m. and 1:40 p.m.
                        // Indian time, and Kurtha at 10:30 a.m. and 4:45 p.m. Nepal time")
                        let mut run = members.len() - 1;
                        let mut run_zone = c.zone;
                        while any(t, e, &["and", ","]) {
                            // (a comma alone after a time told in a zone, or in local time,
                            // sets off another reading, "at 8 p.m. local time, 1 p.m. ET": a
                            // run of its own; not in a plain list, "daily at 00:00, 06:00,
                            // 12:00 and 18:00 UTC")
                            let told_in = members.last().is_some_and(|&m| {
                                clock_of(each_of(&out[m].expr)).is_some_and(|c| c.zone.is_some())
                                    || (out[m].start..=out[m].end).any(|j| is(t, j, "local"))
                            });
                            let apposed = is(t, e, ",") && !is(t, e + 1, "and") && told_in;
                            let s2 = if is(t, e, ",") && is(t, e + 1, "and") { e + 2 } else { e + 1 };
                            // ("daily at 2 p.m. and the penguin feed at 3:20 p.m.":
                            // another happening's time, its verb left out)
                            // ("daily at 8 a.m. and again at 4 p.m.")
                            // ("leave Jaynagar every day at 7:15 a.m., and Kurtha at 10:30
                            // a.m.": the same verb from another place)
                            let again = is(t, s2, "again") && is(t, s2 + 1, "at");
                            let place = gapped_place(t, found, s2);
                            let s2 = if again { s2 + 2 } else { gapped(t, s2).or_else(|| placed_verb(t, s2)).or(place).unwrap_or(s2) };
                            let Some((e2, mut c2)) = clock(t, s2) else { break };
                            // (an expression of its own skipped on the way is no item's word:
                            // "every Monday at 1, café on Thursday at 1 am" dates the second)
                            if found.get(k + 1).is_some_and(|n| n.start < s2) {
                                break;
                            }
                            // (each time of the list in the part of the day: "weeknights at 7
                            // and 9:30")
                            if let Some(pod) = day_pod {
                                super::times::in_half_of(t, s2, e2, &mut c2, pod);
                            }
                            // (a day of its own makes it a one-off: "and the final at 3 p.m. on Sunday",
                            // also one the time's expression holds, "at 2 p.m. tomorrow")
                            let merged = found.binary_search_by_key(&s2, |n| n.start).is_ok_and(|g| found[g].end > e2);
                            if s2 > 0 && is(t, s2 - 1, "at") && (is(t, e2, "on") || merged || found.binary_search_by_key(&e2, |n| n.start).is_ok()) {
                                break;
                            }
                            // (another zone's reading is the same occurrence: "at 8 p.m. ET, 5 p.m. PT")
                            if run_zone.is_some() && c2.zone.is_some() && c2.zone != run_zone && place.is_none() {
                                break;
                            }
                            while found.get(k + 1).is_some_and(|n| n.start >= s2 && n.start < e2) {
                                k += 1;
                            }
                            if place.is_some() {
                                places.push(members.len());
                                run = members.len();
                                run_zone = None;
                            } else if apposed {
                                run = members.len();
                            }
                            c2.zone = c2.zone.or(run_zone);
                            run_zone = run_zone.or(c2.zone);
                            let zone = c2.zone;
                            out.push(Found { start: s2, end: e2, expr: set_of(Expr::Time { clock: c2, date: None }), anchor: None });
                            members.push(out.len() - 1);
                            // (a zone fills back only to the end of a list, after "and": "at
                            // 00:00, 06:00, 12:00 and 18:00 UTC"; after a comma alone it is
                            // another reading, "daily at 8 p.m., 2 p.m. ET")
                            if zone.is_some() && !apposed && !is(t, e, ",") || zone.is_some() && is(t, e, ",") && is(t, e + 1, "and") {
                                // (not a time told in "local time": "daily at 9 a.m. local
                                // time and 3 p.m. GMT")
                                for &m in &members[run..] {
                                    if (out[m].start..=out[m].end).any(|j| is(t, j, "local")) {
                                        continue;
                                    }
                                    let each = match &mut out[m].expr {
                                        Expr::Set { each, .. } => &mut **each,
                                        other => other,
                                    };
                                    if let Some(c) = clock_of_mut(each).filter(|c| c.zone.is_none()) {
                                        c.zone = zone;
                                    }
                                }
                            }
                            after = e2;
                            e = e2;
                        }
                    }
                }
                // "hourly between 9 a.m. and 5 p.m. on Saturdays": the days a
                // recurrence within the day keeps, written after its window
                let within_day = matches!(**each, Expr::Duration { unit: Unit::Hour | Unit::Minute, .. });
                let days_after = |n: &Found| {
                    n.start == after + 1
                        && matches!(&n.expr, Expr::Set { each, .. } if each.is_weekday() || matches!(**each, Expr::PartOfDay { date: Some(_), .. } | Expr::Workdays | Expr::DaysBut { .. } | Expr::Weekend { .. }))
                };
                // ("on the hour from 9 a.m. to 5 p.m. every Saturday": or right after it)
                let days_after = |n: &Found| days_after(n) || n.start == after && matches!(&n.expr, Expr::Set { each, .. } if each.is_weekday());
                if within_day
                    && (is(t, after, "on") || found.get(k + 1).is_some_and(|n| n.start == after))
                    && found.get(k + 1).is_some_and(days_after)
                {
                    k += 1;
                    out.push(found[k].clone());
                    members.push(out.len() - 1);
                }
                // "daily at 7 a.m. except Sundays", "weeknights at 7 p.m., except
                // Fridays": the days left out after its time are its days' (and no
                // expressions of their own)
                let left = if is(t, after, ",") { after + 1 } else { after };
                if let Some((e, except)) = super::sets::days_left_out(t, left) {
                    let narrowed = match &out[first].expr {
                        Expr::Set { each, .. } => super::sets::leave_out(each, except),
                        _ => None,
                    };
                    if let (Some(days), Expr::Set { each, .. }) = (narrowed, &mut out[first].expr) {
                        **each = days;
                        while found.get(k + 1).is_some_and(|n| n.start < e) {
                            k += 1;
                        }
                    }
                }
            }
            // "at 10 a.m. every day", "at noon every other Friday", "7 a.m. on
            // weekdays": a clock time right before the recurrence is its time
            if members.iter().all(|&m| !matches!(&out[m].expr, Expr::Set { each, .. } if matches!(**each, Expr::Time { .. }))) && first > 0 {
                let p = first - 1;
                // (not the end of a window, "between 10 p.m. and 6 a.m. every night")
                // (a clock time right before the connector: "moves to 7:40 a.m. every weekday" is no window)
                let ends_window = out[p].start > 0
                    && any(t, out[p].start - 1, &["and", "to", "-", "–", "until", "till"])
                    && p > 0
                    && clock_of(&out[p - 1].expr).is_some()
                    && out[p - 1].end + 1 == out[p].start;
                // ("at 7:15 a.m. and 5:45 p.m. every day": two clock times joined by
                // "and", with no "between" before them, are a list, each the
                // recurrence's time)
                // (also with words between them: "at 6 a.m. and at 6 p.m. every
                // Monday", "afternoon sessions at 12:30 p.m. and evening sessions at
                // 7 p.m. every day")
                let spread = p > 0
                    && dayless_time(&out[p - 1].expr)
                    && !is_set(&out[p - 1].expr)
                    && out[p - 1].start > 0
                    && is(t, out[p - 1].start - 1, "at")
                    && spread_list(t, out[p - 1].end, out[p].start)
                    // (not after a clause of the past: "The storm hit at 6 a.m. and ferries
                    // leave at 10 p.m. every Friday")
                    && !(out[p - 1].start.saturating_sub(SPREAD_CLAUSE_WORDS)..out[p - 1].start)
                        .any(|k| super::tense::past_form(t, k) || any(t, k, &["was", "were"]))
                    && !links.iter().any(|l| l.members.contains(&p) || l.members.contains(&(p - 1)));
                let listed = spread
                    || ends_window
                        && is(t, out[p].start - 1, "and")
                        && !(out[p - 1].start > 0 && is(t, out[p - 1].start - 1, "between"))
                        && !links.iter().any(|l| l.members.contains(&p) && l.kind != LinkKind::List);
                let free = !(links.iter().any(|l| l.members.contains(&p) && !(listed && l.kind == LinkKind::List)) || ends_window && !listed);
                // (nor across the end of its sentence, which "a.m." keeps in its word:
                // "Sirens sounded at 2 a.m., 4 a.m. and 6 a.m. Each day since, ..."; a
                // headline in title case goes on, "Shuttle Runs at 7 a.m. Every Day")
                let headline = out[p].start >= 2 && word(t, out[p].start - 2) && cap(t, out[p].start - 2);
                // (a paragraph's end closes it whatever stands before: "... from 10
                // a.m. to 4 p.m.\n\nEvery Thursday ...")
                let closes =
                    out[p].end > 0 && closing_abbreviation(t, out[p].end - 1) && cap(t, f.start) && !headline || paragraph_before(t, f.start);
                // ("at 2 p.m., 4 p.m. and 6 p.m. each day": the times before it in the
                // list, each set off by a comma, recur too; not the end of a window
                // before them, "from 7 a.m. to 9 a.m., noon and 6 p.m. each day")
                let window_end = |m: usize| out[m].start > 0 && any(t, out[m].start - 1, &["to", "-", "–", "until", "till", "through"]);
                let mut q = p - usize::from(listed);
                while listed
                    && q > 0
                    && dayless_time(&out[q - 1].expr)
                    && !is_set(&out[q - 1].expr)
                    && out[q - 1].end + 1 == out[q].start
                    && is(t, out[q - 1].end, ",")
                    && !links.iter().any(|l| l.members.contains(&(q - 1)))
                    && !window_end(q - 1)
                {
                    q -= 1;
                }
                // (nor a list of times of the past: "The vote closed at 8 p.m., 9 p.m.
                // and 10 p.m. each day" keeps 8 p.m. out)
                // (a verb of the past, not a passive, "Masses are celebrated at 8 a.m.,
                // 10 a.m. and noon every Sunday", nor a report, "The company said")
                let passive = |k: usize| k > 0 && any(t, k - 1, &["are", "is", "be", "been", "being", "will"]);
                let past_verb =
                    |k: usize| super::tense::past_form(t, k) && !passive(k) && !any(t, k, super::cues::REPORTING) || any(t, k, &["was", "were"]);
                if q + 1 < p && (out[q].start.saturating_sub(SPREAD_CLAUSE_WORDS)..out[q].start).any(past_verb) {
                    q = p - 1;
                }
                if free
                    && !closes
                    && dayless_time(&out[p].expr)
                    && !is_set(&out[p].expr)
                    // ("at 4 p.m. on both Sundays": the two of the run told before; not
                    // those its sentence dates, "on both Sundays, June 1 and June 8",
                    // "on both Fridays in June")
                    && (gap_is(t, out[p].end, f.start, &[])
                        || gap_is(t, out[p].end, f.start, &["on"])
                        || gap_is(t, out[p].end, f.start, &["on", "both"]) && !any(t, f.end, &[",", "in"]))
                {
                    if listed && dayless_time(&out[p - 1].expr) {
                        // (a zone after the last is all of theirs, when none has its own:
                        // "at 1 p.m., 4:25 p.m. and 8:20 p.m. ET every Sunday"; readings in
                        // other zones keep theirs, "at 8 p.m. ET, 7 p.m. CT and 5 p.m. PT")
                        let zone_of = |m: usize| clock_of(&out[m].expr).and_then(|c| c.zone);
                        let zone = zone_of(p).filter(|_| (q..p).all(|m| zone_of(m).is_none()));
                        for (m, f) in out.iter_mut().enumerate().take(p).skip(q) {
                            if let Some(c) = clock_of_mut(&mut f.expr).filter(|c| c.zone.is_none()) {
                                c.zone = zone;
                            }
                            f.expr = set_of(f.expr.clone());
                            f.anchor = None;
                            members.push(m);
                        }
                        links.retain(|l| !(l.kind == LinkKind::List && l.members.contains(&p)));
                    }
                    out[p].expr = set_of(out[p].expr.clone());
                    out[p].anchor = None;
                    members.push(p);
                }
            }
            // ("every day at 7:15 a.m. and 1:40 p.m. Indian time, and Kurtha at 10:30
            // a.m. and 4:45 p.m. Nepal time": the days' schedule from each place)
            let mut runs: Vec<Vec<usize>> = Vec::new();
            for &at in places.iter().rev() {
                runs.push(std::iter::once(first).chain(members.drain(at..)).collect());
            }
            if members.len() > 1 {
                links.push(Link { kind: LinkKind::Recurrence, members, until: None, lasting: None, start: None, ends, through });
            }
            for own in runs.into_iter().rev() {
                links.push(Link { kind: LinkKind::Recurrence, members: own, until: None, lasting: None, start: None, ends: None, through });
            }
        }
        k += 1;
    }
    // clock times sit on the date written just before them; coordinated
    // expressions of the same kind form lists and ranges
    let mut linked = vec![false; out.len()];
    for l in &links {
        for &m in l.members.iter().chain(&l.ends) {
            linked[m] = true;
        }
    }
    for i in 1..out.len() {
        let (a, b) = (&out[i - 1], &out[i]);
        if is_set(&a.expr) || is_set(&b.expr) || linked[i] {
            continue;
        }
        let gap = |words: &[&str]| gap_is(t, a.end, b.start, words);
        let dated = names_day(&a.expr);
        if dayless_time(&b.expr) && dated && (gap(&["at"]) || gap(&[","]) || gap(&[",", "at"]) || gap(&[])) {
            out[i].anchor = Some(i - 1);
            continue;
        }
        // "Monday, New Year's Day", "Friday, Dec. 25": a weekday in
        // apposition names the day written after it
        if matches!(a.expr, Expr::Weekday { dir: Dir::Infer, .. })
            && matches!(b.expr, Expr::Holiday { .. } | Expr::Date { day: Some(_), .. })
            && gap(&[","])
        {
            out[i - 1].anchor = Some(i);
            continue;
        }
        // "entered its ninth day on Friday", "his first day in office
        // Thursday": a day placed by an event is the day written after it
        if matches!(a.expr, Expr::Anaphor { unit: Unit::Day, offset: 0 }) && names_day(&b.expr) && event_gap(t, a.end, b.start) {
            out[i - 1].anchor = Some(i);
            continue;
        }
        // "this afternoon at about 3:30", "at 3:30 this afternoon": the part
        // of the day gives the day, and the half of it a clock without a.m.
        // or p.m. falls in
        let about = ["about", "around", "approximately"].iter().any(|w| gap(&["at", w]));
        let (time, part) = match (&a.expr, &b.expr) {
            (Expr::PartOfDay { pod, .. }, _) if dayless_time(&b.expr) && (gap(&["at"]) || about || gap(&[","]) || gap(&[",", "at"])) => {
                (i, Some((i - 1, *pod)))
            }
            (_, Expr::PartOfDay { pod, .. }) if dayless_time(&a.expr) && (gap(&[]) || gap(&[","])) => (i - 1, Some((i, *pod))),
            _ => (i, None),
        };
        if let Some((day, pod)) = part {
            out[time].anchor = Some(day);
            let (s, e) = (out[time].start, out[time].end);
            // ("tonight at 5:30" is the evening's: tonight runs from it, where
            // "last night" at 2:30 is the small hours)
            let pod = if pod == Pod::Night && is(t, out[day].start, "tonight") { Pod::Evening } else { pod };
            if let Some(c) = clock_of_mut(&mut out[time].expr) {
                super::times::in_half_of(t, s, e, c, pod);
            }
            continue;
        }
        // "from 23:00 WIB on Saturday, Nov. 16, to 04:00 WIB on Sunday": the
        // two clock times are the span, the date between them the start's day
        if i >= 2 && matches!(out[i - 2].expr, Expr::Time { .. }) && matches!(b.expr, Expr::Time { .. }) && names_day(&a.expr) {
            let s = &out[i - 2];
            let from = s.start > 0 && is(t, s.start - 1, "from");
            if from && gap_is(t, s.end, a.start, &["on"]) && connector(t, a.end, b.start) == Some(LinkKind::Range) {
                out[i - 2].anchor = Some(i - 1);
                links.push(Link {
                    kind: LinkKind::Range,
                    members: vec![i - 2, i],
                    until: None,
                    lasting: None,
                    start: None,
                    ends: None,
                    through: false,
                });
                continue;
            }
        }
        if let Some(kind) = connector(t, a.end, b.start) {
            // one kind of expression, counting "Oct. this year" as a date
            let kind_of = |e: &Expr| match e {
                Expr::InYear { inner, .. } => std::mem::discriminant(&**inner),
                _ => std::mem::discriminant(e),
            };
            // ("from Tuesday until Sunday, July 27": a weekday and a date
            // after "from" are one stretch of days)
            // ("from today until Friday, Aug. 28": so is a day told from the DCT)
            let day_like = |e: &Expr| e.names_day() || matches!(e, Expr::Relative { unit: Unit::Day, .. });
            // ("from Saturday, Feb. 7, through the end of April": and a month's end)
            let days_from = a.start > 0 && is(t, a.start - 1, "from") && day_like(&a.expr) && (b.expr.names_day() || month_end(&b.expr));
            let same = kind_of(&a.expr) == kind_of(&b.expr) || days_from;
            // ("01:15 UTC, or 8:15 p.m. EST": one instant read in two written
            // zones, no list of two times)
            let zoned = |e: &Expr| clock_of(e).is_some_and(|c| c.zone.is_some());
            let restated = is(t, b.start - 1, "or")
                && zoned(&a.expr)
                && zoned(&b.expr)
                && clock_of(&a.expr).map(|c| c.zone) != clock_of(&b.expr).map(|c| c.zone);
            if same && !restated && !matches!(a.expr, Expr::Duration { .. } | Expr::Reach { .. } | Expr::Ref(_)) {
                let from = a.start > 0 && any(t, a.start - 1, &["from", "between"]);
                let kind = if gap(&["and"]) && from && t.lw(a.start - 1) == "between" { LinkKind::Range } else { kind };
                let clock = matches!(a.expr, Expr::Time { .. });
                // ("delayed the vote Monday to Friday" may move a date; but
                // "Monday to Friday" of two weekdays is their span)
                let days = a.expr.is_weekday() && b.expr.is_weekday();
                // (two dates set off as a listing's dates are their span: "Trades
                // Hall, Tuesday to Sunday at 8:30 p.m., March 26 to April 19")
                let set_off = a.start == 0 || t.toks[a.start].newline_before || any(t, a.start - 1, LISTING_MARKS);
                let listed = set_off && writes_day_of_month(&a.expr) && writes_day_of_month(&b.expr);
                if kind == LinkKind::Range && gap(&["to"]) && !from && !clock && !days && !listed {
                    continue;
                }
                // (but a date set off by commas with its weekday closes with its
                // comma: "on each of the four festival days, Monday, April 13,
                // through Thursday, April 16")
                // (with "through" only, and no move of one day to another: "postponed
                // Monday, Oct. 21, until Thursday, Nov. 14")
                let moved = (a.start.saturating_sub(crate::tuning::MOVE_REACH)..a.start).any(|k| any(t, k, super::recurring::MOVING));
                let apposed = weekday(t, a.start).is_some_and(|(e, _)| is(t, e, ","))
                    && writes_day_of_month(&a.expr)
                    && writes_day_of_month(&b.expr)
                    && gap(&[",", "through"])
                    && !moved;
                if kind == LinkKind::Range && is(t, a.end, ",") && !from && !apposed {
                    continue;
                }
                // "from 1354 to 1345 B.C.": the era written after the range is
                // its start's too
                if let (Expr::Date { year: Some(ya), month: None, .. }, Expr::Date { year: Some(yb), month: None, .. }) = (&a.expr, &b.expr) {
                    if kind == LinkKind::Range && *ya > 0 && *yb <= 0 {
                        let bc = 1 - *ya;
                        if let Expr::Date { year, .. } = &mut out[i - 1].expr {
                            *year = Some(bc);
                        }
                    }
                }
                // (a list of three days or more is one list: "on Thursday, Friday and
                // Saturday", "the nights of Maundy Thursday, Good Friday and Holy
                // Saturday")
                let days = names_day(&out[i - 1].expr) && names_day(&out[i].expr);
                if let Some(l) =
                    links.last_mut().filter(|l| days && kind == LinkKind::List && l.kind == LinkKind::List && l.members.last() == Some(&(i - 1)))
                {
                    l.members.push(i);
                    continue;
                }
                links.push(Link { kind, members: vec![i - 1, i], until: None, lasting: None, start: None, ends: None, through: false });
            }
        }
    }
    respective_days(t, &mut out);
    clock_chains(t, &mut out, &mut links);
    super::recurring::windows_before_recurrences(t, &mut out, &mut links);
    super::recurring::clocks_after_stretches(t, &mut out, &mut links);
    super::recurring::weekday_spans_at_a_time(t, &mut out, &mut links);
    super::recurring::windows_after_days(t, &mut out, &mut links);
    super::recurring::listed_clocks(t, &mut out, &mut links);
    super::recurring::fronted_clocks(t, &mut out, &mut links);
    super::recurring::weekday_noun_clocks(t, &mut out, &mut links);
    super::recurring::appositive_clocks(t, &mut out, &mut links);
    super::recurring::attributive_clocks(t, &mut out, &mut links);
    super::recurring::coordinated_clocks(t, &mut out, &mut links);
    super::recurring::per_day_clocks(t, &mut out, &mut links);
    super::recurring::then_clocks(t, &mut out, &mut links);
    super::recurring::days_after_daily_clocks(t, &out, &mut links);
    super::weekly::weekday_of_weekly(t, &mut out, &mut links);
    super::recurring::recurrence_ends(t, &mut out, &mut links);
    super::companions::companion_ends(t, &out, &mut links);
    super::recurring::ends_done_so(t, &out, &mut links);
    super::recurring::distant_clocks(t, &mut out, &mut links);
    super::recurring::closing_clocks(t, &mut out, &mut links);
    super::scope::listed_after_clocks(t, &mut out, &mut links);
    super::scope::listed_before_days(t, &mut out, &mut links);
    *found = out;
    links
}

/// The years whose feasts a written day is checked against (those the
/// holiday tables cover).
const HOLIDAY_YEARS: std::ops::RangeInclusive<i32> = 1950..=2100;

/// The feasts of Holy Week and Easter week that the Orthodox churches keep
/// by their own Easter (days from it): Palm Sunday to Easter Monday.
const HOLY_WEEK: std::ops::RangeInclusive<i8> = -7..=1;

/// A feast of Holy Week is the Orthodox one where the text says so: after
/// "Orthodox" ("Orthodox Holy Saturday"), or with a date written beside it
/// that is the Orthodox day and not the Western one ("Good Friday, April
/// 10" in 2026). Which church an article is about is not guessed from the
/// rest of it: a contrast ("unlike Catholics"), a headline or a place decide
/// that only with more knowledge than the words around the feast give.
fn church_calendar(t: &Tokens<'_>, found: &mut [Found]) {
    use crate::lexicon::HolidayRule::{Easter, OrthodoxEaster};
    for g in 0..found.len() {
        let Expr::Holiday { rule: Easter(off), .. } = found[g].expr else { continue };
        let s = found[g].start;
        if !HOLY_WEEK.contains(&off) {
            continue;
        }
        let named = s > 0 && is(t, s - 1, "orthodox");
        // (the date written with it, "Good Friday, April 10", "on Good Friday on
        // April 10": the reckoning that falls on it, in the year written)
        let written = found.get(g + 1).filter(|n| n.start <= found[g].end + 2).and_then(|n| match n.expr {
            Expr::Date { month: Some(m), day: Some(d), year, .. } => Some((m, d, year)),
            _ => None,
        });
        // (with no year written, a day only the Orthodox reckoning ever falls on)
        let orthodox_day = written.is_some_and(|(m, d, year)| {
            let falls = |rule: crate::lexicon::HolidayRule, y: i32| rule.date(y).is_some_and(|x| x.month() as u8 == m && x.day() as u8 == d);
            let years = || year.map_or(HOLIDAY_YEARS, |y| y..=y);
            years().any(|y| falls(OrthodoxEaster(off), y)) && !years().any(|y| falls(Easter(off), y))
        });
        if named || orthodox_day {
            if let Expr::Holiday { rule, .. } = &mut found[g].expr {
                *rule = OrthodoxEaster(off);
            }
        }
    }
}

/// "on Thursday and Friday, Feb. 6 and 7": a list of weekdays set off by a
/// comma before a list of as many dates names them in turn, so each weekday
/// sits on its date (which it resolves to when it is that weekday).
fn respective_days(t: &Tokens<'_>, out: &mut [Found]) {
    let joined = |a: &Found, b: &Found| {
        gap_is(t, a.end, b.start, &["and"])
            || gap_is(t, a.end, b.start, &["&"])
            || gap_is(t, a.end, b.start, &[","])
            || gap_is(t, a.end, b.start, &[",", "and"])
    };
    let mut k = 0;
    while k < out.len() {
        // the run of weekdays from k, then the run of dates after its comma
        let mut w = k + 1;
        while w < out.len() && out[w].expr.is_weekday() && joined(&out[w - 1], &out[w]) {
            w += 1;
        }
        let days = w - k;
        let dated = |m: usize| matches!(out[m].expr, Expr::Date { day: Some(_), .. });
        let set_off = w < out.len() && gap_is(t, out[w - 1].end, out[w].start, &[","]);
        let dates = (w..out.len()).take(days).take_while(|&m| dated(m) && (m == w || joined(&out[m - 1], &out[m]))).count();
        if out[k].expr.is_weekday() && days >= 2 && set_off && dates == days {
            for i in 0..days {
                out[k + i].anchor = Some(w + i);
            }
            k = w + days;
        } else {
            // (past the run of weekdays read: linear in a long list)
            k = w.max(k + 1);
        }
    }
}

/// Words that do not stand in a noun phrase between a frequency adjective
/// or "and the" and a clock time: verbs, conjunctions and prepositions that
/// open a clause or phrase of their own.
const NOT_NOUNS: &[&str] = &[
    "and", "or", "but", "is", "are", "was", "were", "will", "be", "has", "have", "had", "on", "in", "from", "until", "by", "to", "starts", "begins",
    "opens", "closes", "ends", "airs", "runs",
];

/// The clock time of a gapped clause after "and" at `s`: "the lion feed
/// daily at 2 p.m. and the little penguin feed at 3:20 p.m." The noun
/// phrase ("the little penguin feed") has no verb of its own and names its
/// time with "at": the position of that time.
fn gapped(t: &Tokens<'_>, s: usize) -> Option<usize> {
    if !is(t, s, "the") {
        return None;
    }
    let at = (s + 2..(s + 2 + RUN_NOUN_WORDS).min(t.len())).find(|&a| is(t, a, "at"))?;
    (s + 1..at).all(|w| noun_word(t, w)).then_some(at + 1)
}

/// The clock time of a gapped clause after "and" at `s` that names only
/// another place the same verb happens at: "trains will leave Jaynagar every
/// day at 7:15 a.m., and Kurtha at 10:30 a.m." (a name of a few capitalised
/// words, no day, and "at"): the position of that time.
fn gapped_place(t: &Tokens<'_>, found: &[Found], s: usize) -> Option<usize> {
    let at = (s + 1..(s + 1 + RUN_NOUN_WORDS).min(t.len())).find(|&a| is(t, a, "at"))?;
    // (no day of its own: "and Sundays at noon", "and Christmas Day at 11 a.m.")
    let first = found.partition_point(|n| n.end <= s);
    let dated = found.get(first).is_some_and(|n| n.start < at);
    let name = (s..at).all(|w| word(t, w) && cap(t, w) && weekday(t, w).is_none() && weekdays(t, w).is_none() && month_word(t, w).is_none());
    (name && !dated).then_some(at + 1)
}

/// The clock time of a verb of the same subject after "and" at `s`, with the
/// place it happens at: "every Saturday at 7 a.m. and land at Lonorore
/// airstrip at 8:15 a.m.", "and sail back from Moskenes at 11:45 a.m." (a
/// bare verb, a particle, a preposition of place, a name and "at"): the
/// position of that time.
fn placed_verb(t: &Tokens<'_>, s: usize) -> Option<usize> {
    // (a particle may follow the verb, and the place be where it leaves from or
    // goes to: "and sail back from Moskenes at 11:45 a.m.")
    let p = if any(t, s + 1, &["back", "out", "off", "home"]) { s + 2 } else { s + 1 };
    // (not a verb of the past: "every morning at 8 a.m. and flew to Madrid at 3 p.m.")
    let verb = word(t, s) && !cap(t, s) && !any(t, s, &["the", "a", "an", "then", "again"]) && !super::tense::past_form(t, s);
    if !(verb && any(t, p, &["at", "in", "on", "from", "to"]) && cap(t, p + 1)) {
        return None;
    }
    let at = (p + 2..(p + 2 + RUN_NOUN_WORDS).min(t.len())).find(|&a| is(t, a, "at"))?;
    (p + 2..at).all(|w| word(t, w)).then_some(at + 1)
}

/// Whether the sentence around token `at` writes a date of its own (a
/// month and a day), among the expressions `found`.
fn dates_sentence(t: &Tokens<'_>, found: &[Found], at: usize) -> bool {
    // (a closing "p.m." and a line break end it too)
    let stop = |k: usize| full_stop(t, k) || closing_abbreviation(t, k) || t.toks.get(k + 1).is_some_and(|n| n.newline_before);
    let lo = (0..at).rev().find(|&k| stop(k)).map_or(0, |k| k + 1);
    let hi = (at..t.len()).find(|&k| stop(k)).unwrap_or(t.len());
    // (not the day a statement was made: "The council announced on July 2 that
    // ... every night from Monday to Thursday")
    let within = found.partition_point(|g| g.start < lo)..found.partition_point(|g| g.start < hi);
    found[within].iter().any(|g| matches!(g.expr, Expr::Date { month: Some(_), day: Some(_), .. }) && !super::cues::dates_report(t, g.start, g.end))
}

/// Whether the words from `from` to `to` join two clock times told before a
/// recurrence as a list with words between them: "and" and "at" ("at 6 a.m.
/// and at 6 p.m. every Monday"), or "and", the noun of another happening
/// and "at" ("afternoon sessions at 12:30 p.m. and evening sessions at 7
/// p.m. every day"), with no verb of its own.
pub(super) fn spread_list(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    is(t, from, "and")
        && to > from + 1
        && is(t, to - 1, "at")
        && to - from - 2 <= RUN_NOUN_WORDS
        && (from + 1..to - 1).all(|w| {
            // (a verb of its own tells a clause of its own: "and the ferry leaves at 10 p.m.")
            let verb = any(t, w, super::tense::SCHEDULE_VERBS_S) || any(t, w, super::tense::TIMETABLE_VERBS_S);
            noun_word(t, w) && !verb || w == from + 1 && any(t, w, &["the", "a", "an"])
        })
}

/// Whether token `w` may stand in a noun phrase before "at" and a clock
/// time (a lower-case word of no verb or clause of its own, or the hyphen of
/// a compound): "a nightly highlights show", "the little penguin feed".
fn noun_word(t: &Tokens<'_>, w: usize) -> bool {
    word(t, w) && !cap(t, w) && !any(t, w, NOT_NOUNS) && !super::tense::past_form(t, w) || is(t, w, "-") && adj(t, w)
}

/// Whether `e` is this or next week or month, which bounds a recurrence told
/// with it ("every night this week", "daily next month").
pub(super) fn this_or_next_period(e: &Expr) -> bool {
    matches!(e, Expr::Relative { unit: Unit::Week | Unit::Month, offset: 0 | 1 })
}

/// Whether `e` is a recurring clock time.
pub(super) fn set_clock_of(e: &Expr) -> bool {
    matches!(e, Expr::Set { each, .. } if matches!(**each, Expr::Time { .. }))
}

pub(super) fn clock_of(e: &Expr) -> Option<&crate::expr::Clock> {
    match e {
        Expr::Time { clock, .. } => Some(clock),
        Expr::Mod { inner, .. } => clock_of(inner),
        _ => None,
    }
}

/// Whether `e` is a clock time without a day of its own, also under a
/// modifier ("about midday", "around 11.30pm"): a day written next to it
/// becomes its day.
pub(super) fn dayless_time(e: &Expr) -> bool {
    match e {
        Expr::Time { date: None, .. } => true,
        Expr::Mod { inner, .. } => dayless_time(inner),
        _ => false,
    }
}

fn clock_of_mut(e: &mut Expr) -> Option<&mut crate::expr::Clock> {
    match e {
        Expr::Time { clock, .. } => Some(clock),
        Expr::Mod { inner, .. } => clock_of_mut(inner),
        _ => None,
    }
}

/// What may stand between clock times that belong together: "8 pm and 10
/// pm KST", "9 p.m. ET (6 p.m. PT)", "9 a.m. to 5 p.m. ET", "9 p.m. ET / 6
/// p.m. PT", and a second verb of the same subject, "opens at 9 a.m. and
/// closes at 6 p.m. on Tuesday".
fn chained(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    let verb = to == from + 3 && is(t, from, "and") && word(t, from + 1) && !cap(t, from + 1) && is(t, from + 2, "at");
    verb || to - from <= 3 && (from..to).all(|k| any(t, k, &["and", "or", ",", "(", ")", "/", "-", "–", "to", "until", "till", "through", "at"]))
}

/// Within a chain of clock times, a zone written once covers the others,
/// and a date written next to the chain ("... on July 5", "April 25 at ...")
/// is the day of every time in it. A time in parentheses, or after ", or",
/// is another reading of the one before ("6:39 a.m. (2139 GMT)", "11:40
/// a.m., or 14:40 GMT"): its zone does not cross over, and the two are
/// linked as one instant.
fn clock_chains(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    let mut i = 0;
    while i < out.len() {
        if clock_of(&out[i].expr).is_none() || matches!(out[i].expr, Expr::Set { .. }) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < out.len() && clock_of(&out[j + 1].expr).is_some() && chained(t, out[j].end, out[j + 1].start) {
            j += 1;
        }
        // readings in parentheses split the chain into parts of one zone each
        // (and so does ", or": "11:40 a.m., or 14:40 GMT" restates, "7 or 8 p.m." offers two)
        let parens: Vec<bool> =
            (i..j).map(|x| (out[x].end..out[x + 1].start).any(|k| any(t, k, &["(", ")"]) || (is(t, k, ",") && is(t, k + 1, "or")))).collect();
        let paren = |x: usize| parens[x - i];
        for k in i..j {
            if paren(k) && !is_set(&out[k].expr) && !is_set(&out[k + 1].expr) {
                links.push(Link {
                    kind: LinkKind::Reading,
                    members: vec![k, k + 1],
                    until: None,
                    lasting: None,
                    start: None,
                    ends: None,
                    through: false,
                });
            }
        }
        // zones: each zoneless time takes the next written zone, else the previous one,
        // unless a place of its own follows it ("6 p.m. BST, and at 4 a.m. in Sydney"),
        // also past its day ("and 7:15 a.m. on Sunday in Melbourne")
        for k in i..=j {
            let day = out.get(k + 1).filter(|d| d.expr.is_weekday() || matches!(d.expr, Expr::Date { day: Some(_), .. }));
            let past =
                day.filter(|d| d.start == out[k].end || d.start == out[k].end + 1 && super::events::day_preposition(t, out[k].end)).map(|d| d.end);
            let placed = [Some(out[k].end), past].into_iter().flatten().any(|e| super::events::place_follows(t, e));
            if clock_of(&out[k].expr).is_some_and(|c| c.zone.is_none()) && !placed {
                let lo = (i..k).rev().find(|&x| paren(x)).map_or(i, |x| x + 1);
                let hi = (k..j).find(|&x| paren(x)).unwrap_or(j);
                let zone = (k + 1..=hi).chain((lo..k).rev()).find_map(|m| clock_of(&out[m].expr).and_then(|c| c.zone));
                if let Some(c) = clock_of_mut(&mut out[k].expr) {
                    c.zone = zone;
                }
            }
        }
        // the day: a date right after the chain ("on July 5", ", Nov. 6", "on
        // Monday night"), also
        // past the place and a reading in another zone ("at 10:00 am in Moscow
        // (0700 GMT) on Monday"), or else the anchor of its first time
        let (mut m, mut from) = (j + 1, out[j].end);
        while m < out.len() && m <= j + 2 && dayless_time(&out[m].expr) && setting(t, from, out[m].start) {
            from = out[m].end;
            m += 1;
        }
        // ("11 a.m. (0530 GMT) tomorrow": right after the reading too)
        let after = m < out.len()
            && (out[m].expr.is_weekday()
                || matches!(
                    out[m].expr,
                    Expr::Date { day: Some(_), .. } | Expr::PartOfDay { date: Some(_), .. } | Expr::Relative { unit: Unit::Day, .. }
                ))
            && setting(t, from, out[m].start)
            && any(t, out[m].start - 1, &["on", ",", ")"]);
        let day = if after { Some(m) } else { out[i].anchor };
        // (a day written after the chain is that of its last reading only: in
        // "01:15 UTC, or 8:15 p.m. EST on Monday" the UTC time is Tuesday's,
        // which the instant settles)
        // (and so is one with a place of its own after it, after a reading with
        // a place of its own: "9:15 p.m. in London and 7:15 a.m. on Sunday in
        // Melbourne"; not "at 10 a.m. and 2 p.m. on Saturday in Dayton")
        let placed = |k: usize| super::events::place_follows(t, k);
        let own = after && placed(out[m].end) && (i..j).any(|x| placed(out[x].end));
        let first = if own {
            j
        } else if after {
            (i..j).rev().find(|&x| paren(x)).map_or(i, |x| x + 1)
        } else {
            i
        };
        for f in out.iter_mut().take(j + 1).skip(first) {
            if f.anchor.is_none() && dayless_time(&f.expr) {
                f.anchor = day;
            }
        }
        i = j + 1;
    }
}

/// Whether tokens `[from, to)` only tell where a clock time is read: a place
/// in capitals, "local time", a parenthesis, "on" ("in Moscow (", ") on").
fn setting(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    // (never across a line: a headline's time is not on the dateline's date)
    // (nor across the sentence its "p.m." closes: "fireworks at 8 p.m. On
    // Saturday, the contest starts")
    to > from
        && to - from <= 6
        && !(from > 0 && closing_abbreviation(t, from - 1))
        && (from..=to).all(|k| !t.toks[k].newline_before)
        && (from..to).all(|k| (word(t, k) && cap(t, k)) || any(t, k, &["in", "(", ")", ",", "on", "local", "time"]))
}

/// The part of the day a recurrence's days fall in ("Thursday evenings"), if any.
fn set_pod(e: &Expr) -> Option<crate::expr::Pod> {
    match e {
        Expr::Set { each, .. } => match **each {
            Expr::PartOfDay { pod, .. } => Some(pod),
            _ => None,
        },
        _ => None,
    }
}

/// Whether an expression is the end of a month or year, which ends a run on
/// its last day: "the end of April", "the end of the month", "the end of
/// next year".
pub(super) fn month_end(e: &Expr) -> bool {
    matches!(e, Expr::Mod { m: crate::expr::Mod::End, inner }
        if matches!(**inner, Expr::Date { month: Some(_), day: None, .. }
            | Expr::Relative { unit: Unit::Month | Unit::Quarter | Unit::Year, .. }
            // ("until the end of the quarter")
            | Expr::Anaphor { unit: Unit::Quarter, offset: 0 }))
}

pub(super) fn set_of(e: Expr) -> Expr {
    Expr::Set { each: Box::new(e), freq: None, quant: None }
}

/// Words that may follow the day in "monthly on the 15th at noon" (not a
/// noun: "on the 15th floor").
const DAY_OF_MONTH_FOLLOWERS: &[&str] = &["at", "from", "and", "of", "until", "through", ",", ".", ";"];

/// Marks that set off a listing's dates ("Trades Hall, Tuesday to Sunday at
/// 8:30 p.m., March 26 to April 19"); not a colon, which a headline writes
/// before a change of dates ("Vote postponed: March 26 to April 19").
const LISTING_MARKS: &[&str] = &[",", "("];

/// Whether the expression writes a day of a month ("March 26", "Friday,
/// March 26"), as a listing's dates do.
fn writes_day_of_month(e: &Expr) -> bool {
    match e {
        Expr::Date { day: Some(_), month: Some(_), .. } => true,
        Expr::InYear { inner, .. } | Expr::Mod { inner, .. } => writes_day_of_month(inner),
        _ => false,
    }
}

/// What a recurrence recurs on, or the expression itself: the clock time
/// of "[8 p.m. ET]" whether it recurs yet or not.
pub(super) fn each_of(e: &Expr) -> &Expr {
    match e {
        Expr::Set { each, .. } => each,
        other => other,
    }
}
