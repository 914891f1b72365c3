"""Interruption (issue 9): SIGKILL `veille ingest` / `veille cluster` at random
points, run again, and the store must equal that of one clean run: same
articles, copies, rejects, bands, search index, analyses, entities and
stories, with no duplicates and no orphans.

Kill points are random times inside the measured length of a clean run
(seeded: VEILLE_KILL_SEED), so they land during start-up, between batches and
inside a batch's transaction; each test asserts that some kill really left a
partial store, so it cannot pass vacuously.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import head_jsonl, report, run_and_kill, run_and_kill_at, run_and_kill_when, run_veille
from .storedump import counts, diff, dump, orphans

pytestmark = pytest.mark.slow
SEED = int(os.environ.get("VEILLE_KILL_SEED", "20261125"))
KILLS = int(os.environ.get("VEILLE_KILLS", "3"))


def _clean_run(db: str, args: list[str]) -> float:
    t0 = time.monotonic()
    done = run_veille(db, *args)
    assert done.returncode == 0, done.stderr[-2000:]
    return time.monotonic() - t0


def _kill_then_finish(db: str, args: list[str], total: float, kills: int, rng: random.Random,
                      lo: float = 0.3) -> list[tuple[float, dict[str, int]]]:
    """Kill ``kills`` runs at random times in [lo*total, total], then finish."""
    points = []
    for _ in range(kills):
        killed = run_and_kill(db, args, rng.uniform(lo * total, total))
        state = dict(counts(db)) if Path(db).exists() else {}
        points.append((round(killed.seconds, 2), state))
    final = run_veille(db, *args)
    assert final.returncode == 0, final.stderr[-2000:]
    return points


def _independent_kills(make_db: Callable[[int], str], ref: str, args: list[str], total: float,
                       kills: int, rng: random.Random, lo: float) -> list[tuple[float, dict[str, int]]]:
    """Each kill on its own fresh store (empty, or a copy of a base), then a
    rerun to the end, compared with the clean run: kill points spread over the
    whole run instead of piling up after the first completed rerun."""
    points = []
    for i in range(kills):
        db = make_db(i)
        killed = run_and_kill(db, args, rng.uniform(lo * total, total))
        points.append((round(killed.seconds, 2), dict(counts(db)) if Path(db).exists() else {}))
        final = run_veille(db, *args)
        assert final.returncode == 0, final.stderr[-2000:]
        _assert_same_store(ref, db)
    return points


def _copy_db(src: str, dest: str) -> str:
    """A SQLite store with its WAL, if one was left behind."""
    for suffix in ("", "-wal"):
        if Path(src + suffix).exists():
            shutil.copy(src + suffix, dest + suffix)
    return dest


def _assert_same_store(ref: str, db: str) -> None:
    if os.environ.get("VEILLE_KEEP_KILL_DBS"):
        print("kept:", ref, db)
    assert {k: v for k, v in orphans(db).items() if v} == {}
    assert diff(dump(ref), dump(db)) == {}


# Two ingest batches (200 articles each, ``veille.ingest.service.BATCH_SIZE``)
# are what a mid-run kill needs; the whole file (383) only lengthened every run.
N_INGEST = int(os.environ.get("VEILLE_KILL_INGEST_ARTICLES", "250"))


def test_kill_ingest_over_hundreds_of_articles(news_jsonl: Path, tmp_path: Path) -> None:
    from veille.ingest.service import BATCH_SIZE

    src = head_jsonl(news_jsonl, tmp_path / "part.jsonl", N_INGEST)
    args = ["ingest", "--no-analyze", "--no-cluster", "--json", str(src)]
    ref = str(tmp_path / "ref.db")
    total = _clean_run(ref, args)
    n = counts(ref)["articles"]
    assert n > BATCH_SIZE  # at least two committed batches, so a kill can fall between them
    db = str(tmp_path / "killed.db")
    # A kill between two committed batches of the same run (200 articles a batch)...
    mid = run_and_kill_when(db, args, "articles", n)
    mid_state = counts(db)["articles"]
    print("ingest mid-run kill:", mid, mid_state)
    assert mid.returncode is None and 0 < mid_state < n
    final = run_veille(db, *args)
    assert final.returncode == 0, final.stderr[-2000:]
    _assert_same_store(ref, db)
    # ...then kills at random times (start-up, reading, inside a batch's transaction).
    points = _independent_kills(lambda i: str(tmp_path / f"k{i}.db"), ref, args, total, KILLS,
                                random.Random(SEED), lo=0.1)
    print("ingest kill points (s, counts):", points)
    # And a further rerun adds nothing.
    again = run_veille(db, *args)
    assert report(again.stdout)["ingest"]["added"] == 0  # type: ignore[index]
    _assert_same_store(ref, db)


N_PIPELINE = int(os.environ.get("VEILLE_KILL_PIPELINE_ARTICLES", "8"))


def test_kill_ingest_with_analysis_and_clustering(news_jsonl: Path, tmp_path: Path) -> None:
    """The whole `veille ingest` (ingest, analyse, cluster, story views) on a
    small real corpus: analysis costs ~1 s an article on 2 cores, so 8 articles
    keep each stage seconds long (a kill lands inside one) without making
    every run pay for 16."""
    src = head_jsonl(news_jsonl, tmp_path / "small.jsonl", N_PIPELINE)
    args = ["ingest", "--json", str(src)]
    ref = str(tmp_path / "ref.db")
    total = _clean_run(ref, args)
    assert counts(ref)["analyses"] == counts(ref)["articles"] > 0
    assert counts(ref)["story_articles"] == counts(ref)["articles"]
    n = counts(ref)["articles"]
    db = str(tmp_path / "killed.db")
    # First a kill once the articles are committed and before their analysis is
    # (spaCy alone takes seconds to load): every later run adds nothing, and must
    # still analyse, cluster and explain what the killed run left. Random kill
    # times alone often fell after the end of a run this short.
    mid = run_and_kill_at(db, args, lambda rows: rows("articles") == n and rows("analyses") < n)
    mid_state = counts(db)
    print("pipeline kill after the ingest:", mid, mid_state)
    assert mid.returncode is None and mid_state["articles"] == n and mid_state["analyses"] < n
    # ...then the resuming runs killed at random times, and a last run to the end.
    points = _kill_then_finish(db, args, total, max(1, KILLS - 1), random.Random(SEED + 1), lo=0.4)
    print("pipeline kill points (s, counts):", points)
    _assert_same_store(ref, db)


N_CLUSTER = int(os.environ.get("VEILLE_KILL_CLUSTER_ARTICLES", "80"))


def test_kill_cluster(news_jsonl: Path, tmp_path: Path) -> None:
    """`veille cluster` (assignment in batches, merges, story views) killed and rerun.
    Articles are not analysed here (clustering works on text and dates alone).
    80 articles make two assignment batches of 40, merges (3 on the file's
    first 80) and ~40 story views, the stages a kill must land in; each of the
    six runs rebuilds the views, so more articles only cost time."""
    src = head_jsonl(news_jsonl, tmp_path / "part.jsonl", N_CLUSTER)
    base = str(tmp_path / "base.db")
    done = run_veille(base, "ingest", "--no-analyze", "--no-cluster", "--json", str(src))
    assert done.returncode == 0, done.stderr[-2000:]
    ref, db = str(tmp_path / "ref.db"), str(tmp_path / "killed.db")
    for target in (ref, db):
        _copy_db(base, target)
    args = ["cluster-batches", "40"]  # cluster_pending(batch_size=40), see conftest
    total = _clean_run(ref, args)
    n = counts(ref)["articles"]
    assert counts(ref)["story_articles"] == n
    # First a kill between two committed assignment batches...
    mid = run_and_kill_when(db, args, "story_articles", n)
    mid_state = counts(db)["story_articles"]
    print("cluster mid-assignment kill:", mid, mid_state)
    assert mid.returncode is None and 0 < mid_state < n
    final = run_veille(db, *args)
    assert final.returncode == 0, final.stderr[-2000:]
    _assert_same_store(ref, db)

    # ...then at random times (start-up, assignment, merges, story views).
    def fresh(i: int) -> str:
        return _copy_db(base, str(tmp_path / f"k{i}.db"))

    points = _independent_kills(fresh, ref, args, total, max(1, KILLS - 1), random.Random(SEED + 2),
                                lo=0.2)
    print("cluster kill points (s, counts):", points)
