"""Session 17 (issue #17): English time values, and the two review items of session 16
on ``temporal/extract.py``.

Sentences written here in the style of news (not taken from any dev set), unless a
comment names the article a case was read in.
"""

from __future__ import annotations

from datetime import date

import pytest

import veille.analyze.temporal.extract as extract_module
from veille.analyze.temporal import extract_times
from veille.core.model import DateRange


def _parsed(nlp, text: str, day: date) -> dict[str, str | None]:
    ref = DateRange(day, day, "day")
    return {t.text: t.value for t in extract_times(text, [], ref, "en", [(0, nlp(text))])}


def test_a_text_told_on_the_next_day_is_read_once(nlp_en, monkeypatch: pytest.MonkeyPatch
                                                  ) -> None:
    # the candidates and their tenses do not depend on the paper's date: when the text is
    # found to be told on the next day, only the resolution runs again (the whole
    # extraction, the grammar and every parse reading, ran twice)
    calls: list[str] = []
    selected = extract_module.selected

    def counting(text: str, code: str):  # type: ignore[no-untyped-def]
        calls.append(code)
        return selected(text, code)

    monkeypatch.setattr(extract_module, "selected", counting)
    got = _parsed(nlp_en, "North Korea launched a long-range rocket on Feb. 7. North Korea on "
                  "Sunday declared that it had put a satellite into orbit.", date(2016, 2, 6))
    assert got["on Sunday"] == "2016-02-07"  # the text's day moved (a day behind the paper)
    assert len(calls) == 1


def test_a_sentence_frame_runs_past_abbreviations_and_into_a_clocks_day(nlp_en) -> None:
    # the frame of "In 2008," ended at the first stop and space, here "p.m. ": the day
    # was the one nearest the paper's date; and the day a clock takes from the date told
    # right after it was read without the sentence's frame (session 16 review)
    got = _parsed(nlp_en, "In 2008, the plane landed at 9 p.m. on Dec. 3.", date(2016, 6, 1))
    assert got["Dec. 3"] == "2008-12-03"
    assert got["9 p.m."] == "2008-12-03T21:00"
    # a sentence the parse ends still ends the frame
    got = _parsed(nlp_en, "In 2008, the U.S. Army left in March. Then it came back in April.",
                  date(2016, 6, 1))
    assert got["March"] == "2008-03"
    assert got["April"] == "2016-04"


def test_a_weekday_with_a_date_names_its_year(nlp_en) -> None:
    # read in news-clusters row 241 (a CNN gallery of 6 February 2018): "Gavin Rossdale
    # said Monday, August 3" was 2017-08-03, a Thursday; 3 August was a Monday in 2015
    day = date(2018, 2, 6)
    got = _parsed(nlp_en, "In a statement, the singer said Monday, August 3, that the couple "
                  "will divorce.", day)
    assert got["Monday, August 3"] == "2015-08-03"
    # a date near the telling keeps its year (the weekday is a slip), as does one no
    # recent year puts on that weekday
    got = _parsed(nlp_en, "The vote is on Thursday, Feb. 9.", day)
    assert got["Thursday, Feb. 9"] == "2018-02-09"
    got = _parsed(nlp_en, "He was arrested on Monday, Jan. 3.", day)
    assert got["Monday, Jan. 3"] == "2018-01-03"
    # the weekday agreeing: nothing moves
    got = _parsed(nlp_en, "He was arrested on Wednesday, Jan. 3.", day)
    assert got["Wednesday, Jan. 3"] == "2018-01-03"


def test_the_day_before_any_event_is_no_day(nlp_en) -> None:
    # read in news-clusters row 254 (NYT, 6 February 2018): "Mr. Musk said he is usually
    # 'super stressed' the day before a launch" was 2018-02-04
    day = date(2018, 2, 6)
    got = _parsed(nlp_en, "He said he is usually stressed the day before a launch.", day)
    assert "the day before" not in got
    # the day before a day told stays that day's
    got = _parsed(nlp_en, "He was arrested on Monday. The day before, he had fled.", day)
    assert got["The day before"] == "2018-02-04"
    # a subject after a day that ends in no preposition: that day (French TimeBank form)
    text = "Il était hier à Strasbourg où le matin même une opération avait eu lieu."
    got = {t.text: t.value for t in extract_times(text, [], DateRange(day, day, "day"), "fr")}
    assert got["le matin même"] == "2018-02-05TMO"


def test_one_day_after_a_coordinated_infinitive_is_someday(nlp_en) -> None:
    # read in news-clusters row 262 (Washington Post, 5 February 2018): "meant to return
    # astronauts to the moon and also get them one day to Mars" was P1D (how long)
    day = date(2018, 2, 5)
    got = _parsed(nlp_en, "The rocket is meant to return astronauts to the moon and also "
                  "get them one day to Mars.", day)
    assert got["one day"] == "FUTURE_REF"
    # right after the verb it is how long
    assert _parsed(nlp_en, "They will arrive and stay one day.", day)["one day"] == "P1D"


def test_a_clock_takes_the_day_of_the_part_named_after_it(nlp_en) -> None:
    # read in news-clusters row 169 (The Sun, 14 July 2016): "taken to hospital after the
    # atrocity at around 10.30pm last night" was 22:30 of the paper's day
    day = date(2016, 7, 14)
    got = _parsed(nlp_en, "Children were taken to hospital after the atrocity at around "
                  "10.30pm last night.", day)
    assert got["around 10.30pm"] == "2016-07-13T22:30"
    # the small hours of last night are the paper's own day
    got = _parsed(nlp_en, "The shooting began at 2 a.m. last night.", day)
    assert got["2 a.m."] == "2016-07-14T02:00"


def test_a_clause_opened_by_an_amount_after_is_told_that_much_earlier(nlp_en) -> None:
    # read in news-clusters rows 264, 53 and 191 (Reuters, NYT, 29-30 December 2017): "The
    # move comes two years after hundreds of women were groped ... during New Year's Eve
    # festivities in Cologne" was the paper's New Year's Eve (2017), not 2015's
    day = date(2017, 12, 29)
    got = _parsed(nlp_en, "The move comes two years after hundreds of women were robbed "
                  "during New Year's Eve festivities in Cologne.", day)
    assert got["New Year's Eve"] == "2015-12-31"
    # a day right after the link is counted from (compose), and a sentence that named its
    # own year counts from it (the frame)
    assert _parsed(nlp_en, "The deal comes two weeks after March 3.", day)[
        "two weeks after March 3"] == "2018-03-17"
    got = _parsed(nlp_en, "In 2003, five years after North Korea fired a missile in August, "
                  "Japan launched.", day)
    assert got["August"] == "2003-08"
    # counted from a day to come, the clause's day is not known: the telling's reading
    got = _parsed(nlp_en, "He will step down two years after the election in November.", day)
    assert got["November"] == "2017-11"


def test_english_plural_weekdays_are_sets(nlp_en) -> None:
    # as French "les lundis": "on Mondays" is every Monday, not a day (it gave nothing, and
    # a clock after it took the day named last)
    day = date(2016, 9, 15)
    got = _parsed(nlp_en, "The museum is closed on Mondays.", day)
    assert got["on Mondays"] == "XXXX-WXX-1"
    got = _parsed(nlp_en, "The show airs on Mondays at 6 a.m.", day)
    assert got["on Mondays at 6 a.m."] == "XXXX-WXX-1T06:00"
