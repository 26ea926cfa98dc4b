//! TimeML output, stripped of the tags dateline wrote, gives back its input
//! byte for byte, and reads back as the same text with each timex around
//! its own extent: for TimeML read and written inline (entities, CDATA,
//! comments, EVENT and old TIMEX3 tags, other tags in the text, times in
//! their attribute values, where no tag goes), and for
//! plain text wrapped in a new document.

mod support;

use dateline::{Analysis, Document, Tagger};
use dateline_eval::timeml::{plain_document, TimemlDoc};
use jiff::civil::Date;
use proptest::prelude::*;
use proptest::sample::select;
use regex::Regex;
use support::config;
use support::docs::{dct, text};

/// How a piece of the text is written in `<TEXT>`.
#[derive(Clone, Copy, Debug)]
enum Dress {
    /// Escaped: `&amp;`, `&lt;`, `&gt;`.
    Escaped,
    /// Escaped, and every character past ASCII as a character reference.
    References,
    /// In a CDATA section.
    Cdata,
    /// In an EVENT element, which the reader drops.
    Event,
    /// In an old TIMEX3 element, which the reader drops.
    Timex,
    /// Followed by a comment, which is not text.
    Commented,
    /// In a tag the reader keeps as text (`<s>`).
    Kept,
    /// In an attribute value of a tag kept as text, where no tag may go.
    Attribute,
}

const DRESSES: &[Dress] =
    &[Dress::Escaped, Dress::Escaped, Dress::References, Dress::Cdata, Dress::Event, Dress::Timex, Dress::Commented, Dress::Kept, Dress::Attribute];

/// A character XML allows (others would make the input malformed).
fn xml_safe(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if c < ' ' => ' ',
            '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
            c => c,
        })
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A generated TimeML document: the file, the length of the head before
/// `<TEXT>`'s content, the text it holds, its DCT, whether it has annotation
/// tags, and whether it has text in attribute values.
type Generated = (String, usize, String, Option<Date>, bool, bool);

fn timeml() -> impl Strategy<Value = Generated> {
    (prop::collection::vec((text(6), select(DRESSES)), 0..8), dct()).prop_map(|(pieces, dct)| {
        let dct_tag = dct.map_or(String::new(), |d| {
            format!("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>\n")
        });
        let head = format!("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>generated</DOCID>\n{dct_tag}<TEXT>");
        let (mut body, mut plain, mut annotated, mut attributes) = (String::new(), String::new(), false, false);
        for (piece, dress) in pieces {
            let piece = xml_safe(&piece);
            match dress {
                Dress::Escaped => body.push_str(&escape(&piece)),
                Dress::References => body.extend(escape(&piece).chars().map(|c| if c.is_ascii() { c.to_string() } else { format!("&#x{:X};", c as u32) })),
                Dress::Cdata if !piece.contains("]]>") => body.push_str(&format!("<![CDATA[{piece}]]>")),
                Dress::Cdata => body.push_str(&escape(&piece)),
                Dress::Event => body.push_str(&format!("<EVENT eid=\"e1\" class=\"OCCURRENCE\">{}</EVENT>", escape(&piece))),
                Dress::Timex => body.push_str(&format!("<TIMEX3 tid=\"t9\" type=\"DATE\" value=\"XXXX\">{}</TIMEX3>", escape(&piece))),
                Dress::Commented => body.push_str(&format!("{}<!-- a > comment -->", escape(&piece))),
                Dress::Kept => {
                    body.push_str(&format!("<s n=\"1\">{}</s>", escape(&piece)));
                    plain.push_str("<s n=\"1\">");
                    plain.push_str(&piece);
                    plain.push_str("</s>");
                    continue;
                }
                Dress::Attribute => {
                    // (as written: the reader does not decode inside a tag)
                    let value = escape(&piece).replace('"', "&quot;");
                    let tag = format!("<a title=\"{value}\"/>");
                    body.push_str(&tag);
                    plain.push_str(&tag);
                    attributes = true;
                    continue;
                }
            }
            annotated |= matches!(dress, Dress::Event | Dress::Timex);
            plain.push_str(&piece);
        }
        (format!("{head}{body}</TEXT>\n</TimeML>\n"), head.len(), plain, dct, annotated, attributes)
    })
}

/// `s` without the TIMEX3 tags dateline writes, and without the CDATA
/// section breaks it makes around them inside a section.
fn strip(s: &str) -> String {
    let tags = Regex::new(r"</?TIMEX3[^>]*>").expect("regex");
    unbreak(&tags.replace_all(s, ""))
}

/// `s` with every `]]><![CDATA[` (a section closed and opened again at once) removed.
fn unbreak(s: &str) -> String {
    s.replace("]]><![CDATA[", "")
}

/// Each timex of `a` is written as a TIMEX3 element around its own text
/// (or, when `attributes`, left out, as one in an attribute value is).
fn tags_hold_their_extents(out: &str, a: &Analysis, attributes: bool) -> Result<(), TestCaseError> {
    for t in &a.timexes {
        let open = format!("<TIMEX3 tid=\"{}\" ", t.tid);
        let Some(at) = out.find(&open) else {
            prop_assert!(attributes, "no tag for {}", t.tid);
            continue;
        };
        let inner_start = at + out[at..].find('>').expect("tag closes") + 1;
        let inner_end = inner_start + out[inner_start..].find("</TIMEX3>").expect("element closes");
        let inner = TimemlDoc::parse(&format!("<TimeML><TEXT>{}</TEXT></TimeML>", &out[inner_start..inner_end]))
            .map_err(|e| TestCaseError::fail(format!("{}: {e}", t.tid)))?;
        // (a character XML does not allow is written as the writer writes it
        // everywhere: "1 am \u{b} January 1" holds a vertical tab)
        prop_assert_eq!(&inner.text, &xml_safe(&t.text), "{}", t.tid);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn timeml_written_inline_strips_back_to_its_input((raw, head, plain, dct, annotated, attributes) in timeml()) {
        let d = TimemlDoc::parse(&raw).map_err(|e| TestCaseError::fail(format!("{e}\n{raw}")))?;
        prop_assert_eq!(&d.text, &plain);
        prop_assert_eq!(d.dct, dct);
        let a = Tagger::new().tag(&Document { dct: d.dct, ..Document::new(&d.text) });
        let out = d.write(&a);
        let untagged = d.write(&Analysis::default());
        if !annotated {
            prop_assert_eq!(&untagged, &raw);
        }
        prop_assert_eq!(&out[..head], &raw[..head]);
        prop_assert_eq!(strip(&out[head..]), unbreak(&untagged[head..]));
        let back = TimemlDoc::parse(&out).map_err(|e| TestCaseError::fail(format!("{e}\n{out}")))?;
        prop_assert_eq!(&back.text, &d.text);
        tags_hold_their_extents(&out, &a, attributes)?;
    }

    #[test]
    fn plain_text_in_a_new_document_strips_back_to_its_input(text in text(40), dct in dct()) {
        let a = Tagger::new().tag(&Document { dct, ..Document::new(&text) });
        let dct_text = dct.map(|d| d.to_string());
        let out = plain_document("generated", dct_text.as_deref(), &text, &a);
        let content = &out[out.find("<TEXT>").expect("TEXT") + 6..out.rfind("</TEXT>").expect("/TEXT")];
        let unescaped = strip(content).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        prop_assert_eq!(&unescaped, &xml_safe(&text));
        let back = TimemlDoc::parse(&out).map_err(|e| TestCaseError::fail(format!("{e}\n{out}")))?;
        prop_assert_eq!(&back.text, &xml_safe(&text));
        prop_assert_eq!(back.dct, dct);
        tags_hold_their_extents(&out, &a, false)?;
    }
}
