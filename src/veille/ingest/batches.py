"""The pure, per-batch half of ingest: everything that needs no store.

Normalisation, language detection, content hash, MinHash signature and LSH
band keys are the CPU-heavy part of ingest and depend only on the record, so a
batch of them can run anywhere (this process, a process pool, a Dask worker);
the store-side half (duplicate lookups, sequence numbers, inserts) stays in
the one process that writes, in :mod:`veille.ingest.service`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from veille.core.model import Article, RawRecord, Reject
from veille.ingest import dedup
from veille.ingest.prepare import prepare
from veille.search.text import index_words, stem_text, stem_words
from veille.search.wordindex import encode


@dataclass
class Prepared:
    """An article ready to store, with its near-duplicate keys computed."""

    article: Article
    minhash: bytes  # dedup.to_bytes(signature)
    band_keys: list[int]  # dedup.band_keys
    # Stemmed (title, body) for SQLite's full-text index and the body's word
    # index (snippets, ``search.wordindex``), when the store wants them:
    # stemming is the writer's biggest CPU cost, so workers do it.
    fts: tuple[str, str, bytes] | None = None
    # The body's index words (shingles and stems both start from them), kept
    # only until the stems are made; never shipped between processes.
    words: list[str] | None = field(default=None, repr=False, compare=False)
    line: int | None = None  # the record's line (JSONL) or entry (feed), for a reject's message

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "words": None}


def prepare_record(item: RawRecord | Reject, max_bytes: int) -> Prepared | Reject:
    if isinstance(item, Reject):
        return item
    art = prepare(item, max_bytes)
    if isinstance(art, Reject):
        return art
    words = dedup.words(art.text)
    sig = dedup.signature_of_words(words)
    return Prepared(art, dedup.to_bytes(sig), dedup.band_keys(sig), words=words, line=item.line)


def prepare_batch(items: Sequence[RawRecord | Reject], max_bytes: int) -> list[Prepared | Reject]:
    """``prepare_record`` over a batch, in order (the unit an engine ships)."""
    return [prepare_record(it, max_bytes) for it in items]


def prepare_batch_with_stems(
    prep: Callable[[Sequence[RawRecord | Reject]], list[Prepared | Reject]],
    items: Sequence[RawRecord | Reject],
) -> list[Prepared | Reject]:
    """``prep(items)``, plus each article's stemmed title and body and its
    word index (what :func:`veille.search.index.index_articles` would
    compute in the writer)."""
    out = prep(items)
    for p in out:
        if isinstance(p, Prepared):
            art = p.article
            body = index_words(art.text) if p.words is None else p.words
            p.fts = (stem_text(art.title or "", art.language), stem_words(body, art.language),
                     encode(art.text, art.language, body))
            p.words = None
    return out


def with_dedup_params(
    params: dedup.Params,
    prep: Callable[[Sequence[RawRecord | Reject]], list[Prepared | Reject]],
    items: Sequence[RawRecord | Reject],
) -> list[Prepared | Reject]:
    """``prep(items)`` with ``params`` (``dedup.params()`` of the process that
    ships the batch) installed first, so that a worker need not import
    datasketch (see ``dedup.Params``)."""
    dedup.use_params(params)
    return prep(items)
