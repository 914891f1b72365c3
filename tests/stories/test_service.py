"""Story views saved in and read from a real (SQLite) store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from veille.store.articles import now
from veille.store.core import Store
from veille.store.schema import analyses, stories, story_articles
from veille.stories.service import get_story_view, refresh_story_views, story_graphml


def test_refresh_saves_view_and_title(tmp_path: Path, seed_story: dict[str, Any]) -> None:
    from veille.ingest.readers import ReadOptions, read_seed
    from veille.ingest.service import ingest_items

    store = Store.open(str(tmp_path / "v.db"))
    repo = Path(__file__).resolve().parents[2]
    items = []
    for p in sorted((repo / "examples").glob("*.txt")):
        items.extend(read_seed(p.read_bytes(), ReadOptions(origin=str(p), name=p.stem)))
    ingest_items(store, items)
    by_uid = {an["article_uid"]: an for an in seed_story["analyses"]}
    with store.begin() as conn:
        sid = conn.execute(insert(stories).values(size=2, updated_at=now())).inserted_primary_key[0]
        empty = conn.execute(insert(stories).values(size=0, updated_at=now())
                             ).inserted_primary_key[0]
        for uid in by_uid:
            conn.execute(insert(story_articles).values(article_uid=uid, story_id=sid,
                                                       assigned_at=now()))
        # only the first article analysed: the view must still render
        first = sorted(by_uid)[0]
        conn.execute(insert(analyses).values(article_uid=first, version="t", status="ok",
                                             notes=[], data=by_uid[first], analyzed_at=now()))
    refresh_story_views(store, [sid, empty])
    with store.connect() as conn:
        row = conn.execute(select(stories.c.title, stories.c.view).where(stories.c.id == sid)).one()
    assert row.title and row.view["title"]["text"] == row.title
    assert row.view["n_articles"] == 2
    assert any("no analysis" in m for m in row.view["missing"])
    assert get_story_view(store, empty)["missing"] == ["story has no articles"]
    assert get_story_view(store, 999) is None
    assert "<graphml" in (story_graphml(store, sid) or "")
    # A view saved by an earlier version of the builder is rebuilt on read,
    # and saved again; a current one is served as stored.
    from sqlalchemy import update

    from veille.stories.view import BUILDER

    with store.begin() as conn:
        conn.execute(update(stories).where(stories.c.id == sid)
                     .values(view={**row.view, "builder": BUILDER - 1, "summary": []}))
    fresh = get_story_view(store, sid)
    assert fresh is not None and fresh["builder"] == BUILDER and fresh["summary"]
    with store.connect() as conn:
        assert conn.execute(select(stories.c.view).where(stories.c.id == sid)).scalar()["summary"]
