//! Sentences and paragraphs, cut once per document from punctuation and line
//! breaks, so that the document stage can ask in constant time whether two
//! expressions share a sentence.

use crate::lex::{TokKind, Tokens};

/// The sentence and paragraph of every token.
pub(crate) struct Sentences {
    sentence: Vec<u32>,
    paragraph: Vec<u32>,
}

impl Sentences {
    /// Cuts the tokens in one pass. A sentence ends at a line break, and at
    /// a full stop, question or exclamation mark (or an abbreviation with
    /// its point, "a.m.", that ends in one) followed by a capitalised word
    /// or a number, unless the stop closes a short abbreviation ("Sept. 16",
    /// "Mr. Lee"). A paragraph ends at a line break.
    pub(crate) fn new(t: &Tokens<'_>) -> Sentences {
        let mut sentence = Vec::with_capacity(t.len());
        let mut paragraph = Vec::with_capacity(t.len());
        let (mut s, mut p) = (0u32, 0u32);
        for k in 0..t.len() {
            if k > 0 {
                let tok = &t.toks[k];
                if tok.newline_before {
                    s += 1;
                    p += 1;
                } else if tok.space_before && (tok.cap || tok.kind == TokKind::Num || opening_quote(t.raw(k))) && ends_sentence(t, k - 1) {
                    s += 1;
                }
            }
            sentence.push(s);
            paragraph.push(p);
        }
        Sentences { sentence, paragraph }
    }

    /// The sentence of token `k` (the last sentence past the end).
    pub(crate) fn of(&self, k: usize) -> u32 {
        self.sentence.get(k).or(self.sentence.last()).copied().unwrap_or(0)
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
fn ends_sentence(t: &Tokens<'_>, k: usize) -> bool {
    let w = t.raw(k);
    match w {
        "!" | "?" => true,
        // ("Sept. 16", "Mr. Lee", "St. Kilda": a short word before the point is an abbreviation)
        "." => k == 0 || !(t.toks[k - 1].kind == TokKind::Word && t.raw(k - 1).len() <= 4 && t.toks[k - 1].cap && !t.toks[k].space_before),
        // "at 11 a.m. Two hours later": the point of the abbreviation ends the sentence too,
        // unless a word of time goes on ("11 a.m. Monday")
        _ => {
            w.len() > 2
                && w.ends_with('.')
                && t.toks[k].kind == TokKind::Word
                && t.toks.get(k + 1).is_some_and(|n| n.class == 0 || n.kind == TokKind::Num)
        }
    }
}
