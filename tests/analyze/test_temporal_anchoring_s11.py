"""Session 11 (issue #17) mechanisms, on sentences of real news: TimeBank 1.2 (tuned on)
and news-clusters articles read for the session's read check (not tuned on).

"one day" the parse shows is *when* (an adverb between a modal and its verb, or on a
verb looking ahead) is TimeML's FUTURE_REF, not a duration; "in one day" is how long;
a thousands separator in "8,000 years ago" is no decimal mark, and a year before the
common era is written "BC" as TimeML does.
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


def test_one_day_after_a_modal_is_the_future() -> None:
    # TimeBank PRI19980303.2000.2550 (gold FUTURE_REF; the parser makes "day" a subject)
    got = _found("According to the Arab American institute, Islam will one day be the "
                 "second largest religion in the country.", date(1998, 3, 3))
    assert (got["one day"].type, got["one day"].value) == ("DATE", "FUTURE_REF")
    # news-clusters line 129 (independent.co.uk, 2016-09-21), the clause alone (in the
    # whole sentence the parser hangs "one day" on "having proved", a past verb)
    got = _found("It can be used, one day, to carry humans to Mars.", date(2016, 9, 21))
    assert got["one day"].value == "FUTURE_REF"


def test_one_day_of_how_long_stays_a_duration() -> None:
    # TimeBank wsj_0172-like form (gold P1D): the time in a job
    got = _found("Mr. Lawson's successor, John Major, had only been in the job one day.",
                 date(1989, 10, 27))
    assert (got["one day"].type, got["one day"].value) == ("DURATION", "P1D")
    got = _found("The repairs will take one day.", date(2017, 12, 31))
    assert got["one day"].value == "P1D"


def test_in_one_day_is_how_long_not_tomorrow() -> None:
    # news-clusters line 113 (popularmechanics.com, 2017-12-31): it was 2018-01-01
    got = _found("Passengers on the flight will have the rare experience of celebrating "
                 "New Year's Eve twice in one day.", date(2017, 12, 31))
    assert (got["one day"].type, got["one day"].value) == ("DURATION", "P1D")
    # a larger count after "in" under a future verb is still the point ahead
    got = _found("The vote will be held in two days.", date(2016, 9, 21))
    assert got["two days"].value == "2016-09-23"


def test_thousands_of_years_ago() -> None:
    # news-clusters line 129: "about 8,000 years ago" was 2008 (8,000 read as 8.0)
    got = _found("Cassiopeia A, the expanding remains of a massive star that exploded "
                 "about 8,000 years ago.", date(2016, 9, 21))
    assert got["about 8,000 years ago"].value == "BC5985"
    got = _found("The fortress was built 1,500 years ago.", date(2016, 9, 21))
    assert got["1,500 years ago"].value == "0516"
    # a decimal comma where the language writes one: "1,5 an" is a year and a half
    got = _found("Le site a été construit il y a 2.000 ans.", date(2016, 9, 21), "fr")
    assert got["il y a 2.000 ans"].value == "0016"
