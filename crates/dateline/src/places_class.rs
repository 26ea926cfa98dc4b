// The classes of a place name's second byte, by which the build script
// indexes the sorted table of names and src/places.rs finds where a search
// starts: included by both, so that they agree.

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
