//! Writing analyses: JSON, JSON Lines, TimeML and a table for people.

use std::fmt::Write;

use dateline::Analysis;
use serde::Serialize;

use crate::input::Doc;

/// The output formats of `dateline tag`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One pretty-printed JSON object per document.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// TimeML with inline TIMEX3 tags.
    Timeml,
    /// A table for a person to read.
    Text,
    /// iCalendar (RFC 5545): one VCALENDAR per document.
    Ics,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    id: &'a str,
    dct: Option<String>,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Renders one document's analysis in `format`. The whole output is built in
/// memory so that a failure never leaves half a document behind.
/// `calendar` says what an iCalendar output keeps.
pub fn render(doc: &Doc, a: &Analysis, format: OutputFormat, calendar: dateline::ical::Options) -> String {
    let dct = doc.dct.map(|d| d.to_string());
    match format {
        OutputFormat::Json | OutputFormat::Jsonl => {
            let j = JsonDoc { id: &doc.id, dct, analysis: a };
            let mut s = if format == OutputFormat::Json { serde_json::to_string_pretty(&j) } else { serde_json::to_string(&j) }
                .expect("analyses always serialise");
            s.push('\n');
            s
        }
        OutputFormat::Timeml => match &doc.timeml {
            Some((t, raw)) => t.write(raw, a),
            None => {
                // build a TimeML document around plain text
                let mut body = String::new();
                let mut at = 0;
                let extra = dateline_eval::timeml::range_durations(a);
                for t in &a.timexes {
                    body.push_str(&escape_xml(&doc.text[at..t.byte_start]));
                    let _ = write!(body, "<TIMEX3 tid=\"{}\" type=\"{}\" value=\"{}\"", t.tid, t.typ.as_str(), escape_xml(&t.value));
                    if let Some(m) = t.modifier {
                        let _ = write!(body, " mod=\"{m}\"");
                    }
                    if let Some(q) = t.quant {
                        let _ = write!(body, " quant=\"{q}\"");
                    }
                    if let Some(f) = &t.freq {
                        let _ = write!(body, " freq=\"{f}\"");
                    }
                    let _ = write!(body, ">{}</TIMEX3>", escape_xml(&t.text));
                    for (_, tag) in extra.iter().filter(|(end, _)| *end == t.tid) {
                        body.push_str(tag);
                    }
                    at = t.byte_end;
                }
                body.push_str(&escape_xml(&doc.text[at..]));
                let dct_tag = dct.map_or(String::new(), |d| format!("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>\n"));
                format!("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>{}</DOCID>\n{dct_tag}<TEXT>{body}</TEXT>\n</TimeML>\n", escape_xml(&doc.id))
            }
        },
        OutputFormat::Ics => dateline::ical::calendar_with(
            &[dateline::ical::CalendarDoc { id: &doc.id, text: doc.analysed.as_deref().unwrap_or(&doc.text), dct: doc.dct, analysis: a }],
            calendar,
        ),
        OutputFormat::Text => {
            let mut s = format!("# {}  (DCT {})\n", doc.id, doc.dct.map_or("none".to_string(), |d| d.to_string()));
            let _ = writeln!(s, "{:<5} {:>11}  {:<8} {:<24} text", "tid", "chars", "type", "value");
            for t in &a.timexes {
                let mut extra = String::new();
                if let Some(m) = t.modifier {
                    let _ = write!(extra, "  mod={m}");
                }
                if let Some(u) = &t.utc {
                    let _ = write!(extra, "  utc={u}");
                }
                if let Some(r) = &t.rrule {
                    let _ = write!(extra, "  rrule={r}");
                }
                let _ = writeln!(
                    s,
                    "{:<5} {:>5}-{:<5}  {:<8} {:<24} {}{}",
                    t.tid,
                    t.start,
                    t.end,
                    t.typ.as_str(),
                    t.value,
                    t.text.replace('\n', " "),
                    extra
                );
            }
            for g in &a.groups {
                let _ = writeln!(
                    s,
                    "{:?} {}{}",
                    g.kind,
                    g.tids.join(" "),
                    g.rrule.as_ref().map_or(String::new(), |r| format!("  rrule={r} tzid={}", g.tzid.as_deref().unwrap_or("-")))
                );
            }
            s
        }
    }
}
