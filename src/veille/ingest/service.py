"""Ingest: read, normalise, fold duplicates, store, in one transaction per batch.

A batch is committed whole or not at all, and every write is keyed (article
uid, content hash, reject fingerprint), so a run killed at any point and run
again ends with exactly the articles of one clean run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy import Connection

from veille.ingest import dedup
from veille.ingest.prepare import prepare
from veille.ingest.readers import Item
from veille.model import Article, RawRecord, Reject
from veille.search.index import index_articles
from veille.store import Store
from veille.store import articles as q

BATCH_SIZE = 200


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


def ingest_items(
    store: Store, items: Iterable[Item], *, max_bytes: int = 5 * 1024 * 1024,
    batch_size: int = BATCH_SIZE, on_item: Callable[[Article | Reject], None] | None = None,
) -> IngestReport:
    report = IngestReport()
    for batch in _batches(items, batch_size):
        prepared: list[Article | Reject] = [
            prepare(it, max_bytes) if isinstance(it, RawRecord) else it for it in batch
        ]
        with store.begin() as conn:
            partial = IngestReport()
            for item in prepared:
                _store_one(conn, item, partial)
            index_articles(conn, partial.added)  # searchable exactly when committed
        # Only count what committed.
        report.added += partial.added
        report.exact_duplicates += partial.exact_duplicates
        report.near_duplicates += partial.near_duplicates
        report.unchanged += partial.unchanged
        report.rejects += partial.rejects
        if on_item:
            for item in prepared:
                on_item(item)
    return report


def _store_one(conn: Connection, item: Article | Reject, report: IngestReport) -> None:
    if isinstance(item, Reject):
        q.insert_reject(conn, item)
        report.rejects.append(item)
        return
    existing = q.find_by_uid(conn, item.uid)
    if existing is not None:
        if existing["content_hash"] == item.content_hash:
            report.unchanged += 1
            return
        rej = Reject(item.origin, f"id {item.uid!r} is already used by a different article",
                     "E013", None, item.text[:2000])
        q.insert_reject(conn, rej)
        report.rejects.append(rej)
        return
    first = q.find_by_hash(conn, item.content_hash)
    if first is not None:
        if q.copy_exists(conn, item.uid):
            report.unchanged += 1
        else:
            q.insert_copy(conn, item, first)
            report.exact_duplicates += 1
        return
    sig = dedup.signature(item.text)
    keys = dedup.band_keys(sig)
    best_uid, best_sim = None, 0.0
    for uid, mh, dup_of in q.band_candidates(conn, keys):
        if mh is None:
            continue
        sim = dedup.jaccard(sig, dedup.from_bytes(mh))
        if sim >= dedup.NEAR_DUP_THRESHOLD and sim > best_sim:
            # Link to the first copy of the family, not to a copy of a copy.
            best_uid, best_sim = dup_of or uid, sim
    item.duplicate_of = best_uid
    q.insert_article(conn, item, q.next_seq(conn), dedup.to_bytes(sig),
                     round(best_sim, 4) if best_uid else None)
    q.insert_bands(conn, item.uid, keys)
    report.added.append(item.uid)
    if best_uid:
        report.near_duplicates += 1
