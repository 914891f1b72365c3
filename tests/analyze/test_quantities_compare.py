"""core.quantities: what makes two extracted quantities comparable (#17), on real forms."""

from __future__ import annotations

from veille.analyze.quantities import extract_quantities
from veille.analyze.quantities.compare import comparable as old_path
from veille.core.quantities import comparable, comparable_pair, overlap


def one(text: str, lang: str):  # type: ignore[no-untyped-def]
    (q,) = extract_quantities(text, [], lang)
    return q


def test_units_of_one_dimension_compare_across_languages() -> None:
    miles = one("The convoy drove more than 80 miles.", "en")
    km = one("Le convoi a parcouru 129 kilomètres.", "fr")
    assert comparable_pair(miles, km)
    assert overlap(miles, km)  # more than 128.7 km and 129 km can both be true
    assert old_path(miles) == comparable(miles)  # the old import path still works


def test_money_in_one_currency_only() -> None:
    usd = one("The fund raised $5 million.", "en")
    eur = one("Le fonds a levé 5 millions d'euros.", "fr")
    assert not comparable_pair(usd, eur)
    assert overlap(usd, eur) is None


def test_a_percentage_never_meets_a_count() -> None:
    pct = one("Il a obtenu 52 % des voix.", "fr")
    bounds = one("Plus de 200 soldats sont arrivés.", "fr")
    assert comparable(pct) is not None and comparable(pct).key.startswith("percent:")  # type: ignore[union-attr]
    assert not comparable_pair(pct, bounds)


def test_approximate_values_meet_within_the_tolerance() -> None:
    a = one("Environ 200 manifestants.", "fr")
    b = one("210 manifestants.", "fr")
    c = one("300 manifestants.", "fr")
    assert overlap(a, b) is False and overlap(a, b, 0.1) is True
    assert overlap(a, c, 0.1) is False


def test_a_position_is_not_a_distance_travelled() -> None:
    """"landed 730 miles east of Hokkaido" and "flew 1,677 miles" in two articles of one
    story are two distances, not a disagreement; two positions from one place compare."""
    flown, landed = extract_quantities(
        "The missile flew 1,677 miles and landed 730 miles east of Hokkaido.", [], "en")
    assert landed.anchor == "east of Hokkaido" and flown.anchor is None
    assert not comparable_pair(flown, landed)
    fr = one("Le missile est tombé à 1 180 km à l'est d'Hokkaido.", "fr")
    assert fr.anchor is not None and comparable(fr) is not None
    assert comparable_pair(one("It fell 50 km off Hokkaido.", "en"), landed)
    assert one("Le bateau a coulé à 30 km au large de la Libye.", "fr").anchor \
        == "au large de la Libye"
