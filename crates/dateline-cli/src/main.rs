//! The `dateline` command: a thin front end over the dateline engine.
//!
//! `dateline tag` reads plain text, dated seed text, TimeML or JSON Lines and
//! writes JSON, JSON Lines, TimeML or a table; `dateline eval` scores the
//! engine on a TempEval-3 gold corpus.

mod eval;
mod input;
mod output;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dateline::{Document, Mode, Tagger};
use input::{user_dct, InputFormat};
use output::OutputFormat;

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
    fn apply(&self, mut b: dateline::TaggerBuilder) -> Result<dateline::TaggerBuilder, String> {
        for p in &self.zone_prefer {
            let (abbr, zone) = p.split_once('=').ok_or_else(|| format!("--zone-prefer {p:?}: expected ABBR=ZONE"))?;
            b = b.prefer_zone(abbr.trim(), zone.trim());
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

#[derive(Subcommand)]
enum Command {
    /// Tag files (or standard input) and print their temporal expressions.
    Tag {
        /// Input files; standard input when none is given.
        files: Vec<PathBuf>,
        /// Document creation time (YYYY-MM-DD); overrides the one in the input.
        #[arg(long)]
        dct: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: OutputFormat,
        /// Input format.
        #[arg(long, value_enum, default_value = "auto")]
        input_format: InputFormat,
        /// Anchoring mode.
        #[arg(long, value_enum, default_value = "news")]
        mode: ModeArg,
        /// Write one output file per input into this directory instead of standard output.
        #[arg(long)]
        out_dir: Option<PathBuf>,
        #[command(flatten)]
        zones: ZoneArgs,
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
        Command::Tag { files, dct, format, input_format, mode, out_dir, zones } => {
            let dct = match dct.as_deref().map(|d| user_dct(d).ok_or(d)) {
                None => None,
                Some(Ok(d)) => Some(d),
                Some(Err(d)) => {
                    eprintln!("dateline: --dct {d:?} is not a date (expected YYYY-MM-DD)");
                    return ExitCode::from(2);
                }
            };
            let mode = if mode == ModeArg::Narrative { Mode::Narrative } else { Mode::News };
            let tagger = match zones.apply(Tagger::builder().mode(mode)).and_then(|b| b.build().map_err(|e| e.to_string())) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("dateline: {e}");
                    return ExitCode::from(2);
                }
            };
            tag(&tagger, &files, dct, format, input_format, out_dir.as_deref())
        }
        Command::Eval { gold, out, json, per_doc, errors } => match eval::run(&gold, out.as_deref(), json, per_doc, errors) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("dateline: {e:#}");
                ExitCode::from(2)
            }
        },
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

fn extension(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Json => "json",
        OutputFormat::Jsonl => "jsonl",
        OutputFormat::Timeml => "tml",
        OutputFormat::Text => "txt",
    }
}

/// Writes `content` to `path` through a temporary file and a rename, so a
/// reader never sees half a file.
fn write_atomic(path: &Path, content: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("dateline-tmp");
    std::fs::write(&tmp, content)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

fn tag(
    tagger: &Tagger,
    files: &[PathBuf],
    dct: Option<jiff::civil::Date>,
    format: OutputFormat,
    input_format: InputFormat,
    out_dir: Option<&Path>,
) -> ExitCode {
    let inputs: Vec<Option<&Path>> = if files.is_empty() { vec![None] } else { files.iter().map(|p| Some(p.as_path())).collect() };
    let mut failed = false;
    let stdout = std::io::stdout();
    for path in inputs {
        let name = path.map_or("<stdin>".to_string(), |p| p.display().to_string());
        let text = match read_input(path).map_err(|e| input::InputError { place: String::new(), message: e }).and_then(input::decode) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("dateline: {name}: {e}");
                failed = true;
                continue;
            }
        };
        let doc_name = path.and_then(|p| p.file_name()).map_or(name.clone(), |f| f.to_string_lossy().into_owned());
        let (docs, errs) = input::read(&doc_name, text, input_format, dct);
        for e in &errs {
            eprintln!("dateline: {name}: {e}");
            failed = true;
        }
        let mut rendered = String::new();
        for d in &docs {
            let analysed = d.analysed.as_deref().unwrap_or(&d.text);
            let mut document = Document::new(analysed);
            document.dct = d.dct;
            let a = tagger.tag(&document);
            rendered.push_str(&output::render(d, &a, format));
        }
        if docs.is_empty() {
            continue;
        }
        match out_dir {
            Some(dir) => {
                let target = dir.join(format!("{doc_name}.{}", extension(format)));
                let target = if format == OutputFormat::Timeml && doc_name.ends_with(".tml") { dir.join(&doc_name) } else { target };
                if let Err(e) = std::fs::create_dir_all(dir).and_then(|_| write_atomic(&target, &rendered)) {
                    eprintln!("dateline: {}: {e}", target.display());
                    failed = true;
                }
            }
            None => {
                let mut lock = stdout.lock();
                if let Err(e) = lock.write_all(rendered.as_bytes()).and_then(|_| lock.flush()) {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        return ExitCode::SUCCESS;
                    }
                    eprintln!("dateline: writing output: {e}");
                    return ExitCode::from(2);
                }
            }
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
