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
}

#[derive(Deserialize)]
struct Case {
    phrase: String,
    dct: String,
    text: Option<String>,
    #[serde(rename = "type")]
    typ: Option<String>,
    value: String,
}

#[derive(Deserialize)]
struct Negative {
    phrase: String,
    not: Option<String>,
}

fn run(name: &str, src: &str) {
    let table: Table = toml::from_str(src).unwrap_or_else(|e| panic!("{name}: {e}"));
    let tagger = Tagger::new();
    let mut failures = Vec::new();
    for c in &table.case {
        let dct = c.dct.parse().unwrap_or_else(|e| panic!("{name}: bad dct {}: {e}", c.dct));
        let a = tagger.tag(&Document::new(&c.phrase).with_dct(dct));
        let want = c.text.as_deref().unwrap_or(&c.phrase);
        match a.timexes.iter().find(|t| t.text == want) {
            None => failures.push(format!(
                "{:?}: no timex {:?}; got {:?}",
                c.phrase,
                want,
                a.timexes.iter().map(|t| (&t.text, &t.value)).collect::<Vec<_>>()
            )),
            Some(t) => {
                if t.value != c.value || c.typ.as_deref().is_some_and(|ty| ty != t.typ.as_str()) {
                    failures.push(format!(
                        "{:?} at {}: expected {} {}, got {} {}",
                        c.phrase,
                        c.dct,
                        c.typ.as_deref().unwrap_or(""),
                        c.value,
                        t.typ.as_str(),
                        t.value
                    ));
                }
            }
        }
    }
    for n in &table.none {
        let a = tagger.tag(&Document::new(&n.phrase).with_dct("2000-01-01".parse().expect("valid")));
        let bad: Vec<_> = a.timexes.iter().filter(|t| n.not.as_deref().is_none_or(|s| t.text.contains(s))).map(|t| &t.text).collect();
        if !bad.is_empty() {
            failures.push(format!("{:?}: must not tag {:?}", n.phrase, bad));
        }
    }
    assert!(failures.is_empty(), "{name}: {} of {} rows failed:\n{}", failures.len(), table.case.len() + table.none.len(), failures.join("\n"));
    assert!(!table.case.is_empty() && !table.none.is_empty(), "{name}: a table needs positive and negative rows");
}

#[test]
fn dates() {
    run("dates.toml", include_str!("dates.toml"));
}

#[test]
fn relative() {
    run("relative.toml", include_str!("relative.toml"));
}

#[test]
fn durations() {
    run("durations.toml", include_str!("durations.toml"));
}

#[test]
fn times() {
    run("times.toml", include_str!("times.toml"));
}

#[test]
fn sets() {
    run("sets.toml", include_str!("sets.toml"));
}
