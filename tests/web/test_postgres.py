"""The same app on the PostgreSQL store: every read endpoint answers, search ranks."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from pg import pg_server, pg_url  # noqa: F401  (fixtures for this module)

from .conftest import EXAMPLES, build_store

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_client(pg_url: str) -> Iterator[TestClient]:  # noqa: F811
    from veille.web.app import create_app

    store = build_store(pg_url, [str(EXAMPLES)])
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


def test_postgres_every_read_endpoint(pg_client: TestClient) -> None:
    c = pg_client
    arts = c.get("/api/articles").json()["items"]
    assert len(arts) == 2
    found = c.get("/api/search", params={"q": "Loukachenko déploiements"}).json()
    assert found["total"] == 2 and found["results"][0]["snippet"]["highlights"]
    stories = c.get("/api/stories").json()["items"]
    urls = ["/", "/search?q=Sotchi", "/api/quotes", "/api/entities?q=louka", "/quotes",
            f"/api/articles/{quote(arts[0]['id'])}", f"/articles/{quote(arts[0]['id'])}?hl=0-20"]
    for s in stories:
        urls += [f"/api/stories/{s['id']}", f"/stories/{s['id']}"]
    for e in c.get("/api/entities", params={"q": "Loukachenko"}).json()["items"]:
        urls += [f"/api/entities/{quote(e['id'])}", f"/entities/{quote(e['id'])}"]
    for kind in ("stories", "articles", "entities", "quotes"):
        urls.append(f"/api/export/{kind}?format=csv")
    for url in urls:
        assert c.get(url).status_code == 200, url
    if stories:
        assert stories[0]["title"]
