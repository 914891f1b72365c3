"""Whole-response cache for the read pages and API, emptied whenever the database changes.

Under load most of a request's CPU is rebuilding the same answer: decoding a
story view's JSON, rendering an article's annotated text, encoding the JSON
again. The answers only change when the store does, and SQLite says when it
does: ``PRAGMA data_version`` on one connection changes as soon as any other
connection (this process's pool, ``veille ingest`` in another process) commits.
So a GET answer is kept under the version read *before* it was computed, and
the cache is emptied when the version moves: a read never sees data older
than the last commit before it started.

Only on SQLite (PostgreSQL has no such cheap counter), never when reads need
the token, only for 200 answers of the listed read routes (not exports,
static files or the watch API), and bounded in entries and bytes.
``VEILLE_SERVE_CACHE=0`` turns it off.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHED_PREFIXES = ("/api/articles", "/api/stories", "/api/entities", "/api/quotes", "/api/search",
                   "/articles/", "/stories/", "/entities", "/quotes", "/search")
MAX_ENTRIES = 2000
MAX_BYTES = 64 * 1024 * 1024
MAX_ONE = 2 * 1024 * 1024  # bigger answers are not kept


class DataVersion:
    """``PRAGMA data_version`` of the store on a connection of its own."""

    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)

    def __call__(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])


def data_version_for(engine: Any) -> DataVersion | None:
    """A version reader for a file SQLite store; None where it cannot work."""
    if engine.dialect.name != "sqlite":
        return None
    path = engine.url.database
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    return DataVersion(path)


class ResponseCache:
    """ASGI middleware; see the module docstring."""

    def __init__(self, app: ASGIApp, version: DataVersion, enabled: Any = lambda: True) -> None:
        self.app, self.version, self.enabled = app, version, enabled
        self.entries: OrderedDict[tuple[Any, ...], tuple[int, list[Any], bytes]] = OrderedDict()
        self.bytes = 0
        self.at = -1  # the version the entries belong to
        self.hits = self.misses = 0

    def _clear(self, version: int) -> None:
        self.entries.clear()
        self.bytes, self.at = 0, version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (scope["type"] != "http" or scope["method"] != "GET" or not self.enabled()
                or not (path == "/" or path.startswith(CACHED_PREFIXES))
                or (path.startswith("/api/stories/") and path.count("/") > 3)):  # watch API
            await self.app(scope, receive, send)
            return
        version = self.version()
        if version != self.at:
            self._clear(version)
        # Pages hold absolute links built from the Host header (url_for).
        host = next((v for k, v in scope.get("headers", ()) if k == b"host"), b"")
        key = (scope.get("scheme", "http"), host, path, scope.get("query_string", b""))
        hit = self.entries.get(key)
        if hit is not None:
            self.hits += 1
            self.entries.move_to_end(key)
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keep)
        body = b"".join(chunks)
        if start.get("status") != 200 or len(body) > MAX_ONE or version != self.at:
            return
        self.entries[key] = (200, list(start.get("headers", [])), body)
        self.bytes += len(body)
        while len(self.entries) > MAX_ENTRIES or self.bytes > MAX_BYTES:
            _, (_, _, old) = self.entries.popitem(last=False)
            self.bytes -= len(old)
