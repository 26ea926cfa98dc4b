"""The Python API: instants, offsets, threads, errors, and the command
line's output."""

import concurrent.futures
import datetime
import json
import zoneinfo

import pytest

import dateline
from conftest import read_timeml

UTC = datetime.timezone.utc


def test_seed_instants_and_recurrence(shared):
    expected = json.loads(shared("seed/expected.json").read_text())
    raw = shared("seed/our-blues-ost.txt").read_text()
    # (the seed's header `date 2022-04-19` stays in the text, blanked, as the
    # command line reads it, so that offsets count from the file's start)
    header = raw.index("date 2022-04-19")
    text = raw[:header] + " " * len("date 2022-04-19") + raw[header + len("date 2022-04-19") :]
    doc = dateline.Tagger().tag(text, dct=datetime.date(2022, 4, 19))
    found = {(t.start, t.end): t for t in doc.timexes}
    instants = 0
    for need in expected["must_find"]:
        ok = False
        for form in need["forms"]:
            if all(matches(found.get((w["start"], w["end"])), w) for w in form):
                ok = True
        assert ok, f"{need['phrase']!r}: none of {need['forms']} among {list(found.values())}"
        instants += any("utc" in w for form in need["forms"] for w in form)
        if "recurrence" in need:
            rec = need["recurrence"]
            rule = ";".join(f"{k}={v}" for k, v in rec["rrule"].items())
            groups = [g for g in doc.groups if g.kind == "recurrence"]
            assert [(g.rrule, g.tzid, g.first) for g in groups] == [(rule, rec["tzid"], rec["first"])]
    assert instants == 1
    t = found[(1599, 1608)]
    assert t.utc == datetime.datetime(2022, 4, 24, 15, 0, tzinfo=UTC)
    assert t.range.start == datetime.datetime(2022, 4, 25, 0, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Seoul"))
    assert t.range.start.utcoffset() == datetime.timedelta(hours=9)
    assert (t.range.end - t.range.start, t.range.grain) == (datetime.timedelta(minutes=1), "minute")
    for never in expected["must_not_find"]:
        assert not [t.text for t in doc.timexes if never in t.text]


def matches(t, want) -> bool:
    if t is None:
        return False
    for k, v in want.items():
        if k == "utc":
            if t.utc != datetime.datetime.fromisoformat(v.replace("Z", "+00:00")):
                return False
        elif getattr(t, k) != v:
            return False
    return True


def test_offsets_slice_python_strings():
    text = "Zoë’s café 🎉 opens on 3 May at 9 am CEST — naïve fans 😀😀 queue next Tuesday, 5月."
    doc = dateline.Tagger().tag(text, dct="2024-04-10")
    got = [(t.start, t.end, t.text, t.value) for t in doc.timexes]
    assert got == [
        (22, 27, "3 May", "2024-05-03"),
        (31, 40, "9 am CEST", "2024-05-03T09:00"),
        (63, 75, "next Tuesday", "2024-04-16"),
    ]
    for t in doc.timexes:
        assert text[t.start : t.end] == t.text
        assert text.encode()[t.byte_start : t.byte_end].decode() == t.text
    # 9 am CEST is 7:00 UTC, in Europe/Paris (the first zone the lexicon lists for CEST)
    assert doc.timexes[1].utc == datetime.datetime(2024, 5, 3, 7, 0, tzinfo=UTC)


def test_dct_forms_and_reference_instant():
    tagger = dateline.Tagger()
    day = [tagger.tag("They met Monday.", dct=d).timexes[0].value for d in (datetime.date(2013, 2, 12), "2013-02-12", "20130212")]
    assert day == ["2013-02-11"] * 3
    # an aware datetime is a reference instant: "in 2 hours" counts from it,
    # in its zone; a naive one keeps only its date
    now = datetime.datetime(2013, 2, 12, 4, 30, tzinfo=zoneinfo.ZoneInfo("America/Sao_Paulo"))
    t = tagger.tag("Call me in 2 hours.", dct=now).timexes[0]
    assert (t.value, t.utc, t.tzid, t.zone_source) == ("2013-02-12T06:30", datetime.datetime(2013, 2, 12, 8, 30, tzinfo=UTC), "America/Sao_Paulo", "reference")
    same = tagger.tag("Call me in 2 hours.", dct="2013-02-12T04:30:00-02:00[America/Sao_Paulo]")
    assert same.to_json() == tagger.tag("Call me in 2 hours.", dct=now).to_json()
    naive = tagger.tag("Call me in 2 hours.", dct=datetime.datetime(2013, 2, 12, 4, 30)).timexes[0]
    assert (naive.value, naive.utc) == ("PT2H", None)
    # a fixed offset stays a fixed offset
    fixed = datetime.datetime(2013, 2, 12, 4, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=-2)))
    assert json.loads(tagger.tag("x", dct=fixed).to_json())["dct"] == "2013-02-12T04:30:00-02:00"


def test_options():
    ahead = dateline.Tagger(prefer="future").tag("remind me monday", dct="2013-02-12").timexes[0]
    assert ahead.value == "2013-02-18"
    shanghai = dateline.Tagger(zone_prefer={"CST": "Asia/Shanghai"}).tag("at 9 am CST on March 3", dct="2013-02-12")
    assert [t.tzid for t in shanghai.timexes] == ["Asia/Shanghai", None]
    bare = dateline.Tagger(tz="Asia/Seoul").tag("at 9 am on March 3", dct="2013-02-12").timexes[0]
    assert (bare.utc, bare.zone_source) == (datetime.datetime(2013, 3, 3, 0, 0, tzinfo=UTC), "default")
    mine = dateline.Tagger(tz="Asia/Seoul").tag("at 9 am on March 3", dct="2013-02-12", tz="Europe/London").timexes[0]
    assert (mine.utc, mine.zone_source) == (datetime.datetime(2013, 3, 3, 9, 0, tzinfo=UTC), "cli")
    reader = dateline.Tagger(to_tz="America/New_York").tag("at 9 am KST on March 3", dct="2013-02-12").timexes[0]
    assert reader.range_reader.start == datetime.datetime(2013, 3, 2, 19, 0, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    story = "The firm was founded on May 3, 1990. Two weeks later it moved."
    assert [t.value for t in dateline.Tagger(mode="narrative").tag(story, dct="2013-02-12").timexes] == ["1990-05-03", "1990-W20"]
    weekly = dateline.Tagger().tag("Shows run every Saturday at 9 pm KST.", dct="2022-04-19")
    rule = "FREQ=WEEKLY;BYDAY=SA;BYHOUR=21;BYMINUTE=0"
    assert [(t.type, t.value, t.rrule, t.tzid) for t in weekly.timexes] == [
        ("SET", "XXXX-WXX-6", None, None),
        ("SET", "XXXX-WXX-6T21:00", rule, "Asia/Seoul"),
    ]
    assert [(g.kind, g.tids, g.rrule, g.tzid) for g in weekly.groups] == [("recurrence", ["t1", "t2"], rule, "Asia/Seoul")]


def test_bad_input_raises_the_command_lines_messages(cli):
    cases = [
        (lambda: dateline.Tagger(tz="Mars/Base"), ["--tz", "Mars/Base"], "--tz", "tz"),
        (lambda: dateline.Tagger(to_tz="Mars/Base"), ["--to-tz", "Mars/Base"], "--to-tz", "to_tz"),
        (lambda: dateline.Tagger(zone_prefer={"CST": "Mars/Base"}), ["--zone-prefer", "CST=Mars/Base"], "--zone-prefer", "zone_prefer"),
        (lambda: dateline.Tagger(zone_prefer={"QQQ": "Asia/Seoul"}), ["--zone-prefer", "QQQ=Asia/Seoul"], "--zone-prefer", "zone_prefer"),
        (lambda: dateline.Tagger().tag("x", dct="2013-13-45"), ["--dct", "2013-13-45"], "--dct", "dct"),
        (lambda: dateline.Tagger().tag("x", tz="Mars/Base"), ["--tz", "Mars/Base"], "--tz", "tz"),
    ]
    for make, args, flag, kw in cases:
        with pytest.raises(dateline.DatelineError) as e:
            make()
        r = cli("tag", *args, "--format", "json", "/dev/null", check=False)
        assert r.returncode != 0
        message = r.stderr.strip().removeprefix("dateline: ")
        assert str(e.value) == message.replace(flag, kw, 1), (str(e.value), message)
        assert isinstance(e.value, ValueError)
    with pytest.raises(dateline.DatelineError, match=r"^invalid value 'soon' for 'prefer' \[possible values: tense, future, past\]$"):
        dateline.Tagger(prefer="soon")
    with pytest.raises(dateline.DatelineError, match="^invalid value 'poem' for 'mode'"):
        dateline.Tagger(mode="poem")
    with pytest.raises(TypeError, match="dct: expected a datetime.date, a datetime.datetime or a string, not int"):
        dateline.Tagger().tag("x", dct=20130212)
    with pytest.raises(dateline.DatelineError, match="^jobs 0: expected at least 1$"):
        dateline.Tagger().tag_many(["x"], jobs=0)
    with pytest.raises(TypeError):
        dateline.Tagger().tag_many([("x", "2013-02-12", "extra")])


def test_thread_safety(shared):
    docs = [read_timeml(p) for p in sorted(shared("corpora/te3-tbaq/TimeBank").glob("*.tml"))[:60]]
    tagger = dateline.Tagger()
    alone = [tagger.tag(text, dct=dct).to_json() for _, text, dct in docs]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            together = list(pool.map(lambda d: tagger.tag(d[1], dct=d[2]).to_json(), docs))
            assert together == alone
    for jobs in (1, 2, 5):
        assert [d.to_json() for d in tagger.tag_many([(text, dct) for _, text, dct in docs], jobs=jobs)] == alone
    columns = tagger.tag_columns([(text, dct) for _, text, dct in docs], jobs=2)
    assert columns["value"] == [t["value"] for a in alone for t in json.loads(a)["timexes"]]


def test_json_equals_the_command_line_on_tbaq(shared, cli):
    files = sorted(shared("corpora/te3-tbaq").rglob("*.tml"))
    assert len(files) == 256
    out = cli("tag", "--format", "jsonl", "-j", "2", *files).stdout.splitlines(keepends=True)
    tagger = dateline.Tagger()
    ours = []
    for f in files:
        docid, text, dct = read_timeml(f)
        ours.append(tagger.tag(text, dct=dct, id=docid).to_json(pretty=False))
    assert len(out) == len(files)
    for mine, theirs in zip(ours, out):
        assert mine == theirs
    assert sum(len(json.loads(line)["timexes"]) for line in out) > 1500


def test_renderings_equal_the_command_line(tmp_path, cli):
    story = (
        "Seoul, April 19 — Tickets go on sale on Monday at 10 am KST. The shows run every Saturday and Sunday "
        "at 9:10 pm KST from April 23, and the café «Zoë» hosted the band last year.\n"
    )
    path = tmp_path / "story.txt"
    path.write_text(story)
    doc = dateline.Tagger().tag(story, dct="2022-04-19", id="story.txt")
    for fmt, mine in [("json", doc.to_json()), ("jsonl", doc.to_json(pretty=False)), ("timeml", doc.to_timeml()), ("ics", doc.to_ics())]:
        theirs = cli("tag", "--dct", "2022-04-19", "--format", fmt, path).stdout
        assert mine == theirs, fmt
    assert cli("tag", "--dct", "2022-04-19", "--format", "ics", "--include-past", path).stdout == doc.to_ics(include_past=True)
    assert "RRULE:FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=21;BYMINUTE=10" in doc.to_ics()
