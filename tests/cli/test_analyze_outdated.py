"""`veille analyze --outdated` redoes the analyses another version made (of the
whole analysis or of one component), only those."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select, update
from typer.testing import CliRunner

from pg import pg_server, pg_url  # noqa: F401  (tests/ is on sys.path)
from veille.analyze import service
from veille.analyze.pipeline import PIPELINE
from veille.analyze.service import ANALYSIS_VERSION, COMPONENT_VERSIONS
from veille.cli import app
from veille.store import Store
from veille.store import analyses as qa
from veille.store.core import _alembic_config
from veille.store.schema import analyses, mentions


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, db_path: str) -> str:
    """A SQLite file, or a fresh PostgreSQL database (the migration runs on both)."""
    return db_path if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))


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


def test_bumping_one_component_version_marks_analyses_outdated(
    seeds_dir: Path, db_path: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["--db", db_path, "ingest", str(seeds_dir), "--no-cluster"])
    assert first.exit_code == 0, first.output
    store = Store.open(db_path)
    with store.connect() as conn:
        stored = {r.article_uid: r.components for r in conn.execute(select(analyses))}
    assert len(stored) == 2 and all(c == COMPONENT_VERSIONS for c in stored.values())
    assert set(COMPONENT_VERSIONS) == set(PIPELINE)

    bumped = dict(COMPONENT_VERSIONS, **{"veille.quotes.v1": COMPONENT_VERSIONS["veille.quotes.v1"] + 1})
    monkeypatch.setattr(service, "COMPONENT_VERSIONS", bumped)
    out = runner.invoke(app, ["--db", db_path, "analyze", "--outdated", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == {"analyzed": 2}
    with store.connect() as conn:
        assert {r.components["veille.quotes.v1"] for r in conn.execute(select(analyses))} == {
            bumped["veille.quotes.v1"]}
    again = runner.invoke(app, ["--db", db_path, "analyze", "--outdated"])
    assert again.exit_code == 0 and "0 articles analysed" in again.output, again.output
    store.close()


def test_migration_0009_keeps_component_versions_symmetric(seeds_dir: Path, db_url: str) -> None:
    """Down to 0008 drops the column; up again gives the v2 rows the first
    version of every component: current where the component is still at its
    first version, outdated where it has moved on since."""
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db_url, "ingest", str(seeds_dir), "--no-cluster"]).exit_code == 0
    store = Store.open(db_url)
    cfg = _alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
    with store.connect() as conn:
        assert "components" not in {c["name"] for c in inspect(conn).get_columns("analyses")}
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with store.connect() as conn:
        assert {str(r.version) for r in conn.execute(select(analyses))} == {ANALYSIS_VERSION}
        # the components of veille.analysis.v2, frozen in 0009 (later ones are absent)
        first = {name: 1 for name in ('veille.sentences.v1', 'veille.entities.v1', 'veille.quotes.v1',
                                      'veille.times.v1', 'veille.quantities.v1')}
        assert [r.components for r in conn.execute(select(analyses))] == [first] * 2
        moved_on = first != COMPONENT_VERSIONS
        assert len(qa.outdated(conn, ANALYSIS_VERSION, COMPONENT_VERSIONS)) == (2 if moved_on else 0)
    store.close()
