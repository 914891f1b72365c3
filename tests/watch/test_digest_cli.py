"""``veille digest`` and the feed route: stdout/stderr split, exit codes, SMTP
from the settings, against loopback servers only."""

from __future__ import annotations

from pathlib import Path

import feedparser
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from veille.cli import app as cli
from veille.store import Store
from veille.web.app import create_app

from .test_digest import Inbox, _article_alerts, _clusters, _free_port, smtp_server  # noqa: F401  (fixture)


def _env(db: str, port: int) -> dict[str, str]:
    return {"VEILLE_DB": db, "VEILLE_SMTP_HOST": "127.0.0.1", "VEILLE_SMTP_PORT": str(port),
            "VEILLE_SMTP_SECURITY": "none", "VEILLE_SMTP_FROM": "veille@test.example",
            "VEILLE_PUBLIC_URL": "http://veille.test"}


def test_digest_cli_send_show_atom(tmp_path: Path, smtp_server: tuple[Inbox, int]) -> None:  # noqa: F811
    inbox, port = smtp_server
    db = str(tmp_path / "d.db")
    store = Store.open(db)
    _article_alerts(store, "desk", 3)
    store.close()
    titles = [r["title"] for r in _clusters()[:3]]
    runner = CliRunner()
    shown = runner.invoke(cli, ["digest", "show", "desk"], env=_env(db, port))
    assert shown.exit_code == 0, shown.output
    assert all(t in shown.stdout for t in titles)

    # Server down: exit 1, the error on stderr names the watchlist and the server, nothing on stdout.
    dead = _free_port()
    down = runner.invoke(cli, ["digest", "send"], env=_env(db, dead))
    assert down.exit_code == 1
    assert "'desk'" in down.stderr and f"127.0.0.1:{dead}" in down.stderr and down.stdout == ""
    sent = runner.invoke(cli, ["digest", "send", "--json"], env=_env(db, port))
    assert sent.exit_code == 0, sent.output
    assert '"status": "sent"' in sent.stdout
    again = runner.invoke(cli, ["digest", "send"], env=_env(db, port))
    assert again.exit_code == 0 and "nothing new" in again.stderr
    assert len(inbox.messages) == 1

    out = tmp_path / "feeds" / "desk.atom"
    wrote = runner.invoke(cli, ["digest", "atom", "desk", "-o", str(out)], env=_env(db, port))
    assert wrote.exit_code == 0, wrote.output
    parsed = feedparser.parse(out.read_bytes())
    assert not parsed.bozo and {e.title for e in parsed.entries} == set(titles)
    assert parsed.feed.links[0].href == "http://veille.test/watchlists/desk/feed.atom"
    missing = runner.invoke(cli, ["digest", "atom", "nope"], env=_env(db, port))
    assert missing.exit_code == 1 and "no watchlist 'nope'" in missing.stderr


def test_feed_route_serves_atom(any_store: Store) -> None:
    store = any_store
    _article_alerts(store, "desk & co", 2)
    c = TestClient(create_app(store, token="t", protect_reads=False))
    r = c.get("/watchlists/desk%20%26%20co/feed.atom")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(r.content)
    assert not parsed.bozo and len(parsed.entries) == 2
    assert parsed.feed.title == "veille — desk & co"
    assert c.get("/watchlists/none/feed.atom").status_code == 404
    # Reads protected: the feed too.
    locked = TestClient(create_app(store, token="t", protect_reads=True))
    assert locked.get("/watchlists/desk%20%26%20co/feed.atom").status_code == 401
