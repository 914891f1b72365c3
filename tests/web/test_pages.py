"""HTML pages on the seeds store, and untrusted article text shown as text everywhere."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from .conftest import PAYLOAD_SOURCE, PAYLOAD_TEXT, PAYLOAD_TITLE, RAW_MARKUP


def _page(client: TestClient, url: str) -> str:
    resp = client.get(url)
    assert resp.status_code == 200, (url, resp.text[:500])
    assert resp.headers["content-type"].startswith("text/html")
    csp = resp.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    return resp.text


def test_page_home_lists_the_story(client: TestClient, story_id: int) -> None:
    assert f'href="/stories/{story_id}"' in _page(client, "/")


def test_page_story_has_cited_summary(client: TestClient, story_id: int) -> None:
    page = _page(client, f"/stories/{story_id}")
    view = client.get(f"/api/stories/{story_id}").json()["view"]
    first = view["summary"][0]
    assert first["text"] in html.unescape(page)
    link = f'/articles/{quote(first["article"])}?hl={first["start"]}-{first["end"]}#cited'
    assert link in page
    for section in ("Summary", "Corroborated facts", "Articles"):
        assert f">{section}</h2>" in page


def test_page_article_highlights_the_cited_sentence(client: TestClient, story_id: int) -> None:
    first = client.get(f"/api/stories/{story_id}").json()["view"]["summary"][0]
    page = _page(client, f'/articles/{quote(first["article"])}?hl={first["start"]}-{first["end"]}')
    marks = re.findall(r'<mark class="cited"[^>]*>(.*?)</mark>', page, flags=re.S)
    shown = html.unescape(re.sub(r"<[^>]+>", "", "".join(marks)))
    assert shown == first["text"]
    assert 'id="cited"' in page


@pytest.mark.parametrize("hl", ["x-y", "10-5", "-1-4", "0-999999999", "5"])
def test_page_article_ignores_bad_highlight(client: TestClient, seed_ids: list[str], hl: str) -> None:
    assert 'class="cited"' not in _page(client, f"/articles/{seed_ids[0]}?hl={hl}")


def test_page_article_links_entities(client: TestClient, seed_ids: list[str], louka_id: str) -> None:
    page = _page(client, f"/articles/{seed_ids[0]}")
    assert f'href="/entities/{quote(louka_id)}"' in page
    assert 'class="quote"' in page and 'class="time"' in page


def test_page_search_then_entity(client: TestClient, louka_id: str) -> None:
    page = _page(client, "/search?q=Loukachenko")
    assert "<mark>Loukachenko</mark>" in page
    assert "2 articles" in page and ">Month</h2>" in page
    assert f'href="/entities/{quote(louka_id)}"' in page
    ent = _page(client, f"/entities/{quote(louka_id)}")
    assert "Loukachenko" in ent and ">Quotes</h2>" in ent and ">Mentioned with</h2>" in ent


@pytest.mark.parametrize("url", ["/entities", "/entities?q=pout", "/quotes", "/quotes?speaker=poutine",
                                 "/search", "/search?q=%21%21", "/?sort=size"])
def test_page_lists(client: TestClient, url: str) -> None:
    _page(client, url)


@pytest.mark.parametrize("url", ["/stories/424242", "/articles/nope", "/entities/per:nobody", "/nowhere"])
def test_page_not_found_is_html(client: TestClient, url: str) -> None:
    resp = client.get(url)
    assert resp.status_code == 404 and resp.headers["content-type"].startswith("text/html")


# --- untrusted text ---------------------------------------------------------------
def _pages_of(c: TestClient) -> list[str]:
    art_id = quote("xss-<script>1")
    urls = ["/", f"/articles/{art_id}", f"/articles/{art_id}?q=port&hl=0-40", "/search?q=port",
            "/search?q=" + quote('<script>alert("q")</script> port'), "/entities", "/quotes",
            "/quotes?speaker=" + quote("<script>"), "/articles/" + quote("<script>alert(9)</script>")]
    urls += [f"/stories/{s['id']}" for s in c.get("/api/stories").json()["items"]]
    urls += [f"/entities/{quote(e['id'])}" for e in c.get("/api/entities?limit=100").json()["items"]]
    return urls


def test_untrusted_text_is_shown_as_text_everywhere(xss_client: TestClient) -> None:
    urls = _pages_of(xss_client)
    assert len(urls) >= 9
    for url in urls:
        resp = xss_client.get(url)
        assert resp.status_code in (200, 404), url
        assert "script-src 'self'" in resp.headers["content-security-policy"]
        body = resp.text
        for raw in RAW_MARKUP:
            assert raw not in body, (url, raw)
    article = xss_client.get("/articles/" + quote("xss-<script>1")).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article  # the payload is visible, as text
    assert "&lt;img src=x onerror=alert(2)&gt;" in article
    assert html.escape(PAYLOAD_SOURCE, quote=False) in article


def test_untrusted_text_in_api_is_verbatim(xss_client: TestClient) -> None:
    art = xss_client.get("/api/articles/" + quote("xss-<script>1")).json()
    assert art["title"] == PAYLOAD_TITLE and art["text"] == PAYLOAD_TEXT
