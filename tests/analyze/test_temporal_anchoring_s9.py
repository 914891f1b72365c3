"""Anchoring cases read off TempEval-3 AQUAINT's tune half (session 9): modal verbs,
plans, "since" above a noun, the week holding a day, holidays named with "Day", ages.

The sentences are written for these tests after the AQUAINT forms; each case is a
mechanism (the verb's modal, its lemma, a preposition on the path), not an article.
"""

from __future__ import annotations

from datetime import date

import pytest

from veille.analyze.nlp import get_nlp
from veille.analyze.temporal import extract_times
from veille.core.model import DateRange, TimeRef


def _found(text: str, day: date, language: str = "en") -> dict[str, TimeRef]:
    ref = DateRange(day, day, "day")
    return {t.text: t for t in extract_times(text, [], ref, language,
                                             [(0, get_nlp(language)(text))])}


@pytest.mark.parametrize(("text", "day", "expected"), [
    # a Thursday paper: a modal moves the weekday neither way, the closer one is yesterday
    ("His relatives could not be reached Wednesday in their hometown.", date(2000, 1, 6),
     "2000-01-05"),
    # a Monday paper: the closer Tuesday is tomorrow
    ("The group might come to the capital as soon as Tuesday.", date(2000, 4, 3), "2000-04-04"),
    # a Friday paper: a plan told in the past is of tomorrow's rally
    ("Exiles planned a large demonstration in the square on Saturday.", date(2000, 1, 7),
     "2000-01-08"),
    # "had planned" is a past perfect: the Saturday gone
    ("Exiles had planned a demonstration on Saturday.", date(2000, 1, 7), "2000-01-01"),
])
def test_weekday_under_modals_and_plans(text: str, day: date, expected: str) -> None:
    got = [t for t in _found(text, day).values() if t.method == "grammar:wd"]
    assert [t.value for t in got] == [expected]


def test_since_above_the_dated_noun_points_back() -> None:
    got = _found("Police have been searching for him since shortly after the Oct. 23 slaying.",
                 date(1999, 5, 6))
    assert got["Oct. 23"].value == "1998-10-23"


def test_the_week_of_a_day() -> None:
    got = _found("The case may be resolved at a hearing the week of March 6.", date(2000, 2, 24))
    t = got["the week of March 6"]
    assert (t.value, t.range_start, t.range_end) == ("2000-W10", "2000-03-06", "2000-03-12")
    fr = _found("L'audience aura lieu la semaine du 6 mars.", date(2000, 2, 24), "fr")
    assert fr["la semaine du 6 mars"].value == "2000-W10"


def test_holidays_named_with_day() -> None:
    got = _found("The boy was found on Thanksgiving Day clinging to an inner tube.",
                 date(2000, 1, 7))
    assert got["Thanksgiving Day"].value == "1999-11-25"


def test_decade_of_a_persons_age_is_no_date() -> None:
    got = _found("His stepmother married his father when he was in his 30s; in the early "
                 "1990s the situation began to relax.", date(2000, 2, 24))
    assert "30s" not in got and got["early 1990s"].value == "199"


def test_weeks_ago_is_a_week_and_a_week_ago_a_day() -> None:
    got = _found("They left six weeks ago; he came back a week ago.", date(2000, 1, 6))
    assert got["six weeks ago"].value == "1999-W47"
    assert got["a week ago"].value == "1999-12-30"


def test_counted_decades_are_years() -> None:
    got = _found("The rate was the lowest for almost two decades.", date(1998, 2, 6))
    assert got["almost two decades"].value == "P20Y"


def test_the_day_before_a_named_day() -> None:
    got = _found("The day before last Tuesday's court hearing, he went there.", date(2000, 2, 24))
    assert got["The day before last Tuesday"].value == "2000-02-21"
    assert _found("She was in Nairobi later in the day before returning home.",
                  date(1998, 8, 17)) == {}


def test_infinitive_of_a_noun_under_a_past_verb() -> None:
    # a Saturday paper: "staged celebrations to mark ... on Friday" is yesterday
    got = _found("The government staged celebrations to mark the country's entry into NATO on "
                 "Friday.", date(1999, 3, 13))
    assert got["on Friday"].value == "1999-03-12"


def test_march_as_a_name() -> None:
    got = _found("He joined the annual March for Life on Capitol Hill in March.", date(1999, 1, 22))
    assert list(got) == ["March"]


def test_a_bare_weekday_shares_the_tense_the_article_gives_it() -> None:
    # a Friday live blog (AP "The Latest", PolNeAR dev shape): the debate was the Monday gone
    text = ("Trump is raising questions about his microphone problems during Monday's debate.\n"
            "Machado has been in the spotlight since Monday night's debate.\n"
            "At Monday's debate, Clinton cited his comments.")
    got = [t for t in extract_times(text, [], DateRange(date(2016, 9, 30), date(2016, 9, 30),
                                                        "day"), "en",
                                    [(0, get_nlp("en")(text))])
           if t.method == "grammar:wd"]
    assert {t.value[:10] for t in got if t.value} == {"2016-09-26"}


def test_read_check_names_and_measures_are_no_dates() -> None:
    assert _found("She was booted from a flight after the Women's March.", date(2017, 12, 27)) == {}
    assert _found("Temperatures were expected to reach the 70s (about 22 degrees Celsius).",
                  date(2018, 1, 2)) == {}


def test_clock_takes_the_day_across_local_time() -> None:
    got = _found("The flight departed at 11:36 am local time on Tuesday.", date(2018, 1, 7))
    assert got["11:36 am"].value == "2018-01-02T11:36"


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Ajouter la réunion à mon calendrier : les mardis à 9 h", "les mardis à 9 h",
     "XXXX-WXX-2T09:00"),
    ("Je partirai tous les soirs à 19h13", "tous les soirs à 19h13", "T19:13"),
    ("Il part à 8 heures tous les jours", "8 heures tous les jours", "T08:00"),
])
def test_a_set_with_its_time_of_day(text: str, span: str, value: str) -> None:
    got = _found(text, date(2016, 11, 7), "fr")
    assert got[span].type == "SET" and got[span].value == value


def test_hours_stay_a_span_after_a_verb() -> None:
    got = _found("Il travaille 8 heures tous les jours", date(2016, 11, 7), "fr")
    assert got["8 heures"].value == "PT8H"
    got = _found("Dix heures mercredi matin", date(2016, 11, 7), "fr")
    assert got["Dix heures mercredi matin"].value == "2016-11-09T10:00"


def test_weeks_ago_in_french_is_a_day() -> None:
    got = _found("Ils sont partis il y a trois semaines.", date(2000, 1, 6), "fr")
    assert got["il y a trois semaines"].value == "1999-12-16"


def test_and_a_quarter() -> None:
    got = _found("Il lui faudra un an et un quart pour finir.", date(2016, 11, 7), "fr")
    assert got["un an et un quart"].value == "P1Y3M"
    assert _found("Il est deux heures et quart.", date(2016, 11, 7), "fr")[
        "deux heures et quart"].value == "2016-11-07T02:15"
