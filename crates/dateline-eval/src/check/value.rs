//! The TIMEX3 value grammar, as TimeML 1.2.1 and the TempEval-3 data write
//! it: ISO 8601 dates, times and durations, with `X` for an unknown digit,
//! weeks, quarters, halves, seasons, decades and centuries, parts of a day,
//! and the `PRESENT_REF` family.
//!
//! ```text
//! date      := year ('-' (month ('-' day)? | week ('-' (weekday | 'WE' | 'WD'))? | 'Q' [1-4X]
//!              | 'H' [12X] | season))? | decade | century | 'PAST_REF' | 'PRESENT_REF' | 'FUTURE_REF'
//! year      := [0-9X]{4} | 'BC' [0-9]{4}
//! decade    := [0-9X]{3} | 'BC' [0-9]{3}      century := [0-9X]{2} | 'BC' [0-9]{2}
//! time      := day 'T' (hh (':' mm (':' ss)?)? zone? | 'MO' | 'MI' | 'AF' | 'EV' | 'NI' | 'DT')
//! day       := year '-' month '-' day | year '-' week '-' (weekday | 'WE' | 'WD')
//! duration  := 'P' (n 'ML')? (n 'CE' | n 'C')? (n 'DE' | n 'E')? (n 'Y')? (n 'Q')? (n 'M')? (n 'W')? (n 'D')?
//!              ('T' (n 'H')? (n 'M')? (n 'S')?)?  with at least one part    | 'PXX'
//! n         := [0-9]+ ('.' [0-9]+)? | 'X'
//! set       := date | time | duration
//! ```
//!
//! `WD` (the weekdays) stands beside TimeML's `WE` (the weekend), as the
//! project's zoned-dev annotations write "weekdays" (`XXXX-WXX-WD`).
//!
//! A DATE may also be a day with a part of the day (`2000-01-07TEV`), as the
//! TempEval-3 data writes "Friday night" and dateline follows it.
//!
//! Fields are checked against their ranges (month 01-12, day 01-31, week
//! 01-53, weekday 1-7, hour 00-24, minute 00-59, second 00-60), not against
//! the calendar: `2022-02-30` is well formed.

use dateline::TimexType;

/// Whether `value` is a well-formed TIMEX3 value for a timex of type `typ`.
pub fn valid_value(typ: TimexType, value: &str) -> bool {
    match typ {
        TimexType::Date => date(value) || part_of_named_day(value),
        TimexType::Time => time(value),
        TimexType::Duration => duration(value),
        TimexType::Set => date(value) || time(value) || duration(value),
    }
}

/// Whether `v` is a TIMEX3 DURATION value (`P3Y`, `PT1H30M`, `PXW`, `P1.5W`).
pub fn duration(v: &str) -> bool {
    if v == "PXX" {
        // an unknown amount of an unknown unit, as TempEval-3 writes it
        return true;
    }
    let Some(rest) = v.strip_prefix('P') else { return false };
    let (date_part, time_part) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let date_ok = units(date_part, DATE_UNITS);
    let time_ok = time_part.map(|t| units(t, TIME_UNITS));
    match (date_ok, time_ok) {
        (Some(_), Some(Some(n))) => n > 0,
        (Some(n), None) => n > 0,
        _ => false,
    }
}

/// The units of a duration's date part, largest first, each with its spellings.
const DATE_UNITS: &[&[&str]] = &[&["ML", "L"], &["CE", "C"], &["DE", "E"], &["Y"], &["Q"], &["M"], &["W"], &["D"]];
/// The units of a duration's time part.
const TIME_UNITS: &[&[&str]] = &[&["H"], &["M"], &["S"]];

/// Counts the `amount unit` parts of a duration, each unit at most once and
/// in the order of `order` (`None` when malformed).
fn units(mut s: &str, order: &[&[&str]]) -> Option<usize> {
    let mut next = 0;
    let mut count = 0;
    while !s.is_empty() {
        let rest = match s.strip_prefix('X') {
            Some(r) => r,
            None => after_number(s)?,
        };
        // the first unit, from those allowed after the ones before, that fits
        let (k, name) = order.iter().enumerate().skip(next).find_map(|(k, names)| names.iter().find(|n| rest.starts_with(**n)).map(|n| (k, *n)))?;
        s = &rest[name.len()..];
        next = k + 1;
        count += 1;
    }
    Some(count)
}

/// What follows the number (`3`, `1.5`) at the start of `s`, if it starts with one.
fn after_number(s: &str) -> Option<&str> {
    let int = s.bytes().take_while(u8::is_ascii_digit).count();
    if int == 0 {
        return None;
    }
    match s[int..].strip_prefix('.') {
        Some(f) => {
            let frac = f.bytes().take_while(u8::is_ascii_digit).count();
            (frac > 0).then(|| &f[frac..])
        }
        None => Some(&s[int..]),
    }
}

/// Whether `v` is a TIMEX3 TIME value: a day, `T`, and a clock time or a part of the day.
pub fn time(v: &str) -> bool {
    let Some((day, t)) = v.split_once('T') else { return false };
    calendar_day(day) && clock(t)
}

/// A day with a part of the day: `2000-01-07TEV`, `XXXX-WXX-1TMO`.
fn part_of_named_day(v: &str) -> bool {
    v.split_once('T').is_some_and(|(day, part)| calendar_day(day) && matches!(part, "MO" | "MI" | "AF" | "EV" | "NI" | "DT"))
}

/// A clock time (`21`, `21:10`, `21:10:30`, with an optional zone offset) or a
/// part of the day (`MO`, `MI`, `AF`, `EV`, `NI`, `DT`).
fn clock(t: &str) -> bool {
    if matches!(t, "MO" | "MI" | "AF" | "EV" | "NI" | "DT") {
        return true;
    }
    let (t, zone) = match t.find(['Z', '+', '-']) {
        Some(k) => t.split_at(k),
        None => (t, ""),
    };
    let fields: Vec<&str> = t.split(':').collect();
    let limits = [24, 59, 60];
    let ok = fields.len() <= 3 && fields.iter().zip(limits).all(|(f, max)| two_digits(f).is_some_and(|n| n <= max));
    ok && (zone.is_empty() || zone == "Z" || offset(zone))
}

/// `+hh`, `+hh:mm` or `+hhmm` (or `-`).
fn offset(z: &str) -> bool {
    let Some(rest) = z.strip_prefix(['+', '-']) else { return false };
    let digits = rest.replacen(':', "", 1);
    (digits.len() == 2 || digits.len() == 4) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A day: `YYYY-MM-DD` or `YYYY-Www-D`, with `X` for unknown digits.
fn calendar_day(d: &str) -> bool {
    match d.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, dd] if year(y) => (month(m) && day_of_month(dd)) || (week(m) && (weekday(dd) || matches!(*dd, "WE" | "WD"))),
        _ => false,
    }
}

/// Whether `v` is a TIMEX3 DATE value.
pub fn date(v: &str) -> bool {
    if matches!(v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF") {
        return true;
    }
    let parts: Vec<&str> = v.split('-').collect();
    match parts.as_slice() {
        [y] => year(y) || decade_or_century(y) || y.strip_prefix("BC").is_some_and(|bc| decade_or_century(bc) && !bc.contains('X')),
        [y, p] if year(y) => {
            month(p)
                || week(p)
                || matches!(*p, "SP" | "SU" | "FA" | "WI")
                || p.strip_prefix('Q').is_some_and(|q| matches!(q, "1" | "2" | "3" | "4" | "X"))
                || p.strip_prefix('H').is_some_and(|h| matches!(h, "1" | "2" | "X"))
        }
        [y, w, d] if year(y) && week(w) => weekday(d) || matches!(*d, "WE" | "WD"),
        [y, m, d] if year(y) => month(m) && day_of_month(d),
        _ => false,
    }
}

/// Four digits or `X`s, or `BC` and four digits.
fn year(y: &str) -> bool {
    match y.strip_prefix("BC") {
        Some(bc) => bc.len() == 4 && bc.bytes().all(|b| b.is_ascii_digit()),
        None => y.len() == 4 && unknown_digits(y),
    }
}

/// A decade (`199`) or a century (`19`), digits possibly `X`.
fn decade_or_century(s: &str) -> bool {
    (s.len() == 3 || s.len() == 2) && unknown_digits(s)
}

/// Digits, each possibly `X`.
fn unknown_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'X')
}

/// Two digits as a number.
fn two_digits(s: &str) -> Option<u32> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn in_range(s: &str, lo: u32, hi: u32) -> bool {
    s == "XX" || two_digits(s).is_some_and(|n| (lo..=hi).contains(&n))
}

fn month(m: &str) -> bool {
    in_range(m, 1, 12)
}

fn day_of_month(d: &str) -> bool {
    in_range(d, 1, 31)
}

fn week(w: &str) -> bool {
    w.strip_prefix('W').is_some_and(|n| in_range(n, 1, 53))
}

fn weekday(d: &str) -> bool {
    matches!(d, "1" | "2" | "3" | "4" | "5" | "6" | "7" | "X")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for v in [
            "2022-04-25",
            "2022-04",
            "2022",
            "199",
            "19",
            "199X",
            "19XX",
            "BC0002",
            "BC0060-09",
            "BC006",
            "BC00",
            "2022-W16",
            "2022-W16-WE",
            "XXXX-WXX-6",
            "2022-W16-3",
            "2013-Q3",
            "XXXX-QX",
            "2013-H1",
            "2021-SU",
            "XXXX-WI",
            "XXXX-XX-XX",
            "XXXX-04-25",
            "2022-XX",
            "2022-02-30",
            "PRESENT_REF",
            "PAST_REF",
            "2000-01-07TEV",
        ] {
            assert!(valid_value(TimexType::Date, v), "{v}");
        }
        for v in [
            "-001-12-31",
            "-059-09",
            "BC6",
            "BCXX",
            "12345",
            "2022-13",
            "2022-00-10",
            "2022-04-32",
            "2022-W54",
            "2022-W6",
            "2022-Q5",
            "2022-04-25T10:00",
            "2022-04TEV",
            "",
            "P3Y",
            "9",
        ] {
            assert!(!valid_value(TimexType::Date, v), "{v}");
        }
    }

    #[test]
    fn times() {
        for v in
            ["2022-04-25T21:10", "XXXX-XX-XXT21:10", "XXXX-WXX-5T01:45", "1998-02-12TNI", "2022-04-25T24:00", "2022-04-25T09", "2022-04-25T10:00:30Z"]
        {
            assert!(valid_value(TimexType::Time, v), "{v}");
        }
        for v in ["2022-04-25", "2022-04-25T25:00", "2022-04-25T10:60", "2022-04T10:00", "T10:00", "2022-04-25TXX", "2022-04-25T1:00"] {
            assert!(!valid_value(TimexType::Time, v), "{v}");
        }
    }

    #[test]
    fn durations() {
        for v in [
            "P3Y", "PXW", "PTXH", "PT24H", "P6M", "PT1H30M", "P1DT12H", "P1.5W", "P2Q", "PXDE", "PXCE", "PXX", "P17Y3M", "P3Y14D", "PT0S", "P1E",
            "PXC", "P9L",
        ] {
            assert!(valid_value(TimexType::Duration, v), "{v}");
        }
        for v in ["P", "PT", "P3", "3Y", "P3H", "PT3Y", "P3M2Y", "P3Y3Y", "P1.W", "P1DT", "PX", "2022"] {
            assert!(!valid_value(TimexType::Duration, v), "{v}");
        }
    }

    #[test]
    fn sets_take_any_form() {
        for v in ["P1W", "XXXX-WXX-6", "XXXX-WXX-6T21:00", "XXXX-XX-XXTNI", "XXXX-XX", "XXXX-WXX-WD", "XXXX-WXX-WDTMO"] {
            assert!(valid_value(TimexType::Set, v), "{v}");
        }
        assert!(!valid_value(TimexType::Set, "every Saturday"));
    }
}
