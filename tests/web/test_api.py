"""The JSON API on the seeds store: every endpoint, its filters, its paging and its errors."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .conftest import assert_problem


# --- articles -----------------------------------------------------------------
def test_api_articles_list(client: TestClient, seed_ids: list[str]) -> None:
    body = client.get("/api/articles").json()
    assert [a["id"] for a in body["items"]] == seed_ids
    assert body["next_cursor"] is None
    assert all(a["language"] == "fr" and a["published"] == "2023-06" for a in body["items"])


@pytest.mark.parametrize(("params", "n"), [
    ({"language": "fr"}, 2), ({"language": "en"}, 0), ({"source": "nowhere"}, 0),
    ({"since": "2023-06-15"}, 2), ({"since": "2023-07"}, 0), ({"until": "2023-05-31"}, 0),
    ({"since": "2023", "until": "2023"}, 2),
])
def test_api_articles_filters(client: TestClient, params: dict[str, str], n: int) -> None:
    assert len(client.get("/api/articles", params=params).json()["items"]) == n


def test_api_articles_filter_by_entity(client: TestClient, louka_id: str) -> None:
    assert len(client.get("/api/articles", params={"entity": louka_id}).json()["items"]) == 2
    assert client.get("/api/articles", params={"entity": "per:nobody"}).json()["items"] == []


def test_api_articles_cursor_pages(client: TestClient, seed_ids: list[str]) -> None:
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert first["next_cursor"]
    second = client.get("/api/articles", params={"limit": 1, "cursor": first["next_cursor"]}).json()
    assert [a["id"] for a in first["items"] + second["items"]] == seed_ids
    assert second["next_cursor"] is None


def test_api_article_one_with_analysis(client: TestClient, seed_ids: list[str]) -> None:
    art = client.get(f"/api/articles/{seed_ids[0]}").json()
    assert art["id"] == seed_ids[0] and art["text"].startswith("La Russie")
    assert "analysis" in art
    if art["analysis"].get("status") != "pending":
        assert art["sentences"] and art["entities"]
        assert any("Tout se déroule comme prévu" in q["text"] for q in art["quotes"])


# --- stories ------------------------------------------------------------------
def test_api_stories_list(client: TestClient, story_id: int, seed_ids: list[str]) -> None:
    for sort in ("recent", "size"):
        items = client.get("/api/stories", params={"sort": sort}).json()["items"]
        assert items[0]["id"] == story_id
    story = client.get(f"/api/stories/{story_id}").json()
    assert sorted(a["id"] for a in story["articles"]) == seed_ids  # one story holds both seeds


def test_api_stories_filters(client: TestClient, story_id: int, louka_id: str) -> None:
    assert [s["id"] for s in client.get("/api/stories", params={"entity": louka_id}).json()["items"]] == [
        story_id]
    assert client.get("/api/stories", params={"entity": "per:nobody"}).json()["items"] == []
    assert client.get("/api/stories", params={"since": "2023-06-10"}).json()["items"]
    assert client.get("/api/stories", params={"since": "2024-01-01"}).json()["items"] == []
    assert client.get("/api/stories", params={"until": "2023-05"}).json()["items"] == []


def test_api_story_full_view(client: TestClient, story_id: int) -> None:
    story = client.get(f"/api/stories/{story_id}").json()
    view = story["view"]
    assert story["title"]
    for key in ("summary", "facts", "timeline", "disagreements", "speakers", "entity_graph"):
        assert key in view
    cited = [c for s in view["summary"] for c in s["citations"]]
    assert cited and set(cited) <= {a["id"] for a in story["articles"]}


# --- entities -----------------------------------------------------------------
@pytest.mark.parametrize("q", ["Loukachenko", "loukachenko", "Alexandre Louka"])
def test_api_entities_search_by_name_or_alias(client: TestClient, q: str, louka_id: str) -> None:
    ids = [e["id"] for e in client.get("/api/entities", params={"q": q}).json()["items"]]
    assert louka_id in ids


def test_api_entity_one(client: TestClient, louka_id: str, story_id: int) -> None:
    ent = client.get(f"/api/entities/{louka_id}").json()
    assert "Loukachenko" in ent["name"]
    assert [s["id"] for s in ent["stories"]] == [story_id]
    assert any("Poutine" in e["name"] for e in ent["co_occurring"])
    assert any("Merci" in q["text"] for q in ent["quotes"])


def test_api_entities_cursor_pages(client: TestClient) -> None:
    everything = [e["id"] for e in client.get("/api/entities", params={"limit": 100}).json()["items"]]
    if len(everything) < 3:
        pytest.skip("too few entities to page")
    seen, cur = [], None
    for _ in range(len(everything)):
        body = client.get("/api/entities", params={"limit": 2, **({"cursor": cur} if cur else {})}).json()
        seen += [e["id"] for e in body["items"]]
        cur = body["next_cursor"]
        if not cur:
            break
    assert seen == everything


# --- quotes -------------------------------------------------------------------
def test_api_quotes_by_speaker(client: TestClient, louka_id: str) -> None:
    everything = client.get("/api/quotes", params={"limit": 100}).json()["items"]
    by_id = client.get("/api/quotes", params={"speaker": louka_id}).json()["items"]
    by_name = client.get("/api/quotes", params={"speaker": "loukachenko"}).json()["items"]
    assert by_id and all(q["speaker_entity_id"] == louka_id for q in by_id)
    assert {(q["article_id"], q["index"]) for q in by_id} <= {(q["article_id"], q["index"]) for q in by_name}
    assert len(by_id) < len(everything)


def test_api_quotes_cursor_pages(client: TestClient) -> None:
    everything = client.get("/api/quotes", params={"limit": 100}).json()["items"]
    seen: list[Any] = []
    cur = None
    for _ in range(len(everything) + 1):
        body = client.get("/api/quotes", params={"limit": 3, **({"cursor": cur} if cur else {})}).json()
        seen += body["items"]
        cur = body["next_cursor"]
        if not cur:
            break
    assert seen == everything


# --- search -------------------------------------------------------------------
def test_api_search(client: TestClient, seed_ids: list[str]) -> None:
    body = client.get("/api/search", params={"q": "Loukachenko"}).json()
    assert sorted(r["id"] for r in body["results"]) == seed_ids and body["total"] == 2
    for r in body["results"]:
        snip = r["snippet"]
        assert [snip["text"][a:b] for a, b in snip["highlights"]][0] == "Loukachenko"
    assert {f["value"] for f in body["facets"]["language"]} == {"fr"}
    assert body["facets"]["month"] == [{"value": "2023-06", "count": 2}]


def test_api_search_entity_facet_and_filter(client: TestClient, louka_id: str) -> None:
    body = client.get("/api/search", params={"q": "Sotchi"}).json()
    assert body["facets"]["entity"]
    for f in body["facets"]["entity"][:3]:  # a facet count is what its filter returns
        narrowed = client.get("/api/search", params={"q": "Sotchi", "entity": f["value"]}).json()
        assert narrowed["total"] == f["count"] <= body["total"]
    only = client.get("/api/search", params={"q": "Sotchi", "entity": louka_id, "month": "2023-06"}).json()
    assert only["total"] == 2
    none = client.get("/api/search", params={"q": "Sotchi", "month": "2023-07"}).json()
    assert none["total"] == 0


def test_api_search_cursor(client: TestClient) -> None:
    first = client.get("/api/search", params={"q": "Poutine", "limit": 1}).json()
    second = client.get("/api/search", params={"q": "Poutine", "limit": 1,
                                               "cursor": first["next_cursor"]}).json()
    assert first["results"][0]["id"] != second["results"][0]["id"]
    # A cursor belongs to its query.
    assert_problem(client.get("/api/search", params={"q": "Sotchi", "cursor": first["next_cursor"]}), 400)


# --- exports ------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["stories", "articles", "entities", "quotes"])
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "parquet"])
def test_api_export(client: TestClient, kind: str, fmt: str) -> None:
    import io
    import json

    resp = client.get(f"/api/export/{kind}", params={"format": fmt})
    assert resp.status_code == 200
    if fmt == "json":
        rows = json.loads(resp.text)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in resp.text.splitlines()]
    elif fmt == "csv":
        import csv

        rows = list(csv.DictReader(io.StringIO(resp.text)))
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(io.BytesIO(resp.content)).to_pylist()
    listed = {"articles": 2, "stories": len(client.get("/api/stories").json()["items"])}
    if kind in listed:
        assert len(rows) == listed[kind]
    if kind == "articles":
        assert {r["id"] for r in rows} == {a["id"] for a in client.get("/api/articles").json()["items"]}


# --- errors: a clear 4xx problem, never a 500 ---------------------------------
@pytest.mark.parametrize(("url", "status"), [
    ("/api/articles?limit=0", 422), ("/api/articles?limit=101", 422), ("/api/articles?limit=abc", 422),
    ("/api/articles?cursor=garbage", 400), ("/api/articles?cursor=eyJrIjoieCJ9", 400),
    ("/api/articles?since=2023-13", 422), ("/api/articles?since=yesterday", 422),
    ("/api/articles?until=2023-02-30", 422), ("/api/articles/no-such-article", 404),
    ("/api/stories?sort=alpha", 422), ("/api/stories/abc", 422), ("/api/stories/0", 422),
    ("/api/stories/99999999999999999999999", 422), ("/api/stories/424242", 404),
    ("/api/stories?cursor=" + "A" * 3000, 400), ("/api/stories?since=June", 422),
    ("/api/entities/per:nobody", 404), ("/api/entities?cursor=%00%01", 400),
    ("/api/quotes?cursor=WzEsMl0", 400), ("/api/search", 422), ("/api/search?q=", 422),
    ("/api/search?q=%21%21%21", 422), ("/api/search?q=x&month=2023-6", 422),
    ("/api/search?q=" + "a" * 600, 422), ("/api/export/everything", 422),
    ("/api/export/articles?format=xml", 422), ("/api/nothing-here", 404),
])
def test_api_bad_requests_are_problems(client: TestClient, url: str, status: int) -> None:
    assert_problem(client.get(url), status)


def test_api_and_cli_refuse_a_bad_date_in_the_same_words(client: TestClient) -> None:
    """One rule for both interfaces: the API's 422 detail is the message the CLI prints."""
    from veille.services.queries import FilterError, date_bound

    for value in ("2023-13", "2023-02-30", "June"):
        r = client.get(f"/api/articles?until={value}")
        assert_problem(r, 422)
        with pytest.raises(FilterError) as exc:
            date_bound(value, "until", end=True)
        assert r.json()["detail"] == str(exc.value)
    assert client.get("/api/articles?until=2023-06").status_code == 200


def test_api_wrong_method_is_a_problem(client: TestClient) -> None:
    assert_problem(client.delete("/api/articles"), 405)


def test_api_openapi_and_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/stories", "/api/stories/{story_id}",
                 "/api/entities", "/api/entities/{entity_id}", "/api/quotes", "/api/search",
                 "/api/export/{kind}"):
        assert path in schema["paths"], path
    assert "post" in schema["paths"]["/api/articles"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
