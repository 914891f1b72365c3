"""Every JSON route of the API declares its response body in /openapi.json."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from veille.web.api.schemas import ArticleDetail, SearchPage, StoryDetail


def _success_schemas(op: dict[str, Any]) -> list[dict[str, Any]]:
    return [media.get("schema") or {}
            for code, resp in op["responses"].items() if code.startswith("2")
            for media in (resp.get("content") or {}).values()]


def test_every_route_has_a_response_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    missing = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            schemas = _success_schemas(op)
            # an object without properties is no schema: it was dict[str, Any]
            if not schemas or any(not s or (s.get("type") == "object" and "properties" not in s
                                             and "$ref" not in s) for s in schemas):
                missing.append(f"{method.upper()} {path}")
    assert not missing, missing


def test_story_schema_names_the_view_parts(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    names = set(spec["components"]["schemas"])
    assert {"StoryDetail", "StoryView", "Fact", "TimelineEntry", "SpeakerGroup",
            "Disagreement", "Title"} <= names
    title = spec["components"]["schemas"]["Title"]["properties"]
    assert "from" in title and "from_" not in title


def _through(model: Any, body: dict[str, Any]) -> Any:
    """What FastAPI prints for ``body`` with this response model."""
    return model.model_validate(body).model_dump(mode="json", by_alias=True, exclude_unset=True)


def test_models_print_bodies_unchanged_absent_stays_absent(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    art = client.get(f"/api/articles/{body['items'][0]['id']}").json()
    assert _through(ArticleDetail, art) == art
    pending = {k: v for k, v in art.items()
               if k not in ("sentences", "entities", "quotes", "times", "quantities")}
    pending["analysis"] = {"status": "pending"}
    assert _through(ArticleDetail, pending) == pending  # no "sentences": null, no "notes": []
    sid = client.get("/api/stories").json()["items"][0]["id"]
    story = client.get(f"/api/stories/{sid}").json()
    assert _through(StoryDetail, story) == story
    computed = story | {"view": {k: v for k, v in story["view"].items() if k != "story_id"}}
    assert _through(StoryDetail, computed) == computed
    assert _through(StoryDetail, story | {"view": {}}) == story | {"view": {}}
    extended = art | {"a_new_field": [1, 2]}
    assert _through(ArticleDetail, extended) == extended  # extend, never drop


def test_search_hit_of_an_empty_text_keeps_its_short_snippet(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "Loukachenko"}).json()
    assert body["results"]
    hit = body["results"][0] | {"snippet": {"text": "", "start": 0, "end": 0, "highlights": []}}
    page = body | {"results": [hit]}
    assert _through(SearchPage, page) == page
