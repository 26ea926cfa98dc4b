//! Batch tagging that uses every core and keeps memory bounded.
//!
//! JSON Lines inputs are streamed: lines are read in batches, each batch is
//! parsed, tagged and rendered on `jobs` threads, and the results are
//! written in input order before the next batch is read. Memory is bounded
//! by the batch, not the input. Other inputs (plain, seed, TimeML files) are
//! tagged a few files at a time on all threads, also written in order.
//! A progress bar goes to stderr when stderr is a terminal.

use std::io::{BufRead, IsTerminal};
use std::time::Duration;

use dateline::{Document, Tagger};
use indicatif::{ProgressBar, ProgressStyle};

use std::io::Seek;

use crate::input::{self, Doc, InputError};
use crate::long;
use crate::longline::{self, Line};
use crate::output::{self, OutputFormat};

/// How many lines a streaming batch holds at most, and how many bytes.
const BATCH_LINES: usize = 1024;
const BATCH_BYTES: usize = 8 << 20;

pub use dateline_eval::parallel::parallel_map;

/// Runs `f`, turning a panic (a bug in dateline) into an error, so that one
/// input cannot take the output of the others with it.
pub fn guarded<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| payload.downcast_ref::<String>().cloned());
        format!("internal error, not tagged (a bug in dateline; please report it): {}", message.unwrap_or_default())
    })
}

/// What every input of a `tag` run is tagged with.
pub struct Job<'a> {
    /// The compiled tagger.
    pub tagger: &'a Tagger,
    /// A DCT that overrides the inputs' own.
    pub dct: Option<input::Dct>,
    /// A direction policy that overrides the inputs' own (`--prefer`).
    pub prefer: Option<dateline::Prefer>,
    /// The output format.
    pub format: OutputFormat,
    /// What an iCalendar output keeps (`--include-past`).
    pub calendar: dateline::ical::Options,
    /// The input format (or detection).
    pub input_format: input::InputFormat,
    /// Threads to use.
    pub jobs: usize,
    /// The most bytes of a piece of a long input ([`dateline::PIECE_BYTES`]).
    pub piece_bytes: usize,
}

impl Job<'_> {
    /// The document as the tagger takes it: `text` (the whole of `d`, or a
    /// piece of it), with `d`'s DCT, reference and zone, and the direction
    /// policy of `--prefer` over `d`'s own.
    pub fn document<'t>(&self, d: &'t Doc, text: &'t str) -> Document<'t> {
        let mut document = d.document(text);
        if let Some(p) = self.prefer {
            document.prefer = p;
        }
        document
    }

    /// Tags one whole document.
    pub fn tag_doc(&self, d: &Doc) -> dateline::Analysis {
        self.tagger.tag(&self.document(d, d.analysed.as_deref().unwrap_or(&d.text)))
    }
}

/// A progress bar on stderr, or nothing when stderr is not a terminal.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar over `total` bytes (a spinner when the size is unknown).
    pub fn new(total: Option<u64>) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = match total {
            Some(t) => ProgressBar::new(t).with_style(
                ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec} {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress(Some(bar))
    }

    /// Records `bytes` more input and the documents done so far.
    pub fn advance(&self, bytes: u64, docs: usize) {
        if let Some(b) = &self.0 {
            b.inc(bytes);
            b.set_message(format!("{docs} docs"));
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

/// Streams a JSON Lines input. Each rendered batch is handed to `emit` in
/// input order; bad lines are reported with their line number and skipped.
/// Returns whether any line failed, or the exit code `emit` asked for.
pub fn stream_jsonl(
    reader: &mut dyn BufRead,
    name: &str,
    job: &Job<'_>,
    progress: &Progress,
    emit: &mut dyn FnMut(&str) -> Result<(), Option<std::process::ExitCode>>,
) -> Result<bool, std::process::ExitCode> {
    let mut failed = false;
    let mut line_no = 0usize;
    let mut docs = 0usize;
    loop {
        // read one batch of raw lines
        let mut batch: Vec<(usize, Vec<u8>)> = Vec::new();
        let mut bytes = 0;
        // a line too long to hold ends the batch, and is tagged after it
        let mut long_line = None;
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            let mut buf = Vec::new();
            match longline::read_line(reader, &mut buf, job.piece_bytes) {
                Ok((Line::End, _)) => break,
                Ok((Line::Long(f), n)) => {
                    line_no += 1;
                    bytes += n;
                    long_line = Some((line_no, f));
                    break;
                }
                Ok((Line::Short, n)) => {
                    line_no += 1;
                    bytes += n;
                    if line_no == 1 {
                        input::strip_bom(&mut buf);
                    }
                    if !buf.iter().all(u8::is_ascii_whitespace) {
                        batch.push((line_no, buf));
                    }
                }
                Err(e) => {
                    eprintln!("dateline: {name}: line {}: {e}", line_no + 1);
                    return Ok(true);
                }
            }
        }
        if batch.is_empty() && long_line.is_none() {
            break;
        }
        let results: Vec<Result<String, InputError>> = parallel_map(&batch, job.jobs, |_, (n, raw)| {
            let line = std::str::from_utf8(raw)
                .map_err(|e| InputError { place: format!("line {n}, byte {}", e.valid_up_to() + 1), message: "invalid UTF-8".into() })?;
            let doc = input::json_doc(line.trim_end_matches(['\n', '\r']), *n, job.dct.clone())?;
            guarded(|| output::render(&doc, &job.tag_doc(&doc), job.format, job.calendar))
                .map_err(|message| InputError { place: format!("line {n}"), message })
        });
        let mut out = String::new();
        for r in results {
            match r {
                Ok(s) => {
                    out.push_str(&s);
                    docs += 1;
                }
                Err(e) => {
                    eprintln!("dateline: {name}: {e}");
                    failed = true;
                }
            }
        }
        match emit(&out) {
            Ok(()) => {}
            Err(None) => failed = true,
            Err(Some(code)) => return Err(code),
        }
        if let Some((n, f)) = long_line {
            match tag_long_line(job, n, f, emit) {
                Ok(()) => docs += 1,
                Err(LongLineError::Input(e)) => {
                    eprintln!("dateline: {name}: {e}");
                    failed = true;
                }
                Err(LongLineError::Exit(code)) => return Err(code),
            }
        }
        progress.advance(bytes as u64, docs);
    }
    Ok(failed)
}

/// Why a long line was not written.
enum LongLineError {
    /// It is not a document, or could not be tagged (the message says where).
    Input(String),
    /// Writing asked the run to end.
    Exit(std::process::ExitCode),
}

/// Tags the document of JSON line `n`, too long to hold, from `file` (see
/// [`longline`]), and writes it through `emit` as it goes.
fn tag_long_line(
    job: &Job<'_>,
    n: usize,
    file: std::fs::File,
    emit: &mut dyn FnMut(&str) -> Result<(), Option<std::process::ExitCode>>,
) -> Result<(), LongLineError> {
    let fields = longline::read_fields(&mut std::io::BufReader::new(file), n).map_err(|e| LongLineError::Input(e.to_string()))?;
    let doc = longline::doc(&fields, n, job.dct.clone()).map_err(|e| LongLineError::Input(e.to_string()))?;
    let mut text = fields.text;
    let mut checked = match long::check(&mut std::io::BufReader::new(&mut text)) {
        Ok(c) => c,
        Err(e) if e.message == "empty input" => long::Checked { bom: false, lead: String::new() },
        Err(e) => return Err(LongLineError::Input(format!("line {n}: text: {e}"))),
    };
    // (a byte-order mark at the start of a JSON string is text)
    checked.bom = false;
    text.rewind().map_err(|e| LongLineError::Input(e.to_string()))?;
    let mut out = Emit { emit, buf: Vec::new(), exit: None };
    let mut start = |d, _: Option<&str>, out: &mut dyn std::io::Write| crate::write::DocWriter::begin(out, job.format, d, None, job.calendar);
    let r = long::tag_text(job, &mut std::io::BufReader::new(text), long::What::Given(Box::new(doc)), &checked, &mut out, &mut start)
        .and_then(|w| w.finish(&mut out, None).map_err(long::LongError::Write))
        .and_then(|()| std::io::Write::flush(&mut out).map_err(long::LongError::Write));
    match (r, out.exit) {
        (_, Some(code)) => Err(LongLineError::Exit(code)),
        (Ok(()), None) => Ok(()),
        (Err(e), None) => Err(LongLineError::Input(format!("line {n}: {e}"))),
    }
}

/// Output through an `emit` function, as `Write`, handed on some 64 KB at
/// a time. (The writers write whole characters, so what is handed on is
/// always whole characters too.)
struct Emit<'e> {
    emit: &'e mut dyn FnMut(&str) -> Result<(), Option<std::process::ExitCode>>,
    buf: Vec<u8>,
    /// The exit `emit` asked for.
    exit: Option<std::process::ExitCode>,
}

impl std::io::Write for Emit<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(buf);
        if self.buf.len() > 1 << 16 {
            self.flush()?;
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        let s = String::from_utf8_lossy(&self.buf).into_owned();
        self.buf.clear();
        match (self.emit)(&s) {
            Ok(()) => Ok(()),
            Err(code) => {
                self.exit = Some(code.unwrap_or(std::process::ExitCode::from(2)));
                Err(std::io::Error::new(std::io::ErrorKind::BrokenPipe, "output closed"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_map_keeps_order() {
        let items: Vec<usize> = (0..1000).collect();
        let out = parallel_map(&items, 4, |i, x| {
            assert_eq!(i, *x);
            x * 2
        });
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
    }
}
