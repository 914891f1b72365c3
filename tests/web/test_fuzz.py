"""Whatever a client sends as parameters, the answer is a 2xx or a 4xx problem, never a 500."""

from __future__ import annotations

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
PARAMS = st.dictionaries(
    st.sampled_from(["q", "cursor", "limit", "since", "until", "month", "source", "language", "entity",
                     "sort", "speaker", "format"]),
    TEXT, max_size=4)
PATHS = st.sampled_from(["/api/search", "/api/articles", "/api/stories", "/api/entities", "/api/quotes",
                         "/search", "/", "/entities", "/quotes", "/api/export/entities"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=PATHS, params=PARAMS)
def test_fuzz_parameters_never_500(client: TestClient, path: str, params: dict[str, str]) -> None:
    resp = client.get(path, params=params)
    assert resp.status_code < 500, (path, params, resp.text[:300])
    if resp.status_code >= 400 and path.startswith("/api"):
        assert resp.headers["content-type"].startswith("application/problem+json")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tail=TEXT)
def test_fuzz_ids_never_500(client: TestClient, tail: str) -> None:
    from urllib.parse import quote

    # "." and ".." are path syntax (the client resolves them away), not ids.
    segment = quote(tail or "x") if tail not in (".", "..") else quote(tail).replace(".", "%2E")
    for base in ("/api/articles/", "/api/entities/", "/articles/", "/entities/"):
        resp = client.get(base + segment)
        assert resp.status_code in (200, 404), (base, tail, resp.text[:300])
