"""Loopback HTTP servers for the watcher tests, and a guard that fails any
test whose code tries to connect anywhere but the loopback interface."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from pg import pg_server, pg_url  # noqa: F401  (fixtures re-exported for this package)
from veille.store import Store
from veille.watch.fetch import Fetcher, FetchPolicy

FIXTURES = Path(__file__).parent / "fixtures"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOOPBACK:
            raise AssertionError(f"test tried to reach {address!r}: only loopback is allowed")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Hit:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    start: float
    end: float = 0.0


Handler = Callable[[Hit], Reply]


class Server:
    """A real HTTP server on 127.0.0.1; routes are functions of the request."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        server = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                hit = Hit(self.command, self.path, {k.lower(): v for k, v in self.headers.items()},
                          body, time.monotonic())
                with server._lock:
                    server.hits.append(hit)
                route = server.routes.get(self.path.split("?")[0])
                reply = route(hit) if route else Reply(404, b"not found",
                                                       {"Content-Type": "text/plain"})
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if reply.status != 304 and self.command != "HEAD":
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                hit.end = time.monotonic()

            do_GET = _handle  # noqa: N815
            do_POST = _handle  # noqa: N815

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self, method: str = "GET") -> list[str]:
        return [h.path for h in self.hits if h.method == method]

    def count(self, path: str) -> int:
        return sum(1 for h in self.hits if h.path == path)

    # --- route helpers ---------------------------------------------------------------
    def fixture_bytes(self, name: str) -> bytes:
        return (FIXTURES / name).read_text(encoding="utf-8").replace("{BASE}", self.base).encode()

    def static(self, path: str, body: bytes, content_type: str, *, etag: str | None = None,
               last_modified: str | None = None) -> None:
        """A resource honouring If-None-Match / If-Modified-Since like a real server."""

        def handler(hit: Hit) -> Reply:
            headers = {"Content-Type": content_type}
            if etag:
                headers["ETag"] = etag
            if last_modified:
                headers["Last-Modified"] = last_modified
            if etag and hit.headers.get("if-none-match") == etag:
                return Reply(304, b"", headers)
            if last_modified and not etag and hit.headers.get("if-modified-since") == last_modified:
                return Reply(304, b"", headers)
            return Reply(200, body, headers)

        self.routes[path] = handler

    def fixture(self, path: str, name: str, content_type: str | None = None, **kw: Any) -> None:
        ctype = content_type or ("application/rss+xml" if name.endswith(".rss")
                                 else "text/html; charset=utf-8")
        self.static(path, self.fixture_bytes(name), ctype, **kw)

    def articles(self) -> None:
        for name in ("tram", "crue", "port", "tram_update"):
            self.fixture(f"/articles/{name}.html", f"{name}.html")


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def server2() -> Iterator[Server]:
    """A second host (another port: another politeness slot)."""
    s = Server()
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    st = Store.open(str(tmp_path / "watch.db"))
    try:
        yield st
    finally:
        st.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The store on both backends, for the tests that write every watch table."""
    url = str(tmp_path / "watch.db") if request.param == "sqlite" else str(
        request.getfixturevalue("pg_url"))
    st = Store.open(url)
    try:
        yield st
    finally:
        st.close()


def fast_policy(**kw: Any) -> FetchPolicy:
    base = dict(delay=0.0, timeout=2.0, backoff_base=0.05, backoff_cap=5.0, robots_ttl=60.0,
                robots_error_ttl=0.5)
    base.update(kw)
    return FetchPolicy(**base)  # type: ignore[arg-type]


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    f = Fetcher(fast_policy())
    try:
        yield f
    finally:
        f.close()
