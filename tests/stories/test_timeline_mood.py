"""Imperatives date no event of the timeline (session 18, #19).

Sentences from news-clusters (../shared/data/news-clusters) as published: the
Cologne New Year's Eve interview (2016-01), the Washington Post's January
sky calendar (2017-12-29), the Berlin safe zone and the Angola satellite
stories. The verdicts come from the
configured English pipeline's parse (``stories.mood``).
"""

from __future__ import annotations

import pytest

from veille.core.model import TimeRef
from veille.stories.mood import imperatives
from veille.stories.timeline import _imperative_units
from veille.stories.units import Unit

IMPERATIVES = [
    "Take us through what happened that night.",
    "View the night sky afterward, weather permitting. 8 p.m. astro.umd.edu.",
    "Afterward, enjoy winter's spectacular night skies, weather permitting. 8 p.m. "
    "Astro.umd.edu.",
]
# statements opening on a word that is also a verb, or on a verb form
STATEMENTS = [
    "Still, authorities there have taken more preventative measures since, this year "
    "adding the safe zone.",
    "Earth reaches aphelion (farthest from the sun) in July.",
    "Contact has been lost with Angola's first satellite, AngoSat-1, which was launched on "
    "Tuesday from the Baikonur spaceport in Kazakhstan with a Zenit carrier rocket.",
    "Asked about the failures, President Vladimir Putin's spokesman Dmitry Peskov said "
    "Thursday that they warrant a thorough analysis of the situation.",
    "They remain close for a few days, then slowly break apart, and the waning crescent moon "
    "joins the pair Jan. 11.",
    # SemEval-2022 task 8 training texts (../shared/data/semeval2022-task8): a quoted
    # imperative is the object of the sentence's verb
    "\"Please be patient and keep a safe distance behind working snow plows,\" the city said "
    "in a release Tuesday.",
]


@pytest.fixture(scope="module")
def english() -> None:
    if imperatives(["Take us through what happened that night."], "en") == [False]:
        pytest.skip("no English spaCy pipeline with a parser and lemmatiser tables")


def test_prompts_and_advice_are_imperatives(english: None) -> None:
    assert imperatives(IMPERATIVES, "en") == [True] * len(IMPERATIVES)


def test_statements_are_not(english: None) -> None:
    assert imperatives(STATEMENTS, "en") == [False] * len(STATEMENTS)


def test_language_without_pipeline_keeps_every_line() -> None:
    assert imperatives(IMPERATIVES[:1], "xx") == [False]
    assert imperatives(IMPERATIVES[:1], None) == [False]


def _unit(k: int, text: str, day: str | None) -> Unit:
    t = TimeRef(text="Jan. 20", start=0, end=0, sentence=k, range_start=day, range_end=day,
                granularity="day")
    return Unit(idx=k, article=0, uid="a", sentence=k, start=0, end=len(text), text=text,
                language="en", times=[t])


def test_only_dated_imperatives_are_left_out(english: None) -> None:
    units = [_unit(0, IMPERATIVES[1], "2018-01-20"), _unit(1, STATEMENTS[1], "2018-07-01"),
             _unit(2, IMPERATIVES[0], None)]  # no resolved date: never parsed, never a line
    assert _imperative_units(units) == {0}
