"""Fixtures of the reliability tests: real articles, the veille command, kills."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
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


def run_veille(db: str, *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"COLUMNS": "200"}
    return subprocess.run([VEILLE, "--db", db, *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def run_and_kill(db: str, args: list[str], after: float) -> Killed:
    """Start ``veille ARGS`` and SIGKILL it ``after`` seconds later (if still running)."""
    proc = subprocess.Popen([VEILLE, "--db", db, *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    t0 = time.monotonic()
    try:
        proc.wait(timeout=after)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)  # only the process this test started
        proc.wait()
        return Killed(time.monotonic() - t0, None)
    return Killed(time.monotonic() - t0, proc.returncode)


def report(stdout: str) -> dict[str, object]:
    return json.loads(stdout)  # type: ignore[no-any-return]


from pg import pg_server, pg_url  # noqa: E402,F401  (PostgreSQL fixtures, tests/pg.py)
