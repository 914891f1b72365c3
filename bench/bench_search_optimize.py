"""What `veille optimize` (FTS5 'optimize': the index in one segment) buys a search and costs (issue 20).

On two copies of a bench store (``bench_serve_load``'s), one as built and one
optimized: the optimize step's CPU and wall; then ``search()`` of this tree
(a = as built, b = optimized) on both, interleaved per distinct query (ABBA), CPU by ``time.process_time``,
and every answer (results, order, total, snippets, facets) compared as JSON,
page 1 and, where there is one, page 2. Then the upkeep's cost against
ingest: a run of new articles ingested into the optimized copy (segments
again), the optimize that would follow it, both timed, and the grown store's
searches with and without that second optimize (what is left of the gain).

    .venv/bin/python bench/bench_search_optimize.py STORE N_QUERIES SEED [NEW_ARTICLES]
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import run_one  # noqa: E402  (sibling scripts)
from bench_serve_load import distinct_queries  # noqa: E402
from corpus import generate  # noqa: E402

from veille.search.index import fts_segments, optimize_index  # noqa: E402
from veille.search.query import search  # noqa: E402
from veille.store import Store  # noqa: E402


def _copy(src: str, dst: Path) -> str:
    st = Store.open(src)
    with st.connect() as conn:  # WAL folded in: the copy is the whole store
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    st.close()
    shutil.copyfile(src, dst)
    return str(dst)


def _timed_optimize(db: str) -> dict[str, Any]:
    store = Store.open(db)
    t, w = time.process_time(), time.perf_counter()
    before, after = optimize_index(store)
    out = {"segments_before": before, "segments_after": after,
           "cpu_s": round(time.process_time() - t, 3), "wall_s": round(time.perf_counter() - w, 3)}
    store.close()
    return out


def _answers(conn: Any, q: str) -> tuple[str, float]:
    """Page 1 and page 2 of ``q`` as JSON, and the CPU they took."""
    t = time.process_time()
    first = search(conn, q, limit=20, facets=True)
    pages = [first]
    if first.get("next"):
        pages.append(search(conn, q, limit=20, after=first["next"], facets=True))
    cpu = time.process_time() - t
    return json.dumps(pages, sort_keys=True, default=str), cpu


def _interleaved(a: str, b: str, qs: list[str]) -> dict[str, Any]:
    """Each query's pages on store ``a`` then ``b``, then ``b`` then ``a`` (the
    first of the pair alternating): CPU per query on each, answers compared."""
    sa, sb = Store.open(a), Store.open(b)
    cpu = {"a": 0.0, "b": 0.0}
    differ = 0
    with sa.connect() as ca, sb.connect() as cb:
        for c in (ca, cb):
            search(c, "warm up", limit=20)
        for i, q in enumerate(qs):
            order = [("a", ca), ("b", cb)]
            if i % 2:
                order.reverse()
            got = {}
            for name, c in order + order[::-1]:
                got[name], spent = _answers(c, q)
                cpu[name] += spent
            differ += got["a"] != got["b"]
    sa.close()
    sb.close()
    runs = 2 * len(qs)
    return {"queries": len(qs), "answers_differ": differ, "a_ms": round(cpu["a"] / runs * 1000, 3),
            "b_ms": round(cpu["b"] / runs * 1000, 3), "load": os.getloadavg()[0]}


def main() -> None:
    db, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    new = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
    tmp = Path(tempfile.mkdtemp(prefix="veille-opt-"))
    built = _copy(db, tmp / "built.db")
    opt = _copy(db, tmp / "opt.db")
    print(json.dumps({"optimize": _timed_optimize(opt), "load": os.getloadavg()[0]}))
    warm = set(distinct_queries(db, 1500, seed=97))
    qs = [q for q in distinct_queries(db, n + 300, seed=seed) if q not in warm][:n]
    print(json.dumps({"seed": seed, **_interleaved(built, opt, qs)}))
    if new:
        src = generate(new, tmp / f"new-{new}.jsonl", seed=seed + 1000)
        ing = run_one(str(src), opt, "local", None, 200)
        st = Store.open(opt)
        with st.connect() as conn:
            segs = fts_segments(conn)
        st.close()
        grown = _copy(opt, tmp / "grown.db")
        print(json.dumps({"ingest": {k: ing[k] for k in ("added", "articles", "seconds", "cpu_ms_per_article")
                                     if k in ing},
                          "segments_after_ingest": segs, "optimize_after_ingest": _timed_optimize(opt)}))
        # The decay: the grown store's few segments against one, same articles.
        print(json.dumps({"grown_vs_reoptimized": _interleaved(grown, opt, qs)}))
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
