"""A throwaway PostgreSQL server for tests, and fixtures any test package can reuse.

The server is Debian's ``postgresql`` (``make system-deps`` installs it):
``initdb`` + ``pg_ctl`` in a fresh temporary directory, listening on loopback
only, on a free port, with fsync off (a test server never needs durability).
PostgreSQL refuses to run as root, so when the tests run as root the server
runs as the unprivileged ``nobody`` user (``runuser``), in a directory owned by
it. Every test gets its own database (``CREATE DATABASE`` from ``template0``
is a file copy: a few tens of milliseconds), so tests cannot see each other.

Set ``VEILLE_TEST_PG`` to a ``postgresql://`` URL of an existing server to use
it instead (its user must be allowed to create databases).

Use from another package's ``conftest.py``::

    from pg import pg_server, pg_url  # noqa: F401  (tests/ is on sys.path)

and request ``pg_url`` (a fresh database URL) in a test.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

USER = "veille"


class PgUnavailable(RuntimeError):
    """Why no PostgreSQL server can be had here (the reason tests skip with)."""


def pg_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` holding a server, or $PATH's."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/postgres"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    return Path(which).parent if which else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    """A running server; ``url(db)`` names one of its databases."""

    host: str
    port: int
    user: str
    base: Path | None = None  # temporary directory we own (None: external server)
    bin_dir: Path | None = None
    run_as: list[str] = field(default_factory=list)
    external_url: str | None = None

    def url(self, dbname: str = "postgres") -> str:
        if self.external_url:
            head = self.external_url.rsplit("/", 1)[0]
            return f"{head}/{dbname}"
        return f"postgresql://{self.user}@{self.host}:{self.port}/{dbname}"

    def _admin(self):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(self.url("postgres"), autocommit=True)

    def create_database(self, name: str | None = None) -> str:
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.base is None or self.bin_dir is None:
            return
        subprocess.run(
            [*self.run_as, str(self.bin_dir / "pg_ctl"), "-D", str(self.base / "data"),
             "-m", "immediate", "-w", "stop"],
            capture_output=True, check=False, timeout=60,
        )
        shutil.rmtree(self.base, ignore_errors=True)


def start_server() -> PgServer:
    """Start a private server; raises :class:`PgUnavailable` with the reason."""
    external = os.environ.get("VEILLE_TEST_PG")
    if external:
        return PgServer("", 0, "", external_url=external)
    bin_dir = pg_bin_dir()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        raise PgUnavailable(
            "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin): "
            "run `make system-deps` (Debian package postgresql) or set VEILLE_TEST_PG"
        )
    run_as: list[str] = []
    # Not under pytest's tmp dir: that one is private to root (0700).
    base = Path(tempfile.mkdtemp(prefix="veille-pg-"))
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            raise PgUnavailable("running as root and `runuser` is absent: cannot drop privileges")
        run_as = [runuser, "-u", "nobody", "--"]
        shutil.chown(base, user="nobody")
    data = base / "data"
    init = subprocess.run(
        [*run_as, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", USER,
         "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
        capture_output=True, text=True, check=False, timeout=120,
    )
    if init.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        raise PgUnavailable(f"initdb failed: {init.stderr.strip()[-500:]}")
    last_err = ""
    for _ in range(3):  # a free port can be taken between the probe and the bind
        port = _free_port()
        opts = (f"-h 127.0.0.1 -p {port} -k {base} -F -c max_connections=200 "
                "-c synchronous_commit=off -c full_page_writes=off")
        start = subprocess.run(
            [*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", opts,
             "-l", str(base / "server.log"), "-w", "-t", "60", "start"],
            capture_output=True, text=True, check=False, timeout=90,
        )
        if start.returncode == 0:
            return PgServer("127.0.0.1", port, USER, base=base, bin_dir=bin_dir, run_as=run_as)
        log = base / "server.log"
        last_err = log.read_text(errors="replace")[-500:] if log.exists() else start.stderr
    shutil.rmtree(base, ignore_errors=True)
    raise PgUnavailable(f"PostgreSQL did not start: {last_err.strip()}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        server = start_server()
    except PgUnavailable as why:
        pytest.skip(str(why))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty database on the session's server (dropped afterwards)."""
    url = pg_server.create_database()
    try:
        yield url
    finally:
        with contextlib.suppress(Exception):  # the server may already be gone at teardown
            pg_server.drop_database(url)
