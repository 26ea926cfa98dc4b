//! Reading inputs: format detection and the four input formats (plain text,
//! the seed's `date YYYY-MM-DD` header, TimeML, JSON Lines).

use std::fmt;

use dateline_eval::timeml::{line_col, TimemlDoc};
use jiff::civil::Date;

/// The input formats `dateline tag` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Detect from the content.
    Auto,
    /// Plain text.
    Plain,
    /// Text whose first word is `date YYYY-MM-DD`.
    Seed,
    /// TimeML / TempEval-3.
    Timeml,
    /// One JSON object per line: {"id", "text", "dct"}.
    Jsonl,
}

/// A problem with one input, located as precisely as possible.
#[derive(Debug)]
pub struct InputError {
    /// Where: "line L, column C" or "byte N"; empty when the whole input is at fault.
    pub place: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

fn err(place: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError { place: place.into(), message: message.into() }
}

/// One document ready for the tagger.
#[derive(Debug)]
pub struct Doc {
    /// An identifier: the JSON `id`, the TimeML DOCID, or the file name.
    pub id: String,
    /// The original text (offsets index it).
    pub text: String,
    /// The text handed to the tagger: identical, except that a seed header is blanked.
    pub analysed: Option<String>,
    /// The document creation time, and the reference instant when one was given.
    pub dct: Option<Dct>,
    /// The zone for bare clock times (JSON Lines `tz`), checked against the tz database.
    pub zone: Option<String>,
    /// For TimeML inputs: the parsed document, for inline output.
    pub timeml: Option<TimemlDoc>,
    /// Which way a date the text leaves open lies (JSON Lines `prefer`).
    pub prefer: Option<dateline::Prefer>,
}

/// A direction policy by its name: "tense", "future" or "past".
pub fn parse_prefer(s: &str) -> Option<dateline::Prefer> {
    match s {
        "tense" => Some(dateline::Prefer::Tense),
        "future" => Some(dateline::Prefer::Future),
        "past" => Some(dateline::Prefer::Past),
        _ => None,
    }
}

impl Doc {
    /// The DCT's date.
    pub fn date(&self) -> Option<Date> {
        self.dct.as_ref().map(|d| d.date)
    }

    /// The document as the tagger takes it: `text` (the whole text, or a
    /// piece of it), with this document's DCT, reference instant and zone.
    pub fn document<'t>(&'t self, text: &'t str) -> dateline::Document<'t> {
        let mut document = dateline::Document::new(text);
        document.dct = self.date();
        document.reference = self.dct.as_ref().and_then(|d| d.instant.clone());
        document.zone = self.zone.as_deref();
        document.prefer = self.prefer.unwrap_or_default();
        document
    }
}

/// The UTF-8 byte-order mark, which some editors put at the start of a file.
pub const BOM: &[u8] = b"\xef\xbb\xbf";

/// Drops a leading byte-order mark from `bytes`; returns whether there was one.
pub fn strip_bom(bytes: &mut Vec<u8>) -> bool {
    let bom = bytes.starts_with(BOM);
    if bom {
        bytes.drain(..BOM.len());
    }
    bom
}

/// Checks UTF-8 and locates the first bad byte (counted in the file). A
/// leading byte-order mark is dropped: offsets index the text after it.
pub fn decode(mut bytes: Vec<u8>) -> Result<String, InputError> {
    let skipped = if strip_bom(&mut bytes) { BOM.len() } else { 0 };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let good = std::str::from_utf8(&e.as_bytes()[..at]).unwrap_or("");
        let (l, c) = line_col(good, at);
        err(format!("line {l}, column {c} (byte {})", at + skipped), "invalid UTF-8")
    })
}

/// Detects the format of `s`.
pub fn detect(s: &str) -> InputFormat {
    let t = s.trim_start();
    if t.starts_with("<?xml") || t.starts_with("<TimeML") || t.starts_with("<!DOCTYPE TimeML") {
        InputFormat::Timeml
    } else if t.starts_with('{') {
        InputFormat::Jsonl
    } else if seed_header(s).is_some() {
        InputFormat::Seed
    } else {
        InputFormat::Plain
    }
}

/// The seed header: (byte range of `date VALUE`, byte range of VALUE).
fn seed_header(s: &str) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let start = s.len() - s.trim_start().len();
    let rest = &s[start..];
    let after = rest.strip_prefix("date")?;
    if !after.starts_with([' ', '\t']) {
        return None;
    }
    let vstart = start + 4 + (after.len() - after.trim_start_matches([' ', '\t']).len());
    let vend = s[vstart..].find(char::is_whitespace).map_or(s.len(), |k| vstart + k);
    Some((start..vend, vstart..vend))
}

pub use dateline_eval::timeml::{user_reference, Dct, DCT_FORMS};

/// Reads the documents of one input.
///
/// Returns the documents that could be read and the errors of those that
/// could not (a JSON Lines input may have both).
pub fn read(name: &str, text: String, format: InputFormat, dct: Option<Dct>) -> (Vec<Doc>, Vec<InputError>) {
    if text.trim().is_empty() {
        return (vec![], vec![err("", "empty input")]);
    }
    let format = if format == InputFormat::Auto { detect(&text) } else { format };
    match format {
        InputFormat::Timeml => match TimemlDoc::parse(&text) {
            Ok(t) => {
                let id = t.docid.clone().filter(|d| !d.is_empty()).unwrap_or_else(|| name.to_string());
                let d =
                    Doc { id, text: t.text.clone(), analysed: None, dct: dct.or(t.dct.map(Dct::from)), timeml: Some(t), zone: None, prefer: None };
                (vec![d], vec![])
            }
            Err(e) => (vec![], vec![err("", e.to_string())]),
        },
        InputFormat::Seed => {
            let Some((whole, value)) = seed_header(&text) else {
                return (vec![], vec![err("line 1, column 1", "expected `date YYYY-MM-DD` as the first word")]);
            };
            let v = &text[value.clone()];
            let Some(header_dct) = user_reference(v) else {
                let (l, c) = line_col(&text, value.start);
                return (vec![], vec![err(format!("line {l}, column {c}"), format!("DCT {v:?} is not a date ({DCT_FORMS})"))]);
            };
            let mut analysed = text.clone();
            analysed.replace_range(whole.clone(), &" ".repeat(whole.len()));
            (
                vec![Doc {
                    id: name.to_string(),
                    text,
                    analysed: Some(analysed),
                    dct: dct.clone().or(Some(header_dct)),
                    timeml: None,
                    zone: None,
                    prefer: None,
                }],
                vec![],
            )
        }
        InputFormat::Plain => (vec![Doc { id: name.to_string(), text, analysed: None, dct, timeml: None, zone: None, prefer: None }], vec![]),
        InputFormat::Jsonl => {
            let mut docs = Vec::new();
            let mut errs = Vec::new();
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                match json_doc(line, n + 1, dct.clone()) {
                    Ok(d) => docs.push(d),
                    Err(e) => errs.push(e),
                }
            }
            (docs, errs)
        }
        InputFormat::Auto => unreachable!("detected above"),
    }
}

/// One JSON Lines document (line `n`, 1-based).
pub fn json_doc(line: &str, n: usize, dct: Option<Dct>) -> Result<Doc, InputError> {
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| err(format!("line {n}, column {}", e.column()), format!("malformed JSON: {e}")))?;
    let text = v.get("text").and_then(|t| t.as_str()).ok_or_else(|| err(format!("line {n}"), "no string field \"text\""))?;
    let id = match v.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) if !other.is_null() => other.to_string(),
        _ => format!("line {n}"),
    };
    let doc_dct = match v.get("dct") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => {
            Some(user_reference(s).ok_or_else(|| err(format!("line {n}"), format!("DCT {s:?} is not a date ({DCT_FORMS})")))?)
        }
        Some(other) => return Err(err(format!("line {n}"), format!("DCT {other} is not a date"))),
    };
    let zone = match v.get("tz") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(z)) if jiff::tz::db().get(z).is_ok() => Some(z.clone()),
        Some(other) => return Err(err(format!("line {n}"), format!("unknown time zone {other}"))),
    };
    let prefer = match v.get("prefer") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(p)) if parse_prefer(p).is_some() => parse_prefer(p),
        Some(other) => return Err(err(format!("line {n}"), format!("prefer {other} is none of \"tense\", \"future\", \"past\""))),
    };
    Ok(Doc { id, text: text.to_string(), analysed: None, dct: dct.or(doc_dct), timeml: None, zone, prefer })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats() {
        assert_eq!(detect(" date 2022-04-19 BTS"), InputFormat::Seed);
        assert_eq!(detect("<?xml version=\"1.0\"?><TimeML>"), InputFormat::Timeml);
        assert_eq!(detect("{\"text\": \"x\"}"), InputFormat::Jsonl);
        assert_eq!(detect("dated prose"), InputFormat::Plain);
    }

    #[test]
    fn seed_header_is_blanked_but_offsets_kept() {
        let (docs, errs) = read("s", " date 2022-04-19 Hello".into(), InputFormat::Auto, None);
        assert!(errs.is_empty());
        assert_eq!(docs[0].dct, Date::new(2022, 4, 19).ok().map(Dct::from));
        assert_eq!(docs[0].analysed.as_deref(), Some("                 Hello"));
    }

    #[test]
    fn bad_inputs_are_located() {
        let (_, e) = read("s", "date 2022-13-40 x".into(), InputFormat::Auto, None);
        assert_eq!(e[0].place, "line 1, column 6");
        let (d, e) = read("j", "{\"text\":\"a\"}\n{oops\n{\"text\":\"b\",\"dct\":\"soon\"}".into(), InputFormat::Auto, None);
        assert_eq!(d.len(), 1);
        assert_eq!(e.len(), 2);
        assert!(e[0].place.starts_with("line 2"));
        assert_eq!(e[1].place, "line 3");
        assert_eq!(decode(b"ok\n\xff".to_vec()).unwrap_err().place, "line 2, column 1 (byte 3)");
        assert_eq!(read("e", "  \n".into(), InputFormat::Auto, None).1[0].message, "empty input");
    }
}
