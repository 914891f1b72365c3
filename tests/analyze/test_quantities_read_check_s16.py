"""Quantity forms found wrong on reading unseen news (#17, session 16 read check: 11
news-clusters rows and 8 SemEval-2022 task 8 texts, none in the quantity gold nor read
before; ``random.Random(1616)``).
"""

from __future__ import annotations

from typing import Any

from veille.analyze.quantities import extract_quantities


def _got(nlp: Any, text: str, lang: str = "en") -> list[tuple[str, float | None, str]]:
    return [(q.text, q.value, q.kind) for q in extract_quantities(text, [], lang, doc=nlp(text))]


def test_ages_in_a_list_closed_by_semicolons(nlp_en: Any) -> None:
    # news-clusters row 77 (nytimes.com, Costa Rica plane crash): the victims' ages after
    # their names, each closed by a semicolon, were counts of nothing
    text = ("Bruce M. Steinberg, 50, and Irene G. Steinberg, 51; and their sons, Zachary J. "
            "Steinberg, 19; William A. Steinberg, 18; and Matthew B. Steinberg, 13.")
    assert [(v, k) for _, v, k in _got(nlp_en, text)] == [
        (50.0, "age"), (51.0, "age"), (19.0, "age"), (18.0, "age"), (13.0, "age")]
    # a count before a semicolon stays a count
    assert _got(nlp_en, "Police arrested 51 people; most were released.")[0][2] == "count"


def test_a_duration_with_further_is_no_age(nlp_en: Any) -> None:
    # news-clusters row 127 (edition.cnn.com, Nice attack): "be extended for three further
    # months" was an *age* of three months (the time grammar did not read "further")
    assert _got(nlp_en, "The state of emergency will be extended for three further months.") == []
    assert _got(nlp_en, "Fighting went on for two extra days.") == []


def test_a_name_the_parse_hangs_on_its_number(nlp_en: Any) -> None:
    # news-clusters row 68 (sciexaminer.com, Chinese lunar missions): "when Chang’e 3 was
    # launched" counted 3 (the parse makes the name a compound of the number)
    assert _got(nlp_en, "In 2013, when Chang’e 3 was launched, it became famous.") == []
    assert _got(nlp_en, "Two Falcon 9 rockets flew.") == [("Two Falcon 9 rockets", 2.0, "count")]
