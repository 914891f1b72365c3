"""Fixtures shared by every test package (each package may add its own conftest)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def shared_data_dir() -> Path:
    """``../shared/data`` next to the repository, or $VEILLE_SHARED_DATA."""
    env = os.environ.get("VEILLE_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"public labelled data absent ({path}): set VEILLE_SHARED_DATA to run this test")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "veille.db")
