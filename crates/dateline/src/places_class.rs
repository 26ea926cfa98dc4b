// The classes of a place name's second byte, by which the build script
// indexes the sorted table of names and src/places.rs finds where a search
// starts, and the filter of the names' heads: included by both, so that
// they agree.

/// How many classes of second byte there are.
const SECOND_CLASSES: usize = 28;

/// The class of a name's second byte, in byte order: none or below 'a' 0,
/// 'a'..='z' 1 to 26, above 'z' 27.
#[inline]
const fn second_class(b: Option<u8>) -> usize {
    match b {
        Some(b @ b'a'..=b'z') => (b - b'a') as usize + 1,
        Some(b) if b > b'z' => 27,
        _ => 0,
    }
}

/// How many bits the filter of name heads has (a power of two): 512K bits,
/// 64 KB, so that the 30,000 or so heads of the table leave nineteen bits
/// in twenty clear.
const HEAD_BITS: usize = 1 << 19;

/// The head of a name or key: its letters up to the first character that is
/// none (a space, a point, an apostrophe, a hyphen): "new" of "new york",
/// "st" of "st. louis", "seoul" of "seoul's". A word token is a run of
/// letters, so a name written from token `k` on has the head of that
/// token's own key.
fn head(key: &str) -> &str {
    key.find(|c: char| !c.is_alphabetic()).map_or(key, |i| &key[..i])
}

/// The bit of a head in the filter (FNV-1a of its bytes, top bits).
#[inline]
fn head_bit(head: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in head.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h >> (64 - HEAD_BITS.trailing_zeros())) as usize
}
