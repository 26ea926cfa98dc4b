"""Type stubs for dateline's extension module (re-exported by ``dateline``)."""

import datetime
from typing import Iterable, Mapping, Optional, Tuple, Union

DctLike = Union[datetime.date, datetime.datetime, str, None]
"""A DCT: a ``date``; an aware ``datetime`` (a reference instant: "in 2 hours"
counts from it); a naive ``datetime`` (its date alone); or a string in the
command line's ``--dct`` forms (``2013-02-12``, ``20130212``,
``2013-02-12T04:30:00-02:00[America/Sao_Paulo]``)."""

DCT_FORMS: str
"""What a DCT string may be (the tail of the error for one that is not)."""

class DatelineError(ValueError):
    """A bad argument: an unknown zone, a DCT that is not a date, an unknown
    mode or direction. The message is the command line's, naming the keyword
    argument (``tz "Mars/Base": unknown time zone ...``).

    >>> dateline.Tagger(tz="Mars/Base")
    Traceback (most recent call last):
    dateline.DatelineError: tz "Mars/Base": unknown time zone (an IANA name such as Asia/Seoul)
    """

class Tagger:
    """A compiled tagger: build it once (it compiles the lexicon) and share
    it. It is immutable and thread-safe; ``tag`` and ``tag_many`` release the
    GIL while they work.

    ``mode``: ``"news"`` anchors relative expressions to the DCT,
    ``"narrative"`` to the last full date mentioned. ``prefer``: which way a
    date the text leaves open lies (``"tense"``, ``"future"``, ``"past"``).
    ``zone_prefer``: ambiguous abbreviations read as other zones
    (``{"CST": "Asia/Shanghai"}``). ``tz``: the IANA zone of clock times the
    text leaves bare; ``to_tz``: add each zoned range in this zone
    (``Timex.range_reader``).

    >>> tagger = dateline.Tagger(prefer="future", zone_prefer={"CST": "Asia/Shanghai"})
    >>> tagger.tag("remind me monday", dct="2013-02-12").timexes[0].value
    '2013-02-18'
    """

    def __init__(
        self,
        mode: str = "news",
        prefer: str = "tense",
        zone_prefer: Optional[Mapping[str, str]] = None,
        tz: Optional[str] = None,
        to_tz: Optional[str] = None,
    ) -> None: ...
    def tag(self, text: str, dct: DctLike = None, tz: Optional[str] = None, *, id: str = "") -> Document:
        """Tags one text created at ``dct``; ``tz`` is the IANA zone of the
        clock times it leaves bare (over the tagger's), ``id`` its name in
        ``to_json``/``to_timeml``/``to_ics``.

        >>> doc = dateline.Tagger().tag("Café opens at 9 am in Paris on 3 May.", dct=datetime.date(2024, 4, 1))
        >>> [(t.start, t.end, t.value) for t in doc.timexes]
        [(14, 18, '2024-05-03T09:00'), (31, 36, '2024-05-03')]
        >>> doc.text[14:18]
        '9 am'
        """
    def tag_many(
        self,
        docs: Iterable[Union[str, Tuple[str, DctLike]]],
        jobs: Optional[int] = None,
        dct: DctLike = None,
        tz: Optional[str] = None,
    ) -> list[Document]:
        """Tags many texts on ``jobs`` threads (default: all cores) without
        the GIL and returns their documents in order. Each item is a text or
        a ``(text, dct)`` tuple; ``dct`` and ``tz`` apply to the items that
        give none.

        >>> docs = dateline.Tagger().tag_many(["on Monday", ("in May", "2020-01-01")], jobs=2, dct="2013-02-12")
        >>> [d.timexes[0].value for d in docs]
        ['2013-02-11', '2020-05']
        """
    def tag_columns(
        self,
        docs: Iterable[Union[str, Tuple[str, DctLike]]],
        jobs: Optional[int] = None,
        dct: DctLike = None,
        tz: Optional[str] = None,
    ) -> dict[str, list]:
        """Tags as ``tag_many`` and returns all timexes as columns, one row
        per timex: ``doc`` (the item's index), ``tid``, ``start``, ``end``,
        ``text``, ``type``, ``value``, ``mod``, ``utc`` (microseconds since
        the Unix epoch, or None), ``tzid``, ``rrule``. No Python object is
        made per timex: for building tables (``dateline.spark``).

        >>> dateline.Tagger().tag_columns(["on Monday"], dct="2013-02-12")["value"]
        ['2013-02-11']
        """

class Document:
    """One tagged text: its timexes and groups, and its renderings."""

    @property
    def text(self) -> str:
        """The text that was tagged."""
    @property
    def id(self) -> str:
        """The document's name (``tag``'s ``id``)."""
    @property
    def timexes(self) -> list[Timex]:
        """The temporal expressions, in text order, never overlapping."""
    @property
    def groups(self) -> list[Group]:
        """The ranges, lists, recurrences and readings that link them."""
    def to_json(self, pretty: bool = True) -> str:
        """What ``dateline tag --format json`` prints for this document
        (``pretty=False``: ``--format jsonl``), byte for byte.

        >>> print(dateline.Tagger().tag("in 1999", id="d").to_json(pretty=False), end="")
        {"id":"d","dct":null,"timexes":[{"tid":"t1","start":3,"end":7,"byte_start":3,"byte_end":7,"text":"1999","type":"DATE","value":"1999","range":{"start":"1999-01-01T00:00:00","end":"2000-01-01T00:00:00","grain":"year"}}],"groups":[]}
        """
    def to_timeml(self) -> str:
        """The text as TimeML with inline TIMEX3 tags (``--format timeml``)."""
    def to_ics(self, include_past: bool = False) -> str:
        """The dates, times and recurrences as iCalendar (``--format ics``);
        ``include_past`` keeps the events that end before the DCT."""
    def __len__(self) -> int:
        """The number of timexes."""

class Timex:
    """One temporal expression (a TIMEX3), with its instant and zone where
    the text gives them.

    >>> t = dateline.Tagger().tag("Doors open at 6 pm BST on June 9.", dct="2023-03-14").timexes[0]
    >>> t.type, t.value, t.tzid, t.utc
    ('TIME', '2023-06-09T18:00', 'Europe/London', datetime.datetime(2023, 6, 9, 17, 0, tzinfo=datetime.timezone.utc))
    >>> t.range.start
    datetime.datetime(2023, 6, 9, 18, 0, tzinfo=zoneinfo.ZoneInfo(key='Europe/London'))
    """

    @property
    def tid(self) -> str:
        """``t1``, ``t2``, ... in text order."""
    @property
    def start(self) -> int:
        """Index of the first character: ``doc.text[t.start:t.end] == t.text``."""
    @property
    def end(self) -> int:
        """Index one past the last character."""
    @property
    def byte_start(self) -> int:
        """UTF-8 byte offset of the first byte."""
    @property
    def byte_end(self) -> int:
        """UTF-8 byte offset one past the last byte."""
    @property
    def text(self) -> str:
        """The expression's text."""
    @property
    def type(self) -> str:
        """``DATE``, ``TIME``, ``DURATION`` or ``SET``."""
    @property
    def value(self) -> str:
        """The TIMEX3 value (``2022-04-25``, ``P3Y``, ``XXXX-WXX-6``)."""
    @property
    def mod(self) -> Optional[str]:
        """The TIMEX3 mod (``START``, ``APPROX``, ...)."""
    @property
    def quant(self) -> Optional[str]:
        """The TIMEX3 quant of a set (``EVERY``)."""
    @property
    def freq(self) -> Optional[str]:
        """The TIMEX3 freq of a set (``2X``)."""
    @property
    def anchor(self) -> Optional[str]:
        """The tid the value was computed from (``t0``: the DCT)."""
    @property
    def utc(self) -> Optional[datetime.datetime]:
        """The instant, an aware ``datetime`` in UTC."""
    @property
    def tzid(self) -> Optional[str]:
        """The IANA zone of the clock time or recurrence."""
    @property
    def zone_source(self) -> Optional[str]:
        """Where the zone came from: ``written``, ``paired``, ``place``,
        ``document``, ``cli``, ``default`` or ``reference``."""
    @property
    def range(self) -> Optional[Range]:
        """The interval the expression covers."""
    @property
    def range_reader(self) -> Optional[Range]:
        """The same interval in the tagger's ``to_tz`` zone."""
    @property
    def rrule(self) -> Optional[str]:
        """The RFC 5545 recurrence rule of a set (``FREQ=WEEKLY;BYDAY=SA``)."""
    @property
    def dtstart(self) -> Optional[str]:
        """The recurrence's first occurrence, a local ISO 8601 date-time."""

class Range:
    """An interval: ``start`` inclusive, ``end`` exclusive. Each is an aware
    ``datetime`` in its zone (a ``zoneinfo.ZoneInfo``, or a fixed offset)
    when the zone is known, a naive one otherwise, and None for a year
    Python cannot hold (before 1 or after 9999)."""

    @property
    def start(self) -> Optional[datetime.datetime]:
        """The first instant."""
    @property
    def end(self) -> Optional[datetime.datetime]:
        """The first instant after the interval."""
    @property
    def grain(self) -> str:
        """What the expression is precise to: ``second``, ``minute``,
        ``hour``, ``day``, ``week``, ``month``, ``quarter``, ``year``, ..."""

class Group:
    """Timexes that belong together."""

    @property
    def kind(self) -> str:
        """``range``, ``list``, ``recurrence``, ``reading`` or ``equivalent``."""
    @property
    def tids(self) -> list[str]:
        """The members' tids."""
    @property
    def rrule(self) -> Optional[str]:
        """A recurrence's rule (RFC 5545, without ``RRULE:``)."""
    @property
    def tzid(self) -> Optional[str]:
        """A recurrence's IANA zone."""
    @property
    def dtstart(self) -> Optional[str]:
        """The first occurrence, a local ISO 8601 date-time."""
    @property
    def first(self) -> Optional[str]:
        """The first occurrence in RFC 9557 form."""
    @property
    def duration(self) -> Optional[str]:
        """A range's length, or each occurrence's, as a TIMEX3 value."""
