"""Session 15 (issue #17, numbers helper): French day forms news write that were lost
or misplaced. "Le 20/11," and "le 20/11." gave nothing (a comma or full stop after
the date was taken for a decimal); "les 3/4 des Français" was the 3rd of April;
"vendredi 12/05" put the Friday and the 12th of May in different weeks; "le 15 du mois
prochain" lost its day. Sentences written here in the style of French news (not taken
from any dev set).
"""

from __future__ import annotations

from datetime import date

from veille.analyze.temporal import extract_times
from veille.core.model import DateRange, TimeRef

_PAPER = date(2016, 11, 7)  # a Monday


def _found(text: str) -> dict[str, TimeRef]:
    ref = DateRange(_PAPER, _PAPER, "day")
    return {t.text: t for t in extract_times(text, [], ref, "fr")}


def test_numeric_day_and_month_before_punctuation() -> None:
    assert _found("Le 20/11, les manifestants ont défilé.")["20/11"].value == "2016-11-20"
    assert _found("La manifestation est prévue le 20/11.")["20/11"].value == "2016-11-20"
    # a decimal or a longer numeric form is no day and month
    assert "20/11" not in _found("Le ratio est passé à 20/11,5 cette année.")
    assert not any(k.startswith("3/4") for k in _found("Le score final est 3/4.5 ce soir."))


def test_fraction_after_a_plural_determiner_is_no_date() -> None:
    for text in ("Les 3/4 des Français sont contre la réforme.",
                 "Le texte a été adopté aux 2/3 des voix.",
                 "Des 2/3 des élus, aucun n'est venu."):
        assert not _found(text), text


def test_weekday_before_a_numeric_date_picks_the_year() -> None:
    got = _found("La réunion est prévue vendredi 12/05 à Paris.")
    assert got["vendredi 12/05"].value == "2017-05-12"  # a Friday; 12/05/2016 was a Thursday
    got = _found("Le scrutin a eu lieu dimanche 6/11 dans tout le pays.")
    assert got["dimanche 6/11"].value == "2016-11-06"
    # a weekday that fits no year around the paper leaves the date as the tense puts it
    got = _found("La réunion est prévue mardi 7/06 à Paris.")
    assert got["mardi 7/06"].value == "2016-06-07"


def test_day_of_a_relative_month() -> None:
    assert _found("Il reviendra le 15 du mois prochain.")[
        "le 15 du mois prochain"].value == "2016-12-15"
    assert _found("La réunion aura lieu le 21 de ce mois.")[
        "le 21 de ce mois"].value == "2016-11-21"
    assert _found("Le texte a été voté le 3 du mois dernier.")[
        "le 3 du mois dernier"].value == "2016-10-03"
    # "suivant" counts from the month just told, not from the paper
    got = _found("Le 23 mai, il est parti. Le 3 du mois suivant, il est revenu.")
    assert got["Le 3 du mois suivant"].value == "2016-06-03"
    # a day that month lacks is no date (November has 30)
    assert "le 31 de ce mois" not in _found("Il reviendra le 31 de ce mois.")


def test_years_past_2099_after_a_preposition() -> None:
    # climate news: "d'ici 2100" gave nothing (years stopped at 2099)
    assert _found("D'ici 2100, le niveau de la mer pourrait monter d'un mètre.")[
        "2100"].value == "2100"
    assert _found("D'ici à 2100, la mer montera.")["2100"].value == "2100"
    assert _found("Le bail prendra fin en 2150.")["2150"].value == "2150"
    ref = DateRange(_PAPER, _PAPER, "day")
    got = {t.text: t.value for t in extract_times("Sea levels could rise a metre by 2100.",
                                                   [], ref, "en")}
    assert got == {"2100": "2100"}
    # with no preposition, or before a counted noun, such a number is a count
    for text in ("Près de 2150 manifestants ont défilé.", "Des 2150 manifestants, aucun n'est venu.",
                 "Le CAC 40 a fini à 2150 points.", "Il a payé 2150 euros."):
        assert not _found(text), text
