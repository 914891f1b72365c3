"""Incremental document frequencies in a fixed-size hashed table.

Streaming clustering cannot fit an IDF on the whole corpus first; counts are
updated as articles arrive.  Hashing the keys into a fixed array (2^20 slots,
4 MiB) keeps memory flat however large the vocabulary grows (100k articles in
several languages) and makes the table cheap to persist as one blob.
Collisions are rare at this size and only blur the IDF of rare words.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable

import numpy as np

N_SLOTS = 1 << 20


def _slot(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) & (N_SLOTS - 1)


class HashedDF:
    def __init__(self, counts: np.ndarray | None = None, n_docs: int = 0) -> None:
        self.counts = counts if counts is not None else np.zeros(N_SLOTS, dtype=np.int32)
        self.n_docs = n_docs

    def add(self, keys: Iterable[str]) -> None:
        for k in set(keys):
            self.counts[_slot(k)] += 1
        self.n_docs += 1

    def df(self, key: str) -> int:
        return int(self.counts[_slot(key)])

    def idf(self, key: str) -> float:
        # Smoothed IDF; a key never seen yet gets the highest weight.
        return math.log((self.n_docs + 1) / (self.df(key) + 1)) + 1.0

    def to_bytes(self) -> bytes:
        return zlib.compress(self.counts.tobytes(), 1)

    @classmethod
    def from_bytes(cls, blob: bytes, n_docs: int) -> HashedDF:
        arr = np.frombuffer(zlib.decompress(blob), dtype=np.int32).copy()
        return cls(arr, n_docs)
