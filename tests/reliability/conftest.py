"""Fixtures of the reliability tests: real articles, the veille command, kills."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest

VEILLE = str(Path(sys.executable).with_name("veille"))


@pytest.fixture(scope="session")
def news_jsonl(shared_data: Path) -> Path:
    path = shared_data / "news-clusters" / "news_cluster.jsonl"
    if not path.exists():
        pytest.skip(f"../shared/data absent: {path} (real articles for the kill tests)")
    return path


def head_jsonl(src: Path, dest: Path, n: int) -> Path:
    lines = src.read_text(encoding="utf-8").splitlines()[:n]
    dest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dest


@dataclass
class Killed:
    seconds: float  # when it was killed, after start
    returncode: int | None


# `veille cluster` as a script with a small assignment batch (the command's is
# 500): the same function, but a few hundred articles make several batches,
# so a kill can land between two of them.
CLUSTER_SCRIPT = ("import sys, json; from veille.store import Store; "
                  "from veille.services.pipeline import cluster_pending; "
                  "print(json.dumps(cluster_pending(Store.open(sys.argv[1]), batch_size=int(sys.argv[2]))))")


def environment(args: list[str]) -> dict[str, str]:
    return dict(os.environ) | {"COLUMNS": "200"}


def command(db: str, args: list[str]) -> list[str]:
    if args[0] == "cluster-batches":
        return [sys.executable, "-c", CLUSTER_SCRIPT, db, args[1]]
    return [VEILLE, "--db", db, *args]


def run_veille(db: str, *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(db, list(args)), capture_output=True, text=True,
                          timeout=timeout, env=environment(list(args)))


def run_and_kill(db: str, args: list[str], after: float) -> Killed:
    """Start ``veille ARGS`` and SIGKILL it ``after`` seconds later (if still running)."""
    proc = subprocess.Popen(command(db, args), stdout=subprocess.DEVNULL, env=environment(args),
                            stderr=subprocess.DEVNULL, start_new_session=True)
    t0 = time.monotonic()
    try:
        proc.wait(timeout=after)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)  # only the process this test started
        proc.wait()
        return Killed(time.monotonic() - t0, None)
    return Killed(time.monotonic() - t0, proc.returncode)


def run_and_kill_when(db: str, args: list[str], table: str, below: int,
                      timeout: float = 300) -> Killed:
    """SIGKILL ``veille ARGS`` as soon as ``table`` has some rows but fewer than
    ``below``: a kill between two committed batches of the same run."""
    return run_and_kill_at(db, args, lambda rows: 0 < rows(table) < below, timeout)


def _rows(con: sqlite3.Connection, table: str) -> int:
    return int(con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])  # noqa: S608


def run_and_kill_at(db: str, args: list[str], ready: Callable[[Callable[[str], int]], bool],
                    timeout: float = 300) -> Killed:
    """SIGKILL ``veille ARGS`` as soon as ``ready(rows)`` holds, ``rows(table)``
    being a table's committed row count (polled every 5 ms): a kill at a named
    point of the run (between two of its commits), not at a random time."""
    proc = subprocess.Popen(command(db, args), stdout=subprocess.DEVNULL, env=environment(args),
                            stderr=subprocess.DEVNULL, start_new_session=True)
    t0 = time.monotonic()
    while proc.poll() is None and time.monotonic() - t0 < timeout:
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
            try:
                hit = ready(partial(_rows, con))
            finally:
                con.close()
        except sqlite3.Error:
            hit = False
        if hit:
            os.kill(proc.pid, signal.SIGKILL)  # only the process this test started
            proc.wait()
            return Killed(time.monotonic() - t0, None)
        time.sleep(0.005)
    proc.wait()
    return Killed(time.monotonic() - t0, proc.returncode)


def report(stdout: str) -> dict[str, object]:
    return json.loads(stdout)  # type: ignore[no-any-return]


from pg import pg_server, pg_url  # noqa: E402,F401  (PostgreSQL fixtures, tests/pg.py)
