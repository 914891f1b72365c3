"""Where an uncached, distinct search spends its CPU, in-process (issue 20 item 7).

``search()`` on one connection of the store, timed by ``time.process_time``:
``warm`` distinct queries first (the per-process word and stem caches fill,
as in a server that has run a while), then ``measured`` others (the bench's
``distinct_queries``, 1-3 words of an English or French title). Each part is
timed by wrapping its function in ``veille.search.query``; the totals are
also given by match-count class and the slowest queries are listed.

    .venv/bin/python bench/profile_search.py /tmp/veille-bench-serve/serve-100000.db 1500 600

To compare trees, run it with ``PYTHONPATH`` pointing at another export of ``src``.
"""

from __future__ import annotations

import collections
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve_load import distinct_queries  # noqa: E402  (a sibling script)

import veille.search.query as query  # noqa: E402
from veille.store import Store  # noqa: E402

PARTS = {"_one_pass": "one statement", "snippet": "snippets", "snippet_from_index": "snippets",
         "whole_highlights": "snippets",
         "facet_counts": "entity facet", "_rows": "reading articles", "_tally_cell_counts": "facet tally"}


def _wrap(parts: dict[str, float], name: str, label: str) -> None:
    found: Callable[..., Any] | None = getattr(query, name, None)
    if found is None:  # a part the tree compared does not have (snippets from the word index, 0021)
        return
    f = found

    def timed(*a: Any, **k: Any) -> Any:
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            parts[label] += time.process_time() - t

    setattr(query, name, timed)


def main() -> None:
    db = sys.argv[1] if len(sys.argv) > 1 else "/tmp/veille-bench-serve/serve-100000.db"
    n_warm = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
    n_meas = int(sys.argv[3]) if len(sys.argv) > 3 else 600
    parts: dict[str, float] = collections.defaultdict(float)
    for name, label in PARTS.items():
        _wrap(parts, name, label)
    warm = distinct_queries(db, n_warm, seed=97)
    seen = set(warm)
    measured = [q for q in distinct_queries(db, n_meas + 200, seed=11) if q not in seen][:n_meas]
    store = Store.open(db)
    per: list[tuple[float, int, str]] = []
    with store.connect() as conn:
        for q in warm:
            query.search(conn, q)
        parts.clear()
        for q in measured:
            t = time.process_time()
            out = query.search(conn, q)
            per.append((time.process_time() - t, int(out["total"]), q))
    store.close()
    total = sum(p[0] for p in per)
    print(f"queries {len(per)}, mean CPU {total / len(per) * 1000:.2f} ms, "
          f"median {statistics.median(p[0] for p in per) * 1000:.2f} ms")
    for label, v in sorted(parts.items(), key=lambda kv: -kv[1]):
        print(f"  {label:18s} {v / len(per) * 1000:.3f} ms/search ({v / total * 100:.0f} %)")
    classes: dict[str, list[float]] = collections.defaultdict(list)
    for cpu, n, _ in per:
        classes["<100" if n < 100 else "100-1k" if n < 1000 else "1k-5k" if n < 5000 else ">5k"].append(cpu)
    for k in ("<100", "100-1k", "1k-5k", ">5k"):
        if classes[k]:
            v = classes[k]
            print(f"  {k:7s} n={len(v):4d} mean {statistics.mean(v) * 1000:.2f} ms, "
                  f"share {sum(v) / total * 100:.0f} %")
    print("slowest:", [(round(c * 1000, 1), n, q) for c, n, q in sorted(per, reverse=True)[:8]])


if __name__ == "__main__":
    main()
