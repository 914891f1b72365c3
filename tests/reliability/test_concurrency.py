"""Concurrency (issue 9): ingests of overlapping inputs running at once against
one store, SQLite and PostgreSQL, end in the same state as one run; two
processes opening a fresh store at once both succeed (one migrates)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import VEILLE, report, run_veille
from .state import logical_state

pytestmark = pytest.mark.slow


def _split(src: Path, tmp: Path, parts: int) -> list[Path]:
    """Overlapping slices: each shares about a third of its lines with the next."""
    lines = src.read_text(encoding="utf-8").splitlines()
    n = len(lines)
    size = n * 2 // (parts + 1)
    out = []
    for i in range(parts):
        start = i * (n - size) // max(1, parts - 1)
        p = tmp / f"part{i}.jsonl"
        p.write_text("\n".join(lines[start:start + size]) + "\n", encoding="utf-8")
        out.append(p)
    return out


def _ingest_at_once(db: str, files: list[Path]) -> list[subprocess.CompletedProcess[str]]:
    procs = [subprocess.Popen([VEILLE, "--db", db, "ingest", "--no-analyze", "--no-cluster", "--json",
                               str(f)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for f in files]
    done = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        done.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return done


def _check(db: str, ref_db: str, files: list[Path]) -> None:
    runs = _ingest_at_once(db, files)
    for r in runs:
        assert r.returncode == 0, r.stderr[-3000:]
    added = sum(report(r.stdout)["ingest"]["added"] for r in runs)  # type: ignore[index]
    ref = logical_state(ref_db)
    got = logical_state(db)
    assert added == got["n_articles"]  # no article counted by both writers
    for key in ("seq_unique_and_dense", "index_matches_articles", "bands_per_article",
                "distinct_hashes"):
        assert got[key] is True, key
    assert got == ref


WRITERS = [int(w) for w in os.environ.get("VEILLE_CONCURRENT_WRITERS", "2").split(",")]


@pytest.mark.parametrize("writers", WRITERS)
def test_concurrent_overlapping_ingests_sqlite(news_jsonl: Path, tmp_path: Path, writers: int) -> None:
    files = _split(news_jsonl, tmp_path, writers)
    ref = str(tmp_path / "ref.db")
    one = run_veille(ref, "ingest", "--no-analyze", "--no-cluster", *map(str, files))
    assert one.returncode == 0, one.stderr[-2000:]
    # A fresh store: the writers also race to create the schema.
    _check(str(tmp_path / "shared.db"), ref, files)


@pytest.mark.postgres
def test_concurrent_overlapping_ingests_postgresql(news_jsonl: Path, tmp_path: Path,
                                                   pg_server, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    files = _split(news_jsonl, tmp_path, 2)
    ref = pg_server.create_database()
    try:
        one = run_veille(ref, "ingest", "--no-analyze", "--no-cluster", *map(str, files))
        assert one.returncode == 0, one.stderr[-2000:]
        _check(pg_url, ref, files)
    finally:
        pg_server.drop_database(ref)


OPEN = "from veille.store import Store; import sys; print(Store.open(sys.argv[1]).schema_revision())"


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_many_processes_open_a_fresh_store_at_once(tmp_path: Path, backend: str,
                                                   request: pytest.FixtureRequest) -> None:
    db = str(tmp_path / "fresh.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    procs = [subprocess.Popen([sys.executable, "-c", OPEN, db], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(6)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0] * 6, [e[-800:] for _o, e in outs]
    assert len({o.strip() for o, _e in outs}) == 1
