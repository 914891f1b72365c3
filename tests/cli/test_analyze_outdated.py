"""`veille analyze --outdated` redoes the analyses an earlier version made, only those."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update
from typer.testing import CliRunner

from veille.analyze.service import ANALYSIS_VERSION
from veille.cli import app
from veille.store import Store
from veille.store.schema import analyses, mentions


def test_outdated_analyses_are_redone_and_current_ones_kept(seeds_dir: Path, db_path: str) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["--db", db_path, "ingest", str(seeds_dir), "--no-cluster"])
    assert first.exit_code == 0, first.output
    store = Store.open(db_path)
    with store.begin() as conn:
        uids = sorted(conn.execute(select(analyses.c.article_uid)).scalars())
        assert len(uids) == 2
        conn.execute(update(analyses).where(analyses.c.article_uid == uids[0])
                     .values(version="veille.analysis.v0", data={}))
        before = dict(conn.execute(select(analyses.c.article_uid, analyses.c.analyzed_at)).all())
        n_mentions = conn.execute(select(mentions.c.id)).all()
    plain = runner.invoke(app, ["--db", db_path, "analyze"])
    assert plain.exit_code == 0 and "0 articles analysed" in plain.output
    out = runner.invoke(app, ["--db", db_path, "analyze", "--outdated"])
    assert out.exit_code == 0 and "1 articles analysed" in out.output, out.output
    with store.connect() as conn:
        rows = {r.article_uid: r for r in conn.execute(select(analyses))}
        assert {r.version for r in rows.values()} == {ANALYSIS_VERSION}
        assert rows[uids[0]].data["entities"]  # redone from the text
        assert rows[uids[0]].analyzed_at != before[uids[0]]
        assert rows[uids[1]].analyzed_at == before[uids[1]]  # current: left alone
        assert len(conn.execute(select(mentions.c.id)).all()) == len(n_mentions)  # no duplicates
    store.close()
