"""The lock that keeps an ``alone`` test (the load test's p95) from sharing the
machine with another xdist worker's test (tests/run_lock.py). Each RunLock opens
its own descriptors, and ``flock`` locks belong to an open file description, so
two instances in two threads contend exactly as two worker processes do."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from run_lock import RunLock


def _hold(lock: RunLock, alone: bool, seconds: float, log: list[tuple[str, float, float]],
          name: str, started: threading.Event | None = None) -> None:
    with lock.hold(alone=alone):
        t0 = time.monotonic()
        if started is not None:
            started.set()
        time.sleep(seconds)
        log.append((name, t0, time.monotonic()))


def _overlap(a: tuple[str, float, float], b: tuple[str, float, float]) -> bool:
    return a[1] < b[2] and b[1] < a[2]


def test_shared_holders_run_together(tmp_path: Path) -> None:
    log: list[tuple[str, float, float]] = []
    threads = [threading.Thread(target=_hold, args=(RunLock(tmp_path), False, 0.3, log, f"s{i}"))
               for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert len(log) == 2 and _overlap(log[0], log[1])


def test_alone_waits_for_the_running_test_and_blocks_the_next(tmp_path: Path) -> None:
    log: list[tuple[str, float, float]] = []
    running = threading.Event()
    first = threading.Thread(target=_hold, args=(RunLock(tmp_path), False, 0.4, log, "running", running))
    first.start()
    running.wait(10)
    alone = threading.Thread(target=_hold, args=(RunLock(tmp_path), True, 0.4, log, "alone"))
    alone.start()
    time.sleep(0.1)  # the alone test is now waiting for the room
    later = threading.Thread(target=_hold, args=(RunLock(tmp_path), False, 0.1, log, "later"))
    later.start()
    for t in (first, alone, later):
        t.join(10)
    by = {name: (name, t0, t1) for name, t0, t1 in log}
    assert set(by) == {"running", "alone", "later"}
    assert not _overlap(by["alone"], by["running"])
    # the gate: a test that asked after the alone one waits for it (no starvation)
    assert not _overlap(by["alone"], by["later"]) and by["later"][1] >= by["alone"][2]
