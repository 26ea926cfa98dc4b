//! The compiled tagger and its output types.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::Zoned;

use crate::analysis::{Analysis, Document, Group, TimeRange, Timex};
use crate::expr::{Clock, Dir, Expr, Tense};
use crate::grammar::{compose, LinkKind};
use crate::lang::{Language, ENGLISH};
use crate::lex::tokenize;
use crate::lexicon::Lexicon;
use crate::recur::End;
use crate::resolve::{last_ended_quarter, period_bounds, resolve, span_cost, Context, Mentions, Resolved};
use crate::value::TimexType;
use crate::zones::{Placed, ZoneTable};
use crate::Error;

/// How many tokens after a day is mentioned a clock time without a day still
/// falls on it; beyond that, it falls on the anchor's day.
const RECENT_DAY_REACH: usize = 120;

/// How many tokens a quarter stays the topic of discussion, for "a year
/// earlier" to mean that quarter a year back.
const QUARTER_TOPIC_REACH: usize = 150;

/// How relative expressions are anchored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// News: everything is anchored to the document creation time.
    #[default]
    News,
    /// Narrative: anchored to the last fully specified date mentioned
    /// ("the next day", "two weeks later"), starting from the DCT.
    Narrative,
}

/// Configures and builds a [`Tagger`].
#[derive(Clone, Debug)]
pub struct TaggerBuilder {
    language: Language,
    mode: Mode,
    zone_preferences: Vec<(String, String)>,
    default_zone: Option<String>,
    reader_zone: Option<String>,
}

impl Default for TaggerBuilder {
    fn default() -> Self {
        TaggerBuilder { language: ENGLISH, mode: Mode::News, zone_preferences: Vec::new(), default_zone: None, reader_zone: None }
    }
}

impl TaggerBuilder {
    /// Selects how relative expressions are anchored.
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// Selects the language (English is the default and, for now, the only one).
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    /// Reads an ambiguous zone abbreviation as the given IANA zone, e.g.
    /// `prefer_zone("CST", "Asia/Shanghai")` for a Chinese newsroom. The
    /// defaults are the first readings listed in the language's lexicon
    /// (CST: America/Chicago; IST: Asia/Kolkata; MST: America/Denver).
    pub fn prefer_zone(mut self, abbreviation: &str, iana: &str) -> Self {
        self.zone_preferences.push((abbreviation.to_string(), iana.to_string()));
        self
    }

    /// Places clock times that the text leaves without a zone in this IANA
    /// zone, so that they get instants too.
    pub fn default_zone(mut self, iana: &str) -> Self {
        self.default_zone = Some(iana.to_string());
        self
    }

    /// Adds to every zoned range the same range in the reader's IANA zone.
    pub fn reader_zone(mut self, iana: &str) -> Self {
        self.reader_zone = Some(iana.to_string());
        self
    }

    /// Compiles the lexicon and checks the zones it names.
    ///
    /// # Errors
    /// [`Error::Lexicon`] for a malformed data file; [`Error::UnknownZone`] for
    /// a zone the bundled tz database does not have, or a preference for an
    /// abbreviation the lexicon does not list.
    pub fn build(self) -> Result<Tagger, Error> {
        let lexicon = Lexicon::parse(self.language.lexicon)?;
        let zones = ZoneTable::new(&lexicon, &self.zone_preferences, self.default_zone.as_deref())?;
        let reader = match &self.reader_zone {
            Some(z) => Some(jiff::tz::db().get(z).map_err(|_| Error::UnknownZone(z.clone()))?),
            None => None,
        };
        Ok(Tagger { lexicon, language: self.language, mode: self.mode, zones, reader })
    }
}

/// A compiled tagger. Build it once (it parses the lexicon) and share it:
/// it is immutable, `Send` and `Sync`.
#[derive(Debug, Clone)]
pub struct Tagger {
    lexicon: Lexicon,
    language: Language,
    mode: Mode,
    zones: ZoneTable,
    reader: Option<TimeZone>,
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

impl Tagger {
    /// The English tagger in news mode.
    pub fn new() -> Tagger {
        TaggerBuilder::default().build().expect("the built-in English lexicon is valid")
    }

    /// A builder for other configurations.
    pub fn builder() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    /// Finds, resolves and links the temporal expressions of `doc`.
    pub fn tag(&self, doc: &Document<'_>) -> Analysis {
        let toks = tokenize(doc.text, &self.lexicon);
        let mut found = compose(&toks, self.language.rules);
        if self.mode == Mode::News {
            for f in &mut found {
                if let Some(length) = event_length(&f.expr) {
                    f.expr = length;
                    f.end -= 1;
                }
            }
        }
        let links = (self.language.link)(&toks, &mut found);

        let mut resolved: Vec<Resolved> = Vec::with_capacity(found.len());
        let mut anchor = doc.dct;
        let mut recent_quarter: Option<(i32, u8, usize)> = None;
        // the quarter a report is about (the last one ended by the DCT), once mentioned
        let mut report_quarter: Option<(i32, u8, usize)> = None;
        let mut last: Option<(Date, crate::expr::Unit)> = None;
        // the month or year named last (not as the end of a range, "from
        // January to October", nor reached by comparison), and where its mention ends
        let mut last_named: Option<(Date, crate::expr::Unit, usize)> = None;
        let mut range_end = vec![false; found.len()];
        for l in links.iter().filter(|l| l.kind == LinkKind::Range) {
            if let Some(&m) = l.members.last() {
                range_end[m] = true;
            }
        }
        let mut recent_day: Option<(Date, usize)> = None;
        let mut mentions = Mentions::default();
        // a year that frames its sentence ("In 1976, ..."), and the token its mention ends at
        let mut sentence_year: Option<(i32, usize)> = None;
        for (n, f) in found.iter().enumerate() {
            let tense = (self.language.tense)(&toks, f.start, f.end);
            // the day of the expression this one sits on, resolved already or (written after it) now
            let day = f.anchor.and_then(|a| match resolved.get(a) {
                Some(r) => r.day,
                None => {
                    // (and that one may sit on a day of its own: "at 10:00 am
                    // Monday, New Year's Day")
                    let bare = |g: &crate::grammar::Found, day: Option<Date>| {
                        let ctx = Context { last, mentions, ..Context::bare(anchor, (self.language.tense)(&toks, g.start, g.end), day) };
                        resolve(&g.expr, &ctx).day
                    };
                    let g = found.get(a)?;
                    let inner = g.anchor.filter(|&b| b > a).and_then(|b| found.get(b)).and_then(|h| bare(h, None));
                    bare(g, inner)
                }
            });
            let ctx = Context {
                anchor,
                tense,
                day,
                recent_quarter: topic_quarter(recent_quarter, report_quarter, f.start, &toks),
                last,
                // (not a day on the wrong side of a firm tense: "the hearing
                // is on June 27. The agency released the figures at 8:30 a.m."
                // speaks of another day)
                recent_day: recent_day
                    .filter(|d: &(Date, usize)| f.start.saturating_sub(d.1) < RECENT_DAY_REACH)
                    .map(|d| d.0)
                    .filter(|&d| !(tense.firm && anchor.is_some_and(|a| (tense.dir == Dir::Past && d > a) || (tense.dir == Dir::Future && d < a)))),
                mentions,
                sentence_year: sentence_year.filter(|&(_, end)| !sentence_break(&toks, end, f.start)).map(|(y, _)| y),
                sentence_period: last_named.filter(|&(_, _, end)| !sentence_break(&toks, end, f.start)).map(|m| (m.0, m.1)),
            };
            let r = resolve(&f.expr, &ctx);
            // a quarter under discussion (not one reached by shifting from it)
            if let (Some((y, q)), false) = (r.quarter, is_shift(&f.expr)) {
                recent_quarter = Some((y, q, f.end));
                if Some((y, q)) == anchor.map(last_ended_quarter) {
                    report_quarter = recent_quarter;
                }
            }
            if let Some((d, crate::expr::Unit::Day)) = r.point {
                recent_day = Some((d, f.end));
            }
            sentence_year = match f.expr {
                Expr::Date { year: Some(y), month: None, day: None, .. } if (self.language.frames)(&toks, f.start, f.end) => Some((y, f.end)),
                _ if r.point.is_some() => None,
                _ => sentence_year,
            };
            if r.point.is_some() && !is_shift(&f.expr) {
                // (a month named, "in October", not "last month", which often
                // dates the report rather than the figures)
                // (or a year: "rose in 2012 from a year earlier")
                let named = matches!(f.expr, Expr::Date { month: Some(_), day: None, .. } | Expr::InYear { .. });
                let named_year = matches!(f.expr, Expr::Date { year: Some(_), month: None, .. });
                last_named = match r.point {
                    Some((d, u @ crate::expr::Unit::Month)) if named && !range_end[n] => Some((d, u, f.end)),
                    Some((d, u @ crate::expr::Unit::Year)) if named_year && !range_end[n] => Some((d, u, f.end)),
                    _ => None,
                };
            }
            let point = r.point.or(r.topic);
            if point.is_some() && !matches!(f.expr, Expr::Anaphor { offset: 0, .. }) {
                last = point;
                // "the previous month" is a comparison, not a new topic: a
                // second one counts from the same month ("the next day" does
                // move the story on), nor is "a year earlier"
                if let (Some((d, unit)), false) = (point, matches!(f.expr, Expr::Anaphor { offset: ..0, .. }) || is_shift(&f.expr)) {
                    mentions.note(d, unit, f.end);
                }
            }
            if self.mode == Mode::Narrative && is_full_date(&f.expr) {
                anchor = r.day.or(anchor);
            }
            resolved.push(r);
        }

        // what sits on each found day ("Friday, 9am"), to move with it
        // (built only when the text has a range)
        let mut sitting: Vec<Vec<usize>> = Vec::new();
        if links.iter().any(|l| l.kind == LinkKind::Range) {
            sitting = vec![Vec::new(); found.len()];
            for (m, f) in found.iter().enumerate() {
                if let Some(a) = f.anchor.filter(|&a| a < found.len()) {
                    sitting[a].push(m);
                }
            }
        }
        // the end of a range falls on or after its start ("Monday through Friday")
        for l in links.iter().filter(|l| l.kind == LinkKind::Range && l.members.len() == 2) {
            let (a, b) = (l.members[0], l.members[1]);
            // "7-9 p.m. Friday": a start time without a day shares the end's day
            if let (Expr::Time { date: None, .. }, Expr::Time { date: Some(_), .. }) = (&found[a].expr, &found[b].expr) {
                if found[a].anchor.is_none() {
                    let ctx = Context::bare(anchor, Tense::loose(crate::expr::Dir::Infer), resolved[b].day);
                    resolved[a] = resolve(&found[a].expr, &ctx);
                }
            }
            let tense = || (self.language.tense)(&toks, found[a].start, found[b].end);
            let moved = match reorder(&found[a].expr, &found[b].expr, &resolved[a], &resolved[b], anchor, tense) {
                Some(Reordered::Start(r)) => {
                    resolved[a] = r;
                    a
                }
                Some(Reordered::End(r)) => {
                    resolved[b] = r;
                    b
                }
                None => continue,
            };
            // what sits on the moved day moves with it ("Monday to Friday, 9am-5pm")
            if let Some(day) = resolved[moved].day {
                for &m in &sitting[moved] {
                    resolved[m] = resolve(&found[m].expr, &Context::bare(anchor, Tense::loose(Dir::Infer), Some(day)));
                }
            }
        }

        // "6:39 a.m. (2139 GMT)": the zoned reading of a local time falls on
        // the day that keeps the local offset within UTC-12..UTC+14
        for l in links.iter().filter(|l| l.kind == LinkKind::Reading) {
            let (a, b) = (l.members[0], l.members[1]);
            if let (Some(local), Some(read), Some(day)) = (resolved[a].clock, resolved[b].clock, resolved[b].day) {
                let minutes = |c: Clock| c.hour as i32 * 60 + c.minute.unwrap_or(0) as i32;
                if local.zone.is_some() || read.zone.is_none() {
                    continue;
                }
                // "midnight local time (2200 GMT Friday)": a reading with a
                // day of its own places the local time on the day that keeps
                // the offset in range
                let dated = |e: &Expr| matches!(e, Expr::Time { date: Some(_), .. });
                if resolved[a].day != Some(day) && dated(&found[b].expr) && !dated(&found[a].expr) {
                    let fits = |s: i32| (-12 * 60..=14 * 60).contains(&(s * 24 * 60 + minutes(local) - minutes(read)));
                    if let Some(d) = [0, -1, 1].into_iter().find(|&s| fits(s)).and_then(|s| day.checked_add(jiff::Span::new().days(s)).ok()) {
                        resolved[a] = resolve(&found[a].expr, &Context::bare(anchor, Tense::loose(Dir::Infer), Some(d)));
                    }
                    continue;
                }
                if resolved[a].day != Some(day) {
                    continue;
                }
                let offset = minutes(local) - minutes(read);
                let shift = if offset < -12 * 60 {
                    -1
                } else if offset > 14 * 60 {
                    1
                } else {
                    0
                };
                if shift != 0 {
                    if let Ok(d) = day.checked_add(jiff::Span::new().days(shift)) {
                        resolved[b] = resolve(&found[b].expr, &Context::bare(anchor, Tense::loose(crate::expr::Dir::Infer), Some(d)));
                    }
                }
            }
        }

        // a recurrence's end with no year of its own lies on or after its
        // start ("every Saturday through Dec. 26" written in June): read it
        // forward from there (the DCT stands for an unstated start only for
        // a recurrence not told in the past: "opened every Saturday through
        // March 26" ended before it)
        for l in links.iter().filter(|l| l.kind == LinkKind::Recurrence) {
            let told_past = || {
                let (from, to) = l.members.iter().chain(&l.until).fold((usize::MAX, 0), |(a, b), &m| (a.min(found[m].start), b.max(found[m].end)));
                (self.language.tense)(&toks, from, to).dir == Dir::Past
            };
            let stated = l.start.and_then(|s| resolved[s].day.or(resolved[s].point.map(|p| p.0)));
            let start = stated.or(doc.dct.filter(|_| !told_past()));
            if let (Some(u), Some(s)) = (l.until, start) {
                if resolved[u].day.is_some_and(|d| d < s) && needs_anchor(&found[u].expr) {
                    resolved[u] = resolve(&found[u].expr, &Context::bare(Some(s), Tense { dir: Dir::Future, firm: true }, None));
                }
            }
        }
        let text = doc.text;
        let doc_zone = doc.zone.and_then(|z| jiff::tz::db().get(z).ok().map(|tz| (tz, z.to_string())));
        let here = Here { text, zone: doc_zone.as_ref() };
        // the document: event days, places and zones, readings of one instant
        let inputs = crate::discourse::Inputs {
            toks: &toks,
            found: &found,
            links: &links,
            dct: doc.dct,
            language: self.language,
            zones: &self.zones,
            lexicon: &self.lexicon,
            doc_zone: doc_zone.as_ref().map(|(tz, name)| crate::zones::Zone::named(tz.clone(), name)),
        };
        let discourse = crate::discourse::settle(&inputs, &mut resolved);
        // which found expressions a recurrence covers (those get no rule of their own)
        let mut in_recurrence = vec![false; found.len()];
        for l in links.iter().filter(|l| l.kind == LinkKind::Recurrence) {
            for &m in l.members.iter().chain(&l.ends) {
                in_recurrence[m] = true;
            }
        }
        let mut timexes = Vec::with_capacity(found.len());
        let mut cp = (0usize, 0usize); // (byte, code point) cursor: offsets grow monotonically
        let mut to_cp = |b: usize| {
            if b < cp.0 {
                cp = (0, 0);
            }
            cp.1 += text[cp.0..b].chars().count();
            cp.0 = b;
            cp.1
        };
        for (n, (f, r)) in found.iter().zip(&resolved).enumerate() {
            let (bs, be) = (toks.toks[f.start].start, toks.toks[f.end - 1].end);
            let start = to_cp(bs);
            let end = to_cp(be);
            let settled = &discourse.settled[n];
            let placed = settled.placed.clone();
            let (range, range_reader) = self.range(r, placed.as_ref(), &here);
            let mut t = Timex {
                tid: format!("t{}", n + 1),
                start,
                end,
                byte_start: bs,
                byte_end: be,
                text: text[bs..be].to_string(),
                typ: r.typ,
                value: r.value.clone(),
                modifier: r.modifier.map(|m| m.code()),
                quant: r.quant,
                freq: r.freq.clone(),
                // ("in two weeks" counted from the DCT when it is a date)
                anchor: (doc.dct.is_some() && (needs_anchor(&f.expr) || matches!(f.expr, Expr::InTime { .. }) && r.typ == TimexType::Date))
                    .then(|| "t0".to_string()),
                utc: placed.as_ref().map(|p| p.zoned.timestamp().to_string()),
                tzid: placed.as_ref().and_then(|p| p.tzid.clone()),
                zone_note: placed.and_then(|p| p.note),
                zone_source: settled.placed.as_ref().and(settled.zone.as_ref()).map(|z| z.1),
                day_from: settled.day_from.map(|m| format!("t{}", m + 1)),
                range,
                range_reader,
                rrule: None,
                dtstart: None,
                schedule: None,
            };
            if r.typ == TimexType::Set && !in_recurrence[n] {
                if let Some(rec) = self.recurrence(&[&f.expr], doc.dct, End::default(), settled.zone.as_ref().map(|z| &z.0)) {
                    t.schedule = Some(rec.schedule(None));
                    t.rrule = Some(rec.rule.render(false));
                    t.dtstart = rec.dtstart.map(civil);
                    t.tzid = rec.tzid.or(t.tzid);
                }
            }
            timexes.push(t);
        }
        // readings of one instant are the document's equivalence groups
        let equivalent = discourse.equivalent.iter().map(|g| crate::grammar::Link {
            kind: LinkKind::Equivalent,
            members: g.clone(),
            until: None,
            lasting: None,
            start: None,
            ends: None,
        });
        let links: Vec<crate::grammar::Link> = links.iter().filter(|l| l.kind != LinkKind::Reading).cloned().chain(equivalent).collect();
        let groups = links
            .iter()
            .map(|l| {
                let timexes = &mut timexes;
                let mut g = Group {
                    kind: l.kind,
                    tids: l.members.iter().map(|&m| timexes[m].tid.clone()).collect(),
                    rrule: None,
                    tzid: None,
                    dtstart: None,
                    first: None,
                    duration: None,
                    ends: l.ends.map(|e| timexes[e].tid.clone()),
                    schedule: None,
                };
                if let (LinkKind::Range, [a, b]) = (l.kind, l.members.as_slice()) {
                    g.duration = range_length(&resolved[*a], &resolved[*b]);
                }
                if l.kind == LinkKind::Recurrence {
                    // "from 7 to 9 p.m.": each occurrence lasts from the start time to the end time
                    let start_clock = l.members.iter().rev().find_map(|&m| set_clock(&found[m].expr));
                    let to_clock = l.ends.and_then(|e| set_clock(&found[e].expr));
                    if let (Some(a), Some(b)) = (start_clock, to_clock) {
                        g.duration = clock_span(a, b);
                    }
                    let exprs: Vec<&Expr> = l.members.iter().map(|&m| &found[m].expr).collect();
                    // (through the last day of a month: "until the end of September")
                    let until = l.until.and_then(|u| resolved.get(u)).and_then(|r| {
                        r.day.or_else(|| r.point.and_then(|(d, unit)| period_bounds(d, unit)).and_then(|(_, after, _)| after.yesterday().ok()))
                    });
                    let lasting = l.lasting.and_then(|d| match found[d].expr {
                        Expr::Duration { amount: crate::expr::Amount::N(n), unit } => Some((n, unit)),
                        _ => None,
                    });
                    // a start the text states replaces the DCT as the day to count from
                    // (a month's first day: "starting in December")
                    let since = l.start.and_then(|u| resolved.get(u)).and_then(|r| r.day.or(r.point.map(|p| p.0)));
                    let from = since.or(doc.dct);
                    let end = End { until, lasting, to_clock };
                    // the zone of the recurrence's clock time, as the document settled it
                    let clock_member = l.members.iter().copied().find(|&m| set_clock(&found[m].expr).is_some());
                    let zone = clock_member.and_then(|m| discourse.settled[m].zone.as_ref()).map(|z| &z.0);
                    // each clock time of the recurrence (and the one its occurrences
                    // end at) recurs on the same days: its own rule, on its timex
                    for &m in l.members.iter().chain(&l.ends) {
                        if set_clock(&found[m].expr).is_none() {
                            continue;
                        }
                        let own: Vec<&Expr> = l
                            .members
                            .iter()
                            .filter(|&&o| set_clock(&found[o].expr).is_none())
                            .map(|&o| &found[o].expr)
                            .chain([&found[m].expr])
                            .collect();
                        // a time recurring on one weekday names it ("XXXX-WXX-5T17:00" for "every
                        // other Friday at 5 p.m."), the next one for a broadcast hour past 24
                        if let (Some(dow), Some(c)) = (single_weekday(&own), set_clock(&found[m].expr)) {
                            timexes[m].value = match c.past_midnight() {
                                Some(late) => crate::value::clock_on_weekday(dow % 7 + 1, &late),
                                None => crate::value::clock_on_weekday(dow, &c),
                            };
                        }
                        let zone = discourse.settled[m].zone.as_ref().map(|z| &z.0).or(zone);
                        // (an end before the start is the next morning's: "daily from 10 p.m. to 5 a.m.")
                        let overnight = Some(m) == l.ends
                            && start_clock.zip(set_clock(&found[m].expr)).is_some_and(|(a, b)| minute_of_day(b) <= minute_of_day(a));
                        let from = if overnight { from.and_then(|d| d.tomorrow().ok()) } else { from };
                        if let Some(rec) = self.recurrence(&own, from, End { to_clock: None, ..end }, zone) {
                            timexes[m].schedule = Some(rec.schedule(since));
                            timexes[m].rrule = Some(rec.rule.render(false));
                            timexes[m].dtstart = rec.dtstart.map(civil);
                            timexes[m].tzid = rec.tzid.or(timexes[m].tzid.take());
                        }
                    }
                    if let Some(rec) = self.recurrence(&exprs, from, end, zone) {
                        // occurrences within the day ("every 15 minutes from 6
                        // a.m. to midnight") are instants: the span is their window
                        if rec.rule.sub_daily() {
                            g.duration = None;
                        }
                        g.schedule = Some(rec.schedule(since));
                        g.rrule = Some(rec.rule.render(false));
                        g.dtstart = rec.dtstart.map(civil);
                        g.first = rec.first.as_ref().map(ToString::to_string);
                        g.tzid = rec.tzid;
                    }
                }
                g
            })
            .collect();
        Analysis { timexes, groups }
    }

    pub(crate) fn place(&self, here: &Here<'_>, spec: Option<crate::expr::ZoneSpec>, local: DateTime) -> Option<Placed> {
        self.zones.place(spec, here.text, local, &self.lexicon, here.zone)
    }

    /// The interval a resolved expression covers, zoned when its zone is known.
    fn range(&self, r: &Resolved, placed: Option<&Placed>, here: &Here<'_>) -> (Option<TimeRange>, Option<TimeRange>) {
        let reader = |a: &Zoned, b: &Zoned, grain: &'static str| {
            self.reader.as_ref().map(|tz| TimeRange::zoned(a.with_time_zone(tz.clone()), b.with_time_zone(tz.clone()), grain))
        };
        if let (Some(p), Some(c)) = (placed, r.clock) {
            let end = p.zoned.checked_add(jiff::Span::new().minutes(1)).ok();
            let grain = if c.minute.is_some() { "minute" } else { "hour" };
            return match end {
                Some(e) => {
                    let rd = reader(&p.zoned, &e, grain);
                    (Some(TimeRange::zoned(p.zoned.clone(), e, grain)), rd)
                }
                None => (None, None),
            };
        }
        if let (Some(day), Some(c)) = (r.day, r.clock) {
            let start = local(day, &c);
            let end = start.and_then(|s| s.checked_add(jiff::Span::new().minutes(1)).ok());
            return match (start, end) {
                (Some(s), Some(e)) => (Some(TimeRange::civil(s, e, "minute")), None),
                _ => (None, None),
            };
        }
        let Some((start, end, grain)) = r.point.and_then(|(d, unit)| period_bounds(d, unit)) else { return (None, None) };
        let (s, e) = (start.to_datetime(jiff::civil::Time::midnight()), end.to_datetime(jiff::civil::Time::midnight()));
        match (self.place(here, None, s), self.place(here, None, e)) {
            (Some(a), Some(b)) => {
                let rd = reader(&a.zoned, &b.zoned, grain);
                (Some(TimeRange::zoned(a.zoned, b.zoned, grain)), rd)
            }
            _ => (Some(TimeRange::civil(s, e, grain)), None),
        }
    }
}

/// The document a timex stands in, for placing its times in zones.
pub(crate) struct Here<'a> {
    text: &'a str,
    zone: Option<&'a (TimeZone, String)>,
}

/// A civil date-time as the JSON writes it (`2022-04-23T21:10:00`).
fn civil(dt: DateTime) -> String {
    dt.strftime("%Y-%m-%dT%H:%M:%S").to_string()
}

pub(crate) fn local(day: Date, c: &Clock) -> Option<DateTime> {
    let base = day.to_datetime(jiff::civil::Time::midnight());
    let minutes = c.hour as i64 * 60 + c.minute.unwrap_or(0) as i64;
    base.checked_add(jiff::Span::new().minutes(minutes)).ok()
}

/// The clock time a recurrence member recurs at ("at 9:10 pm" in "every Saturday at 9:10 pm").
fn set_clock(e: &Expr) -> Option<Clock> {
    match e {
        Expr::Set { each, .. } => match &**each {
            Expr::Time { clock, .. } => Some(*clock),
            _ => None,
        },
        _ => None,
    }
}

/// The one weekday the days of a recurrence name ("every other Friday",
/// "Thursdays", "Monday nights"), if they name exactly one.
fn single_weekday(parts: &[&Expr]) -> Option<u8> {
    let mut days = parts.iter().filter_map(|p| match p {
        Expr::Set { each, .. } => match &**each {
            Expr::Weekday { dow, .. } => Some(Some(*dow)),
            Expr::EveryNth { each, .. } | Expr::PartOfDay { date: Some(each), .. } => match **each {
                Expr::Weekday { dow, .. } => Some(Some(dow)),
                _ => Some(None),
            },
            Expr::Time { .. } => None,
            _ => Some(None),
        },
        _ => Some(None),
    });
    match (days.next(), days.next()) {
        (Some(Some(d)), None) => Some(d),
        _ => None,
    }
}

/// The length from one clock reading to a later one (past midnight if the
/// end is earlier): `PT2H`, `PT1H30M`.
fn clock_span(a: Clock, b: Clock) -> Option<String> {
    let m = minute_of_day(b) - minute_of_day(a);
    Some(minutes(if m <= 0 { m + 24 * 60 } else { m }))
}

/// Minutes since midnight of a clock reading.
fn minute_of_day(c: Clock) -> i64 {
    c.hour as i64 * 60 + c.minute.unwrap_or(0) as i64
}

/// A whole number of minutes as a TIMEX3 duration: `PT2H`, `PT45M`, `PT1H30M`.
fn minutes(m: i64) -> String {
    match (m / 60, m % 60) {
        (h, 0) => format!("PT{h}H"),
        (0, mm) => format!("PT{mm}M"),
        (h, mm) => format!("PT{h}H{mm}M"),
    }
}

/// The length of a range from `a` to `b`: from one clock time to the other
/// when both have one (and the same zone), else both ends included, in the
/// unit both are precise to (days, months or years).
fn range_length(a: &Resolved, b: &Resolved) -> Option<String> {
    use crate::expr::Unit;
    // "from 9 a.m. to 5 p.m. on Monday" is PT8H
    if let (Some(ca), Some(cb), Some(da), Some(db)) = (a.clock, b.clock, a.day, b.day) {
        if ca.zone != cb.zone {
            return None;
        }
        let m = da.until(db).ok()?.get_days() as i64 * 24 * 60 + minute_of_day(cb) - minute_of_day(ca);
        return (m > 0).then(|| minutes(m));
    }
    let ((da, ua), (db, ub)) = (a.point?, b.point?);
    if ua != ub || a.clock.is_some() || b.clock.is_some() {
        return None;
    }
    let (n, letter) = match ua {
        Unit::Day => (da.until(db).ok()?.get_days() as i64 + 1, "D"),
        Unit::Month => ((db.year() as i64 - da.year() as i64) * 12 + db.month() as i64 - da.month() as i64 + 1, "M"),
        Unit::Year => (db.year() as i64 - da.year() as i64 + 1, "Y"),
        _ => return None,
    };
    (n > 0).then(|| format!("P{n}{letter}"))
}

/// The length of a shift measured from an event ("three days later" → "three
/// days"), which news mode reports instead of a date it cannot place; `None`
/// for anything else.
fn event_length(e: &Expr) -> Option<Expr> {
    match e {
        Expr::Shift { amount, unit, event: true, .. } => Some(Expr::Duration { amount: *amount, unit: *unit }),
        Expr::Mod { m, inner } => Some(Expr::Mod { m: *m, inner: Box::new(event_length(inner)?) }),
        _ => None,
    }
}

/// A range's member placed anew so that the range runs forward.
enum Reordered {
    /// The start, moved back before the end.
    Start(Resolved),
    /// The end, moved forward past the start.
    End(Resolved),
}

/// Puts a range whose members were placed the wrong way round in order:
/// either the end moves forward past the start or the start back before the
/// end ("From January to October" in November is January to October of this
/// year, not of the next); of the two, the span whose middle lies nearer the
/// anchor, weighed for the tense as single dates are. Days ("Friday through
/// Monday") always move the end forward. `None` when the range runs forward
/// already or cannot be placed. `tense` reads the tense of the range's
/// sentence.
fn reorder(start: &Expr, end: &Expr, rs: &Resolved, re: &Resolved, anchor: Option<Date>, tense: impl FnOnce() -> Tense) -> Option<Reordered> {
    use crate::expr::{Dir, Unit};
    let ((s, su), (e, eu)) = (rs.point?, re.point?);
    if e >= s {
        return None;
    }
    // the range's tense, read only for a range that needs it
    let tense = tense();
    let fwd = resolve(end, &Context::bare(Some(s), Tense { dir: Dir::Future, firm: true }, None));
    let back = resolve(start, &Context::bare(Some(e), Tense { dir: Dir::Past, firm: true }, None));
    let span = |from: Option<(Date, Unit)>, to: Option<(Date, Unit)>| {
        let (f, t) = (from?, to?);
        let (lo, hi) = (period_bounds(f.0, f.1)?.0, period_bounds(t.0, t.1)?.1.yesterday().ok()?);
        (lo <= hi).then_some((lo, hi))
    };
    let far = |sp: Option<(Date, Date)>| {
        let (lo, hi) = sp?;
        let mid = lo.checked_add(jiff::Span::new().days(lo.until(hi).ok()?.get_days() / 2)).ok()?;
        span_cost(anchor?, tense, (mid, mid))
    };
    let days = su == Unit::Day || eu == Unit::Day;
    match (far(span(Some((s, su)), fwd.point)), far(span(back.point, Some((e, eu))))) {
        (ahead, Some(behind)) if !days && ahead.is_none_or(|x| behind < x) => Some(Reordered::Start(back)),
        (Some(_), _) => Some(Reordered::End(fwd)),
        _ => None,
    }
}

/// Whether a quarter `e` resolves to is derived from the quarter under
/// discussion ("a year earlier", "the 1988 period") rather than a new topic.
fn is_shift(e: &Expr) -> bool {
    match e {
        Expr::Shift { .. } | Expr::PeriodOfYear { .. } => true,
        Expr::Mod { inner, .. } => is_shift(inner),
        _ => false,
    }
}

fn is_full_date(e: &Expr) -> bool {
    matches!(e, Expr::Date { year: Some(_), month: Some(_), day: Some(_), .. })
}

fn needs_anchor(e: &Expr) -> bool {
    match e {
        Expr::Date { year, .. } => year.is_none(),
        e if e.is_weekday() => true,
        Expr::Weekend { .. } | Expr::Relative { .. } | Expr::Shift { .. } | Expr::InYear { .. } => true,
        Expr::Part { year, .. } => !matches!(year, crate::expr::YearRef::Explicit(_)),
        Expr::Time { date, .. } | Expr::PartOfDay { date, .. } => date.as_ref().is_none_or(|d| needs_anchor(d)),
        Expr::Around { day, .. } => needs_anchor(day),
        Expr::DayOf { period, .. } | Expr::NthWeekday { period, .. } | Expr::NthWorkday { period, .. } | Expr::NthWeek { period, .. } => {
            needs_anchor(period)
        }
        Expr::WeekOf { day, .. } => needs_anchor(day),
        Expr::PeriodOf { of, .. } => needs_anchor(of),
        Expr::FromLast { .. } => true,
        Expr::Mod { inner, .. } => needs_anchor(inner),
        _ => false,
    }
}

/// The quarter under discussion at token `at`, for "the year-earlier period"
/// and "the latest quarter": the one mentioned last in the same sentence;
/// past the sentence, the quarter the report is about once it has been
/// mentioned ("After a flat second quarter, ... The comparison was enhanced
/// by charges taken in the year-earlier period" compares the reported third
/// quarter), else the one mentioned last; none once the text has moved on.
fn topic_quarter(recent: Option<(i32, u8, usize)>, report: Option<(i32, u8, usize)>, at: usize, toks: &crate::lex::Tokens<'_>) -> Option<(i32, u8)> {
    let near = |q: &(i32, u8, usize)| at.saturating_sub(q.2) < QUARTER_TOPIC_REACH;
    let topic = match (recent, report) {
        (Some(r), _) if !sentence_break(toks, r.2, at) => Some(r),
        // (kept in reach while quarters are being discussed)
        (Some(r), Some(p)) if near(&r) && p.2 <= r.2 => Some((p.0, p.1, r.2)),
        (r, _) => r,
    };
    topic.filter(near).map(|q| (q.0, q.1))
}

/// Whether a sentence ends between tokens `from` and `to`: a full stop,
/// question or exclamation mark before a space, or a line break. An
/// abbreviation ("Mr. Smith") counts as a break, which only errs on the side
/// of not carrying a year over.
fn sentence_break(toks: &crate::lex::Tokens<'_>, from: usize, to: usize) -> bool {
    (from..to.min(toks.len())).any(|k| {
        toks.toks[k].newline_before && k > from
            || matches!(toks.raw(k), "." | "!" | "?") && toks.toks.get(k + 1).is_none_or(|n| n.space_before || n.newline_before)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    fn values(tagger: &Tagger, text: &str, dct: &str) -> Vec<String> {
        tagger.tag(&Document::new(text).with_dct(dct.parse().expect("date"))).timexes.into_iter().map(|t| t.value).collect()
    }

    #[test]
    fn narrative_mode_anchors_on_the_last_full_date() {
        let text = "The expedition left on March 3, 1995. Two weeks later it reached the pass, and three days ago it was back.";
        let narrative = Tagger::builder().mode(Mode::Narrative).build().expect("tagger");
        // 1995-03-03 + 2 weeks = 1995-03-17, ISO week 11; three days before 1995-03-03 is 1995-02-28
        assert_eq!(values(&narrative, text, "1998-08-07"), ["1995-03-03", "1995-W11", "1995-02-28"]);
        // news mode cannot place the event "later" counts from, so it reports the length
        // alone ("Two weeks", as TimeML annotates it), and "ago" counts back from the DCT
        let news = Tagger::new().tag(&Document::new(text).with_dct("1998-08-07".parse().expect("date")));
        let got: Vec<_> = news.timexes.iter().map(|t| (t.text.as_str(), t.value.as_str())).collect();
        assert_eq!(got, [("March 3, 1995", "1995-03-03"), ("Two weeks", "P2W"), ("three days ago", "1998-08-04")]);
    }

    #[test]
    fn tagger_is_send_and_sync() {
        assert_send_sync::<Tagger>();
    }
}
