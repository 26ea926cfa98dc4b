//! The example tables of the English rule families, run by one harness.
//!
//! Each table is a TOML file next to this one: `[[case]]` rows give a phrase,
//! a DCT and the expected extent, type and value; `[[none]]` rows give text
//! that must not be tagged. Every regression gets a row.

use serde::Deserialize;

use crate::{Document, Tagger};

#[derive(Deserialize)]
struct Table {
    #[serde(default)]
    case: Vec<Case>,
    #[serde(default)]
    none: Vec<Negative>,
    #[serde(default)]
    group: Vec<GroupCase>,
    #[serde(default)]
    rec: Vec<RecCase>,
}

/// Tagger options a row may set.
#[derive(Deserialize, Default)]
struct Options {
    /// Default zone for bare clock times.
    tz: Option<String>,
    /// Reader zone.
    to_tz: Option<String>,
    /// "ABBR=ZONE" preference.
    prefer: Option<String>,
}

impl Options {
    fn tagger(&self) -> Tagger {
        let mut b = Tagger::builder();
        if let Some(z) = &self.tz {
            b = b.default_zone(z);
        }
        if let Some(z) = &self.to_tz {
            b = b.reader_zone(z);
        }
        if let Some((a, z)) = self.prefer.as_deref().and_then(|p| p.split_once('=')) {
            b = b.prefer_zone(a, z);
        }
        b.build().expect("valid options")
    }
}

#[derive(Deserialize)]
struct Case {
    phrase: String,
    dct: String,
    /// The direction policy ("future", "past"; the tense by default).
    policy: Option<String>,
    text: Option<String>,
    #[serde(rename = "type")]
    typ: Option<String>,
    value: Option<String>,
    /// The TIMEX3 mod ("APPROX", "LESS_THAN"), checked when given.
    #[serde(rename = "mod")]
    modifier: Option<String>,
    /// The TIMEX3 freq of a set ("3X"), checked when given.
    freq: Option<String>,
    /// The TIMEX3 quant of a set ("EVERY"), checked when given.
    quant: Option<String>,
    utc: Option<String>,
    tzid: Option<String>,
    #[serde(default)]
    no_utc: bool,
    note: Option<bool>,
    range_start: Option<String>,
    range_end: Option<String>,
    reader_start: Option<String>,
    /// Which occurrence of `text` to check, counting from 1 (the first by default).
    nth: Option<usize>,
    #[serde(flatten)]
    options: Options,
    /// Fields no other member takes: a misspelt field would otherwise be
    /// ignored and its check silently skipped.
    #[serde(flatten)]
    unknown: std::collections::BTreeMap<String, toml::Value>,
}

/// A list or range: the member texts and values, in order.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupCase {
    phrase: String,
    dct: String,
    kind: String,
    /// The group's members' texts, in order; none for a phrase that must
    /// have no group of `kind`.
    texts: Vec<String>,
    values: Vec<String>,
    /// The range's length, when checked.
    duration: Option<String>,
}

/// A recurrence: its rule and first occurrence, on a group or on a set timex.
#[derive(Deserialize)]
struct RecCase {
    phrase: String,
    dct: String,
    rrule: String,
    dtstart: Option<String>,
    tzid: Option<String>,
    first: Option<String>,
    /// How long each occurrence lasts, when the text gives an end time.
    duration: Option<String>,
    /// How many rules the phrase yields in all, when checked.
    rules: Option<usize>,
    /// The timex that must carry the rule itself, when checked (not only its
    /// group): "7 p.m." of "every 40 minutes between 5 a.m. and 7 p.m.".
    text: Option<String>,
    #[serde(flatten)]
    options: Options,
    /// Fields no other member takes (see [`Case`]).
    #[serde(flatten)]
    unknown: std::collections::BTreeMap<String, toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Negative {
    phrase: String,
    not: Option<String>,
    /// Instead of a text: no timex may have a value containing this.
    not_value: Option<String>,
}

/// The document of a row: its phrase at its DCT, which may be a reference
/// instant with its clock and zone ("2013-02-12T04:30:00-02:00[America/Sao_Paulo]").
fn document<'a>(name: &str, phrase: &'a str, d: &str, policy: Option<&str>) -> Document<'a> {
    let prefer = match policy {
        None => crate::Prefer::Tense,
        Some("future") => crate::Prefer::Future,
        Some("past") => crate::Prefer::Past,
        Some(other) => panic!("{name}: unknown policy {other}"),
    };
    document_at(name, phrase, d).with_prefer(prefer)
}

fn document_at<'a>(name: &str, phrase: &'a str, d: &str) -> Document<'a> {
    if d.contains('T') {
        Document::new(phrase).with_reference(d.parse().unwrap_or_else(|e| panic!("{name}: bad reference {d}: {e}")))
    } else {
        Document::new(phrase).with_dct(d.parse().unwrap_or_else(|e| panic!("{name}: bad dct {d}: {e}")))
    }
}

fn run(name: &str, src: &str) {
    let table: Table = toml::from_str(src).unwrap_or_else(|e| panic!("{name}: {e}"));
    let tagger = Tagger::new();
    let mut failures = Vec::new();
    let dct = |d: &str| -> jiff::civil::Date { d.parse().unwrap_or_else(|e| panic!("{name}: bad dct {d}: {e}")) };

    for c in &table.case {
        let custom;
        let tg = if c.options.tz.is_some() || c.options.to_tz.is_some() || c.options.prefer.is_some() {
            custom = c.options.tagger();
            &custom
        } else {
            &tagger
        };
        let a = tg.tag(&document(name, &c.phrase, &c.dct, c.policy.as_deref()));
        if !c.unknown.is_empty() {
            failures.push(format!("{:?}: unknown fields {:?}", c.phrase, c.unknown.keys().collect::<Vec<_>>()));
        }
        let want = c.text.as_deref().unwrap_or(&c.phrase);
        let Some(t) = a.timexes.iter().filter(|t| t.text == want).nth(c.nth.unwrap_or(1).saturating_sub(1)) else {
            failures.push(format!(
                "{:?}: no timex {:?}; got {:?}",
                c.phrase,
                want,
                a.timexes.iter().map(|t| (&t.text, &t.value)).collect::<Vec<_>>()
            ));
            continue;
        };
        let mut wrong = Vec::new();
        let mut check = |what: &str, want: Option<&str>, got: Option<&str>| {
            if let Some(w) = want {
                if Some(w) != got {
                    wrong.push(format!("{what} {w} (got {})", got.unwrap_or("none")));
                }
            }
        };
        check("value", c.value.as_deref(), Some(&t.value));
        check("type", c.typ.as_deref(), Some(t.typ.as_str()));
        check("mod", c.modifier.as_deref(), t.modifier);
        check("freq", c.freq.as_deref(), t.freq.as_deref());
        check("quant", c.quant.as_deref(), t.quant);
        check("utc", c.utc.as_deref(), t.utc.as_deref());
        check("tzid", c.tzid.as_deref(), t.tzid.as_deref());
        check("range start", c.range_start.as_deref(), t.range.as_ref().map(|r| r.start.as_str()));
        check("range end", c.range_end.as_deref(), t.range.as_ref().map(|r| r.end.as_str()));
        check("reader start", c.reader_start.as_deref(), t.range_reader.as_ref().map(|r| r.start.as_str()));
        if c.no_utc && t.utc.is_some() {
            wrong.push(format!("no utc (got {:?})", t.utc));
        }
        if let Some(n) = c.note {
            if n != t.zone_note.is_some() {
                wrong.push(format!("zone note {n} (got {:?})", t.zone_note));
            }
        }
        if !wrong.is_empty() {
            failures.push(format!("{:?} at {}: expected {}", c.phrase, c.dct, wrong.join(", ")));
        }
    }
    for g in &table.group {
        let a = tagger.tag(&Document::new(&g.phrase).with_dct(dct(&g.dct)));
        let found = a.groups.iter().find(|gr| format!("{:?}", gr.kind).eq_ignore_ascii_case(&g.kind)).map(|gr| {
            let members: Vec<&crate::Timex> = gr.tids.iter().filter_map(|tid| a.timexes.iter().find(|t| &t.tid == tid)).collect();
            (members.iter().map(|t| t.text.clone()).collect::<Vec<_>>(), members.iter().map(|t| t.value.clone()).collect::<Vec<_>>())
        });
        // (no texts: a negative, no group of that kind)
        let want = (!g.texts.is_empty()).then(|| (g.texts.clone(), g.values.clone()));
        if found != want {
            failures.push(format!("{:?}: expected {} {:?} {:?}, got {:?} (groups {:?})", g.phrase, g.kind, g.texts, g.values, found, a.groups));
        }
        if let Some(want) = &g.duration {
            if !a.groups.iter().any(|gr| gr.duration.as_ref() == Some(want)) {
                failures.push(format!("{:?}: expected a group lasting {want}, got {:?}", g.phrase, a.groups));
            }
        }
    }
    for r in &table.rec {
        if !r.unknown.is_empty() {
            failures.push(format!("{:?}: unknown fields {:?}", r.phrase, r.unknown.keys().collect::<Vec<_>>()));
        }
        let tg = r.options.tagger();
        let a = tg.tag(&Document::new(&r.phrase).with_dct(dct(&r.dct)));
        type Carrier<'a> = (Option<&'a String>, Option<&'a String>, Option<&'a String>, Option<&'a String>);
        let carriers: Vec<Carrier<'_>> = a
            .groups
            .iter()
            .map(|g| (g.rrule.as_ref(), g.dtstart.as_ref(), g.tzid.as_ref(), g.first.as_ref()))
            .filter(|_| r.text.is_none())
            .chain(
                a.timexes
                    .iter()
                    .filter(|t| r.text.as_ref().is_none_or(|x| *x == t.text))
                    .map(|t| (t.rrule.as_ref(), t.dtstart.as_ref(), t.tzid.as_ref(), None)),
            )
            .filter(|c| c.0.is_some())
            .collect();
        let ok = carriers.iter().any(|(rule, start, tz, first)| {
            rule.map(String::as_str) == Some(r.rrule.as_str())
                && r.dtstart.as_ref().is_none_or(|d| *start == Some(d))
                && r.tzid.as_ref().is_none_or(|z| *tz == Some(z))
                && r.first.as_ref().is_none_or(|f| *first == Some(f))
        });
        if !ok {
            failures.push(format!("{:?} at {}: expected {} from {:?} in {:?}; got {:?}", r.phrase, r.dct, r.rrule, r.dtstart, r.tzid, carriers));
        }
        if let Some(want) = &r.duration {
            let got: Vec<_> = a.groups.iter().filter(|g| g.rrule.is_some()).map(|g| g.duration.as_deref()).collect();
            if !got.contains(&Some(want.as_str())) {
                failures.push(format!("{:?}: expected occurrences lasting {want}; got {got:?}", r.phrase));
            }
        }
        // (each clock time of a recurrence carries the recurrence's rule at its
        // own time: those are the group's, not rules of their own)
        let grouped: Vec<&String> = a.groups.iter().filter(|g| g.rrule.is_some()).flat_map(|g| g.tids.iter().chain(&g.ends)).collect();
        let own = a.groups.iter().filter(|g| g.rrule.is_some()).count()
            + a.timexes.iter().filter(|t| t.rrule.is_some() && !grouped.contains(&&t.tid)).count();
        if r.rules.is_some_and(|n| n != own) {
            failures.push(format!("{:?}: expected {:?} rules; got {:?}", r.phrase, r.rules, carriers));
        }
    }
    for n in &table.none {
        let a = tagger.tag(&Document::new(&n.phrase).with_dct("2000-01-01".parse().expect("valid")));
        let bad: Vec<_> = a
            .timexes
            .iter()
            .filter(|t| match (&n.not, &n.not_value) {
                (_, Some(v)) => t.value.contains(v.as_str()),
                (Some(s), None) => t.text.contains(s.as_str()),
                (None, None) => true,
            })
            .map(|t| &t.text)
            .collect();
        if !bad.is_empty() {
            failures.push(format!("{:?}: must not tag {:?}", n.phrase, bad));
        }
    }
    let rows = table.case.len() + table.none.len() + table.group.len() + table.rec.len();
    assert!(failures.is_empty(), "{name}: {} of {rows} rows failed:\n{}", failures.len(), failures.join("\n"));
    assert!(rows > table.none.len() && !table.none.is_empty(), "{name}: a table needs positive and negative rows");
}

/// One test per table, named after its file.
macro_rules! tables {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                run(concat!(stringify!($name), ".toml"), include_str!(concat!(stringify!($name), ".toml")));
            }
        )*
    };
}

tables!(dates, relative, durations, times, sets, zones, links, recurrences, discourse, reference, policy, case, forms, holidays);
