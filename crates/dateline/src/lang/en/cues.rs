//! What English tells the document stage: where a news dateline stands
//! ("SEOUL, March 8 (Yonhap) —"), and whether a date only dates a report
//! ("the agency said Wednesday"), which makes it no event day.

use super::words::*;
use crate::lex::Tokens;
use crate::tuning::{
    CLOCK_TOKENS, DATELINE_LINES, DATELINE_REACH, DATELINE_WORDS, DESTINATION_REACH, LASTS_REACH, MAX_COUNTED_OCCURRENCES, ONCE_OVER_WORDS,
    ONSET_CLAUSE_REACH, ONSET_REACH, OPEN_UNTIL_REACH, OWNED_NAME_WORDS, REPORTED_REACH, REPORT_SETTING_REACH, RUN_CLAUSE_WORDS, STREET_HEAD_REACH,
    TRAVEL_REACH, WITH_PARTICIPLE_REACH,
};

/// The dateline of a news article: the place written in capitals at the
/// start of the first paragraph, followed by a comma, a parenthesis, a
/// dash or a colon ("SEOUL, March 8 —", "DUBLIN —", "CAPE CANAVERAL, Fla.,
/// Nov. 2 —", "MUMBAI:").
/// Returns the token range of the place and the token that ends the
/// dateline (the dash, or the place's end when no dash follows soon).
pub fn dateline(t: &Tokens<'_>) -> Option<(usize, usize, usize)> {
    let mut lines = 0;
    for s in 0..t.len() {
        if !(s == 0 || t.toks[s].newline_before) {
            continue;
        }
        lines += 1;
        if lines > DATELINE_LINES {
            return None;
        }
        // (a first line "date 2023-03-08" of the seed format is no dateline)
        let mut e = s;
        // (a hyphen within a name joins it: "LE MONT-SAINT-MICHEL, France —",
        // "WILKES-BARRE, Pa. —"; a dash with a space after it ends it)
        let joins = |e: usize| is(t, e, "-") && adj(t, e) && adj(t, e + 1) && shouting(t, e + 1);
        let mut words = 0;
        while e < t.len() && words < DATELINE_WORDS && (shouting(t, e) || (e > s && (any(t, e, &[".", "'"]) && adj(t, e) || joins(e)))) {
            words += usize::from(!joins(e));
            e += 1;
        }
        if e == s || !(any(t, e, &[",", "(", "—", "–", "-", ":"])) || !(s..e).any(|k| shouting(t, k) && t.lw(k).len() > 1) {
            continue;
        }
        // ("MUMBAI: The Worli Sky Theatre ...": the colon ends it)
        if is(t, e, ":") {
            return Some((s, e, e + 1));
        }
        let end = (e..(e + DATELINE_REACH).min(t.len()))
            .take_while(|&k| k == e || !t.toks[k].newline_before)
            .find(|&k| any(t, k, &["—", "–", "--"]) || (is(t, k, "-") && !adj(t, k)));
        return Some((s, e, end.map_or(e, |k| k + 1)));
    }
    None
}

/// A word written in capitals only ("SEOUL", "NEW"), as datelines are.
fn shouting(t: &Tokens<'_>, k: usize) -> bool {
    word(t, k) && t.raw(k).chars().all(|c| !c.is_lowercase()) && t.raw(k).chars().any(|c| c.is_alphabetic())
}

/// Verbs whose date is the date of a statement, not of what it states.
pub(super) const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "added",
    "stated",
    "confirmed",
    "wrote",
    "posted",
    "tweeted",
    "noted",
    "reminded",
    "warned",
    "advised",
    "urged",
];

/// Besides the setting tense reading knows ("said in a statement on
/// Monday"), the channels and audiences of a notice ("told members in a
/// notice on Monday").
const NOTICE_SETTING: &[&str] = &[
    "notice",
    "release",
    "filing",
    "email",
    "post",
    "letter",
    "members",
    "investors",
    "fans",
    "staff",
    "residents",
    "customers",
    "passengers",
    "entrants",
    "participants",
    "parents",
    "students",
    "voters",
];

/// Whether the expression at tokens `[start, end)` dates a report rather
/// than an event: after a reporting verb with only the report's setting
/// between ("said Wednesday", "told members in a notice on Monday"), or
/// right before one ("Monday said").
pub fn dates_report(t: &Tokens<'_>, start: usize, end: usize) -> bool {
    let setting = |k: usize| any(t, k, super::tense::REPORT_SETTING) || any(t, k, NOTICE_SETTING);
    for k in (start.saturating_sub(REPORT_SETTING_REACH)..start).rev() {
        if any(t, k, REPORTING) {
            return true;
        }
        if !setting(k) {
            break;
        }
    }
    any(t, end, REPORTING) || fronted_report_setting(t, start, end, setting) || issued_at(t, start, end)
}

/// Whether the clock time at `[start, end)` names the hour of an issued
/// report its sentence reports: "In its 11 a.m. advisory, the hurricane
/// center said", "said in its 9 a.m. ADT bulletin": the report's own time,
/// whatever day the sentence tells of ahead.
fn issued_at(t: &Tokens<'_>, start: usize, end: usize) -> bool {
    let owned = start > 0 && any(t, start - 1, &["its", "their", "his", "her", "the"]);
    let (lo, hi) = (start.saturating_sub(REPORTED_REACH), (end + REPORTED_REACH).min(t.len()));
    let stop = |k: usize| any(t, k, &[".", ";", "!", "?"]);
    owned
        && any(t, end, ISSUED)
        && (lo..start).rev().take_while(|&k| !stop(k)).chain((end..hi).take_while(|&k| !stop(k))).any(|k| any(t, k, REPORTING))
}

/// Nouns of a report issued at an hour ("its 11 a.m. advisory").
const ISSUED: &[&str] = &["advisory", "bulletin", "update", "forecast", "statement", "outlook", "briefing", "report"];

/// Whether the expression at `[start, end)` dates a report's setting fronted
/// before its speaker: "In a statement Wednesday, Rockhaven said ...", "In
/// an interview on Monday, the minister said ..." (its sentence opens with
/// the setting, and a reporting verb follows the comma after it).
fn fronted_report_setting(t: &Tokens<'_>, start: usize, end: usize, setting: impl Fn(usize) -> bool) -> bool {
    // (the channel's name may qualify the setting: "In a Facebook post Sunday")
    let setting = |k: usize| setting(k) || word(t, k) && cap(t, k) && k + 1 < start && setting(k + 1);
    let Some(open) = (start.saturating_sub(REPORT_SETTING_REACH)..start).rev().take_while(|&k| setting(k)).last() else {
        return false;
    };
    // (what it reports lies ahead of the report: "In a statement Tuesday, the
    // city said a memorial would be held at 7 p.m." keeps the report's day
    // as its anchor)
    let ahead =
        || (end + 1..(end + 1 + REPORTED_REACH).min(t.len())).take_while(|&k| !any(t, k, &[".", ";", "!", "?"])).any(|k| any(t, k, FUTURE_MODALS));
    opens_text(t, open)
        && (open..start).any(|k| !any(t, k, &["on", "in", "at", "a", "an", "the", "its", "his", "her", "their"]))
        && is(t, end, ",")
        && (end + 1..(end + 1 + REPORT_SETTING_REACH).min(t.len())).take_while(|&k| !any(t, k, &[",", ".", ";"])).any(|k| any(t, k, REPORTING))
        && !ahead()
}

/// Modals that put what a report tells ahead of it ("said a memorial would
/// be held", "says the line will reopen").
const FUTURE_MODALS: &[&str] = &["will", "would", "shall", "'ll", "’ll"];

/// Words that restate a time in another zone ("8 p.m. ET, or 5 p.m. PT",
/// "(7 p.m. PT)", "7 p.m. ET/4 p.m. PT", "which is 1 a.m. GMT", "that
/// means 6 a.m. for viewers in Sydney", "comes at 2:15 a.m. Saturday").
const RESTATING: &[&str] = &[
    "or",
    "(",
    "/",
    "which",
    "means",
    "meaning",
    "comes",
    "falls",
    "lands",
    "=",
    "equivalent",
    "that",
    "—",
    "–",
    // "and for viewers on the U.S. East Coast it is 8:15 p.m. EST"
    "viewers",
    "fans",
    "audiences",
    "listeners",
    "investors",
];

/// Words for the people who read a time on their own clock.
const AUDIENCES: &[&str] = &["viewers", "fans", "audiences", "listeners", "investors", "readers", "subscribers", "traders"];

/// Whether the place at token `k` is named as an audience's: "for investors
/// in New York", "viewers in Sydney" (the place right after "in").
pub fn audience(t: &Tokens<'_>, k: usize) -> bool {
    k >= 2 && is(t, k - 1, "in") && any(t, k - 2, AUDIENCES)
}

/// Whether "respectively" stands at token `k` (after a comma or not), which
/// pairs a list of times with the places listed before it; see
/// `Language::respectively`.
pub fn respectively(t: &Tokens<'_>, k: usize) -> bool {
    is(t, k, "respectively") || is(t, k, ",") && is(t, k + 1, "respectively")
}

/// Whether the words between two clock times (tokens `[from, to)`) restate
/// the first in another zone.
pub fn restates(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    (from..to).any(|k| any(t, k, RESTATING)) || to > from && any(t, to - 1, &["is", "be"]) && placed_after(t, to)
}

/// Whether the words between two clock times (tokens `[from, to)`) only
/// join them as items of one list: "and", "or" or a comma, after the place
/// the first is read in ("2:02 a.m. Wednesday in Paris and 8:02 p.m. EST in
/// Washington", "7 p.m. in Lagos, 8 p.m. in Cairo").
pub fn joins_list(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    // (the place: "in" and capitalised words)
    let place = if is(t, from, "in") && from + 1 < to && cap(t, from + 1) {
        (from + 1..to).find(|&k| !(word(t, k) && cap(t, k))).unwrap_or(to)
    } else {
        from
    };
    // (no list of words built per call: the gap is one or two tokens)
    match to.checked_sub(place) {
        Some(1) => any(t, place, &["and", "or", ","]),
        Some(2) => is(t, place, ",") && any(t, place + 1, &["and", "or"]),
        _ => false,
    }
}

/// Which way the word at `k`, right after a length, shifts from the day
/// under discussion: "[two days] later" 1, "[a week] earlier" -1.
pub fn shift_word(t: &Tokens<'_>, k: usize) -> Option<i8> {
    if is(t, k, "later") {
        Some(1)
    } else if is(t, k, "earlier") {
        Some(-1)
    } else {
        None
    }
}

/// Whether the tokens `[from, to)` lead from a shift of days to the clock
/// time it dates: "two days later at 1 p.m.", "a week later, at 9 a.m.",
/// and through a word of starting, "followed by Osaka a week later,
/// starting at 1 p.m.".
pub fn shift_then_clock(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    let comma = usize::from(is(t, from, ","));
    let starting = usize::from(any(t, from + comma, &["starting", "beginning", "opening"]));
    to == from + comma + starting + 1 && any(t, to - 1, &["at", "from"]) && (starting == 1 || is(t, to - 1, "at"))
}

/// Whether the clock time at token `to` is read in a place written right
/// after it ("is 2.35pm in Sydney", "will be 2 a.m. in London"): with a
/// copula before it, a restatement of the time before, not a time of its own
/// ("the deadline is 5 p.m." is one).
fn placed_after(t: &Tokens<'_>, to: usize) -> bool {
    // (the point of "2.35pm" ends nothing)
    let stop = |k: usize| any(t, k, &[",", ";"]) || is(t, k, ".") && !adj(t, k + 1);
    (to + 1..(to + CLOCK_TOKENS).min(t.len())).take_while(|&k| !stop(k)).any(|k| is(t, k, "in") && cap(t, k + 1))
}

/// Whether the words between a schedule's clock time and a later time of its
/// sentence (tokens `[from, to)`) tell a time that follows each occurrence:
/// a verb of arrival ("leaving Manila at 9:40 p.m. and landing in Sydney at
/// 9:05 a.m."), "the same days", "each" ("the results of each auction
/// posted at 1 p.m."), or "with" and a participle ("with results posted at
/// noon").
pub fn follows_each(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    // ("every Tuesday, with results posted at noon": what accompanies each one,
    // not one occurrence: "with the first show set for noon")
    let one = (from..to).any(|k| any(t, k, &["first", "last", "final", "next", "opening", "premiere"]));
    let with = (from..to).any(|k| {
        is(t, k, "with") && (k + 1..to.min(k + 1 + WITH_PARTICIPLE_REACH)).any(|j| word(t, j) && t.lw(j).len() > 4 && t.lw(j).ends_with("ed"))
    });
    // ("open daily at 6 a.m., with the last entry at 2 p.m.": each day's last one)
    // (not a last day: "with the final day marked by a concert at 3 p.m.")
    // (with "the" or without it: "with last orders at 8:30 p.m.")
    let last_each = (from..to).any(|k| {
        let w = if is(t, k + 1, "the") { k + 2 } else { k + 1 };
        is(t, k, "with") && any(t, w, &["last", "final"]) && !any(t, w + 1, &["day", "night", "week", "weekend", "date"])
    });
    // (a stop on the way: "call at Badajoz at 11:50 a.m.")
    let calls = (from..to).any(|k| any(t, k, &["call", "calls", "calling"]) && is(t, k + 1, "at") && cap(t, k + 2));
    (from..to).any(|k| any(t, k, ARRIVING) || is(t, k, "each") || is(t, k, "same") && any(t, k + 1, &["days", "day", "dates"]))
        || with && !one
        || last_each
        || calls
}

/// Whether the words between two clock times of one sentence (tokens
/// `[from, to)`) tell the second as what follows the first, not as an event
/// of its own: what [`follows_day`] reads (an arrival, an end), a deadline
/// ("switched off at 7 a.m. and should be back by 5 p.m."), or a moment
/// within it after "with" ("begins at 10:45 a.m., with two minutes of
/// silence at 11 a.m."). A time counted back from ("Doors open 30 minutes
/// earlier") counts from the first.
pub fn follows_on(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    follows_day(t, from, to) || to > from && is(t, to - 1, "by") || (from..to).any(|k| is(t, k, "with"))
}

/// Whether the words between a time and a later one of its sentence (tokens
/// `[from, to)`) tell the later as what follows on the earlier: an arrival
/// after the departure ("leaves on Thursday, June 4, and is due at Alat on
/// Friday", "leave at 11:30 p.m. and land at 3:40 a.m.") or its end ("open
/// from Thursday, June 4, until Sunday", "starts at 8 p.m. and ends at 1
/// a.m."); not a deadline, which may come first ("opens at 11 a.m., and
/// candidates must be seated by 10:30 a.m.", "asked to arrive by 10:30"),
/// nor what another subject does ("leaves at 4 p.m., while the Vigdis
/// arrives at 11 a.m.").
pub fn follows_day(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    one_subject(t, from, to)
        && !is(t, to - 1, "by")
        && (any(t, to - 1, &["until", "till", "til"])
            || (from..to).any(|k| {
                (any(t, k, ARRIVING) || any(t, k, CLOSING) || any(t, k, &["touch", "touches", "touching", "due"])) && continues_clause(t, k)
            }))
}

/// Whether the words between a time and a later one of its sentence
/// (tokens `[from, to)`) tell the later as the arrival of the trip the first
/// leaves on (see [`follows_day`]; arrivals only, not ends: "leaves at 9:25
/// p.m. and is due at Chamartín at 8:40 a.m. on Monday").
pub fn arrival_follows(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    one_subject(t, from, to)
        && (from..to).any(|k| (any(t, k, ARRIVING) || is(t, k, "due") && any(t, k + 1, &["at", "in", "into"])) && continues_clause(t, k))
}

/// Whether tokens `[from, to)` may go on with one subject: not empty, and
/// no "while", "whereas" or semicolon between ("leaves at 4 p.m., while the
/// Vigdis arrives at 11 a.m." tells of two).
fn one_subject(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    to > from && !(from..to).any(|k| any(t, k, &["while", "whereas", ";"]))
}

/// Whether the words `[from, to)` between a day and a later one tell a
/// reopening, which comes after the closing told first, whoever reopens
/// ("will close at 6 p.m. on Wednesday, and City Hall will reopen at 9 a.m.
/// on Friday").
pub fn reopens(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    to > from && !(from..to).any(|k| any(t, k, &["while", "whereas", ";", "."])) && (from..to).any(|k| any(t, k, REOPENING))
}

/// Whether tokens `[from, to)` tell a closing (see `Language::closes`).
pub fn closes(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    (from..to).any(|k| any(t, k, SHUTTING) || is(t, k, "closed"))
}

/// Whether tokens `[from, to)` tell a run going on (see
/// `Language::continues`): a present form of "continue" or "go on" said of
/// the run or its performances ("The run then continues", "Performances
/// continue"); not "continued", a report, nor a thing of its own that goes
/// on as it does now ("the Saturday storytime continues every Saturday").
pub fn continues(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    let verb = |k: usize| any(t, k, &["continue", "continues"]) || any(t, k, &["goes", "go"]) && is(t, k + 1, "on");
    (from..to).any(|k| {
        let subject = if k > 0 && is(t, k - 1, "then") { k.saturating_sub(2) } else { k.saturating_sub(1) };
        verb(k) && k > 0 && any(t, subject, RUN_NOUNS)
    })
}

/// Nouns of a production's run, which goes on after its opening ("The run
/// continues", "Performances continue").
const RUN_NOUNS: &[&str] = &["run", "performances", "shows", "screenings", "showings", "season", "engagement", "residency"];

/// Verbs of opening again after a closure.
const REOPENING: &[&str] = &["reopen", "reopens", "reopening", "resume", "resumes", "resuming", "restart", "restarts"];

/// Whether the verb at `k` goes on with the subject of the clause before it:
/// right after "and" or a comma, past auxiliaries ("and is due to touch
/// down", "and land at Heathrow"), or a participle ("landing in Sydney");
/// not after a subject of its own ("and the Vigdis arrives", "hours after
/// the chancellor arrives").
fn continues_clause(t: &Tokens<'_>, k: usize) -> bool {
    if t.lw(k).ends_with("ing") {
        return true;
    }
    let mut j = k;
    while j > 0 && any(t, j - 1, &["is", "are", "will", "would", "should", "be", "due", "to", "expected", "scheduled", "then", "also"]) {
        j -= 1;
    }
    j > 0 && any(t, j - 1, &["and", ","])
}

/// Verbs of arriving, whose time follows the departure it is told with.
const ARRIVING: &[&str] =
    &["arriving", "arrives", "arrive", "reaching", "reaches", "reach", "landing", "lands", "land", "docking", "docks", "dock", "getting"];

/// Words that, after a comma, open a main clause of its own, whose days are
/// not those of the clause before ("at noon, and the minutes follow on Feb. 18").
const CLAUSE_JOINS: &[&str] = &["and", "but", "so", "yet"];

/// Words that, after a comma, open a clause that gives the setting of the
/// main one: its days are no event's ("at 6 p.m., since clocks do not go
/// back until April 7"). ("when" and "where" stay out: "on Friday, when fans
/// can watch at 9 p.m." is the event's own day.)
const CLAUSE_SUBORDINATES: &[&str] = &["since", "because", "while", "although", "though", "whereas"];

/// Words that, after a comma, open a relative clause about what was just
/// named ("at 8:30 a.m. in Sydney, where daylight saving runs until Sunday").
const CLAUSE_RELATIVES: &[&str] = &["where", "which", "who", "whose"];

/// Words that open a sentence with a clause its first comma closes.
const CLAUSE_FRONTS: &[&str] = &["because", "since", "while", "although", "though", "as", "whereas", "if", "unless"];

/// How token `k` bears on the clauses of its sentence.
pub fn clause(t: &Tokens<'_>, k: usize) -> Option<crate::lang::ClauseCue> {
    let comma = k > 0 && is(t, k - 1, ",");
    // (a dash between two clauses too: "launch falls at 12:12 a.m. EDT — American
    // clocks move forward on Sunday")
    let dash = k > 0 && any(t, k - 1, &["—", "–"]) && t.toks[k - 1].space_before && t.toks[k].space_before && word(t, k);
    if comma && any(t, k, CLAUSE_JOINS) || is(t, k, ";") || dash {
        Some(crate::lang::ClauseCue::Joins)
    } else if comma && any(t, k, CLAUSE_SUBORDINATES) {
        Some(crate::lang::ClauseCue::Subordinates)
    } else if comma && any(t, k, CLAUSE_RELATIVES) {
        Some(crate::lang::ClauseCue::Relative)
    } else if any(t, k, CLAUSE_FRONTS) {
        Some(crate::lang::ClauseCue::Fronts)
    } else {
        None
    }
}

/// Words before a date that make it a bound: a deadline or an end.
const BOUNDING: &[&str] = &["by", "until", "till", "through", "before"];

/// Whether token `k` makes the date after it a bound rather than the day of
/// an event ("votes that arrive by Friday, April 17").
pub fn bounds(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, BOUNDING)
}

/// Whether the words before token `k` say that something stays open or goes
/// on until it: "until" or "till" after a verb of lasting or "open" a few
/// words back ("will stay open until 2 a.m.", "runs until 5 a.m.", "open
/// late until 1 a.m.").
pub fn open_until(t: &Tokens<'_>, k: usize) -> bool {
    k >= 2
        && any(t, k - 1, &["until", "till", "til"])
        && (k.saturating_sub(OPEN_UNTIL_REACH + 1)..k - 1).any(|j| any(t, j, LASTING) || any(t, j, &["open", "late", "party", "partying", "dancing"]))
}

/// Short words that a point abbreviates inside a sentence: titles, company
/// forms and the news agencies' state abbreviations ("Gov.", "Inc.",
/// "Calif."). Months abbreviate too ("Sept."), known from the lexicon.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "prof", "rev", "capt", "maj", "adm", "mt", "ft", "vs", "jr", "sr",
    "ald", "supt", "insp", "cmdr", "atty", "hon", "fr", "cllr", "inc", "co", "corp", "ltd", "no", "ave", "blvd", "ala", "ariz", "ark", "calif",
    "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
    "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
];

/// Whether the word at `k`, followed by a point, is an abbreviation that
/// does not end a sentence ("Sept. 16", "Mr. Lee", "Calif."), unlike the
/// last word of a sentence ("in New York. The next episode").
pub fn abbreviation(t: &Tokens<'_>, k: usize) -> bool {
    // (a month's short form, "Dec.", not its full name: "until Friday 19 December. Gates open")
    any(t, k, ABBREVIATIONS) || t.toks[k].class & crate::lexicon::class::MONTH != 0 && month_abbrev(t, k) || initialism_goes_on(t, k)
}

/// Words that open a sentence after an initialism that ends the one before
/// ("in the U.S. The company said").
const OPENERS_AFTER_INITIALISM: &[&str] = &[
    "the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "this", "that", "these", "those", "in", "on", "but", "and", "there", "his", "her",
];

/// Whether the initialism in capitals at `k` ("U.S.", "U.K.", "U.N.") goes
/// on into the name of several capitalised words after it ("the U.S. East
/// Coast", "U.S. President Biden"), rather than closing its sentence with
/// its point.
fn initialism_goes_on(t: &Tokens<'_>, k: usize) -> bool {
    let raw = t.raw(k);
    raw.len() > 2 && raw.ends_with('.') && raw.contains('.') && raw.bytes().filter(|b| b.is_ascii_alphabetic()).all(|b| b.is_ascii_uppercase())
        && cap(t, k + 1)
        && word(t, k + 1)
        // (into a name of several words: not "for fans in the U.S. Heads up:")
        && cap(t, k + 2)
        && word(t, k + 2)
        && !any(t, k + 1, OPENERS_AFTER_INITIALISM)
}

/// Verbs of a beginning: a midnight they happen at begins the day named
/// ("takes effect at midnight on Jan. 1"), where "until midnight on
/// Saturday" ends it.
const ONSET_VERBS: &[&str] = &[
    "begin",
    "begins",
    "began",
    "start",
    "starts",
    "started",
    "open",
    "opens",
    "opened",
    "launch",
    "launches",
    "launched",
    "enter",
    "enters",
    "entered",
    "effect",
    "premiere",
    "premieres",
    "premiered",
    "dawned",
    // (a release happens as its day begins: "will release the album at
    // midnight on Friday")
    "release",
    "releases",
    "debut",
    "debuts",
    "available",
];

/// Words that end the reach of a verb of beginning before a midnight,
/// besides a verb of ending nearer to it (`events::ENDING_VERBS`: "began on
/// Monday and ends at midnight on Friday"): a joined clause, a bound, an
/// expiry, or a length the verb's state lasts ("will be open for 24 hours
/// as of Tuesday midnight").
const ONSET_STOPS: &[&str] =
    &[";", ".", "until", "till", "through", "to", "before", "by", "and", "but", "or", "for", "expire", "expires", "deadline"];

/// Whether the midnight at token `start`, on the day ending at token
/// `day_end`, begins that day: with the day itself said to begin ("just as
/// Friday, Oct. 29, began"), or, when the day is written with it
/// (`attached`), after a verb of beginning in its clause ("enters into force
/// at midnight GMT on Thursday, Jan. 1").
pub fn onset(t: &Tokens<'_>, start: usize, day_end: usize, attached: bool) -> bool {
    let reach = if attached { ONSET_REACH } else { 0 };
    // (a comma that sets off a quoted title is no clause's end: "will release
    // her album, "Kahurangi," at midnight")
    let quote = |k: usize| k < t.len() && matches!(t.raw(k), "\"" | "“" | "”");
    // (nor is the point of a figure a full stop: "will start its 12.12 sale at
    // midnight")
    let stop = |k: usize| {
        any(t, k, ONSET_STOPS) && !figure_point(t, k)
            || any(t, k, super::events::ENDING_VERBS)
            || is(t, k, ",") && !(quote(k + 1) || k > 0 && quote(k - 1))
    };
    // ("midnight tonight" ends today, whatever begins then)
    if (start..day_end).any(|k| any(t, k, &["tonight", "today"])) {
        return false;
    }
    // ("available to stream from midnight on Friday": a start of its own)
    if attached && start > 0 && is(t, start - 1, "from") {
        return true;
    }
    // ("at midnight at the start of Tuesday")
    if (start..day_end).any(|k| any(t, k, &["start", "beginning"]) && is(t, k + 1, "of")) {
        return true;
    }
    let before = (start.saturating_sub(reach)..start).rev().take_while(|&k| !stop(k));
    let after = (day_end..(day_end + 2).min(t.len())).filter(|&k| !is(t, k, ","));
    // (a clause of time after the day says it begins, unless a verb of ending
    // governs the midnight: "ends at midnight on Friday, as the new rules begin")
    let ends =
        || (start.saturating_sub(ONSET_REACH)..start).rev().take_while(|&k| !any(t, k, &[".", ";"])).any(|k| any(t, k, super::events::ENDING_VERBS));
    // (the clause speaks of the day written with the midnight only: "at midnight,
    // as the Year of the Rat begins" ends the day under discussion)
    // (the weekday written with the midnight, which a day that "turns into"
    // another must be the latter of)
    let written = (start.saturating_sub(ONSET_REACH)..day_end).rev().find_map(|k| weekday(t, k)).map(|(_, dow)| dow);
    before.chain(after).any(|k| any(t, k, ONSET_VERBS)) || attached && onset_clause(t, day_end, written) && !ends()
}

/// Whether a clause of time set off by a comma at token `k` says a day
/// begins: "…, the moment that day begins in Japan", "…, as soon as Sunday
/// turns into Monday", "…, just as Friday began"; not any clause of
/// "when", which may tell what follows the end ("closes at midnight on
/// Friday, when the count begins").
fn onset_clause(t: &Tokens<'_>, k: usize, written: Option<u8>) -> bool {
    let opens = any(t, k + 1, &["as", "just"]) || is(t, k + 1, "the") && any(t, k + 2, &["moment", "instant", "minute"]);
    is(t, k, ",")
        && opens
        && (k + 2..(k + 2 + ONSET_CLAUSE_REACH).min(t.len()))
            .take_while(|&j| !any(t, j, &[".", ";", ","]))
            .try_fold(false, |said, j| {
                // (a weekday named there, not the one a day turns into, is the day
                // the midnight leads into: "at midnight on Saturday, as carnival
                // Sunday begins" ends Saturday; not "as Sunday turns into Monday")
                let other_day = weekday(t, j).is_some() && !is(t, j.saturating_sub(1), "into") && !any(t, j + 1, &["turns", "turned"]);
                // ("as Tuesday turns into Wednesday" begins Wednesday only: at
                // "midnight on Tuesday" it ends Tuesday)
                let turns =
                    any(t, j, &["turns", "turned"]) && is(t, j + 1, "into") && written.is_none_or(|w| weekday(t, j + 2).is_some_and(|d| d.1 == w));
                (!other_day).then_some(said || any(t, j, ONSET_VERBS) || turns)
            })
            .unwrap_or(false)
}

/// Words that name a day by the event held on it: "matchday", "race day",
/// "polling day", "opening night".
const EVENT_DAYS: &[&str] = &["matchday", "raceday", "gameday"];

/// The events whose day or night a following "day" or "night" names
/// ("polling day", "election night", "premiere night").
const EVENT_DAY_OF: &[&str] = &[
    "match",
    "race",
    "game",
    "polling",
    "election",
    "voting",
    "launch",
    "opening",
    "premiere",
    "release",
    "wedding",
    "derby",
    "final",
    "show",
    "arrival",
    "departure",
    "event",
    "festival",
    "strike",
    "vote",
    "ballot",
    "hearing",
    "trial",
    "concert",
    "parade",
    "ceremony",
    "funeral",
    "summit",
    "gala",
];

/// The words right after a subject that are its verb or the verb's
/// auxiliary (see `Language::subject_verb`).
const SUBJECT_VERB_WORDS: &[&str] = &[
    "will",
    "is",
    "was",
    "starts",
    "start",
    "begins",
    "begin",
    "opens",
    "open",
    "kicks",
    "gets",
    "features",
    "includes",
    "sees",
    "brings",
    "continues",
    "continue",
    "runs",
    "run",
    "closes",
    "close",
    "ends",
];

/// Whether the word at `k` is the verb (or its auxiliary) right after a
/// subject, or after one noun the subject modifies: "Opening night will be
/// streamed", "Launch day coverage starts" (not a preposition: "Opening
/// night in Glasgow", "Race day for the 5K").
pub fn subject_verb(t: &Tokens<'_>, k: usize) -> bool {
    // ("there" and "here" place it: "Opening night there" is another run's)
    let noun = word(t, k) && !cap(t, k) && !any(t, k, FUNCTION_WORDS) && !any(t, k, &["there", "here"]);
    any(t, k, SUBJECT_VERB_WORDS) || noun && any(t, k + 1, SUBJECT_VERB_WORDS)
}

/// Whether the words `[from, to)` keep the subject of a sentence that opens
/// with a pronoun up to the verb at `to` (see `Language::same_subject`): no
/// relative pronoun, and no "and" or "but" before a determiner, which opens
/// a clause of another subject ("and the fare freeze lasts").
pub fn same_subject(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    !(from..to).any(|k| {
        any(t, k, &["that", "which", "who"]) || any(t, k, &["and", "but"]) && any(t, k + 1, &["the", "a", "an", "its", "their", "this", "his", "her"])
    })
}

/// Plural nouns of the occurrences of a schedule: what "for" and a number
/// count ("will run for six episodes", "for 12 performances"), and what a
/// weekday before them recurs on ("Sunday performances", "Thursday
/// concerts").
pub(super) const OCCURRENCES: &[&str] = &[
    "episodes",
    "installments",
    "instalments",
    "performances",
    "shows",
    "sessions",
    "concerts",
    "broadcasts",
    "chapters",
    "lessons",
    "classes",
    "meetings",
    "editions",
    "rounds",
    "services",
    "masses",
    "matinees",
    "matches",
    "games",
    "screenings",
    "tours",
    "markets",
    "sittings",
    "departures",
    "sailings",
    "flights",
    "lectures",
    "talks",
    "rehearsals",
    "races",
    "fixtures",
    "prayers",
];

/// The number of occurrences "for" and a number of them give (see
/// `Language::counted_occurrences`), read from `from` up to `to` or the
/// sentence's end.
pub fn counted_occurrences(t: &Tokens<'_>, from: usize, to: usize) -> Option<u32> {
    // (past a semicolon and the point of an abbreviation: "starting Nov. 7;
    // it will run for six episodes")
    let point = |k: usize| is(t, k, ".") && k > 0 && adj(t, k) && word(t, k - 1) && abbreviation(t, k - 1);
    // (nor past a closing "p.m.": "Fridays at 7 p.m. Tickets for two sessions")
    let stop = |k: usize| any(t, k, &[".", "!", "?"]) && !point(k) || closing_abbreviation(t, k);
    // (right after the schedule, or after a verb of its run: not "ordered it
    // for six episodes")
    let run = |k: usize| k <= from + 1 || k > 0 && any(t, k - 1, &["run", "runs", "air", "airs", "last", "lasts", "continue", "continues"]);
    if from > 0 && closing_abbreviation(t, from - 1) {
        return None;
    }
    (from..to.min(t.len())).take_while(|&k| !stop(k)).find_map(|k| {
        let (j, n) = cardinal(t, k + 1).filter(|_| is(t, k, "for") && run(k))?;
        // (not a count within each occurrence: "six rounds of questions", "3
        // shows each night")
        let within = any(t, j + 1, &["of", "each", "per", "a", "every", "nightly", "daily"]);
        (any(t, j, OCCURRENCES) && !within && (2..=MAX_COUNTED_OCCURRENCES).contains(&n)).then_some(n)
    })
}

/// Whether the sentence opening at `k` goes on about the subject of the one
/// before: a subject pronoun and its verb, "It is open every day from 3
/// p.m.", "It's open daily", "They perform at 8 p.m.", or a part of that
/// subject named by its possessive, "Its planetarium will screen shows every
/// day". Not a pronoun of no subject ("It seems", "It was said"), nor one
/// told in the past.
pub fn continues_subject(t: &Tokens<'_>, k: usize) -> bool {
    let contracted = any(t, k + 1, &["'", "’"]) && is(t, k + 2, "s");
    let verb = k + 1 + if contracted { 2 } else { 0 };
    let pronoun = any(t, k, &["it", "they"]) && (contracted || word(t, k + 1));
    let part = any(t, k, &["its", "their"]) && word(t, k + 1);
    (pronoun || part) && !any(t, verb, &["said", "says", "seems", "seemed", "appears", "was", "were"])
}

/// Whether the words at `k` name the night of an event day: "opening
/// night", "the night of the final" (its small hours are the next day's),
/// not the night something is for ("tickets for opening night").
pub fn names_night(t: &Tokens<'_>, k: usize) -> bool {
    // (not the night something is for: "tickets for opening night")
    !(k > 0 && is(t, k - 1, "for")) && any(t, k, EVENT_DAY_OF) && is(t, k + 1, "night")
        || is(t, k, "night") && is(t, k + 1, "of") && is(t, k + 2, "the") && any(t, k + 3, EVENT_DAY_OF)
}

/// Whether token `k` names the day of the article's own event by the event
/// ("polling day", "on arrival day", "on the day of the premiere").
pub fn names_event_day(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, EVENT_DAYS)
        || any(t, k, EVENT_DAY_OF) && any(t, k + 1, &["day", "night"])
        || any(t, k, &["day", "night"]) && is(t, k + 1, "of") && is(t, k + 2, "the") && any(t, k + 3, EVENT_DAY_OF)
}

/// Words of travel after which "from" names where someone or something
/// comes from ("a flight from Guadalajara", "arrived from Lima").
const TRAVEL: &[&str] = &[
    "flight",
    "flights",
    "train",
    "trains",
    "bus",
    "ferry",
    "arriving",
    "arrived",
    "arrives",
    "flew",
    "flying",
    "travelling",
    "traveling",
    "travelled",
    "traveled",
    "returning",
    "returned",
    "coming",
    "came",
    "transferred",
    "moved",
    "relocated",
];

/// Whether the "from" at `k` names an origin, after a word of travel.
pub fn origin(t: &Tokens<'_>, k: usize) -> bool {
    is(t, k, "from") && (k.saturating_sub(TRAVEL_REACH)..k).any(|j| any(t, j, TRAVEL))
}

/// Words of leaving after which "for" names where someone or something is
/// bound ("will sail for Sydney", "casts off at 4:30 p.m. for New York",
/// "the 7:10 train for Leeds"). Not "set": "set for Tokyo" is where it is
/// scheduled.
const LEAVING: &[&str] = &[
    "sail",
    "sails",
    "sailing",
    "sailed",
    "leave",
    "leaves",
    "leaving",
    "depart",
    "departs",
    "departing",
    "bound",
    "off",
    "train",
    "flight",
    "ferry",
    "bus",
    "heads",
    "heading",
    "head",
];

/// Whether the "for" at `k` names a destination, after a word of leaving
/// (which may stand before the time of leaving: "casts off at 4:30 p.m. for
/// New York").
/// So does "to" right after a word of leaving or a service's plural ("a
/// Saturday market sailing to Devonport", "sailings to Rottnest").
pub fn destination(t: &Tokens<'_>, k: usize) -> bool {
    is(t, k, "for") && (k.saturating_sub(DESTINATION_REACH)..k).any(|j| any(t, j, LEAVING))
        || is(t, k, "to") && k > 0 && (any(t, k - 1, LEAVING) || any(t, k - 1, SERVICES))
}

/// Plurals of a service that leaves for somewhere ("sailings to",
/// "flights to", "ferries to"), and a service itself ("a Qantas service to
/// Brisbane").
const SERVICES: &[&str] = &["sailings", "flights", "ferries", "trains", "buses", "crossings", "departures", "service", "services"];

/// Whether a "when" clause opens at token `k`, right after a day: it tells
/// what happened that day, even after a verb of reporting ("was announced
/// on Sunday, Feb. 23, when the mayor gave the Crida at 19:30").
pub fn when_clause(t: &Tokens<'_>, k: usize) -> bool {
    is(t, k, ",") && is(t, k + 1, "when")
}

/// Whether a clause about the place just named opens at token `k`, a comma
/// (", where many Afghans still mark Nowruz at home,"); see
/// `Language::place_clause`.
pub fn place_clause(t: &Tokens<'_>, k: usize) -> bool {
    is(t, k, ",") && is(t, k + 1, "where")
}

/// Nouns of a tie between parties: a place after "with" one of them is a
/// party, not where something happens ("in free association with New
/// Zealand", "a treaty with Japan"); after any other word "with" often
/// brings in where something happens (", with Sydney's fireworks starting
/// at 9 p.m.").
const TIES: &[&str] = &["association", "treaty", "agreement", "accord", "deal", "ties", "relations", "partnership", "alliance", "union"];

/// Whether the word at `k` makes the place after it a party to something
/// rather than where it happens ("in free association with New Zealand",
/// "a friendly against Japan"), or the place a clock is compared with: it
/// locates no time of its clause.
pub fn companion(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, &["against", "versus", "vs", "vs."]) || is(t, k, "with") && k > 0 && any(t, k - 1, TIES) || compared(t, k) || opposing(t, k)
}

/// Whether the word at `k` is a verb whose object is the other side of a
/// match (not the noun: "The host Philippines enjoyed an early lead").
fn opposing(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, OPPOSING) && !(k > 0 && any(t, k - 1, &["the", "a", "an", "its", "their"]))
}

/// Verbs whose object is the other side of a match, named after its town
/// ("Port Adelaide host Brisbane at 7:30 p.m.", "will face Leeds"): a team,
/// not where the match is.
/// (Not "play" or "visit", which a band or a van does at a place: "will play
/// Dublin on Friday", "will visit Mount Gambier".)
const OPPOSING: &[&str] = &["host", "hosts", "hosting", "face", "faces", "facing", "beat", "beats"];

/// Whether the word at `k` brings in the place a clock is compared with, not
/// the one it is told for: "In Kathmandu, 15 minutes ahead of India, from
/// 1:15 a.m.", "an hour behind Perth", "two hours later than in London".
fn compared(t: &Tokens<'_>, k: usize) -> bool {
    // (past "the": "45 minutes behind the Chathams")
    let k = if is(t, k, "the") && k > 0 { k - 1 } else { k };
    let length = |j: usize| (j.saturating_sub(2)..j).any(|i| any(t, i, &["hour", "hours", "minute", "minutes", "hr", "hrs", "min", "mins"]));
    is(t, k, "of") && k > 0 && is(t, k - 1, "ahead")
        || is(t, k, "behind") && length(k)
        || is(t, k, "than") && k > 0 && any(t, k - 1, &["ahead", "behind", "later", "earlier"])
        || is(t, k, "in") && k > 0 && is(t, k - 1, "than")
}

/// The news agencies' abbreviations of US states and Canadian provinces, as
/// datelines write them after a town ("CAPE CANAVERAL, Fla.", "BADDECK,
/// N.S."), with the state's name as the gazetteer lists it ("Ga." is left
/// out: the gazetteer's Georgia is the country). A dotted initialism is one
/// token ("n.s.").
const STATES: &[(&str, &str)] = &[
    ("ala", "alabama"),
    ("ariz", "arizona"),
    ("ark", "arkansas"),
    ("calif", "california"),
    ("colo", "colorado"),
    ("conn", "connecticut"),
    ("del", "delaware"),
    ("fla", "florida"),
    ("ill", "illinois"),
    ("ind", "indiana"),
    ("kan", "kansas"),
    ("ky", "kentucky"),
    ("la", "louisiana"),
    ("md", "maryland"),
    ("mass", "massachusetts"),
    ("mich", "michigan"),
    ("minn", "minnesota"),
    ("miss", "mississippi"),
    ("mo", "missouri"),
    ("mont", "montana"),
    ("neb", "nebraska"),
    ("nev", "nevada"),
    ("okla", "oklahoma"),
    ("ore", "oregon"),
    ("pa", "pennsylvania"),
    ("tenn", "tennessee"),
    ("tex", "texas"),
    ("va", "virginia"),
    ("vt", "vermont"),
    ("wash", "washington state"),
    ("wis", "wisconsin"),
    ("wyo", "wyoming"),
    ("alta", "alberta"),
    ("b.c", "british columbia"),
    ("man", "manitoba"),
    ("n.b", "new brunswick"),
    ("n.l", "newfoundland and labrador"),
    ("nfld", "newfoundland"),
    ("n.s", "nova scotia"),
    ("ont", "ontario"),
    ("p.e.i", "prince edward island"),
    ("que", "quebec"),
    ("sask", "saskatchewan"),
    ("n.w.t", "northwest territories"),
];

/// The state a dateline's abbreviation at `k` names ("Fla" of "Fla.").
pub fn region_abbreviation(t: &Tokens<'_>, k: usize) -> Option<&'static str> {
    STATES.iter().find(|(a, _)| t.lw(k) == *a || t.lw(k).strip_suffix('.') == Some(*a)).map(|(_, name)| *name)
}

/// Adverbs that put what follows after the event told before ("It will then
/// air every Thursday", "thereafter daily at 11:05").
const SEQUENCE: &[&str] = &["then", "thereafter", "afterwards", "afterward", "subsequently"];

/// Words before "then" that make it a time of its own rather than a
/// sequence ("since then", "by then", "back then", "until then").
const THEN_AS_TIME: &[&str] = &["since", "by", "back", "until", "till", "before", "even", "only", "just"];

/// Verbs of a move from one timetable to the next ("will move to a reduced
/// winter timetable on Monday", "switches to summer hours on April 1").
const MOVES_TO: &[&str] =
    &["move", "moves", "moving", "switch", "switches", "switching", "change", "changes", "changing", "revert", "reverts", "shift", "shifts"];

/// Nouns of the timetable a move goes to (with "hours", which after such a
/// move names the timetable too).
const TIMETABLE_NOUNS: &[&str] = &["timetable", "timetables", "schedule", "schedules", "hours"];

/// Whether the word at `k` is the timetable of a move to it, its date the
/// start of what it schedules: a verb of [`MOVES_TO`], "to", at most
/// [`crate::tuning::TIMETABLE_WORDS`] + 1 words (a determiner and its
/// modifiers), then the noun at `k`.
/// A move told of someone else, as a wish or a condition is none: "Drivers
/// who switch to", "asked to change to", "would shift to".
fn moves_to_timetable(t: &Tokens<'_>, k: usize) -> bool {
    let mover = |v: usize| v > 0 && any(t, v, MOVES_TO) && !any(t, v - 1, NOT_A_MOVE);
    any(t, k, TIMETABLE_NOUNS)
        && (k.saturating_sub(crate::tuning::TIMETABLE_WORDS + 2)..k)
            .find(|&j| is(t, j, "to"))
            .is_some_and(|j| j > 0 && mover(j - 1) && (j + 1..k).all(|w| word(t, w) && !cap(t, w)))
}

/// Words before a verb of moving that make it no move the text tells of.
const NOT_A_MOVE: &[&str] = &["who", "that", "which", "to", "would", "could", "might", "if", "not", "n't", "should"];

/// Words of an event that opens a run: its first occurrence ("The first
/// ferry leaves on May 2 at 6:15 a.m.", "premieres Friday at 9 p.m.").
const OPENING: &[&str] = &[
    "open",
    "begin",
    "start",
    "premiere",
    "premieres",
    "debut",
    "debuts",
    "launch",
    "launches",
    "inaugural",
    "maiden",
    "first",
    "opener",
    "opening",
    "opens",
    "begins",
    "starts",
    "kicks",
    "reopens",
    "resumes",
];

/// Whether the word at `k` names one occurrence of a schedule as its own
/// ("For the premiere, that means 9:30 a.m. Eastern", "Opening night
/// streams at 11 p.m. ET", "the session starts at 6:30 p.m."): a word of an
/// opening, but not a verb of starting told of many ("the same papers start
/// at 9 a.m. in Dubai").
pub fn names_occurrence(t: &Tokens<'_>, k: usize) -> bool {
    // (a verb of starting after a plural subject: "the papers start", "games
    // begin"; "the session starts", "Saturday's start" are one occurrence)
    let plural_subject = k > 0 && word(t, k - 1) && t.lw(k - 1).len() > 3 && t.lw(k - 1).ends_with('s') && !t.lw(k - 1).ends_with("ss");
    schedule_cue(t, k) == Some(crate::lang::ScheduleCue::Opens) && !(any(t, k, &["open", "begin", "start"]) && plural_subject)
}

/// Words of a date that ends a run ("The initial run ends on Friday, June
/// 26", "the finale airs on Dec. 20").
const CLOSING: &[&str] = &["ends", "concludes", "wraps", "finishes", "ending", "end", "conclude", "wrap"];

/// Words of the last of a series ("the finale airs on Dec. 20", "its final
/// chapter", "the last show").
const LAST_OF: &[&str] = &["finale", "final", "last"];

/// Nouns of what a run produces rather than of one of its occurrences,
/// which "final" or "last" before them does not make the run's end ("a
/// final report on Nov. 24", "the last word"; but "the final show", "the
/// last one").
const NOT_OCCURRENCES: &[&str] = &[
    "report",
    "reports",
    "word",
    "say",
    "decision",
    "decisions",
    "verdict",
    "ruling",
    "result",
    "results",
    "figure",
    "figures",
    "version",
    "draft",
    "price",
    "prices",
    "score",
    "tally",
    "count",
    "offer",
    "approval",
    "answer",
    "statement",
    "estimate",
    "estimates",
    "reading",
    "data",
    "numbers",
    "text",
    "agreement",
    "deal",
    "payment",
    "quarter",
];

/// Words that close a run, or, with an hour, a day ("closes Sept. 6", "closes
/// at 1 p.m. on Friday").
const SHUTTING: &[&str] = &["closes", "close", "closing", "shuts"];

/// Words of a closure or a halt: the stretch of days after them is no run
/// of the event the article is about.
const HALTING: &[&str] = &["closed", "shut", "suspended", "halted", "banned", "cancelled", "canceled", "postponed", "paused", "disrupted"];

/// Verbs of lasting, which make the "until" or "through" after them the end
/// of a run ("a timetable that runs until Jan. 4", "running through the end
/// of the year").
/// (and an exhibition's: "will hang in the West Pavilion until July 10",
/// "will be on view until Feb. 23")
const LASTING: &[&str] = &[
    "run",
    "runs",
    "running",
    "continue",
    "continues",
    "continuing",
    "last",
    "lasts",
    "lasting",
    "stay",
    "stays",
    "remain",
    "remains",
    "hang",
    "hangs",
    "view",
    "display",
];

/// Verbs of a run's lasting in a clause of time ("while the winter
/// timetable runs", "each evening that the night train runs", "on every day
/// that tests are held", "on each day that the council meets").
const RUNS_AS_LONG: &[&str] =
    &["runs", "run", "lasts", "last", "operates", "operate", "continues", "continue", "held", "sits", "sit", "meets", "meet"];

/// Nouns a "for the ... of" spans a run with ("for the duration of the
/// exhibition", "for the rest of the season").
const SPANNING: &[&str] = &["duration", "length", "rest", "remainder", "course", "life"];

/// What the word or phrase at `k` tells of a schedule's run.
pub fn schedule_cue(t: &Tokens<'_>, k: usize) -> Option<crate::lang::ScheduleCue> {
    use crate::lang::ScheduleCue;
    // "closed from Tuesday until Sunday": a closure, no event's run
    if any(t, k, HALTING) {
        return Some(ScheduleCue::Halts);
    }
    // "from launch day": the article's own event, named
    if is(t, k, "from") && (k + 1..(k + 4).min(t.len())).any(|j| names_event_day(t, j)) {
        return Some(ScheduleCue::Since);
    }
    // ("From the launch, trains will leave ...": the event itself, not its day)
    if is(t, k, "from") && is(t, k + 1, "the") && any(t, k + 2, EVENT_DAY_OF) && !any(t, k + 3, &["of", "'", "’"]) && !word(t, k + 3) {
        return Some(ScheduleCue::Since);
    }
    // "After launch, ...", "After the opening weekend, ...": the day after the event
    let event = if is(t, k + 1, "the") { k + 2 } else { k + 1 };
    if is(t, k, "after") && any(t, event, EVENT_DAY_OF) && !cap(t, event) {
        return Some(ScheduleCue::After);
    }
    // "Once the regatta is over, ...", "once the festival ends": after the event
    if is(t, k, "once") && is(t, k + 1, "the") && (k + 2..(k + 2 + ONCE_OVER_WORDS).min(t.len())).any(|j| any(t, j, OVER)) {
        return Some(ScheduleCue::After);
    }
    if any(t, k, SEQUENCE) {
        // ("from then on" is a sequence; "since then" a time)
        let time = is(t, k, "then") && k > 0 && any(t, k - 1, THEN_AS_TIME);
        return (!time).then_some(ScheduleCue::Then);
    }
    if is(t, k, "after") && is(t, k + 1, "that") && !word(t, k + 2) {
        return Some(ScheduleCue::Then);
    }
    // ("currently leaves every 20 minutes", "Until then, it leaves ...")
    if any(t, k, &["currently", "still"]) || any(t, k, &["until", "till"]) && is(t, k + 1, "then") {
        return Some(ScheduleCue::Current);
    }
    // ("From that day until March 31, the ferry will leave ...")
    if is(t, k, "from") && is(t, k + 1, "that") && any(t, k + 2, &["day", "date"]) {
        return Some(ScheduleCue::Then);
    }
    // ("when its winter timetable takes effect on Monday, Oct. 28", "comes
    // into force on May 1": what starts then is a timetable)
    // ("remains in force until Monday" is a state that holds already)
    let in_force = any(t, k, &["effect", "force"]) && k > 0 && any(t, k - 1, &["takes", "take", "took", "into"]);
    // ("is coming back to GMA Network on Saturday, July 11")
    let back = is(t, k, "back") && k > 0 && any(t, k - 1, &["coming", "comes", "come"]);
    if any(t, k, OPENING) || in_force || back {
        return Some(ScheduleCue::Opens);
    }
    if moves_to_timetable(t, k) {
        return Some(ScheduleCue::Moves);
    }
    // ("runs until April 30" stays out: what runs may be another thing,
    // "Pre-orders run until April 30")
    if any(t, k, CLOSING) {
        return Some(ScheduleCue::Closes);
    }
    // ("the final", "the last episode", but not "a final report")
    if any(t, k, LAST_OF) && !any(t, k + 1, NOT_OCCURRENCES) {
        return Some(ScheduleCue::Finale);
    }
    if any(t, k, SHUTTING) {
        return Some(ScheduleCue::Shuts);
    }
    // ("continues at Suhrawardy Udyan and the Bangla Academy until Feb. 28":
    // its venue between the verb and its end; not "continue selling the phone
    // in Europe until", "continue as chief executive until")
    let until = |j: usize| any(t, j, &["until", "through", "till", "thru"]);
    let venue = any(t, k + 1, &["at", "in"]) && (k + 2..(k + 1 + LASTS_REACH).min(t.len())).take_while(|&j| word(t, j)).any(until);
    if any(t, k, LASTING) && (until(k + 1) || venue) {
        return Some(ScheduleCue::Lasts);
    }
    let determiner = |j: usize| any(t, j, &["the", "its", "their", "this"]);
    // ("during that period", "over those days": a stretch told before)
    // ("over the same period")
    let back = |j: usize| {
        let (j, noun) = if is(t, j, "the") && is(t, j + 1, "same") { (j + 1, j + 2) } else { (j, j + 1) };
        any(t, j, &["that", "those", "same"]) && (unit(t, noun).is_some() || any(t, noun, &["period", "stretch", "time", "days", "weeks"]))
    };
    // ("throughout the festival season", "during the holiday season": a
    // season of the event is longer than its run, and no stretch the text dates)
    let season_of = is(t, k + 3, "season") && word(t, k + 2);
    // ("year-round", "year round", "permanently"; not "all year", which is as
    // often a comparison: "the busiest fortnight all year")
    let year_round = |k: usize| {
        is(t, k, "year") && (is(t, k + 1, "round") || is(t, k + 1, "-") && is(t, k + 2, "round")) || any(t, k, &["permanent", "permanently"])
    };
    if any(t, k, &["during", "throughout"]) && determiner(k + 1) && season_of || year_round(k) {
        return Some(ScheduleCue::Outlasts);
    }
    if any(t, k, &["during", "throughout"]) && determiner(k + 1) || any(t, k, &["during", "over", "throughout"]) && back(k + 1) {
        return Some(ScheduleCue::Throughout);
    }
    if is(t, k, "for") && determiner(k + 1) && any(t, k + 2, SPANNING) && is(t, k + 3, "of") {
        return Some(ScheduleCue::Throughout);
    }
    // "while the winter timetable runs", "on each evening that the night
    // train runs": as long as the run of something told before (its noun
    // phrase of a few words, then a verb of lasting)
    let clause =
        |j: usize| (j + 1..(j + 2 + RUN_CLAUSE_WORDS).min(t.len())).take_while(|&w| word(t, w) && !cap(t, w)).any(|w| any(t, w, RUNS_AS_LONG));
    let each_day = |j: usize| j >= 2 && any(t, j - 1, &["day", "night", "evening", "morning", "afternoon"]) && any(t, j - 2, &["each", "every"]);
    if is(t, k, "while") && is(t, k + 1, "the") && clause(k + 1) || any(t, k, &["that", "when"]) && each_day(k) && clause(k) {
        return Some(ScheduleCue::Throughout);
    }
    // "every night of the festival" (not "every day of the week")
    if is(t, k, "of") && k > 0 && any(t, k - 1, &["night", "day", "evening", "morning", "afternoon"]) && determiner(k + 1) && unit(t, k + 2).is_none()
    {
        return Some(ScheduleCue::Throughout);
    }
    None
}

/// Words that name a street or a crossing after its name ("Queens Wharf",
/// "King William Street", "the Vasco da Gama Bridge"): the name is the
/// street's, not a place's.
const STREETS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "wharf",
    "quay",
    "lane",
    "boulevard",
    "drive",
    "terrace",
    "crescent",
    "highway",
    "bridge",
    "tunnel",
    // ("on Courtenay Place" in Wellington is no Courtenay, B.C.)
    "place",
    "circus",
];

/// The plural of a street noun, after the names of two streets told
/// together ("Kearny and Jackson streets"): each name is a street's.
const STREET_PLURALS: &[&str] = &["streets", "avenues", "roads", "lanes", "boulevards", "drives"];

/// The titles of saints that begin place names in English and the Romance
/// languages ("St. Louis", "San Juan", "São Paulo", "Santo Domingo").
const SAINTS: &[&str] = &["st", "st.", "saint", "san", "santo", "santa", "são", "sao", "santiago"];

/// Houses of worship, which are named after saints ("the Santo Domingo
/// church"): a saint's place name before one is the saint's.
const CHURCHES: &[&str] = &["church", "cathedral", "basilica", "chapel", "parish", "convent", "monastery", "abbey", "shrine", "mission"];

/// Particles of Romance names that join a name to the rest of a longer
/// one ("Palacio de Bellas Artes", "Teatro della Pergola", "Casa da
/// Música"), written in lower case.
const NAME_PARTICLES: &[&str] = &["de", "del", "della", "di", "da", "do", "dos", "das", "des", "du"];

/// Articles that may stand between such a particle and the next name
/// ("Teatro de la Ciudad", "Museo de los Niños").
const NAME_ARTICLES: &[&str] = &["la", "las", "los", "le", "les", "l'"];

/// Words that tell an event is over, after "once the ..." ("Once the regatta
/// is over", "once the festival ends").
const OVER: &[&str] = &["over", "ends", "ended", "finished", "finishes", "done", "closes", "wraps"];

/// Words that end a company's name ("Kumo Pictures", "Paramount Studios").
const COMPANIES: &[&str] = &[
    "pictures",
    "studios",
    "studio",
    "records",
    "entertainment",
    "productions",
    "films",
    "media",
    "holdings",
    "group",
    "inc",
    "ltd",
    "corp",
    "corporation",
    "airlines",
    "airways",
    "motors",
    "labs",
    "partners",
    "ventures",
    "publishing",
];

/// Prepositions of place: a name after one is a place ("in Wichita").
const LOCATIVE: &[&str] = &["in", "at", "from", "to", "near", "outside"];

/// Function words that may stand capitalised before a name without being a
/// first name ("The Wichita Harvesters", "New Zealand").
const FUNCTION_WORDS: &[&str] = &["the", "a", "an", "in", "at", "on", "of", "for", "and", "by", "to", "from", "with", "this", "that", "new"];

/// Words that open the name of a street or square named after a place, in
/// the languages such names keep in English text ("Campo de São Francisco",
/// "Plaza de Mayo", "Rue de Rivoli", "Avenida Paulista"), and of a centre
/// named so ("Centro Colombo", a mall in Lisbon).
const STREET_HEADS: &[&str] = &[
    "campo",
    "praça",
    "praca",
    "largo",
    "rua",
    "avenida",
    "plaza",
    "calle",
    "paseo",
    "piazza",
    "viale",
    "via",
    "rue",
    "place",
    "boulevard",
    "quai",
    "centro",
];

/// Nouns of a party from a country, which its name before them tells whose
/// it is, not where it is ("His New Zealand counterpart", "the Japan squad").
const PARTIES: &[&str] = &[
    "counterpart",
    "counterparts",
    "coach",
    "captain",
    "skipper",
    "team",
    "squad",
    "side",
    "delegation",
    "players",
    "manager",
    "camp",
    "contingent",
    "ambassador",
    "envoy",
    "embassy",
    "consulate",
];

/// Plural words that end the name of a place, not of a team ("Victoria
/// Falls", "Washington Heights"), of an exchange ("Oslo Børs"), or of an
/// event held there ("the Tokyo Games", "the Paris Olympics").
const PLACE_PLURALS: &[&str] = &[
    "heights",
    "gardens",
    "springs",
    "falls",
    "hills",
    "islands",
    "keys",
    "plains",
    "lakes",
    "woods",
    "flats",
    "docks",
    "sands",
    "downs",
    "rapids",
    "fields",
    "meadows",
    "shores",
    "banks",
    "palms",
    "rocks",
    "isles",
    "towers",
    "mountains",
    "highlands",
    "lowlands",
    "territories",
    "states",
    "børs",
    "bors",
    "games",
    "olympics",
    "paralympics",
    "championships",
    "talks",
    "awards",
    "festivities",
    "celebrations",
];

/// Lower-case nouns of a station or a road named after a place ("Jamaica
/// station", "the Canada line").
const FACILITIES: &[&str] = &["station", "terminal", "line", "road", "street", "avenue"];

/// What the words around a place name at tokens `[start, end)` say of it.
pub fn place_context(t: &Tokens<'_>, start: usize, end: usize) -> crate::lang::PlaceContext {
    let locative = start > 0 && any(t, start - 1, LOCATIVE);
    // (a street or square named after a place: "in the Campo de São Francisco")
    let head = (start.saturating_sub(STREET_HEAD_REACH)..start).rev().find(|&j| !any(t, j, NAME_PARTICLES) && !any(t, j, NAME_ARTICLES));
    let named_after = head.is_some_and(|j| cap(t, j) && any(t, j, STREET_HEADS));
    crate::lang::PlaceContext {
        // (but "St" before a name is a saint's: "London St Pancras", "St Kilda")
        street: named_after
            || end < t.len() && cap(t, end) && any(t, end, STREETS) && !(any(t, end, &["st", "st."]) && cap(t, end + 1) && word(t, end + 1))
            // (or one of the streets named together: "near Kearny and Jackson
            // streets", "at the corner of Flinders and Swanston streets")
            || any(t, end, STREET_PLURALS)
            || any(t, end, &["and", "&"]) && end + 2 < t.len() && cap(t, end + 1) && word(t, end + 1) && any(t, end + 2, STREET_PLURALS),
        // (or a firm of partners: "Halden & Rowe", "Marks & Spencer")
        company: end < t.len() && cap(t, end) && any(t, end, COMPANIES)
            || is(t, end, "&") && end + 1 < t.len() && cap(t, end + 1) && word(t, end + 1)
            || start >= 2 && is(t, start - 1, "&") && cap(t, start - 2) && word(t, start - 2),
        facility: end < t.len() && !cap(t, end) && any(t, end, FACILITIES),
        team: end < t.len() && word(t, end) && cap(t, end) && plural_noun(t, end) && !any(t, end, PLACE_PLURALS),
        county: end < t.len() && cap(t, end) && is(t, end, "county"),
        // (or ends one: "the Círio de Nazaré" is no Nazaré, Bahia)
        part_of_name: end + 1 < t.len()
            && any(t, end, NAME_PARTICLES)
            && !cap(t, end)
            && (cap(t, end + 1) || (any(t, end + 1, NAME_ARTICLES) && end + 2 < t.len() && cap(t, end + 2)))
            || start >= 2 && any(t, start - 1, NAME_PARTICLES) && !cap(t, start - 1) && cap(t, start - 2) && word(t, start - 2)
            // (past an article too: "Nuestra Señora de la Alameda" is no Alameda, Calif.)
            || start >= 3
                && any(t, start - 1, NAME_ARTICLES)
                && !cap(t, start - 1)
                && any(t, start - 2, NAME_PARTICLES)
                && !cap(t, start - 2)
                && cap(t, start - 3)
                && word(t, start - 3)
            // (a saint with an epithet: "the Cathedral of St. John the Baptist" is
            // no Saint John, N.B.)
            // (singular: a team after a city is plural, "In St. Louis the Cardinals")
            || any(t, start, &["st", "st.", "saint"]) && is(t, end, "the") && cap(t, end + 1) && word(t, end + 1) && !t.lw(end + 1).ends_with('s')
            // (a church named after its saint: "the Santo Domingo church", "St.
            // Louis Cathedral")
            || any(t, start, SAINTS) && any(t, end, CHURCHES),
        // (a party from there: "His New Zealand counterpart", "the Japanese
        // squad"; not a thing there, "New Zealand polling stations open at 9 a.m.")
        attributive: !(locative || start >= 2 && is(t, start - 1, "the") && any(t, start - 2, LOCATIVE))
            && !(end >= start + 2 && is(t, end - 1, "s") && any(t, end - 2, &["'", "’"]))
            && any(t, end, PARTIES),
        locative,
        after_function_word: start > 0 && any(t, start - 1, FUNCTION_WORDS),
        owner: !locative && possessive_before_name(t, end),
        possessed_by: possessive_owner(t, start),
    }
}

/// Words that end the name of a place one can be at: after a possessive
/// place, it is still that place ("Tokyo's Haneda Airport", "London's Hyde
/// Park"), not whose team or person.
const VENUES: &[&str] = &[
    "terminal",
    "terminus",
    "quay",
    "wharf",
    "jetty",
    "airport",
    "park",
    "stadium",
    "arena",
    "station",
    "hall",
    "square",
    "centre",
    "center",
    "museum",
    "gallery",
    "theatre",
    "theater",
    "church",
    "cathedral",
    "bridge",
    "harbour",
    "harbor",
    "port",
    "pier",
    "beach",
    "market",
    "garden",
    "gardens",
    "palace",
    "castle",
    "tower",
    "street",
    "road",
    "avenue",
    "ground",
    "oval",
    "field",
    "racecourse",
    "library",
    "university",
    "hospital",
    "zoo",
    // (venues named in their own languages, and others a tour plays)
    "teatro",
    "auditorium",
    "auditorio",
    "amphitheatre",
    "amphitheater",
    "coliseum",
    "dome",
    "pavilion",
    "plaza",
    "bowl",
    "opera",
    "cinema",
    "casino",
    "forum",
    "velodrome",
    "speedway",
    "circuit",
    "hotel",
    "mall",
    "temple",
    "mosque",
    "shrine",
    "basilica",
    "chapel",
    "abbey",
];

/// The last words of names of landforms, which many places share ("Long
/// Beach", "Sandy Bay", "Pine Point"): such a name within another may be a
/// local one.
const LANDFORMS: &[&str] =
    &["beach", "bay", "point", "island", "harbour", "harbor", "creek", "river", "lake", "springs", "falls", "cove", "heights", "hill", "hills"];

/// Whether the city name at tokens `[k, end)` stands after a determiner and
/// ends its noun phrase, as the name of a street or district there does
/// ("along the Alameda." in Santiago), not a city ("in Alameda"), nor a
/// name that qualifies a noun after it ("the Dublin team", "the Birmingham
/// Blaze" are of those cities).
/// (Capitalised only where it opens a sentence: "The Alameda will be closed
/// from 5 a.m."; "The Hague" is a name the gazetteer holds whole.)
pub fn determined_name(t: &Tokens<'_>, k: usize, end: usize) -> bool {
    let ends_phrase = !word(t, end) || any(t, end, &["on", "in", "at", "and", "or", "to", "from", "for", "with", "is", "will", "was", "near"]);
    k > 0 && is(t, k - 1, "the") && (!cap(t, k - 1) || opens_sentence(t, k - 1)) && ends_phrase
}

/// Whether the place name at `[start, end)` ends with a word of a landform.
pub fn landform_name(t: &Tokens<'_>, start: usize, end: usize) -> bool {
    end > start + 1 && any(t, end - 1, LANDFORMS)
}

/// The first token of the capitalised name whose possessive ends right
/// before token `start` ("Bhaktapur's" before "Kamal"), if one does.
fn possessive_owner(t: &Tokens<'_>, start: usize) -> Option<usize> {
    let apostrophe = |k: usize| matches!(t.raw(k), "'" | "’");
    let last = if start >= 3 && is(t, start - 1, "s") && apostrophe(start - 2) { start - 3 } else { return None };
    if !(word(t, last) && cap(t, last) && t.toks[last + 1].start == t.toks[last].end) {
        return None;
    }
    (last.saturating_sub(OWNED_NAME_WORDS)..=last).rev().take_while(|&j| word(t, j) && cap(t, j)).last()
}

/// Whether a name ending at token `end` is a possessive ("Nairobi's",
/// "Texas'", with the possessive inside or right after the name) that a
/// capitalised name follows, which is no place ([`VENUES`]).
fn possessive_before_name(t: &Tokens<'_>, end: usize) -> bool {
    let apostrophe = |k: usize| matches!(t.raw(k), "'" | "’");
    let inside = end >= 2 && apostrophe(end - 2) && is(t, end - 1, "s") || end >= 1 && apostrophe(end - 1);
    let after = if apostrophe(end) && is(t, end + 1, "s") {
        Some(end + 2)
    } else if apostrophe(end) {
        Some(end + 1)
    } else {
        inside.then_some(end)
    };
    let Some(k) = after.filter(|&k| k < t.len() && word(t, k) && cap(t, k)) else { return false };
    // (the capitalised run after it, up to the first word that is not, which
    // may itself be the venue's noun: "Lisbon's Oriente station")
    let run_end = (k..(k + OWNED_NAME_WORDS).min(t.len())).find(|&j| !(word(t, j) && cap(t, j))).unwrap_or(k + OWNED_NAME_WORDS);
    !(k..=run_end.min(t.len().saturating_sub(1))).any(|j| any(t, j, VENUES))
}

/// Small words a title leaves in lower case.
const TITLE_WORDS: &[&str] = &["in", "of", "the", "a", "an", "and", "at", "to", "on", "for", "by", "from", "with", "or"];

/// Whether the word at `k` is a small word of titles.
pub fn title_word(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, TITLE_WORDS)
}
