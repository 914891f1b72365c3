"""Incremental views: adding an article updates the stored view from the new
article's statements; the result is compared with a full rebuild on real text
(the two French seed articles, analysed by the real pipeline)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from veille.store.articles import now
from veille.store.core import Store
from veille.store.schema import analyses, stories, story_articles
from veille.stories import incremental
from veille.stories.incremental import update_story_view
from veille.stories.service import get_story_view, refresh_story_views
from veille.stories.view import build_story_view


def _co_members(view: dict[str, Any], uid: str) -> dict[tuple[str, int], frozenset[Any]]:
    out = {}
    for f in view["facts"]:
        mem = frozenset((m["article"], m["start"]) for m in f["members"])
        for m in mem:
            if m[0] == uid:
                out[m] = mem
    return out


def test_update_matches_full_rebuild(seed_story: dict[str, Any]) -> None:
    arts, ans, ents = seed_story["articles"], seed_story["analyses"], seed_story["entities"]
    if len(arts) < 2:
        pytest.skip("needs two seed articles")
    first = build_story_view(arts[:1], ans[:1], ents).to_dict()
    full = build_story_view(arts, ans, ents).to_dict()
    from veille.core.records import StoredArticle, analysis_from_dict

    new = StoredArticle.from_row(arts[1])
    upd = update_story_view(copy.deepcopy(first), [new],
                            [analysis_from_dict(ans[1], new.uid)], ents)
    # what is counted is the same
    for key in ("n_articles", "n_independent_sources", "languages"):
        assert upd[key] == full[key], key
    assert [a["uid"] for a in upd["articles"]] == [a["uid"] for a in full["articles"]]
    assert upd["updates_since_rebuild"] == 1 and full["updates_since_rebuild"] == 0

    def renderings(v: dict[str, Any]) -> list[tuple[str, str]]:
        return sorted((r["article"], r["text"]) for s in v["speakers"] for q in s["quotes"]
                      for r in q["renderings"])

    assert renderings(upd) == renderings(full)  # every quote, once
    # statements of the new article: grouped with the same statements as a full
    # build for most of them (joins are decided against a fact's representative)
    a, b = _co_members(upd, new.uid), _co_members(full, new.uid)
    assert set(a) == set(b) and b
    same = sum(a[m] == b[m] for m in b)
    assert same >= 0.8 * len(b), (same, len(b))
    # every event date of the full build is in the update, and ids resolve
    assert {(e["start"], e["end"]) for e in full["timeline"]} <= \
        {(e["start"], e["end"]) for e in upd["timeline"]} | {(e["start"], e["end"])
                                                               for e in first["timeline"]}
    ids = {f["id"] for f in upd["facts"]}
    assert len(ids) == len(upd["facts"])
    assert all(e["fact"] in ids for e in upd["timeline"])
    assert all(s["fact"] in ids for s in upd["summary"])
    assert upd["corroboration"]["n_facts"] == len(upd["facts"])


def test_service_updates_added_articles_and_rebuilds_otherwise(
        tmp_path: Path, seed_story: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    from veille.ingest.readers import ReadOptions, read_seed
    from veille.ingest.service import ingest_items

    monkeypatch.setattr(incremental, "FULL_BELOW", 0)
    monkeypatch.setattr(incremental, "REBUILD_GROWTH", 10.0)
    store = Store.open(str(tmp_path / "v.db"))
    repo = Path(__file__).resolve().parents[2]
    items = []
    for p in sorted((repo / "examples").glob("*.txt")):
        items.extend(read_seed(p.read_bytes(), ReadOptions(origin=str(p), name=p.stem)))
    ingest_items(store, items)
    by_uid = {an["article_uid"]: an for an in seed_story["analyses"]}
    uids = sorted(by_uid)
    with store.begin() as conn:
        for uid in uids:
            conn.execute(insert(analyses).values(article_uid=uid, version="t", status="ok",
                                                 notes=[], data=by_uid[uid], analyzed_at=now()))
        sid = conn.execute(insert(stories).values(size=1, updated_at=now())).inserted_primary_key[0]
        conn.execute(insert(story_articles).values(article_uid=uids[0], story_id=sid,
                                                   assigned_at=now()))
    assert refresh_story_views(store, [sid]) == {"updated": 0, "rebuilt": 1}
    with store.begin() as conn:
        conn.execute(insert(story_articles).values(article_uid=uids[1], story_id=sid,
                                                   assigned_at=now()))
    # the stored view no longer covers the story: never served as current; the
    # read updates it from the added article
    view = get_story_view(store, sid)
    assert view is not None
    assert view["n_articles"] == 2 and view["updates_since_rebuild"] == 1
    assert view["story_id"] == sid
    # nothing added (a re-analysis, a correction): rebuilt in full
    assert refresh_story_views(store, [sid]) == {"updated": 0, "rebuilt": 1}
    with store.connect() as conn:
        view = conn.execute(select(stories.c.view).where(stories.c.id == sid)).scalar()
    assert view["updates_since_rebuild"] == 0
