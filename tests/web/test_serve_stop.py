"""``veille serve`` stops soon after SIGTERM while 50 connections search
(issue 20, items 4 and 7).

Before: one worker under a load of distinct searches took over 4 s to go
(uvicorn's graceful wait of 3 s, then the searches already handed to the
thread pool). Now the graceful wait is ``serve.GRACEFUL_SHUTDOWN`` (2 s), and a
search costs a fraction of what it did (search.phrases). The real
command runs in a subprocess on loopback, driven by the load test's client
(50 keep-alive connections, a bounded plan); the bound asserted is generous
(the machine is shared): what matters is that the process ends by itself,
without SIGKILL, and that no request got a 5xx on the way.

Real text: the first 150 articles of ../shared/data/news-clusters.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from veille.ingest.service import ingest_items
from veille.ingest.sources import SourceOptions, read_paths
from veille.store import Store
from veille.web.serve import GRACEFUL_SHUTDOWN

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("VEILLE_SHARED_DATA", REPO.parent / "shared" / "data"))
NEWS = SHARED / "news-clusters" / "news_cluster.jsonl"
VEILLE = str(REPO / ".venv" / "bin" / "veille")
sys.path.insert(0, str(REPO / "tests" / "reliability"))


def test_sigterm_under_search_load_stops_within_the_graceful_wait(tmp_path: Path) -> None:
    if not NEWS.exists():
        pytest.skip("../shared/data absent: news-clusters is needed for real searches")
    from loadclient import TRANSPORT_ERROR, run_load

    rows = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines()[:150]]
    jl = tmp_path / "news.jsonl"
    jl.write_text("\n".join(json.dumps({k: r[k] for k in ("id", "url", "source", "published", "title",
                                                          "text", "language") if r.get(k)})
                            for r in rows), encoding="utf-8")
    db = tmp_path / "v.db"
    store = Store.open(str(db))  # searched, not analysed: ingest alone
    ingest_items(store, read_paths([str(jl)], SourceOptions()))
    store.close()
    rng = random.Random(3)
    words = sorted({w for r in rows for w in re.findall(r"\w{3,}", r.get("title") or "")})
    plan = [f"/api/search?q={quote(' '.join(rng.sample(words, rng.choice((1, 2)))))}"
            for _ in range(20_000)]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen([VEILLE, "--db", str(db), "serve", "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                env=os.environ | {"VEILLE_SERVE_CACHE": "0"})
    try:
        deadline = time.monotonic() + 60
        while True:
            assert time.monotonic() < deadline and proc.poll() is None, log.read_text()[-2000:]
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/search?q=the", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        got: dict[str, Any] = {}
        load = threading.Thread(target=lambda: got.setdefault(
            "run", run_load("127.0.0.1", port, plan, 50, 60, 20.0)))
        load.start()
        time.sleep(2)  # 50 connections busy
        os.kill(proc.pid, signal.SIGTERM)  # the server this test started
        asked = time.monotonic()
        proc.wait(timeout=30)
        took = time.monotonic() - asked
        load.join(60)
        results = got["run"].results
        assert took < GRACEFUL_SHUTDOWN + 8, f"veille serve took {took:.1f} s to stop"
        served = sum(r.status == 200 for r in results)
        assert 50 < served < len(plan)  # serving when asked to stop, and stopped before the end
        assert not [r for r in results if 500 <= r.status < TRANSPORT_ERROR], log.read_text()[-2000:]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
