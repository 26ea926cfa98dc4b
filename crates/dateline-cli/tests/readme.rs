//! The README stays true on a plain clone: its first command tags a file of
//! the repository and prints what the README shows, and its Usage lists
//! every subcommand and every flag the command line has.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).expect("README.md")
}

/// The fenced blocks of `md` after the line `after`: (info string, body).
fn blocks<'a>(md: &'a str, after: &str) -> Vec<(&'a str, String)> {
    let start = md.find(after).unwrap_or_else(|| panic!("README has no {after:?}"));
    let mut out = Vec::new();
    let mut lines = md[start..].lines();
    while let Some(l) = lines.next() {
        if let Some(info) = l.strip_prefix("```") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| !l.starts_with("```")).collect();
            out.push((info, body.join("\n") + "\n"));
        }
    }
    out
}

fn dateline(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_dateline")).args(args).current_dir(root()).output().expect("run dateline");
    assert!(o.status.success(), "dateline {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).expect("UTF-8")
}

#[test]
fn the_first_command_runs_on_a_repository_file_and_prints_what_the_readme_shows() {
    let md = readme();
    let found = blocks(&md, "## The two commands");
    let (info, command) = &found[0];
    assert_eq!(*info, "sh");
    let tag = command.find("dateline tag ").expect("the first command runs `dateline tag`");
    let args: Vec<&str> = command[tag + "dateline ".len()..].split_whitespace().collect();
    let file = args.iter().find(|a| a.contains('/')).expect("a file");
    assert!(!file.starts_with(".."), "the first command must read a file of the repository, not {file}");
    assert!(root().join(file).is_file(), "{file} is not in the repository");
    let (_, shown) = found.iter().skip(1).find(|(info, _)| info.is_empty()).expect("the output it prints");
    assert_eq!(&dateline(&args), shown, "README's output of `dateline {}` is out of date", args.join(" "));
    // one command runs every test, and CI runs exactly that command
    assert_eq!(found.iter().filter(|(info, _)| *info == "sh").nth(1).map(|(_, b)| b.trim()), Some("./test"));
    let ci = std::fs::read_to_string(root().join(".ci/run")).expect(".ci/run");
    assert_eq!(ci.lines().filter(|l| l.trim() == "./test").count(), 1, ".ci/run must run ./test");
}

/// The long flags a help text lists.
fn flags(help: &str) -> Vec<String> {
    help.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| w.starts_with("--") && w.len() > 2 && w[2..].starts_with(|c: char| c.is_ascii_lowercase()))
        .map(|w| w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()).to_string())
        .filter(|w| w != "--help" && w != "--version")
        .collect()
}

#[test]
fn usage_lists_every_subcommand_and_flag() {
    let md = readme();
    let usage = &md[md.find("## Usage").expect("a Usage section")..];
    let usage = &usage[..usage[3..].find("\n## ").map_or(usage.len(), |i| i + 3)];
    let help = dateline(&["--help"]);
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert_eq!(commands, ["tag", "calendar", "serve", "bench", "eval"]);
    for c in commands {
        assert!(usage.contains(&format!("dateline {c} ")), "Usage does not show `dateline {c}`");
        for f in flags(&dateline(&[c, "--help"])) {
            assert!(usage.contains(&f), "Usage does not list `{f}` of `dateline {c}`");
        }
    }
}
