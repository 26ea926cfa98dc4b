"""What the Python tests need from outside the repository, found in one place.

As for the Rust tests (crates/dateline-cli/tests/support/mod.rs): the
corpora are under $DATELINE_SHARED (default ``../shared`` beside the
workspace; a relative value is taken from the workspace root). When one is
missing a test prints one line, ``skipped TEST: WHY``, and passes; with
DATELINE_REQUIRE_SHARED=1 it fails instead. The command line to compare
with is $DATELINE_CLI (the run-tests script builds it), else
target/debug/dateline or target/release/dateline.
"""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

WORKSPACE = Path(__file__).resolve().parents[3]


def required() -> bool:
    v = os.environ.get("DATELINE_REQUIRE_SHARED", "")
    return v not in ("", "0")


def skip(request, why: str):
    """Skips the test with one printed line, or fails it when required."""
    if required():
        pytest.fail(f"{request.node.name}: {why} (DATELINE_REQUIRE_SHARED is set)")
    sys.stderr.write(f"skipped {request.node.name}: {why}\n")
    pytest.skip(why)


@pytest.fixture
def shared(request):
    """A function giving a path under the corpora directory, or skipping."""
    base = Path(os.environ.get("DATELINE_SHARED") or "../shared")
    base = (WORKSPACE / base).resolve()

    def need(rel: str) -> Path:
        p = base / rel
        if not p.exists():
            skip(request, f"{p} is missing (set DATELINE_SHARED)")
        return p

    return need


@pytest.fixture
def cli(request):
    """A function running the dateline command and returning its stdout."""
    given = os.environ.get("DATELINE_CLI")
    found = [Path(given)] if given else [WORKSPACE / "target/debug/dateline", WORKSPACE / "target/release/dateline"]
    exe = next((p for p in found if p.exists()), None)
    if exe is None:
        skip(request, f"no dateline command at {', '.join(map(str, found))} (cargo build -p dateline-cli)")

    def run(*args, check=True):
        # (bytes decoded as they are: iCalendar lines end in CRLF)
        r = subprocess.run([str(exe), *map(str, args)], capture_output=True)
        r.stdout, r.stderr = r.stdout.decode(), r.stderr.decode()
        if check and r.returncode != 0:
            raise AssertionError(f"dateline {' '.join(map(str, args))}: {r.stderr}")
        return r

    return run


def read_timeml(path: Path):
    """(docid, text, dct) of a TimeML file: the text of <TEXT> without its
    tags, as the command line reads it."""
    root = ET.parse(path).getroot()
    docid = root.findtext("DOCID")
    dct = root.find("DCT/TIMEX3")
    text = "".join(root.find("TEXT").itertext())
    return (docid.strip() if docid else path.name), text, (dct.get("value") if dct is not None else None)
