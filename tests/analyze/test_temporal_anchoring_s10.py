"""Session 10 (issue #17) mechanisms, on sentences of TempEval-3 (AQUAINT tune half a,
TimeBank 1.2) news: days counted from the day the story named ("Earlier that day",
"the next morning"), "X-long" adjectives of how long, "at midday", a clock time, its time
zone and its day as one expression.

Each case is a mechanism (an anchor word, a glued suffix, a gap between a clock and its
day), not an article: the expected values are the TimeML ones the guidelines give.
"""

from __future__ import annotations

from datetime import date

from veille.analyze.nlp import get_nlp
from veille.analyze.temporal import extract_times
from veille.core.model import DateRange, TimeRef


def _found(text: str, day: date, language: str = "en") -> dict[str, TimeRef]:
    ref = DateRange(day, day, "day")
    return {t.text: t for t in extract_times(text, [], ref, language,
                                             [(0, get_nlp(language)(text))])}


def test_that_day_is_the_day_the_story_named() -> None:
    # AQUAINT APW19991024.0075 (adapted: one sentence before it names the day)
    text = ("Slepian was killed on Oct. 23, 1998 by a sniper hiding in his backyard. "
            "Earlier that day, the Slepian family sent a fax to local police.")
    got = _found(text, date(1999, 10, 24))
    assert got["Earlier that day"].value == "1998-10-23"


def test_that_day_with_no_day_named_says_nothing() -> None:
    # the paper's day would be a guess: no expression rather than a wrong date
    got = _found("I will never forget that day, she said.", date(1999, 10, 24))
    assert "that day" not in got


def test_the_next_morning_counts_from_the_day_named() -> None:
    # AQUAINT NYT20000224.0173 form: a day named, then "the next morning"
    text = ("Elian was pulled from the sea on Nov. 25. He appeared to be reasonably healthy "
            "when he appeared in court the next morning.")
    got = _found(text, date(2000, 2, 24))
    t = got["the next morning"]
    assert (t.type, t.value) == ("TIME", "1999-11-26TMO")


def test_long_adjectives_are_durations() -> None:
    # AQUAINT NYT20000403.0463, APW20000115.0031
    got = _found("Lawyers for Elian's Miami family emerged from their third day-long meeting "
                 "with federal officials.", date(2000, 4, 3))
    assert (got["day-long"].type, got["day-long"].value) == ("DURATION", "P1D")
    got = _found("a boy hero symbolizing the government's decades-long ideological battle "
                 "with Cuban exiles in Miami.", date(2000, 1, 15))
    assert got["decades-long"].value == "PXY"
    assert "a decades" not in got  # the article is the battle's


def test_long_suffix_needs_an_english_unit() -> None:
    # TimeBank APW19980219.0476: "Anlong Veng" is a place (French "an" is no English unit)
    got = _found("Khmer Rouge guerrillas from Anlong Veng have formed an alliance.",
                 date(1998, 2, 19))
    assert not got


def test_midday_is_noon() -> None:
    # AQUAINT APW19991008.0151
    got = _found("He is scheduled to appear before a U.S. magistrate judge in Manhattan at "
                 "midday, according to a statement today.", date(1999, 10, 8))
    assert [t.value for t in got.values() if t.type == "TIME"] == ["1999-10-08T12:00"]


def test_clock_zone_and_day_are_one_expression() -> None:
    # TimeBank wsj_0542 and AQUAINT NYT20000403.0463 forms
    got = _found("Dow Jones extended its offer for Telerate until 5 p.m. EST, Nov. 6.",
                 date(1989, 10, 30))
    assert [(t.text, t.value) for t in got.values()] == [("5 p.m. EST, Nov. 6",
                                                          "1989-11-06T17:00")]
    got = _found("INS extended its deadline until 9 a.m. EST Tuesday.", date(2000, 4, 3))
    assert [(t.text, t.value) for t in got.values()] == [("9 a.m. EST Tuesday",
                                                          "2000-04-04T09:00")]


def test_the_past_with_a_counted_amount_is_no_past_ref() -> None:
    # read check, news-clusters line 159 (ABC, 2018-01-01)
    got = _found("Arians decided to retire from coaching after 42 years, including the past "
                 "five in his first NFL head-coaching job.", date(2018, 1, 1))
    assert "the past" not in got
    got = _found("In the past, the league was different.", date(2018, 1, 1))
    assert got["the past"].value == "PAST_REF"


def test_a_capitalised_season_before_a_name_is_no_date() -> None:
    # read check, news-clusters line 161 (CNN, 2018-01-01)
    got = _found("Kim offered talks over sending a delegation to the Winter Olympics in "
                 "Pyeongchang next month.", date(2018, 1, 1))
    assert [(t.text, t.value) for t in got.values()] == [("next month", "2018-02")]
