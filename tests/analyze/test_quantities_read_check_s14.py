"""Quantity forms found wrong on reading unseen news (#17, session 14 read check:
10 news-clusters rows and 18 SemEval-2022 task 8 French texts, none in the quantity
gold nor read before).
"""

from __future__ import annotations

from typing import Any

from veille.analyze.quantities import extract_quantities


def _got(nlp: Any, text: str, lang: str = "en") -> list[tuple[str, float | None, str]]:
    return [(q.text, q.value, q.kind) for q in extract_quantities(text, [], lang, doc=nlp(text))]


def test_a_social_post_age_is_an_age_not_a_count(nlp_en: Any) -> None:
    # news-clusters (Seattle sex-buying story quoting a tweet): "14yo girl who sent her
    # boyfriend an explicit photo" was a count of 14 girls
    got = _got(nlp_en, "14yo girl who sent her boyfriend an explicit photo may face jail.")
    assert got[0][:2] == ("14yo", 14.0) and got[0][2] == "age"
    got = _got(nlp_en, "The 15 y/o boy was arrested on Friday.")
    assert got[0][:2] == ("15 y/o", 15.0) and got[0][2] == "age"
    # "yo" as a word is no age, and a count beside it stays a count
    assert _got(nlp_en, "She said yo to him and left with 14 friends.") == [
        ("14 friends", 14.0, "count")]


def test_an_age_group_with_a_bound_is_an_age_not_a_duration(nlp_fr: Any) -> None:
    # probed forms: "les enfants de moins de 10 ans" was the duration "less than ten
    # years" (time extractor), so no quantity at all
    got = extract_quantities("Les enfants de moins de 10 ans entrent gratuitement.", [], "fr",
                             doc=nlp_fr("Les enfants de moins de 10 ans entrent gratuitement."))
    assert [(q.kind, q.low, q.high) for q in got] == [("age", None, 10.0)]
    text = "Les femmes de plus de 50 ans sont concernées par le dépistage."
    got = extract_quantities(text, [], "fr", doc=nlp_fr(text))
    assert [(q.kind, q.low, q.high) for q in got] == [("age", 50.0, None)]
    # seniority and a stay are no ages
    for text in ("Les salariés de plus de 20 ans d'ancienneté sont concernés.",
                 "Il a vécu plus de 20 ans en France."):
        assert not [q for q in extract_quantities(text, [], "fr", doc=nlp_fr(text))
                    if q.kind == "age"], text


def test_tout_au_plus_after_the_noun_is_an_upper_bound(nlp_fr: Any) -> None:
    text = "Il y avait 300 personnes tout au plus devant la mairie."
    got = extract_quantities(text, [], "fr", doc=nlp_fr(text))
    assert [(q.text, q.low, q.high) for q in got] == [("300 personnes tout au plus", None, 300.0)]


def test_en_deca_de_is_an_upper_bound(nlp_fr: Any) -> None:
    # probed: "en deçà de 20" was the exact number 20
    text = "Le taux de chômage est resté en deçà de 3 % cette année."
    got = extract_quantities(text, [], "fr", doc=nlp_fr(text))
    assert [(q.text, q.low, q.high) for q in got] == [("en deçà de 3 %", None, 3.0)]
