"""One seeds store per session, built by the real stages (ingest, analyse, cluster,
story views) so these tests get richer as the stages improve."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.store import Store

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
TOKEN = "test-token-4f1c"


def build_store(db: str, paths: list[str]) -> Store:
    store = Store.open(db)
    report = ingest_items(store, read_paths(paths, SourceOptions()))
    assert report.added, "nothing ingested"
    process(store)
    return store


def process(store: Store) -> dict[str, Any]:
    """Analyse and cluster when those stages are importable (they land in parallel)."""
    out: dict[str, Any] = {}
    try:
        from veille.services.pipeline import analyse_pending as analyze_pending
    except ImportError:
        out["analyze"] = "absent"
    else:
        out["analyze"] = analyze_pending(store)
    try:
        from veille.services.pipeline import cluster_pending
    except ImportError:
        out["cluster"] = "absent"
    else:
        out["cluster"] = cluster_pending(store)
    return out


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    if not any(EXAMPLES.glob("*.txt")):
        pytest.skip("examples/ seeds absent")
    store = build_store(str(tmp_path_factory.mktemp("seeds") / "seeds.db"), [str(EXAMPLES)])
    yield store
    store.close()


@pytest.fixture(scope="session")
def news_story_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One real news-clusters story (several outlets over several days), built
    by the real stages once per session: the chart tests and the browser's chart
    test only read it, and building it (analysis of every article) cost ~8 s each."""
    from .test_charts import load_story_rows, story_store

    store = story_store(tmp_path_factory.mktemp("news-story"), load_story_rows())
    yield store
    store.close()


@pytest.fixture(scope="session")
def client(seeds_store: Store) -> Iterator[TestClient]:
    from veille.web.app import create_app

    with TestClient(create_app(seeds_store, token=TOKEN)) as c:
        yield c


@pytest.fixture(scope="session")
def seed_ids() -> list[str]:
    return sorted(p.name for p in EXAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def story_id(client: TestClient) -> int:
    items = client.get("/api/stories").json()["items"]
    if not items:
        pytest.skip("no stories: clustering has not run (veille.cluster.service absent)")
    return int(items[0]["id"])


@pytest.fixture(scope="session")
def louka_id(client: TestClient) -> str:
    items = client.get("/api/entities", params={"q": "Loukachenko"}).json()["items"]
    if not items:
        pytest.skip("no entity named Loukachenko: the analysis has not run")
    return str(items[0]["id"])


def assert_problem(resp: Any, status: int) -> dict[str, Any]:
    """An RFC 9457 problem document with this status."""
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    body = resp.json()
    assert body["status"] == status
    assert body["type"].startswith("https://") and body["title"] and body["detail"]
    return dict(body)


def jsonl(records: list[dict[str, Any]]) -> bytes:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()


# --- untrusted text ---------------------------------------------------------------
PAYLOAD_TITLE = '<script>alert("title")</script>Tempête sur le port de Brest'
PAYLOAD_TEXT = (
    "Le maire de Brest, Jean Dupont, a déclaré lundi : « <img src=x onerror=alert(2)> nous "
    "reconstruirons le port ». <script>alert(1)</script> La tempête a frappé Brest le 3 mars 2024 "
    "et le port restera fermé une semaine, selon la préfecture du Finistère. "
    '<a href="javascript:alert(5)" onclick="alert(6)">lien</a>'
)
PAYLOAD_SOURCE = "<b onmouseover=alert(3)>Evil</b>"
RAW_MARKUP = ["<script>alert", "<img src=x", "<b onmouseover", 'href="javascript:', "onclick=\"alert"]


@pytest.fixture(scope="session")
def xss_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from veille.web.app import create_app

    store = Store.open(str(Path(tmp_path_factory.mktemp("xss")) / "xss.db"))
    with TestClient(create_app(store, token=TOKEN)) as c:
        article = {"id": "xss-<script>1", "title": PAYLOAD_TITLE, "text": PAYLOAD_TEXT,
                   "source": PAYLOAD_SOURCE, "url": "javascript:alert(4)", "published": "2024-03-04"}
        resp = c.post("/api/articles?process=false", json=article,
                      headers={"Authorization": f"Bearer {TOKEN}"})
        assert resp.status_code == 201, resp.text
        process(store)
        yield c


