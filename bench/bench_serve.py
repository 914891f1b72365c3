"""Latency of the web app: search and story pages at 10k and 100k articles.

The large stores are made by replicating real articles (the two seeds, the 383
English articles of ../shared/data/news-clusters and the ~2,500 article texts
of ../shared/data/semeval2022-task8 in ten languages) under new ids, with
dates spread over 2015-2024 and a replica tag appended to each text (the store
refuses two articles with the same content hash). The seeds are ingested,
analysed and clustered by the real stages; each replica of the seed pair gets
the seeds' analysis, mentions and stored story view (ids substituted), so every
story page served is a real two-article story view. Other replicas are
indexed for search but have no analysis.

The server is the real one (``veille serve`` in a subprocess, uvicorn, one
worker); requests are sequential over HTTP keep-alive from one client.

    .venv/bin/python bench/bench_serve.py --sizes 10000 100000 --requests 300

Needs ../shared/data (set VEILLE_SHARED_DATA elsewhere).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VEILLE_SHARED_DATA", REPO.parent / "shared" / "data"))
BATCH = 2000

QUERIES = [  # rare, mid and very common terms, phrases, two languages
    "Loukachenko", "nucléaires Biélorussie", "missile launch", "coronavirus vaccine", "president",
    "Trump", '"Security Council"', "déploiement", "China", "economy growth", "Poutine Sotchi",
    "government", "elecciones", "Regierung", "football", "the police said",
]


def real_articles() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    with (SHARED / "news-clusters" / "news_cluster.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            out.append({"title": r.get("title"), "text": r["text"], "language": r.get("language") or "en",
                        "source": r.get("source"), "url": r.get("url")})
    csv.field_size_limit(10**9)
    seen: set[str] = set()
    with (SHARED / "semeval2022-task8" / "training_set.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            for k in ("1", "2"):
                text = (r.get("text" + k) or "").strip()
                if len(text) < 200 or text in seen:
                    continue
                seen.add(text)
                out.append({"title": text[:90].rsplit(" ", 1)[0], "text": text,
                            "language": r.get("lang" + k), "source": f"semeval-{r.get('lang' + k)}",
                            "url": None})
    return out


def build(db: str, n: int) -> dict[str, Any]:
    from veille.cluster.service import cluster_pending
    from veille.ingest.service import ingest_items
    from veille.ingest.sources import SourceOptions, read_paths
    from veille.search.index import index_articles
    from veille.services.pipeline import analyse_pending as analyze_pending
    from veille.store import Store
    from veille.store.schema import analyses, articles, mentions, stories, story_articles

    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    store = Store.open(db)
    ingest_items(store, read_paths([str(REPO / "examples")], SourceOptions()))
    analyze_pending(store)
    cluster_pending(store)
    with store.connect() as conn:
        seeds = [dict(r._mapping) for r in conn.execute(select(articles).order_by(articles.c.seq))]
        seed_an = {r.article_uid: dict(r._mapping) for r in conn.execute(select(analyses))}
        seed_men = [dict(r._mapping) for r in conn.execute(select(mentions))]
        first = conn.execute(select(stories)).first()
        assert first is not None, "the seed store has a story"
        story = dict(first._mapping)
    pool = real_articles()
    rng = random.Random(6)
    now = datetime.now(UTC)
    seq = max(a["seq"] for a in seeds)
    made, k = len(seeds), 0
    seed_every = 300  # about 10 seed pairs (stories with full views) per replica of the pool
    with store.begin() as conn:
        rows: list[dict[str, Any]] = []
        while made < n:
            k += 1
            for i, src in enumerate(pool):
                if made >= n:
                    break
                day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
                seq += 1
                made += 1
                text = f"{src['text']}\n\n[replica {k}-{i}]"
                rows.append(dict(
                    uid=f"r{k}-{i}", seq=seq, source=src["source"], url=src["url"], title=src["title"],
                    text=text, language=src["language"], published=day.isoformat(),
                    published_start=day.isoformat(), published_end=day.isoformat(),
                    date_precision="day", content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    n_chars=len(text), origin="bench", fmt="jsonl", ingested_at=now))
                if i % seed_every == 0 and made + 2 <= n:
                    sid = _seed_replica(conn, seeds, seed_an, seed_men, story, k, i, seq, now, rows)
                    seq += 2
                    made += 2
                    del sid
                if len(rows) >= BATCH:
                    conn.execute(insert(articles), rows)
                    index_articles(conn, [r["uid"] for r in rows])
                    rows = []
        if rows:
            conn.execute(insert(articles), rows)
            index_articles(conn, [r["uid"] for r in rows])
        del story_articles
    with store.connect() as conn:
        from sqlalchemy import func

        total = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        n_stories = conn.execute(select(func.count()).select_from(stories)).scalar_one()
    store.close()
    return {"articles": total, "stories": n_stories, "build_seconds": round(time.perf_counter() - t0, 1),
            "db_mb": round(Path(db).stat().st_size / 1e6, 1)}


def _seed_replica(conn: Any, seeds: list[dict[str, Any]], seed_an: dict[str, Any],
                  seed_men: list[dict[str, Any]], story: dict[str, Any], k: int, i: int, seq: int,
                  now: datetime, rows: list[dict[str, Any]]) -> int:
    """Two more articles copying the seeds, with their analysis, mentions and story view."""
    from veille.store.schema import analyses, mentions, stories, story_articles

    new_ids = {}
    for j, a in enumerate(seeds):
        uid = f"s{k}-{i}-{a['uid']}"
        new_ids[a["uid"]] = uid
        text = a["text"] + f"\n\n[replica {k}-{i}]"
        rows.append(a | {"uid": uid, "seq": seq + 1 + j, "text": text, "minhash": None,
                         "content_hash": hashlib.sha256(text.encode()).hexdigest(), "ingested_at": now})
    view = json.dumps(story["view"], ensure_ascii=False)
    for old, new in new_ids.items():
        view = view.replace(json.dumps(old)[1:-1], new)
    # Articles first (foreign keys), then what hangs on them.
    from veille.store.schema import articles

    conn.execute(insert(articles), rows)
    from veille.search.index import index_articles

    index_articles(conn, [r["uid"] for r in rows])
    rows.clear()
    conn.execute(insert(analyses), [seed_an[old] | {"article_uid": new} for old, new in new_ids.items()])
    conn.execute(insert(mentions), [{k2: v for k2, v in m.items() if k2 != "id"} | {
        "article_uid": new_ids[m["article_uid"]]} for m in seed_men])
    res = conn.execute(insert(stories).values(
        {c: v for c, v in story.items() if c != "id"} | {"view": json.loads(view), "updated_at": now}))
    sid = int(res.inserted_primary_key[0])
    conn.execute(insert(story_articles), [{"article_uid": new, "story_id": sid, "similarity": 1.0,
                                          "assigned_at": now} for new in new_ids.values()])
    return sid


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def measure(db: str, n_requests: int) -> dict[str, Any]:
    import httpx

    port = _free_port()
    cmd = [str(REPO / ".venv" / "bin" / "veille"), "--db", db, "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(300):
                try:
                    client.get("/api/stories?limit=1")
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            out: dict[str, Any] = {}
            for name, make in plans(client).items():
                for _ in range(20):  # warm-up: page cache, statement caches
                    client.get(make())
                times = []
                for _ in range(n_requests):
                    url = make()
                    t = time.perf_counter()
                    r = client.get(url)
                    times.append((time.perf_counter() - t) * 1000)
                    assert r.status_code == 200, (url, r.status_code, r.text[:300])
                times.sort()
                out[name] = {"p50_ms": round(statistics.median(times), 1),
                             "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
                             "max_ms": round(times[-1], 1), "n": len(times)}
            per_query = {}
            for q in QUERIES:
                ts = []
                for _ in range(5):
                    t = time.perf_counter()
                    body = client.get("/api/search", params={"q": q}).json()
                    ts.append((time.perf_counter() - t) * 1000)
                per_query[q] = {"median_ms": round(statistics.median(ts), 1), "matches": body["total"]}
            out["per query (API)"] = per_query
            return out
    finally:
        proc.terminate()
        proc.wait(10)


def plans(client: Any) -> dict[str, Any]:
    story_ids = [s["id"] for s in client.get("/api/stories", params={"limit": 100}).json()["items"]]
    rng = random.Random(1)
    return {
        "search page (HTML, facets)": lambda: f"/search?q={rng.choice(QUERIES)}",
        "search API (JSON, facets)": lambda: f"/api/search?q={rng.choice(QUERIES)}",
        "story page (HTML)": lambda: f"/stories/{rng.choice(story_ids)}",
        "story API (JSON)": lambda: f"/api/stories/{rng.choice(story_ids)}",
        "home page (HTML)": lambda: "/",
    }


def measure_cpu(db: str, n_requests: int) -> dict[str, Any]:
    """CPU time the process spends per request (in-process ASGI calls, no socket).

    On a shared machine wall time mostly measures the other tenants; the CPU
    a request costs does not depend on them, and on an idle core it is the
    request's latency (the store is in the page cache).
    """
    from fastapi.testclient import TestClient

    from veille.web.app import create_app

    out: dict[str, Any] = {}
    with TestClient(create_app(db)) as client:
        for name, make in plans(client).items():
            for _ in range(20):
                client.get(make())
            cpu, wall = [], []
            for _ in range(n_requests):
                url = make()
                c0, w0 = time.process_time(), time.perf_counter()
                r = client.get(url)
                cpu.append((time.process_time() - c0) * 1000)
                wall.append((time.perf_counter() - w0) * 1000)
                assert r.status_code == 200, (url, r.status_code)
            cpu.sort()
            wall.sort()
            out[name] = {"cpu_p50_ms": round(statistics.median(cpu), 1),
                         "cpu_p95_ms": round(cpu[int(0.95 * (len(cpu) - 1))], 1),
                         "wall_p50_ms": round(statistics.median(wall), 1),
                         "wall_p95_ms": round(wall[int(0.95 * (len(wall) - 1))], 1), "n": len(cpu)}
    return out


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlite3

    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--dir", default="/tmp/veille-bench-serve")
    ap.add_argument("--reuse", action="store_true", help="Keep an existing store of the right size.")
    args = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} absent: set VEILLE_SHARED_DATA")
    Path(args.dir).mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"machine": machine(), "sizes": {}}
    for n in args.sizes:
        db = f"{args.dir}/serve-{n}.db"
        info: dict[str, Any] = {"reused": True} if args.reuse and Path(db).exists() else build(db, n)
        print(f"[{n}] store: {info}", file=sys.stderr, flush=True)
        load_before = os.getloadavg()[0]
        res = measure(db, args.requests)
        cpu = measure_cpu(db, args.requests)
        info["load_average_1min"] = [round(load_before, 1), round(os.getloadavg()[0], 1)]
        results["sizes"][str(n)] = {"store": info, "http_latency": res, "cpu_per_request": cpu}
        print(json.dumps({n: res, "cpu": cpu}, indent=1, ensure_ascii=False), file=sys.stderr, flush=True)
    print(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
