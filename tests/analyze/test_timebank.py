"""TimeML reader and scorer; floors on the French TimeBank and Recognizers-Text specs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from veille.analyze.timebank import evaluate, read_timeml, score_doc, timeml_units
from veille.core.model import TimeRef

REPO = Path(__file__).resolve().parents[2]

TML = """<?xml version='1.0' encoding='UTF-8'?>
<TimeML>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" value="1999-05-20" /></DCT>
<TEXT>
Le <EVENT eid="e1">match</EVENT> a eu lieu <TIMEX3 tid="t2" type="DATE" value="1999-05-18">\
mardi</TIMEX3> à <TIMEX3 tid="t3" type="TIME" value="1999-05-18T21:45">21 h 45</TIMEX3> \
&amp; il a duré <TIMEX3 tid="t4" type="DURATION" value="PT2H">deux heures</TIMEX3>.
</TEXT>
</TimeML>
"""


def shared_data() -> Path:
    env = os.environ.get("VEILLE_SHARED_DATA")
    path = Path(env) if env else REPO.parent / "shared" / "data"
    if not path.is_dir():
        pytest.skip(f"../shared/data absent: {path} (set VEILLE_SHARED_DATA)")
    return path


def test_reader_strips_tags_and_keeps_offsets(tmp_path: Path) -> None:
    p = tmp_path / "doc.tml"
    p.write_text(TML, encoding="utf-8")
    doc = read_timeml(p)
    assert doc.dct.isoformat() == "1999-05-20"
    assert "<" not in doc.text and "&" in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("mardi", "DATE", "1999-05-18"),
        ("21 h 45", "TIME", "1999-05-18T21:45"),
        ("deux heures", "DURATION", "PT2H"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text


def test_scorer_strict_relaxed_value(tmp_path: Path) -> None:
    p = tmp_path / "doc.tml"
    p.write_text(TML, encoding="utf-8")
    doc = read_timeml(p)
    g = {t.text: t for t in doc.timexes}
    system = [
        TimeRef("mardi", g["mardi"].start, g["mardi"].end, 0, "DATE", "1999-05-18"),
        # relaxed only (one extra char), wrong value
        TimeRef("à 21 h 45", g["21 h 45"].start - 2, g["21 h 45"].end, 0, "TIME", "1999-05-20T21:45"),
        TimeRef("match", 3, 8, 0, "DATE", "1999"),  # spurious
    ]
    c, errors = score_doc(doc, system)
    assert (c.n_gold, c.n_sys, c.strict, c.relaxed, c.value) == (3, 3, 1, 2, 1)
    assert {e.kind for e in errors} == {"missed", "spurious", "value"}


def test_ranges_split_into_timeml_units() -> None:
    t = TimeRef("du 19 au 23 juillet", 10, 29, 0, "DATE", "1999-07-19/1999-07-23",
                "1999-07-19", "1999-07-23", "day")
    a, b = timeml_units(t)
    assert (a.text, a.value) == ("du 19", "1999-07-19")
    assert (b.text, b.value, b.end) == ("23 juillet", "1999-07-23", 29)


@pytest.mark.slow
def test_french_timebank_dev_floors() -> None:
    """Published HeidelTime 1.8 (whole corpus): relaxed F1 90.97, value F1 73.63."""
    rep, _ = evaluate(shared_data() / "fr-timebank" / "dev")
    relaxed, value = rep["relaxed"], rep["value"]
    assert isinstance(relaxed, dict) and isinstance(value, dict)
    assert relaxed["f1"] >= 95.0
    assert value["f1"] >= 86.0
    assert rep["documents"] == 72


@pytest.mark.slow
def test_recognizers_floors() -> None:
    from veille.analyze.recognizers import run_all

    reports = {r.model: r.to_dict() for r in run_all(shared_data() / "recognizers-text-fr")}
    assert reports["DateTime"]["share_exact"] >= 50.0
    assert reports["Number"]["share_exact"] >= 80.0
    assert reports["Dimension"]["share_exact"] >= 60.0
    assert reports["NumberRange"]["share_exact"] >= 25.0
