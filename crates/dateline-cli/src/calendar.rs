//! `dateline calendar`: the dates, times and recurrences of all inputs as
//! one iCalendar file, written without holding the inputs. Each document's
//! events go to a spool as soon as it is tagged (a long input's a piece at
//! a time, see [`crate::long`]); the calendar's head, whose time zones
//! depend on every event, is written before them at the end.

use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dateline::ical::{Calendar, CalendarDoc};

use crate::batch::{self, Job};
use crate::input::{self, InputFormat};
use crate::long::{self, LongError};
use crate::output::OutputFormat;
use crate::sink::{self, Target};
use crate::write::{DocWriter, Spool};

/// The calendar being gathered.
struct Gathered {
    calendar: Calendar,
    events: Spool,
}

/// Runs `dateline calendar` on `files` (standard input when none) with
/// `job` (whose format is `ics`), writing to `out` or standard output.
/// Inputs longer than `stream_over` bytes are tagged in pieces.
pub fn run(job: &Job<'_>, files: &[PathBuf], out: Option<&Path>, stream_over: u64) -> ExitCode {
    let mut all = Gathered { calendar: Calendar::new(job.calendar), events: Spool::default() };
    let inputs: Vec<Option<&Path>> = if files.is_empty() { vec![None] } else { files.iter().map(|p| Some(p.as_path())).collect() };
    let mut failed = false;
    for path in inputs {
        let name = path.map_or("<stdin>".to_string(), |p| p.display().to_string());
        if let Err(errors) = gather(job, path, stream_over, &mut all) {
            for e in errors {
                eprintln!("dateline: {name}: {e}");
            }
            failed = true;
        }
    }
    let mut target = match out.map_or_else(|| Ok(Target::stdout()), Target::file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("dateline: {}: {e}", out.map_or("<stdout>".to_string(), |p| p.display().to_string()));
            return ExitCode::from(2);
        }
    };
    let stamp = all.calendar.stamp();
    let written = target
        .write_all(all.calendar.head().as_bytes())
        .and_then(|()| all.events.drain(&mut target, Some(&|l| (l == Calendar::UNSTAMPED.as_bytes()).then(|| stamp.clone()))))
        .and_then(|()| target.write_all(Calendar::END.as_bytes()))
        .and_then(|()| target.commit());
    match written {
        Err(e) => sink::write_failed(&e, &out.map_or("writing output".to_string(), |p| p.display().to_string())).unwrap_or(ExitCode::from(2)),
        Ok(()) if failed => ExitCode::from(2),
        Ok(()) => ExitCode::SUCCESS,
    }
}

/// Tags one input and adds its events to `all`; an input that fails adds
/// none (but the good lines of a JSON Lines input are kept). The errors say
/// what failed.
fn gather(job: &Job<'_>, path: Option<&Path>, stream_over: u64, all: &mut Gathered) -> Result<(), Vec<String>> {
    gather_input(job, path, stream_over, all).map_err(|e| e.split('\n').map(str::to_string).collect())
}

/// [`gather`], its errors one a line.
fn gather_input(job: &Job<'_>, path: Option<&Path>, stream_over: u64, all: &mut Gathered) -> Result<(), String> {
    let doc_name = sink::doc_name(path);
    // a long input (a file, or standard input copied to one) is tagged in pieces
    let mut head = Vec::new();
    let file = match path {
        Some(p) if p.is_dir() => return Err("is a directory, not a file".into()),
        Some(p) => {
            let f = std::fs::File::open(p).map_err(|e| e.to_string())?;
            if f.metadata().map_err(|e| e.to_string())?.len() > stream_over {
                Some(f)
            } else {
                BufReader::new(f).read_to_end(&mut head).map_err(|e| e.to_string())?;
                None
            }
        }
        None => {
            let mut stdin = std::io::stdin().lock();
            stdin.by_ref().take(stream_over.saturating_add(1)).read_to_end(&mut head).map_err(|e| e.to_string())?;
            if head.len() as u64 > stream_over {
                Some(long::spool(&head, &mut stdin).map_err(|e| e.to_string())?)
            } else {
                None
            }
        }
    };
    match file {
        Some(f) => gather_long(job, &doc_name, f, all),
        None => gather_whole(job, &doc_name, head, all),
    }
}

/// Tags an input read whole.
fn gather_whole(job: &Job<'_>, doc_name: &str, bytes: Vec<u8>, all: &mut Gathered) -> Result<(), String> {
    let text = input::decode(bytes).map_err(|e| e.to_string())?;
    let (docs, errs) = input::read(doc_name, text, job.input_format, job.dct.clone());
    let mut cal = Calendar::new(job.calendar);
    let events = batch::guarded(|| {
        docs.iter()
            .map(|d| {
                let a = job.tag_doc(d);
                cal.events(&CalendarDoc { id: &d.id, text: d.analysed.as_deref().unwrap_or(&d.text), dct: d.date(), analysis: &a })
            })
            .collect::<String>()
    })?;
    all.calendar.absorb(cal);
    all.events.push(&events).map_err(|e| e.to_string())?;
    // (a JSON Lines input keeps its good lines)
    match errs.first() {
        Some(_) => Err(errs.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")),
        None => Ok(()),
    }
}

/// Tags a long input in pieces.
fn gather_long(job: &Job<'_>, doc_name: &str, mut file: std::fs::File, all: &mut Gathered) -> Result<(), String> {
    let checked = long::check(&mut BufReader::with_capacity(1 << 16, &mut file)).map_err(|e| e.to_string())?;
    let format = if job.input_format == InputFormat::Auto { input::detect(&checked.lead) } else { job.input_format };
    std::io::Seek::rewind(&mut file).map_err(|e| e.to_string())?;
    let mut start = |d, _: Option<&str>, out: &mut dyn Write| DocWriter::begin(out, OutputFormat::Ics, d, None, job.calendar);
    // (a calendar's events are all spooled: nothing goes to `out` before the end)
    let mut none = std::io::sink();
    let w = match format {
        InputFormat::Timeml => long::tag_timeml(job, &mut file, doc_name, &checked, &mut none, &mut start).map(|(w, _)| w),
        InputFormat::Jsonl => {
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
            return gather_whole(job, doc_name, bytes, all);
        }
        _ => {
            long::tag_text(job, &mut BufReader::with_capacity(1 << 16, file), long::What::Read { doc_name, format }, &checked, &mut none, &mut start)
        }
    };
    let (cal, events) = w.map_err(|e: LongError| e.to_string())?.into_events().ok_or("no calendar")?;
    all.calendar.absorb(cal);
    all.events.append(events).map_err(|e| e.to_string())
}
