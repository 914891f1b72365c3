"""Opening a store: URL resolution, connection settings, migrations.

The store is a SQLAlchemy engine plus the schema in :mod:`veille.store.schema`;
queries live in small modules next to this one (``articles``, ``rejects``...)
and take a connection, so a stage can group its writes in one transaction per
batch: a killed run loses at most the batch in flight and a rerun redoes it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text

_MIGRATE_LOCK = threading.Lock()
#: PostgreSQL advisory-lock key of the ingest writer ("veille" in ASCII).
WRITE_LOCK_KEY = 0x7665696C6C65


def database_url(db: str) -> str:
    """A path means the embedded SQLite store; anything with a scheme is a URL."""
    if "://" in db:
        if db.startswith("postgresql://"):
            # psycopg 3 is the driver we install.
            return "postgresql+psycopg://" + db[len("postgresql://") :]
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    # WAL lets readers (the web UI) run while an ingest writes; NORMAL sync is
    # durable at each checkpoint and safe against application crashes.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=60000")
    # Reads through a memory map instead of a read() into SQLite's page cache
    # per page: a search over a common word touches thousands of pages, and
    # the copies were ~0.6 ms of system time per uncached search at 100k
    # articles (issue 20; docs/measured/performance-serve.md). Address space
    # only: the pages are the OS page cache's, shared by every connection.
    cur.execute("PRAGMA mmap_size=1073741824")
    cur.close()


def _alembic_config() -> Config:
    cfg = Config()
    location = resources.files("veille.store") / "migrations"
    cfg.set_main_option("script_location", str(location))
    return cfg


def write_lock(conn: Connection) -> None:
    """Make this transaction the only ingest writer until it ends.

    Ingest allocates ``seq`` as max+1 and looks duplicates up before inserting;
    two writers doing that at once would collide (unique violations) or, worse,
    commit seqs out of order so that a reader following ``seq > last`` misses
    rows. Taking the lock first serialises the short write phase of concurrent
    ingests (their heavy preparation still runs in parallel) and makes every
    read inside the transaction see the latest committed state. PostgreSQL: a
    transaction-scoped advisory lock. SQLite: a no-op UPDATE, which takes the
    database's write lock at once (waiting up to busy_timeout) instead of
    failing later when a deferred transaction upgrades from a stale snapshot.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY})
    elif conn.dialect.name == "sqlite":
        conn.execute(text("UPDATE meta SET key = key WHERE 0 = 1"))


class Store:
    """A handle on one database; cheap to pass around, one engine per process."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    @classmethod
    def open(cls, db: str, *, migrate: bool = True) -> Store:
        url = database_url(db)
        kwargs: dict[str, Any] = {}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": 60, "check_same_thread": False}
        engine = create_engine(url, **kwargs)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine, url)
        if migrate:
            store.migrate()
        return store

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest revision (a no-op when it is there)."""
        cfg = _alembic_config()
        head = ScriptDirectory.from_config(cfg).get_current_head()
        if self.schema_revision() == head:
            return  # the usual case, decided without taking any lock
        with _MIGRATE_LOCK, self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Two processes opening a fresh database at once: one migrates,
                # the other waits here and then finds the schema at head.
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY + 1})
            elif conn.dialect.name == "sqlite":
                # Same on SQLite: take the write lock before reading the
                # revision (pysqlite would not open a transaction before DDL,
                # so two processes both saw no schema and both created it),
                # which also makes the migration itself all-or-nothing.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            if MigrationContext.configure(conn).get_current_revision() == head:
                return
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """One transaction: everything inside commits together or not at all."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()
