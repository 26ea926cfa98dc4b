//! Time zones: from what the text names ("KST", "CST", "Eastern time",
//! "UTC+9", "Asia/Seoul") to an IANA zone from jiff's bundled database, so
//! that results never depend on the host.
//!
//! An abbreviation can mean several zones ("CST" is US Central and China
//! Standard Time; "IST" India, Ireland and Israel). The lexicon lists its
//! readings with the default first; [`ZoneTable`] applies the caller's
//! preferences on top. Abbreviations that name standard or daylight time
//! ("EST", "EDT") are read as the writer meant, the zone's local time on
//! that date, with a note when the season does not match ("EST" in July).

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::Zoned;
use std::sync::OnceLock;

use crate::expr::ZoneSpec;
use crate::lexicon::{Lexicon, ZoneKind};
use crate::Error;

/// The zones a tagger can name, compiled once.
#[derive(Debug, Clone)]
pub struct ZoneTable {
    /// Per lexicon zone index: the chosen reading. Abbreviations and names
    /// are looked up (and so checked) when the table is built; the hundreds of
    /// places only when a text first names one, which keeps start-up short.
    names: Vec<(OnceLock<Option<TimeZone>>, String, ZoneKind)>,
    /// The zone for clock times the text leaves bare, if the caller gave one.
    default: Option<(TimeZone, String)>,
}

/// A clock time placed in a zone.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The instant, in the zone.
    pub zoned: Zoned,
    /// The IANA name, when the zone has one (fixed offsets of whole hours map to `Etc/GMT±N`).
    pub tzid: Option<String>,
    /// A remark on how the zone was read, e.g. a standard-time abbreviation in summer.
    pub note: Option<String>,
}

fn lookup(name: &str) -> Result<TimeZone, Error> {
    jiff::tz::db().get(name).map_err(|_| Error::UnknownZone(name.to_string()))
}

impl ZoneTable {
    /// Compiles the lexicon's zones with `preferences` (abbreviation → IANA
    /// name, e.g. `("CST", "Asia/Shanghai")`) and an optional default zone.
    ///
    /// # Errors
    /// [`Error::UnknownZone`] when a zone of the lexicon is not in the
    /// bundled database, [`Error::UnknownDefaultZone`] for the default zone,
    /// [`Error::BadPreference`] when a preference names an abbreviation the
    /// lexicon does not know or a zone the database does not have.
    pub fn new(lexicon: &Lexicon, preferences: &[(String, String)], default: Option<&str>) -> Result<ZoneTable, Error> {
        let mut names = Vec::with_capacity(lexicon.zones().len());
        for z in lexicon.zones() {
            let preferred = preferences.iter().find(|(abbr, _)| abbr.eq_ignore_ascii_case(&z.name)).map(|(_, iana)| iana.as_str());
            let (iana, kind) = match preferred {
                Some(p) => (p.to_string(), z.candidates.iter().find(|(c, _)| **c == *p).map_or(ZoneKind::Any, |c| c.1)),
                None => (z.candidates[0].0.to_string(), z.candidates[0].1),
            };
            let tz = OnceLock::new();
            if let Some(p) = preferred {
                let found = jiff::tz::db().get(p).map_err(|_| Error::BadPreference {
                    abbreviation: z.name.to_uppercase(),
                    zone: p.to_string(),
                    reason: "unknown time zone (an IANA name such as Asia/Shanghai)",
                })?;
                let _ = tz.set(Some(found));
            } else if !z.city {
                let _ = tz.set(Some(lookup(&iana)?));
            }
            names.push((tz, iana, kind));
        }
        for (abbr, zone) in preferences {
            if !lexicon.zones().iter().any(|z| abbr.eq_ignore_ascii_case(&z.name)) {
                return Err(Error::BadPreference {
                    abbreviation: abbr.clone(),
                    zone: zone.clone(),
                    reason: "no zone abbreviation the lexicon knows",
                });
            }
        }
        let default = match default {
            Some(d) => Some((jiff::tz::db().get(d).map_err(|_| Error::UnknownDefaultZone(d.to_string()))?, d.to_string())),
            None => None,
        };
        Ok(ZoneTable { names, default })
    }

    /// The zone `spec` names, as the table reads it (an ambiguous
    /// abbreviation by its default or preferred reading); `text` is the
    /// document, for IANA names written in it.
    pub(crate) fn zone(&self, spec: ZoneSpec, text: &str, lexicon: &Lexicon) -> Option<Zone> {
        match spec {
            ZoneSpec::Name(idx) => {
                let (tz, name, kind) = self.names.get(idx as usize)?;
                let tz = tz.get_or_init(|| jiff::tz::db().get(name).ok()).as_ref()?;
                Some(Zone { tz: tz.clone(), tzid: Some(name.clone()), kind: *kind, label: lexicon.zone(idx).name.to_uppercase() })
            }
            ZoneSpec::Offset(secs) => {
                let off = jiff::tz::Offset::from_seconds(secs).ok()?;
                // Etc/GMT zones have the inverted sign: UTC+9 is Etc/GMT-9; they
                // run from UTC-12 to UTC+14 (no Etc/GMT+13 for UTC-13)
                let tzid = (secs % 3600 == 0)
                    .then(|| match secs / 3600 {
                        0 => "Etc/UTC".to_string(),
                        h => format!("Etc/GMT{:+}", -h),
                    })
                    .filter(|name| jiff::tz::db().get(name).is_ok());
                Some(Zone { tz: TimeZone::fixed(off), tzid, kind: ZoneKind::Any, label: String::new() })
            }
            ZoneSpec::Iana { start, end } => {
                let name = text.get(start as usize..end as usize)?;
                Some(Zone::named(jiff::tz::db().get(name).ok()?, name))
            }
        }
    }

    /// The other readings of an ambiguous abbreviation ("CST": US Central
    /// and China), each with the part of the year it is meant for, for the
    /// document to choose among; empty for a name with one reading.
    pub(crate) fn readings<'l>(&self, spec: ZoneSpec, lexicon: &'l Lexicon) -> &'l [(Box<str>, ZoneKind)] {
        match spec {
            ZoneSpec::Name(idx) if lexicon.zone(idx).candidates.len() > 1 && !lexicon.zone(idx).city => &lexicon.zone(idx).candidates,
            _ => &[],
        }
    }

    /// The zone the caller gives for clock times the text leaves bare.
    pub(crate) fn default_zone(&self) -> Option<Zone> {
        self.default.as_ref().map(|(tz, name)| Zone::named(tz.clone(), name))
    }

    /// Places a local date-time in the zone `spec` names (`text` is the
    /// document, for IANA names written in it), or, when `spec` is `None`, in
    /// the document's zone `doc_zone` or else the table's default zone.
    pub fn place(
        &self,
        spec: Option<ZoneSpec>,
        text: &str,
        local: DateTime,
        lexicon: &Lexicon,
        doc_zone: Option<&(TimeZone, String)>,
    ) -> Option<Placed> {
        let zone = match spec {
            None => {
                let (tz, name) = doc_zone.or(self.default.as_ref())?;
                Zone::named(tz.clone(), name)
            }
            Some(spec) => self.zone(spec, text, lexicon)?,
        };
        zone.place(local)
    }
}

/// A zone as the document reads it: the IANA zone, and what the text meant
/// by the name it wrote.
#[derive(Debug, Clone)]
pub(crate) struct Zone {
    pub(crate) tz: TimeZone,
    /// The IANA name, when the zone has one (fixed offsets of whole hours map to `Etc/GMT±N`).
    pub(crate) tzid: Option<String>,
    /// Whether the name written means standard or daylight-saving time.
    pub(crate) kind: ZoneKind,
    /// The abbreviation as written, for the note on a season that does not match.
    pub(crate) label: String,
}

impl Zone {
    /// A zone known by its IANA name, meaning whatever time is in force.
    pub(crate) fn named(tz: TimeZone, name: &str) -> Zone {
        Zone { tz, tzid: Some(name.to_string()), kind: ZoneKind::Any, label: String::new() }
    }

    /// A zone as jiff has it: by its IANA name when it has one, else a fixed
    /// offset (named `Etc/GMT±N` for whole hours).
    pub(crate) fn of(tz: &TimeZone) -> Zone {
        match tz.iana_name() {
            Some(name) => Zone::named(tz.clone(), name),
            None => {
                let secs = tz.to_fixed_offset().map_or(0, |o| o.seconds());
                let tzid = (secs % 3600 == 0)
                    .then(|| if secs == 0 { "Etc/UTC".to_string() } else { format!("Etc/GMT{:+}", -secs / 3600) })
                    .filter(|name| jiff::tz::db().get(name).is_ok());
                Zone { tz: tz.clone(), tzid, kind: ZoneKind::Any, label: String::new() }
            }
        }
    }

    /// The same zone read as another IANA zone with the given meaning ("CST" as China's).
    pub(crate) fn reread(&self, iana: &str, kind: ZoneKind) -> Option<Zone> {
        Some(Zone { tz: jiff::tz::db().get(iana).ok()?, tzid: Some(iana.to_string()), kind, label: self.label.clone() })
    }

    /// Whether two zones keep the same clock at `at`.
    pub(crate) fn same_offset(&self, other: &Zone, at: jiff::Timestamp) -> bool {
        self.tz.to_offset(at) == other.tz.to_offset(at)
    }

    /// Places a local date-time in this zone, with a note when the name
    /// written means the other part of the year ("EST" in July).
    pub(crate) fn place(&self, local: DateTime) -> Option<Placed> {
        let zoned = local.to_zoned(self.tz.clone()).ok()?;
        let dst = self.tz.to_offset_info(zoned.timestamp()).dst().is_dst();
        let kind = self.kind;
        let note = match (kind, dst) {
            (ZoneKind::Standard, true) | (ZoneKind::Daylight, false) => Some(format!(
                "{} names {} time, but {} falls in {} time there; read as local time in {}",
                self.label,
                if kind == ZoneKind::Standard { "standard" } else { "daylight-saving" },
                local.date(),
                if dst { "daylight-saving" } else { "standard" },
                self.tzid.as_deref().unwrap_or("the zone"),
            )),
            _ => None,
        };
        Some(Placed { zoned, tzid: self.tzid.clone(), note })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Places are looked up only when a text names one, so check here that
    /// every place of the English lexicon is a zone of the bundled database.
    #[test]
    fn every_place_resolves() {
        let lexicon = Lexicon::parse(crate::lang::en::LEXICON).unwrap();
        let table = ZoneTable::new(&lexicon, &[], None).unwrap();
        let local = jiff::civil::date(2022, 4, 19).at(12, 0, 0, 0);
        let places: Vec<u16> = (0..lexicon.zones().len() as u16).filter(|&i| lexicon.zone(i).city).collect();
        assert!(places.len() > 300, "the tz database's places are listed ({})", places.len());
        for i in places {
            let placed = table.place(Some(ZoneSpec::Name(i)), "", local, &lexicon, None);
            assert!(placed.is_some(), "{} ({}) does not resolve", lexicon.zone(i).name, lexicon.zone(i).candidates[0].0);
        }
    }
}
