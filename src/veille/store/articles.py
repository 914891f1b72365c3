"""Article, copy, reject and near-duplicate-band queries (all parameterised)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from veille.core.clock import now
from veille.core.model import Article, Reject
from veille.core.records import StoredArticle
from veille.store.schema import articles, copies, lsh_bands, rejects, story_articles


def storable(value: str | None) -> str | None:
    """Text every backend can store: a file name with undecodable bytes
    (surrogate escapes) or a lone surrogate from JSON becomes "?", and NUL
    (refused by PostgreSQL) is dropped."""
    if value is None:
        return None
    return value.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")


def _insert_ignore(conn: Connection, table: Any, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING on both backends: reruns are idempotent."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        _sqlite_insert(conn, table, rows, " ON CONFLICT DO NOTHING")
        return
    if conn.dialect.name == "postgresql":
        stmt: Any = postgresql.insert(table).on_conflict_do_nothing()
    elif conn.dialect.name == "sqlite":
        stmt = sqlite.insert(table).on_conflict_do_nothing()
    else:  # pragma: no cover - only the two supported backends
        stmt = insert(table)
    conn.execute(stmt, list(rows))


def _sqlite_insert(conn: Connection, table: Any, rows: Sequence[dict[str, Any]],
                   suffix: str = "") -> None:
    """``conn.execute(insert(table), rows)`` on SQLite, straight to the
    driver's ``executemany``: SQLAlchemy builds a parameter dict per row and
    per statement (~0.1 ms of the writer's CPU per article, the ingest's
    bottleneck). Values still go through each column type's own bind
    processor (DateTime's storage format), so the stored values are the same."""
    cols = list(rows[0])
    procs = [(c, table.c[c].type._cached_bind_processor(conn.dialect)) for c in cols]
    sql = (f"INSERT INTO {table.name} ({', '.join(cols)}) "
           f"VALUES ({', '.join('?' * len(cols))}){suffix}")
    if all(p is None for _, p in procs):
        data = [tuple([r[c] for c in cols]) for r in rows]
    else:
        data = [tuple([r[c] if p is None or r[c] is None else p(r[c]) for c, p in procs])
                for r in rows]
    conn.exec_driver_sql(sql, data)


def next_seq(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(articles.c.seq), 0))).scalar_one()) + 1








def article_row(
    art: Article, seq: int, minhash: bytes | None, similarity: float | None
) -> dict[str, Any]:
    return dict(
        uid=art.uid, seq=seq, source=art.source, url=art.url, title=art.title, text=art.text,
        language=art.language, published=art.published.label(),
        published_start=art.published.start.isoformat() if art.published.start else None,
        published_end=art.published.end.isoformat() if art.published.end else None,
        date_precision=art.published.precision, content_hash=art.content_hash,
        duplicate_of=art.duplicate_of, similarity=similarity, n_chars=art.n_chars,
        origin=storable(art.origin), fmt=art.fmt, minhash=minhash, ingested_at=now(),
    )




def copy_row(art: Article, first_uid: str) -> dict[str, Any]:
    return dict(
        uid=art.uid, article_uid=first_uid, source=art.source, url=art.url,
        published=art.published.label(), origin=storable(art.origin), ingested_at=now(),
    )








# --- batch forms: one statement per batch instead of one per article -----------
# (the single ingest writer is the throughput ceiling; per-article round trips
# dominated its time, on PostgreSQL most of all)
def hashes_of_uids(conn: Connection, uids: Iterable[str]) -> dict[str, str]:
    """uid -> content_hash for the stored articles among ``uids``."""
    keys = list(set(uids))
    if not keys:
        return {}
    rows = conn.execute(select(articles.c.uid, articles.c.content_hash)
                        .where(articles.c.uid.in_(keys)))
    return {r.uid: r.content_hash for r in rows}


def uids_of_hashes(conn: Connection, hashes: Iterable[str]) -> dict[str, str]:
    """content_hash -> uid of the stored article with that text."""
    keys = list(set(hashes))
    if not keys:
        return {}
    rows = conn.execute(select(articles.c.content_hash, articles.c.uid)
                        .where(articles.c.content_hash.in_(keys)))
    return {r.content_hash: r.uid for r in rows}


def copies_among(conn: Connection, uids: Iterable[str]) -> set[str]:
    keys = list(set(uids))
    if not keys:
        return set()
    return set(conn.execute(select(copies.c.uid).where(copies.c.uid.in_(keys))).scalars())


def band_candidates_by_key(
    conn: Connection, keys: Iterable[int]
) -> dict[int, list[tuple[int, str, bytes | None, str | None]]]:
    """band key -> stored articles with that band: (seq, uid, minhash, duplicate_of)."""
    wanted = list(set(keys))
    out: dict[int, list[tuple[int, str, bytes | None, str | None]]] = {}
    if not wanted:
        return out
    if conn.dialect.name == "sqlite":
        # One JSON parameter instead of thousands of bound ones (SQLAlchemy
        # renders and binds each of them); SQLite walks the band key for
        # each value of json_each as it does for IN (...).
        for key, *cand in conn.exec_driver_sql(
            "SELECT b.band_key, a.seq, a.uid, a.minhash, a.duplicate_of FROM lsh_bands b "
            "JOIN articles a ON a.seq = b.seq "
            "WHERE b.band_key IN (SELECT value FROM json_each(?))", (json.dumps(wanted),)
        ):
            out.setdefault(key, []).append(tuple(cand))
        return out
    rows = conn.execute(
        select(lsh_bands.c.band_key, articles.c.seq, articles.c.uid, articles.c.minhash,
               articles.c.duplicate_of)
        .join(articles, articles.c.seq == lsh_bands.c.seq)
        .where(lsh_bands.c.band_key.in_(wanted))
    )
    for r in rows:
        out.setdefault(r.band_key, []).append((r.seq, r.uid, r.minhash, r.duplicate_of))
    return out


def insert_articles(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        _sqlite_insert(conn, articles, rows)
    else:
        conn.execute(insert(articles), list(rows))


def insert_copies(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    _insert_ignore(conn, copies, rows)


def insert_band_rows(conn: Connection, rows: Sequence[tuple[int, int]]) -> None:
    """(band_key, seq) pairs; on SQLite straight to the driver: ~14 rows per
    article, a dict per row was ~5 % of the writer's CPU."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("INSERT INTO lsh_bands (band_key, seq) VALUES (?, ?) "
                             "ON CONFLICT DO NOTHING", list(rows))
        return
    _insert_ignore(conn, lsh_bands, [{"band_key": k, "seq": s} for k, s in rows])


def insert_reject(conn: Connection, rej: Reject) -> None:
    from pathlib import Path

    try:
        where = str(Path(rej.origin).resolve()) if not rej.origin.startswith("<") else rej.origin
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11)
        where = rej.origin
    fp = hashlib.sha256(
        f"{where}\x00{rej.line}\x00{rej.code}\x00{(rej.raw or '')[:2000]}".encode("utf-8", "replace")
    ).hexdigest()
    _insert_ignore(conn, rejects, [dict(
        origin=storable(rej.origin), line=rej.line, code=rej.code, reason=storable(rej.reason),
        raw=storable(rej.raw), fingerprint=fp, created_at=now(),
    )])


# --- reading ------------------------------------------------------------------
SUMMARY_COLUMNS = (
    articles.c.uid, articles.c.source, articles.c.published, articles.c.date_precision,
    articles.c.language, articles.c.title, articles.c.n_chars, articles.c.duplicate_of,
    articles.c.url, articles.c.published_start, articles.c.published_end,
)


def summary(row: Any) -> dict[str, Any]:
    """The public JSON shape of an article in listings (the CLI contract), from
    a row or a :class:`StoredArticle` (same attribute names)."""
    return {
        "id": row.uid, "source": row.source, "published": row.published,
        "date_precision": row.date_precision, "language": row.language, "title": row.title,
        "n_chars": row.n_chars, "duplicate_of": row.duplicate_of, "url": row.url,
        "published_start": row.published_start, "published_end": row.published_end,
    }


def list_articles(
    conn: Connection, *, source: str | None = None, language: str | None = None,
    since: str | None = None, until: str | None = None, limit: int | None = None,
    after_seq: int | None = None,
) -> list[dict[str, Any]]:
    q = select(*SUMMARY_COLUMNS, articles.c.seq).order_by(articles.c.seq)
    if source:
        q = q.where(articles.c.source == source)
    if language:
        q = q.where(articles.c.language == language)
    if since:
        q = q.where(articles.c.published_end >= since)
    if until:
        q = q.where(articles.c.published_start <= until)
    if after_seq is not None:
        q = q.where(articles.c.seq > after_seq)
    if limit:
        q = q.limit(limit)
    return [summary(r) | {"seq": r.seq} for r in conn.execute(q)]


def read_article(conn: Connection, uid: str) -> StoredArticle | None:
    """One stored article, typed (its dates read once, see core.records)."""
    row = conn.execute(select(articles).where(articles.c.uid == uid)).first()
    return None if row is None else StoredArticle.from_row(dict(row._mapping))


def read_story_articles(conn: Connection, story_id: int) -> list[StoredArticle]:
    """A story's articles in ingest order, typed."""
    rows = conn.execute(
        select(articles).join(story_articles, story_articles.c.article_uid == articles.c.uid)
        .where(story_articles.c.story_id == story_id).order_by(articles.c.seq))
    return [StoredArticle.from_row(dict(r._mapping)) for r in rows]


def get_article(conn: Connection, uid: str) -> dict[str, Any] | None:
    """The public JSON shape of one article (``veille article ID --json``)."""
    art = read_article(conn, uid)
    if art is None:
        return None
    out = summary(art) | {"text": art.text, "origin": art.origin, "format": art.fmt,
                          "content_hash": art.content_hash, "similarity": art.similarity,
                          "ingested_at": art.ingested_at.isoformat() if art.ingested_at else None}
    out["also_published_by"] = also_published_by(conn, uid)
    out["near_duplicates"] = [
        {"id": c["id"], "source": c["source"], "similarity": c["similarity"]}
        for c in out["also_published_by"] if c["kind"] == "near"
    ]
    return out


def also_published_by(conn: Connection, uid: str) -> list[dict[str, Any]]:
    """Exact copies folded into this article, and near duplicates linked to it."""
    out = [
        {"id": r.uid, "source": r.source, "url": r.url, "published": r.published, "kind": "exact"}
        for r in conn.execute(select(copies).where(copies.c.article_uid == uid).order_by(copies.c.uid))
    ]
    out += [
        {"id": r.uid, "source": r.source, "url": r.url, "published": r.published,
         "kind": "near", "similarity": r.similarity}
        for r in conn.execute(
            select(articles.c.uid, articles.c.source, articles.c.url, articles.c.published,
                   articles.c.similarity)
            .where(articles.c.duplicate_of == uid).order_by(articles.c.seq)
        )
    ]
    return out


def list_rejects(conn: Connection) -> list[dict[str, Any]]:
    return [
        {"id": r.id, "origin": r.origin, "line": r.line, "code": r.code, "reason": r.reason,
         "raw": r.raw, "created_at": r.created_at.isoformat() if r.created_at else None}
        for r in conn.execute(select(rejects).order_by(rejects.c.id))
    ]


def count_articles(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())
