"""A summary avoids the lines the furniture detector was unsure of when clean
sentences can stand in (session 15, #19).

Sentences from news-clusters (../shared/data/news-clusters), as published:
the AP caption at the top of the Carson Palmer page (2018-01), the Washington
Post's Delta bird story (2017-12) and its "Read more" list.
"""

from __future__ import annotations

import numpy as np

from veille.core.views import Fact, UnitRef
from veille.stories.similarity import StoryVectors
from veille.stories.summary import SUSPECT_FURNITURE, build_summary, prefer_clean
from veille.stories.units import Unit

CAPTION = ("FILE - In this Dec. 20, 2015, file photo, Arizona Cardinals quarterback Carson "
           "Palmer throws against the Philadelphia Eagles during the first half of an NFL "
           "football game in Philadelphia.")
PROSE = [
    "On late Saturday morning, a bird flew out of the cold Detroit sky, across an airfield "
    "and into the cockpit of a jetliner bound south for Atlanta.",
    "The ticket agent laughed at this. It seemed funny to Perry, too, at that point.",
    "An hour later, Perry was still sitting in a grounded airplane, watching winter birds "
    "flit around outside his window.",
    "There was some talk that morning of moving everyone to a different plane, but, "
    "eventually, the pilot announced that the bird must have left.",
    "The plane took off again in the early afternoon. Perry made it to his speech, and "
    "Buonassissi made his connection.",
    "“The bird was safely removed and set free,” the spokesman wrote.",
]


def _units(texts: list[str], scores: list[float]) -> list[Unit]:
    return [Unit(idx=i, article=i, uid=f"a{i}", sentence=0, start=0, end=len(t), text=t,
                 language="en", furniture_score=s)
            for i, (t, s) in enumerate(zip(texts, scores, strict=True))]


def test_a_suspect_gives_way_to_enough_clean_sentences_of_similar_relevance() -> None:
    units = _units([CAPTION, *PROSE], [0.49] + [0.05] * len(PROSE))
    cands = [(i, i, 1.0 if i == 0 else 0.8) for i in range(len(units))]
    kept = prefer_clean(units, cands, 5)
    assert [c[1] for c in kept] == list(range(1, len(units)))
    # a suspect far more relevant than the clean sentences stays
    far = [(0, 0, 1.0)] + [(i, i, 0.3) for i in range(1, len(units))]
    assert prefer_clean(units, far, 5)[0] == (0, 0, 1.0)
    # and so does one the summary needs to be full
    assert len(prefer_clean(units[:4], cands[:4], 5)) == 4


def test_under_the_lower_threshold_nothing_changes() -> None:
    units = _units([CAPTION, *PROSE], [SUSPECT_FURNITURE - 0.01] + [0.0] * len(PROSE))
    cands = [(i, i, 1.0) for i in range(len(units))]
    assert prefer_clean(units, cands, 5) == cands


def _fact(i: int, members: list[int], units: list[Unit]) -> Fact:
    ref = UnitRef(article=units[members[0]].uid, sentence=0, start=0, end=1,
                  text=units[members[0]].text, caption=False, language="en")
    return Fact(statement=units[members[0]].text, representative=ref, n_sources=len(members),
                sources=[f"s{m}" for m in members], articles=[units[m].uid for m in members],
                members=[ref], entities=[], id=f"F{i}", units=members)


def test_a_fact_stated_by_a_caption_and_by_prose_is_shown_in_its_prose() -> None:
    """The same event as a caption (scored 0.45, under the verdict) and as a
    sentence of another page: the summary quotes the sentence."""
    texts = [PROSE[0], PROSE[0].replace("On late Saturday morning, a", "A"), *PROSE[1:]]
    units = _units(texts, [0.45, 0.02] + [0.02] * (len(PROSE) - 1))
    facts = [_fact(0, [0, 1], units)] + [_fact(k, [k + 1], units) for k in range(1, len(PROSE))]
    vectors = StoryVectors([u.text for u in units])
    keys = {u.uid: {"key": f"outlet:{u.uid}.com"} for u in units}
    central = np.ones(len(units))
    central[0] = 2.0  # the caption is the more central wording of the fact
    out = build_summary(units, vectors, central, facts, keys, "en", n=3)
    first = next(s for s in out if s.fact == "F0")
    assert first.article == "a1"
