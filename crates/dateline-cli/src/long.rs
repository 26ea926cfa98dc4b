//! Inputs too long to read whole: plain or seed text, read and tagged a
//! piece at a time ([`dateline::PIECE_BYTES`]), each piece written as soon
//! as it is tagged (see [`crate::write`]).
//!
//! A long input is read twice: once to check it (UTF-8, not empty, and
//! its format from how it starts), so that a bad byte near the end is an
//! error before anything is written, then in pieces to tag. Standard input
//! is copied to a temporary file for that. Memory stays flat whatever the
//! input's length; what the document stage links across sentences is not
//! carried across a cut between pieces.

use std::io::{self, Read, Seek, Write};

use dateline::{Analysis, Offset};

use crate::batch::{self, Job};
use dateline_eval::timeml::{LongTimeml, TimemlError};

use crate::input::{self, Doc, InputError, InputFormat, BOM};
use crate::output::OutputFormat;
use crate::write::DocWriter;

/// How much is read at once.
const CHUNK: usize = 1 << 16;

/// What the first reading of a long input found.
pub struct Checked {
    /// Whether it starts with a byte-order mark (which is skipped).
    pub bom: bool,
    /// Its first few hundred bytes after any white space, for detecting the format.
    pub lead: String,
}

/// Reads `r` to its end, checking that it is UTF-8 and not all white space.
pub fn check(r: &mut dyn Read) -> Result<Checked, InputError> {
    let bad = |place: String, message: &str| InputError { place, message: message.into() };
    let mut buf = vec![0u8; CHUNK];
    let mut pending: Vec<u8> = Vec::new();
    let (mut first, mut bom) = (true, false);
    let (mut byte, mut line, mut col) = (0usize, 1usize, 0usize);
    let mut lead = String::new();
    loop {
        let n = r.read(&mut buf).map_err(|e| bad(String::new(), &e.to_string()))?;
        pending.extend_from_slice(&buf[..n]);
        if first && (pending.len() >= BOM.len() || n == 0) {
            first = false;
            bom = pending.starts_with(BOM);
            if bom {
                pending.drain(..BOM.len());
            }
        }
        let (good, err) = match std::str::from_utf8(&pending) {
            Ok(s) => (s, None),
            Err(e) => (std::str::from_utf8(&pending[..e.valid_up_to()]).unwrap_or_default(), e.error_len().map(|_| e.valid_up_to())),
        };
        if lead.len() < 256 {
            for c in if lead.is_empty() { good.trim_start() } else { good }.chars() {
                if lead.len() + c.len_utf8() > 256 {
                    break;
                }
                lead.push(c);
            }
        }
        for c in good.chars() {
            if c == '\n' {
                (line, col) = (line + 1, 0);
            } else {
                col += 1;
            }
        }
        byte += good.len();
        if err.is_some() || (n == 0 && good.len() < pending.len()) {
            return Err(bad(format!("line {line}, column {} (byte {})", col + 1, byte + if bom { BOM.len() } else { 0 }), "invalid UTF-8"));
        }
        let used = good.len();
        pending.drain(..used);
        if n == 0 && !first {
            break;
        }
    }
    if lead.is_empty() {
        return Err(bad(String::new(), "empty input"));
    }
    Ok(Checked { bom, lead })
}

/// Which document a long text is.
pub enum What<'a> {
    /// Read from the text's first piece: input `doc_name`, in `format`
    /// (plain or seed; not `Auto`).
    Read {
        /// The input's base name.
        doc_name: &'a str,
        /// Its format.
        format: InputFormat,
    },
    /// This one (the text of a JSON line).
    Given(Box<Doc>),
}

/// Starts writing a document: given the document, the TimeML input's markup
/// before `<TEXT>`'s content (for a TimeML input) and the output.
pub type Start<'s> = dyn FnMut(Doc, Option<&str>, &mut dyn Write) -> io::Result<DocWriter> + 's;

/// Tags a long plain or seed input read from `r` (checked, positioned at
/// its start) and writes its pieces to `out`, through the writer `start`
/// gives; returns that writer, for the caller to finish.
pub fn tag_text(
    job: &Job<'_>,
    r: &mut dyn Read,
    what: What<'_>,
    checked: &Checked,
    out: &mut dyn Write,
    start: &mut Start<'_>,
) -> Result<DocWriter, LongError> {
    let (doc_name, format, mut doc) = match what {
        What::Read { doc_name, format } => (doc_name, format, None),
        What::Given(d) => ("", InputFormat::Plain, Some(*d)),
    };
    if checked.bom {
        let mut skip = [0u8; 3];
        r.read_exact(&mut skip).map_err(LongError::Read)?;
    }
    let mut buf: Vec<u8> = Vec::with_capacity(job.piece_bytes + CHUNK * 2);
    let mut eof = false;
    let mut at = Offset::default();
    let mut writer: Option<DocWriter> = None;
    // the first piece as written, when what is tagged blanks its seed header
    let mut first: Option<String> = None;
    let mut chunk = vec![0u8; CHUNK];
    let want = job.piece_bytes + (16 << 10);
    loop {
        // read `jobs` pieces, tag them on `jobs` threads, write them in order
        let mut pieces: Vec<String> = Vec::new();
        while pieces.len() < job.jobs.max(1) {
            while !eof && buf.len() < want {
                let n = r.read(&mut chunk).map_err(LongError::Read)?;
                eof = n == 0;
                buf.extend_from_slice(&chunk[..n]);
            }
            let valid = match std::str::from_utf8(&buf) {
                Ok(s) => s.len(),
                Err(e) => e.valid_up_to(),
            };
            let text = std::str::from_utf8(&buf[..valid]).unwrap_or_default();
            if text.is_empty() {
                break;
            }
            let n = job.tagger.cut(text, job.piece_bytes);
            pieces.push(text[..n].to_string());
            buf.drain(..n);
        }
        if pieces.is_empty() {
            break;
        }
        let w = match &mut writer {
            Some(w) => w,
            None if doc.is_some() => writer.insert(start(doc.take().expect("given"), None, out).map_err(LongError::Write)?),
            None => {
                // the first piece holds the seed header, if any
                let (mut docs, errs) = input::read(doc_name, pieces[0].clone(), format, job.dct.clone());
                if let Some(e) = errs.into_iter().next() {
                    return Err(LongError::Input(e));
                }
                let Some(mut d) = docs.pop() else {
                    return Err(LongError::Input(InputError { place: String::new(), message: "empty input".into() }));
                };
                if let Some(blanked) = d.analysed.take() {
                    first = Some(std::mem::replace(&mut pieces[0], blanked));
                }
                d.text = String::new();
                writer.insert(start(d, None, out).map_err(LongError::Write)?)
            }
        };
        let d = w.doc();
        let analyses: Vec<Result<Analysis, String>> =
            batch::parallel_map(&pieces, job.jobs, |_, p| batch::guarded(|| job.tagger.tag(&job.document(d, p))));
        for (k, (piece, a)) in pieces.iter().zip(analyses).enumerate() {
            let mut a = a.map_err(LongError::Tag)?;
            // the seed header is blanked in what was tagged; the text keeps it
            let original = if at.bytes == 0 && k == 0 { first.as_deref().unwrap_or(piece) } else { piece };
            let next = at.after(piece, &a);
            a.shift(Offset { bytes: 0, chars: 0, tids: at.tids });
            w.piece(out, original, piece, a, at, None).map_err(LongError::Write)?;
            at = next;
        }
    }
    match writer {
        Some(w) => Ok(w),
        None => Err(LongError::Input(InputError { place: String::new(), message: "empty input".into() })),
    }
}

/// Tags a long TimeML input read from `file` (checked as UTF-8) and writes
/// its pieces to `out` through the writer `start` gives: the file is read
/// once to check it and once to tag it. Returns the writer and the markup
/// after `<TEXT>`'s content, for the caller to finish.
pub fn tag_timeml(
    job: &Job<'_>,
    file: &mut std::fs::File,
    doc_name: &str,
    checked: &Checked,
    out: &mut dyn Write,
    start: &mut Start<'_>,
) -> Result<(DocWriter, String), LongError> {
    let cut = |t: &str| job.tagger.cut(t, job.piece_bytes);
    let bad = |e: TimemlError| LongError::Input(InputError { place: String::new(), message: e.to_string() });
    // first, the whole file is checked, and a DCT after <TEXT> found
    let head = {
        let mut first = open_timeml(file, checked.bom)?;
        // (pieces cut anywhere: only reading matters here)
        while first.next(job.piece_bytes, &|t| t.len()).map_err(bad)?.is_some() {}
        first.tail().map_err(bad)?.0
    };
    let id = head.docid.clone().filter(|d| !d.is_empty()).unwrap_or_else(|| doc_name.to_string());
    let d = Doc {
        id,
        text: String::new(),
        analysed: None,
        dct: job.dct.clone().or(head.dct.map(input::Dct::from)),
        timeml: None,
        zone: None,
        prefer: job.prefer,
    };
    let timeml = job.format == OutputFormat::Timeml;
    let mut long = open_timeml(file, checked.bom)?;
    let mut w = start(d, Some(head.text.as_str()), out).map_err(LongError::Write)?;
    let mut at = Offset::default();
    loop {
        let mut pieces = Vec::new();
        while pieces.len() < job.jobs.max(1) {
            match long.next(job.piece_bytes, &cut).map_err(bad)? {
                Some(p) => pieces.push(p),
                None => break,
            }
        }
        if pieces.is_empty() {
            break;
        }
        let d = w.doc();
        let analyses: Vec<Result<Analysis, String>> =
            batch::parallel_map(&pieces, job.jobs, |_, p| batch::guarded(|| job.tagger.tag(&job.document(d, p.text()))));
        for (p, a) in pieces.iter().zip(analyses) {
            let mut a = a.map_err(LongError::Tag)?;
            let next = at.after(p.text(), &a);
            a.shift(Offset { bytes: 0, chars: 0, tids: at.tids });
            let inline = timeml.then(|| p.write(&a));
            w.piece(out, p.text(), p.text(), a, at, inline.as_deref()).map_err(LongError::Write)?;
            at = next;
        }
    }
    let (_, tail) = long.tail().map_err(bad)?;
    Ok((w, tail))
}

/// `file` read as TimeML from its start (after a byte-order mark, when `bom`).
fn open_timeml(file: &mut std::fs::File, bom: bool) -> Result<LongTimeml<io::BufReader<&mut std::fs::File>>, LongError> {
    file.rewind().map_err(LongError::Read)?;
    let mut r = io::BufReader::with_capacity(CHUNK, file);
    if bom {
        r.read_exact(&mut [0u8; 3]).map_err(LongError::Read)?;
    }
    LongTimeml::open(r).map_err(|e| LongError::Input(InputError { place: String::new(), message: e.to_string() }))
}

/// Why a long input was not written whole.
#[derive(Debug)]
pub enum LongError {
    /// Reading it failed.
    Read(io::Error),
    /// It is not a document dateline reads.
    Input(InputError),
    /// Tagging a piece failed (a bug).
    Tag(String),
    /// Writing the output failed.
    Write(io::Error),
}

impl std::fmt::Display for LongError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LongError::Read(e) => write!(f, "{e}"),
            LongError::Input(e) => write!(f, "{e}"),
            LongError::Tag(e) => write!(f, "{e}"),
            LongError::Write(e) => write!(f, "writing output: {e}"),
        }
    }
}

/// Copies an input that cannot be read twice (standard input) to an
/// anonymous temporary file: `head`, already read, then the `rest`.
pub fn spool(head: &[u8], rest: &mut dyn Read) -> io::Result<std::fs::File> {
    let mut f = tempfile::tempfile()?;
    f.write_all(head)?;
    io::copy(rest, &mut f)?;
    f.rewind()?;
    Ok(f)
}
