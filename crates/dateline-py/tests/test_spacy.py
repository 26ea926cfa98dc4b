"""The spaCy component, in a blank English pipeline (no model download)."""

import datetime
import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy")
import dateline.spacy  # noqa: E402,F401  (registers the factory)


def test_component_puts_timexes_on_spans():
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline", config={"dct": "2023-03-14"})
    doc = nlp("Doors open at 6 pm BST on June 9, and every Saturday. Sales doubled by 2020.Then they fell.")
    spans = doc.spans["timex"]
    assert [(s.text, s.label_, s._.timex.value) for s in spans] == [
        ("6 pm BST", "TIME", "2023-06-09T18:00"),
        ("June 9", "DATE", "2023-06-09"),
        ("every Saturday", "SET", "XXXX-WXX-6"),
        # ("2020" is inside spaCy's token "2020.Then": the span grows to the token)
        ("2020.Then", "DATE", "2020"),
    ]
    assert [s._.timex.text for s in spans][3] == "2020"
    six = spans[0]._.timex
    assert (six.utc, six.tzid) == (datetime.datetime(2023, 6, 9, 17, 0, tzinfo=datetime.timezone.utc), "Europe/London")
    assert (six.range.grain, spans[2]._.timex.rrule) == ("minute", "FREQ=WEEKLY;BYDAY=SA")


def test_dct_from_the_doc_over_the_config():
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline", config={"dct": "2023-03-14"})
    doc = nlp.make_doc("They met on Monday.")
    doc._.dct = datetime.date(2020, 1, 8)
    assert [s._.timex.value for s in nlp(doc).spans["timex"]] == ["2020-01-06"]
    plain = nlp("They met on Monday.")
    assert [s._.timex.value for s in plain.spans["timex"]] == ["2023-03-13"]
    # nlp.pipe tags in batches and gives the same
    texts = ["They met on Monday.", "It opens in May.", "Nothing here."]
    one = [[(s.start, s.end, s._.timex.value) for s in d.spans["timex"]] for d in [nlp(t) for t in texts]]
    piped = list(nlp.pipe(texts, batch_size=2))
    assert [[(s.start, s.end, s._.timex.value) for s in d.spans["timex"]] for d in piped] == one
    assert one == [[(3, 4, "2023-03-13")], [(3, 4, "2023-05")], []]


def test_a_bad_config_fails_when_the_pipe_is_added():
    nlp = spacy.blank("en")
    with pytest.raises(dateline.DatelineError, match='^dct "someday" is not a date'):
        nlp.add_pipe("dateline", config={"dct": "someday"})


def test_factory_found_through_the_entry_point():
    # a fresh interpreter that never imports dateline.spacy itself
    code = "import spacy; nlp = spacy.blank('en'); nlp.add_pipe('dateline', config={'dct': '2013-02-12'}); doc = nlp('on Monday'); print([s._.timex.value for s in doc.spans['timex']])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['2013-02-11']"
