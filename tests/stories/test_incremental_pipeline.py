"""The incremental view update is reached from the pipeline (issue #19): when
the clusterer adds an article to a story it sets the old view aside
(``previous_view``) instead of losing it, and the view refresh updates it
from the new article; the aside copy is cleared once the new view is saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from veille.ingest.readers import ReadOptions, read_seed
from veille.services.pipeline import run_pipeline
from veille.store import Store
from veille.store.schema import stories
from veille.stories import incremental


def _items(path: Path) -> list:  # type: ignore[type-arg]
    return list(read_seed(path.read_bytes(), ReadOptions(origin=str(path), name=path.stem)))


def test_a_story_that_gains_an_article_is_updated_not_rebuilt(
        seeds_dir: Path, db_path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # the seeds make a story of two; lift the size below which views are
    # always rebuilt so the path a 1,000-article story takes is exercised
    monkeypatch.setattr(incremental, "FULL_BELOW", 0)
    monkeypatch.setattr(incremental, "REBUILD_GROWTH", 10.0)
    first, second = sorted(seeds_dir.glob("*.txt"))[:2]
    store = Store.open(db_path)
    run_pipeline(store, _items(first))
    with store.connect() as conn:
        (sid, view, aside), = conn.execute(
            select(stories.c.id, stories.c.view, stories.c.previous_view)).all()
    assert view["n_articles"] == 1 and view["updates_since_rebuild"] == 0 and aside is None
    run_pipeline(store, _items(second))
    with store.connect() as conn:
        rows = conn.execute(select(stories.c.id, stories.c.view, stories.c.previous_view)).all()
    assert [r.id for r in rows] == [sid], "the two seeds are one story"
    view, aside = rows[0].view, rows[0].previous_view
    assert view["n_articles"] == 2 and view["updates_since_rebuild"] == 1  # updated in place
    assert aside is None  # cleared with the save
    assert {a["uid"] for a in view["articles"]} == {first.stem, second.stem}
    store.close()
