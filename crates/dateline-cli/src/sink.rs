//! Where `tag` and `calendar` write: standard output, or whole files.
//!
//! A file is written to a temporary file of a unique name in its own
//! directory and renamed over the target when complete, so a reader sees the
//! old file or the whole new one, two runs writing into one directory never
//! share a temporary file, and a failure leaves nothing behind.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::output::OutputFormat;

fn extension(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Json => "json",
        OutputFormat::Jsonl => "jsonl",
        OutputFormat::Timeml => "tml",
        OutputFormat::Text => "txt",
        OutputFormat::Ics => "ics",
    }
}

/// The name of the output file of input `doc_name` in `--out-dir`: the
/// input's name with the format's extension, or a `.tml` input's own name
/// for TimeML output.
pub fn out_name(doc_name: &str, format: OutputFormat) -> String {
    if format == OutputFormat::Timeml && doc_name.ends_with(".tml") {
        doc_name.to_string()
    } else {
        format!("{doc_name}.{}", extension(format))
    }
}

/// The base name an input is known by: its file name, or `<stdin>`.
pub fn doc_name(path: Option<&Path>) -> String {
    path.map_or("<stdin>".to_string(), |p| p.file_name().map_or_else(|| p.display().to_string(), |f| f.to_string_lossy().into_owned()))
}

/// Checks, before anything is written, that no two inputs would be
/// written to one file of `--out-dir`: the error names both and the file.
pub fn check_out_names(inputs: &[Option<&Path>], dir: &Path, format: OutputFormat) -> Result<(), String> {
    let mut seen: HashMap<String, Option<&Path>> = HashMap::new();
    for &input in inputs {
        let name = out_name(&doc_name(input), format);
        if let Some(first) = seen.insert(name.clone(), input) {
            let show = |p: Option<&Path>| p.map_or("<stdin>".to_string(), |p| p.display().to_string());
            return Err(format!(
                "--out-dir: {} and {} would both be written to {}; nothing was written (give the inputs distinct file names, or tag them in separate runs)",
                show(first),
                show(input),
                dir.join(name).display()
            ));
        }
    }
    Ok(())
}

/// A temporary file beside `path`, to be renamed over it when complete.
fn temp_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let name = path.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".dateline-tmp");
    #[cfg(unix)]
    {
        // the mode a plain new file gets (less the umask), not the private 0600 of a temporary file
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(&dir)
}

/// Writes `content` to `path` whole (see the module's comment).
pub fn write_atomic(path: &Path, content: &str) -> std::io::Result<()> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(content.as_bytes())?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes to standard output; a closed pipe ends the run quietly.
pub fn print(s: &str) -> Result<(), Option<ExitCode>> {
    let mut lock = std::io::stdout().lock();
    match lock.write_all(s.as_bytes()).and_then(|_| lock.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Some(ExitCode::SUCCESS)),
        Err(e) => {
            eprintln!("dateline: writing output: {e}");
            Err(Some(ExitCode::from(2)))
        }
    }
}

/// The rendered output of one non-streamed input, or its errors.
pub struct Tagged {
    /// The input as the user named it, for messages.
    pub name: String,
    /// Its base name.
    pub doc_name: String,
    /// The rendered output, when it could be read.
    pub rendered: Option<String>,
    /// What went wrong.
    pub errors: Vec<String>,
}

/// Where `tag` writes: standard output or one file per input in a directory.
pub struct Sink<'a> {
    /// `--out-dir`, if given.
    pub out_dir: Option<&'a Path>,
    /// The output format.
    pub format: OutputFormat,
}

/// Where one streamed document is written: standard output, or a
/// temporary file renamed over its output file by [`Target::commit`].
pub struct Target {
    out: std::io::BufWriter<Box<dyn Write>>,
    file: Option<(tempfile::TempPath, PathBuf)>,
}

impl Write for Target {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

impl Target {
    /// Standard output.
    pub fn stdout() -> Target {
        Target { out: std::io::BufWriter::with_capacity(1 << 16, Box::new(std::io::stdout())), file: None }
    }

    /// A temporary file beside `path`, renamed over it by [`Target::commit`].
    pub fn file(path: &Path) -> std::io::Result<Target> {
        let (file, tmp) = temp_beside(path)?.into_parts();
        Ok(Target { out: std::io::BufWriter::with_capacity(1 << 16, Box::new(file)), file: Some((tmp, path.to_path_buf())) })
    }

    /// Completes the output: flushed, and a file renamed into place. (A
    /// target dropped without this leaves no file.)
    pub fn commit(mut self) -> std::io::Result<()> {
        self.out.flush()?;
        if let Some((tmp, path)) = self.file.take() {
            tmp.persist(&path).map_err(|e| e.error)?;
        }
        Ok(())
    }
}

/// The exit a failed write asks for: a closed pipe ends the run quietly,
/// anything else is reported.
pub fn write_failed(e: &std::io::Error, what: &str) -> Option<ExitCode> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return Some(ExitCode::SUCCESS);
    }
    eprintln!("dateline: {what}: {e}");
    Some(ExitCode::from(2))
}

impl Sink<'_> {
    /// Opens where the output of input `doc_name` goes.
    pub fn open(&self, doc_name: &str) -> std::io::Result<Target> {
        match self.out_dir {
            None => Ok(Target::stdout()),
            Some(dir) => {
                std::fs::create_dir_all(dir)?;
                Target::file(&dir.join(out_name(doc_name, self.format)))
            }
        }
    }

    /// Reports an input's errors and writes its output.
    pub fn emit(&self, t: &Tagged) -> Result<(), Option<ExitCode>> {
        for e in &t.errors {
            eprintln!("dateline: {}: {e}", t.name);
        }
        let written = match (&t.rendered, self.out_dir) {
            (None, _) => Ok(()),
            (Some(rendered), Some(dir)) => {
                let target = dir.join(out_name(&t.doc_name, self.format));
                std::fs::create_dir_all(dir).and_then(|_| write_atomic(&target, rendered)).map_err(|e| {
                    eprintln!("dateline: {}: {e}", target.display());
                    None
                })
            }
            (Some(rendered), None) => print(rendered),
        };
        match written {
            Err(e) => Err(e),
            Ok(()) if t.errors.is_empty() => Ok(()),
            Ok(()) => Err(None),
        }
    }
}
