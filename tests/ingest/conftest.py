"""Helpers for the ingest tests: run the CLI in-process and read its JSON."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from veille.cli import app

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def messages(self) -> str:
        """stderr with rich's line wrapping undone (it wraps at 80 columns)."""
        return " ".join(self.stderr.split())

    def json(self) -> Any:
        return json.loads(self.stdout)


class Veille:
    """``veille --db DB ...`` run in-process (CliRunner), one store per test."""

    def __init__(self, db: str) -> None:
        self.db = db

    def __call__(self, *args: str, input: bytes | str | None = None) -> Run:
        result = CliRunner().invoke(app, ["--db", self.db, *args], input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    def ingest(self, *paths: str | Path, extra: tuple[str, ...] = (), input: bytes | None = None) -> Run:
        return self("ingest", "--no-analyze", "--no-cluster", "--json", *extra,
                    *(str(p) for p in paths), input=input)

    def articles(self) -> list[dict[str, Any]]:
        run = self("articles", "--json")
        assert run.code == 0, run.stderr
        return run.json()  # type: ignore[no-any-return]

    def article(self, uid: str) -> dict[str, Any]:
        run = self("article", uid, "--json")
        assert run.code == 0, run.stderr
        return run.json()  # type: ignore[no-any-return]

    def rejects(self) -> list[dict[str, Any]]:
        run = self("rejects", "--json")
        assert run.code == 0, run.stderr
        return run.json()  # type: ignore[no-any-return]


@pytest.fixture
def veille(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Veille:
    # Relative paths keep messages short and stable: origins are as given.
    monkeypatch.chdir(tmp_path)
    return Veille(str(tmp_path / "veille.db"))


@pytest.fixture
def seeds(tmp_path: Path, seeds_dir: Path) -> Path:
    """A copy of the seed folder, so tests can add files next to the seeds."""
    dest = tmp_path / "seeds"
    shutil.copytree(seeds_dir, dest)
    return dest


@pytest.fixture
def data(tmp_path: Path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest, ignore=shutil.ignore_patterns("*.md"))
    return dest
