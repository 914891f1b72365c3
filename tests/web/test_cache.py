"""The response cache (web/cache.py): repeated reads are served without the
route running, and any commit (this app, or another connection/process)
makes the next read fresh."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.store import Store
from veille.web.data import articles as article_data

TOKEN = "cache-token-1"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = article_data.list_articles

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(article_data, "list_articles", spy)
    return calls


def _ids(client: TestClient) -> list[str]:
    return [a["id"] for a in client.get("/api/articles").json()["items"]]


def test_repeated_read_is_cached_and_a_write_elsewhere_empties_it(tmp_path: Path, counted: list[int]) -> None:
    from veille.web.app import create_app

    db = str(tmp_path / "c.db")
    store = Store.open(db)
    with TestClient(create_app(store, token=TOKEN)) as client:
        art = {"id": "c-1", "text": "Le port du Havre a rouvert lundi après trois jours de grève."}
        assert client.post("/api/articles?process=false", json=art, headers=AUTH).status_code == 201
        assert _ids(client) == ["c-1"]
        first = client.get("/api/articles")
        assert len(counted) == 1  # the second read did not run the route
        assert "content-security-policy" in first.headers  # cached answers keep their headers
        # Another process's write: a second engine on the same file.
        other = Store.open(db)
        (tmp_path / "b.txt").write_text("Un deuxième article sur la grève des dockers du Havre.",
                                        encoding="utf-8")
        ingest_items(other, read_paths([str(tmp_path / "b.txt")], SourceOptions()))
        other.close()
        assert len(_ids(client)) == 2
        assert len(counted) == 2
        # This app's own write.
        art2 = {"id": "c-3", "text": "Un troisième article : les dockers reprennent le travail."}
        assert client.post("/api/articles?process=false", json=art2, headers=AUTH).status_code == 201
        assert "c-3" in _ids(client)
    store.close()


def test_not_cached_when_reads_need_the_token(tmp_path: Path, counted: list[int]) -> None:
    from veille.web.app import create_app

    store = Store.open(str(tmp_path / "p.db"))
    with TestClient(create_app(store, token=TOKEN, protect_reads=True)) as client:
        assert client.get("/api/articles").status_code == 401
        for _ in range(2):
            assert client.get("/api/articles", headers=AUTH).status_code == 200
        assert client.get("/api/articles").status_code == 401  # never answered from a cache
        assert len(counted) == 2
    store.close()
