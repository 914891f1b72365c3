"""Ingest throughput and peak memory: JSONL -> SQLite and -> PostgreSQL.

    .venv/bin/python bench/bench_ingest.py --sizes 10000 100000 \
        --dbs sqlite postgresql --engines local processes

Each configuration runs in a fresh subprocess (so peak RSS is its own) on a
fresh store, without analysis or clustering (``ingest --no-analyze
--no-cluster``: reading, normalising, hashes, MinHash/LSH near-duplicate
lookup, inserts, full-text index). The corpus is generated from real articles
(see corpus.py). PostgreSQL: $VEILLE_BENCH_PG (a server URL whose user may
create databases), else a throwaway server started like the tests do.

Prints one JSON line per run and a Markdown table for docs/measured/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
CACHE = Path(os.environ.get("VEILLE_BENCH_CACHE", Path(tempfile.gettempdir()) / "veille-bench"))


def _proc_cpu_s(pid: int) -> float:
    """user + system CPU seconds of a live process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _workers_cpu_s(runner: object) -> float | None:
    """CPU of a process pool's workers so far (they are not children of this
    process: forkserver), or None when there is no such pool."""
    pool = getattr(runner, "_pool", None)
    if pool is None:
        return None
    procs = getattr(pool, "_processes", None) or {}
    try:
        return sum(_proc_cpu_s(pid) for pid in procs)
    except OSError:
        return None


def run_one(input_path: str, db: str, engine: str, workers: int | None, batch: int,
            commit: int | None = None) -> dict:
    """One ingest in this process; returns the measures."""
    from veille.engine.batchgc import batch_gc
    from veille.engine.runners import make_runner
    from veille.ingest import dedup
    from veille.ingest.service import COMMIT_SIZE, ingest_items
    from veille.ingest.sources import SourceOptions, read_paths
    from veille.store import Store

    # datasketch is imported on first use (workers get its constants instead);
    # import it here with the other modules, outside the measured CPU, as the
    # module import did before.
    dedup.params()
    store = Store.open(db)
    runner = make_runner(engine, workers=workers) if engine != "local" else None
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    me = resource.getrusage(resource.RUSAGE_SELF)
    cpu0 = me.ru_utime + me.ru_stime
    t0 = time.perf_counter()
    with batch_gc():  # as `veille ingest` does
        rep = ingest_items(store, read_paths([input_path], SourceOptions()), batch_size=batch,
                           runner=runner, commit_size=commit or COMMIT_SIZE)
    secs = time.perf_counter() - t0
    workers_cpu = _workers_cpu_s(runner)
    if runner is not None:
        runner.close()
    store.close()
    seen = rep.seen
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime - cpu0
    return {
        # CPU seconds of this process and its workers per article: what the
        # ingest costs, independent of what else the machine is running.
        "cpu_ms_per_article": round(1000 * cpu / seen, 3),
        # With a process pool: its workers' CPU per article, start-up (imports)
        # included; writer + workers is the whole ingest's CPU.
        "workers_cpu_ms_per_article": (round(1000 * workers_cpu / seen, 3)
                                       if workers_cpu is not None else None),
        "commit_size": commit or COMMIT_SIZE,
        "articles": seen, "added": len(rep.added), "exact_duplicates": rep.exact_duplicates,
        "near_duplicates": rep.near_duplicates, "rejected": len(rep.rejects),
        "seconds": round(secs, 2), "articles_per_s": round(seen / secs, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_before_mb": round(rss_before, 1),
        "workers_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }


def _pg_server():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(HERE.parent / "tests"))
    from pg import start_server

    return start_server()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--dbs", nargs="+", default=["sqlite", "postgresql"])
    ap.add_argument("--engines", nargs="+", default=["local", "processes"])
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--commit", type=int, default=None,
                    help="Most articles per transaction (default: the service's COMMIT_SIZE).")
    ap.add_argument("--out", type=Path, default=None, help="Append the JSON lines to this file.")
    # internal: one run in a child process
    ap.add_argument("--one", nargs=3, metavar=("INPUT", "DB", "ENGINE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(*args.one, args.workers, args.batch, args.commit)))
        return

    from corpus import generate

    server = None
    results = []
    try:
        for n in args.sizes:
            src = generate(n, CACHE / f"articles-{n}.jsonl")
            for dbkind in args.dbs:
                for engine in args.engines:
                    if dbkind == "sqlite":
                        db = str(CACHE / f"bench-{uuid.uuid4().hex[:8]}.db")
                    elif ext := os.environ.get("VEILLE_BENCH_PG"):
                        db = _create_db(ext)
                    else:
                        if server is None:
                            server = _pg_server()
                        db = server.create_database()
                    cmd = [sys.executable, __file__, "--one", str(src), db, engine,
                           "--batch", str(args.batch)]
                    if args.workers:
                        cmd += ["--workers", str(args.workers)]
                    if args.commit:
                        cmd += ["--commit", str(args.commit)]
                    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
                    if out.returncode != 0:
                        print(out.stderr[-3000:], file=sys.stderr)
                        raise SystemExit(f"run failed: {cmd}")
                    res = json.loads(out.stdout.strip().splitlines()[-1])
                    res.update(size=n, db=dbkind, engine=engine, batch=args.batch, commit=_commit())
                    results.append(res)
                    print(json.dumps(res), flush=True)
                    if args.out:
                        with args.out.open("a") as fh:
                            fh.write(json.dumps(res) + "\n")
                    if dbkind == "sqlite":
                        for suffix in ("", "-wal", "-shm"):
                            Path(db + suffix).unlink(missing_ok=True)
                    elif server is not None:
                        server.drop_database(db)
    finally:
        if server is not None:
            server.stop()
    print()
    print("| articles | store | engine | articles/s | seconds | CPU ms/article (main) "
          "| workers CPU ms/article | peak RSS (main) MB | load avg |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['size']:,} | {r['db']} | {r['engine']} | {r['articles_per_s']:,.0f} | "
              f"{r['seconds']:,.1f} | {r['cpu_ms_per_article']} | "
              f"{r.get('workers_cpu_ms_per_article') or '-'} | {r['peak_rss_mb']:,.0f} | "
              f"{r['load_avg_1m']} |")


def _commit() -> str:
    out = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"],
                         capture_output=True, text=True, check=False)
    return out.stdout.strip()


def _create_db(url: str) -> str:
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name


if __name__ == "__main__":
    main()
