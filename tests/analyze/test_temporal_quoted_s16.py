"""Session 16 (issue #17): a quotation's "tomorrow" or "last night" counts from the day the
sentence says it was said (``temporal/quoted.py``). News-clusters rows 186 (The New Yorker)
and 230/372 (Rihanna's post, Washington Post and Daily Mail), and sentences written here."""

from __future__ import annotations

from datetime import date

from veille.analyze.nlp import get_nlp
from veille.analyze.temporal import extract_times
from veille.core.model import DateRange


def _values(text: str, day: date, language: str = "en") -> dict[str, str | None]:
    doc = get_nlp(language)(text)
    return {t.text: t.value for t in extract_times(text, [], DateRange(day, day, "day"),
                                                   language, [(0, doc)])}


def test_a_quotation_counts_from_the_day_it_was_said() -> None:
    got = _values("Yet on Saturday, in an Instagram post, Jackson quieted the theorizing: "
                  "\u201cTo put to rest any speculation as to whether I will be performing at "
                  "the Super Bowl tomorrow; I will not,\u201d she wrote.", date(2018, 2, 5))
    assert got["tomorrow"] == "2018-02-04"
    got = _values("The singer posted photos of her cousin on Instagram on Tuesday, writing "
                  "that she \"can't believe it was just last night that I held you in my "
                  "arms!\"", date(2017, 12, 27))
    assert got["last night"] == "2017-12-25TNI"
    got = _values("\u00ab Nous partirons demain \u00bb, a d\u00e9clar\u00e9 samedi le "
                  "ministre.", date(2016, 11, 7), "fr")
    assert got["demain"] == "2016-11-06"


def test_a_quotation_with_no_day_said_counts_from_the_paper() -> None:
    day = date(2018, 2, 5)
    # no day outside the quotation, or the paper's own: the paper's day
    assert _values("\u201cWe will leave tomorrow,\u201d the minister said.", day)[
        "tomorrow"] == "2018-02-06"
    assert _values("\u201cWe will leave tomorrow,\u201d the minister said on Monday.", day)[
        "tomorrow"] == "2018-02-06"
    # outside a quotation, the telling's day
    assert _values("On Saturday the minister left, and he will be back tomorrow.", day)[
        "tomorrow"] == "2018-02-06"
