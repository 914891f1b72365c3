"""Session-6 quantity forms (#17): ratios, collective numerals, cents, unit senses, ages.

Sentences are written in the style of the news the extractor reads (casualty
counts, polls, prices); each test states what must and must not be read.
"""

from __future__ import annotations

import pytest

from veille.analyze.quantities import extract_quantities
from veille.core.model import Quantity


def q(text: str, lang: str = "fr", **kw: bool) -> list[Quantity]:
    return extract_quantities(text, [], lang, **kw)


def test_scale_then_half_is_a_fraction_of_the_scale() -> None:
    (x,) = q("Deux millions et demi de personnes ont fui le pays.")
    assert x.value == 2_500_000 and x.noun == "personnes"
    (y,) = q("Le plan coûte deux milliards et demi d'euros.")
    assert (y.value, y.unit, y.kind) == (2_500_000_000, "EUR", "money")


def test_ratio_words_make_a_fraction() -> None:
    (x,) = q("Un Français sur trois a voté pour lui.")
    assert x.value == pytest.approx(1 / 3) and x.noun == "Français"
    (y,) = q("Three out of four voters said so.", "en")
    assert y.value == pytest.approx(0.75) and y.noun == "voters"
    # not a share: the numerator is larger, or the denominator is a year
    assert [v.value for v in q("il y a douze sur dix", keep_bare=True)] == [12, 10]
    assert q("He won one in 2016.", "en") == []


def test_collective_numerals_are_approximate_counts() -> None:
    a, b = q("Une trentaine de morts et une vingtaine de blessés.")
    assert (a.value, a.noun, a.approximate) == (30, "morts", True)
    assert (b.value, b.approximate) == (20, True)
    assert q("Des dizaines de milliers de manifestants.") == []  # vague: no number stated


def test_cents_are_money_in_hundredths() -> None:
    (x,) = q("The price could rise as much as 75 cents per gallon.", "en")
    assert (x.value, x.unit, x.high) == (0.75, "USD", 0.75)


def test_unit_word_sense_from_the_sentence() -> None:
    (hot,) = q("La température a atteint 24 degrés à Lyon.")
    assert hot.unit == "°C"
    (turn,) = q("Le gouvernement a fait un virage à 180 degrés.")
    assert turn.unit == "°"
    (money,) = q("Le club a payé 25 millions de livres.")
    assert money.unit == "GBP"
    (weight,) = q("Le colis pèse 25 livres.")
    assert weight.unit == "lb"


def test_unit_after_the_second_number_is_both_numbers() -> None:
    a, b = q("Trump beat Cruz, 35 to 12 percent, in the state.", "en")
    assert (a.value, a.unit, b.value, b.unit) == (35, "percent", 12, "percent")
    # a name's number ("Cruz 35") is left out, the rest of the match is read again
    assert [x.text for x in q("Trump beat Cruz 35 to 12 percent.", "en")] == ["12 percent"]


def test_number_before_month_is_a_date_even_without_time_pass() -> None:
    assert q("le 4 mai", keep_bare=True, skip_times=False) == []


def test_powers_and_indian_grouping() -> None:
    (p,) = q("2,5^-1", keep_bare=True, skip_times=False)
    assert p.value == pytest.approx(0.4)
    (i,) = q("The result is 12,34,567.89", "en", keep_bare=True)
    assert i.value == pytest.approx(1234567.89)
    (lakh,) = q("The state gave 13 lakh rupees.", "en")
    assert lakh.value == 1_300_000


@pytest.mark.slow
def test_parse_driven_one_ages_and_odd(nlp_en: object) -> None:
    def run(text: str) -> list[Quantity]:
        return extract_quantities(text, [], "en", doc=nlp_en(text))  # type: ignore[operator]

    (one,) = run("Since 1976, just one candidate has won both states.")
    assert (one.value, one.noun) == (1, "candidate")
    assert run("At one point he said it would be one hell of a way to lose.") == []
    (age,) = run("Croydon resident Hannah Collier, 23, said it was raining.")
    assert (age.value, age.kind) == (23, "age")
    (compound,) = run("Taking to Instagram, the 29-year-old singer thanked fans.")
    assert (compound.value, compound.kind) == (29, "age")
    (odd,) = run("It meant a lot for the 100-odd humans on board.")
    assert (odd.value, odd.noun, odd.approximate) == (100, "humans", True)
    (crew,) = run("The crew of seven was the largest to fly.")
    assert crew.value == 7


def test_minus_before_a_temperature_and_metres_after_a_number() -> None:
    (cold,) = q("Il fera moins cinq degrés demain.")
    assert (cold.value, cold.unit) == (-5, "°C")
    (bound,) = q("Au moins 5 morts.")
    assert (bound.value, bound.low, bound.high) == (5, 5, None)  # a bound, not -5
    (tall,) = q("Il mesure 1,80 m.")
    assert (tall.value, tall.unit) == (1.8, "m")
    (money,) = q("The firm lost $5m last year.", "en")
    assert (money.value, money.unit) == (5_000_000, "USD")
    assert q("Quinze jours plus tard, il est parti.") == []  # a duration, not "15 or more"
