//! Deictic and relative expressions: "today", "last year", "this week",
//! "the latest quarter", "two years ago", "a year earlier", and the reference
//! words "now", "recently", "the future".
//!
//! Example table: `tests/relative.toml`.

use super::dates::direction;
use super::words::*;
use crate::expr::{Amount, Dir, Expr, Pod, RefKind, Unit};
use crate::lex::Tokens;
use crate::lexicon::class::{DIR, NUM, NUMBER, ORDINAL};
use crate::tuning::{SHIFT_DEPTH, SPAN_BACK_REACH};

fn rel(unit: Unit, offset: i32) -> Expr {
    Expr::Relative { unit, offset }
}

/// "today", "yesterday", "tomorrow", "tonight" ("the day before yesterday"
/// is a shift of "yesterday": see `around`).
pub fn deictic_day(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // (a chat spelling with a digit after a determiner is a count of days:
    // "the 2day conference", "a 2night stay")
    if t.raw(i).starts_with(|c: char| c.is_ascii_digit()) && i > 0 && any(t, i - 1, &["a", "an", "the", "this", "our", "my", "your", "their"]) {
        return None;
    }
    let e = match t.lw(i) {
        "today" => rel(Unit::Day, 0),
        "yesterday" => rel(Unit::Day, -1),
        "tomorrow" => rel(Unit::Day, 1),
        "tonight" => Expr::PartOfDay { pod: Pod::Night, date: None },
        "overnight" if !word(t, i + 1) || any(t, i + 1, &["and", "in", "on", "at", "to", "after", "from"]) => {
            Expr::PartOfDay { pod: Pod::Night, date: Some(Box::new(rel(Unit::Day, -1))) }
        }
        _ => return None,
    };
    // "today's" keeps the possessive outside the extent
    Some((i + 1, e))
}

/// The period under discussion a year back, named by its place in the
/// previous year: "last year's quarter", "the corresponding period last
/// year", "the quarter a year ago", "the same quarter a year earlier".
pub fn period_a_year_back(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let back = Expr::Shift { amount: Amount::N(1), unit: Unit::Year, sign: -1, event: false, compared: true };
    // "last year's quarter"
    if is(t, i, "last") && is(t, i + 1, "year") && any(t, i + 2, &["'", "’"]) && is(t, i + 3, "s") && any(t, i + 4, &["quarter", "period"]) {
        return Some((i + 5, back));
    }
    if !is(t, i, "the") {
        return None;
    }
    let s = if any(t, i + 1, &["corresponding", "comparable", "same"]) { i + 2 } else { i + 1 };
    if !any(t, s, &["quarter", "period"]) {
        return None;
    }
    let k = s + 1;
    let end = if is(t, k, "last") && is(t, k + 1, "year") && !any(t, k + 2, &["'", "’"]) {
        k + 2
    } else if is(t, k, "a") && is(t, k + 1, "year") && any(t, k + 2, &["ago", "earlier"]) {
        k + 3
    } else {
        return None;
    };
    Some((end, back))
}

/// The end of the year as a noun: "by year-end", "around year end", "by
/// year's end", "since year-end" (the last one). "year-end results" is an
/// adjective and not this.
///
/// After "mid-" ("by mid-year") the year itself, which the modifier rule
/// marks MID.
pub fn year_end(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    /// Prepositions that make a noun of "year-end" or "mid-year".
    const BEFORE: &[&str] = &["by", "at", "since", "until", "till", "before", "after", "around", "near", "through", "toward", "towards", "in"];
    /// Words that may follow the noun.
    const AFTER: &[&str] = &["and", "or", "but", "when", "as", "to", "in", "on", "at", "for", "from", "with", "the", "a", "an"];
    if !is(t, i, "year") || i == 0 {
        return None;
    }
    // (not "mid-year 2023", nor "in year-end trading")
    let noun_at = |p: usize, e: usize| any(t, p, BEFORE) && (!word(t, e) && !digits(t, e) || any(t, e, AFTER));
    if i >= 3 && is(t, i - 1, "-") && adj(t, i - 1) && adj(t, i) && is(t, i - 2, "mid") {
        return noun_at(i - 3, i + 1).then(|| (i + 1, rel(Unit::Year, 0)));
    }
    let j = if is(t, i + 1, "-") && adj(t, i + 1) && adj(t, i + 2) && is(t, i + 2, "end") {
        i + 3
    } else if is(t, i + 1, "end") {
        i + 2
    } else if any(t, i + 1, &["'", "’"]) && is(t, i + 2, "s") && is(t, i + 3, "end") {
        i + 4
    } else {
        return None;
    };
    if !noun_at(i - 1, j) || is(t, i - 1, "in") {
        return None;
    }
    let offset = if is(t, i - 1, "since") { -1 } else { 0 };
    Some((j, Expr::Mod { m: crate::expr::Mod::End, inner: Box::new(rel(Unit::Year, offset)) }))
}

/// A day or week placed by a day the text names: "the week of March 6",
/// "the day before last Tuesday", "the day after Christmas", "the week after
/// Easter".
pub fn around(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    around_within(t, i, SHIFT_DEPTH)
}

/// [`around`] with at most `depth` shifts nested in it.
fn around_within(t: &Tokens<'_>, i: usize, depth: usize) -> Option<(usize, Expr)> {
    let s = if is(t, i, "the") { i + 1 } else { i };
    let unit = match t.lw(s) {
        "day" => Unit::Day,
        "week" => Unit::Week,
        _ => return None,
    };
    let offset = match t.lw(s + 1) {
        "of" if unit == Unit::Week => 0,
        "before" => -1,
        "after" => 1,
        _ => return None,
    };
    let (end, day) = named_day_within(t, s + 2, depth.checked_sub(1)?)?;
    Some((end, Expr::Around { day: Box::new(day), unit, offset, grain: unit }))
}

/// The first weekday after or before a day the text names: "the Monday
/// after Easter", "the Friday before Christmas", "the first Tuesday after
/// Labor Day", "the sunday after thanksgiving". Only with "the" before it
/// ("on Monday after Easter Sunday ..." is as often the coming Monday).
pub fn weekday_around(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    if !is(t, i, "the") {
        return None;
    }
    let s = if is(t, i + 1, "first") { i + 2 } else { i + 1 };
    let (j, dow) = weekday(t, s)?;
    let dir = match t.lw(j) {
        "after" => Dir::Future,
        "before" => Dir::Past,
        _ => return None,
    };
    if s > i + 1 && dir == Dir::Past {
        return None;
    }
    let (end, day) = named_day(t, j + 1)?;
    Some((end, Expr::WeekdayAround { dow, day: Box::new(day), dir }))
}

/// A day the text names, which a shift can count from: a weekday, a
/// written date, a holiday, "yesterday", "today" or "tomorrow", or such a
/// shift itself ("the day after tomorrow", "a week after the day before
/// yesterday"). Each rule here starts on the token it is given and a shift
/// names its day past its own words, so the recursion always moves on.
pub(super) fn named_day(t: &Tokens<'_>, k: usize) -> Option<(usize, Expr)> {
    named_day_within(t, k, SHIFT_DEPTH)
}

/// [`named_day`] with at most `depth` shifts nested in it.
fn named_day_within(t: &Tokens<'_>, k: usize, depth: usize) -> Option<(usize, Expr)> {
    let deictic = match t.lw(k) {
        "today" => Some((k + 1, rel(Unit::Day, 0))),
        "yesterday" => Some((k + 1, rel(Unit::Day, -1))),
        "tomorrow" => Some((k + 1, rel(Unit::Day, 1))),
        _ => None,
    };
    [
        super::dates::weekday_date(t, k),
        super::dates::weekday_rule(t, k),
        super::dates::month_first(t, k),
        super::dates::day_first(t, k),
        super::dates::holiday(t, k),
    ]
    .into_iter()
    .flatten()
    .filter(|(_, d)| d.is_weekday() || matches!(d, Expr::Date { month: Some(_), day: Some(_), .. } | Expr::Holiday { .. }))
    .chain(deictic)
    .chain(super::dates::counted_from_day(t, k))
    .chain(around_within(t, k, depth))
    .max_by_key(|(end, _)| *end)
}

/// "this year", "last week", "next month", "the previous quarter", "the
/// current year", "the latest quarter", "the quarter".
pub fn relative_period(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let mut s = i;
    let the = is(t, s, "the");
    if the {
        s += 1;
    }
    // "the latest quarter", "the most recent quarter", "the quarter"
    if the {
        let (k, latest) = if is(t, s, "latest") || is(t, s, "recent") {
            (s + 1, true)
        } else if is(t, s, "most") && is(t, s + 1, "recent") {
            (s + 2, true)
        } else {
            (s, false)
        };
        let period = latest && is(t, k, "period");
        if (is(t, k, "quarter") || period) && !(is(t, k + 1, "-") || is(t, k + 1, "century")) && (latest || !any(t, k + 1, &["of", "century"])) {
            return Some((k + 1, rel(Unit::Quarter, -1)));
        }
    }
    // "the week after next", "the month before last": two periods away (and
    // without the article where the text or a preposition opens it: "week
    // after next works", "by week after next")
    let opens = i == 0 || any(t, i - 1, &["on", "by", "until", "till", "for", "in", "from"]);
    if the || opens {
        if let Some((j, unit @ (Unit::Week | Unit::Month | Unit::Year), false)) = unit(t, s) {
            match (t.lw(j), t.lw(j + 1)) {
                ("after", "next") => return Some((j + 2, rel(unit, 2))),
                ("before", "last") => return Some((j + 2, rel(unit, -2))),
                _ => {}
            }
        }
    }
    // "the latest fiscal year": the last one completed
    if the && is(t, s, "latest") && is(t, s + 1, "fiscal") && is(t, s + 2, "year") {
        return Some((s + 3, rel(Unit::Year, -1)));
    }
    let (j, dir) = direction(t, s)?;
    // "the current fiscal year", "next fiscal year"
    let j = if is(t, j, "fiscal") && is(t, j + 1, "year") { j + 1 } else { j };
    let w = t.lw(i + usize::from(the));
    // "last week", not "coming weeks" (a vague span, found as a reference)
    let (j, unit, false) = unit(t, j)? else { return None };
    if !matches!(unit, Unit::Week | Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century | Unit::Day) {
        return None;
    }
    if is(t, j, "-") && adj(t, j) {
        return None; // "last year-end" etc. handled elsewhere
    }
    let offset = dir.step();
    // "the past year", "the last week", "the coming month" name the period itself, as TE3
    // news annotation has them; "the last week of June" is not this
    if the
        && (w == "past" || w == "last" || w == "next" || w == "coming")
        && (matches!(unit, Unit::Day | Unit::Decade | Unit::Century) || is(t, j, "of"))
    {
        return None;
    }
    // "ABC's \"This Week\"": a title-cased unit after a capitalised "This" is a name
    if w == "this" && cap(t, s) && cap(t, j - 1) && !t.raw(j - 1).chars().skip(1).any(char::is_uppercase) && s > 0 && !starts_sentence(t, s) {
        return None;
    }
    if !the && (w == "past" || w == "previous" || w == "prior" || w == "following" || w == "current" || w == "upcoming") {
        return None;
    }
    if unit == Unit::Day && w != "next" && w != "previous" && w != "following" {
        return None;
    }
    Some((j, rel(unit, offset)))
}

/// Whether the length at `i` follows a copula of the present or future,
/// which compares two clocks rather than shifting a time ("everything is an
/// hour earlier", "the show will be two hours later in Perth"). (Only
/// "earlier" also tells the past in the tense cues, which this keeps out.)
pub(super) fn compares_clocks(t: &Tokens<'_>, i: usize) -> bool {
    // (not after an event the article tells of, "the toss", "the opening
    // day's kickoff": "The toss is 30 minutes earlier" is a time)
    let event =
        i >= 3 && word(t, i - 2) && !cap(t, i - 2) && !any(t, i - 2, NOT_EVENT_SUBJECTS) && (is(t, i - 3, "the") || any(t, i - 3, &["'s", "’s"]));
    i > 0 && present_copula(t, i - 1) && !event
}

/// Subjects after "the" that compare clocks rather than name an event ("the
/// time there is an hour earlier", "the clock is ...").
const NOT_EVENT_SUBJECTS: &[&str] = &["time", "clock", "clocks", "hour", "difference", "offset", "same", "other"];

/// Whether the word at `k` is a copula of the present or future ("is",
/// "are", "will be", "'s").
pub(super) fn present_copula(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, &["is", "are", "be", "'s", "’s"])
}

/// "two years ago", "a year earlier", "three weeks from now", "a month later",
/// "year-ago", "year-earlier".
pub fn shift(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // year-ago / year-earlier adjectives, with the period they qualify:
    // "year-earlier", "the year-ago quarter", "the comparable year-earlier period"
    let mut s = i;
    if is(t, s, "the") {
        s += 1;
        if any(t, s, &["comparable", "same"]) {
            s += 1;
        }
    }
    if let Some((j, u, false)) = unit(t, s) {
        if !(is(t, j, "-") && adj(t, j) && any(t, j + 1, &["ago", "earlier"])) {
            return None;
        }
        let shifted = Expr::Shift { amount: Amount::N(1), unit: u, sign: -1, event: false, compared: true };
        let mut k = j + 2;
        if let Some((o, n)) = ordinal(t, k).filter(|&(o, n)| is(t, o, "quarter") && (1..=4).contains(&n)) {
            let _ = n;
            k = o;
        }
        if any(t, k, &["quarter", "period"]) {
            return Some((k + 1, shifted));
        }
        return (s == i).then_some((j + 2, shifted));
    }
    // "months ago", "decades ago": an unmeasured shift back (not the tail of
    // "65 million years ago", which is a count)
    if let Some((j, u, true)) = unit(t, i) {
        let counted = i > 0 && (t.toks[i - 1].class & (NUM | NUMBER) != 0 || any(t, i - 1, &["million", "billion", "thousand", "hundred", "dozen"]));
        if is(t, j, "ago") && !counted {
            return Some((j + 1, Expr::Shift { amount: Amount::Some, unit: u, sign: -1, event: false, compared: false }));
        }
    }
    let (j, amount) = amount(t, i)?;
    // "two fridays from now", "three Sundays ago": the nth such weekday counted
    // from the reference, the first being the next (or last) one
    if let (Amount::N(n @ 2..), Some((k, dow))) = (amount, weekdays(t, j)) {
        let (end, sign) = match (t.lw(k), t.lw(k + 1)) {
            ("from", "now" | "today") => (k + 2, 1),
            ("ago", _) => (k + 1, -1),
            _ => return None,
        };
        let dir = if sign > 0 { Dir::Future } else { Dir::Past };
        let day = Expr::Weekday { dow, dir };
        return Some((end, Expr::Around { day: Box::new(day), unit: Unit::Day, offset: sign * 7 * (n as i32 - 1), grain: Unit::Day }));
    }
    let (k, u, plural) = unit(t, j)?;
    if matches!(amount, Amount::N(n) if n == 1) == plural && !matches!(amount, Amount::Some | Amount::Frac(_)) && !any_count(t, j) {
        return None;
    }
    let (k, amount) = and_a_half(t, k, amount);
    // "a week or so ago"
    let (k, approx) = if is(t, k, "or") && is(t, k + 1, "so") { (k + 2, true) } else { (k, false) };
    // "a year earlier than planned" compares two times: only the length is told
    // (and so does a copula before it: "for viewers in Jakarta, everything is
    // an hour earlier")
    if any(t, k, &["earlier", "later"]) && (is(t, k + 1, "than") || compares_clocks(t, i)) {
        return None;
    }
    // "a week from Monday", "ten days from Jan. 3": that many days past the
    // day named ("for three days from April 14" is a length starting then)
    // ("3 days before yesterday", "a year after Christmas", "two weeks after
    // Monday": a shift of the day named; after or before a written date it
    // stays a length and a date, as TimeML tags "eight days after Oct. 12")
    let length = i > 0 && any(t, i - 1, &["for", "over", "of", "lasting", "within", "in"]);
    // (nor a rate after its count: "two trains a day from Dec. 22", "40
    // patients a day from Monday")
    // (a count before the noun: "The plan starts a week from today" has a verb
    // there; and a count of days or hours is a rate only when they fit in the
    // period, "five days a week from Monday", not "returns for 10 days a week
    // from Monday")
    let fits = || match (unit(t, i - 1), super::words::amount(t, i - 2)) {
        (Some((_, small, _)), Some((_, Amount::N(n)))) => seconds(small).zip(seconds(u)).is_some_and(|(a, b)| a * u64::from(n) <= b),
        (Some(_), _) => false,
        (None, _) => true,
    };
    let rate = i > 1 && any(t, i, &["a", "an"]) && plural_noun(t, i - 1) && t.toks[i - 2].class & (NUM | NUMBER) != 0 && fits();
    let length = length || rate;
    let sign = match t.lw(k) {
        "from" | "after" => 1,
        "before" => -1,
        _ => 0,
    };
    if let (Amount::N(n), false, false, true) = (amount, approx, length, sign != 0) {
        // (nor before a day's event: "one week before next Tuesday's elections")
        let named = named_day(t, k + 1)
            .filter(|&(e, ref d)| is(t, k, "from") || !(matches!(d, Expr::Date { .. }) || any(t, e, &["'", "’"]) && is(t, e + 1, "s")));
        let by = match u {
            Unit::Day => Some((Unit::Day, n as i32)),
            Unit::Week => Some((Unit::Day, 7 * n as i32)),
            Unit::Fortnight => Some((Unit::Day, 14 * n as i32)),
            Unit::Month | Unit::Year => Some((u, n as i32)),
            _ => None,
        };
        if let (Some((end, mut day)), Some((unit, count))) = (named, by) {
            // (the day counted from lies ahead: "a week from Monday" said on a Monday)
            if let Expr::Weekday { dir: d @ Dir::Infer, .. } = &mut day {
                if sign > 0 {
                    *d = Dir::Future;
                }
            }
            return Some((end, Expr::Around { day: Box::new(day), unit, offset: sign * count, grain: Unit::Day }));
        }
    }
    let (end, sign, event) = match t.lw(k) {
        "ago" => (k + 1, -1, false),
        // "two years earlier", not "a week before the vote"
        w @ ("earlier" | "before") if !word(t, k + 1) || !any(t, k + 1, &["the", "a", "an", "his", "her", "their", "its", "that"]) => {
            (k + 1, -1, w == "before")
        }
        "later" => (k + 1, 1, true),
        "hence" => (k + 1, 1, false),
        "from" if any(t, k + 1, &["now", "today"]) => (k + 2, 1, false),
        _ => return None,
    };
    // ("up from a year ago", "compared with a year ago": a base of
    // comparison; "more than 10 years ago" is no comparison of periods)
    let compared = is(t, k, "earlier") || i > 0 && any(t, i - 1, &["from", "over", "with", "against", "versus"]);
    let shift = Expr::Shift { amount, unit: u, sign, event, compared };
    // "three years ago this month", "a year ago today", "a decade ago this
    // week": the deictic after the shift names the grain of the period
    if sign < 0 && !event && !approx && matches!(amount, Amount::N(_)) {
        let grain = match (t.lw(end), t.lw(end + 1)) {
            ("today", _) => Some((end + 1, Unit::Day)),
            ("this", "week") => Some((end + 2, Unit::Week)),
            ("this", "month") => Some((end + 2, Unit::Month)),
            _ => None,
        };
        if let Some((e, grain)) = grain.filter(|&(_, g)| finer(g, u)) {
            return Some((e, Expr::PeriodOf { grain, of: Box::new(shift) }));
        }
    }
    Some((end, if approx { Expr::Mod { m: crate::expr::Mod::Approx, inner: Box::new(shift) } } else { shift }))
}

/// Whether `a` is a finer calendar grain than `b` (a day than a week, a
/// month than a year).
fn finer(a: Unit, b: Unit) -> bool {
    crate::resolve::granularity_rank(a) < crate::resolve::granularity_rank(b)
}

/// "the next day", "the following week", "the previous year", "the day
/// before": a period next to the one mentioned before.
pub fn adjacent_period(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    if !is(t, i, "the") {
        return None;
    }
    if let Some((j, unit, false)) = unit(t, i + 1) {
        // "the day before", "the week after"
        let offset = match t.lw(j) {
            "before" => -1,
            "after" => 1,
            _ => return None,
        };
        // "the day before yesterday" and "the day after the vote" are not this
        if names_event_after(t, j + 1) || !matches!(unit, Unit::Day | Unit::Week) {
            return None;
        }
        return Some((j + 1, Expr::Anaphor { unit, offset }));
    }
    let offset = match t.lw(i + 1) {
        "next" | "following" => 1,
        "previous" | "prior" => -1,
        _ => return None,
    };
    let (k, unit, false) = unit(t, i + 2)? else { return None };
    if !matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year) || (is(t, k, "-") && adj(t, k)) {
        return None;
    }
    Some((k, Expr::Anaphor { unit, offset }))
}

/// Whether the word at `k`, after "the day before" or "the night after",
/// goes on to name what it is before or after ("the day before yesterday",
/// "the night before the vote"), rather than ending the phrase (a
/// conjunction, a pronoun that opens a clause, or a preposition of the
/// clock time it holds: "the day before at 9 p.m.").
pub(super) fn names_event_after(t: &Tokens<'_>, k: usize) -> bool {
    word(t, k) && !any(t, k, &["and", "or", "but", "when", "as", "he", "she", "it", "they", "we", "at", "from", "until", "till", "around", "by"])
}

/// The days, weeks or months around an event: "in the weeks before the
/// shooting", "the days after his death", "the months leading up to the
/// vote". No length is told; the text places them next to an event, so they
/// are a date, in the month (for months, the year) under discussion. As the
/// TE3 news annotation has it, the article stays outside.
pub fn event_period(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // "the days before", or "days after a sniper killed" without the article
    // (not "two days after", a length counted from the event, nor "it will
    // take months before", a length too)
    let counted = i > 0
        && (count(t, i - 1)
            || any(t, i - 1, &["few", "several", "many", "a", "some"])
            || any(
                t,
                i - 1,
                &["take", "takes", "took", "taken", "taking", "spend", "spent", "last", "lasted", "for", "within", "in", "wait", "waited", "of"],
            ));
    if i == 0 || counted {
        return None;
    }
    let unit = match t.lw(i) {
        "days" | "weeks" => Unit::Month,
        "months" => Unit::Year,
        // "the day after his death": a day next to an event (not "later in
        // the day before returning", an idiom of its own)
        "day" if is(t, i - 1, "the") && !(i > 1 && any(t, i - 2, &["in", "during", "of"])) => Unit::Day,
        _ => return None,
    };
    let next = i + 1;
    // ("naming months after himself")
    if any(t, next + 1, &["himself", "herself", "itself", "themselves", "him", "her", "them", "it"]) {
        return None;
    }
    let around = any(t, next, &["before", "after", "following"])
        || is(t, next, "ahead") && is(t, next + 1, "of")
        || is(t, next, "leading") && is(t, next + 1, "up") && is(t, next + 2, "to");
    // "the day after his death" (an event named by a noun) is the day after
    // the one under discussion; in apposition ("last seen Nov. 3, the day
    // before ...", "on Thursday -- the day after police discovered the
    // bodies") or before a clause ("the warning came the day after Brussels
    // rejected the plan") it is the day under discussion itself
    let apposition = i > 1 && any(t, i - 2, &[",", "-", "--", "—", "("]);
    let noun = any(t, next + 1, &["his", "her", "its", "their", "the", "a", "an"]);
    let offset = match (unit, t.lw(next)) {
        (Unit::Day, "before") if noun && !apposition => -1,
        (Unit::Day, "after" | "following") if noun && !apposition => 1,
        _ => 0,
    };
    around.then_some((i + 1, Expr::Anaphor { unit, offset }))
}

/// A day named by its place in an event: "the second day of an offensive",
/// "his first day in office", "the eighth day of Desert Shield", "the last
/// day of trading". It is a date, not a length; the text rarely says which
/// one, so it is the day under discussion when one is ("Today is the eighth
/// day"), else unknown.
pub fn ordinal_day(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // "the second day" with its article; "his first day" without the
    // possessive, as TE3 annotates it
    // (the article is everywhere: look at the word after it first)
    let next_ordinal = |k: usize| t.toks.get(k).is_some_and(|tok| tok.class & (ORDINAL | NUM | DIR) != 0);
    let o = if is(t, i, "the") && (next_ordinal(i + 1) || is(t, i + 1, "final")) {
        i + 1
    } else if i > 0 && any(t, i - 1, &["his", "her", "its", "their"]) {
        i
    } else {
        return None;
    };
    let j = match ordinal(t, o) {
        Some((j, n)) if n <= 31 => j,
        _ if any(t, o, &["last", "final"]) => o + 1,
        _ => return None,
    };
    // not "first-day sales", "the first day or two" (a length)
    (is(t, j, "day") && !any(t, j + 1, &["-", "or"])).then_some((j + 1, Expr::Anaphor { unit: Unit::Day, offset: 0 }))
}

/// Periods named by reference to one mentioned before: "that year", "that
/// same day", "the same month", "later that year", "that quarter".
pub fn anaphor(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let mut s = i;
    if any(t, s, &["earlier", "later"]) && is(t, s + 1, "that") {
        s += 1;
    }
    let mut j = match t.lw(s) {
        "that" => s + 1,
        "the" if is(t, s + 1, "same") => s + 2,
        _ => return None,
    };
    if is(t, j, "same") && s + 1 == j {
        j += 1;
    }
    // "that night", "the same evening": a part of the day under discussion
    let part = pod(t, j).filter(|_| !t.lw(j).ends_with('s'));
    let (k, unit) = match (unit(t, j), part) {
        (Some((k, unit, false)), _) => (k, unit),
        (None, Some(_)) => (j + 1, Unit::Day),
        _ => return None,
    };
    if !matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year) {
        return None;
    }
    // "that day of reckoning", "the same year-end": not a plain reference
    // ("That quarter included a write-down": a verb may follow)
    if any(t, k, &["of", "-"])
        || (word(t, k)
            && !cap(t, k)
            && !super::tense::past_form(t, k)
            && !any(t, k, &["and", "or", "but", "when", "as", "to", "in", "on", "at", "the", "he", "she", "it", "they", "we"])
            // ("from that day until Aug. 29", "from that day on")
            && !any(t, k, &["until", "till", "through", "onward", "onwards", "forward"]))
    {
        return None;
    }
    let day = Expr::Anaphor { unit, offset: 0 };
    Some((
        k,
        match part {
            Some(pod) => Expr::PartOfDay { pod, date: Some(Box::new(day)) },
            None => day,
        },
    ))
}

/// "one day" after a modal ("Islam will one day be ...") or a wish ("who
/// hopes one day to visit", "the hope he one day follows") is an unspecified
/// future, not a day-long span.
pub fn one_day(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let modal = any_prev(t, i, &["will", "would", "could", "can", "may", "might", "shall", "should", "must", "ll"]);
    let wish = (i.saturating_sub(3)..i)
        .rev()
        .find(|&k| any(t, k, &["hope", "hopes", "hoped", "hoping", "dream", "dreams", "dreamed", "dreaming", "wish", "wishes", "wished"]));
    // only the subject may stand between: "hoped for one day of rest" is a length
    let wish = wish.is_some_and(|k| (k + 1..i).all(|j| word(t, j) && !any(t, j, &["for", "of", "in", "after", "within", "than", "about"])));
    // "one day in the not too distant future"
    let future = is(t, i + 2, "in") && is(t, i + 3, "the") && (i + 4..i + 9).any(|k| is(t, k, "future"));
    ((modal || wish || future) && is(t, i, "one") && is(t, i + 1, "day")).then_some((i + 2, Expr::Ref(RefKind::Future)))
}

/// PRESENT_REF, PAST_REF and FUTURE_REF words.
pub fn reference(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let r = |k| Some((i + 1, Expr::Ref(k)));
    let prev = if i > 0 { t.lw(i - 1) } else { "" };
    match t.lw(i) {
        "more" if is(t, i + 1, "recently") => Some((i + 2, Expr::Ref(RefKind::Past))),
        // "Now, following asset sales, ...": a sentence opened by "Now," turns
        // the argument (a discourse marker), it does not date anything
        "now" if !(is(t, i + 1, "that") || is(t, i + 1, "-") || (is(t, i + 1, ",") && opens_sentence(t, i))) => r(RefKind::Present),
        "currently" | "nowadays" | "presently" => r(RefKind::Present),
        "recently" | "lately" => r(RefKind::Past),
        // "soon became", "was soon released": soon after a past event, not a
        // future seen from the document's date
        "soon" if !(is(t, i + 1, "after") || prev == "as" || super::past_verb(t, i + 1) || i > 0 && super::past_verb(t, i - 1)) => r(RefKind::Future),
        "present" if prev == "at" => r(RefKind::Present),
        // "in future quarters", "in future years"
        "future" if unit(t, i + 1).is_some_and(|(_, u, plural)| plural && u != Unit::Second) => Some((i + 2, Expr::Ref(RefKind::Future))),
        // "at a later date", "at an earlier date"
        "a" | "an" if any(t, i + 1, &["later", "earlier"]) && is(t, i + 2, "date") => {
            Some((i + 3, Expr::Ref(if is(t, i + 1, "later") { RefKind::Future } else { RefKind::Past })))
        }
        "these" if is(t, i + 1, "days") => Some((i + 2, Expr::Ref(RefKind::Present))),
        // "recent years" is the recent past; "recent weeks" and "coming months" a
        // vague stretch of the unit, as TimeML annotates them
        "recent" if is(t, i + 1, "years") || is(t, i + 1, "times") => Some((i + 2, Expr::Ref(RefKind::Past))),
        "recent" | "coming" => vague_span(t, i + 1),
        "the" => {
            let mut j = i + 1;
            if any(t, j, &["near", "distant", "foreseeable", "immediate", "not-too-distant"]) {
                j += 1;
            } else if is(t, j, "not") && is(t, j + 1, "too") && any(t, j + 2, &["distant", "far"]) {
                // "the not too distant future"
                j += 3;
            }
            match t.lw(j) {
                // "the future of our peoples": the noun of prospects, not a time
                "future" if is(t, j + 1, "of") => None,
                "future" => Some((j + 1, Expr::Ref(RefKind::Future))),
                "past" if j == i + 1 && !word(t, j + 1) || any(t, j + 1, &["and", "or", "but", "is", "was", "has", "have"]) => {
                    Some((j + 1, Expr::Ref(RefKind::Past)))
                }
                // "in the past it considered ...": after "in", whatever follows
                "past" if j == i + 1 && any_prev(t, i, &["in"]) && unit(t, j + 1).is_none() && amount(t, j + 1).is_none() => {
                    Some((j + 1, Expr::Ref(RefKind::Past)))
                }
                "present" if j == i + 1 && (!word(t, j + 1) || any(t, j + 1, &["and", "or"])) && any_prev(t, i, &["until", "to", "till", "at"]) => {
                    Some((j + 1, Expr::Ref(RefKind::Present)))
                }
                "moment" if j == i + 1 && any_prev(t, i, &["at", "for"]) => Some((j + 1, Expr::Ref(RefKind::Present))),
                "coming" => vague_span(t, j + 1),
                // "the near term" ("near" was skipped above), "the short term", "the long term"
                "term" if j == i + 2 && is(t, i + 1, "near") => Some((j + 1, Expr::Ref(RefKind::Future))),
                "short" | "long" if j == i + 1 && is(t, j + 1, "term") => Some((j + 2, Expr::Ref(RefKind::Future))),
                _ => None,
            }
        }
        _ => None,
    }
}

fn any_prev(t: &Tokens<'_>, i: usize, ws: &[&str]) -> bool {
    i > 0 && any(t, i - 1, ws)
}

/// A plural unit read as a vague length ("weeks" in "recent weeks", "the
/// coming months"): `PXW`, `PXM`.
fn vague_span(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    match unit(t, i)? {
        (j, u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade), true) => {
            Some((super::durations::or_plural(t, j), Expr::Duration { amount: Amount::Some, unit: u }))
        }
        _ => None,
    }
}

/// Whether token `i` begins a sentence or a line (after a full stop, a
/// newline or at the start).
fn starts_sentence(t: &Tokens<'_>, i: usize) -> bool {
    i == 0 || t.toks[i].newline_before || any(t, i - 1, &[".", "!", "?"])
}

/// Words before "in" that make the length a span looked back over: "the
/// first time in 20 years", "its highest level in four years".
const SPAN_BACK: &[&str] = &["first", "time", "last", "record", "once", "twice", "ever"];

/// Words of arriving after which "in" and a bare number count minutes: "be
/// there in 10", "back in 5", "ready in 20".
const ARRIVING: &[&str] = &["there", "back", "ready", "home", "here", "done"];

/// Subject pronouns that open the clause after a length ("in 10 days we
/// launch"), where a noun would make it the length of something (not after
/// a count that is a guess, "in two or three years it will be necessary").
const SUBJECTS: &[&str] = &["i", "we", "you", "they", "he", "she", "it"];

/// A length after "in": "in two weeks", "in a year's time", "in five
/// years". The resolver makes it a point ahead when the sentence looks ahead
/// ([`Expr::InTime`]); "within two weeks" and "the first time in 20 years"
/// stay lengths.
pub fn in_time(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    if i == 0 || !is(t, i - 1, "in") || any(t, i, &["the", "recent"]) {
        return None;
    }
    // "be there in 10", "back in 5": minutes, where a message leaves the
    // unit out after a word of arriving
    // (or after a call to come: "call u in 5", "text you in 10")
    let calling = i >= 3 && any(t, i - 2, super::times::APPOINTMENT_OBJECTS) && any(t, i - 3, super::times::APPOINTMENT_VERBS);
    if i >= 2 && (any(t, i - 2, ARRIVING) || calling) && digits(t, i) && t.lw(i).len() <= 2 {
        // (a stop may stand right on it: "be there in 20."; not a number
        // going on, "in 20.5", nor a year, "back in 85")
        let closes = i + 1 >= t.len()
            || any(t, i + 1, &[".", ",", "!", "?", ";", ")"]) && !digits(t, i + 2)
            || any(t, i + 1, &["ok", "okay"])
            || super::words::emoji(t, i + 1);
        let n: u32 = t.lw(i).parse().ok()?;
        if closes && (1..=60).contains(&n) {
            return Some((i + 1, Expr::InTime { amount: Amount::N(n), unit: Unit::Minute }));
        }
    }
    // "the first time in 20 years", "its lowest level in four years", "the
    // first visit by top Chinese leaders in ten years"
    if (i.saturating_sub(SPAN_BACK_REACH)..i - 1)
        .rev()
        .take_while(|&k| !any(t, k, &[".", ";", "!", "?"]))
        .any(|k| any(t, k, SPAN_BACK) || word(t, k) && t.lw(k).ends_with("est") && t.lw(k).len() > 4)
    {
        return None;
    }
    // (hours and minutes too, which stay a length unless the document has
    // a reference clock to count from: "call me in 2 hours", but "past the
    // chequered flag in 51 minutes")
    // ("in half an hour", "in an hour and a half": a part of an hour or minute)
    let (j, amount, unit) = match super::durations::duration(t, i)? {
        (
            j,
            Expr::Duration {
                amount: amount @ Amount::N(_),
                unit: unit @ (Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Week | Unit::Fortnight | Unit::Month | Unit::Year),
            },
        ) => (j, amount, unit),
        (j, Expr::Duration { amount: amount @ Amount::Frac(_), unit: unit @ (Unit::Minute | Unit::Hour) }) => (j, amount, unit),
        _ => return None,
    };
    // ("in 35 minutes and 38 seconds", "in 1 hour 26 minutes": a time of play,
    // whose length the duration rules read whole)
    let counts_on = |k: usize| digits(t, k) || cardinal(t, k).is_some() || any(t, k, &["a", "an", "half"]);
    if unit.is_clock() && (any(t, j, &["and", ","]) && counts_on(j + 1) || counts_on(j)) {
        return None;
    }
    // (a subject opens the clause after the length: "in 10 days we launch")
    let subject_after = |j: usize| any(t, j, SUBJECTS) && !(i..j).any(|k| is(t, k, "or"));
    // "in two years of talks", "in three-year terms": the length of something
    if any(t, j, &["of", "-"])
        || word(t, j)
            && !cap(t, j)
            && !any(t, j, &["time", "'", "’", "and", "or", "but", "when", "if", "to", "from", "at", "on"])
            && !subject_after(j)
            // ("restart the job in 2 hours please": the message closes; not
            // "then", which goes on with a clause, "in 10 years then it will")
            && (!any(t, j, super::words::CLOSES_MESSAGE) || is(t, j, "then"))
    {
        return None;
    }
    // "in two weeks' time", "in a year's time"
    let end = match (t.lw(j), t.lw(j + 1), t.lw(j + 2)) {
        ("'" | "’", "time", _) => j + 2,
        ("'" | "’", "s", "time") => j + 3,
        ("time", _, _) => j + 1,
        _ => j,
    };
    Some((end, Expr::InTime { amount, unit }))
}

/// About how many seconds a unit lasts, to tell whether a count of one fits
/// in another ("five days a week", "24 hours a day").
fn seconds(u: Unit) -> Option<u64> {
    Some(match u {
        Unit::Second => 1,
        Unit::Minute => 60,
        Unit::Hour => 3_600,
        Unit::Day => 86_400,
        Unit::Week => 7 * 86_400,
        Unit::Fortnight => 14 * 86_400,
        Unit::Month => 31 * 86_400,
        Unit::Quarter => 92 * 86_400,
        Unit::Year => 366 * 86_400,
        _ => return None,
    })
}
