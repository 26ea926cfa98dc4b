//! Recurrences: "daily", "every Saturday", "each year", "every other week",
//! "twice a day", "Saturdays", "every 15 minutes".
//!
//! Example table: `tests/sets.toml`.

use super::words::*;
use crate::expr::{Amount, Dir, Expr, Pod, Unit, WEEKEND_DAYS};
use crate::lex::Tokens;

fn set(each: Expr, quant: Option<&'static str>, freq: Option<u32>) -> Expr {
    Expr::Set { each: Box::new(each), freq, quant }
}

fn period(n: u32, unit: Unit) -> Expr {
    Expr::Duration { amount: Amount::N(n), unit }
}

/// "[the hour]" of "on the hour" before a window or a recurrence ("tours
/// leave on the hour from 9 a.m. to 4 p.m."): each hour, as "hourly" (the
/// rule begins at "the", for "on" begins no expression).
pub fn on_the_hour(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let on = i > 0 && is(t, i - 1, "on") && is(t, i, "the") && is(t, i + 1, "hour");
    // (not "on the hour of his death", nor "every hour on the hour", which is
    // "every hour")
    let window = any(t, i + 2, &["from", "between", "until", "till", "starting", "beginning", "every", "each", "daily"]);
    let every = i > 1 && (is(t, i - 2, "hourly") || super::words::unit(t, i - 2).is_some_and(|(_, u, _)| u == Unit::Hour));
    (on && window && !every).then(|| (i + 2, set(period(1, Unit::Hour), None, None)))
}

/// "daily", "weekly", "monthly", "annually", "hourly", "quarterly", "nightly".
pub fn adverb(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // "the China Daily", "the Daily Mail", "Weekly Standard": a newspaper;
    // so is the noun in "the daily said", "the business daily Vedomosti"
    // (but "a monthly Employment Survey" is a survey held every month)
    // ("SYDNEY — Weekday trains will leave ...": after a dateline too)
    if in_name(t, i) && !(any(t, i, &["weekday", "weekend"]) && opens_text(t, i)) {
        return None;
    }
    let kind = i > 0 && any(t, i - 1, &["business", "financial", "economic", "sports", "news"]);
    let article = i > 0 && any(t, i - 1, &["the", "a"]);
    let named_after = word(t, i + 1) && cap(t, i + 1) && !t.toks[i + 1].newline_before;
    let noun_after =
        !word(t, i + 1) && !is(t, i + 1, "-") || any(t, i + 1, &["said", "says", "reported", "reports", "quoted", "wrote", "in", "of", "on"]);
    if ((kind || article) && noun_after || kind && named_after) && !is(t, i, "annually") {
        return None;
    }
    // ("on Saturday, Dec. 27, the weekly holiday, from 11 a.m.": a noun in
    // apposition to a date says what the day is, not how often the time recurs)
    let dated = |k: usize| digits(t, k) || weekday(t, k).is_some();
    if i > 2 && is(t, i - 1, "the") && is(t, i - 2, ",") && dated(i - 3) && noun_after_adjective(t, i + 1) && any(t, i + 2, &[",", "."]) {
        return None;
    }
    // "the bi-monthly magazine", "semi-annual": the prefix changes the
    // period (and "bi-" may mean either twice a month or every two months)
    if i > 1 && is(t, i - 1, "-") && adj(t, i) && any(t, i - 2, &["bi", "semi", "tri"]) {
        return None;
    }
    let u = match t.lw(i) {
        "daily" => Unit::Day,
        "weekly" => Unit::Week,
        "monthly" => Unit::Month,
        "annually" | "yearly" | "annual" if t.lw(i) != "annual" => Unit::Year,
        "hourly" => Unit::Hour,
        // "adjusted quarterly", but not "a quarterly dividend", which
        // names what is paid rather than when
        "quarterly" if !noun_after_adjective(t, i + 1) => Unit::Quarter,
        "biweekly" | "fortnightly" => return Some((i + 1, set(period(2, Unit::Week), None, None))),
        // "on alternate days": every second day
        "alternate" if i > 0 && is(t, i - 1, "on") && any(t, i + 1, &["days", "nights", "evenings", "mornings"]) => {
            return Some((i + 2, set(period(2, Unit::Day), None, None)));
        }
        // "on alternate Saturdays", "works alternate Fridays": every other one
        "alternate" if weekdays(t, i + 1).is_some() => {
            let (k, dow) = weekdays(t, i + 1)?;
            let each = Expr::EveryNth { n: 2, each: Box::new(Expr::Weekday { dow, dir: Dir::Infer }) };
            return Some((k, set(each, None, None)));
        }
        "alternate" => return None,
        // "airs nightly", as "every night"
        "nightly" => return Some((i + 1, set(Expr::PartOfDay { pod: crate::expr::Pod::Night, date: None }, None, None))),
        // "weekdays at 7:30", "on weekdays"
        // ("weekdays except Wednesdays": the working days the text leaves)
        "weekdays" if i > 0 && any(t, i - 1, &["on", "every", "all"]) || any(t, i + 1, &["at", "from", "except"]) => {
            let (e, days) = workdays_but(t, i + 1);
            return Some((e, set(days, None, None)));
        }
        // "airs weeknights at 10 p.m.": the nights of the working days
        "weeknights" if i > 0 && any(t, i - 1, &["on", "every", "all"]) || any(t, i + 1, &["at", "from", "except"]) => {
            let (e, days) = workdays_but(t, i + 1);
            let each = Expr::PartOfDay { pod: crate::expr::Pod::Night, date: Some(Box::new(days)) };
            return Some((e, set(each, None, None)));
        }
        // "on weekday evenings from 5pm", "weekend mornings at 7": the part of
        // the day on each working day, or of the weekend, with its clock time
        // (alone it tells only when something is done: "opens earlier on
        // weekday mornings under a new timetable")
        "weekday" | "weekend"
            if plural_pod(t, i + 1).is_some() && any(t, i + 2, &["at", "from", "between"]) && super::times::clock(t, i + 3).is_some() =>
        {
            let days = if t.lw(i) == "weekday" { Expr::Workdays } else { Expr::Weekend { dir: Dir::Infer } };
            let each = Expr::PartOfDay { pod: plural_pod(t, i + 1)?, date: Some(Box::new(days)) };
            return Some((i + 2, set(each, None, None)));
        }
        // "a weekday peak train, leaving Waikanae at 6:32 a.m.", "the weekday
        // breakfast show from 6 a.m. to 9 a.m.": the working days (or the
        // weekend) of the happening its noun names, with a clock time in its
        // clause (alone it tells only a kind, "a weekday crowd")
        // (or opening its clause: "Weekday trains will leave Central at 6:05 a.m.")
        "weekday" | "weekend"
            if (i > 0 && any(t, i - 1, ATTRIBUTIVE_DETERMINERS) || opens_clause(t, i))
                && word(t, i + 1)
                && !cap(t, i + 1)
                && clock_in_clause(t, i + 2) =>
        {
            let days = if t.lw(i) == "weekday" { Expr::Workdays } else { Expr::Weekend { dir: Dir::Infer } };
            return Some((i + 1, set(days, None, None)));
        }
        // "closes on weekends", "open weekends from 10" ("at 5:45 a.m. on both
        // weekends", after a clock time; "Sales rose on both weekends" tells no days)
        "weekends"
            if i > 0 && any(t, i - 1, &["on", "at", "all", "most"])
                || i > 2 && is(t, i - 1, "both") && is(t, i - 2, "on") && (any(t, i - 3, CLOCK_ENDS) || digits(t, i - 3))
                || any(t, i + 1, &["at", "from"]) =>
        {
            return Some((i + 1, set(Expr::Weekend { dir: Dir::Infer }, None, None)));
        }
        _ => return None,
    };
    // "daily except Sundays"
    if let (Unit::Day, Some((k, except))) = (u, days_left_out(t, i + 1)) {
        return Some((k, set(Expr::DaysBut { except }, None, None)));
    }
    Some((i + 1, set(period(1, u), None, None)))
}

/// Determiners before a frequency said of a noun ("a weekday peak train").
const ATTRIBUTIVE_DETERMINERS: &[&str] = &["a", "an", "the", "its", "their", "our", "his", "her", "new"];

/// Whether a clock time after "at" or "from" follows token `k` in its
/// clause, within [`crate::tuning::FRONTED_REACH`] tokens, past at most a
/// comma before a participle ("train, leaving Waikanae at 6:32 a.m.").
fn clock_in_clause(t: &Tokens<'_>, k: usize) -> bool {
    let hi = (k + crate::tuning::FRONTED_REACH).min(t.len());
    for j in k..hi {
        // (not a report: "The weekday crowd was large at 6 a.m.")
        if full_stop(t, j) || is(t, j, ",") && !(word(t, j + 1) && t.lw(j + 1).ends_with("ing")) || super::tense::past_form(t, j) {
            return false;
        }
        if any(t, j, &["at", "from"]) && super::times::clock_by_form(t, j + 1) {
            return true;
        }
    }
    false
}

/// Words that end a clock time: "at 5:45 a.m. on both weekends".
const CLOCK_ENDS: &[&str] = &["a.m.", "p.m.", "am", "pm", "noon", "midnight"];

/// The weekdays a daily recurrence leaves out, written after it at `j`:
/// "except Sunday", "except on Sundays", "but Monday and Tuesday", "except
/// weekends", "other than Friday": (end, the left-out ISO weekdays as bits
/// `1 << dow`). Not every day may be left out.
/// The days of a recurrence's `each` less the days `except` (bits by
/// weekday, Monday 1): every day, the working days, or a part of them
/// ("daily at 7 a.m. except Sundays"); none for other recurrences.
pub(super) fn leave_out(each: &Expr, except: u8) -> Option<Expr> {
    Some(match each {
        Expr::Duration { amount: Amount::N(1), unit: Unit::Day } => Expr::DaysBut { except },
        Expr::Workdays => Expr::DaysBut { except: except | WEEKEND_DAYS },
        Expr::DaysBut { except: e } => Expr::DaysBut { except: except | e },
        Expr::PartOfDay { pod, date: None } => Expr::PartOfDay { pod: *pod, date: Some(Box::new(Expr::DaysBut { except })) },
        Expr::PartOfDay { pod, date: Some(d) } => Expr::PartOfDay { pod: *pod, date: Some(Box::new(leave_out(d, except)?)) },
        _ => return None,
    })
}

/// The working days, less those left out right after them at `j` ("weekdays
/// except Monday" as all days but the weekend and Monday): (next, days).
fn workdays_but(t: &Tokens<'_>, j: usize) -> (usize, Expr) {
    match days_left_out(t, j) {
        Some((e, except)) => (e, Expr::DaysBut { except: except | WEEKEND_DAYS }),
        None => (j, Expr::Workdays),
    }
}

pub(super) fn days_left_out(t: &Tokens<'_>, j: usize) -> Option<(usize, u8)> {
    let mut k = match t.lw(j) {
        "except" | "but" => j + 1,
        "other" if is(t, j + 1, "than") => j + 2,
        _ => return None,
    };
    if is(t, k, "for") || is(t, k, "on") {
        k += 1;
    }
    let mut except = 0u8;
    loop {
        // (one day left out is a date, not a weekday: "except Sunday, March 1")
        if super::dates::weekday_date(t, k).is_some_and(|(e, _)| e > k + 1) {
            return None;
        }
        if let Some((e, dow)) = weekday(t, k).or_else(|| weekdays(t, k)) {
            except |= 1 << dow;
            k = e;
        } else if any(t, k, &["weekends", "weekend"]) {
            except |= WEEKEND_DAYS;
            k += 1;
        } else {
            return None;
        }
        // ", Tuesday", "and Tuesday", "or Tuesday"
        let next = if any(t, k, &[",", "and", "or"]) {
            if any(t, k + 1, &["and", "or"]) {
                k + 2
            } else {
                k + 1
            }
        } else {
            break;
        };
        if weekday(t, next).or_else(|| weekdays(t, next)).is_none() {
            break;
        }
        k = next;
    }
    // ("trains run daily but Sunday service is reduced": "but" opens a clause
    // when a noun follows the days)
    let clause = is(t, j, "but") && word(t, k) && !cap(t, k) && !any(t, k, &["at", "from", "until", "through", "and", "in", "on"]);
    (except != 0b1111_1110 && !clause).then_some((k, except))
}

/// Whether token `k` is a noun an adjective before it qualifies: a
/// lower-case word that is no conjunction or preposition.
fn noun_after_adjective(t: &Tokens<'_>, k: usize) -> bool {
    word(t, k) && !cap(t, k) && !any(t, k, &["and", "or", "by", "in", "on", "at", "from", "until", "to"])
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
    // "every other Tuesday", "every second Tuesday", "every third Friday"
    // ("every 2nd friday", as a message writes it)
    let nth = match t.lw(j) {
        "second" if weekday(t, j + 1).is_some() => Some(2),
        "third" if weekday(t, j + 1).is_some() => Some(3),
        _ if digits(t, j) => ordinal(t, j).filter(|&(k, n)| (2..=3).contains(&n) && k == j + 2 && weekday(t, k).is_some()).map(|(_, n)| n),
        _ => None,
    };
    // "every half hour", "every quarter-hour": a part of an hour in minutes
    let part = match t.lw(j) {
        "half" => Some(30),
        "quarter" => Some(15),
        _ => None,
    };
    if let Some(minutes) = part {
        let k = if is(t, j + 1, "-") { j + 2 } else { j + 1 };
        if let (true, Some((e, Unit::Hour, false))) = (n == 1, unit(t, k)) {
            return Some((e, set(period(minutes, Unit::Minute), Some(quant), None)));
        }
    }
    // "every third day", "every ninth day", "every 2nd week": every n-th unit
    if nth.is_none() {
        if let Some((e, m, u)) = ordinal(t, j).filter(|&(_, m)| m >= 2).and_then(|(k, m)| unit(t, k).filter(|u| !u.2).map(|(e, u, _)| (e, m, u))) {
            return Some((e, set(period(m, u), Some(quant), None)));
        }
    }
    if is(t, j, "other") || nth.is_some() {
        n = nth.unwrap_or(2);
        j += if digits(t, j) { 2 } else { 1 };
        // "every other Tuesday": every second one
        if let Some((k, dow)) = weekday(t, j) {
            let each = Expr::EveryNth { n, each: Box::new(Expr::Weekday { dow, dir: Dir::Infer }) };
            return Some((k, set(each, Some(quant), None)));
        }
        // "every other night", "every other morning": every second day, its
        // clock time told with it
        if pod(t, j).is_some() && !is(t, j + 1, "of") {
            return Some((j + 1, set(period(n, Unit::Day), Some(quant), None)));
        }
    } else if let Some((k, Amount::N(m))) = amount(t, j).filter(|(k, _)| unit(t, *k).is_some_and(|u| u.2)) {
        n = m;
        j = k;
    }
    if let Some((k, u, plural)) = unit(t, j) {
        if plural != (n > 1 && !is(t, i + 1, "other")) {
            return None;
        }
        // "every day except Sunday"
        if let (Unit::Day, 1, Some((e, except))) = (u, n, days_left_out(t, k)) {
            return Some((e, set(Expr::DaysBut { except }, Some(quant), None)));
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
    if let Some(p) = pod(t, j) {
        // "every evening except Fridays": that part of the other days
        if let Some((e, except)) = days_left_out(t, j + 1) {
            return Some((e, set(Expr::PartOfDay { pod: p, date: Some(Box::new(Expr::DaysBut { except })) }, Some(quant), None)));
        }
        return Some((j + 1, set(Expr::PartOfDay { pod: p, date: None }, Some(quant), None)));
    }
    // "every weeknight": the night of each working day
    if is(t, j, "weeknight") {
        return Some((j + 1, set(Expr::PartOfDay { pod: crate::expr::Pod::Night, date: Some(Box::new(Expr::Workdays)) }, Some(quant), None)));
    }
    // "every weekday except Monday"
    if is(t, j, "weekday") && days_left_out(t, j + 1).is_some() {
        let (e, days) = workdays_but(t, j + 1);
        return Some((e, set(days, Some(quant), None)));
    }
    if is(t, j, "weekday") {
        // "every weekday morning"
        if let Some(p) = pod(t, j + 1) {
            return Some((j + 2, set(Expr::PartOfDay { pod: p, date: Some(Box::new(Expr::Workdays)) }, Some(quant), None)));
        }
        return Some((j + 1, set(Expr::Workdays, Some(quant), None)));
    }
    // "each summer", "every spring"
    if let Some(se) = season_word(t, j) {
        let each = Expr::Part { part: crate::expr::Part::Season(se), year: crate::expr::YearRef::Implicit, dir: Dir::Infer };
        return Some((j + 1, set(each, Some(quant), None)));
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
    // "its twice-yearly forecast", "a twice-weekly market", "three times
    // daily": the adverb's period
    if times > 1 {
        let a = if is(t, j, "-") && adj(t, j) { j + 1 } else { j };
        if let Some((k, Expr::Set { each, .. })) = adverb(t, a).filter(|_| a > j || !is(t, j, "weekdays") && !is(t, j, "weekends")) {
            return Some((k, Expr::Set { each, quant: None, freq: Some(times) }));
        }
    }
    if !any(t, j, &["a", "an", "per", "each", "every"]) {
        return None;
    }
    let (k, u, false) = unit(t, j + 1)? else { return None };
    Some((k, set(period(1, u), None, Some(times))))
}

/// A plural part of the day ("nights"), as in "Tuesday nights".
pub(super) fn plural_pod(t: &Tokens<'_>, i: usize) -> Option<Pod> {
    Some(match t.lw(i) {
        "nights" => Pod::Night,
        "mornings" => Pod::Morning,
        "afternoons" => Pod::Afternoon,
        "evenings" => Pod::Evening,
        _ => return None,
    })
}

/// Plural weekdays name a weekly recurrence: "Saturdays", "on Tuesday nights",
/// "Sunday mornings".
pub fn plural_weekday(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let (j, dow, singular) = match weekday(t, i) {
        Some((j, dow)) => (j, dow, true),
        None => {
            let (j, dow) = weekdays(t, i)?;
            (j, dow, false)
        }
    };
    // (in lower case where the lexicon reads it so: "piano on mondays"; not
    // after a count, "two fridays in a row")
    let counted = i > 0 && t.toks[i - 1].class & (crate::lexicon::class::NUM | crate::lexicon::class::NUMBER) != 0;
    if !named(t, i) || !cap(t, i) && counted {
        return None;
    }
    let each = Expr::Weekday { dow, dir: Dir::Infer };
    match plural_pod(t, j) {
        Some(p) => Some((j + 1, set(Expr::PartOfDay { pod: p, date: Some(Box::new(each)) }, None, None))),
        None if singular => {
            // "Monday and Tuesday nights": the plural part of the day after the
            // last weekday of a list makes every weekday of it a recurrence.
            let p = shared_plural_pod(t, j)?;
            Some((j, set(Expr::PartOfDay { pod: p, date: Some(Box::new(each)) }, None, None)))
        }
        None => Some((j, set(each, None, None))),
    }
}

/// The plural part of the day that ends a list of weekdays starting at `j`
/// (", Wednesday and Friday nights"), if there is one.
fn shared_plural_pod(t: &Tokens<'_>, mut j: usize) -> Option<Pod> {
    for _ in 0..6 {
        if !any(t, j, &[",", "and", "or"]) {
            return None;
        }
        j += 1;
        if any(t, j, &["and", "or"]) {
            j += 1; // the serial comma: "Monday, Tuesday, and Friday nights"
        }
        let (k, _) = weekday(t, j)?;
        if let Some(p) = plural_pod(t, k) {
            return Some(p);
        }
        j = k;
    }
    None
}
