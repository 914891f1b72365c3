"""Session 17 (issue #17, numbers helper): how long and how often, said with numbers
French news write. "1,5 h" and "1.5h" gave nothing (the hour symbol was read only as a
clock, and no clock has a decimal); "une réunion semestrielle", "les résultats
trimestriels" gave nothing where "mensuel" and "annuel" are sets. Sentences written here
in the style of French news (not from any dev set).
"""

from __future__ import annotations

from datetime import date

from veille.analyze.temporal import extract_times
from veille.core.model import DateRange, TimeRef

_PAPER = date(2016, 11, 7)  # a Monday


def _found(text: str) -> dict[str, TimeRef]:
    ref = DateRange(_PAPER, _PAPER, "day")
    return {t.text: t for t in extract_times(text, [], ref, "fr")}


def test_a_decimal_before_the_hour_symbol_is_how_long() -> None:
    got = _found("Il a fallu 2,5 h aux pompiers pour maîtriser le feu.")
    assert {(t.type, t.value) for t in got.values()} == {("DURATION", "PT2H30M")}
    got = _found("La panne a duré 1.5h selon l'opérateur.")
    assert {(t.type, t.value) for t in got.values()} == {("DURATION", "PT1H30M")}


def test_a_whole_hour_before_the_symbol_stays_a_clock_or_a_label() -> None:
    # the hour symbol after a whole number is what time it is, with or without "environ"
    assert {t.value for t in _found("Le suspect a été interpellé à environ 13h.").values()} == {
        "2016-11-07T13:00"}
    assert {t.value for t in _found("Le cortège partira jeudi à 14h.").values()} == {
        "2016-11-10", "2016-11-10T14:00"}
    # "2019-H2" is a half year's label, never 2,019 hours
    assert all(t.type != "DURATION" for t in _found("Les ventes du 2019-H2 ont chuté.").values())


def test_half_yearly_and_quarterly_are_sets() -> None:
    got = _found("Le conseil tient une réunion semestrielle à Bruxelles.")
    assert {(t.text, t.type, t.value) for t in got.values()} == {("semestrielle", "SET", "P6M")}
    got = _found("La banque publie ses résultats trimestriels.")
    assert {(t.text, t.type, t.value) for t in got.values()} == {("trimestriels", "SET", "P3M")}
    got = _found("Le rapport est publié semestriellement.")
    assert {(t.type, t.value) for t in got.values()} == {("SET", "P6M")}


def test_the_part_of_a_week_or_month_named_without_article_keeps_its_relative() -> None:
    """"en fin de semaine dernière" was this week's end (the relative was left out of the
    short form, while "la fin de la semaine dernière" had it)."""
    got = _found("Les deux hommes ont été interpellés en fin de semaine dernière.")
    assert {(t.text, t.value, t.mod) for t in got.values()} == {
        ("fin de semaine dernière", "2016-W44", "END")}
    got = _found("Le texte sera examiné en début de semaine prochaine.")
    assert {(t.value, t.mod) for t in got.values()} == {("2016-W46", "START")}
    got = _found("La loi entrera en vigueur début d'année prochaine.")
    assert {(t.value, t.mod) for t in got.values()} == {("2017", "START")}
    # no relative: the period told in, as before
    got = _found("Des heurts ont éclaté en fin de semaine, selon la préfecture.")
    assert {(t.value, t.mod) for t in got.values()} == {("2016-W45", "END")}


def test_the_nth_weekday_of_a_month_is_that_day() -> None:
    """"le premier lundi de septembre" was the Monday nearest the paper (7 November) and
    September apart; "le dernier dimanche de mai" the Sunday before the paper."""
    got = _found("Le scrutin aura lieu le premier lundi de septembre.")
    assert {(t.text, t.value) for t in got.values()} == {
        ("premier lundi de septembre", "2017-09-04")}
    got = _found("Le tournoi se termine le troisième jeudi de novembre 2019.")
    assert {t.value for t in got.values()} == {"2019-11-21"}
    got = _found("La réunion se tiendra le deuxième mardi du mois prochain.")
    assert {t.value for t in got.values()} == {"2016-12-13"}
    got = _found("La braderie ouvrira le dernier vendredi soir de ce mois.")
    assert {t.value for t in got.values()} == {"2016-11-25TEV"}
    # a month without that many Mondays names no day
    assert "2019-03-04" not in {t.value for t in _found(
        "Rien n'est prévu le cinquième lundi de février 2019.").values()}
    # "du mois" with no relative is mostly a habit: not pinned to this month's day
    assert "premier lundi du mois" not in _found(
        "Le conseil se réunit le premier lundi du mois.")


def test_a_weekday_range_runs_forward_within_a_week() -> None:
    """"du lundi au vendredi" in a Monday paper, told in the past, was Monday the 7th (that
    very day) to Friday the 4th: each weekday was resolved alone. A range's start after
    its end moves one week back, as a month range's start moves one year back."""
    got = _found("Les grévistes ont bloqué l'usine du lundi au vendredi.")
    assert [got[k].value for k in ("lundi", "vendredi")] == ["2016-10-31", "2016-11-04"]
    got = _found("Les grévistes bloqueront l'usine du lundi au vendredi.")
    assert [got[k].value for k in ("lundi", "vendredi")] == ["2016-11-07", "2016-11-11"]
    # not a range: two weekdays apart keep their own days
    got = _found("Il est venu lundi. Vendredi, il est reparti.")
    assert {t.value for t in got.values()} == {"2016-11-07", "2016-11-04"}


def test_ago_with_an_exact_or_barely_amount_is_a_date() -> None:
    """"Il y a tout juste un an" was the duration "un an" (the modifier between "il y a"
    and the amount broke the rule); so were "à peine", "exactement"."""
    got = _found("Il y a tout juste un an, Paris était frappé par des attentats.")
    assert {(t.type, t.value) for t in got.values()} == {("DATE", "2015")}
    got = _found("Il y a à peine deux semaines, il annonçait sa candidature.")
    assert {(t.type, t.value) for t in got.values()} == {("DATE", "2016-10-24")}
    got = _found("La crise dure depuis presque trois ans.")
    assert {(t.type, t.value, t.mod) for t in got.values()} == {("DURATION", "P3Y", "LESS_THAN")}
