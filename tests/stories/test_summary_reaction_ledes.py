"""A lede that reports a reaction to the story's event is not a restatement of
another outlet's lede (issue #19, session 20).

Ledes from news-clusters (../shared/data/news-clusters), as published: the
Berlin New Year's Eve "safe zone" story (thesun.co.uk and nytimes.com,
2017-12-29/30) and the Broadcom bid for Qualcomm (japantimes.co.jp and
uk.reuters.com, 2018-02-06). The two-ledes test (``summary.ledes_restate``)
dropped the police union's criticism as a restatement of the safe zone
(sessions 18 and 19)."""

from __future__ import annotations

from datetime import date
from typing import Any

from veille.analyze.pipeline import analyze_batch
from veille.core.model import DateRange
from veille.core.records import StoredArticle
from veille.stories.summary import reacts_apart
from veille.stories.summary_update import resummarize
from veille.stories.units import Unit, build_units, stance_speakers
from veille.stories.view import build_story_view

from .conftest import day_article

SAFE_ZONE = ("PARTYGOERS in Berlin will see a \u201csafe zone\u201d for women set up at New "
             "Year\u2019s Eve celebrations for the first time ever.")
CRITICISM = ("BERLIN \u2014 A German police union boss has criticized organizers of Berlin's "
             "annual open-air New Year's Eve party for designating a special \"safety area\" for "
             "women, saying it suggests they aren't safe from assault elsewhere.")
BID_JT = ("Broadcom raised its bid for rival computer chipmaker Qualcomm on Monday to $121 "
          "billion, offering the richest-ever takeover effort in the tech sector in an effort to "
          "become the dominant player in the fast-growing market for connected devices.")
BID_REUTERS = ("(Reuters) - Broadcom Ltd made a $121 billion \u201cbest and final offer\u201d on "
               "Monday to acquire Qualcomm Inc, ratcheting up pressure on its U.S. semiconductor "
               "peer to engage in talks on what would be the biggest ever technology acquisition.")
ARTICLES = {"sun": ("www.thesun.co.uk", "2017-12-29", SAFE_ZONE),
            "nyt": ("www.nytimes.com", "2017-12-30", CRITICISM),
            "jt": ("www.japantimes.co.jp", "2018-02-06", BID_JT),
            "reu": ("uk.reuters.com", "2018-02-06", BID_REUTERS)}


def _analysed(*uids: str) -> tuple[list[dict[str, Any]], list[Any]]:
    arts = [day_article(u, ARTICLES[u][2], ARTICLES[u][0], ARTICLES[u][1], "en") for u in uids]
    ans = analyze_batch([(a["uid"], a["text"], "en",
                          DateRange(date.fromisoformat(a["published"]),
                                    date.fromisoformat(a["published"]), "day")) for a in arts])
    return arts, ans


def _lede_units(*uids: str) -> list[Unit]:
    arts, ans = _analysed(*uids)
    units, _ = build_units([StoredArticle.from_row(a) for a in arts], ans)
    return [next(u for u in units if u.article == k) for k in range(len(arts))]


def test_a_reaction_lede_is_apart_from_the_event_lede() -> None:
    safe, critic, jt, reu = _lede_units("sun", "nyt", "jt", "reu")
    # the criticism's content is the verb's object: the analysis' stance quote
    assert any("police union boss" in s for s in stance_speakers(critic))
    assert reacts_apart(safe, critic) and reacts_apart(critic, safe)
    # "Broadcom raised its bid": a stance of Broadcom's, but the other lede
    # names Broadcom: one event, the two-ledes test still decides
    assert not reacts_apart(jt, reu)


def test_the_full_build_keeps_both_ledes() -> None:
    arts, ans = _analysed("sun", "nyt")
    view = build_story_view(arts, ans, {}).to_dict()
    texts = [s["text"] for s in view["summary"]]
    assert any(t.startswith("PARTYGOERS") for t in texts)
    assert any("police union boss" in t for t in texts)
    # what an update needs of the quotes: the criticism's speaker, by article and offset
    assert view["stances"] == {"nyt": {"0": ["A German police union boss"]}}


def _pool_fact(fid: str, uid: str, text: str) -> dict[str, Any]:
    return {"id": fid, "statement": text, "articles": [uid], "sources": [f"outlet:{uid}"],
            "n_sources": 1, "languages": ["en"],
            "members": [{"article": uid, "sentence": 0, "start": 0, "end": len(text),
                         "text": text, "language": "en"}]}


def test_an_update_keeps_the_reaction_lede_as_a_full_build_does() -> None:
    """An update reads the stored members (no quotes): the view's ``stances``
    decide as a full build's quotes do."""
    from veille.stories.xlang import embed_texts

    def embed(texts: Any) -> Any:
        return embed_texts(texts)[0]

    def summary(stances: dict[str, Any] | None) -> list[str]:
        facts = [_pool_fact("F1", "sun", SAFE_ZONE), _pool_fact("F2", "nyt", CRITICISM)]
        view = {"articles": [{"uid": "sun", "title": None}, {"uid": "nyt", "title": None}],
                "summary": [{"fact": "F1"}], "languages": {"main": "en", "reader": "en"},
                "stances": stances}
        return [s["fact"] for s in resummarize(view, facts, {1}, {}, embed)]

    assert summary({"nyt": {"0": ["A German police union boss"]}}) == ["F1", "F2"]
    # without the stored speakers the two ledes read as one event (the test can fail)
    assert summary(None) == ["F1"]
