"""Session 15 (issue #17): one rule says which half of the day a dial hour said with a
part of the day is in (``clock_parts.hour_in_part``), on every path that reads one.

Before, the weekly-set path made any hour under 12 after "nuit" the afternoon ("toutes les
nuits à 2 h" was 14:00, "every night at 2:30" 14:30), and an English clock that took the day
named after it ignored that day's part ("at 9:30 Tuesday night" was 09:30, "at 7:30
tonight" 07:30), as did a clock told before its part ("à 8 heures ce soir" 08:00). Sentences
written here in the style of news (not taken from any dev set).
"""

from __future__ import annotations

from datetime import date

import pytest

from veille.analyze.nlp import get_nlp
from veille.analyze.temporal import extract_times
from veille.analyze.temporal.clock_parts import hour_in_part
from veille.analyze.temporal.lexicon import time_words
from veille.core.model import DateRange

_PAPER = date(2016, 11, 7)  # a Monday


def _values(text: str, language: str) -> dict[str, str | None]:
    ref = DateRange(_PAPER, _PAPER, "day")
    return {t.text: t.value for t in extract_times(text, [], ref, language)}


@pytest.mark.parametrize(("hour", "part", "language", "expected"), [
    (2, "NI", "fr", 2), (11, "NI", "fr", 23), (6, "NI", "fr", 6), (6, "NI", "en", 18),
    (3, "EV", "fr", 3), (8, "EV", "fr", 20), (3, "AF", "fr", 15), (7, "MO", "fr", 7),
    (12, "AF", "fr", 12), (14, "EV", "fr", 14),
])
def test_one_rule_for_the_half_of_the_day(hour: int, part: str, language: str,
                                          expected: int) -> None:
    assert hour_in_part(hour, part, time_words(language)) == expected


def test_a_nightly_set_keeps_its_small_hours() -> None:
    assert _values("Il se lève toutes les nuits à 2 h.", "fr")[
        "toutes les nuits à 2 h"] == "T02:00"
    assert _values("Chaque nuit vers 3 heures, la sirène retentit.", "fr")[
        "Chaque nuit vers 3 heures"] == "T03:00"
    assert _values("Il sort tous les soirs à 7 h.", "fr")["tous les soirs à 7 h"] == "T19:00"
    assert _values("The alarm rings every night at 2:30.", "en")[
        "every night at 2:30"] == "T02:30"
    assert _values("The alarm rings every night at 10:30.", "en")[
        "every night at 10:30"] == "T22:30"


def test_a_clock_with_the_day_after_it_takes_that_days_part() -> None:
    assert _values("The blast came at 9:30 Tuesday night.", "en")[
        "9:30 Tuesday night"] == "2016-11-01T21:30"
    assert _values("The match starts at 7:30 tonight.", "en")[
        "7:30 tonight"] == "2016-11-07T19:30"
    assert _values("Il est arrivé vers 9 h 30 mardi soir.", "fr")[
        "vers 9 h 30"] == "2016-11-01T21:30"
    # a clock that says its half keeps it; a morning moves nothing
    assert _values("Police arrived at 2:15 on Saturday morning.", "en")[
        "2:15 on Saturday morning"] == "2016-11-05T02:15"
    assert _values("The blast came at 11:30 p.m. Tuesday night.", "en")[
        "11:30 p.m. Tuesday night"] == "2016-11-08T23:30"


def test_a_clock_told_before_its_part() -> None:
    assert _values("Le match commence à 8 heures ce soir.", "fr")["8 heures"] == \
        "2016-11-07T20:00"
    assert _values("The vote is at 8:30 this evening.", "en")["8:30"] == "2016-11-07T20:30"
    assert _values("They met at 4:30 in the afternoon.", "en")["4:30"] == "2016-11-07T16:30"
    assert _values("At 8:30 in the morning, it rained.", "en")["8:30"] == "2016-11-07T08:30"
    # its own "du matin" wins over the evening named before it
    assert _values("Samedi soir à 5 h du matin, un incendie.", "fr")[
        "5 h du matin"] == "2016-11-05T05:00"


def test_clock_words_with_their_part() -> None:
    assert _values("Il est 8:30 du soir.", "fr")["8:30 du soir"] == "2016-11-07T20:30"
    assert _values("Il est 1:30 de l'après-midi.", "fr")[
        "1:30 de l'après-midi"] == "2016-11-07T13:30"
    assert _values("Il est onze heures de la nuit.", "fr")[
        "onze heures de la nuit"] == "2016-11-07T23:00"
    assert _values("Dix heures mercredi soir, la police arrive.", "fr")[
        "Dix heures mercredi soir"] == "2016-11-09T22:00"


def _parsed(text: str, day: date, language: str) -> dict[str, str | None]:
    ref = DateRange(day, day, "day")
    return {t.text: t.value for t in extract_times(text, [], ref, language,
                                                   [(0, get_nlp(language)(text))])}


def test_a_paper_dated_a_day_behind_its_text() -> None:
    # news-clusters rows 12 and 13 (Washington Post, CNN): a launch told in the past "on
    # Feb. 7" in a paper dated 6 February; its "on Sunday" was the Sunday a week before
    day = date(2016, 2, 6)  # a Saturday
    got = _parsed("North Korea launched a long-range rocket on Feb. 7. North Korea on Sunday "
                  "declared that it had put a satellite into orbit. Kim signed the order on "
                  "Saturday.", day, "en")
    assert got["on Sunday"] == "2016-02-07"
    assert got["on Saturday"] == "2016-02-06"
    # a photo caption's present tells what was, too
    got = _parsed("A missile is fired during an exercise on September 15, 2017. North Korea "
                  "fired a missile over Japan Friday.", date(2017, 9, 14), "en")
    assert got["Friday"] == "2017-09-15"
    # a schedule or a plan is a day ahead: the paper's date stands
    for text in ("The vote is on Feb. 7. The party met on Sunday.",
                 "The party will vote on Feb. 7. It met on Sunday."):
        assert _parsed(text, day, "en")["on Sunday"] == "2016-01-31", text
    # French: "le 7 février" told in the past in a paper of the 6th
    got = _parsed("La Corée du Nord a lancé une fusée le 7 février. Dimanche, Pyongyang a "
                  "annoncé sa réussite.", day, "fr")
    assert got["Dimanche"] == "2016-02-07"


def test_a_date_from_another_time_zone_does_not_move_the_text() -> None:
    # news-clusters row 112 (Popular Mechanics, 31 December 2017): the flight left New
    # Zealand on 1 January, but the text's weekday is the paper's own Sunday
    got = _parsed("The flight left Auckland at 12:05 am, January 1st, 2018. It was scheduled "
                  "to leave at 11:55 pm on Sunday. Passengers will celebrate New Year's Eve "
                  "twice.", date(2017, 12, 31), "en")
    assert got["New Year's Eve"] == "2017-12-31"
    assert got["11:55 pm on Sunday"] == "2017-12-31T23:55"
    # with a weekday of the day after said alone, the text is read from that day
    got = _parsed("The flight left Auckland at 12:05 am, January 1st, 2018. It landed on "
                  "Monday, and its passengers said today was a good day.", date(2017, 12, 31),
                  "en")
    assert got["today"] == "2018-01-01"
