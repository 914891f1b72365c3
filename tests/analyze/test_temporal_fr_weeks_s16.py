"""Session 16 (issue #17, numbers helper): French weeks, clocks and named days news write
that were misread. "la dernière semaine de juillet" was the whole month, "la première
semaine de 2015" the whole year; "lundi 13h00" was Monday the 13th (of February);
"la fête du Travail" gave nothing (French capitalises the name's distinctive word, not
its first); "à 8 h et vingt minutes" was 08:00 and twenty minutes long. Sentences
written here in the style of French news (not from any dev set).
"""

from __future__ import annotations

from datetime import date

from veille.analyze.temporal import extract_times
from veille.core.model import DateRange, TimeRef

_PAPER = date(2016, 11, 7)  # a Monday


def _found(text: str) -> dict[str, TimeRef]:
    ref = DateRange(_PAPER, _PAPER, "day")
    return {t.text: t for t in extract_times(text, [], ref, "fr")}


def _values(text: str) -> set[str | None]:
    return {t.value for t in _found(text).values()}


def test_nth_week_of_a_month_is_its_iso_week() -> None:
    # the week whose Thursday is in the month (ISO's rule for a year's first week)
    assert _values("Il est venu la dernière semaine de juillet.") == {"2016-W30"}
    assert _values("Il viendra la dernière semaine de juillet.") == {"2017-W30"}
    assert _values("Les soldes commencent la deuxième semaine de janvier 2017.") == {"2017-W02"}
    # 1 September 2017 is a Friday: the first week with its Thursday in September
    assert _values("Il partira la première semaine de septembre 2017.") == {"2017-W36"}
    assert _values("La 1ère semaine d'octobre 2017 sera chargée.") == {"2017-W40"}


def test_nth_week_of_a_year() -> None:
    assert _values("La première semaine de 2015 a été chaude.") == {"2015-W01"}
    assert _values("La dernière semaine de 2019 a été calme.") == {"2019-W52"}
    assert _values("La dernière semaine de l'année prochaine.") == {"2017-W52"}


def test_week_of_something_else_is_no_date() -> None:
    assert not _found("La troisième semaine de la compétition a été rude.")
    assert not _found("La dernière semaine de grève a coûté cher.")


def test_clock_after_a_weekday_is_no_day_of_the_month() -> None:
    got = _found("Le rendez-vous est fixé lundi 13h00 à la mairie.")
    assert "lundi 13" not in got
    assert got["13h00"].value == "2016-11-07T13:00"
    # the day of the month is still read where no clock follows
    assert _found("Le conseil se réunira jeudi 17 à la mairie.")["jeudi 17"].value.endswith("-17")


def test_french_named_day_with_its_distinctive_word_capitalised() -> None:
    assert _values("Ils ont défilé pour la fête du Travail.") == {"2016-05-01"}
    # all in lower case it names no day of a calendar (any party, any labour)
    assert not _found("Ils ont fait la fête du travail accompli.")
    assert not _found("Ils ont défilé pour la fête nationale.")


def test_minutes_joined_to_a_clock_hour() -> None:
    # "à 8 h et vingt minutes" was 08:00 and a duration of twenty minutes
    assert _values("Il est arrivé à 8 h et vingt minutes.") == {"2016-11-07T08:20"}
    got = _found("Le soleil se couchera demain à sept heures et vingt-sept minutes.")
    assert got["sept heures et vingt-sept minutes"].value == "2016-11-08T07:27"
    # how long stays how long
    assert _values("Il a attendu deux heures et vingt minutes.") == {"PT2H", "PT20M"}
    assert _values("Pendant 3 heures et 10 minutes, il a parlé.") == {"PT3H", "PT10M"}


def test_bare_hours_of_a_range_after_a_day_are_its_clocks() -> None:
    # "le 17 de 14 à 16" gave the day alone (the clock rules need an "h" on one end)
    got = _found("La mairie sera fermée le 17 de 14 à 16.")
    assert (got["14"].value, got["16"].value) == ("2016-11-17T14:00", "2016-11-17T16:00")
    got = _found("La réunion aura lieu demain, entre 9 et 11.")
    assert (got["9"].value, got["11"].value) == ("2016-11-08T09:00", "2016-11-08T11:00")
    # not without a day before, nor before a unit, nor a range running backwards
    assert not _found("Il a marqué de 14 à 16.")
    assert set(_found("Le 17 de 14 à 16 ans les enfants jouent.")) == {"Le 17"}
    assert set(_found("La mairie sera fermée le 17 de 16 à 14.")) == {"le 17"}


def test_hours_ago_count_whole_days_back() -> None:
    # "il y a 48 heures" was the paper's own day
    assert _values("Il a été arrêté il y a 48 heures.") == {"2016-11-05"}
    assert _values("Il a été arrêté il y a 24 heures.") == {"2016-11-06"}
    assert _values("Il a été arrêté il y a trois heures.") == {"2016-11-07"}
