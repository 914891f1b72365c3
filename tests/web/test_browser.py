"""End to end in headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

Set VEILLE_SCREENSHOTS=1 to (re)write the README screenshots in docs/screenshots/.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from veille.store import Store

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
REPO = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"{CHROMIUM} missing: run `make system-deps` (Debian package chromium)"),
]


def _serve(store: Store) -> Iterator[str]:
    import uvicorn

    from veille.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def base_url(seeds_store: Store) -> Iterator[str]:
    yield from _serve(seeds_store)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    pw = pytest.importorskip("playwright.sync_api")
    with pw.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = ctx.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    ctx.close()


def test_browser_home_story_citation(page: Any, base_url: str, story_id: int) -> None:
    page.goto(base_url + "/")
    page.locator(f'a[href="/stories/{story_id}"]').first.click()
    page.wait_for_url(f"**/stories/{story_id}")
    title = page.locator("h1").inner_text()
    assert title
    sentence = page.locator("ol.summary > li").first
    expected = sentence.evaluate("li => li.firstChild.textContent").strip()
    sentence.locator("a.cite").first.click()
    page.wait_for_url("**/articles/**")
    mark = page.locator("mark#cited")
    assert mark.is_visible()
    shown = page.locator("mark.cited").evaluate_all("ms => ms.map(m => m.textContent).join('')")
    assert shown.strip() == expected
    # The script moved focus to the sentence: keyboard and screen-reader users land on it.
    assert page.evaluate("document.activeElement.id") == "cited"
    assert page.dialogs == []


def test_browser_search_to_entity(page: Any, base_url: str, louka_id: str) -> None:
    page.goto(base_url + "/")
    page.get_by_label("Search articles").fill("Loukachenko")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Loukachenko*")
    assert page.locator("mark", has_text="Loukachenko").count() >= 2
    page.locator(f'p.chips a[href="/entities/{quote(louka_id)}"]').click()
    page.wait_for_url(f"**/entities/{quote(louka_id)}")
    assert "Loukachenko" in page.locator("h1").inner_text()
    assert page.locator("#h-stories").is_visible()


def test_browser_keyboard_and_phone(browser: Any, base_url: str, story_id: int) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    pg = ctx.new_page()
    pg.goto(f"{base_url}/stories/{story_id}")
    # No sideways scrolling on a phone.
    assert pg.evaluate("document.documentElement.scrollWidth") <= 391
    out = REPO / "docs" / "screenshots" if os.environ.get("VEILLE_SCREENSHOTS") else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(out / "story-phone.png"), full_page=False)
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.textContent") == "Skip to content"
    ctx.close()
    if out:
        ctx = browser.new_context(viewport={"width": 1200, "height": 900})
        pg = ctx.new_page()
        pg.goto(f"{base_url}/stories/{story_id}")
        pg.screenshot(path=str(out / "story.png"), full_page=False)
        pg.screenshot(path=str(out / "story-full.png"), full_page=True)
        pg.locator("ol.summary a.cite").nth(2).click()
        pg.wait_for_url("**/articles/**")
        pg.screenshot(path=str(out / "article-cited.png"), full_page=False)
        pg.goto(f"{base_url}/search?q=Loukachenko")
        pg.screenshot(path=str(out / "search.png"), full_page=False)
        ctx.close()


def test_browser_untrusted_article_runs_no_script(page: Any, xss_client: Any) -> None:
    store = xss_client.app.state.store
    for url in _serve(store):
        page.goto(url + "/articles/xss-%3Cscript%3E1")
        page.wait_for_load_state("load")
        assert "<script>alert(1)</script>" in page.locator(".text").inner_text()
        page.goto(url + "/")
        page.goto(url + "/search?q=port")
        assert page.dialogs == []


def test_browser_api_docs_render_offline(page: Any, base_url: str) -> None:
    page.goto(base_url + "/docs")
    page.wait_for_selector('.opblock-summary-path[data-path="/api/search"]', timeout=15000)
    assert page.locator(".opblock").count() >= 9


@pytest.fixture(scope="module")
def story_base_url(news_story_store: Store) -> Iterator[str]:
    """A store of one real news-clusters story (several outlets over several days)."""
    yield from _serve(news_story_store)


def test_browser_story_charts(page: Any, story_base_url: str) -> None:
    """The story page draws its charts under the strict CSP: visible SVG with an
    accessible name, bars with counts, no CSP violation, no script run."""
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(story_base_url + "/")
    assert page.locator("#h-changes").is_visible()  # the "since yesterday" strip
    page.goto(story_base_url + "/?sort=size")  # the biggest story: several outlets and days
    page.locator("ul.cards a[href^='/stories/']").first.click()
    page.wait_for_url("**/stories/*")
    charts = page.locator("svg.chart")
    assert charts.count() == 3
    first = charts.first
    first.scroll_into_view_if_needed()
    assert first.is_visible()
    box = first.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 60
    labelled = first.get_attribute("aria-labelledby") or ""
    name = page.locator(f"[id='{labelled.split()[0]}']").text_content()
    assert name and name.startswith("Articles in this story")
    assert page.locator("svg.chart rect title").count() >= 2
    out = REPO / "docs" / "screenshots" if os.environ.get("VEILLE_SCREENSHOTS") else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
        page.locator("#h-charts").scroll_into_view_if_needed()
        page.locator("section[aria-labelledby='h-charts']").screenshot(path=str(out / "story-charts.png"))
    # From an entity chip to the entity's own charts.
    page.locator("p.chips a.chip").first.click()
    page.wait_for_url("**/entities/**")
    assert page.locator("svg.chart").count() == 3
    name = page.locator("h1").evaluate("h => h.firstChild.textContent").strip()
    assert page.locator("[id='entity-mentions-t']").text_content() == f"Mentions of {name} over time"
    assert violations == [] and page.dialogs == []
    if out:
        page.locator("section[aria-labelledby='h-charts']").screenshot(path=str(out / "entity-charts.png"))
        page.goto(story_base_url + "/")
        page.screenshot(path=str(out / "home-changes.png"), full_page=False)
