"""The watcher with the real stages: analysis, clustering, entity alerts and
story updates, over two passes of a loopback feed."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from veille.store import Store
from veille.store.schema import analyses, story_articles
from veille.watch import alerts as al
from veille.watch import changes as ch
from veille.watch.fetch import Fetcher
from veille.watch.sources import SourceSpec, WatchlistSpec, upsert_source
from veille.watch.tables import sources

from .conftest import Server

pytest.importorskip("veille.cluster.service")


@pytest.mark.slow
def test_two_passes_analyse_cluster_alert_and_update(server: Server, store: Store,
                                                     fetcher: Fetcher) -> None:
    from veille.watch.poll import run_pass

    server.fixture("/feed.rss", "feed.rss")
    server.articles()
    with store.begin() as conn:
        upsert_source(conn, SourceSpec(server.url("/feed.rss"), "Le Courrier"))
        # Spelled without the accent: found through the linked entity's names.
        al.save_watchlist(conn, WatchlistSpec("elue", entities=["Helene Marchetti"], channels=[]))
    first = run_pass(store, fetcher)
    assert first.analyze == {"analyzed": 3}
    assert [a["article"]["uid"] for a in first.alerts] == ["tag:valmont.example,2026:1120-tram"]
    with store.begin() as conn:
        assert len(conn.execute(select(analyses)).all()) == 3
        stories = {r.article_uid: r.story_id for r in conn.execute(select(story_articles))}
        assert len(stories) == 3
        for row in ch.updated_stories(conn, include_unseen=True):
            ch.changes_since(conn, row["story_id"], mark_seen=True)
        assert ch.updated_stories(conn) == []

    server.fixture("/feed.rss", "feed_more.rss")
    with store.begin() as conn:
        conn.execute(update(sources).values(next_due=None))
    second = run_pass(store, fetcher)
    assert second.added == [server.url("/articles/tram_update.html")]
    assert [a["article"]["uid"] for a in second.alerts] == [server.url("/articles/tram_update.html")]
    assert second.alerts[0]["matched"]["entities"] == ["Helene Marchetti"]
    with store.connect() as conn:
        tram_story = conn.execute(select(story_articles.c.story_id).where(
            story_articles.c.article_uid == server.url("/articles/tram_update.html"))).scalar_one()
        assert tram_story == stories["tag:valmont.example,2026:1120-tram"]  # the follow-up joined its story
        assert [r["story_id"] for r in ch.updated_stories(conn)] == [tram_story]
        change = ch.changes_since(conn, tram_story)
    assert change is not None
    assert [a["uid"] for a in change["new_articles"]] == [server.url("/articles/tram_update.html")]
    assert any("vrai besoin" in q["text"] for q in change["new_quotes"])
    assert change["new_facts"]
