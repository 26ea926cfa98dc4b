//! The reach of a schedule's days over its sentence: the last linking pass
//! of recurrences. A word that quantifies over days ("every day", "daily",
//! "on weekdays", "each evening") ranges over its whole clause and the
//! clauses joined to it, not only over the clock time written beside it:
//! "trains will leave every day from Monday at 7 a.m. and 3:30 p.m.", "on
//! every weekday from Nov. 2 to Nov. 27, at 9:30 a.m. and 2 p.m.", "roads
//! close at 6 p.m. every evening from May 29 to June 2, and the first
//! session gets under way at 6:20 p.m.". Every clock time in that reach
//! recurs on the schedule's days, within its bounds.

use super::cues::{follows_each, restates};
use super::links::{dayless_time, set_clock_of};
use super::recurring::{bound_date, of_days, recur};
use super::tense::past_form;
use super::words::*;
use crate::expr::{Expr, ZoneSpec};
use crate::grammar::{Found, Link, LinkKind};
use crate::lex::Tokens;
use crate::tuning::{SCOPE_ASIDE, SCOPE_PAST_REACH, SCOPE_REACH};

/// Gives every schedule of days the clock times its days reach (see the
/// module's doc). The reach runs from the schedule both ways through its
/// sentence and stops at a semicolon or the sentence's end, and at the
/// first expression that is not a clock time of no day of its own or a
/// bound of the run: a day of its own ("and on Sunday the final starts at
/// 3 p.m."), another schedule, a clock time some other link holds. Before
/// the schedule, only clock times written right against it count ("leave
/// Mérida at 7 a.m. and 3:30 p.m., Yucatán time, every day"): a clause
/// before it is often one of its own ("The final starts at 8 p.m., and the
/// fan zone opens daily at 10 a.m.").
pub(super) fn scoped_clocks(t: &Tokens<'_>, out: &mut [Found], links: &mut Vec<Link>) {
    // the expressions a link other than a list or span of clock times holds
    let mut held = vec![false; out.len()];
    for l in links.iter() {
        let clocks =
            matches!(l.kind, LinkKind::List | LinkKind::Range) && l.members.iter().all(|&m| dayless_time(&out[m].expr) || set_clock_of(&out[m].expr));
        if !clocks {
            l.members.iter().chain(&l.ends).chain(&l.until).chain(&l.start).for_each(|&m| held[m] = true);
        }
    }
    for i in 0..out.len() {
        let Expr::Set { each, .. } = &out[i].expr else { continue };
        // (not days in a name: "the Leeds trio The Tuesdays will open the show at
        // 7"; nor an adjective of a thing: "the daily limit was reached at 6
        // p.m.", "a daily TGV Lyria at 07:34")
        let named = out[i].start > 0 && in_name(t, out[i].start - 1);
        let attributive = out[i].start > 0 && (any(t, out[i].start - 1, DETERMINERS) || is(t, out[i].start - 1, "s") && adj(t, out[i].start - 1));
        if !(of_days(each) || matches!(**each, Expr::PartOfDay { date: None, .. })) || named || attributive {
            continue;
        }
        let link = links.iter().position(|l| l.kind == LinkKind::Recurrence && l.members.contains(&i));
        // the schedule's extent: its members (its bounds are passed over only
        // where words of start or end cue them)
        let (mut lo, mut hi) = (i, i);
        if let Some(l) = link {
            for &m in links[l].members.iter().chain(&links[l].ends) {
                lo = lo.min(m);
                hi = hi.max(m);
            }
        }
        let mut reached = Vec::new();
        // after it: clock times, and the bounds of the run, up to the clause's end
        let mut g = hi + 1;
        let far = out[hi].end + SCOPE_REACH;
        while g < out.len() && out[g].start < far && !parted(t, out[g - 1].end, out[g].start) {
            // (a time in another zone restates the one before, and a time after
            // each occurrence, "landing at 9:05 a.m. the next day", follows it:
            // the document stage reads both)
            let prior = (lo..g).rev().find(|&p| dayless_time(&out[p].expr) || set_clock_of(&out[p].expr));
            let restated = prior.is_some_and(|p| restates(t, out[p].end, out[g].start) || follows_each(t, out[p].end, out[g].start));
            let shifted = out.get(g + 1).is_some_and(|n| n.start == out[g].end && matches!(n.expr, Expr::Anaphor { .. }));
            // (nor one on a day of its own told after it: "and will close at 1
            // p.m. on Christmas Eve"; nor one told in the past: "and the band
            // played at 9 p.m."; nor one a later schedule takes: "then at 8 p.m.")
            let dated = out.get(g + 1).is_some_and(|n| {
                n.start <= out[g].end + 1
                    && !parted(t, out[g].end, n.start)
                    && !matches!(n.expr, Expr::Duration { .. })
                    && !dayless_time(&n.expr)
                    && !bound_date(t, out, links, g + 1)
            });
            let then = is(t, out[g].start.saturating_sub(2), "then");
            if dated || then || told_past(t, out[hi].end, out[g].start) {
                break;
            }
            // (nor one written in another zone than the schedule's clock, save in
            // a list with it: "every Saturday at 24:30, and on Crunchyroll at
            // 11:30 a.m. ET", a schedule of its own)
            let listed = prior.is_some_and(|p| (out[p].end..out[g].start).all(|k| any(t, k, &[",", "and"])));
            let rezoned = prior.is_some_and(|p| zone(&out[p].expr) != zone(&out[g].expr)) && zone(&out[g].expr).is_some() && !listed;
            if restated || shifted || rezoned || one_off(t, out[g - 1].end, out[g].start) {
                break;
            }
            if free_clock(t, out, links, &held, g) {
                reached.push(g);
            } else if !(bound_date(t, out, links, g) || matches!(out[g].expr, Expr::Duration { .. }) || dayless_time(&out[g].expr)) {
                break;
            }
            g += 1;
        }
        // before it: the clock times written against it, joined by "and" or commas
        let mut g = lo;
        let mut end = out[lo].start;
        while let Some(p) = g.checked_sub(1).filter(|&p| free_clock(t, out, links, &held, p)) {
            let between = out[p].end..end;
            // (not the end of a span: "from 7 a.m. to 9 a.m., noon and 6 p.m.
            // each day"; nor a time told in the past: "The vote closed at 8 p.m.
            // and 10 p.m. each day")
            let span_end = links.iter().any(|l| l.kind == LinkKind::Range && l.members.get(1) == Some(&p));
            if between.len() > SCOPE_ASIDE
                || parted(t, out[p].end, end)
                || span_end
                || told_past(t, out[p].start.saturating_sub(SCOPE_PAST_REACH), out[p].start)
            {
                break;
            }
            let against = between.clone().all(|k| any(t, k, &[",", "and"]) || cap(t, k) || any(t, k, &["local", "time"]));
            if !against {
                break;
            }
            reached.push(p);
            end = out[p].start;
            g = p;
        }
        if reached.is_empty() {
            continue;
        }
        reached.sort_unstable();
        // (the list a reached clock time formed gives way to the schedule)
        links.retain(|l| !(matches!(l.kind, LinkKind::List | LinkKind::Range) && l.members.iter().any(|m| reached.contains(m))));
        for &c in &reached {
            recur(out, c);
            held[c] = true;
        }
        // (found again: the lists removed moved it)
        let link = links.iter().position(|l| l.kind == LinkKind::Recurrence && l.members.contains(&i));
        match link {
            Some(l) => links[l].members.extend(&reached),
            None => links.push(Link {
                kind: LinkKind::Recurrence,
                members: std::iter::once(i).chain(reached).collect(),
                until: None,
                lasting: None,
                start: None,
                ends: None,
                through: false,
            }),
        }
    }
}

/// Whether found expression `g` is a clock time of no day of its own (or
/// one a bound of the run lent it) that no link but a list holds and
/// nothing has made recur. (A clock time with a modifier, "about 5 p.m.",
/// has no recurring form yet: it is passed over.)
fn free_clock(t: &Tokens<'_>, out: &[Found], links: &[Link], held: &[bool], g: usize) -> bool {
    matches!(out[g].expr, Expr::Time { date: None, .. }) && out[g].anchor.is_none_or(|a| bound_date(t, out, links, a)) && !held[g]
}

/// Whether a sentence or a paragraph ends between tokens `from` and `to` (a
/// closing "p.m." at `from - 1` holds its full stop).
fn parted(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    (from.saturating_sub(1)..to).any(|k| full_stop(t, k) || closing_abbreviation(t, k))
        || (from..=to).any(|k| t.toks.get(k).is_some_and(|k| k.newline_before))
}

/// Whether the words between tokens `from` and `to` name a happening that
/// comes once in a run, not each day: "and the closing ceremony follows at
/// 8:30 p.m.", "and the final putt will be streamed at 11 a.m.".
fn one_off(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    (from..to).any(|k| any(t, k, ONE_OFF))
}

/// Whether a verb in the past stands between tokens `from` and `to` (not a
/// passive's participle: "will be held at 9:30 a.m.", "with results posted
/// at noon").
fn told_past(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    let participle = |k: usize| (k.saturating_sub(2)..k).any(|j| any(t, j, &["be", "been", "being", "is", "are", "with"]));
    (from..to).any(|k| past_form(t, k) && !participle(k))
}

/// Words before a frequency adjective that make it one of a noun: "the
/// daily limit", "a daily flight".
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "each"];

/// Words of a happening that comes once in a run of days.
const ONE_OFF: &[&str] = &["first", "next", "final", "finale", "closing", "opening", "premiere", "launch", "ceremony"];

/// The zone a clock time names, recurring or not.
fn zone(e: &Expr) -> Option<ZoneSpec> {
    match e {
        Expr::Time { clock, .. } => clock.zone,
        Expr::Set { each, .. } => zone(each),
        _ => None,
    }
}
