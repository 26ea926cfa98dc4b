//! Language resources: the words a language uses for months, weekdays, units,
//! numbers, seasons, parts of the day and time zones.
//!
//! A [`Lexicon`] is parsed once from a plain-text data file compiled into the
//! binary (see `lang/en/lexicon.txt`). The engine core only ever sees the
//! typed [`Entry`] values, so adding a language means adding a data file and
//! its grammar rules, not editing this module.

use std::collections::HashMap;

use crate::expr::{Pod, Season, Unit};

/// What one lexicon word means. A word may have several entries ("second"
/// is both an ordinal and a unit; "sun" a weekday abbreviation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A month, 1-12.
    Month(u8),
    /// An ISO weekday, 1 (Monday) to 7 (Sunday).
    Weekday(u8),
    /// A plural weekday ("Saturdays"), which names a recurrence.
    Weekdays(u8),
    /// A calendar unit; `plural` is true for "years", "days", ...
    Unit {
        /// The unit.
        unit: Unit,
        /// Whether the word is the plural form.
        plural: bool,
    },
    /// A cardinal number word ("seven", "twenty", "hundred").
    Number(u32),
    /// An ordinal number word ("third").
    Ordinal(u32),
    /// A season of the year.
    Season(Season),
    /// A part of the day.
    Pod(Pod),
    /// A time-zone abbreviation; the index points into [`Lexicon::zones`].
    Zone(u16),
}

/// The compiled word lists of one language.
///
/// Build it with [`Lexicon::parse`]; look words up with [`Lexicon::lookup`],
/// which expects lowercase input.
#[derive(Debug, Clone)]
pub struct Lexicon {
    map: HashMap<Box<str>, Vec<Entry>>,
    zones: Vec<Box<str>>,
}

/// An error in a lexicon data file: the line number and what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("lexicon line {line}: {message}")]
pub struct LexiconError {
    /// 1-based line number in the data file.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl Lexicon {
    /// Parses a lexicon data file (`KIND VALUE WORD...` per line, `#` comments).
    ///
    /// # Errors
    /// Returns a [`LexiconError`] naming the line when a kind or value is unknown.
    pub fn parse(src: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon { map: HashMap::new(), zones: Vec::new() };
        for (n, line) in src.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |m: &str| LexiconError { line: n + 1, message: m.to_string() };
            let mut parts = line.split_whitespace();
            let kind = parts.next().ok_or_else(|| err("empty"))?;
            let value = parts.next().ok_or_else(|| err("missing value"))?;
            let num = || value.parse::<u32>().map_err(|_| err("value is not a number"));
            let entry = match kind {
                "month" => Entry::Month(num()? as u8),
                "weekday" => Entry::Weekday(num()? as u8),
                "weekdays" => Entry::Weekdays(num()? as u8),
                "unit" | "units" => Entry::Unit { unit: Unit::from_code(value).ok_or_else(|| err("unknown unit"))?, plural: kind == "units" },
                "number" => Entry::Number(num()?),
                "ordinal" => Entry::Ordinal(num()?),
                "season" => Entry::Season(Season::from_code(value).ok_or_else(|| err("unknown season"))?),
                "pod" => Entry::Pod(Pod::from_code(value).ok_or_else(|| err("unknown part of day"))?),
                "zone" => {
                    lex.zones.push(value.into());
                    Entry::Zone((lex.zones.len() - 1) as u16)
                }
                _ => return Err(err("unknown kind")),
            };
            for word in parts {
                lex.map.entry(word.into()).or_default().push(entry);
            }
        }
        Ok(lex)
    }

    /// The entries for a lowercase word; empty when the word is not in the lexicon.
    pub fn lookup(&self, lower: &str) -> &[Entry] {
        self.map.get(lower).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The IANA zone name of a zone index, or `None` past the last zone.
    pub fn zone_name_checked(&self, idx: u16) -> Option<&str> {
        self.zones.get(idx as usize).map(|z| &**z)
    }

    /// The IANA zone name of a [`Entry::Zone`] index.
    pub fn zone_name(&self, idx: u16) -> &str {
        &self.zones[idx as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_english() {
        let lex = Lexicon::parse(crate::lang::en::LEXICON).unwrap();
        assert_eq!(lex.lookup("sept"), &[Entry::Month(9)]);
        assert!(lex.lookup("second").contains(&Entry::Ordinal(2)));
        assert!(lex.lookup("second").contains(&Entry::Unit { unit: Unit::Second, plural: false }));
        assert!(lex.lookup("tuesday").contains(&Entry::Weekday(2)));
        assert!(lex.lookup("banana").is_empty());
    }

    #[test]
    fn rejects_bad_lines() {
        let e = Lexicon::parse("month x january").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(Lexicon::parse("\n\nplanet 3 earth").unwrap_err().line == 3);
    }
}
