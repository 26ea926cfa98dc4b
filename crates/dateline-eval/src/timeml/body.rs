//! The content of `<TEXT>`: the text the tagger reads, and where each of its
//! bytes stands in the file, so that tags can be written back around it.
//!
//! TIMEX3, EVENT and SIGNAL tags are dropped. Entities are decoded. The
//! content of a CDATA section is text as it stands; its markers, comments
//! and processing instructions are not text. Any other tag is kept as text,
//! character for character. Nothing here indexes or slices at a position
//! that was not found in the same string, so no input makes it panic.

use std::ops::Range;

use super::{is_xml_char, line_col, TimemlError};

/// The content of `<TEXT>`, read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Body {
    /// The content with TIMEX3, EVENT and SIGNAL tags removed; everything else
    /// as written (entities, CDATA markers, comments, other tags).
    pub(crate) stripped: String,
    /// The text: entities decoded, without markers, comments and processing instructions.
    pub(crate) text: String,
    /// For each byte of `text` and one past its end: the offset in
    /// `stripped` of the character (or entity) it comes from.
    pub(crate) map: Vec<usize>,
    /// The content of each CDATA section, as byte ranges of `stripped`, in order.
    pub(crate) cdata: Vec<Range<usize>>,
    /// Each tag kept as text (any but TIMEX3, EVENT and SIGNAL), as byte
    /// ranges of `stripped`, in order: no new tag may go inside one.
    pub(crate) kept: Vec<Range<usize>>,
}

const CDATA_OPEN: &str = "<![CDATA[";
const CDATA_CLOSE: &str = "]]>";

/// One item of `<TEXT>`'s content.
pub(crate) enum Item<'a> {
    /// A CDATA section, with its content.
    Cdata(&'a str),
    /// A comment or processing instruction.
    Markup,
    /// A tag (start, end or empty).
    Tag(&'a str),
    /// An entity or character reference: the character, or the code of
    /// one XML does not allow.
    Entity(Result<char, u32>),
    /// Text without markup or references (one character or more).
    Text,
}

/// The item at the start of `r` (not empty) and its length in bytes, or
/// what is not closed in `r` ("CDATA section", "comment", "processing
/// instruction", "tag").
pub(crate) fn item(r: &str) -> Result<(Item<'_>, usize), &'static str> {
    if let Some(inner) = r.strip_prefix(CDATA_OPEN) {
        let end = inner.find(CDATA_CLOSE).ok_or("CDATA section")?;
        Ok((Item::Cdata(&inner[..end]), CDATA_OPEN.len() + end + CDATA_CLOSE.len()))
    } else if let Some(len) = markup_len(r, "<!--", "-->").or_else(|| markup_len(r, "<?", "?>")) {
        let len = len.ok_or(if r.starts_with("<!--") { "comment" } else { "processing instruction" })?;
        Ok((Item::Markup, len))
    } else if r.starts_with('<') {
        let len = tag_len(r).ok_or("tag")?;
        Ok((Item::Tag(&r[..len]), len))
    } else if let Some((len, decoded)) = entity(r) {
        Ok((Item::Entity(decoded), len))
    } else {
        // up to the next markup or reference (a '&' that starts none is one character)
        let first = r.chars().next().map_or(1, char::len_utf8);
        Ok((Item::Text, r[first..].find(['<', '&']).map_or(r.len(), |k| first + k)))
    }
}

/// Reads bytes `range` of `raw` (the content of `<TEXT>`). Errors are
/// located in `raw`.
pub(crate) fn read(raw: &str, range: Range<usize>) -> Result<Body, TimemlError> {
    let content = raw.get(range.clone()).unwrap_or_default();
    let place = |k: usize| line_col(raw, range.start + k);
    let mut b = Body { stripped: String::with_capacity(content.len()), text: String::with_capacity(content.len()), ..Body::default() };
    b.map.reserve(content.len() + 1);
    let mut i = 0;
    while let Some(r) = content.get(i..).filter(|r| !r.is_empty()) {
        let (it, len) = item(r).map_err(|what| {
            let (line, column) = place(i);
            TimemlError::Unclosed { line, column, what }
        })?;
        match it {
            Item::Cdata(inner) => {
                b.stripped.push_str(CDATA_OPEN);
                let start = b.stripped.len();
                b.push_text(inner);
                b.cdata.push(start..b.stripped.len());
                b.stripped.push_str(CDATA_CLOSE);
            }
            Item::Markup => b.stripped.push_str(&r[..len]),
            Item::Tag(tag) => {
                if !is_annotation(tag) {
                    b.kept.push(b.stripped.len()..b.stripped.len() + tag.len());
                    b.push_text(tag);
                }
            }
            Item::Entity(decoded) => {
                let c = decoded.map_err(|code| {
                    let (line, column) = place(i);
                    TimemlError::Char { line, column, code }
                })?;
                b.map_char(b.stripped.len(), c);
                b.stripped.push_str(&r[..len]);
                b.text.push(c);
            }
            Item::Text => b.push_text(&r[..len]),
        }
        i += len;
    }
    b.map.push(b.stripped.len());
    Ok(b)
}

impl Body {
    /// Appends `s` as text: each character maps to its own place.
    fn push_text(&mut self, s: &str) {
        for (k, c) in s.char_indices() {
            self.map_char(self.stripped.len() + k, c);
        }
        self.stripped.push_str(s);
        self.text.push_str(s);
    }

    /// Maps every byte of `c`, the next character of the text, to offset `at` of `stripped`.
    fn map_char(&mut self, at: usize, c: char) {
        for _ in 0..c.len_utf8() {
            self.map.push(at);
        }
    }

    /// The CDATA section whose content holds offset `p` of `stripped`, ends included.
    fn section(&self, p: usize) -> Option<&Range<usize>> {
        let k = self.cdata.partition_point(|r| r.end < p);
        self.cdata.get(k).filter(|r| r.start <= p)
    }

    /// Whether bytes `s..e` of `stripped` overlap a tag kept as text ("7
    /// p.m." in `<a title="at 7 p.m.">`): tags written there would break it.
    pub(crate) fn crosses_kept_tag(&self, s: usize, e: usize) -> bool {
        let k = self.kept.partition_point(|r| r.end <= s);
        self.kept.get(k).is_some_and(|r| r.start < e)
    }

    /// Where a tag goes for offset `p` of `stripped`: before the opening
    /// marker when `p` starts a CDATA section's content, else `p`.
    pub(crate) fn tag_place(&self, p: usize) -> usize {
        match self.section(p) {
            Some(r) if r.start == p => p - CDATA_OPEN.len(),
            _ => p,
        }
    }

    /// Writes `tags` at offset `p` of `stripped`; inside a CDATA section the
    /// section is closed before them and opened again after, so that they
    /// are markup, not text.
    pub(crate) fn push_tags(&self, out: &mut String, p: usize, tags: &str) {
        let inside = self.section(p).is_some_and(|r| r.start < p);
        if inside {
            out.push_str(CDATA_CLOSE);
        }
        out.push_str(tags);
        if inside {
            out.push_str(CDATA_OPEN);
        }
    }
}

/// The length of a comment or processing instruction at the start of `r`:
/// `None` when `r` does not start with `open`, `Some(None)` when it is not closed.
fn markup_len(r: &str, open: &str, close: &str) -> Option<Option<usize>> {
    let inner = r.strip_prefix(open)?;
    Some(inner.find(close).map(|k| open.len() + k + close.len()))
}

/// The length of the tag at the start of `r` (which starts with `<`), up to
/// its `>` outside quoted attribute values.
fn tag_len(r: &str) -> Option<usize> {
    let mut quote = None;
    for (k, c) in r.char_indices().skip(1) {
        match (quote, c) {
            (None, '>') => return Some(k + 1),
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    None
}

/// Whether a tag is one of the annotations dateline drops and writes anew.
pub(crate) fn is_annotation(tag: &str) -> bool {
    let name = tag.trim_start_matches('<').trim_start_matches('/');
    let name = name.split(|c: char| c.is_whitespace() || c == '/' || c == '>').next().unwrap_or_default();
    matches!(name, "TIMEX3" | "EVENT" | "SIGNAL")
}

/// An entity or character reference at the start of `r`: its length and
/// the character, or the code of a reference to a character XML does not
/// allow. `None` when `r` does not start with one dateline knows (an unknown
/// name stays text).
fn entity(r: &str) -> Option<(usize, Result<char, u32>)> {
    let body = r.strip_prefix('&')?;
    let semi = body.bytes().take(12).position(|b| b == b';')?;
    let name = &body[..semi];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => name.strip_prefix('#')?.parse().ok()?,
            };
            match char::from_u32(code).filter(|c| is_xml_char(*c)) {
                Some(c) => c,
                None => return Some((semi + 2, Err(code))),
            }
        }
    };
    Some((semi + 2, Ok(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(content: &str) -> Body {
        read(content, 0..content.len()).expect("readable")
    }

    #[test]
    fn text_maps_back_to_what_was_written() {
        let b = body("AT&amp;T <EVENT a=\"x>y\">said</EVENT> <s>ok</s><!-- no -->.");
        assert_eq!(b.text, "AT&T said <s>ok</s>.");
        assert_eq!(b.stripped, "AT&amp;T said <s>ok</s><!-- no -->.");
        assert_eq!(b.map[2], 2);
        assert_eq!(b.map[3], 7);
        assert_eq!(b.map[b.text.len() - 1], b.stripped.len() - 1);
        assert_eq!(b.kept, [14..17, 19..23]);
        assert!(b.crosses_kept_tag(20, 30) && b.crosses_kept_tag(14, 15) && b.crosses_kept_tag(0, 40));
        assert!(!b.crosses_kept_tag(0, 14) && !b.crosses_kept_tag(17, 19) && !b.crosses_kept_tag(23, 28));
    }

    #[test]
    fn cdata_content_is_text_as_it_stands() {
        let b = body("on <![CDATA[Monday & <b>]]>.");
        assert_eq!(b.text, "on Monday & <b>.");
        assert_eq!(b.cdata, vec![Range { start: 12, end: 24 }]);
        assert_eq!(b.tag_place(b.map[3]), 3);
        let mut out = String::new();
        b.push_tags(&mut out, b.map[5], "<x/>");
        assert_eq!(out, "]]><x/><![CDATA[");
    }

    #[test]
    fn bad_references_and_unclosed_markup_are_located() {
        let e = read("ab\n&#1;", 0..7).unwrap_err();
        assert!(matches!(e, TimemlError::Char { line: 2, column: 1, code: 1 }), "{e}");
        assert!(matches!(read("x <![CDATA[y", 0..12), Err(TimemlError::Unclosed { column: 3, .. })));
        assert!(matches!(read("x <b", 0..4), Err(TimemlError::Unclosed { what: "tag", .. })));
        assert_eq!(body("&#xZZ; &bogus; &").text, "&#xZZ; &bogus; &");
        // a reference before characters of several bytes
        assert_eq!(body("&amp;\u{2019}\u{2019}\u{2019} caf&#233;").text, "&\u{2019}\u{2019}\u{2019} caf\u{e9}");
    }
}
