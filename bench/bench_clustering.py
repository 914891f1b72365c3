"""Clustering cost per article as the corpus grows (1k, 10k, 100k articles).

The stream is made of real articles (news_cluster.jsonl, 383 English articles,
plus the two French seeds) replicated: replica k of an article gets the id
``<id>~k``, its dates shifted by k * 45 days, a different random 80% of its
sentences, and its proper names and figures made replica-specific (capitalised
words get a suffix coding k, numbers are offset by k), so that each replica is a
distinct "event" that shares its common vocabulary with the others, as a new
story does, rather than a copy that would join the old story.
This is a synthetic stream built from real text: it measures cost, not quality.

Times are process CPU time (``time.process_time``), so other jobs on the
machine do not inflate them.  Reported per checkpoint: mean time per article over the last window (the
marginal cost at that corpus size), split into feature extraction and
assignment, the live stories, the index size and the process's peak RSS.

    .venv/bin/python bench/bench_clustering.py --sizes 1000,10000,100000
    .venv/bin/python bench/bench_clustering.py --store --sizes 1000,10000
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import resource
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from veille.cluster.evaluate import features_of, read_jsonl, stream_order  # noqa: E402
from veille.cluster.online import OnlineClusterer  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "news-clusters" / "news_cluster.jsonl"
SENT = re.compile(r"(?<=[.!?])\s+")
CAP = re.compile(r"\b([A-Z][a-z]+)\b")
NUM = re.compile(r"\b\d+\b")


def _code(k: int) -> str:
    letters = "bcdfghjklmnpqrstvwxz"
    out = ""
    while True:
        out += letters[k % 20]
        k //= 20
        if not k:
            return out


def perturb(text: str, k: int) -> str:
    code = _code(k)
    text = CAP.sub(lambda m: m.group(1) + code, text)
    return NUM.sub(lambda m: str(int(m.group(0)) + k), text)


def base_rows() -> list[dict[str, Any]]:
    rows = stream_order(read_jsonl(DATA))
    for p in sorted((REPO / "examples").glob("*.txt")):
        raw = p.read_text(encoding="utf-8").strip()
        month, body = raw.split(None, 2)[1], raw.split(None, 2)[2]
        rows.append(
            {
                "id": p.name,
                "text": body,
                "title": None,
                "language": "fr",
                "published": month + "-15",
                "source": "seed",
            }
        )
    return rows


def replicas(rows: list[dict[str, Any]], n: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    k = 0
    produced = 0
    while True:
        for r in rows:
            if produced >= n:
                return
            sents = SENT.split(r["text"])
            if k and len(sents) > 3:
                sents = [s for s in sents if rng.random() < 0.8] or sents[:1]
            pub = date.fromisoformat(r["published"][:10]) + timedelta(days=45 * k)
            text = " ".join(sents)
            title = r.get("title")
            if k:
                text, title = perturb(text, k), perturb(title, k) if title else title
            yield {**r, "id": f"{r['id']}~{k}", "text": text, "title": title, "published": pub.isoformat()}
            produced += 1
        k += 1


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_memory(sizes: list[int], window: int) -> list[dict[str, Any]]:
    total = max(sizes)
    cl = OnlineClusterer()
    out = []
    t_feat = t_assign = 0.0
    w_feat = w_assign = 0.0
    w_cands = 0
    # Warm-up (excluded): lazy imports of stop-word lists and stemmers.
    for _ in features_of(replicas(base_rows(), 400, seed=99)):
        pass
    it = features_of(replicas(base_rows(), total))
    for i in range(1, total + 1):
        t0 = time.process_time()
        f = next(it)
        t_mid = time.process_time()
        # Sampled, outside the timed part: how many stories an article is compared with.
        n_cands = len(cl.candidates(f)) if i % 10 == 0 else 0
        t1 = time.process_time()
        t0 += t1 - t_mid
        cl.add(f)
        if i % cl.params.merge_every == 0:
            cl.merge_pass()
        t2 = time.process_time()
        w_cands += n_cands
        t_feat += t1 - t0
        t_assign += t2 - t1
        w_feat += t1 - t0
        w_assign += t2 - t1
        if i % window == 0:
            cl.flushed()  # what a store flush does after persisting the dirty stories
            last_feat, last_assign, last_cands = w_feat, w_assign, w_cands
            w_feat = w_assign = 0.0
            w_cands = 0
            if i in sizes:
                out.append(
                    {
                        "articles": i,
                        "ms_per_article_window": round(1000 * (last_feat + last_assign) / window, 3),
                        "ms_features_window": round(1000 * last_feat / window, 3),
                        "ms_assign_window": round(1000 * last_assign / window, 3),
                        "ms_per_article_cumulative": round(1000 * (t_feat + t_assign) / i, 3),
                        "candidates_per_article": round(10 * last_cands / window, 2),
                        "live_stories": len(cl.stories),
                        "index_keys": len(cl.index.postings),
                        "peak_rss_mb": round(rss_mb(), 1),
                    }
                )
                print(json.dumps(out[-1]), flush=True)
    return out


def bench_store(sizes: list[int], window: int) -> list[dict[str, Any]]:
    """Through SQLite: articles inserted in bulk, then ``cluster_pending`` per window."""
    import tempfile

    from veille.cluster.service import cluster_pending
    from veille.core.model import DateRange, RawRecord
    from veille.ingest.service import ingest_items
    from veille.store import Store

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "b.db"))
        stream = replicas(base_rows(), max(sizes))
        done = 0
        while done < max(sizes):
            chunk = [next(stream) for _ in range(window)]
            recs = [
                RawRecord(
                    text=r["text"],
                    origin="bench",
                    uid=r["id"],
                    source=r.get("source"),
                    title=r.get("title"),
                    language=r.get("language"),
                    published=DateRange(
                        date.fromisoformat(r["published"][:10]),
                        date.fromisoformat(r["published"][:10]),
                        "day",
                    ),
                    fmt="jsonl",
                )
                for r in chunk
            ]
            ingest_items(store, recs)
            rep = cluster_pending(store, views=False)
            done += window
            if done in sizes:
                out.append(
                    {
                        "articles": done,
                        "ms_per_article_window": rep["ms_per_article"],
                        "assigned": rep["assigned"],
                        "stories": rep["stories"],
                        "peak_rss_mb": round(rss_mb(), 1),
                    }
                )
                print(json.dumps(out[-1]), flush=True)
        store.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--window", type=int, default=1000)
    ap.add_argument("--store", action="store_true", help="measure through a SQLite store")
    ap.add_argument("--out", default=None, help="write the results JSON here")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    t0 = time.time()
    res = (bench_store if args.store else bench_memory)(sizes, args.window)
    first, last = res[0], res[-1]
    report = {
        "mode": "store" if args.store else "memory",
        "machine": f"{platform.processor() or platform.machine()}, {platform.python_version()}",
        "results": res,
        "ratio_last_first": round(last["ms_per_article_window"] / first["ms_per_article_window"], 3),
        "wall_seconds": round(time.time() - t0, 1),
    }
    print(json.dumps(report, indent=1))
    if args.out:
        Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
