//! `dateline bench`: whole-corpus throughput of the tagger in steady state.
//!
//! Loads every document first (TimeML files under a directory, or a JSON
//! Lines file), tags them all once to warm up, then times repeated passes
//! with 1 thread and with N threads. Reports MB/s of text, documents/s,
//! timexes found, and the process's peak RSS. Reading and writing files is
//! outside the timed region: this measures the engine.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use dateline::{Document, Tagger};
use serde::Serialize;

use crate::input::{self, InputFormat};

/// One document held in memory.
struct Loaded {
    text: String,
    dct: Option<jiff::civil::Date>,
}

fn load(path: &Path) -> Result<Vec<Loaded>> {
    let mut files = Vec::new();
    if path.is_dir() {
        let mut stack = vec![path.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).with_context(|| format!("{}: cannot read directory", d.display()))? {
                let p = e?.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "tml" || x == "TE3input") {
                    files.push(p);
                }
            }
        }
        files.sort();
    } else {
        files.push(path.to_path_buf());
    }
    let mut docs = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).with_context(|| format!("{}: cannot read", f.display()))?;
        let (read, errs) = input::read(&f.display().to_string(), text, InputFormat::Auto, None);
        if let Some(e) = errs.first() {
            anyhow::bail!("{}: {e}", f.display());
        }
        docs.extend(read.into_iter().map(|d| {
            let dct = d.date();
            Loaded { text: d.analysed.unwrap_or(d.text), dct }
        }));
    }
    Ok(docs)
}

/// Tags one document; returns the number of its timexes.
fn count(tagger: &Tagger, d: &Loaded) -> usize {
    let mut doc = Document::new(&d.text);
    doc.dct = d.dct;
    tagger.tag(&doc).timexes.len()
}

/// Tags every document with `threads` threads; returns the number of timexes.
fn pass(tagger: &Tagger, docs: &[Loaded], threads: usize) -> usize {
    let next = AtomicUsize::new(0);
    let found = AtomicUsize::new(0);
    // one thread tags on the calling one, as `dateline tag -j 1` does: a
    // thread spawned for each pass starts with a fresh heap, and the kernel's
    // zeroing of its new pages was 8% of a pass's time, which no long run pays
    if threads == 1 {
        return docs.iter().map(|d| count(tagger, d)).sum();
    }
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut n = 0;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(d) = docs.get(i) else { break };
                    n += count(tagger, d);
                }
                found.fetch_add(n, Ordering::Relaxed);
            });
        }
    });
    found.into_inner()
}

#[derive(Serialize)]
struct Run {
    threads: usize,
    passes: usize,
    seconds: f64,
    mb_per_s: f64,
    docs_per_s: f64,
}

#[derive(Serialize)]
struct Report {
    corpus: String,
    docs: usize,
    bytes: usize,
    timexes_per_pass: usize,
    startup_ms: f64,
    runs: Vec<Run>,
    peak_rss_mb: f64,
}

/// Peak resident set size of this process, from /proc (Linux); 0 elsewhere.
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)).and_then(|k| k.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Runs the benchmark on `path` for about `seconds` per thread count.
pub fn run(path: &Path, jobs: usize, seconds: f64, json: bool) -> Result<()> {
    let t0 = Instant::now();
    let tagger = Tagger::new();
    let startup_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let docs = load(path)?;
    anyhow::ensure!(!docs.is_empty(), "{}: no documents", path.display());
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let timexes = pass(&tagger, &docs, 1); // warm-up
    let mut runs = Vec::new();
    let mut counts = vec![1];
    if jobs > 1 {
        counts.push(jobs);
    }
    for threads in counts {
        let budget = Duration::from_secs_f64(seconds);
        let start = Instant::now();
        let mut passes = 0;
        while passes == 0 || start.elapsed() < budget {
            pass(&tagger, &docs, threads);
            passes += 1;
        }
        let secs = start.elapsed().as_secs_f64();
        runs.push(Run {
            threads,
            passes,
            seconds: secs,
            mb_per_s: (bytes * passes) as f64 / secs / 1e6,
            docs_per_s: (docs.len() * passes) as f64 / secs,
        });
    }
    let report = Report {
        corpus: PathBuf::from(path).display().to_string(),
        docs: docs.len(),
        bytes,
        timexes_per_pass: timexes,
        startup_ms,
        runs,
        peak_rss_mb: peak_rss_mb(),
    };
    let mut so = std::io::stdout().lock();
    if json {
        writeln!(so, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        writeln!(so, "corpus   {}  ({} docs, {:.2} MB, {} timexes per pass)", report.corpus, report.docs, bytes as f64 / 1e6, timexes)?;
        writeln!(so, "startup  {:.1} ms (compiling the tagger)", startup_ms)?;
        for r in &report.runs {
            writeln!(
                so,
                "threads {:>2}  {:>8.2} MB/s  {:>9.0} docs/s  ({} passes in {:.1} s)",
                r.threads, r.mb_per_s, r.docs_per_s, r.passes, r.seconds
            )?;
        }
        if let [one, many] = report.runs.as_slice() {
            writeln!(so, "scaling  {:.2}x on {} threads", many.mb_per_s / one.mb_per_s, many.threads)?;
        }
        writeln!(so, "peak RSS {:.1} MB", report.peak_rss_mb)?;
    }
    Ok(())
}
