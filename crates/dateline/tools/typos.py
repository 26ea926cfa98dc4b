#!/usr/bin/env python3
"""Writes src/lang/en/typos.txt: the misspellings of weekday and month names
(and of "yesterday" and "tomorrow") that people type, as `spelling` lines of
the lexicon, so that "wensday", "febuary" or "satruday" read as the word.

A misspelling here is one slip away from the name: a letter left out, two
neighbours swapped, a letter doubled, a vowel put in, or a vowel typed for
another ("teusday"); and, for the long names, two letters left out
("wensday"), keeping the name's last three letters. It keeps the name's first letter and five letters at least, and
it must be no word of its own: a form that wordfreq (pip install wordfreq;
its English list, from Wikipedia, subtitles, news, books, web text and
social media) finds at a Zipf frequency of ZIPF_WORD or more is left out
("sundry", "frida", "sunda"), and so is any word the lexicon already knows.

Usage: python3 tools/typos.py > src/lang/en/typos.txt
"""
import re
import sys
from pathlib import Path

from wordfreq import zipf_frequency

# A form used this often is a word (or a name) of its own: about once in 16
# million words; the typos themselves sit below it ("wensday" 1.0, "febuary"
# 1.4), real words above ("sundry" 2.8, "frida" 3.0).
ZIPF_WORD = 1.8

NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
         "january", "february", "august", "september", "october", "november", "december",
         "yesterday", "tomorrow"]
VOWELS = "aeiou"


def slips(w):
    out = set()
    for i in range(len(w)):
        out.add(w[:i] + w[i + 1:])                      # left out
        out.add(w[:i] + w[i] + w[i:])                   # doubled
        for v in VOWELS:
            out.add(w[:i] + v + w[i:])                  # a vowel put in
            if w[i] in VOWELS:
                out.add(w[:i] + v + w[i + 1:])          # another vowel
    for i in range(len(w) - 1):
        out.add(w[:i] + w[i + 1] + w[i] + w[i + 2:])    # neighbours swapped
    return out


def main():
    lexicon = Path(__file__).resolve().parent.parent / "src/lang/en/lexicon.txt"
    known = set()
    for line in lexicon.read_text().splitlines():
        if line and not line.startswith("#"):
            known.update(re.findall(r"[a-z][a-z'.]*", line.lower()))
    print("# Misspellings of weekday and month names, written by tools/typos.py")
    print("# (see its doc for what counts as one); do not edit by hand.")
    forms = {}
    for name in NAMES:
        near = slips(name)
        if len(name) >= 8:
            near |= {y for x in near for y in slips(x) if len(y) == len(name) - 2 and y[-3:] == name[-3:]}
        for f in near:
            forms.setdefault(f, set()).add(name)
    for name in NAMES:
        # (a form one slip from two names, "tusday", is neither's)
        keep = sorted(f for f, of in forms.items()
                      if of == {name} and f != name and len(f) >= 5 and f[0] == name[0] and f not in known
                      and f not in NAMES and zipf_frequency(f, "en") < ZIPF_WORD)
        for k in range(0, len(keep), 12):
            print("spelling", name, " ".join(keep[k:k + 12]))


if __name__ == "__main__":
    sys.exit(main())
