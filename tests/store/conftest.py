"""Every store test runs on both backends: the embedded SQLite file and a real
PostgreSQL server (started once per session by :mod:`pg`), so neither can
drift from the other. Without PostgreSQL binaries the postgresql half skips
with the reason."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pg import pg_server, pg_url  # noqa: F401  (fixtures re-exported for this package)
from veille.store import Store

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """What a user passes to ``--db``: a file path or a postgresql:// URL."""
    if request.param == "sqlite":
        return str(tmp_path / "veille.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    st = Store.open(db_url)
    try:
        yield st
    finally:
        st.close()
