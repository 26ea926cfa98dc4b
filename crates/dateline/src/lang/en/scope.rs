//! Clock times a schedule's days reach though no other pass joins them:
//! the rest of a list of clock times after the one the schedule took
//! ("every day from Monday through June 30 at 7 a.m. and 3:30 p.m."), and
//! a list written right before the days ("leave Mérida at 7 a.m. and 3:30
//! p.m., Yucatán time, every day"). Only a list reaches this way: a clause
//! of its own ("and the mayor will cut the ribbon at 11 a.m.") keeps its
//! time, as does a time restated in another zone ("8 p.m. ET, 5 p.m. PT"),
//! the end of a span, or a time on a day of its own.

use super::links::{clock_of, dayless_time, each_of, set_clock_of};
use super::recurring::{bound_date, of_days, recur};
use super::tense::past_form;
use super::words::*;
use crate::expr::{Expr, ZoneSpec};
use crate::grammar::{Found, Link, LinkKind};
use crate::lex::Tokens;
use crate::tuning::{SCOPE_ASIDE, SCOPE_PAST_REACH};

/// The clock times listed after a schedule's own clock time ("at 7 a.m. and
/// 3:30 p.m.", "at 6 a.m., noon and 6 p.m.") recur with it: joined by "and"
/// or commas, in its zone (or naming the zone of the list after "and": "at
/// 7 a.m. and 3:30 p.m. ET"), neither a span's end nor on a day of their own.
pub(super) fn listed_after_clocks(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    let mut taken = Vec::new();
    for l in 0..links.len() {
        if links[l].kind != LinkKind::Recurrence {
            continue;
        }
        let Some(&c) = links[l].members.iter().filter(|&&m| set_clock_of(&out[m].expr)).max_by_key(|&&m| out[m].start) else { continue };
        let mut listed = Vec::new();
        let mut prior = c;
        while let Some(g) = Some(prior + 1).filter(|&g| g < out.len() && free_clock(t, out, links, g)) {
            let (e, s) = (out[prior].end, out[g].start);
            let and = s == e + 1 && is(t, e, "and") || s == e + 2 && is(t, e, ",") && is(t, e + 1, "and");
            let comma = s == e + 1 && is(t, e, ",");
            // (a bare comma before another zone restates the time: "8 p.m. ET, 5 p.m. PT")
            let zoned = zone(&out[g].expr) == zone(&out[prior].expr) || and && zone(&out[prior].expr).is_none();
            if !((and || comma) && zoned) || dated_after(t, out, links, g) || in_span(links, g) {
                break;
            }
            listed.push(g);
            prior = g;
        }
        join(out, links, l, &listed);
        taken.extend(listed);
    }
    // (after the loop: removing links inside it would move those still to come)
    drop_lists(links, &taken);
}

/// The clock times listed right before a schedule of days that has none of
/// its own ("at 7 a.m. and 3:30 p.m., Yucatán time, every day", "at 9:30
/// a.m. and 2 p.m., on every weekday from Nov. 2 to Nov. 27") recur on its
/// days: only commas, "on" and a zone stand between (not "and", which opens
/// a clause of its own: "The ceremony begins at 6 p.m., and daily tours
/// resume"), the first is told after "at", and no verb in the past comes
/// before it ("The vote closed at 8 p.m. and 10 p.m. each day").
pub(super) fn listed_before_days(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    for i in 1..out.len() {
        let Expr::Set { each, .. } = &out[i].expr else { continue };
        if !(of_days(each) || matches!(**each, Expr::PartOfDay { date: None, .. })) {
            continue;
        }
        // (a schedule of days with no clock time of its own, of which these days come first)
        let link = links.iter().position(|l| l.kind == LinkKind::Recurrence && l.members.contains(&i));
        let first = link.map_or(i, |l| links[l].members.iter().copied().min().unwrap_or(i));
        let timed = link.is_some_and(|l| links[l].members.iter().any(|&m| set_clock_of(&out[m].expr) || dayless_time(&out[m].expr)));
        let Some(last) = first.checked_sub(1).filter(|&p| !timed && free_clock(t, out, links, p)) else { continue };
        let between = out[last].end..out[first].start;
        let aside = |k: usize| any(t, k, &[",", "on", "local", "time"]) || cap(t, k) && !opens_sentence(t, k);
        if between.len() > SCOPE_ASIDE || !between.clone().all(aside) || !is(t, out[last].end, ",") || in_span(links, last) {
            continue;
        }
        // the list back to its first clock time
        let mut listed = vec![last];
        let mut g = last;
        while let Some(p) = g.checked_sub(1).filter(|&p| free_clock(t, out, links, p)) {
            let (e, s) = (out[p].end, out[g].start);
            let joined = s == e + 1 && any(t, e, &["and", ","]) || s == e + 2 && is(t, e, ",") && is(t, e + 1, "and");
            if !joined || zone(&out[p].expr) != zone(&out[g].expr) && zone(&out[p].expr).is_some() || in_span(links, p) {
                break;
            }
            listed.push(p);
            g = p;
        }
        // (the first told after "at", in a clause of no other clock time and no
        // verb in the past: "Shops open at 9 a.m. and close at 6 p.m., on
        // weekdays" is another reading's; "The ferry left the harbour at 7
        // a.m., every day", "used to leave", "would leave" tell a habit gone)
        let s = out[g].start;
        let reach = s.saturating_sub(SCOPE_PAST_REACH);
        let opening = (reach..s).rev().find(|&k| full_stop(t, k) || t.toks[k + 1].newline_before).map_or(reach, |k| k + 1);
        let past = (opening..s).any(|k| past_form(t, k) && !(k > 0 && any(t, k - 1, &["be", "been", "is", "are"])) || is(t, k, "would"));
        let clocked = g.checked_sub(1).is_some_and(|p| out[p].start >= opening && (dayless_time(&out[p].expr) || set_clock_of(&out[p].expr)));
        if s == 0 || !is(t, s - 1, "at") || past || clocked {
            continue;
        }
        // (and the days close their clause, or run on to their bounds: not
        // "Sundays excepted", "daily tours resume", "on weekdays the cafe stays open")
        let days_end = link.map_or(out[i].end, |l| links[l].members.iter().map(|&m| out[m].end).max().unwrap_or(out[i].end));
        let closed =
            days_end >= t.len() || full_stop(t, days_end) || any(t, days_end, &[",", "from", "until", "through", "till", "starting", "beginning"]);
        if !closed {
            continue;
        }
        listed.reverse();
        match link {
            Some(l) => join(out, links, l, &listed),
            None => {
                for &m in &listed {
                    recur(out, m);
                }
                links.push(Link {
                    kind: LinkKind::Recurrence,
                    members: std::iter::once(i).chain(listed.iter().copied()).collect(),
                    until: None,
                    lasting: None,
                    start: None,
                    ends: None,
                    through: false,
                });
            }
        }
        // (each schedule's link is looked up afresh, so the lists may go now)
        drop_lists(links, &listed);
    }
}

/// Makes the clock times `listed` recur as members of recurrence `l`.
fn join(out: &mut [Found], links: &mut [Link], l: usize, listed: &[usize]) {
    for &m in listed {
        recur(out, m);
    }
    links[l].members.extend(listed);
}

/// Drops the lists that clock times now in a schedule (`taken`) formed.
fn drop_lists(links: &mut Vec<Link>, taken: &[usize]) {
    if !taken.is_empty() {
        links.retain(|x| !(x.kind == LinkKind::List && x.members.iter().any(|m| taken.contains(m))));
    }
}

/// Whether found expression `g` is a plain clock time of no day of its own
/// (or of one a bound of a run lent it) that no link but a list holds.
fn free_clock(t: &Tokens<'_>, out: &[Found], links: &[Link], g: usize) -> bool {
    matches!(out[g].expr, Expr::Time { date: None, .. })
        // (a day that recurs now is no day of its own: "Tuesday to Sunday at
        // 11 a.m., 1 p.m. and 3 p.m.")
        && out[g].anchor.is_none_or(|a| bound_date(t, out, links, a) || matches!(out[a].expr, Expr::Set { .. }))
        && !links.iter().any(|l| l.kind != LinkKind::List && l.kind != LinkKind::Range && l.members.contains(&g))
}

/// Whether clock time `g` is a member of a span ("from 7 a.m. to 9 a.m."):
/// a span's ends are read as a window, not as times of their own.
fn in_span(links: &[Link], g: usize) -> bool {
    links.iter().any(|l| l.kind == LinkKind::Range && l.members.contains(&g))
}

/// Whether a day of its own follows clock time `g` ("and 3 p.m. on Sunday").
fn dated_after(t: &Tokens<'_>, out: &[Found], links: &[Link], g: usize) -> bool {
    out.get(g + 1).is_some_and(|n| {
        n.start <= out[g].end + 1 && !matches!(n.expr, Expr::Duration { .. }) && !dayless_time(&n.expr) && !bound_date(t, out, links, g + 1)
    })
}

/// The zone a clock time names, recurring or not.
fn zone(e: &Expr) -> Option<ZoneSpec> {
    clock_of(each_of(e)).and_then(|c| c.zone)
}
