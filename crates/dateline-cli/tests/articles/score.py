#!/usr/bin/env python3
"""Score dateline on the project's own zoned articles in plain/ against expected.json.

The short articles written for dateline (invented events, real places), with
every instant computed with zoneinfo and every rule checked with dateutil.
The binary is $DATELINE_BIN (default: target/release/dateline of this
repository).

An instant counts when a timex overlapping the expected text's occurrence has the
same `utc`.  The occurrence is the first one after any earlier expected item of the
same text (instants, then rules), unless the item gives "occurrence" (1-based).
A rule counts when a timex overlapping the text, or a group containing such a
timex, has rrule/dtstart/tzid whose occurrences in the 400 days after the DCT (in
UTC) equal those of the expected rule.
"""
import json, os, re, subprocess, sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo
from dateutil.rrule import rrulestr

HERE = Path(__file__).resolve().parent
BIN = os.environ.get("DATELINE_BIN", str(HERE.parents[3] / "target" / "release" / "dateline"))

def occurrences(rrule, dtstart, tzid, dct):
    try:
        tz = ZoneInfo(tzid)
        start = datetime.fromisoformat(dtstart).replace(tzinfo=tz)
        r = rrulestr("RRULE:" + rrule, dtstart=start)
        lo = datetime.fromisoformat(dct).replace(tzinfo=timezone.utc)
        hi = lo + timedelta(days=400)
        return [d.astimezone(timezone.utc) for d in r.between(lo, hi, inc=True)]
    except Exception as e:  # malformed rule from the tool
        return ("error", str(e))

def find_span(content, text, n):
    pat = r"(?<![\w])" + re.escape(text) + r"(?![\w])"
    ms = list(re.finditer(pat, content))
    if len(ms) < n:
        return None
    return ms[n - 1].span()

ABBR = ("a.m", "p.m", "Fla", "Oct", "Nov", "Dec", "Jan", "Feb", "U.S", "St", "Mr", "Ms", "Dr")
def sentence(content, s, e):
    starts = [0] + [m.end() for m in re.finditer(r"\n", content)]
    for m in re.finditer(r"[.!?][\"”]?[ \t]+(?=[A-Z\"“])", content):
        before = content[max(0, m.start() - 4):m.start()]
        if any(before.endswith(a) for a in ABBR):
            continue
        starts.append(m.end())
    b = max(x for x in starts if x <= s)
    nxt = [x for x in starts if x > e]
    end = min(nxt) if nxt else len(content)
    return content[b:end].strip().replace("\n", " ")

def describe(t):
    extra = " ".join(f"{k}={t[k]}" for k in ("utc", "tzid", "rrule", "dtstart") if k in t)
    return f'[{t["text"]!r} {t["type"]} {t["value"]} {extra}]'

def main():
    expected = json.loads((HERE / "expected.json").read_text())
    only = set(sys.argv[1:])
    ti = tr = gi = gr = 0
    for name, exp in expected.items():
        if only and name not in only:
            continue
        path = HERE / "plain" / f"{name}.txt"
        content = path.read_text()
        dct = content.split("\n", 1)[0].split()[1]
        out = subprocess.run([BIN, "tag", "--format", "json", str(path)], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"## {name}: dateline failed: {out.stderr.strip()}")
            continue
        doc = json.loads(out.stdout)
        if isinstance(doc, list):
            doc = doc[0]
        timexes = doc.get("timexes", [])
        groups = doc.get("groups", [])
        seen = {}
        misses = []
        items = [("instant", i) for i in exp.get("instants", [])] + [("rule", r) for r in exp.get("rules", [])]
        for kind, it in items:
            text = it["text"]
            seen[text] = seen.get(text, 0) + 1
            n = it.get("occurrence", seen[text])
            seen[text] = max(seen[text], n)
            span = find_span(content, text, n)
            if kind == "instant":
                ti += 1
            else:
                tr += 1
            if span is None:
                misses.append((kind, it, "text not found in article", ""))
                continue
            s, e = span
            over = [t for t in timexes if t["start"] < e and t["end"] > s]
            if kind == "instant":
                if any(t.get("utc") == it["utc"] for t in over):
                    gi += 1
                    continue
                got = "; ".join(describe(t) for t in over) or "no timex"
                misses.append((kind, it, got, sentence(content, s, e)))
            else:
                want = occurrences(it["rrule"], it["dtstart"], it["tzid"], dct)
                cands = []
                tids = {t["tid"] for t in over}
                for t in over:
                    if "rrule" in t:
                        cands.append(("timex " + t["tid"], t))
                for g in groups:
                    if "rrule" in g and tids & set(g.get("tids", [])):
                        cands.append(("group " + "+".join(g["tids"]), g))
                ok = False
                for label, c in cands:
                    if not c.get("dtstart") or not c.get("tzid"):
                        continue
                    if occurrences(c["rrule"], c["dtstart"], c["tzid"], dct) == want:
                        ok = True
                        break
                if ok:
                    gr += 1
                    continue
                got = "; ".join(f'{l}: rrule={c.get("rrule")} dtstart={c.get("dtstart")} tzid={c.get("tzid")}' for l, c in cands)
                if not got:
                    got = "no rule; overlapping: " + ("; ".join(describe(t) for t in over) or "no timex")
                misses.append((kind, it, got, sentence(content, s, e)))
        ni = sum(1 for k, _ in items if k == "instant")
        nr = len(items) - ni
        print(f"## {name}: {ni - sum(1 for m in misses if m[0]=='instant')}/{ni} instants, {nr - sum(1 for m in misses if m[0]=='rule')}/{nr} rules")
        for kind, it, got, sent in misses:
            if kind == "instant":
                print(f"  MISS instant {it['text']!r}: expected utc={it['utc']}")
            else:
                print(f"  MISS rule {it['text']!r}: expected rrule={it['rrule']} dtstart={it['dtstart']} tzid={it['tzid']}")
            print(f"       got: {got}")
            if sent:
                print(f"       in: {sent}")
    print(f"\nTOTAL instants {gi}/{ti}, rules {gr}/{tr}")

if __name__ == "__main__":
    main()
