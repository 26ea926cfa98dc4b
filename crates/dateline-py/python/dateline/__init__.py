"""dateline: temporal expressions in dated text, normalised.

dateline finds the dates, times, durations and recurrences of a text and
normalises each to a TimeML TIMEX3 value; where the text says enough, it
also gives the exact instant (an aware ``datetime`` in UTC), the IANA zone
and an RFC 5545 recurrence rule. The engine is Rust; this package is a thin
front end over it, with the same results as the ``dateline`` command.

>>> import datetime, dateline
>>> tagger = dateline.Tagger()
>>> doc = tagger.tag("The OST drops on April 25 at 12 am KST.", dct=datetime.date(2022, 4, 19))
>>> [(t.text, t.value) for t in doc.timexes]
[('April 25', '2022-04-25'), ('12 am KST', '2022-04-25T00:00')]
>>> doc.timexes[1].utc
datetime.datetime(2022, 4, 24, 15, 0, tzinfo=datetime.timezone.utc)

``dateline.spacy`` is a spaCy pipeline component, ``dateline.spark`` tags a
Spark DataFrame.
"""

from ._dateline import DCT_FORMS, DatelineError, Document, Group, Range, Tagger, Timex

__all__ = ["Tagger", "Document", "Timex", "Range", "Group", "DatelineError", "DCT_FORMS"]
