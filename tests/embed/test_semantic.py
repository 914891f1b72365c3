"""Semantic search and "stories like this" (issue #18) on real articles: the
two French seed reports of one event among eight unrelated English news
stories; a query in English or German finds the French reports first, the
listing filters apply, and odd queries give a note, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from veille.cli import app
from veille.services.queries import ListFilters
from veille.services.semantic import semantic_search, similar_stories
from veille.store import Store


@pytest.fixture(scope="module")
def store_db(seeds_dir: Path, shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    news = shared_data / "news-clusters" / "news_cluster.jsonl"
    if not news.exists():
        pytest.skip("../shared/data/news-clusters absent: no unrelated articles to rank against")
    tmp = tmp_path_factory.mktemp("semantic")
    part = tmp / "news.jsonl"
    part.write_text("".join(news.open(encoding="utf-8").readlines()[:8]), encoding="utf-8")
    db = str(tmp / "s.db")
    for src in (str(seeds_dir), str(part)):
        res = CliRunner().invoke(app, ["--db", db, "ingest", src])
        assert res.exit_code == 0, res.output
    return db


def _seeds(seeds_dir: Path) -> set[str]:
    return {p.name for p in seeds_dir.glob("*.txt")}


@pytest.mark.parametrize("query", [
    "Russia will deploy tactical nuclear weapons in Belarus",
    "Russland stationiert taktische Atomwaffen in Belarus",
])
def test_a_query_in_another_language_finds_the_french_reports(
        store_db: str, seeds_dir: Path, query: str) -> None:
    res = CliRunner().invoke(app, ["--db", store_db, "search", "--semantic", query, "--json",
                                   "--limit", "4"])
    assert res.exit_code == 0, res.output
    page = json.loads(res.stdout)
    ids = [r["id"] for r in page["results"]]
    assert set(ids[:2]) == _seeds(seeds_dir), ids
    assert page["mode"] == "semantic" and page["scanned"] == 10 and not page["capped"]
    scores = [r["score"] for r in page["results"]]
    assert scores == sorted(scores, reverse=True)
    # the full-text hit's fields are all there, so readers of search need nothing new
    for key in ("title", "source", "language", "published", "story_id", "snippet", "title_highlights"):
        assert key in page["results"][0]
    # the full-text search does not find the French reports from English words
    text = CliRunner().invoke(app, ["--db", store_db, "search", query, "--json"])
    assert not _seeds(seeds_dir) & {r["id"] for r in json.loads(text.stdout)["results"]}


def test_filters_apply(store_db: str, seeds_dir: Path) -> None:
    store = Store.open(store_db)
    try:
        with store.connect() as conn:
            page = semantic_search(conn, "nuclear weapons in Belarus", ListFilters(language="en"))
            assert not _seeds(seeds_dir) & {r["id"] for r in page["results"]}
            assert all(r["language"] == "en" for r in page["results"])
            assert page["scanned"] == 8
            page = semantic_search(conn, "nuclear weapons in Belarus", ListFilters(sources=()))
            assert page["results"] == [] and page["scanned"] == 0
            capped = semantic_search(conn, "nuclear weapons", max_candidates=3)
            assert capped["scanned"] == 3 and capped["capped"]
    finally:
        store.close()


@pytest.mark.parametrize("query,note", [("   ", "empty query"), ("ཀུན་གྱིས་ ཀུན་", "script"),
                                        ("war " * 2000, "cut")])
def test_odd_queries_give_a_note(store_db: str, query: str, note: str) -> None:
    res = CliRunner().invoke(app, ["--db", store_db, "search", "--mode", "semantic", query, "--json"])
    assert res.exit_code == 0, res.output
    assert note in res.stderr


def test_stories_like_this(store_db: str, seeds_dir: Path) -> None:
    store = Store.open(store_db)
    try:
        with store.connect() as conn:
            assert similar_stories(conn, 999_999) is None
            sid = conn.exec_driver_sql(
                "SELECT story_id FROM story_articles WHERE article_uid = ?",
                (sorted(_seeds(seeds_dir))[0],)).scalar_one()
            found = similar_stories(conn, sid, 3)
    finally:
        store.close()
    assert found and all(s["story_id"] != sid for s in found)
    assert [s["similarity"] for s in found] == sorted((s["similarity"] for s in found), reverse=True)
    res = CliRunner().invoke(app, ["--db", store_db, "similar", "--story", str(sid), "--json"])
    assert res.exit_code == 0 and [s["story_id"] for s in json.loads(res.stdout)][:3] == [
        s["story_id"] for s in found]
    text = CliRunner().invoke(app, ["--db", store_db, "similar", "--story", str(sid)])
    assert f"[#{found[0]['story_id']}]" in text.stdout
    both = CliRunner().invoke(app, ["--db", store_db, "similar"])
    assert both.exit_code != 0


def test_api_mode_semantic_extends_search(store_db: str, seeds_dir: Path) -> None:
    from veille.web.app import create_app

    store = Store.open(store_db)
    try:
        with TestClient(create_app(store)) as client:
            page = client.get("/api/search", params={
                "q": "Russia will deploy tactical nuclear weapons in Belarus", "mode": "semantic",
                "limit": 3}).json()
            assert set(r["id"] for r in page["results"][:2]) == _seeds(seeds_dir)
            assert page["mode"] == "semantic" and page["next_cursor"] is None
            # the full-text default is unchanged
            text = client.get("/api/search", params={"q": "Biélorussie"}).json()
            assert "mode" not in text and text["results"]
            bad = client.get("/api/search", params={"q": "x", "mode": "nope"})
            assert bad.status_code == 422
            html = client.get("/search", params={"q": "nuclear weapons <b>", "mode": "semantic"})
            assert html.status_code == 200 and "nuclear weapons <b>" not in html.text
            assert any(s in html.text for s in sorted(_seeds(seeds_dir)))
    finally:
        store.close()
