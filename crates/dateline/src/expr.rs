//! The expression tree: what a temporal expression means before it is
//! anchored to a document creation time.
//!
//! Grammar rules build these nodes from tokens; the resolver turns them into
//! TIMEX3 values. The nodes are small and compose: "early next year" is
//! `Mod(Start, Relative{Year, +1})`, "10 p.m. Wednesday" is
//! `At(Weekday(3), Clock(22:00))`.

/// A calendar or clock unit, as used in durations, shifts and sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Fortnights (two weeks).
    Fortnight,
    /// Months.
    Month,
    /// Quarters of a year.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    /// Parses the code used in lexicon files (`Y`, `M`, `MIN`, ...).
    pub fn from_code(s: &str) -> Option<Unit> {
        Some(match s {
            "S" => Unit::Second,
            "MIN" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "FN" => Unit::Fortnight,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            _ => return None,
        })
    }

    /// Whether the unit is shorter than a day (written after `T` in ISO 8601).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// A season of the year, written `SP`, `SU`, `FA`, `WI` in TIMEX3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    /// Spring.
    Spring,
    /// Summer.
    Summer,
    /// Fall / autumn.
    Fall,
    /// Winter.
    Winter,
}

impl Season {
    /// Parses the TIMEX3 code.
    pub fn from_code(s: &str) -> Option<Season> {
        Some(match s {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        })
    }

    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month (1-12) in which the season starts in the northern hemisphere.
    pub fn start_month(self) -> u8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A part of the day, written `MO`, `AF`, `EV`, `NI`, `DT` in TIMEX3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pod {
    /// Morning.
    Morning,
    /// Afternoon.
    Afternoon,
    /// Evening.
    Evening,
    /// Night.
    Night,
    /// Daytime.
    Daytime,
}

impl Pod {
    /// The hours of the day it covers, start and end (24 for midnight at
    /// its end): morning 4-12, afternoon 12-19, evening and night 18-24,
    /// daytime 6-18. These are the spans chat and assistant tools give
    /// ("this evening" is 18:00 to midnight in Duckling too); a night past
    /// midnight is told with its own clock times.
    pub fn hours(self) -> (u8, u8) {
        match self {
            Pod::Morning => (4, 12),
            Pod::Afternoon => (12, 19),
            Pod::Evening | Pod::Night => (18, 24),
            Pod::Daytime => (6, 18),
        }
    }

    /// Parses the TIMEX3 code.
    pub fn from_code(s: &str) -> Option<Pod> {
        Some(match s {
            "MO" => Pod::Morning,
            "AF" => Pod::Afternoon,
            "EV" => Pod::Evening,
            "NI" => Pod::Night,
            "DT" => Pod::Daytime,
            _ => return None,
        })
    }

    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Pod::Morning => "MO",
            Pod::Afternoon => "AF",
            Pod::Evening => "EV",
            Pod::Night => "NI",
            Pod::Daytime => "DT",
        }
    }
}

/// A TIMEX3 `mod` attribute value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mod {
    /// "early", "the beginning of".
    Start,
    /// "mid", "the middle of".
    Mid,
    /// "late", "the end of".
    End,
    /// "about", "around", "some".
    Approx,
    /// "less than", "under".
    LessThan,
    /// "more than", "over".
    MoreThan,
    /// "no more than", "up to", "at most".
    EqualOrLess,
    /// "at least", "no less than".
    EqualOrMore,
    /// "pre-1990": before it.
    Before,
    /// "post-1959": after it.
    After,
}

impl Mod {
    /// The TIMEX3 spelling.
    pub fn code(self) -> &'static str {
        match self {
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
            Mod::LessThan => "LESS_THAN",
            Mod::MoreThan => "MORE_THAN",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
            Mod::Before => "BEFORE",
            Mod::After => "AFTER",
        }
    }
}

/// How many of a unit: a known number, a fraction, or unspecified ("several").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    /// An exact count.
    N(u32),
    /// A non-integral count ("one and a half", "2.5").
    Frac(f64),
    /// An unspecified count ("several", "a few", bare plurals): `X` in TIMEX3.
    Some,
}

/// Which way a bare weekday, month or season points from the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// Decide from tense cues in the sentence.
    Infer,
    /// The one before ("last Friday").
    Past,
    /// The one after ("next Friday", "coming").
    Future,
    /// The one in the current period ("this Friday").
    This,
}

impl Dir {
    /// Periods away from the current one that a direction word names: -1
    /// for "last week", +1 for "next year", 0 for "this month".
    pub fn step(self) -> i32 {
        match self {
            Dir::Past => -1,
            Dir::Future => 1,
            Dir::Infer | Dir::This => 0,
        }
    }
}

/// What a sentence's tense says about an expression in it: the direction,
/// and whether it is firm.
///
/// A firm tense comes from a verb that governs the expression closely ("won
/// the elections in January", "will hold talks in March"): a past event
/// cannot lie ahead of the document, so the date keeps to that side of the
/// anchor (its own month or day allowed). A loose one (a verb farther away,
/// an adverb, a reported clause) only weighs the nearer side more.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tense {
    /// The direction the cues point to.
    pub dir: Dir,
    /// Whether the date must lie on that side of the anchor.
    pub firm: bool,
    /// Whether it must lie there with no grace at all: a reader's preferred
    /// direction (`Prefer::Future`: "march 3" said on March 5 is next
    /// year's), where a firm tense in news allows a few days ("the show will
    /// be on March 3", told on the 5th of a story about it, is a slip).
    pub strict: bool,
}

impl Tense {
    /// A direction that only weighs.
    pub const fn loose(dir: Dir) -> Tense {
        Tense { dir, firm: false, strict: false }
    }
}

/// A reference word: "now", "recently", "the future".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    /// PRESENT_REF.
    Present,
    /// PAST_REF.
    Past,
    /// FUTURE_REF.
    Future,
}

impl RefKind {
    /// The TIMEX3 value.
    pub fn code(self) -> &'static str {
        match self {
            RefKind::Present => "PRESENT_REF",
            RefKind::Past => "PAST_REF",
            RefKind::Future => "FUTURE_REF",
        }
    }
}

/// A time zone as the text names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneSpec {
    /// An abbreviation or a name from the lexicon ("KST", "Eastern time").
    Name(u16),
    /// A fixed offset from UTC in seconds ("UTC+9", "GMT-5", "+09:00").
    Offset(i32),
    /// An IANA name written in the text ("Asia/Seoul"), as its byte span.
    Iana {
        /// Byte offset of the name.
        start: u32,
        /// Byte offset one past the name.
        end: u32,
    },
}

/// A clock time as written: hour 0-24, minute, and an optional zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    /// Hour, 0-24 (24 = "midnight" at the end of a day, as TE3 writes it),
    /// or up to 29 for the small hours of a broadcast day ("25:45").
    pub hour: u8,
    /// Minute 0-59, when written.
    pub minute: Option<u8>,
    /// Second 0-59, when written ("17:42:05"): the value and the range
    /// then have the grain of a second.
    pub second: Option<u8>,
    /// The zone, when the text names one.
    pub zone: Option<ZoneSpec>,
    /// Whether the half of the day is left open: an hour of the 12-hour dial
    /// written with neither a.m. nor p.m., a part of the day nor a leading
    /// zero ("call me at 5", "at 3:30"). `hour` holds the likelier reading;
    /// a reader who looks ahead (`Prefer::Future`) takes whichever of the two
    /// comes next after the reference instant, as an assistant does.
    pub open: bool,
}

impl Expr {
    /// The length a counted stretch measures ("the next two weeks" is two
    /// weeks long); any other expression itself.
    pub fn measured(&self) -> &Expr {
        match self {
            Expr::Reach { length, .. } => length,
            e => e,
        }
    }
}

impl Clock {
    /// A reading past the end of its day, as broadcast schedules write the
    /// small hours ("25:45" on a Thursday is 1:45 on Friday): the same
    /// moment on the next day's clock. `None` for a reading within its day,
    /// midnight written as 24:00 included.
    pub fn past_midnight(self) -> Option<Clock> {
        (self.hour > 24 || (self.hour == 24 && self.minute.unwrap_or(0) > 0)).then(|| Clock { hour: self.hour - 24, ..self })
    }
}

/// A year reference inside a calendar-part expression ("the third quarter of 1998").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearRef {
    /// No year given: the resolver picks one from the anchor and tense.
    Implicit,
    /// A year written out.
    Explicit(i32),
    /// Relative to the anchor's year ("last year's", "next year").
    Relative(i32),
    /// The year under discussion: "that year", "the same year" ("in
    /// September that year" after a paragraph about 1976).
    Anaphoric,
}

/// A sub-year period: quarter, half or season.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// A quarter 1-4.
    Quarter(u8),
    /// A half 1-2.
    Half(u8),
    /// A season.
    Season(Season),
}

/// Which day of a month or year [`Expr::DayOf`] picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayIn {
    /// The n-th day, counted from 1 ("the first", "the 15th").
    Nth(u8),
    /// The last day ("the last day", "the final day").
    Last,
}

/// An unresolved temporal expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A date that does not exist as written ("April 31", "2013-02-30",
    /// "February 29, 2015"). It holds its words, so that no part of it is
    /// read as a month or a year of its own, and leaves no expression: the
    /// tagger drops it after composition.
    Void,
    /// A calendar date with the fields the text gives ("March 12", "1998",
    /// "Aug. 7, 1998", "2019-02-28"). A missing year is inferred.
    Date {
        /// Year, if written.
        year: Option<i32>,
        /// Month 1-12, if written.
        month: Option<u8>,
        /// Day of month, if written.
        day: Option<u8>,
        /// Direction for filling in a missing year.
        dir: Dir,
    },
    /// A decade ("the 1990s" → 199) or, with `century`, a century (19 for the 1900s).
    Decade {
        /// Leading digits: 199 for the 1990s, or 19 for a century.
        digits: i32,
        /// Whether the digits name a century rather than a decade.
        century: bool,
    },
    /// A weekday with a direction ("Friday", "last Friday").
    Weekday {
        /// ISO weekday 1-7.
        dow: u8,
        /// Direction.
        dir: Dir,
    },
    /// The period of `unit` containing the day mentioned last, or the
    /// anchor's: "for the week" in a market report after "on Friday".
    OfLastDay {
        /// The period's unit.
        unit: Unit,
    },
    /// A weekday counted from the day mentioned last ("the previous Friday",
    /// "the following Monday"), or from the anchor when no day was mentioned.
    WeekdayFrom {
        /// ISO weekday 1-7.
        dow: u8,
        /// `Past` for "previous", `Future` for "following".
        dir: Dir,
    },
    /// The first given weekday strictly after or before a day the text
    /// names: "the Monday after Easter", "the Friday before Christmas".
    WeekdayAround {
        /// ISO weekday 1-7.
        dow: u8,
        /// The day it is counted from.
        day: Box<Expr>,
        /// `Future` for "after", `Past` for "before".
        dir: Dir,
    },
    /// A weekday in a week named relative to the anchor's: "Tuesday last
    /// week", "Friday of next week", "Monday this week".
    WeekdayOfWeek {
        /// ISO weekday 1-7.
        dow: u8,
        /// Weeks from the anchor's week: -1 for "last week".
        offset: i32,
    },
    /// A day counted within a month or year named on its own: "the first of
    /// next month", "the 15th of this month", "the last day of February",
    /// "the first day of next year". The resolver places the period first,
    /// so the period keeps its own tense and anchoring.
    DayOf {
        /// Which day of the period.
        day: DayIn,
        /// The month or year ("next month", "February", "2014").
        period: Box<Expr>,
    },
    /// The n-th weekday of a month: "the fourth Thursday of November", "the
    /// last Friday of the month", "the first Monday of every month" (with a
    /// period of one month, as a recurrence).
    NthWeekday {
        /// 1-5 counted from the month's start; -1 for the last.
        n: i8,
        /// A second count of the same weekday, only in a recurrence: "the
        /// second and fourth Tuesday of each month" (2, with 4 here).
        also: Option<i8>,
        /// ISO weekday 1-7.
        dow: u8,
        /// The month ("November", "next month"), or `Duration` P1M for every month.
        period: Box<Expr>,
    },
    /// The n-th working day (Monday to Friday) of every month: "the first
    /// weekday of each month", "the last business day of every month". Only
    /// as a recurrence: the period is `Duration` P1M.
    NthWorkday {
        /// 1-5 counted from the month's start; -1 for the last.
        n: i8,
        /// `Duration` P1M.
        period: Box<Expr>,
    },
    /// The n-th week of a month or year: "the first week of October", "the
    /// last week of the month", "the second week of January 2006". It is the
    /// ISO week holding the month's day 7(n-1)+4, as ISO 8601 counts the
    /// first week of a year as the one holding January 4, so the week named
    /// has most of its days in the month; the last week is the one holding
    /// the fourth day from the end.
    NthWeek {
        /// 1-5 counted from the period's start; -1 for the last.
        n: i8,
        /// The month or year ("October", "next month", "the year", "2006").
        period: Box<Expr>,
    },
    /// The period of `grain` holding the day another expression reaches:
    /// "three years ago this month" (the month three years before the
    /// anchor's), "a year ago today", "a decade ago this week". The shift
    /// says how far back, the deictic after it at what grain.
    PeriodOf {
        /// The grain of the period named.
        grain: Unit,
        /// The expression whose day the period holds (a shift).
        of: Box<Expr>,
    },
    /// An expression placed next to the period under discussion rather than
    /// next to the anchor: "the following March", "the previous winter"
    /// ("In 1998 ... the following March" is March 1999). The resolver moves
    /// the anchor to the edge of the period mentioned last (its last day
    /// looking ahead, its first looking back) and resolves `inner` from there.
    FromLast {
        /// `Future` for "following", `Past` for "previous" and "prior".
        dir: Dir,
        /// The month or season, with that direction.
        inner: Box<Expr>,
    },
    /// A length counted back from the anchor or on from it: "the last 3
    /// days", "the past two weeks", "the next 48 hours", "the coming two
    /// months". Its value is the length (a DURATION, as TimeML tags it); its
    /// range is the stretch it covers, whole days, weeks or months before
    /// the anchor's own or after it (for hours and minutes, up to or from
    /// the reference instant).
    Reach {
        /// -1 back ("last", "past"), +1 ahead ("next", "coming").
        side: i8,
        /// The length: a `Duration` with a count.
        length: Box<Expr>,
    },
    /// A stretch of time whose length the text does not measure at all, not
    /// even by its unit: "for a while", "for some time" (PXX).
    Stretch,
    /// The week or the weekend of a day: "Easter week" (the ISO week holding
    /// Easter Sunday), "the Labor Day weekend" (the weekend next to the
    /// Monday), "Thanksgiving weekend" (the one after the Thursday).
    WeekOf {
        /// The day.
        day: Box<Expr>,
        /// The weekend rather than the whole week.
        weekend: bool,
    },
    /// Every n-th occurrence of what recurs, as the `each` of a
    /// [`Expr::Set`]: "every other Tuesday" (n = 2), "every third Sunday".
    EveryNth {
        /// Counted from one occurrence to the next.
        n: u32,
        /// What recurs (a weekday).
        each: Box<Expr>,
    },
    /// Monday to Friday, as a recurrence ("weekdays", "every weekday").
    Workdays,
    /// Every day of the week save some, as a recurrence: "every day except
    /// Sunday", "daily except weekends", "every day but Monday and Tuesday".
    DaysBut {
        /// The ISO weekdays left out, as bits `1 << dow` (Monday is 1);
        /// [`WEEKEND_DAYS`] for Saturday and Sunday.
        except: u8,
    },
    /// A weekend ("the weekend", "the coming weekend", "last weekend").
    Weekend {
        /// Direction.
        dir: Dir,
    },
    /// A calendar period relative to the anchor: "today" (Day, 0),
    /// "last year" (Year, -1), "this week" (Week, 0), "next quarter" (Quarter, +1).
    Relative {
        /// The period unit.
        unit: Unit,
        /// Offset in that unit.
        offset: i32,
    },
    /// A quarter, half or season with its year.
    Part {
        /// Which part.
        part: Part,
        /// The year it belongs to.
        year: YearRef,
        /// For an implicit year: which occurrence ("last summer", "this fall").
        dir: Dir,
    },
    /// A point reached by moving from the anchor: "two years ago" (-), "a
    /// year earlier" (-), "three weeks from now" (+). Its granularity is the unit's.
    Shift {
        /// How far.
        amount: Amount,
        /// In what unit.
        unit: Unit,
        /// -1 back, +1 forward.
        sign: i32,
        /// Measured from an event the text mentions rather than from the
        /// anchor ("three days later", "a week before"); the word relating it
        /// is the expression's last token. News mode cannot place such an
        /// event, so it reports the length alone, as TimeML annotates it.
        event: bool,
        /// A base of comparison ("two years earlier", "up from a year ago",
        /// "year-ago"): it counts from the year named in its sentence, when
        /// one is ("rose in 2012 from a year earlier" is 2011), where a
        /// plain "two years ago" counts from the anchor.
        compared: bool,
    },
    /// A length after "in" ("in two weeks", "in a year's time"): a point
    /// that far ahead of the anchor when the sentence looks ahead ("will
    /// meet again in two weeks"), else the length itself ("grew 5% in two
    /// years").
    InTime {
        /// How far.
        amount: Amount,
        /// In what unit.
        unit: Unit,
    },
    /// A reference word.
    Ref(RefKind),
    /// A length of time ("three years", "several weeks", "hours").
    Duration {
        /// How many.
        amount: Amount,
        /// Of what.
        unit: Unit,
    },
    /// A length written in several units, largest first ("1 hour 26
    /// minutes", "17 years and three months"): one DURATION, `PT1H26M`.
    Compound {
        /// The amount in each unit.
        parts: Vec<(u32, Unit)>,
    },
    /// A clock time, optionally on a date ("10 p.m. Wednesday", "April 25, 9 am").
    Time {
        /// The clock reading.
        clock: Clock,
        /// The day it falls on; `None` means the day mentioned last if that
        /// was a day, else the anchor's day.
        date: Option<Box<Expr>>,
    },
    /// A part of a day ("Wednesday night", "this morning", "tonight").
    PartOfDay {
        /// Which part.
        pod: Pod,
        /// The day; `None` means the anchor's day.
        date: Option<Box<Expr>>,
    },
    /// The period of `unit` containing a day, moved by `offset` units: "the
    /// week of March 6" (week, 0), "the day before last Tuesday" (day, -1),
    /// "the week after Easter" (week, +1).
    Around {
        /// The day it is measured from.
        day: Box<Expr>,
        /// The unit it moves by.
        unit: Unit,
        /// Units forward (+) or back (-).
        offset: i32,
        /// The grain of the result: the unit's ("the week after Easter"),
        /// or a day ("a year after Christmas" is a day a year on).
        grain: Unit,
    },
    /// The period under discussion, in a year the text names: "the 1988
    /// period", "the 1988 quarter" in a report on a quarter are that quarter
    /// of 1988; without a quarter under discussion, the year.
    PeriodOfYear {
        /// The year written.
        year: i32,
    },
    /// A month or day placed in a year named relative to the anchor ("June last
    /// year", "January this year", "March 3 of next year") or to the year under
    /// discussion ("September that year").
    InYear {
        /// The month or day, without a year.
        inner: Box<Expr>,
        /// The year: [`YearRef::Relative`] or [`YearRef::Anaphoric`].
        year: YearRef,
    },
    /// A modifier on an inner expression ("early next year", "about three weeks").
    Mod {
        /// The TIMEX3 mod.
        m: Mod,
        /// The modified expression.
        inner: Box<Expr>,
    },
    /// A named holiday ("Thanksgiving", "Christmas 1998").
    Holiday {
        /// When it falls.
        rule: crate::lexicon::HolidayRule,
        /// The year, if written.
        year: Option<i32>,
        /// Direction for filling in a missing year.
        dir: Dir,
    },
    /// A period named by reference to one mentioned before: "that year",
    /// "the same day", "that quarter".
    Anaphor {
        /// The unit of the period referred to.
        unit: Unit,
        /// Periods forward (+) or back (-) from it: "the next day" is +1.
        offset: i32,
    },
    /// A recurrence: "every Saturday", "daily", "twice a week".
    Set {
        /// What recurs: a duration (every period), a weekday, a month, a clock time.
        each: Box<Expr>,
        /// How many times per period ("2X" for "twice a day").
        freq: Option<u32>,
        /// The quantifier word: EVERY or EACH.
        quant: Option<&'static str>,
    },
}

impl Expr {
    /// Whether the expression names a weekday, in any of its forms
    /// ("Friday", "the following Monday", "Tuesday last week"): rules that
    /// attach a clock time or a modifier to a day treat them alike.
    pub fn is_weekday(&self) -> bool {
        matches!(self, Expr::Weekday { .. } | Expr::WeekdayFrom { .. } | Expr::WeekdayOfWeek { .. })
    }

    /// Whether it names one day: a weekday, or a date with its day ("from
    /// Tuesday until Sunday, July 27"; "at 6:30 a.m. on Friday and Saturday").
    pub fn names_day(&self) -> bool {
        self.is_weekday() || matches!(self, Expr::Date { day: Some(_), .. } | Expr::WeekdayAround { .. })
    }
}

/// Saturday and Sunday as [`Expr::DaysBut`] marks days (bits `1 << dow`,
/// Monday 1): the days "weekdays" leave out.
pub(crate) const WEEKEND_DAYS: u8 = (1 << 6) | (1 << 7);
