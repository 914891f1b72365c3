"""Cost of one semantic search (``veille.services.semantic``) as the store grows.

Run:  .venv/bin/python bench/bench_semantic.py [--sizes 1000 100000] [--queries 20]

A SQLite store is filled with N synthetic articles, each with a random unit
vector packed as the encoder's are (int8, 516 bytes); then ``--queries``
real query texts are embedded and searched (limit 20) with no filter and with
a language filter.  Reported per size: wall and CPU ms per search (the query's
own embedding excluded, measured apart), rows scanned, and the ratio of the
largest size to the smallest.  The exact scan is linear in N: this says
whether it still fits a request at 100k or an ANN index is needed.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sqlalchemy import insert  # noqa: E402

from veille.embed import DIM, embed_query, model_name, pack  # noqa: E402
from veille.embed.similar import nearest  # noqa: E402
from veille.services.queries import ListFilters, _article_conditions  # noqa: E402
from veille.store import Store  # noqa: E402
from veille.store.schema import article_vectors, articles  # noqa: E402

QUERIES = ["nuclear weapons in Belarus", "séisme en Turquie", "Wahlen in Deutschland",
           "inflation y tipos de interés", "wildfires in Canada", "grève des transports",
           "Champions League final", "elezioni in Italia", "negocjacje pokojowe", "油价上涨"]


def fill(store: Store, n: int, rng: np.random.Generator) -> None:
    langs = ["en", "fr", "de", "es", "it", "pl", "zh", "ru"]
    model = model_name()
    now = datetime.now(UTC)
    with store.begin() as conn:
        for lo in range(0, n, 5000):
            hi = min(n, lo + 5000)
            conn.execute(insert(articles), [
                {"uid": f"a{i}", "seq": i + 1, "source": f"s{i % 50}.example", "language": langs[i % 8],
                 "title": f"t{i}", "text": "x", "n_chars": 1, "content_hash": f"h{i}",
                 "published": "2024-01-01", "published_start": "2024-01-01", "published_end": "2024-01-01",
                 "origin": "bench", "fmt": "jsonl", "ingested_at": now} for i in range(lo, hi)])
            vecs = rng.standard_normal((hi - lo, DIM)).astype(np.float32)
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
            conn.execute(insert(article_vectors), [
                {"article_uid": f"a{lo + j}", "model": model, "dim": DIM, "data": pack(vecs[j])}
                for j in range(hi - lo)])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    ap.add_argument("--queries", type=int, default=20)
    args = ap.parse_args()
    qs = [QUERIES[i % len(QUERIES)] for i in range(args.queries)]
    embed_query("warm-up")  # the encoder's load (~1 s) is not a search's cost
    c0 = time.process_time()
    qvecs = [embed_query(q)[0] for q in qs]
    embed_ms = 1000 * (time.process_time() - c0) / len(qs)
    report: dict[str, object] = {"machine": f"{platform.machine()}, 2 cores (shared)",
                                 "query_embedding_cpu_ms": round(embed_ms, 2), "sizes": {}}
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(str(Path(tmp) / "b.db"))
            fill(store, n, np.random.default_rng(n))
            out: dict[str, object] = {}
            for name, where in (("no filter", []), ("language=fr", _article_conditions(
                    ListFilters(language="fr")))):
                with store.connect() as conn:
                    nearest(conn, qvecs[0], 20, where=where)  # warm the page cache
                    w0, c0 = time.perf_counter(), time.process_time()
                    scanned = 0
                    for v in qvecs:
                        scanned = nearest(conn, v, 20, where=where).scanned
                    wall = 1000 * (time.perf_counter() - w0) / len(qvecs)
                    cpu = 1000 * (time.process_time() - c0) / len(qvecs)
                out[name] = {"wall_ms": round(wall, 1), "cpu_ms": round(cpu, 1), "scanned": scanned}
            store.close()
            report["sizes"][str(n)] = out  # type: ignore[index]
    sizes = report["sizes"]
    assert isinstance(sizes, dict)
    lo, hi = str(min(args.sizes)), str(max(args.sizes))
    report["ratio_cpu_largest_smallest"] = round(sizes[hi]["no filter"]["cpu_ms"]
                                                 / max(0.1, sizes[lo]["no filter"]["cpu_ms"]), 1)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
