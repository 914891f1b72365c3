""""More like this": the articles nearest one article by encoder vector, in any language.

An exact scan of the stored vectors of the current model, read in pages of
``PAGE`` rows (int8, 516 bytes each: ~50 MB at 100k articles, a few hundred
ms): simple, exact and always in step with the store.  An ANN index (hnswlib,
usearch, pgvector) is the next step when stores grow past that; the function's
contract does not change.
"""

from __future__ import annotations

import heapq

import numpy as np
from sqlalchemy import Connection, select

from veille.embed.encoder import embed_articles, model_name, unpack
from veille.store.schema import article_vectors, articles

PAGE = 2000


def more_like_this(conn: Connection, uid: str, k: int = 10) -> list[tuple[str, float]]:
    """The ``k`` articles most similar to ``uid`` (cosine, best first), its
    duplicates included; [] when the article is unknown or has nothing to embed.
    An article not embedded yet is embedded for the query (not stored: the
    cluster stage stores vectors)."""
    model = model_name()
    row = conn.execute(select(article_vectors.c.data).where(
        article_vectors.c.article_uid == uid, article_vectors.c.model == model)).first()
    if row is not None and row.data is not None:
        query = unpack(bytes(row.data))
    else:
        art = conn.execute(select(articles.c.title, articles.c.text).where(articles.c.uid == uid)).first()
        if art is None:
            return []
        (made,) = embed_articles([(art.title, art.text or "")])
        if made.vector is None:
            return []
        query = made.vector
    best: list[tuple[float, str]] = []
    last = ""
    while True:
        page = conn.execute(
            select(article_vectors.c.article_uid, article_vectors.c.data)
            .where(article_vectors.c.model == model, article_vectors.c.article_uid > last,
                   article_vectors.c.data.is_not(None))
            .order_by(article_vectors.c.article_uid).limit(PAGE)).all()
        if not page:
            break
        last = page[-1].article_uid
        ids = [r.article_uid for r in page if r.article_uid != uid]
        if ids:
            mat = np.stack([unpack(bytes(r.data)) for r in page if r.article_uid != uid])
            sims = np.einsum("ij,j->i", mat, query)
            for i in np.argsort(-sims)[:k]:
                item = (float(sims[i]), ids[i])
                if len(best) < k:
                    heapq.heappush(best, item)
                elif item > best[0]:
                    heapq.heapreplace(best, item)
    return [(u, round(s, 4)) for s, u in sorted(best, key=lambda t: (-t[0], t[1]))]
