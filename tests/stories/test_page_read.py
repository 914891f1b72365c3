"""What a journalist reading a story page found wrong (session 9), on real text.

Each test names the page it was read on; the fixes are general (a sentence's
shape, the article's own structure), not the words of these pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from veille.analyze.pipeline import analyze_batch
from veille.core.model import DateRange
from veille.stories.timeline import dated_sentence
from veille.stories.view import build_story_view

from .conftest import day_article


def _view(day: str, *articles: tuple[str, str, str]) -> dict[str, Any]:
    arts = [day_article(uid, text, source, day, "en") for uid, source, text in articles]
    d = date.fromisoformat(day)
    ans = analyze_batch([(a["uid"], a["text"], "en", DateRange(d, d, "day")) for a in arts])
    return build_story_view(arts, ans, {}).to_dict()


def test_the_seed_caption_is_no_dated_event(seed_view: dict[str, Any]) -> None:
    """The seed 004 glues a photo caption to a sentence ("..., Un missile
    balistique RS-24 Yars ... traverse la Place Rouge de Moscou en mai (Photo:
    AP)"): its "en mai" dates the picture, not an event of the story."""
    assert not any("Place Rouge" in e["sentence"] for e in seed_view["timeline"])
    assert any(e["date"] == "2023-07-07/2023-07-08" for e in seed_view["timeline"])


def test_a_one_word_partial_quote_is_no_statement() -> None:
    """rt.com's Costa Rica crash article (news-clusters 5ec29f9d): 'confirmed
    the deaths of "multiple" Americans' listed « multiple » as a statement of
    the State Department."""
    view = _view("2018-01-14", ("a", "rt.com",
                                'The US State Department also confirmed the deaths of "multiple" '
                                "Americans in the tragic incident. \"We are in utter shock and "
                                'disbelief right now," his sister wrote on Facebook.'))
    quotes = [q["text"] for sp in view["speakers"] for q in sp["quotes"]]
    assert "multiple" not in quotes
    assert any("utter shock" in q for q in quotes)


def test_a_question_is_no_summary_sentence() -> None:
    """rt.com's page of news-clusters story 82 (a54fd49a): its teaser asks
    "Is this a serious diplomatic opening or merely a ploy?", which was a
    summary sentence; a summary sentence states, it does not ask (CNN's
    question subheads did the same)."""
    text = ("It is being called the Olympic Truce. After months of over-the-top rhetoric, the "
            "two Koreas are talking again – the first time in two years. Is this a serious "
            "diplomatic opening or merely a ploy? South Korea appears to welcome this step.")
    view = _view("2018-01-14", ("a", "www.rt.com", text))
    assert view["summary"]
    assert not any(s["text"].rstrip().endswith("?") for s in view["summary"])


def test_a_dated_line_shows_the_sentence_that_gives_its_date() -> None:
    """news-clusters Costa Rica story: seven outlets say Laura Chinchilla's
    cousin was a pilot; one adds "who was president from 2010 to 2014". The
    2010 line showed a member without that date."""
    statement = "Former Costa Rican President Laura Chinchilla said via Twitter that Retana was her cousin."
    dated = ("Laura Chinchilla, who was president of Costa Rica from 2010 to 2014, said on "
             "Twitter that her cousin, one of the crew members, had died in the accident.")
    assert dated_sentence(statement, [dated]) == dated
    assert dated_sentence(statement, [dated, statement]) == statement


def test_a_question_dates_no_event() -> None:
    """NPR's transcript in news-clusters' Nice story (e951663c): the
    interviewer's question "... since the terrorist attacks of last November
    in Paris?" was the first line of the timeline (2015-11)."""
    text = ("SHAPIRO: I believe the Nice mayor has said that the truck was full of explosives. "
            "Can you just briefly tell us what the security situation in Nice has been since the "
            "terrorist attacks of last November in Paris?\n"
            "WALT: Well, like all of France, you know, France has been in a state of emergency "
            "since the attacks in Paris last November.")
    view = _view("2016-07-15", ("a", "www.npr.org", text))
    assert [e["date"] for e in view["timeline"]] == ["2015-11"]
    assert not any(e["sentence"].rstrip().endswith("?") for e in view["timeline"])


def test_a_question_several_outlets_ask_is_not_listed_as_corroborated(
        seed_view: dict[str, Any]) -> None:
    """CNN and the Washington Post both carry the subhead "What are the Panama
    Papers?" (news-clusters story 6): the page listed it first among the
    corroborated facts. It stays in the view's facts (the JSON contract), the
    page does not list it."""
    import copy

    from veille.stories.render import render_lines

    view = copy.deepcopy(seed_view)
    multi = [f for f in view["facts"] if f["n_sources"] > 1]
    assert multi
    multi[0]["statement"] = "What are the Panama Papers?"
    page = "\n".join(render_lines(view))
    assert "What are the Panama Papers?" not in page
    assert f"Corroborated facts ({len(multi) - 1})" in page
