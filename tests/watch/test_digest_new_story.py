"""A digest's "new" means new to the story set, not new to the watchlist
(session-21 audit: a PolNeAR story of three articles became "[NEW]" in the
first digest of a watchlist made after it, when two more articles joined it),
and an article without a headline is named by its first line, not its id.

Real news-clusters articles, stored as an ingest stores them (one of them as
a JSONL dump without a title field gives it) and clustered by hand into their
gold stories: digests and alerts only read those tables."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import feedparser
import pytest
from sqlalchemy import select

from veille.core.settings import Settings
from veille.store import Store
from veille.store.schema import articles, stories, story_articles
from veille.watch import alerts as al
from veille.watch import digests as dg
from veille.watch.sources import WatchlistSpec

OLD_STORY = "north_Korea_hokkaido_missile"
NEW_STORY = "hack_equifax_breach"


def _rows(story: str, n: int) -> list[dict[str, Any]]:
    path = Path(Settings().shared_data) / "news-clusters" / "news_cluster.jsonl"
    if not path.exists():
        pytest.skip(f"../shared/data absent: {path} (the public news-clusters set)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted((r for r in rows if r["story"] == story), key=lambda r: (r["published"], r["id"]))[:n]


def _store_articles(store: Store, rows: list[dict[str, Any]], story_id: int, ago: timedelta,
                    *, untitled: bool = False) -> list[str]:
    at = dg.now() - ago
    with store.begin() as conn:
        seq = conn.execute(select(articles.c.seq).order_by(articles.c.seq.desc())).scalar() or 0
        if conn.execute(select(stories.c.id).where(stories.c.id == story_id)).first() is None:
            conn.execute(stories.insert().values(id=story_id, title=None, size=0, updated_at=at))
        for k, r in enumerate(rows, 1):
            # a dump without a title field: the text opens with the headline
            text = f"{r['title']}\n\n{r['text']}" if untitled else r["text"]
            conn.execute(articles.insert().values(
                uid=r["id"], seq=seq + k, title=None if untitled else r["title"], text=text,
                source=r.get("source") or "news.example", url=None, published=r["published"],
                language="en", n_chars=len(text), origin="test", fmt="jsonl",
                content_hash=hashlib.sha256(text.encode()).hexdigest(), ingested_at=at))
            conn.execute(story_articles.insert().values(article_uid=r["id"], story_id=story_id,
                                                       assigned_at=at))
    return [r["id"] for r in rows]


def test_a_story_older_than_the_watchlist_is_updated_not_new(store: Store) -> None:
    old = _rows(OLD_STORY, 5)
    fresh = _rows(NEW_STORY, 2)
    assert len(old) == 5 and len(fresh) == 2
    _store_articles(store, old[:3], 1, timedelta(days=1))  # the story before the watchlist
    with store.begin() as conn:
        al.save_watchlist(conn, WatchlistSpec("desk", queries=["missile", "Equifax"],
                                              channels=["print"]))
    later = _store_articles(store, old[3:], 1, timedelta(0), untitled=True)
    born = _store_articles(store, fresh, 2, timedelta(0))
    raised = al.evaluate(store, later + born, echo=lambda _line: None)
    assert raised
    with store.connect() as conn:
        d = dg.build_digest(conn, "desk")
        atom = dg.atom_feed(conn, "desk")
        listed = al.list_alerts(conn, watchlist="desk")
    by_story = {s.story_id: s for s in d.stories}
    assert by_story[1].is_new is False  # three articles before the watchlist was made
    assert by_story[2].is_new is True  # all its articles came after
    text = dg.render_text(d)
    assert "[UPDATED]" in text and "[NEW]" in text
    entries = {e.link if hasattr(e, "link") else e.id: e for e in feedparser.parse(atom).entries}
    summaries = sorted(e.summary.split(":")[0] for e in entries.values())
    assert summaries == ["New story", "Updated story"]
    # the untitled articles are named by their first line (their headline), id after it
    for r in old[3:]:
        if any(r["id"] in a.uid for a in by_story[1].new_articles):
            assert f"{r['title']} (first line; {r['id']})" in text
            assert r["id"] not in text.replace(f"(first line; {r['id']})", "")
    untitled_alerts = [a for a in listed if a["article_uid"] in later]
    assert untitled_alerts
    for a in untitled_alerts:
        title = next(r["title"] for r in old if r["id"] == a["article_uid"])
        assert al.describe(a["payload"]).startswith(f"[desk] {title} (first line; ")
