"""Full-text searches answered by a pool of processes that every connection shares (issue 20 item 7).

Uncached distinct searches are CPU work (SQLite's FTS5 and Python) on one
process's GIL. With uvicorn's ``--workers 2`` each process served its own
connections: the kernel gave the two processes unequal shares of 50
keep-alive connections (12/38 to 25/25 within one run, session 15), each
process answered its own queue at the same rate, and the fuller one made the
p95 (p95 / p50 1.7 with two workers, 1.2 with one). Here one server process
holds every connection and hands each search, in arrival order, to the next
free process of a pool (:data:`DEFAULT_PROCESSES` by default, one per core):
one queue for the whole server, so a request waits behind the requests that
came before it, not behind its own process's share.

A pool process opens the store by its URL (SQLite under WAL: readers side by
side), runs the same ``run_search`` as the in-process path and sends back the
JSON body as bytes (the API) or the page's dict (the search page); errors
come back as the problem they were (``Problem``: status, kind, detail) or as
an internal error. The frames are length-prefixed pickles on a socketpair
read by the server's event loop (no thread hop). A process that dies is
replaced and its request asked again of the new one (a search is a read);
one that stops at shutdown ends on its socket's end of file.

Without the pool (an in-memory store, ``search_processes`` 0, or an app not
started through its lifespan, as the tests' ASGI transport runs it) searches
run in this process, in the search slots (``web.search_slots``).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import os
import pickle
import signal
import socket
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Any

from veille.web.problems import Problem

log = logging.getLogger("veille.web")

#: Pool processes when ``veille serve`` is not told: one per core.
DEFAULT_PROCESSES = max(1, min(os.cpu_count() or 1, 8))
START_TIMEOUT = 60.0  # seconds for a pool process to open the store and say it is ready
_HEAD = struct.Struct("!I")
_READY = b"ready"


@dataclass(eq=False)
class _Worker:
    proc: subprocess.Popen[bytes]
    sock: socket.socket
    buf: bytearray = field(default_factory=lambda: bytearray(1 << 18))  # grown for a larger answer


def _spawn(url: str) -> _Worker:
    parent, child = socket.socketpair()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "veille.web.search_pool", str(child.fileno())],
            pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL)
    except BaseException:
        parent.close()
        raise
    finally:
        child.close()
    # The store's URL goes over the socket, not the command line (where a
    # PostgreSQL password would show in the process list).
    _send(parent, url.encode())
    parent.setblocking(False)
    return _Worker(proc, parent)


async def _read_frame(loop: asyncio.AbstractEventLoop, w: _Worker) -> memoryview:
    """One frame's payload. A process sends one frame per request, so the
    first read usually holds all of it (one wake-up instead of two)."""
    got = 0
    while got < _HEAD.size:
        k = await loop.sock_recv_into(w.sock, memoryview(w.buf)[got:])
        if not k:
            raise ConnectionResetError("search process closed its socket")
        got += k
    need = _HEAD.size + _HEAD.unpack_from(w.buf)[0]
    if need > len(w.buf):  # a new buffer: the old one may still be exported to the loop
        grown = bytearray(need)
        grown[:got] = w.buf[:got]
        w.buf = grown
    while got < need:
        k = await loop.sock_recv_into(w.sock, memoryview(w.buf)[got:need])
        if not k:
            raise ConnectionResetError("search process closed its socket")
        got += k
    return memoryview(w.buf)[_HEAD.size:need]


async def _ask(loop: asyncio.AbstractEventLoop, w: _Worker, frame: bytes) -> Any:
    await loop.sock_sendall(w.sock, frame)
    with await _read_frame(loop, w) as payload:
        return pickle.loads(payload)


class SearchPool:
    """``size`` search processes on the store at ``url``, and the queue of free ones."""

    def __init__(self, url: str, size: int) -> None:
        self.url, self.size = url, size
        self.workers: list[_Worker] = []
        self.ready = 0  # processes that have opened the store and not failed since
        self.joining: set[asyncio.Task[None]] = set()
        self.closed = False
        # Free processes, and the requests waiting for one in arrival order. A
        # process that comes free goes straight to the first waiter: with
        # asyncio.Queue a request arriving meanwhile took it first (get() on a
        # non-empty queue does not wait), and the woken waiter queued again at
        # the back, so under load a search could be overtaken again and again.
        self.free: list[_Worker] = []
        self.waiters: collections.deque[asyncio.Future[_Worker]] = collections.deque()

    @property
    def running(self) -> bool:
        """Whether searches go to the pool: at least one process is ready."""
        return self.ready > 0 and not self.closed

    async def start(self) -> None:
        """Start the processes; each joins the pool once it has opened the
        store. The server does not wait for them (it starts, and stops on
        SIGTERM, as fast as without a pool): until one is ready, and for good
        if none can start (a warning says why), searches run in the server
        process."""
        loop = asyncio.get_running_loop()
        try:
            self.workers = [_spawn(self.url) for _ in range(self.size)]
        except OSError as exc:
            log.warning("search pool not started (%s): searches run in the server process", exc)
            self.close()
            return
        for w in self.workers:
            self._join(loop, w)

    def _join(self, loop: asyncio.AbstractEventLoop, w: _Worker) -> None:
        async def when_ready() -> None:
            try:
                await asyncio.wait_for(self._ready(loop, w), START_TIMEOUT)
            except (OSError, RuntimeError, EOFError, struct.error) as exc:  # TimeoutError is an OSError
                log.warning("search process %s did not start (%s: %s)", w.proc.pid, type(exc).__name__, exc)
                _end(w)
                return
            if not self.closed:
                self.ready += 1
                self._give(w)

        task = loop.create_task(when_ready())
        self.joining.add(task)  # a reference until it is done
        task.add_done_callback(self.joining.discard)

    @staticmethod
    async def _ready(loop: asyncio.AbstractEventLoop, w: _Worker) -> None:
        with await _read_frame(loop, w) as payload:
            if payload != _READY:
                raise RuntimeError("search process: unexpected first message")

    async def search(self, kind: str, kwargs: dict[str, Any]) -> Any:
        """``run_search(**kwargs)`` in the next free process: the JSON body as
        bytes (``kind`` "json") or the answer's dict ("dict"). A ``Problem``
        raised there is raised here."""
        body = pickle.dumps((kind, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
        frame = _HEAD.pack(len(body)) + body
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            w = await self._take(loop)
            # The exchange runs as a task of its own: if this request is
            # cancelled (shutdown, a client gone), the answer is still read off
            # the socket and the process goes back to the queue in step.
            task = loop.create_task(self._exchange(loop, w, frame))
            task.add_done_callback(_retrieved)
            try:
                status, payload = await asyncio.shield(task)
            except ConnectionError:
                if attempt == 2 or self.closed:
                    raise
                continue  # the process died (and was replaced): ask again, a search is a read
            if status == "ok":
                return payload
            if status == "problem":
                code, ptype, detail, headers, extra = payload
                raise Problem(code, ptype, detail, headers=headers, **extra)
            raise RuntimeError(f"search process: {payload}")
        raise AssertionError("unreachable")

    async def _exchange(self, loop: asyncio.AbstractEventLoop, w: _Worker, frame: bytes) -> Any:
        try:
            got = await _ask(loop, w, frame)
        except (OSError, EOFError, pickle.UnpicklingError) as exc:
            self._replace(w)
            raise ConnectionResetError(str(exc)) from exc
        self._give(w)
        return got

    async def _take(self, loop: asyncio.AbstractEventLoop) -> _Worker:
        """A free process: at once when one is free and nobody waits, else in turn."""
        if self.free and not self.waiters:
            return self.free.pop()
        turn: asyncio.Future[_Worker] = loop.create_future()
        self.waiters.append(turn)
        try:
            return await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self._give(turn.result())  # handed over as this request was cancelled: pass it on
            else:
                with contextlib.suppress(ValueError):
                    self.waiters.remove(turn)
            raise

    def _give(self, w: _Worker) -> None:
        """A process comes free: to the first request waiting, else to the free list."""
        if self.closed:
            return
        while self.waiters:
            turn = self.waiters.popleft()
            if not turn.done():
                turn.set_result(w)
                return
        self.free.append(w)

    def _replace(self, w: _Worker) -> None:
        """A process that failed: end it and start a fresh one in its place."""
        _end(w)
        self.ready -= 1
        if self.closed:
            return
        log.warning("search process %s failed (exit %s); starting another", w.proc.pid, w.proc.poll())
        try:
            fresh = _spawn(self.url)
        except OSError as exc:
            log.error("no search process started in its place (%s)", exc)
            return
        self.workers = [fresh if x is w else x for x in self.workers]
        self._join(asyncio.get_running_loop(), fresh)

    def close(self) -> None:
        """End every process (their sockets close first: an idle process exits
        at once, a busy one after its search)."""
        self.closed = True
        for w in self.workers:
            _end(w)


def _retrieved(task: asyncio.Task[Any]) -> None:
    """Mark a failed exchange's error as seen when its request was gone (cancelled)."""
    if not task.cancelled():
        task.exception()


def _end(w: _Worker) -> None:
    with contextlib.suppress(OSError):
        w.sock.close()
    if w.proc.poll() is None:
        w.proc.terminate()
        try:
            w.proc.wait(2)
        except subprocess.TimeoutExpired:
            w.proc.kill()
            w.proc.wait()


# ---------------------------------------------------------------- the pool process

def _recv_blocking(sock: socket.socket, n: int) -> bytes | None:
    buf = bytearray(n)
    view, got = memoryview(buf), 0
    while got < n:
        k = sock.recv_into(view[got:])
        if not k:
            return None
        got += k
    return bytes(buf)


def _send(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(_HEAD.pack(len(payload)) + payload)


def serve_searches(fd: int) -> None:
    """A pool process: open the store, then answer searches until the socket closes."""
    # Ctrl-C reaches the whole process group: the server stops the pool itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from fastapi.responses import JSONResponse

    from veille.store import Store
    from veille.web.api.search import run_search

    sock = socket.socket(fileno=fd)
    head = _recv_blocking(sock, _HEAD.size)
    url = _recv_blocking(sock, _HEAD.unpack(head)[0]) if head else None
    if not url:
        return
    store = Store.open(url.decode(), migrate=False)
    _send(sock, _READY)
    try:
        while True:
            head = _recv_blocking(sock, _HEAD.size)
            if head is None:
                return
            body = _recv_blocking(sock, _HEAD.unpack(head)[0])
            if body is None:
                return
            kind, kwargs = pickle.loads(body)
            answer: tuple[str, Any]
            try:
                with store.connect() as conn:
                    out = run_search(conn, **kwargs)
                # The bytes FastAPI's JSONResponse would send for the same dict.
                answer = ("ok", JSONResponse(out).body if kind == "json" else out)
            except Problem as exc:
                answer = ("problem", (exc.status, exc.kind, exc.detail, exc.headers, exc.extra))
            except Exception as exc:  # noqa: BLE001 -- reported to the server, which answers 500
                log.exception("search failed")
                answer = ("error", f"{type(exc).__name__}: {exc}")
            _send(sock, pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    except (BrokenPipeError, ConnectionResetError):
        return
    finally:
        store.close()


if __name__ == "__main__":
    serve_searches(int(sys.argv[1]))
