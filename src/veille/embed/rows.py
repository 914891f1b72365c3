"""An article's (uid, title, text) as the row ``article_vectors`` keeps: the one
step the analysis (``analyze.embedding``) and the cluster stage (vectors still
missing) share, so a vector means the same whoever made it.

Here rather than in each caller: the two used to build the row apart and
drifted (one stored the clusterer's fallback note, the other did not; one
gave up on a whole batch when the encoder failed, the other on one article).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from veille.embed.encoder import DIM, ArticleVector, embed_articles, model_name, pack
from veille.store.vectors import VectorRow, stored_uids

log = logging.getLogger(__name__)

# ``stored_uids`` is a store query (store/vectors.py); re-exported for callers of its old place.
__all__ = ["FALLBACK", "article_vector", "as_row", "stored_uids", "vector_rows"]

#: Said on an article that has no vector: what the clusterer uses instead.
FALLBACK = "embedding: no vector, stories for this article use entities, dates and words only"


def article_vector(title: str | None, text: str) -> ArticleVector:
    """The article's vector and notes (with :data:`FALLBACK` when there is no
    vector).  Raises when the encoder itself fails (not loadable, broken): the
    caller then stores nothing, so a later run embeds the article."""
    (made,) = embed_articles([(title, text or "")])
    if made.vector is None:
        made.notes.append(FALLBACK)
    return made


def as_row(uid: str, made: ArticleVector) -> VectorRow:
    """The stored form: int8 bytes under the current model and recipe."""
    return VectorRow(uid, model_name(), DIM, pack(made.vector) if made.vector is not None else None,
                     list(made.notes))


def vector_rows(
    items: Iterable[tuple[str, str | None, str | None]],
) -> tuple[list[VectorRow], dict[str, BaseException]]:
    """One row per (uid, title, text) embedded, and the error of each article
    the encoder failed on (no row: a later run retries it; logged).  One
    article per encoder call (see :func:`veille.embed.encoder.embed_articles`):
    a vector never depends on which articles were embedded with it."""
    out: list[VectorRow] = []
    failed: dict[str, BaseException] = {}
    for uid, title, text in items:
        try:
            out.append(as_row(uid, article_vector(title, text or "")))
        except Exception as err:  # noqa: BLE001 - one broken call must not stop a batch
            failed[uid] = err
    if failed:
        log.warning("embedding failed for %d article(s), left without a vector: %s", len(failed),
                    "; ".join(f"{u} ({type(e).__name__}: {e})" for u, e in list(failed.items())[:3]))
    return out, failed
