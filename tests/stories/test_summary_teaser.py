"""An outlet presenting its own programme is no summary sentence (session 11, #19).

Sentences from news-clusters (../shared/data/news-clusters), as published:
npr.org's Nice story (2016-07-15) and Panama Papers story (2016-04), nfl.com's
Cardinals story (2018-01).
"""

from __future__ import annotations

from veille.stories.summary import names_own_outlet
from veille.stories.units import Unit


def _unit(text: str) -> Unit:
    return Unit(idx=0, article=0, uid="a", sentence=0, start=0, end=len(text), text=text,
                language="en")


def test_the_outlets_own_possessive_is_a_teaser() -> None:
    npr = {"a": {"key": "outlet:npr.org"}}
    assert names_own_outlet(_unit(
        "NPR's Ari Shapiro talks to Vivienne Walt, a reporter for Time Magazine in Paris, "
        "about the truck attack in Nice that left more than 70 people dead."), npr)
    assert names_own_outlet(_unit(
        "NPR's requests to speak with Panama's attorney general went unanswered."), npr)


def test_another_possessor_is_news() -> None:
    assert not names_own_outlet(_unit(
        "Fox's firing was first reported by NFL Network Insider Ian Rapoport."),
        {"a": {"key": "outlet:nfl.com"}})
    assert not names_own_outlet(_unit(
        "NPR's Ari Shapiro talks to Vivienne Walt about the truck attack in Nice."),
        {"a": {"key": "outlet:theguardian.com"}})
