//! Places, broadcasters and exchanges that tell the time zone of a clock
//! time: a dateline ("SEOUL, March 8 —"), a city ("7 a.m. in Toronto"), a
//! country or region on one clock ("in Japan", "Queensland"), a broadcaster
//! ("airs on KBS2") or an exchange ("the Nasdaq opened").
//!
//! The names are language data, `lang/en/places.txt`, made by
//! `tools/places.py` from GeoNames (cities of 15,000 people or more, with
//! ambiguous names, common words and areas that span several clocks left
//! out) and a hand-checked list; that file's header gives the rules. The
//! build script compiles it into a sorted table, so nothing is parsed at
//! start-up and a lookup is a binary search over about 38,000 names.
//!
//! A name only says where; whether it sets the zone of a given time (a
//! dateline does, a place named three sentences later may not) is for the
//! caller to decide.

// The zone inference that reads this table comes in a later change; until
// then only the tests call it.
#![cfg_attr(not(test), allow(dead_code))]

use std::cmp::Ordering;

use crate::lex::{TokKind, Tokens};

/// What a name is: callers may trust a dateline city more than a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    /// A city or town (GeoNames, population >= 15,000), or a borough.
    City,
    /// A first-level region: a US state, a Canadian province, an Australian
    /// state or territory, a nation of the UK.
    Region,
    /// A country or territory.
    Country,
    /// A broadcaster, whose schedule is in its home zone.
    Broadcaster,
    /// A stock exchange or index, whose sessions are set in its zone.
    Exchange,
    /// A city whose name running text more often uses for something else
    /// (a first name, an English word: "Regina", "Mobile"), so a place only
    /// where it opens a dateline ("REGINA —").
    Dateline,
}

/// The zone a name gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// The IANA zone, one of jiff's bundled database (e.g. "Asia/Seoul").
    pub(crate) zone: &'static str,
    /// What the name is.
    pub(crate) kind: PlaceKind,
}

// MAX_WORDS, NAMES, ENDS, FIRST, FIRST_TWO, PREFIXES, HEADS, CODES, ZONES and KINDS, made by build.rs.
include!(concat!(env!("OUT_DIR"), "/places.rs"));
// SECOND_CLASSES and second_class, by which build.rs made FIRST_TWO, and
// HEAD_BITS, head and head_bit, by which it made HEADS
include!("places_class.rs");

// ZONE_COUNTRIES, made by build.rs from zone_countries.txt (tools/zone_countries.py)
include!(concat!(env!("OUT_DIR"), "/zone_countries.rs"));

/// The country (ISO 3166 code) zone.tab puts a zone in: "KIRITIMATI,
/// Kiribati" names a city of the country's own zones, "LALITPUR, Nepal" not
/// the Lalitpur whose zone is India's.
pub(crate) fn country_of(zone: &str) -> Option<&'static str> {
    ZONE_COUNTRIES.binary_search_by(|(z, _)| z.cmp(&zone)).ok().map(|i| ZONE_COUNTRIES[i].1)
}

/// Looks up a name as it stands in the text, its words joined by single
/// spaces ("New Orleans", "SEOUL", "St. John's", "RTÉ"). Case does not
/// matter, and neither does a trailing possessive ("Seoul's", "Seoul’s",
/// "Texas'"), which is tried only when the whole does not match.
///
/// A caller looking for a name in running text tries the longest run of
/// words first, from [`MAX_WORDS`] down, so that "New South Wales" wins over
/// "Wales".
pub(crate) fn lookup(name: &str) -> Option<Place> {
    let key = normalize(name);
    find(&key).or_else(|| find(possessive_base(&key)?)).or_else(|| {
        // (written with accents the table lists without: "Rīga", "Chișinău")
        let mut folded = String::with_capacity(key.len());
        for word in key.split(' ').filter(|_| !key.is_ascii()) {
            if !folded.is_empty() {
                folded.push(' ');
            }
            push_folded(&mut folded, word);
        }
        (!folded.is_empty()).then(|| find(&folded).or_else(|| find(possessive_base(&folded)?))).flatten()
    })
}

/// The longest name written at token `k` of `t`, its words (no digits) as
/// they stand, the next one joined by a space when one is written before it
/// ("New Orleans", "St. John's"): the token after it and the place. What
/// [`lookup`] finds for the run of 1 to [`MAX_WORDS`] tokens, longest first,
/// with `key` as scratch space.
///
/// The runs are read from the shortest up, and the search stops once no
/// name begins with the run read so far: no longer run can be a name then,
/// save a possessive one word longer ("Texas" "'" "s"), which is still
/// tried. So a word that begins no name costs one search, not seven; and
/// one whose head begins no name ([`may_begin_name`]: most capitalised words
/// of news, which the document stage looks up) costs none.
pub(crate) fn longest_at(t: &Tokens<'_>, k: usize, key: &mut String) -> Option<(usize, Place)> {
    // (a name written with accents the table lists without, "Chișinău" for
    // "chisinau": the run read again, folded as tools/places.py folds)
    longest_with(t, k, key, push_normalized).or_else(|| {
        let accented = (k..(k + MAX_WORDS).min(t.len())).any(|j| !t.raw(j).is_ascii());
        accented.then(|| longest_with(t, k, key, push_folded)).flatten()
    })
}

/// [`longest_at`] with `push` writing each word into the key.
fn longest_with(t: &Tokens<'_>, k: usize, key: &mut String, push: fn(&mut String, &str)) -> Option<(usize, Place)> {
    key.clear();
    let mut best = None;
    let mut dead_end = false;
    for j in k..(k + MAX_WORDS).min(t.len()) {
        if t.toks[j].kind == TokKind::Num {
            break;
        }
        if j > k && t.toks[j].space_before {
            key.push(' ');
        }
        push(key, t.raw(j));
        // (every name that begins at `k` has the head of the word at `k`)
        if j == k && !may_begin_name(key) {
            return None;
        }
        if dead_end {
            // (no name begins with the run but the last word: only a possessive can be one)
            if let Some(p) = possessive_base(key).and_then(find) {
                best = Some((j + 1, p));
            }
            break;
        }
        let at = lower_bound(key);
        if at < ENDS.len() && name_bytes_at(at) == key.as_bytes() {
            best = Some((j + 1, place(at)));
        } else if let Some(p) = possessive_base(key).and_then(find) {
            best = Some((j + 1, p));
        }
        dead_end = at == ENDS.len() || !name_bytes_at(at).starts_with(key.as_bytes());
    }
    best
}

/// Whether a name may begin with the key `key` of one word, judged by its
/// head's bit in the filter: false means no name has that head.
fn may_begin_name(key: &str) -> bool {
    let bit = head_bit(head(key));
    HEADS[bit / 64] & (1 << (bit % 64)) != 0
}

/// The table's form of a name: lowercase (ASCII fast, any letter else), the
/// curly and modifier apostrophes as "'", words joined by single spaces.
/// tools/places.py writes the names so.
fn normalize(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        push_normalized(&mut key, word);
    }
    key
}

/// Appends one word (no white space) to `key` in the table's form.
fn push_normalized(key: &mut String, word: &str) {
    for c in word.chars() {
        match c {
            'A'..='Z' => key.push(c.to_ascii_lowercase()),
            '\u{2019}' | '\u{2018}' | '\u{2BC}' | '`' => key.push('\''),
            c if c.is_ascii() => key.push(c),
            c => key.extend(c.to_lowercase()),
        }
    }
}

/// Appends one word in the table's form without its accents: decomposed
/// (NFKD), its combining marks dropped, and the letters Unicode does not
/// decompose written as tools/places.py writes them ("ł" as "l", "ø" as "o").
fn push_folded(key: &mut String, word: &str) {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    let mut lower = String::with_capacity(word.len());
    push_normalized(&mut lower, word);
    for c in lower.nfkd().filter(|&c| !is_combining_mark(c)) {
        match c {
            'ł' => key.push('l'),
            'ø' => key.push('o'),
            'đ' | 'ð' => key.push('d'),
            'ħ' => key.push('h'),
            'ı' => key.push('i'),
            'ß' => key.push_str("ss"),
            'æ' => key.push_str("ae"),
            'œ' => key.push_str("oe"),
            'þ' => key.push_str("th"),
            c => key.push(c),
        }
    }
}

/// A key without its possessive ending ("seoul's", "texas'"), if it has one.
fn possessive_base(key: &str) -> Option<&str> {
    key.strip_suffix("'s").or_else(|| key.strip_suffix('\'').filter(|k| k.ends_with('s')))
}

/// The name at index `i` of the sorted table.
#[cfg(test)]
fn name_at(i: usize) -> &'static str {
    let start = if i == 0 { 0 } else { ENDS[i - 1] as usize };
    &NAMES[start..ENDS[i] as usize]
}

/// The bytes of the name at index `i`: the searches compare bytes, which
/// order as the strings do, without cutting the table's text on characters.
fn name_bytes_at(i: usize) -> &'static [u8] {
    let start = if i == 0 { 0 } else { ENDS[i - 1] as usize };
    NAMES.as_bytes().get(start..ENDS[i] as usize).unwrap_or_default()
}

/// The place of the name at index `i` of the sorted table.
fn place(i: usize) -> Place {
    let code = CODES[i] as usize;
    Place { zone: ZONES[code >> 3], kind: KINDS[code & 7] }
}

/// The part of the sorted table that holds the names with the first byte
/// of `key`, and for a first letter 'a'..='z' with the class of its second
/// byte too (all of it for an empty key): where a search for it may stop.
/// (Past the span every name is above the key, so a search that ends at
/// its end has found where the key would be.)
fn span_of(key: &str) -> (usize, usize) {
    match key.as_bytes() {
        [] => (0, ENDS.len()),
        [b @ b'a'..=b'z', rest @ ..] => {
            let row = &FIRST_TWO[usize::from(b - b'a')];
            let class = second_class(rest.first().copied());
            (row[class] as usize, row[class + 1] as usize)
        }
        [b, ..] => (FIRST[usize::from(*b)] as usize, FIRST[usize::from(*b) + 1] as usize),
    }
}

/// The first eight bytes of `key`, zero-padded, as a big-endian number: the
/// form of [`PREFIXES`]. Where two such numbers differ they order as the
/// strings do (a shorter string's zero before a longer one's byte puts the
/// prefix first), so a search compares whole names only where they are equal.
fn prefix(key: &[u8]) -> u64 {
    let mut eight = [0u8; 8];
    for (d, b) in eight.iter_mut().zip(key) {
        *d = *b;
    }
    u64::from_be_bytes(eight)
}

/// How the name at `i` orders against `key`, whose [`prefix`] is `kp`.
#[inline]
fn cmp_at(i: usize, key: &[u8], kp: u64) -> Ordering {
    match PREFIXES[i].cmp(&kp) {
        Ordering::Equal => name_bytes_at(i).cmp(key),
        o => o,
    }
}

/// Binary search of the sorted table for an exact key.
fn find(key: &str) -> Option<Place> {
    let (mut lo, mut hi) = span_of(key);
    let kp = prefix(key.as_bytes());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match cmp_at(mid, key.as_bytes(), kp) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return Some(place(mid)),
        }
    }
    None
}

/// The index of the first name of the sorted table not below `key` (the
/// table's length when there is none): where `key` is, if it is a name, and
/// where the names that begin with it start.
fn lower_bound(key: &str) -> usize {
    let (mut lo, mut hi) = span_of(key);
    let kp = prefix(key.as_bytes());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if cmp_at(mid, key.as_bytes(), kp) == Ordering::Less {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn is(name: &str, zone: &str, kind: PlaceKind) {
        let place = lookup(name).unwrap_or_else(|| panic!("{name:?} is not found"));
        assert_eq!((place.zone, place.kind), (zone, kind), "{name:?}");
    }

    #[test]
    fn cities() {
        is("Seoul", "Asia/Seoul", PlaceKind::City);
        is("New Orleans", "America/Chicago", PlaceKind::City);
        is("NEW ORLEANS", "America/Chicago", PlaceKind::City);
        is("Toronto", "America/Toronto", PlaceKind::City);
        is("Sydney", "Australia/Sydney", PlaceKind::City);
        is("Dublin", "Europe/Dublin", PlaceKind::City);
        is("Shanghai", "Asia/Shanghai", PlaceKind::City);
        is("Bengaluru", "Asia/Kolkata", PlaceKind::City);
        is("Bangalore", "Asia/Kolkata", PlaceKind::City);
        is("Manchester", "Europe/London", PlaceKind::City);
        is("Wichita", "America/Chicago", PlaceKind::City);
        is("Edinburgh", "Europe/London", PlaceKind::City);
        // several cities of the name, one far larger
        is("Birmingham", "Europe/London", PlaceKind::City);
        is("Portland", "America/Los_Angeles", PlaceKind::City);
        is("Perth", "Australia/Perth", PlaceKind::City);
        is("Kingston", "America/Jamaica", PlaceKind::City);
        is("Gatwick", "Europe/London", PlaceKind::City);
        is("Haneda", "Asia/Tokyo", PlaceKind::City);
        // the city, though the state of the name is on Pacific time
        is("Washington", "America/New_York", PlaceKind::City);
    }

    #[test]
    fn spellings() {
        is("Seoul's", "Asia/Seoul", PlaceKind::City);
        is("Seoul’s", "Asia/Seoul", PlaceKind::City);
        is("São Paulo", "America/Sao_Paulo", PlaceKind::City);
        is("Sao Paulo", "America/Sao_Paulo", PlaceKind::City);
        is("ZÜRICH", "Europe/Zurich", PlaceKind::City);
        is("St. Louis", "America/Chicago", PlaceKind::City);
        is("St Louis", "America/Chicago", PlaceKind::City);
        is("Saint Louis", "America/Chicago", PlaceKind::City);
        is("  Mexico   City ", "America/Mexico_City", PlaceKind::City);
        is("Texas'", "America/Chicago", PlaceKind::Region);
        is("RTÉ", "Europe/Dublin", PlaceKind::Broadcaster);
        is("RTE", "Europe/Dublin", PlaceKind::Broadcaster);
        is("Côte d’Ivoire", "Africa/Abidjan", PlaceKind::Country);
    }

    #[test]
    fn areas() {
        is("Japan", "Asia/Tokyo", PlaceKind::Country);
        is("Ireland", "Europe/Dublin", PlaceKind::Country);
        is("Britain", "Europe/London", PlaceKind::Country);
        is("the UK", "Europe/London", PlaceKind::Country);
        is("South Korea", "Asia/Seoul", PlaceKind::Country);
        is("Argentina", "America/Argentina/Buenos_Aires", PlaceKind::Country);
        // a country whose cities keep one clock but name two zones takes the capital's
        is("China", "Asia/Shanghai", PlaceKind::Country);
        is("Queensland", "Australia/Brisbane", PlaceKind::Region);
        is("New South Wales", "Australia/Sydney", PlaceKind::Region);
        is("Louisiana", "America/Chicago", PlaceKind::Region);
        is("Ontario", "America/Toronto", PlaceKind::Region);
        is("Quebec", "America/Toronto", PlaceKind::Region);
        is("British Columbia", "America/Vancouver", PlaceKind::Region);
        is("Scotland", "Europe/London", PlaceKind::Region);
        // 96% of the people of Texas's and Florida's cities are on one clock
        is("Texas", "America/Chicago", PlaceKind::Region);
        is("Florida", "America/New_York", PlaceKind::Region);
    }

    #[test]
    fn broadcasters_and_exchanges() {
        is("KBS", "Asia/Seoul", PlaceKind::Broadcaster);
        is("KBS2", "Asia/Seoul", PlaceKind::Broadcaster);
        is("JTBC", "Asia/Seoul", PlaceKind::Broadcaster);
        is("NHK", "Asia/Tokyo", PlaceKind::Broadcaster);
        is("BBC One", "Europe/London", PlaceKind::Broadcaster);
        is("Nasdaq", "America/New_York", PlaceKind::Exchange);
        is("New York Stock Exchange", "America/New_York", PlaceKind::Exchange);
        is("CME", "America/Chicago", PlaceKind::Exchange);
        is("Sensex", "Asia/Kolkata", PlaceKind::Exchange);
    }

    #[test]
    fn left_out() {
        let words = ["the", "may", "May", "March", "reading", "Reading", "mobile", "Nice", "Split", "Bath", "Police", "of", "Date"];
        // areas whose cities keep several clocks
        let spans = ["United States", "Canada", "Australia", "Russia", "Brazil", "Mexico", "Indiana", "Tennessee"];
        // places of one name on different clocks, none dominant; ambiguous in English news
        let ambiguous = ["Hyderabad", "Victoria", "Georgia", "Springfield", "Hamilton", "TSE", "CCTV", "ABC", "Fox", "TVN"];
        let malformed = ["", " ", "'s", "Seoul's's", "Seoulx"];
        for name in spans.iter().chain(&ambiguous).chain(&malformed) {
            assert_eq!(lookup(name), None, "{name:?}");
        }
        // (a word may still name the place of a dateline, "BATH, England —", but
        // no calendar word or function word does)
        for name in words {
            assert!(lookup(name).is_none_or(|p| p.kind == PlaceKind::Dateline), "{name:?}");
        }
        for name in ["the", "may", "May", "March", "of", "Date", "Asia"] {
            assert_eq!(lookup(name), None, "{name:?}");
        }
        is("Regina", "America/Regina", PlaceKind::Dateline);
        is("Mobile", "America/Chicago", PlaceKind::Dateline);
    }

    #[test]
    fn table() {
        assert!(ENDS.len() > 30_000, "{} names", ENDS.len());
        assert!((2..=8).contains(&MAX_WORDS), "{MAX_WORDS}");
        for i in 1..ENDS.len() {
            assert!(name_at(i - 1) < name_at(i), "{:?} and {:?} out of order", name_at(i - 1), name_at(i));
        }
        for i in 0..ENDS.len() {
            let name = name_at(i);
            assert_eq!(normalize(name), name, "stored names are in lookup form");
            assert!(name.split(' ').count() <= MAX_WORDS);
            assert_eq!(find(name).map(|p| p.zone), Some(ZONES[CODES[i] as usize >> 3]));
        }
    }

    /// What `longest_at` must find: every run of 1 to `MAX_WORDS` tokens
    /// without digits looked up whole, the longest first.
    fn longest_by_lookup(t: &Tokens<'_>, k: usize) -> Option<(usize, Place)> {
        (1..=MAX_WORDS).rev().find_map(|n| {
            if k + n > t.len() || (k..k + n).any(|j| t.toks[j].kind == TokKind::Num) {
                return None;
            }
            let mut name = String::new();
            for j in k..k + n {
                if j > k && t.toks[j].space_before {
                    name.push(' ');
                }
                name.push_str(t.raw(j));
            }
            lookup(&name).map(|p| (k + n, p))
        })
    }

    #[test]
    fn longest_at_finds_what_lookup_finds() {
        let lexicon = crate::lexicon::Lexicon::parse(crate::lang::en::LEXICON).expect("lexicon");
        let mut text = String::from(
            "In NEW ORLEANS and New South Wales, Texas' and Texas's and Seoul's, St. John's, St. Louis, \
             São Paulo, Côte d’Ivoire, the New York Stock Exchange on BBC One at 9, Mexico City's mayor, \
             KBS2 and KBS 2, He said in Hebron. New York Stock 3 Exchange. Wales",
        );
        // and the repository's own articles
        let dirs =
            [concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"), concat!(env!("CARGO_MANIFEST_DIR"), "/../dateline-cli/tests/articles/plain")];
        for e in dirs.iter().filter_map(|d| std::fs::read_dir(d).ok()).flatten().flatten() {
            text.push('\n');
            text.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
        }
        let t = crate::lex::tokenize(&text, &lexicon);
        let mut key = String::new();
        let mut found = 0;
        for k in 0..t.len() {
            let want = longest_by_lookup(&t, k);
            found += usize::from(want.is_some());
            assert_eq!(longest_at(&t, k, &mut key), want, "at {:?}", t.raw(k));
        }
        assert!(found > 50, "{found} names");
    }

    #[test]
    fn every_name_passes_the_filter_of_heads() {
        for i in 0..ENDS.len() {
            assert!(may_begin_name(name_at(i)), "{:?}", name_at(i));
        }
        // and most words do not
        let passing = ["said", "president", "clinton", "monday", "the"].iter().filter(|w| may_begin_name(w)).count();
        assert!(passing <= 2, "{passing}");
    }

    #[test]
    fn first_bytes_index_the_table() {
        assert_eq!((FIRST[0], FIRST[256] as usize), (0, ENDS.len()));
        for i in 0..ENDS.len() {
            let b = usize::from(name_at(i).as_bytes()[0]);
            assert!((FIRST[b] as usize..FIRST[b + 1] as usize).contains(&i), "{:?}", name_at(i));
        }
    }

    #[test]
    fn first_two_bytes_index_the_table() {
        for i in 0..ENDS.len() {
            let name = name_at(i).as_bytes();
            let Some(first) = name[0].checked_sub(b'a').filter(|&f| f < 26) else { continue };
            let row = &FIRST_TWO[usize::from(first)];
            let class = second_class(name.get(1).copied());
            assert!((row[class] as usize..row[class + 1] as usize).contains(&i), "{:?}", name_at(i));
            assert_eq!((row[0], row[SECOND_CLASSES]), (FIRST[usize::from(name[0])], FIRST[usize::from(name[0]) + 1]));
        }
        // every key's search finds what a search of the whole table finds
        // (keys of eight bytes and more, and with a NUL, which pads the prefixes, too)
        for key in
            ["a", "ab", "ne", "new", "new york", "n'", "zz", "z{", "é", "st.", "sao", "são paulo", "t", "new\0", "san franciscz", "san francisco"]
        {
            let whole = (0..ENDS.len()).find(|&i| name_bytes_at(i) >= key.as_bytes()).unwrap_or(ENDS.len());
            assert_eq!(lower_bound(key), whole, "{key:?}");
        }
    }

    #[test]
    fn prefixes_order_as_the_names() {
        for i in 0..ENDS.len() {
            assert_eq!(PREFIXES[i], prefix(name_bytes_at(i)), "{:?}", name_at(i));
            if i > 0 {
                assert!(PREFIXES[i - 1] <= PREFIXES[i], "{:?}", name_at(i));
            }
        }
    }

    #[test]
    fn zones_exist_in_jiff() {
        for zone in ZONES {
            let tz = jiff::tz::db().get(zone).unwrap_or_else(|e| panic!("{zone}: {e}"));
            assert_eq!(tz.iana_name(), Some(zone));
        }
    }
}
