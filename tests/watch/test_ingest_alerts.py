"""``veille ingest`` raises the watchlists' alerts as a watch pass does: a user
who ingests a file by hand is told about the articles their watchlists follow."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from veille.cli import app as cli
from veille.store import Store

SEEDS = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))


def test_ingest_raises_alerts_once_and_keeps_stdout_for_the_report(tmp_path: Path) -> None:
    db = str(tmp_path / "v.db")
    run = CliRunner()
    r = run.invoke(cli, ["--db", db, "watchlist", "add", "nuke", "-q", "nucléaires", "-c", "print"])
    assert r.exit_code == 0, r.output
    r = run.invoke(cli, ["--db", db, "ingest", "--json", *map(str, SEEDS)])
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)  # the alert lines went to stderr, not into the JSON
    assert report["alerts"] >= 1
    listed = json.loads(run.invoke(cli, ["--db", db, "alerts", "--json"]).stdout)
    assert {a["watchlist"] for a in listed} == {"nuke"}
    assert len(listed) == report["alerts"]
    # Nothing new: nothing raised again.
    again = json.loads(run.invoke(cli, ["--db", db, "ingest", "--json", *map(str, SEEDS)]).stdout)
    assert again.get("alerts", 0) == 0
    assert len(json.loads(run.invoke(cli, ["--db", db, "alerts", "--json"]).stdout)) == len(listed)


def test_ingest_no_alerts_leaves_watchlists_quiet(tmp_path: Path) -> None:
    db = str(tmp_path / "v.db")
    run = CliRunner()
    run.invoke(cli, ["--db", db, "watchlist", "add", "nuke", "-q", "nucléaires", "-c", "print"])
    r = run.invoke(cli, ["--db", db, "ingest", "--json", "--no-alerts", "--no-cluster", *map(str, SEEDS)])
    assert r.exit_code == 0, r.output
    assert "alerts" not in json.loads(r.stdout)
    assert json.loads(run.invoke(cli, ["--db", db, "alerts", "--json"]).stdout) == []


def test_posted_articles_raise_alerts_after_processing(store: Store) -> None:
    """``POST /api/articles`` processes in the background, then alerts."""
    from fastapi.testclient import TestClient

    from veille.watch.alerts import list_alerts, save_watchlist
    from veille.watch.sources import WatchlistSpec
    from veille.web.app import create_app

    with store.begin() as conn:
        save_watchlist(conn, WatchlistSpec("nuke", [], ["nucléaires"], ["print"]))
    client = TestClient(create_app(store, token="tok", protect_reads=False))
    body = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in SEEDS]
    r = client.post("/api/articles", json=body, headers={"Authorization": "Bearer tok"})
    assert r.status_code == 201, r.text
    with store.connect() as conn:
        raised = list_alerts(conn)
    assert raised and {a["watchlist"] for a in raised} == {"nuke"}
