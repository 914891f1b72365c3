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

from collections.abc import Callable
from typing import Any

from veille.analyze import nlp
from veille.analyze.pipeline import analyze_batch
from veille.analyze.service import pending_batches, save_batch
from veille.core.model import Analysis
from veille.engine.runners import Runner
from veille.store import Store
from veille.store import analyses as q

BATCH = 32


def warm_models() -> None:
    """Load every configured spaCy pipeline in this process (worker warm-up)."""
    for lang in nlp.SUPPORTED:
        nlp.get_nlp(lang)


def analyze_items(items: list[Any]) -> list[Analysis]:
    """The worker side: one batch of (uid, text, language, published)."""
    return analyze_batch(items)


def count_pending(store: Store) -> int:
    with store.connect() as conn:
        return q.count_pending(conn)


def analyze_pending_on(
    store: Store, runner: Runner, *, batch_size: int = BATCH,
    on_batch: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    done = 0
    for results in runner.map(analyze_items, pending_batches(store, batch_size)):
        save_batch(store, results)
        done += len(results)
        if on_batch:
            on_batch(len(results))
    return {"analyzed": done, "engine": runner.describe()}
