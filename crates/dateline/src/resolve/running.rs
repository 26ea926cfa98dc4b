//! Resolving a document's expressions in text order.
//!
//! [`resolve`] reads one expression against a [`Context`];
//! what goes into that context is what the text has said so far: the
//! anchor (in narrative mode, the last full date), the day, quarter, month
//! or year under discussion, and the year that frames a sentence. [`Running`]
//! keeps that state: [`Running::context`] gives the context of the next
//! expression and [`Running::note`] records what it resolved to.
//! [`resolve_all`] runs it over the document, then reads the expressions the
//! linker paired together (see [`linked`]).

use jiff::civil::Date;

use super::{last_ended_quarter, linked, resolve, Context, Mentions, Resolved};
use crate::expr::{Dir, Expr, Tense, Unit};
use crate::grammar::{Found, Link, LinkKind};
use crate::lang::Language;
use crate::lex::Tokens;
use crate::tagger::Mode;
use crate::tuning::{BREAK_SCAN, QUARTER_TOPIC_REACH, RECENT_DAY_REACH};

/// What the resolution stage needs to see: the linked expressions of one
/// document, the tokens around them (for tense and sentence ends), the DCT
/// and the anchoring mode. The stages after it see the same, and more.
pub(crate) struct Inputs<'a, 't> {
    pub(crate) toks: &'a Tokens<'t>,
    pub(crate) found: &'a [Found],
    pub(crate) links: &'a [Link],
    pub(crate) dct: Option<Date>,
    /// The reference instant, when the document gives one with its clock.
    pub(crate) now: Option<&'a jiff::Zoned>,
    /// Which way a date the text leaves open lies.
    pub(crate) prefer: crate::Prefer,
    pub(crate) language: Language,
    pub(crate) mode: Mode,
    /// The tense of each found expression, read from the tokens around it
    /// when first asked for (see [`Inputs::tense`]).
    pub(crate) tenses: Vec<std::cell::OnceCell<Tense>>,
}

impl Inputs<'_, '_> {
    /// The tense cues around found expression `n`. Resolution and the
    /// document stage ask for the same expression's (the scan is the
    /// costliest part of resolving, and the document stage asked again for
    /// a quarter of the expressions), so each is read once.
    pub(crate) fn tense(&self, n: usize) -> Tense {
        let f = &self.found[n];
        match self.tenses.get(n) {
            Some(cell) => *cell.get_or_init(|| (self.language.tense)(self.toks, f.start, f.end)),
            None => (self.language.tense)(self.toks, f.start, f.end),
        }
    }
}

/// Resolves every found expression of a document, each in the context of
/// what was said before it, then puts linked ones in agreement (ranges run
/// forward, a reading in another zone falls on the right day, a
/// recurrence's end lies after its start).
pub(crate) fn resolve_all(inp: &Inputs<'_, '_>) -> Vec<Resolved> {
    let mut running = Running::new(inp);
    let mut resolved: Vec<Resolved> = Vec::with_capacity(inp.found.len());
    for (n, f) in inp.found.iter().enumerate() {
        let r = resolve(&f.expr, &running.context(n, &resolved));
        running.note(n, &r);
        resolved.push(r);
    }
    // (the anchor the text ended on: in narrative mode, its last full date)
    linked::order_ranges(inp, running.anchor, &mut resolved);
    linked::day_readings(inp, running.anchor, &mut resolved);
    linked::order_recurrence_ends(inp, &mut resolved);
    linked::list_years(inp, &mut resolved);
    resolved
}

/// Whether resolving `e` may weigh the tense of its sentence (or the day
/// mentioned just before, which the tense may rule out): everything but what
/// is told whole, or counted from the anchor or from what was mentioned
/// before, whatever the tense: a date with its year, a decade, a length, a
/// reference word, a period or a shift from the anchor, an anaphor ("1998",
/// "March 3, 1997", "the 1990s", "three years", "now", "last year", "two
/// years ago", "the next day"), with or without a modifier. They are most of
/// what news says, and their tense cues are then not read at all.
fn weighs_tense(e: &Expr) -> bool {
    match e {
        Expr::Mod { inner, .. } => weighs_tense(inner),
        Expr::Date { year: Some(_), .. }
        | Expr::Decade { .. }
        | Expr::Duration { .. }
        | Expr::Reach { .. }
        | Expr::Stretch
        | Expr::Compound { .. }
        | Expr::Ref(_)
        | Expr::Relative { .. }
        | Expr::Shift { .. }
        | Expr::Anaphor { .. }
        | Expr::OfLastDay { .. }
        | Expr::PeriodOfYear { .. }
        | Expr::NthWorkday { .. }
        | Expr::Workdays
        | Expr::DaysBut { .. } => false,
        _ => true,
    }
}

/// What the text has said so far, as resolution goes through it in order.
pub(crate) struct Running<'i, 'a, 't> {
    inp: &'i Inputs<'a, 't>,
    /// The anchor: the DCT, or in narrative mode the last full date.
    anchor: Option<Date>,
    /// The quarter under discussion, and the token its mention ends at.
    recent_quarter: Option<(i32, u8, usize)>,
    /// The quarter a report is about (the last one ended by the DCT), once mentioned.
    report_quarter: Option<(i32, u8, usize)>,
    /// The last period mentioned ("that year" refers to it).
    last: Option<(Date, Unit)>,
    /// The month or year named last (not as the end of a range, "from
    /// January to October", nor reached by comparison), and where its mention ends.
    last_named: Option<(Date, Unit, usize)>,
    /// Whether each found expression ends a range.
    range_end: Vec<bool>,
    /// The day mentioned last, and where its mention ends.
    recent_day: Option<(Date, usize)>,
    mentions: Mentions,
    /// A year that frames its sentence ("In 1976, ...", "Last year, ..."),
    /// and the token its mention ends at.
    sentence_year: Option<(i32, usize)>,
    /// Where sentences end, to ask in one step whether one ends between two
    /// tokens (counted the first time it is asked).
    breaks: std::cell::OnceCell<Breaks>,
}

impl<'i, 'a, 't> Running<'i, 'a, 't> {
    /// Nothing said yet: the anchor is the DCT.
    pub(crate) fn new(inp: &'i Inputs<'a, 't>) -> Self {
        let mut range_end = vec![false; inp.found.len()];
        for l in inp.links.iter().filter(|l| l.kind == LinkKind::Range) {
            if let Some(&m) = l.members.last() {
                range_end[m] = true;
            }
        }
        Running {
            inp,
            anchor: inp.dct,
            recent_quarter: None,
            report_quarter: None,
            last: None,
            last_named: None,
            range_end,
            recent_day: None,
            mentions: Mentions::default(),
            sentence_year: None,
            breaks: std::cell::OnceCell::new(),
        }
    }

    /// The context of found expression `n`, with `resolved` holding the
    /// expressions before it.
    pub(crate) fn context(&self, n: usize, resolved: &[Resolved]) -> Context {
        let (inp, f) = (self.inp, &self.inp.found[n]);
        // (the tense cues are read only for an expression whose value weighs
        // them; for the others the context's tense and recent day are not read)
        // (a preferred direction stands for the tense, firmly)
        let tense = self.tense_at(n);
        let anchor = self.anchor;
        // the day of the expression this one sits on, resolved already or (written after it) now
        let day = f.anchor.and_then(|a| match resolved.get(a) {
            Some(r) => r.day,
            None => self.day_ahead(a),
        });
        Context {
            anchor,
            now: inp.now.cloned(),
            prefer: inp.prefer,
            tense,
            day,
            recent_quarter: topic_quarter(self.recent_quarter, self.report_quarter, f.start, &|a, b| self.sentence_break(a, b)),
            last: self.last,
            // (not a day on the wrong side of a firm tense: "the hearing
            // is on June 27. The agency released the figures at 8:30 a.m."
            // speaks of another day)
            recent_day: self
                .recent_day
                .filter(|d: &(Date, usize)| f.start.saturating_sub(d.1) < RECENT_DAY_REACH)
                .map(|d| d.0)
                .filter(|&d| !(tense.firm && anchor.is_some_and(|a| (tense.dir == Dir::Past && d > a) || (tense.dir == Dir::Future && d < a)))),
            mentions: self.mentions,
            sentence_year: self.framed_year(n),
            sentence_period: self.last_named.filter(|&(_, _, end)| !self.sentence_break(end, f.start)).map(|m| (m.0, m.1)),
            written_dow: self.written_dow(n),
        }
    }

    /// The weekday written before found expression `n`, a date without its
    /// year ("Wednesday 24 June", "Friday the 13th").
    fn written_dow(&self, n: usize) -> Option<u8> {
        let f = &self.inp.found[n];
        let dated = matches!(f.expr, Expr::Date { year: None, day: Some(_), .. });
        dated.then(|| (self.inp.language.written_weekday)(self.inp.toks, f.start)).flatten()
    }

    /// The year the sentence of found expression `n` is framed in ("Last
    /// year, ...", "In 2019, ..."), up to the end of the sentence or a closing
    /// quote, and not for the date of a report ("\"Last year, we lost
    /// everything,\" the farmer said on Feb. 10"), nor for what the sentence
    /// looks ahead to (see `resolve`).
    fn framed_year(&self, n: usize) -> Option<i32> {
        let (inp, toks, f) = (self.inp, self.inp.toks, &self.inp.found[n]);
        let (y, end) = self.sentence_year.filter(|&(_, end)| !self.sentence_break(end, f.start))?;
        let quoted = (end..f.start.min(toks.len())).any(|k| toks.is_any(k, &["\"", "”", "''"]));
        (!quoted && !(inp.language.reports)(toks, f.start, f.end)).then_some(y)
    }

    /// Where the document's sentences end.
    /// Whether a sentence ends between tokens `from` and `to` (see
    /// [`Breaks::between`]): near, by looking; far, by the counts.
    fn sentence_break(&self, from: usize, to: usize) -> bool {
        let toks = self.inp.toks;
        if to.saturating_sub(from) <= BREAK_SCAN {
            (from..to.min(toks.len())).any(|k| toks.toks[k].newline_before && k > from || stop_at(toks, k))
        } else {
            self.breaks.get_or_init(|| Breaks::new(toks)).between(from, to)
        }
    }

    /// The direction found expression `n` is read in: the tense of its
    /// sentence, or the document's preferred direction, which stands for the
    /// tense firmly. (Loose for an expression whose value does not weigh it.)
    fn tense_at(&self, n: usize) -> Tense {
        match self.inp.prefer {
            _ if !weighs_tense(&self.inp.found[n].expr) => Tense::loose(Dir::Infer),
            // (with no grace, unless the sentence says the other way: "what
            // did I do on march 4", asked on March 5, is the day before)
            crate::Prefer::Future => Tense { dir: Dir::Future, firm: true, strict: self.inp.tense(n).dir != Dir::Past },
            crate::Prefer::Past => Tense { dir: Dir::Past, firm: true, strict: self.inp.tense(n).dir != Dir::Future },
            crate::Prefer::Tense => self.inp.tense(n),
        }
    }

    /// The day of found expression `a`, written after the one that sits on
    /// it and so not resolved yet (and that one may sit on a day of its
    /// own: "at 10:00 am Monday, New Year's Day").
    fn day_ahead(&self, a: usize) -> Option<Date> {
        let inp = self.inp;
        // (in the year its sentence is about: "Last year, ... it set off at 10:30
        // p.m. on Feb. 9")
        let bare = |m: usize, day: Option<Date>| {
            let sentence_year = self.framed_year(m);
            let ctx = Context {
                last: self.last,
                mentions: self.mentions,
                sentence_year,
                written_dow: self.written_dow(m),
                prefer: inp.prefer,
                now: inp.now.cloned(),
                // (the day is read in its sentence's tense even where its own
                // value would not weigh it; a preferred direction stands for it)
                ..Context::bare(self.anchor, if inp.prefer == crate::Prefer::Tense { inp.tense(m) } else { self.tense_at(m) }, day)
            };
            resolve(&inp.found[m].expr, &ctx).day
        };
        let g = inp.found.get(a)?;
        let inner = g.anchor.filter(|&b| b > a && b < inp.found.len()).and_then(|b| bare(b, None));
        bare(a, inner)
    }

    /// Records what found expression `n` resolved to, for the ones after it.
    pub(crate) fn note(&mut self, n: usize, r: &Resolved) {
        let (inp, f) = (self.inp, &self.inp.found[n]);
        // a quarter under discussion (not one reached by shifting from it)
        if let (Some((y, q)), false) = (r.quarter, is_shift(&f.expr)) {
            self.recent_quarter = Some((y, q, f.end));
            if Some((y, q)) == self.anchor.map(last_ended_quarter) {
                self.report_quarter = self.recent_quarter;
            }
        }
        if let Some((d, Unit::Day)) = r.point {
            self.recent_day = Some((d, f.end));
        }
        let frames = || (inp.language.frames)(inp.toks, f.start, f.end);
        self.sentence_year = match f.expr {
            Expr::Date { year: Some(y), month: None, day: None, .. } if frames() => Some((y, f.end)),
            // ("Last year, ...": the year before the anchor's)
            Expr::Relative { unit: Unit::Year, offset } if offset < 0 && frames() => r.point.map(|(d, _)| (d.year() as i32, f.end)),
            _ if r.point.is_some() => None,
            _ => self.sentence_year,
        };
        if r.point.is_some() && !is_shift(&f.expr) {
            // (a month named, "in October", not "last month", which often
            // dates the report rather than the figures)
            // (or a year: "rose in 2012 from a year earlier")
            let named = matches!(f.expr, Expr::Date { month: Some(_), day: None, .. } | Expr::InYear { .. });
            let named_year = matches!(f.expr, Expr::Date { year: Some(_), month: None, .. });
            self.last_named = match r.point {
                Some((d, u @ Unit::Month)) if named && !self.range_end[n] => Some((d, u, f.end)),
                Some((d, u @ Unit::Year)) if named_year && !self.range_end[n] => Some((d, u, f.end)),
                _ => None,
            };
        }
        let point = r.point.or(r.topic);
        if point.is_some() && !matches!(f.expr, Expr::Anaphor { offset: 0, .. }) {
            self.last = point;
            // "the previous month" is a comparison, not a new topic: a
            // second one counts from the same month ("the next day" does
            // move the story on), nor is "a year earlier"
            if let (Some((d, unit)), false) = (point, matches!(f.expr, Expr::Anaphor { offset: ..0, .. }) || is_shift(&f.expr)) {
                self.mentions.note(d, unit, f.end);
            }
        }
        if inp.mode == Mode::Narrative && is_full_date(&f.expr) {
            self.anchor = r.day.or(self.anchor);
        }
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

/// Whether `e` is a date with year, month and day (what narrative mode anchors on).
fn is_full_date(e: &Expr) -> bool {
    matches!(e, Expr::Date { year: Some(_), month: Some(_), day: Some(_), .. })
}

/// The quarter under discussion at token `at`, for "the year-earlier period"
/// and "the latest quarter": the one mentioned last in the same sentence;
/// past the sentence, the quarter the report is about once it has been
/// mentioned ("After a flat second quarter, ... The comparison was enhanced
/// by charges taken in the year-earlier period" compares the reported third
/// quarter), else the one mentioned last; none once the text has moved on.
fn topic_quarter(
    recent: Option<(i32, u8, usize)>,
    report: Option<(i32, u8, usize)>,
    at: usize,
    ends: &dyn Fn(usize, usize) -> bool,
) -> Option<(i32, u8)> {
    let near = |q: &(i32, u8, usize)| at.saturating_sub(q.2) < QUARTER_TOPIC_REACH;
    let topic = match (recent, report) {
        (Some(r), _) if !ends(r.2, at) => Some(r),
        // (kept in reach while quarters are being discussed)
        (Some(r), Some(p)) if near(&r) && p.2 <= r.2 => Some((p.0, p.1, r.2)),
        (r, _) => r,
    };
    topic.filter(near).map(|q| (q.0, q.1))
}

/// Where the sentences of a document end, counted up to each token, so that
/// whether one ends between two tokens is a subtraction however far apart
/// they are (scanning from one to the other made resolution quadratic on a
/// text without sentence ends, such as random characters).
pub(crate) struct Breaks {
    /// For each token `k`, and one past the last: how many tokens before `k`
    /// are a full stop, question or exclamation mark before a space (or at
    /// the end).
    stops: Vec<u32>,
    /// The same for tokens after a line break.
    lines: Vec<u32>,
}

/// Whether token `k` ends a sentence: a full stop, question or exclamation
/// mark before a space, a line break or the end.
fn stop_at(toks: &Tokens<'_>, k: usize) -> bool {
    (toks.is(k, ".") || toks.is(k, "!") || toks.is(k, "?")) && toks.toks.get(k + 1).is_none_or(|n| n.space_before || n.newline_before)
}

impl Breaks {
    pub(crate) fn new(toks: &Tokens<'_>) -> Breaks {
        let mut stops = Vec::with_capacity(toks.len() + 1);
        let mut lines = Vec::with_capacity(toks.len() + 1);
        let (mut s, mut l) = (0u32, 0u32);
        stops.push(s);
        lines.push(l);
        for (k, t) in toks.toks.iter().enumerate() {
            s += u32::from(stop_at(toks, k));
            l += u32::from(t.newline_before);
            stops.push(s);
            lines.push(l);
        }
        Breaks { stops, lines }
    }

    /// Whether a sentence ends between tokens `from` and `to`: a full stop,
    /// question or exclamation mark before a space, or a line break before a
    /// token after `from`. An abbreviation ("Mr. Smith") counts as a break,
    /// which only errs on the side of not carrying a year over.
    pub(crate) fn between(&self, from: usize, to: usize) -> bool {
        let to = to.min(self.stops.len() - 1);
        if from >= to {
            return false;
        }
        self.stops[to] > self.stops[from] || self.lines[to] > self.lines[from + 1]
    }
}
