""""More like this" and search by meaning: the stored vectors nearest a vector.

An exact scan of the stored int8 vectors of the current model, read in pages
of ``PAGE`` rows and scored a page at a time with one matrix product (the
float32 scale of each row cancels out of the cosine, so the int8 block is
used as it is).  Exact, always in step with the store, no index to keep: at
100k vectors the scan costs what ``bench/bench_semantic.py`` measures
(docs/measured/performance-analysis.md).  A request never scans more than
``max_candidates`` rows (the newest articles first), so its cost is bounded
whatever the store's size; an ANN index (hnswlib, usearch, pgvector) would
replace :func:`nearest` without changing its contract.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Connection, select

from veille.embed.encoder import embed_articles, embed_query, model_name, unpack
from veille.store.schema import article_vectors, articles

PAGE = 2000
#: Most rows one request scans (newest articles first): ~0.5 s of CPU at this
#: size on the 2-core machine, most of it reading the rows from the store
#: (bench/bench_semantic.py: 10.9 ms at 1k, 1.03 s at 100k).
MAX_CANDIDATES = 50_000
_HEAD = 4  # bytes of the float32 scale before the int8 components


@dataclass
class Nearest:
    """The best rows of a scan, best first, and how much was scanned."""

    hits: list[tuple[str, float]]
    scanned: int
    capped: bool


def _cosines(datas: Sequence[bytes], query: np.ndarray) -> np.ndarray:
    """Cosine of each packed vector with the unit ``query`` (the float32 scale
    of a row cancels out, so the int8 block is read as it is)."""
    raw = np.frombuffer(b"".join(datas), dtype=np.int8).reshape(len(datas), -1)[:, _HEAD:]
    mat = raw.astype(np.float32)
    norms = np.sqrt(np.einsum("ij,ij->i", mat, mat))
    norms[norms == 0] = 1.0
    out: np.ndarray = (mat @ query) / norms
    return out


def scan(rows: Iterable[Sequence[tuple[str, bytes]]], query: np.ndarray, k: int,
         exclude: frozenset[str] = frozenset()) -> list[tuple[str, float]]:
    """The ``k`` (uid, cosine) of ``rows`` (pages of (uid, packed vector))
    nearest ``query``, best first (ties by uid), skipping ``exclude``."""
    best: list[tuple[float, str]] = []
    q = np.asarray(query, dtype=np.float32)
    for page in rows:
        keep = [(u, d) for u, d in page if u not in exclude and d is not None]
        if not keep:
            continue
        sims = _cosines([d for _, d in keep], q)
        top = np.argsort(-sims)[:k] if len(keep) > k else range(len(keep))
        for i in top:
            item = (float(sims[i]), keep[i][0])
            if len(best) < k:
                heapq.heappush(best, item)
            elif item > best[0]:
                heapq.heapreplace(best, item)
    return [(u, round(s, 4)) for s, u in sorted(best, key=lambda t: (-t[0], t[1]))]


def nearest(conn: Connection, query: np.ndarray, k: int = 10, *, where: Sequence[Any] = (),
            exclude: Iterable[str] = (), max_candidates: int = MAX_CANDIDATES) -> Nearest:
    """The ``k`` stored articles nearest ``query`` among those passing
    ``where`` (SQLAlchemy conditions on ``articles``), newest first up to
    ``max_candidates`` rows scanned."""
    model = model_name()
    counted = {"n": 0, "capped": False}

    def pages() -> Iterable[list[tuple[str, bytes]]]:
        last: int | None = None
        while counted["n"] < max_candidates:
            stmt = (select(articles.c.seq, article_vectors.c.article_uid, article_vectors.c.data)
                    .join(articles, articles.c.uid == article_vectors.c.article_uid)
                    .where(article_vectors.c.model == model, article_vectors.c.data.is_not(None),
                           *where))
            if last is not None:
                stmt = stmt.where(articles.c.seq < last)
            size = min(PAGE, max_candidates - counted["n"])
            page = conn.execute(stmt.order_by(articles.c.seq.desc()).limit(size)).all()
            if not page:
                return
            last = int(page[-1].seq)
            counted["n"] += len(page)
            if counted["n"] >= max_candidates and len(page) == size:
                counted["capped"] = True
            yield [(r.article_uid, bytes(r.data)) for r in page]

    hits = scan(pages(), query, k, frozenset(exclude))
    return Nearest(hits, counted["n"], bool(counted["capped"]))


def article_vector(conn: Connection, uid: str) -> np.ndarray | None:
    """The article's stored vector, else one made for the question (not stored:
    the analysis and cluster stages store vectors); None when the article is
    unknown or has nothing to embed."""
    row = conn.execute(select(article_vectors.c.data).where(
        article_vectors.c.article_uid == uid, article_vectors.c.model == model_name())).first()
    if row is not None and row.data is not None:
        return unpack(bytes(row.data))
    art = conn.execute(select(articles.c.title, articles.c.text).where(articles.c.uid == uid)).first()
    if art is None:
        return None
    (made,) = embed_articles([(art.title, art.text or "")])
    return made.vector


def more_like_this(conn: Connection, uid: str, k: int = 10) -> list[tuple[str, float]]:
    """The ``k`` articles most similar to ``uid`` (cosine, best first), its
    duplicates included; [] when the article is unknown or has nothing to embed."""
    query = article_vector(conn, uid)
    if query is None:
        return []
    return nearest(conn, query, k, exclude=(uid,)).hits


def mean_vector(vectors: Sequence[np.ndarray]) -> np.ndarray | None:
    """The unit mean of unit vectors (a story's vector from its articles')."""
    if not vectors:
        return None
    v = np.mean(np.stack(vectors), axis=0)
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else None


__all__ = ["MAX_CANDIDATES", "Nearest", "article_vector", "embed_query", "mean_vector",
           "more_like_this", "nearest", "scan"]
