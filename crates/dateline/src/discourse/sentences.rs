//! Sentences and paragraphs, cut once per document from punctuation and line
//! breaks, so that the document stage can ask in constant time whether two
//! expressions share a sentence.

use crate::lang::{ClauseCue, Language};
use crate::lex::{TokKind, Tokens};

/// The sentence and paragraph of every token.
pub(crate) struct Sentences {
    sentence: Vec<u32>,
    paragraph: Vec<u32>,
    clause: Vec<u32>,
    /// Whether the token's clause only sets the scene (a subordinate clause).
    setting: Vec<bool>,
    /// How many relative clauses (", where ...") opened up to the token.
    relative: Vec<u32>,
}

impl Sentences {
    /// Cuts the tokens in one pass. A sentence ends at a line break, and at
    /// a full stop, question or exclamation mark (or an abbreviation with
    /// its point, "a.m.", that ends in one) followed by a capitalised word
    /// or a number, unless the stop closes a short abbreviation ("Sept. 16",
    /// "Mr. Lee"). A paragraph ends at a line break.
    ///
    /// A clause ends where the language says one opens (after a comma,
    /// "..., and", "..., so"; at a semicolon) and at the first comma of a
    /// sentence that opens with a clause ("Because ..., the call starts").
    ///
    /// A stop inside a found expression ends nothing: the grammar read the
    /// words after it as part of the time ("9 a.m. Taiwan time").
    pub(crate) fn new(t: &Tokens<'_>, language: &Language, found: &[crate::grammar::Found]) -> Sentences {
        // the tokens that continue a found expression (not its first)
        let mut inside = vec![false; t.len()];
        for f in found {
            for flag in inside.iter_mut().take(f.end.min(t.len())).skip(f.start + 1) {
                *flag = true;
            }
        }
        let clause_cue = language.clause;
        let mut sentence = Vec::with_capacity(t.len());
        let mut paragraph = Vec::with_capacity(t.len());
        let mut clause = Vec::with_capacity(t.len());
        let mut setting = Vec::with_capacity(t.len());
        let mut relative = Vec::with_capacity(t.len());
        let mut r = 0u32;
        let mut subordinate = false;
        let (mut s, mut p, mut c) = (0u32, 0u32, 0u32);
        // whether the sentence opened with a clause its first comma closes
        let mut fronted = false;
        for (k, &continues) in inside.iter().enumerate() {
            let opens = k == 0 || {
                let tok = &t.toks[k];
                tok.newline_before
                    || (tok.space_before
                        && !continues
                        && (tok.cap || tok.kind == TokKind::Num || opening_quote(t.raw(k)))
                        && ends_sentence(t, k - 1, language.abbreviation)
                        && !(language.zone_goes_on)(t, k))
            };
            if opens {
                if k > 0 {
                    s += 1;
                    c += 1;
                    if t.toks[k].newline_before {
                        p += 1;
                    }
                }
                fronted = clause_cue(t, k) == Some(ClauseCue::Fronts);
                subordinate = fronted;
            } else if fronted && t.raw(k - 1) == "," {
                c += 1;
                fronted = false;
                subordinate = false;
            } else {
                match clause_cue(t, k) {
                    Some(cue @ (ClauseCue::Joins | ClauseCue::Subordinates)) => {
                        c += 1;
                        subordinate = cue == ClauseCue::Subordinates;
                    }
                    Some(ClauseCue::Relative) => r += 1,
                    _ => {}
                }
            }
            relative.push(r);
            setting.push(subordinate);
            sentence.push(s);
            paragraph.push(p);
            clause.push(c);
        }
        Sentences { sentence, paragraph, clause, setting, relative }
    }

    /// Whether token `k` stands in a clause that only sets the scene of its
    /// sentence ("Because clocks go back on Sunday, ...", "..., since clocks
    /// do not go back until April 7"): its days are no event's.
    pub(crate) fn setting(&self, k: usize) -> bool {
        self.setting.get(k).copied().unwrap_or(false)
    }

    /// Whether a relative clause opens between tokens `a` and `b` (`a` <=
    /// `b`): "8:30 a.m. in Sydney, where daylight saving runs until Sunday".
    pub(crate) fn relative_between(&self, a: usize, b: usize) -> bool {
        let at = |k: usize| self.relative.get(k).or(self.relative.last()).copied().unwrap_or(0);
        at(a) != at(b)
    }

    /// The clause of token `k` (numbered through the document).
    pub(crate) fn clause(&self, k: usize) -> u32 {
        self.clause.get(k).or(self.clause.last()).copied().unwrap_or(0)
    }

    /// The sentence of token `k` (the last sentence past the end).
    pub(crate) fn of(&self, k: usize) -> u32 {
        self.sentence.get(k).or(self.sentence.last()).copied().unwrap_or(0)
    }

    /// The tokens `[lo, hi)` of the sentence of tokens `[start, end)`, looked
    /// for at most `reach` tokens either way: `lo` is the sentence's first
    /// token when it lies within reach (else `start`), `hi` one past its last
    /// (else `end + reach`).
    pub(crate) fn span(&self, start: usize, end: usize, reach: usize) -> (usize, usize) {
        let here = self.of(start);
        let len = self.sentence.len();
        let lo = (start.saturating_sub(reach)..start).find(|&k| self.of(k) == here).unwrap_or(start);
        let far = (end + reach).min(len);
        let hi = (end..far).find(|&k| self.of(k) != here).unwrap_or(far);
        (lo, hi)
    }

    /// The paragraph of token `k`.
    pub(crate) fn paragraph(&self, k: usize) -> u32 {
        self.paragraph.get(k).or(self.paragraph.last()).copied().unwrap_or(0)
    }
}

fn opening_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "'" | "‘")
}

/// Whether token `k` closes a sentence when a capitalised word follows.
/// The words that, after a clock time's "a.m.", go on with the time rather
/// than open a sentence: a day, a month, a zone, a part of the day ("11
/// a.m. Monday", "9 p.m. Eastern"). Other known words open one ("4 p.m.
/// Pre-orders run").
const GOES_ON: u32 = {
    use crate::lexicon::class::*;
    MONTH | WEEKDAY | WEEKDAYS | ZONE | POD | UNIT | SEASON | DEICTIC | DIR
};

fn ends_sentence(t: &Tokens<'_>, k: usize, abbreviation: fn(&Tokens<'_>, usize) -> bool) -> bool {
    let w = t.raw(k);
    match w {
        "!" | "?" => true,
        // ("Sept. 16", "Mr. Lee", "St. Kilda": the language knows its abbreviations; "in New York. The" ends)
        "." => k == 0 || !(t.toks[k - 1].kind == TokKind::Word && abbreviation(t, k - 1) && !t.toks[k].space_before),
        // "at 11 a.m. Two hours later": the point of the abbreviation ends the sentence too,
        // unless a word of time goes on ("11 a.m. Monday"), but not one that
        // opens a possessive ("at 12:30 p.m. Sunday's tie starts")
        _ => {
            let possessive = matches!(t.raw(k + 2), "'" | "’") && t.lw(k + 3) == "s";
            w.len() > 2
                && w.ends_with('.')
                && t.toks[k].kind == TokKind::Word
                && t.toks.get(k + 1).is_some_and(|n| n.class & GOES_ON == 0 || n.kind == TokKind::Num || possessive)
                // ("the U.S. East Coast": an initialism the language says goes on)
                && !abbreviation(t, k)
        }
    }
}
