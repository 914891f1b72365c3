"""Throughput and latency of `veille serve` under 50 concurrent connections,
cached and uncached (distinct) searches, the load generator in its own process.

The server is the real one (``veille --db DB serve --workers N`` in a
subprocess); the generator is ``tests/reliability/loadclient.py`` (keep-alive
connections on uvloop, responses parsed by httptools: tens of microseconds of
CPU per request) run in a second subprocess, so its CPU is not the server's.
Each plan runs for ``--seconds`` (or until its URLs are used up):

- ``search uncached``: every request a different query (one to three words
  of one article's title, each URL used once), so the response cache never
  answers: ranking, snippets and facets each time.
- ``search cached``: the 16 queries of bench_serve.QUERIES over and over.
- ``mixed cached``: home page, story pages and API, article pages, searches.

Stores come from bench_serve.py (``build``): real articles replicated to the
size asked, so posting lists are long (the hard case).

    .venv/bin/python bench/bench_serve_load.py --db /tmp/veille-bench-serve/serve-100000.db \\
        --workers 1 2 --clients 50 --seconds 20
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from bench_serve import QUERIES, machine  # noqa: E402  (a sibling script, not a package)

VEILLE = str(REPO / ".venv" / "bin" / "veille")

# The generator process: reads the plan, runs it, prints one JSON result per request.
CLIENT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from loadclient import run_load
args = json.load(open(sys.argv[2]))
run = run_load("127.0.0.1", args["port"], args["plan"], args["clients"], args["seconds"], args["timeout"])
json.dump({"seconds": run.seconds, "results": [[r.status, r.ms, r.why[:200]] for r in run.results]},
          sys.stdout)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tree_cpu(pid: int, children: bool = True) -> float:
    """utime + stime (s) of a process and its children (uvicorn workers, search processes)."""
    total, todo = 0.0, [pid]
    tick = os.sysconf("SC_CLK_TCK")
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            if not children:
                break
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


def distinct_queries(db: str, n: int, seed: int = 11) -> list[str]:
    """``n`` different queries, each 1-3 words of one English or French article's
    title (so each matches at least that article; common words match
    thousands). English and French only: a query is stemmed in those two
    (search.text.QUERY_LANGUAGES), so a Spanish or Russian word that the
    index holds stemmed finds nothing, and empty answers would flatter the
    figures."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        titles = [r[0] for r in conn.execute(
            "SELECT title FROM articles WHERE title IS NOT NULL AND language IN ('en', 'fr') "
            "ORDER BY seq LIMIT 20000")]
    rng = random.Random(seed)
    out: set[str] = set()
    for _ in range(50 * n):
        words = re.findall(r"\w{3,}", rng.choice(titles))
        if words:
            k = min(len(words), rng.choice((1, 2, 2, 3)))
            out.add(" ".join(sorted(rng.sample(words, k), key=words.index)))
        if len(out) >= n:
            break
    qs = sorted(out)
    rng.shuffle(qs)
    return qs


def plans(db: str, base: str, n: int, seed: int = 11) -> dict[str, list[str]]:
    import httpx

    rng = random.Random(5)
    stories = [s["id"] for s in httpx.get(base + "/api/stories?limit=100").json()["items"]]
    arts = [a["id"] for a in httpx.get(base + "/api/articles?limit=100").json()["items"]]
    mixed = (["/"] + [f"/stories/{s}" for s in stories] + [f"/api/stories/{s}" for s in stories]
             + [f"/articles/{quote(a, safe='')}" for a in arts[:30]]
             + [f"/api/search?q={quote(q)}" for q in QUERIES] + [f"/search?q={quote(q)}" for q in QUERIES])
    return {
        "search uncached": [f"/api/search?q={quote(q)}" for q in distinct_queries(db, n, seed=seed)],
        "search cached": [f"/api/search?q={quote(rng.choice(QUERIES))}" for _ in range(n)],
        "mixed cached": [rng.choice(mixed) for _ in range(n)],
    }


def uptime() -> str:
    """``uptime``'s line (load averages): the machine is shared, so each row
    says how busy it was."""
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "load average: " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def load(port: int, plan: list[str], clients: int, seconds: float, pid: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump({"port": port, "plan": plan, "clients": clients, "seconds": seconds,
                   "timeout": 10.0}, fh)
    la0, cpu0, up0 = os.getloadavg()[0], _tree_cpu(pid), uptime()
    # The process uvicorn runs in (one worker: the one that holds the connections).
    top0 = _tree_cpu(pid, children=False)
    done = subprocess.run([sys.executable, "-c", CLIENT, str(REPO / "tests" / "reliability"), fh.name],
                          capture_output=True, text=True, check=True)
    cpu = _tree_cpu(pid) - cpu0
    top = _tree_cpu(pid, children=False) - top0
    Path(fh.name).unlink()
    run = json.loads(done.stdout)
    res = run["results"]
    ms = sorted(r[1] for r in res)
    n = len(ms)

    def pct(q: float) -> float:
        return round(ms[max(1, int(-(-n * q // 100))) - 1], 1) if ms else float("nan")

    statuses: dict[str, int] = {}
    for r in res:
        statuses[str(r[0])] = statuses.get(str(r[0]), 0) + 1
    return {"requests": n, "seconds": round(run["seconds"], 1), "rps": round(n / run["seconds"], 1),
            "p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99),
            "max_ms": round(ms[-1], 1) if ms else None,
            "5xx": sum(1 for r in res if r[0] >= 500), "statuses": statuses,
            "server_cpu_ms_per_request": round(cpu / max(n, 1) * 1000, 2),
            "server_main_process_cpu_ms_per_request": round(top / max(n, 1) * 1000, 2),
            "load_average": [round(la0, 1), round(os.getloadavg()[0], 1)],
            "uptime": [up0, uptime()],
            "first_5xx": next((r[2] for r in res if r[0] >= 500), None)}


def serve(db: str, workers: int, log: str, search_processes: int = 0) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    with open(log, "a") as out:
        # always said: `veille serve` runs a pool by default since session 17, and a
        # row of K=0 must measure searches in the worker
        pool = ["--search-processes", str(search_processes)]
        proc = subprocess.Popen([VEILLE, "--db", db, "serve", "--port", str(port), "--workers", str(workers),
                                 *pool],
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    import httpx

    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/articles?limit=1", timeout=5).status_code == 200:
                # every worker up: a few more answers
                for _ in range(4 * workers):
                    httpx.get(f"http://127.0.0.1:{port}/", timeout=10)
                return proc, port
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("veille serve did not come up")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--plans", nargs="+", default=["search uncached", "search cached", "mixed cached"])
    ap.add_argument("--server-log", default=os.devnull, help="Where the server's output goes.")
    ap.add_argument("--seed", type=int, default=11, help=(
        "Seed of the uncached plan's queries (11: the earlier rounds'; another for a held-out draw)."))
    ap.add_argument("--search-processes", type=int, nargs="+", default=[0], metavar="K", help=(
        "veille serve --search-processes K (0: searches in the worker); one row per workers x K."))
    ap.add_argument("--warm-uncached", type=int, default=0, metavar="N", help=(
        "Before the uncached plan, N distinct queries not in it (another seed): the workers' "
        "word and stem caches warm, as in a server that has run a while. 0: from cold, "
        "as in the earlier rounds."))
    args = ap.parse_args()
    with sqlite3.connect(args.db) as conn:
        n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    out: dict[str, Any] = {"machine": machine(), "articles": n_articles, "clients": args.clients,
                           "runs": {}}
    for workers, k in [(w, k) for w in args.workers for k in args.search_processes]:
        proc, port = serve(args.db, workers, args.server_log, k)
        label = f"{workers} worker(s)" + (f", {k} search processes" if k else "")
        try:
            all_plans = plans(args.db, f"http://127.0.0.1:{port}", 40_000, args.seed)
            for name in args.plans:
                plan = all_plans[name]
                if "uncached" in name and args.warm_uncached:
                    measured = set(plan)
                    warm = [u for u in (f"/api/search?q={quote(q)}"
                                        for q in distinct_queries(args.db, args.warm_uncached, seed=97))
                            if u not in measured]
                    load(port, warm, args.clients, 60, proc.pid)
                if "uncached" not in name:  # warm the caches of every worker
                    load(port, sorted(set(plan)) * workers * 3, args.clients, 30, proc.pid)
                res = load(port, plan, args.clients, args.seconds, proc.pid)
                out["runs"][f"{name}, {label}"] = res
                print(f"{n_articles} articles, {label}, {name}: {json.dumps(res)}",
                      file=sys.stderr, flush=True)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)  # the server this script started
            proc.wait(30)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
