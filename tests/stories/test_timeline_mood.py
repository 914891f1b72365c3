"""Imperatives date no event of the timeline and are no summary sentence: the
analysis keeps each sentence's mood from its parse (``analyze.mood``,
``Sentence.imperative``) and the views read it (session 19, #19; session 18
parsed again at view time).

Text from news-clusters (../shared/data/news-clusters) as published: NPR's
Cologne New Year's Eve interview (2016-01-06), the Washington Post's January
sky calendar (2017-12-30), the Angola satellite and Berlin safe zone stories;
one SemEval-2022 task 8 training text (a city's release quoted); an rt.com
article of news-clusters read from the shared folder (a teaser closing it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from veille.core.model import Analysis, DateRange
from veille.core.records import analysis_from_dict

from .conftest import day_article

INTERVIEW = (
    "NPR's Berlin correspondent, Soraya Sarhaddi Nelson, joined us for more. Good morning.\n"
    "SORAYA SARHADDI NELSON, BYLINE: Good morning, Renee.\n"
    "MONTAGNE: Take us through what happened that night.\n"
    "NELSON: The largest number of attacks happened in Cologne."
)
CALENDAR = (
    "Down-to-Earth events:\n"
    "●Jan. 20 — “How Massive Can Stars Be?” is a talk by Mike Corcoran, NASA senior research "
    "scientist, at the University of Maryland’s Observatory, College Park. View the night sky "
    "afterward, weather permitting. 8 p.m. astro.umd.edu.\n"
    "●Friday — “2018 Observing Highlights,” a talk by astronomer Elizabeth Warner, at the "
    "University of Maryland’s Observatory, College Park. Afterward, enjoy winter’s spectacular "
    "night skies, weather permitting. 8 p.m. Astro.umd.edu.\n"
    "Earth reaches aphelion (farthest from the sun) in July. They remain close for a few days, "
    "then slowly break apart, and the waning crescent moon joins the pair Jan. 11."
)
STATEMENTS = (
    "Contact has been lost with Angola's first satellite, AngoSat-1, which was launched on "
    "Tuesday from the Baikonur spaceport in Kazakhstan with a Zenit carrier rocket. "
    "Still, authorities there have taken more preventative measures since, this year "
    "adding the safe zone. \"Please be patient and keep a safe distance behind working snow "
    "plows,\" the city said in a release Tuesday."
)


def _analyse(text: str, day: str) -> Analysis:
    from veille.analyze.pipeline import analyze_one

    d = date.fromisoformat(day)
    return analyze_one("a", text, "en", DateRange(d, d, "day"))


def _moods(an: Analysis) -> dict[str, bool]:
    return {s.text: s.imperative for s in an.sentences}


@pytest.fixture(scope="module")
def calendar() -> Analysis:
    an = _analyse(CALENDAR, "2017-12-30")
    if not any(s.imperative for s in an.sentences):
        pytest.skip("no English spaCy pipeline with a parser")
    return an


def test_prompts_and_advice_are_imperatives(calendar: Analysis) -> None:
    moods = _moods(calendar)
    assert moods["View the night sky afterward, weather permitting. 8 p.m. astro.umd.edu."]
    assert moods["Afterward, enjoy winter’s spectacular night skies, weather permitting. "
                 "8 p.m. Astro.umd.edu."]
    assert [k for k, v in moods.items() if v] == [
        "View the night sky afterward, weather permitting. 8 p.m. astro.umd.edu.",
        "Afterward, enjoy winter’s spectacular night skies, weather permitting. 8 p.m. "
        "Astro.umd.edu."]
    interview = _moods(_analyse(INTERVIEW, "2016-01-06"))
    # the speaker label and the prompt are one sentence (a colon the parser cut after is
    # no sentence end); the label holds no verb, so the mood is the prompt's
    assert [k for k, v in interview.items() if v] == [
        "MONTAGNE: Take us through what happened that night."]


def test_statements_are_not(calendar: Analysis) -> None:
    # a verb a subject joins elsewhere, a clause on a word that is a verb too,
    # a quoted imperative that is the object of the sentence's verb
    moods = _moods(calendar)
    assert not any(v for k, v in moods.items() if k.startswith(("Earth reaches", "They remain")))
    an = _analyse(STATEMENTS, "2017-11-30")
    assert len(an.sentences) == 3 and not any(s.imperative for s in an.sentences)


def test_an_older_analysis_reads_as_no_imperative(calendar: Analysis) -> None:
    data: dict[str, Any] = calendar.to_dict()
    assert any(s["imperative"] for s in data["sentences"])
    for s in data["sentences"]:
        del s["imperative"]
    assert not any(s.imperative for s in analysis_from_dict(data).sentences)


def test_timeline_leaves_the_imperatives_out(calendar: Analysis) -> None:
    from veille.stories.view import build_story_view

    art = day_article("a", CALENDAR, "washingtonpost.com", "2017-12-30", "en")
    lines = [e.sentence for e in build_story_view([art], [calendar], {}).timeline]
    assert lines, "the calendar's statements are dated"
    assert not any("weather permitting" in s for s in lines)
    # the same article analysed before the mood was kept: the advice was a line
    old = calendar.to_dict()
    for s in old["sentences"]:
        s["imperative"] = False
    before = [e.sentence for e in build_story_view([art], [old], {}).timeline]
    assert any("weather permitting" in s for s in before)


TEASER_UID = "e34a730f623b082df45ddd250ffafa52910331205942e02d5014d5e1"  # rt.com, 2017-11-27
TEASER = "Find out what Hadley Heath Manning has to say about it."


def _teaser_story(shared: Any) -> tuple[dict[str, Any], Analysis]:
    import json

    for line in (shared / "news-clusters" / "news_cluster.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        if rec["id"] == TEASER_UID:
            break
    else:
        pytest.skip("news-clusters record absent")
    art = day_article(TEASER_UID, rec["text"], "www.rt.com", "2017-11-27", "en",
                      title=rec.get("title"))
    return art, _analyse(rec["text"], "2017-11-27")


def test_summary_leaves_the_imperatives_out_in_a_build_and_an_update(
        calendar: Analysis, shared_data: Any) -> None:
    from veille.stories.sources import independence_keys
    from veille.stories.summary_update import resummarize
    from veille.stories.view import _article, build_story_view

    art, an = _teaser_story(shared_data)
    assert _moods(an)[TEASER]
    view = build_story_view([art], [an], {}).to_dict()
    assert view["summary"] and TEASER not in [s["text"] for s in view["summary"]]
    # the fact's member carries the bit, so an update's summary chooses as the build did
    assert any(m["imperative"] for f in view["facts"] for m in f["members"] if m["text"] == TEASER)
    keys = independence_keys([_article(art)])
    again = resummarize(view, view["facts"], set(), keys, None)
    assert TEASER not in [s["text"] for s in again]
    # before the mood was kept, the teaser was a summary sentence
    old = an.to_dict()
    for s in old["sentences"]:
        s["imperative"] = False
    assert TEASER in [s.text for s in build_story_view([art], [old], {}).summary]
