//! Checks an [`Analysis`] against what dateline promises of every output:
//! extents that are exact slices of the text (in bytes and in code points)
//! and never overlap, values that are well-formed TIMEX3 values for their
//! type ([`valid_value`]), instants that agree with their range and zone, and
//! groups that link timexes that exist. The property tests and the fuzz
//! targets hold every analysis to it.

mod value;

pub use value::valid_value;

use dateline::{Analysis, TimeRange, Timex};
use jiff::{Timestamp, Zoned};

/// How an analysis breaks dateline's promises.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Violation {
    /// An extent is empty, out of the text, off a character boundary, or its
    /// `text` or code-point offsets do not match its bytes.
    #[error("{tid}: extent {what}")]
    Extent {
        /// The timex.
        tid: String,
        /// What is wrong with it.
        what: String,
    },
    /// Two extents overlap or are out of order.
    #[error("{tid} overlaps or precedes {before}")]
    Overlap {
        /// The later timex.
        tid: String,
        /// The one before it.
        before: String,
    },
    /// A value, freq, or range duration that is not well formed.
    #[error("{tid}: {typ} value {value:?} is not a TIMEX3 value of that type")]
    Value {
        /// The timex (or group) it belongs to.
        tid: String,
        /// Its type.
        typ: &'static str,
        /// The value.
        value: String,
    },
    /// An instant, range or zone that does not agree with the others.
    #[error("{tid}: {what}")]
    Instant {
        /// The timex.
        tid: String,
        /// What disagrees.
        what: String,
    },
    /// A group that names a timex the analysis does not have.
    #[error("a {kind} group names {tid}, which is not a timex of the analysis")]
    Group {
        /// The group's kind.
        kind: String,
        /// The missing tid.
        tid: String,
    },
}

/// Checks `analysis`, the tagging of `text`; the first violation found.
///
/// # Errors
/// The first [`Violation`] in text order.
pub fn analysis(text: &str, analysis: &Analysis) -> Result<(), Violation> {
    let mut before: Option<&Timex> = None;
    for t in &analysis.timexes {
        extent(text, t)?;
        if let Some(b) = before.filter(|b| b.byte_end > t.byte_start) {
            return Err(Violation::Overlap { tid: t.tid.clone(), before: b.tid.clone() });
        }
        before = Some(t);
        if !valid_value(t.typ, &t.value) {
            return Err(Violation::Value { tid: t.tid.clone(), typ: t.typ.as_str(), value: t.value.clone() });
        }
        if let Some(f) = t.freq.as_ref().filter(|f| !freq(f)) {
            return Err(Violation::Value { tid: t.tid.clone(), typ: "freq", value: f.clone() });
        }
        instant(t)?;
    }
    for g in &analysis.groups {
        for tid in g.tids.iter().chain(&g.ends) {
            if !analysis.timexes.iter().any(|t| &t.tid == tid) {
                return Err(Violation::Group { kind: format!("{:?}", g.kind), tid: tid.clone() });
            }
        }
        if let Some(d) = g.duration.as_ref().filter(|d| !value::duration(d)) {
            return Err(Violation::Value { tid: g.tids.join(" "), typ: "DURATION", value: d.clone() });
        }
    }
    Ok(())
}

/// A TIMEX3 freq: a count of times (`2X`).
fn freq(f: &str) -> bool {
    f.strip_suffix('X').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The extent of `t` is a non-empty slice of `text` on character boundaries,
/// with its text, and its code-point offsets count the characters before it.
fn extent(text: &str, t: &Timex) -> Result<(), Violation> {
    let bad = |what: String| Err(Violation::Extent { tid: t.tid.clone(), what });
    let (s, e) = (t.byte_start, t.byte_end);
    let Some(slice) = text.get(s..e).filter(|_| s < e) else {
        return bad(format!("bytes {s}..{e} are not a non-empty slice on character boundaries of a text of {} bytes", text.len()));
    };
    if slice != t.text {
        return bad(format!("bytes {s}..{e} hold {slice:?}, not its text {:?}", t.text));
    }
    let (cs, ce) = (text[..s].chars().count(), text[..e].chars().count());
    if (cs, ce) != (t.start, t.end) {
        return bad(format!("code points {}..{} should be {cs}..{ce}", t.start, t.end));
    }
    Ok(())
}

/// `utc` is the start of `range` (a zoned range), and read in the zone
/// `tzid` names it is the range's start on the clock and offset there;
/// every range starts before it ends, and the reader's range is the same
/// interval.
fn instant(t: &Timex) -> Result<(), Violation> {
    let bad = |what: String| Err(Violation::Instant { tid: t.tid.clone(), what });
    let zoned = |r: &TimeRange| -> Option<(Zoned, Zoned)> { Some((r.start.parse().ok()?, r.end.parse().ok()?)) };
    if let Some(r) = &t.range {
        let ordered = match zoned(r) {
            Some((a, b)) => a < b,
            None => match (r.start.parse::<jiff::civil::DateTime>(), r.end.parse::<jiff::civil::DateTime>()) {
                (Ok(a), Ok(b)) => a < b,
                _ => return bad(format!("range {} .. {} is neither zoned nor civil", r.start, r.end)),
            },
        };
        if !ordered {
            return bad(format!("range {} .. {} does not run forward", r.start, r.end));
        }
    }
    if let (Some(r), Some(reader)) = (&t.range, &t.range_reader) {
        let same = zoned(r).zip(zoned(reader)).is_some_and(|(a, b)| a.0.timestamp() == b.0.timestamp() && a.1.timestamp() == b.1.timestamp());
        if !same {
            return bad(format!("reader's range {} .. {} is not range {} .. {}", reader.start, reader.end, r.start, r.end));
        }
    }
    let Some(utc) = &t.utc else { return Ok(()) };
    let Ok(at) = utc.parse::<Timestamp>() else { return bad(format!("utc {utc:?} is not an instant")) };
    let Some((start, _)) = t.range.as_ref().and_then(zoned) else { return bad(format!("utc {utc} without a zoned range")) };
    if start.timestamp() != at {
        return bad(format!("utc {utc} is not the start of its range, {start}"));
    }
    // the instant read in tzid is the range's start: the same clock, the same offset
    let Some(tzid) = &t.tzid else { return Ok(()) };
    let Ok(tz) = jiff::tz::db().get(tzid) else { return bad(format!("tzid {tzid} is not in the tz database")) };
    let there = at.to_zoned(tz);
    if (there.datetime(), there.offset()) != (start.datetime(), start.offset()) {
        return bad(format!("utc {utc} is {there} in {tzid}, but its range starts at {start}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline::{Document, Tagger};

    #[test]
    fn a_tagged_article_keeps_every_promise() {
        let text = "Ferry services run every Saturday at 9:30 am BST from June 9 to June 11, 2023; the caf\u{e9} opens at 6 p.m. KST today.";
        let a = Tagger::new().tag(&Document::new(text).with_dct("2023-03-14".parse().expect("date")));
        assert!(a.timexes.len() >= 4);
        assert_eq!(analysis(text, &a), Ok(()));
    }

    #[test]
    fn broken_promises_are_named() {
        let text = "It opens on Monday.";
        let good = Tagger::new().tag(&Document::new(text).with_dct("2023-03-14".parse().expect("date")));
        let mut a = good.clone();
        a.timexes[0].start += 1;
        assert!(matches!(analysis(text, &a), Err(Violation::Extent { .. })));
        let mut a = good.clone();
        a.timexes[0].value = "2023-3-20".into();
        assert!(matches!(analysis(text, &a), Err(Violation::Value { .. })));
        let mut a = good.clone();
        a.timexes.push(a.timexes[0].clone());
        assert!(matches!(analysis(text, &a), Err(Violation::Overlap { .. })));
        let mut a = good;
        a.timexes[0].utc = Some("2023-03-20T00:00:00Z".into());
        assert!(matches!(analysis(text, &a), Err(Violation::Instant { .. })));
    }
}
