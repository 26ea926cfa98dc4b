"""Tagging a Spark DataFrame, for archives larger than one machine.

``tag(df)`` returns a DataFrame with one row per timex. It is built on
``DataFrame.mapInArrow``: each partition's Arrow record batches go to the
Python worker, whose text and DCT columns are handed to the Rust engine in
one call per batch (``Tagger.tag_columns``, which tags on ``jobs`` threads
without the GIL and returns plain columns, with no Python object per
timex); the columns come back as one Arrow record batch. Each Python worker
compiles its tagger once and keeps it for every later batch and task.

>>> rows = dateline.spark.tag(spark.createDataFrame([("a", "on Monday", "2013-02-12")], "id string, text string, dct string"))
>>> rows.select("id", "value").collect()
[Row(id='a', value='2013-02-11')]
"""

from typing import Dict, Iterator, Optional, Tuple

import pyarrow as pa

from . import Tagger

# The rows of the DataFrame ``tag`` returns.
SCHEMA = (
    "id string, tid string, start int, end int, text string, type string, value string, "
    "mod string, utc timestamp, tzid string, rrule string"
)

_ARROW = pa.schema(
    [
        ("id", pa.string()),
        ("tid", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("type", pa.string()),
        ("value", pa.string()),
        ("mod", pa.string()),
        ("utc", pa.timestamp("us", tz="UTC")),
        ("tzid", pa.string()),
        ("rrule", pa.string()),
    ]
)

# One tagger per Python worker and configuration, compiled at its first batch.
_TAGGERS: Dict[Tuple, Tagger] = {}


def _tagger(options: Tuple) -> Tagger:
    tagger = _TAGGERS.get(options)
    if tagger is None:
        mode, prefer, tz, zone_prefer = options
        tagger = _TAGGERS[options] = Tagger(mode=mode, prefer=prefer, tz=tz, zone_prefer=dict(zone_prefer))
    return tagger


def tag_batch(batch: pa.RecordBatch, tagger: Tagger, text_col: str, dct_col: Optional[str], id_col: Optional[str], jobs: int) -> pa.RecordBatch:
    """The timexes of one record batch as a record batch of ``SCHEMA``'s
    columns (``id`` is the row's ``id_col``, or its index in the batch)."""
    texts = [t or "" for t in batch.column(text_col).to_pylist()]
    docs = list(zip(texts, batch.column(dct_col).to_pylist())) if dct_col else texts
    cols = tagger.tag_columns(docs, jobs=jobs)
    n = cols.pop("doc")
    ids = batch.column(id_col).to_pylist() if id_col else list(range(batch.num_rows))
    cols["id"] = [None if ids[k] is None else str(ids[k]) for k in n]
    return pa.RecordBatch.from_arrays([pa.array(cols[f.name], f.type) for f in _ARROW], schema=_ARROW)


def tag(
    df,
    text_col: str = "text",
    dct_col: Optional[str] = "dct",
    id_col: Optional[str] = "id",
    mode: str = "news",
    prefer: str = "tense",
    tz: Optional[str] = None,
    zone_prefer: Optional[Dict[str, str]] = None,
    jobs: int = 1,
):
    """One row per timex of ``df``'s texts: ``id`` (the document's
    ``id_col``), ``tid``, ``start``/``end`` (code points), ``text``,
    ``type``, ``value``, ``mod``, ``utc`` (a timestamp), ``tzid``, ``rrule``.

    ``dct_col`` holds each text's DCT (a string in the command line's forms,
    a date or a timestamp); a column that is missing is taken as None, as
    is ``id_col``. ``jobs`` is the threads each task tags on: Spark already
    runs one task per core, so 1 is right unless tasks are fewer than cores.
    The tagger options are ``dateline.Tagger``'s.
    """
    names = set(df.columns)
    dct_col = dct_col if dct_col in names else None
    id_col = id_col if id_col in names else None
    options = (mode, prefer, tz, tuple(sorted((zone_prefer or {}).items())))
    # (a bad option fails here, on the driver, not in every task)
    _tagger(options)
    wanted = [c for c in (text_col, dct_col, id_col) if c]

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        tagger = _tagger(options)
        for batch in batches:
            yield tag_batch(batch, tagger, text_col, dct_col, id_col, jobs)

    return df.select(*wanted).mapInArrow(run, SCHEMA)
