"""Session 19 (issue #17): an amount times its scale word is the decimal the text wrote.

Sentences after news-clusters rows 125 and 172 (Goldman Sachs' fourth quarter, AP) and a
SemEval German page (Destatis' exports), read in the session's quantity read check.
"""

from __future__ import annotations

import pytest

from veille.analyze.quantities import extract_quantities


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("en", "It had been expected to post fourth-quarter net income of $2.07 billion.",
     2_070_000_000.0),  # was 2069999999.9999998
    ("de", "Die Exporte in die EU-Staaten sanken auf 273,1 Milliarden Euro.",
     273_100_000_000.0),  # was 273100000000.00003
    ("fr", "La dette atteint 1,1 milliard d'euros.", 1_100_000_000.0),
])
def test_scaled_amounts_are_the_decimals_written(lang: str, text: str, value: float) -> None:
    got = [q.value for q in extract_quantities(text, [], lang)]
    assert got == [value]
    assert repr(got[0]) == repr(value)


def test_a_number_glued_to_letters_and_a_number_is_a_name(nlp_en) -> None:  # type: ignore[no-untyped-def]
    # news-clusters row 109 (The Inquirer): the Apple news site, not nine readers
    text = "In a verified email sent to a 9to5Mac reader, Apple's marketing chief replied."
    assert extract_quantities(text, [], "en", nlp_en(text)) == []


@pytest.mark.parametrize(("lang", "text", "value"), [
    # news-clusters rows 93, 119, 136, 187, 259 (a lensing galaxy): a distance, it was the
    # age or the count of "years"
    ("en", "This galaxy is located 3.8 billion light years away.", 3.8e9),
    ("en", "The quasar lies some 3.8 billion light-years from Earth.", 3.8e9),
    ("fr", "La galaxie se trouve à 13 milliards d'années-lumière.", 1.3e10),
])
def test_light_years_are_a_length(lang: str, text: str, value: float) -> None:
    got = [(q.value, q.unit, q.kind, q.si_unit) for q in extract_quantities(text, [], lang)]
    assert got == [(value, "ly", "measure", "m")]
