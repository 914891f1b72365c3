"""Search tests run on both stores: SQLite FTS5 and PostgreSQL full-text search."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pg import pg_server, pg_url  # noqa: F401  (fixtures re-exported for this package)
from veille.store import Store

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = str(tmp_path / "veille.db") if request.param == "sqlite" else str(
        request.getfixturevalue("pg_url"))
    st = Store.open(url)
    try:
        yield st
    finally:
        st.close()
