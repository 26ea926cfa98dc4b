//! Recurrences: "daily", "every Saturday", "each year", "every other week",
//! "twice a day", "Saturdays", "every 15 minutes".
//!
//! Example table: `tests/sets.toml`.

use super::words::*;
use crate::expr::{Amount, Dir, Expr, Unit};
use crate::lex::Tokens;

fn set(each: Expr, quant: Option<&'static str>, freq: Option<u32>) -> Expr {
    Expr::Set { each: Box::new(each), freq, quant }
}

fn period(n: u32, unit: Unit) -> Expr {
    Expr::Duration { amount: Amount::N(n), unit }
}

/// "daily", "weekly", "monthly", "annually", "hourly", "quarterly", "nightly".
pub fn adverb(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let u = match t.lw(i) {
        "daily" => Unit::Day,
        "weekly" => Unit::Week,
        "monthly" => Unit::Month,
        "annually" | "yearly" | "annual" if t.lw(i) != "annual" => Unit::Year,
        "hourly" => Unit::Hour,
        "quarterly" => Unit::Quarter,
        "biweekly" | "fortnightly" => return Some((i + 1, set(period(2, Unit::Week), None, None))),
        _ => return None,
    };
    Some((i + 1, set(period(1, u), None, None)))
}

/// "every day", "each year", "every other week", "every two weeks", "every
/// Saturday", "each January", "every morning", "every 15 minutes".
pub fn quantified(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let quant = match t.lw(i) {
        "every" => "EVERY",
        "each" => "EACH",
        _ => return None,
    };
    let mut j = i + 1;
    let mut n = 1;
    if is(t, j, "other") {
        n = 2;
        j += 1;
    } else if let Some((k, Amount::N(m))) = amount(t, j).filter(|(k, _)| unit(t, *k).is_some_and(|u| u.2)) {
        n = m;
        j = k;
    }
    if let Some((k, u, plural)) = unit(t, j) {
        if plural != (n > 1 && !is(t, i + 1, "other")) {
            return None;
        }
        return Some((k, set(period(n, u), Some(quant), None)));
    }
    if n != 1 {
        return None;
    }
    if let Some((k, dow)) = weekday(t, j) {
        let each = Expr::Weekday { dow, dir: Dir::Infer };
        if let Some((k2, Expr::PartOfDay { pod, .. })) = super::times::part_of_day(t, j) {
            return Some((k2, set(Expr::PartOfDay { pod, date: Some(Box::new(each)) }, Some(quant), None)));
        }
        return Some((k, set(each, Some(quant), None)));
    }
    if let Some((k, m)) = month(t, j) {
        return Some((k, set(Expr::Date { year: None, month: Some(m), day: None, dir: Dir::Infer }, Some(quant), None)));
    }
    if let Some(p) = t.entries(j).iter().find_map(|e| match e {
        crate::lexicon::Entry::Pod(p) => Some(*p),
        _ => None,
    }) {
        return Some((j + 1, set(Expr::PartOfDay { pod: p, date: None }, Some(quant), None)));
    }
    if is(t, j, "weekend") {
        return Some((j + 1, set(Expr::Weekend { dir: Dir::Infer }, Some(quant), None)));
    }
    None
}

/// "twice a day", "three times a week", "once a year", "5 times per month".
pub fn frequency(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let (j, times) = match t.lw(i) {
        "once" => (i + 1, 1),
        "twice" => (i + 1, 2),
        "thrice" => (i + 1, 3),
        _ => {
            let (j, n) = cardinal(t, i)?;
            if !is(t, j, "times") {
                return None;
            }
            (j + 1, n)
        }
    };
    if !any(t, j, &["a", "an", "per", "each", "every"]) {
        return None;
    }
    let (k, u, false) = unit(t, j + 1)? else { return None };
    Some((k, set(period(1, u), None, Some(times))))
}

/// Plural weekdays name a weekly recurrence: "Saturdays", "on Tuesday nights".
pub fn plural_weekday(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let (j, dow) = weekdays(t, i)?;
    if !cap(t, i) {
        return None;
    }
    let each = Expr::Weekday { dow, dir: Dir::Infer };
    if let Some(p) = t.entries(j).iter().find_map(|e| match e {
        crate::lexicon::Entry::Pod(p) => Some(*p),
        _ => None,
    }) {
        if t.lw(j).ends_with('s') {
            return Some((j + 1, set(Expr::PartOfDay { pod: p, date: Some(Box::new(each)) }, None, None)));
        }
    }
    if is(t, j, "nights") || is(t, j, "mornings") || is(t, j, "afternoons") || is(t, j, "evenings") {
        let p = match t.lw(j) {
            "nights" => crate::expr::Pod::Night,
            "mornings" => crate::expr::Pod::Morning,
            "afternoons" => crate::expr::Pod::Afternoon,
            _ => crate::expr::Pod::Evening,
        };
        return Some((j + 1, set(Expr::PartOfDay { pod: p, date: Some(Box::new(each)) }, None, None)));
    }
    Some((j, set(each, None, None)))
}
