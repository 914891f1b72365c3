"""Ingest: read, normalise, fold duplicates, store, in one transaction per batch.

A batch is committed whole or not at all, and every write is keyed (article
uid, content hash, reject fingerprint), so a run killed at any point and run
again ends with exactly the articles of one clean run.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice, repeat
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError, OperationalError

from veille.core.model import Article, Reject
from veille.core.settings import MAX_ARTICLE_BYTES
from veille.ingest import dedup
from veille.ingest.batches import (
    Prepared,
    prepare_batch,
    prepare_batch_with_stems,
    with_dedup_params,
)
from veille.ingest.records import Item
from veille.search.index import index_rows
from veille.store import Store
from veille.store import articles as q
from veille.store.core import write_lock

T = TypeVar("T")
R = TypeVar("R")


class Runner(Protocol):
    """Where batches are prepared (``veille.engine.runners``): an ordered
    ``map`` of a picklable function over batches."""

    def map(self, fn: Callable[[T], R], batches: Iterable[T]) -> Iterator[R]: ...


log = logging.getLogger(__name__)

BATCH_SIZE = 200
#: Most articles committed in one transaction. The writer groups consecutive
#: prepared batches, doubling the group from one batch up to this: the first
#: articles are committed (and searchable) early, and a long ingest pays the
#: per-commit costs (SQLite rewrites every index page a commit touched into
#: its WAL; FTS5 writes a segment per commit) once per 1,000 articles. The
#: writer's CPU per article went from ~0.41 to ~0.31 ms (10k articles,
#: groups of 200 vs 1,000).
COMMIT_SIZE = 1000
#: Attempts at committing one batch when a concurrent writer got in the way.
WRITE_ATTEMPTS = 5
#: SQLite settings of the ingest writer's connection (not of readers'): a
#: 32 MB page cache (default 2 MB) keeps the band and FTS indexes' hot pages
#: between transactions, and checkpointing the WAL every 16,000 pages (64 MB,
#: default 1,000) copies a page rewritten by several commits back once.
#: Writer alone on prepared batches, 10k articles: 0.24 -> 0.22-0.23 ms of
#: CPU per article, wall -9 %; 64 MB of cache did no better (peak RSS +67 MB
#: instead of ~+33 MB).
SQLITE_WRITER_PRAGMAS = ("PRAGMA cache_size=-32768", "PRAGMA wal_autocheckpoint=16000")


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # new article uids, in order
    exact_duplicates: int = 0
    near_duplicates: int = 0
    unchanged: int = 0  # already in the store (a rerun)
    rejects: list[Reject] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return len(self.added) + self.exact_duplicates + self.unchanged + len(self.rejects)

    def to_dict(self) -> dict[str, object]:
        return {
            "added": len(self.added), "exact_duplicates": self.exact_duplicates,
            "near_duplicates": self.near_duplicates, "unchanged": self.unchanged,
            "rejected": len(self.rejects),
        }


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _grouped(batches: Iterable[list[Prepared | Reject]], first: int, most: int
             ) -> Iterator[list[Prepared | Reject]]:
    """Consecutive batches joined into groups of at least ``first`` items, the
    threshold doubling after each group up to ``most`` (the last group may be
    smaller)."""
    size, group = max(1, first), []
    for batch in batches:
        group += batch
        if len(group) >= size:
            yield group
            group, size = [], min(2 * size, max(most, first))
    if group:
        yield group


def ingest_items(
    store: Store, items: Iterable[Item], *, max_bytes: int = MAX_ARTICLE_BYTES,
    batch_size: int = BATCH_SIZE, on_item: Callable[[Article | Reject], None] | None = None,
    runner: Runner | None = None, commit_size: int = COMMIT_SIZE,
) -> IngestReport:
    """Ingest ``items``; with a ``runner``, the pure preparation of each batch
    (normalise, language, hashes, MinHash) runs on its workers while this
    process stores the batches that come back, in input order, one
    transaction per group of batches (see ``COMMIT_SIZE``)."""
    report = IngestReport()
    prep: Callable[[Sequence[Item]], list[Prepared | Reject]] = partial(prepare_batch,
                                                                        max_bytes=max_bytes)
    if store.dialect == "sqlite":  # its full-text index is stemmed by us, not by the server
        prep = partial(prepare_batch_with_stems, prep)
    if runner is not None:  # workers get datasketch's constants instead of importing it
        prep = partial(with_dedup_params, dedup.params(), prep)
    batches = _batches(items, batch_size)
    prepared_batches = runner.map(prep, batches) if runner is not None else map(prep, batches)
    for prepared in _grouped(prepared_batches, batch_size, commit_size):
        done = _store_batch(store, prepared)
        # Only count what committed.
        report.added += done.added
        report.exact_duplicates += done.exact_duplicates
        report.near_duplicates += done.near_duplicates
        report.unchanged += done.unchanged
        report.rejects += done.rejects
        if on_item:
            for item in prepared:
                on_item(item.article if isinstance(item, Prepared) else item)
            # Rejects decided while storing (an id already used by another
            # article) need their message too.
            read_rejects = {id(item) for item in prepared if isinstance(item, Reject)}
            for rej in done.rejects:
                if id(rej) not in read_rejects:
                    on_item(rej)
    return report


def _store_batch(store: Store, prepared: list[Prepared | Reject]) -> IngestReport:
    """One transaction for the batch, retried whole if a concurrent writer
    made it fail (a unique violation, SQLite's lock timeout): on retry the
    rows the other writer stored are found and counted as already there."""
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        done = IngestReport()
        try:
            with store.begin() as conn:
                write_lock(conn)
                if conn.dialect.name == "sqlite":
                    for pragma in SQLITE_WRITER_PRAGMAS:
                        conn.exec_driver_sql(pragma)
                rows = _store_items(conn, prepared, done)
                # Searchable exactly when committed. The rows are those just
                # inserted (new seqs: nothing to replace in the index).
                index_rows(conn, [(r["seq"], r["uid"], r["title"], r["text"], r["language"],
                                   r["source"], r["published_start"], r["published_end"])
                                  for r in rows], stems=[
                    (p.article.uid, p.article.title, p.article.text, p.article.language, p.fts)
                    for p in prepared if isinstance(p, Prepared) and p.fts is not None], new=True)
            return done
        except (IntegrityError, OperationalError) as exc:
            if attempt == WRITE_ATTEMPTS:
                raise
            log.warning("batch write failed (%s); retrying (%d/%d)",
                        type(exc).__name__, attempt, WRITE_ATTEMPTS)
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def _store_items(conn: Connection, prepared: list[Prepared | Reject], report: IngestReport
                 ) -> list[dict[str, Any]]:
    """Store a batch as if item by item, in order, with a handful of statements.

    Everything the per-item decisions need from the store (ids and hashes
    already stored, known copies, articles sharing an LSH band) is fetched for
    the whole batch first, then kept up to date in memory as the batch's own
    articles are decided, so an item sees the ones before it in its batch
    exactly as it sees stored ones. Rows are then inserted in bulk, articles
    first (copies and bands refer to them). The write lock is held, so what was
    fetched cannot change under us. Returns the article rows inserted.
    """
    arts = [p for p in prepared if isinstance(p, Prepared)]
    hash_of_uid = q.hashes_of_uids(conn, (p.article.uid for p in arts))
    uid_of_hash = q.uids_of_hashes(conn, (p.article.content_hash for p in arts))
    copies_known = q.copies_among(conn, (p.article.uid for p in arts))
    by_key = q.band_candidates_by_key(conn, (k for p in arts for k in p.band_keys))
    seq = q.next_seq(conn)
    new_articles: list[dict[str, Any]] = []
    new_copies: list[dict[str, Any]] = []
    new_bands: list[tuple[int, int]] = []  # (band_key, seq)
    for entry in prepared:
        if isinstance(entry, Reject):
            q.insert_reject(conn, entry)
            report.rejects.append(entry)
            continue
        item = entry.article
        if item.uid in hash_of_uid:
            if hash_of_uid[item.uid] == item.content_hash:
                report.unchanged += 1
                continue
            rej = Reject(item.origin, f"id {item.uid!r} is already used by a different article",
                         "E013", entry.line, item.text[:2000])
            q.insert_reject(conn, rej)
            report.rejects.append(rej)
            continue
        first = uid_of_hash.get(item.content_hash)
        if first is not None:
            if item.uid in copies_known:
                report.unchanged += 1
            else:
                new_copies.append(q.copy_row(item, first))
                copies_known.add(item.uid)
                report.exact_duplicates += 1
            continue
        sig = dedup.from_bytes(entry.minhash)
        candidates = {c[1]: c for k in entry.band_keys for c in by_key.get(k, ())}
        best_uid, best_sim = None, 0.0
        for _seq, uid, mh, dup_of in sorted(candidates.values()):  # in ingest order
            if mh is None:
                continue
            sim = dedup.jaccard(sig, dedup.from_bytes(mh))
            if sim >= dedup.NEAR_DUP_THRESHOLD and sim > best_sim:
                # Link to the first copy of the family, not to a copy of a copy.
                best_uid, best_sim = dup_of or uid, sim
        item.duplicate_of = best_uid
        new_articles.append(q.article_row(item, seq, entry.minhash,
                                          round(best_sim, 4) if best_uid else None))
        new_bands += zip(entry.band_keys, repeat(seq))
        for k in entry.band_keys:
            by_key.setdefault(k, []).append((seq, item.uid, entry.minhash, best_uid))
        hash_of_uid[item.uid] = item.content_hash
        uid_of_hash[item.content_hash] = item.uid
        seq += 1
        report.added.append(item.uid)
        if best_uid:
            report.near_duplicates += 1
    q.insert_articles(conn, new_articles)
    q.insert_copies(conn, new_copies)
    q.insert_band_rows(conn, new_bands)
    return new_articles
