"""Counts of one thing under two nouns ("troops" / "soldiers"), session 11 (#19).

Sentences from news-clusters (../shared/data/news-clusters): the Mazar-i-Sharif
story (theguardian.com, independent.co.uk, bbc.com 2016-11-10/11) and the
Chibok story (2016-10-13), quoted as published unless said otherwise, run
through the quantity extractor. Nouns are compared by the word vectors of the
packaged English pipeline (en_core_web_md), not by a list.
"""

from __future__ import annotations

import pytest

from veille.analyze.quantities import extract_quantities
from veille.stories.facts import _agree, other_noun_pairs, quantity_keys
from veille.stories.noun_sense import noun_similarity, same_noun
from veille.stories.units import Unit


def _unit(text: str) -> Unit:
    return Unit(idx=0, article=0, uid="x", sentence=0, start=0, end=len(text), text=text,
                language="en", quantities=extract_quantities(text, [], "en"))


def _pairs(a: str, b: str) -> list[tuple[str, str]]:
    u, v = _unit(a), _unit(b)
    return other_noun_pairs(u, v, quantity_keys(u), quantity_keys(v))


@pytest.fixture(scope="module", autouse=True)
def _vectors() -> None:
    if noun_similarity("troops", "soldiers", "en") is None:
        pytest.skip("the English pipeline with word vectors is not installed")


def test_nouns_that_count_the_same_people() -> None:
    assert same_noun("troops", "soldiers", "en")
    assert same_noun("girls", "schoolgirls", "en")


def test_nouns_that_count_other_people() -> None:
    assert not same_noun("soldiers", "civilians", "en")
    assert not same_noun("victims", "people", "en")
    assert not same_noun("men", "women", "en")


def test_a_base_and_a_country_are_two_counts() -> None:
    base = ("Germany, which leads the Nato-led Resolute Support mission in northern "
            "Afghanistan, has about 850 soldiers at a base on the outskirts of Mazar-i-Sharif.")
    country = "Germany has nearly 1,000 troops stationed in the country."
    assert _pairs(base, country) == []


def test_a_bound_met_by_a_figure_is_no_disagreement() -> None:
    bound = ("More than 270 girls were taken from their boarding school in the town of "
             "Chibok in April 2014.")
    figure = ("They are the first of 276 schoolgirls captured from a boarding school in the "
              "town of Chibok in April 2014 to be released.")
    assert _pairs(bound, figure) == []
    assert _agree({(270.0, None)}, {(276.0, 276.0)})


def test_two_tallies_at_least_disagree() -> None:
    assert not _agree({(4.0, None)}, {(6.0, None)})


def test_one_count_told_with_another_noun_disagrees() -> None:
    # the second sentence is the first as another outlet could word it: the
    # number and the noun changed (no such pair in the corpus states two values)
    first = "Germany has nearly 1,000 troops stationed in the country."
    second = "Germany has about 1,200 soldiers stationed in the country."
    assert _pairs(first, second) == [("troop", "soldier")]


def test_a_statement_counting_both_nouns_keeps_them_apart() -> None:
    # constructed: one statement counting both nouns
    both = "The bomber killed 4 soldiers and 6 troops stationed at the consulate."
    one = "The bomber killed 9 soldiers stationed at the consulate."
    assert ("troop", "soldier") not in _pairs(both, one)


def test_a_question_two_outlets_ask_is_flagged_not_a_fact_they_state() -> None:
    # the subhead two outlets of the Panama Papers story share (news-clusters)
    from veille.stories.facts import build_facts
    from veille.stories.similarity import StoryVectors

    texts = ["What are the Panama Papers?", "What are the Panama Papers?",
             "The Panama Papers are 11.5 million leaked documents from Mossack Fonseca."]
    units = [Unit(idx=k, article=k, uid=f"a{k}", sentence=0, start=0, end=len(t), text=t,
                  language="en") for k, t in enumerate(texts)]
    keys = {u.uid: {"key": f"outlet:{u.uid}"} for u in units}
    vectors = StoryVectors(texts)
    asked, _ = build_facts(units, [[0, 1]], vectors, keys, "en")
    stated, _ = build_facts(units, [[0, 1, 2]], vectors, keys, "en")
    assert asked[0].question and asked[0].n_sources == 2
    assert not stated[0].question
