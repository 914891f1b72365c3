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


@pytest.mark.parametrize("text", [
    # news-clusters rows 168 and 158 (NFL): a team's wins and losses after "a"/"an"
    "The Texans closed out a 4-12 season and the Raiders finished with a 6-10 record.",
    "He compared his record in 2016 with an 8-8 record in 2017.",
    # rows 168 and 22: without an article too (a range counts plural things)
    "The Browns stay despite their 0-16 season, and the Bears fired Fox after 5-11 season.",
    # row 145 (SpaceX): a model's name
    "SpaceX boasts a Heavy could lift a 737 into orbit, passengers, luggage and all.",
])
def test_a_number_after_an_indefinite_article_counts_nothing(nlp_en, text: str) -> None:  # type: ignore[no-untyped-def]
    assert extract_quantities(text, [], "en", nlp_en(text)) == []


def test_an_article_before_amounts_that_count(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = ("That leaves him with a 12 point lead, a 5-10 percent rise, a 3-5 year sentence "
            "and a 10-15 cars pileup after 4-5 child deaths.")
    got = {q.text: (q.value, q.value_max) for q in extract_quantities(text, [], "en",
                                                                      nlp_en(text))}
    assert got == {"12 point lead": (12.0, None), "5-10 percent": (5.0, 10.0),
                   "3-5 year sentence": (3.0, 5.0), "10-15 cars pileup": (10.0, 15.0),
                   "4-5 child deaths": (4.0, 5.0)}
