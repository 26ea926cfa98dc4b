//! Writing one document a piece at a time, in any output format, so that
//! the output of a long document is never held whole: each piece's
//! timexes are written as soon as it is tagged. What a format puts after
//! all timexes (the groups of JSON and the table, the events of a calendar,
//! which follow its time zones) waits in a [`Spool`], on disk once it grows.
//! A document written in one piece comes out byte for byte as
//! [`crate::output::render`] writes it.

use std::io::{self, BufRead, Seek, Write};

use dateline::ical::{Calendar, CalendarDoc};
use dateline::{Analysis, Offset};
use serde::Serialize;

use crate::output::{self, OutputFormat};

/// How many bytes a spool holds in memory before it moves to a temporary file.
const SPOOL_BYTES: usize = 1 << 20;

/// What replaces a line of a spool (`None`: the line as it is).
pub type LineFn<'f> = dyn Fn(&[u8]) -> Option<String> + 'f;

/// Text kept for the end of a document: in memory while small, then in an
/// anonymous temporary file.
#[derive(Default)]
pub struct Spool {
    mem: Vec<u8>,
    file: Option<std::fs::File>,
}

impl Spool {
    /// Appends `s`.
    pub fn push(&mut self, s: &str) -> io::Result<()> {
        self.mem.extend_from_slice(s.as_bytes());
        if self.mem.len() > SPOOL_BYTES {
            let file = match &mut self.file {
                Some(f) => f,
                None => self.file.insert(tempfile::tempfile()?),
            };
            file.write_all(&self.mem)?;
            self.mem.clear();
        }
        Ok(())
    }

    /// Appends everything pushed to `other`.
    pub fn append(&mut self, other: Spool) -> io::Result<()> {
        // (a line at a time, so that each write holds whole characters)
        let mut into = Into(self);
        other.drain(&mut into, Some(&|_| None))
    }

    /// Whether nothing was pushed.
    pub fn is_empty(&self) -> bool {
        self.mem.is_empty() && self.file.is_none()
    }

    /// Writes everything pushed to `out`: as it is, or (for text made of
    /// short lines) a line at a time, each through `line`.
    pub fn drain(mut self, out: &mut dyn Write, line: Option<&LineFn<'_>>) -> io::Result<()> {
        let mut copy = |r: &mut dyn BufRead| -> io::Result<()> {
            let Some(line) = line else {
                io::copy(r, out)?;
                return Ok(());
            };
            let mut buf = Vec::new();
            loop {
                buf.clear();
                if r.read_until(b'\n', &mut buf)? == 0 {
                    return Ok(());
                }
                match line(&buf) {
                    Some(s) => out.write_all(s.as_bytes())?,
                    None => out.write_all(&buf)?,
                }
            }
        };
        if let Some(mut f) = self.file.take() {
            f.rewind()?;
            copy(&mut io::BufReader::with_capacity(1 << 16, f))?;
        }
        copy(&mut &self.mem[..])
    }
}

/// A spool as `Write` (what is written is whole lines of text).
struct Into<'s>(&'s mut Spool);

impl Write for Into<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.push(&String::from_utf8_lossy(buf))?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// One document being written.
pub struct DocWriter {
    format: OutputFormat,
    doc: crate::input::Doc,
    /// Timexes written so far.
    written: usize,
    /// What waits for the end.
    spool: Spool,
    calendar: Option<Calendar>,
}

impl DocWriter {
    /// Starts `doc` (its id, DCT and, for a TimeML input, the file up to
    /// `<TEXT>`'s content, `timeml_head`); `doc.text` is not read.
    pub fn begin(
        out: &mut dyn Write,
        format: OutputFormat,
        doc: crate::input::Doc,
        timeml_head: Option<&str>,
        calendar: dateline::ical::Options,
    ) -> io::Result<Self> {
        let dct = doc.dct.as_ref().map(|d| d.to_string());
        match format {
            OutputFormat::Json => write!(out, "{{\n  \"id\": {},\n  \"dct\": {},\n  \"timexes\": [", json(&doc.id, false), json(&dct, false))?,
            OutputFormat::Jsonl => write!(out, "{{\"id\":{},\"dct\":{},\"timexes\":[", json(&doc.id, false), json(&dct, false))?,
            OutputFormat::Timeml => match timeml_head {
                Some(h) => out.write_all(h.as_bytes())?,
                None => out.write_all(dateline_eval::timeml::plain_head(&doc.id, dct.as_deref()).as_bytes())?,
            },
            OutputFormat::Text => out.write_all(output::text_head(&doc).as_bytes())?,
            OutputFormat::Ics => {}
        }
        let calendar = (format == OutputFormat::Ics).then(|| Calendar::new(calendar));
        Ok(DocWriter { format, doc, written: 0, spool: Spool::default(), calendar })
    }

    /// The document being written.
    pub fn doc(&self) -> &crate::input::Doc {
        &self.doc
    }

    /// Writes one piece: `text` (what offsets index) and `analysed` (what
    /// was tagged; the same but for a blanked seed header), standing at `at`
    /// in the document, and its analysis `a`, whose tids are shifted but
    /// whose offsets count from the piece's start. For a TimeML input in
    /// TimeML, `timeml` is the piece written with its tags.
    pub fn piece(&mut self, out: &mut dyn Write, text: &str, analysed: &str, mut a: Analysis, at: Offset, timeml: Option<&str>) -> io::Result<()> {
        if let Some(cal) = &mut self.calendar {
            let events = cal.events(&CalendarDoc { id: &self.doc.id, text: analysed, dct: self.doc.date(), analysis: &a });
            return self.spool.push(&events);
        }
        a.shift(Offset { tids: 0, ..at });
        match self.format {
            OutputFormat::Json | OutputFormat::Jsonl => {
                let pretty = self.format == OutputFormat::Json;
                for t in &a.timexes {
                    out.write_all(item(self.written, pretty).as_bytes())?;
                    out.write_all(json(t, pretty).as_bytes())?;
                    self.written += 1;
                }
                for g in &a.groups {
                    self.spool.push(if self.spool.is_empty() { item(0, pretty) } else { item(1, pretty) }.as_str())?;
                    self.spool.push(&json(g, pretty))?;
                }
            }
            OutputFormat::Timeml => match timeml {
                Some(t) => out.write_all(t.as_bytes())?,
                None => {
                    let mut body = String::new();
                    dateline_eval::timeml::plain_body(&mut body, text, at.bytes, &a);
                    out.write_all(body.as_bytes())?;
                }
            },
            OutputFormat::Text => {
                out.write_all(output::text_timexes(&a).as_bytes())?;
                self.spool.push(&output::text_groups(&a))?;
            }
            OutputFormat::Ics => {}
        }
        Ok(())
    }

    /// For a calendar (`ics`): the events written, and what their calendar
    /// noted, to go in a calendar of several documents.
    pub fn into_events(self) -> Option<(Calendar, Spool)> {
        Some((self.calendar?, self.spool))
    }

    /// Ends the document (for a TimeML input, with the file after `<TEXT>`'s content).
    pub fn finish(self, out: &mut dyn Write, timeml_tail: Option<&str>) -> io::Result<()> {
        let pretty = self.format == OutputFormat::Json;
        match self.format {
            OutputFormat::Json | OutputFormat::Jsonl => {
                out.write_all(close(self.written > 0, pretty).as_bytes())?;
                out.write_all(if pretty { b",\n  \"groups\": [" } else { b",\"groups\":[" })?;
                let any = !self.spool.is_empty();
                self.spool.drain(out, None)?;
                out.write_all(close(any, pretty).as_bytes())?;
                out.write_all(if pretty { b"\n}\n" } else { b"}\n" })?;
            }
            OutputFormat::Timeml => out.write_all(timeml_tail.unwrap_or(dateline_eval::timeml::PLAIN_TAIL).as_bytes())?,
            OutputFormat::Text => self.spool.drain(out, None)?,
            OutputFormat::Ics => {
                let cal = self.calendar.expect("an ics writer has a calendar");
                out.write_all(cal.head().as_bytes())?;
                let stamp = cal.stamp();
                self.spool.drain(out, Some(&|l| (l == Calendar::UNSTAMPED.as_bytes()).then(|| stamp.clone())))?;
                out.write_all(Calendar::END.as_bytes())?;
            }
        }
        Ok(())
    }
}

/// `v` as JSON: compact, or pretty as an element of a top-level array of
/// [`output::render`]'s object (indented by four spaces).
fn json<T: Serialize + ?Sized>(v: &T, pretty: bool) -> String {
    if pretty {
        serde_json::to_string_pretty(v).expect("analyses always serialise").replace('\n', "\n    ")
    } else {
        serde_json::to_string(v).expect("analyses always serialise")
    }
}

/// What goes before element `n` of an array.
fn item(n: usize, pretty: bool) -> String {
    match (n, pretty) {
        (0, true) => "\n    ".into(),
        (_, true) => ",\n    ".into(),
        (0, false) => String::new(),
        (_, false) => ",".into(),
    }
}

/// What closes an array.
fn close(any: bool, pretty: bool) -> &'static str {
    if any && pretty {
        "\n  ]"
    } else {
        "]"
    }
}
