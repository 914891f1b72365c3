"""Fixtures shared by every test package (each package may add its own conftest),
and the rule that lets the suite run on several cores (``pytest -n 2``, pytest-xdist):
a test marked ``alone`` runs while no other test runs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from run_lock import RunLock

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


_LOCKS: dict[str, RunLock] = {}


def _run_lock(config: pytest.Config) -> RunLock | None:
    """The run's lock under xdist (None in a one-process run): its files sit in
    the run's base temporary folder, the parent of each worker's own."""
    if not hasattr(config, "workerinput") or not config.option.basetemp:
        return None
    folder = Path(config.option.basetemp).parent / "alone-lock"
    if str(folder) not in _LOCKS:
        _LOCKS[str(folder)] = RunLock(folder)
    return _LOCKS[str(folder)]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Setup, call and teardown of each test under the run's lock: an ``alone``
    test's module fixtures (a server under load) are built and torn down alone too."""
    lock = _run_lock(item.config)
    if lock is None:
        yield
        return
    with lock.hold(alone=item.get_closest_marker("alone") is not None):
        yield
