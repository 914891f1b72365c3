"""Analyse stored articles in batches and keep the results in the store.

The analysis itself (:mod:`veille.analyze.pipeline`) is a pure function of a
batch; this module is the edge that reads pending articles, links their
entities to the store's canonical entities, and writes everything for a batch
in one transaction (a killed run resumes at the first unanalysed article).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from veille.model import DateRange
from veille.store import Store
from veille.store import analyses as q

ANALYSIS_VERSION = "veille.analysis.v1"
BATCH = 32


def _ref(row: dict[str, Any]) -> DateRange:
    if not row.get("published_start"):
        return DateRange.unknown()
    return DateRange(date.fromisoformat(row["published_start"]),
                     date.fromisoformat(row["published_end"]), row["date_precision"])


def analyze_pending(
    store: Store, *, redo: bool = False, progress: Callable[[], Any] | None = None,
    batch_size: int = BATCH,
) -> dict[str, Any]:
    try:
        from veille.analyze.linking import link_entities
        from veille.analyze.pipeline import analyze_batch
    except ImportError as exc:  # the analysis stage is optional at run time
        return {"skipped": f"analysis unavailable: {exc}"}
    if redo:
        from sqlalchemy import delete

        from veille.store.schema import analyses, mentions

        with store.begin() as conn:
            conn.execute(delete(mentions))
            conn.execute(delete(analyses))
    done = 0
    prog = progress() if progress else None
    task = None
    if prog:
        prog.start()
        task = prog.add_task("analyse", total=None)
    try:
        last_seq = 0
        while True:
            with store.connect() as conn:
                rows = q.pending(conn, batch_size, after_seq=last_seq)
            if not rows:
                break
            last_seq = rows[-1]["seq"]
            items = [(r["uid"], r["text"], r["language"], _ref(r)) for r in rows]
            results = analyze_batch(items)
            with store.begin() as conn:
                known = q.load_entities(conn)
                results, changed = link_entities(results, known)
                q.save_entities(conn, changed)
                for an in results:
                    q.save_analysis(conn, an, ANALYSIS_VERSION)
            done += len(rows)
            if prog is not None and task is not None:
                prog.advance(task, len(rows))
    finally:
        if prog:
            prog.stop()
    return {"analyzed": done}
