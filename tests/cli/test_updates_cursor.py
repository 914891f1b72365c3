"""`veille updates` means "since I last looked", per named cursor, after watch passes.

The two seed articles (examples/, real French news) are published one after
the other by a feed served on the loopback interface; `veille watch --once`
takes each, and `updates` must show what each pass added, once per cursor.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from veille.cli import app

SEEDS = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))


def _page(text: str) -> bytes:
    """A seed as a news page: its first sentence as the headline, the rest in paragraphs."""
    body = text.split("\n", 1)[1] if text.startswith("date ") else text
    paras = [p.strip() for p in body.split("\n") if p.strip()]
    head = paras[0][:90]
    return ("<html><head><title>" + escape(head) + "</title></head><body><article><h1>"
            + escape(head) + "</h1>" + "".join(f"<p>{escape(p)}</p>" for p in paras)
            + "</article></body></html>").encode()


class Feed:
    """An RSS feed on 127.0.0.1 whose items can be published one by one."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.pages = {f"/a/{i}.html": _page(p.read_text(encoding="utf-8")) for i, p in enumerate(SEEDS)}
        feed = self

        class H(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                if self.path == "/feed.rss":
                    body, ctype = feed.rss(), "application/rss+xml"
                elif self.path in feed.pages:
                    body, ctype = feed.pages[self.path], "text/html; charset=utf-8"
                else:
                    body, ctype = b"not found", "text/plain"
                self.send_response(200 if ctype != "text/plain" else 404)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def rss(self) -> bytes:
        items = "".join(
            f"<item><title>article {p}</title><link>{self.base}{p}</link><guid>{self.base}{p}</guid>"
            f"<pubDate>Mon, 12 Jun 2023 08:00:00 GMT</pubDate></item>" for p in self.items)
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>seeds</title>'
                f"<link>{self.base}/</link><description>x</description>{items}</channel></rss>").encode()


@pytest.fixture
def feed() -> Iterator[Feed]:
    f = Feed()
    try:
        yield f
    finally:
        f.httpd.shutdown()
        f.httpd.server_close()


def run(db: str, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, ["--db", db, *args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise AssertionError(f"veille {' '.join(args)} raised {r.exception!r}")
    return r.exit_code, r.stdout, r.stderr


@pytest.mark.slow
def test_updates_after_watch_passes_per_cursor(feed: Feed, tmp_path: Path) -> None:
    if len(SEEDS) < 2:
        pytest.skip("examples/ holds fewer than two seed articles")
    db = str(tmp_path / "v.db")
    assert run(db, "source", "add", feed.base + "/feed.rss", "--name", "Seeds")[0] == 0
    assert run(db, "updates", "--json")[1].strip() == "[]"  # an empty store: nothing yet

    feed.items = ["/a/0.html"]
    code, out, err = run(db, "watch", "--once", "--json", "--delay", "0", "--ignore-robots")
    assert code == 0, err
    assert json.loads(out)["added"] == 1
    code, out, err = run(db, "updates", "--json")
    first = json.loads(out)
    assert code == 0 and [r["n_new_articles"] for r in first] == [1]
    assert first[0]["new_articles"] == [feed.base + "/a/0.html"]
    # Looked: nothing new until the next pass; the message is on stderr, stdout stays data.
    code, out, err = run(db, "updates")
    assert (code, out) == (0, "") and "no story has changed" in err

    feed.items = ["/a/1.html", "/a/0.html"]
    code, out, err = run(db, "watch", "--once", "--force", "--json", "--delay", "0", "--ignore-robots")
    assert code == 0 and json.loads(out)["added"] == 1, err
    # --peek shows without moving the cursor; the look after it shows the same.
    peeked = json.loads(run(db, "updates", "--json", "--peek")[1])
    code, out, _ = run(db, "updates", "--json")
    after = json.loads(out)
    assert after == peeked
    assert sum(r["n_new_articles"] for r in after) == 1
    assert [u for r in after for u in r["new_articles"]] == [feed.base + "/a/1.html"]
    # The second seed joined the first one's story or made its own: both are truthful.
    joined = [r for r in after if r["seen_before"]]
    assert all(r["n_articles"] == 2 for r in joined)
    assert json.loads(run(db, "updates", "--json")[1]) == []
    # Another reader has their own cursor: their first look shows both articles.
    code, out, err = run(db, "updates", "--json", "--cursor", "morning")
    other = json.loads(out)
    assert "first look" in err
    assert sum(r["n_new_articles"] for r in other) == 2
    # The plain view lists the story with its title, one line each, on stdout.
    code, out, err = run(db, "updates", "--cursor", "evening")
    assert code == 0 and out.count("\n") == len(other) and out.startswith("story ")
    assert run(db, "updates", "--cursor", "")[0] == 2
    # The API reads the same cursors: reading does not move one; POST .../seen does.
    from fastapi.testclient import TestClient

    from veille.store import Store
    from veille.web.app import create_app

    store = Store.open(db)
    try:
        api = TestClient(create_app(store, token="t0ken", protect_reads=False))
        shared = api.get("/api/updates", params={"cursor": "default"}).json()
        assert shared["items"] == [] and shared["first_look"] is False
        fresh = api.get("/api/updates", params={"cursor": "api"}).json()
        assert sum(r["n_new_articles"] for r in fresh["items"]) == 2
        assert api.get("/api/updates", params={"cursor": "api"}).json() == fresh
        seen = {"cursor": "api", "upto_seq": fresh["upto_seq"]}
        assert api.post("/api/updates/seen", params=seen).status_code in (401, 403)
        r = api.post("/api/updates/seen", params=seen, headers={"Authorization": "Bearer t0ken"})
        assert r.status_code == 200, r.text
        assert api.get("/api/updates", params={"cursor": "api"}).json()["items"] == []
        assert json.loads(run(db, "updates", "--json", "--cursor", "api")[1]) == []
    finally:
        store.close()
