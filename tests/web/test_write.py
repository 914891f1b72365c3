"""Writes: POST /api/articles (JSON or file upload) and the token rule."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from veille.store import Store

from .conftest import EXAMPLES, TOKEN, assert_problem, jsonl

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {"id": "w-1", "text": "Le conseil municipal a voté le budget mardi soir.", "language": "fr",
           "source": "example.org", "published": "2024-05-14", "title": "Budget voté"}


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[TestClient]:
    from veille.web.app import create_app

    with TestClient(create_app(Store.open(str(tmp_path / "w.db")), token=TOKEN)) as c:
        yield c


def test_write_json_one_article(fresh: TestClient) -> None:
    resp = fresh.post("/api/articles?process=false", json=ARTICLE, headers=AUTH)
    assert resp.status_code == 201, resp.text
    assert resp.json()["ids"] == ["w-1"] and resp.json()["added"] == 1
    art = fresh.get("/api/articles/w-1").json()
    assert art["title"] == "Budget voté" and art["published"] == "2024-05-14"
    # Searchable as soon as it is stored.
    assert fresh.get("/api/search", params={"q": "votés budgets"}).json()["total"] == 1


def test_write_json_list_and_rerun(fresh: TestClient) -> None:
    two = [ARTICLE, ARTICLE | {"id": "w-2", "text": "Un autre article, sur la pluie."}]
    assert fresh.post("/api/articles?process=false", json=two, headers=AUTH).json()["added"] == 2
    again = fresh.post("/api/articles?process=false", json=two, headers=AUTH).json()
    assert again["added"] == 0 and again["unchanged"] == 2


def test_write_json_without_id_gets_a_stable_one(fresh: TestClient) -> None:
    rec = {"text": "Texte sans identifiant, publié par une source inconnue."}
    first = fresh.post("/api/articles?process=false", json=rec, headers=AUTH).json()["ids"]
    assert len(first) == 1 and first[0].startswith("api:")
    assert fresh.post("/api/articles?process=false", json=rec, headers=AUTH).json()["unchanged"] == 1


def test_write_file_upload_seed_and_jsonl(fresh: TestClient) -> None:
    seed = sorted(EXAMPLES.glob("*.txt"))[0]
    files = [("file", (seed.name, seed.read_bytes(), "text/plain")),
             ("file", ("more.jsonl", jsonl([ARTICLE]), "application/x-ndjson"))]
    resp = fresh.post("/api/articles?process=false", files=files, headers=AUTH)
    assert resp.status_code == 201, resp.text
    assert sorted(resp.json()["ids"]) == sorted([seed.name, "w-1"])
    assert fresh.get(f"/api/articles/{seed.name}").json()["published"] == "2023-06"


def test_write_issue_path_alias(fresh: TestClient) -> None:
    assert fresh.post("/articles?process=false", json=ARTICLE, headers=AUTH).status_code == 201


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": "Basic dGVzdA=="}])
def test_write_needs_the_token(fresh: TestClient, headers: dict[str, str]) -> None:
    body = assert_problem(fresh.post("/api/articles", json=ARTICLE, headers=headers), 401)
    assert "Bearer" in body["detail"]
    assert fresh.get("/api/articles").json()["items"] == []


def test_write_refused_when_no_token_is_set(tmp_path: Path) -> None:
    from veille.web.app import create_app

    with TestClient(create_app(Store.open(str(tmp_path / "n.db")), token="")) as c:
        assert_problem(c.post("/api/articles", json=ARTICLE, headers=AUTH), 403)
        assert c.get("/api/articles").status_code == 200  # reads stay open


def test_reads_can_be_protected(tmp_path: Path) -> None:
    from veille.web.app import create_app

    with TestClient(create_app(Store.open(str(tmp_path / "p.db")), token=TOKEN, protect_reads=True)) as c:
        assert_problem(c.get("/api/articles"), 401)
        assert c.get("/api/articles", headers=AUTH).status_code == 200


@pytest.mark.parametrize(("kwargs", "status"), [
    ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400),
    ({"content": b"hello", "headers": {"Content-Type": "text/plain"}}, 415),
    ({"json": []}, 422),
    ({"json": {"title": "no text"}}, 422),
    ({"json": {"text": "   "}}, 422),
    ({"json": {"text": "ok", "published": "someday"}}, 422),
    ({"json": {"text": "ok", "title": {"nested": 1}}}, 422),
    ({"json": 42}, 422),
    ({"files": [("other", ("a.txt", b"x", "text/plain"))]}, 422),
])
def test_write_bad_bodies_are_problems(fresh: TestClient, kwargs: dict, status: int) -> None:  # type: ignore[type-arg]
    headers = {**AUTH, **kwargs.pop("headers", {})}
    assert_problem(fresh.post("/api/articles?process=false", headers=headers, **kwargs), status)


def test_write_bad_format_option(fresh: TestClient) -> None:
    assert_problem(fresh.post("/api/articles?format=pdf", json=ARTICLE, headers=AUTH), 422)
