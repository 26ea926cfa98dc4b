//! Long texts in pieces: where to cut one so that no expression is cut, and
//! how a piece's analysis is moved to its place in the whole document.
//!
//! A text longer than [`PIECE_BYTES`] is tagged a piece at a time (see
//! [`Tagger::tag_pieces`]; a reader of a stream cuts with [`Tagger::cut`]
//! and shifts each analysis by an [`Offset`] itself). Each piece is tagged
//! with the document's DCT and zone; what the document stage links across
//! sentences (an event's day, the article's place, one instant in several
//! zones) is not carried across a cut.

use crate::analysis::{Analysis, Document};
use crate::grammar::compose;
use crate::lex::tokenize;
use crate::tagger::Tagger;
use crate::tuning::SEAM_BYTES;

pub use crate::tuning::PIECE_BYTES;

/// Where a piece stands in its document: what to add to the offsets and
/// tids of the piece's analysis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Offset {
    /// Bytes of the document before the piece.
    pub bytes: usize,
    /// Characters (code points) before the piece.
    pub chars: usize,
    /// Timex ids used before the piece: its `t1` becomes `t{tids + 1}`.
    pub tids: usize,
}

impl Offset {
    /// The offset of the piece after the one at `self`, whose text is
    /// `text` and whose analysis (not shifted yet) is `a`.
    pub fn after(self, text: &str, a: &Analysis) -> Offset {
        Offset { bytes: self.bytes + text.len(), chars: self.chars + text.chars().count(), tids: self.tids + a.tids_used() }
    }
}

impl Analysis {
    /// How many timex ids the analysis uses: one per timex, and one per
    /// range with a length, which TimeML writes as a timex of its own after
    /// the others.
    pub fn tids_used(&self) -> usize {
        self.timexes.len() + self.groups.iter().filter(|g| g.duration.is_some() && !g.tids.is_empty()).count()
    }

    /// Moves the analysis of a piece to its place in the document: offsets
    /// and tids (also those the timexes and groups refer to) are counted
    /// from the document's start. `t0`, the DCT, stays.
    pub fn shift(&mut self, by: Offset) {
        if by == Offset::default() {
            return;
        }
        let tid = |t: &mut String| {
            if let Some(n) = t.strip_prefix('t').and_then(|n| n.parse::<usize>().ok()).filter(|&n| n > 0) {
                *t = format!("t{}", n + by.tids);
            }
        };
        for t in &mut self.timexes {
            t.start += by.chars;
            t.end += by.chars;
            t.byte_start += by.bytes;
            t.byte_end += by.bytes;
            tid(&mut t.tid);
            t.anchor.as_mut().map(tid);
            t.day_from.as_mut().map(tid);
        }
        for g in &mut self.groups {
            g.tids.iter_mut().for_each(tid);
            g.ends.as_mut().map(tid);
        }
    }
}

impl Tagger {
    /// Where to end the first piece of `text` so that it has at most `max`
    /// bytes: all of `text` when it fits, else the last blank line in the
    /// second half of those bytes, else the last line break there, else the
    /// last sentence end, else the last space, else the last character that
    /// fits (a text without spaces). The cut is moved back to the start of
    /// an expression it would cut (the text a few kilobytes either side is
    /// tagged again to see), so it is never inside one. Always at least one
    /// character, on a character boundary.
    pub fn cut(&self, text: &str, max: usize) -> usize {
        if text.len() <= max {
            return text.len();
        }
        let hi = floor(text, max).max(ceil(text, 1));
        let lo = floor(text, max / 2);
        let window = &text.as_bytes()[lo..hi];
        let at = lo + break_in(window).unwrap_or(window.len());
        let at = if text.is_char_boundary(at) { at } else { hi };
        self.clear(text, at)
    }

    /// `at`, or the start of an expression that would be cut there.
    fn clear(&self, text: &str, at: usize) -> usize {
        let from = floor(text, at.saturating_sub(SEAM_BYTES));
        let to = floor(text, at + SEAM_BYTES);
        let seam = &text[from..to];
        let toks = tokenize(seam, self.lexicon());
        for f in compose(&toks, self.language().rules) {
            let (s, e) = (from + toks.toks[f.start].start, from + toks.toks[f.end - 1].end);
            if s < at && at < e {
                return if s > 0 { s } else { e };
            }
        }
        at
    }

    /// Tags a document of any length in pieces of at most `max` bytes (see
    /// [`Tagger::cut`]), each with the document's DCT and zone, and hands
    /// each piece's text and analysis, shifted to its place in the document
    /// ([`Analysis::shift`]), to `each` in order. A document that fits in one
    /// piece gets exactly what [`Tagger::tag`] gives.
    pub fn tag_pieces(&self, doc: &Document<'_>, max: usize, mut each: impl FnMut(&str, Analysis)) {
        let mut rest = doc.text;
        let mut at = Offset::default();
        loop {
            let n = self.cut(rest, max);
            let piece = &rest[..n];
            let mut a = self.tag(&Document { text: piece, ..doc.clone() });
            let next = at.after(piece, &a);
            a.shift(at);
            each(piece, a);
            at = next;
            rest = &rest[n..];
            if rest.is_empty() {
                break;
            }
        }
    }
}

/// The largest character boundary of `s` at or before `i`.
fn floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary of `s` at or after `i`.
fn ceil(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Where the best break in `w` ends: after its last blank line, else its
/// last line break, else its last sentence end, else its last space. One
/// pass, whatever the text.
fn break_in(w: &[u8]) -> Option<usize> {
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    // the last end of each kind of break, in order of preference
    let mut last = [None; 4];
    let (mut seen_line, mut blank) = (false, false);
    for (k, &b) in w.iter().enumerate() {
        if b == b'\n' {
            if seen_line && blank {
                last[0] = Some(k + 1);
            }
            last[1] = Some(k + 1);
            (seen_line, blank) = (true, true);
        } else if !space(b) {
            blank = false;
        }
        if space(b) {
            if k > 0 && matches!(w[k - 1], b'.' | b'!' | b'?') {
                last[2] = Some(k + 1);
            }
            last[3] = Some(k + 1);
        }
    }
    last.into_iter().flatten().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_prefer_paragraphs_then_lines_then_sentences_then_spaces() {
        let t = Tagger::new();
        assert_eq!(t.cut("short", 10), 5);
        let text = "aaaa\nbb\n\nbb bbbb\nccccc. dd eee ffff";
        assert_eq!(&text[..t.cut(text, 14)], "aaaa\nbb\n\n");
        assert_eq!(&text[..t.cut(text, 22)], "aaaa\nbb\n\nbb bbbb\n");
        assert_eq!(&text[..t.cut(text, 34)], "aaaa\nbb\n\nbb bbbb\nccccc. ");
        let spaced = "aaaa bbbb cccc dddd";
        assert_eq!(&spaced[..t.cut(spaced, 12)], "aaaa bbbb ");
        assert_eq!(t.cut("abcdefghij", 4), 4);
        // on a character boundary, and never empty
        assert_eq!(t.cut("\u{e9}\u{e9}\u{e9}", 3), 2);
        assert_eq!(t.cut("\u{1f600}x", 1), 4);
    }

    #[test]
    fn no_expression_is_cut() {
        let t = Tagger::new();
        let text = "It opened on March 3 2019 to crowds";
        // a cut at the last space before 20 bytes would fall between "March 3" and "2019"
        let at = t.cut(text, 20);
        assert_eq!(&text[..at], "It opened on ");
    }

    #[test]
    fn pieces_give_what_one_piece_gives_with_offsets_and_tids_shifted() {
        let t = Tagger::new();
        let para = "The fair runs May 3-7 at 9 a.m. in Seoul, and opens on Monday.\n\n";
        let text = para.repeat(3);
        let dct = "2022-04-19".parse().expect("date");
        let whole = t.tag(&Document::new(para).with_dct(dct));
        let mut got = Vec::new();
        t.tag_pieces(&Document::new(&text).with_dct(dct), para.len() + 10, |piece, a| got.push((piece.to_string(), a)));
        assert_eq!(got.len(), 3);
        let per = whole.tids_used();
        for (k, (piece, a)) in got.iter().enumerate() {
            assert_eq!(piece, para);
            assert_eq!(a.timexes.len(), whole.timexes.len());
            for (x, y) in a.timexes.iter().zip(&whole.timexes) {
                assert_eq!(x.byte_start, y.byte_start + k * para.len());
                assert_eq!(x.start, y.start + k * para.chars().count());
                assert_eq!(&text[x.byte_start..x.byte_end], x.text);
                assert_eq!(x.tid, format!("t{}", y.tid[1..].parse::<usize>().expect("n") + k * per));
            }
            assert_eq!(a.groups[0].tids.len(), whole.groups[0].tids.len());
        }
        // one piece is the same as tagging whole
        let mut one = Vec::new();
        t.tag_pieces(&Document::new(para).with_dct(dct), PIECE_BYTES, |_, a| one.push(a));
        assert_eq!(one, [whole]);
    }
}
