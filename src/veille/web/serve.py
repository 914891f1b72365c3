"""How ``veille serve`` runs uvicorn: the HTTP protocol with a bound on the request head,
and the app factory of ``--workers N``.

uvicorn's httptools protocol (the fast C parser, chosen for throughput)
applies no limit to a request's head: llhttp hands a header value over in
pieces and the Python wrapper joins them by ``bytes +=``, so one client
sending a 100 MB header costs the server quadratic CPU (18 s) and every other
client waits on it. h11 has a limit but parses in Python, several times the
CPU of a cached read. :class:`BoundedHeadProtocol` keeps httptools and counts
the bytes of each request head as they arrive: past :data:`MAX_HEAD_BYTES`
(the 64 KiB most servers use; a real browser sends a few KiB) it answers
``431 Request Header Fields Too Large`` and closes, so the parser never holds
more than the limit plus one socket read.

uvicorn needs an import string to start several workers; the parent
(``veille serve``) has already opened the store, migrated it and caught up the
search index, and passes the store's URL in ``VEILLE_SERVE_DB``.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from veille.core.settings import Settings
from veille.web.app import create_app

MAX_HEAD_BYTES = 64 * 1024  # request line and headers of one request
#: seconds uvicorn waits for requests in flight once asked to stop (SIGTERM);
#: then it cancels them, closes the app and re-raises the signal, which ends
#: the process (thread-pool work included). A request takes milliseconds;
#: 2 s bounds a stop under load to ~2-3 s (tests/web/test_serve_stop.py).
GRACEFUL_SHUTDOWN = 2
PROTOCOL = "veille.web.serve:BoundedHeadProtocol"  # as uvicorn's ``http=`` option takes it

_431 = (b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
        b"content-type: text/plain; charset=utf-8\r\nconnection: close\r\n")
_MESSAGE = b"request header fields too large (limit %d bytes)"


class BoundedHeadProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a size limit on each request head."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.head_open = False  # between a request's first byte and the end of its headers
        self.head_bytes = 0

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.head_open, self.head_bytes = True, 0

    def on_headers_complete(self) -> None:
        self.head_open = False
        super().on_headers_complete()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.head_open and not self.transport.is_closing():
            # Still inside a head after this read: count it (a head begun in the
            # middle of the read counts the whole read). The parser has held at
            # most the limit plus one socket read (256 KiB) when it is refused.
            self.head_bytes += len(data)
            if self.head_bytes > MAX_HEAD_BYTES:
                self.refuse_head()

    def refuse_head(self) -> None:
        body = _MESSAGE % MAX_HEAD_BYTES
        self.logger.warning("request head over %d bytes refused (431)", MAX_HEAD_BYTES)
        self.transport.write(_431 + b"content-length: %d\r\n\r\n" % len(body) + body)
        self.head_open = False
        self.transport.close()


def uvicorn_options() -> dict[str, Any]:
    """The options every ``veille serve`` passes to uvicorn, one worker or several."""
    # access_log=False: at log level warning the lines are never shown, but
    # uvicorn would still format their arguments on every request.
    # timeout_worker_healthcheck: with --workers N the supervisor kills a worker
    # that misses a 5 s ping, and with it the requests it holds; a worker
    # starved of CPU on a saturated machine is slow, not hung.
    return {"http": PROTOCOL, "log_level": "warning", "access_log": False,
            "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN, "timeout_worker_healthcheck": 30}


def app_from_env() -> FastAPI:
    url = Settings().serve_db
    if not url:
        raise RuntimeError("VEILLE_SERVE_DB is not set: start workers with `veille serve --workers N`")
    return create_app(url)
