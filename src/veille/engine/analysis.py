"""The analysis driver of the pipeline (``veille.services.pipeline``), here or
with the parsing mapped over an engine's workers.

Pending articles are read in ingest order, each batch is analysed by
:func:`veille.analyze.pipeline.analyze_batch` in this process or on a worker
(spaCy loaded once per worker), and the results come back in order to this process,
which links entities against the store and writes each batch in one
transaction. Writes replace an article's analysis (delete + insert by uid),
so a batch analysed twice after a worker died is stored once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from veille.analyze import furniture, nlp
from veille.analyze.embedding import embed_batch
from veille.analyze.pipeline import analyze_batch
from veille.analyze.service import pending_batches, save_batch
from veille.core.model import Analysis
from veille.engine.runners import Runner
from veille.store import Store, line_counts
from veille.store import analyses as q

BATCH = 32


def warm_models() -> None:
    """Load every configured spaCy pipeline in this process (worker warm-up)."""
    for lang in nlp.SUPPORTED:
        nlp.get_nlp(lang)


def analyze_items(items: list[Any]) -> list[Analysis]:
    """The worker side: one batch of (uid, text, language, published[, site
    line counts[, the text's line keys]]: see :func:`with_site_counts`)."""
    sites = [furniture.SiteCounts(it[4].articles, it[4].lines,
                                  tuple(it[5][1]) if len(it) > 5 and it[5] is not None else None, it[2],
                                  tuple(it[5][0]) if len(it) > 5 and it[5] is not None else None)
             if len(it) > 4 and it[4] is not None else None for it in items]
    return analyze_batch([tuple(it[:4]) for it in items], sites=sites)


def with_site_counts(store: Store, batches: Iterable[list[Any]]) -> Iterator[list[Any]]:
    """Each batch's items with, fifth, the counts of their lines in the other
    articles of the same source (``veille.store.line_counts``; the batch's
    own articles recorded first, so they count for each other): the furniture
    detector's evidence of a site's boilerplate; sixth, the segments cut and
    the line keys computed here to ask the store, so that the worker's
    detector does not cut and hash the article again."""
    for items in batches:
        cut = {str(it[0]): furniture.segments(it[1] or "", it[2]) for it in items}
        keys = {str(it[0]): furniture.line_keys(it[1] or "", cut[str(it[0])]) for it in items}
        with store.begin() as conn:
            got = line_counts.for_batch(conn, keys)
        yield [(*it[:4], got.get(str(it[0])), (cut[str(it[0])], keys[str(it[0])])) for it in items]


def count_pending(store: Store) -> int:
    with store.connect() as conn:
        return q.count_pending(conn)


def analyze_pending_on(
    store: Store, runner: Runner | None, *, batch_size: int = BATCH,
    on_batch: Callable[[int], None] | None = None, first: Sequence[str] = (),
) -> dict[str, Any]:
    """Analyse every pending article (``first``: these before the rest), on
    ``runner``'s workers or (None) here; the report names the engine only when
    there is one."""
    batches = with_site_counts(store, pending_batches(store, batch_size, first))
    done = 0
    for results in (runner.map(analyze_items, batches) if runner is not None
                    else map(analyze_items, batches)):
        # The embedding component (analyze.embedding), here: the encoder is
        # loaded once, in this process, and its notes are saved with the batch.
        embed_batch(store, results)
        save_batch(store, results)
        done += len(results)
        if on_batch:
            on_batch(len(results))
    if runner is None:
        return {"analyzed": done}
    return {"analyzed": done, "engine": runner.describe()}
