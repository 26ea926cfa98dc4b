//! Small recognisers shared by the English rules: numbers, month and weekday
//! names, units, ordinals, years. Each takes the tokens and a position and
//! returns the position after what it read together with its value.

use crate::expr::{Amount, Pod, Season, Unit};
use crate::lex::{TokKind, Tokens};
use crate::lexicon::Entry;
use crate::tuning::COUNTED_NOUN_WORDS;

/// Whether token `i` is the lowercase word `w`.
#[inline(always)]
pub fn is(t: &Tokens<'_>, i: usize, w: &str) -> bool {
    t.is(i, w)
}

/// Whether token `i` is one of `ws`.
#[inline(always)]
pub fn any(t: &Tokens<'_>, i: usize, ws: &[&str]) -> bool {
    t.is_any(i, ws)
}

/// Whether `w` is one of `ws` (as `ws.contains(&w)`). The rules test words
/// against lists all the time, and most words are in none: a word is
/// compared whole only with the words of its length and first letter.
#[inline]
pub fn among(w: &str, ws: &[&str]) -> bool {
    among_bytes(w.as_bytes(), ws)
}

#[inline]
fn among_bytes(w: &[u8], ws: &[&str]) -> bool {
    let first = w.first();
    ws.iter().any(|s| s.len() == w.len() && s.as_bytes().first() == first && s.as_bytes() == w)
}

/// Whether token `k` ends a sentence: ".", ";", "!" or "?", but not the
/// point of an abbreviation written right after it ("Oct.", "p.m.").
pub fn full_stop(t: &Tokens<'_>, k: usize) -> bool {
    any(t, k, &[".", ";", "!", "?"]) && !(k > 0 && adj(t, k) && super::cues::abbreviation(t, k - 1))
}

/// Whether token `i` exists and touches the token before it (no space).
#[inline]
pub fn adj(t: &Tokens<'_>, i: usize) -> bool {
    i < t.len() && !t.toks[i].space_before
}

/// Whether token `k` looks like a plural noun by its ending: a word of more
/// than three letters in "-s", not "-ss" nor "-us" ("visitors", "screenings";
/// not "address", "bonus").
pub fn plural_noun(t: &Tokens<'_>, k: usize) -> bool {
    let w = t.lw(k);
    word(t, k) && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
}

/// Whether the "." at `k` is the point of a figure written right on, not a
/// full stop ("3.5", "12.12").
pub fn figure_point(t: &Tokens<'_>, k: usize) -> bool {
    is(t, k, ".") && k > 0 && adj(t, k) && adj(t, k + 1) && digits(t, k - 1) && digits(t, k + 1)
}

/// Whether token `i` is a capitalised word.
#[inline]
pub fn cap(t: &Tokens<'_>, i: usize) -> bool {
    t.toks.get(i).is_some_and(|k| k.cap)
}

/// Whether token `i` may be read as the time it names: written as a name,
/// or a word the lexicon reads in lower case too ("see you friday").
pub fn named(t: &Tokens<'_>, i: usize) -> bool {
    t.toks.get(i).is_some_and(|k| k.cap || k.case_free)
}

/// Whether the "a.m." or "p.m." at token `k` also ends its sentence: the
/// lexer keeps the full stop inside the token, so in "from 2 to 4 p.m.
/// Pre-orders run until April 30" no stop token follows it. It does when a
/// capitalised word follows that is no word of time ("4 p.m. Tuesday" and
/// "8 p.m. EST" go on). (Other initialisms, "U.S. Embassy", are mostly
/// inside their sentence.)
pub fn closing_abbreviation(t: &Tokens<'_>, k: usize) -> bool {
    use crate::lexicon::class::*;
    const TIME_WORDS: u32 = MONTH | WEEKDAY | WEEKDAYS | ZONE | POD | SEASON | UNIT | DEICTIC | PHRASE | CLOCK;
    any(t, k, &["a.m.", "p.m."])
        && word(t, k + 1)
        && cap(t, k + 1)
        && t.raw(k + 1).chars().any(|c| c.is_lowercase())
        && t.toks[k + 1].class & TIME_WORDS == 0
        && !zone_goes_on(t, k + 1)
}

/// Whether the words from token `k` on name the zone of the clock time just
/// before them: a place's name and "time" ("3 p.m. Geneva time", "9 p.m.
/// New York time").
pub fn zone_goes_on(t: &Tokens<'_>, k: usize) -> bool {
    cap(t, k) && (is(t, k + 1, "time") || cap(t, k + 1) && is(t, k + 2, "time"))
}

/// Whether token `i` is a word.
#[inline]
pub fn word(t: &Tokens<'_>, i: usize) -> bool {
    t.toks.get(i).is_some_and(|k| k.kind == TokKind::Word)
}

/// Whether token `i` is a run of digits.
#[inline]
pub fn digits(t: &Tokens<'_>, i: usize) -> bool {
    t.toks.get(i).is_some_and(|k| k.kind == TokKind::Num)
}

/// Whether the tokens from `i` to `j` are the whole input, save a closing
/// mark: a form field, a query or a log column that holds only "3/14" or
/// "17:42:05" names time, where inside prose the same digits are as often a
/// fraction, a score or a race time.
pub fn whole_input(t: &Tokens<'_>, i: usize, j: usize) -> bool {
    i == 0 && (j >= t.len() || j + 1 == t.len() && any(t, j, &[".", "?", "!"]))
}

/// Whether token `i` opens a sentence (or a quotation).
pub fn opens_sentence(t: &Tokens<'_>, i: usize) -> bool {
    // (the point of a closing "a.m." or "p.m." is the full stop too: "at 7:15
    // a.m. On Fridays, ...")
    i == 0 || t.toks[i].newline_before || any(t, i - 1, &[".", "!", "?", ";", "\"", "``", "“", "'"]) || closing_abbreviation(t, i - 1)
}

/// Whether a sentence's text opens at token `i`: after a stop, a line break,
/// or a dateline's dash ("CALGARY — On weekdays, ...", "Until Aug. 31, ...").
pub fn opens_text(t: &Tokens<'_>, i: usize) -> bool {
    opens_sentence(t, i) || any(t, i - 1, &["—", "–", "--", ":"])
}

/// Whether a clause of its own opens at token `i`: where a sentence's text
/// does, or after ", and" or ", but" ("The House sits at 1:30 p.m., and on
/// Wednesday mornings it also meets at 10 a.m.").
pub fn opens_clause(t: &Tokens<'_>, i: usize) -> bool {
    opens_text(t, i) || i > 1 && any(t, i - 1, &["and", "but"]) && is(t, i - 2, ",")
}

/// Whether a blank line (a paragraph's end, not a line of hard-wrapped prose)
/// stands before token `k`.
pub fn paragraph_before(t: &Tokens<'_>, k: usize) -> bool {
    let Some(tok) = t.toks.get(k).filter(|tok| tok.newline_before) else { return false };
    let from = k.checked_sub(1).map_or(0, |j| t.toks[j].end);
    t.text.get(from..tok.start).is_some_and(|gap| gap.bytes().filter(|&b| b == b'\n').count() >= 2)
}

/// Whether token `i` is a capitalised word that, from where it stands,
/// belongs to a name: capitalised mid-sentence ("the China Daily reported"),
/// or followed by another capitalised word ("Daily Mail said").
pub fn in_name(t: &Tokens<'_>, i: usize) -> bool {
    cap(t, i) && (!opens_sentence(t, i) || (word(t, i + 1) && cap(t, i + 1) && t.entries(i + 1).is_empty() && !t.toks[i + 1].newline_before))
}

/// The full year of a two-digit one, as news writes them: "'98" and "11/02/89"
/// are in the 1900s, "'13" and "3Q13" in the 2000s (below 30).
pub fn century_of(yy: i32) -> i32 {
    if yy < 30 {
        2000 + yy
    } else {
        1900 + yy
    }
}

/// Skips an abbreviation period directly after token `i - 1`.
#[inline]
pub fn dot(t: &Tokens<'_>, i: usize) -> usize {
    if adj(t, i) && t.lw(i) == "." {
        i + 1
    } else {
        i
    }
}

/// The value of digit token `i` if it stands alone as a number: not part of
/// "1,200", "3.5", "$5" or a longer digit-and-letter code.
pub fn plain_num(t: &Tokens<'_>, i: usize) -> Option<u32> {
    if !digits(t, i) || t.lw(i).len() > 9 {
        return None;
    }
    // 1,200 / 3.5 / 10:30 continuing to the right
    if adj(t, i + 1) && any(t, i + 1, &[",", "."]) && adj(t, i + 2) && digits(t, i + 2) {
        return None;
    }
    if i > 0 && adj(t, i) {
        let p = t.lw(i - 1);
        if p == "$" || p == "#" || p == "£" || p == "€" || ((p == "," || p == ".") && i > 1 && digits(t, i - 2) && adj(t, i - 1)) {
            return None;
        }
        if word(t, i - 1) {
            return None;
        }
    }
    if adj(t, i + 1) && word(t, i + 1) && !any(t, i + 1, &["s", "st", "nd", "rd", "th", "am", "pm", "a.m.", "p.m."]) {
        return None;
    }
    t.lw(i).parse().ok()
}

/// The longest multi-word name (holiday or zone) starting at token `i`.
pub fn phrase(t: &Tokens<'_>, i: usize) -> Option<(usize, crate::lexicon::Named)> {
    let mut best: Option<(usize, crate::lexicon::Named)> = None;
    for e in t.entries(i) {
        let Entry::Phrase(idx) = e else { continue };
        let p = t.lexicon.phrase(*idx);
        let n = p.words.len();
        if (0..n).all(|k| t.lw(i + k) == &*p.words[k]) && best.is_none_or(|b| i + n > b.0) {
            best = Some((i + n, p.names));
        }
    }
    best
}

/// Lexicon entry helpers.
pub fn month_word(t: &Tokens<'_>, i: usize) -> Option<u8> {
    t.entries(i).iter().find_map(|e| match e {
        Entry::Month(m) => Some(*m),
        _ => None,
    })
}

/// A month name with its optional abbreviation period: (next position, month).
pub fn month(t: &Tokens<'_>, i: usize) -> Option<(usize, u8)> {
    let m = month_word(t, i)?;
    if typo_as_name(t, i) {
        return None;
    }
    // only an abbreviation takes the period after it: "Sept." but not "May."
    Some((if month_abbrev(t, i) { dot(t, i + 1) } else { i + 1 }, m))
}

/// Whether the month at `i` is written as an abbreviation ("Sept", "Jan.").
pub fn month_abbrev(t: &Tokens<'_>, i: usize) -> bool {
    t.lw(i).len() <= 4 && !any(t, i, &["may", "june", "july"])
}

/// Words of a message that close a phrase as a stop does ("2moro at 3 ok?",
/// "call me at 5 pls", "is the 5th ok?", "be there in 20 ok").
pub const CLOSES_MESSAGE: &[&str] = &["ok", "okay", "pls", "plz", "please", "thx", "then", "dont"];

/// Words before a misspelt name that make it the day or month it misspells
/// ("early Suday morning", "on Thrusday", "last Wendsday").
const BEFORE_A_DAY: &[&str] = &[
    "on", "early", "late", "last", "next", "this", "by", "until", "till", "since", "before", "after", "from", "through", "every", "in", "of", "mid",
];

/// Whether the misspelling at `i` ("Sanday", "Monda", "Augst") is a name:
/// capitalised inside a sentence with nothing of a date around it, neither a
/// word of [`BEFORE_A_DAY`] before it nor a number or a part of the day
/// after it ("on Suday", "Junuary 23", "Suday morning" are read). In lower
/// case, in capitals or opening a sentence it is the word it misspells.
fn typo_as_name(t: &Tokens<'_>, i: usize) -> bool {
    let tok = &t.toks[i];
    if !tok.typo || !tok.cap || !t.raw(i).chars().any(char::is_lowercase) || opens_sentence(t, i) {
        return false;
    }
    !(any(t, i - 1, BEFORE_A_DAY) || digits(t, i + 1) || digits(t, i - 1) || pod(t, i + 1).is_some())
}

/// Words before a short weekday ("by wed", "on sat!") that make it the day
/// when a message closes after it.
const DAY_PREPOSITIONS: &[&str] = &["on", "by", "until", "till", "til", "before", "b4"];

/// Words after a short weekday that opens a message that say the day suits
/// ("Sat works for me", "mon ok?", "Fri better?").
const DAY_VERDICTS: &[&str] = &["works", "work", "ok", "okay", "good", "fine", "suits", "better", "instead"];

/// Whether a message ends at token `k`: its text or line ends, or a
/// question or exclamation mark, a pictograph or a word that closes a message
/// follows ("by wed", "is the 5th ok?", "sat nite 🎉"); a full stop does not,
/// which ends a sentence of prose as well ("He birdied the 15th and 16th."),
/// nor "then", which goes on with a clause ("won by Sun then Park took
/// silver").
pub fn message_ends(t: &Tokens<'_>, k: usize) -> bool {
    k >= t.len() || t.toks[k].newline_before || any(t, k, &["?", "!"]) || emoji(t, k) || any(t, k, CLOSES_MESSAGE) && !is(t, k, "then")
}

/// Whether token `k` is a number of one or two digits, as a day or a month
/// is written ("11/20", "the 18th").
pub fn small_number(t: &Tokens<'_>, k: usize) -> bool {
    digits(t, k) && t.lw(k).len() <= 2
}

/// Whether token `k` is a pictograph that closes a message's phrase as a
/// stop does ("bday party sat nite 🎉"): an emoji or a dingbat, not an
/// arrow, a shape or a star that marks a story's end or a rating ("Story by
/// Sun ■", "by Sun ★★★★").
pub fn emoji(t: &Tokens<'_>, k: usize) -> bool {
    k < t.len()
        && !word(t, k)
        && !digits(t, k)
        && t.raw(k).chars().next().is_some_and(|c| matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x2604 | 0x2607..=0x27BF))
}

/// A weekday name: (next position, ISO weekday).
pub fn weekday(t: &Tokens<'_>, i: usize) -> Option<(usize, u8)> {
    let d = t.entries(i).iter().find_map(|e| match e {
        Entry::Weekday(d) => Some(*d),
        _ => None,
    })?;
    let full = t.lw(i).ends_with("day");
    let next = if full { i + 1 } else { dot(t, i + 1) };
    // "sun", "wed", "sat" are words; only "Sun." etc. abbreviate (those the
    // lexicon reads in lower case, "tue", "thurs", need no period)
    // ("sat 10am", "mon 9:30": a clock time right after it makes the word
    // the day; not after a determiner, "the sun 10 minutes later", nor
    // with "at" between, "the sun at 16:47", "he sat at 5")
    // ("haircut wed @ 4:30": a clock after "@", as a message writes "at")
    // (the clock is read by its form alone: a full reading of it would look
    // at the words after it, which may be this same kind of name, and so on
    // to the end of the text: "sat @ 9 sat @ 9 ..." asked each clock twice
    // down the whole chain)
    let timed = || {
        let at_sign = usize::from(t.raw(i + 1) == "@");
        let determined = i > 0 && any(t, i - 1, &["the", "a", "an", "his", "her", "their", "our", "my", "its", "this", "that"]);
        let subject = i > 0 && any(t, i - 1, &["i", "he", "she", "we", "they", "you", "it", "who"]);
        let verb = at_sign == 1 && subject;
        !(determined || verb) && super::times::clock_by_form(t, i + 1 + at_sign)
    };
    // (nor where the words around it make it the day: a part of the day after
    // it, "sat morning", "sun nite"; "next" or "last" before it, "next sat",
    // or "this" with nothing after, "this sat?"; a span of weekdays, "mon-fri",
    // "sat thru mon")
    let is_weekday = |k: usize| t.entries(k).iter().any(|e| matches!(e, Entry::Weekday(_)));
    let ends = |k: usize| k >= t.len() || any(t, k, &[",", ".", "?", "!", ";", ")"]) || emoji(t, k);
    // (a subject or a determiner before it makes it the verb or the noun:
    // "he sat morning after morning", "the sun night sky")
    let bound = i > 0 && any(t, i - 1, &["the", "a", "an", "i", "he", "she", "we", "they", "you", "it", "who", "my", "his", "her", "our", "their"]);
    // (and the day's phrase closes after it: "sat morning", "next sat at 9",
    // not "sat morning and afternoon", "the last sun rays")
    let closed = |k: usize| ends(k) || is(t, k, "at") || digits(t, k);
    let slash_date_after = |k: usize| {
        let small = |k: usize, max: u32| t.lw(k).len() <= 2 && t.lw(k).parse::<u32>().is_ok_and(|n| (1..=max).contains(&n));
        digits(t, k) && is(t, k + 1, "/") && adj(t, k + 1) && adj(t, k + 2) && small(k, 12) && small(k + 2, 31) && !is(t, k + 3, "of")
    };
    // ("works for me", "ok?", "good 👍")
    let suits = |k: usize| message_ends(t, k) || any(t, k, &["for", "4"]) && any(t, k + 1, &["me", "us"]);
    let chat_week = |k: usize| t.raw(k).eq_ignore_ascii_case("nxt") || t.raw(k + 1).eq_ignore_ascii_case("wk");
    let framed = || {
        pod(t, i + 1).is_some() && !bound && closed(i + 2)
            || i > 0 && (any(t, i - 1, &["next", "last"]) && (closed(i + 1) || pod(t, i + 1).is_some()) || is(t, i - 1, "this") && ends(i + 1))
            || any(t, i + 1, &["-", "–", "thru", "through", "till", "until"]) && is_weekday(i + 2)
            || i > 1 && any(t, i - 1, &["-", "–", "thru", "through", "to", "till", "until"]) && is_weekday(i - 2)
            // ("Delivery est. Mon 11/28": a date written after it, with its
            // capital; not "he sat 3/4 of the exam", "The Sun 24/7 coverage")
            || cap(t, i) && !bound && slash_date_after(i + 1)
            // ("review it by wed", "see you on Sat!": a word that takes a day
            // before it, the message closing right after it, as a sentence of
            // prose does not; "they plan to wed", "lost to Sun, bronze to
            // Park", "keep away from sun" are none)
            || i > 0 && any(t, i - 1, DAY_PREPOSITIONS) && message_ends(t, i + 1)
            // ("how about wed?", in lower case: not "how about Sun?", the paper)
            || i > 1 && !cap(t, i) && is(t, i - 1, "about") && any(t, i - 2, &["how", "what"]) && message_ends(t, i + 1)
            // ("Sat works for me", "Mon?", "mon ok?": the day a message opens
            // with, said to suit or asked about; "Sun, Hewlett-Packard and
            // others", "Sun works closely with Fujitsu" are the company)
            || opens_sentence(t, i) && (cap(t, i) && any(t, i + 1, &["?", "!"]) || any(t, i + 1, DAY_VERDICTS) && suits(i + 2))
            // ("mon nxt wk", "Fri next week?": its week after it, as a
            // message writes it; "Sun this week said", "wed last week")
            || !bound && any(t, i + 1, &["next", "this", "last"]) && any(t, i + 2, &["week", "wk"]) && (chat_week(i + 1) || opens_sentence(t, i) && message_ends(t, i + 3))
    };
    // a name, a full weekday or a short one the lexicon reads in lower case,
    // as written; any other only where its words make it the day
    let short = !full && next == i + 1 && !t.toks[i].case_free;
    if !short && named(t, i) && !typo_as_name(t, i) {
        return Some((next, d));
    }
    (next == i + 1 && (timed() || framed())).then_some((next, d))
}

/// Words for a day of the working week, Monday to Friday.
const WORKDAY_WORDS: &[&str] = &["weekday", "workday"];
/// Words that make "day" a working day ("business day", "working day").
const WORKDAY_KINDS: &[&str] = &["business", "working", "work", "trading"];

/// A working day of the week, "weekday", "business day", "working day":
/// the next position.
pub fn workday(t: &Tokens<'_>, i: usize) -> Option<usize> {
    if any(t, i, WORKDAY_WORDS) {
        return Some(i + 1);
    }
    (any(t, i, WORKDAY_KINDS) && is(t, i + 1, "day")).then_some(i + 2)
}

/// A plural weekday ("Saturdays").
pub fn weekdays(t: &Tokens<'_>, i: usize) -> Option<(usize, u8)> {
    t.entries(i).iter().find_map(|e| match e {
        Entry::Weekdays(d) => Some((i + 1, *d)),
        _ => None,
    })
}

/// A unit word: (next position, unit, plural).
pub fn unit(t: &Tokens<'_>, i: usize) -> Option<(usize, Unit, bool)> {
    t.entries(i).iter().find_map(|e| match e {
        Entry::Unit { unit, plural } => Some((i + 1, *unit, *plural)),
        _ => None,
    })
}

/// Whether the unit word at `i` goes with any count, its lexicon listing it
/// both singular and plural: the abbreviations "min", "sec", "hr" ("in 10
/// min", "1 min").
pub fn any_count(t: &Tokens<'_>, i: usize) -> bool {
    let e = t.entries(i);
    e.iter().any(|e| matches!(e, Entry::Unit { plural: true, .. })) && e.iter().any(|e| matches!(e, Entry::Unit { plural: false, .. }))
}

fn number_word(t: &Tokens<'_>, i: usize) -> Option<u32> {
    t.entries(i).iter().find_map(|e| match e {
        Entry::Number(n) => Some(*n),
        _ => None,
    })
}

/// A cardinal number in digits or words ("18", "twenty four", "twenty-four",
/// "two hundred"): (next position, value).
pub fn cardinal(t: &Tokens<'_>, i: usize) -> Option<(usize, u32)> {
    if let Some(n) = plain_num(t, i) {
        return Some((i + 1, n));
    }
    let mut n = number_word(t, i)?;
    if n == 100 || n == 1000 {
        return None;
    }
    let mut j = i + 1;
    if (20..100).contains(&n) && n % 10 == 0 {
        // twenty four / twenty-four
        let k = if is(t, j, "-") && adj(t, j) { j + 1 } else { j };
        if let Some(u) = number_word(t, k).filter(|u| (1..10).contains(u)) {
            n += u;
            j = k + 1;
        }
    }
    if let Some(h) = number_word(t, j).filter(|h| *h == 100 || *h == 1000) {
        n *= h;
        j += 1;
    }
    Some((j, n))
}

/// An amount of units: a cardinal, "a"/"an", a fuzzy quantity ("several",
/// "a few", "some", "many"), "a couple of", or a decimal ("2.5").
pub fn amount(t: &Tokens<'_>, i: usize) -> Option<(usize, Amount)> {
    let w = t.lw(i);
    match w {
        "a" | "an" => {
            if is(t, i + 1, "few") {
                return Some((i + 2, Amount::Some));
            }
            if is(t, i + 1, "couple") {
                let j = if is(t, i + 2, "of") { i + 3 } else { i + 2 };
                return Some((j, Amount::N(2)));
            }
            // "a half hour" (but not "a half point", nor "a half" alone)
            if is(t, i + 1, "half") {
                return unit(t, i + 2).is_some_and(|u| !u.2).then_some((i + 2, Amount::Frac(0.5)));
            }
            // "a hundred years", "a thousand years"
            if is(t, i + 1, "hundred") {
                return Some((i + 2, Amount::N(100)));
            }
            if is(t, i + 1, "thousand") {
                return Some((i + 2, Amount::N(1000)));
            }
            return Some((i + 1, Amount::N(1)));
        }
        "several" | "few" | "many" | "some" | "numerous" | "various" => return Some((i + 1, Amount::Some)),
        // "another week": one more; "another six months": that many more
        "another" if unit(t, i + 1).is_some_and(|u| !u.2) => return Some((i + 1, Amount::N(1))),
        // (one "another": the amount after it is read once, so "another
        // another ..." adds no depth however long it runs)
        "another" if is(t, i + 1, "another") => return None,
        "another" => {
            let (j, n) = amount(t, i + 1).filter(|(_, n)| matches!(n, Amount::N(2..)))?;
            return unit(t, j).is_some_and(|u| u.2).then_some((j, n));
        }
        // "the next couple of years"
        "couple" if is(t, i + 1, "of") && i > 0 && any(t, i - 1, &["next", "past", "last", "first", "coming", "previous"]) => {
            return Some((i + 2, Amount::N(2)));
        }
        "half" if any(t, i + 1, &["a", "an"]) => return Some((i + 2, Amount::Frac(0.5))),
        // "a half-hour show", "a half-day strike" (not the tail of
        // "two-and-a-half-year", nor a cricketer's "half-century", fifty
        // runs, which only a span word before it makes a length: "the past
        // half-century", "for a half-century")
        "half" if is(t, i + 1, "-") && adj(t, i + 1) && !(i > 0 && adj(t, i) && is(t, i - 1, "-")) => {
            let (_, u, false) = unit(t, i + 2)? else { return None };
            let span = i > 0 && any(t, i - 1, &["past", "last", "next", "first", "over"])
                || i > 1 && is(t, i - 1, "a") && any(t, i - 2, &["for", "nearly", "almost", "than", "about", "over"]);
            return (u != Unit::Century || span).then_some((i + 1, Amount::Frac(0.5)));
        }
        _ => {}
    }
    // decimals: 2.5
    if digits(t, i) && adj(t, i + 1) && is(t, i + 1, ".") && adj(t, i + 2) && digits(t, i + 2) && !adj(t, i + 3) {
        let s = &t.lower[t.toks[i].start..t.toks[i + 2].end];
        if let Ok(f) = s.parse::<f64>() {
            return Some((i + 3, Amount::Frac(f)));
        }
    }
    let (j, n) = cardinal(t, i)?;
    // "one and a half"
    if is(t, j, "and") && is(t, j + 1, "a") && is(t, j + 2, "half") {
        return Some((j + 3, Amount::Frac(n as f64 + 0.5)));
    }
    // a mixed number: "5 1/2", "2 3/4"
    if digits(t, i) && digits(t, j) && !adj(t, j) && adj(t, j + 1) && is(t, j + 1, "/") && adj(t, j + 2) && digits(t, j + 2) && !adj(t, j + 3) {
        if let (Ok(a), Ok(b)) = (t.lw(j).parse::<u32>(), t.lw(j + 2).parse::<u32>()) {
            if a > 0 && a < b && b <= 16 {
                return Some((j + 3, Amount::Frac(n as f64 + a as f64 / b as f64)));
            }
        }
    }
    Some((j, Amount::N(n)))
}

/// A half added after the unit ("a minute and a half", "two years and a
/// half"): the position after it and the amount with the half, or `k` and
/// `amount` unchanged.
pub fn and_a_half(t: &Tokens<'_>, k: usize, amount: Amount) -> (usize, Amount) {
    match amount {
        Amount::N(n) if is(t, k, "and") && is(t, k + 1, "a") && is(t, k + 2, "half") => (k + 3, Amount::Frac(n as f64 + 0.5)),
        _ => (k, amount),
    }
}

/// An ordinal in words or digits ("third", "3rd", "twenty-first"): (next, value).
pub fn ordinal(t: &Tokens<'_>, i: usize) -> Option<(usize, u32)> {
    if digits(t, i) && adj(t, i + 1) && any(t, i + 1, &["st", "nd", "rd", "th"]) {
        return Some((i + 2, t.lw(i).parse().ok()?));
    }
    let ord = |k: usize| {
        t.entries(k).iter().find_map(|e| match e {
            Entry::Ordinal(n) => Some(*n),
            _ => None,
        })
    };
    if let Some(n) = ord(i) {
        return Some((i + 1, n));
    }
    // twenty-first, thirty first
    let tens = number_word(t, i).filter(|n| (20..100).contains(n) && n % 10 == 0)?;
    let k = if is(t, i + 1, "-") && adj(t, i + 1) { i + 2 } else { i + 1 };
    let u = ord(k).filter(|u| (1..10).contains(u))?;
    Some((k + 1, tens + u))
}

/// Whether token `k` is a count: digits or a number word ("12", "twelve").
pub fn count(t: &Tokens<'_>, k: usize) -> bool {
    digits(t, k) || t.entries(k).iter().any(|e| matches!(e, Entry::Number(_)))
}

/// Whether the word at `k` is a plural noun that a quantity counts: "two
/// shows", "three guided tours", "several million dollars", "hundreds of
/// interviews", "two people". The quantity stands at most
/// [`COUNTED_NOUN_WORDS`] words before it, with lower-case words between (its
/// adjectives, or "of").
pub fn counted_plural(t: &Tokens<'_>, k: usize) -> bool {
    const QUANTITIES: &[&str] = &[
        "several",
        "many",
        "multiple",
        "million",
        "billion",
        "trillion",
        "thousand",
        "hundred",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
    ];
    let plural = word(t, k) && (t.lw(k).len() > 2 && t.lw(k).ends_with('s') || any(t, k, &["people", "children", "men", "women"]));
    let quantity = |q: usize| count(t, q) || any(t, q, QUANTITIES);
    plural
        && (1..=COUNTED_NOUN_WORDS)
            .any(|back| k >= back && quantity(k - back) && (k - back + 1..k).all(|w| word(t, w) && !cap(t, w) || is(t, w, "-")))
}

/// A day of the month, 1-31, in digits with an optional suffix ("25", "25th").
pub fn day(t: &Tokens<'_>, i: usize) -> Option<(usize, u8)> {
    if !digits(t, i) {
        // a day as an ordinal word: "March eighth", "the twenty-first of June";
        // not "the second quarter", "first-half", "third day"
        let (j, n) = ordinal(t, i).filter(|(_, n)| (1..=31).contains(n))?;
        if any(t, j, &["-", "quarter", "half"])
            || unit(t, j).is_some()
            || (word(t, j) && !any(t, j, &["of", "and", "or", "to", "through", "at", "in"]))
        {
            return None;
        }
        return Some((j, n as u8));
    }
    if t.lw(i).len() > 2 {
        return None;
    }
    let d: u8 = t.lw(i).parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut j = i + 1;
    if adj(t, j) && any(t, j, &["st", "nd", "rd", "th"]) {
        j += 1;
    } else if adj(t, j)
        && (word(t, j)
            || digits(t, j)
            || is(t, j, "%")
            || (any(t, j, &[":", "/"]) && adj(t, j + 1) && digits(t, j + 1))
            || (any(t, j, &[",", "."]) && adj(t, j + 1) && digits(t, j + 1)))
    {
        return None;
    }
    Some((j, d))
}

/// A year in words, as spoken: "nineteen ninety-seven", "nineteen oh five",
/// "nineteen hundred", "two thousand", "two thousand and one".
pub fn year_in_words(t: &Tokens<'_>, i: usize) -> Option<(usize, i32)> {
    let first = number_word(t, i)?;
    if first == 2 && is(t, i + 1, "thousand") {
        let mut j = i + 2;
        let and = is(t, j, "and");
        if and {
            j += 1;
        }
        if let Some((k, n)) = cardinal(t, j).filter(|(_, n)| (1..100).contains(n)) {
            return Some((k, 2000 + n as i32));
        }
        return (!and).then_some((i + 2, 2000));
    }
    if !(11..=20).contains(&first) {
        return None;
    }
    if is(t, i + 1, "hundred") {
        // "twelve hundred students" counts things
        if word(t, i + 2) && !cap(t, i + 2) && !t.toks[i + 2].newline_before {
            return None;
        }
        return Some((i + 2, first as i32 * 100));
    }
    if is(t, i + 1, "oh") {
        let d = number_word(t, i + 2).filter(|d| (1..10).contains(d))?;
        return Some((i + 3, first as i32 * 100 + d as i32));
    }
    if digits(t, i + 1) {
        return None;
    }
    let (k, n) = cardinal(t, i + 1).filter(|(_, n)| (10..100).contains(n))?;
    Some((k, first as i32 * 100 + n as i32))
}

/// A four-digit year 1000-2199 standing alone, or an apostrophe year ('98).
pub fn year(t: &Tokens<'_>, i: usize) -> Option<(usize, i32)> {
    if let Some(found) = year_in_words(t, i) {
        return Some(found);
    }
    if is(t, i, "'") || is(t, i, "’") {
        // (followed by a space or punctuation: "'90s" is a decade, "'95." a year)
        if adj(t, i + 1) && digits(t, i + 1) && t.lw(i + 1).len() == 2 && !(adj(t, i + 2) && (word(t, i + 2) || digits(t, i + 2))) {
            let y: i32 = t.lw(i + 1).parse().ok()?;
            return Some((i + 2, century_of(y)));
        }
        return None;
    }
    if !digits(t, i) || t.lw(i).len() != 4 {
        return None;
    }
    let y: i32 = t.lw(i).parse().ok()?;
    if !(1000..=2199).contains(&y) {
        return None;
    }
    // ("2006/07": a season or fiscal year, the end in two digits)
    let span = is(t, i + 1, "/") && adj(t, i + 2) && digits(t, i + 2) && t.lw(i + 2).len() == 2 && !adj(t, i + 3);
    if adj(t, i + 1) && !span && !any(t, i + 1, &[",", ".", ")", ";", ":", "'", "’", "\"", "”", "-", "?", "!"]) {
        return None;
    }
    // a decimal number: "closed at 2082.1"
    if adj(t, i + 1) && any(t, i + 1, &[".", ","]) && adj(t, i + 2) && digits(t, i + 2) {
        return None;
    }
    if i > 0 && adj(t, i) && !any(t, i - 1, &["(", "\"", "“", "'", "‘", "-", "/"]) {
        return None;
    }
    Some((i + 1, y))
}

/// The part of the day token `i` names ("morning", "night"), if any.
pub fn pod(t: &Tokens<'_>, i: usize) -> Option<Pod> {
    t.entries(i).iter().find_map(|e| match e {
        Entry::Pod(p) => Some(*p),
        _ => None,
    })
}

/// The season token `i` names ("summer", "fall"), if any.
pub fn season_word(t: &Tokens<'_>, i: usize) -> Option<Season> {
    t.entries(i).iter().find_map(|e| match e {
        Entry::Season(x) => Some(*x),
        _ => None,
    })
}
