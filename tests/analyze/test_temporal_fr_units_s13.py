"""Session 13 (issue #17, numbers helper): French calendar units said with the relative
word before them ("le prochain trimestre", "la prochaine semaine") or with "à venir"
("le mois à venir") gave no time expression at all; halves of a year ("au premier
semestre 2019") gave only the year. Sentences written here in the style of French
business and political news (no dev set holds these forms: grepped in SemEval, French
TimeBank, news-clusters).
"""

from __future__ import annotations

import re
from datetime import date

from veille.analyze.temporal import extract_times
from veille.core.model import DateRange, TimeRef

_PAPER = date(2016, 11, 7)  # a Monday


def _found(text: str, language: str = "fr") -> dict[str, TimeRef]:
    ref = DateRange(_PAPER, _PAPER, "day")
    return {t.text: t for t in extract_times(text, [], ref, language)}


def test_relative_word_before_the_unit() -> None:
    got = _found("Le groupe prévoit une reprise des ventes dès le prochain trimestre.")
    assert got["le prochain trimestre"].value == "2017-Q1"
    got = _found("Les négociations reprendront la prochaine semaine à Bruxelles.")
    assert got["la prochaine semaine"].value == "2016-W46"
    got = _found("Le budget sera voté la prochaine année, selon le ministre.")
    assert got["la prochaine année"].value == "2017"


def test_a_venir_after_the_unit() -> None:
    got = _found("Le gouvernement doit présenter son plan dans le mois à venir.")
    assert got["le mois à venir"].value == "2016-12"
    got = _found("Aucune hausse des taux n'est attendue au cours de la semaine à venir.")
    assert got["la semaine à venir"].value == "2016-W46"


def test_plural_units_to_come_are_no_single_period() -> None:
    got = _found("Les prix devraient encore grimper dans les semaines à venir.")
    assert all(t.value != "2016-W46" for t in got.values())


def test_half_of_a_year_said() -> None:
    got = _found("Le chiffre d'affaires a reculé de 3 % au premier semestre 2019.")
    assert got["premier semestre 2019"].value == "2019-H1"
    got = _found("La croissance a ralenti au second semestre de l'an dernier.")
    assert got["second semestre de l'an dernier"].value == "2015-H2"
    got = _found("Les résultats du premier semestre de l'année sont attendus jeudi.")
    assert got["premier semestre de l'année"].value == "2016-H1"


def test_half_without_its_year_is_not_dated() -> None:
    # a school's or a club's semester: which year is not said
    got = _found("Les cours reprennent au second semestre.")
    assert not any("H2" in (t.value or "") for t in got.values())


def test_last_week_of_a_month_is_not_last_week() -> None:
    got = _found("Le festival aura lieu la dernière semaine de juillet.")
    assert all(t.value != "2016-W44" for t in got.values())


def test_english_half_unchanged() -> None:
    got = _found("Sales fell in the first half of 1990.", "en")
    assert got["the first half of 1990"].value == "1990-H1"


def test_bare_hour_opening_a_clock_range() -> None:
    # "de 14 à 16 heures", "entre 10 et 11h30": the first hour was lost
    got = _found("Les bureaux de vote resteront ouverts de 8 à 19 heures dimanche.")
    assert got["8"].value.endswith("T08:00") and got["19 heures"].value.endswith("T19:00")
    got = _found("La réunion s'est tenue entre 10 et 11h30 au ministère.")
    assert got["10"].value.endswith("T10:00") and got["11h30"].value.endswith("T11:30")


def test_a_range_of_hours_after_a_word_of_length_is_a_duration() -> None:
    # "dure entre 3 et 5 heures" was the clock time 05:00
    got = _found("Le trajet dure entre 3 et 5 heures selon la circulation.")
    assert not any(re.match(r"\d{4}-\d\d-\d\dT", t.value or "") for t in got.values())
    assert got["5 heures"].value == "PT5H"


def test_a_day_range_is_no_clock() -> None:
    got = _found("Le festival se tient du 9 au 12 juin.")
    assert not any(re.match(r"\d{4}-\d\d-\d\dT", t.value or "") for t in got.values())


def test_a_month_range_runs_forward() -> None:
    # each end was resolved alone: in a November paper "mi-mars" was next March and "fin
    # septembre" this September; "de mars à ce jour" started in a March still to come
    got = _found("La saison s'étend entre la mi-mars et la fin septembre.")
    assert got["mi-mars"].value == "2016-03" and got["fin septembre"].value == "2016-09"
    got = _found("Les ventes ont chuté de mars à ce jour.")
    assert got["mars"].value == "2016-03"


def test_a_range_across_the_new_year_and_a_list_unchanged() -> None:
    got = _found("Le chantier durera de décembre à février.")
    assert got["décembre"].value == "2016-12" and got["février"].value == "2017-02"
    # two months listed, no range: each keeps its own resolution
    got = _found("Des élections auront lieu en mars et en septembre.")
    assert got["mars"].value == "2017-03"
