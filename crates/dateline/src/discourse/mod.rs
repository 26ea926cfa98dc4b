//! The fifth pipeline stage: the document.
//!
//! Resolution reads each expression alone. A reader of an article does
//! more: the event's day is stated once ("on Monday, March 13") and the
//! times after it fall on it ("doors open at 11 a.m."); a bare weekday that
//! repeats a date already given is that date; one instant is written in
//! several zones ("12 a.m. ET Monday, or 9 p.m. PT on Sunday"), whose days
//! follow from each other; and the zone of a bare time comes from the place
//! the article is about (a dateline, a venue, a broadcaster) or from the one
//! zone it names.
//!
//! [`settle`] reads the resolved expressions in text order and settles them
//! together: [`days`] moves weekdays and bare clock times onto the day under
//! discussion, [`evidence`] gathers where the article is and which zones it
//! names, and [`equivalent`] finds the times that are one instant and solves
//! their days. Each settled instant says how its zone was found and which
//! expression gave its day.

mod arrivals;
mod day_lists;
mod days;
mod equivalent;
mod evidence;
mod following;
mod offsets;
mod restated;
mod runs;
mod schedules;
mod sentences;

use jiff::civil::{Date, DateTime};

use crate::expr::{Clock, Expr, Pod};
use crate::grammar::{Found, Link, LinkKind};
use crate::lexicon::Lexicon;
use crate::resolve::Resolved;
use crate::value;
use crate::zones::{Placed, Zone, ZoneTable};

pub(crate) use evidence::Evidence;
pub(crate) use restated::Restatement;
pub(crate) use schedules::{link_recurrence, morning_after_nights, rule_parts, Bounds};

/// Where the zone of a clock time came from, so that a user can see why an
/// instant is what it is and trace a wrong guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ZoneSource {
    /// Written with the time: "9 p.m. KST", "UTC+9", "Seoul time", "in Moscow".
    Written,
    /// Taken from the same instant written in another zone ("7 p.m. ET (4 p.m.
    /// PT)", "2:15 a.m. Saturday" in Shanghai for a 12:15 p.m. close in Chicago).
    Paired,
    /// A place named in the time's sentence ("at Bluebell Hall in Seoul,
    /// where doors open at 11 a.m.", "1 p.m. local time" at Tokyo Dome).
    Place,
    /// The article's place or zone: its dateline, the one zone it names, a
    /// broadcaster or an exchange it is about.
    Document,
    /// The zone the caller gave for this document.
    Cli,
    /// The tagger's default zone.
    Default,
    /// Counted from the reference instant, in its zone ("in 2 hours", "15
    /// minutes ago" when the document's reference has a clock).
    Reference,
}

impl ZoneSource {
    /// The name the JSON output gives it (`written`, `paired`, `place`,
    /// `document`, `cli`, `default`, `reference`).
    ///
    /// ```
    /// use dateline::ZoneSource;
    /// assert_eq!(ZoneSource::Written.as_str(), serde_json::to_value(ZoneSource::Written).unwrap());
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ZoneSource::Written => "written",
            ZoneSource::Paired => "paired",
            ZoneSource::Place => "place",
            ZoneSource::Document => "document",
            ZoneSource::Cli => "cli",
            ZoneSource::Default => "default",
            ZoneSource::Reference => "reference",
        }
    }

    /// How much the source is to be trusted against another, for choosing
    /// which member of an equivalence fixes the others.
    fn strength(self) -> u8 {
        match self {
            ZoneSource::Written | ZoneSource::Reference => 5,
            ZoneSource::Place => 4,
            ZoneSource::Paired => 3,
            ZoneSource::Document => 2,
            ZoneSource::Cli => 1,
            ZoneSource::Default => 0,
        }
    }
}

/// What the document stage needs to see: what resolution saw, and the zones.
pub(crate) struct Inputs<'a, 't> {
    /// The linked expressions, their tokens, the DCT and the language.
    pub(crate) doc: &'a crate::resolve::Inputs<'a, 't>,
    pub(crate) zones: &'a ZoneTable,
    pub(crate) lexicon: &'a Lexicon,
    /// The zone the caller gave for this document.
    pub(crate) doc_zone: Option<Zone>,
}

/// One expression as the document settles it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Settled {
    /// The zone its clock time is read in, and where that came from.
    pub(crate) zone: Option<(Zone, ZoneSource)>,
    /// The instant, for a clock time on a known day in a known zone.
    pub(crate) placed: Option<Placed>,
    /// The expression that gave its day, when another did.
    pub(crate) day_from: Option<usize>,
    /// How firmly its day is known (see [`days::firm`]).
    firm: u8,
}

/// The settled document: one [`Settled`] per found expression, and the
/// groups of times that are one instant.
pub(crate) struct Discourse {
    pub(crate) settled: Vec<Settled>,
    pub(crate) equivalent: Vec<Vec<usize>>,
    /// The days each link runs between, for a recurrence (indexed as the links).
    pub(crate) bounds: Vec<Bounds>,
    /// The times that restate a schedule in another zone.
    pub(crate) restated: Vec<Restatement>,
    /// The one-off clock times told once for a list or stretch of days,
    /// each with the rule it recurs by on them (see [`day_lists`]).
    pub(crate) on_days: Vec<(usize, crate::recur::Recurrence)>,
}

/// Settles the resolved expressions of a document together (see the module
/// documentation); `resolved` is updated in place where a day moves.
pub(crate) fn settle(inp: &Inputs<'_, '_>, resolved: &mut [Resolved]) -> Discourse {
    let mut settled = vec![Settled::default(); inp.doc.found.len()];
    // a text with no clock time and no reference instant has nothing to
    // settle (most of a news corpus)
    if inp.doc.now.is_none() && !inp.doc.found.iter().any(|f| clock_of(&f.expr).is_some()) {
        let bounds = schedules::settle_bounds(inp, None, resolved, &settled);
        return Discourse { settled, equivalent: Vec::new(), bounds, restated: Vec::new(), on_days: Vec::new() };
    }
    let sentences = sentences::Sentences::new(inp.doc.toks, &inp.doc.language, inp.doc.found);
    let ev = Evidence::gather(inp, &sentences);
    days::settle_days(inp, &sentences, &ev, resolved, &mut settled);
    let day_from: Vec<Option<usize>> = settled.iter().map(|s| s.day_from).collect();
    for (n, s) in settled.iter_mut().enumerate() {
        if let Some(c) = clock_of(&inp.doc.found[n].expr) {
            s.zone = ev.zone_for(inp, &sentences, n, c, resolved[n].day, |m| day_from[m]);
        } else if let (Some(now), Some(_)) = (inp.doc.now, resolved[n].clock) {
            // a time counted from the reference instant is on its clock
            s.zone = Some((Zone::of(now.time_zone()), ZoneSource::Reference));
        }
    }
    let mut equivalent = equivalent::solve(inp, &sentences, &ev, resolved, &mut settled);
    offsets::settle_offsets(inp, &sentences, resolved, &mut settled);
    arrivals::after_departures(inp, &sentences, &equivalent, resolved, &mut settled);
    arrivals::before_arrivals(inp, &sentences, &equivalent, resolved, &mut settled);
    // place what is placed so far, then find the times that restate one of them
    place_all(resolved, &mut settled);
    equivalent::echoes(inp, &sentences, resolved, &mut settled, &equivalent);
    // "now" is the reference instant itself, when the document has one
    if let Some(now) = inp.doc.now {
        for (n, f) in inp.doc.found.iter().enumerate() {
            if matches!(f.expr, Expr::Ref(crate::expr::RefKind::Present)) {
                let zone = Zone::of(now.time_zone());
                settled[n].placed = Some(Placed { zoned: now.clone(), tzid: zone.tzid.clone(), note: None });
                settled[n].zone = Some((zone, ZoneSource::Reference));
            }
        }
    }
    let bounds = schedules::settle_bounds(inp, Some(&sentences), resolved, &settled);
    let mut restated = restated::restatements(inp, &sentences, &settled, &bounds);
    following::followers(inp, &sentences, &settled, &bounds, &mut restated);
    // a schedule and its reading in another zone are one happening
    for r in restated.iter().filter(|r| r.same_instant) {
        if let Some(clock) = inp.doc.links[r.link].members.iter().copied().find(|&m| set_clock(&inp.doc.found[m].expr).is_some()) {
            join(&mut equivalent, clock, r.time);
        }
    }
    let mut on_days = day_lists::on_each_day(inp, &sentences, resolved, &settled, &restated);
    let before = day_lists::on_schedules_before(inp, &sentences, &settled, &bounds, &on_days);
    on_days.extend(before);
    Discourse { settled, equivalent, bounds, restated, on_days }
}

/// Puts `a` and `b` in one group of readings (the group either is in, else a new one).
fn join(groups: &mut Vec<Vec<usize>>, a: usize, b: usize) {
    match groups.iter().position(|g| g.contains(&a) || g.contains(&b)) {
        Some(i) => {
            for m in [a, b] {
                if !groups[i].contains(&m) {
                    groups[i].push(m);
                }
            }
            groups[i].sort_unstable();
        }
        None => groups.push(vec![a.min(b), a.max(b)]),
    }
}

/// Places every clock time on a known day in a known zone not placed yet.
fn place_all(resolved: &[Resolved], settled: &mut [Settled]) {
    for (n, s) in settled.iter_mut().enumerate() {
        if s.placed.is_some() {
            continue;
        }
        let (Some(day), Some(c)) = (resolved[n].day, resolved[n].clock) else { continue };
        if let (Some((z, _)), Some(dt)) = (&s.zone, local(day, &c)) {
            s.placed = z.place(dt);
        }
    }
}

/// The local date-time of a clock reading on a day (hour 24 is the next midnight).
pub(crate) fn local(day: Date, c: &Clock) -> Option<DateTime> {
    let base = day.to_datetime(jiff::civil::Time::midnight());
    let seconds = (c.hour as i64 * 60 + c.minute.unwrap_or(0) as i64) * 60 + c.second.unwrap_or(0) as i64;
    base.checked_add(jiff::Span::new().seconds(seconds)).ok()
}

/// The clock time an expression reads, also as the `each` of a recurrence
/// or under a modifier.
pub(crate) fn clock_of(e: &Expr) -> Option<Clock> {
    match e {
        Expr::Time { clock, .. } => Some(*clock),
        Expr::Mod { inner, .. } => clock_of(inner),
        Expr::Set { each, .. } => clock_of(each),
        _ => None,
    }
}

/// The clock time a recurrence member recurs at ("at 9:10 pm" in "every
/// Saturday and Sunday at 9:10 pm").
pub(crate) fn set_clock(e: &Expr) -> Option<Clock> {
    match e {
        Expr::Set { each, .. } => match &**each {
            Expr::Time { clock, .. } => Some(*clock),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a clock time has no day of its own: neither written with it
/// ("10 p.m. Wednesday") nor next to it ("April 25 at 12 am").
/// Which found expressions belong to a schedule: a member of a recurrence,
/// the clock time its occurrences end at, or one of its stated bounds.
pub(super) fn in_schedules(found_len: usize, links: &[Link]) -> Vec<bool> {
    let mut scheduled = vec![false; found_len];
    for l in links.iter().filter(|l| l.kind == LinkKind::Recurrence) {
        for m in l.members.iter().chain(&l.ends).chain(&l.until).chain(&l.start).chain(&l.lasting) {
            scheduled[*m] = true;
        }
    }
    scheduled
}

pub(crate) fn dayless(f: &Found) -> bool {
    fn bare(e: &Expr) -> bool {
        match e {
            Expr::Time { date: None, .. } => true,
            Expr::Mod { inner, .. } => bare(inner),
            _ => false,
        }
    }
    f.anchor.is_none() && bare(&f.expr)
}

/// The part of the day an expression names, for writing it on another day.
fn pod_of(e: &Expr) -> Option<Pod> {
    match e {
        Expr::PartOfDay { pod, .. } => Some(*pod),
        Expr::Mod { inner, .. } => pod_of(inner),
        _ => None,
    }
}

/// The same resolution moved onto another day: the value is written anew
/// from the typed parts, never by editing the old string.
pub(crate) fn redate(e: &Expr, r: &mut Resolved, day: Date) {
    // (a length counted from a time keeps its value: only the instant it
    // reaches moves, "two hours before the first episode")
    if r.typ == value::TimexType::Duration {
        if r.day.is_some() {
            r.day = Some(day);
        }
        return;
    }
    if let Some(c) = r.clock {
        r.value = value::clock(Some(day), &c);
    } else if let Some(p) = pod_of(e) {
        r.value = value::part_of_day(Some(day), p);
    } else if matches!(r.point, Some((_, crate::expr::Unit::Day))) || (r.day.is_some() && r.typ == value::TimexType::Date) {
        r.value = value::day(day);
        r.point = Some((day, crate::expr::Unit::Day));
    } else {
        return;
    }
    r.day = Some(day);
}

/// Whether the clock time of expression `n` restates the one before it in
/// its sentence, in another zone: that happening seen from elsewhere, not an
/// event day of its own ("at 10 a.m. — 9 p.m. Wednesday in New York").
pub(super) fn restates_earlier(inp: &Inputs<'_, '_>, sent: &sentences::Sentences, n: usize) -> bool {
    let found = inp.doc.found;
    let before = |n: usize| {
        (n.saturating_sub(crate::tuning::SENTENCE_SCAN)..n)
            .rev()
            .take_while(|&m| sent.of(found[m].start) == sent.of(found[n].start))
            .find(|&m| clock_of(&found[m].expr).is_some())
    };
    let (toks, lang) = (inp.doc.toks, inp.doc.language);
    // (or one more item of a list of restatements: "which is 2:02 a.m.
    // Wednesday in Paris and 8:02 p.m. EST in Washington")
    let mut n = n;
    for _ in 0..crate::tuning::SENTENCE_SCAN {
        let Some(m) = before(n).filter(|_| clock_of(&found[n].expr).is_some()) else { return false };
        if (lang.restates)(toks, found[m].end, found[n].start) {
            return true;
        }
        if !(lang.joins_list)(toks, found[m].end, found[n].start) {
            return false;
        }
        n = m;
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::{Document, Tagger};

    /// Without a DCT, a clock time takes no date from an unrelated earlier
    /// sentence, and so gets no instant.
    #[test]
    fn without_a_dct_no_day_comes_from_an_unrelated_date() {
        let a = Tagger::new().tag(&Document::new("On 2021-01-01 they said the show airs on April 25 at 9 pm KST."));
        let t = a.timexes.iter().find(|t| t.text == "9 pm KST").expect("the time is found");
        assert_eq!(t.value, "XXXX-04-25T21:00");
        assert_eq!(t.utc, None);
    }

    /// Each instant says where its zone came from and which expression gave its day.
    #[test]
    fn instants_say_how_they_were_found() {
        let doc = Document::new("SEOUL, March 8 — The album comes out on Monday, March 13. A showcase follows at 3 p.m.")
            .with_dct("2023-03-08".parse().expect("date"));
        let a = Tagger::new().tag(&doc);
        let t = a.timexes.iter().find(|t| t.text == "3 p.m.").expect("the time is found");
        assert_eq!(t.zone_source, Some(super::ZoneSource::Document));
        let day = a.timexes.iter().find(|d| Some(&d.tid) == t.day_from.as_ref()).expect("a day");
        assert_eq!(day.text, "Monday, March 13");
    }

    /// Readings of one instant in several zones form one `equivalent` group.
    #[test]
    fn readings_of_one_instant_are_one_group() {
        let doc = Document::new("The finale airs at 8 p.m. ET on Sunday, Nov. 2, which is 5 p.m. PT and 1 a.m. GMT.")
            .with_dct("2025-10-28".parse().expect("date"));
        let a = Tagger::new().tag(&doc);
        let g = a.groups.iter().find(|g| g.kind == crate::LinkKind::Equivalent).expect("a group");
        let texts: Vec<&str> = g.tids.iter().filter_map(|tid| a.timexes.iter().find(|t| &t.tid == tid)).map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["8 p.m. ET", "5 p.m. PT", "1 a.m. GMT"]);
    }
}
