//! Long TimeML documents, read a piece of `<TEXT>` at a time, so that
//! memory stays flat however long the file: [`LongTimeml::open`] reads
//! the file up to `<TEXT>`'s content (DCT, DOCID), [`LongTimeml::next`]
//! gives the content a piece at a time, each cut where the caller says in
//! its text and never inside markup, and [`LongTimeml::tail`] reads and
//! checks the rest of the file.
//!
//! The content is checked as [`TimemlDoc::parse`](super::TimemlDoc::parse)
//! checks it (characters XML allows, closed markup, references) and its
//! elements for balance; the markup before and after it is read by the XML
//! reader, and each may be at most [`MARKUP_MAX`] bytes.

use std::io::Read;

use dateline::Analysis;
use jiff::civil::Date;
use quick_xml::events::Event;
use quick_xml::Reader;

use super::body::{self, item, Body, Item};
use super::{is_xml_char, line_col, one_line, parse_dct, TimemlError};

/// The most bytes of markup read whole before `<TEXT>`'s content, and after it.
pub const MARKUP_MAX: usize = 16 << 20;

/// How much is read at once.
const CHUNK: usize = 1 << 16;

/// A TimeML file being read a piece of `<TEXT>` at a time.
pub struct LongTimeml<R: Read> {
    r: R,
    /// Content read and decoded, not handed out yet.
    buf: String,
    /// Bytes read that do not make a whole character yet.
    raw: Vec<u8>,
    eof: bool,
    /// Line and column (1-based, in characters) where `buf` starts.
    at: (usize, usize),
    /// The names of the elements open inside `<TEXT>`, each after a space.
    open: String,
    /// Whether `</TEXT>` has been reached (it starts `buf`).
    done: bool,
    /// The file's markup up to `<TEXT>`'s content.
    head: Head,
}

/// What the markup before `<TEXT>`'s content says.
#[derive(Debug, Clone, Default)]
pub struct Head {
    /// The file up to `<TEXT>`'s content, as written.
    pub text: String,
    /// The DCT, when it is given there (or after `<TEXT>`, once read).
    pub dct: Option<Date>,
    /// The DOCID, trimmed.
    pub docid: Option<String>,
    /// The line and column of `<TEXT>`.
    text_at: (usize, usize),
    /// The elements open around `<TEXT>`, as start tags.
    around: String,
}

/// One piece of `<TEXT>`'s content.
pub struct Piece(Body);

impl Piece {
    /// Its text, which the piece's offsets index.
    pub fn text(&self) -> &str {
        &self.0.text
    }

    /// The piece as written, with `analysis`'s timexes (offsets into
    /// [`Piece::text`]) inline.
    pub fn write(&self, analysis: &Analysis) -> String {
        let mut out = String::with_capacity(self.0.stripped.len() + analysis.timexes.len() * 80);
        super::write::write_body(&mut out, &self.0, analysis);
        out
    }
}

/// `(line, column)` of the position `k` bytes into `s`, which starts at `at`.
fn place_in(at: (usize, usize), s: &str, k: usize) -> (usize, usize) {
    let (l, c) = line_col(s, k);
    if l == 1 {
        (at.0, at.1 + c - 1)
    } else {
        (at.0 + l - 1, c)
    }
}

/// An error of the XML reader at `pos` of `s`, which starts at `at`.
fn xml_error(at: (usize, usize), s: &str, pos: u64, e: &quick_xml::Error) -> TimemlError {
    let (line, column) = place_in(at, s, usize::try_from(pos).unwrap_or(usize::MAX));
    TimemlError::Xml { line, column, message: one_line(&e.to_string()) }
}

/// The first character of `s` XML does not allow, as an error (`s` starts at `at`).
fn check_chars(at: (usize, usize), s: &str) -> Result<(), TimemlError> {
    match s.char_indices().find(|(_, c)| !is_xml_char(*c)) {
        Some((k, c)) => {
            let (line, column) = place_in(at, s, k);
            Err(TimemlError::Char { line, column, code: c as u32 })
        }
        None => Ok(()),
    }
}

/// What a tag is: its name, and whether it ends an element or is empty.
fn tag_kind(tag: &str) -> (&str, bool, bool) {
    let end = tag.starts_with("</");
    let name = tag.trim_start_matches('<').trim_start_matches('/');
    let name = name.split(|c: char| c.is_whitespace() || c == '/' || c == '>').next().unwrap_or_default();
    (name, end, tag.ends_with("/>"))
}

impl<R: Read> LongTimeml<R> {
    /// Reads `r` (after any byte-order mark) up to `<TEXT>`'s content.
    ///
    /// # Errors
    /// [`TimemlError`] as [`TimemlDoc::parse`](super::TimemlDoc::parse)
    /// gives it for that part of the file, or when `<TEXT>` does not start
    /// within [`MARKUP_MAX`] bytes.
    pub fn open(r: R) -> Result<LongTimeml<R>, TimemlError> {
        let mut me =
            LongTimeml { r, buf: String::new(), raw: Vec::new(), eof: false, at: (1, 1), open: String::new(), done: false, head: Head::default() };
        // read until <TEXT> starts (or the file ends, or there is too much before it)
        let mut want = CHUNK;
        loop {
            while !me.eof && me.buf.len() < want {
                me.fill()?;
            }
            if me.eof || me.buf.len() >= MARKUP_MAX || text_starts(&me.buf) {
                break;
            }
            want = me.buf.len() * 2;
        }
        let prefix = std::mem::take(&mut me.buf);
        let mut reader = Reader::from_str(&prefix);
        reader.config_mut().check_end_names = true;
        let mut around: Vec<String> = Vec::new();
        let (mut in_dct, mut docid) = (false, None);
        let start = loop {
            let pos = reader.buffer_position();
            let event = match reader.read_event() {
                Ok(e) => e,
                Err(_) if !me.eof => {
                    let message = format!("<TEXT> does not start within the first {} MB", MARKUP_MAX >> 20);
                    return Err(TimemlError::Xml { line: 1, column: 1, message });
                }
                Err(e) => return Err(xml_error((1, 1), &prefix, reader.error_position(), &e)),
            };
            let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
            match event {
                Event::Eof => return Err(TimemlError::NoText),
                Event::Start(ref s) | Event::Empty(ref s) if s.name().as_ref() == b"TEXT" => {
                    me.head.text_at = line_col(&prefix, usize::try_from(pos).unwrap_or(usize::MAX));
                    around.push("TEXT".into());
                    me.done = matches!(event, Event::Empty(_));
                    break after;
                }
                Event::Start(ref s) => {
                    if s.name().as_ref() == b"DCT" {
                        in_dct = true;
                    }
                    if s.name().as_ref() == b"DOCID" && docid.is_none() {
                        docid = Some((after, None));
                    }
                    around.push(String::from_utf8_lossy(s.name().as_ref()).into_owned());
                }
                Event::Empty(ref s) if in_dct && s.name().as_ref() == b"TIMEX3" && me.head.dct.is_none() => {
                    me.head.dct = Some(dct_of(s, &prefix, pos)?);
                }
                Event::End(ref e) => {
                    let end = usize::try_from(pos).unwrap_or(usize::MAX);
                    match e.name().as_ref() {
                        b"DCT" => in_dct = false,
                        b"DOCID" => docid = docid.map(|(a, b): (usize, Option<usize>)| (a, b.or(Some(end)))),
                        _ => {}
                    }
                    around.pop();
                }
                _ => {}
            }
            if let Event::Start(ref s) = event {
                if in_dct && s.name().as_ref() == b"TIMEX3" && me.head.dct.is_none() {
                    me.head.dct = Some(dct_of(s, &prefix, pos)?);
                }
            }
        };
        check_chars((1, 1), &prefix[..start])?;
        me.head.docid = docid.and_then(|(a, b)| prefix.get(a..b?)).map(|d| d.trim().to_string());
        me.head.around = around.iter().map(|n| format!("<{n}>")).collect();
        me.head.text = prefix[..start].to_string();
        me.at = line_col(&prefix, start);
        me.buf = prefix[start..].to_string();
        if me.done {
            // an empty <TEXT/>: the tail starts with what is left
            me.head.around.truncate(me.head.around.len() - "<TEXT>".len());
        }
        Ok(me)
    }

    /// The markup before `<TEXT>`'s content.
    pub fn head(&self) -> &Head {
        &self.head
    }

    /// Reads more of the file into `buf`.
    fn fill(&mut self) -> Result<(), TimemlError> {
        let mut chunk = vec![0u8; CHUNK * 4];
        let n = self.r.read(&mut chunk).map_err(|e| TimemlError::Xml { line: self.at.0, column: self.at.1, message: e.to_string() })?;
        self.eof = n == 0;
        self.raw.extend_from_slice(&chunk[..n]);
        let valid = match std::str::from_utf8(&self.raw) {
            Ok(s) => s.len(),
            Err(e) if e.error_len().is_none() && !self.eof => e.valid_up_to(),
            Err(e) => {
                let good = std::str::from_utf8(&self.raw[..e.valid_up_to()]).unwrap_or_default();
                let (line, column) = place_in(self.at, &format!("{}{good}", self.buf), self.buf.len() + good.len());
                return Err(TimemlError::Xml { line, column, message: "invalid UTF-8".into() });
            }
        };
        self.buf.push_str(std::str::from_utf8(&self.raw[..valid]).unwrap_or_default());
        self.raw.drain(..valid);
        Ok(())
    }

    /// Walks the items of `buf` from its start, at most `limit` bytes,
    /// keeping the open elements in `open`, until its text reaches `until`
    /// bytes or the content ends; returns the bytes of `buf` walked and
    /// whether `</TEXT>` was reached. `None` when more input is needed
    /// first. When `exact`, no item is walked that would take the text past
    /// `until`, unless it is the first.
    fn walk(&self, open: &mut String, until: usize, limit: usize, exact: bool) -> Result<Option<(usize, bool)>, TimemlError> {
        let (mut i, mut text) = (0, 0);
        while text < until && i < limit {
            let Some(r) = self.buf.get(i..).filter(|r| !r.is_empty()) else {
                return Ok((self.eof || exact).then_some((i, false)));
            };
            if !self.eof && !exact && r.starts_with('&') && r.len() < 16 {
                return Ok(None);
            }
            let at = |k: usize| place_in(self.at, &self.buf, k);
            let (it, len) = match item(r) {
                Ok(x) => x,
                Err(_) if !self.eof => return Ok(None),
                Err(what) => {
                    let (line, column) = at(i);
                    return Err(TimemlError::Unclosed { line, column, what });
                }
            };
            let adds = match it {
                Item::Tag(tag) if body::is_annotation(tag) => 0,
                Item::Tag(_) | Item::Text => len,
                Item::Cdata(inner) => inner.len(),
                Item::Markup => 0,
                Item::Entity(c) => c.map_or(0, char::len_utf8),
            };
            if text + adds > until {
                // text is cut anywhere (at a character boundary); anything
                // else is not cut, and read ahead whole
                if let Item::Text = it {
                    let mut k = until - text;
                    while !r.is_char_boundary(k) {
                        k += 1;
                    }
                    i += k;
                    break;
                }
                if exact && i > 0 {
                    break;
                }
            }
            if let Item::Tag(tag) = it {
                let (name, end, empty) = tag_kind(tag);
                if end {
                    match open.rfind(' ') {
                        None if name == "TEXT" => return Ok(Some((i, true))),
                        Some(k) if &open[k + 1..] == name => open.truncate(k),
                        top => {
                            let (line, column) = at(i);
                            let expected = top.map_or("TEXT", |k| &open[k + 1..]);
                            let message = format!("ill-formed document: expected `</{expected}>`, but `</{name}>` was found");
                            return Err(TimemlError::Xml { line, column, message });
                        }
                    }
                } else if name == "TEXT" {
                    let (line, column) = at(i);
                    return Err(TimemlError::SecondText { line, column, first: self.head.text_at.0 });
                } else if !empty {
                    open.push(' ');
                    open.push_str(name);
                }
            }
            text += adds;
            i += len;
        }
        Ok(Some((i, false)))
    }

    /// The next piece of `<TEXT>`'s content, `None` once it has all been
    /// given: its text is at most about `max` bytes, cut where `cut` says
    /// (given the text read ahead, it returns how many of its bytes to keep;
    /// a cut inside a CDATA section moves to its start).
    ///
    /// # Errors
    /// [`TimemlError`] for content that is not well formed.
    pub fn next(&mut self, max: usize, cut: &dyn Fn(&str) -> usize) -> Result<Option<Piece>, TimemlError> {
        if self.done {
            return Ok(None);
        }
        // read ahead: the items of about `max` bytes of text and a margin
        let ahead = max + (16 << 10);
        // (markup makes the content longer than its text: read twice the text wanted, and more if that is short)
        let mut want = ahead * 2;
        let (end, last) = loop {
            while !self.eof && self.buf.len() < want {
                self.fill()?;
            }
            let mut open = self.open.clone();
            match self.walk(&mut open, ahead, usize::MAX, false)? {
                Some(found) => break found,
                None => want = self.buf.len() * 2,
            }
        };
        let relocate = |e: TimemlError, at: (usize, usize), s: &str| match e {
            TimemlError::Unclosed { line, column, what } => {
                let (line, column) = place_in(at, s, nth_byte(s, line, column));
                TimemlError::Unclosed { line, column, what }
            }
            TimemlError::Char { line, column, code } => {
                let (line, column) = place_in(at, s, nth_byte(s, line, column));
                TimemlError::Char { line, column, code }
            }
            e => e,
        };
        if end == 0 && !last {
            let (line, column) = self.head.text_at;
            return Err(TimemlError::Unclosed { line, column, what: "<TEXT>" });
        }
        let window = &self.buf[..end];
        check_chars(self.at, window)?;
        let b = body::read(window, 0..window.len()).map_err(|e| relocate(e, self.at, window))?;
        let keep = if last && b.text.len() <= max { b.text.len() } else { cut(&b.text).min(b.text.len()) };
        // the items that hold the first `keep` bytes of text (all of them when all are kept)
        let mut open = std::mem::take(&mut self.open);
        let until = if keep == b.text.len() { usize::MAX } else { keep };
        let (used, _) = self.walk(&mut open, until, end, true)?.unwrap_or((end, false));
        self.open = open;
        let reached = last && used == end;
        let piece = if used == end { b } else { body::read(&self.buf[..used], 0..used).map_err(|e| relocate(e, self.at, &self.buf[..used]))? };
        self.at = place_in(self.at, &self.buf, used);
        self.buf.drain(..used);
        self.done = reached;
        Ok(Some(Piece(piece)))
    }

    /// Reads the rest of the file: what follows `<TEXT>`'s content, checked
    /// by the XML reader (with the elements open around it). A DCT or DOCID
    /// given there is added to the head.
    ///
    /// # Errors
    /// [`TimemlError`] as [`TimemlDoc::parse`](super::TimemlDoc::parse)
    /// gives it, or when the rest is over [`MARKUP_MAX`] bytes.
    pub fn tail(mut self) -> Result<(Head, String), TimemlError> {
        while self.next(1 << 20, &|t| t.len())?.is_some() {}
        while !self.eof {
            if self.buf.len() > MARKUP_MAX {
                return Err(TimemlError::Xml {
                    line: self.at.0,
                    column: self.at.1,
                    message: format!("over {} MB of markup after <TEXT>", MARKUP_MAX >> 20),
                });
            }
            self.fill()?;
        }
        let tail = std::mem::take(&mut self.buf);
        check_chars(self.at, &tail)?;
        let around = self.head.around.clone();
        let all = format!("{around}{tail}");
        let mut reader = Reader::from_str(&all);
        reader.config_mut().check_end_names = true;
        let mut in_dct = false;
        let shifted = |p: u64| p.saturating_sub(around.len() as u64);
        loop {
            let pos = reader.buffer_position();
            let event = reader.read_event().map_err(|e| xml_error(self.at, &tail, shifted(reader.error_position()), &e))?;
            if pos < around.len() as u64 {
                continue;
            }
            match event {
                Event::Eof => break,
                Event::Start(ref s) | Event::Empty(ref s) => match s.name().as_ref() {
                    b"TEXT" => {
                        let (line, column) = place_in(self.at, &tail, usize::try_from(shifted(pos)).unwrap_or(usize::MAX));
                        return Err(TimemlError::SecondText { line, column, first: self.head.text_at.0 });
                    }
                    b"DCT" => in_dct = true,
                    b"TIMEX3" if in_dct && self.head.dct.is_none() => {
                        let (line, column) = place_in(self.at, &tail, usize::try_from(shifted(pos)).unwrap_or(usize::MAX));
                        let value = attr(s, "value");
                        self.head.dct = Some(parse_dct(&value).ok_or(TimemlError::BadDct { line, column, value })?);
                    }
                    _ => {}
                },
                Event::End(ref e) if e.name().as_ref() == b"DCT" => in_dct = false,
                _ => {}
            }
        }
        Ok((self.head, tail))
    }
}

/// Whether the XML reader finds `<TEXT>` starting in `s` (a prefix of the file).
fn text_starts(s: &str) -> bool {
    let mut reader = Reader::from_str(s);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.name().as_ref() == b"TEXT" => return true,
            Ok(Event::Eof) | Err(_) => return false,
            _ => {}
        }
    }
}

/// The value of attribute `name` of a tag.
fn attr(s: &quick_xml::events::BytesStart<'_>, name: &str) -> String {
    s.try_get_attribute(name).ok().flatten().map(|a| String::from_utf8_lossy(&a.value).into_owned()).unwrap_or_default()
}

/// The DCT of a TIMEX3 tag at `pos` of `s`.
fn dct_of(s: &quick_xml::events::BytesStart<'_>, raw: &str, pos: u64) -> Result<Date, TimemlError> {
    let value = attr(s, "value");
    let (line, column) = line_col(raw, usize::try_from(pos).unwrap_or(usize::MAX));
    parse_dct(&value).ok_or(TimemlError::BadDct { line, column, value })
}

/// The byte of `s` at 1-based `line` and `column` (in characters).
fn nth_byte(s: &str, line: usize, column: usize) -> usize {
    let start = if line <= 1 { 0 } else { s.match_indices('\n').nth(line - 2).map_or(s.len(), |(k, _)| k + 1) };
    s[start..].char_indices().nth(column.saturating_sub(1)).map_or(s.len(), |(k, _)| start + k)
}
