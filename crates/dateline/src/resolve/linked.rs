//! The second pass of resolution: expressions the linker joined, read
//! together.
//!
//! Each expression was resolved on its own; a link says more. A range runs
//! forward ("Monday through Friday", "from January to October"), and what
//! sits on a day that moves for it moves too; a time restated in another
//! zone ("6:39 a.m. (2139 GMT)") is one instant, which fixes which day each
//! reading falls on; and a recurrence's end lies on or after its start.
//! Each function here re-resolves the members it moves, with a bare context
//! on the day it settles.

use jiff::civil::Date;

use super::running::Inputs;
use super::{needs_anchor, period_bounds, resolve, span_cost, Context, Resolved};
use crate::expr::{Clock, Dir, Expr, Tense, Unit};
use crate::grammar::LinkKind;

/// Puts the members of each two-member range in order: the end of a range
/// falls on or after its start ("Monday through Friday"), and what sits on
/// the day that moves ("Friday, 9am") moves with it.
pub(super) fn order_ranges(inp: &Inputs<'_, '_>, anchor: Option<Date>, resolved: &mut [Resolved]) {
    let found = inp.found;
    // what sits on each found day ("Friday, 9am"), to move with it
    // (built only when the text has a range)
    let mut sitting: Vec<Vec<usize>> = Vec::new();
    if inp.links.iter().any(|l| matches!(l.kind, LinkKind::Range | LinkKind::List)) {
        sitting = vec![Vec::new(); found.len()];
        for (m, f) in found.iter().enumerate() {
            if let Some(a) = f.anchor.filter(|&a| a < found.len()) {
                sitting[a].push(m);
            }
        }
    }
    // (and a list of two weekdays, told in the order they come: "on Thursday
    // and Friday")
    // and the first lies ahead, where a second before the anchor is a slip:
    // "must pick up wristbands on Thursday and Friday")
    let weekdays = |l: &&crate::grammar::Link| l.members.iter().all(|&m| matches!(found[m].expr, Expr::Weekday { dir: Dir::Infer, .. }));
    let ordered = |l: &&crate::grammar::Link| l.members.len() == 2 && (l.kind == LinkKind::Range || l.kind == LinkKind::List && weekdays(l));
    for l in inp.links.iter().filter(ordered) {
        let (a, b) = (l.members[0], l.members[1]);
        let ahead = |m: usize| resolved[m].day.zip(anchor).is_some_and(|(d, a)| d > a);
        let behind = |m: usize| resolved[m].day.zip(anchor).is_some_and(|(d, a)| d < a);
        if l.kind == LinkKind::List && !(ahead(a) && behind(b)) {
            continue;
        }
        // "7-9 p.m. Friday": a start time without a day shares the end's day
        if let (Expr::Time { date: None, .. }, Expr::Time { date: Some(_), .. }) = (&found[a].expr, &found[b].expr) {
            if found[a].anchor.is_none() {
                let ctx = Context::bare(anchor, Tense::loose(Dir::Infer), resolved[b].day);
                resolved[a] = resolve(&found[a].expr, &ctx);
            }
        }
        // "from midnight to 4am on Tuesday": a midnight that starts a span of the
        // small hours opens the day its end is told on (00:00, not the 24:00 that
        // closes it); with no day told, the span runs into the next morning
        if let (Expr::Time { clock: start @ Clock { hour: 24, minute: None | Some(0), .. }, date: None }, Expr::Time { clock: end, .. }) =
            (&found[a].expr, &found[b].expr)
        {
            if end.hour < 12 && resolved[a].day.is_some() && resolved[a].day == resolved[b].day {
                let told = matches!(found[b].expr, Expr::Time { date: Some(_), .. }) || found[b].anchor.is_some();
                if told {
                    let opening = Expr::Time { clock: Clock { hour: 0, ..*start }, date: None };
                    resolved[a] = resolve(&opening, &Context::bare(anchor, Tense::loose(Dir::Infer), resolved[b].day));
                } else if let Some(next) = resolved[b].day.and_then(|d| d.tomorrow().ok()) {
                    resolved[b] = resolve(&found[b].expr, &Context::bare(anchor, Tense::loose(Dir::Infer), Some(next)));
                }
                continue;
            }
        }
        let tense = || (inp.language.tense)(inp.toks, found[a].start, found[b].end);
        let moved = match reorder(&found[a].expr, &found[b].expr, &resolved[a], &resolved[b], anchor, tense) {
            Some(Reordered::Start(r)) => {
                resolved[a] = r;
                a
            }
            Some(Reordered::End(r)) => {
                resolved[b] = r;
                b
            }
            None => continue,
        };
        // what sits on the moved day moves with it ("Monday to Friday, 9am-5pm")
        if let Some(day) = resolved[moved].day {
            for &m in &sitting[moved] {
                resolved[m] = resolve(&found[m].expr, &Context::bare(anchor, Tense::loose(Dir::Infer), Some(day)));
            }
        }
    }
}

/// "6:39 a.m. (2139 GMT)": the zoned reading of a local time falls on the
/// day that keeps the local offset within UTC-12..UTC+14.
pub(super) fn day_readings(inp: &Inputs<'_, '_>, anchor: Option<Date>, resolved: &mut [Resolved]) {
    let found = inp.found;
    for l in inp.links.iter().filter(|l| l.kind == LinkKind::Reading) {
        let (a, b) = (l.members[0], l.members[1]);
        if let (Some(local), Some(read), Some(day)) = (resolved[a].clock, resolved[b].clock, resolved[b].day) {
            let minutes = |c: Clock| c.hour as i32 * 60 + c.minute.unwrap_or(0) as i32;
            if local.zone.is_some() || read.zone.is_none() {
                continue;
            }
            // "midnight local time (2200 GMT Friday)": a reading with a
            // day of its own places the local time on the day that keeps
            // the offset in range
            let dated = |e: &Expr| matches!(e, Expr::Time { date: Some(_), .. });
            if resolved[a].day != Some(day) && dated(&found[b].expr) && !dated(&found[a].expr) {
                let fits = |s: i32| (-12 * 60..=14 * 60).contains(&(s * 24 * 60 + minutes(local) - minutes(read)));
                if let Some(d) = [0, -1, 1].into_iter().find(|&s| fits(s)).and_then(|s| day.checked_add(jiff::Span::new().days(s)).ok()) {
                    resolved[a] = resolve(&found[a].expr, &Context::bare(anchor, Tense::loose(Dir::Infer), Some(d)));
                }
                continue;
            }
            if resolved[a].day != Some(day) {
                continue;
            }
            let offset = minutes(local) - minutes(read);
            let shift = if offset < -12 * 60 {
                -1
            } else if offset > 14 * 60 {
                1
            } else {
                0
            };
            if shift != 0 {
                if let Ok(d) = day.checked_add(jiff::Span::new().days(shift)) {
                    resolved[b] = resolve(&found[b].expr, &Context::bare(anchor, Tense::loose(Dir::Infer), Some(d)));
                }
            }
        }
    }
}

/// A recurrence's end with no year of its own lies on or after its start
/// ("every Saturday through Dec. 26" written in June): read it forward from
/// there (the DCT stands for an unstated start only for a recurrence not
/// told in the past: "opened every Saturday through March 26" ended before it).
pub(super) fn order_recurrence_ends(inp: &Inputs<'_, '_>, resolved: &mut [Resolved]) {
    let found = inp.found;
    for l in inp.links.iter().filter(|l| l.kind == LinkKind::Recurrence) {
        let told_past = || {
            let (from, to) = l.members.iter().chain(&l.until).fold((usize::MAX, 0), |(a, b), &m| (a.min(found[m].start), b.max(found[m].end)));
            (inp.language.tense)(inp.toks, from, to).dir == Dir::Past
        };
        let stated = l.start.and_then(|s| resolved[s].day.or(resolved[s].point.map(|p| p.0)));
        let start = stated.or(inp.dct.filter(|_| !told_past()));
        if let (Some(u), Some(s)) = (l.until, start) {
            if resolved[u].day.is_some_and(|d| d < s) && needs_anchor(&found[u].expr) {
                resolved[u] = resolve(&found[u].expr, &Context::bare(Some(s), Tense { dir: Dir::Future, firm: true, strict: false }, None));
            }
        }
    }
}

/// The later days of a list that borrow the month of its first ("Sept. 10
/// and 11") fall in the first one's year: each was placed alone, and the
/// tense at a bare number may read otherwise than at the verb before the
/// first.
pub(super) fn list_years(inp: &Inputs<'_, '_>, resolved: &mut [Resolved]) {
    let found = inp.found;
    let month_of = |m: usize| match found[m].expr {
        Expr::Date { year: None, month: Some(mo), day: Some(_), .. } => Some(mo),
        _ => None,
    };
    let forward = Tense { dir: Dir::Future, firm: true, strict: false };
    for l in inp.links.iter().filter(|l| l.kind == LinkKind::List && l.members.len() >= 2) {
        let first = l.members[0];
        let (Some(mo), Some(d0)) = (month_of(first), resolved[first].day) else { continue };
        if !l.members.iter().all(|&m| month_of(m) == Some(mo)) {
            continue;
        }
        for &m in &l.members[1..] {
            if resolved[m].day.is_some_and(|d| d.year() != d0.year()) {
                resolved[m] = resolve(&found[m].expr, &Context::bare(Some(d0), forward, None));
            }
        }
    }
}

/// A range's member placed anew so that the range runs forward.
enum Reordered {
    /// The start, moved back before the end.
    Start(Resolved),
    /// The end, moved forward past the start.
    End(Resolved),
}

/// Puts a range whose members were placed the wrong way round in order:
/// either the end moves forward past the start or the start back before the
/// end ("From January to October" in November is January to October of this
/// year, not of the next); of the two, the span whose middle lies nearer the
/// anchor, weighed for the tense as single dates are. Days ("Friday through
/// Monday") always move the end forward. `None` when the range runs forward
/// already or cannot be placed. `tense` reads the tense of the range's
/// sentence.
fn reorder(start: &Expr, end: &Expr, rs: &Resolved, re: &Resolved, anchor: Option<Date>, tense: impl FnOnce() -> Tense) -> Option<Reordered> {
    let ((s, su), (e, eu)) = (rs.point?, re.point?);
    if e >= s {
        return None;
    }
    // the range's tense, read only for a range that needs it
    let tense = tense();
    let fwd = resolve(end, &Context::bare(Some(s), Tense { dir: Dir::Future, firm: true, strict: false }, None));
    let back = resolve(start, &Context::bare(Some(e), Tense { dir: Dir::Past, firm: true, strict: false }, None));
    let span = |from: Option<(Date, Unit)>, to: Option<(Date, Unit)>| {
        let (f, t) = (from?, to?);
        let (lo, hi) = (period_bounds(f.0, f.1)?.0, period_bounds(t.0, t.1)?.1.yesterday().ok()?);
        (lo <= hi).then_some((lo, hi))
    };
    let far = |sp: Option<(Date, Date)>| {
        let (lo, hi) = sp?;
        let mid = lo.checked_add(jiff::Span::new().days(lo.until(hi).ok()?.get_days() / 2)).ok()?;
        span_cost(anchor?, tense, (mid, mid))
    };
    let days = su == Unit::Day || eu == Unit::Day;
    match (far(span(Some((s, su)), fwd.point)), far(span(back.point, Some((e, eu))))) {
        (ahead, Some(behind)) if !days && ahead.is_none_or(|x| behind < x) => Some(Reordered::Start(back)),
        (Some(_), _) => Some(Reordered::End(fwd)),
        _ => None,
    }
}
