"""Python's cycle collector paused while a story view is built, updated or parsed.

In core, the lowest layer, so the store's view codec (``store.view_codec``)
and the story builders (``stories.view``, ``stories.incremental``) share it.

A view is a tree of dicts, lists and small dataclasses (hundreds of thousands
at 1,000 articles, ~10^6 once read back from JSON) with no reference cycles:
reference counting frees it. Each collection its allocations trigger walks
every object the process holds, the view and, in an ingest, the loaded
pipelines, again and again. Paused for one build it is not needed at all.
Measured: 87 views of 160 real articles, two runs each way, 5.59 / 5.00 ->
4.93 / 4.73 s CPU; one update of a 1,000-article view, three each way,
0.55-2.17 -> 0.28-0.60 s CPU. The collector is process-wide: another thread
goes without it for the length of one build (a second at most).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """The block (or, used as ``@cycle_collection_paused()``, each call of the
    function) runs with the collector off; its previous state is restored."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
