"""dateline.spark on Spark in local mode, over the silver corpus, against
the command line's output for the same documents."""

import datetime
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from conftest import read_timeml, skip

# Every document of te3-silver (2,452 news articles, 3.9 MB of text): Spark's
# start-up dominates the test's time, and tagging the whole corpus adds a
# few seconds, so nothing is gained by a subset.
COLUMNS = ["id", "tid", "start", "end", "text", "type", "value", "mod", "utc", "tzid", "rrule"]


@pytest.fixture(scope="module")
def spark(request):
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    if not os.environ.get("JAVA_HOME"):
        java = shutil.which("java")
        if java is None:
            skip(request, "no java on the PATH (Spark needs Java 17)")
        os.environ["JAVA_HOME"] = str(Path(os.path.realpath(java)).parents[1])
    # (the workers run this interpreter, which has dateline and pyarrow)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("dateline-test")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_rows_equal_the_command_line_on_silver(spark, shared, cli):
    import dateline.spark

    files = sorted(shared("corpora/te3-silver").glob("*.tml"))
    assert len(files) == 2452
    docs = [read_timeml(f) for f in files]
    df = spark.createDataFrame(docs, "id string, text string, dct string").repartition(4)
    rows = dateline.spark.tag(df).collect()
    got = sorted(tuple(r[c] for c in COLUMNS) for r in rows)

    want = []
    for line in cli("tag", "--format", "jsonl", *files).stdout.splitlines():
        d = json.loads(line)
        for t in d["timexes"]:
            utc = t.get("utc") and datetime.datetime.fromisoformat(t["utc"].replace("Z", "+00:00")).replace(tzinfo=None)
            want.append((d["id"], t["tid"], t["start"], t["end"], t["text"], t["type"], t["value"], t.get("mod"), utc or None, t.get("tzid"), t.get("rrule")))
    want.sort()
    assert len(got) == len(want)
    assert got == want
    assert len(want) > 14000
    assert sum(1 for r in want if r[8] is not None) > 50


def test_options_and_a_dct_column_of_dates(spark):
    import dateline.spark

    df = spark.createDataFrame(
        [("a", "They met on Monday at 9 am.", datetime.date(2013, 2, 12)), ("b", "Nothing.", None), ("c", None, None)],
        "id string, text string, dct date",
    )
    rows = dateline.spark.tag(df, tz="Asia/Seoul").collect()
    assert [(r.id, r.value, r.utc, r.tzid) for r in rows] == [
        ("a", "2013-02-11", None, None),
        ("a", "2013-02-11T09:00", datetime.datetime(2013, 2, 11, 0, 0), "Asia/Seoul"),
    ]
    with pytest.raises(dateline.DatelineError, match='^tz "Mars/Base": unknown time zone'):
        dateline.spark.tag(df, tz="Mars/Base")
