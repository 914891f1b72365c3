"""A lean closed-loop HTTP/1.1 load generator for the load test (issue 9).

Why not httpx (or aiohttp): on this 2-core machine the generator shares the
cores with the server it measures, and httpx on asyncio spends 1-4 ms of CPU
per request at 50 connections, ten times the ~0.3 ms the server spends on a
cached read. The generator then saturates first and its own queue becomes the
measured "latency" (p95 0.6-0.8 s at 50 clients). This client is one
``asyncio.Protocol`` per connection on uvloop, the response parsed by
httptools (llhttp, the C parser uvicorn itself uses: status, Content-Length,
chunked bodies, keep-alive), with nothing else per request: a few tens of
microseconds of CPU, so the figures measure the server.

Each of ``clients`` connections sends one request at a time over keep-alive
(reconnecting when the server closes); a request is timed from just before
its bytes are written to the moment its full response has been parsed. The
run stops after ``requests`` requests or ``seconds``, whichever comes first;
a request that gets no answer within ``timeout`` counts as an error (status
599), as does a connection error or a malformed response.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import cast

import httptools

TRANSPORT_ERROR = 599  # no HTTP answer: reset, refused, timed out, unparsable


@dataclass
class Result:
    url: str
    status: int
    ms: float
    size: int = 0  # body bytes received
    why: str = ""  # the start of the body (or the error) when status >= 500


@dataclass
class Run:
    results: list[Result] = field(default_factory=list)
    seconds: float = 0.0


class _Connection(asyncio.Protocol):
    """One keep-alive connection; at most one request in flight."""

    def __init__(self) -> None:
        self.parser = httptools.HttpResponseParser(self)
        self.transport: asyncio.Transport | None = None
        self.waiter: asyncio.Future[tuple[int, float, int, bytes]] | None = None
        self.head = b""
        self.size = 0
        self.open = True

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as exc:
            self._fail(exc)

    def connection_lost(self, exc: Exception | None) -> None:
        self.open = False
        self._fail(exc or ConnectionResetError("connection closed by the server"))

    # httptools callbacks
    def on_body(self, body: bytes) -> None:
        self.size += len(body)
        if len(self.head) < 200:
            self.head += body[:200]

    def on_message_complete(self) -> None:
        done = time.perf_counter()
        if not self.parser.should_keep_alive():
            self.open = False
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result((self.parser.get_status_code(), done, self.size, self.head))

    def _fail(self, exc: BaseException) -> None:
        self.open = False
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(exc)

    def send(self, request: bytes) -> asyncio.Future[tuple[int, float, int, bytes]]:
        self.waiter = asyncio.get_running_loop().create_future()
        self.head, self.size = b"", 0
        assert self.transport is not None  # set by connection_made
        self.transport.write(request)
        return self.waiter

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()


async def _run(host: str, port: int, plan: list[str], clients: int, seconds: float,
               timeout: float) -> Run:
    loop = asyncio.get_running_loop()
    run = Run()
    todo = iter(plan)
    host_header = f"{host}:{port}"
    t_end = time.monotonic() + seconds

    async def client() -> None:
        conn: _Connection | None = None
        try:
            for url in todo:  # a shared iterator: each request is taken by one client
                if time.monotonic() >= t_end:
                    break
                request = f"GET {url} HTTP/1.1\r\nHost: {host_header}\r\n\r\n".encode()
                t0 = time.perf_counter()
                try:
                    if conn is None or not conn.open:
                        if conn is not None:
                            conn.close()
                        _, conn = await loop.create_connection(_Connection, host, port)
                    status, done, size, head = await asyncio.wait_for(conn.send(request), timeout)
                    why = head.decode("utf-8", "replace") if status >= 500 else ""
                except (TimeoutError, OSError, httptools.HttpParserError) as exc:
                    status, done, size = TRANSPORT_ERROR, time.perf_counter(), 0
                    why = f"{type(exc).__name__}: {exc}"
                    if conn is not None:
                        conn.close()
                        conn = None
                run.results.append(Result(url, status, (done - t0) * 1000, size, why))
        finally:
            if conn is not None:
                conn.close()

    t0 = time.monotonic()
    await asyncio.gather(*(client() for _ in range(clients)))
    run.seconds = time.monotonic() - t0
    return run


def run_load(host: str, port: int, plan: list[str], clients: int, seconds: float,
             timeout: float = 30.0) -> Run:
    """Send the URLs of ``plan`` (paths with query) from ``clients`` concurrent
    keep-alive connections; see the module docstring."""
    import uvloop

    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(_run(host, port, plan, clients, seconds, timeout))


def percentile(sorted_ms: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list (q in 0..100)."""
    if not sorted_ms:
        return float("nan")
    rank = max(1, -(-len(sorted_ms) * q // 100))  # ceil(n*q/100), at least 1
    return sorted_ms[int(rank) - 1]
