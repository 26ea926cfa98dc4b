//! The TIMEX3 value printer: the small grammar of strings such as
//! `2022-04-25`, `2022-W16-WE`, `XXXX-WXX-6`, `P3Y`, `PT2H`, `PXY`,
//! `2022-04-25T21:10` and `1998-02-12TNI`.

use jiff::civil::Date;
use serde::Serialize;

use crate::expr::{Amount, Clock, Pod, Unit};

/// The four TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("Friday", "last year", "the 1990s").
    Date,
    /// A time of day ("9:10 pm", "Wednesday night").
    Time,
    /// A length of time ("three years").
    Duration,
    /// A recurrence ("every Saturday").
    Set,
}

impl TimexType {
    /// The TimeML spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// Appends `n` as `format!("{n:0width$}")` writes it (the sign, then zeros
/// up to `width` places counting the sign), without the formatting
/// machinery: values and ranges are written for every timex.
#[inline]
pub(crate) fn push_padded(s: &mut String, n: i64, width: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut m = n.unsigned_abs();
    loop {
        digits[len] = b'0' + (m % 10) as u8;
        len += 1;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        s.push('-');
    }
    for _ in len + usize::from(n < 0)..width {
        s.push('0');
    }
    for &d in digits[..len].iter().rev() {
        s.push(char::from(d));
    }
}

/// A year as TIMEX3 writes it: four digits, or for year 0 and before (1 BC
/// is year 0) `BC` and the year before Christ: `2022`, `BC0060`.
pub fn year(y: i32) -> String {
    let mut s = String::with_capacity(6);
    push_year(&mut s, y);
    s
}

/// Appends [`year`]`(y)`.
pub(crate) fn push_year(s: &mut String, y: i32) {
    if y <= 0 {
        s.push_str("BC");
        push_padded(s, 1 - i64::from(y), 4);
    } else {
        push_padded(s, y.into(), 4);
    }
}

/// The decade of year `y`: `199` for the 1990s, `BC006` for the 60s BC.
pub fn decade(y: i32) -> String {
    if y <= 0 {
        format!("BC{:03}", (1 - y) / 10)
    } else {
        format!("{:03}", y / 10)
    }
}

/// The century of year `y`, by its hundreds: `19` for the 1900s, `BC00` for the first century BC.
pub fn century(y: i32) -> String {
    if y <= 0 {
        format!("BC{:02}", (1 - y) / 100)
    } else {
        format!("{:02}", y / 100)
    }
}

/// `YYYY-MM-DD` (`BC0060-09-01` before year 1).
pub fn day(d: Date) -> String {
    let mut s = String::with_capacity(16);
    push_day(&mut s, Some(d));
    s
}

/// Appends [`day`]`(d)`, or `XXXX-XX-XX` for no day.
fn push_day(s: &mut String, d: Option<Date>) {
    match d {
        Some(d) => {
            push_year(s, d.year().into());
            s.push('-');
            push_padded(s, d.month().into(), 2);
            s.push('-');
            push_padded(s, d.day().into(), 2);
        }
        None => s.push_str("XXXX-XX-XX"),
    }
}

fn day_or_unknown(d: Option<Date>) -> String {
    d.map_or_else(|| "XXXX-XX-XX".to_string(), day)
}

/// A clock time on a day: `2022-04-25T00:00`, or `XXXX-XX-XXT21:10` without a day.
pub fn clock(d: Option<Date>, c: &Clock) -> String {
    let mut s = String::with_capacity(22);
    push_day(&mut s, d);
    s.push('T');
    push_padded(&mut s, c.hour.into(), 2);
    s.push(':');
    push_padded(&mut s, c.minute.unwrap_or(0).into(), 2);
    if let Some(sec) = c.second {
        s.push(':');
        push_padded(&mut s, sec.into(), 2);
    }
    s
}

/// `:ss` when the clock has its seconds written, else nothing.
fn seconds(c: &Clock) -> String {
    c.second.map(|s| format!(":{s:02}")).unwrap_or_default()
}

/// `YYYY-MM`, `YYYY-Www` or `YYYY-Qq`: the year, a dash, a letter (or
/// none) and a number of `width` digits.
pub(crate) fn year_part(y: i32, letter: &str, n: u8, width: usize) -> String {
    let mut s = String::with_capacity(12);
    push_year(&mut s, y);
    s.push('-');
    s.push_str(letter);
    push_padded(&mut s, n.into(), width);
    s
}

/// A clock time that recurs on one weekday (ISO 1-7): `XXXX-WXX-5T01:45`.
pub fn clock_on_weekday(dow: u8, c: &Clock) -> String {
    format!("XXXX-WXX-{dow}T{:02}:{:02}{}", c.hour, c.minute.unwrap_or(0), seconds(c))
}

/// A clock time on a month and day of an unknown year: `XXXX-04-25T21:00`.
pub fn clock_on_month_day(month: u8, day: u8, c: &Clock) -> String {
    format!("XXXX-{month:02}-{day:02}T{:02}:{:02}{}", c.hour, c.minute.unwrap_or(0), seconds(c))
}

/// A part of a day: `1998-02-12TNI`.
pub fn part_of_day(d: Option<Date>, p: Pod) -> String {
    format!("{}T{}", day_or_unknown(d), p.code())
}

fn num(f: f64) -> String {
    if f.fract() == 0.0 {
        format!("{}", f as i64)
    } else {
        let s = format!("{f:.2}");
        s.trim_end_matches('0').to_string()
    }
}

/// The ISO 8601 value of a length written in several units, largest first
/// ("17 years and three months" is `P17Y3M`, "1 hour 26 minutes" `PT1H26M`,
/// "two days and five hours" `P2DT5H`). Weeks stand alone only without other
/// units; beside them they are counted in days ("3 years and 2 weeks" is
/// `P3Y14D`), as ISO 8601 does not mix weeks with other units.
pub fn compound(parts: &[(u32, Unit)]) -> String {
    let get = |u: Unit| parts.iter().filter(|p| p.1 == u).fold(0u32, |a, p| a.saturating_add(p.0));
    let mut time = String::new();
    for (n, letter) in [(get(Unit::Hour), "H"), (get(Unit::Minute), "M"), (get(Unit::Second), "S")] {
        if n > 0 {
            time.push_str(&format!("{n}{letter}"));
        }
    }
    let mut date = String::new();
    for (n, letter) in [(get(Unit::Year), "Y"), (get(Unit::Month), "M")] {
        if n > 0 {
            date.push_str(&format!("{n}{letter}"));
        }
    }
    match (get(Unit::Week), get(Unit::Day)) {
        (0, 0) => {}
        (w, 0) if date.is_empty() && time.is_empty() => date.push_str(&format!("{w}W")),
        (w, d) => date.push_str(&format!("{}D", w.saturating_mul(7).saturating_add(d))),
    }
    match (date.is_empty(), time.is_empty()) {
        // ("0 hours 0 minutes")
        (true, true) => "PT0S".into(),
        (_, true) => format!("P{date}"),
        _ => format!("P{date}T{time}"),
    }
}

/// A duration value: `P3Y`, `PXW`, `PT24H`, `P6M` (for half a year), `P10Y`
/// (a decade), `P2W` (a fortnight).
pub fn duration(amount: Amount, unit: Unit) -> String {
    let (scale, letter, clock) = match unit {
        Unit::Second => (1.0, "S", true),
        Unit::Minute => (1.0, "M", true),
        Unit::Hour => (1.0, "H", true),
        Unit::Day => (1.0, "D", false),
        Unit::Week => (1.0, "W", false),
        Unit::Fortnight => (2.0, "W", false),
        Unit::Month => (1.0, "M", false),
        Unit::Quarter => (1.0, "Q", false),
        Unit::Year => (1.0, "Y", false),
        Unit::Decade => (10.0, "Y", false),
        Unit::Century => (100.0, "Y", false),
    };
    let t = if clock { "T" } else { "" };
    match amount {
        Amount::Some => match unit {
            Unit::Decade => "PXDE".into(),
            Unit::Century => "PXCE".into(),
            _ => format!("P{t}X{letter}"),
        },
        Amount::N(n) => format!("P{t}{}{letter}", num(n as f64 * scale)),
        Amount::Frac(f) => {
            let f = f * scale;
            if f.fract() == 0.0 {
                return format!("P{t}{}{letter}", num(f));
            }
            // express a fraction in the next smaller unit when it divides evenly
            let smaller = match unit {
                Unit::Year | Unit::Decade | Unit::Century => Some((12.0, "M", false)),
                Unit::Month => None,
                Unit::Week | Unit::Fortnight => Some((7.0, "D", false)),
                Unit::Day => Some((24.0, "H", true)),
                Unit::Hour => Some((60.0, "M", true)),
                Unit::Minute => Some((60.0, "S", true)),
                _ => None,
            };
            match smaller {
                // "half a year" → P6M
                Some((k, l, c)) if f < 1.0 && (f * k).fract() == 0.0 => format!("P{}{}{l}", if c { "T" } else { "" }, num(f * k)),
                // "5 1/2 hours" → PT5H30M, "2 1/2 years" → P2Y6M, "a day and a half" → P1DT12H
                Some((k, l, c)) if letter != "W" && (f.fract() * k).fract() == 0.0 => {
                    let t2 = if c && !clock { "T" } else { "" };
                    format!("P{t}{}{letter}{t2}{}{l}", num(f.trunc()), num(f.fract() * k))
                }
                _ => format!("P{t}{}{letter}", num(f)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn push_padded_is_format() {
        for n in
            [0i64, 1, -1, 5, -5, 9, 10, -10, 99, -99, 100, -100, 999, -999, 1000, -1000, 2024, -2024, 9999, -9999, 10000, -123456, i64::MIN, i64::MAX]
        {
            for width in 0..6 {
                let mut s = String::new();
                super::push_padded(&mut s, n, width);
                assert_eq!(s, format!("{n:0width$}"), "{n} {width}");
            }
        }
    }

    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration(Amount::N(3), Unit::Year), "P3Y");
        assert_eq!(duration(Amount::Some, Unit::Week), "PXW");
        assert_eq!(duration(Amount::Some, Unit::Hour), "PTXH");
        assert_eq!(duration(Amount::N(24), Unit::Hour), "PT24H");
        assert_eq!(duration(Amount::Frac(0.5), Unit::Year), "P6M");
        assert_eq!(duration(Amount::Frac(1.5), Unit::Hour), "PT1H30M");
        assert_eq!(duration(Amount::Frac(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration(Amount::Frac(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration(Amount::Frac(1.5), Unit::Day), "P1DT12H");
        assert_eq!(duration(Amount::Frac(1.5), Unit::Minute), "PT1M30S");
        assert_eq!(duration(Amount::Frac(1.5), Unit::Week), "P1.5W");
        assert_eq!(duration(Amount::Frac(2.5), Unit::Month), "P2.5M");
        assert_eq!(duration(Amount::N(1), Unit::Decade), "P10Y");
        assert_eq!(duration(Amount::N(1), Unit::Fortnight), "P2W");
        assert_eq!(duration(Amount::N(2), Unit::Quarter), "P2Q");
    }

    #[test]
    fn compounds() {
        assert_eq!(compound(&[(17, Unit::Year), (3, Unit::Month)]), "P17Y3M");
        assert_eq!(compound(&[(1, Unit::Hour), (26, Unit::Minute), (43, Unit::Second)]), "PT1H26M43S");
        assert_eq!(compound(&[(2, Unit::Day), (5, Unit::Hour)]), "P2DT5H");
        assert_eq!(compound(&[(3, Unit::Week), (2, Unit::Day)]), "P23D");
        assert_eq!(compound(&[(3, Unit::Year), (2, Unit::Week)]), "P3Y14D");
        assert_eq!(compound(&[(2, Unit::Week), (4, Unit::Hour)]), "P14DT4H");
        assert_eq!(compound(&[(0, Unit::Hour), (0, Unit::Minute)]), "PT0S");
        // no overflow on absurd amounts
        assert_eq!(compound(&[(u32::MAX, Unit::Week), (1, Unit::Day)]), format!("P{}D", u32::MAX));
    }

    #[test]
    fn values_written_without_format_are_as_format_writes_them() {
        for y in [-10000, -59, 0, 1, 45, 999, 1998, 2022, 9999, 10000] {
            assert_eq!(year(y), if y <= 0 { format!("BC{:04}", 1 - y) } else { format!("{y:04}") });
            let d = Date::new(y.clamp(-9999, 9999) as i16, 2, 5).unwrap();
            assert_eq!(day(d), format!("{}-{:02}-{:02}", year(d.year().into()), d.month(), d.day()));
            assert_eq!(year_part(y, "W", 7, 2), format!("{}-W07", year(y)));
            assert_eq!(year_part(y, "Q", 3, 1), format!("{}-Q3", year(y)));
        }
        let c = Clock { hour: 9, minute: None, second: None, zone: None, open: false };
        assert_eq!(clock(None, &c), "XXXX-XX-XXT09:00");
        assert_eq!(
            clock(Date::new(2022, 4, 25).ok(), &Clock { hour: 21, minute: Some(5), second: None, zone: None, open: false }),
            "2022-04-25T21:05"
        );
    }

    #[test]
    fn years_before_christ() {
        assert_eq!((year(2022), year(1), year(0), year(-59)), ("2022".into(), "0001".into(), "BC0001".into(), "BC0060".into()));
        assert_eq!(day(Date::new(-59, 9, 1).unwrap()), "BC0060-09-01");
        assert_eq!((decade(1995), decade(-59)), ("199".into(), "BC006".into()));
        assert_eq!((century(1995), century(-59)), ("19".into(), "BC00".into()));
    }

    #[test]
    fn clocks() {
        let d = Date::new(2022, 4, 25).unwrap();
        let c = Clock { hour: 0, minute: Some(0), second: None, zone: None, open: false };
        assert_eq!(clock(Some(d), &c), "2022-04-25T00:00");
        assert_eq!(clock(None, &Clock { hour: 21, minute: Some(10), second: None, zone: None, open: false }), "XXXX-XX-XXT21:10");
        assert_eq!(part_of_day(Some(d), Pod::Night), "2022-04-25TNI");
    }
}
