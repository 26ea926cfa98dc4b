//! The `dateline` command: a thin front end over the dateline engine.
//!
//! `dateline tag` reads plain text, dated seed text, TimeML or JSON Lines and
//! writes JSON, JSON Lines, TimeML or a table; `dateline eval` scores the
//! engine on a TempEval-3 gold corpus.

mod batch;
mod bench;
mod calendar;
mod eval;
mod gold;
mod input;
mod long;
mod longline;
mod output;
mod sink;
mod write;

use std::io::{BufRead, BufReader, Read, Seek};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use dateline::{Mode, Tagger};
use input::{user_reference, InputFormat, DCT_FORMS};
use output::OutputFormat;
use sink::{print, Sink, Tagged};

/// The command allocates through mimalloc rather than the C library's
/// allocator: tagging a document makes and drops many small values and a
/// few large ones (its tokens, its lowercased text), and glibc's malloc
/// spent 6.5% of the instructions of `dateline bench` on te3-silver on
/// them (merging freed chunks before each large request); mimalloc takes
/// a quarter of that (1,155.9M -> 1,112.2M instructions on two passes).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "dateline", version, about = "Find and normalise temporal expressions in dated text.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ModeArg {
    News,
    Narrative,
}

/// Time-zone options shared by the commands that resolve clock times.
#[derive(clap::Args, Clone, Debug, Default)]
struct ZoneArgs {
    /// IANA zone for clock times the text leaves without one (e.g. Asia/Seoul).
    #[arg(long, value_name = "ZONE")]
    tz: Option<String>,
    /// Also give every zoned range in the reader's IANA zone (e.g. Europe/Berlin).
    #[arg(long, value_name = "ZONE")]
    to_tz: Option<String>,
    /// Read an ambiguous abbreviation as a given zone: --zone-prefer CST=Asia/Shanghai (repeatable).
    /// Defaults: CST=America/Chicago, IST=Asia/Kolkata, MST=America/Denver.
    #[arg(long, value_name = "ABBR=ZONE")]
    zone_prefer: Vec<String>,
}

impl ZoneArgs {
    /// The `--zone-prefer` pairs, (abbreviation, zone).
    fn preferences(&self) -> Result<Vec<(String, String)>, String> {
        self.zone_prefer
            .iter()
            .map(|p| {
                let (abbr, zone) = p.split_once('=').ok_or_else(|| format!("--zone-prefer {p:?}: expected ABBR=ZONE"))?;
                Ok((abbr.trim().to_string(), zone.trim().to_string()))
            })
            .collect()
    }

    fn apply(&self, mut b: dateline::TaggerBuilder) -> Result<dateline::TaggerBuilder, String> {
        for (abbr, zone) in self.preferences()? {
            b = b.prefer_zone(&abbr, &zone);
        }
        if let Some(z) = &self.tz {
            b = b.default_zone(z);
        }
        if let Some(z) = &self.to_tz {
            b = b.reader_zone(z);
        }
        Ok(b)
    }
}

/// How long inputs are cut (hidden: for tests, which use small pieces).
#[derive(clap::Args, Clone, Copy, Debug)]
struct PieceArgs {
    /// Inputs longer than this many bytes are read and tagged in pieces
    /// (0 streams every plain, seed and TimeML input).
    #[arg(long, hide = true, default_value_t = dateline::PIECE_BYTES as u64)]
    stream_over: u64,
    /// The most bytes of a piece.
    #[arg(long, hide = true, default_value_t = dateline::PIECE_BYTES)]
    piece_bytes: usize,
}

/// What a calendar keeps: shared by `tag --format ics` and `calendar`.
#[derive(clap::Args, Clone, Copy, Debug, Default)]
struct CalendarArgs {
    /// Calendar output: keep the events that end before the document's creation time
    /// (history, past results), which are left out by default.
    #[arg(long)]
    include_past: bool,
}

impl CalendarArgs {
    fn options(self) -> dateline::ical::Options {
        dateline::ical::Options { include_past: self.include_past }
    }
}

/// Where documents come from and how they are tagged: shared by `tag` and `calendar`.
#[derive(clap::Args, Clone, Debug)]
struct Source {
    /// Input files; standard input when none is given.
    files: Vec<PathBuf>,
    /// Document creation time (YYYY-MM-DD), or a reference instant with an
    /// offset or zone (2013-02-12T04:30:00-02:00[America/Sao_Paulo]);
    /// overrides the one in the input.
    #[arg(long)]
    dct: Option<String>,
    /// Which way a date the text leaves open lies: by the tense of its
    /// sentence (news), always the next one (an assistant, a scheduler), or
    /// always the last one (logs, diaries); overrides a JSON line's `prefer`.
    #[arg(long, value_enum)]
    prefer: Option<PreferArg>,
    /// Input format.
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormat,
    /// Anchoring mode.
    #[arg(long, value_enum, default_value = "news")]
    mode: ModeArg,
    #[command(flatten)]
    zones: ZoneArgs,
}

/// The direction policy, as `--prefer` names it.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum PreferArg {
    Tense,
    Future,
    Past,
}

impl From<PreferArg> for dateline::Prefer {
    fn from(p: PreferArg) -> dateline::Prefer {
        match p {
            PreferArg::Tense => dateline::Prefer::Tense,
            PreferArg::Future => dateline::Prefer::Future,
            PreferArg::Past => dateline::Prefer::Past,
        }
    }
}

impl Source {
    /// The tagger and DCT these options ask for, or a usage error.
    fn setup(&self) -> Result<(Tagger, Option<input::Dct>), String> {
        let dct = match self.dct.as_deref() {
            None => None,
            Some(d) => Some(user_reference(d).ok_or_else(|| format!("--dct {d:?} is not a date ({DCT_FORMS})"))?),
        };
        let mode = if self.mode == ModeArg::Narrative { Mode::Narrative } else { Mode::News };
        let tagger = self.zones.apply(Tagger::builder().mode(mode))?.build().map_err(|e| e.named(["--tz", "--to-tz", "--zone-prefer"]))?;
        Ok((tagger, dct))
    }
}

#[derive(Subcommand)]
enum Command {
    /// Tag files (or standard input) and print their temporal expressions.
    Tag {
        #[command(flatten)]
        source: Source,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: OutputFormat,
        /// Write one output file per input into this directory instead of standard output.
        #[arg(long)]
        out_dir: Option<PathBuf>,
        /// Threads to tag with (default: all cores). Output order is always the input order.
        #[arg(long, short = 'j')]
        jobs: Option<usize>,
        #[command(flatten)]
        calendar: CalendarArgs,
        #[command(flatten)]
        pieces: PieceArgs,
    },
    /// Write the dates, times and recurrences of all inputs as one iCalendar (RFC 5545) file.
    Calendar {
        #[command(flatten)]
        source: Source,
        /// Write the calendar to this file (atomically) instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        calendar: CalendarArgs,
        #[command(flatten)]
        pieces: PieceArgs,
    },
    /// Serve the HTTP API, the Duckling-compatible /parse and the demo page (until SIGTERM or Ctrl-C).
    Serve {
        /// The address to listen on (port 0 picks a free port; the address is printed).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// The most bytes a request body may have (413 beyond).
        #[arg(long, default_value_t = 1 << 20)]
        max_body: usize,
        /// The most bytes of text one document may have (413 beyond).
        #[arg(long, default_value_t = 256 << 10)]
        max_text: usize,
        /// The time budget of one document, in milliseconds (504 beyond).
        #[arg(long, default_value_t = 5000)]
        timeout_ms: u64,
        /// How many requests may be tagging at once (503 beyond).
        #[arg(long, default_value_t = 256)]
        concurrency: usize,
        /// Anchoring mode, unless a request gives one.
        #[arg(long, value_enum, default_value = "news")]
        mode: ModeArg,
        #[command(flatten)]
        zones: ZoneArgs,
        #[command(flatten)]
        calendar: CalendarArgs,
    },
    /// Measure tagging throughput on a corpus (a directory of TimeML files or a JSON Lines file).
    Bench {
        /// The corpus.
        corpus: PathBuf,
        /// Threads for the parallel run (default: all cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// Seconds to spend on each thread count.
        #[arg(long, default_value_t = 10.0)]
        seconds: f64,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Score dateline on a TempEval-3 gold corpus.
    Eval {
        /// Directory of gold .tml files (searched recursively).
        #[arg(long)]
        gold: PathBuf,
        /// Write each system file here, under the gold file's name.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print the figures as JSON (the shape of te3score.py --json).
        #[arg(long)]
        json: bool,
        /// Add per-document figures.
        #[arg(long)]
        per_doc: bool,
        /// List misses, false alarms and wrong values by category.
        #[arg(long)]
        errors: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Tag { source, format, out_dir, jobs, calendar, pieces } => match source.setup() {
            Ok((tagger, dct)) => {
                let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
                let job = batch::Job {
                    tagger: &tagger,
                    dct,
                    prefer: source.prefer.map(dateline::Prefer::from),
                    format,
                    calendar: calendar.options(),
                    input_format: source.input_format,
                    jobs,
                    piece_bytes: pieces.piece_bytes.max(1),
                };
                exit(tag(&job, &source.files, out_dir.as_deref(), pieces.stream_over))
            }
            Err(e) => {
                eprintln!("dateline: {e}");
                ExitCode::from(2)
            }
        },
        Command::Calendar { source, out, calendar: options, pieces } => match source.setup() {
            Ok((tagger, dct)) => {
                let job = batch::Job {
                    tagger: &tagger,
                    dct,
                    prefer: source.prefer.map(dateline::Prefer::from),
                    format: OutputFormat::Ics,
                    calendar: options.options(),
                    input_format: source.input_format,
                    jobs: 1,
                    piece_bytes: pieces.piece_bytes.max(1),
                };
                calendar::run(&job, &source.files, out.as_deref(), pieces.stream_over)
            }
            Err(e) => {
                eprintln!("dateline: {e}");
                ExitCode::from(2)
            }
        },
        Command::Serve { addr, max_body, max_text, timeout_ms, concurrency, mode, zones, calendar } => {
            let prefer = match zones.preferences() {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("dateline: {e}");
                    return ExitCode::from(2);
                }
            };
            let defaults = dateline_server::TagOptions {
                narrative: mode == ModeArg::Narrative,
                tz: zones.tz,
                to_tz: zones.to_tz,
                prefer,
                include_past: calendar.include_past,
            };
            let config =
                dateline_server::Config { addr, max_body, max_text, timeout: std::time::Duration::from_millis(timeout_ms), concurrency, defaults };
            match dateline_server::run(config) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("dateline: serve: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Bench { corpus, jobs, seconds, json } => {
            let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            report_exit(bench::run(&corpus, jobs, seconds, json))
        }
        Command::Eval { gold, out, json, per_doc, errors } => report_exit(eval::run(&gold, out.as_deref(), json, per_doc, errors)),
    }
}

fn read_input(path: Option<&Path>) -> Result<Vec<u8>, String> {
    match path {
        None => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| e.to_string())?;
            Ok(buf)
        }
        Some(p) => {
            if p.is_dir() {
                return Err("is a directory, not a file".into());
            }
            std::fs::read(p).map_err(|e| e.to_string())
        }
    }
}

/// The exit of a report command: a closed pipe ("dateline eval ... | head")
/// ends it quietly, any other error is printed and exits with 2.
fn report_exit(r: anyhow::Result<()>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)) => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dateline: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether an input starts like JSON Lines (its first non-blank byte after
/// any byte-order mark is `{`).
fn looks_jsonl(buf: &[u8]) -> bool {
    buf.strip_prefix(input::BOM).unwrap_or(buf).iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Reads, tags and renders one whole input (plain, seed or TimeML text).
fn tag_whole(job: &batch::Job<'_>, path: Option<&Path>, bytes: Option<&[u8]>) -> Tagged {
    let name = path.map_or("<stdin>".to_string(), |p| p.display().to_string());
    let doc_name = sink::doc_name(path);
    let mut t = Tagged { name, doc_name, rendered: None, errors: Vec::new() };
    let bytes = match bytes.map_or_else(|| read_input(path), |b| Ok(b.to_vec())) {
        Ok(b) => b,
        Err(e) => {
            t.errors.push(e);
            return t;
        }
    };
    let text = match input::decode(bytes) {
        Ok(s) => s,
        Err(e) => {
            t.errors.push(e.to_string());
            return t;
        }
    };
    let (docs, errs) = input::read(&t.doc_name, text, job.input_format, job.dct.clone());
    t.errors.extend(errs.iter().map(|e| e.to_string()));
    if !docs.is_empty() {
        match batch::guarded(|| docs.iter().map(|d| output::render(d, &job.tag_doc(d), job.format, job.calendar)).collect()) {
            Ok(rendered) => t.rendered = Some(rendered),
            Err(e) => t.errors.push(e),
        }
    }
    t
}

/// Tags one long input (see [`long`]), read from `file`, into its own
/// target; returns whether it failed.
fn tag_long(job: &batch::Job<'_>, path: Option<&Path>, mut file: std::fs::File, sink: &Sink<'_>) -> Result<bool, ExitCode> {
    let name = path.map_or("<stdin>".to_string(), |p| p.display().to_string());
    let doc_name = sink::doc_name(path);
    let fail = |e: &dyn std::fmt::Display| {
        eprintln!("dateline: {name}: {e}");
        Ok(true)
    };
    let checked = match long::check(&mut BufReader::with_capacity(1 << 16, &mut file)) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    if let Err(e) = file.rewind() {
        return fail(&e);
    }
    let format = if job.input_format == InputFormat::Auto { input::detect(&checked.lead) } else { job.input_format };
    let mut target = sink.open(&doc_name).map_err(|e| sink::write_failed(&e, &name).unwrap_or(ExitCode::from(2)))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut start = |d, head: Option<&str>, out: &mut dyn std::io::Write| {
        write::DocWriter::begin(out, job.format, d, head.filter(|_| job.format == OutputFormat::Timeml), job.calendar)
    };
    let result = match format {
        InputFormat::Jsonl => {
            let progress = batch::Progress::new(None);
            let r = batch::stream_jsonl(&mut reader, &name, job, &progress, &mut |s| {
                std::io::Write::write_all(&mut target, s.as_bytes()).map_err(|e| sink::write_failed(&e, "writing output"))
            });
            progress.finish();
            return match r {
                Ok(failed) => target.commit().map(|()| failed).map_err(|e| sink::write_failed(&e, "writing output").unwrap_or(ExitCode::from(2))),
                Err(code) => Err(code),
            };
        }
        InputFormat::Timeml => long::tag_timeml(job, reader.get_mut(), &doc_name, &checked, &mut target, &mut start).and_then(|(w, tail)| {
            w.finish(&mut target, (job.format == OutputFormat::Timeml).then_some(tail.as_str())).map_err(long::LongError::Write)
        }),
        _ => long::tag_text(job, &mut reader, long::What::Read { doc_name: &doc_name, format }, &checked, &mut target, &mut start)
            .and_then(|w| w.finish(&mut target, None).map_err(long::LongError::Write)),
    };
    match result {
        Ok(()) => target.commit().map(|()| false).map_err(|e| sink::write_failed(&e, "writing output").unwrap_or(ExitCode::from(2))),
        Err(long::LongError::Write(e)) => Err(sink::write_failed(&e, "writing output").unwrap_or(ExitCode::from(2))),
        Err(e) => {
            // what was written to standard output stays; a file is not kept
            let _ = std::io::Write::flush(&mut target);
            fail(&e)
        }
    }
}

/// Tags every input, in order, on `job.jobs` threads; returns whether any failed.
/// Inputs longer than `stream_over` bytes are tagged in pieces.
fn tag(job: &batch::Job<'_>, files: &[PathBuf], out_dir: Option<&Path>, stream_over: u64) -> Result<bool, ExitCode> {
    let (format, input_format, jobs) = (job.format, job.input_format, job.jobs);
    let inputs: Vec<Option<&Path>> = if files.is_empty() { vec![None] } else { files.iter().map(|p| Some(p.as_path())).collect() };
    if let Some(dir) = out_dir {
        sink::check_out_names(&inputs, dir, format).map_err(|e| {
            eprintln!("dateline: {e}");
            ExitCode::from(2)
        })?;
    }
    let total: Option<u64> =
        if files.is_empty() { None } else { Some(files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum()) };
    let progress = batch::Progress::new(total);
    let sink = Sink { out_dir, format };
    let mut failed = false;
    // whole inputs wait here and are tagged a few at a time on every thread, then written in order
    let mut pending: Vec<(Option<&Path>, Option<Vec<u8>>)> = Vec::new();
    let flush = |pending: &mut Vec<(Option<&Path>, Option<Vec<u8>>)>| -> Result<bool, ExitCode> {
        let items = std::mem::take(pending);
        let done = batch::parallel_map(&items, jobs, |_, (p, b)| tag_whole(job, *p, b.as_deref()));
        let mut failed = false;
        for (t, (_, b)) in done.iter().zip(&items) {
            match sink.emit(t) {
                Ok(()) => {}
                Err(None) => failed = true,
                Err(Some(code)) => return Err(code),
            }
            progress.advance(b.as_ref().map_or(0, |b| b.len() as u64), 0);
        }
        Ok(failed)
    };
    for path in inputs {
        let streamable = out_dir.is_none() && matches!(input_format, InputFormat::Auto | InputFormat::Jsonl);
        let opened: Option<Box<dyn BufRead>> = match path {
            None => Some(Box::new(BufReader::new(std::io::stdin().lock()))),
            Some(p) if p.is_dir() => None,
            Some(p) => std::fs::File::open(p).ok().map(|f| Box::new(BufReader::with_capacity(1 << 16, f)) as Box<dyn BufRead>),
        };
        // an input that cannot be opened is reported, in order, by tag_whole
        let Some(mut reader) = opened else {
            pending.push((path, None));
            continue;
        };
        let is_jsonl = streamable && (input_format == InputFormat::Jsonl || reader.fill_buf().map(looks_jsonl).unwrap_or(false));
        if is_jsonl {
            failed |= flush(&mut pending)?;
            let name = path.map_or("<stdin>".to_string(), |p| p.display().to_string());
            failed |= batch::stream_jsonl(&mut *reader, &name, job, &progress, &mut |s| print(s))?;
        } else {
            let long_file = path.and_then(|p| std::fs::metadata(p).ok()).is_some_and(|m| m.is_file() && m.len() > stream_over);
            if long_file {
                failed |= flush(&mut pending)?;
                drop(reader);
                match path.map(std::fs::File::open) {
                    Some(Ok(f)) => failed |= tag_long(job, path, f, &sink)?,
                    _ => pending.push((path, None)),
                }
                continue;
            }
            let mut bytes = Vec::new();
            if let Err(e) = reader.by_ref().take(stream_over.saturating_add(1)).read_to_end(&mut bytes) {
                eprintln!("dateline: {}: {e}", path.map_or("<stdin>".to_string(), |p| p.display().to_string()));
                failed = true;
                continue;
            }
            if path.is_none() && bytes.len() as u64 > stream_over {
                failed |= flush(&mut pending)?;
                match long::spool(&bytes, &mut reader) {
                    Ok(f) => failed |= tag_long(job, None, f, &sink)?,
                    Err(e) => {
                        eprintln!("dateline: <stdin>: {e}");
                        failed = true;
                    }
                }
                continue;
            }
            if let Err(e) = reader.read_to_end(&mut bytes) {
                eprintln!("dateline: {}: {e}", path.map_or("<stdin>".to_string(), |p| p.display().to_string()));
                failed = true;
                continue;
            }
            pending.push((path, Some(bytes)));
            if pending.len() >= jobs * 4 {
                failed |= flush(&mut pending)?;
            }
        }
    }
    failed |= flush(&mut pending)?;
    progress.finish();
    Ok(failed)
}

fn exit(result: Result<bool, ExitCode>) -> ExitCode {
    match result {
        Err(code) => code,
        Ok(true) => ExitCode::from(2),
        Ok(false) => ExitCode::SUCCESS,
    }
}
