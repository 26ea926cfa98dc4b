//! `dateline eval`: tag every gold TimeML file of a corpus and score the
//! result as TempEval-3 does.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use dateline::{Document, Tagger};
use dateline_eval::score::{score_doc, Counts, Element};
use serde::Serialize;

use crate::{batch, gold, sink};

#[derive(Serialize)]
struct DocScore {
    doc: String,
    #[serde(flatten)]
    metrics: dateline_eval::score::Metrics,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

#[derive(Serialize)]
struct Report {
    #[serde(flatten)]
    metrics: dateline_eval::score::Metrics,
    docs_scored: usize,
    errors: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    per_doc: Option<Vec<DocScore>>,
}

/// One error for `--errors`.
struct ErrorItem {
    category: String,
    doc: String,
    line: String,
    /// For a value of another form than the gold's: the phrase key and the
    /// form of the system's value, to ask whether the gold writes that
    /// phrase in that form elsewhere (see [`FormIndex`]).
    form: Option<(String, String)>,
}

/// Which forms the gold writes each phrase in, over the whole gold set. A wrong value whose form the gold itself gives the same phrase
/// elsewhere ("last week" as 1998-W33 in one document, as 1998-10 or P1W in
/// others) measures the annotation's own inconsistency rather than a
/// misreading, and `--errors` counts such values apart.
#[derive(Default)]
struct FormIndex(std::collections::HashSet<(String, String)>);

impl FormIndex {
    /// The phrase as a key: lower case, digits as 9, without the
    /// punctuation around it ("Last week." and "last week" are one phrase,
    /// "1998" and "1989" one year).
    fn phrase(text: &str) -> String {
        text.trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
            .chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c.to_ascii_lowercase() })
            .collect()
    }

    /// The form of a value: its digits as 9 ("1998-W33" → "9999-W99").
    fn form(value: &str) -> String {
        value.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect()
    }

    fn add(&mut self, text: &str, value: &str) {
        self.0.insert((Self::phrase(text), Self::form(value)));
    }

    fn seen(&self, key: &(String, String)) -> bool {
        self.0.contains(key)
    }
}

fn attr<'a>(e: &'a Element, k: &str) -> &'a str {
    e.attrs.get(k).map_or("", |s| s.as_str())
}

fn categorize(doc: &str, matched: &[(Element, Option<Element>)], spurious: &[Element], out: &mut Vec<ErrorItem>, forms: &mut FormIndex) {
    for (g, s) in matched {
        forms.add(&g.rawtext, attr(g, "value"));
        let gdesc = format!("{:?} {} {}", g.rawtext, attr(g, "type"), attr(g, "value"));
        match s {
            None => out.push(ErrorItem { category: format!("missed {}", attr(g, "type")), doc: doc.into(), line: gdesc, form: None }),
            Some(s) => {
                let sdesc = format!("{:?} {} {}", s.rawtext, attr(s, "type"), attr(s, "value"));
                if g.rawtext != s.rawtext {
                    let cat = if s.rawtext.len() > g.rawtext.len() && s.rawtext.contains(g.rawtext.as_str()) {
                        "extent too long"
                    } else if g.rawtext.contains(s.rawtext.as_str()) {
                        "extent too short"
                    } else {
                        "extent shifted"
                    };
                    out.push(ErrorItem { category: cat.into(), doc: doc.into(), line: format!("gold {gdesc} | system {sdesc}"), form: None });
                }
                if attr(g, "type") != attr(s, "type") {
                    out.push(ErrorItem {
                        category: format!("wrong type {}→{}", attr(g, "type"), attr(s, "type")),
                        doc: doc.into(),
                        line: format!("gold {gdesc} | system {sdesc}"),
                        form: None,
                    });
                }
                if attr(g, "value") != attr(s, "value") {
                    let (gv, sv) = (attr(g, "value"), attr(s, "value"));
                    out.push(ErrorItem {
                        category: format!("wrong value ({})", value_cause(gv, sv)),
                        doc: doc.into(),
                        line: format!("gold {gdesc} | system {sdesc}"),
                        form: (FormIndex::form(gv) != FormIndex::form(sv)).then(|| (FormIndex::phrase(&g.rawtext), FormIndex::form(sv))),
                    });
                }
            }
        }
    }
    for s in spurious {
        out.push(ErrorItem {
            category: format!("spurious {}", attr(s, "type")),
            doc: doc.into(),
            line: format!("{:?} {} {}", s.rawtext, attr(s, "type"), attr(s, "value")),
            form: None,
        });
    }
}

/// A coarse cause for a wrong value, from the shapes of the two values.
fn value_cause(gold: &str, sys: &str) -> &'static str {
    let shape = |v: &str| -> &'static str {
        if v.starts_with('P') && !v.ends_with("_REF") {
            "duration"
        } else if v.ends_with("_REF") {
            "ref"
        } else if v.contains('T') {
            "time"
        } else if v.contains('W') {
            "week"
        } else if v.contains('Q') || v.contains('H') {
            "quarter/half"
        } else {
            match v.len() {
                10 => "day",
                7 => "month",
                4 => "year",
                _ => "other",
            }
        }
    };
    let (g, s) = (shape(gold), shape(sys));
    if g != s {
        return "different granularity";
    }
    if g == "day" || g == "month" || g == "year" || g == "week" {
        if gold.get(..4) != sys.get(..4) {
            return "wrong year";
        }
        return "wrong day/month/week";
    }
    match g {
        "duration" => "wrong duration",
        "time" => "wrong time",
        "quarter/half" => "wrong quarter",
        _ => "other",
    }
}

/// Runs the evaluation and prints the report. A gold file or directory that
/// cannot be read is reported on standard error, naming it, and left out
/// of the scores; the others are scored and written, and the run then ends
/// with an error.
pub fn run(gold_dir: &Path, out: Option<&Path>, json: bool, per_doc: bool, errors: bool) -> Result<()> {
    let (files, mut bad) = gold::collect(gold_dir)?;
    for e in &bad {
        eprintln!("dateline: {e:#}");
    }
    if files.is_empty() && bad.is_empty() {
        anyhow::bail!("{}: no .tml files found", gold_dir.display());
    }
    if let Some(o) = out {
        gold::check_out_names(&files, o)?;
        std::fs::create_dir_all(o).with_context(|| format!("{}: cannot create", o.display()))?;
    }
    let tagger = Tagger::new();
    let mut total = Counts::default();
    let mut docs = Vec::new();
    let mut failures = BTreeMap::new();
    let mut items = Vec::new();
    let mut forms = FormIndex::default();
    for f in &files {
        let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let (raw, gold) = match gold::read(f) {
            Ok(read) => read,
            Err(e) => {
                eprintln!("dateline: {e:#}");
                failures.insert(name, format!("{e:#}"));
                bad.push(e);
                continue;
            }
        };
        let mut d = Document::new(&gold.text);
        d.dct = gold.dct;
        let system = match batch::guarded(|| gold.write(&tagger.tag(&d))) {
            Ok(system) => system,
            Err(e) => {
                let e = anyhow::anyhow!("{}: {e}", f.display());
                eprintln!("dateline: {e:#}");
                failures.insert(name, format!("{e:#}"));
                bad.push(e);
                continue;
            }
        };
        if let Some(o) = out {
            sink::write_atomic(&o.join(&name), &system).with_context(|| format!("{}: cannot write", o.join(&name).display()))?;
        }
        let (c, pairing, err) = score_doc(&raw, Some(&system));
        if let Some(e) = &err {
            failures.insert(name.clone(), e.clone());
        }
        if errors {
            categorize(&name, &pairing.matched, &pairing.spurious, &mut items, &mut forms);
        }
        total.add(&c);
        docs.push(DocScore { doc: name, metrics: c.metrics(), error: err });
    }
    let m = total.metrics();
    // a closed pipe ("| head") ends the report quietly: see main
    let mut so = std::io::stdout().lock();
    if json {
        let report = Report { metrics: m, docs_scored: docs.len(), errors: failures, per_doc: per_doc.then_some(docs) };
        writeln!(so, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        writeln!(so, "TIMEX3 ({} docs)", docs.len())?;
        writeln!(so, "            P      R      F1")?;
        writeln!(so, "strict   {:6.2} {:6.2} {:6.2}", m.strict.p, m.strict.r, m.strict.f1)?;
        writeln!(so, "relaxed  {:6.2} {:6.2} {:6.2}", m.relaxed.p, m.relaxed.r, m.relaxed.f1)?;
        writeln!(so, "value F1 {:6.2}   type F1 {:6.2}", m.value_f1, m.type_f1)?;
        writeln!(so, "gold {}  system {}  relaxed matches {}  strict matches {}", total.gold, total.system, total.relaxed_r, total.strict_r)?;
        if !failures.is_empty() {
            writeln!(so, "errors:")?;
            for (k, v) in &failures {
                writeln!(so, "  {k}: {v}")?;
            }
        }
        if per_doc {
            writeln!(so, "\n{:<40} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6}", "doc", "gold", "sys", "strF1", "relF1", "valF1", "typF1")?;
            for d in &docs {
                let c = d.metrics.counts;
                writeln!(
                    so,
                    "{:<40} {:>5} {:>5} {:>6.1} {:>6.1} {:>6.1} {:>6.1}",
                    d.doc.chars().take(40).collect::<String>(),
                    c.gold,
                    c.system,
                    d.metrics.strict.f1,
                    d.metrics.relaxed.f1,
                    d.metrics.value_f1,
                    d.metrics.type_f1
                )?;
            }
        }
    }
    if errors {
        let mut by: BTreeMap<&str, Vec<&ErrorItem>> = BTreeMap::new();
        for it in &items {
            by.entry(it.category.as_str()).or_default().push(it);
        }
        let mut cats: Vec<_> = by.into_iter().collect();
        cats.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
        let stream: &mut dyn std::io::Write = if json { &mut std::io::stderr() } else { &mut std::io::stdout() };
        writeln!(stream, "\nerrors by category:")?;
        for (cat, list) in &cats {
            writeln!(stream, "  {:>5}  {cat}", list.len())?;
        }
        let wrong_values = items.iter().filter(|it| it.category.starts_with("wrong value")).count();
        let gold_form = |it: &ErrorItem| it.form.as_ref().is_some_and(|k| forms.seen(k));
        let inconsistent = items.iter().filter(|it| gold_form(it)).count();
        writeln!(stream, "\n{inconsistent} of {wrong_values} wrong values are in a form the gold gives the same phrase elsewhere (marked *)")?;
        for (cat, list) in &cats {
            writeln!(stream, "\n== {cat} ({})", list.len())?;
            for it in list {
                writeln!(stream, "  {}{}: {}", if gold_form(it) { "* " } else { "" }, it.doc, it.line)?;
            }
        }
    }
    match bad.len() {
        0 => Ok(()),
        n => anyhow::bail!("{n} gold file(s) or folder(s) under {} could not be read or tagged and were not scored (see above)", gold_dir.display()),
    }
}
