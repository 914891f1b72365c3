"""The summary does not state one event twice in other words (#18).

On real news (news-clusters, the 12 reports of the December 2017 Costa Rica
plane crash, from 8 outlets) and against the labelled pairs of
tests/data/summary_redundancy/ (threshold set on their ``tune`` part; the
figures asserted are those of the ``held-out`` part, with a small margin)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from .conftest import day_article

REPO = Path(__file__).resolve().parents[2]
EVENT = "new_york_family_of_5_among_12_killed_in_costa_rica_plane_crash"


def _evaluator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "summary_redundancy_eval", REPO / "tests" / "data" / "summary_redundancy" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def crash_articles(shared_data: Path) -> list[dict[str, Any]]:
    path = shared_data / "news-clusters" / "news_cluster.jsonl"
    if not path.exists():
        pytest.skip("../shared/data/news-clusters absent")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["story"] == EVENT:
            out.append(day_article(r["id"], r["text"], r["source"], r["published"][:10], "en",
                                   title=r["title"], url=r["url"]))
    assert len(out) == 12
    return out


def _same_event_pairs(texts: list[str], bar: float) -> int:
    from veille.stories.xlang import embed_texts

    v, _ = embed_texts(texts)
    sims = v @ v.T
    return int(((sims >= bar) & ~np.eye(len(texts), dtype=bool)).sum() // 2)


def test_summary_states_the_crash_once(crash_articles: list[dict[str, Any]]) -> None:
    from veille.stories.summary import SAME_LANGUAGE_REDUNDANT
    from veille.stories.view import build_story_view

    nones: list[Any] = [None] * len(crash_articles)
    before = build_story_view(crash_articles, nones, {}, cross_language=False)
    after = build_story_view(crash_articles, nones, {})
    assert len(after.summary) >= 4
    # without the encoder, several outlets' wordings of the crash itself fill the summary
    assert _same_event_pairs([s.text for s in before.summary], SAME_LANGUAGE_REDUNDANT) >= 1
    assert _same_event_pairs([s.text for s in after.summary], SAME_LANGUAGE_REDUNDANT) == 0
    # the crash is still stated, first, and cites several outlets' articles
    assert "crash" in after.summary[0].text
    assert len({c for s in after.summary for c in s.citations}) >= 4


def test_threshold_on_the_held_out_pairs(shared_data: Path) -> None:
    if not (shared_data / "news-clusters" / "news_cluster.jsonl").exists():
        pytest.skip("../shared/data/news-clusters absent: the pairs point into it")
    from veille.stories.summary import SAME_LANGUAGE_REDUNDANT

    ev = _evaluator()
    pairs = ev.load_pairs(shared_data / "news-clusters" / "news_cluster.jsonl")
    assert len(pairs) == 130 and all(p["text1"] and p["text2"] for p in pairs)
    held = ev.report(pairs, ev.cosines(pairs), SAME_LANGUAGE_REDUNDANT)["held-out"]
    # measured: P 0.73, R 0.48 (README.md)
    assert held["precision"] >= 0.65
    assert held["recall"] >= 0.40


def test_an_update_does_not_choose_a_paraphrase(shared_data: Path) -> None:
    """An incremental update chooses its summary as the full build does: of a
    labelled paraphrase (few shared words, one event) and the summary sentence
    it restates, one only; a labelled different statement goes in beside it."""
    if not (shared_data / "news-clusters" / "news_cluster.jsonl").exists():
        pytest.skip("../shared/data/news-clusters absent: the pairs point into it")
    from veille.stories.incremental import _embed
    from veille.stories.summary import SAME_LANGUAGE_REDUNDANT, candidate
    from veille.stories.summary_update import resummarize
    from veille.stories.units import Unit

    ev = _evaluator()
    pairs = ev.load_pairs(shared_data / "news-clusters" / "news_cluster.jsonl")
    cos = ev.cosines(pairs)

    def fits(t: str) -> bool:
        return candidate(Unit(idx=0, article=0, uid="a", sentence=0, start=0, end=len(t),
                              text=t, language="en"))

    def chosen(pair: dict[str, Any], embed: Any) -> set[str]:
        weak = "A weak sentence carried by one outlet only, said a reporter."
        facts = []
        for fid, text, uids in (("F1", pair["text1"], ["a", "b", "c", "d", "e"]),
                                ("F2", pair["text2"], ["f", "g", "h"]), ("F9", weak, ["i"])):
            facts.append({"id": fid, "statement": text, "articles": uids, "sources": uids,
                          "n_sources": len(uids), "languages": ["en"],
                          "members": [{"article": u, "sentence": 0, "start": 0,
                                       "end": len(text), "text": text, "language": "en"}
                                      for u in uids]})
        view = {"articles": [{"uid": u, "title": None} for f in facts for u in f["articles"]],
                "summary": [{"fact": "F1"}, {"fact": "F9"}],
                "languages": {"main": "en", "reader": "en"}}
        return {s["fact"] for s in resummarize(view, facts, {1}, {}, embed)}

    usable = [(p, c) for p, c in zip(pairs, cos, strict=True)
              if fits(p["text1"]) and fits(p["text2"])]
    # paraphrases that wording alone lets in twice (the test can fail) ...
    para = [p for p, c in usable if p["redundant"] and c >= SAME_LANGUAGE_REDUNDANT
            and {"F1", "F2"} <= chosen(p, None)][:5]
    other = [p for p, c in usable if not p["redundant"] and c < SAME_LANGUAGE_REDUNDANT - 0.1][:5]
    assert len(para) >= 3 and other
    # ... the encoder keeps to one of the two; a different statement is chosen
    assert not any({"F1", "F2"} <= chosen(p, _embed) for p in para)
    assert all({"F1", "F2"} <= chosen(p, _embed) for p in other)



def test_tune_pairs_point_into_news_clusters(shared_data: Path) -> None:
    """The session-18 tune pairs (tests/data/summary_redundancy_tune/) come
    from stories none of the 130 held-out pairs come from, and their offsets
    cut whole sentences out of news-clusters."""
    if not (shared_data / "news-clusters" / "news_cluster.jsonl").exists():
        pytest.skip("../shared/data/news-clusters absent: the pairs point into it")
    ev = _evaluator()
    news = shared_data / "news-clusters" / "news_cluster.jsonl"
    tune = ev.load_pairs(news, ev.TUNE)
    held = ev.load_pairs(news)
    held_ids = {p[k]["id"] for p in held for k in ("sentence1", "sentence2")}
    assert len(tune) == 95 and not {p[k]["id"] for p in tune
                                    for k in ("sentence1", "sentence2")} & held_ids
    for p in tune:
        for k in ("text1", "text2"):
            assert p[k][:1].isupper() or p[k][:1] in "\"“'", p[k]
            assert p[k].rstrip()[-1:] in ".!?\"”'’", p[k]


def test_two_ledes_on_the_held_out_pairs(shared_data: Path) -> None:
    """The shipped test (the cosine, or two ledes restating each other) on the
    130 pairs, held out since session 18 (rule chosen on the tune pairs)."""
    if not (shared_data / "news-clusters" / "news_cluster.jsonl").exists():
        pytest.skip("../shared/data/news-clusters absent: the pairs point into it")
    from veille.stories.summary import SAME_LANGUAGE_REDUNDANT

    ev = _evaluator()
    news = shared_data / "news-clusters" / "news_cluster.jsonl"
    pairs = ev.load_pairs(news)
    cos = ev.cosines(pairs)
    now = ev.report_predictions(pairs, ev.shipped(pairs, cos, news))["all"]
    before = ev.report(pairs, cos, SAME_LANGUAGE_REDUNDANT)["all"]
    # measured: P 0.76 R 0.62 (cosine alone: P 0.75 R 0.58)
    assert now["recall"] > before["recall"] and now["precision"] >= before["precision"] - 0.02
    assert now["precision"] >= 0.7 and now["recall"] >= 0.6


def test_an_update_keeps_one_of_two_restating_ledes(shared_data: Path) -> None:
    """Two outlets' ledes of one event (tune pairs the cosine alone lets in
    together) give the summary one sentence; two ledes of different events
    (labelled so) both go in."""
    news = shared_data / "news-clusters" / "news_cluster.jsonl"
    if not news.exists():
        pytest.skip("../shared/data/news-clusters absent: the pairs point into it")
    from veille.stories.incremental import _embed
    from veille.stories.quote_matching import content_stems
    from veille.stories.summary import SAME_LANGUAGE_REDUNDANT, candidate, ledes_restate
    from veille.stories.summary_update import resummarize
    from veille.stories.units import Unit
    from veille.stories.xlang import SAME_FACT

    ev = _evaluator()
    pairs = ev.load_pairs(news, ev.TUNE)
    cos = ev.cosines(pairs)

    def fits(t: str) -> bool:
        return candidate(Unit(idx=0, article=0, uid="a", sentence=0, start=0, end=len(t),
                              text=t, language="en"))

    def chosen(pair: dict[str, Any]) -> set[str]:
        facts = []
        for fid, text, uids in (("F1", pair["text1"], ["a", "b", "c"]),
                                ("F2", pair["text2"], ["f", "g"])):
            facts.append({"id": fid, "statement": text, "articles": uids, "sources": uids,
                          "n_sources": len(uids), "languages": ["en"],
                          "members": [{"article": u, "sentence": 0, "start": 0,
                                       "end": len(text), "text": text, "language": "en"}
                                      for u in uids]})
        view = {"articles": [{"uid": u, "title": None} for f in facts for u in f["articles"]],
                "summary": [{"fact": "F1"}], "languages": {"main": "en", "reader": "en"}}
        return {s["fact"] for s in resummarize(view, facts, {1}, {}, _embed)}

    def restate(p: dict[str, Any], c: float) -> bool:
        return ledes_restate(c, content_stems(p["text1"], "en"), content_stems(p["text2"], "en"),
                             SAME_FACT)

    usable = [(p, c) for p, c in zip(pairs, cos, strict=True)
              if fits(p["text1"]) and fits(p["text2"]) and c < SAME_LANGUAGE_REDUNDANT
              and p["sentence1"]["id"] != p["sentence2"]["id"]]
    same = [p for p, c in usable if p["redundant"] and restate(p, c)]
    other = [p for p, c in usable if not p["redundant"] and not restate(p, c)][:5]
    assert len(same) >= 3 and other
    assert all(chosen(p) == {"F1"} for p in same)
    assert all(chosen(p) == {"F1", "F2"} for p in other)
