"""Bounded load on `veille serve` from a second process over loopback (issue 9):
50 concurrent clients, 10,000 requests by default, time-bounded: zero 5xx and a
p95 latency within the serve goal (100 ms). The write token is set on the
server and must never appear in what it prints.

The client is ``loadclient`` (keep-alive connections on uvloop, responses
parsed by httptools), not httpx: on 2 cores shared with the server, httpx's
own CPU per request was ten times the server's and its queue was what the
p95 measured (see that module and docs/measured/reliability.md)."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from .conftest import VEILLE, head_jsonl, run_veille
from .loadclient import percentile, run_load

# alone: the p95 goal is for 2 quiet cores, the server's and the client's; a test
# of the other xdist worker on one of them would be measured instead (tests/conftest.py).
pytestmark = [pytest.mark.slow, pytest.mark.alone]
CLIENTS = int(os.environ.get("VEILLE_LOAD_CLIENTS", "50"))
REQUESTS = int(os.environ.get("VEILLE_LOAD_REQUESTS", "10000"))
TIME_LIMIT = float(os.environ.get("VEILLE_LOAD_SECONDS", "120"))
P95_GOAL_MS = 100.0
TOKEN = "load-token-5ee1d"
REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(news_jsonl: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("load")
    db = str(tmp / "load.db")
    news = head_jsonl(news_jsonl, tmp / "news.jsonl", 60)
    # The second ingest clusters every pending article, the 60 of the first too
    # (a separate `veille cluster` only paid one more start-up).
    for args in (["ingest", "--no-analyze", "--no-cluster", str(news)],
                 ["ingest", str(REPO / "examples")]):
        done = run_veille(db, *args)
        assert done.returncode == 0, done.stderr[-2000:]
    port = _free_port()
    log = tmp / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen([VEILLE, "--db", db, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                env=os.environ | {"VEILLE_TOKEN": TOKEN})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/articles?limit=1", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("veille serve did not come up: " + log.read_text()[-2000:])
    yield base, log, proc.pid
    os.kill(proc.pid, signal.SIGTERM)  # the server this fixture started
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()


def _urls(base: str) -> list[str]:
    arts = httpx.get(base + "/api/articles?limit=100").json()["items"]
    stories = httpx.get(base + "/api/stories?limit=50").json()["items"]
    ids = [quote(a["id"], safe="") for a in arts]
    urls = ["/api/articles?limit=20", "/api/stories", "/api/entities?limit=20", "/api/quotes",
            "/api/search?q=missile", "/api/search?q=Poutine", "/api/search?q=nucl%C3%A9aire",
            "/", "/search?q=Korea", "/entities", "/quotes", "/api/articles?language=fr"]
    urls += [f"/api/articles/{i}" for i in ids[:30]] + [f"/articles/{i}" for i in ids[:30]]
    urls += [f"/api/stories/{s['id']}" for s in stories[:20]] + [f"/stories/{s['id']}" for s in stories[:20]]
    return urls


def _kind(url: str) -> str:
    """/api/articles/ID -> /api/articles/{id}: latency per endpoint."""
    path = url.split("?")[0]
    head = path.rsplit("/", 1)[0] if path.count("/") > (2 if path.startswith("/api") else 1) else path
    return head + ("/{id}" if head != path else "")


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a process (Linux /proc), to tell server from client CPU."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _loaded_libs(pid: int) -> set[str]:
    maps = Path(f"/proc/{pid}/maps").read_text()
    return {lib for lib in ("uvloop", "httptools") if f"/{lib}/" in maps}


@pytest.fixture(scope="module")
def load_run(server):  # type: ignore[no-untyped-def]
    base, log, pid = server
    urls = _urls(base)
    for u in urls:  # warm every page once (first story views are built on demand)
        assert httpx.get(base + u, timeout=60).status_code == 200, u
    rng = random.Random(9)
    plan = [rng.choice(urls) for _ in range(REQUESTS)]
    host, port = base.removeprefix("http://").split(":")
    load0, server0, client0 = os.getloadavg()[0], _cpu_seconds(pid), time.process_time()
    run = run_load(host, int(port), plan, CLIENTS, TIME_LIMIT)
    server_cpu, client_cpu = _cpu_seconds(pid) - server0, time.process_time() - client0
    done = len(run.results)
    latencies = sorted(r.ms for r in run.results)
    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
    errors = [(r.url, r.status, r.why) for r in run.results if r.status >= 500]
    statuses = Counter(r.status for r in run.results)
    print(f"\nload: {done} requests, {CLIENTS} clients, {run.seconds:.1f} s, {done / run.seconds:.0f} req/s, "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {percentile(latencies, 99):.1f} ms, "
          f"max {latencies[-1]:.1f} ms, 5xx {len(errors)}, statuses {dict(statuses)}")
    print(f"  CPU per request: server {server_cpu / done * 1000:.3f} ms, "
          f"client {client_cpu / done * 1000:.3f} ms; "
          f"load average {load0:.2f} -> {os.getloadavg()[0]:.2f}; server uses {sorted(_loaded_libs(pid))}")
    by_kind: dict[str, list[float]] = {}
    for r in run.results:
        by_kind.setdefault(_kind(r.url), []).append(r.ms)
    for kind, ms in sorted(by_kind.items()):
        ms.sort()
        print(f"  {kind:28s} n={len(ms):5d} p50 {percentile(ms, 50):7.1f} ms  "
              f"p95 {percentile(ms, 95):7.1f} ms")
    return {"errors": errors, "done": done, "p95": p95, "statuses": statuses,
            "empty": [r.url for r in run.results if r.status == 200 and r.size == 0],
            "log": log.read_text()}


def test_bounded_load_no_5xx(load_run) -> None:  # type: ignore[no-untyped-def]
    assert load_run["errors"] == []
    assert load_run["done"] >= min(REQUESTS, 1000)
    # every planned URL exists and was answered whole (the pages were warmed with 200)
    assert set(load_run["statuses"]) == {200}, load_run["statuses"]
    assert load_run["empty"] == []
    assert TOKEN not in load_run["log"]  # the server never prints the write token


def test_bounded_load_p95_within_goal(load_run) -> None:  # type: ignore[no-untyped-def]
    assert load_run["p95"] <= P95_GOAL_MS, f"p95 {load_run['p95']:.1f} ms over {P95_GOAL_MS} ms"


def _post_raw(base: str, head: str, chunk: bytes, max_bytes: int) -> tuple[bytes, int]:
    """Send ``head`` then ``chunk`` repeatedly (up to ``max_bytes``) until the
    server answers; return the start of the answer and the bytes of body sent."""
    import select

    host, port = base.removeprefix("http://").split(":")
    sent = 0
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(head.encode())
        while sent < max_bytes and chunk:
            if select.select([sock], [], [], 0)[0]:
                break  # the server answered (or closed) before the body was done
            try:
                sock.sendall(chunk)
            except OSError:  # reset: it closed the connection after its answer
                break
            sent += len(chunk)
        answer = b""
        try:
            while len(answer) < 4096 and (data := sock.recv(4096)):
                answer += data
        except OSError:
            pass
    return answer, sent


def test_oversized_upload_refused_while_streaming(server) -> None:  # type: ignore[no-untyped-def]
    """On the real server: a chunked 200 MB body is answered 413 near the 20 MB
    limit and the connection closed; a declared Content-Length over it, at once."""
    from veille.web.api.articles import MAX_UPLOAD

    base = server[0]
    piece = b"x" * (1 << 20)
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    head = ("POST /api/articles?process=false HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Authorization: Bearer {TOKEN}\r\n")
    answer, sent = _post_raw(base, head + "Transfer-Encoding: chunked\r\n\r\n", chunk, 200 << 20)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"application/problem+json" in answer and b"connection: close" in answer.lower()
    print(f"\nchunked upload: 413 after {sent >> 20} MiB sent (limit {MAX_UPLOAD >> 20} MiB)")
    assert sent < MAX_UPLOAD + (30 << 20), f"sent {sent >> 20} MiB before the answer"
    answer, sent = _post_raw(base, head + f"Content-Length: {200 << 20}\r\n\r\n", b"", 0)
    assert answer.startswith(b"HTTP/1.1 413") and sent == 0, answer[:200]
