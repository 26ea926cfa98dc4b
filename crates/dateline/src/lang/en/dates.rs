//! Calendar dates: written dates in their common forms, months, years,
//! decades, centuries, weekdays, weekends, quarters, halves and seasons.
//!
//! Example table: `tests/dates.toml`.

use super::words::*;
use crate::expr::{DayIn, Dir, Expr, Part, Unit, YearRef};
use crate::lex::Tokens;
use crate::lexicon::class::{NUM, ORDINAL};
use crate::lexicon::Entry;
use crate::tuning::{NAME_RECALL_USES, PLAY_REACH};

/// Words that point a weekday, month, season or period in a direction.
pub fn direction(t: &Tokens<'_>, i: usize) -> Option<(usize, Dir)> {
    if is(t, i, "this") && any(t, i + 1, &["past", "coming"]) {
        return Some((i + 2, if is(t, i + 1, "past") { Dir::Past } else { Dir::Future }));
    }
    // ("its last Friday flight", "their last Monday show": the final one, not a direction)
    if is(t, i, "last") && i > 0 && any(t, i - 1, &["its", "his", "her", "their", "our", "my", "your"]) {
        return None;
    }
    let d = match t.lw(i) {
        "last" | "past" | "previous" | "prior" => Dir::Past,
        // "following Wednesday's explosion" without an article is "after"
        "following" if !(i > 0 && any(t, i - 1, &["the", "this", "a"])) => return None,
        "next" | "coming" | "upcoming" | "following" => Dir::Future,
        "this" | "current" => Dir::This,
        _ => return None,
    };
    Some((i + 1, d))
}

fn valid(y: i32, m: u8, d: u8) -> bool {
    jiff::civil::Date::new(y as i16, m as i8, d as i8).is_ok()
}

fn date(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Expr {
    Expr::Date { year, month, day, dir: Dir::Infer }
}

/// "2019-02-28", "2019/02/28", "02/28/2019", "11/02/89", "19980303"; a
/// day past 12 first is read day/month ("13/05/2024"), and a date with
/// points is always day.month.year ("6.5.2024").
pub fn numeric_date(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    if !digits(t, i) {
        return None;
    }
    let tail_ok = |j: usize| !(adj(t, j) && (digits(t, j) || word(t, j) || (any(t, j, &["-", "/", ":", "."]) && adj(t, j + 1) && digits(t, j + 1))));
    let n = |k: usize| t.lw(k).parse::<u32>().ok();
    let lw = t.lw(i);
    if lw.len() == 8 && tail_ok(i + 1) && (lw.starts_with("19") || lw.starts_with("20")) {
        let v = n(i)?;
        let (y, m, d) = ((v / 10000) as i32, (v / 100 % 100) as u8, (v % 100) as u8);
        return valid(y, m, d).then(|| (i + 1, date(Some(y), Some(m), Some(d))));
    }
    let sep = t.lw(i + 1);
    // "24-NOV-2022", "31-Mar-2020": a day, a month's short name and a year
    // joined by hyphens, as forms and invoices write them
    if sep == "-" && adj(t, i + 1) && adj(t, i + 2) && lw.len() <= 2 {
        if let Some((k, m)) = month(t, i + 2).filter(|&(k, _)| is(t, k, "-") && adj(t, k) && adj(t, k + 1) && t.lw(k + 1).len() == 4) {
            let (d, y) = (n(i)? as u8, n(k + 1)? as i32);
            return Some((k + 2, if valid(y, m, d) { date(Some(y), Some(m), Some(d)) } else { Expr::Void }));
        }
    }
    // "13/Nov/2014:15:21:09 +0100": the stamp of a web server's log, a day,
    // a month's short name and a year joined by slashes, its clock after a
    // colon and its offset after a space
    if sep == "/" && adj(t, i + 1) && adj(t, i + 2) && lw.len() <= 2 {
        if let Some((k, m)) = month(t, i + 2).filter(|&(k, _)| is(t, k, "/") && adj(t, k) && adj(t, k + 1) && t.lw(k + 1).len() == 4) {
            let (d, y) = (n(i)? as u8, n(k + 1)? as i32);
            let day = if valid(y, m, d) { date(Some(y), Some(m), Some(d)) } else { Expr::Void };
            let Some((mut j, mut clock)) = Some(k + 2).filter(|&c| is(t, c, ":") && adj(t, c)).and_then(|c| super::times::iso_clock(t, c + 1)) else {
                return Some((k + 2, day));
            };
            if let Some((k, secs)) = Some(j).filter(|_| clock.zone.is_none() && any(t, j, &["+", "-"])).and_then(|j| super::times::offset(t, j)) {
                clock.zone = Some(crate::expr::ZoneSpec::Offset(secs));
                j = k;
            }
            return Some((j, if matches!(day, Expr::Void) { day } else { Expr::Time { clock, date: Some(Box::new(day)) } }));
        }
    }
    // "2027-W40", "2031-W15-2": an ISO 8601 week, or a day of it (not a
    // code's part, "AB-2014-W12")
    let coded = i > 0 && adj(t, i) && any(t, i - 1, &["-", "/"]);
    if lw.len() == 4
        && sep == "-"
        && !coded
        && adj(t, i + 1)
        && adj(t, i + 2)
        && is(t, i + 2, "w")
        && adj(t, i + 3)
        && digits(t, i + 3)
        && t.lw(i + 3).len() == 2
    {
        let (y, w) = (n(i)? as i16, n(i + 3)? as i8);
        let day = (is(t, i + 4, "-") && adj(t, i + 4) && adj(t, i + 5) && t.lw(i + 5).len() == 1)
            .then(|| n(i + 5))
            .flatten()
            .filter(|d| (1..=7).contains(d));
        let weekday = jiff::civil::Weekday::from_monday_one_offset(day.unwrap_or(1) as i8).ok()?;
        let d = jiff::civil::ISOWeekDate::new(y, w, weekday).ok()?.date();
        let on = date(Some(d.year() as i32), Some(d.month() as u8), Some(d.day() as u8));
        return Some(match day {
            Some(_) if tail_ok(i + 6) => (i + 6, on),
            Some(_) => return None,
            None if tail_ok(i + 4) => (i + 4, Expr::WeekOf { day: Box::new(on), weekend: false }),
            None => return None,
        });
    }
    // "valid thru 01/2023", "exp. 8/2027": a month and its year
    let third = adj(t, i + 3) && any(t, i + 3, &["/", "-", "."]) && adj(t, i + 4) && digits(t, i + 4) && !slash_span(t, i + 3);
    // (after a word of validity or a label's colon: "Law 4/2015", "1/2000 of
    // a second" are numbers)
    let label = |k: usize| any(t, k, MONTH_YEAR_CUES);
    let cued = whole_input(t, i, i + 3) || i > 0 && label(i - 1) || i > 1 && any(t, i - 1, &[":", "."]) && label(i - 2);
    if sep == "/" && cued && adj(t, i + 1) && adj(t, i + 2) && t.lw(i + 2).len() == 4 && lw.len() <= 2 && !third && tail_ok(i + 3) {
        let (m, y) = (n(i)?, n(i + 2)? as i32);
        if (1..=12).contains(&m) && (1900..=2100).contains(&y) && !(i > 0 && adj(t, i) && digits(t, i - 1)) {
            return Some((i + 3, date(Some(y), Some(m as u8), None)));
        }
    }
    // "on 3/14", "by 12/25", "Tuesday 3/14": a month and day, after a word
    // that takes a date, or as the whole input (inside prose, "3/4" is as
    // often a fraction or a score)
    if sep == "/" && adj(t, i + 1) && adj(t, i + 2) && digits(t, i + 2) && !third {
        // ("Delivery date: 5/20", "Expires: 3/31": a form's label, the value
        // closing its line; "Start: 1/2 cup", "Day 1: 4/5 from the field" are
        // none)
        let closes = i + 3 >= t.len() || t.toks[i + 3].newline_before || !word(t, i + 3) && !digits(t, i + 3) && !is(t, i + 3, "/");
        let labelled = |words: &[&str]| i > 1 && is(t, i - 1, ":") && (2..=3).any(|b| i >= b && any(t, i - b, words)) && closes;
        let short = lw.len() <= 2 && t.lw(i + 2).len() <= 2;
        let (m, d) = (n(i)?, n(i + 2)?);
        // (a card's expiry is its month and the year's last two digits,
        // written as cards write it, "Exp: 08/27", or where no such day is,
        // "Expiry: 02/30", or on a card, "Card expiry: 12/23"; the year lies
        // ahead, in this century)
        let card_form = lw.starts_with('0') || !valid(2000, m as u8, d as u8) || (2..=4).any(|b| i >= b && is(t, i - b, "card"));
        if labelled(EXPIRY_LABELS) && card_form && short && (1..=12).contains(&m) {
            return Some((i + 3, date(Some(2000 + d as i32), Some(m as u8), None)));
        }
        let cued = i > 0
            && (any(t, i - 1, SLASH_DATE_CUES) || weekday(t, i - 1).is_some() || is(t, i - 1, ",") && i > 1 && weekday(t, i - 2).is_some())
            || whole_input(t, i, i + 3)
            || labelled(DATE_LABELS)
            || labelled(EXPIRY_LABELS)
            // ("sprint ends 12/13", "expires 12/21", "closes 12/31 at 11:59
            // PM": a verb of a term, the date closing the sentence or set to a
            // clock time; not "closes 1/2 point higher", nor odds, "Murray
            // starts 2/5 to beat Federer", "The horse opens 7/2")
            || i > 0
                && any(t, i - 1, TERM_VERBS)
                && (i + 3 >= t.len()
                    || t.toks[i + 3].newline_before
                    || any(t, i + 3, &[".", ",", ";", "!", "?"])
                    || is(t, i + 3, "at") && super::times::clock(t, i + 4).is_some_and(|(_, c)| c.minute.is_some()))
            // ("11/20-11/24", "6/12 - 6/16": a span of two such days)
            || slash_span(t, i + 3) || i >= 1 && slash_span(t, i - 1);
        // ("Back in office Monday 28/10": day first where the first is no
        // month, after a weekday only; "backed from 16/1" is odds)
        let after_weekday = i > 0 && weekday(t, i - 1).is_some();
        let (m, d) = if m > 12 && d <= 12 && after_weekday { (d, m) } else { (m, d) };
        return (cued && short && (tail_ok(i + 3) || slash_span(t, i + 3)) && !is(t, i + 3, "of") && m <= 12 && valid(2000, m as u8, d as u8))
            .then(|| (i + 3, date(None, Some(m as u8), Some(d as u8))));
    }
    if !(adj(t, i + 1)
        && (sep == "-" || sep == "/" || sep == ".")
        && adj(t, i + 2)
        && digits(t, i + 2)
        && adj(t, i + 3)
        && t.lw(i + 3) == sep
        && adj(t, i + 4)
        && digits(t, i + 4))
    {
        return None;
    }
    if i > 0 && adj(t, i) && (digits(t, i - 1) || any(t, i - 1, &["/", "-", "."])) {
        return None;
    }
    // "2024-03-04T18:32:56Z", "2024-03-04T18:32+05:30": ISO 8601 and RFC 3339
    if lw.len() == 4 && sep == "-" && adj(t, i + 5) && is(t, i + 5, "t") {
        let (y, m, d) = (n(i)? as i32, n(i + 2)? as u8, n(i + 4)? as u8);
        let (j, clock) = super::times::iso_clock(t, i + 6)?;
        return valid(y, m, d).then(|| (j, Expr::Time { clock, date: Some(Box::new(date(Some(y), Some(m), Some(d)))) }));
    }
    if !tail_ok(i + 5) {
        return None;
    }
    let (a, b, c) = (n(i)?, n(i + 2)?, n(i + 4)?);
    let (la, lc) = (lw.len(), t.lw(i + 4).len());
    let lb = t.lw(i + 2).len();
    let (y, m, d) = if la == 4 && sep != "." && lb <= 2 && lc <= 2 {
        (a as i32, b as u8, c as u8)
    } else if la <= 2 && lb <= 2 && sep == "." && lc == 4 {
        (c as i32, b as u8, a as u8) // day.month.year
    } else if la <= 2 && lb <= 2 && sep != "." && (lc == 4 || lc == 2) {
        let y = if lc == 2 { century_of(c as i32) } else { c as i32 };
        // US order, month/day/year, unless the first cannot be a month
        if a > 12 {
            (y, b as u8, a as u8)
        } else {
            (y, a as u8, b as u8)
        }
    } else {
        return None;
    };
    // ("2013-02-30", "31/04/2025": written as a date with its whole year,
    // but no such day; with two digits of a year it may be anything else)
    match valid(y, m, d) {
        true => Some((i + 5, date(Some(y), Some(m), Some(d)))),
        false => (la == 4 || lc == 4).then_some((i + 5, Expr::Void)),
    }
}

/// A day of the month named alone by its ordinal: "on the 3rd", "by the
/// twenty-first", "on the 15th at noon". The month is the anchor's, or the
/// next or last one as the direction says. Only after a word that takes a
/// date and with nothing of a noun after it ("the 21st century", "the 3rd
/// floor" are no dates).
pub fn day_of_month_alone(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // (or "the 15th" as the whole of a query or a form field)
    let whole = i == 0 && is(t, i, "the") && ordinal(t, 1).is_some_and(|(j, _)| whole_input(t, 0, j));
    // (after a copula only with nothing after it but the end of a message:
    // "is the 5th ok?", not a rank, "was the 14th to die", "the 12th in a row")
    let copula = i > 0 && any(t, i - 1, &["is", "was", "be"]);
    let ends_message = |j: usize| j >= t.len() || any(t, j, &["?", "!"]) || any(t, j, CLOSES_MESSAGE);
    // ("the 18th to the 20th", "between the 10th and 14th": a span of days
    // of the month, either end)
    // (counted from the first, which keeps both in one month; an end past
    // the 28th, which a short month does not reach, is left unread)
    if let Some((j, gap, a)) = ordinal_span_end(t, i) {
        if u32::from(a) + gap > 28 {
            return None;
        }
        return Some((j, Expr::Around { day: Box::new(date(None, None, Some(a))), unit: Unit::Day, offset: gap as i32, grain: Unit::Day }));
    }
    if ordinal_span(t, i).is_some() {
        let (j, n) = ordinal(t, i + 1)?;
        return Some((j, date(None, None, Some(n as u8))));
    }
    if !is(t, i, "the") || !whole && (i == 0 || !any(t, i - 1, SLASH_DATE_CUES) && !any(t, i - 1, ORDINAL_DAY_CUES) && !copula) {
        return None;
    }
    let (j, n) = ordinal(t, i + 1)?;
    if copula && !ends_message(j) {
        return None;
    }
    let free = ordinal_day_free(t, j);
    // (a spelled ordinal below eleven is as often a count: "the first of
    // them", "by the third")
    let spelled_count = !digits(t, i + 1) && n < 11;
    ((1..=31).contains(&n) && free && !spelled_count && !is(t, j, "of")).then(|| (j, date(None, None, Some(n as u8))))
}

/// A day named after a word that counts from it, "the week of", "the day
/// after" ([`super::relative::named_day`]), by its ordinal alone or as a
/// month and day in figures: "the week of the 6th", "the week of 6/5", "two
/// days after the 15th".
pub(super) fn counted_from_day(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    if is(t, i, "the") && digits(t, i + 1) {
        let (j, n) = ordinal(t, i + 1)?;
        let free = ordinal_day_free(t, j);
        return ((1..=31).contains(&n) && free && !is(t, j, "of")).then(|| (j, date(None, None, Some(n as u8))));
    }
    let short = |k: usize| small_number(t, k);
    if !(short(i) && is(t, i + 1, "/") && adj(t, i + 1) && adj(t, i + 2) && short(i + 2)) || adj(t, i + 3) && (digits(t, i + 3) || is(t, i + 3, "/"))
    {
        return None;
    }
    let (m, d) = (t.lw(i).parse::<u8>().ok()?, t.lw(i + 2).parse::<u8>().ok()?);
    ((1..=12).contains(&m) && valid(2000, m, d) && !is(t, i + 3, "of")).then(|| (i + 3, date(None, Some(m), Some(d))))
}

/// Words that join the two days of a span written by their ordinals ("the
/// 18th to the 20th", "between the 10th and the 14th").
const ORDINAL_SPAN_JOINS: &[&str] = &["to", "and", "through", "thru", "till", "until", "-", "–"];

/// A span of two days of the month written as ordinals in figures, the
/// first after "the" at `i` ("the 18th to the 20th", "the 3rd-5th",
/// "between the 10th and 14th"), the second later, the message closing
/// after it: the second's start and end, and the days between the two.
fn ordinal_span(t: &Tokens<'_>, i: usize) -> Option<(usize, usize, u32)> {
    let figures = |k: usize| small_number(t, k);
    if !is(t, i, "the") || !figures(i + 1) {
        return None;
    }
    let (j, a) = ordinal(t, i + 1)?;
    if !any(t, j, ORDINAL_SPAN_JOINS) {
        return None;
    }
    let s = if is(t, j + 1, "the") { j + 2 } else { j + 1 };
    let (e, b) = ordinal(t, s).filter(|_| figures(s))?;
    // (the message closes after it, as a sentence of prose does not: "He
    // birdied the 15th and 16th.", "The Giants led between the 5th and 7th.")
    let closes = message_ends(t, e);
    (1 <= a && a < b && b <= 31 && closes).then_some((j + 1, e, b - a))
}

/// The second day of an [`ordinal_span`] starting at `i` ("the 20th" or
/// "20th" of "the 18th to the 20th"), counted from the first so that the two
/// lie in one month whatever the reference: (end, days after the first, the
/// first).
fn ordinal_span_end(t: &Tokens<'_>, i: usize) -> Option<(usize, u32, u8)> {
    // (the first: "the", its figures and suffix, and the joining word)
    let (first, e, gap) =
        (3..=4).filter_map(|b| i.checked_sub(b)).find_map(|f| ordinal_span(t, f).filter(|&(s, _, _)| s == i).map(|(_, e, gap)| (f, e, gap)))?;
    let (_, a) = ordinal(t, first + 1)?;
    Some((e, gap, a as u8))
}

/// Whether what stands at `j`, after a day named by its ordinal ("the 3rd"),
/// lets it be a day: nothing, a mark, a word of [`ORDINAL_DAY_FOLLOWERS`] or
/// one that closes a message ("the 21st century", "the 3rd floor" are
/// ranks).
fn ordinal_day_free(t: &Tokens<'_>, j: usize) -> bool {
    j >= t.len() || !word(t, j) && !any(t, j, &["-", "–"]) || any(t, j, ORDINAL_DAY_FOLLOWERS) || any(t, j, CLOSES_MESSAGE)
}

/// Words that may follow a day named by its ordinal alone ("on the 3rd at
/// noon", "by the 15th and", "on the 3rd in the morning"), besides the words
/// that close a message ("is the 5th ok?").
const ORDINAL_DAY_FOLLOWERS: &[&str] =
    &["at", "and", "or", "to", "through", "until", "in", "from", "by", "when", "so", "but", "we", "i", "you", "they", "he", "she", "it"];

/// Words besides those of [`SLASH_DATE_CUES`] after which "the 3rd" names a
/// day: "can you do the twelfth?", "til the 20th" (a noun after it still
/// makes it a rank).
const ORDINAL_DAY_CUES: &[&str] = &["do", "til"];

/// Words after which a month and its year written "01/2023" is a date, as
/// cards and documents give their validity ("valid thru 01/2023", "Exp.
/// 08/2027", "Expiry: 01/2023").
const MONTH_YEAR_CUES: &[&str] = &[
    "thru",
    "through",
    "till",
    "until",
    "exp",
    "expires",
    "expiry",
    "expiration",
    "expiring",
    "valid",
    "since",
    "from",
    "by",
    "due",
    "before",
    "after",
];

/// Whether a dash at `k` joins two months and days written in figures
/// ("11/20-11/24", "6/12 - 6/16"), the second on or after the first.
fn slash_span(t: &Tokens<'_>, k: usize) -> bool {
    let short = |k: usize| small_number(t, k);
    let md = |k: usize| {
        (short(k) && is(t, k + 1, "/") && adj(t, k + 1) && adj(t, k + 2) && short(k + 2) && !(adj(t, k + 3) && any(t, k + 3, &["/", "."])))
            .then(|| (t.lw(k).parse::<u8>().unwrap_or(0), t.lw(k + 2).parse::<u8>().unwrap_or(0)))
    };
    let (Some(a), Some(b)) = (k.checked_sub(3).and_then(md), md(k + 1)) else { return false };
    // (and closes there: "1/2-3/4 cup" measures)
    let e = k + 4;
    let closes = e >= t.len() || !word(t, e) || cap(t, e) || any(t, e, SPAN_CLOSERS);
    // (days of one month, or running into the next: "6/28-7/3"; odds and
    // scores step the other number, "6/4-9/4", "7/2-9/2", "6/4-7/5")
    let runs = a.0 == b.0 && a.1 < b.1 || b.0 == a.0 % 12 + 1 && b.1 < a.1;
    any(t, k, &["-", "–"]) && closes && runs && (1..=12).contains(&a.0) && valid(2000, a.0, a.1) && valid(2000, b.0, b.1)
}

/// Words that may follow a span of days written in figures ("11/20-11/24 in
/// Lisbon"), where a measure's unit would follow a span of fractions.
const SPAN_CLOSERS: &[&str] = &["in", "at", "for", "and", "or", "to", "from", "with", "on", "ok", "pls", "please"];

/// Words of a form's label, before its colon, after which a month and day
/// written "5/20" is a date ("Delivery date: 5/20", "Deadline: 6/1").
const DATE_LABELS: &[&str] = &["date", "deadline", "due", "when"];

/// Verbs of the start or end of a term, after which a month and day in
/// figures is a date when nothing of a measure follows ("sprint ends
/// 12/13", "the offer expires 12/21").
const TERM_VERBS: &[&str] = &["ends", "end", "begins", "expires", "closes", "launches", "ships"];

/// Words of a card's label, before its colon, after which "12/23" is a month
/// and a year ("Card expiry: 12/23", "Exp: 08/27").
const EXPIRY_LABELS: &[&str] = &["exp", "expiry", "expires", "expiration"];

/// Words after which a month and day written "3/14" is a date.
pub(super) const SLASH_DATE_CUES: &[&str] = &["on", "by", "until", "till", "through", "thru", "since", "from", "before", "after", "due", "for"];

/// A day written as an ordinal past the last of any month ("32nd", "45th"):
/// the position after its suffix.
fn beyond_last_day(t: &Tokens<'_>, i: usize) -> Option<usize> {
    let n: u8 = t.lw(i).parse().ok().filter(|_| digits(t, i) && t.lw(i).len() == 2)?;
    (n > 31 && adj(t, i + 1) && any(t, i + 1, &["st", "nd", "rd", "th"])).then_some(i + 2)
}

/// "February 28, 2019", "Aug. 7", "March 1996", "March of 1996", "Sept 30th".
pub fn month_first(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let (j, m) = month(t, i)?;
    // (a short form in lower case only where the lexicon reads it so, and
    // only with its day or year: "see you sept 5", "jan 3rd", "in jan 1990")
    if !cap(t, i) && month_abbrev(t, i) && !(t.toks[i].case_free && (day(t, j).is_some() || year(t, j).is_some())) {
        return None;
    }
    // "February, 6, 1996": a stray comma after the month, when a year follows the day
    let j = match (is(t, j, ","), day(t, j + 1)) {
        (true, Some((k, _))) if is(t, k, ",") && year(t, k + 1).is_some() => j + 1,
        _ => j,
    };
    // ("January 32nd": a day past any month's last, no date; not "In
    // January 42nd Street will close", a name going on)
    if let Some(k) = beyond_last_day(t, j).filter(|&k| !(word(t, k) && cap(t, k))) {
        return Some((k, Expr::Void));
    }
    if let Some((k, d)) = day(t, j) {
        // a time "May 5:30" or a larger number is not a day
        let mut end = k;
        let mut y = None;
        let c = if is(t, k, ",") { k + 1 } else { k };
        if let Some((e, yr)) = year(t, c) {
            y = Some(yr);
            end = e;
        }
        // ("April 31", "February 29, 2015": no such day, and no month or
        // year of its own either; but with a word after it and no year, the
        // number counts that word: "In April 31 people were killed")
        if !valid(y.unwrap_or(2000), m, d) {
            let suffixed = end > 0 && any(t, end - 1, &["st", "nd", "rd", "th"]);
            let counts = y.is_none() && !suffixed && word(t, end) && t.toks[end].class == 0 && !any(t, end, &["is", "was", "works", "ok"]);
            return (!counts).then_some((end, Expr::Void));
        }
        // ("Nov 12 07:15:32 mail postfix...": a log's stamp opening its line,
        // a clock to the second after a day with no year, is of the nearest
        // such day, not the next one)
        let seconds = |k: usize| {
            (0..3).all(|n| digits(t, k + 2 * n) && t.lw(k + 2 * n).len() == 2)
                && (1..3).all(|n| is(t, k + 2 * n - 1, ":") && adj(t, k + 2 * n - 1) && adj(t, k + 2 * n))
        };
        if y.is_none() && seconds(end) && (i == 0 || t.toks[i].newline_before) {
            return Some((end, Expr::Date { year: None, month: Some(m), day: Some(d), dir: Dir::This }));
        }
        return Some((end, date(y, Some(m), Some(d))));
    }
    let k = if is(t, j, "of") || is(t, j, ",") { j + 1 } else { j };
    if let Some((e, yr)) = year(t, k) {
        if !is(t, k, "'") || k == j {
            return Some((e, date(Some(yr), Some(m), None)));
        }
    }
    None
}

/// A weekday before a written date: "Monday, Oct. 26", "Saturday, April 25,
/// 1998". The written date decides the value.
pub fn weekday_date(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // "this coming Sunday, March eighth", "next Monday, Oct. 26"
    let has = |k: usize| t.toks.get(k).is_some_and(|x| x.class & crate::lexicon::class::WEEKDAY != 0);
    if !(has(i) || has(i + 1) || has(i + 2)) {
        return None;
    }
    let s = direction(t, i).map_or(i, |(k, _)| k);
    let (j, _) = weekday(t, s)?;
    let k = if is(t, j, ",") { j + 1 } else { j };
    // ("monday the twenty first", "Friday the 13th": the day of the month by
    // its ordinal after its weekday)
    if is(t, k, "the") {
        // (not a rank: "Monday, the first day of the hearing", "the third")
        let spelled_count = |n: u32| !digits(t, k + 1) && n < 11;
        // (nor "Saturday the 5th-seeded Serb")
        let noun_after = |e: usize| any(t, e, &["of", "-", "–"]) || word(t, e) && !cap(t, e) && !any(t, e, ORDINAL_DAY_FOLLOWERS);
        if let Some((e, n)) = ordinal(t, k + 1).filter(|&(e, n)| (1..=31).contains(&n) && !spelled_count(n) && !noun_after(e)) {
            return Some((e, date(None, None, Some(n as u8))));
        }
    }
    let (end, e) = month_first(t, k).or_else(|| day_first(t, k))?;
    // (not the last of a list of weekdays before a list of dates, which name
    // them in turn: "on Thursday and Friday, Feb. 6 and 7"; the link stage
    // pairs them)
    // (the weekday before may be abbreviated: "Sat. and Sun., Oct. 4 and 5")
    let before = |k: usize| weekday(t, k).is_some() || is(t, k, ".") && k > 0 && weekday(t, k - 1).is_some();
    let listed = s >= 2 && any(t, s - 1, &["and", "&", ","]) && before(s - 2) && any(t, end, &["and", "&", ","]) && digits(t, end + 1);
    (matches!(e, Expr::Date { day: Some(_), .. }) && !listed).then_some((end, e))
}

/// "28 Feb. 2019", "25th of April", "1 May".
pub fn day_first(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let Some((j, d)) = day(t, i) else {
        // ("the 32nd of January": a day past any month's last, no date)
        let j = beyond_last_day(t, i)?;
        return is(t, j, "of").then(|| month(t, j + 1)).flatten().map(|(k, _)| (k, Expr::Void));
    };
    let j2 = if is(t, j, "of") { j + 1 } else { j };
    let (k, m) = month(t, j2)?;
    // (a month in lower case where the lexicon reads it so, or after an
    // ordinal day and "of": "the 3rd of may", "15th of march"; "1 may" is a verb)
    // ("500-5 dec" is a cricket score: a short form in lower case needs "of")
    // (a spelled ordinal only after "the": "a third of march participants")
    let ordinal_of = j2 > j && (digits(t, i) && any(t, i + 1, &["st", "nd", "rd", "th"]) || !digits(t, i) && i > 0 && is(t, i - 1, "the"));
    let lower_ok = named(t, j2) && (cap(t, j2) || !month_abbrev(t, j2));
    if !(lower_ok || ordinal_of) {
        return None;
    }
    let c = if is(t, k, ",") { k + 1 } else { k };
    // ("31 April", "29 February 2015": no such day)
    match year(t, c) {
        Some((e, y)) if valid(y, m, d) => Some((e, date(Some(y), Some(m), Some(d)))),
        Some((e, _)) => Some((e, Expr::Void)),
        None if valid(2000, m, d) => Some((k, date(None, Some(m), Some(d)))),
        None => Some((k, Expr::Void)),
    }
}

/// A day of a month with a direction word: "last December 17", "next March
/// 3"; the word takes the nearest such day on its side of the DCT.
pub fn directed_month_day(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let (s, dir) = direction(t, i).filter(|&(_, d)| matches!(d, Dir::Past | Dir::Future))?;
    match month_first(t, s)? {
        (j, Expr::Date { year: None, month: Some(m), day: Some(d), .. }) => Some((j, Expr::Date { year: None, month: Some(m), day: Some(d), dir })),
        _ => None,
    }
}

/// A day counted within a month or year: "the first of next month", "the
/// 15th of this month", "the last day of February", "the first day of next
/// year", "the final day of 2013".
pub fn day_of_period(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // (the article is everywhere: look at the class of the next word first)
    let o = i + 1;
    if !is(t, i, "the") || t.toks.get(o).is_none_or(|tok| tok.class & (ORDINAL | NUM) == 0) && !any(t, o, &["last", "final"]) {
        return None;
    }
    // "the 15th of", "the first of", "the first day of", "the last day of"
    let (j, day) = match day(t, o) {
        // (a count, "the 15 of them", is no day)
        Some((j, d)) if !(digits(t, o) && j == o + 1) => (j, DayIn::Nth(d)),
        _ => match ordinal(t, o) {
            Some((j, n)) if n <= 31 && is(t, j, "day") => (j + 1, DayIn::Nth(n as u8)),
            _ if any(t, o, &["last", "final"]) && is(t, o + 1, "day") => (o + 2, DayIn::Last),
            _ => return None,
        },
    };
    if !is(t, j, "of") {
        return None;
    }
    let named_day = is(t, j - 1, "day");
    let p = j + 1;
    // "the first day of each month", "the 15th of every month": a recurrence
    if let (Some(quant), Some((k, unit, false))) = (
        match t.lw(p) {
            "each" => Some("EACH"),
            "every" => Some("EVERY"),
            _ => None,
        },
        unit(t, p + 1),
    ) {
        if !matches!(unit, Unit::Month | Unit::Year) || unit == Unit::Year && !named_day {
            return None;
        }
        let each = Expr::DayOf { day, period: Box::new(Expr::Duration { amount: crate::expr::Amount::N(1), unit }) };
        return Some((k, Expr::Set { each: Box::new(each), freq: None, quant: Some(quant) }));
    }
    // ("the first of next month", but a year only with "day": "the first of
    // next year" is rare and "the first of the year" is as often a count)
    let (k, period) = match (t.lw(p), t.lw(p + 1)) {
        ("next" | "this" | "last" | "the", "year") if named_day => match t.lw(p) {
            // "the first day of the year": the current one
            "the" => (p + 2, Expr::Relative { unit: Unit::Year, offset: 0 }),
            _ => super::relative::relative_period(t, p)?,
        },
        // "the first day of 2014"
        _ if named_day && !cap(t, p) && year(t, p).is_some() => {
            let (e, y) = year(t, p)?;
            (e, Expr::Date { year: Some(y), month: None, day: None, dir: Dir::Infer })
        }
        _ if named_day || !cap(t, p) && !is(t, p, "the") => month_period(t, p)?,
        _ => return None,
    };
    // ("the 31st of November": no such day)
    if let (DayIn::Nth(d), Expr::Date { year, month: Some(m), day: None, .. }) = (day, &period) {
        if !valid(year.unwrap_or(2000), *m, d) {
            return Some((k, Expr::Void));
        }
    }
    Some((k, Expr::DayOf { day, period: Box::new(period) }))
}

/// A month named as the period a day is counted in: "next month", "the
/// month" (the current one), "February", "March 2014".
fn month_period(t: &Tokens<'_>, p: usize) -> Option<(usize, Expr)> {
    Some(match (t.lw(p), t.lw(p + 1)) {
        ("next" | "this" | "last", "month") => super::relative::relative_period(t, p)?,
        ("the", "month") => (p + 2, Expr::Relative { unit: Unit::Month, offset: 0 }),
        // (after "the last Friday of", a month in lower case is one too, "may" included)
        _ if cap(t, p) || month_word(t, p).is_some() && p > 0 && any(t, p - 1, &["of", "in"]) => {
            let (e, m) = month(t, p)?;
            match year(t, e) {
                Some((ey, y)) => (ey, Expr::Date { year: Some(y), month: Some(m), day: None, dir: Dir::Infer }),
                None => (e, Expr::Date { year: None, month: Some(m), day: None, dir: Dir::Infer }),
            }
        }
        _ => return None,
    })
}

/// The n-th weekday of a month: "the fourth Thursday of November", "the
/// second Tuesday in March 2014", "the last Friday of the month", "the first
/// Monday of next month"; "the first Monday of every month" is a recurrence.
pub fn nth_weekday(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // (the article may be left out where a preposition or the start of the
    // text stands before: "on first monday of march", "last friday of october")
    let bare = !is(t, i, "the") && (i == 0 || any(t, i - 1, &["on", "by", "until", "till", "before", "after", "from", "for"]));
    let o = if bare { i } else { i + 1 };
    // (the count in words or digits: "the second Sunday", "the 2nd Sunday")
    let counted = t.toks.get(o).is_some_and(|tok| tok.class & ORDINAL != 0) || digits(t, o) && ordinal(t, o).is_some();
    if !(is(t, i, "the") || bare) || !counted && !any(t, o, &["last", "final"]) {
        return None;
    }
    let count = |o: usize| match ordinal(t, o) {
        Some((j, n)) if (1..=5).contains(&n) => Some((j, n as i8)),
        _ if any(t, o, &["last", "final"]) => Some((o + 1, -1)),
        _ => None,
    };
    let (j, n) = count(o)?;
    // "the second and fourth Tuesday": two counts of one weekday
    let (j, also) = match count(j + 1).filter(|_| is(t, j, "and")) {
        Some((k, m)) => (k, Some(m)),
        None => (j, None),
    };
    // (two counts are of every month: "of each month", or "of the month",
    // which no one day could be, "the first and third Sunday(s) of the month")
    let day_of = |j: usize| weekday(t, j).or_else(|| weekdays(t, j).filter(|_| also.is_some()));
    let each_month = |k: usize| any(t, k, &["of", "in"]) && (any(t, k + 1, &["every", "each"]) || is(t, k + 1, "the") && is(t, k + 2, "month"));
    if also.is_some() && !day_of(j).is_some_and(|(k, _)| each_month(k)) {
        return None;
    }
    if is(t, j, "week") && any(t, j + 1, &["of", "in"]) {
        return nth_week(t, j + 2, n);
    }
    // "the last weekend of August", "the first weekend in May": the weekend
    // of that month's n-th Saturday
    if is(t, j, "weekend") && any(t, j + 1, &["of", "in"]) {
        let (end, period) = month_period(t, j + 2)?;
        let saturday = Expr::NthWeekday { n, also: None, dow: 6, period: Box::new(period) };
        return Some((end, Expr::WeekOf { day: Box::new(saturday), weekend: true }));
    }
    // "the first weekday of each month", "the last business day of every
    // month" (a one-off, "the first weekday after the holiday", is no date)
    if let Some(k) = workday(t, j).filter(|&k| any(t, k, &["of", "in"]) && any(t, k + 1, &["every", "each"]) && is(t, k + 2, "month")) {
        let each = Expr::NthWorkday { n, period: Box::new(Expr::Duration { amount: crate::expr::Amount::N(1), unit: Unit::Month }) };
        let quant = if is(t, k + 1, "every") { "EVERY" } else { "EACH" };
        return Some((k + 3, Expr::Set { each: Box::new(each), freq: None, quant: Some(quant) }));
    }
    let (k, dow) = day_of(j)?;
    if !any(t, k, &["of", "in"]) {
        return None;
    }
    let p = k + 1;
    let (end, period) = match (t.lw(p), t.lw(p + 1)) {
        ("the", "month") if also.is_some() => {
            let each = Expr::NthWeekday { n, also, dow, period: Box::new(Expr::Duration { amount: crate::expr::Amount::N(1), unit: Unit::Month }) };
            return Some((p + 2, Expr::Set { each: Box::new(each), freq: None, quant: None }));
        }
        ("every" | "each", "month") => {
            let each = Expr::NthWeekday { n, also, dow, period: Box::new(Expr::Duration { amount: crate::expr::Amount::N(1), unit: Unit::Month }) };
            let quant = if is(t, p, "every") { "EVERY" } else { "EACH" };
            return Some((p + 2, Expr::Set { each: Box::new(each), freq: None, quant: Some(quant) }));
        }
        _ => month_period(t, p)?,
    };
    Some((end, Expr::NthWeekday { n, also: None, dow, period: Box::new(period) }))
}

/// The rest of "the first week of October", "the last week of the month",
/// "the second week of 2006", "the final week of the year", from the period
/// at `p` on.
fn nth_week(t: &Tokens<'_>, p: usize, n: i8) -> Option<(usize, Expr)> {
    let (end, period) = match (t.lw(p), t.lw(p + 1)) {
        ("next" | "this" | "last", "year") => super::relative::relative_period(t, p)?,
        ("the", "year") => (p + 2, Expr::Relative { unit: Unit::Year, offset: 0 }),
        _ if !cap(t, p) && year(t, p).is_some() => {
            let (e, y) = year(t, p)?;
            (e, Expr::Date { year: Some(y), month: None, day: None, dir: Dir::Infer })
        }
        _ => month_period(t, p)?,
    };
    Some((end, Expr::NthWeek { n, period: Box::new(period) }))
}

/// Words after which a bare "May" or "March" is a month rather than a verb or name.
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "through",
    "from",
    "to",
    "during",
    "before",
    "after",
    "of",
    "between",
    "and",
    "or",
    "end",
    "beginning",
    "start",
    "middle",
    "until",
    "that",
    "each",
    "every",
    "past",
    "coming",
];

/// "the following March", "the previous winter": a month or season next to
/// the period under discussion, with its article.
///
/// "That winter", "in that March": the month or season of the year under
/// discussion. ("said that March was the worst month" has the conjunction,
/// so "that" counts only at the start of a sentence or clause, or after a
/// preposition.)
pub fn from_last(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // (after a verb, "that" is the conjunction when a verb follows the
    // month: "said that March was", but "left that summer.")
    let opens =
        |k: usize| k == 0 || t.toks[k].newline_before || any(t, k - 1, &[".", ",", ";", "in", "during", "by", "until", "since", "through", "of"]);
    let subject = |e: usize| any(t, e, &["was", "is", "were", "are", "has", "had", "will", "would"]) || super::tense::past_form(t, e);
    let demonstrative = is(t, i, "that");
    if !demonstrative && (!is(t, i, "the") || !any(t, i + 1, &["following", "next", "previous", "prior"])) {
        return None;
    }
    let (end, mut inner) = if demonstrative {
        bare_month(t, i + 1)
            .filter(|(_, e)| matches!(e, Expr::Date { dir: Dir::Infer, .. }))
            .or_else(|| season_word(t, i + 1).map(|se| (i + 2, Expr::Part { part: Part::Season(se), year: YearRef::Implicit, dir: Dir::Infer })))?
    } else {
        bare_month(t, i + 1).or_else(|| season(t, i + 1))?
    };
    if demonstrative && !opens(i) && subject(end) {
        return None;
    }
    let dir = match &mut inner {
        Expr::Date { year: None, day: None, dir, .. } | Expr::Part { year: YearRef::Implicit, dir, .. } => {
            if demonstrative {
                *dir = Dir::This;
            }
            *dir
        }
        _ => return None,
    };
    Some((end, Expr::FromLast { dir, inner: Box::new(inner) }))
}

/// A month name on its own ("in March", "last April", "this September").
pub fn bare_month(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let (mut i0, mut dir) = (i, Dir::Infer);
    if let Some((k, d)) = direction(t, i) {
        i0 = k;
        dir = d;
    }
    let (j, m) = month(t, i0)?;
    // (a short form with no period, "in sept", only in lower case after a
    // word that takes a month: "Han Jun", "Jan said", "500-5 dec" are not)
    let chat = t.toks[i0].case_free && !cap(t, i0) && i0 > 0 && MONTH_CONTEXT.contains(&t.lw(i0 - 1));
    if !named(t, i0) || (month_abbrev(t, i0) && j == i0 + 1 && !chat) {
        return None;
    }
    // "mid-March": the hyphen joins the month to its context word
    let before = if i0 > 1 && is(t, i0 - 1, "-") && adj(t, i0) { i0 - 2 } else { i0.wrapping_sub(1) };
    let prev = if before < i0 { t.lw(before) } else { "" };
    // "the May meeting", "the March surplus": after "the" and before a noun
    let attributive = prev == "the"
        && word(t, j)
        && !cap(t, j)
        && !any(t, j, &["of", "on", "to", "in", "for", "and", "or", "at", "by", "with", "from", "is", "was"]);
    // ("January-March": joined to another month)
    let after_month = before < i0 && month(t, before).is_some();
    // ("the coldest March", "the wettest May on record": after a superlative)
    let superlative = prev.len() > 4 && prev.ends_with("est") && before > 0 && is(t, before - 1, "the");
    if (m == 5 || m == 3) && i0 == i && !MONTH_CONTEXT.contains(&prev) && !attributive && !after_month && !superlative {
        return None;
    }
    // "last Oct. 23": the date is "Oct. 23", found from the month on
    if i0 != i && day(t, j).is_some() {
        return None;
    }
    // "April Fools", "May Day": a capitalised name follows
    if cap(t, j) && word(t, j) && t.entries(j).is_empty() && !t.toks[j].newline_before {
        return None;
    }
    Some((j, Expr::Date { year: None, month: Some(m), day: None, dir }))
}

/// Nouns after which a four-digit number identifies something, not a year:
/// "resolution 1737", "flight 1549", "article 1382", "page 1024".
const IDENTIFIED: &[&str] = &[
    "no",
    "no.",
    "number",
    "flight",
    "route",
    "room",
    "page",
    "pages",
    "model",
    "resolution",
    "resolutions",
    "article",
    "articles",
    "chapter",
    "section",
    "paragraph",
    "item",
    "decree",
    "bill",
    "highway",
    "platform",
    "gate",
    "channel",
    "bus",
    "suite",
    "box",
    "figure",
    "table",
    "exhibit",
    "code",
    "unit",
    "apartment",
    "kilometre",
    "kilometer",
    "km",
    "mile",
];

/// Count nouns after which a four-digit number is a quantity, not a year.
const COUNTED: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "persons",
    "feet",
    "foot",
    "yards",
    "miles",
    "meters",
    "metres",
    "km",
    "tons",
    "tonnes",
    "pounds",
    "dollars",
    "shares",
    "points",
    "troops",
    "soldiers",
    "police",
    "workers",
    "jobs",
    "students",
    "cars",
    "units",
    "barrels",
    "acres",
    "copies",
    "homes",
    "employees",
    "deaths",
    "cases",
    "votes",
    "rooms",
    "seats",
    "percent",
    "per",
    "more",
    "other",
    "others",
    "of",
    "fans",
    "members",
    "residents",
];

/// A year on its own ("in 1998"), with "fiscal" or "the year" before it.
pub fn bare_year(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // "post-1959 politics", "pre-1990 levels": the prefix makes an adjective of the year
    if any(t, i, &["post", "pre"]) && is(t, i + 1, "-") && adj(t, i + 1) && adj(t, i + 2) {
        let (j, y) = year(t, i + 2)?;
        let m = if is(t, i, "post") { crate::expr::Mod::After } else { crate::expr::Mod::Before };
        return Some((j, Expr::Mod { m, inner: Box::new(date(Some(y), None, None)) }));
    }
    let mut s = i;
    if is(t, s, "fiscal") {
        s += 1;
        if is(t, s, "year") {
            s += 1;
        }
    } else if is(t, s, "the") && is(t, s + 1, "year") {
        s += 2;
    } else if is(t, s, "the") && year(t, s + 1).is_some_and(|(e, _)| any(t, e, &["period", "quarter"])) {
        // "the 1988 period", "the 1988 quarter": the year names the period
        let (e, y) = year(t, s + 1)?;
        return Some((e + 1, Expr::PeriodOfYear { year: y }));
    } else if is(t, s, "the") && year(t, s + 1).is_some_and(|(e, _)| any(t, e, &["fiscal", "financial", "calendar"]) && is(t, e + 1, "year")) {
        // "the 2014 fiscal year", "the 2012 calendar year": the year itself
        let (e, y) = year(t, s + 1)?;
        return Some((e + 2, date(Some(y), None, None)));
    }
    if is(t, s, "'") || is(t, s, "’") {
        // '98 on its own only after a preposition of time ("in '95", "since
        // '09"); after a month or season it is read with them
        if s == i && !(i > 0 && any(t, i - 1, &["in", "since", "until", "by", "from", "to", "through", "during", "of", "before", "after"])) {
            return None;
        }
    }
    // ("at 1845 on Friday" is a clock time)
    if s == i && super::times::wire_clock(t, i).is_some() {
        return None;
    }
    let (j, y) = year(t, s)?;
    let next = t.lw(j);
    if COUNTED.contains(&next) || (word(t, j) && !cap(t, j) && next.len() > 3 && next.ends_with('s') && !next.ends_with("ss") && s == i) {
        return None;
    }
    if next == "%" || (is(t, j, "-") && adj(t, j) && word(t, j + 1)) {
        return None;
    }
    // ("Law 4/2015", "1/2000 of a second": the number of a law or a case, a
    // fraction; a month and its year is read whole where a word cues it)
    // ("Revenue in 12/2013", "The 2/2015 meeting" keep their year)
    let slashed = s == i && i >= 2 && adj(t, i) && is(t, i - 1, "/") && adj(t, i - 1) && digits(t, i - 2) && t.lw(i - 2).len() <= 2;
    let numbered = |k: usize| {
        t.lw(k).parse::<u8>().is_ok_and(|n| n > 12)
            || k > 0
                && (cap(t, k - 1) && word(t, k - 1) && !opens_sentence(t, k - 1)
                    || any(t, k - 1, &["about", "nearly", "approximately", "roughly", "just"]))
            || is(t, j, "of")
    };
    if slashed && numbered(i - 2) {
        return None;
    }
    // the end of a telephone number: "call 555-1212", "1-800-555-1212",
    // "(202) 555-2013" (a span of years, "1980-1988" or "(960-1127)", is not)
    let phone = |k: usize| any(t, k, &["-", ")", "call", "phone", "telephone", "tel", "fax", "number", "at"]);
    if s == i && i >= 3 && adj(t, i) && is(t, i - 1, "-") && adj(t, i - 1) && digits(t, i - 2) && t.lw(i - 2).len() == 3 && phone(i - 3) {
        return None;
    }
    if i > 0 && s == i && (any(t, i - 1, IDENTIFIED) || any(t, i - 1, &["#", "$", "about", "nearly", "some", "over", "than"])) {
        return None;
    }
    // ("at 1230 Market Street": a street number)
    // (after "at", one name and the street's word, the address closing: not
    // "A 2010 Supreme Court ruling", "The 2008 Wall Street meltdown")
    let street = i > 0
        && is(t, i - 1, "at")
        && cap(t, j)
        && word(t, j)
        && any(t, j + 1, STREET_WORDS)
        && cap(t, j + 1)
        && (j + 2 >= t.len() || !word(t, j + 2) || cap(t, j + 2));
    if s == i && street {
        return None;
    }
    // ("the room number is 1205", "Flight: 2047": the number a thing is known by)
    if s == i && i > 1 && any(t, i - 1, &["is", "was"]) && any(t, i - 2, IDENTIFIED) && !any(t, j, &["'", "’", "'s", "’s"]) {
        return None;
    }
    Some((j, date(Some(y), None, None)))
}

/// Words of an address after a street number ("at 1230 Market Street", "at
/// 77 Sunset Blvd").
const STREET_WORDS: &[&str] = &["street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive"];

/// Era markers after a year: "300 B.C.", "44 BCE", "70 A.D.".
const BEFORE_ERA: &[&str] = &["b.c.", "bc", "bce", "b.c.e."];
const OF_ERA: &[&str] = &["a.d.", "ad", "ce", "c.e."];

/// A year of an era: "300 B.C.", "1345 BCE", "A.D. 70", "AD 1066", "70 A.D.".
/// A year before the era is kept astronomically (1 B.C. is year 0, 300
/// B.C. is year -299), so that calendar arithmetic stays exact; its value is
/// written "BC0300". The marker must be written in capitals ("an ad", "Vancouver, BC"
/// after a comma are no eras), and the number must have at most four digits.
pub fn era_year(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let marked = |k: usize, words: &[&str]| any(t, k, words) && t.raw(k).chars().all(|c| !c.is_ascii_lowercase());
    let number = |k: usize| (digits(t, k) && t.lw(k).len() <= 4).then(|| t.lw(k).parse::<i32>().ok()).flatten().filter(|&n| n > 0);
    if marked(i, OF_ERA) && !any(t, i, BEFORE_ERA) {
        let n = number(i + 1)?;
        return Some((i + 2, date(Some(n), None, None)));
    }
    let n = number(i)?;
    if marked(i + 1, BEFORE_ERA) {
        return Some((i + 2, date(Some(1 - n), None, None)));
    }
    marked(i + 1, OF_ERA).then(|| (i + 2, date(Some(n), None, None)))
}

/// "the 1990s", "1990s", "the '90s", "the 1990's"; "the 20th century".
pub fn decade(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let s = if is(t, i, "the") { i + 1 } else { i };
    if let Some((j, n)) = ordinal(t, s) {
        if any(t, j, &["century", "centuries"]) && (1..=30).contains(&n) {
            return Some((j + 1, Expr::Decade { digits: n as i32 - 1, century: true }));
        }
        return None;
    }
    if let Some(d) = t.entries(s).iter().find_map(|e| match e {
        Entry::DecadeWord(d) => Some(*d),
        _ => None,
    }) {
        // "the nineties": a decade word needs its determiner
        return (s > i).then_some((s + 1, Expr::Decade { digits: d, century: false }));
    }
    let (num_at, two) = if any(t, s, &["'", "’"]) && adj(t, s + 1) { (s + 1, true) } else { (s, false) };
    if !digits(t, num_at) || (num_at > 0 && adj(t, num_at) && !two && !is(t, num_at - 1, "-")) {
        return None;
    }
    let lw = t.lw(num_at);
    let ok_len = if two { lw.len() == 2 } else { lw.len() == 4 };
    if !ok_len || !lw.ends_with('0') {
        return None;
    }
    let mut j = num_at + 1;
    if adj(t, j) && any(t, j, &["'", "’"]) {
        j += 1;
    }
    if !(adj(t, j) && is(t, j, "s")) {
        return None;
    }
    j += 1;
    if adj(t, j) && is(t, j, "-") {
        return None; // "1990s-style"
    }
    let v: i32 = lw.parse().ok()?;
    let full = if two { 1900 + v } else { v };
    // "the 1800s", "the 1900s": a century ("the 2000s" is the decade, as
    // news uses it)
    if !two && full % 100 == 0 && full < 2000 {
        return Some((j, Expr::Decade { digits: full / 100, century: true }));
    }
    Some((j, Expr::Decade { digits: full / 10, century: false }))
}

/// A weekday, with an optional direction word ("Friday", "last Friday").
pub fn weekday_rule(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // "the Friday after next": a week past the next one
    // (not "the Friday after next week's summit")
    let closes = |k: usize| unit(t, k).is_none() && weekday(t, k).is_none() && !any(t, k, &["'", "’", "'s"]);
    if let Some((j, dow)) = weekday(t, i + 1).filter(|&(j, _)| is(t, i, "the") && is(t, j, "after") && is(t, j + 1, "next") && closes(j + 2)) {
        let next = Expr::Weekday { dow, dir: Dir::Future };
        return Some((j + 2, Expr::Around { day: Box::new(next), unit: Unit::Day, offset: 7, grain: Unit::Day }));
    }
    // "the previous Friday", "the following Monday": the determiner belongs to it
    let d = if is(t, i, "the") && any(t, i + 1, &["previous", "following", "next", "prior"]) { i + 1 } else { i };
    let (s, dir) = direction(t, d).unwrap_or((i, Dir::Infer));
    let (j, dow) = weekday(t, s)?;
    // "Sunday Times", "Tuesday Morning Corp": a capitalised name follows,
    // unless a preposition shows a date ("On Friday Iraq began ...")
    let dated = i > 0 && any(t, i - 1, &["on", "since", "until", "till", "by", "before", "after", "late", "early"]);
    if s == i && !dated && cap(t, j) && word(t, j) && t.entries(j).is_empty() && !t.toks[j].newline_before && !any(t, j, &["a.m.", "p.m."]) {
        return None;
    }
    if d != i && dir != Dir::Infer {
        return Some((j, Expr::WeekdayFrom { dow, dir }));
    }
    // "Tuesday last week", "Friday of next week": the weekday of that week
    if dir == Dir::Infer {
        let w = if is(t, j, "of") { j + 1 } else { j };
        if let Some((k, week)) = direction(t, w).filter(|&(k, _)| is(t, k, "week") && !any(t, k + 1, &["'", "’", "'s"])) {
            return Some((k + 1, Expr::WeekdayOfWeek { dow, offset: week.step() }));
        }
    }
    // "since Monday" looks back, whatever the policy prefers
    let dir = if dir == Dir::Infer && i > 0 && is(t, i - 1, "since") { Dir::Past } else { dir };
    Some((j, Expr::Weekday { dow, dir }))
}

/// "the weekend", "this weekend", "the coming weekend", "last weekend".
pub fn weekend(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let mut s = i;
    if is(t, s, "the") {
        s += 1;
    }
    let (s, dir) = direction(t, s).unwrap_or((s, Dir::Infer));
    if s == i && !is(t, s, "weekend") {
        return None;
    }
    if is(t, s, "weekend") {
        if s == i {
            return None; // bare "weekend" needs a determiner
        }
        // "the weekend after next": a week past the next one
        // (not "the weekend after next Tuesday's vote")
        if s == i + 1 && is(t, s + 1, "after") && is(t, s + 2, "next") && unit(t, s + 3).is_none() && weekday(t, s + 3).is_none() {
            let saturday = Expr::Weekday { dow: 6, dir: Dir::Future };
            let next = Expr::Around { day: Box::new(saturday), unit: Unit::Week, offset: 1, grain: Unit::Day };
            return Some((s + 3, Expr::WeekOf { day: Box::new(next), weekend: true }));
        }
        return Some((s + 1, Expr::Weekend { dir }));
    }
    if is(t, s, "week") && is(t, s + 1, "-") && is(t, s + 2, "end") {
        return Some((s + 3, Expr::Weekend { dir }));
    }
    None
}

/// A month or a day of a month in a year named relative to the DCT: "June
/// last year", "January this year", "March 3 of next year", or to the year
/// under discussion: "September that year".
pub fn in_relative_year(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let (j, inner) = [month_first(t, i), bare_month(t, i)].into_iter().flatten().max_by_key(|(j, _)| *j)?;
    if !matches!(inner, Expr::Date { year: None, dir: Dir::Infer, .. }) {
        return None;
    }
    let s = if is(t, j, "of") { j + 1 } else { j };
    match year_ref(t, s)? {
        (k, year @ (YearRef::Relative(_) | YearRef::Anaphoric)) if !is(t, s, "fiscal") => Some((k, Expr::InYear { inner: Box::new(inner), year })),
        _ => None,
    }
}

/// A year reference after "of" / before "'s": explicit years, "this/last/next
/// year" and "that year", "the same year".
fn year_ref(t: &Tokens<'_>, i: usize) -> Option<(usize, YearRef)> {
    let s = if is(t, i, "fiscal") { i + 1 } else { i };
    if let Some((j, y)) = year(t, s) {
        return Some((j, YearRef::Explicit(y)));
    }
    if is(t, s, "that") && is(t, s + 1, "year") {
        return Some((s + 2, YearRef::Anaphoric));
    }
    if is(t, s, "the") && is(t, s + 1, "same") && is(t, s + 2, "year") {
        return Some((s + 3, YearRef::Anaphoric));
    }
    let (j, dir) = direction(t, s)?;
    if !is(t, j, "year") {
        return None;
    }
    Some((j + 1, YearRef::Relative(dir.step())))
}

/// A quarter or half named by its last month, as Australian and New Zealand
/// financial news does: "the September quarter" (July to September), "the
/// June half" (January to June), or by its first and last: "the
/// July-September quarter", "the January-June half".
pub fn month_quarter(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    if !is(t, i, "the") {
        return None;
    }
    let (mut j, mut m) = month(t, i + 1)?;
    if any(t, j, &["-", "to"]) {
        let first = m;
        let (k, last) = month(t, j + 1)?;
        let whole = match t.lw(k) {
            "quarter" => last == first + 2 && last % 3 == 0,
            "half" => last == first + 5 && last % 6 == 0,
            _ => false,
        };
        if !whole {
            return None;
        }
        (j, m) = (k, last);
    }
    let part = match (t.lw(j), m) {
        ("quarter", 3 | 6 | 9 | 12) => Part::Quarter(m / 3),
        ("half", 6 | 12) => Part::Half(m / 6),
        _ => return None,
    };
    Some((j + 1, Expr::Part { part, year: YearRef::Implicit, dir: Dir::Infer }))
}

/// Quarters, halves and fiscal years in the codes financial news writes:
/// "Q3 2013", "Q1'13", "3Q", "H1 2013", "FY2013", "FY 13". A code without a
/// year needs a function word before it ("in Q3", "for 3Q") or must open a
/// sentence before a lower-case word ("Q4 results"), and none may follow a
/// capitalised word ("the Audi Q3" is a car).
pub fn quarter_code(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    if i > 0 && cap(t, i - 1) && word(t, i - 1) && !opens_sentence(t, i - 1) {
        return None;
    }
    let raw = t.raw(i);
    let single = |k: usize| digits(t, k) && t.lw(k).len() == 1;
    let (j, part) = if matches!(raw, "Q" | "H") && adj(t, i + 1) && single(i + 1) {
        match (raw, t.lw(i + 1).parse::<u8>().ok()?) {
            ("Q", n @ 1..=4) => (i + 2, Part::Quarter(n)),
            ("H", n @ 1..=2) => (i + 2, Part::Half(n)),
            _ => return None,
        }
    } else if single(i) && adj(t, i + 1) && matches!(t.raw(i + 1), "Q" | "H") {
        // "3Q13", "1H13"
        match (t.raw(i + 1), t.lw(i).parse::<u8>().ok()?) {
            ("Q", n @ 1..=4) => (i + 2, Part::Quarter(n)),
            ("H", n @ 1..=2) => (i + 2, Part::Half(n)),
            _ => return None,
        }
    } else if raw == "FY" && digits(t, i + 1) && !(adj(t, i + 2) && (word(t, i + 2) || digits(t, i + 2))) {
        let d = t.lw(i + 1);
        let y: i32 = match d.len() {
            4 => d.parse().ok()?,
            2 => century_of(d.parse().ok()?),
            _ => return None,
        };
        return Some((i + 2, date(Some(y), None, None)));
    } else {
        return None;
    };
    // "3Q13", "Q3'13", "Q3 2013", "Q3/2013"
    let two = |k: usize| digits(t, k) && t.lw(k).len() == 2;
    let (end, year) = if adj(t, j) && two(j) && !(adj(t, j + 1) && (word(t, j + 1) || digits(t, j + 1))) {
        (j + 1, YearRef::Explicit(century_of(t.lw(j).parse().ok()?)))
    } else if let Some((k, y)) = year(t, if is(t, j, "/") && adj(t, j) { j + 1 } else { j }) {
        (k, YearRef::Explicit(y))
    } else if adj(t, j) && (word(t, j) || digits(t, j)) {
        return None;
    } else if i > 0
        && any(t, i - 1, &["in", "for", "of", "during", "the", "its", "their", "a", "per", "by", "since", "from", "to", "through", "and", "or", ","])
        || opens_sentence(t, i) && word(t, j) && !cap(t, j)
    {
        // "in Q3", "Q4 results are due" (but "1H" needs its year: "a 2H pencil")
        if matches!(part, Part::Half(_)) && raw != "H" {
            return None;
        }
        (j, YearRef::Implicit)
    } else {
        return None;
    };
    Some((end, Expr::Part { part, year, dir: Dir::Infer }))
}

/// Words of play that make a half or quarter in their sentence a game's.
/// (Not "shot", "effort" or "corner": "prices shot up in the first half",
/// "turned the corner in the second half" are business.)
const PLAY: &[&str] = &[
    "goal",
    "goals",
    "scored",
    "scoring",
    "penalty",
    "header",
    "striker",
    "midfielder",
    "goalkeeper",
    "equaliser",
    "equalizer",
    "touchdown",
    "quarterback",
    "rebounds",
    "halftime",
    "half-time",
    "free-kick",
    "tries",
    "kicked",
    "lead",
    "equalised",
    "equalized",
];

/// Quarters and halves: "the third quarter", "third-quarter", "the fiscal first
/// quarter of 1998", "1998's second half", "this year's third quarter", "the first half".
pub fn quarter(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let mut s = i;
    let mut year = YearRef::Implicit;
    if let Some((j, y)) = year_ref(t, s) {
        if any(t, j, &["'", "’"]) && is(t, j + 1, "s") {
            year = y;
            s = j + 2;
        } else if matches!(y, YearRef::Explicit(_)) && is(t, i, "the") {
            year = y;
            s = j;
        } else {
            return None;
        }
    } else if is(t, s, "the") {
        s += 1;
        if let Some((j, YearRef::Explicit(y))) = year_ref(t, s) {
            year = YearRef::Explicit(y);
            s = j;
        }
    }
    if is(t, s, "fiscal") {
        s += 1;
    }
    // "the last half of 1989", "the final quarter of this year": the last one of a
    // named year ("the last quarter" alone is the latest one)
    // ("the final quarter in 2005"; "the final quarter" alone is the fourth)
    let last = any(t, s, &["last", "final", "latter"])
        && s > i
        && is(t, s - 1, "the")
        && (is(t, s, "final") || any(t, s + 2, &["of", "in"]) && year_ref(t, s + 3).is_some());
    let (mut j, n) = if last {
        match t.lw(s + 1) {
            "half" => (s + 1, 2),
            "quarter" if !is(t, s + 2, "century") => (s + 1, 4),
            _ => return None,
        }
    } else {
        ordinal(t, s)?
    };
    let hyphen = is(t, j, "-") && adj(t, j);
    if hyphen {
        j += 1;
    }
    let part = match t.lw(j) {
        "quarter" if (1..=4).contains(&n) => Part::Quarter(n as u8),
        "half" if (1..=2).contains(&n) => Part::Half(n as u8),
        _ => return None,
    };
    // "the third-quarter results": the compound is an adjective and the determiner stays outside
    if hyphen && is(t, i, "the") {
        return None;
    }
    // a half or quarter of a game: "15 minutes into the second half", "the
    // first half whistle", "ending the first half 18-11"
    let score = digits(t, j + 1) && is(t, j + 2, "-") && adj(t, j + 2) && digits(t, j + 3) && adj(t, j + 3);
    let from = if i > 0 && is(t, i - 1, "the") { i - 1 } else { i };
    // ("five minutes before the end of an evenly contested first half")
    let minutes_into = (from.saturating_sub(8)..from)
        .any(|j| any(t, j, &["minutes", "minute", "seconds", "mins"]) && any(t, j + 1, &["into", "before", "after", "from", "to"]));
    // a half in a sentence about play ("a wonderful curling shot to give
    // Arsenal the lead midway through the first half", "Sparta's best
    // first-half effort") is a game's; an implicit-year quarter too
    // (a half that opens its sentence, "In the second half we were in the
    // driving seat", goes on from the sentence before)
    let opens = from > 0 && is(t, from - 1, "in") && (from == 1 || any(t, from - 2, &[".", "!", "?", "\"", "``", "“"]));
    let mut stops = usize::from(opens) + 1;
    let mut back = |k: usize| {
        if any(t, k, &[".", "!", "?"]) {
            stops -= 1;
        }
        stops > 0
    };
    let sentence = |k: usize| !any(t, k, &[".", "!", "?"]);
    let play = (from.saturating_sub(PLAY_REACH)..from).rev().take_while(|&k| back(k)).any(|k| any(t, k, PLAY))
        || (j + 1..(j + 1 + PLAY_REACH).min(t.len())).take_while(|&k| sentence(k)).any(|k| any(t, k, PLAY));
    if minutes_into
        || any(t, j + 1, &["whistle", "goal", "goals", "stoppage", "injury", "penalty", "kick", "kickoff"])
        // ("his second half century of the match": a cricketer's fifty)
        || matches!(part, Part::Half(_)) && any(t, j + 1, &["century", "centuries"])
        || score
        || play && year == YearRef::Implicit
    {
        return None;
    }
    j += 1;
    if year == YearRef::Implicit && (is(t, j, "of") || is(t, j, ",") || last && is(t, j, "in")) {
        if let Some((k, y)) = year_ref(t, j + 1) {
            year = y;
            j = k;
        } else if is(t, j, "of") {
            // "the fourth quarter of Seattle's victory", "the second half of
            // the match": a part of a game, not of a year ("the third quarter
            // of $226 million" is a quarter's amount)
            let owner = cap(t, j + 1) && word(t, j + 1) && any(t, j + 2, &["'", "’"]);
            let thing = any(t, j + 1, &["the", "a", "an", "its", "his", "her", "their", "this", "that"])
                && !any(t, j + 2, &["year", "fiscal", "current", "calendar", "century", "decade"]);
            if owner || thing {
                return None;
            }
            // "the first quarter of the year": the year under discussion, tagged apart
            if is(t, j + 1, "the") && is(t, j + 2, "year") {
                year = YearRef::Relative(0);
            }
        }
    } else if year == YearRef::Implicit {
        if let Some((k, y)) = appended_year(t, j) {
            year = y;
            j = k;
        }
    }
    Some((j, Expr::Part { part, year, dir: Dir::Infer }))
}

/// A year written right after a quarter, half or season: "summer 1998", "the
/// third quarter last year", "the spring this year", "the first half that
/// year" (not "the second half last year's champions", whose year belongs to
/// what follows).
fn appended_year(t: &Tokens<'_>, j: usize) -> Option<(usize, YearRef)> {
    let (k, y) = year_ref(t, j)?;
    (matches!(y, YearRef::Explicit(_)) || !any(t, k, &["'", "’", "'s"])).then_some((k, y))
}

/// Seasons: "this summer", "last fall", "the spring of 1998", "summer 1998",
/// "the winter". A bare season word needs a determiner or a year, so that
/// "fall" the verb and "spring" the water stay untagged.
pub fn season(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // "the early summer", "the late fall" (not "the Mid-Autumn Festival", a holiday)
    let holiday_next = matches!(phrase(t, i + 1), Some((_, crate::lexicon::Named::Holiday(_))));
    if is(t, i, "the") && any(t, i + 1, &["early", "mid", "late"]) && !is(t, i + 2, "the") && !holiday_next {
        let m = match t.lw(i + 1) {
            "early" => crate::expr::Mod::Start,
            "mid" => crate::expr::Mod::Mid,
            _ => crate::expr::Mod::End,
        };
        let k = if is(t, i + 2, "-") && adj(t, i + 2) { i + 3 } else { i + 2 };
        if let Some(se) = season_word(t, k) {
            let (end, year) = match year_ref(t, k + 2) {
                Some((e, y)) if is(t, k + 1, "of") => (e, y),
                _ => (k + 1, YearRef::Implicit),
            };
            let inner = Expr::Part { part: Part::Season(se), year, dir: Dir::Infer };
            return Some((end, Expr::Mod { m, inner: Box::new(inner) }));
        }
    }
    let mut s = i;
    let mut dir = Dir::Infer;
    let mut determined = false;
    if is(t, s, "the") {
        s += 1;
        determined = true;
    }
    let mut year = YearRef::Implicit;
    if let Some((k, d)) = direction(t, s) {
        s = k;
        dir = d;
        determined = true;
    }
    let se = season_word(t, s)?;
    let mut j = s + 1;
    if is(t, j, "of") {
        if let Some((k, y)) = year_ref(t, j + 1) {
            year = y;
            j = k;
        }
    } else if let Some((k, y)) = appended_year(t, j).filter(|(_, y)| dir == Dir::Infer || matches!(y, YearRef::Explicit(_))) {
        year = y;
        j = k;
    }
    // "since the fall of Saddam Hussein", "the fall of the Berlin Wall": a downfall
    if year == YearRef::Implicit && se == crate::expr::Season::Fall && is(t, j, "of") {
        return None;
    }
    if year == YearRef::Implicit {
        if !determined {
            // "in spring" / "in the fall" need a preposition when there is no determiner
            let prev = if i > 0 { t.lw(i - 1) } else { "" };
            if !(prev == "in" || prev == "during" || prev == "by" || prev == "until") || se == crate::expr::Season::Fall {
                return None;
            }
        } else if s == i + 1 && is(t, i, "the") {
            // "the fall" alone: only after a temporal preposition
            let prev = if i > 0 { t.lw(i - 1) } else { "" };
            if !["in", "during", "by", "until", "till", "over", "through", "throughout", "into", "since", "for", "before", "after", "this", "next"]
                .contains(&prev)
            {
                return None;
            }
        }
    }
    // "spring training", "summer camp" are still the season; "Spring Street" is not
    if cap(t, s) && cap(t, j) && word(t, j) && t.entries(j).is_empty() && s > 0 && !t.toks[s].newline_before {
        return None;
    }
    Some((j, Expr::Part { part: Part::Season(se), year, dir }))
}

/// Nouns after a holiday's name that make it the name of a thing.
const HOLIDAY_THINGS: &[&str] = &[
    "tree",
    "trees",
    "carol",
    "carols",
    "card",
    "cards",
    "decorations",
    "lights",
    "gift",
    "gifts",
    "present",
    "presents",
    "ornaments",
    "pudding",
    "cake",
    "crib",
    "creche",
    "creches",
    "egg",
    "eggs",
    "bunny",
    "turkey",
    "costume",
    "costumes",
    "song",
    "songs",
    "spirit",
    "channel",
    "music",
    "film",
    "movie",
    // and places and events named after one: "Easter Island", "the Yom
    // Kippur War", "the Tet Offensive", "the Easter Rising"
    "island",
    "war",
    "offensive",
    "rising",
    "uprising",
];

/// Whether the holiday's name at tokens `s..j` is part of a longer name: next
/// to a capitalised word inside the sentence that means no time (a place may
/// begin a name of its own: "the Prague Spring Festival").
fn in_name_at(t: &Tokens<'_>, s: usize, j: usize) -> bool {
    let name_word = |k: usize| {
        cap(t, k) && word(t, k) && t.entries(k).iter().all(|e| matches!(e, Entry::Phrase(_))) && !opens_sentence(t, k) && !t.toks[k].newline_before
    };
    s > 0 && name_word(s - 1) && !t.toks[s].newline_before || name_word(j)
}

/// Whether the word at `s`, which begins a holiday's name, was part of a
/// longer name earlier in the text, in one of its last [`NAME_RECALL_USES`]
/// uses.
fn named_so_in_text(t: &Tokens<'_>, s: usize) -> bool {
    (0..s).rev().filter(|&k| t.lw(k) == t.lw(s)).take(NAME_RECALL_USES).any(|k| phrase(t, k).is_some_and(|(j, _)| in_name_at(t, k, j)))
}

/// First words of holidays' names that, in lower case, name a day of any
/// place or kind: "the election day" in Azerbaijan, "may day" the verb.
const GENERIC_DAY_NAMES: &[&str] = &["election", "may"];

/// First words of holidays' names that, in lower case, name a day of any
/// nation ("Kenya celebrated its independence day", "Israel's memorial
/// day", "a national memorial day"), unless a preposition puts the day
/// itself before them: "bbq on memorial day", "closed for independence day".
const NATIONAL_DAY_NAMES: &[&str] = &["independence", "memorial"];

/// A named holiday, with an optional direction or year: "Thanksgiving",
/// "last Christmas", "Easter 1998", "New Year's Day".
pub fn holiday(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let (s, dir) = direction(t, i).unwrap_or((i, Dir::Infer));
    let (mut j, crate::lexicon::Named::Holiday(rule)) = phrase(t, s)? else { return None };
    // (in lower case too when a possessive inside the name marks it as one:
    // "new year's eve", "valentine's day", but not "a new year's resolution")
    let possessive = (s + 1..j.saturating_sub(2)).any(|k| any(t, k, &["'", "’"]) && is(t, k + 1, "s"));
    // (and so does a name of two words or more that ends in its day, eve,
    // night or weekday: "labor day", "mothers day", "guy fawkes night"; one word alone,
    // "easter" aside, is a word first: "independence", "memorial")
    // (or a direction word, or the weekend after it: "this memorial day",
    // "memorial day weekend")
    let national = any(t, s, NATIONAL_DAY_NAMES)
        && !(s == 0
            || any(t, s - 1, &["on", "for", "by", "until", "till", "after", "before", "since", "over", "this", "next", "last"])
            || is(t, j, "weekend"));
    // ("good friday", "black friday", "palm sunday": or in its weekday)
    let ends_in_day = |k: usize| any(t, k, &["day", "eve", "night"]) || t.entries(k).iter().any(|e| matches!(e, Entry::Weekday(_)));
    let day_named = j >= s + 2 && ends_in_day(j - 1) && !any(t, s, GENERIC_DAY_NAMES) && !national;
    if !named(t, s) && !possessive && !day_named {
        return None;
    }
    // (in lower case, after "of" or an article it is the common noun: "a
    // service of thanksgiving", "a thanksgiving", "a memorial day")
    if !cap(t, s) && !possessive && s > 0 && any(t, s - 1, &["of", "a", "an"]) {
        return None;
    }
    // "Christmas trees", "Christmas carols", "Easter eggs", "Merry Christmas":
    // things and greetings named after the holiday, not its date
    if any(t, j, HOLIDAY_THINGS) || s > 0 && any(t, s - 1, &["merry", "happy"]) && dir == Dir::Infer {
        return None;
    }
    // a name that holds the holiday's ("Tariq Ramadan", "the Prague Spring
    // Festival", "Ramzan Kadyrov"), here or earlier in the text: one who
    // was "Taha Yassin Ramadan" is "Saddam and Ramadan" later on
    if s == i && t.lexicon.word(t.lw(s)).is_some_and(|w| w.in_names) && (in_name_at(t, s, j) || named_so_in_text(t, s)) {
        return None;
    }
    let mut written = None;
    if let Some((k, y)) = year(t, j) {
        written = Some(y);
        j = k;
    } else if any(t, j, &["in", "of"]) {
        // "Diwali in 2030", "Christmas of 1998": the year that follows is the
        // holiday's, though it is a timex of its own
        written = year(t, j + 1).map(|(_, y)| y);
    }
    let day = Expr::Holiday { rule, year: written, dir };
    // "Easter week", "the Labor Day weekend", "Thanksgiving weekend"
    if written.is_none() && any(t, j, &["week", "weekend"]) && !any(t, j + 1, &["-", "of"]) {
        return Some((j + 1, Expr::WeekOf { day: Box::new(day), weekend: is(t, j, "weekend") }));
    }
    Some((j, day))
}

#[cfg(test)]
mod tests {
    // The example table for this family lives in tests/dates.toml and is run by
    // the harness in crate::lang::en::tests.
}
