"""Analyse stored articles in batches and keep the results in the store.

The analysis itself (:mod:`veille.analyze.pipeline`) is a pure function of a
batch; this module is the edge that reads pending articles, links their
entities to the store's canonical entities, and writes everything for a batch
in one transaction (a killed run resumes at the first unanalysed article).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from veille.analyze.corrections import CorrectionRules, apply_rules
from veille.analyze.linking import (
    OPENS,
    SHORT_FORM,
    EntityIndex,
    canonical_name,
    link_entities,
    vote_label,
)
from veille.analyze.pipeline import component_versions
from veille.core.model import Analysis, DateRange, EntityRecord
from veille.core.records import row_dates
from veille.store import Store
from veille.store import analyses as q
from veille.store import corrections as cq
from veille.store.core import write_lock

Item = tuple[str, str, str | None, DateRange]

#: Stored with each analysis, with the version of each component
#: (:data:`COMPONENT_VERSIONS`). ``veille analyze --outdated`` redoes the
#: analyses where either differs. Bump a component's ``version`` (next to its
#: definition, veille.analyze.components) when its output changes; bump this
#: only when the stored shape of every analysis changes.
#: v2: straight/curly quote pairing by position, month names by language,
#: "June 12 last year", unresolved pronouns are no speakers.
ANALYSIS_VERSION = "veille.analysis.v2"
#: ``{component name: version}`` of the running pipeline.
COMPONENT_VERSIONS: dict[str, int] = component_versions()
BATCH = 32


def _ref(row: dict[str, Any]) -> DateRange:
    """The reference date times are resolved against: the stored publication range."""
    return row_dates(row.get("published_start"), row.get("published_end"), row.get("date_precision"), None)


def drop_for_reanalysis(store: Store, *, redo: bool = False, outdated: bool = False) -> None:
    """Drop the analyses to redo (all with ``redo``; with ``outdated`` those made by
    another ``ANALYSIS_VERSION`` or other component versions), in one transaction,
    so that an interrupted re-analysis resumes with what is left to do: the
    pipeline's analyse stage then takes them as pending."""
    if not (redo or outdated):
        return
    with store.begin() as conn:
        if redo:
            pruned = q.delete_analyses(conn)
        else:
            pruned = q.delete_analyses(conn, q.outdated(conn, ANALYSIS_VERSION, COMPONENT_VERSIONS))
        _rederive(conn, pruned)


def _rederive(conn: Any, ids: Sequence[str]) -> None:
    """Name and label again the entities that lost names with the dropped
    analyses, as the linker names them from their evidence: a canonical name
    only the dropped mentions supported would stay a lookup key (issue #15)."""
    if not ids:
        return
    want = set(ids)
    records = [r for r in q.load_entities(conn) if r.entity_id in want]
    for rec in records:
        linked = {a: n for a, n in rec.alias_counts.items()
                  if not rec.evidence.get(a, "").startswith((OPENS, SHORT_FORM))}
        rec.label = vote_label(rec.label_votes) if rec.label_votes else rec.label
        rec.canonical = canonical_name(linked or rec.alias_counts, rec.label)
    q.save_entities(conn, records)


def pending_batches(store: Store, batch_size: int = BATCH,
                    first: Sequence[str] = ()) -> Iterator[list[Item]]:
    """Unanalysed articles as analysis inputs, a batch at a time: those of
    ``first`` (the articles this run stored), then the rest in ingest order.

    Two ingests started together store disjoint articles (the write lock gives
    each to one process) but both find every article pending: reading the
    store's pending list in the same order, each analysed the other's too
    (right, idempotent, twice the CPU). Each run's own articles first keeps
    their work apart; what is left is re-read batch by batch, so the other's
    articles saved meanwhile are not done again."""
    own = list(dict.fromkeys(first))
    for start in range(0, len(own), batch_size):
        with store.connect() as conn:
            rows = q.pending(conn, batch_size, among=own[start:start + batch_size])
        if rows:
            yield [(r["uid"], r["text"], r["language"], _ref(r)) for r in rows]
    done = set(own)  # a batch of them may still be in flight (an engine reads ahead)
    last_seq = 0
    while True:
        with store.connect() as conn:
            rows = q.pending(conn, batch_size, after_seq=last_seq)
        if not rows:
            return
        last_seq = rows[-1]["seq"]
        batch = [(r["uid"], r["text"], r["language"], _ref(r)) for r in rows
                 if r["uid"] not in done]
        if batch:
            yield batch


class _KnownEntities:
    """The entity index this process linked its last batch against.

    Reading and indexing every entity of the store per batch is O(entities):
    on a large store it cost more than the analysis.  The index is reused
    while the store's entity stamp is the one this process wrote last (no
    other writer has changed the table since); otherwise it is rebuilt.
    """

    def __init__(self) -> None:
        self.url: str | None = None
        self.stamp: str | None = None
        self.index: Any = None

    def get(self, store: Store, conn: Any) -> Any:
        stamp = q.entities_stamp(conn)
        if self.index is None or self.url != store.url or stamp is None or stamp != self.stamp:
            self.index = EntityIndex(q.load_entities(conn))
        index, self.index = self.index, None  # in use: invalid until the batch commits
        return index

    def keep(self, store: Store, stamp: str, index: Any) -> None:
        self.url, self.stamp, self.index = store.url, stamp, index


_KNOWN = _KnownEntities()


def save_batch(store: Store, results: list[Analysis]) -> None:
    """Link a batch's entities to the store's and save it, in one transaction
    (whatever engine produced the analyses).  Under the store's write lock:
    two analysis runs would otherwise each link against the entities they read
    and the later commit would drop the other's evidence."""
    with store.begin() as conn:
        write_lock(conn)
        index = _KNOWN.get(store, conn)
        linked, changed = link_entities(results, index)
        changed, emptied = _replay_corrections(conn, linked, changed, index)
        q.save_entities(conn, changed)
        cq.delete_entities(conn, sorted(emptied))
        q.save_analyses(conn, linked, ANALYSIS_VERSION, COMPONENT_VERSIONS)
        stamp = q.new_entities_stamp(conn)
    if not emptied:  # an index still holding a deleted record is rebuilt next time
        _KNOWN.keep(store, stamp, index)


def _replay_corrections(conn: Any, linked: list[Analysis], changed: list[EntityRecord],
                        index: EntityIndex) -> tuple[list[EntityRecord], set[str]]:
    """Apply people's corrections to what the linker just decided (see
    :mod:`veille.analyze.corrections`): (records to save, records to delete)."""
    stored = cq.all_corrections(conn)
    if not stored:
        return changed, set()
    by_id = {r.entity_id: r for r in changed}
    fixed, emptied = apply_rules(linked, CorrectionRules.build(stored),
                                 lambda eid: by_id.get(eid) or index.by_id.get(eid),
                                 lambda ids, uids: q.languages_left(conn, ids, uids))
    for rec in fixed.values():
        index.replace(rec)
    by_id.update(fixed)
    return [r for eid, r in by_id.items() if eid not in emptied], emptied
