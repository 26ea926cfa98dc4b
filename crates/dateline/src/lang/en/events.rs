//! Events named by a noun and dated once: "the grand final on Sunday, March
//! 31 ... the final starts at 11 a.m. ET". The document stage keeps the day
//! each such noun was dated with and gives it to a time whose clause names
//! the noun again.

use super::words::*;
use crate::expr::Amount;
use crate::lex::Tokens;
use crate::tuning::{EVENT_PHRASE_WORDS, EVENT_STEM_BYTES, EVENT_STEM_MIN, NAME_WORDS, SUBJECT_ASIDE_WORDS, SUBJECT_WORDS};

/// Words that open a noun phrase.
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those"];

/// Words of a noun phrase that name no event of their own: function words,
/// and the words of time themselves ("the day on Sunday").
const NOT_EVENTS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "day",
    "days",
    "time",
    "times",
    "week",
    "weekend",
    "night",
    "morning",
    "afternoon",
    "evening",
    "first",
    "last",
    "next",
    "same",
    "other",
    "new",
    "own",
];

/// How many words a noun phrase's head may stand after its determiner
/// ("the grand final", "its annual general meeting").
const PHRASE_WORDS: usize = 3;

/// Whether the word at `k` may be the noun of an event: a lower-case word
/// that is no function word nor a word of time.
/// (Not a verb the lexicon or the tense cues know: "the final falls on the
/// first day" dates no "falls".)
fn event_word(t: &Tokens<'_>, k: usize) -> bool {
    word(t, k)
        && !cap(t, k)
        && t.lw(k).len() > 2
        && !any(t, k, NOT_EVENTS)
        && t.toks[k].cue == crate::lexicon::Cue::None
        && !any(t, k, super::tense::SCHEDULE_VERBS_S)
        && !super::tense::past_form(t, k)
}

/// Verbs whose noun of the same form names the happening ("will premiere
/// on Friday" ... "on premiere night"; "will launch on" ... "on launch day").
const EVENT_VERBS: &[&str] = &["premiere", "launch", "open", "debut", "release"];

/// The nouns that the day at tokens `[start, end)` dates, pushed to `out`:
/// the words of a noun phrase right before it with "on" or "at" ("the grand
/// final on Sunday": grand, final), or after it as a possessive ("Sunday's
/// final round": final, round).
pub fn dated_nouns(t: &Tokens<'_>, start: usize, end: usize, out: &mut Vec<usize>) {
    // "the grand final on Sunday"
    if start >= 3 && any(t, start - 1, &["on", "at"]) {
        let head = start - 2;
        // (a year or number may modify it: "its 2027 timetable on Sunday")
        let det = (head.saturating_sub(PHRASE_WORDS)..head)
            .rev()
            .take_while(|&j| event_word(t, j) || any(t, j, DETERMINERS) || t.toks[j].kind == crate::lex::TokKind::Num)
            .find(|&j| any(t, j, DETERMINERS));
        if let Some(d) = det.filter(|_| event_word(t, head)) {
            out.extend((d + 1..=head).filter(|&j| event_word(t, j)));
        }
    }
    // "will premiere on Friday, March 13", "is set to launch on May 2": the
    // verb after a modal or "to" dates its noun ("on premiere night")
    if start >= 3 && is(t, start - 1, "on") && any(t, start - 3, &["will", "to"]) && any(t, start - 2, EVENT_VERBS) {
        out.push(start - 2);
    }
    // "The deadline for returns is June 30", "the vote is on Friday": the
    // subject of a copula the date completes
    // (a date written out, not one told by reference: "The final falls on the
    // first day of European summer time" is settled by other means)
    let copula = if start >= 2 && is(t, start - 1, "on") { start - 2 } else { start.saturating_sub(1) };
    if start >= 1
        && !any(t, start, DETERMINERS)
        && (any(t, copula, &["is", "falls"]) || copula >= 1 && is(t, copula, "be") && is(t, copula - 1, "will"))
    {
        let back = if is(t, copula, "be") { copula - 1 } else { copula };
        let lo = back.saturating_sub(SUBJECT_WORDS);
        let clause = (lo..back).rev().take_while(|&j| word(t, j)).last().unwrap_or(back);
        if let Some(d) = (clause..back).find(|&j| any(t, j, DETERMINERS) && event_word(t, j + 1)) {
            out.extend((d + 1..back).take_while(|&j| event_word(t, j)).last());
        }
    }
    // "The final, originally planned for a Sunday, has been moved to Saturday,
    // Aug. 16": the subject of a passive move the date completes, past an
    // aside set off by commas
    if start >= 4 && any(t, start - 1, &["to", "for"]) && any(t, start - 2, MOVED) && any(t, start - 3, &["been", "is", "was", "be", "are", "were"]) {
        let mut back = start - 3;
        while back > 0 && any(t, back - 1, &["has", "have", "had", "will", "been"]) {
            back -= 1;
        }
        // (an aside: "The final, originally planned for ..., has been moved")
        if back > 0 && is(t, back - 1, ",") {
            back = (back.saturating_sub(SUBJECT_ASIDE_WORDS + 1)..back - 1).rev().find(|&j| is(t, j, ",")).unwrap_or(back);
        }
        let lo = back.saturating_sub(SUBJECT_WORDS);
        let clause = (lo..back).rev().take_while(|&j| word(t, j)).last().unwrap_or(back);
        // (the subject's own noun, at the clause's start: not the noun after
        // "Ticket collection for the final")
        if any(t, clause, DETERMINERS) && event_word(t, clause + 1) {
            out.extend((clause + 1..back).take_while(|&j| event_word(t, j)).last());
        }
    }
    // "the Aug. 31 deadline", "ahead of June 30 tax deadline": a date that
    // modifies the noun after it (a day: "the Christmas market" is the
    // market's name, which dates no day of it; "the Christmas Day lunch"
    // does)
    let a_day = end > start && (digits(t, end - 1) || weekday(t, end - 1).is_some() || any(t, end - 1, &["day", "eve", "night"]));
    if start >= 1 && (any(t, start - 1, DETERMINERS) || is(t, start - 1, "of")) && event_word(t, end) && a_day {
        out.extend((end..(end + PHRASE_WORDS).min(t.len())).take_while(|&j| event_word(t, j)));
    }
    // "Sunday's final round"
    if any(t, end, &["'", "’"]) && is(t, end + 1, "s") {
        out.extend((end + 2..(end + 2 + PHRASE_WORDS).min(t.len())).take_while(|&j| event_word(t, j)));
    }
    // "The last of those nights, on Dec. 20, closes the tour": a day that
    // dates a verb of an ending dates the event it ends
    let verb = if is(t, end, ",") { end + 1 } else { end };
    if any(t, verb, ENDING_VERBS) && any(t, verb + 1, DETERMINERS) {
        out.extend((verb + 2..(verb + 2 + PHRASE_WORDS).min(t.len())).take_while(|&j| event_word(t, j)));
    }
}

/// Verbs of bringing an event to its end ("closes the tour", "ends the
/// festival").
pub(super) const ENDING_VERBS: &[&str] = &["closes", "ends", "concludes", "finishes", "close", "end", "conclude", "finish"];

/// Participles of a move of an event to another date ("has been moved to
/// Saturday", "was rescheduled for May 3").
const MOVED: &[&str] = &["moved", "rescheduled", "postponed", "pushed", "brought", "shifted", "switched", "changed"];

/// Whether the word at `k` is the noun of a noun phrase that may name an
/// event dated before: after a determiner, with only such words between
/// ("the final starts", "the final round will start").
pub fn names_dated_noun(t: &Tokens<'_>, k: usize) -> bool {
    // (a proper name may modify it too: "the Golden Meeple fan award", "the
    // Meeple Dispatch reader meetup")
    let modifier = |j: usize| event_word(t, j) || word(t, j) && cap(t, j) && t.toks[j].class == 0;
    event_word(t, k)
        && (k.saturating_sub(PHRASE_WORDS + NAME_WORDS)..k)
            .rev()
            .take_while(|&j| modifier(j) || any(t, j, DETERMINERS))
            .any(|j| any(t, j, DETERMINERS))
}

/// Verbs that, said of the noun a schedule runs until, put its end on the
/// day before ("until the exams begin").
const BEGIN_VERBS: &[&str] = &["begin", "begins", "start", "starts", "open", "opens"];

/// The noun of an event a schedule runs until, when token `k` is the word
/// of the bound ("until the deadline", "through the filing deadline",
/// "until the exams begin"), with whether its end is the day before it
/// (the noun is followed by a verb of beginning).
pub fn end_noun(t: &Tokens<'_>, k: usize) -> Option<(usize, bool)> {
    if !any(t, k, &["until", "till", "through"]) || !any(t, k + 1, DETERMINERS) {
        return None;
    }
    // (the head is the last word of the phrase: "the filing deadline")
    let head = (k + 2..(k + 2 + PHRASE_WORDS).min(t.len())).take_while(|&j| event_word(t, j) && !any(t, j, BEGIN_VERBS)).last()?;
    Some((head, any(t, head + 1, BEGIN_VERBS)))
}

/// Pushes the nouns of the event whose first day the day at `[start, end)`
/// names ("the first day of the new timetable": "timetable"), so that it
/// falls on the day that noun was dated with.
pub fn first_day_of(t: &Tokens<'_>, start: usize, end: usize, out: &mut Vec<usize>) {
    let first = (start..end).any(|k| any(t, k, &["first", "opening"])) && end > start && is(t, end - 1, "day");
    if first && is(t, end, "of") {
        // (the words of its noun phrase: "of the new timetable", "of its run")
        let phrase = (end + 1..(end + 2 + PHRASE_WORDS).min(t.len())).take_while(|&j| word(t, j) && !cap(t, j));
        out.extend(phrase.filter(|&j| event_word(t, j)));
    }
}

/// Whether the day at `[start, end)` is told apart among the days of a
/// stretch: between a determiner and the noun of a happening, as the word
/// that tells which one it is ("the Saturday evening show", "the Friday
/// final"), or after "the" alone ("matinees on the Saturday and Sunday"),
/// which names a day of a week already told, or as the owner of such a
/// noun ("Saturday's semifinals", "Sunday's second race").
pub fn dates_noun_after(t: &Tokens<'_>, start: usize, end: usize) -> bool {
    // (not a deadline or bound: "submit forms by the Friday deadline")
    let bound = start > 1 && any(t, start - 2, &["by", "until", "till", "before"]);
    let owner = any(t, end, &["'", "’"]) && is(t, end + 1, "s") && (event_word(t, end + 2) || word(t, end + 2) && event_word(t, end + 3));
    !bound && (owner || start > 0 && (any(t, start - 1, DETERMINERS) && end < t.len() && event_word(t, end) || is(t, start - 1, "the")))
}

/// Nouns after a holiday's name that make it a stretch of days ("the Lunar
/// New Year holiday", "the Christmas break").
const HOLIDAY_PERIODS: &[&str] = &["holiday", "holidays", "break", "period", "season", "festivities", "celebrations", "recess", "vacation"];

/// Whether the words from token `k` on make the holiday before them a
/// stretch of days, which names no one weekday.
pub fn holiday_period(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, HOLIDAY_PERIODS)
}

/// Words before a date that put it beside an end rather than at it.
const BESIDE: &[&str] = &["before", "after", "ahead"];

/// Whether the words right before token `k` place the date there beside an
/// end ("wraps up just before the Spring Festival", "ends ahead of March 3").
pub fn beside_end(t: &Tokens<'_>, k: usize) -> bool {
    (k.saturating_sub(3)..k).any(|j| any(t, j, BESIDE))
}

/// Whether the words from token `k` on name the day just told of without
/// being a date themselves ("at 4 a.m. that day", "at noon on the same day").
pub fn day_told(t: &Tokens<'_>, k: usize) -> bool {
    let k = if is(t, k, "on") { k + 1 } else { k };
    matches!((t.lw(k), t.lw(k + 1), t.lw(k + 2)), ("that", "day", _) | ("the" | "that", "same", "day"))
}

/// Whether the word at `k` joins a day to the time before it: "on" ("7:15
/// a.m. on Sunday").
pub fn day_preposition(t: &Tokens<'_>, k: usize) -> bool {
    is(t, k, "on")
}

/// Whether the word at `k` may stand between a place and the day and clock
/// time told of it: the prepositions of the day and of the time, a comma, a
/// possessive, the words of a venue's name and its number ("in São Paulo on
/// April 19 at 10 p.m.", "Calgary's Scotiabank Saddledome on Saturday, Nov.
/// 14, at 7 p.m.", "Lima's Arena 1 on April 23").
pub fn leads_to_time(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, &["on", "at", ",", "'", "’"])
        || k > 0 && (is(t, k, "s") && any(t, k - 1, &["'", "’"]) || digits(t, k) && cap(t, k - 1) && word(t, k - 1))
        || cap(t, k) && word(t, k)
}

/// Whether the words at `k` name the place a time is read in: "in" and a
/// name ("7:15 a.m. on Sunday in Melbourne").
pub fn place_follows(t: &Tokens<'_>, k: usize) -> bool {
    is(t, k, "in") && cap(t, k + 1)
}

/// Whether the clock time at `[start, end)` modifies a noun of a happening
/// after "the": "the 3 p.m. start", "the 10:30 a.m. broadcast" (not "the 3
/// p.m. on Sunday", nor "the next episode's 9:05 p.m. upload", another one).
pub fn definite_clock(t: &Tokens<'_>, start: usize, end: usize) -> bool {
    start > 0 && is(t, start - 1, "the") && (event_word(t, end) || any(t, end, EVENT_VERBS) || any(t, end, &["start", "kickoff"]))
}

/// Words before "day" that name no day of an event but days of the calendar
/// or of a trade ("every other day", "each school day", "each trading
/// day"): no days told before.
const NOT_EVENT_DAYS: &[&str] =
    &["other", "second", "third", "single", "working", "work", "week", "school", "trading", "business", "calendar", "given", "following", "next"];

/// Whether the words from token `k` on name the days of the schedule told
/// before: "on the same days", "on those same nights", "on the same dates".
pub fn same_days(t: &Tokens<'_>, k: usize) -> bool {
    let k = if is(t, k, "on") { k + 1 } else { k };
    // (not a comparison or a time of its own: "on the same dates as this
    // year's", "on the same days in 2023", "on the same days last month")
    let named = any(t, k, &["the", "those"]) && is(t, k + 1, "same") && any(t, k + 2, &["days", "dates", "nights", "evenings", "mornings"]);
    named && !any(t, k + 3, &["as", "in", "last", "next", "this", "of"])
}

/// Whether the word at `k` opens the start of a run: "starting", "beginning",
/// "from", "effective" ("four times a day from Tuesday, Dec. 1").
pub fn starts_run(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, &["starting", "beginning", "from", "effective"])
}

/// Whether the words from token `k` on name each of the days told before:
/// "(on) both days", "on both show days", "both match days", "on each of
/// those days", "on each of the three days", "on all four days", "on both
/// festival nights", "on each festival day".
pub fn each_day_told(t: &Tokens<'_>, k: usize) -> bool {
    let on = is(t, k, "on");
    let k = if on { k + 1 } else { k };
    // ("On those days", "on these nights": the days just told, after "on"
    // only; "in those days" is a time gone by)
    let those = on && any(t, k, &["those", "these"]) && any(t, k + 1, DAYS);
    // (or nights, evenings: "on both nights", "on both festival nights")
    // (or the holidays they are: "on both holidays")
    const DAYS: &[&str] = &["days", "nights", "evenings", "mornings", "afternoons", "holidays"];
    // (a word or so between: "both show days", "both race days")
    let both = is(t, k, "both") && (k + 1..k + 3).find(|&j| any(t, j, DAYS)).is_some_and(|j| (k + 1..j).all(|w| word(t, w) && !cap(t, w)));
    // (their number may be told again: "each of the three days", with a word
    // of the event: "each of the four festival days")
    let days = amount(t, k + 3).map_or(k + 3, |(e, _)| e);
    // (not days before the one told: "as on each of the two previous days")
    let event_word = |k: usize| {
        word(t, k) && !cap(t, k) && !any(t, k, DAYS) && !any(t, k, NOT_EVENT_DAYS) && !any(t, k, &["previous", "past", "preceding", "prior", "last"])
    };
    let days = if event_word(days) && any(t, days + 1, DAYS) { days + 1 } else { days };
    let each = any(t, k, &["each", "all"]) && is(t, k + 1, "of") && any(t, k + 2, &["those", "these", "the"]) && any(t, days, DAYS);
    // ("on all four days", "on all three festival nights")
    let all = is(t, k, "all") && amount(t, k + 1).is_some_and(|(e, _)| any(t, e, DAYS) || event_word(e) && any(t, e + 1, DAYS));
    // (or one day of the event's, named: "on each festival day", "every race
    // night"; not "every other day", "each single day")
    // (or two words: "on each possible launch day")
    let lower = |j: usize| word(t, j) && !cap(t, j) && !any(t, j, NOT_EVENT_DAYS);
    const DAY: &[&str] = &["day", "night", "evening"];
    let named = any(t, k, &["each", "every"]) && lower(k + 1) && (any(t, k + 2, DAY) || lower(k + 2) && any(t, k + 3, DAY));
    both || each || all || named || those
}

/// Whether the words from token `k` name the two of a weekday, or of
/// weekends, in a run told before: "on both Sundays", "both weekends", "on
/// each Saturday of the festival". (Not
/// each day of the run: [`each_day_told`] is that.)
pub fn both_of_days(t: &Tokens<'_>, k: usize) -> bool {
    let k = if is(t, k, "on") { k + 1 } else { k };
    // (or each of them, with the run named: "on each Saturday of the festival")
    let of_run = |e: usize| is(t, e, "of") && any(t, e + 1, &["the", "this", "its"]);
    is(t, k, "both") && (weekdays(t, k + 1).is_some() || is(t, k + 1, "weekends"))
        || any(t, k, &["each", "every"]) && weekday(t, k + 1).is_some_and(|(e, _)| of_run(e))
}

/// How many days the words from token `k` count, where they name each of
/// the days of a run ([`each_day_told`]) and say how many: "on each of the
/// five days", "on all three festival nights", "on both days" (two).
pub fn days_counted(t: &Tokens<'_>, k: usize) -> Option<u32> {
    // (holidays are no run counted from a day: "on both holidays" names the
    // two told, whatever lies between them)
    if !each_day_told(t, k) || (k..(k + 6).min(t.len())).any(|j| is(t, j, "holidays")) {
        return None;
    }
    let k = if is(t, k, "on") { k + 1 } else { k };
    let n = if is(t, k, "both") {
        Some(Amount::N(2))
    } else if is(t, k, "all") {
        amount(t, k + 1).map(|(_, n)| n)
    } else {
        amount(t, k + 3).map(|(_, n)| n)
    };
    match n {
        Some(Amount::N(n)) if (2..=crate::tuning::COUNTED_RUN_DAYS).contains(&n) => Some(n),
        _ => None,
    }
}

/// Whether the word at `k` names nights ("on both nights", "Friday and
/// Saturday nights"): a time of their small hours falls on the morning after
/// each.
pub fn names_nights(t: &Tokens<'_>, k: usize) -> bool {
    // (the nights told: "both nights", "both festival nights", "those nights",
    // "Saturday nights"; not "after two nights of closures")
    let told = |j: usize| any(t, j, &["both", "those", "these"]) || weekday(t, j).is_some_and(|(e, _)| e == k);
    // (or the nights of the days named after: "on the nights of Thursday,
    // Friday and Saturday")
    let of_days = k >= 1 && is(t, k - 1, "the") && is(t, k + 1, "of");
    is(t, k, "nights")
        && (of_days || k >= 1 && told(k - 1) || k >= 2 && any(t, k - 2, &["both", "those", "these"]) && word(t, k - 1) && !cap(t, k - 1))
}

/// Whether the words at `k` open a phrase that tells what goes with the
/// clause before it: ", with the first groups away at 7:10 a.m.", ", with
/// gates opening at 9 a.m.". A time in it belongs to that clause's days.
pub fn accompanies(t: &Tokens<'_>, k: usize) -> bool {
    k > 0 && is(t, k - 1, ",") && is(t, k, "with")
}

/// Whether the word at `k` joins a further clause of the same occasion: a
/// comma or "and" (not "but" or "or", which turn to another).
pub fn joins_clause(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, &[",", "and"])
}

/// Whether the word at `k` is a determiner that opens a noun phrase.
pub fn opens_noun_phrase(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, DETERMINERS) || any(t, k, &["every", "each", "all", "both"])
}

/// Whether the noun at `k` has a word of its own before it: a lower-case
/// word that is no determiner ("the sprint race"), or a possessive ("the
/// women's final").
pub fn modified_noun(t: &Tokens<'_>, k: usize) -> bool {
    k > 0 && (word(t, k - 1) && !cap(t, k - 1) && !any(t, k - 1, DETERMINERS) || is(t, k - 1, "s") && k > 1 && any(t, k - 2, &["'", "’"]))
}

/// Whether tokens `[from, to)` tell the way back of a trip: "return" ("The
/// return flight", "the return leg"), or "the other (or opposite)
/// direction".
pub fn tells_way_back(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    (from..to).any(|k| any(t, k, &["return", "returning"]) || any(t, k, &["other", "opposite"]) && is(t, k + 1, "direction"))
}

/// Which way the word at `k`, right after a length, counts it from an
/// event named after it: "[15 minutes] before the first dart" is -1,
/// "[an hour] after the last match" 1. The event must be named by words
/// ("the stream begins"), or by a time its noun phrase tells ("[30 minutes]
/// before the 9 p.m. start"), not by a number alone ("before 5 p.m." is a
/// time of its own).
pub fn counts_from_event(t: &Tokens<'_>, k: usize) -> Option<i8> {
    let sign = if is(t, k, "before") {
        -1
    } else if is(t, k, "after") {
        1
    } else {
        return None;
    };
    // (the first word past a determiner: "before the sunset")
    let w = (k + 1..(k + 1 + EVENT_PHRASE_WORDS).min(t.len())).find(|&j| !any(t, j, EVENT_SKIPPED))?;
    let not_event = |j: usize| any(t, j, NOT_EVENT_WORDS) || any(t, j, TIMES_OF_DAY);
    // (the time after a determiner, with a noun of an event after it: "the 9
    // p.m. start", not "an hour before 9 p.m. on Thursday")
    let told_time = w > k + 1 && super::times::clock(t, w).is_some_and(|(e, _)| word(t, e) && !cap(t, e) && !not_event(e));
    // (a time of day may name an event with a noun after it: "before the sunset
    // call to prayer at 6:16 p.m.", "after the midnight mass")
    let compound = any(t, w, TIMES_OF_DAY)
        && word(t, w + 1)
        && !cap(t, w + 1)
        && !not_event(w + 1)
        && !any(t, w + 1, &["on", "at", "in", "of", "or", "to", "for", "by", "is", "was", "will", "when"]);
    (word(t, w) && !not_event(w) || told_time || compound).then_some(sign)
}

/// Whether two words name one event by their stem: they share their first
/// [`EVENT_STEM_BYTES`] bytes, or all of the shorter one's when it is
/// shorter but has at least [`EVENT_STEM_MIN`] ("stream" and "streamed",
/// "dart" and "darts", "release" and "releases").
pub fn same_event_word(a: &[u8], b: &[u8]) -> bool {
    let n = a.len().min(b.len()).min(EVENT_STEM_BYTES);
    n >= EVENT_STEM_MIN && a[..n] == b[..n]
}

/// Whether two words name one kind of happening in other words
/// ("departure" and "leave", "launch" and "unlock").
pub fn same_event_kind(a: &[u8], b: &[u8]) -> bool {
    EVENT_KINDS.iter().any(|kind| kind.contains(&a) && kind.contains(&b))
}

/// Words that name one happening in other words: the noun a length counts
/// from ("90 minutes before departure", "72 hours before launch", "two
/// hours before the screening") and the verbs or nouns its time was told
/// with ("will leave North Sydney at 5 p.m.", "will unlock ... 4 p.m. GMT",
/// "its world premiere ... at 7:30 p.m.").
const EVENT_KINDS: &[&[&[u8]]] = &[
    &[b"departure", b"departures", b"depart", b"departs", b"leave", b"leaves", b"sail", b"sails", b"sailing"],
    // (a start told in other words: "15 minutes before it begins" after "The
    // special starts at 9 p.m.", "30 minutes after the opening" after "The
    // broadcast begins at 6 p.m.")
    &[b"begins", b"begin", b"starts", b"start", b"opening", b"opens"],
    &[b"arrival", b"arrive", b"arrives", b"dock", b"docks", b"land", b"lands", b"due", b"touches", b"reach", b"reaches"],
    &[b"launch", b"launches", b"unlock", b"unlocks", b"release", b"releases"],
    &[b"screening", b"premiere", b"premieres", b"showing"],
];

/// Words after "before" or "after" that name no event a time was told for:
/// a time or day of its own, or what is too vague to be one.
const NOT_EVENT_WORDS: &[&str] = &["that", "then", "this", "being", "and"];

/// Times of day after "before" or "after", which name no event alone ("before
/// sunset") but may with a noun after them ("before the sunset call to
/// prayer").
const TIMES_OF_DAY: &[&str] = &["noon", "midnight", "dawn", "sunrise", "sunset", "dusk"];

/// The words of the event named from token `k` on (after "before" or
/// "after"), up to the first that is no word, at most
/// [`EVENT_PHRASE_WORDS`]: "the stream begins" gives "stream" and "begins".
/// Determiners and possessives are left out; "first" and "last" are kept,
/// and pick among the times of a list.
pub fn event_words(t: &Tokens<'_>, k: usize, out: &mut Vec<usize>) {
    out.clear();
    // (the words skipped count for nothing: "after it touches down", "before
    // the train is due to leave" names "train" and "leave")
    let mut j = k;
    while j < t.len() && out.len() < EVENT_PHRASE_WORDS && j < k + 2 * EVENT_PHRASE_WORDS {
        if !word(t, j) {
            break;
        }
        if is(t, j, "due") && is(t, j + 1, "to") {
            j += 2;
            continue;
        }
        // (a preposition ends the name: "before the first playoff match on Friday")
        if any(t, j, &["on", "at", "in", "for", "of", "from", "with", "by", "to"]) {
            break;
        }
        if !any(t, j, EVENT_SKIPPED) {
            out.push(j);
        }
        j += 1;
    }
}

/// Words an event's name carries that say nothing of which event it is.
/// (A pronoun too: the verb after it names the event, "25 minutes after it
/// touches down"; "before it" alone names none.)
const EVENT_SKIPPED: &[&str] =
    &["the", "a", "an", "its", "their", "his", "her", "our", "your", "each", "every", "s", "it", "they", "is", "are", "be"];

/// Nouns that name the start of whatever event is under discussion, not
/// one event of their own: "Doors open 45 minutes before the curtain",
/// "an hour before kickoff", "45 minutes before the show" ("the opening"
/// is as often an event of its own, told on another day).
const START_NOUNS: &[&str] = &[
    "curtain", "curtains", "kickoff", "kick-off", "tip-off", "tipoff", "showtime", "downbeat", "puck", "gun", "show", "start", "open", "take-off",
    "takeoff", "liftoff", "lift-off", "ceremony", "event", "ball", "pitch", "whistle", "bell", "faceoff", "face-off",
];

/// Whether the word at `k` names the start of the event under discussion
/// ("before the curtain", "before kickoff").
pub fn names_start(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, START_NOUNS)
}

/// Which end of the span of times an event was told to run the word at `k`
/// picks: the start ("before the outage begins", `Some(true)`) or the end
/// ("before the shutoff ends", "before the polls close", `Some(false)`). The
/// word still names the event ("begins" ... "In Singapore it begins at
/// midnight").
pub fn picks_start(t: &Tokens<'_>, k: usize) -> Option<bool> {
    if any(t, k, &["begins", "starts", "opens", "begin", "start", "open"]) {
        Some(true)
    } else if any(t, k, &["ends", "finishes", "closes", "end", "finish", "close", "shut", "shuts", "closing"]) {
        Some(false)
    } else {
        None
    }
}

/// Whether the word at `k` picks the first of a list of times ("before the
/// first release"), or the last (`Some(false)`).
pub fn picks_first(t: &Tokens<'_>, k: usize) -> Option<bool> {
    if any(t, k, &["first", "opening"]) {
        Some(true)
    } else if any(t, k, &["last", "final"]) {
        Some(false)
    } else {
        None
    }
}

/// Which way the words at `k`, right after a length, count it from the
/// time told before, if they do: on for "set off [half an hour] later",
/// "[two hours] afterwards" and "[three hours] after that", back for "[an
/// hour] before that" and "gates open [two hours] before".
pub fn counts_on(t: &Tokens<'_>, k: usize) -> Option<i8> {
    // ("20 minutes later than a month ago" compares)
    if any(t, k, &["later", "afterwards", "afterward"]) && !is(t, k + 1, "than") {
        return Some(1);
    }
    // (the time just told, not "after that train leaves", where "that" names
    // an event of its own)
    let sign = if is(t, k, "after") {
        1
    } else if is(t, k, "before") {
        -1
    } else {
        return None;
    };
    let told = any(t, k + 1, &["that", "this", "then"]) && (!word(t, k + 2) || any(t, k + 2, &["and", "but", "or"]));
    // (or with nothing after it: "will start at 7:30 p.m., and gates will open
    // two hours before.")
    let bare = k + 1 >= t.len() || any(t, k + 1, &[".", ",", ";", ")"]);
    (told || bare).then_some(sign)
}
