"""Session 14 (issue #17, numbers helper): French day forms news write that were
misplaced on a timeline. A list of days of one month ("les 3 et 12 septembre") put its
two days in different years; "la nuit dernière" gave nothing; "la veille de Noël" was
the day before the last day the text named. Sentences written here in the style of
French news (not taken from any dev set).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from veille.analyze.temporal import extract_times
from veille.core.model import DateRange, TimeRef

_PAPER = date(2016, 11, 7)  # a Monday


def _found(text: str) -> dict[str, TimeRef]:
    ref = DateRange(_PAPER, _PAPER, "day")
    return {t.text: t for t in extract_times(text, [], ref, "fr")}


def test_days_of_one_list_share_their_year() -> None:
    for text, first in (("Le salon se tiendra les 3 et 12 septembre.", "les 3"),
                        ("Le salon se tiendra entre le 3 et le 12 septembre.", "le 3"),
                        ("Le salon s'est tenu le 3 et le 12 septembre.", "le 3")):
        got = _found(text)
        a, b = got[first].value or "", got["12 septembre"].value or ""
        assert a[:4] == b[:4], text
        assert a[5:] == "09-03" and b[5:] == "09-12"
    # a year said once at the end is both days'
    got = _found("Le salon se tiendra les 3 et 12 septembre 2017.")
    assert got["les 3"].value == "2017-09-03"


def test_last_night_is_the_night_before_the_paper() -> None:
    assert _found("La nuit dernière, la police a arrêté un homme.")[
        "La nuit dernière"].value == "2016-11-06TNI"
    assert _found("Il a beaucoup neigé la nuit passée.")["la nuit passée"].value == \
        "2016-11-06TNI"
    # the last night of a period is not last night
    assert not _found("La nuit dernière de l'année, les rues étaient pleines.")


def test_eve_and_day_after_count_from_the_day_named() -> None:
    got = _found("La veille de Noël, la famille s'est réunie.")
    assert got["La veille de Noël"].value == "2015-12-24"
    got = _found("Le lendemain du 3 mars, la police a perquisitionné.")
    assert got["Le lendemain du 3 mars"].value == "2016-03-04"
    got = _found("La veille au soir du 3 mars, la police a perquisitionné.")
    assert got["La veille au soir du 3 mars"].value == "2016-03-02TEV"
    # a day named in the sentence before still anchors a bare "le lendemain"
    got = _found("Le 3 mars, la police est venue. Le lendemain, elle a perquisitionné.")
    assert got["Le lendemain"].value == "2016-03-04"


def test_about_so_many_days_or_years() -> None:
    # "une quinzaine de jours", "une dizaine d'années" gave nothing
    got = _found("Il y a une quinzaine de jours, le texte a été voté.")
    assert got["Il y a une quinzaine de jours"].value == "2016-10-23"
    got = _found("Il y a une dizaine d'années, le texte a été voté.")
    assert got["Il y a une dizaine d'années"].value == "2006"
    got = _found("Dans une dizaine de jours, le texte sera voté.")
    assert got["une dizaine de jours"].value == "2016-11-17"
    got = _found("Le texte sera voté d'ici une quinzaine de jours.")
    assert got["une quinzaine de jours"].value == "P15D"
    # a hundred people is no time
    assert not _found("Une centaine de personnes ont été évacuées.")


def test_part_of_a_named_day(nlp_fr: Any) -> None:
    # "dans la soirée du 3 mars" was the paper's evening and, apart, a 3 March the
    # verb's tense did not reach (the date complements "soirée", not the verb)
    text = "Dans la soirée du 3 mars, la police était mobilisée."
    got = {t.text: t for t in extract_times(text, [], DateRange(_PAPER, _PAPER, "day"), "fr",
                                            [(0, nlp_fr(text))])}
    assert got["la soirée du 3 mars"].value == "2016-03-03TEV"
    assert _found("Il a plu dans la nuit du 3 au 4 mars 2016.")[
        "la nuit du 3 au 4 mars 2016"].value == "2016-03-03TNI"
    assert _found("Il est arrivé dans la matinée du 3 mars 2016.")[
        "la matinée du 3 mars 2016"].value == "2016-03-03TMO"
    # a night over more than two days is no one night
    got = _found("Il a plu dans la nuit du 3 au 8 mars 2016.")
    assert got["la nuit"].value != "2016-03-03TNI"


def test_a_clock_hour_takes_the_half_its_part_of_day_names() -> None:
    # "ce soir à 8 heures" was 08:00: the evening's match in the morning
    assert _found("Le match aura lieu ce soir à 8 heures.")["8 heures"].value == \
        "2016-11-07T20:00"
    assert _found("Le match a eu lieu mardi soir à 7h30.")["7h30"].value == "2016-11-01T19:30"
    assert _found("Le match aura lieu samedi après-midi à 3 heures.")["3 heures"].value == \
        "2016-11-12T15:00"
    got = _found("Le match aura lieu à 8 heures du soir.")
    assert got["8 heures du soir"].value == "2016-11-07T20:00"
    # what the part leaves on the dial stays: a night's small hours, an evening's 22h,
    # a morning
    assert (_found("Il a été arrêté cette nuit à 2 heures.")["2 heures"].value
            or "").endswith("T02:00")
    assert _found("Le match aura lieu ce soir à 22 heures.")["22 heures"].value == \
        "2016-11-07T22:00"
    assert _found("Le train part demain matin à 8 heures.")["8 heures"].value == \
        "2016-11-08T08:00"
    assert _found("Il est arrivé à 5 heures du matin.")["5 heures du matin"].value == \
        "2016-11-07T05:00"



def test_midday_after_a_day_and_a_numeric_date_before_a_list() -> None:
    # "jeudi midi" was Thursday (the midday dropped)
    assert _found("Le conseil se réunira jeudi midi.")["jeudi midi"].value == \
        "2016-11-10TMI"
    assert _found("Le conseil s'est réuni jeudi après-midi.")["jeudi après-midi"].value == \
        "2016-11-03TAF"
    assert _found("Le conseil s'est réuni hier midi.")["hier midi"].value == "2016-11-06TMI"
    # the month of "20/11" opened the list "11, 12 novembre"
    got = _found("Connaissez-vous la date ? Le 20/11, 12 novembre ?")
    assert "11, 12 novembre" not in got and got["12 novembre"].value == "2016-11-12"


def test_weekly_sets_keep_their_part_of_day() -> None:
    # "tous les mardis soir" was every Tuesday (the evening dropped)
    assert _found("Le conseil se réunit tous les mardis soir.")[
        "tous les mardis soir"].value == "XXXX-WXX-2TEV"
    assert _found("Le marché a lieu chaque samedi matin.")[
        "chaque samedi matin"].value == "XXXX-WXX-6TMO"
    got = _found("Il joue tous les mardis soir à 8 heures.")
    assert got["tous les mardis soir à 8 heures"].value == "XXXX-WXX-2T20:00"
    # a daily set takes no part from the next word ("matin et soir" is no one part)
    assert _found("Le conseil se réunit tous les jours matin et soir.")[
        "tous les jours"].value == "P1D"
