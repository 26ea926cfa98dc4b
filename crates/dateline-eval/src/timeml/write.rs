//! Writing TimeML: dateline's timexes inline in the document they were
//! read from, or a new TimeML document around plain text.

use std::fmt::Write;

use dateline::{Analysis, Timex};

use super::body::Body;
use super::{xml_chars, TimemlDoc};

impl TimemlDoc {
    /// The document this was parsed from with `analysis`'s timexes
    /// inserted as inline TIMEX3 tags. Offsets in `analysis` index
    /// [`TimemlDoc::text`]; a timex that does not fit it, or that overlaps a
    /// tag kept as text (a time in an attribute value), is left out.
    pub fn write(&self, analysis: &Analysis) -> String {
        let b = &self.body;
        let mut out = String::with_capacity(self.head.len() + b.stripped.len() + self.tail.len() + analysis.timexes.len() * 80);
        out.push_str(&self.head);
        write_body(&mut out, b, analysis);
        out.push_str(&self.tail);
        out
    }
}

/// Appends the content `b` of `<TEXT>` (or a piece of it) with `analysis`'s
/// timexes inline; offsets in `analysis` index `b.text`.
pub(crate) fn write_body(out: &mut String, b: &Body, analysis: &Analysis) {
    let mut at = 0;
    let extra = durations_after(analysis);
    for t in &analysis.timexes {
        let (Some(&s), Some(&e)) = (b.map.get(t.byte_start), b.map.get(t.byte_end)) else { continue };
        // (not inside a tag kept as text: a time in an attribute value)
        if b.crosses_kept_tag(s, e) {
            continue;
        }
        let (s, e) = (b.tag_place(s), b.tag_place(e));
        let (Some(before), Some(inner)) = (b.stripped.get(at..s), b.stripped.get(s..e)) else { continue };
        out.push_str(before);
        let mut open = String::new();
        push_open(&mut open, t, true);
        b.push_tags(out, s, &open);
        out.push_str(inner);
        let mut close = "</TIMEX3>".to_string();
        close.push_str(extra.get(t.tid.as_str()).map_or("", String::as_str));
        b.push_tags(out, e, &close);
        at = e;
    }
    out.push_str(b.stripped.get(at..).unwrap_or_default());
}

/// A TimeML document around plain `text` (the file name or JSON id `id`,
/// the DCT `dct`) with `analysis`'s timexes inline. Characters XML does not
/// allow are written as a space (a control character) or U+FFFD (U+FFFE,
/// U+FFFF), so every offset into `text` still holds in `<TEXT>`'s text.
pub fn plain_document(id: &str, dct: Option<&str>, text: &str, analysis: &Analysis) -> String {
    let mut out = plain_head(id, dct);
    plain_body(&mut out, text, 0, analysis);
    out.push_str(PLAIN_TAIL);
    out
}

/// What [`plain_document`] writes before the text: the XML declaration,
/// DOCID, DCT and the opening `<TEXT>`.
pub fn plain_head(id: &str, dct: Option<&str>) -> String {
    let dct_tag = dct.map_or(String::new(), |d| {
        let d = xml_escape(d);
        format!("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>\n")
    });
    format!("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>{}</DOCID>\n{dct_tag}<TEXT>", xml_text(id))
}

/// What [`plain_document`] writes after the text.
pub const PLAIN_TAIL: &str = "</TEXT>\n</TimeML>\n";

/// Appends `text`, a piece of a document that starts at byte `base` of it,
/// with the timexes of `analysis` (whose offsets count from the document's
/// start) inline, as [`plain_document`] writes it.
pub fn plain_body(out: &mut String, text: &str, base: usize, analysis: &Analysis) {
    out.reserve(text.len() + analysis.timexes.len() * 80);
    let mut at = 0;
    let extra = durations_after(analysis);
    for t in &analysis.timexes {
        let (s, e) = (t.byte_start.wrapping_sub(base), t.byte_end.wrapping_sub(base));
        let (Some(before), Some(inner)) = (text.get(at..s), text.get(s..e)) else { continue };
        out.push_str(&xml_text(before));
        push_open(out, t, false);
        let _ = write!(out, "{}</TIMEX3>", xml_text(inner));
        out.push_str(extra.get(t.tid.as_str()).map_or("", String::as_str));
        at = e;
    }
    out.push_str(&xml_text(text.get(at..).unwrap_or_default()));
}

/// For each range with a length: the tid of its end, and a non-consuming
/// DURATION TIMEX3 anchored on both ends, the way TimeML marks "from May 3 to
/// May 7". The TE3 scorer skips empty timexes, so scores are unaffected.
/// Their tids follow the analysis's last (in a piece of a long document,
/// the tids [`dateline::Analysis::tids_used`] keeps free for them).
pub fn range_durations(analysis: &Analysis) -> Vec<(String, String)> {
    let last = analysis.timexes.iter().filter_map(|t| t.tid.strip_prefix('t')?.parse::<usize>().ok()).max();
    let mut next = last.unwrap_or(0) + 1;
    analysis
        .groups
        .iter()
        .filter_map(|g| {
            let d = g.duration.as_ref()?;
            let (a, b) = (g.tids.first()?, g.tids.last()?);
            let tag = format!("<TIMEX3 tid=\"t{next}\" type=\"DURATION\" value=\"{d}\" beginPoint=\"{a}\" endPoint=\"{b}\"/>");
            next += 1;
            Some((b.clone(), tag))
        })
        .collect()
}

/// The tags of [`range_durations`] by the tid of the timex they follow.
fn durations_after(analysis: &Analysis) -> std::collections::HashMap<String, String> {
    let mut after: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for (end, tag) in range_durations(analysis) {
        after.entry(end).or_default().push_str(&tag);
    }
    after
}

/// Writes the opening TIMEX3 tag of `t`, with its anchor when `anchor`.
fn push_open(out: &mut String, t: &Timex, anchor: bool) {
    out.push_str(&format!("<TIMEX3 tid=\"{}\" type=\"{}\" value=\"{}\"", t.tid, t.typ.as_str(), xml_escape(&t.value)));
    if let Some(m) = t.modifier {
        out.push_str(&format!(" mod=\"{m}\""));
    }
    if let Some(q) = t.quant {
        out.push_str(&format!(" quant=\"{q}\""));
    }
    if let Some(f) = &t.freq {
        out.push_str(&format!(" freq=\"{}\"", xml_escape(f)));
    }
    if let Some(a) = t.anchor.as_ref().filter(|_| anchor) {
        out.push_str(&format!(" anchorTimeID=\"{a}\""));
    }
    out.push('>');
}

/// `s` escaped for XML text, with the characters XML does not allow
/// replaced (see [`xml_chars`]).
fn xml_text(s: &str) -> String {
    xml_chars(s).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// `s` escaped for a quoted attribute value.
fn xml_escape(s: &str) -> String {
    xml_text(s).replace('"', "&quot;")
}
