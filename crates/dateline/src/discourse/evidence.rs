//! Where an article is, and which zones it names: the evidence for the zone
//! of a clock time the text leaves bare, and for the reading of an
//! ambiguous abbreviation ("CST" in a Beijing story is China's).

use jiff::civil::Date;

use super::sentences::Sentences;
use super::{local, Inputs, ZoneSource};
use crate::expr::{Clock, ZoneSpec};
use crate::places::{self, PlaceKind};
use crate::tuning::{
    CLOCK_SCAN, DAY_CHAIN, LEAD_IN_PLACE_GAP, LEAD_PARAGRAPHS, LONGER_NAME_WORDS, NEXT_PLACE_GAP, OPENING_RESTATES, PLACE_ALIASES, PLACE_REACH,
    QUALIFIER_HOURS, RELATIVE_CLAUSE_REACH, RELATIVE_PLACE_GAP, RESTATED_PLACE_REACH, TITLE_WORDS,
};
use crate::zones::Zone;

/// A place the text names, with its zone.
#[derive(Debug, Clone)]
struct Named {
    /// The token it starts at.
    at: usize,
    zone: Zone,
    kind: PlaceKind,
    /// Whether it is where something is bound ("will sail for Sydney, N.S.,
    /// at 5:30 p.m."): it locates no time of its clause, save through a
    /// clause of its own ("for New York, where it is due at 7 a.m."), nor
    /// the article.
    bound: bool,
    /// Whether it says whose team or person is named after it ("face
    /// Nairobi's Rift Valley Rhinos at 9:30 a.m.", "South Africa's Thandeka
    /// Mthembu tees off at 8:05 a.m."): it locates no time of its clause, but
    /// may still tell where the article is ("India's Congress party") and
    /// how an abbreviation reads ("IST" in a story about India's top seed).
    owner: bool,
    /// Whether it may be a local name that only looks like a city far away:
    /// the head of a longer name a town or person owns ("Bhaktapur's Kamal
    /// Binayak"), or a name of a landform within a name no list knows ("Long
    /// Beach in Sandy Bay"). It is dropped when its clock is not the
    /// dateline's.
    local: bool,
}

/// The zone evidence of one document.
pub(crate) struct Evidence {
    /// The places named, in text order.
    places: Vec<Named>,
    /// The dateline's place zone, and the tokens the dateline spans.
    dateline: Option<(Option<Zone>, usize, usize)>,
    /// Where the body begins: what comes before is the headline.
    body: usize,
    /// The article's own zone, when the evidence names one.
    document: Option<Zone>,
    /// The first place of each zone the article names (an article names few
    /// zones, however many places).
    distinct: Vec<usize>,
    /// The end of the span of two expressions each one starts ("from 2 a.m.
    /// to 10 a.m."), found once rather than per clock time.
    span_end: Vec<Option<usize>>,
    /// Each clock time of a list paired with a list of places by
    /// "respectively", and the index of its place (in text order, found once
    /// for the document).
    respective: Vec<(usize, usize)>,
}

/// Whether two zones' clocks lie more than [`QUALIFIER_HOURS`] whole hours
/// apart at the DCT: a city and a state or country that cannot hold it.
/// (With no DCT, in both seasons of a recent year, 2025: the offsets of
/// today's rules, where a fixed year keeps the answer the same on any day.)
fn far_apart(a: &str, b: &str, dct: Option<Date>) -> bool {
    apart_by_more(a, b, dct, QUALIFIER_HOURS * 3600)
}

/// Whether two zones' clocks lie more than `seconds` apart at the DCT (see
/// [`far_apart`] for the days read without one).
fn apart_by_more(a: &str, b: &str, dct: Option<Date>, seconds: u32) -> bool {
    let (Ok(a), Ok(b)) = (jiff::tz::db().get(a), jiff::tz::db().get(b)) else { return false };
    let days = match dct {
        Some(d) => [d, d],
        None => [jiff::civil::date(2025, 1, 15), jiff::civil::date(2025, 7, 15)],
    };
    days.into_iter().filter_map(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok()).all(|z| {
        let at = z.timestamp();
        (a.to_offset(at).seconds() - b.to_offset(at).seconds()).unsigned_abs() > seconds
    })
}

impl Evidence {
    /// Gathers the evidence in one pass over the capitalised words (and
    /// not at all when the text has no clock time).
    pub(crate) fn gather(inp: &Inputs<'_, '_>, sent: &Sentences) -> Evidence {
        let t = inp.doc.toks;
        let mut ev = Evidence {
            places: Vec::new(),
            dateline: None,
            body: 0,
            document: None,
            distinct: Vec::new(),
            span_end: Vec::new(),
            respective: Vec::new(),
        };
        if !inp.doc.found.iter().any(|f| super::clock_of(&f.expr).is_some()) {
            return ev;
        }
        ev.span_end = vec![None; inp.doc.found.len()];
        for l in inp.doc.links.iter().filter(|l| l.kind == crate::grammar::LinkKind::Range && l.members.len() == 2) {
            ev.span_end[l.members[0]] = Some(l.members[1]);
        }
        let mut buf = String::new();
        let title = titles(t, inp.doc.language.title_word);
        // the last words of personal names seen so far ("Héctor Araya" ... "Araya
        // will announce"): the name, not a place, when written alone later
        let mut surnames: std::collections::HashSet<&str> = std::collections::HashSet::new();
        // the names placed by a region after them: (start, end, zone)
        let mut apposed: Vec<(usize, usize, Zone)> = Vec::new();
        // the names found as landmarks a town owns, "Santiago's Alameda"
        let mut landmarks: Vec<(usize, usize)> = Vec::new();
        let dateline = (inp.doc.language.dateline)(t);
        // (the text after a dateline's dash opens its sentence, where a small
        // word of titles begins no name: "LAGOS — In Johannesburg, the show
        // starts"; "ST. JOHN'S — Tim Houston" is a person still)
        let text_opens = dateline.map(|(_, _, end)| end).filter(|&j| j < t.len() && (inp.doc.language.title_word)(t, j));
        let mut k = 0;
        while k < t.len() {
            if !t.toks[k].cap || title[k] {
                k += 1;
                continue;
            }
            // (the tail of a longer name is no place: "Cruz Azul", "Real Madrid";
            // and where a thing comes from does not place what happens: "a flight
            // from Guadalajara that landed at 11:40 a.m.")
            let place = place_at(t, k, &mut buf);
            // (there, only a name the capitals end: "LONDON — In Paris Hilton's
            // show" is a person's)
            // (its possessive ends it too: "LAGOS — At Johannesburg's Teatro")
            let possessive = |end: usize| end >= 2 && matches!(t.raw(end - 2), "'" | "’") && t.is(end - 1, "s");
            let whole = || {
                place.is_some_and(|(end, _, _)| {
                    possessive(end) || !(end < t.len() && t.toks[end].cap && t.toks[end].kind == crate::lex::TokKind::Word)
                })
            };
            let initial = |j: usize| j == 0 || sent.of(j - 1) != sent.of(j) || text_opens == Some(j) && whole();
            let named =
                k > 0 && t.toks[k - 1].cap && t.toks[k - 1].kind == crate::lex::TokKind::Word && sent.of(k - 1) == sent.of(k) && !initial(k - 1);
            // (nor the tail of a hyphenated name: "Amsterdam-Noord" is no Noord, Aruba)
            // (but a name of its own when written alone later: "the Rosslare-Cherbourg
            // route ... will reach Cherbourg at 17:00")
            let hyphened = k > 1 && !t.toks[k].space_before && t.is(k - 1, "-") && !t.toks[k - 1].space_before && t.toks[k - 2].cap;
            let origin = k > 0 && (inp.doc.language.origin)(t, k - 1);
            // (and a party to something is no more where it happens: "in free
            // association with New Zealand")
            let bound = k > 0 && ((inp.doc.language.destination)(t, k - 1) || (inp.doc.language.companion)(t, k - 1));
            // (a name no list knows, placed by the region or country after it
            // and a comma, "between North Sydney, Nova Scotia, and Argentia",
            // keeps that zone wherever the article writes it again)
            // (not a word that opens its sentence, "However, Texas and Florida
            // senators", nor a person after a title, "Rep. Jim Jordan, Ohio,";
            // the words of the run are still read, for the surnames)
            let titled = k > 1 && t.is(k - 1, ".") && t.toks[k - 2].cap && t.lw(k - 2).len() <= 4;
            if place.is_none() && !named && !hyphened && !origin && !titled {
                let zone = apposed.iter().find_map(|(s, e, z)| same_words(t, *s, *e, k).map(|_| z.clone())).or_else(|| {
                    // (a few are kept: an article names few such places, and the
                    // look-up stays short on any text)
                    let (end, zone) = apposed_region(inp, k).filter(|&(end, _)| !(initial(k) && end == k + 1) && apposed.len() < PLACE_ALIASES)?;
                    apposed.push((k, end, zone.clone()));
                    Some(zone)
                });
                if let Some(zone) = zone {
                    ev.places.push(Named { at: k, zone, kind: PlaceKind::City, bound, owner: false, local: false });
                    k += 1;
                    continue;
                }
            }
            match place {
                // (a name that is a place only in a dateline: "Regina" in running text
                // is a person; the next word may still begin a place, "As Salt Lake City")
                Some((_, _, PlaceKind::Dateline)) => k += 1,
                Some((end, iana, kind)) => {
                    // (a first name before it, not a word of a longer name: "The Wichita
                    // Harvesters"; written alone later, not as a place is: "in Wichita";
                    // and a street named after a place is no place: "on Queens Wharf")
                    let around = (inp.doc.language.place_context)(t, k, end);
                    let longer = end < t.len() && t.toks[end].cap && t.toks[end].kind == crate::lex::TokKind::Word;
                    if named && !around.after_function_word && !longer && end == k + 1 {
                        surnames.insert(t.raw(k));
                    }
                    let person = end == k + 1 && !around.locative && surnames.contains(t.raw(k));
                    // (a region's name on a county names the county: "Polls in Somerset
                    // County close at 8 p.m.")
                    let county = around.county && kind == PlaceKind::Region;
                    // (the head of a longer name owned by a town may be a landmark of
                    // it: "Bhaktapur's Kamal Binayak"; by a country or region, it is
                    // the name of its city: "Spain's Valencia Marathon"; and not the
                    // head of a longer name, a city: "Brazil's Rio de Janeiro")
                    // (a region is no landmark, "Southwest China's Yunnan Province";
                    // and the owner may be the end of its run, "Southwest China";
                    // the owner's name ends two tokens before it, at "'" and "s")
                    let owned_by = |kinds: &[PlaceKind]| {
                        around.possessed_by.is_some_and(|o| {
                            (o..k.saturating_sub(2))
                                .any(|j| matches!(place_at(t, j, &mut String::new()), Some((e, _, kind)) if e + 2 == k && kinds.contains(&kind)))
                        })
                    };
                    // (and a city's name a town owns is a place in it, however
                    // written: "Santiago's Alameda station", and "Alameda" after)
                    let landmark = kind == PlaceKind::City && around.possessed_by.is_some() && !owned_by(&[PlaceKind::Country, PlaceKind::Region]);
                    if landmark && landmarks.len() < PLACE_ALIASES {
                        landmarks.push((k, end));
                    }
                    let landmark = landmark || landmarks.iter().any(|&(s, e)| same_words(t, s, e, k) == Some(end));
                    // ("Long Beach in Sandy Bay": a landform's name within a name no
                    // list knows, the whole of it: "Sandy Bay" is no Sandy, Utah)
                    let within_unknown = || {
                        (inp.doc.language.place_follows)(t, end)
                            && (inp.doc.language.landform_name)(t, k, end)
                            && place_at(t, end + 1, &mut String::new()).is_none_or(|p| p.0 != name_end(t, end + 1) + 1)
                            && inp.doc.found.binary_search_by_key(&(end + 1), |f| f.start).is_err()
                    };
                    // (a city's name after "the" is a street's or a district's there:
                    // "along the Alameda" in Santiago; "the Bronx" keeps its city's clock)
                    let the = kind == PlaceKind::City && (inp.doc.language.determined_name)(t, k, end);
                    let local = landmark || the || within_unknown();
                    if let (Ok(tz), false) = (
                        jiff::tz::db().get(iana),
                        // (a country's name before a noun tells whose it is: "His New
                        // Zealand counterpart")
                        named
                            || hyphened
                            || origin
                            || around.street
                            || around.company
                            || around.facility && kind == PlaceKind::Country
                            || around.team
                            || around.part_of_name
                            || person
                            || county
                            || around.attributive && kind == PlaceKind::Country,
                    ) {
                        ev.places.push(Named { at: k, zone: Zone::named(tz, iana), kind, bound, owner: around.owner, local });
                    }
                    k = end;
                }
                None => k += 1,
            }
        }
        if let Some((s, e, end)) = dateline {
            // ("CAPE CANAVERAL, Fla. —": a town too small to list, by its state)
            let state = || (inp.doc.language.region_abbreviation)(t, e + 1).and_then(crate::places::lookup).map(|p| p.zone);
            // ("WAIROA, New Zealand —": a town too small to list, by its country)
            let country = |buf: &mut String| place_at(t, e + 1, buf).filter(|p| matches!(p.2, PlaceKind::Country | PlaceKind::Region)).map(|p| p.1);
            // (a name that is a place only in a dateline covers the whole run of
            // capitals and closes with a dash, or with a comma and its state or
            // country: "REGINA —", not a label, "POLICE: Man arrested", "SAME-DAY
            // DELIVERY - Orders")
            let dashed = end > e && !(inp.doc.language.label_end)(t, e);
            let placed = |p: &(usize, &'static str, PlaceKind)| p.2 != PlaceKind::Dateline || p.0 == e && (dashed || is_comma(t, e));
            let city = place_at(t, s, &mut buf).filter(|p| p.0 <= e && placed(p)).map(|p| p.1);
            let qualifier = is_comma(t, e).then(state).flatten().or_else(|| is_comma(t, e).then(|| country(&mut buf)).flatten());
            // ("KINGSTON, Norfolk Island —": a state or country far from the city's
            // clock tells which city of that name it is, and the name holds for
            // the article, "at Kingston Pier")
            // (and a country or state whose country's zones do not hold the
            // city's, however near its clock: "LALITPUR, Nepal —" is no Lalitpur
            // of India, "KINGSTON, Ontario —" no Kingston of Jamaica;
            // "KIRITIMATI, Kiribati —" keeps its own of the country's clocks)
            let abroad = |c: &str, q: &str| places::country_of(c).zip(places::country_of(q)).is_some_and(|(a, b)| a != b);
            let other = city.and(qualifier).filter(|&q| city.is_some_and(|c| far_apart(c, q, inp.doc.dct) || abroad(c, q)));
            if let (Some(c), Some(q)) = (city, other) {
                let name = t.lw(s);
                if let Ok(tz) = jiff::tz::db().get(q) {
                    // (not one qualified otherwise: "Fans in Portland, Ore., can watch")
                    let qualified = |at: usize| is_comma(t, at + 1) && t.toks.get(at + 2).is_some_and(|n| n.cap);
                    for p in ev.places.iter_mut().filter(|p| p.zone.tzid.as_deref() == Some(c) && t.lw(p.at) == name && !qualified(p.at)) {
                        p.zone = Zone::named(tz.clone(), q);
                    }
                }
            }
            let iana = other.or(city).or(qualifier);
            let zone = iana.and_then(|iana| Some(Zone::named(jiff::tz::db().get(iana).ok()?, iana)));
            // ("HOBART — ... at Long Beach in Sandy Bay", "BHAKTAPUR, Nepal — ...
            // Bhaktapur's Kamal Binayak": a local name, not the city of that name
            // far from the dateline)
            if let Some(d) = iana {
                ev.places.retain(|p| !(p.local && p.zone.tzid.as_deref().is_some_and(|z| apart_by_more(z, d, inp.doc.dct, 0))));
            }
            ev.dateline = Some((zone, s, end));
            ev.body = s;
        } else {
            // without a dateline, the headline is the first paragraph when more follow
            ev.body = (1..t.len()).find(|&k| sent.paragraph(k) > sent.paragraph(0) && t.toks[k].newline_before).unwrap_or(0);
        }
        ev.document = ev.document_zone(inp, sent);
        ev.respective = ev.respective_places(inp, sent);
        let mut seen: Vec<&str> = Vec::new();
        for (i, p) in ev.places.iter().enumerate() {
            if let Some(id) = p.zone.tzid.as_deref().filter(|id| !seen.contains(id)) {
                seen.push(id);
                ev.distinct.push(i);
            }
        }
        ev
    }

    /// The article's zone: its dateline's place; else the one zone it
    /// writes with its clock times (a reference zone, UTC or GMT, aside);
    /// else the one zone of the broadcasters and exchanges it names; else
    /// the one zone of the places its headline names, or its lead sentence
    /// names, or of all it names.
    fn document_zone(&self, inp: &Inputs<'_, '_>, sent: &Sentences) -> Option<Zone> {
        if let Some(z) = self.dateline.as_ref().and_then(|d| d.0.clone()) {
            return Some(z);
        }
        let at = inp
            .doc
            .dct
            .and_then(|d| local(d, &Clock { hour: 12, minute: Some(0), second: None, zone: None, open: false }))
            .and_then(|dt| dt.to_zoned(jiff::tz::TimeZone::UTC).ok());
        let one = |zones: &mut dyn Iterator<Item = Zone>| {
            let mut chosen: Option<Zone> = None;
            for z in zones {
                match &chosen {
                    None => chosen = Some(z),
                    Some(c) if c.tzid == z.tzid => {}
                    Some(c) if at.as_ref().is_some_and(|a| c.same_offset(&z, a.timestamp())) && c.kind == z.kind => {}
                    Some(_) => return None,
                }
            }
            chosen
        };
        // (not a time that restates the one before it in another zone: "the
        // 4.35pm start is 2.35pm in Sydney" is the reader's zone abroad)
        // (any time before it in its sentence that the words between restate,
        // not only the nearest as days::restated_on reads it: a list of
        // readings abroad, "that's 11am in Melbourne and Sydney, and 9am in
        // Perth", is read from its first; the own articles lose five instants
        // with the nearest only)
        let found = inp.doc.found;
        // (or the last time of the sentence before, when the words that open
        // its own restate it: "... on Thursday at 14:00. That's 8 a.m. in New York")
        // (and so does each time listed after it: "and 5 a.m. in Los Angeles")
        let opening = |n: usize| {
            let here = sent.of(found[n].start);
            // the first time of the sentence
            let first = (n.saturating_sub(CLOCK_SCAN)..=n).find(|&m| sent.of(found[m].start) == here)?;
            let k = found[first].start;
            let (s0, _) = sent.span(k, k, OPENING_RESTATES);
            let clocks = (first..=n).all(|m| super::clock_of(&found[m].expr).is_some());
            // (or the words that open its clause after a colon: "Sessions are streamed
            // live for grandparents interstate: that's 11am in Melbourne")
            let colon = (s0..k).rev().find(|&j| inp.doc.toks.is(j, ":")).filter(|&c| (inp.doc.language.restates)(inp.doc.toks, c + 1, k));
            let opens = s0 < k && s0 > 0 && sent.of(s0 - 1) + 1 == here && (inp.doc.language.restates)(inp.doc.toks, s0, k);
            (clocks && here > 0 && (opens || colon.is_some())).then(|| here - 1)
        };
        // (the words that open it restate a time though the sentence before tells
        // none: "... live for the millions working abroad: it will be 6:30 am in
        // Doha" after "The ceremony will begin at 9:15 am" two sentences back)
        let restating = |n: usize| {
            let before = opening(n);
            before.is_some()
                || (n.saturating_sub(CLOCK_SCAN)..n)
                    .rev()
                    .take_while(|&m| sent.of(found[m].start) == sent.of(found[n].start) || Some(sent.of(found[m].start)) == before)
                    .any(|m| {
                        super::clock_of(&found[m].expr).is_some()
                            && (Some(sent.of(found[m].start)) == before || (inp.doc.language.restates)(inp.doc.toks, found[m].end, found[n].start))
                    })
        };
        // (nor the place such a time is read in: "That's 8 a.m. in New York",
        // nor an audience's abroad: "for viewers in Sydney")
        // (read once for each clock time: the readings abroad and the written zones ask)
        let restates: Vec<bool> = (0..found.len()).map(|n| super::clock_of(&found[n].expr).is_some() && restating(n)).collect();
        let restated_ends: Vec<usize> = (0..found.len()).filter(|&n| restates[n]).map(|n| found[n].end).collect();
        let abroad = |p: &Named| {
            // (the nearest restating time that ends before it)
            let e = restated_ends[..restated_ends.partition_point(|&e| e < p.at)].last();
            (inp.doc.language.audience)(inp.doc.toks, p.at) || e.is_some_and(|&e| p.at <= e + RESTATED_PLACE_REACH && sent.of(p.at) == sent.of(e - 1))
        };
        let written = (0..found.len())
            .filter_map(|n| Some((n, super::clock_of(&found[n].expr)?.zone?)))
            .filter(|&(n, _)| !restates[n])
            .map(|(_, spec)| spec)
            .filter_map(|spec| inp.zones.zone(spec, inp.doc.toks.text, inp.lexicon));
        let mut written = written.filter(|z| !z.tzid.as_deref().is_some_and(reference_zone));
        if let Some(z) = one(&mut written) {
            return Some(z);
        }
        let mut media = self.places.iter().filter(|p| matches!(p.kind, PlaceKind::Broadcaster | PlaceKind::Exchange)).map(|p| p.zone.clone());
        if let Some(z) = one(&mut media) {
            return Some(z);
        }
        // without a dateline, the place its headline names ("St Mary of the
        // Angels, Wellington — Parish Newsletter"), else the one zone of all
        // the places it names
        let here = self.places.iter().filter(|p| !p.bound && !abroad(p));
        let mut head = here.clone().filter(|p| p.at < self.body).map(|p| p.zone.clone());
        if let Some(z) = one(&mut head) {
            return Some(z);
        }
        // (the lead sets the story: "The South Australian spring school holidays
        // run from Saturday ..." before the times streamed "at 11am in Melbourne")
        // (the first sentence of the body that names a place: a masthead may come
        // first, "BOX HILL ROSE AND GARDEN CLUB - MARCH NEWSLETTER")
        // (within the body's first paragraphs: a place far down is no lead's)
        let near_lead = |p: &&Named| sent.paragraph(p.at) <= sent.paragraph(self.body) + LEAD_PARAGRAPHS;
        let lead = here.clone().filter(near_lead).find(|p| p.at >= self.body).map(|p| sent.of(p.at));
        let mut first = here.clone().filter(|p| p.at >= self.body && Some(sent.of(p.at)) == lead).map(|p| p.zone.clone());
        if let Some(z) = one(&mut first) {
            return Some(z);
        }
        let mut all = here.map(|p| p.zone.clone());
        one(&mut all)
    }

    /// Whether token `k` lies in the dateline ("SEOUL, March 8 (Yonhap) —"):
    /// its date is the report's, no event's.
    pub(crate) fn in_dateline(&self, k: usize) -> bool {
        self.dateline.as_ref().is_some_and(|&(_, s, e)| (s..e).contains(&k))
    }

    /// The end of the day told right after the clock time of expression
    /// `n` ("7:15 a.m. on Sunday", "4 p.m. Monday"), when the link stage
    /// set the time on it: a place written after that day is still the
    /// time's own.
    fn day_after(&self, inp: &Inputs<'_, '_>, n: usize) -> Option<usize> {
        let found = inp.doc.found;
        found[n].anchor.filter(|&a| a == n + 1).map(|a| found[a].end)
    }

    /// The dateline's zone, when zone name `spec` is a city's and the
    /// dateline opens with that name.
    fn dateline_city(&self, inp: &Inputs<'_, '_>, spec: crate::expr::ZoneSpec) -> Option<Zone> {
        let (Some(zone), s, end) = self.dateline.as_ref()? else { return None };
        let crate::expr::ZoneSpec::Name(idx) = spec else { return None };
        let name = inp.lexicon.zone(idx);
        let words = name.name.split(' ').count();
        let same = name.city && s + words <= *end && name.name.split(' ').enumerate().all(|(i, w)| inp.doc.toks.lw(s + i) == w);
        same.then(|| zone.clone())
    }

    /// Whether token `k` lies in the headline, before the body.
    pub(crate) fn in_headline(&self, k: usize) -> bool {
        k < self.body
    }

    /// The places of the sentence of token `k`, nearest first.
    pub(crate) fn sentence_places<'s>(&'s self, sent: &Sentences, k: usize) -> Vec<&'s Zone> {
        let (lo, hi) = self.sentence_span(sent, k);
        let mut near: Vec<&Named> = self.places[lo..hi].iter().filter(|p| !self.in_dateline(p.at)).collect();
        near.sort_by_key(|p| p.at.abs_diff(k));
        near.into_iter().map(|p| &p.zone).collect()
    }

    /// The places that locate the clock time of expression `n`, nearest
    /// first: in its clause, those after it up to the next clock time ("at
    /// 7 a.m. in Toronto", "12:15 p.m. close in Chicago comes at ..."), then
    /// those before it ("In Bengaluru, ..., it runs between 8 a.m. and noon
    /// IST") unless a time it restates comes between, whose place they are
    /// ("Queensland ... closes at 6 p.m. AEST — 7 p.m. in Sydney").
    pub(crate) fn own_places<'s>(&'s self, inp: &Inputs<'_, '_>, sent: &Sentences, n: usize) -> Vec<&'s Zone> {
        let found = inp.doc.found;
        let (k, end) = (found[n].start, found[n].end);
        let clause = sent.clause(k);
        let clock = |m: usize| super::clock_of(&found[m].expr).is_some();
        // (the start of a span of clock times shares the places written after
        // its end: "from 2 a.m. to 10 a.m. on Sunday in Sydney")
        let partner = self
            .span_end
            .get(n)
            .copied()
            .flatten()
            .filter(|&m| clock(m) && sent.clause(found[m].start) == clause)
            // (a start with a zone of its own restates rather than spans: "closes at 6
            // p.m. AEST — 7 p.m. in Sydney")
            .filter(|_| super::clock_of(&found[n].expr).is_some_and(|c| c.zone.is_none()));
        let (last, end) = partner.map_or((n, end), |m| (m, found[m].end));
        let next = (last + 1..(last + 1 + CLOCK_SCAN).min(found.len()))
            .take_while(|&m| sent.clause(found[m].start) == clause)
            .find(|&m| clock(m))
            .map_or(usize::MAX, |m| found[m].start);
        let prev = (n.saturating_sub(CLOCK_SCAN)..n).rev().take_while(|&m| sent.clause(found[m].start) == clause).find(|&m| clock(m));
        let restated = prev.is_some_and(|m| (inp.doc.language.restates)(inp.doc.toks, found[m].end, k));
        let t = inp.doc.toks;
        // (a destination places only the times of its own relative clause:
        // "casts off at 4:30 p.m. for New York, where it is due at 7 a.m.")
        let elsewhere = |p: &Named| (p.bound || p.owner) && !relative_after(t, sent, p.at).is_some_and(|j| j <= k && sent.of(j) == sent.of(k));
        let mine = |p: &&Named| sent.clause(p.at) == clause && !self.in_dateline(p.at) && !aside(inp, n, p.at) && !elsewhere(p);
        let at = self.places.partition_point(|p| p.at < k);
        // (a place right before the next time is that one's: "departs Minneapolis at
        // 18:40, arriving in Dublin at 08:05")
        // (from the end of the longer name it begins: "reaches Paris Gare de Lyon at 11:38")
        // (also across the day that the next time is on: "in Montevideo on April
        // 16 at 9:30 p.m., the Espaço Unimed in São Paulo on April 19 at 10 p.m.")
        // (one step per token or expression, up to the next time: linear)
        // (not one set off from the next time by a comma: "11:30 p.m. to 3:30
        // a.m. in Newfoundland, 9 p.m. to 1 a.m. in Regina")
        let set_off = next != usize::MAX && next > 0 && is_comma(t, next - 1);
        let leads_into_next = |p: &Named| {
            if set_off {
                return false;
            }
            // (from the place's own word: a day after it may look like the rest of
            // its name, "Lima on April 19")
            let mut j = p.at + 1;
            while j < next {
                match found.get(found.partition_point(|f| f.start < j)) {
                    Some(f) if f.start == j && super::clock_of(&f.expr).is_none() => j = f.end,
                    _ if (inp.doc.language.leads_to_time)(t, j) => j += 1,
                    _ => return false,
                }
            }
            true
        };
        let next_own = |p: &&Named| next == usize::MAX || (name_end(t, p.at) + NEXT_PLACE_GAP < next || set_off) && !leads_into_next(p);
        // (a place past a bound word is the bound's: "airs Mondays at 10:30 p.m.
        // until the season finale in Abu Dhabi on Nov. 26")
        let next = next.min(bound_after(inp, end));
        let after =
            self.places[at..].iter().take_while(|p| p.at < next && p.at < end + PLACE_REACH).filter(|p| p.at >= end).filter(mine).filter(next_own);
        let before =
            self.places[..at].iter().rev().take_while(|p| sent.clause(p.at) == clause && p.at + PLACE_REACH > k).filter(|_| !restated).filter(mine);
        // (a place that leads into the time closely comes first: "leaves London
        // St Pancras at 8:04 a.m. and is due at Paris Gare du Nord at 11:22")
        let leads_in = |p: &&Named| {
            p.at < k
                && k - p.at <= LEAD_IN_PLACE_GAP
                && (p.at + 1..k - 1).all(|j| t.toks[j].cap)
                && t.toks[k - 1].kind == crate::lex::TokKind::Word
                && !t.toks[k - 1].cap
        };
        let lead_in = self.places[..at].iter().rev().take_while(|p| p.at + LEAD_IN_PLACE_GAP >= k).filter(mine).find(leads_in);
        lead_in.into_iter().chain(after).chain(before).map(|p| &p.zone).collect()
    }

    /// The places of the sentence of expression `n` that locate no other
    /// clock time (none follows another time closely, "or 8:30 a.m. in
    /// London", nor stands right before one, "in Dublin at 08:05"), nearest
    /// first: the setting of the whole sentence.
    pub(crate) fn free_places<'s>(&'s self, inp: &Inputs<'_, '_>, sent: &Sentences, n: usize) -> Vec<&'s Zone> {
        let found = inp.doc.found;
        let k = found[n].start;
        let clocks: Vec<usize> = (n.saturating_sub(CLOCK_SCAN)..(n + CLOCK_SCAN).min(found.len()))
            .filter(|&m| m != n && sent.of(found[m].start) == sent.of(k) && super::clock_of(&found[m].expr).is_some())
            .collect();
        let t = inp.doc.toks;
        let apart = |a: usize, b: usize| (a..b).any(|j| matches!(t.lw(j), "," | ";" | "(" | ")" | "—"));
        // (a place that a relative clause goes on from: "for relatives in
        // India, where it will be 11:45 p.m.": the token that opens the clause)
        let relative_after = |p: &Named| relative_after(t, sent, p.at);
        let owned = |p: &Named| {
            let relative = relative_after(p);
            clocks.iter().any(|&m| {
                let (s, e) = (found[m].start, found[m].end);
                (e..=e + NEXT_PLACE_GAP).contains(&p.at) && !apart(e, p.at)
                    || (p.at < s && s <= name_end(t, p.at) + NEXT_PLACE_GAP + 1 && !apart(p.at, s))
                    || relative.is_some_and(|j| j <= s && !sent.relative_between(j, s) && sent.of(s) == sent.of(j))
            })
        };
        let (lo, hi) = self.sentence_span(sent, k);
        // (not in a clause joined after the time's: "check in by 7:14 a.m., and a
        // welcome ceremony in Paris will begin ..." says where the ceremony is)
        // (nor past a bound word after it: "until the season finale in Abu Dhabi")
        let bound = bound_after(inp, found[n].end);
        let later = |p: &Named| p.at > k && (sent.clause(p.at) > sent.clause(k) || p.at > bound);
        // (nor somewhere else: "before sailing for St. John's, N.L., at 2 p.m.")
        let mut near: Vec<&Named> = self.places[lo..hi]
            .iter()
            .filter(|p| !self.in_dateline(p.at) && !owned(p) && !later(p) && !p.bound && !p.owner && !aside(inp, n, p.at))
            .collect();
        near.sort_by_key(|p| p.at.abs_diff(k));
        near.into_iter().map(|p| &p.zone).collect()
    }

    /// The places of the sentence of token `k`, as a range of `places`
    /// (they are in text order: those around the nearest one).
    fn sentence_span(&self, sent: &Sentences, k: usize) -> (usize, usize) {
        let here = sent.of(k);
        let at = self.places.partition_point(|p| p.at < k);
        let near = |i: &usize| sent.of(self.places[*i].at) == here && self.places[*i].at.abs_diff(k) < PLACE_REACH;
        let lo = (0..at).rev().take_while(near).last().unwrap_or(at);
        let hi = (at..self.places.len()).take_while(near).last().map_or(at, |i| i + 1);
        (lo, hi)
    }

    /// Zones another reading of a time may be in: the places of its
    /// sentence, then the article's zone and the other places it names.
    pub(crate) fn alternatives<'s>(&'s self, sent: &Sentences, k: usize) -> Vec<&'s Zone> {
        let mut out = self.sentence_places(sent, k);
        out.extend(self.document.iter());
        out.extend(self.distinct.iter().map(|&i| &self.places[i].zone));
        out
    }

    /// The zone of the clock time of expression `n`: the one written with
    /// it (an ambiguous abbreviation read as the places around it suggest),
    /// else a place of its sentence, else the article's zone, else the
    /// caller's.
    /// A time on the day of another expression ("Kickoff is at 3 p.m." after
    /// "on Sunday, June 8, at Wembley Stadium in London") also takes the
    /// place of that expression's sentence, `day_from` giving the chain.
    pub(crate) fn zone_for(
        &self,
        inp: &Inputs<'_, '_>,
        sent: &Sentences,
        n: usize,
        c: Clock,
        day: Option<Date>,
        day_from: impl Fn(usize) -> Option<usize>,
    ) -> Option<(Zone, ZoneSource)> {
        if let Some(spec) = c.zone {
            let zone = inp.zones.zone(spec, inp.doc.toks.text, inp.lexicon)?;
            // ("SAN JUAN, Puerto Rico — ... 7 p.m. in San Juan": the city the
            // dateline names, not another of that name the tz database lists)
            if let Some(z) = self.dateline_city(inp, spec).filter(|z| z.tzid != zone.tzid) {
                return Some((z, ZoneSource::Written));
            }
            return Some((self.disambiguate(inp, sent, spec, zone, n, day, c), ZoneSource::Written));
        }
        // "4 a.m. Wednesday in Sydney": a place written right after is the time's own
        // (in its sentence: "that is 9 p.m. In New York the final starts"), also
        // after the day told of it: "7:15 a.m. on Sunday in Melbourne"
        let end = self.day_after(inp, n).unwrap_or(inp.doc.found[n].end);
        if (inp.doc.language.place_follows)(inp.doc.toks, end) && sent.of(end) == sent.of(inp.doc.found[n].start) {
            if let Some(p) = self.places.iter().find(|p| p.at == end + 1) {
                return Some((p.zone.clone(), ZoneSource::Written));
            }
        }
        // "in Doha and Dubai, ... will open at 7:45 a.m. and 8:45 a.m.
        // respectively": each time of the list at the place of the same rank
        if let Ok(i) = self.respective.binary_search_by_key(&n, |&(m, _)| m) {
            return Some((self.places[self.respective[i].1].zone.clone(), ZoneSource::Place));
        }
        // the place of an audience told before it in its sentence is the
        // reader's clock ("For investors in New York, the opening bell in
        // Shanghai rings at 9:30 p.m.")
        let (toks, k) = (inp.doc.toks, inp.doc.found[n].start);
        let audience = self.places[..self.places.partition_point(|p| p.at < k)]
            .iter()
            .rev()
            .take_while(|p| sent.of(p.at) == sent.of(k))
            .find(|p| (inp.doc.language.audience)(toks, p.at))
            // (in the time's own clause: not "...; in London it is 1:30 a.m.")
            .filter(|p| sent.clause(p.at) == sent.clause(k));
        if let Some(p) = audience {
            return Some((p.zone.clone(), ZoneSource::Place));
        }
        if let Some(z) = self.own_places(inp, sent, n).first().or(self.free_places(inp, sent, n).first()) {
            return Some(((*z).clone(), ZoneSource::Place));
        }
        if let Some(z) = &self.document {
            return Some((z.clone(), ZoneSource::Document));
        }
        let mut from = day_from(n);
        for _ in 0..DAY_CHAIN {
            let Some(m) = from else { break };
            if let Some(z) = self.sentence_places(sent, inp.doc.found[m].start).first() {
                return Some(((*z).clone(), ZoneSource::Place));
            }
            from = day_from(m);
        }

        if let Some(z) = &inp.doc_zone {
            return Some((z.clone(), ZoneSource::Cli));
        }
        inp.zones.default_zone().map(|z| (z, ZoneSource::Default))
    }

    /// The clock times of lists told with "respectively", each with the
    /// index of the place of the same rank in the list of places told before
    /// it in its sentence: "For workers in Doha and Dubai, the session will
    /// open at 7:45 a.m. and 8:45 a.m. respectively." Both lists have as many
    /// items, and the places are joined as a list (only "and", "or" or a
    /// comma between their names). Sorted by clock time; one pass over the
    /// links.
    fn respective_places(&self, inp: &Inputs<'_, '_>, sent: &Sentences) -> Vec<(usize, usize)> {
        let (t, found) = (inp.doc.toks, inp.doc.found);
        let mut out = Vec::new();
        // (a list of three or more is told as links of two, "9 a.m., 10 a.m. and
        // 11 a.m.": the chains of clock lists, each link's last its next's first)
        let clocks = |l: &crate::grammar::Link| {
            l.kind == crate::grammar::LinkKind::List && l.members.len() > 1 && l.members.iter().all(|&m| super::clock_of(&found[m].expr).is_some())
        };
        let mut lists: Vec<&[usize]> = inp.doc.links.iter().filter(|l| clocks(l)).map(|l| &l.members[..]).collect();
        lists.sort_by_key(|m| m[0]);
        let mut i = 0;
        while i < lists.len() {
            let mut members = lists[i].to_vec();
            i += 1;
            while i < lists.len() && Some(&lists[i][0]) == members.last() {
                members.extend_from_slice(&lists[i][1..]);
                i += 1;
            }
            let last = members[members.len() - 1];
            if !(inp.doc.language.respectively)(t, found[last].end) {
                continue;
            }
            let start = found[members[0]].start;
            let first = self.places.partition_point(|p| p.at < start);
            let here = (0..first).rev().take_while(|&k| sent.of(self.places[k].at) == sent.of(start)).count();
            if here < members.len() {
                continue;
            }
            let ranks = first - members.len()..first;
            // (the capitalised words only: `name_end`'s particles would take the
            // "and" of "Doha and Dubai" into one name)
            let name_end = |at: usize| (at + 1..start).find(|&k| !t.toks[k].cap).unwrap_or(start);
            let joined = ranks.clone().skip(1).all(|k| (inp.doc.language.joins_list)(t, name_end(self.places[k - 1].at), self.places[k].at));
            if joined {
                out.extend(members.iter().copied().zip(ranks));
            }
        }
        out.sort_unstable();
        out
    }

    /// An ambiguous abbreviation read as the reading that agrees with the
    /// places that locate the time, else the article's dateline, else the
    /// places of its sentence, else the article's places (same zone, or the
    /// same offset on that day), else as the table reads it.
    #[allow(clippy::too_many_arguments)]
    fn disambiguate(&self, inp: &Inputs<'_, '_>, sent: &Sentences, spec: ZoneSpec, zone: Zone, n: usize, day: Option<Date>, c: Clock) -> Zone {
        let k = inp.doc.found[n].start;
        let readings = inp.zones.readings(spec, inp.lexicon);
        if readings.is_empty() {
            return zone;
        }
        let at = day.and_then(|d| local(d, &c)).and_then(|dt| dt.to_zoned(zone.tz.clone()).ok()).map(|z| z.timestamp());
        // (the places that locate the time, then the dateline: a London story
        // of a match with Bangladesh writes British Summer Time as "BST",
        // though Dhaka is named in the sentence; the dateline decides only when
        // it agrees with a reading)
        let evidence = || {
            self.own_places(inp, sent, n)
                .into_iter()
                .chain(self.dateline.as_ref().and_then(|d| d.0.as_ref()))
                .chain(self.sentence_places(sent, k))
                .chain(self.places.iter().map(|p| &p.zone))
        };
        // a place in the reading's own zone anywhere in the article first ("IST"
        // in a Helsinki story about India's top seed is India's), then one on
        // the same offset that day ("CST" in a Beijing story); the first place
        // that agrees with a reading decides, the table's own reading too ("CST"
        // in a HOUSTON story of a flight to Havana is US Central)
        for offset in [false, true] {
            for place in evidence() {
                let default = if offset { at.is_some_and(|a| zone.same_offset(place, a)) } else { zone.tzid == place.tzid };
                if default {
                    return zone;
                }
                for (iana, kind) in readings {
                    let Some(candidate) = zone.reread(iana, *kind) else { continue };
                    let same = if offset {
                        at.is_some_and(|a| candidate.same_offset(place, a) && candidate.tz.to_offset(a) != zone.tz.to_offset(a))
                    } else {
                        candidate.tzid == place.tzid
                    };
                    if same {
                        return candidate;
                    }
                }
            }
        }
        zone
    }
}

/// The first bound word ("until", "through") from token `end` on, within a
/// sentence's reach (`usize::MAX` if none): places past it are the bound's.
fn bound_after(inp: &Inputs<'_, '_>, end: usize) -> usize {
    let t = inp.doc.toks;
    (end..(end + PLACE_REACH).min(t.len())).find(|&j| (inp.doc.language.bounds)(t, j)).unwrap_or(usize::MAX)
}

/// The token that opens a relative clause right after the place at token
/// `at` ("for relatives in India, where it will be 11:45 p.m.").
fn relative_after(t: &crate::lex::Tokens<'_>, sent: &Sentences, at: usize) -> Option<usize> {
    (at + 1..(at + RELATIVE_PLACE_GAP).min(t.len())).find(|&j| is_comma(t, j - 1) && sent.relative_between(j - 1, j))
}

/// The last token of the name that begins with the place at `at`: its run of
/// capitalised words, with the short lower-case particles between them
/// ("Paris Gare de Lyon", "London St Pancras").
fn name_end(t: &crate::lex::Tokens<'_>, at: usize) -> usize {
    let capital = |j: usize| j < t.len() && t.toks[j].cap && t.toks[j].kind == crate::lex::TokKind::Word && !t.toks[j].newline_before;
    let particle = |j: usize| j < t.len() && !t.toks[j].cap && t.toks[j].kind == crate::lex::TokKind::Word && t.raw(j).len() <= 3 && capital(j + 1);
    let mut j = at;
    while j < at + LONGER_NAME_WORDS && (capital(j + 1) || particle(j + 1)) {
        j += 1;
    }
    j
}

fn is_comma(t: &crate::lex::Tokens<'_>, k: usize) -> bool {
    t.lw(k) == ","
}

/// Zones used to state an instant for everyone rather than where something happens.
fn reference_zone(tzid: &str) -> bool {
    matches!(tzid, "Etc/UTC" | "Etc/GMT" | "UTC" | "GMT")
}

/// Which tokens stand inside a quoted title ("Last Night in Mindelo"): a
/// short quotation whose words are all capitalised but for the small words
/// of titles. A place in a title places nothing.
fn titles(t: &crate::lex::Tokens<'_>, small: fn(&crate::lex::Tokens<'_>, usize) -> bool) -> Vec<bool> {
    let mut out = vec![false; t.len()];
    let quote = |k: usize| matches!(t.raw(k), "\"" | "“" | "”");
    let mut k = 0;
    while k < t.len() {
        if !quote(k) {
            k += 1;
            continue;
        }
        let close = (k + 1..(k + 1 + TITLE_WORDS).min(t.len())).find(|&j| quote(j));
        let Some(c) = close else {
            k += 1;
            continue;
        };
        let words = (k + 1..c).filter(|&j| t.toks[j].kind == crate::lex::TokKind::Word);
        let titled = c > k + 1 && words.clone().all(|j| t.toks[j].cap || small(t, j));
        if titled {
            out[k + 1..c].iter_mut().for_each(|x| *x = true);
        }
        k = c + 1;
    }
    out
}

/// The run of capitalised words at `k` that no list knows as a place, with
/// a region or country of one zone after it and a comma, closing its
/// phrase: "North Sydney, Nova Scotia, and", "Placentia, Newfoundland."
/// (not "Nova Scotia's premier"): the run's end and the region's zone.
fn apposed_region(inp: &Inputs<'_, '_>, k: usize) -> Option<(usize, Zone)> {
    let t = inp.doc.toks;
    let word = |j: usize| j < t.len() && t.toks[j].cap && t.toks[j].kind == crate::lex::TokKind::Word;
    let mut end = k;
    while word(end) && end < k + LONGER_NAME_WORDS {
        end += 1;
    }
    // (no date nor other expression in it: "Friday, Nova Scotia time")
    let first = inp.doc.found.partition_point(|f| f.end <= k);
    if end == k || !is_comma(t, end) || inp.doc.found.get(first).is_some_and(|f| f.start < end) {
        return None;
    }
    let (e, iana, kind) = place_at(t, end + 1, &mut String::new())?;
    let closes = e >= t.len() || matches!(t.lw(e), "," | "." | ";" | ")" | "and" | "or");
    if !matches!(kind, PlaceKind::Region | PlaceKind::Country) || !closes {
        return None;
    }
    Some((end, Zone::named(jiff::tz::db().get(iana).ok()?, iana)))
}

/// Whether the tokens at `k` repeat the words `[s, e)` as a whole name (no
/// capitalised word after them): the end of the repeat.
fn same_words(t: &crate::lex::Tokens<'_>, s: usize, e: usize, k: usize) -> Option<usize> {
    let end = k + (e - s);
    let whole = end >= t.len() || !(t.toks[end].cap && t.toks[end].kind == crate::lex::TokKind::Word);
    (k != s && end <= t.len() && whole && (0..e - s).all(|j| t.lw(s + j) == t.lw(k + j))).then_some(end)
}

/// The place named at token `k`, the longest name first: (end, zone, kind).
fn place_at(t: &crate::lex::Tokens<'_>, k: usize, buf: &mut String) -> Option<(usize, &'static str, PlaceKind)> {
    places::longest_at(t, k, buf).map(|(end, p)| (end, p.zone, p.kind))
}

/// Whether the place at token `at` stands in a relative clause set off by
/// commas that tells of another, earlier time, apart from the clock time
/// of expression `n`: "Arguedas, who has lived in Madrid since 2012, will
/// give a masterclass ... at 3 p.m.", "the 8:30 p.m. screening of her newest
/// film, which premiered at the San Sebastián festival last September". Such
/// a place is where the person lived or the other thing happened, not where
/// the time is told ("The talks, which open Monday in Geneva, resume at 9
/// a.m." keep Geneva).
fn aside(inp: &Inputs<'_, '_>, n: usize, at: usize) -> bool {
    let (t, found) = (inp.doc.toks, inp.doc.found);
    let stop = |j: usize| matches!(t.lw(j), "." | ";" | "!" | "?");
    let comma = |j: usize| t.lw(j) == ",";
    // (the comma of "in Bar Harbor, Maine" sets a region after its town, and opens nothing)
    let region = |j: usize| j + 1 == at && j > 0 && t.toks[j - 1].cap;
    let Some(open) = (at.saturating_sub(RELATIVE_CLAUSE_REACH)..at).rev().take_while(|&j| !stop(j)).find(|&j| comma(j) && !region(j)) else {
        return false;
    };
    if (inp.doc.language.clause)(t, open + 1) != Some(crate::lang::ClauseCue::Relative) {
        return false;
    }
    // (a clause that does not close soon is no aside)
    let Some(close) = (at + 1..(at + RELATIVE_CLAUSE_REACH).min(t.len())).find(|&j| comma(j) || stop(j)) else {
        return false;
    };
    let (k, e) = (found[n].start, found[n].end);
    if !(e <= open || k > close) {
        return false;
    }
    // (a time of the clause told in the past)
    let first = found.partition_point(|f| f.start <= open);
    (first..found.len()).take_while(|&m| found[m].end <= close).any(|m| {
        let tense = inp.doc.tense(m);
        m != n && tense.dir == crate::expr::Dir::Past
    })
}
