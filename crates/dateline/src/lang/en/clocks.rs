//! The day clocks change: "where clocks fall back an hour on Sunday",
//! "daylight saving runs until Sunday". Articles that give times in several
//! zones say when a zone's offset changes; that day dates the change, not
//! the event the article is about.

use super::words::*;
use crate::lex::Tokens;

/// Nouns of a clock change's subject.
const CLOCKS: &[&str] = &["clock", "clocks", "dst"];

/// Words after "daylight" or "summer" that name the season of saving time.
const SAVING: &[&str] = &["saving", "savings", "time"];

/// Words before "time" that name a zone's standard time ("standard time",
/// "winter time", "Greenwich Mean Time").
const STANDARD: &[&str] = &["standard", "winter", "mean"];

/// Verbs of a change of the clocks and of the start or end of saving time
/// (or of staying on it until the change: "which stays on daylight saving
/// time until Sunday"; or of going back to it, "which returned to summer time
/// on April 24").
const CHANGES: &[&str] = &[
    "go", "goes", "went", "gone", "fall", "falls", "fell", "spring", "springs", "sprang", "move", "moves", "moved", "change", "changes", "changed",
    "turn", "turns", "turned", "shift", "shifts", "shifted", "end", "ends", "ended", "begin", "begins", "began", "start", "starts", "started", "run",
    "runs", "ran", "kick", "kicks", "stay", "stays", "stayed", "remain", "remains", "remained", "return", "returns", "returned", "switch",
    "switches", "switched",
];

/// How many tokens before the day the clause's subject and verb may stand
/// ("U.S. clocks fall back an hour earlier on Sunday").
const REACH: usize = 10;

/// Whether the day at tokens `[start, end)` is the day a change of the
/// clocks is told of: a subject of clocks or of saving time with a verb of
/// change, in its clause before it ("New Zealand's clocks go back an hour on
/// Sunday", "where daylight saving runs until Sunday"), and nothing else is
/// said to happen on it (", when that episode airs").
pub fn clock_change(t: &Tokens<'_>, start: usize, end: usize) -> bool {
    // ("clocks fall back an hour on Sunday, when that episode airs": the day
    // of something else too)
    if is(t, end, ",") && is(t, end + 1, "when") {
        return false;
    }
    let clause = (start.saturating_sub(REACH)..start).rev().take_while(|&k| !any(t, k, &[",", ";", ".", "!", "?", "—", "–"]));
    // (the subject before the verb, "clocks go back on Sunday", or after it,
    // "New Zealand moves to daylight saving time on Sunday")
    let (mut verb, mut subject) = (false, false);
    for k in clause {
        verb |= any(t, k, CHANGES);
        // (or the standard time a zone goes back to: "Britain returns to
        // Greenwich Mean Time on Sunday", "moves to winter time")
        subject |= any(t, k, CLOCKS) || any(t, k, &["daylight", "summer"]) && any(t, k + 1, SAVING) || any(t, k, STANDARD) && is(t, k + 1, "time");
        if subject && verb {
            return true;
        }
    }
    false
}
