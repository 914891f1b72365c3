"""Story views built in the background, one at a time, never inside a request.

A story's view is built from all its articles and analyses: ~7.5 s of CPU and
600 MB for 1,000 articles (docs/measured/performance.md, "Story views"), more
for parallel GETs of bigger stories; a story that only gained articles is
updated from them instead (``stories.incremental``, ~0.4 s at 1,000). A request
that finds no current stored view for a big story (more than
:data:`INLINE_VIEW_MAX` articles) asks this builder for it and answers at once
(202, ``view_pending``); the builder makes the views one at a time from a
bounded queue, each in a child process of its own (the server's cores and
memory stay with the requests, and the build can be killed), and saves it like
the clusterer does (``stories.service.refresh_story_views``). The next GET
serves the stored view; the response cache is emptied by the commit.

On shutdown (``SIGTERM``) the running build is killed: :meth:`ViewBuilder.close`
runs at the app's lifespan shutdown (and at exit).
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from veille.store import Store
from veille.stories.service import refresh_story_views

INLINE_VIEW_MAX = 40  # articles: a view this small is built within the request (~0.3 s at most)
MAX_PENDING = 16  # stories waiting for a build; more requests are answered "pending" unqueued
BUILD_TIMEOUT = 600.0  # seconds: a build that runs longer is killed (it is asked for again)

log = logging.getLogger("veille.web")

Job = Callable[[str, int], Any]


def build_view(url: str, story_id: int) -> None:
    """In the child process: open the store and save the story's view."""
    store = Store.open(url, migrate=False)
    try:
        refresh_story_views(store, [story_id])
    finally:
        store.close()


def shareable(store: Store) -> bool:
    """Whether another process can open the store by its URL (not an in-memory SQLite)."""
    url = store.engine.url
    if url.get_backend_name() != "sqlite":
        return True
    path = url.database
    return bool(path) and path != ":memory:" and not str(path).startswith("file:")


class ViewBuilder:
    """A bounded queue of story ids and one worker thread that builds them in turn."""

    def __init__(self, store: Store, *, job: Job = build_view, max_pending: int = MAX_PENDING,
                 timeout: float = BUILD_TIMEOUT) -> None:
        self.store, self.job, self.max_pending, self.timeout = store, job, max_pending, timeout
        self.url = store.url if shareable(store) else None
        self.pending: OrderedDict[int, None] = OrderedDict()
        self.current: int | None = None
        self.proc: Any = None  # the child process of the running build
        self.cond = threading.Condition()
        self.closed = False
        self.thread: threading.Thread | None = None
        self.built = self.failed = 0

    def request(self, story_id: int) -> bool:
        """Ask for a story's view; False when the queue is full (or the builder closed)."""
        with self.cond:
            if self.closed:
                return False
            if story_id == self.current or story_id in self.pending:
                return True
            if len(self.pending) >= self.max_pending:
                return False
            self.pending[story_id] = None
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, name="veille-view-builder", daemon=True)
                self.thread.start()
                atexit.register(self.close)
            self.cond.notify()
            return True

    def busy(self) -> bool:
        with self.cond:
            return self.current is not None or bool(self.pending)

    def _run(self) -> None:
        while True:
            with self.cond:
                while not self.pending and not self.closed:
                    self.cond.wait()
                if self.closed:
                    return
                self.current = self.pending.popitem(last=False)[0]
            try:
                ok = self._build(self.current)
            except Exception:  # a failed build must not stop the builder: the next GET asks again
                log.exception("building the view of story %s failed", self.current)
                ok = False
            with self.cond:
                self.built += ok
                self.failed += not ok
                self.current = None
                self.cond.notify_all()

    def _build(self, story_id: int) -> bool:
        if self.url is None:  # an in-memory store: only this process can read it
            refresh_story_views(self.store, [story_id])
            return True
        ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
        with self.cond:
            if self.closed:
                return False
            self.proc = ctx.Process(target=self.job, args=(self.url, story_id), daemon=True,
                                    name=f"veille-view-{story_id}")
            self.proc.start()
        proc = self.proc
        proc.join(self.timeout)
        if proc.is_alive():
            log.warning("the view of story %s took over %.0f s: build stopped", story_id, self.timeout)
            proc.kill()
            proc.join()
        with self.cond:
            self.proc = None
        return bool(proc.exitcode == 0)

    def close(self) -> None:
        """Drop the queue and kill the running build (at shutdown)."""
        with self.cond:
            self.closed = True
            self.pending.clear()
            proc = self.proc
            self.cond.notify_all()
        if proc is not None and proc.is_alive():
            proc.kill()
        # The builder thread is the one that joins (reaps) the child: two threads
        # waiting on one process race for its exit status, and the loser can see it
        # alive. Wait for that thread to finish the build instead.
        with self.cond:
            self.cond.wait_for(lambda: self.current is None, timeout=5)

    def wait_idle(self, timeout: float) -> bool:
        """Until the queue is empty and no build runs (tests, benches)."""
        with self.cond:
            return self.cond.wait_for(lambda: self.current is None and not self.pending, timeout)


_LOCK = threading.Lock()


def builder_of(app: Any) -> ViewBuilder:
    """The app's builder (``app.state.view_builder``), made on first use and
    closed with the app (lifespan shutdown: uvicorn re-raises SIGTERM once it
    is done, so no atexit handler would run)."""
    with _LOCK:
        builder: ViewBuilder | None = getattr(app.state, "view_builder", None)
        if builder is None:
            builder = ViewBuilder(app.state.store)
            app.state.view_builder = builder
        if not getattr(app.state, "view_builder_closes", False):
            app.router.on_shutdown.append(lambda: app.state.view_builder.close())
            app.state.view_builder_closes = True
        return builder
