"""Session 16 (issue #17): a time named at the head of a sentence frames the sentence's
undated month, day or holiday (``temporal/frame.py``).

NPR, 31 December 2017 (news-clusters row 180): "Two years ago, hundreds of women in the
city of Cologne reported being attacked ... while out celebrating New Year's Eve" put the
Cologne attacks on the paper's own New Year's Eve. Other sentences written here in the
style of news (not taken from any dev set).
"""

from __future__ import annotations

from datetime import date

from veille.analyze.nlp import get_nlp
from veille.analyze.temporal import extract_times
from veille.core.model import DateRange

_PAPER = date(2017, 12, 31)


def _values(text: str, language: str) -> dict[str, str | None]:
    ref = DateRange(_PAPER, _PAPER, "day")
    doc = get_nlp(language)(text)
    return {t.text: t.value for t in extract_times(text, [], ref, language, [(0, doc)])}


def test_a_fronted_year_frames_its_sentence_in_english() -> None:
    got = _values("Two years ago, hundreds of women in Cologne reported being attacked by "
                  "gangs of men while out celebrating New Year's Eve on the square.", "en")
    assert got["New Year's Eve"] == "2015-12-31"
    got = _values("In 2008, he was arrested in December and got back home on Christmas Eve. "
                  "He spoke again in December.", "en")
    assert got["2008"] == "2008"
    values = [t.value for t in extract_times(
        "In 2008, he was arrested in December and got back home on Christmas Eve. "
        "He spoke again in December.", [], DateRange(_PAPER, _PAPER, "day"), "en")]
    # the frame ends with its sentence: the second December is the telling's
    assert values == ["2008", "2008-12", "2008-12-24", "2017-12"]
    assert _values("Last year, the mayor was re-elected on Election Day.", "en")[
        "Election Day"] == "2016-11-08"


def test_only_a_fronted_past_year_frames() -> None:
    # a year inside a relative clause dates that clause alone
    assert _values("Smith, who joined in 2010, resigned in March.", "en")["March"] == "2017-03"
    # a plan for a day ahead keeps its own year
    assert _values("Last year, she said she will speak on Thanksgiving.", "en")[
        "Thanksgiving"] != "2016-11-24"


def test_a_fronted_year_frames_its_sentence_in_french() -> None:
    assert _values("En 2008, il a été arrêté en décembre.", "fr")["décembre"] == "2008-12"
    assert _values("Le maire, élu en 2014, a démissionné en mars.", "fr")["mars"] == "2017-03"


def test_a_day_near_the_telling_frames_nothing() -> None:
    # "Two days ago" in a paper of 2 January is last year's day, but the sentence is told now
    day = date(2018, 1, 2)

    def values(text: str) -> dict[str, str | None]:
        doc = get_nlp("en")(text)
        return {t.text: t.value for t in extract_times(text, [], DateRange(day, day, "day"),
                                                       "en", [(0, doc)])}

    got = values("Two days ago, police said the man was arrested on New Year's Day.")
    assert got["Two days ago"] == "2017-12-31"
    assert got["New Year's Day"] == "2018-01-01"
    got = values("On Dec. 30, 2015, police said the attacks happened on New Year's Eve.")
    assert got["New Year's Eve"] == "2015-12-31"


def test_a_guessed_year_frames_nothing() -> None:
    # "From November" in a January paper is last November by the nearest-date rule, not by
    # the words: the January after it is the paper's
    got = {t.text: t.value for t in extract_times(
        "From November to January, 300 people were arrested.", [],
        DateRange(date(2018, 1, 10), date(2018, 1, 10), "day"), "en",
        [(0, get_nlp("en")("From November to January, 300 people were arrested."))])}
    assert got["November"] == "2017-11"
    assert got["January"] == "2018-01"
