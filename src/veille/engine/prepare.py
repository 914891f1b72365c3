"""The pure, per-batch half of ingest: everything that needs no store.

Normalisation, language detection, content hash, MinHash signature and LSH
band keys are the CPU-heavy part of ingest and depend only on the record, so a
batch of them can run anywhere (this process, a process pool, a Dask worker);
the store-side half (duplicate lookups, sequence numbers, inserts) stays in
the one process that writes, in :mod:`veille.ingest.service`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from veille.ingest import dedup
from veille.ingest.prepare import prepare
from veille.model import Article, RawRecord, Reject


@dataclass
class Prepared:
    """An article ready to store, with its near-duplicate keys computed."""

    article: Article
    minhash: bytes  # dedup.to_bytes(signature)
    band_keys: list[str]


def prepare_record(item: RawRecord | Reject, max_bytes: int) -> Prepared | Reject:
    if isinstance(item, Reject):
        return item
    art = prepare(item, max_bytes)
    if isinstance(art, Reject):
        return art
    sig = dedup.signature(art.text)
    return Prepared(art, dedup.to_bytes(sig), dedup.band_keys(sig))


def prepare_batch(items: Sequence[RawRecord | Reject], max_bytes: int) -> list[Prepared | Reject]:
    """``prepare_record`` over a batch, in order (the unit an engine ships)."""
    return [prepare_record(it, max_bytes) for it in items]
