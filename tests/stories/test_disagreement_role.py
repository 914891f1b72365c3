"""Counts of one noun disagree only when they measure the same thing.

Sentences from news-clusters (../shared/data/news-clusters), quoted short:
the missile story (nytimes.com 2017-08-28, thesun.co.uk 2017-08-29) gives
two distances, the landing point and the distance flown, both in miles; the
Mazar-i-Sharif story (theguardian.com, bbc.com 2016-11-11) gives two tolls
of the same attack.
"""

from __future__ import annotations

from veille.core.model import Quantity
from veille.stories.facts import same_role
from veille.stories.units import Unit


def _unit(text: str, surface: str, value: float, noun: str, uid: str) -> Unit:
    start = text.index(surface)
    q = Quantity(text=surface, start=start, end=start + len(surface), sentence=0, value=value,
                 noun=noun)
    return Unit(idx=0, article=0, uid=uid, sentence=0, start=0, end=len(text), text=text,
                language="en", quantities=[q])


def test_two_distances_are_not_one_measure() -> None:
    landed = _unit("the government confirmed that the missile was fired at 5:58 a.m. local time, "
                   "before breaking into three pieces and landing about 730 miles off the coast "
                   "of Cape Erimo on Hokkaido", "730 miles", 730, "miles", "nyt")
    flown = _unit("The missile travelled around 1,677 miles before it broke into three pieces "
                  "and landed in the sea off the east coast of Hokkaido, according to NHK.",
                  "1,677 miles", 1677, "miles", "sun")
    assert not same_role(landed, flown, "mile")


def test_two_tolls_of_one_attack_are_one_measure() -> None:
    four = _unit("A Taliban suicide bomber rammed a car packed with explosives into a wall around "
                 "the German consulate, killing at least four civilians and wounding scores of "
                 "other people", "four civilians", 4, "civilians", "guardian")
    six = _unit("A suicide bomber has rammed a truck into a German consulate in Afghanistan, "
                "killing at least six civilians and wounding 120, officials said.",
                "six civilians", 6, "civilians", "bbc")
    assert same_role(four, six, "civilian")


def test_quote_renderings_worded_differently_or_excerpts() -> None:
    """Renderings of one statement by two outlets (news-clusters quotes)."""
    from veille.stories.quote_matching import worded_differently

    # excerpts cut at different places are one wording (indiewire.com / bbc.com)
    assert not worded_differently(
        "It was Uma's suggestion. To just wrap the thing around her neck, and choke her",
        "to just wrap the thing around her neck, and choke her. Not forever, not for a long time")
    # spelling and abbreviation variants are one wording (Reuters / thesun.co.uk,
    # dailymail.co.uk / usatoday.com)
    assert not worded_differently("The U.S. should know that it can neither browbeat the DPRK",
                                  "The US should know that it can neither browbeat the DPRK")
    assert not worded_differently(
        "Initial indications suggest that the tram was travelling at a significantly higher speed",
        "The derailment occurred on the curve and initial indications suggest that the tram was "
        "traveling at a significantly higher speed")
    # different words inside the shared wording, or different endings, are two wordings
    assert worded_differently("did not accord with the facts.", "do not accord with facts.")
    assert worded_differently("This is just bad, just stupid", "This is just mad")


def test_contractions_and_symbols_are_one_wording() -> None:
    """Renderings of one statement that differ by a contraction or by a
    symbol written as its word (news-clusters: Chris Hughes on the ocean
    'smoke rings', Sarah Silverman's tweet) are one wording; a word changed
    inside the shared wording still makes two (Quentin Tarantino, two outlets)."""
    from veille.stories.quote_matching import elided, worded_differently

    assert not worded_differently(
        "I've looked at other areas of other oceans but I've only seen them in the oceans "
        "around Australia",
        "I have looked at other areas of other oceans but I have only seen them in the oceans "
        "around Australia")
    assert not worded_differently("The great @michaelsheen & I consciously uncoupled over Christmas.",
                                  "The great Michael Sheen and I consciously uncoupled over Christmas.")
    assert worded_differently(
        "I didn't force her into the car. She got into it because she trusted me.",
        "I didn't force her into the car. She got into the car because she trusted me.")
    assert elided("dont", "donot") and elided("cant", "cannot")
    # another word, not the same one shortened
    assert not elided("said", "hassaid") and not elided("is", "was")

