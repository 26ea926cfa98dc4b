//! English: word lists, grammar rules, tense cues and linking of adjacent
//! expressions.
//!
//! The rules are grouped by family, one module each, with an example table
//! per family under `tests/` (phrase, DCT, expected value, and negative
//! examples that must not be tagged).

mod clocks;
mod companions;
mod cues;
mod dates;
mod durations;
mod events;
mod links;
mod recurring;
mod relative;
mod scope;
mod sets;
mod tense;
mod times;
mod weekly;
mod words;

#[cfg(test)]
mod tests;

use crate::expr::{Dir, Expr, Mod, Part, Unit};
use crate::grammar::Rule;
use crate::lex::{TokKind, Tokens};
use crate::lexicon::class::*;
use words::*;

pub use clocks::clock_change;
pub use events::{
    accompanies, beside_end, both_of_days, counts_from_event, counts_on, day_preposition, day_told, days_counted, definite_clock, each_day_told,
    event_words, holiday_period, joins_clause, leads_to_time, modified_noun, names_start, opens_noun_phrase, picks_first, picks_start, place_follows,
    same_days, starts_run, tells_way_back,
};
pub use events::{dated_nouns, dates_noun_after, end_noun, first_day_of, names_dated_noun, names_nights, same_event_kind, same_event_word};
pub use words::zone_goes_on;

/// Whether the sentence opening at `k` speaks of several things told just
/// before (see `Language::refers_back`): "Both tours", "All three shows",
/// "These sessions".
pub fn refers_back(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, &["both", "these", "those"]) || is(t, k, "all") && !is(t, k + 1, "of")
}

/// Nouns that name the timetable of the schedules an article tells (not
/// "service" or "hours", which as often name something else: "The service at
/// the cathedral lasts until noon").
const TIMETABLES: &[&str] = &["timetable", "timetables", "schedule", "schedules", "pattern", "calendar"];

/// Nouns that name the timetable only with no modifier but a season's or
/// one of [`RUN_MODIFIERS`] ("The autumn programme", "The regular season",
/// "The reduced hours"; not "The hurricane season", "The renovation
/// program", "The hours").
const RUNS: &[&str] = &["programme", "programmes", "program", "programs", "season", "hours"];

/// Modifiers of [`RUNS`] that keep them the timetable's.
const RUN_MODIFIERS: &[&str] =
    &["spring", "summer", "autumn", "fall", "winter", "regular", "current", "new", "festival", "reduced", "extended", "shorter", "longer", "trading"];

/// Words after the subject's noun of a sentence that goes on about it: its
/// verb of lasting, or the auxiliary before that verb.
const SUBJECT_VERBS: &[&str] = &[
    "will",
    "would",
    "are",
    "is",
    "run",
    "runs",
    "continue",
    "continues",
    "last",
    "lasts",
    "stay",
    "stays",
    "remain",
    "remains",
    "end",
    "ends",
    "close",
    "closes",
    "wrap",
    "wraps",
    "finish",
    "finishes",
    "conclude",
    "concludes",
];

/// Whether the sentence opening at `k` is about the timetable just told
/// (see `Language::names_timetable`): "The summer timetable", "The new
/// schedule", "This timetable": a determiner and the noun, with at most
/// [`crate::tuning::TIMETABLE_WORDS`] words before the noun; or the noun of
/// the sentence `before` again, as the subject of a verb of lasting ("...
/// will give short talks twice a day, at 9 a.m. and 5 p.m. The talks will
/// continue through the end of October").
pub fn names_timetable(t: &Tokens<'_>, k: usize, before: std::ops::Range<usize>) -> bool {
    let words = || (k + 1..k + 2 + crate::tuning::TIMETABLE_WORDS).take_while(|&j| word(t, j) && !cap(t, j));
    let again = |j: usize| any(t, j + 1, SUBJECT_VERBS) && before.clone().any(|b| word(t, b) && t.lw(b) == t.lw(j));
    // ("hours" only with a modifier: "The reduced hours"; each the head of
    // the subject, its verb right after: not "The hours of the mall", "The
    // extended hours at the gym", "The trading hours law")
    let run = |j: usize| {
        any(t, j, RUNS) && (k + 1..j).all(|w| any(t, w, RUN_MODIFIERS)) && !(is(t, j, "hours") && j == k + 1) && any(t, j + 1, SUBJECT_VERBS)
    };
    any(t, k, &["the", "this", "that", "these", "those", "its"]) && words().any(|j| any(t, j, TIMETABLES) || run(j) || again(j))
}

/// Whether the sentence opening at `k` has for its subject a noun of the
/// words `before` again, with its verb right after it (see
/// `Language::repeats_subject`): "... its Thursday concerts ... The concerts
/// begin at 7:30 p.m."; not "The concerts of the choir", "The gate at".
/// A pronoun names it again too, with a verb of the present or future:
/// "... will begin regular service on Thursday, March 5, running daily
/// except Fridays. It will leave CSMT at 05.25 hrs" (not "It was ...").
pub fn repeats_subject(t: &Tokens<'_>, k: usize, before: std::ops::Range<usize>) -> bool {
    const NOT_VERBS: &[&str] = &["of", "in", "at", "on", "for", "from", "to", "and", "or", "with", "by", "near"];
    let again = |j: usize| t.lw(j).len() > 3 && before.clone().any(|b| word(t, b) && t.lw(b) == t.lw(j));
    let verb = |j: usize| word(t, j) && !cap(t, j) && !any(t, j, NOT_VERBS);
    let pronoun = any(t, k, &["it", "they"]) && verb(k + 1) && !any(t, k + 1, &["was", "were", "had", "did"]) && !t.lw(k + 1).ends_with("ed");
    pronoun
        || any(t, k, &["the", "this", "that", "these", "those", "its", "their"])
            && (k + 1..k + 2 + crate::tuning::TIMETABLE_WORDS).take_while(|&j| word(t, j) && !cap(t, j)).any(|j| again(j) && verb(j + 1))
}

/// Whether a capitalised run ending at `k` is a label (see `Language::label_end`).
pub fn label_end(t: &Tokens<'_>, k: usize) -> bool {
    is(t, k, ":")
}

/// Whether a span of weekdays is told of one week (see `Language::one_week`):
/// the words after its last weekday, at `end`.
pub fn one_week(t: &Tokens<'_>, end: usize) -> bool {
    is(t, end, ",") && is(t, end + 1, "the") && any(t, end + 2, &["last", "final"]) && any(t, end + 3, &["day", "night"])
}

/// The weekday written at token `k` (see `Language::written_weekday`).
pub fn written_weekday(t: &Tokens<'_>, k: usize) -> Option<u8> {
    words::weekday(t, k).map(|(_, dow)| dow)
}

pub use companions::told_with;
pub use cues::{
    abbreviation, arrival_follows, audience, bounds, clause, closes, companion, continues, continues_subject, dateline, dates_report, destination,
    determined_name, follows_day, follows_each, follows_on, joins_list, landform_name, names_event_day, names_night, names_occurrence, onset,
    open_until, origin, place_clause, place_context, region_abbreviation, reopens, respectively, restates, schedule_cue, title_word, when_clause,
};
pub use cues::{counted_occurrences, same_subject, shift_then_clock, shift_word, subject_verb};

/// The English lexicon data files, compiled into the binary: `lexicon.txt`
/// and the misspellings of weekday and month names that `tools/typos.py`
/// writes to `typos.txt`.
pub const LEXICON: &str = concat!(include_str!("lexicon.txt"), include_str!("typos.txt"));

/// The rules that recognise an expression without a modifier in front, each
/// with the token classes it can begin on (see [`crate::lexicon::class`]).
const BASE: &[(u32, Rule)] = &[
    (WEEKDAY | DIR | DET, dates::weekday_date),
    (NUM, dates::numeric_date),
    (MONTH, dates::month_first),
    (NUM | ORDINAL | NUMBER, dates::day_first),
    (DET | DIR | MONTH, dates::bare_month),
    (DET, dates::from_last),
    (MONTH, dates::in_relative_year),
    (NUM | NUMBER | DET | MISC, dates::bare_year),
    (NUM | MISC, dates::era_year),
    (DET, dates::day_of_period),
    (DET | ORDINAL | DIR, dates::nth_weekday),
    (DET | NUM, dates::day_of_month_alone),
    (DIR, dates::directed_month_day),
    (DET | ORDINAL | NUMBER | NUM | MISC, dates::decade),
    // before the single weekday, which it beats on a tie ("Monday and Tuesday nights")
    (WEEKDAY | WEEKDAYS, sets::plural_weekday),
    (DET | DIR | WEEKDAY, dates::weekday_rule),
    (DET | DIR, dates::weekend),
    (DET | DIR | MISC | NUM | ORDINAL | NUMBER, dates::quarter),
    (MISC | NUM, dates::quarter_code),
    (DET, dates::month_quarter),
    (DET | DIR | SEASON, dates::season),
    (DET | DIR | PHRASE, dates::holiday),
    (DET | POS, relative::anaphor),
    (DET, relative::adjacent_period),
    (DET | UNIT, relative::around),
    (DET, relative::weekday_around),
    (UNIT, relative::year_end),
    (DET | DIR, relative::period_a_year_back),
    (DEICTIC | DET, relative::deictic_day),
    (DET | DIR | UNIT, relative::relative_period),
    (DET | UNIT | NUM | NUMBER | AMOUNT, relative::shift),
    (DEICTIC | APPROX | DET | DIR, relative::reference),
    (NUMBER, relative::one_day),
    (DET | POS | ORDINAL | DIR | NUM, relative::ordinal_day),
    (UNIT, relative::event_period),
    (DET | NUM | NUMBER | AMOUNT, relative::in_time),
    (DET | DIR | ORDINAL | NUM | NUMBER | AMOUNT, durations::duration),
    (UNIT, durations::bare_plural),
    (NUM, durations::compact),
    (DET | AMOUNT, durations::stretch),
    (DET, durations::the_year),
    (DET, durations::the_week),
    (UNIT, durations::unit_long),
    (NUM | NUMBER, durations::unit_adjective),
    (NUM | CLOCK | NUMBER | DET | AMOUNT | UNIT, times::time),
    (DET | POS | DIR | WEEKDAY | DEICTIC | MONTH, times::part_of_day),
    (SET, sets::adverb),
    (DET, sets::on_the_hour),
    (SET, sets::quantified),
    (SET | NUM | NUMBER, sets::frequency),
];

/// For each class bit, the base rules that may begin on it, as bits of
/// their places in [`BASE`]: a token tries only the rules of its classes
/// without testing every rule's classes.
const RULES_BY_CLASS: [u64; 32] = {
    assert!(BASE.len() <= 64);
    let mut table = [0u64; 32];
    let mut k = 0;
    while k < BASE.len() {
        let mut bit = 0;
        while bit < 32 {
            if BASE[k].0 & (1 << bit) != 0 {
                table[bit] |= 1 << k;
            }
            bit += 1;
        }
        k += 1;
    }
    table
};

/// The classes `modified` can begin on.
const MODIFIER_START: u32 = POS | DET | APPROX;

/// All English rules, in priority order for equal-length matches.
pub const RULES: &[Rule] = &[modified, base];

/// The longest match of any base rule at `i`.
fn base(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    let class = t.toks.get(i)?.class;
    if !may_begin(t, i, class) {
        return None;
    }
    let mut best: Option<(usize, Expr)> = None;
    // the rules that may begin on one of the token's classes, in their order
    let mut rules = 0u64;
    let mut bits = class;
    while bits != 0 {
        rules |= RULES_BY_CLASS[bits.trailing_zeros() as usize];
        bits &= bits - 1;
    }
    while rules != 0 {
        let rule = BASE[rules.trailing_zeros() as usize].1;
        rules &= rules - 1;
        if let Some((end, e)) = rule(t, i) {
            if best.as_ref().is_none_or(|b| end > b.0) {
                best = Some((end, e));
            }
        }
    }
    // "since September", "since the May curbs", "since Labor Day": a month,
    // day or holiday without a year after "since" lies behind
    if let Some((_, Expr::Date { year: None, dir: dir @ Dir::Infer, .. } | Expr::Holiday { year: None, dir: dir @ Dir::Infer, .. })) = &mut best {
        if i > 0 && (is(t, i - 1, "since") || (i > 1 && is(t, i - 1, "the") && is(t, i - 2, "since"))) {
            *dir = Dir::Past;
        }
    }
    best
}

/// Whether a base rule may match at token `i` (of class `class`), judged by
/// the token after it where the token itself cannot tell: a determiner
/// ("the", "a", "this": a fifth of all words that can begin an expression)
/// begins one only before a word of the lexicon, a number or one of
/// the words of [`after_determiner`], and an apostrophe only before digits ("'98",
/// "the '90s", not "'s"). A word whose only classes are another determiner
/// or the first word of a name ("that the", "the new", "the South", "a
/// Christmas") does not count: no rule reads a determiner before those,
/// save a holiday after "this" ("this Christmas"), which reads "this" as a
/// direction. (They are a third of what determiners are followed by in
/// news, with not one match.) A number of one to three digits, or a number
/// word, begins one only before a word the rules read after it: not before
/// a lower-case word of four letters or more that the lexicon does not know
/// ("5 percent", "3 million", "200 people", "two countries": half the
/// numbers of news), save the words the lexicon lists as read after a
/// number (`afternumber`). Every rule that can begin on them has been read
/// for what it needs next; `class_tests` checks on the example tables and
/// real news that no rule matches where this says none can.
fn may_begin(t: &Tokens<'_>, i: usize, class: u32) -> bool {
    if class == NUM && t.lw_bytes(i).len() <= 3 || class == NUMBER {
        let unknown = t.toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Word && !n.cap && n.class == 0 && n.end - n.start >= 4);
        return !unknown || t.lexicon.word(t.lw(i + 1)).is_some_and(|w| w.after_number);
    }
    if class & DET != 0 && class & !(DET | AMOUNT) == 0 {
        let next = t.toks.get(i + 1).map_or(0, |next| next.class);
        let read = next & !(DET | PHRASE) != 0 || next & PHRASE != 0 && is(t, i, "this");
        return read || after_determiner(t.lw(i + 1));
    }
    if class == MISC && matches!(t.lw(i), "'" | "’") {
        return digits(t, i + 1);
    }
    true
}

/// Whether `w` is one of the words outside the lexicon's classes that the
/// base rules read right after a determiner: "the same year", "the final
/// quarter", "the latter half", "the weekend", "the corresponding period",
/// "the latest quarter", "the most recent quarter", "the period a year ago",
/// "a couple of days", "the initial", "remaining", "full", "entire" or
/// "whole" year, "an additional", "extra" or "further" week, "two trading
/// days", "a while", "the near", "distant", "foreseeable" or "immediate"
/// future, "the not too distant future", "the moment", "the short term",
/// "the long term", and what a count after "a" may go on with ("a-", "a
/// to", "a or").
fn after_determiner(w: &str) -> bool {
    matches!(
        w,
        "same"
            | "final"
            | "latter"
            | "weekend"
            | "corresponding"
            | "comparable"
            | "latest"
            | "most"
            | "period"
            | "couple"
            | "initial"
            | "remaining"
            | "full"
            | "entire"
            | "whole"
            | "additional"
            | "extra"
            | "further"
            | "trading"
            | "business"
            | "working"
            | "straight"
            | "consecutive"
            | "while"
            | "near"
            | "distant"
            | "foreseeable"
            | "immediate"
            | "not"
            | "moment"
            | "short"
            | "long"
            | "-"
            | "to"
            | "or"
    )
}

fn wrap(m: Option<Mod>, end: usize, inner: Expr) -> Option<(usize, Expr)> {
    Some((
        end,
        match m {
            Some(m) => Expr::Mod { m, inner: Box::new(inner) },
            None => inner,
        },
    ))
}

/// Modifiers in front of an expression: "early next year", "mid-1990s",
/// "the end of the month", "late Tuesday", "about three weeks", "more than
/// two years ago", "earlier this year".
pub fn modified(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    // "about" and "almost" qualify the expression after them but stay outside
    // its extent, as TE3 news annotation has it ("about [five hours]")
    // (both are approximation openers: the class settles most tokens before the words)
    if i > 0 && t.toks[i - 1].class & APPROX != 0 && any(t, i - 1, &["about", "almost"]) {
        let m = if is(t, i - 1, "about") { Mod::Approx } else { Mod::LessThan };
        let (end, inner) = base(t, i)?;
        return match inner {
            Expr::Duration { .. } | Expr::Reach { .. } | Expr::Shift { .. } | Expr::Time { .. } => wrap(Some(m), end, inner),
            _ => None,
        };
    }
    if t.toks.get(i)?.class & MODIFIER_START == 0 {
        return None;
    }
    // (every reading below begins on one of these words: most determiners,
    // "a", "that", "this", "his", begin none, and are settled by one
    // comparison of keys per word)
    if !MODIFIER_KEYS.contains(&t.key(i)) && !any(t, i, &["approximately", "beginning"]) {
        return None;
    }
    // ("the", a word in six, begins a reading below only before one of these)
    if is(t, i, "the")
        && !any(t, i + 1, &["early", "mid", "late", "end", "beginning", "start", "middle", "earlier", "first", "later", "latter", "last"])
    {
        return None;
    }
    let w = t.lw(i);
    // ... but a point reached by counting back takes them in: "[almost four
    // years ago]", "[about two years ago]"
    if matches!(w, "about" | "almost") {
        let m = if w == "about" { Mod::Approx } else { Mod::LessThan };
        return match base(t, i + 1)? {
            (end, inner @ Expr::Shift { event: false, .. }) => wrap(Some(m), end, inner),
            _ => None,
        };
    }
    // "the late 1970s", "the mid-1990s": the determiner belongs to the expression
    if w == "the" && any(t, i + 1, &["early", "mid", "late"]) && !is(t, i + 2, "part") {
        let (end, inner) = modified(t, i + 1)?;
        return matches!(&inner, Expr::Mod { inner, .. } if matches!(**inner, Expr::Decade { .. } | Expr::Part { part: Part::Season(_), .. }))
            .then_some((end, inner));
    }
    // positional modifiers: early / mid / late
    let pos = match w {
        "early" => Some(Mod::Start),
        "mid" => Some(Mod::Mid),
        "late" => Some(Mod::End),
        _ => None,
    };
    if let Some(m) = pos {
        let mut s = i + 1;
        if (is(t, s, "-") && adj(t, s)) || (is(t, s, "in") && is(t, s + 1, "the")) {
            s += 1;
        }
        let (end, inner) = base(t, s)?;
        let dated = matches!(inner, Expr::Date { .. } | Expr::InYear { .. } | Expr::Decade { .. } | Expr::Relative { .. } | Expr::Part { .. });
        if !dated && !inner.is_weekday() && !matches!(inner, Expr::PartOfDay { .. } | Expr::Time { .. } | Expr::Weekend { .. }) {
            return None;
        }
        // "late Friday" is fine; "early one morning" is not ours
        return wrap(Some(m), end, inner);
    }
    // the end of the current day, week, month or year in business shorthand:
    // "by EOD", "EOM", "before EOY"
    // (written all in capitals or all in lower case: "Eom" is a name)
    let one_case = || t.raw(i).bytes().all(|b| b.is_ascii_uppercase()) || t.raw(i).bytes().all(|b| b.is_ascii_lowercase());
    if let Some(unit) = END_OF_SHORTHAND.iter().find(|(word, _)| *word == w).map(|&(_, u)| u).filter(|_| one_case()) {
        // ("EOD friday", "eod tomorrow": the end of the day named after it)
        if let Some((end, day)) =
            base(t, i + 1).filter(|(_, d)| unit == Unit::Day && (d.names_day() || matches!(d, Expr::Relative { unit: Unit::Day, .. })))
        {
            return wrap(Some(Mod::End), end, day);
        }
        return wrap(Some(Mod::End), i + 1, Expr::Relative { unit, offset: 0 });
    }
    // ("later [today]" keeps the word outside, as TE3 news annotation has it)
    if matches!(w, "earlier" | "later") && any(t, i + 1, &["this", "last", "next", "that"]) {
        let (end, inner) = base(t, i + 1)?;
        return matches!(inner, Expr::Relative { .. } | Expr::Part { .. } | Expr::Date { .. } | Expr::PartOfDay { .. }).then_some((end, inner));
    }
    // "earlier in the year"; "later in the day" is left alone, as TE3 news annotation does
    if matches!(w, "earlier" | "later") && is(t, i + 1, "in") && is(t, i + 2, "the") && any(t, i + 3, &["year", "month", "week", "decade"]) {
        let unit = words::unit(t, i + 3)?.1;
        return Some((i + 4, Expr::Relative { unit, offset: 0 }));
    }
    // "the end of ...", "the beginning of ...", "the middle of ...", and
    // with "part": "the early part of next year", "the latter part of 2013"
    if matches!(w, "the" | "end" | "beginning" | "start" | "middle") {
        let s = if w == "the" { i + 1 } else { i };
        let (m, of) = match (t.lw(s), t.lw(s + 1)) {
            ("end", _) => (Mod::End, s + 1),
            ("beginning" | "start", _) => (Mod::Start, s + 1),
            ("middle", _) => (Mod::Mid, s + 1),
            ("early" | "earlier" | "first", "part") => (Mod::Start, s + 2),
            ("late" | "later" | "latter" | "last", "part") => (Mod::End, s + 2),
            _ => return None,
        };
        if !is(t, of, "of") {
            return None;
        }
        // (and in business English without "the": "end of day", "start of year")
        let bare_unit = || {
            Some(words::unit(t, of + 1)?)
                .filter(|&(_, u, plural)| !plural && BARE_UNITS.contains(&u))
                .map(|(j, unit, _)| (j, Expr::Relative { unit, offset: 0 }))
        };
        let (mut end, mut inner) = base(t, of + 1).or_else(|| the_unit(t, of + 1)).or_else(|| if w == "the" { None } else { bare_unit() })?;
        // "end of day Friday", "the end of the day tomorrow": that day's
        if matches!(inner, Expr::Relative { unit: Unit::Day, offset: 0 }) {
            if let Some((e, day)) =
                base(t, end).filter(|(_, d)| d.is_weekday() || matches!(d, Expr::Date { day: Some(_), .. } | Expr::Relative { unit: Unit::Day, .. }))
            {
                (end, inner) = (e, day);
            }
        }
        if matches!(inner, Expr::Duration { .. } | Expr::Reach { .. } | Expr::Set { .. } | Expr::Ref(_)) {
            return None;
        }
        return wrap(Some(m), end, inner);
    }
    // approximations and bounds
    let (s, m) = match w {
        "around" | "approximately" | "roughly" | "some" | "nearly" => (i + 1, Mod::Approx),
        "more" | "less" | "fewer" if is(t, i + 1, "than") => (i + 2, if w == "more" { Mod::MoreThan } else { Mod::LessThan }),
        "at" if is(t, i + 1, "least") => (i + 2, Mod::EqualOrMore),
        "up" if is(t, i + 1, "to") => (i + 2, Mod::EqualOrLess),
        "no" if any(t, i + 1, &["more", "less"]) && is(t, i + 2, "than") => {
            (i + 3, if is(t, i + 1, "more") { Mod::EqualOrLess } else { Mod::EqualOrMore })
        }
        // "for over an hour", "to last over a week", "jailed for under a
        // year": an amount of time bounded; a "just" before stays outside, as
        // TE3 annotates it. After other words "over" is "during" ("spread
        // over three years", "over a five-year period")
        "over" | "under" if i > 0 && any(t, i - 1, BOUNDED_AFTER) && amount_follows(t, i + 1) => {
            (i + 1, if w == "over" { Mod::MoreThan } else { Mod::LessThan })
        }
        _ => return None,
    };
    let m = if w == "nearly" { Mod::LessThan } else { m };
    let (end, inner) = base(t, s)?;
    match inner {
        Expr::Duration { .. } | Expr::Reach { .. } | Expr::Shift { .. } | Expr::Time { .. } => wrap(Some(m), end, inner),
        Expr::Date { year: Some(_), month: None, .. } if m == Mod::Approx && w == "around" => wrap(Some(m), end, inner),
        _ => None,
    }
}

/// The [`crate::lex::short_key`]s of the words `modified` reads at its
/// token (save "approximately" and "beginning", longer than a key holds whole).
const MODIFIER_KEYS: [u64; 27] = {
    const WORDS: [&str; 27] = [
        "about", "almost", "the", "early", "mid", "late", "earlier", "later", "end", "around", "roughly", "some", "nearly", "more", "less", "fewer",
        "at", "up", "no", "over", "under", "start", "middle", "eod", "eom", "eow", "eoy",
    ];
    let mut keys = [0; 27];
    let mut n = 0;
    while n < WORDS.len() {
        keys[n] = match crate::lex::short_key(WORDS[n].as_bytes()) {
            Some(key) => key,
            None => panic!("a modifier of more than seven letters"),
        };
        n += 1;
    }
    keys
};

/// Business shorthand for the end of the current unit of the calendar.
const END_OF_SHORTHAND: &[(&str, Unit)] = &[("eod", Unit::Day), ("eow", Unit::Week), ("eom", Unit::Month), ("eoy", Unit::Year)];

/// Units that "end of" and "start of" take without "the": "end of day",
/// "start of year", "end of quarter" (the current one).
const BARE_UNITS: &[Unit] = &[Unit::Day, Unit::Week, Unit::Month, Unit::Quarter, Unit::Year];

/// Words after which "over" and "under" bound an amount of time rather than
/// span it.
const BOUNDED_AFTER: &[&str] = &[
    "for", "just", "in", "after", "within", "last", "lasts", "lasted", "lasting", "took", "take", "takes", "spent", "of", "only", "already", "than",
];

/// Whether an amount starts at `i`: "a", "an", digits or a number word.
fn amount_follows(t: &Tokens<'_>, i: usize) -> bool {
    any(t, i, &["a", "an"]) || count(t, i)
}

/// "the month", "the year", "the week" after "the end of": the current one.
fn the_unit(t: &Tokens<'_>, i: usize) -> Option<(usize, Expr)> {
    if !is(t, i, "the") {
        return None;
    }
    let (j, unit, false) = words::unit(t, i + 1)? else { return None };
    Some((j, Expr::Relative { unit, offset: 0 }))
}

pub use links::link;
pub use tense::{passive, past_form, past_verb, perfect_before, tells_past, tense};

/// Whether the expression at `[start, end)` frames its sentence: it opens
/// the sentence after "In" and a comma closes it ("In 1976, ..."), or it
/// opens the sentence itself before a comma ("Last year, heavy rain delayed
/// ..."). Not as the owner of a subject ("Last year's champion won again on
/// Sunday" is this year's), and a year in the middle of a sentence ("who
/// has been in Congress since 1991, announced in July", "until he died in
/// 1994, would have been 85 on April 15") frames nothing.
///
/// The comma may be left out before the subject of the main clause ("Last
/// year a thunderstorm halted the second night"), and a year in the middle
/// of a sentence frames the "when" clause it heads ("since its first
/// edition in 2019, when the opening concert started at 5:45 p.m. on
/// Thursday, Oct. 17").
pub fn frames(t: &Tokens<'_>, start: usize, end: usize) -> bool {
    // (or "on" and the day it dates: "peaked last year on the night of Aug. 14")
    let closed = is(t, end, ",") || any(t, end, tense::CLAUSE_SUBJECTS) || word(t, end) && cap(t, end) && t.toks[end].class == 0;
    // (a day right after "on": not "fell 5% in 2024 on weak demand")
    let day_after = (end + 1..(end + 5).min(t.len())).any(|k| t.toks[k].class & (MONTH | WEEKDAY) != 0);
    let dated = start > 0 && is(t, end, "on") && day_after;
    start > 0 && is(t, start - 1, "in") && opens_sentence(t, start - 1) && closed
        || opens_text(t, start) && closed
        || start > 0 && is(t, start - 1, "in") && is(t, end, ",") && is(t, end + 1, "when")
        || dated
}

/// Where the external corpora are: the tests' one module that knows.
#[cfg(test)]
#[path = "../../../../dateline-cli/tests/support/mod.rs"]
mod support;

#[cfg(test)]
mod class_tests {
    use super::*;
    use crate::lex::tokenize;
    use crate::lexicon::Lexicon;

    /// Every rule may only match where the token has one of the classes it
    /// declares, and where `may_begin` lets it: otherwise the filters in
    /// `base` would silently drop it.
    fn check(lexicon: &Lexicon, text: &str) {
        let t = tokenize(text, lexicon);
        for i in 0..t.len() {
            let class = t.toks[i].class;
            let may = may_begin(&t, i, class);
            for (k, (first, rule)) in BASE.iter().enumerate() {
                if class & first == 0 || !may {
                    if let Some((end, _)) = rule(&t, i) {
                        panic!(
                            "rule #{k} matches {:?} at token {:?} (class {class:#x}) {}",
                            &t.text[t.toks[i].start..t.toks[end - 1].end],
                            t.raw(i),
                            if may { "without declaring its class" } else { "where may_begin says no rule can" }
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn rules_start_only_on_their_declared_classes() {
        let lexicon = Lexicon::parse(LEXICON).expect("lexicon");
        for table in [
            include_str!("tests/dates.toml"),
            include_str!("tests/relative.toml"),
            include_str!("tests/durations.toml"),
            include_str!("tests/times.toml"),
            include_str!("tests/sets.toml"),
            include_str!("tests/zones.toml"),
            include_str!("tests/links.toml"),
            include_str!("tests/recurrences.toml"),
        ] {
            for line in table.lines().filter(|l| l.starts_with("phrase = ")) {
                check(&lexicon, line.trim_start_matches("phrase = ").trim_matches('"'));
            }
        }
        // and real news, when the development corpus is there
        let Some(shared) = support::shared("rules_start_only_on_their_declared_classes on TBAQ", &["corpora/te3-tbaq/AQUAINT"]) else { return };
        for e in std::fs::read_dir(shared.join("corpora/te3-tbaq/AQUAINT")).into_iter().flatten().flatten() {
            let raw = std::fs::read_to_string(e.path()).unwrap_or_default();
            check(&lexicon, &raw);
        }
    }
}
