"""Session 19 (issue #17): one reader of the ``holidays`` calendars for every language
(analyze/temporal/named_days.py), the day after the paper's in its small hours
(telling.py), and "now" in a page's labels (locale_spans.py).

Sentences are written after news-clusters rows and SemEval-2022 Task 8 German pages
(cited at each test); none is from a TimeML half b.
"""

from __future__ import annotations

from datetime import date

import pytest

from veille.analyze.temporal import extract_times
from veille.analyze.temporal.named_days import calendar_date, calendar_names
from veille.core.model import DateRange


def _day(y: int, m: int, d: int) -> DateRange:
    return DateRange(date(y, m, d), date(y, m, d), "day")


def _found(text: str, lang: str, ref: DateRange) -> dict[str, str | None]:
    return {t.text: t.value for t in extract_times(text, [], ref, lang)}


@pytest.mark.parametrize(("lang", "text", "ref", "expected"), [
    # a name a calendar keeps only some years is dated by the rule of its other years,
    # in the locale languages as in English ("Election Day" in a midterm year): the
    # Wednesday before 23 November, national in Germany until 1994
    ("de", "In Sachsen ist der Buß- und Bettag ein Feiertag.", _day(2019, 11, 18),
     {"Buß- und Bettag": "2019-11-20"}),
    # Italy's national day of Saint Francis from 2026 on: 4 October in any year
    ("it", "Per la Festa nazionale di San Francesco d'Assisi, patrono d'Italia, la città "
           "si prepara.", _day(2021, 9, 30),
     {"Festa nazionale di San Francesco d'Assisi, patrono d'Italia": "2021-10-04"}),
    # the part of the day glued to a name still reads the calendar's day
    ("de", "Silvesternacht in Köln: die Polizei zieht Bilanz.", _day(2020, 1, 2),
     {"Silvesternacht": "2019-12-31TNI"}),
])
def test_locale_named_days_from_the_one_calendar_reader(
        lang: str, text: str, ref: DateRange, expected: dict[str, str]) -> None:
    assert _found(text, lang, ref) == expected


def test_parsed_languages_read_the_same_calendars() -> None:
    names = calendar_names()
    # folded names of several words; one word ("juneteenth") is also a common noun
    assert "election day" in names and all(" " in n for n in names)
    assert calendar_date("election day", 2018) == date(2018, 11, 6)  # a midterm year
    assert calendar_date("fete du travail", 2021) == date(2021, 5, 1)
