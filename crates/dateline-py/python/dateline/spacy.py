"""dateline as a spaCy pipeline component.

Importing this module (or installing the wheel, whose ``spacy_factories``
entry point names it) registers the factory ``"dateline"``. The component
tags each ``Doc``'s text and puts every timex into ``doc.spans["timex"]``,
aligned to spaCy's tokens (``char_span(..., alignment_mode="expand")``), with
the timex itself on the span extension ``span._.timex`` (``.value``,
``.type``, ``.utc``, ``.tzid``, ``.range``, ``.rrule``; see
``dateline.Timex``). The DCT is ``doc._.dct`` when set, else the ``dct`` of
the component's config.

>>> import spacy, dateline.spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("dateline", config={"dct": "2023-03-14"})
>>> doc = nlp("Doors open at 6 pm BST on June 9.")
>>> [(s.text, s._.timex.value) for s in doc.spans["timex"]]
[('6 pm BST', '2023-06-09T18:00'), ('June 9', '2023-06-09')]
"""

from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import Tagger

if not Doc.has_extension("dct"):
    Doc.set_extension("dct", default=None)
if not Span.has_extension("timex"):
    Span.set_extension("timex", default=None)


class DatelineComponent:
    """Tags each ``Doc`` with a ``dateline.Tagger`` compiled once."""

    def __init__(
        self,
        nlp: Language,
        name: str = "dateline",
        dct: Optional[str] = None,
        mode: str = "news",
        prefer: str = "tense",
        tz: Optional[str] = None,
        spans_key: str = "timex",
        batch_size: int = 256,
        jobs: Optional[int] = None,
    ):
        self.name = name
        self.tagger = Tagger(mode=mode, prefer=prefer, tz=tz)
        # (checked now, so that a bad config fails when the pipe is added)
        self.dct = dct
        if dct is not None:
            self.tagger.tag("", dct=dct)
        self.spans_key = spans_key
        self.batch_size = batch_size
        self.jobs = jobs

    def _dct(self, doc: Doc):
        own = doc._.dct
        return self.dct if own is None else own

    def _place(self, doc: Doc, tagged) -> Doc:
        spans = []
        for t in tagged.timexes:
            span = doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand")
            if span is None:
                continue
            span._.timex = t
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def __call__(self, doc: Doc) -> Doc:
        """Tags one document."""
        return self._place(doc, self.tagger.tag(doc.text, dct=self._dct(doc)))

    def pipe(self, docs: Iterable[Doc], batch_size: Optional[int] = None) -> Iterator[Doc]:
        """Tags documents a batch at a time on all cores (``nlp.pipe``)."""
        size = batch_size or self.batch_size
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, docs):
        tagged = self.tagger.tag_many([(d.text, self._dct(d)) for d in docs], jobs=self.jobs)
        for doc, t in zip(docs, tagged):
            yield self._place(doc, t)


@Language.factory(
    "dateline",
    default_config={"dct": None, "mode": "news", "prefer": "tense", "tz": None, "spans_key": "timex", "batch_size": 256, "jobs": None},
)
def make_dateline(nlp, name, dct, mode, prefer, tz, spans_key, batch_size, jobs):
    """The factory behind ``nlp.add_pipe("dateline", config={...})``."""
    return DatelineComponent(nlp, name, dct=dct, mode=mode, prefer=prefer, tz=tz, spans_key=spans_key, batch_size=batch_size, jobs=jobs)
