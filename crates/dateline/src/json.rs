//! One document's analysis as JSON, the shape every front end writes
//! (`dateline tag --format json|jsonl`, the server's `/v1/tag` and
//! `/v1/batch`), kept here so that they cannot drift apart.

use jiff::civil::Date;
use serde::Serialize;

use crate::Analysis;

/// A document's identifier and DCT followed by its [`Analysis`]: the object
/// `dateline tag --format json` prints for each document.
///
/// ```
/// use dateline::{json::JsonDocument, Document, Tagger};
///
/// let dct = "2022-04-19".parse().unwrap();
/// let a = Tagger::new().tag(&Document::new("on April 25").with_dct(dct));
/// let line = JsonDocument::new("doc", Some(dct), None, &a).render(false);
/// assert!(line.starts_with(r#"{"id":"doc","dct":"2022-04-19","timexes":[{"tid":"t1""#));
/// assert!(line.ends_with("}\n"));
/// ```
#[derive(Debug, Serialize)]
pub struct JsonDocument<'a> {
    /// The document's identifier (a file name, a JSON id).
    pub id: &'a str,
    /// The document creation time, `YYYY-MM-DD`, or the reference instant
    /// ([`dct_text`]), or null.
    pub dct: Option<String>,
    /// What the tagger found.
    #[serde(flatten)]
    pub analysis: &'a Analysis,
}

impl<'a> JsonDocument<'a> {
    /// The object for document `id`, created on `dct` (or at the
    /// reference instant `reference`), with analysis `a`.
    pub fn new(id: &'a str, dct: Option<Date>, reference: Option<&jiff::Zoned>, a: &'a Analysis) -> JsonDocument<'a> {
        JsonDocument { id, dct: dct.map(|d| dct_text(d, reference)), analysis: a }
    }

    /// The object as text, ended by a newline: pretty-printed (`--format
    /// json`) or on one line (`--format jsonl`).
    pub fn render(&self, pretty: bool) -> String {
        let mut s = if pretty { serde_json::to_string_pretty(self) } else { serde_json::to_string(self) }
            .unwrap_or_else(|e| format!("{{\"id\":{:?},\"error\":\"not serialisable: {e}\"}}", self.id));
        s.push('\n');
        s
    }
}

/// A DCT as the outputs write it: the date alone (`2013-02-12`), or the
/// reference instant with its IANA zone in brackets
/// (`2013-02-12T04:30:00-02:00[America/Sao_Paulo]`) or with its offset
/// alone (`2013-02-12T04:30:00-02:00`).
pub fn dct_text(date: Date, reference: Option<&jiff::Zoned>) -> String {
    match reference {
        None => date.to_string(),
        Some(z) if z.time_zone().iana_name().is_some() => z.to_string(),
        Some(z) => z.timestamp().display_with_offset(z.offset()).to_string(),
    }
}
