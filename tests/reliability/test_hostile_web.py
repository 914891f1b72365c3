"""The web app under hostile input, round two (issue 20, items 1 and 8): deep
JSON bodies and uploads answer 4xx with the security headers, never 500; ids
that look like paths link to themselves; OPTIONS says what is allowed; the
API docs page runs no inline script the policy does not name by hash."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.store import Store

TOKEN = "hostile-token-5e1f"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
GOOD = {"id": "good", "text": "Le port de Brest a rouvert lundi après trois jours de grève."}
PATHLIKE = "../../etc/passwd"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from veille.web.app import create_app

    store = Store.open(str(tmp_path_factory.mktemp("hostile") / "h.db"))
    with TestClient(create_app(store, token=TOKEN), raise_server_exceptions=False) as c:
        for art in (GOOD, {"id": PATHLIKE, "title": "Chemin", "text": "Un article dont l'id "
                           "ressemble à un chemin de fichier, pour voir."}, {"id": "..", "text":
                           "Un article dont l'id est deux points, pour voir aussi."}):
            resp = c.post("/api/articles?process=false", json=art, headers=AUTH)
            assert resp.status_code == 201, resp.text[:300]
        yield c
    store.close()


def _secure(resp: object) -> None:
    headers = resp.headers  # type: ignore[attr-defined]
    assert headers.get("x-content-type-options") == "nosniff"
    assert "default-src 'self'" in headers.get("content-security-policy", "")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=70, max_value=20_000), st.sampled_from(["[]", "{}"]))
def test_deep_json_body_is_400_with_headers(client: TestClient, depth: int, pair: str) -> None:
    body = "[" * depth + "]" * depth if pair == "[]" else '{"a":' * depth + "1" + "}" * depth
    resp = client.post("/api/articles", content=body,
                       headers=AUTH | {"content-type": "application/json"})
    assert resp.status_code == 400 and resp.json()["type"].endswith("/too-deep")
    _secure(resp)


def test_deep_line_of_a_multipart_upload_is_a_reject_beside_stored_lines(client: TestClient) -> None:
    lines = [json.dumps({"id": "up-1", "text": "Première ligne valide de l'envoi, avec des mots."}),
             '{"id":"deep","text":"t","x":' + "[" * 2000 + "]" * 2000 + "}",
             json.dumps({"id": "up-2", "text": "Troisième ligne valide de l'envoi, avec d'autres mots."})]
    resp = client.post("/api/articles?process=false", headers=AUTH,
                       files={"file": ("deep.jsonl", "\n".join(lines).encode(), "application/x-ndjson")})
    assert resp.status_code == 201, resp.text[:300]
    body = resp.json()
    assert body["ids"] == ["up-1", "up-2"]
    assert [(r["code"], r["line"]) for r in body["rejects"]] == [("E017", 2)]
    _secure(resp)


def test_path_like_ids_are_percent_encoded_links_that_work(client: TestClient) -> None:
    home = client.get("/").text
    hrefs = re.findall(r'href="(/articles/[^"]*)"', home)
    assert "/articles/..%2F..%2Fetc%2Fpasswd" in hrefs and "/articles/%2E%2E" in hrefs
    assert not any(h.startswith("/articles/../") for h in hrefs)
    for href in ("/articles/..%2F..%2Fetc%2Fpasswd", "/articles/%2E%2E"):
        page = client.get(href)
        assert page.status_code == 200 and "pour voir" in page.text


def test_options_answers_with_allow(client: TestClient) -> None:
    resp = client.options("/api/articles")
    assert resp.status_code == 204
    assert set(resp.headers["allow"].split(", ")) == {"GET", "HEAD", "OPTIONS", "POST"}
    _secure(resp)
    assert client.options("/api/stories").headers["allow"] == "GET, HEAD, OPTIONS"
    assert client.options("/no/such/route").status_code == 404
    wrong = client.delete("/api/articles")
    assert wrong.status_code == 405 and "POST" in wrong.headers["allow"]


def test_docs_csp_has_no_unsafe_inline_script(client: TestClient) -> None:
    resp = client.get("/docs")
    assert resp.status_code == 200
    csp = resp.headers["content-security-policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src
    # Every inline script of the page is one the policy names.
    import base64
    import hashlib
    for script in re.findall(r"<script>(.*?)</script>", resp.text, re.S):
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in script_src


def test_no_500_from_hostile_bodies(client: TestClient) -> None:
    for body in ("[" * 100_000, "{" * 100_000, '{"a":' * 50_000, '"' + "\\" * 1001):
        resp = client.post("/api/articles", content=body,
                           headers=AUTH | {"content-type": "application/json"})
        assert 400 <= resp.status_code < 500, (body[:10], resp.status_code)
        _secure(resp)
    # The watch API's JSON bodies are parsed by FastAPI: 400, not a RecursionError.
    resp = client.post("/api/watchlists", content="[" * 5000 + "]" * 5000,
                       headers=AUTH | {"content-type": "application/json"})
    assert resp.status_code == 400
    _secure(resp)


def test_deep_cursor_is_400_not_500(client: TestClient) -> None:
    import base64

    deep = base64.urlsafe_b64encode(b"[" * 1490).decode().rstrip("=")
    for path in ("/api/articles", "/api/stories", "/api/quotes", "/api/search?q=port", "/", "/quotes",
                 "/entities", "/api/entities"):
        resp = client.get(path + ("&" if "?" in path else "?") + "cursor=" + deep)
        assert resp.status_code == 400, (path, resp.status_code)
        _secure(resp)
