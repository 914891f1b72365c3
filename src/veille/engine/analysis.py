"""Analysis of stored articles with the parsing mapped over an engine's workers.

The same stage as :func:`veille.analyze.service.analyze_pending` (which stays
the in-process path): pending articles are read in ingest order, each batch is
analysed by :func:`veille.analyze.pipeline.analyze_batch` on a worker (spaCy
loaded once per worker), and the results come back in order to this process,
which links entities against the store and writes each batch in one
transaction. Writes replace an article's analysis (delete + insert by uid),
so a batch analysed twice after a worker died is stored once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from veille.engine.runners import Runner
from veille.model import Analysis
from veille.store import Store
from veille.store import analyses as q

BATCH = 32


def warm_models() -> None:
    """Load every configured spaCy pipeline in this process (worker warm-up)."""
    from veille.analyze import nlp

    for lang in nlp.SUPPORTED:
        nlp.get_nlp(lang)


def analyze_items(items: list[Any]) -> list[Analysis]:
    """The worker side: one batch of (uid, text, language, published)."""
    from veille.analyze.pipeline import analyze_batch

    return analyze_batch(items)


def _pending_batches(store: Store, batch_size: int) -> Iterator[list[Any]]:
    from veille.analyze.service import _ref

    last_seq = 0
    while True:
        with store.connect() as conn:
            rows = q.pending(conn, batch_size, after_seq=last_seq)
        if not rows:
            return
        last_seq = rows[-1]["seq"]
        yield [(r["uid"], r["text"], r["language"], _ref(r)) for r in rows]


def count_pending(store: Store) -> int:
    from sqlalchemy import func, select

    from veille.store.schema import analyses, articles

    with store.connect() as conn:
        return int(conn.execute(
            select(func.count()).select_from(articles)
            .outerjoin(analyses, analyses.c.article_uid == articles.c.uid)
            .where(analyses.c.article_uid.is_(None))
        ).scalar_one())


def analyze_pending_on(
    store: Store, runner: Runner, *, batch_size: int = BATCH,
    on_batch: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    try:
        from veille.analyze.linking import link_entities
        from veille.analyze.service import ANALYSIS_VERSION
    except ImportError as exc:  # the analysis stage is optional at run time
        return {"skipped": f"analysis unavailable: {exc}"}
    done = 0
    for results in runner.map(analyze_items, _pending_batches(store, batch_size)):
        with store.begin() as conn:
            known = q.load_entities(conn)
            linked, changed = link_entities(results, known)
            q.save_entities(conn, changed)
            for an in linked:
                q.save_analysis(conn, an, ANALYSIS_VERSION)
        done += len(results)
        if on_batch:
            on_batch(len(results))
    return {"analyzed": done, "engine": runner.describe()}
