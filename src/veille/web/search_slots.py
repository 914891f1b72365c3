"""How many full-text searches one server process runs at once (issue 20).

A search is CPU work in Python and SQLite on one process's GIL. Run in the
framework's shared thread pool (40 threads), every waiting search held a
thread and they were time-sliced together: a request's latency grew with its
own cost times the number of searches in flight, and the threads' switching
cost CPU of its own. Two slots per process, the rest waiting in arrival order
(anyio's limiter is first come, first served), keep one search in SQLite
while another runs Python; measured on a quiet 2-core machine, 100k articles,
50 connections of distinct searches, 2 workers
(`bench/bench_serve_load.py`, docs/measured/performance-serve.md): 176-244
-> 301-337 requests/s, p95 355-751 -> 255-348 ms, server CPU 7.6-9.9 -> 5.7-6.4
ms a request (1 slot and 3 slots about the same as 2, 4 slots worse).
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable
from typing import TypeVar

import anyio.to_thread
from anyio import CapacityLimiter

T = TypeVar("T")

#: Searches a process runs at once; the others wait their turn.
SEARCH_SLOTS = 2

# One limiter per event loop: a limiter belongs to the loop it waits on, and
# a process may run several loops in turn (the test client opens one each).
_LIMITERS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, CapacityLimiter] = (
    weakref.WeakKeyDictionary())


def _limiter() -> CapacityLimiter:
    loop = asyncio.get_running_loop()
    found = _LIMITERS.get(loop)
    if found is None:
        found = _LIMITERS[loop] = CapacityLimiter(SEARCH_SLOTS)
    return found


async def run_search_bounded(work: Callable[[], T]) -> T:
    """``work`` (open a connection, search, close) in a worker thread, at most
    :data:`SEARCH_SLOTS` of them at once in this process."""
    return await anyio.to_thread.run_sync(work, limiter=_limiter())
