"""A readers-writer lock between the xdist workers of one test run (tests/conftest.py
takes it around every test): how a test marked ``alone`` runs while no other does."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path


class RunLock:
    """A readers-writer lock between the xdist workers of one run: every test
    holds the room shared, an ``alone`` test holds it exclusively. ``flock``
    alone would let a stream of shared holders starve the exclusive one (the
    other worker starts its next test the instant the last one ends), so every
    taker first passes a gate that the waiting ``alone`` test keeps closed."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.gate = os.open(folder / "gate", os.O_CREAT | os.O_RDWR, 0o600)
        self.room = os.open(folder / "room", os.O_CREAT | os.O_RDWR, 0o600)

    @contextlib.contextmanager
    def hold(self, alone: bool) -> Iterator[None]:
        fcntl.flock(self.gate, fcntl.LOCK_EX)
        try:
            fcntl.flock(self.room, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        finally:
            if not alone:
                fcntl.flock(self.gate, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(self.room, fcntl.LOCK_UN)
            if alone:
                fcntl.flock(self.gate, fcntl.LOCK_UN)
