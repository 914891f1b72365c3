"""The batch-job GC settings apply inside the block and are undone after it."""

from __future__ import annotations

import gc
import weakref

from veille.engine.batchgc import BATCH_GEN0, batch_gc


class _Node:
    me: object = None


def test_batch_gc_freezes_and_raises_the_threshold_then_restores() -> None:
    before = gc.get_threshold()
    # CPython 3.12 starts with a few hundred objects already in the permanent
    # generation; count from there
    frozen_before = gc.get_freeze_count()
    with batch_gc():
        assert gc.get_threshold()[0] >= BATCH_GEN0
        assert gc.get_threshold()[1:] == before[1:]
        assert gc.get_freeze_count() > frozen_before  # this test's own modules at least
        # cycles made during the block are still collected
        node = _Node()
        node.me = node
        alive = weakref.ref(node)
        del node
        gc.collect()
        assert alive() is None
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() <= frozen_before
