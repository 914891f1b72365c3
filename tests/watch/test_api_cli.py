"""The watch API router and the CLI commands, against loopback servers only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from veille.cli import app as cli
from veille.store import Store
from veille.store.schema import alerts
from veille.watch import alerts as al
from veille.watch.sources import WatchlistSpec
from veille.web.app import create_app

from .conftest import Server

TOKEN = "s3cret-token"


def _client(store: Store, token: str | None = TOKEN) -> TestClient:
    """The watch routes as the web app serves them (its one token rule)."""
    return TestClient(create_app(store, token=token or "", protect_reads=False))


def test_watchlists_api_needs_the_token_to_write(store: Store) -> None:
    c = _client(store)
    body = {"name": "ports", "queries": ["dockers grève"], "channels": ["print"]}
    assert c.post("/api/watchlists", json=body).status_code == 401
    assert c.post("/api/watchlists", json=body,
                  headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = c.post("/api/watchlists", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201 and r.json()["queries"] == ["dockers grève"]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    bad = c.post("/api/watchlists", json={"name": "x", "channels": ["print"]}, headers=auth)
    assert bad.status_code == 422  # neither entities nor queries
    to_file = c.post("/api/watchlists", headers=auth,
                     json={"name": "f", "queries": ["a"], "channels": ["jsonl:/tmp/x.jsonl"]})
    assert to_file.status_code == 422  # no file paths over HTTP
    assert [w["name"] for w in c.get("/api/watchlists").json()["items"]] == ["ports"]
    # No token configured: writes are off altogether.
    assert _client(store, None).post("/api/watchlists", json=body,
                                     headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 403


@pytest.mark.parametrize("header", ["X-Veille-Token", "X-Token"])
def test_watch_writes_refuse_other_token_headers(store: Store, header: str) -> None:
    """One token rule for the whole API: a token in any header but
    ``Authorization: Bearer`` is refused on the watch routes as on /api/articles."""
    c = _client(store)
    body = {"name": "ports", "queries": ["grève"], "channels": ["print"]}
    for method, url, kwargs in (("post", "/api/watchlists", {"json": body}),
                                ("post", "/api/stories/1/seen", {}),
                                ("post", "/api/articles", {"json": {"text": "Un texte."}})):
        resp = c.request(method.upper(), url, headers={header: TOKEN}, **kwargs)
        assert resp.status_code == 401, (url, resp.text)
        assert resp.headers["content-type"].startswith("application/problem+json")
        assert resp.json()["type"].endswith("token-required")
    assert c.get("/api/watchlists").json()["items"] == []


def test_alerts_api_pages_newest_first(store: Store) -> None:
    with store.begin() as conn:
        wid = al.save_watchlist(conn, WatchlistSpec("w", queries=["x"]))
        for i in range(5):
            conn.execute(alerts.insert().values(
                watchlist_id=wid, kind="article", key=f"article:{i}", article_uid=str(i),
                matched={"entities": [], "queries": ["x"]}, payload={}, created_at=al.now()))
    c = _client(store)
    page1 = c.get("/api/alerts", params={"limit": 3}).json()
    assert [a["article_uid"] for a in page1["items"]] == ["4", "3", "2"]
    page2 = c.get("/api/alerts", params={"limit": 3, "cursor": page1["next_cursor"]}).json()
    assert [a["article_uid"] for a in page2["items"]] == ["1", "0"] and page2["next_cursor"] is None
    newer = c.get("/api/alerts", params={"after_id": page1["items"][0]["id"] - 1}).json()
    assert [a["article_uid"] for a in newer["items"]] == ["4"]
    assert c.get("/api/stories/99/changes").status_code == 404
    assert c.get("/api/updates").json() == {"items": []}


def test_cli_watch_once_from_a_sources_file(server: Server, tmp_path: Path) -> None:
    server.fixture("/feed.rss", "feed.rss", etag='"1"')
    server.articles()
    alerts_file = tmp_path / "alerts.jsonl"
    cfg = tmp_path / "SOURCES.toml"
    cfg.write_text(f"""
[defaults]
every = "10m"
delay = 0

[[source]]
url = "{server.url('/feed.rss')}"
name = "Le Courrier"

[[watchlist]]
name = "port"
queries = ["dockers"]
channels = ["jsonl:{alerts_file}"]
""", encoding="utf-8")
    db = str(tmp_path / "cli.db")
    run = CliRunner()
    args = ["--db", db, "watch", str(cfg), "--once", "--no-analyze", "--no-cluster", "--json"]
    r = run.invoke(cli, args)
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert report["added"] == 3 and report["alerts"] == 1
    assert json.loads(alerts_file.read_text())["article"]["uid"] == "tag:valmont.example,2026:1122-port"
    # Again: nothing due, nothing fetched.
    n = len(server.hits)
    r = run.invoke(cli, args)
    assert r.exit_code == 0 and json.loads(r.stdout)["sources"] == [] and len(server.hits) == n
    # --force: polled now; the feed answers 304.
    r = run.invoke(cli, [*args, "--force"])
    assert json.loads(r.stdout)["sources"][0]["status"] == "not_modified"

    r = run.invoke(cli, ["--db", db, "source", "list", "--json"])
    rows = json.loads(r.stdout)
    assert rows[0]["name"] == "Le Courrier" and rows[0]["every"] == 600 and rows[0]["etag"] == '"1"'
    r = run.invoke(cli, ["--db", db, "alerts", "--json"])
    assert [a["article_uid"] for a in json.loads(r.stdout)] == ["tag:valmont.example,2026:1122-port"]
    r = run.invoke(cli, ["--db", db, "watchlist", "list", "--json"])
    assert json.loads(r.stdout)[0]["queries"] == ["dockers"]


def test_cli_source_and_watchlist_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    run = CliRunner()
    r = run.invoke(cli, ["--db", db, "source", "add", "https://example.org/rss", "--every", "1h30m",
                         "--name", "Ex"])
    assert r.exit_code == 0, r.output
    r = run.invoke(cli, ["--db", db, "source", "add", "ftp://example.org/rss"])
    assert r.exit_code == 2 and "not an http(s) URL" in r.output
    r = run.invoke(cli, ["--db", db, "source", "add", "https://example.org/x", "--every", "soon"])
    assert r.exit_code == 2 and "not a duration" in r.output
    rows = json.loads(run.invoke(cli, ["--db", db, "source", "list", "--json"]).stdout)
    assert [(s["url"], s["every"]) for s in rows] == [("https://example.org/rss", 5400)]
    assert run.invoke(cli, ["--db", db, "source", "remove", "1"]).exit_code == 0
    assert run.invoke(cli, ["--db", db, "source", "remove", "1"]).exit_code == 1
    r = run.invoke(cli, ["--db", db, "watchlist", "add", "w", "-c", "email:me"])
    assert r.exit_code == 2
    r = run.invoke(cli, ["--db", db, "watchlist", "add", "w", "-e", "Hélène Marchetti",
                         "-c", "webhook:http://127.0.0.1:9/hook"])
    assert r.exit_code == 0, r.output
    r = run.invoke(cli, ["--db", db, "updates"])
    assert r.exit_code == 0
    r = run.invoke(cli, ["--db", db, "watch", "--once"])
    assert r.exit_code == 2 and "no sources" in r.output
