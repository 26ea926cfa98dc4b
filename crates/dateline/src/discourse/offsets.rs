//! Times told as an offset from a stated time: "Kickoff is at 5:30 p.m.,
//! and the turnstiles open two hours earlier"; "An opening ceremony starts
//! 30 minutes earlier." Read alone, "two hours earlier" is only a shift from
//! the DCT; read in the article, it is a clock time on the day, and in the
//! zone, of the time it counts from.

use jiff::Span;

use super::sentences::Sentences;
use super::{local, Inputs, Settled};
use crate::expr::{Amount, Clock, Expr, Unit};
use crate::resolve::Resolved;
use crate::tuning::{OFFSET_SCAN, OFFSET_SENTENCES};
use crate::value::TimexType;

/// The minutes a clock-scale shift moves by ("two hours earlier" is -120),
/// when the expression is one.
pub(super) fn clock_shift(e: &Expr) -> Option<i64> {
    let Expr::Shift { amount, unit, sign, event: false, .. } = e else { return None };
    Some(minutes(amount, *unit)? * *sign as i64)
}

/// The minutes of a clock-scale length ("half an hour", "two hours").
fn length_minutes(e: &Expr) -> Option<i64> {
    let Expr::Duration { amount, unit } = e else { return None };
    minutes(amount, *unit)
}

/// `amount` hours or minutes, in minutes.
fn minutes(amount: &Amount, unit: Unit) -> Option<i64> {
    let per = match unit {
        Unit::Hour => 60.0,
        Unit::Minute => 1.0,
        _ => return None,
    };
    let n = match amount {
        Amount::N(n) => *n as f64,
        Amount::Frac(f) => *f,
        Amount::Some => return None,
    };
    Some((n * per).round() as i64)
}

/// Turns each clock-scale shift into the clock time it names, counted from
/// the nearest stated time before it on a known day.
pub(super) fn settle_offsets(inp: &Inputs<'_, '_>, sent: &Sentences, resolved: &mut [Resolved], settled: &mut [Settled]) {
    let found = inp.doc.found;
    for n in 0..found.len() {
        // ("[half an hour] later": TimeML tags the length alone, which keeps its
        // value and gains the instant it reaches)
        let length = length_minutes(&found[n].expr).filter(|_| (inp.doc.language.counts_on)(inp.doc.toks, found[n].end));
        let Some(minutes) = clock_shift(&found[n].expr).or(length) else { continue };
        let here = sent.of(found[n].start);
        let from = (n.saturating_sub(OFFSET_SCAN)..n)
            .rev()
            .take_while(|&m| here - sent.of(found[m].start) <= OFFSET_SENTENCES)
            .find(|&m| resolved[m].clock.is_some() && resolved[m].day.is_some() && !matches!(found[m].expr, Expr::Set { .. }));
        let Some(m) = from else { continue };
        let (Some(day), Some(c)) = (resolved[m].day, resolved[m].clock) else { continue };
        let Some(at) = local(day, &c).and_then(|dt| dt.checked_add(Span::new().try_minutes(minutes).ok()?).ok()) else { continue };
        let clock = Clock { hour: at.hour() as u8, minute: Some(at.minute() as u8), second: None, zone: None };
        let r = &mut resolved[n];
        r.day = Some(at.date());
        r.clock = Some(clock);
        r.point = None;
        if length.is_none() {
            r.typ = TimexType::Time;
            r.value = crate::value::clock(Some(at.date()), &clock);
        }
        settled[n].zone = settled[m].zone.clone();
        settled[n].day_from = Some(m);
        settled[n].firm = settled[m].firm;
    }
}
