"""Session 21 (issue #17, numbers helper): read check of quantities (news-clusters rows
262-271, French TimeBank dev documents outside the gold). "more than a million
migrants" (rows 180, 264, 271) lost its bound: the article before the scale word was not
the number's, so "more than" did not reach it (1,000,000 exact); "a crowd of young men
between the ages of 18 and 35" (row 271, NPR) was one age, 18. Sentences after those
rows; the French ones written in the style of French news.
"""

from __future__ import annotations

from datetime import date

from veille.analyze.quantities import extract_quantities
from veille.analyze.temporal import extract_times
from veille.core.model import DateRange


def _q(text: str, lang: str) -> list[tuple[str, float | None, float | None, str | None, str]]:
    return [(q.text, q.low, q.high, q.modifier, q.kind) for q in extract_quantities(text, [], lang)]


def test_a_bound_before_an_article_and_a_scale_word() -> None:
    got = _q("Merkel opened Germany's doors to more than a million migrants.", "en")
    assert got == [("more than a million migrants", 1_000_000.0, None, "more_than", "count")]
    got = _q("Nearly a million people fled the fighting.", "en")
    assert got == [("Nearly a million people", 1_000_000.0, 1_000_000.0, "approx", "count")]
    # the article alone is the number's too
    assert _q("He gave a million dollars.", "en")[0][0] == "a million dollars"


def test_an_age_range_after_between_the_ages_of() -> None:
    got = _q("It was a crowd of about 1,000 young men between the ages of 18 and 35.", "en")
    assert ("between the ages of 18 and 35", 18.0, 35.0, None, "age") in got
    assert _q("The victims, aged between 18 and 35, were hurt.", "en") == [
        ("between 18 and 35", 18.0, 35.0, None, "age")]


def test_french_ages_between_two_bounds_are_no_durations() -> None:
    ref = DateRange(date(2016, 11, 7), date(2016, 11, 7), "day")
    for text in ("Des jeunes entre 18 et 35 ans ont été interpellés.",
                 "Les victimes avaient entre 18 et 35 ans."):
        assert extract_times(text, [], ref, "fr") == []
        assert [(q.low, q.high, q.kind) for q in extract_quantities(text, [], "fr")] == [
            (18.0, 35.0, "age")]
    # "il y a entre 3 et 5 ans" is when, never an age
    assert extract_times("Il est parti il y a entre 3 et 5 ans.", [], ref, "fr") != []


def test_a_possessor_is_not_what_is_counted(nlp_en) -> None:  # type: ignore[no-untyped-def]
    # news-clusters row 262 (AP, Falcon Heavy): two boosters, not two "Heavy"
    text = "Two of the Heavy’s boosters are recycled; they have flown before."
    assert [q.noun for q in extract_quantities(text, [], "en", nlp_en(text))] == ["boosters"]
    text = "Three of Trump's advisers resigned on Friday."
    assert [q.noun for q in extract_quantities(text, [], "en", nlp_en(text))] == ["advisers"]
