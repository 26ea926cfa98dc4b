#!/usr/bin/env python3
"""Scores dateline on the everyday-English suites of this folder (or the
suite files named): each case is a message, a query or a form field with its
reference instant, read with --prefer future.
usage: score.py [SUITE.jsonl...] [-v]; DATELINE_BIN names the binary
A positive case passes when a timex overlapping the phrase has the expected
value (or one of alt); for an interval, the start's value. A negative passes
when no timex overlaps the text."""
import collections
import json
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
paths = [a for a in sys.argv[1:] if not a.startswith('-')] or sorted(os.path.join(here, f) for f in os.listdir(here) if f.endswith('.jsonl'))
binp = os.environ.get('DATELINE_BIN') or os.path.join(here, '../../../../target/release/dateline')
verbose = '-v' in sys.argv
cases = [json.loads(l) for p in paths for l in open(p) if l.strip()]
inp = '\n'.join(json.dumps({"id": c["id"], "text": c["text"], "dct": c["ref"]}) for c in cases) + '\n'
out = subprocess.run([binp, 'tag', '--input-format', 'jsonl', '--format', 'jsonl', '--prefer', 'future'], input=inp, capture_output=True, text=True)
if out.returncode != 0:
    print(out.stderr[:2000]); sys.exit(1)
docs = {}
for l in out.stdout.splitlines():
    o = json.loads(l); docs[o["id"]] = o

def dur(v):
    """A TIMEX3 duration as (months, seconds), so that P1DT12H equals P1.5D
    and P1Y6M equals P18M; None for any other value."""
    m = re.fullmatch(r"P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?", v or "")
    if not m or v in ("P", "PT"):
        return None
    y, mo, w, d, h, mi, s = (float(x) if x else 0.0 for x in m.groups())
    return (round(12 * y + mo, 6), round(((7 * w + d) * 24 + h) * 3600 + mi * 60 + s, 3))
per = collections.defaultdict(lambda: [0, 0])
fails = []
for c in cases:
    d = docs.get(c["id"], {"timexes": []})
    tx = d.get("timexes", [])
    if c["phrase"] is None:
        ok = not tx
        got = [(x["text"], x["value"]) for x in tx]
    else:
        s = c["text"].find(c["phrase"]); e = s + len(c["phrase"])
        # (start and end count code points, as Python's indices do)
        over = [x for x in tx if x["start"] < e and x["end"] > s]
        want = {c["value"], *c.get("alt", [])}
        wantn = {dur(v) for v in want} - {None}
        ok = any(x["value"] in want or dur(x["value"]) in wantn for x in over)
        got = [(x["text"], x["value"]) for x in tx]
    per[c["cat"]][0] += ok; per[c["cat"]][1] += 1
    if not ok:
        fails.append((c, got))
tot = [sum(v[0] for v in per.values()), sum(v[1] for v in per.values())]
if verbose:
    for c, got in fails:
        print(f"{c['id']} [{c['cat']}] ref={c['ref'][:16]} {c['text']!r} want {c['phrase']!r}={c['value']} alt={c.get('alt',[])} got {got}")
for k, v in sorted(per.items()):
    print(f"{k:10s} {v[0]:3d}/{v[1]:3d}")
print(f"TOTAL {tot[0]}/{tot[1]} ({100*tot[0]/tot[1]:.1f}%)")
