"""Encoder vectors of story statements, keyed by (encoder id, text hash) (issue #19).

A story view embeds some of its statements (the cross-language candidates,
the summary's redundancy, the timeline's lines told in two languages). An
update of a big story in a fresh process (a worker started again, the web
after a deploy) embedded again ~116 statements the build had embedded
already, ~0.2 s of CPU of a 1 s update: the vectors of the article encoder
are stored (``store.vectors``), those of statements were not. Rows are keyed
by the text, not by story or article, so a statement two stories share (a
wire dispatch) is embedded once, and a story's statements outlive its view
being rebuilt.

The bytes are whatever the caller made of a vector (``stories.vector_store``
stores the float32 unit vector as is: an update reading it must decide what
it decided with the vector the encoder gave); this module does not interpret
them (the store sits below the embed layer).

Bounded: at most :data:`MAX_ROWS` rows. Each save stamps the rows it read or
wrote with the time, and a save that finds the table over the bound drops the
least recently used down to :data:`KEEP_SHARE` of it, so the statements of
the stories being updated stay and those of stories nobody touches go.

Migration 0022 creates the table. It is derived data (a missing row is
embedded again), kept outside ``schema.metadata`` as the search tables are.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Index,
    LargeBinary,
    MetaData,
    String,
    Table,
    func,
    select,
    update,
)
from sqlalchemy.sql.expression import Executable

_META = MetaData()
statement_vectors = Table(
    "statement_vectors", _META,
    Column("model", String(64), primary_key=True),
    Column("text_hash", String(40), primary_key=True),
    Column("data", LargeBinary, nullable=False),
    Column("used_at", BigInteger, nullable=False),
    Index("ix_statement_vectors_used_at", "used_at"),
)

#: Rows kept at most: a float32 vector of 512 dimensions is ~2.1 KB with its
#: key, so ~105 MB; a 1,000-article story's updates read ~120-400 statements.
MAX_ROWS = 50_000
#: Share of MAX_ROWS left after a prune (pruning is then rare: one save in
#: thousands at ~100 new rows a save).
KEEP_SHARE = 0.9
_BATCH = 500  # bounded IN lists


@dataclass(frozen=True)
class StatementVector:
    """One stored vector: the encoder id (model and recipe) it was made by,
    the hash of the text it encodes, and its bytes."""

    model: str
    text_hash: str
    data: bytes


def load_statement_vectors(conn: Connection, model: str,
                           hashes: Sequence[str]) -> dict[str, StatementVector]:
    """text hash -> the stored vector of ``model`` (absent hashes have none)."""
    out: dict[str, StatementVector] = {}
    wanted = list(dict.fromkeys(hashes))
    for i in range(0, len(wanted), _BATCH):
        q = select(statement_vectors.c.text_hash, statement_vectors.c.data).where(
            statement_vectors.c.model == model,
            statement_vectors.c.text_hash.in_(wanted[i:i + _BATCH]))
        for h, data in conn.execute(q):
            out[str(h)] = StatementVector(model, str(h), bytes(data))
    return out


def save_statement_vectors(conn: Connection, rows: Iterable[StatementVector],
                           used: Iterable[tuple[str, str]] = (), *,
                           now: int | None = None, max_rows: int = MAX_ROWS) -> int:
    """Store ``rows`` (a key stored already, by another process meanwhile, is
    left as it is), stamp them and the ``used`` (model, text hash) keys as
    used now, and drop the least recently used rows beyond ``max_rows``.
    Returns how many rows were new."""
    stamp = time.time_ns() // 1000 if now is None else now  # microseconds: saves apart
    fresh = {(r.model, r.text_hash): r for r in rows}
    added = 0
    by_model: dict[str, list[str]] = {}
    for model, h in fresh:
        by_model.setdefault(model, []).append(h)
    for model, hs in by_model.items():
        for i in range(0, len(hs), _BATCH):
            part = hs[i:i + _BATCH]
            have = set(conn.execute(select(statement_vectors.c.text_hash).where(
                statement_vectors.c.model == model,
                statement_vectors.c.text_hash.in_(part))).scalars())  # keys, not the vectors
            todo = [{"model": model, "text_hash": h, "data": fresh[(model, h)].data,
                     "used_at": stamp} for h in part if h not in have]
            if todo:
                conn.execute(_insert_ignoring_duplicates(conn), todo)
                added += len(todo)
    touched: dict[str, list[str]] = {}
    for model, h in dict.fromkeys(used):
        if (model, h) not in fresh:
            touched.setdefault(model, []).append(h)
    for model, hs in touched.items():
        for i in range(0, len(hs), _BATCH):
            conn.execute(update(statement_vectors).where(
                statement_vectors.c.model == model,
                statement_vectors.c.text_hash.in_(hs[i:i + _BATCH])).values(used_at=stamp))
    if added:
        prune(conn, max_rows)
    return added


def _insert_ignoring_duplicates(conn: Connection) -> Executable:
    """An INSERT that skips a key another writer stored first (two workers
    updating stories that share a statement)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(statement_vectors).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(statement_vectors).on_conflict_do_nothing()


def count_statement_vectors(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(statement_vectors)).scalar_one())


def prune(conn: Connection, max_rows: int = MAX_ROWS) -> int:
    """Drop the least recently used rows when there are more than ``max_rows``,
    down to KEEP_SHARE of it. Returns how many were dropped."""
    n = count_statement_vectors(conn)
    if n <= max_rows:
        return 0
    drop = n - int(max_rows * KEEP_SHARE)
    # the stamp below which rows go (rows of one stamp go or stay together)
    cut = conn.execute(select(statement_vectors.c.used_at)
                       .order_by(statement_vectors.c.used_at)
                       .offset(drop - 1).limit(1)).scalar_one()
    res = conn.execute(statement_vectors.delete().where(statement_vectors.c.used_at <= cut))
    return int(res.rowcount or 0)


__all__ = ["MAX_ROWS", "StatementVector", "count_statement_vectors", "load_statement_vectors",
           "prune", "save_statement_vectors", "statement_vectors"]
