//! A weekday told as an attribute of what recurs each week: "host a
//! Sunday-evening milonga each week from 8 p.m.", "a Friday jazz session
//! every week at 9 p.m.". The weekday is no one date but the day of each week's
//! occurrence: it joins the recurrence, whose rule then recurs on it.

use super::links::set_of;
use super::words::*;
use crate::expr::{Amount, Expr, Unit};
use crate::grammar::{Found, Link, LinkKind};
use crate::lex::Tokens;
use crate::tuning::ATTRIBUTE_WORDS;

/// Words that end a noun phrase: a preposition opens another ("A Monday
/// vote set lessons for every week").
const PREPOSITIONS: &[&str] = &["for", "of", "to", "at", "on", "in", "with", "by", "from"];

/// Whether `e` recurs each week with no day of its own: "each week",
/// "every week", "weekly".
fn each_week(e: &Expr) -> bool {
    matches!(e, Expr::Set { each, freq: None, .. } if matches!(**each, Expr::Duration { amount: Amount::N(1), unit: Unit::Week }))
}

/// Whether the weekday found at `w` modifies a noun: after a determiner, with
/// a lowercase word, or a hyphen and one, right after it ("a Sunday
/// milonga", "a Sunday-evening milonga"; not the day of something told,
/// "On Tuesday the mayor promised", "A Tuesday memo ordered briefings").
fn attributive(t: &Tokens<'_>, w: &Found) -> bool {
    let e = w.end;
    w.start > 0
        && any(t, w.start - 1, &["a", "an", "the", "its", "their", "our", "his", "her"])
        && (word(t, e) && !cap(t, e) || is(t, e, "-") && word(t, e + 1))
        && !any(t, e, &["and", "or", "to", "through", "at", "from", "night", "nights"])
}

/// Joins an attributive weekday before a weekly recurrence with no day to
/// it, with only the noun's words between ("a Sunday milonga each week").
pub(super) fn weekday_of_weekly(t: &Tokens<'_>, out: &mut [Found], links: &mut [Link]) {
    for l in links.iter_mut() {
        if l.kind != LinkKind::Recurrence {
            continue;
        }
        let Some(&s) = l.members.iter().find(|&&m| each_week(&out[m].expr)) else { continue };
        if l.members.iter().any(|&m| matches!(&out[m].expr, Expr::Set { each, .. } if each.is_weekday())) {
            continue;
        }
        // (the noun's words, none a verb of the past: "A Tuesday memo ordered
        // briefings every week")
        let words = |a: usize, b: usize| {
            b >= a
                && b - a <= ATTRIBUTE_WORDS
                && (a..b).all(|k| (word(t, k) && !cap(t, k) || is(t, k, "-")) && !super::tense::past_form(t, k) && !any(t, k, PREPOSITIONS))
        };
        let before = s.checked_sub(1).filter(|&w| out[w].expr.is_weekday() && words(out[w].end, out[s].start));
        let Some(w) = before.filter(|&w| attributive(t, &out[w]) && !l.members.contains(&w)) else { continue };
        let day = std::mem::replace(&mut out[w].expr, Expr::Workdays);
        out[w].expr = set_of(day);
        l.members.push(w);
        l.members.sort_by_key(|&m| out[m].start);
    }
}
