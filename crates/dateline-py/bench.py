"""Benchmark (not a test) of the Python package against the command line.

    target/py-venv/bin/python crates/dateline-py/bench.py [--corpus DIR] [--copies N] [--seconds S]

Run after crates/dateline-py/run-tests (which builds the wheel and installs
it in target/py-venv) and `cargo build --release -p dateline-cli`. Prints:
the wheel's size; `import dateline` time and Tagger() time; `tag` latency
for a 2 KB article; `tag_many` throughput at 1 and 2 jobs; Spark local[2]
throughput through dateline.spark.tag over the corpus repeated N times;
and the command line's figures on the same input (`dateline bench`, and
`dateline tag --format jsonl` end to end).
"""

import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "tests"))
from conftest import WORKSPACE, read_timeml  # noqa: E402

CLI = WORKSPACE / "target/release/dateline"


def timed(f, seconds):
    """Calls f until `seconds` have passed; returns (calls, elapsed)."""
    n, start = 0, time.perf_counter()
    while True:
        f()
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return n, elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(WORKSPACE / "../shared/corpora/te3-silver"))
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=3.0)
    a = ap.parse_args()
    import dateline

    wheel = glob.glob(str(WORKSPACE / "target/wheels/dateline-*.whl"))
    if wheel:
        print(f"wheel: {os.path.basename(wheel[0])} {os.path.getsize(wheel[0]) / 1e6:.2f} MB")
    code = "import time; t = time.perf_counter(); import dateline; i = time.perf_counter(); dateline.Tagger(); print(i - t, time.perf_counter() - i)"
    runs = [tuple(map(float, subprocess.check_output([sys.executable, "-c", code]).split())) for _ in range(10)]
    print(f"import dateline: {statistics.median(r[0] for r in runs) * 1e3:.1f} ms; Tagger(): {statistics.median(r[1] for r in runs) * 1e3:.1f} ms (median of 10)")

    files = sorted(Path(a.corpus).glob("*.tml"))
    docs = [read_timeml(f) for f in files]
    size = sum(len(t.encode()) for _, t, _ in docs)
    print(f"corpus: {a.corpus}: {len(docs)} docs, {size / 1e6:.2f} MB of text")
    tagger = dateline.Tagger()

    # a 2 KB article: the 20 documents nearest 2,048 bytes, in turn
    near = sorted(docs, key=lambda d: abs(len(d[1].encode()) - 2048))[:20]
    mean = sum(len(t.encode()) for _, t, _ in near) / len(near)
    for label, f in [
        ("tag", lambda: [tagger.tag(t, dct=d) for _, t, d in near]),
        ("tag and every timex's utc", lambda: [[x.utc for x in tagger.tag(t, dct=d).timexes] for _, t, d in near]),
        ("tag and to_json()", lambda: [tagger.tag(t, dct=d).to_json() for _, t, d in near]),
    ]:
        n, el = timed(f, a.seconds)
        print(f"{label}, 2 KB article ({len(near)} docs of {mean:.0f} B on average): {el / n / len(near) * 1e6:.0f} us per call")

    items = [(t, d) for _, t, d in docs]
    for jobs in (1, 2):
        n, el = timed(lambda: tagger.tag_many(items, jobs=jobs), a.seconds)
        print(f"tag_many jobs={jobs}: {n * len(docs) / el:,.0f} docs/s, {n * size / el / 1e6:.1f} MB/s")
        n, el = timed(lambda: tagger.tag_columns(items, jobs=jobs), a.seconds)
        print(f"tag_columns jobs={jobs}: {n * len(docs) / el:,.0f} docs/s, {n * size / el / 1e6:.1f} MB/s")

    if CLI.exists():
        for jobs in (1, 2):
            r = json.loads(subprocess.check_output([str(CLI), "bench", a.corpus, "--seconds", str(a.seconds), "--jobs", str(jobs), "--json"]))
            print(f"dateline bench --jobs {jobs}: {json.dumps(r)}")

    # what one Spark task does with a batch, without Spark: Arrow in, Arrow out
    try:
        import pyarrow as pa

        import dateline.spark
    except ImportError:
        pass
    else:
        batch = pa.RecordBatch.from_pydict({"id": [i for i, _, _ in docs], "text": [t for _, t, _ in docs], "dct": [d for _, _, d in docs]})
        n, el = timed(lambda: dateline.spark.tag_batch(batch, tagger, "text", "dct", "id", 1), a.seconds)
        print(f"dateline.spark.tag_batch alone (no Spark), jobs=1: {n * len(docs) / el:,.0f} docs/s, {n * size / el / 1e6:.1f} MB/s")

    spark_bench(docs, size, a.copies)


def spark_bench(docs, size, copies):
    try:
        import dateline.spark
        from pyspark.sql import SparkSession
    except ImportError as e:
        print(f"spark: skipped ({e})")
        return
    if not os.environ.get("JAVA_HOME") and shutil.which("java"):
        os.environ["JAVA_HOME"] = str(Path(os.path.realpath(shutil.which("java"))).parents[1])
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    rows = [(f"{k}-{i}", t, d) for k in range(copies) for i, t, d in docs]
    df = spark.createDataFrame(rows, "id string, text string, dct string").repartition(8).cache()
    df.count()
    total_docs, total = len(rows), size * copies
    # a warm-up pass: the workers start and compile their taggers
    dateline.spark.tag(df).write.format("noop").mode("overwrite").save()
    times = []
    for _ in range(3):
        t = time.perf_counter()
        dateline.spark.tag(df).write.format("noop").mode("overwrite").save()
        times.append(time.perf_counter() - t)
    best = min(times)
    print(f"spark local[2], {total_docs} docs, {total / 1e6:.1f} MB: {total_docs / best:,.0f} docs/s, {total / best / 1e6:.1f} MB/s (best of 3: {', '.join(f'{x:.2f}' for x in times)} s)")
    spark.stop()

    if CLI.exists():
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            for i, t, d in rows:
                f.write(json.dumps({"id": i, "text": t, "dct": d}) + "\n")
        try:
            for jobs in (1, 2):
                ts = []
                for _ in range(3):
                    t = time.perf_counter()
                    subprocess.run([str(CLI), "tag", "--format", "jsonl", "-j", str(jobs), f.name], stdout=subprocess.DEVNULL, check=True)
                    ts.append(time.perf_counter() - t)
                b = min(ts)
                print(f"dateline tag --format jsonl -j {jobs}, same input: {total_docs / b:,.0f} docs/s, {total / b / 1e6:.1f} MB/s (best of 3)")
        finally:
            os.unlink(f.name)


if __name__ == "__main__":
    main()
