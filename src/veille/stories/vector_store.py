"""The store's statement vectors as the encoder's second cache (issue #19).

``xlang.embed_texts`` keeps vectors per process; a worker started again lost
them, and the first update of a 1,000-article story embedded again ~116
statements its build had embedded (~0.2 s of a ~1 s update). Here the
vectors a view build or update reads come from the store's
``statement_vectors`` when present, and those the encoder made are written
back in the transaction that saves the view (``stories.service``).

A vector is stored as the float32 bytes the encoder gave (not int8 as article
vectors are): an update reading it decides what it would have decided with
the vector in the process's cache, so its view is the same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import numpy as np
from sqlalchemy import Connection

from veille.store.core import Store
from veille.store.statement_vectors import (
    StatementVector,
    load_statement_vectors,
    save_statement_vectors,
)
from veille.stories.xlang import statement_model, vector_source


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class StoredVectors:
    """An ``xlang.VectorSource`` over one store: reads in one query per
    lookup, keeps what the encoder made until :meth:`save`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.model = statement_model()
        self.new: dict[str, StatementVector] = {}
        self.used: set[str] = set()

    def lookup(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        by_hash = {text_hash(t): t for t in texts}
        with self.store.connect() as conn:
            got = load_statement_vectors(conn, self.model, list(by_hash))
        self.used.update(got)
        return {by_hash[h]: np.frombuffer(v.data, dtype=np.float32) for h, v in got.items()}

    def add(self, text: str, vector: np.ndarray) -> None:
        h = text_hash(text)
        self.new[h] = StatementVector(self.model, h,
                                      np.asarray(vector, dtype=np.float32).tobytes())

    def note_used(self, texts: Sequence[str]) -> None:
        self.used.update(text_hash(t) for t in texts)

    def save(self, conn: Connection) -> int:
        """Write the new vectors and stamp the ones read (inside the caller's
        transaction); returns how many rows were new."""
        added = save_statement_vectors(conn, self.new.values(),
                                       [(self.model, h) for h in self.used])
        self.new.clear()
        self.used.clear()
        return added


@contextmanager
def stored_vectors(store: Store) -> Iterator[StoredVectors]:
    """Inside the block, the encoder's vectors are read from and kept for
    ``store`` (call :meth:`StoredVectors.save` to write them)."""
    src = StoredVectors(store)
    with vector_source(src):
        yield src


__all__ = ["StoredVectors", "stored_vectors", "text_hash"]
