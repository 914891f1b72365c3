"""How long `veille serve` takes to exit after SIGTERM while 50 connections
send distinct searches (issue 20, item 4).

The server and the load generator are bench_serve_load.py's (the real
command in a subprocess; tests/reliability/loadclient.py in a thread here);
SIGTERM is sent after ``--after`` seconds of load and the time until the
process has exited is printed, with the statuses the clients saw (599: the
connection closed without an answer, as at a stop).

    .venv/bin/python bench/bench_serve_stop.py --db /tmp/veille-bench-serve/serve-100000.db --runs 2
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests" / "reliability"))
import bench_serve_load as load  # noqa: E402  (sibling scripts, not packages)
from loadclient import run_load  # noqa: E402


def once(db: str, workers: int, after: float, seed: int) -> dict[str, Any]:
    plan = [f"/api/search?q={quote(q)}" for q in load.distinct_queries(db, 3000, seed=seed)]
    proc, port = load.serve(db, workers, os.devnull)
    got: dict[str, Any] = {}
    client = threading.Thread(target=lambda: got.setdefault(
        "run", run_load("127.0.0.1", port, plan, 50, 30, 10.0)))
    client.start()
    time.sleep(after)
    up = load.uptime()
    asked = time.monotonic()
    os.kill(proc.pid, signal.SIGTERM)  # the server this script started
    proc.wait(60)
    took = time.monotonic() - asked
    client.join()
    statuses: dict[str, int] = {}
    for r in got["run"].results:
        statuses[str(r.status)] = statuses.get(str(r.status), 0) + 1
    return {"stop_seconds": round(took, 2), "returncode": proc.returncode, "statuses": statuses,
            "uptime": up}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--after", type=float, default=4.0, help="Seconds of load before SIGTERM.")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    for i in range(args.runs):
        print(json.dumps(once(args.db, args.workers, args.after, seed=9 + i)), flush=True)


if __name__ == "__main__":
    main()
