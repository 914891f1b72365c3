"""Corrections of the entity linking through the API and the entity page's form
(issue #15): the token is required, a refused correction says why, an entity
merged away redirects to where it went, and the page shows the evidence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from veille.store import Store

from .conftest import EXAMPLES, TOKEN, build_store

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def own_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A store of its own: these tests change it."""
    if not any(EXAMPLES.glob("*.txt")):
        pytest.skip("examples/ seeds absent")
    store: Store = build_store(str(tmp_path_factory.mktemp("corr") / "c.db"), [str(EXAMPLES)])
    from veille.web.app import create_app

    with TestClient(create_app(store, token=TOKEN)) as c:
        yield c
    store.close()


def _top(client: TestClient, label: str, n: int = 2) -> list[dict[str, Any]]:
    items = client.get("/api/entities", params={"label": label, "limit": 100}).json()["items"]
    return sorted(items, key=lambda e: -e["mentions"])[:n]


def test_corrections_need_the_token(own_client: TestClient) -> None:
    a, b = _top(own_client, "LOC")
    url = f"/api/entities/{a['id']}/corrections"
    assert own_client.post(url, json={"action": "merge", "into": b["id"]}).status_code == 401
    res = own_client.post(f"/entities/{a['id']}/corrections",
                          data={"action": "merge", "into": b["id"], "token": "wrong"})
    assert res.status_code == 401
    assert own_client.get(f"/api/entities/{a['id']}").status_code == 200  # nothing happened


def test_refused_corrections_are_problems(own_client: TestClient) -> None:
    a = _top(own_client, "PER", 1)[0]
    res = own_client.post(f"/api/entities/{a['id']}/corrections", headers=AUTH,
                          json={"action": "merge", "into": "per:nobody-at-all"})
    assert res.status_code == 404 and "per:nobody-at-all" in res.json()["detail"]
    res = own_client.post(f"/api/entities/{a['id']}/corrections", headers=AUTH,
                          json={"action": "split", "names": ["Not one of them"]})
    assert res.status_code == 422 and "not names of" in res.json()["detail"]
    res = own_client.post(f"/api/entities/{a['id']}/corrections", headers=AUTH,
                          json={"action": "explode"})
    assert res.status_code == 422


def test_merge_through_the_api_then_the_old_id_redirects(own_client: TestClient) -> None:
    gone, kept = _top(own_client, "ORG")
    res = own_client.post(f"/api/entities/{gone['id']}/corrections", headers=AUTH,
                          json={"action": "merge", "into": kept["id"], "author": "Ana <b>",
                                "note": "<script>alert(1)</script>"})
    assert res.status_code == 201, res.text
    body = res.json()
    assert body["entity_id"] == kept["id"] and body["articles"] >= 1
    old = own_client.get(f"/api/entities/{gone['id']}", follow_redirects=False)
    assert old.status_code == 200 and old.headers["content-location"].endswith(kept["id"])
    now = old.json()  # the entity it went to, saying so
    assert now["merged_into"] == now["id"] == kept["id"]
    assert now["mentions"] == gone["mentions"] + kept["mentions"]
    assert set(gone["aliases"]) <= set(now["aliases"])
    assert now["corrections"][0]["action"] == "merge"
    page = own_client.get(f"/entities/{gone['id']}", follow_redirects=False)
    assert page.status_code == 308
    html = own_client.get(f"/entities/{kept['id']}").text
    assert "Why these names are one entity" in html and "merge by Ana &lt;b&gt;" in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    listed = own_client.get("/api/corrections").json()
    assert listed[0]["entity_id"] == gone["id"] and listed[0]["target_id"] == kept["id"]


def test_rename_through_the_page_form(own_client: TestClient) -> None:
    a = _top(own_client, "LOC", 1)[0]
    res = own_client.post(f"/entities/{a['id']}/corrections", follow_redirects=False,
                          data={"action": "rename", "name": "A better name", "token": TOKEN,
                                "author": "Ana"})
    assert res.status_code == 303 and res.headers["location"] == f"/entities/{a['id']}"
    assert own_client.get(f"/api/entities/{a['id']}").json()["name"] == "A better name"
    res = own_client.post(f"/entities/{a['id']}/corrections",
                          data={"action": "detach", "article_id": "x", "start": "²", "end": "3",
                                "token": TOKEN})
    assert res.status_code == 422
