//! Durations: "three years", "18 months", "a decade", "several weeks",
//! "the past three years", "the first nine months", "three-year", "for years".
//!
//! Example table: `tests/durations.toml`.

use super::words::*;
use crate::expr::{Amount, Expr, Unit};
use crate::lex::Tokens;

/// Words that open a duration with a determiner ("the past three years").
const SPAN_WORDS: &[&str] = &[
    "past",
    "last",
    "next",
    "previous",
    "first",
    "coming",
    "following",
    "final",
    "latest",
    "prior",
    "initial",
    "remaining",
    "same",
    "full",
    "entire",
    "whole",
];

/// Nouns for a part of a year: "the rest of the year", "the end of the year".
const PART_OF_YEAR: &[&str] = &[
    "rest",
    "remainder",
    "end",
    "beginning",
    "start",
    "middle",
    "part",
    "half",
    "balance",
    "course",
    "time",
    "season",
    "period",
    "most",
    "much",
    "all",
];

/// Nouns for a stretch of time that a hyphenated length can qualify.
const PERIOD_NOUNS: &[&str] = &["period", "term", "span", "stretch", "interval", "spell"];

/// Whether a unit forms "N-unit" compounds ("three-year", "10-day"); a
/// "two-fortnight" is not English.
const fn is_count_unit(u: Unit) -> bool {
    !matches!(u, Unit::Fortnight)
}

/// "three years", "a decade", "several weeks", "the past three years",
/// "the first nine months", "the next few days", "the past year"; "the
/// last 3 days" and "the next two weeks" as lengths counted from the anchor.
pub fn duration(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let (end, e) = length(t, i)?;
    // (not "the following two weeks", counted from an event the text tells)
    let side = match (t.lw(i), t.lw(i + 1)) {
        ("the", "past" | "last") => -1,
        ("the", "next" | "coming" | "upcoming") => 1,
        _ => 0,
    };
    Some(match e {
        Expr::Duration { amount: Amount::N(_), .. } if side != 0 => (end, Expr::Reach { side, length: Box::new(e) }),
        e => (end, e),
    })
}

/// Hours written short, right on their number, as timers, logs and forms
/// write a length: "2h", "1h30m", "1h 30m", "3hrs". A number of minutes
/// alone ("45m") is as often millions and is left to the words; "15h30",
/// minutes with no unit after them, is a clock time, and "at 8h" too.
pub fn compact(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let short = |k: usize| digits(t, k) && t.lw(k).len() <= 2;
    let unit_on = |k: usize, units: &[&str]| adj(t, k) && any(t, k, units) && !cap(t, k);
    if !short(i) || !unit_on(i + 1, HOUR_MARKS) || i > 0 && (is(t, i - 1, "at") || adj(t, i) && !word(t, i - 1) && !any(t, i - 1, &["(", "~"])) {
        return None;
    }
    let hours: u32 = t.lw(i).parse().ok()?;
    // (minutes right on, or after a space: "1h30m", "1h 30m")
    let m = i + 2;
    if short(m) && unit_on(m + 1, MINUTE_MARKS) {
        let minutes: u32 = t.lw(m).parse().ok().filter(|&n| n < 60)?;
        let e = m + 2;
        return (e >= t.len() || !(adj(t, e) && (word(t, e) || digits(t, e))))
            .then(|| (e, Expr::Compound { parts: vec![(hours, Unit::Hour), (minutes, Unit::Minute)] }));
    }
    // (not the clock "15h30", nor a word going on: "2hx")
    if adj(t, m) && (digits(t, m) || word(t, m)) {
        return None;
    }
    // ("2h" alone is as often a half-year, a grade or a section, "profit in
    // 2h", "a 2h pencil": only after a word that takes a length, "takes 2h",
    // "runtime: 2h"; "3hrs" is hours wherever it stands)
    let measured = i > 0 && (any(t, i - 1, LENGTH_TAKERS) || is(t, i - 1, ":"));
    (hours > 0 && (measured || !is(t, i + 1, "h"))).then_some((m, Expr::Duration { amount: Amount::N(hours), unit: Unit::Hour }))
}

/// Words after which a number of hours written short, "2h", is a length.
const LENGTH_TAKERS: &[&str] = &[
    "takes",
    "took",
    "take",
    "taking",
    "lasts",
    "lasted",
    "lasting",
    "for",
    "about",
    "around",
    "approx",
    "approximately",
    "~",
    "over",
    "under",
    "just",
    "only",
];

/// Short marks of hours and minutes right on a number ("2h", "30m").
const HOUR_MARKS: &[&str] = &["h", "hr", "hrs"];
const MINUTE_MARKS: &[&str] = &["m", "min", "mins"];

/// The lengths [`duration`] reads, each on its own.
fn length(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // ("at 13.10 hrs" is a clock time)
    if super::times::railway_clock(t, i) {
        return None;
    }
    // "a three-year period", "a one-year term": the noun names the span, so it
    // and its article belong to the expression
    if any(t, i, &["a", "an", "the"]) && is(t, i + 2, "-") && !any(t, i + 1, &["a", "an", "the"]) {
        if let Some((end, e @ Expr::Duration { .. })) = length(t, i + 1) {
            if end > i + 2 && is(t, end - 2, "-") && any(t, end, PERIOD_NOUNS) {
                return Some((end + 1, e));
            }
        }
    }
    // "the early years", "the early hours": a vague stretch ("the early
    // hours of Sunday" is a time of that day, which the day alone dates)
    if is(t, i, "the") && is(t, i + 1, "early") {
        if let Some((j, u @ (Unit::Hour | Unit::Day | Unit::Week | Unit::Month | Unit::Year), true)) = unit(t, i + 2) {
            if u == Unit::Hour && is(t, j, "of") {
                return None;
            }
            return Some((j, Expr::Duration { amount: Amount::Some, unit: u }));
        }
    }
    // "the weeks ahead", "the years ahead": a vague stretch to come
    if is(t, i, "the") && is(t, i + 2, "ahead") {
        if let Some((k, u, true)) = unit(t, i + 1) {
            if is(t, k, "ahead") {
                return Some((k + 1, Expr::Duration { amount: Amount::Some, unit: u }));
            }
        }
    }
    let mut s = i;
    let mut det = false;
    if any(t, s, &["the", "a", "an"]) && any(t, s + 1, SPAN_WORDS) {
        det = true;
        s += 2;
        if is(t, s, "few") {
            // "the past few years"
            let (j, u, plural) = unit(t, s + 1)?;
            return plural.then_some((j, Expr::Duration { amount: Amount::Some, unit: u }));
        }
        // "the past years", "the following days", "the next weeks", "the
        // first hours" (of something): a vague stretch of the unit
        if let Some((j, u, true)) = unit(t, s) {
            let side =
                matches!(t.lw(i + 1), "past" | "last" | "previous" | "prior" | "following" | "next" | "coming" | "first" | "final" | "initial");
            return (side && is(t, i, "the") && u != Unit::Second).then_some((j, Expr::Duration { amount: Amount::Some, unit: u }));
        }
        // "the past year", "the last decade": one unit
        if let Some((j, u, false)) = unit(t, s) {
            // "until the last minute", "at the last minute": an idiom for the
            // latest moment, not a minute
            if u == Unit::Minute && is(t, i + 1, "last") {
                return None;
            }
            // "for the full year": the whole of the current one, a date in company reports
            if is(t, i + 1, "full") && matches!(u, Unit::Year | Unit::Quarter) && is(t, i, "the") {
                return Some((j, Expr::Relative { unit: u, offset: 0 }));
            }
            // ("the first quarter" is a date, or a game's, never a length)
            if matches!(t.lw(i + 1), "past" | "last" | "next" | "coming" | "full" | "entire" | "whole" | "first" | "final")
                && !(u == Unit::Quarter && any(t, i + 1, &["first", "final"]))
                && !(is(t, j, "-") && adj(t, j))
            {
                return Some((j, Expr::Duration { amount: Amount::N(1), unit: u }));
            }
            return None;
        }
    } else if any(t, s, &["past", "last", "next", "first"])
        && (i > 0 && any(t, i - 1, &["for", "over", "in", "during", "within"]) || is(t, s + 1, "few"))
    {
        // "for next three years" without "the", and "last few days" anywhere
        s += 1;
        det = true;
    } else if is(t, s, "the") && count(t, s + 1) {
        // "the nine months"
        s += 1;
        det = true;
    }
    if s == i && is(t, s, "couple") {
        return None; // "couple of years" starts at "the next" or "a"
    }
    let (mut j, amount) = amount(t, s)?;
    if det && matches!(t.lw(s), "a" | "an" | "some" | "many") {
        return None;
    }
    // a span of amounts: "two to three weeks", "12 to 18 months", "5-10 years";
    // the value is the lower bound, the extent covers both
    if matches!(amount, Amount::N(_)) && (any(t, j, &["to", "or"]) || (is(t, j, "-") && adj(t, j) && adj(t, j + 1))) {
        if let Some((k, Amount::N(_))) = super::words::amount(t, j + 1) {
            if unit(t, k).is_some_and(|(_, _, plural)| plural) {
                j = k;
            }
        }
    }
    // hyphenated compound: "three-year", "10-day", "two-week-long"; the
    // compound is an adjective, so a determiner before it stays outside
    if is(t, j, "-") && adj(t, j) && adj(t, j + 1) {
        let (k, u, plural) = unit(t, j + 1)?;
        if plural || !is_count_unit(u) || (matches!(amount, Amount::Some) && !is(t, s, "several")) || s != i {
            return None;
        }
        // "two-and-three-quarter percent"
        if rate_fraction(t, u, k) {
            return None;
        }
        let mut end = k;
        if is(t, k, "-") && adj(t, k) && is(t, k + 1, "long") {
            end = k + 2;
        } else if is(t, k, "-") && adj(t, k) && is(t, k + 1, "old") {
            return None; // ages ("a 6-year-old") are not durations in TimeML news annotation
        }
        if any(t, end, &["ago", "earlier", "later"]) && !is(t, end + 1, "than") && !(t.lw(end) != "ago" && super::relative::compares_clocks(t, i)) {
            return None;
        }
        // "one-year term" without an article
        if any(t, end, PERIOD_NOUNS) && (i == 0 || !any(t, i - 1, &["a", "an", "the"])) {
            end += 1;
        }
        return Some((end, Expr::Duration { amount, unit: u }));
    }
    // "two more weeks", "an additional year", "eight trading days"
    if any(t, j, &["more", "additional", "extra", "further", "trading", "business", "working", "straight", "consecutive"]) && unit(t, j + 1).is_some()
    {
        j += 1;
    }
    let (k, u, plural) = unit(t, j)?;
    // "0600 hours", "at 1400 hours": a military clock reading, not a length
    if u == Unit::Hour && super::times::wire_clock(t, i).is_some() {
        return None;
    }
    // "a quarter of an hour", "a quarter of a century": a fraction of the unit after it;
    // "a quarter of its value" is no time at all
    if u == Unit::Quarter && !plural && is(t, k, "of") {
        let (e, whole, false) = unit(t, k + 2).filter(|_| any(t, k + 1, &["a", "an"]) && matches!(amount, Amount::N(1)))? else {
            return None;
        };
        return Some((e, Expr::Duration { amount: Amount::Frac(0.25), unit: whole }));
    }
    // "three quarters of an hour": three fourths of the unit after it
    if u == Unit::Quarter && plural && is(t, k, "of") && any(t, k + 1, &["a", "an"]) {
        if let (Amount::N(n @ 2..=3), Some((e, whole @ (Unit::Hour | Unit::Minute | Unit::Day | Unit::Year | Unit::Century), false))) =
            (amount, unit(t, k + 2))
        {
            // (not a possessive: "three quarters of a year's rainfall")
            if !any(t, e, &["'", "’", "'s", "’s"]) {
                return Some((e, Expr::Duration { amount: Amount::Frac(f64::from(n) / 4.0), unit: whole }));
            }
        }
    }
    // "three quarters of a million", "three quarters of the vote": a
    // fraction ("two quarters of losses", "the first two quarters of the
    // year" are times)
    if u == Unit::Quarter && plural && is(t, k, "of") && matches!(amount, Amount::N(_)) {
        let quantity = any(t, k + 1, &["a", "an"]) && any(t, k + 2, &["million", "billion", "thousand", "hundred", "dozen"]);
        let share = any(t, k + 1, &["the", "its", "their", "all"]) && unit(t, k + 2).is_none() && !any(t, k + 2, &["fiscal", "current", "financial"]);
        if quantity || share {
            return None;
        }
    }
    // "a quarter point", "one quarter percentage point"
    if rate_fraction(t, u, k) {
        return None;
    }
    let one = matches!(amount, Amount::N(1));
    if one == plural && !matches!(amount, Amount::Frac(_) | Amount::Some) && !any_count(t, j) {
        return None;
    }
    // "a second betrayal", "A second group", "Van Persie claimed a second,":
    // the ordinal, not the unit, unless a word of length governs it ("for a
    // second") or a relation follows ("a second later")
    if u == Unit::Second
        && !plural
        && !any(t, k, &["ago", "later", "earlier", "or", "and", "before", "after", "in", "for", "to", "when", "as", "of"])
        && (word(t, k) || !(i > 0 && any(t, i - 1, &["for", "in", "within", "than", "took", "lasted", "last", "lasts", "just", "only", "split"])))
    {
        return None;
    }
    // "CBS's 60 Minutes": a title-cased unit after digits names a programme
    if digits(t, j - 1) && cap(t, j) && !t.raw(j).chars().all(|c| !c.is_lowercase()) {
        return None;
    }
    let (k, amount) = and_a_half(t, k, amount);
    // "a week or so", "two years or so"
    if is(t, k, "or") && is(t, k + 1, "so") && !any(t, k + 2, &["ago", "earlier", "later", "before", "after"]) {
        return Some((k + 2, Expr::Mod { m: crate::expr::Mod::Approx, inner: Box::new(Expr::Duration { amount, unit: u }) }));
    }
    if matches!(amount, Amount::Some) && !plural {
        return None;
    }
    // "a year ago" is a shift, handled by its own rule; "two years old" an age;
    // "a year-earlier" an adjective of its own
    // ("a year earlier than planned" compares, and is only a length)
    // ("everything is an hour earlier" compares two clocks, and is only a length)
    let compared = any(t, k, &["earlier", "later"]) && super::relative::compares_clocks(t, i);
    if any(t, k, &["ago", "earlier", "later", "hence", "old"]) && !is(t, k + 1, "than") && !compared || (is(t, k, "-") && adj(t, k)) {
        return None;
    }
    // "a day" after an amount is a rate: "$5 a day", "$500 million a year",
    // "four flights a week", "24 hours a day", "at least six a day"
    if matches!(t.lw(s), "a" | "an") && i > 0 {
        // ("several million dollars a day", "hundreds of interviews a day",
        // "two guided tours a day")
        let plural_after_count = counted_plural(t, i - 1);
        if count(t, i - 1)
            || any(t, i - 1, &["percent", "times", "twice", "once", "thrice", "%", "million", "billion", "trillion", "thousand", "hundred"])
            || plural_after_count
        {
            return None;
        }
    }
    if is(t, s, "some") && !plural {
        return None;
    }
    Some((k, Expr::Duration { amount, unit: u }))
}

/// "the year" on its own: the year under discussion ("the rest of the year",
/// "net income for the year", "end the year on a high"), but the span of a
/// year when a closing day follows ("for the year ended Sept. 30").
pub fn the_year(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // "the year", "the fiscal year"
    let y = if is(t, i + 1, "fiscal") { i + 2 } else { i + 1 };
    let e = y + 1;
    // "the year ended Sept. 30", "the year (up) to March": the year-long
    // period closing on that day ("the year to remember" is not a time)
    let to = if is(t, e, "up") { e + 1 } else { e };
    let closed = any(t, e, &["ended", "ending", "through"]) || is(t, to, "to") && (cap(t, to + 1) || digits(t, to + 1));
    if !(is(t, i, "the") && is(t, y, "year"))
        || any(t, e, &["-", "'", "’", "ago", "earlier", "before", "after", "later", "of", "when", "that", "in"])
        || is(t, e, "to") && !closed
    {
        return None;
    }
    if count(t, e) {
        return None; // "the year 2000" is a year
    }
    // "player of the year", "car of the year": a title; "100 days of the
    // year", "the rest of the year", "the first quarter of the year" are times
    if i > 1 && is(t, i - 1, "of") && !(unit(t, i - 2).is_some() || any(t, i - 2, PART_OF_YEAR) || ordinal(t, i - 2).is_some()) {
        return None;
    }
    if closed {
        return Some((e, Expr::Duration { amount: Amount::N(1), unit: Unit::Year }));
    }
    Some((e, Expr::Relative { unit: Unit::Year, offset: 0 }))
}

/// "the week" in a market report: "for the week", "the week's most active
/// session" are the week of the day mentioned last.
pub fn the_week(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    if !(is(t, i, "the") && is(t, i + 1, "week")) || i == 0 {
        return None;
    }
    let possessive = any(t, i + 2, &["'", "’"]) && is(t, i + 3, "s");
    let after_for = any(t, i - 1, &["for", "during"]) && !word(t, i + 2);
    (possessive || after_for).then_some((i + 2, Expr::OfLastDay { unit: Unit::Week }))
}

/// A compound of a unit with "long": "day-long", "decades-long" (a vague span for a plural).
pub fn unit_long(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let (j, u, plural) = unit(t, i)?;
    if !(is(t, j, "-") && adj(t, j) && adj(t, j + 1) && is(t, j + 1, "long")) || (i > 0 && adj(t, i) && is(t, i - 1, "-")) {
        return None;
    }
    Some((j + 2, Expr::Duration { amount: if plural { Amount::Some } else { Amount::N(1) }, unit: u }))
}

/// A number and a singular unit in front of a noun, written without a
/// hyphen: "a five year low", "a two day strike", "a three hour delay".
pub fn unit_adjective(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let (j, n) = cardinal(t, i)?;
    let (k, u, false) = unit(t, j)? else { return None };
    if n < 2 || !word(t, k) || cap(t, k) || !t.entries(k).is_empty() || t.toks[k].class != 0 || t.toks[k].cue != crate::lexicon::Cue::None {
        return None;
    }
    if any(
        t,
        k,
        &[
            "and", "or", "but", "of", "to", "in", "on", "at", "for", "old", "olds", "ago", "earlier", "later", "before", "after", "from", "than",
            "as", "is", "was", "were", "are",
        ],
    ) {
        return None;
    }
    Some((k, Expr::Duration { amount: Amount::N(n), unit: u }))
}

/// A stretch the text does not measure: "for a while", "for quite some
/// time". Only as the length of something, after "for" ("a while ago" and
/// "at some time" are no lengths); "for a long time" stays untagged, as the
/// TE3 news annotation leaves it.
pub fn stretch(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let f = if i > 1 && is(t, i - 1, "quite") { i - 2 } else { i.checked_sub(1)? };
    if !is(t, f, "for") {
        return None;
    }
    let end = match (t.lw(i), t.lw(i + 1)) {
        ("a", "while") | ("some", "time") => i + 2,
        _ => return None,
    };
    Some((end, Expr::Stretch))
}

/// A bare plural unit after a preposition: "for years", "within hours", "over decades".
pub fn bare_plural(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let (j, u, plural) = unit(t, i)?;
    if !plural
        || i == 0
        || !any(t, i - 1, &["for", "over", "within", "after", "in", "take", "took", "takes", "taking", "lasted", "spent", "last", "lasting"])
    {
        return None;
    }
    if matches!(u, Unit::Quarter | Unit::Second) || any(t, j, &["ago", "of", "earlier", "later", "old", "before", "after"]) {
        return None;
    }
    // "in years" is fine, "in days of" is not; "in hours" fine
    Some((or_plural(t, j), Expr::Duration { amount: Amount::Some, unit: u }))
}

/// After a vague plural unit, a second one joined by "or"/"and" belongs to
/// the same stretch: "weeks or months", "days and weeks". Returns the end.
pub fn or_plural(t: &Tokens<'_>, j: usize) -> usize {
    match unit(t, j + 1) {
        Some((e, _, true)) if any(t, j, &["or", "and"]) && !any(t, e, &["ago", "of", "earlier", "later", "old", "before", "after"]) => e,
        _ => j,
    }
}

/// Whether a "quarter" ending before token `k` is a fraction of a rate, not a
/// quarter of the year: "a quarter point", "one quarter percentage point",
/// "two-and-three-quarter percent".
fn rate_fraction(t: &Tokens<'_>, u: Unit, k: usize) -> bool {
    u == Unit::Quarter && any(t, k, &["point", "points", "percentage", "percent"])
}
