//! Reading TimeML / TempEval-3 documents and writing dateline's timexes back
//! into them inline.
//!
//! Only the content of `<TEXT>` is analysed. Existing TIMEX3, EVENT and SIGNAL
//! tags inside it are dropped (their text stays), entities are decoded, and a
//! map from every byte of the decoded text back to the raw file lets
//! [`TimemlDoc::write`] insert new tags while copying every other byte of the
//! input unchanged.

use dateline::{Analysis, Timex};
use jiff::civil::Date;
use quick_xml::events::Event;
use quick_xml::Reader;

/// Why a TimeML document could not be read. Positions are 1-based.
#[derive(Debug, thiserror::Error)]
pub enum TimemlError {
    /// The XML is not well formed.
    #[error("line {line}, column {column}: malformed XML: {message}")]
    Xml {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
        /// What the XML reader said.
        message: String,
    },
    /// There is no `<TEXT>` element.
    #[error("no <TEXT> element")]
    NoText,
    /// The DCT's value is not a date.
    #[error("line {line}, column {column}: DCT value {value:?} is not a date")]
    BadDct {
        /// Line of the DCT.
        line: usize,
        /// Column of the DCT.
        column: usize,
        /// The value found.
        value: String,
    },
}

/// A parsed TimeML document.
#[derive(Debug, Clone)]
pub struct TimemlDoc {
    /// The document creation time from `<DCT><TIMEX3 value=...>`.
    pub dct: Option<Date>,
    /// The text of `<TEXT>` with tags removed and entities decoded.
    pub text: String,
    raw_text_start: usize,
    raw_text_end: usize,
    /// `<TEXT>` content with TIMEX3/EVENT/SIGNAL tags removed, entities kept.
    stripped: String,
    /// For each byte offset of `text` (and one past the end), the offset in `stripped`.
    map: Vec<usize>,
}

/// 1-based line and column of byte `pos` in `s`.
pub fn line_col(s: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(s.len());
    let before = &s.as_bytes()[..pos];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = pos - before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
    (line, col)
}

fn decode_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let n = if let Some(h) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(n)?
        }
    })
}

/// Parses a DCT value such as `1998-01-08`, `19980108` or `1998-01-08T10:00`.
pub fn parse_dct(v: &str) -> Option<Date> {
    let v = v.trim();
    let d = v.get(..10).unwrap_or(v);
    if let Ok(date) = d.parse::<Date>() {
        return Some(date);
    }
    if v.len() >= 8 && v.as_bytes()[..8].iter().all(u8::is_ascii_digit) {
        let (y, m, dd) = (v[..4].parse().ok()?, v[4..6].parse().ok()?, v[6..8].parse().ok()?);
        return Date::new(y, m, dd).ok();
    }
    None
}

impl TimemlDoc {
    /// Parses a TimeML document.
    ///
    /// # Errors
    /// [`TimemlError`] when the XML is malformed, there is no `<TEXT>`, or the
    /// DCT is not a date.
    pub fn parse(raw: &str) -> Result<TimemlDoc, TimemlError> {
        let mut reader = Reader::from_str(raw);
        reader.config_mut().check_end_names = true;
        let mut text_start = None;
        let mut text_end = None;
        let mut in_dct = false;
        let mut dct = None;
        loop {
            let pos = reader.buffer_position() as usize;
            match reader.read_event() {
                Err(e) => {
                    let at = reader.error_position() as usize;
                    let (line, column) = line_col(raw, at);
                    return Err(TimemlError::Xml { line, column, message: e.to_string() });
                }
                Ok(Event::Eof) => break,
                Ok(Event::Start(s) | Event::Empty(s)) => match s.name().as_ref() {
                    b"TEXT" => text_start = Some(reader.buffer_position() as usize),
                    b"DCT" => in_dct = true,
                    b"TIMEX3" if in_dct && dct.is_none() => {
                        let value =
                            s.try_get_attribute("value").ok().flatten().map(|a| String::from_utf8_lossy(&a.value).into_owned()).unwrap_or_default();
                        match parse_dct(&value) {
                            Some(d) => dct = Some(d),
                            None => {
                                let (line, column) = line_col(raw, pos);
                                return Err(TimemlError::BadDct { line, column, value });
                            }
                        }
                    }
                    _ => {}
                },
                Ok(Event::End(e)) => match e.name().as_ref() {
                    b"TEXT" if text_end.is_none() => text_end = Some(pos),
                    b"DCT" => in_dct = false,
                    _ => {}
                },
                Ok(_) => {}
            }
        }
        let (Some(a), Some(b)) = (text_start, text_end) else { return Err(TimemlError::NoText) };
        let (stripped, text, map) = strip(&raw[a..b]);
        Ok(TimemlDoc { dct, text, raw_text_start: a, raw_text_end: b, stripped, map })
    }

    /// Writes `raw` (the document this was parsed from) with `analysis`'s
    /// timexes inserted as inline TIMEX3 tags. Offsets in `analysis` index
    /// [`TimemlDoc::text`].
    pub fn write(&self, raw: &str, analysis: &Analysis) -> String {
        let mut out = String::with_capacity(raw.len() + analysis.timexes.len() * 80);
        out.push_str(&raw[..self.raw_text_start]);
        let mut at = 0;
        let extra = range_durations(analysis);
        for t in &analysis.timexes {
            let (s, e) = (self.map[t.byte_start], self.map[t.byte_end]);
            if s < at {
                continue;
            }
            out.push_str(&self.stripped[at..s]);
            push_open(&mut out, t);
            out.push_str(&self.stripped[s..e]);
            out.push_str("</TIMEX3>");
            for (end_tid, tag) in &extra {
                if *end_tid == t.tid {
                    out.push_str(tag);
                }
            }
            at = e;
        }
        out.push_str(&self.stripped[at..]);
        out.push_str(&raw[self.raw_text_end..]);
        out
    }
}

/// For each range with a length: the tid of its end, and a non-consuming
/// DURATION TIMEX3 anchored on both ends, the way TimeML marks "from May 3 to
/// May 7". The TE3 scorer skips empty timexes, so scores are unaffected.
pub fn range_durations(analysis: &Analysis) -> Vec<(String, String)> {
    let mut next = analysis.timexes.len() + 1;
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

/// Writes the opening TIMEX3 tag of `t`.
fn push_open(out: &mut String, t: &Timex) {
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
    if let Some(a) = &t.anchor {
        out.push_str(&format!(" anchorTimeID=\"{a}\""));
    }
    out.push('>');
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;")
}

/// Removes TIMEX3/EVENT/SIGNAL tags from raw TEXT content and decodes
/// entities: (stripped raw, plain text, plain byte → stripped byte map).
fn strip(raw: &str) -> (String, String, Vec<usize>) {
    let mut stripped = String::with_capacity(raw.len());
    let mut plain = String::with_capacity(raw.len());
    let mut map = Vec::with_capacity(raw.len() + 1);
    let b = raw.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        if b[i] == b'<' {
            if let Some(close) = raw[i..].find('>') {
                let tag = &raw[i + 1..i + close];
                let name = tag.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
                if matches!(name, "TIMEX3" | "EVENT" | "SIGNAL") {
                    i += close + 1;
                    continue;
                }
            }
        }
        if b[i] == b'&' {
            if let Some(semi) = raw[i..].find(';').filter(|&s| s <= 10) {
                if let Some(c) = decode_entity(&raw[i + 1..i + semi]) {
                    for _ in 0..c.len_utf8() {
                        map.push(stripped.len());
                    }
                    plain.push(c);
                    stripped.push_str(&raw[i..i + semi + 1]);
                    i += semi + 1;
                    continue;
                }
            }
        }
        let c = raw[i..].chars().next().unwrap_or('\u{fffd}');
        for _ in 0..c.len_utf8() {
            map.push(stripped.len());
        }
        let n = c.len_utf8();
        stripped.push_str(&raw[i..i + n]);
        plain.push(c);
        i += n;
    }
    map.push(stripped.len());
    // map entries point at the first byte of each character's raw form; for
    // multi-byte characters the inner bytes are never offsets of a token edge.
    (stripped, plain, map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline::{Document, Tagger};

    const DOC: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\" functionInDocument=\"CREATION_TIME\">19980807</TIMEX3></DCT>\n<TEXT>\nAT&amp;T <EVENT eid=\"e1\">said</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-06\">Thursday</TIMEX3> it grew.\n</TEXT>\n</TimeML>\n";

    #[test]
    fn reads_dct_and_text() {
        let d = TimemlDoc::parse(DOC).unwrap();
        assert_eq!(d.dct, Date::new(1998, 8, 7).ok());
        assert_eq!(d.text, "\nAT&T said Thursday it grew.\n");
    }

    #[test]
    fn writes_tags_into_the_stripped_text() {
        let d = TimemlDoc::parse(DOC).unwrap();
        let a = Tagger::new().tag(&Document::new(&d.text).with_dct(d.dct.unwrap()));
        let out = d.write(DOC, &a);
        assert!(
            out.contains("AT&amp;T said <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-06\" anchorTimeID=\"t0\">Thursday</TIMEX3> it grew."),
            "{out}"
        );
        assert!(out.starts_with("<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\""));
    }

    #[test]
    fn ranges_get_a_non_consuming_duration() {
        let raw = "<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"2022-04-19\"/></DCT><TEXT>The fair runs May 3-7.</TEXT></TimeML>";
        let d = TimemlDoc::parse(raw).unwrap();
        let a = Tagger::new().tag(&Document::new(&d.text).with_dct(d.dct.unwrap()));
        let out = d.write(raw, &a);
        assert!(out.contains(">7</TIMEX3><TIMEX3 tid=\"t3\" type=\"DURATION\" value=\"P5D\" beginPoint=\"t1\" endPoint=\"t2\"/>"), "{out}");
    }

    #[test]
    fn untagged_input_is_copied_byte_for_byte() {
        let raw = "<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"1998-08-07\"/></DCT><TEXT>No dates &amp; here.</TEXT></TimeML>";
        let d = TimemlDoc::parse(raw).unwrap();
        assert_eq!(d.write(raw, &Analysis::default()), raw);
    }

    #[test]
    fn errors_name_the_place() {
        let e = TimemlDoc::parse("<TimeML>\n<TEXT>oops</TEX>\n</TimeML>").unwrap_err();
        assert!(matches!(e, TimemlError::Xml { line: 2, .. }), "{e}");
        let e = TimemlDoc::parse("<TimeML><DCT><TIMEX3 value=\"soon\"/></DCT><TEXT>x</TEXT></TimeML>").unwrap_err();
        assert!(matches!(e, TimemlError::BadDct { line: 1, .. }), "{e}");
        assert!(matches!(TimemlDoc::parse("<TimeML></TimeML>"), Err(TimemlError::NoText)));
    }
}
