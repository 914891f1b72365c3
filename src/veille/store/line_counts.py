"""Which lines recur across the articles of one source (issue #19).

An outlet's disclaimer, newsletter box, show blurb or columnist's bio recurs
verbatim in its pages; one article cannot reveal it, the store can. Each
analysed article leaves here the keys of its lines (``veille.analyze.
furniture.line_key``: words lower-cased, numbers masked, hashed), one row per
(source, article, key); the furniture detector is then told, for each line of
a new article, in how many other articles of its source the line recurs.

Bounded work: rows per article are its distinct lines (tens); a count reads at
most ``cap`` index entries (a disclaimer in 100,000 pages costs what one in 50
does), so a batch costs a few thousand index lookups whatever the store's size.
The batch's own articles are recorded before any is counted, so articles of
one ingest batch count for each other.

Migration 0020 creates the table; :func:`ensure` creates it too on first use
(``checkfirst``: a store opened without migrating). It is derived data,
rebuilt by re-analysing, and lives outside ``schema.metadata`` as the search
tables do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Index,
    MetaData,
    Select,
    String,
    Table,
    delete,
    func,
    insert,
    select,
)

from veille.store.schema import articles

_META = MetaData()
line_hashes = Table(
    "line_hashes", _META,
    Column("source", String(512), primary_key=True),
    Column("uid", String(512), primary_key=True),
    Column("line_hash", String(32), primary_key=True),
    Index("ix_line_hashes_source_hash", "source", "line_hash"),
    Index("ix_line_hashes_uid", "uid"),
)

#: Counts stop here: beyond it a source says no more (see the detector's SITE_CAP).
CAP = 50


@dataclass(frozen=True)
class SourceLines:
    """For one article: how many other articles of its source are known, and
    per line key in how many of them the line recurs (keys absent: none)."""

    articles: int
    lines: dict[str, int]


def ensure(conn: Connection) -> None:
    line_hashes.create(conn, checkfirst=True)


def sources_of(conn: Connection, uids: Sequence[str]) -> dict[str, str]:
    """The source of each stored article among ``uids`` (articles without one left out)."""
    out: dict[str, str] = {}
    for k in range(0, len(uids), 500):
        rows = conn.execute(select(articles.c.uid, articles.c.source)
                            .where(articles.c.uid.in_(list(uids[k:k + 500]))))
        out.update({str(r.uid): str(r.source) for r in rows if r.source})
    return out


def record(conn: Connection, source: str, uid: str, keys: Iterable[str]) -> None:
    """Replace the keys of one article (an article analysed again is counted once)."""
    conn.execute(delete(line_hashes).where(line_hashes.c.uid == uid))
    rows = [{"source": source, "uid": uid, "line_hash": k} for k in sorted({k for k in keys if k})]
    if rows:
        conn.execute(insert(line_hashes), rows)


def _capped(conn: Connection, query: Select[Any]) -> int:
    return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())


def counts(conn: Connection, source: str, uid: str, keys: Iterable[str], cap: int = CAP) -> SourceLines:
    """The other articles of ``source`` (at most ``cap``) and, per key of
    ``uid``'s lines, in how many of them it recurs (at most ``cap``)."""
    others = _capped(conn, select(line_hashes.c.uid).where(line_hashes.c.source == source,
                                                           line_hashes.c.uid != uid)
                     .distinct().limit(cap))
    found: dict[str, int] = {}
    if others:
        for k in sorted({k for k in keys if k}):
            n = _capped(conn, select(line_hashes.c.uid).where(line_hashes.c.source == source,
                                                              line_hashes.c.line_hash == k,
                                                              line_hashes.c.uid != uid).limit(cap))
            if n:
                found[k] = n
    return SourceLines(others, found)


def for_batch(conn: Connection, keys_by_uid: Mapping[str, Sequence[str]]) -> dict[str, SourceLines]:
    """Record the lines of a batch of articles, then count each one's lines
    in the other articles of its source (the batch included). Articles
    without a source get nothing."""
    ensure(conn)
    src = sources_of(conn, list(keys_by_uid))
    for uid, keys in keys_by_uid.items():
        if uid in src:
            record(conn, src[uid], uid, keys)
    return {uid: counts(conn, src[uid], uid, keys) for uid, keys in keys_by_uid.items() if uid in src}
