"""The pure, per-batch half of ingest: everything that needs no store.

Normalisation, language detection, content hash, MinHash signature and LSH
band keys are the CPU-heavy part of ingest and depend only on the record, so a
batch of them can run anywhere (this process, a process pool, a Dask worker);
the store-side half (duplicate lookups, sequence numbers, inserts) stays in
the one process that writes, in :mod:`veille.ingest.service`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from veille.ingest import dedup
from veille.ingest.prepare import prepare
from veille.model import Article, RawRecord, Reject
from veille.search.text import stem_text


@dataclass
class Prepared:
    """An article ready to store, with its near-duplicate keys computed."""

    article: Article
    minhash: bytes  # dedup.to_bytes(signature)
    band_keys: list[str]
    # Stemmed (title, body) for SQLite's full-text index, when the store wants
    # them: stemming is the writer's biggest CPU cost, so workers do it.
    fts: tuple[str, str] | None = None


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


def prepare_batch_with_stems(
    prep: Callable[[Sequence[RawRecord | Reject]], list[Prepared | Reject]],
    items: Sequence[RawRecord | Reject],
) -> list[Prepared | Reject]:
    """``prep(items)``, plus each article's stemmed title and body (what
    :func:`veille.search.index.index_articles` would compute in the writer)."""
    out = prep(items)
    for p in out:
        if isinstance(p, Prepared):
            art = p.article
            p.fts = (stem_text(art.title or "", art.language), stem_text(art.text, art.language))
    return out
