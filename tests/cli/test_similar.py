""""More like this" (issue #18): the nearest articles by the multilingual
encoder, from the CLI and the API, on real articles: the other outlet's report
of the same event ranks first among unrelated English news."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from veille.cli import app
from veille.store import Store


@pytest.fixture
def store_db(seeds_dir: Path, shared_data: Path, db_path: str, tmp_path: Path) -> str:
    news = shared_data / "news-clusters" / "news_cluster.jsonl"
    if not news.exists():
        pytest.skip("../shared/data/news-clusters absent: no unrelated articles to rank against")
    part = tmp_path / "news.jsonl"
    part.write_text("".join(news.open(encoding="utf-8").readlines()[:8]), encoding="utf-8")
    for src in (str(seeds_dir), str(part)):
        res = CliRunner().invoke(app, ["--db", db_path, "ingest", src])
        assert res.exit_code == 0, res.output
    return db_path


def test_the_same_event_from_another_outlet_ranks_first(store_db: str, seeds_dir: Path) -> None:
    seeds = sorted(p.name for p in seeds_dir.glob("*.txt"))
    res = CliRunner().invoke(app, ["--db", store_db, "similar", seeds[0], "--json", "--limit", "5"])
    assert res.exit_code == 0, res.output
    found = json.loads(res.stdout)
    assert [a["id"] for a in found][0] == seeds[1]
    assert seeds[0] not in [a["id"] for a in found]
    sims = [a["similarity"] for a in found]
    assert sims == sorted(sims, reverse=True) and len(found) == 5

    from veille.web.app import create_app

    store = Store.open(store_db)
    with TestClient(create_app(store)) as client:
        api = client.get(f"/api/articles/{seeds[0]}/similar", params={"limit": 5}).json()
        assert [a["id"] for a in api] == [a["id"] for a in found]
        assert client.get("/api/articles/no-such-article/similar").status_code == 404
        # the article route still answers for the article itself
        assert client.get(f"/api/articles/{seeds[0]}").json()["id"] == seeds[0]
    store.close()
    missing = CliRunner().invoke(app, ["--db", store_db, "similar", "no-such-article"])
    assert missing.exit_code == 1 and "no article" in missing.stderr


def test_stories_like_this_answer_alike_from_cli_and_api(store_db: str) -> None:
    """``veille similar --story`` and ``GET /api/stories/{id}/similar`` name the
    same stories in the same order, never the story itself; an unknown id is a
    404 problem."""
    from veille.web.app import create_app

    rows = json.loads(CliRunner().invoke(app, ["--db", store_db, "stories", "--json"]).stdout)
    sid = rows[0]["id"]
    res = CliRunner().invoke(app, ["--db", store_db, "similar", "--story", str(sid), "--json"])
    assert res.exit_code == 0, res.output
    cli = json.loads(res.stdout)
    assert cli and sid not in [s["story_id"] for s in cli]
    store = Store.open(store_db)
    with TestClient(create_app(store)) as client:
        api = client.get(f"/api/stories/{sid}/similar").json()
        assert [s["story_id"] for s in api] == [s["story_id"] for s in cli]
        sims = [s["similarity"] for s in api]
        assert sims == sorted(sims, reverse=True)
        r = client.get("/api/stories/424242/similar")
        assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")
    store.close()
