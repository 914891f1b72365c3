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


def _parsed(nlp, text: str, day: date) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    return {t.text: t.value
            for t in extract_times(text, [], _day(day.year, day.month, day.day), "en",
                                   [(0, nlp(text))])}


def test_the_small_hours_of_the_next_day_move_the_text(nlp_en) -> None:  # type: ignore[no-untyped-def]
    # news-clusters row 44, NYT dated Thursday 14 July 2016 (Nice): the text is told on
    # Friday; its other Fridays ("said Friday morning", a concert "on Friday night"
    # cancelled) are that day, not the Friday a week back
    got = _parsed(nlp_en, "A fireworks celebration was shattered by death Thursday night. "
                  "The president said in a televised address early Friday that the attack "
                  "was terrorist. The prime minister said Friday morning that France would "
                  "observe three days of mourning.", date(2016, 7, 14))
    assert got["early Friday"] == "2016-07-15"
    assert got["Friday morning"] == "2016-07-15TMO"
    assert got["Thursday night"] == "2016-07-14TNI"
    # row 221, NPR dated Monday 28 August 2017 (a launch in Asia's Tuesday morning)
    got = _parsed(nlp_en, "North Korea conducted a missile launch over Japan early Tuesday "
                  "morning. Three short-range missiles were launched on Saturday.",
                  date(2017, 8, 28))
    assert got == {"early Tuesday morning": "2017-08-29TMO", "on Saturday": "2017-08-26"}


def test_other_starts_of_a_day_do_not_move_it(nlp_en) -> None:  # type: ignore[no-untyped-def]
    # an afternoon is past the night that is still the paper's day; a Friday said
    # without its start a week back stays a week back
    got = _parsed(nlp_en, "The fire broke out early Sunday afternoon.", date(2017, 9, 16))
    assert got == {"early Sunday afternoon": "2017-09-10TAF"}
    got = _parsed(nlp_en, "The company said on Friday that profits fell.", date(2017, 9, 14))
    assert got == {"on Friday": "2017-09-08"}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # SemEval German pages (share buttons flattened into the text, the story after them)
    ("de", "Foto: Christoph Weber Jetzt teilen: Jetzt teilen: Haiger - Im Gebiet der Stadt "
           "sollen in diesem Jahr vier Kanäle erneuert werden.", {}),
    ("de", "(Foto: DPA) Teilen Sie jetzt: Jetzt teilen: Berlin - Die Bahn muss sich "
           "erklären.", {}),
    ("de", "Schulaustausch\nJetzt teilen:\n\nJetzt teilen:\n\nMainz - Viele Schüler waren "
           "im Ausland.", {}),
    # a sentence that goes on after its colon keeps its "now"
    ("de", "Die Lage ist jetzt: ernst, aber stabil.", {"jetzt": "PRESENT_REF"}),
])
def test_now_in_a_page_label_is_no_time(lang: str, text: str,
                                        expected: dict[str, str]) -> None:
    assert _found(text, lang, _day(2020, 3, 20)) == expected


def test_english_page_labels(nlp_en) -> None:  # type: ignore[no-untyped-def]
    # news-clusters rows 217 (a gadget site's list heading) and 344 (a video player)
    got = _parsed(nlp_en, "Trending Right Now:\nHow to take advantage of the battery "
                  "program.", date(2018, 1, 2))
    assert got == {}
    got = _parsed(nlp_en, "Watch the video\nNow Playing:\nOn late Saturday morning, the "
                  "plane landed.", date(2018, 1, 2))
    assert "Now" not in got
    # row 281: a quoted sentence, not a label
    got = _parsed(nlp_en, "Simon said in a statement. “Now I know: it feels a little "
                  "unsettling.”", date(2018, 2, 6))
    assert got == {"Now": "PRESENT_REF"}


def test_a_day_of_the_year_takes_the_years_ago_of_its_clause(nlp_en) -> None:  # type: ignore[no-untyped-def]
    # news-clusters rows 65 (Washington Post) and 349, papers of 29-30 December 2017 on
    # Berlin's safe zone: the Cologne assaults of New Year's Eve 2015
    got = _parsed(nlp_en, "After mass sexual assaults occurred on New Year's Eve in several "
                  "German cities two years ago, Berlin officials now work on prevention.",
                  date(2017, 12, 30))
    assert got["New Year's Eve"] == "2015-12-31" and got["two years ago"] == "2015"
    got = _parsed(nlp_en, "The special measures come after assaults were carried out at "
                  "Cologne’s New Year’s Eve celebrations two years ago.", date(2017, 12, 29))
    assert got["New Year’s Eve"] == "2015-12-31"
    got = _parsed(nlp_en, "He was arrested on Dec. 3 in Texas three years ago.",
                  date(2017, 12, 30))
    assert got["Dec. 3"] == "2014-12-03"
    # a verb between them: the years ago date another event
    got = _parsed(nlp_en, "She will celebrate on New Year's Eve the deal signed two years "
                  "ago.", date(2017, 12, 30))
    assert got["New Year's Eve"] == "2017-12-31"
    # row 65's caption: the same day with its year says which New Year's Eve; a date of
    # another day names another event
    got = _parsed(nlp_en, "Riot police officers take their positions near the Hauptbahnhof "
                  "before New Year's Eve celebrations on Dec. 31, 2016, in Cologne, Germany.",
                  date(2017, 12, 30))
    assert got["New Year's Eve"] == "2016-12-31"
    got = _parsed(nlp_en, "Police prepared for New Year's Eve after the attack on Dec. 19, "
                  "2016.", date(2017, 12, 30))
    assert got["New Year's Eve"] == "2017-12-31"
