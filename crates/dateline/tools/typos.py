#!/usr/bin/env python3
"""Writes src/lang/en/typos.txt: the misspellings of weekday and month names
(and of "yesterday", "tomorrow", "tonight", the parts of the day and the
units of a message, "minutes", "weeek") that people type, as `spelling` lines of
the lexicon, so that "wensday", "febuary" or "satruday" read as the word.

A misspelling here is one slip away from the name: a letter left out, two
neighbours swapped, a letter doubled, a vowel put in, a vowel typed for
another ("teusday"), or in a name of seven letters or more one of its own
letters put in again elsewhere ("janurary"); and, for the long names, two letters left out
("wensday"), or two slips that keep its length or one letter less
("wendsday"), keeping the name's last three letters. It keeps the name's first letter and five letters at least, and
it must be no word of its own: a form that wordfreq (pip install wordfreq;
its lists from Wikipedia, subtitles, news, books, web text and social
media) finds in English at a Zipf frequency of ZIPF_WORD or more is left out
("sundry", "frida", "sunda"), and so is one it finds in French, German,
Spanish, Italian, Dutch or Portuguese at ZIPF_FOREIGN or more (those
languages' own month names: "octobre", "januar"), one that is a slip of a
common English word as well ("monay" of "money", "studay" of "study":
ZIPF_COMMON), and any word the lexicon already knows. The lexicon reads
them as `typo` lines: not when capitalised inside a sentence, where such a
form is as often a name ("the ferry to Sanday", "Andrea Monda").

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

# A word of another language written in English text (a French month, a
# German one) is common there: a form at this frequency in one of LANGS is
# that language's word.
ZIPF_FOREIGN = 2.0
LANGS = ["fr", "de", "es", "it", "nl", "pt", "cs", "pl", "sv"]

# A form one slip from an English word this common (once in 100,000 words:
# "money", "study", "borrow") is as likely a slip of that word.
ZIPF_COMMON = 4.0
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def any_slip(w):
    """Every form one slip from `w`: a letter left out, put in or changed,
    or two neighbours swapped."""
    out = set()
    for i in range(len(w) + 1):
        for c in LETTERS:
            out.add(w[:i] + c + w[i:])
            if i < len(w):
                out.add(w[:i] + c + w[i + 1:])
    for i in range(len(w)):
        out.add(w[:i] + w[i + 1:])
    for i in range(len(w) - 1):
        out.add(w[:i] + w[i + 1] + w[i] + w[i + 2:])
    return out


def other_word(f, name):
    """Whether `f` is a word of another language, or a slip of a common
    English word other than `name`."""
    if any(zipf_frequency(f, lang) >= ZIPF_FOREIGN for lang in LANGS):
        return True
    return any(w != name and zipf_frequency(w, "en") >= ZIPF_COMMON for w in any_slip(f))

NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
         "january", "february", "march", "august", "september", "october", "november", "december",
         "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "weekend", "week",
         "minute", "minutes", "hours", "seconds"]
VOWELS = "aeiou"


# Forms the tests above miss: names wordfreq does not know as such (the
# Nigerian daily ThisDay, the Starday record label, Manute Bol), and a
# common slip of a less common word ("weakend" for "weakened").
NOT_TYPOS = {"thisday", "starday", "manute", "weakend"}


# Slips the tests above drop that are no word of their own (checked by hand
# in a dictionary): frequent misspellings ("feburary" is as common as some
# words), and slips of a common word as well ("mondy" of "money", "sundy"
# of "sunny"). In lower case a reader takes them as the name.
KNOWN_SLIPS = {"feburary": "february", "sundy": "sunday", "mondy": "monday"}


def left_out_or_swapped(w):
    """The forms of `w` with a letter left out or two neighbours swapped."""
    out = {w[:i] + w[i + 1:] for i in range(len(w))}
    out |= {w[:i] + w[i + 1] + w[i] + w[i + 2:] for i in range(len(w) - 1)}
    return out


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
    print("# Misspellings of weekday and month names and of other words of time,")
    print("# written by tools/typos.py")
    print("# (see its doc for what counts as one); do not edit by hand.")
    forms = {}
    for name in NAMES:
        near = slips(name)
        # (two slips in a long name, letters left out or swapped, keep its
        # ending: "wensday", "wendsday")
        if len(name) >= 8:
            near |= {y for x in near for y in left_out_or_swapped(x) if len(name) - 2 <= len(y) <= len(name) and y[-3:] == name[-3:]}
        # (a letter of its own put in again, in a long name: "janurary")
        if len(name) >= 7:
            near |= {name[:i] + c + name[i:] for i in range(1, len(name)) for c in set(name)}
        for f in near:
            forms.setdefault(f, set()).add(name)
    for name in NAMES:
        # (a form one slip from two names, "tusday", is neither's)
        keep = sorted(f for f, of in forms.items()
                      if of == {name} and f != name and len(f) >= 5 and f[0] == name[0] and f not in known
                      and f not in NAMES and f not in NOT_TYPOS and zipf_frequency(f, "en") < ZIPF_WORD)
        keep = [f for f in keep if not other_word(f, name)]
        keep = sorted(set(keep) | {f for f, n in KNOWN_SLIPS.items() if n == name and f not in known})
        for k in range(0, len(keep), 12):
            print("typo", name, " ".join(keep[k:k + 12]))


if __name__ == "__main__":
    sys.exit(main())
