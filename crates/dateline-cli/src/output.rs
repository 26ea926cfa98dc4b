//! Writing analyses: JSON, JSON Lines, TimeML and a table for people.

use std::fmt::Write;

use crate::input::Doc;
use dateline::Analysis;

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

/// Renders one document's analysis in `format`. The whole output is built in
/// memory so that a failure never leaves half a document behind.
/// `calendar` says what an iCalendar output keeps.
pub fn render(doc: &Doc, a: &Analysis, format: OutputFormat, calendar: dateline::ical::Options) -> String {
    let dct = doc.dct.as_ref().map(|d| d.to_string());
    match format {
        OutputFormat::Json | OutputFormat::Jsonl => {
            dateline::json::JsonDocument::new(&doc.id, doc.date(), doc.dct.as_ref().and_then(|d| d.instant.as_ref()), a)
                .render(format == OutputFormat::Json)
        }
        OutputFormat::Timeml => match &doc.timeml {
            Some(t) => t.write(a),
            None => dateline_eval::timeml::plain_document(&doc.id, dct.as_deref(), &doc.text, a),
        },
        OutputFormat::Ics => dateline::ical::calendar_with(
            &[dateline::ical::CalendarDoc { id: &doc.id, text: doc.analysed.as_deref().unwrap_or(&doc.text), dct: doc.date(), analysis: a }],
            calendar,
        ),
        OutputFormat::Text => format!("{}{}{}", text_head(doc), text_timexes(a), text_groups(a)),
    }
}

/// The table's title and column heads.
pub fn text_head(doc: &Doc) -> String {
    let mut s = format!("# {}  (DCT {})\n", doc.id, doc.dct.as_ref().map_or("none".to_string(), |d| d.to_string()));
    let _ = writeln!(s, "{:<5} {:>11}  {:<8} {:<24} text", "tid", "chars", "type", "value");
    s
}

/// The table's line for each timex.
pub fn text_timexes(a: &Analysis) -> String {
    let mut s = String::new();
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
        let _ = writeln!(s, "{:<5} {:>5}-{:<5}  {:<8} {:<24} {}{}", t.tid, t.start, t.end, t.typ.as_str(), t.value, t.text.replace('\n', " "), extra);
    }
    s
}

/// The table's line for each group, which follow all timexes.
pub fn text_groups(a: &Analysis) -> String {
    let mut s = String::new();
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
