"""The embedding as an analysis component: one multilingual vector per article.

Registered as ``veille.embedding.v1`` with the recipe as its version and the
encoder (name and package version) as its model, so the stored key of a
vector (``embed.model_name()``) is that component's identity: a new encoder
package or a new recipe leaves every stored vector outdated, and ``veille
analyze --outdated`` re-embeds them (:func:`embed_outdated`) without redoing
the parse of any article, whose analysis does not depend on the vector.

It is not one of the parse components of ``analyze.pipeline.PIPELINE``: a
vector is stored apart from the analysis (``article_vectors``, compact and
read by the clusterer and the search without the analysis JSON), and reads
the title, which the parse does not.  The analysis driver runs it on each
batch before saving it (``engine.analysis``); the cluster stage still embeds
whatever is missing then (an article ingested while the encoder was broken),
and clusters an article without a vector on its other features.

Bad input never raises: an empty text, a text in a script the encoder does
not know, a 1 MB article become a vector of what can be embedded (or none)
and notes on the article's analysis, which say what clustering falls back to.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from veille.analyze.registry import ArticleWork, component
from veille.core.model import Analysis
from veille.embed import model_name
from veille.embed.encoder import MODEL, RECIPE
from veille.embed.rows import FALLBACK, article_vector, vector_rows
from veille.store import vectors as vq
from veille.store.schema import articles

log = logging.getLogger(__name__)

EMBEDDING = "veille.embedding.v1"
__all__ = ["BATCH", "EMBEDDING", "FALLBACK", "embed_batch", "embed_outdated", "embedding",
           "outdated_vectors"]
BATCH = 64


@component(EMBEDDING, version=RECIPE, model=MODEL, assigns=("notes",))
def embedding(work: ArticleWork) -> None:
    """The article's vector on ``work.vector`` (None: nothing could be embedded)
    and the encoder's notes on its analysis."""
    try:
        made = article_vector(work.title, work.text)
    except Exception as err:  # noqa: BLE001 - a broken encoder must not stop the analysis
        log.warning("embedding failed for %s: %s", work.analysis.article_uid, err)
        work.vector = None
        work.analysis.notes += [_failed(err), FALLBACK]
        raise _Unstored from err
    work.vector = made.vector
    work.analysis.notes += made.notes


class _Unstored(Exception):
    """The encoder failed: store nothing, so a later run embeds the article."""


def _failed(err: BaseException) -> str:
    return f"embedding: encoder failed ({type(err).__name__}: {err})"


def _embed_rows(rows: Sequence[Any], analyses: dict[str, Analysis]) -> list[vq.VectorRow]:
    """The rows to store for (uid, title, text) ``rows`` (``embed.vector_rows``,
    as the cluster stage makes them), their notes on ``analyses``; an article
    the encoder failed on gets the failure and the fallback in its notes and
    no row."""
    made, failed = vector_rows((r.uid, r.title, r.text) for r in rows)
    for row in made:
        if row.article_uid in analyses:
            analyses[row.article_uid].notes += row.notes
    for uid, err in failed.items():
        if uid in analyses:
            analyses[uid].notes += [_failed(err), FALLBACK]
    return made


def embed_batch(store: Any, results: Sequence[Analysis]) -> int:
    """Embed the batch's articles that have no vector of the current model, store
    the vectors (one transaction) and put the embedding's notes on ``results``
    (those of an existing vector too, so a re-analysis keeps them); the count
    embedded.  Before the batch's locked write: the encoder's ~15 ms an
    article should not hold the store's write lock."""
    model = model_name()
    by_uid = {a.article_uid: a for a in results}
    uids = list(by_uid)
    with store.connect() as conn:
        have = vq.load_notes(conn, uids, model)
        todo = conn.execute(select(articles.c.uid, articles.c.title, articles.c.text)
                            .where(articles.c.uid.in_([u for u in uids if u not in have]))).all()
    for uid, notes in have.items():
        by_uid[uid].notes += [n for n in notes if n not in by_uid[uid].notes]
    rows = _embed_rows(todo, by_uid)
    if rows:
        with store.begin() as conn:
            vq.save_vectors(conn, rows)
    return len(rows)


def outdated_vectors(store: Any) -> int:
    """Stored vectors made by another encoder or recipe (what ``--outdated`` redoes)."""
    with store.connect() as conn:
        return vq.count_other_models(conn, model_name())


def embed_outdated(store: Any, *, on_batch: Any = None) -> dict[str, int]:
    """Re-embed every article without a vector of the current encoder and
    recipe, a batch per transaction (resumable: a killed run goes on from the
    articles still missing), then drop the vectors of other models, which
    nothing reads any more.  The parse and the analyses are left alone."""
    model = model_name()
    done = 0
    last = 0
    while True:
        with store.connect() as conn:
            pending = vq.missing(conn, model, BATCH, after_seq=last)
        if not pending:
            break
        last = int(str(pending[-1]["seq"]))
        rows = _embed_rows([_Row(p) for p in pending], {})
        with store.begin() as conn:
            vq.save_vectors(conn, rows)
        done += len(rows)
        if on_batch:
            on_batch(len(rows))
    with store.begin() as conn:
        dropped = vq.count_other_models(conn, model)
        vq.delete_vectors(conn, keep_model=model)
    return {"embedded": done, "dropped_other_models": dropped}


class _Row:
    """A ``vq.missing`` dict read as the rows :func:`_embed_rows` takes."""

    def __init__(self, d: dict[str, object]) -> None:
        self.uid = str(d["uid"])
        self.title = d.get("title")
        self.text = d.get("text")
