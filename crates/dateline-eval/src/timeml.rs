//! Reading TimeML / TempEval-3 documents and writing dateline's timexes back
//! into them inline.
//!
//! Only the content of `<TEXT>` is analysed (see [`TimemlDoc::text`] for
//! what its text is), and [`TimemlDoc::write`] inserts new tags while copying
//! every other byte of the input unchanged. Reading never panics: whatever
//! the bytes, the result is a document or a [`TimemlError`] that says where.

mod body;
mod stream;
mod write;

pub use stream::{Head, LongTimeml, Piece, MARKUP_MAX};
pub use write::{plain_body, plain_document, plain_head, range_durations, PLAIN_TAIL};

use jiff::civil::Date;
use quick_xml::events::Event;
use quick_xml::Reader;

/// Why a TimeML document could not be read. Lines and columns are 1-based
/// (columns count characters).
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
    /// A second `<TEXT>` element, after or inside the first.
    #[error("line {line}, column {column}: a second <TEXT> element (the first is on line {first}); a document has one")]
    SecondText {
        /// Line of the second element.
        line: usize,
        /// Column of the second element.
        column: usize,
        /// Line of the first.
        first: usize,
    },
    /// Something opened and never closed.
    #[error("line {line}, column {column}: {what} is not closed")]
    Unclosed {
        /// Line where it opens.
        line: usize,
        /// Column where it opens.
        column: usize,
        /// What it is ("<TEXT>", "CDATA section", ...).
        what: &'static str,
    },
    /// A character, or a reference to one, that XML 1.0 does not allow (a
    /// control character other than tab, line feed and carriage return, or
    /// U+FFFE, U+FFFF).
    #[error("line {line}, column {column}: character U+{code:04X} is not allowed in XML")]
    Char {
        /// Line of the character.
        line: usize,
        /// Column of the character.
        column: usize,
        /// Its code point.
        code: u32,
    },
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
    /// The content of `<DOCID>`, trimmed, when there is one.
    pub docid: Option<String>,
    /// The text of `<TEXT>`, which offsets index: its content with TIMEX3,
    /// EVENT and SIGNAL tags removed (their text stays), entities decoded,
    /// CDATA sections as their content, and comments and processing
    /// instructions left out. Any other tag inside `<TEXT>` stays in the
    /// text as written.
    pub text: String,
    /// The file up to `<TEXT>`'s content, and from its end.
    head: String,
    tail: String,
    /// The content of `<TEXT>`, read.
    body: body::Body,
}

/// 1-based line and column (in characters) of byte `pos` in `s`.
pub fn line_col(s: &str, pos: usize) -> (usize, usize) {
    let mut pos = pos.min(s.len());
    while !s.is_char_boundary(pos) {
        pos -= 1;
    }
    let before = &s[..pos];
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

/// Whether XML 1.0 allows character `c` in a document.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// `s` with every character XML 1.0 does not allow replaced, keeping every
/// byte offset: a control character becomes a space, U+FFFE and U+FFFF
/// become U+FFFD.
pub(crate) fn xml_chars(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if is_xml_char(c) {
                c
            } else if c < ' ' {
                ' '
            } else {
                '\u{fffd}'
            }
        })
        .collect::<String>()
        .into()
}

/// `message` on one line of at most 160 characters: an XML reader's message
/// may quote a whole stretch of the document.
fn one_line(message: &str) -> String {
    const MAX: usize = 160;
    let words: Vec<&str> = message.split_whitespace().collect();
    let line = words.join(" ");
    if line.chars().count() <= MAX {
        return line;
    }
    let cut: String = line.chars().take(MAX - 1).collect();
    format!("{cut}\u{2026}")
}

/// Parses a user-given DCT (`YYYY-MM-DD`, `YYYYMMDD`, or an ISO date-time),
/// the same forms wherever a DCT is given: the command line's `--dct`, a
/// seed file's `date` word, a JSON line's `dct` and the server's requests.
/// Years run from 0000 (1 BC, written `BC0001` in TIMEX3 values) to 9999.
pub fn user_dct(s: &str) -> Option<Date> {
    parse_dct(s).filter(|_| s.trim().len() >= 8)
}

/// What a DCT that [`user_dct`] refused should have been.
pub const DCT_FORMS: &str = "expected YYYY-MM-DD, YYYYMMDD, YYYY-MM-DDTHH:MM, or a date-time with an offset or zone (2013-02-12T04:30:00-02:00[America/Sao_Paulo]), with a year from 0000 to 9999";

/// Parses a DCT value such as `1998-01-08`, `19980108` or `1998-01-08T10:00`.
pub fn parse_dct(v: &str) -> Option<Date> {
    let v = v.trim();
    if let Ok(date) = v.get(..10).unwrap_or(v).parse::<Date>() {
        return Some(date);
    }
    let digits = v.get(..8).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    let (y, m, d) = (digits.get(..4)?.parse().ok()?, digits.get(4..6)?.parse().ok()?, digits.get(6..)?.parse().ok()?);
    Date::new(y, m, d).ok()
}

/// A document's reference time: its date, and the instant with its zone
/// when more than a date was given (`2013-02-12T04:30:00-02:00`, or
/// `2013-02-12T04:30:00-02:00[America/Sao_Paulo]`).
#[derive(Clone, Debug, PartialEq)]
pub struct Dct {
    /// The date (in the instant's zone, when there is one).
    pub date: Date,
    /// The instant, with its IANA zone or fixed offset.
    pub instant: Option<jiff::Zoned>,
}

impl std::fmt::Display for Dct {
    /// The date alone, or the instant: with its IANA zone in brackets, or
    /// with its offset.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&dateline::json::dct_text(self.date, self.instant.as_ref()))
    }
}

impl From<Date> for Dct {
    fn from(date: Date) -> Dct {
        Dct { date, instant: None }
    }
}

/// Parses a reference time: an RFC 9557 date-time with an IANA zone, an
/// RFC 3339 date-time with an offset (or `Z`), or any form of [`user_dct`]
/// (a date-time without an offset keeps only its date).
pub fn user_reference(s: &str) -> Option<Dct> {
    let s = s.trim();
    if s.contains('[') {
        let z: jiff::Zoned = s.parse().ok()?;
        return Some(Dct { date: z.date(), instant: Some(z) });
    }
    let pieces = jiff::fmt::temporal::Pieces::parse(s).ok();
    let offset = pieces.as_ref().and_then(|p| match p.offset()? {
        jiff::fmt::temporal::PiecesOffset::Zulu => Some(jiff::tz::Offset::UTC),
        jiff::fmt::temporal::PiecesOffset::Numeric(n) => Some(n.offset()),
        _ => None,
    });
    if let (Some(offset), Ok(ts)) = (offset, s.parse::<jiff::Timestamp>()) {
        let z = ts.to_zoned(jiff::tz::TimeZone::fixed(offset));
        return Some(Dct { date: z.date(), instant: Some(z) });
    }
    user_dct(s).map(Dct::from)
}

impl TimemlDoc {
    /// Parses a TimeML document. A leading byte-order mark is skipped (and
    /// kept in what [`TimemlDoc::write`] writes).
    ///
    /// # Errors
    /// [`TimemlError`] when the XML is malformed or holds a character XML
    /// does not allow, there is no `<TEXT>` or more than one, or the DCT is
    /// not a date.
    pub fn parse(raw: &str) -> Result<TimemlDoc, TimemlError> {
        if let Some((at, c)) = raw.char_indices().find(|(_, c)| !is_xml_char(*c)) {
            let (line, column) = line_col(raw, at);
            return Err(TimemlError::Char { line, column, code: c as u32 });
        }
        let skip = if raw.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        let mut reader = Reader::from_str(&raw[skip..]);
        reader.config_mut().check_end_names = true;
        let place = |at: u64| line_col(raw, skip + usize::try_from(at).unwrap_or(usize::MAX));
        // (where the tag starts, where its content starts, where it ends)
        let mut text: Option<(usize, usize, Option<usize>)> = None;
        let mut docid: Option<(usize, Option<usize>)> = None;
        let mut in_dct = false;
        let mut dct = None;
        loop {
            let pos = reader.buffer_position();
            let event = reader.read_event().map_err(|e| {
                let (line, column) = place(reader.error_position());
                TimemlError::Xml { line, column, message: one_line(&e.to_string()) }
            })?;
            let after = skip + usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
            match event {
                Event::Eof => break,
                Event::Start(ref s) | Event::Empty(ref s) => match s.name().as_ref() {
                    b"TEXT" => {
                        if let Some((first, _, _)) = text {
                            let (line, column) = place(pos);
                            return Err(TimemlError::SecondText { line, column, first: line_col(raw, first).0 });
                        }
                        let empty = matches!(event, Event::Empty(_));
                        text = Some((skip + usize::try_from(pos).unwrap_or(usize::MAX), after, empty.then_some(after)));
                    }
                    b"DOCID" if docid.is_none() => docid = Some((after, None)),
                    b"DCT" => in_dct = true,
                    // (a TIMEX3 in <TEXT> is never the DCT, even after an unclosed <DCT>)
                    b"TIMEX3" if in_dct && dct.is_none() && !matches!(text, Some((_, _, None))) => {
                        let value =
                            s.try_get_attribute("value").ok().flatten().map(|a| String::from_utf8_lossy(&a.value).into_owned()).unwrap_or_default();
                        let (line, column) = place(pos);
                        dct = Some(parse_dct(&value).ok_or(TimemlError::BadDct { line, column, value })?);
                    }
                    _ => {}
                },
                Event::End(ref e) => {
                    let end = skip + usize::try_from(pos).unwrap_or(usize::MAX);
                    match e.name().as_ref() {
                        b"TEXT" => text = text.map(|(t, a, b)| (t, a, b.or(Some(end)))),
                        b"DOCID" => docid = docid.map(|(a, b)| (a, b.or(Some(end)))),
                        b"DCT" => in_dct = false,
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        let (a, b) = match text {
            None => return Err(TimemlError::NoText),
            Some((tag, _, None)) => {
                let (line, column) = line_col(raw, tag);
                return Err(TimemlError::Unclosed { line, column, what: "<TEXT>" });
            }
            Some((_, a, Some(b))) => (a, b),
        };
        let body = body::read(raw, a..b)?;
        let docid = docid.and_then(|(a, b)| raw.get(a..b?)).map(|d| d.trim().to_string());
        let (head, tail) = (raw.get(..a).unwrap_or_default().to_string(), raw.get(b..).unwrap_or_default().to_string());
        Ok(TimemlDoc { dct, docid, text: body.text.clone(), head, tail, body })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline::{Analysis, Document, Tagger};

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
        let out = d.write(&a);
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
        let out = d.write(&a);
        assert!(out.contains(">7</TIMEX3><TIMEX3 tid=\"t3\" type=\"DURATION\" value=\"P5D\" beginPoint=\"t1\" endPoint=\"t2\"/>"), "{out}");
    }

    #[test]
    fn untagged_input_is_copied_byte_for_byte() {
        let raw = "<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"1998-08-07\"/></DCT><TEXT>No dates &amp; here.</TEXT></TimeML>";
        let d = TimemlDoc::parse(raw).unwrap();
        assert_eq!(d.write(&Analysis::default()), raw);
    }

    #[test]
    fn errors_name_the_place() {
        let e = TimemlDoc::parse("<TimeML>\n<TEXT>oops</TEX>\n</TimeML>").unwrap_err();
        assert!(matches!(e, TimemlError::Xml { line: 2, .. }), "{e}");
        let e = TimemlDoc::parse("<TimeML><DCT><TIMEX3 value=\"soon\"/></DCT><TEXT>x</TEXT></TimeML>").unwrap_err();
        assert!(matches!(e, TimemlError::BadDct { line: 1, .. }), "{e}");
        assert!(matches!(TimemlDoc::parse("<TimeML></TimeML>"), Err(TimemlError::NoText)));
        let e = TimemlDoc::parse("<TimeML>\n<TEXT>a</TEXT>\n <TEXT>b</TEXT></TimeML>").unwrap_err();
        assert!(matches!(e, TimemlError::SecondText { line: 3, column: 2, first: 2 }), "{e}");
        let e = TimemlDoc::parse("<TimeML><TEXT>a<TEXT>b</TEXT></TEXT></TimeML>").unwrap_err();
        assert!(matches!(e, TimemlError::SecondText { line: 1, column: 16, .. }), "{e}");
        let e = TimemlDoc::parse("<TimeML>\n  <TEXT>never closed").unwrap_err();
        assert!(matches!(e, TimemlError::Unclosed { line: 2, column: 3, what: "<TEXT>" }), "{e}");
    }

    #[test]
    fn xml_errors_fit_on_one_line() {
        let long = format!("<TimeML><TEXT>x</TEXT><A>{}</B\n{}>\n</TimeML>", "y", "z ".repeat(200));
        let e = TimemlDoc::parse(&long).unwrap_err().to_string();
        assert!(!e.contains('\n') && e.chars().count() < 220, "{e}");
    }

    #[test]
    fn characters_xml_forbids_are_errors_in_input_and_replaced_in_output() {
        let e = TimemlDoc::parse("<TimeML><TEXT>caf\u{e9}\n x\u{1}</TEXT></TimeML>").unwrap_err();
        assert!(matches!(e, TimemlError::Char { line: 2, column: 3, code: 1 }), "{e}");
        assert_eq!(e.to_string(), "line 2, column 3: character U+0001 is not allowed in XML");
        let e = TimemlDoc::parse("<TimeML><TEXT>x &#x1B; y</TEXT></TimeML>").unwrap_err();
        assert!(matches!(e, TimemlError::Char { column: 17, code: 0x1b, .. }), "{e}");
        assert_eq!(xml_chars("a\u{1}b\u{fffe}\tc"), "a b\u{fffd}\tc");
        assert_eq!(xml_chars("a\u{1}b\u{fffe}").len(), "a\u{1}b\u{fffe}".len());
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_kept() {
        let raw = "\u{feff}<?xml version=\"1.0\"?><TimeML><DCT><TIMEX3 value=\"1998-08-07\"/></DCT><TEXT>No dates.</TEXT></TimeML>";
        let d = TimemlDoc::parse(raw).unwrap();
        assert_eq!(d.dct, Date::new(1998, 8, 7).ok());
        assert_eq!(d.write(&Analysis::default()), raw);
        let e = TimemlDoc::parse("\u{feff}<TimeML>\n<TEXT>x</TEX>").unwrap_err();
        assert!(matches!(e, TimemlError::Xml { line: 2, .. }), "{e}");
    }

    #[test]
    fn tags_inside_cdata_are_markup_and_the_text_stays() {
        let raw =
            "<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"1998-08-07\"/></DCT><TEXT>Talks <![CDATA[on Monday & <more> on Friday]]> end.</TEXT></TimeML>";
        let d = TimemlDoc::parse(raw).unwrap();
        assert_eq!(d.text, "Talks on Monday & <more> on Friday end.");
        let a = Tagger::new().tag(&Document::new(&d.text).with_dct(d.dct.unwrap()));
        assert_eq!(a.timexes.len(), 2);
        let out = d.write(&a);
        assert!(out.contains("<![CDATA[on ]]><TIMEX3 tid=\"t1\""), "{out}");
        assert!(out.contains("><![CDATA[Monday]]></TIMEX3><![CDATA[ & <more> on ]]><TIMEX3"), "{out}");
        assert!(out.contains("><![CDATA[Friday]]></TIMEX3> end."), "{out}");
        // the output reads back as the same text, with the two tags
        let back = TimemlDoc::parse(&out).unwrap();
        assert_eq!(back.text, d.text);
        assert_eq!(back.write(&Analysis::default()).matches("<TIMEX3").count(), 1, "only the DCT's tag is outside <TEXT>");
    }

    #[test]
    fn tags_round_a_whole_cdata_section_stay_outside_it() {
        let raw = "<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"1998-08-07\"/></DCT><TEXT>It opened <![CDATA[Monday]]>.</TEXT></TimeML>";
        let d = TimemlDoc::parse(raw).unwrap();
        let out = d.write(&Tagger::new().tag(&Document::new(&d.text).with_dct(d.dct.unwrap())));
        assert!(
            out.contains("It opened <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-03\" anchorTimeID=\"t0\"><![CDATA[Monday]]></TIMEX3>."),
            "{out}"
        );
    }

    #[test]
    fn a_timex_in_the_text_is_never_the_dct() {
        // (found by fuzzing: after a <DCT> never closed, the first TIMEX3 the
        // writer put in <TEXT> was read back as the DCT)
        let raw = "<TimeML><DCT><DOCID>x</DOCID><TEXT>From 1998 to 2000.</TEXT>";
        let d = TimemlDoc::parse(raw).unwrap();
        assert_eq!(d.dct, None);
        let out = d.write(&Tagger::new().tag(&Document::new(&d.text)));
        assert!(out.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998\">1998</TIMEX3>"), "{out}");
        let back = TimemlDoc::parse(&out).unwrap();
        assert_eq!((back.dct, back.text), (None, d.text));
    }

    #[test]
    fn no_tag_goes_inside_a_tag_kept_as_text() {
        // (found by fuzzing: a time in an attribute value got a TIMEX3 tag
        // inside the attribute, and the output read back as other text)
        let raw = "<TimeML><TEXT>From 1998 to 2000 <a title=\"until 7 p.m. ET\"/> and <b>on Monday</b> at 9 a.m.</TEXT></TimeML>";
        let d = TimemlDoc::parse(raw).unwrap();
        let a = Tagger::new().tag(&Document::new(&d.text).with_dct("2022-04-19".parse().unwrap()));
        assert!(a.timexes.iter().any(|t| t.text == "7 p.m. ET"), "{a:?}");
        let out = d.write(&a);
        assert!(out.contains("<a title=\"until 7 p.m. ET\"/>"), "{out}");
        assert!(out.contains("<b>on <TIMEX3 tid=\"t4\" type=\"DATE\" value=\"2022-04-18\" anchorTimeID=\"t0\">Monday</TIMEX3></b>"), "{out}");
        assert_eq!(TimemlDoc::parse(&out).unwrap().text, d.text);
    }

    #[test]
    fn no_bytes_make_the_reader_or_writer_panic() {
        let cdata = "<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"1998-08-07\"/></DCT><TEXT>on <![CDATA[May 5 & <x>]]> &amp; &#x41; <!-- c --> May 6</TEXT></TimeML>";
        let tagger = Tagger::new();
        let other = tagger.tag(&Document::new("On May 5, 2001, and every Monday at 9 a.m. until June 30, 2001, from May 3 to May 7, 2001."));
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        const PIECES: &[&str] =
            &["<", ">", "&", ";", "\"", "/", "]]>", "<![CDATA[", "<TEXT>", "</TEXT>", "<!--", "-->", "&#", "\u{feff}", "é", "\u{1}", "<TIMEX3 ", "x"];
        for base in [DOC, cdata] {
            let chars: Vec<(usize, char)> = base.char_indices().collect();
            for k in 0..3000 {
                let (at, _) = chars[(next() % chars.len() as u64) as usize];
                let piece = PIECES[(next() % PIECES.len() as u64) as usize];
                let cut = (next() % 4) as usize;
                let end = base[at..].char_indices().nth(cut).map_or(base.len(), |(i, _)| at + i);
                let raw = if k % 10 == 0 { base[..at].to_string() } else { format!("{}{piece}{}", &base[..at], &base[end..]) };
                if let Ok(d) = TimemlDoc::parse(&raw) {
                    let mine = tagger.tag(&Document { dct: d.dct, ..Document::new(&d.text) });
                    let _ = (d.write(&mine), d.write(&other));
                }
            }
        }
    }
}
