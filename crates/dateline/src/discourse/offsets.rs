//! Times told as an offset from a stated time: "Kickoff is at 5:30 p.m.,
//! and the turnstiles open two hours earlier"; "An opening ceremony starts
//! 30 minutes earlier." Read alone, "two hours earlier" is only a shift from
//! the DCT; read in the article, it is a clock time on the day, and in the
//! zone, of the time it counts from.

use jiff::Span;

use super::sentences::Sentences;
use super::{dayless, local, Inputs, Settled};
use crate::expr::{Amount, Clock, Expr, Unit};
use crate::grammar::LinkKind;
use crate::resolve::Resolved;
use crate::tuning::{
    EVENT_NAMED_SENTENCES, EVENT_OFFSET_SENTENCES, EVENT_PHRASE_WORDS, NAMED_TIME_GAP, OFFSET_SCAN, OFFSET_SENTENCES, SENTENCE_REACH,
};
use crate::value::TimexType;

/// The minutes a clock-scale shift moves by ("two hours earlier" is -120),
/// when the expression is one.
pub(super) fn clock_shift(e: &Expr) -> Option<i64> {
    let Expr::Shift { amount, unit, sign, event: false, .. } = e else { return None };
    Some(minutes(amount, *unit)? * *sign as i64)
}

/// The minutes of a clock-scale length ("half an hour", "two hours"), also
/// one told as about that long ("about 62 minutes after liftoff": the
/// instant it reaches, as near as the text tells it).
fn length_minutes(e: &Expr) -> Option<i64> {
    let e = match e {
        Expr::Mod { m: crate::expr::Mod::Approx, inner } => inner,
        e => e,
    };
    let Expr::Duration { amount, unit } = e else { return None };
    minutes(amount, *unit)
}

/// `amount` hours or minutes, in minutes.
fn minutes(amount: &Amount, unit: Unit) -> Option<i64> {
    let per = match unit {
        Unit::Hour => 60.0,
        Unit::Minute => 1.0,
        _ => return None,
    };
    let n = match amount {
        Amount::N(n) => *n as f64,
        Amount::Frac(f) => *f,
        Amount::Some => return None,
    };
    Some((n * per).round() as i64)
}

/// Turns each clock-scale shift into the clock time it names, counted from
/// the nearest stated time before it on a known day.
pub(super) fn settle_offsets(inp: &Inputs<'_, '_>, sent: &Sentences, resolved: &mut [Resolved], settled: &mut [Settled]) {
    let found = inp.doc.found;
    let mut words = Vec::new();
    for n in 0..found.len() {
        let one_off = |m: usize| resolved[m].clock.is_some() && resolved[m].day.is_some() && !matches!(found[m].expr, Expr::Set { .. });
        // ("[half an hour] later": TimeML tags the length alone, which keeps its
        // value and gains the instant it reaches)
        let length =
            length_minutes(&found[n].expr).and_then(|minutes| Some(minutes * (inp.doc.language.counts_on)(inp.doc.toks, found[n].end)? as i64));
        // ("[15 minutes] before the first dart": counted from the event's time)
        let (minutes, m) = match clock_shift(&found[n].expr).or(length) {
            Some(minutes) => {
                let here = sent.of(found[n].start);
                let from = (n.saturating_sub(OFFSET_SCAN)..n)
                    .rev()
                    .take_while(|&m| here - sent.of(found[m].start) <= OFFSET_SENTENCES)
                    .find(|&m| one_off(m));
                let Some(m) = from else { continue };
                (minutes, counted_back(inp, sent, resolved, m, minutes))
            }
            None => {
                let sign = (inp.doc.language.counts_from_event)(inp.doc.toks, found[n].end);
                let (Some(sign), Some(minutes)) = (sign, length_minutes(&found[n].expr)) else { continue };
                let Some(m) = event_time(inp, sent, resolved, n, sign, &mut words) else { continue };
                (minutes * sign as i64, m)
            }
        };
        let length = length.or((!matches!(found[n].expr, Expr::Shift { .. })).then_some(minutes));
        let (Some(day), Some(c)) = (resolved[m].day, resolved[m].clock) else { continue };
        // (from the instant a group of readings settled on, where it did: a
        // midnight that begins its day)
        // (read on the clock of the time's own zone; a member with none keeps its reading)
        let placed = settled[m].placed.as_ref().zip(settled[m].zone.as_ref()).map(|(p, (z, _))| p.zoned.with_time_zone(z.tz.clone()).datetime());
        let base = placed.or_else(|| local(day, &c));
        let Some(at) = base.and_then(|dt| dt.checked_add(Span::new().try_minutes(minutes).ok()?).ok()) else { continue };
        let clock = Clock { hour: at.hour() as u8, minute: Some(at.minute() as u8), second: None, zone: None, open: false };
        let r = &mut resolved[n];
        r.day = Some(at.date());
        r.clock = Some(clock);
        r.point = None;
        if length.is_none() {
            r.typ = TimexType::Time;
            r.value = crate::value::clock(Some(at.date()), &clock);
        }
        settled[n].zone = settled[m].zone.clone();
        settled[n].day_from = Some(m);
        settled[n].firm = settled[m].firm;
        // a time the length stands in apposition to is the instant it reaches, on
        // its day: "The online waiting room will open at 8.30am, half an hour
        // before the sale begins" (the sale told at 9am on Thursday 6 November)
        let k = n.wrapping_sub(1);
        let apposed = n > 0 && m != k && found[k].end + 1 == found[n].start && inp.doc.toks.is(found[k].end, ",");
        if apposed
            && dayless(&found[k])
            && settled[k].firm < super::days::firm::WEEKDAY
            && resolved[k].clock.is_some_and(|c| Clock { open: false, ..c } == clock)
        {
            super::redate(&found[k].expr, &mut resolved[k], at.date());
            settled[k].day_from = Some(m);
            settled[k].firm = settled[m].firm;
        }
    }
}

/// The time a shift counts from, given `m`, the nearest one-off time before
/// it: for a time counted back ("Doors open 30 minutes earlier"), the event
/// that time follows on in its sentence, when it is only that event's end,
/// arrival or a moment within it, or the same instant read in another zone
/// ("Power will be switched off at 7 a.m. and should be back by 5 p.m. ... a
/// reminder will go out 90 minutes earlier" counts from 7 a.m.).
fn counted_back(inp: &Inputs<'_, '_>, sent: &Sentences, resolved: &[Resolved], mut m: usize, minutes: i64) -> usize {
    if minutes >= 0 {
        return m;
    }
    let (found, toks, lang) = (inp.doc.found, inp.doc.toks, inp.doc.language);
    let one_off = |p: usize| resolved[p].clock.is_some() && resolved[p].day.is_some() && !matches!(found[p].expr, Expr::Set { .. });
    let range_end =
        |p: usize, m: usize| inp.doc.links.iter().any(|l| l.kind == LinkKind::Range && l.members.first() == Some(&p) && l.members.contains(&m));
    loop {
        let here = sent.of(found[m].start);
        let Some(p) = (m.saturating_sub(OFFSET_SCAN)..m).rev().take_while(|&p| sent.of(found[p].start) == here).find(|&p| one_off(p)) else {
            return m;
        };
        if !(super::restates_earlier(inp, sent, m) || (lang.follows_on)(toks, found[p].end, found[m].start) || range_end(p, m)) {
            return m;
        }
        m = p;
    }
}

/// The one-off time on a known day of the event a length counts from
/// ("[45 minutes] before the stream begins"), in this order: a time the
/// phrase tells itself ("before the 9 p.m. start", "before the flag-raising
/// at 10 a.m."); for a start noun no sentence close by names, a clock time
/// of the length's own sentence ("the teams warm up 40 minutes before the
/// start"); the nearest time, within [`EVENT_NAMED_SENTENCES`] sentences
/// back, whose sentence names the event with a word of the same stem, as
/// the language tells it ("will stream the reveal from 4 p.m."), and of that
/// sentence's times the one told right after a word naming it, the phrase's
/// verb first; else one told right after a word of the event's kind ("will
/// leave ... at 5 p.m." for "before departure"); else one after the length
/// in its sentence, told with such a word; else the nearest of the length's
/// own sentence ("The final begins at 8 p.m., with the walk-ons 15 minutes
/// before the first dart"). "first" or "last" picks among a list of times
/// ("two releases, at 6:30 p.m. and 8:15 p.m. ... two hours before the
/// first release"), and between the ends of a span ("from 9 a.m. to 3 p.m.
/// ... 48 hours before the shutoff" counts from 9 a.m.).
fn event_time(inp: &Inputs<'_, '_>, sent: &Sentences, resolved: &[Resolved], n: usize, sign: i8, words: &mut Vec<usize>) -> Option<usize> {
    let (found, toks) = (inp.doc.found, inp.doc.toks);
    let after = found[n].end + 1;
    (inp.doc.language.event_words)(toks, after, words);
    let phrase_end = words.last().map_or(after, |&k| k + 1);
    // ("30 minutes before the 9 p.m. start", "an hour before the 6 p.m.
    // deadline": the time the phrase tells, which the language found after
    // the phrase's skipped words, before any word naming an event)
    // (not an aside on the time told just before it, which the length
    // measures: "Doors open at 5 p.m. on Friday, 30 minutes before the 6 p.m.
    // deadline")
    let aside = n > 0 && found[n - 1].end + 1 == found[n].start;
    // (a clock time on a known day that does not recur; not a length that
    // counted from an event itself, "about 30 minutes after the polls close,
    // and ... roughly two hours after the polls close" both count from the close)
    let length = |m: usize| length_minutes(&found[m].expr).is_some();
    let single = |m: usize| resolved[m].clock.is_some() && resolved[m].day.is_some() && !matches!(found[m].expr, Expr::Set { .. }) && !length(m);
    if found.get(n + 1).is_some_and(|g| words.is_empty() && g.start > after && g.start < after + EVENT_PHRASE_WORDS) {
        return (!aside && single(n + 1)).then_some(n + 1);
    }
    // (a time of its own in the phrase names no event: "before 5 p.m.")
    if found.get(n + 1).is_some_and(|g| g.start <= phrase_end) {
        return None;
    }
    // (but one the phrase tells after "at" is the event's: "half an hour before
    // the flag-raising at 10 a.m.")
    let joined = |k: usize| toks.toks[k].kind == crate::lex::TokKind::Word || toks.is(k, "-");
    let told = found.get(n + 1).is_some_and(|g| {
        !words.is_empty()
            && g.start > phrase_end
            && g.start <= phrase_end + EVENT_PHRASE_WORDS
            && toks.is(g.start - 1, "at")
            && (phrase_end..g.start - 1).all(joined)
    });
    if told && single(n + 1) {
        return Some(n + 1);
    }
    let pick = words.iter().find_map(|&k| (inp.doc.language.picks_first)(toks, k));
    let same = inp.doc.language.same_event_word;
    // (the words that name the event: not "first" or "last", and not a proper
    // name beside a word of the event, "before the Red Line reopens" is named
    // by "reopens", not by every sentence about the Red Line)
    let plain = words.iter().any(|&k| !toks.toks[k].cap && (inp.doc.language.picks_first)(toks, k).is_none());
    let words: &[usize] = words;
    let names = || words.iter().filter(move |&&k| (inp.doc.language.picks_first)(toks, k).is_none() && !(plain && toks.toks[k].cap));
    let here = sent.of(found[n].start);
    // (not a reading of another time in another zone: "the start comes at 10 a.m.
    // ET ... and at midnight Monday in Tokyo")
    let one_off = |m: usize| single(m) && !super::restates_earlier(inp, sent, m);
    let back = (n.saturating_sub(OFFSET_SCAN)..n).rev().filter(|&m| one_off(m));
    let candidates = back.clone().take_while(|&m| here - sent.of(found[m].start) <= EVENT_OFFSET_SENTENCES);
    // (after it in its own sentence: "The red carpet begins two hours before the
    // screening, and the premiere will be streamed at 7:30 p.m.")
    let ahead = (n + 1..(n + 1 + OFFSET_SCAN).min(found.len())).take_while(|&m| sent.of(found[m].start) == here).filter(|&m| one_off(m));
    // whether the sentence of time `m` names the event, by a word of the same
    // stem, or of its kind ("departure" and "leave")
    let kind = inp.doc.language.same_event_kind;
    let named_by = |m: usize, by: fn(&[u8], &[u8]) -> bool| {
        let there = sent.of(found[m].start);
        let lo = found[m].start.saturating_sub(SENTENCE_REACH);
        let hi = (found[m].end + SENTENCE_REACH).min(toks.len());
        (lo..hi)
            .filter(|&k| sent.of(k) == there && !(found[n].start..phrase_end).contains(&k))
            .any(|k| names().any(|&w| by(toks.lw_bytes(w), toks.lw_bytes(k))))
    };
    // whether time `m` was told right after a word that names the event as
    // `w` does: "will leave North Sydney at 5 p.m." for "90 minutes before
    // departure", "the window opens at 14:45" for "before the window opens"
    // (a few words before it, and no other clock time between)
    let told_with = |m: usize, w: usize, by: fn(&[u8], &[u8]) -> bool| {
        let there = sent.of(found[m].start);
        // (looked for among a few expressions back, which keeps the work linear)
        let lo = m.saturating_sub(OFFSET_SCAN);
        let floor = found[lo..m].iter().rposition(|f| super::clock_of(&f.expr).is_some()).map_or(0, |j| found[lo + j].end);
        let mut seen = 0;
        for k in (floor..found[m].start).rev() {
            if sent.of(k) != there || seen > NAMED_TIME_GAP || (found[n].start..phrase_end).contains(&k) {
                return None;
            }
            if toks.toks[k].kind == crate::lex::TokKind::Word {
                seen += 1;
            }
            if by(toks.lw_bytes(w), toks.lw_bytes(k)) {
                return Some(k);
            }
        }
        None
    };
    // (an end the phrase picks is the last time its sentence tells: "Tasting
    // stands open at 10:00 ... and close at 21:00 on Sunday" for "before the
    // stands shut")
    let pick_start = words.iter().find_map(|&k| (inp.doc.language.picks_start)(toks, k));
    let ending = pick_start == Some(false);
    // (a noun of the start of whatever is under discussion names no event of its
    // own: "Doors open 45 minutes before the curtain" counts from the nearest time)
    // (past a word that picks the first or the last, or the end: "before the
    // first ball", "after the closing bell")
    let lang = inp.doc.language;
    let generic = words.iter().any(|&k| (lang.names_start)(toks, k))
        && words.iter().all(|&k| (lang.names_start)(toks, k) || (lang.picks_first)(toks, k).is_some() || (lang.picks_start)(toks, k).is_some());
    let has_names = names().next().is_some();
    let within = |m: usize| here - sent.of(found[m].start) <= EVENT_NAMED_SENTENCES;
    // the phrase's words, its last first (its verb where it has one: "half an
    // hour after the train arrives" counts from the time told with "due in",
    // not with "train")
    let mut last_first: Vec<usize> = names().copied().collect();
    last_first.reverse();
    // of the times of the nearest sentence that names it, one told right after
    // a word naming it: "will leave North Sydney at 5 p.m. that day and is due
    // in Argentia at 9:30 a.m." for "90 minutes before departure"; by its own
    // stem first, which a word of its kind does not outweigh ("the release"
    // of a trailer, not "a launch party"); by a word of its kind, only a time
    // told right after it
    let in_sentence = |m: usize| {
        let there = sent.of(found[m].start);
        back.clone().skip_while(move |&j| j != m).take_while(move |&j| sent.of(found[j].start) == there)
    };
    let by_stem_within =
        |reach: u32| back.clone().take_while(move |&m| here - sent.of(found[m].start) <= reach).find(|&m| has_names && named_by(m, same));
    let by_stem = by_stem_within(EVENT_NAMED_SENTENCES).map(|m| {
        let told = last_first.iter().find_map(|&w| [same, kind].into_iter().find_map(|by| in_sentence(m).find(|&j| told_with(j, w, by).is_some())));
        told.filter(|_| !ending).unwrap_or(m)
    });
    let by_kind = || {
        let m = back.clone().take_while(|&m| within(m)).find(|&m| has_names && named_by(m, kind))?;
        last_first.iter().find_map(|&w| in_sentence(m).find(|&j| told_with(j, w, kind).is_some()))
    };
    // (after it in its own sentence, told right after a word naming it, with no
    // word of the other end between: "The red carpet begins two hours before the
    // screening, and the premiere will be streamed at 7:30 p.m."; not "Doors open
    // an hour before the concert, and the concert ends at 11 p.m.")
    let other_end = |from: usize, to: usize| (from..to).any(|k| (inp.doc.language.picks_start)(toks, k).is_some_and(|s| s == ending));
    let told_ahead =
        |m: usize| last_first.iter().any(|&w| [same, kind].iter().any(|&by| told_with(m, w, by).is_some_and(|k| !other_end(k, found[m].start))));
    // (a start noun counts from a time of its own sentence first: "The
    // semi-final is on Saturday at 6 p.m., and the teams warm up 40 minutes
    // before the start")
    let own = || candidates.clone().take_while(|&m| sent.of(found[m].start) == here).next();
    // (a clock time told there, not one counted from another: "Propellant loading
    // is planned to start three hours earlier, and the webcast will go live 20
    // minutes before liftoff")
    // (nor one the length stands in apposition to, which it reaches: "Gates open
    // at 1 p.m., two hours before kickoff")
    let apposed_to = |m: usize| found[m].end + 1 == found[n].start && toks.is(found[m].end, ",");
    let own_clock = || own().filter(|&m| super::clock_of(&found[m].expr).is_some() && !apposed_to(m));
    // (after a sentence that names it close by: "Kickoff is at 3 p.m. ... an hour
    // before kickoff")
    let near = || by_stem_within(EVENT_OFFSET_SENTENCES).is_some();
    let m = (generic && !near())
        .then(own_clock)
        .flatten()
        .or(by_stem)
        .or_else(by_kind)
        .or_else(|| ahead.clone().find(|&m| has_names && told_ahead(m)))
        .or_else(own)
        // (the first time of the nearest sentence that tells one, not a reading of it
        // in another zone after it: "at 7 p.m. AEDT, which is ... 9 p.m. in Auckland")
        .or_else(|| {
            let there = sent.of(found[candidates.clone().next()?].start);
            generic.then(|| candidates.clone().take_while(|&m| sent.of(found[m].start) == there).last()).flatten()
        })?;
    // the first or last time of its list
    let list = pick.and_then(|_| inp.doc.links.iter().find(|l| l.kind == LinkKind::List && l.members.contains(&m)));
    // the start or end of its span: as the phrase picks ("before the outage
    // begins"), else the start for a length before it ("three hours before the
    // first launch" of a display that "runs from 7 p.m. to 8:30 p.m."), the end
    // for one after it
    let span = inp.doc.links.iter().find(|l| l.kind == LinkKind::Range && l.members.len() == 2 && l.members.contains(&m));
    let start = pick_start.or(pick).unwrap_or(sign < 0);
    Some(match (pick, list, span) {
        (Some(true), Some(l), _) => l.members[0],
        (Some(false), Some(l), _) => l.members[l.members.len() - 1],
        (_, _, Some(l)) if one_off(l.members[0]) && one_off(l.members[1]) => l.members[if start { 0 } else { 1 }],
        _ => m,
    })
}
