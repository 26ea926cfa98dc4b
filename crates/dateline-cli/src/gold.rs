//! The gold files of `dateline eval`: found under a directory, each once,
//! and read with errors that name the file and the place.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use dateline_eval::timeml::TimemlDoc;

/// The `.tml` files under `dir`, sorted within each directory, and the
/// directories that could not be read. Symbolic links are followed, but
/// every directory and every file is taken once (by its canonical path), so
/// a link loop ends and a file linked twice is scored once.
pub fn collect(dir: &Path) -> Result<(Vec<PathBuf>, Vec<anyhow::Error>)> {
    let mut walk = Walk::default();
    walk.dir(dir).with_context(|| format!("{}: cannot read directory", dir.display()))?;
    Ok((walk.files, walk.errors))
}

#[derive(Default)]
struct Walk {
    seen: HashSet<PathBuf>,
    files: Vec<PathBuf>,
    errors: Vec<anyhow::Error>,
}

impl Walk {
    fn dir(&mut self, dir: &Path) -> std::io::Result<()> {
        if !self.seen.insert(dir.canonicalize()?) {
            return Ok(());
        }
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                if let Err(e) = self.dir(&p) {
                    self.errors.push(anyhow!("{}: cannot read directory: {e}", p.display()));
                }
            } else if p.extension().is_some_and(|e| e == "tml") {
                // a dangling link is kept, to be reported when it is read
                if self.seen.insert(p.canonicalize().unwrap_or_else(|_| p.clone())) {
                    self.files.push(p);
                }
            }
        }
        Ok(())
    }
}

/// Checks, before anything is written, that no two gold files would give
/// one system file in `--out` (which names them by file name alone).
pub fn check_out_names(files: &[PathBuf], out: &Path) -> Result<()> {
    let mut seen: HashMap<&std::ffi::OsStr, &Path> = HashMap::new();
    for f in files {
        let Some(name) = f.file_name() else { continue };
        if let Some(first) = seen.insert(name, f) {
            anyhow::bail!(
                "--out: {} and {} would both be written to {}; nothing was written (score the two directories apart)",
                first.display(),
                f.display(),
                out.join(name).display()
            );
        }
    }
    Ok(())
}

/// Reads a gold file: its text and its TimeML.
///
/// # Errors
/// One that names the file and says where it cannot be read (line and
/// column for bad UTF-8 and bad TimeML).
pub fn read(path: &Path) -> Result<(String, TimemlDoc)> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let raw = crate::input::decode(bytes).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    let doc = TimemlDoc::parse(&raw).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    Ok((raw, doc))
}
