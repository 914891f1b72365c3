"""A rerun of `veille ingest` finishes what a killed run left undone."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import null, select, update
from typer.testing import CliRunner

from veille.cli import app
from veille.store import Store
from veille.store.schema import stories

pytestmark = pytest.mark.slow


def test_cli_rerun_rebuilds_story_views_dropped_by_a_kill(seeds_dir: Path, db_path: str) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["--db", db_path, "ingest", str(seeds_dir), "--json"])
    assert first.exit_code == 0, first.output
    store = Store.open(db_path)
    with store.connect() as conn:
        before = {r.id: (r.title, r.view) for r in conn.execute(select(stories))}
    assert before and all(view for _, view in before.values())
    # What a SIGKILL between assignment and view refresh leaves behind.
    with store.begin() as conn:
        conn.execute(update(stories).values(view=null()))
    again = runner.invoke(app, ["--db", db_path, "ingest", str(seeds_dir), "--json"])
    assert again.exit_code == 0, again.output
    with store.connect() as conn:
        after = {r.id: (r.title, r.view) for r in conn.execute(select(stories))}
    assert after.keys() == before.keys()
    for sid, (title, view) in after.items():
        assert view is not None, f"story {sid} view was not rebuilt"
        assert title == before[sid][0]
        assert view["summary"] == before[sid][1]["summary"]
