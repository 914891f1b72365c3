"""Article vectors (``article_vectors``): keyed writes and bulk reads.

The bytes are whatever :func:`veille.embed.pack` made; this module does not
interpret them (the store sits below the embed layer).  Writes replace the
(article, model) row, so a batch embedded twice after a crash is stored once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, and_, delete, func, insert, select

from veille.store.schema import article_vectors, articles


@dataclass
class VectorRow:
    article_uid: str
    model: str
    dim: int
    data: bytes | None  # None: nothing could be embedded (notes say why)
    notes: list[str] = field(default_factory=list)


def save_vectors(conn: Connection, rows: Iterable[VectorRow]) -> int:
    rows = list(rows)
    for i in range(0, len(rows), 500):  # bounded IN lists
        part = rows[i:i + 500]
        for model in {r.model for r in part}:
            conn.execute(delete(article_vectors).where(
                article_vectors.c.model == model,
                article_vectors.c.article_uid.in_([r.article_uid for r in part if r.model == model])))
        conn.execute(insert(article_vectors), [
            {"article_uid": r.article_uid, "model": r.model, "dim": r.dim, "data": r.data,
             "notes": r.notes or None} for r in part])
    return len(rows)


def load_vectors(conn: Connection, uids: Sequence[str], model: str) -> dict[str, bytes | None]:
    """uid -> stored bytes (None: embedded, nothing to embed); absent uids have no row."""
    out: dict[str, bytes | None] = {}
    for i in range(0, len(uids), 500):
        part = list(uids[i:i + 500])
        q = select(article_vectors.c.article_uid, article_vectors.c.data).where(
            article_vectors.c.model == model, article_vectors.c.article_uid.in_(part))
        out.update({uid: (bytes(data) if data is not None else None) for uid, data in conn.execute(q)})
    return out


def stored_uids(conn: Connection, uids: Sequence[str], model: str) -> set[str]:
    """Those of ``uids`` that have a row of ``model`` (a vector or a stored
    "nothing to embed"): a presence check reads the keys, not the 516-byte
    vectors nor the notes."""
    out: set[str] = set()
    for i in range(0, len(uids), 500):  # bounded IN lists
        part = list(uids[i:i + 500])
        out.update(conn.execute(select(article_vectors.c.article_uid).where(
            article_vectors.c.model == model, article_vectors.c.article_uid.in_(part))).scalars())
    return out


def load_notes(conn: Connection, uids: Sequence[str], model: str) -> dict[str, list[str]]:
    """uid -> the notes stored with its vector of ``model`` (absent: no row)."""
    out: dict[str, list[str]] = {}
    for i in range(0, len(uids), 500):
        part = list(uids[i:i + 500])
        q = select(article_vectors.c.article_uid, article_vectors.c.notes).where(
            article_vectors.c.model == model, article_vectors.c.article_uid.in_(part))
        out.update({uid: list(notes or []) for uid, notes in conn.execute(q)})
    return out


def count_other_models(conn: Connection, model: str) -> int:
    """How many stored vectors were made by another model than ``model``."""
    return int(conn.execute(select(func.count()).select_from(article_vectors)
                            .where(article_vectors.c.model != model)).scalar_one())


def missing(conn: Connection, model: str, limit: int, *, after_seq: int = 0) -> list[dict[str, object]]:
    """Articles with no row for ``model`` yet, in ingest order (uid, seq, title, text)."""
    q = (
        select(articles.c.uid, articles.c.seq, articles.c.title, articles.c.text)
        .outerjoin(article_vectors, and_(article_vectors.c.article_uid == articles.c.uid,
                                         article_vectors.c.model == model))
        .where(article_vectors.c.article_uid.is_(None), articles.c.seq > after_seq)
        .order_by(articles.c.seq)
        .limit(limit)
    )
    return [dict(r._mapping) for r in conn.execute(q)]


def delete_vectors(conn: Connection, *, keep_model: str | None = None) -> None:
    """Drop every vector (or every vector of another model than ``keep_model``)."""
    stmt = delete(article_vectors)
    if keep_model is not None:
        stmt = stmt.where(article_vectors.c.model != keep_model)
    conn.execute(stmt)
