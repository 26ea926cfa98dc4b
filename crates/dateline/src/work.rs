//! Test-only measure of the work tagging does: every read of a token's text
//! or lexicon entries ([`crate::lex::Tokens::lw`], `raw`, `entries`) is
//! counted, on the thread that does it. A stage that walks from token to
//! token without bound shows up as reads growing faster than the text,
//! whatever the machine's speed, so the tests below bound reads rather than
//! time.

use std::cell::Cell;

thread_local! {
    static READS: Cell<u64> = const { Cell::new(0) };
}

/// Counts one read of a token.
pub(crate) fn count() {
    READS.with(|r| r.set(r.get() + 1));
}

/// The reads counted on this thread so far.
fn reads() -> u64 {
    READS.with(Cell::get)
}

#[cfg(test)]
mod tests {
    use super::reads;
    use crate::{Document, Tagger};

    /// Text of about `len` bytes made by repeating `unit(k)` for k = 0, 1, ...
    fn shape(len: usize, unit: impl Fn(u64) -> String) -> String {
        let mut s = String::with_capacity(len + 64);
        let mut k = 0;
        while s.len() < len {
            s.push_str(&unit(k));
            k += 1;
        }
        s
    }

    /// Random characters without spaces (letters, digits, a little punctuation).
    fn random(k: u64) -> String {
        let mut x = k.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5851_f42d_4c95_7f2d;
        x ^= x >> 29;
        x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x ^= x >> 32;
        const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:-/";
        (ALPHABET[(x % ALPHABET.len() as u64) as usize] as char).to_string()
    }

    /// Token reads per byte when tagging `len` bytes of a shape.
    fn reads_per_byte(tagger: &Tagger, len: usize, unit: &dyn Fn(u64) -> String) -> f64 {
        let text = shape(len, unit);
        let before = reads();
        let a = tagger.tag(&Document::new(&text).with_dct("2019-03-01".parse().expect("date")));
        std::hint::black_box(a);
        (reads() - before) as f64 / text.len() as f64
    }

    /// Every shape of text costs about the same per byte at 16 KB and at
    /// 128 KB: work grows with the text, not with its square. (Before
    /// sentence ends were counted ahead, each expression read every token
    /// back to the last year or month named, to see whether a sentence had
    /// ended since: "a year, then lengths" took 1,484 reads per byte at
    /// 128 KB, and random text without spaces 0.1 s for 1 MB but 13 s for
    /// 32 MB.)
    #[test]
    fn work_grows_linearly_on_any_shape_of_text() {
        let tagger = Tagger::new();
        let shapes: [(&str, &dyn Fn(u64) -> String); 9] = [
            ("random, no spaces", &random),
            ("digits", &|k| (k % 10).to_string()),
            ("punctuation", &|k| [".", ",", ";", "(", ")", "-", "!", "?", "\"", "/"][(k % 10) as usize].to_string()),
            ("years", &|_| "2019 ".to_string()),
            ("newlines", &|k| if k % 7 == 0 { "May\n".to_string() } else { "\n".to_string() }),
            ("dense dates", &|_| {
                "On March 3, 2019 at 5 pm EST, every Monday at 9 a.m. until June 30, from May 3 to May 7, last Tuesday, ".to_string()
            }),
            ("one sentence", &|k| format!("in {} the talks at 9 p.m. in Seoul and on Friday {} ", 1990 + k % 30, ["May", "June"][(k % 2) as usize])),
            // a year that frames a sentence that never ends
            ("a year, then lengths", &|k| if k == 0 { "In 1997, ".to_string() } else { "for three days and ".to_string() }),
            ("months and years", &|k| format!("{} {} ", ["March", "1997", "Q3", "2019-02-28"][(k % 4) as usize], k % 13)),
        ];
        for (name, unit) in shapes {
            let small = reads_per_byte(&tagger, 16 << 10, unit);
            let large = reads_per_byte(&tagger, 128 << 10, unit);
            // generous: a stage may do a few hundred reads per byte, but no
            // more per byte on a text eight times as long
            assert!(large < 400.0, "{name}: {large:.1} token reads per byte");
            assert!(large <= small * 1.5 + 1.0, "{name}: {small:.1} token reads per byte at 16 KB, {large:.1} at 128 KB");
        }
    }
}
