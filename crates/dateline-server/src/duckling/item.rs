//! Mapping dateline's timexes to Duckling entities.
//!
//! A time is `{"type": "value", "value", "grain", "values"}` with the value
//! an ISO 8601 instant in the request's zone with milliseconds
//! (`2013-02-12T04:30:00.000-02:00`); a range of two times is one entity
//! `{"type": "interval", "from", "to"}`, `to` exclusive as Duckling has it;
//! a clock time and the day written next to it are one time.
//! A duration is `{"type": "value", "value", "unit", UNIT: value,
//! "normalized": {"value": seconds, "unit": "second"}}`. What Duckling
//! cannot say (underspecified or fuzzy values, sets, decades) is left out.

use dateline::{Analysis, LinkKind, TimeRange, Timex, TimexType};
use jiff::tz::TimeZone;
use serde_json::{json, Value};

use super::ParseRequest;

/// The entities of an analysis, in text order: one per timex that maps,
/// except that the two ends of a range are one interval, and a clock time
/// and the day written next to it ("tomorrow at 5pm", "3:30pm on Friday")
/// are one time, as Duckling reads them.
pub fn entities(a: &Analysis, req: &ParseRequest) -> Vec<Value> {
    let mut out = Vec::new();
    let mut used = vec![false; a.timexes.len()];
    let index = |tid: &str| a.timexes.iter().position(|t| t.tid == tid);
    if req.time {
        for g in a.groups.iter().filter(|g| g.kind == LinkKind::Range) {
            let ends: Vec<usize> = g.tids.iter().filter_map(|tid| index(tid)).collect();
            if let (Some(&i), Some(&j), 2) = (ends.first(), ends.last(), ends.len()) {
                if let Some(e) = interval(&a.timexes[i], &a.timexes[j], req) {
                    used[i] = true;
                    used[j] = true;
                    out.push((a.timexes[i].start, e));
                }
            }
        }
        let chars: Vec<char> = req.text.chars().collect();
        for (i, t) in a.timexes.iter().enumerate() {
            let Some(d) = t.day_from.as_deref().and_then(index) else { continue };
            if used[i] || used[d] || t.typ != TimexType::Time {
                continue;
            }
            let (start, end) = (t.start.min(a.timexes[d].start), t.end.max(a.timexes[d].end));
            let (Some(gap), Some(mut e)) = (between(&chars, t, &a.timexes[d]), entity(t, req)) else { continue };
            if gap
                .split(|c: char| c.is_whitespace() || c == ',')
                .all(|w| w.is_empty() || w.eq_ignore_ascii_case("at") || w.eq_ignore_ascii_case("on"))
            {
                e["body"] = chars[start..end].iter().collect::<String>().into();
                e["start"] = start.into();
                e["end"] = end.into();
                used[i] = true;
                used[d] = true;
                out.push((start, e));
            }
        }
    }
    for (t, _) in a.timexes.iter().zip(&used).filter(|(_, &u)| !u) {
        if let Some(e) = entity(t, req) {
            out.push((t.start, e));
        }
    }
    out.sort_by_key(|(start, _)| *start);
    out.into_iter().map(|(_, e)| e).collect()
}

/// The text between two timexes that do not overlap, in either order.
fn between(chars: &[char], a: &Timex, b: &Timex) -> Option<String> {
    let (first, second) = if a.end <= b.start { (a, b) } else { (b, a) };
    (first.end <= second.start).then(|| chars.get(first.end..second.start).map(|g| g.iter().collect()))?
}

/// The Duckling entity of one timex, or `None` when it has no reading
/// Duckling could give (or its dimension was not asked for).
pub fn entity(t: &Timex, req: &ParseRequest) -> Option<Value> {
    let (dim, value) = match t.typ {
        TimexType::Duration if req.duration => ("duration", duration(&t.value)?),
        // ("tonight", "this evening": the hours of a part of the day, as an interval)
        TimexType::Date | TimexType::Time if req.time && t.range.as_ref().is_some_and(|r| r.grain == "part-of-day") => {
            let r = t.range.as_ref()?;
            let f = json!({ "value": stamp(&r.start_in(&req.tz).ok()?), "grain": "hour" });
            let to = json!({ "value": stamp(&r.end_in(&req.tz).ok()?), "grain": "hour" });
            ("time", json!({ "values": [{ "to": to, "from": f, "type": "interval" }], "to": to, "from": f, "type": "interval" }))
        }
        TimexType::Date | TimexType::Time if req.time => {
            let (v, grain) = point(t.range.as_ref()?, &req.tz)?;
            let one = json!({ "value": v, "grain": grain, "type": "value" });
            ("time", json!({ "values": [one], "value": v, "grain": grain, "type": "value" }))
        }
        _ => return None,
    };
    Some(json!({ "body": t.text, "start": t.start, "end": t.end, "dim": dim, "latent": false, "value": value }))
}

/// One interval entity from the timexes at its two ends.
fn interval(from: &Timex, to: &Timex, req: &ParseRequest) -> Option<Value> {
    let tz = &req.tz;
    let (a, b) = (from.range.as_ref()?, to.range.as_ref()?);
    let grain = duckling_grain(a.grain)?;
    let f = json!({ "value": stamp(&a.start_in(tz).ok()?), "grain": grain });
    let t = json!({ "value": stamp(&b.end_in(tz).ok()?), "grain": duckling_grain(b.grain)? });
    let body: String = req.text.chars().skip(from.start).take(to.end.saturating_sub(from.start)).collect();
    let one = json!({ "to": t, "from": f, "type": "interval" });
    Some(json!({
        "body": body, "start": from.start, "end": to.end, "dim": "time", "latent": false,
        "value": { "values": [one], "to": t, "from": f, "type": "interval" }
    }))
}

/// A time's value and grain: the start of its range in `tz`.
fn point(r: &TimeRange, tz: &TimeZone) -> Option<(String, &'static str)> {
    Some((stamp(&r.start_in(tz).ok()?), duckling_grain(r.grain)?))
}

/// Duckling's grain for dateline's (which has no decade or century).
fn duckling_grain(g: &str) -> Option<&'static str> {
    Some(match g {
        "second" => "second",
        "minute" => "minute",
        "hour" => "hour",
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "quarter" => "quarter",
        "year" => "year",
        _ => return None,
    })
}

/// An instant as Duckling writes it: `2013-02-12T04:30:00.000-02:00`.
fn stamp(z: &jiff::Zoned) -> String {
    z.strftime("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string()
}

/// A TIMEX3 duration value (`PT2H`, `P3D`, `PT1H30M`) as Duckling's value:
/// one unit, the smallest the value uses (`PT1H30M` is 90 minutes).
fn duration(v: &str) -> Option<Value> {
    let rest = v.strip_prefix('P')?;
    let (date, time) = rest.split_once('T').unwrap_or((rest, ""));
    let mut parts: Vec<(f64, &'static str)> = Vec::new();
    for (s, units) in [
        (date, &[('Y', "year"), ('Q', "quarter"), ('M', "month"), ('W', "week"), ('D', "day")][..]),
        (time, &[('H', "hour"), ('M', "minute"), ('S', "second")][..]),
    ] {
        let mut s = s;
        while !s.is_empty() {
            let k = s.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
            let unit = units.iter().find(|(c, _)| s[k..].starts_with(*c))?.1;
            parts.push((s[..k].parse().ok()?, unit));
            s = &s[k + 1..];
        }
    }
    let smallest = parts.iter().map(|&(_, u)| u).min_by_key(|u| seconds(u) as u64)?;
    let amount: f64 = parts.iter().map(|&(n, u)| n * seconds(u) / seconds(smallest)).sum();
    let number = if amount.fract() == 0.0 { json!(amount as i64) } else { json!(amount) };
    let normalized = amount * seconds(smallest);
    let normalized = if normalized.fract() == 0.0 { json!(normalized as i64) } else { json!(normalized) };
    let mut value = json!({ "value": number, "type": "value", "unit": smallest, "normalized": { "value": normalized, "unit": "second" } });
    value[smallest] = number;
    Some(value)
}

/// Seconds in a unit, as Duckling counts them (a month is 30 days, a year 365).
fn seconds(unit: &str) -> f64 {
    match unit {
        "second" => 1.0,
        "minute" => 60.0,
        "hour" => 3600.0,
        "day" => 86_400.0,
        "week" => 604_800.0,
        "month" => 2_592_000.0,
        "quarter" => 7_776_000.0,
        _ => 31_536_000.0,
    }
}
