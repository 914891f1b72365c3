"""One pipeline: ``veille ingest``, ``POST /api/articles`` and the watcher's
pass store the same articles, analyses, entities and stories (with their
views) for the same input.

The input is the two seed articles of ``examples/`` as one RSS feed: a file
for the CLI, an upload for the API, a loopback URL for the watcher. Each
front end reads it with its own path (file reader, upload reader, the
watcher's fetch), then hands it to ``veille.services.pipeline``.
"""

from __future__ import annotations

import html
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from reliability.storedump import dump
from veille.cli import app as cli
from veille.ingest.readers import READERS, ReadOptions
from veille.store import Store
from veille.watch.fetch import Fetcher
from veille.watch.poll import PollOptions, run_pass
from veille.watch.sources import SourceSpec, upsert_source
from veille.web.app import create_app

from .conftest import Server

pytestmark = pytest.mark.slow  # analyses the seeds three times (spaCy)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOKEN = "one-pipeline-token"
#: Not the pipeline's: the watcher's own tables and the schema version.
NOT_PIPELINE = {"sources", "seen_entries", "watchlists", "alerts", "story_snapshots",
                "alembic_version"}


def _seed_feed() -> bytes:
    """The seeds as RSS entries: a tag: guid (the article id, the same for
    every front end), a day of June 2023, the text as paragraphs."""
    items = []
    for day, path in enumerate(sorted(EXAMPLES.glob("*.txt")), start=9):
        [rec] = READERS["seed"](path.read_bytes(), ReadOptions(origin=path.name, name=path.name))
        assert not hasattr(rec, "code"), rec
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in rec.text.split("\n") if p.strip())
        items.append(
            f"<item><guid isPermaLink=\"false\">tag:veille.test,2023:{path.stem}</guid>"
            f"<title>{html.escape(rec.text.split('.')[0][:90])}</title>"
            f"<pubDate>{'Fri' if day == 9 else 'Sat'}, {day:02d} Jun 2023 08:00:00 GMT</pubDate>"
            f"<description>{html.escape(paras)}</description></item>")
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
            "<title>Seeds</title><link>https://example.org/</link>"
            + "".join(items) + "</channel></rss>").encode()


def _pipeline_rows(db: str) -> dict[str, list[tuple[object, ...]]]:
    """Every table the pipeline writes (search index included), minus write
    times, and minus each article's origin: where the record was read (a
    path, an upload, a URL) names the front end, not what the pipeline did."""
    with sqlite3.connect(db) as con:
        con.execute("UPDATE articles SET origin = ''")
    return {t: rows for t, rows in dump(db).items() if t not in NOT_PIPELINE}


def test_cli_api_and_watcher_store_the_same(tmp_path: Path, server: Server, fetcher: Fetcher) -> None:
    if not any(EXAMPLES.glob("*.txt")):
        pytest.skip("examples/ seeds absent")
    feed = _seed_feed()
    (tmp_path / "seeds.rss").write_bytes(feed)

    cli_db = str(tmp_path / "cli.db")
    run = CliRunner().invoke(cli, ["--db", cli_db, "ingest", "--json", str(tmp_path / "seeds.rss")])
    assert run.exit_code == 0, run.output

    api_db = str(tmp_path / "api.db")
    with TestClient(create_app(Store.open(api_db), token=TOKEN)) as client:
        resp = client.post("/api/articles?format=feed",
                           files={"file": ("seeds.rss", feed, "application/rss+xml")},
                           headers={"Authorization": f"Bearer {TOKEN}"})
        assert resp.status_code == 201, resp.text  # analysis and clustering ran after it
        assert resp.json()["processing"] is True

    watch_db = str(tmp_path / "watch.db")
    server.static("/seeds.rss", feed, "application/rss+xml")
    store = Store.open(watch_db)
    with store.begin() as conn:
        upsert_source(conn, SourceSpec(server.url("/seeds.rss")))
    passed = run_pass(store, fetcher, PollOptions(fetch_pages=False), alerts=False)
    store.close()
    assert len(passed.added) == 2

    cli_rows = _pipeline_rows(cli_db)
    assert len(cli_rows["articles"]) == 2 and len(cli_rows["analyses"]) == 2
    assert cli_rows["mentions"] and cli_rows["story_articles"] and cli_rows["article_fts"]
    assert all(row for row in cli_rows["stories"])
    assert _pipeline_rows(api_db) == cli_rows
    assert _pipeline_rows(watch_db) == cli_rows
