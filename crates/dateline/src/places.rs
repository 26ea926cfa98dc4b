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
}

/// The zone a name gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// The IANA zone, one of jiff's bundled database (e.g. "Asia/Seoul").
    pub(crate) zone: &'static str,
    /// What the name is.
    pub(crate) kind: PlaceKind,
}

// MAX_WORDS, NAMES, ENDS, CODES, ZONES and KINDS, made by build.rs.
include!(concat!(env!("OUT_DIR"), "/places.rs"));

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
    find(&key).or_else(|| {
        let base = key.strip_suffix("'s").or_else(|| key.strip_suffix('\'').filter(|k| k.ends_with('s')))?;
        find(base)
    })
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
        for c in word.chars() {
            match c {
                'A'..='Z' => key.push(c.to_ascii_lowercase()),
                '\u{2019}' | '\u{2018}' | '\u{2BC}' | '`' => key.push('\''),
                c if c.is_ascii() => key.push(c),
                c => key.extend(c.to_lowercase()),
            }
        }
    }
    key
}

/// The name at index `i` of the sorted table.
fn name_at(i: usize) -> &'static str {
    let start = if i == 0 { 0 } else { ENDS[i - 1] as usize };
    &NAMES[start..ENDS[i] as usize]
}

/// Binary search of the sorted table for an exact key.
fn find(key: &str) -> Option<Place> {
    let (mut lo, mut hi) = (0, ENDS.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match name_at(mid).cmp(key) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => {
                let code = CODES[mid] as usize;
                return Some(Place { zone: ZONES[code >> 3], kind: KINDS[code & 7] });
            }
        }
    }
    None
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
        is("tvN", "Asia/Seoul", PlaceKind::Broadcaster);
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
        let ambiguous = ["Hyderabad", "Victoria", "Georgia", "Springfield", "Hamilton", "TSE", "CCTV", "ABC", "Fox"];
        let malformed = ["", " ", "'s", "Seoul's's", "Seoulx"];
        for name in words.iter().chain(&spans).chain(&ambiguous).chain(&malformed) {
            assert_eq!(lookup(name), None, "{name:?}");
        }
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

    #[test]
    fn zones_exist_in_jiff() {
        for zone in ZONES {
            let tz = jiff::tz::db().get(zone).unwrap_or_else(|e| panic!("{zone}: {e}"));
            assert_eq!(tz.iana_name(), Some(zone));
        }
    }
}
