"""Charts on story and entity pages, and the home page's "since yesterday" strip.

Counts are checked against the input records themselves (the public
news-clusters set: real articles from several outlets over several days),
not against numbers written here."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from veille.core.clock import now
from veille.core.settings import Settings
from veille.store import Store
from veille.web import charts
from veille.web.data import activity

from .conftest import PAYLOAD_SOURCE, TOKEN, build_store

STORY = "north_Korea_hokkaido_missile"


def load_story_rows() -> list[dict[str, Any]]:
    """The articles of one news-clusters story (skips when the public set is absent)."""
    path = Path(Settings().shared_data) / "news-clusters" / "news_cluster.jsonl"
    if not path.exists():
        pytest.skip(f"../shared/data absent: {path} (the public news-clusters set)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["story"] == STORY]


def story_store(d: Path, rows: list[dict[str, Any]]) -> Store:
    """A store of these articles built by the real stages."""
    src = d / "story.jsonl"
    src.write_text("\n".join(json.dumps({k: r[k] for k in ("id", "url", "source", "published", "title",
                                                           "text", "language")}) for r in rows),
                   encoding="utf-8")
    return build_store(str(d / "c.db"), [str(src)])


@pytest.fixture(scope="module")
def cluster_rows() -> list[dict[str, Any]]:
    return load_story_rows()


@pytest.fixture(scope="module")
def clusters_client(news_story_store: Store) -> Iterator[TestClient]:
    """The rows of ``cluster_rows``, stored by the real stages (``story_store``)."""
    from veille.web.app import create_app

    with TestClient(create_app(news_story_store, token=TOKEN)) as c:
        yield c


def _rect_titles(page: str, chart_id: str) -> dict[str, int]:
    """'name, bucket' -> count, read from the <title> of each bar of one chart."""
    svg = page[page.index(f'aria-labelledby="{chart_id}-t'):]
    svg = svg[:svg.index("</svg>")]
    return {m.group(1): int(m.group(2))
            for m in re.finditer(r"<rect [^>]*><title>(.+?): (\d+) articles?</title>", svg)}


@pytest.mark.slow
def test_story_chart_counts_articles_by_source_and_day(clusters_client: TestClient,
                                                       cluster_rows: list[dict[str, Any]]) -> None:
    c = clusters_client
    by_id = {r["id"]: r for r in cluster_rows}
    # The biggest story the clusterer made of these articles.
    story = max(c.get("/api/stories", params={"limit": 50}).json()["items"], key=lambda s: s["size"])
    page = c.get(f"/stories/{story['id']}")
    assert page.status_code == 200
    html = page.text
    assert "<svg" in html and "<script" not in html.split("<main", 1)[1].split("</main>")[0]
    members = c.get(f"/api/stories/{story['id']}").json()["articles"]
    days = {by_id[a["id"]]["published"][:10] for a in members if a["id"] in by_id}
    monthly = (date.fromisoformat(max(days)) - date.fromisoformat(min(days))).days > activity.MAX_DAYS
    key = (lambda d: d[:7]) if monthly else (lambda d: d)
    expected = Counter((by_id[a["id"]]["source"], key(by_id[a["id"]]["published"][:10]))
                       for a in members if a["id"] in by_id)
    shown = _rect_titles(html, f"story-{story['id']}-sources")
    # Sources beyond the top ones are summed as "other": compare the named ones and the total.
    named = {k: v for k, v in shown.items() if not k.startswith("other,")}
    for label, n in named.items():
        source, _, bucket = label.rpartition(", ")
        assert expected[(source, bucket)] == n, label
    assert sum(shown.values()) == sum(expected.values()) == len(members)
    langs = _rect_titles(html, f"story-{story['id']}-languages")
    assert sum(langs.values()) == len(members) and all(k.startswith("en, ") for k in langs)
    # Accessible: the chart is an image named by its title and described.
    assert f'aria-labelledby="story-{story["id"]}-sources-t story-{story["id"]}-sources-d"' in html
    assert f'<desc id="story-{story["id"]}-sources-d">{len(members)} articles' in html


def test_entity_page_has_mentions_over_time(client: TestClient, louka_id: str) -> None:
    page = client.get(f"/entities/{louka_id}").text
    assert 'aria-labelledby="entity-mentions-t entity-mentions-d"' in page
    ent = client.get(f"/api/entities/{louka_id}").json()
    m = re.search(r'<desc id="entity-mentions-d">(\d+) mentions?', page)
    assert m and int(m.group(1)) == ent["mentions"]


def test_hostile_source_is_escaped_in_the_chart(xss_client: TestClient) -> None:
    items = xss_client.get("/api/stories").json()["items"]
    if not items:
        pytest.skip("no story: clustering has not run")
    page = xss_client.get(f"/stories/{items[0]['id']}").text
    svg = page[page.index('<svg class="chart"'):]
    assert "&lt;b onmouseover=alert(3)&gt;Evil&lt;/b&gt;" in svg
    assert PAYLOAD_SOURCE not in page


def test_chart_functions_escape_and_count() -> None:
    ch = charts.Chart("c<1>", 'Title "x" <i>', "articles", ["2024-03-01", "2024-03-02"],
                      [charts.Series("<script>alert(1)</script>", {"2024-03-01": 2}),
                       charts.Series("b&b", {"2024-03-01": 1, "2024-03-02": 3})])
    for svg in (charts.stacked_bars(ch), charts.lines(ch), charts.figure(ch)):
        assert "<script>" not in svg and "&lt;script&gt;" in svg and "b&amp;b" in svg
        assert "style=" not in svg  # the CSP allows no inline style
    bars = str(charts.stacked_bars(ch))
    assert bars.count("<rect") == 3
    assert "b&amp;b, 2024-03-02: 3 articles" in bars
    assert charts.describe(ch) == "6 articles, 2024-03-01 to 2024-03-02: <script>alert(1)</script> 2, b&b 4."


def test_buckets_follow_the_dates_precision() -> None:
    rows = [("2024-03-01", "2024-03-01", "a", 1), ("2024-03-03", "2024-03-03", "a", 2),
            ("2024-01-01", "2024-12-31", "a", 5)]
    buckets, series, undated = activity.series(rows)
    assert buckets == ["2024-03-01", "2024-03-02", "2024-03-03"] and undated == 5
    assert series[0].counts == {"2024-03-01": 1, "2024-03-03": 2}
    # One article dated to the month: the whole chart goes by month.
    buckets, series, _ = activity.series([*rows, ("2024-05-01", "2024-05-31", "b", 1)])
    assert buckets == ["2024-03", "2024-04", "2024-05"]
    assert {s.name: s.counts for s in series} == {"a": {"2024-03": 3}, "b": {"2024-05": 1}}


def test_since_yesterday_strip(client: TestClient, seeds_store: Store) -> None:
    with seeds_store.connect() as conn:
        today = activity.recent_changes(conn)
        later = activity.recent_changes(conn, at=now() + timedelta(days=2))
    n_stories = len(client.get("/api/stories").json()["items"])
    assert today["n_new"] == n_stories and today["n_grown"] == 0
    assert later["n_new"] == later["n_grown"] == 0 and later["last_ingest"]
    home = client.get("/").text
    assert 'id="h-changes"' in home
    assert f"{n_stories} new stor" in home
