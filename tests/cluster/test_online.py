"""The streaming clusterer on real articles, without a store."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from veille.cluster.bcubed import bcubed
from veille.cluster.evaluate import evaluate_rows, features_of, run_stream, stream_order
from veille.cluster.online import OnlineClusterer
from veille.cluster.state import StoryState
from veille.cluster.text import MAX_CHARS


def _subset(rows: list[dict[str, Any]], n_events: int) -> list[dict[str, Any]]:
    """The articles of the n largest gold events (a deterministic, mixed stream)."""
    sizes: dict[str, int] = {}
    for r in rows:
        sizes[r["story"]] = sizes.get(r["story"], 0) + 1
    keep = set(sorted(sizes, key=lambda s: (-sizes[s], s))[:n_events])
    return [r for r in rows if r["story"] in keep]


def test_state_roundtrips_through_json(news_rows: list[dict[str, Any]]) -> None:
    feats = list(features_of(stream_order(_subset(news_rows, 3))))
    res = run_stream(feats)
    for s in res.clusterer.stories.values():
        back = StoryState.from_dict(json.loads(json.dumps(s.to_dict())))
        assert back.to_dict() == s.to_dict()


def test_order_invariance(news_rows: list[dict[str, Any]]) -> None:
    """Shuffling the arrival order changes little: partitions agree closely."""
    rows = _subset(news_rows, 10)
    feats = list(features_of(stream_order(rows)))
    ref = run_stream(feats).story_of
    rng = random.Random(7)
    for _ in range(2):
        shuffled = feats[:]
        rng.shuffle(shuffled)
        other = run_stream(shuffled).story_of
        _, _, agreement = bcubed(other, ref)
        assert agreement >= 0.85


def test_duplicates_join_their_original_and_count_once(news_rows: list[dict[str, Any]]) -> None:
    rows = _subset(news_rows, 4)
    ordered = stream_order(rows)
    # Re-publish two articles as near duplicates (another outlet, another id) far
    # from their originals in the stream: they must still land with them.
    dups = []
    for r in ordered[:2]:
        d = dict(r, id=r["id"] + "-copy", duplicate_of=r["id"], source="elsewhere")
        d["text"] = d["text"][: MAX_CHARS // 2] + " (AFP)"
        dups.append(d)
    feats = list(features_of(ordered + dups))
    cl = OnlineClusterer(track_members=True)
    decisions = {f.uid: cl.add(f) for f in feats}
    for d in dups:
        assert decisions[d["id"]].action == "dup"
        assert decisions[d["id"]].story_id == decisions[d["duplicate_of"]].story_id
    sizes = sum(s.n for s in cl.stories.values())
    assert sizes == len(ordered)  # duplicates add nothing to story sizes


def test_candidates_are_bounded(news_rows: list[dict[str, Any]]) -> None:
    cl = OnlineClusterer()
    for f in features_of(stream_order(news_rows)):
        assert len(cl.candidates(f)) <= cl.params.max_candidates
        cl.add(f)
    assert max(len(p) for p in cl.index.postings.values()) <= cl.params.posting_cap


@pytest.mark.slow
def test_news_cluster_streaming_f1_floor(news_rows: list[dict[str, Any]]) -> None:
    res = evaluate_rows(news_rows)
    # Measured 0.948 in sample (0.954 before the same-language vector model,
    # whose held-out halves are unchanged on average: 0.934 / 0.950 against
    # 0.937 / 0.947; docs/measured/quality-clustering.md); all-singletons
    # scores 0.31. The goal is 0.96 in streaming mode (not met).
    assert res["f1"] >= 0.94
    assert res["precision"] >= 0.95


def test_cold_story_follow_up_is_chained_not_merged(news_rows: list[dict[str, Any]]) -> None:
    """The same pair of same-event articles, a day apart vs 400 days apart."""
    from datetime import date, timedelta

    by_event: dict[str, list[dict[str, Any]]] = {}
    for r in stream_order(news_rows):
        by_event.setdefault(r["story"], []).append(r)
    chained = 0
    for rows in by_event.values():
        if len(rows) < 2:
            continue
        a, b = rows[0], rows[1]
        day = date.fromisoformat(a["published"][:10])
        probs = {}
        for shift in (1, 400):
            late = dict(b, published=(day + timedelta(days=shift)).isoformat())
            fa, fb = features_of([a, late])
            cl = OnlineClusterer()
            da, db = cl.add(fa), cl.add(fb)
            probs[shift] = db.p
            if shift == 400 and db.action == "chain":
                chained += 1
                assert db.predecessor == da.story_id != db.story_id
                assert cl.stories[db.story_id].predecessor == da.story_id
        assert probs[400] <= probs[1]  # time counts against, never for
    assert chained >= 1


def test_boilerplate_body_still_found_by_its_title(news_rows: list[dict[str, Any]]) -> None:
    """A page whose body is another site's boilerplate (a study-guide page
    under the headline "Astronauts Identify Unknown Microbes In Space For First
    Time") shares no body word with its event: only its title can retrieve the
    story, so the candidate query includes title words."""
    event = "astronauts_identify_unknown_microbes_in_space_for_first_time"
    rows = [r for r in news_rows if r["story"] == event]
    assert len(rows) >= 2, "gold event missing from the data"
    feats = list(features_of(stream_order(rows + _subset(news_rows, 8))))
    res = run_stream(feats)
    stories = {res.story_of[str(r["id"])] for r in rows}
    assert len(stories) == 1


def test_title_less_article_uses_its_lead_as_title() -> None:
    from pathlib import Path

    from veille.cluster.features import build_features, lead_title
    from veille.ingest.sources import SourceOptions, read_paths

    seeds = Path(__file__).resolve().parents[2] / "examples"
    rec = next(r for r in read_paths([str(seeds)], SourceOptions()) if hasattr(r, "text"))
    assert rec.title is None  # the seed format has no title line
    text = rec.text
    lead = lead_title(text)
    assert lead and len(lead) <= 200 and text.lstrip().startswith(lead[:40])
    f = build_features("a", text, None, "fr")
    assert f.title_terms, "no title terms from the lead"
    assert set(f.title_terms) <= set(f.terms)


def test_split_pass_moves_out_a_member_that_does_not_fit(news_rows: list[dict[str, Any]]) -> None:
    """An early mistake (an article filed in the wrong story) is undone by the
    split pass, and only that article moves."""
    rows = _subset(news_rows, 2)
    feats = list(features_of(stream_order(rows)))
    cl = OnlineClusterer(track_members=True)
    for f in feats:
        cl.add(f)
    cl.split_pass()
    assert cl.members is not None
    big = max(cl.members, key=lambda sid: len(cl.members[sid]))  # type: ignore[index]
    before = list(cl.members[big])
    # An article of another gold event, forced into the big story.
    intruder = next(
        f for f in features_of(stream_order(news_rows))
        if f.uid not in {str(r["id"]) for r in rows}
    )
    story = cl.stories[big]
    cl._keep(intruder)
    story.add(intruder, cl.idf)
    cl._touch(story)
    cl._remember(intruder.uid, big)
    story.split_at = 0  # due for a check
    splits = cl.split_pass()
    assert [sp.moved for sp in splits] == [[intruder.uid]]
    assert splits[0].p < cl.params.split_threshold
    assert sorted(cl.members[big]) == sorted(before)
    assert cl.stories[big].n == len(before)
    assert cl.uid_story[intruder.uid] == splits[0].into
    # the next merge pass does not put it back
    cl.merge_pass()
    assert cl.resolve(cl.uid_story[intruder.uid]) != cl.resolve(big)


def test_split_pass_leaves_a_coherent_story_alone(news_rows: list[dict[str, Any]]) -> None:
    """Every member of a real multi-source story fits the rest of it."""
    from veille.cluster.online import leave_one_out

    rows = _subset(news_rows, 1)
    cl = OnlineClusterer(track_members=True)
    feats = list(features_of(stream_order(rows)))
    for f in feats:
        cl.add(f)
    own = [f for f in feats if not f.duplicate_of]
    worst, p = leave_one_out(own, cl.idf, cl.model)
    assert worst is not None and p >= cl.params.split_threshold
    assert cl.split_pass() == []
