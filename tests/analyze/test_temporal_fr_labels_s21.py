"""Session 21 (issue #17, numbers helper): period labels and English clock marks in
French text. French business pages write quarters and half-years as labels ("au T3
2019", "le chiffre d'affaires du S1 2020", "Q1 2018", "2019-H2"): only the year was
read, or nothing. Francophone pages in North America and agency copy write clocks with
the English marks ("à 4pm", "8 p.m."): nothing was read. Sentences written here in the
style of French news (not from any dev set).
"""

from __future__ import annotations

from datetime import date

from veille.analyze.temporal import extract_times
from veille.core.model import DateRange, TimeRef

_PAPER = date(2016, 11, 7)  # a Monday


def _found(text: str) -> dict[str, TimeRef]:
    ref = DateRange(_PAPER, _PAPER, "day")
    return {t.text: t for t in extract_times(text, [], ref, "fr")}


def test_quarter_and_half_labels_with_their_year() -> None:
    got = _found("Le chiffre d'affaires du T3 2019 a reculé de 4 %.")
    assert {(t.text, t.type, t.value) for t in got.values()} == {("T3 2019", "DATE", "2019-Q3")}
    got = _found("Au S1 2020, la marge a fondu.")
    assert {(t.text, t.value) for t in got.values()} == {("S1 2020", "2020-H1")}
    got = _found("Le groupe vise une reprise en 2019-H2, selon son directeur.")
    assert {(t.text, t.value) for t in got.values()} == {("2019-H2", "2019-H2")}
    got = _found("Les ventes ont augmenté du Q1 de 2017 au Q3 de 2018.")
    assert {(t.text, t.value) for t in got.values()} == {
        ("Q1 de 2017", "2017-Q1"), ("Q3 de 2018", "2018-Q3")}


def test_a_letter_label_without_its_year_is_no_date() -> None:
    # "un T3" is a three-room flat, "H1N1" a virus: no year beside them, no period
    assert _found("Il loue un T3 à Lyon depuis juin.").keys() == {"juin"}
    assert {t.value for t in _found("La grippe H1N1 a frappé en 2009.").values()} == {"2009"}


def test_a_label_word_with_its_number() -> None:
    got = _found("Les résultats du trimestre 3 2019 sont attendus.")
    assert {(t.text, t.value) for t in got.values()} == {("trimestre 3 2019", "2019-Q3")}


def test_english_clock_marks_in_french_text() -> None:
    got = _found("Le match commence à 4pm heure locale.")
    assert [(t.type, t.value) for t in got.values()] == [("TIME", "2016-11-07T16:00")]
    got = _found("La réunion est prévue chaque lundi à 8 p.m.")
    assert {t.value for t in got.values()} == {"XXXX-WXX-1T20:00"}
    # the 24-hour French clocks are unchanged
    got = _found("Le cortège partira à 14h.")
    assert {t.value for t in got.values()} == {"2016-11-07T14:00"}


def test_numeric_dates_with_a_month_word_or_spaces() -> None:
    got = _found("Le contrat a été signé le 23/sept./2020 à Paris.")
    assert {(t.text, t.value) for t in got.values()} == {("23/sept./2020", "2020-09-23")}
    got = _found("Date de naissance : 01/août/1979.")
    assert {t.value for t in got.values()} == {"1979-08-01"}
    got = _found("Formulaire daté du 18 08 1978, selon les archives.")
    assert {(t.text, t.value) for t in got.values()} == {("18 08 1978", "1978-08-18")}


def test_digit_pairs_of_a_telephone_number_are_no_date() -> None:
    assert _found("Appelez le 06 12 34 19 98 ou le 01 02 20 19 45.") == {}


def test_a_bare_hour_before_a_marked_clock_opens_its_range() -> None:
    got = _found("La permanence est ouverte de 5 à 7pm.")
    assert {(t.text, t.value) for t in got.values()} == {
        ("5", "2016-11-07T17:00"), ("7pm", "2016-11-07T19:00")}
    # the mark is the start's only when the start stays before the end
    got = _found("La permanence est ouverte de 10 à 12pm.")
    assert {(t.text, t.value) for t in got.values()} == {
        ("10", "2016-11-07T10:00"), ("12pm", "2016-11-07T12:00")}


def test_an_iso_week_by_its_number() -> None:
    got = _found("En semaine 12 de 2020, l'épidémie a progressé dans toutes les régions.")
    assert {(t.text, t.value) for t in got.values()} == {("semaine 12 de 2020", "2020-W12")}
    got = _found("Les ventes de la semaine 10 sont en hausse.")
    assert {(t.text, t.value) for t in got.values()} == {("la semaine 10", "2016-W10")}
    # a week of something, or a working week's length, is no ISO week
    assert _found("Lors de la semaine 4 du procès, l'accusé s'est tu.") == {}
    assert {t.value for t in _found("Il défend la semaine 35 heures.").values()} == {"PT35H"}
