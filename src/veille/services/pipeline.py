"""The one pipeline: ingest -> analyse -> cluster -> explain (story views).

``veille ingest``, ``POST /api/articles``, the watcher's poll and ``veille
cluster`` all run these stages through this module; they differ only in their
options (which stages, on which engine) and in how they show progress.

Every stage is resumable on its own (keyed writes, one transaction per
batch), so a run killed anywhere and run again finishes the work: with
``finish_pending`` a run that added nothing still analyses and clusters what
an earlier, interrupted run left undone.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from veille.cluster import service as clustering
from veille.core.model import Article, Reject
from veille.core.settings import MAX_ARTICLE_BYTES
from veille.engine.analysis import BATCH as ANALYSIS_BATCH
from veille.engine.analysis import analyze_pending_on, count_pending
from veille.engine.batchgc import batch_gc
from veille.engine.runners import Runner
from veille.ingest.readers import Item
from veille.ingest.service import IngestReport, ingest_items
from veille.search.index import optimize_index
from veille.services.queries import analysis_pending, clustering_pending
from veille.store import Store
from veille.store.articles import count_articles
from veille.stories.service import refresh_story_views

log = logging.getLogger(__name__)

#: A batch run that stored at least this share of the store's articles (a
#: first bulk load, the demo, a large backfill) ends by merging the SQLite
#: search index into one segment. Measured (docs/measured/performance-serve.md,
#: session 13): one segment answers ~6 % cheaper per search; the merge costs
#: about 1-1.5 % of an ingest's CPU divided by the share of the store it added,
#: so ~2-3 % of a run that doubles the store, but most of a small ingest into
#: a big store, whose few new segments cost searches ~1 % (FTS5's automerge
#: keeps them few). Smaller runs leave it to ``veille optimize``.
OPTIMIZE_SHARE = 0.5

#: ``on_progress(stage, advance, total)``: called once when a stage starts
#: (``advance`` 0, ``total`` its size when known, else None), then with the
#: number of items each step did. Stages: "ingest", "analyse", "cluster".
OnProgress = Callable[[str, int, int | None], None]
#: Called with every article read (stored or not) and every reject, in order.
OnItem = Callable[[Article | Reject], None]



@dataclass
class PipelineOptions:
    """Which stages run, and where."""

    analyze: bool = True
    cluster: bool = True
    views: bool = True  # explain: rebuild the views of the stories clustering changed
    #: Also analyse / cluster when this run added nothing but the store has
    #: work left (a rerun after a killed run). The watcher only processes what
    #: it has just added.
    finish_pending: bool = True
    max_bytes: int = MAX_ARTICLE_BYTES
    #: Where parsing and analysis run; None: in this process.
    runner: Runner | None = None
    #: Close ``runner`` once analysis is done (clustering does not use it).
    close_runner: bool = False
    #: Batch-job GC settings during ingest: only for a process that is one
    #: batch job (the CLI), never a server (see ``veille.engine.batchgc``).
    batch_gc: bool = False
    #: How many records the input holds, when the caller can tell (progress).
    expected_items: int | None = None
    analysis_batch: int = ANALYSIS_BATCH
    rebuild: bool = False  # cluster: forget all stories first (``veille cluster --rebuild``)
    #: End a run that added at least ``OPTIMIZE_SHARE`` of the store by merging
    #: the search index (a batch job's upkeep: the CLI, never a server's request).
    optimize_search: bool = False


@dataclass
class PipelineReport:
    """What each stage did. ``analyze`` and ``cluster`` are None for a stage
    that did not run; their dicts are the JSON ``veille ingest --json`` prints."""

    ingest: IngestReport = field(default_factory=IngestReport)
    analyze: dict[str, Any] | None = None
    cluster: dict[str, Any] | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage
    #: ``segments_before`` / ``segments_after`` when the run merged the index.
    search_index: dict[str, int | None] | None = None

    @property
    def added(self) -> list[str]:
        return self.ingest.added

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"ingest": self.ingest.to_dict()}
        if self.analyze is not None:
            out["analyze"] = self.analyze
        if self.cluster is not None:
            out["cluster"] = self.cluster
        if self.search_index is not None:
            out["search_index"] = self.search_index
        return out


def _quiet(_stage: str, _advance: int, _total: int | None) -> None:
    pass


def run_pipeline(
    store: Store, items: Iterable[Item], options: PipelineOptions | None = None, *,
    on_item: OnItem | None = None, on_progress: OnProgress | None = None,
) -> PipelineReport:
    """Ingest ``items``, then analyse, cluster and explain as ``options`` say."""
    options = options or PipelineOptions()
    report = PipelineReport()
    try:
        report.ingest = ingest(store, items, options, on_item=on_item, on_progress=on_progress,
                               seconds=report.seconds)
        analyse_new(store, report, options, on_progress=on_progress)
    finally:
        if options.close_runner and options.runner is not None:
            options.runner.close()
    cluster_new(store, report, options, on_progress=on_progress)
    optimize_after(store, report, options)
    return report


def optimize_after(store: Store, report: PipelineReport, options: PipelineOptions) -> None:
    """Merge the search index when this run added a large share of the store
    (``OPTIMIZE_SHARE``); a failure is logged, never undoes the run."""
    if not options.optimize_search or not report.added:
        return
    with store.connect() as conn:
        if conn.dialect.name != "sqlite":
            return
        total = count_articles(conn)
    if len(report.added) < OPTIMIZE_SHARE * total:
        return
    t0 = time.perf_counter()
    try:
        before, after = optimize_index(store)
    except Exception as err:  # noqa: BLE001 - upkeep must not fail a run whose work is stored
        log.warning("search index merge failed (run `veille optimize` later): %s", err)
        return
    report.seconds["optimize"] = time.perf_counter() - t0
    report.search_index = {"segments_before": before, "segments_after": after}


def process(store: Store, added: list[str], options: PipelineOptions | None = None, *,
            on_progress: OnProgress | None = None) -> PipelineReport:
    """The stages after ingest, for articles an earlier step stored (``added``):
    the API after its response, the watcher after a pass."""
    options = options or PipelineOptions()
    report = PipelineReport(ingest=IngestReport(added=list(added)))
    try:
        analyse_new(store, report, options, on_progress=on_progress)
    finally:
        if options.close_runner and options.runner is not None:
            options.runner.close()
    cluster_new(store, report, options, on_progress=on_progress)
    return report


def ingest(store: Store, items: Iterable[Item], options: PipelineOptions, *,
           on_item: OnItem | None = None, on_progress: OnProgress | None = None,
           seconds: dict[str, float] | None = None) -> IngestReport:
    """The ingest stage alone (the watcher stores each source's entries as
    they come, then processes them together)."""
    progress = on_progress or _quiet
    progress("ingest", 0, options.expected_items)

    def one(item: Article | Reject) -> None:
        if on_item is not None:
            on_item(item)
        progress("ingest", 1, None)

    gc: AbstractContextManager[Any] = batch_gc() if options.batch_gc else nullcontext()
    t0 = time.perf_counter()
    with gc:
        report = ingest_items(store, items, max_bytes=options.max_bytes,
                              on_item=one if on_item is not None or on_progress is not None else None,
                              runner=options.runner)
    if seconds is not None:
        seconds["ingest"] = time.perf_counter() - t0
    return report


def analyse_new(store: Store, report: PipelineReport, options: PipelineOptions, *,
                on_progress: OnProgress | None = None) -> None:
    """Analyse what is pending, when this run added articles (or, with
    ``finish_pending``, when an earlier run left some unanalysed)."""
    if not options.analyze:
        return
    if not (report.added or (options.finish_pending and analysis_pending(store))):
        return
    t0 = time.perf_counter()
    report.analyze = analyse_pending(store, options.runner, batch_size=options.analysis_batch,
                                     on_progress=on_progress, first=report.added)
    report.seconds["analyse"] = time.perf_counter() - t0


def analyse_pending(store: Store, runner: Runner | None = None, *, batch_size: int = ANALYSIS_BATCH,
                    on_progress: OnProgress | None = None,
                    first: Sequence[str] = ()) -> dict[str, Any]:
    """Pending articles (``first``: those this run stored, before the rest, so
    that concurrent runs do not analyse each other's), each batch analysed here
    or on the runner's workers (spaCy loaded once per worker), linked and saved
    by this process in one transaction per batch (``veille.engine.analysis``)."""
    progress = on_progress or _quiet
    progress("analyse", 0, count_pending(store) if on_progress is not None else None)
    return analyze_pending_on(store, runner, batch_size=batch_size,
                              on_batch=lambda n: progress("analyse", n, None), first=first)


def cluster_new(store: Store, report: PipelineReport, options: PipelineOptions, *,
                on_progress: OnProgress | None = None) -> None:
    """Cluster and explain, when this run added articles (or, with
    ``finish_pending``, when articles or story views are left to do)."""
    if not options.cluster:
        return
    if not (report.added or (options.finish_pending and clustering_pending(store))):
        return
    t0 = time.perf_counter()
    report.cluster = cluster(store, options, on_progress=on_progress)
    report.seconds["cluster"] = time.perf_counter() - t0


def cluster(store: Store, options: PipelineOptions | None = None, *,
            on_progress: OnProgress | None = None) -> dict[str, Any]:
    """Assign unassigned articles (all with ``rebuild``) to stories, then
    rebuild the views of the stories that changed (``views``)."""
    options = options or PipelineOptions()
    progress = on_progress or _quiet
    progress("cluster", 0, None)
    return cluster_pending(store, rebuild=options.rebuild, views=options.views,
                           on_batch=lambda n: progress("cluster", n, None))


def cluster_pending(store: Store, *, views: bool = True, **kwargs: Any) -> dict[str, Any]:
    """:func:`veille.cluster.service.cluster_pending` followed by the explain
    stage (``kwargs``: ``rebuild``, ``batch_size``, ``params``, ...)."""
    return clustering.cluster_pending(store, views=views, explain=explain, **kwargs)


def explain(store: Store, story_ids: list[int]) -> str:
    """Rebuild these stories' views; never undo clustering (a failure is
    reported, and the views stay missing for the next run to rebuild)."""
    try:
        refresh_story_views(store, story_ids)
    except Exception as err:  # noqa: BLE001 - a view failure must not undo clustering
        log.warning("story views failed: %s", err)
        return f"failed: {err}"
    return f"refreshed {len(story_ids)}"
