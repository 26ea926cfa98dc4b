//! The first pipeline stage: one linear pass that cuts text into tokens.
//!
//! Tokens are runs of letters (`Word`), runs of ASCII digits (`Num`) and
//! single punctuation characters (`Punct`). Shapes such as `9:10`,
//! `2019-02-28` or `1990s` are left as sequences of adjacent tokens; the
//! grammar recognises them through [`Token::space_before`]. Each word token
//! carries its lexicon entries, looked up once here, so rules never hash a
//! word twice. Dotted initialisms ("a.m.", "U.S.") stay one word token.

use crate::lexicon::{Cue, Entry, Lexicon};
use crate::tuning::{MAX_INITIALISM, SHORT_LIST};

/// The coarse class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (and inner apostrophes or dots of initialisms).
    Word,
    /// ASCII digits.
    Num,
    /// One punctuation or symbol character.
    Punct,
}

/// One token: a byte span of the input and what the lexer knows about it.
#[derive(Clone, Debug)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The token class.
    pub kind: TokKind,
    /// Whether white space separates this token from the previous one.
    pub space_before: bool,
    /// Whether a blank line (paragraph break) or a line break precedes it.
    pub newline_before: bool,
    /// Whether the first character is uppercase.
    pub cap: bool,
    /// Whether the lexicon reads the word as time in lower case too
    /// ([`crate::lexicon::Word::case_free`]).
    pub case_free: bool,
    /// Whether the word is a misspelling the lexicon reads as another
    /// ([`crate::lexicon::Word::typo`]): the language's rules decide where a
    /// capitalised one is a name instead.
    pub typo: bool,
    /// The token's classes (see [`crate::lexicon::class`]); 0 when no
    /// expression can start here.
    pub class: u32,
    /// The tense cue of this word.
    pub cue: Cue,
    /// Index range of this word's entries in the lexicon's table of all
    /// entries (see [`Tokens::entries`]).
    lex: (u32, u32),
    /// The word this one is a spelling of ([`crate::lexicon::Word::spells`]),
    /// whose text [`Tokens::lw`] gives; 0 for none.
    spells: u16,
    /// The token's [`short_key`]: its lowercase bytes as one number, so that
    /// comparing it with a short word is one comparison.
    key: u64,
}

/// The longest word [`short_key`] holds whole.
pub(crate) const KEY_BYTES: usize = 7;

/// A word of at most [`KEY_BYTES`] bytes as one number: its bytes from the
/// lowest up, and its length in the top byte; `None` for a longer word.
/// Two words of that length are equal exactly when their keys are, and a
/// longer word's key (as the lexer stores it, from its first bytes and its
/// length) equals no short word's. Rules compare tokens with literal words
/// all the time; for a literal the key is worked out at compile time.
#[inline(always)]
pub const fn short_key(w: &[u8]) -> Option<u64> {
    if w.len() > KEY_BYTES {
        return None;
    }
    Some(prefix_key(w))
}

/// The first [`KEY_BYTES`] bytes of `w` and its length (at most 255) as one number.
#[inline(always)]
pub(crate) const fn prefix_key(w: &[u8]) -> u64 {
    let mut key = (if w.len() > 255 { 255 } else { w.len() } as u64) << 56;
    let mut n = 0;
    while n < w.len() && n < KEY_BYTES {
        key |= (w[n] as u64) << (8 * n);
        n += 1;
    }
    key
}

/// The tokens of one document, with the lowercased text they index.
#[derive(Debug)]
pub struct Tokens<'t> {
    /// The original text.
    pub text: &'t str,
    /// The lexicon the words were looked up in (for multi-word names).
    pub lexicon: &'t Lexicon,
    /// The text with ASCII letters lowercased; byte offsets are identical.
    pub lower: String,
    /// The tokens in text order.
    pub toks: Vec<Token>,
}

impl<'t> Tokens<'t> {
    /// Lowercased text of token `i`, or "" past the end.
    #[inline]
    pub fn lw(&self, i: usize) -> &str {
        #[cfg(test)]
        crate::work::count();
        match self.toks.get(i) {
            Some(t) if t.spells != 0 => self.lexicon.spelled(t.spells),
            Some(t) => &self.lower[t.start..t.end],
            None => "",
        }
    }

    /// The bytes of [`Tokens::lw`]: for comparing a token with a word, which
    /// needs no check that the token starts and ends on characters.
    #[inline]
    pub fn lw_bytes(&self, i: usize) -> &[u8] {
        match self.toks.get(i) {
            Some(t) if t.spells != 0 => self.lexicon.spelled(t.spells).as_bytes(),
            Some(t) => self.lower.as_bytes().get(t.start..t.end).unwrap_or_default(),
            None => &[],
        }
    }

    /// The [`short_key`] of token `i`'s lowercase text (that of "" past the end).
    #[inline(always)]
    pub fn key(&self, i: usize) -> u64 {
        match self.toks.get(i) {
            Some(t) => t.key,
            None => prefix_key(&[]),
        }
    }

    /// Whether token `i`, lowercased, is `w`: for a short word, one
    /// comparison of keys.
    #[inline(always)]
    pub fn is(&self, i: usize, w: &str) -> bool {
        match short_key(w.as_bytes()) {
            Some(key) => self.key(i) == key,
            None => self.lw_bytes(i) == w.as_bytes(),
        }
    }

    /// Whether token `i`, lowercased, is one of `ws` (none is past the end):
    /// for the words of at most [`KEY_BYTES`] bytes, one comparison of keys
    /// each. Inlined where the rules call it with a short list written out
    /// (up to `tuning::SHORT_LIST` words), the keys of the list's words are
    /// worked out at compile time; in a longer list, only the words of the
    /// token's length are compared.
    #[inline(always)]
    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        let key = self.key(i);
        // a short list written out is unrolled with its keys made at
        // compile time: one comparison a word
        if ws.len() <= SHORT_LIST {
            let mut long = false;
            for w in ws {
                match short_key(w.as_bytes()) {
                    Some(k) if !w.is_empty() => {
                        if k == key {
                            return true;
                        }
                    }
                    Some(_) => {}
                    None => long = true,
                }
            }
            return long && key >> 56 > KEY_BYTES as u64 && ws.iter().any(|w| w.len() > KEY_BYTES && self.lw_bytes(i) == w.as_bytes());
        }
        // a longer one is a loop, which would make the key of each word at
        // run time; but a word of another length than the token's (which
        // its key holds: that of a long word is over KEY_BYTES) cannot
        // match, so only the words of the token's length have their keys made
        let len = (key >> 56) as usize;
        if len > KEY_BYTES {
            return ws.iter().any(|w| w.len() > KEY_BYTES && self.lw_bytes(i) == w.as_bytes());
        }
        len != 0 && ws.iter().any(|w| w.len() == len && short_key(w.as_bytes()) == Some(key))
    }

    /// Original text of token `i`, or "" past the end.
    #[inline]
    pub fn raw(&self, i: usize) -> &str {
        #[cfg(test)]
        crate::work::count();
        match self.toks.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }

    /// Lexicon entries of token `i`.
    #[inline]
    pub fn entries(&self, i: usize) -> &[Entry] {
        #[cfg(test)]
        crate::work::count();
        match self.toks.get(i) {
            Some(t) => self.lexicon.flat_entries(t.lex),
            None => &[],
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

/// The one ASCII character that is white space (`char::is_whitespace`) but
/// not ASCII white space (`u8::is_ascii_whitespace`): the vertical tab.
const ASCII_ONLY_SPACE: u8 = 0x0B;

/// Cuts `text` into tokens and looks every word up in `lexicon`.
///
/// Runs in one pass, allocating only the token vector and one lowercased
/// copy of the text (a word's entries stay in the lexicon).
pub fn tokenize<'t>(text: &'t str, lexicon: &'t Lexicon) -> Tokens<'t> {
    let lower = text.to_ascii_lowercase();
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space = true;
    let mut newline = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            if b == b'\n' {
                newline = true;
            }
            space = true;
            i += 1;
            continue;
        }
        // ASCII is read as bytes, as the char methods would read it (a test
        // checks); other text is decoded once per character
        let ascii = b < 0x80;
        let c = if ascii { b as char } else { text[i..].chars().next().unwrap_or(' ') };
        let width = if ascii { 1 } else { c.len_utf8() };
        if if ascii { b == ASCII_ONLY_SPACE } else { c.is_whitespace() } {
            space = true;
            i += width;
            continue;
        }
        let start = i;
        let kind;
        if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            kind = match spelled_with_digit(bytes, &lower, start, i, lexicon) {
                Some(end) => {
                    i = end;
                    TokKind::Word
                }
                None => TokKind::Num,
            };
        } else if if ascii { b.is_ascii_alphabetic() } else { is_word_char(c) } {
            i += width;
            // runs of ASCII letters eight bytes at a time, then byte by byte
            while let Some(chunk) = bytes.get(i..i + 8) {
                let n = ascii_letters(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
                i += n;
                if n < 8 {
                    break;
                }
            }
            while i < bytes.len() {
                let b2 = bytes[i];
                if b2.is_ascii_alphabetic() {
                    i += 1;
                } else if b2 >= 0x80 {
                    match text[i..].chars().next() {
                        Some(c2) if is_word_char(c2) => i += c2.len_utf8(),
                        _ => break,
                    }
                } else if b2 == b'.' && is_initialism(&text[start..], i - start) {
                    // "a.m." / "U.S.": swallow letter-dot pairs.
                    i += 1;
                } else {
                    break;
                }
            }
            kind = TokKind::Word;
        } else {
            i += width;
            kind = TokKind::Punct;
        }
        let mut key = token_key(lower.as_bytes(), start, i);
        let (lex, class, cue, case_free, spells, typo) = match kind {
            TokKind::Num => ((0, 0), crate::lexicon::class::NUM, Cue::None, false, 0, false),
            _ => match lexicon.word_at(key, &lower, start, i) {
                Some(w) => {
                    if w.spells != 0 {
                        key = prefix_key(lexicon.spelled(w.spells).as_bytes());
                    }
                    (Lexicon::entry_run(w), w.class, w.cue, w.case_free, w.spells, w.typo)
                }
                None => ((0, 0), 0, Cue::None, false, 0, false),
            },
        };
        toks.push(Token {
            start,
            end: i,
            kind,
            space_before: space,
            newline_before: newline,
            cap: if ascii { b.is_ascii_uppercase() } else { c.is_uppercase() },
            case_free,
            typo,
            class,
            cue,
            lex,
            spells,
            key,
        });
        space = false;
        newline = false;
    }
    Tokens { text, lexicon, lower, toks }
}

/// The end of a chat spelling that begins with the digit at `start` ("2nite",
/// "2moro", "2day"), when the letters right after the digits (ending at
/// `digits_end`) make one with them; `None` for a number ("2nd", "5pm").
#[inline]
fn spelled_with_digit(bytes: &[u8], lower: &str, start: usize, digits_end: usize, lexicon: &Lexicon) -> Option<usize> {
    // (not a name, "2Day FM", with a capital right after the digit)
    if digits_end - start != 1 || !bytes.get(digits_end).is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    let mut end = digits_end;
    while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
        end += 1;
    }
    lexicon.word_at(token_key(lower.as_bytes(), start, end), lower, start, end).filter(|w| w.spells != 0).map(|_| end)
}

/// The [`prefix_key`] of `lower[start..end]`, read as one load of eight
/// bytes where the text goes on that far.
#[inline]
fn token_key(lower: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    match lower.get(start..start + 8) {
        Some(eight) => {
            let bytes = u64::from_le_bytes(eight.try_into().unwrap_or_default());
            let mask = (1u64 << (8 * len.min(KEY_BYTES))) - 1;
            bytes & mask | (len.min(255) as u64) << 56
        }
        None => prefix_key(&lower[start..end]),
    }
}

/// How many of the eight bytes of `x` (little-endian: the first in the
/// lowest byte) are ASCII letters before the first that is not.
#[inline]
fn ascii_letters(x: u64) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // the low seven bits of each byte, in lower case; a byte is a letter when
    // they lie in 'a'..='z' and its high bit is clear. Adding 0x1f sets the
    // high bit from 'a' (0x61) up, adding 0x05 from past 'z' (0x7b) up, and
    // neither carries into the next byte
    let low = (x | 0x2020_2020_2020_2020) & !HIGH;
    let letters = (low + 0x1f1f_1f1f_1f1f_1f1f) & !(low + 0x0505_0505_0505_0505) & !x & HIGH;
    ((!letters & HIGH).trailing_zeros() / 8) as usize
}

/// Whether the dot at byte `at` of `s` continues an initialism: the word so
/// far is single letters separated by dots, and a single letter follows the dot
/// (or the dot closes one that already has an inner dot).
fn is_initialism(s: &str, at: usize) -> bool {
    // initialisms are short; bounding them keeps the lexer linear on "a.a.a.a..."
    if at > MAX_INITIALISM {
        return false;
    }
    let head = &s[..at];
    let single_letters = head.split('.').all(|p| p.chars().count() == 1);
    if !single_letters {
        return false;
    }
    let mut rest = s[at + 1..].chars();
    match rest.next() {
        Some(c) if c.is_alphabetic() => !rest.next().is_some_and(|d| d.is_alphabetic()),
        _ => head.contains('.'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::parse(crate::lang::en::LEXICON).unwrap()
    }

    #[test]
    fn cuts_shapes_into_adjacent_tokens() {
        let l = lex();
        let t = tokenize("On 2019-02-28, at 9:10 p.m. KST.", &l);
        let words: Vec<&str> = (0..t.len()).map(|i| t.raw(i)).collect();
        assert_eq!(words, ["On", "2019", "-", "02", "-", "28", ",", "at", "9", ":", "10", "p.m.", "KST", "."]);
        assert!(!t.toks[2].space_before);
        assert!(t.toks[7].space_before);
        assert!(t.toks[0].cap && !t.toks[7].cap);
    }

    #[test]
    fn initialisms_and_unicode() {
        let l = lex();
        let t = tokenize("the U.S. economy’s a.m. Jimin’s", &l);
        let words: Vec<&str> = (0..t.len()).map(|i| t.raw(i)).collect();
        assert_eq!(words, ["the", "U.S.", "economy", "’", "s", "a.m.", "Jimin", "’", "s"]);
    }

    #[test]
    fn sentence_final_period_is_not_an_initialism() {
        let l = lex();
        let t = tokenize("in May. Then", &l);
        let words: Vec<&str> = (0..t.len()).map(|i| t.raw(i)).collect();
        assert_eq!(words, ["in", "May", ".", "Then"]);
    }

    #[test]
    fn ascii_letters_counts_the_leading_letters() {
        for b in 0u8..=255 {
            for at in 0..8 {
                let mut bytes = *b"abcdefgh";
                bytes[at] = b;
                let want = if b.is_ascii_alphabetic() { 8 } else { at };
                assert_eq!(ascii_letters(u64::from_le_bytes(bytes)), want, "{b:#x} at {at}");
            }
        }
        assert_eq!(ascii_letters(u64::from_le_bytes(*b"ZAzaQ@[`")), 5);
    }

    #[test]
    fn ascii_bytes_are_read_as_their_chars() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            assert_eq!(c.is_whitespace(), b.is_ascii_whitespace() || b == ASCII_ONLY_SPACE, "{b:#x}");
            assert_eq!(is_word_char(c), b.is_ascii_alphabetic(), "{b:#x}");
            assert_eq!(c.is_uppercase(), b.is_ascii_uppercase(), "{b:#x}");
            assert_eq!(c.len_utf8(), 1);
        }
    }

    #[test]
    fn keys_tell_short_words_apart() {
        let l = lex();
        let t = tokenize("The theatre, Thursday; a b\u{0} x", &l);
        assert!(t.is(0, "the") && !t.is(0, "they") && !t.is(0, "th") && !t.is(1, "the"));
        assert!(t.is(1, "theatre") && t.is(3, "thursday") && !t.is(3, "thursdays") && !t.is(3, "thursdax"));
        assert!(t.is(2, ",") && t.is(4, ";") && t.is(5, "a") && !t.is(5, "b"));
        // a NUL byte is a token of its own, and the end of the tokens is no word
        assert!(t.is(7, "\u{0}") && !t.is(7, "") && t.is(9, "") && !t.is(9, "\u{0}"));
        assert_eq!(short_key(b"thursday"), None);
        assert_ne!(short_key(b"a"), short_key(b"a\0"));
        // the one-load key is the key
        let text = b"ab cdefghijk lm";
        for (start, end) in [(0, 2), (3, 12), (3, 10), (13, 15), (0, 15)] {
            assert_eq!(token_key(text, start, end), prefix_key(&text[start..end]));
        }
    }

    #[test]
    fn words_carry_lexicon_entries() {
        let l = lex();
        let t = tokenize("Sept. 30", &l);
        assert_eq!(t.entries(0), &[Entry::Month(9)]);
        assert!(t.entries(1).is_empty());
    }
}
