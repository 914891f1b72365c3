"""Correcting the entity linking: merge, split, detach, rename (issue #15).

One service for the CLI and the API. A correction is checked against the
store (an unknown or already merged entity, a name that is not an alias, a
mention that is not there: a clear error, nothing written), stored, and
applied at once to the stored analyses it touches with the very function the
linker uses to replay it on later batches
(:func:`veille.analyze.corrections.apply_rules`), so that what a user sees
right after correcting is what re-analysis will give.

Work per correction is bounded by the mentions of the entities it names; the
analyses are rewritten in chunks inside one transaction (all or nothing), and
the views of the stories they belong to are rebuilt (the first
``REFRESH_NOW``) or dropped to be rebuilt when next read.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from veille.analyze import names
from veille.analyze.corrections import CorrectionRules, apply_rules
from veille.analyze.linking import new_entity_id
from veille.core.model import EntityCorrection, EntityRecord
from veille.core.records import analysis_from_dict
from veille.store import Store
from veille.store import analyses as aq
from veille.store import corrections as cq
from veille.store.core import write_lock
from veille.stories.service import refresh_story_views

#: story views rebuilt inside the request; the others are rebuilt when read
REFRESH_NOW = 20
MAX_NAME = 200
MAX_AUTHOR = 128
MAX_NOTE = 2000
_CHUNK = 200


class CorrectionError(ValueError):
    """A correction that cannot be made; the message says why."""

    def __init__(self, message: str, *, status: int = 422) -> None:
        super().__init__(message)
        self.status = status  # what the API answers: 404 unknown, 409 conflict, 422 invalid


@dataclass
class CorrectionResult:
    correction: EntityCorrection
    entity_id: str  # the entity to show the user next
    articles: int = 0  # analyses rewritten
    stories: list[int] = field(default_factory=list)


def _clean(text: str | None, what: str, limit: int, *, required: bool) -> str:
    value = " ".join((text or "").split())
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise CorrectionError(f"{what} contains control characters")
    if len(value) > limit:
        raise CorrectionError(f"{what} is longer than {limit} characters")
    if required and not value:
        raise CorrectionError(f"{what} is empty")
    return value


def _existing(records: dict[str, EntityRecord], rules: CorrectionRules, eid: str) -> EntityRecord:
    if eid in records:
        return records[eid]
    if eid in rules.merged:
        raise CorrectionError(f"entity {eid!r} was merged into {rules.resolve(eid)!r}: correct that one",
                              status=409)
    raise CorrectionError(f"no entity with id {eid!r}", status=404)


def correct(store: Store, c: EntityCorrection) -> CorrectionResult:
    """Check, store and apply one correction; raises :class:`CorrectionError`."""
    c.author = _clean(c.author, "author", MAX_AUTHOR, required=False)
    c.note = _clean(c.note, "note", MAX_NOTE, required=False)
    with store.begin() as conn:
        write_lock(conn)
        earlier = cq.all_corrections(conn)
        rules = CorrectionRules.build(earlier)
        ids = [c.entity_id] + ([c.target_id] if c.action == "merge" and c.target_id else [])
        records = cq.entity_records(conn, ids)
        rec = _existing(records, rules, c.entity_id)
        if c.action == "merge":
            if not c.target_id:
                raise CorrectionError("merge needs the entity to merge into")
            target = _existing(records, rules, c.target_id)
            if c.target_id == c.entity_id:
                raise CorrectionError("an entity cannot be merged into itself", status=409)
            # what the merge brings and the name it was merged under: re-analysis
            # keeps these on the target and lets its other names go with their
            # mentions (``store.analyses.delete_analyses``), so a stale name an
            # older linker left cannot pull mentions back in
            c.aliases = sorted(rec.aliases)
            c.name = target.canonical
        elif c.action == "rename":
            c.name = _clean(c.name, "name", MAX_NAME, required=True)
        elif c.action == "split":
            _check_split(c, rec)
            c.name = _clean(c.name or c.aliases[0], "name", MAX_NAME, required=True)
            taken = cq.all_entity_ids(conn) | {x.target_id for x in earlier if x.target_id}
            c.target_id = new_entity_id(rec.label, c.name, taken)
            records[c.target_id] = EntityRecord(entity_id=c.target_id, canonical=c.name,
                                                label=rec.label)
        elif c.action == "detach":
            if c.article_uid is None or c.start is None or c.end is None:
                raise CorrectionError("detach needs the article id and the mention's start and end")
            found = cq.mention_at(conn, c.article_uid, c.start, c.end)
            if found is None:
                raise CorrectionError(f"no mention at {c.start}-{c.end} in article {c.article_uid!r}",
                                      status=404)
            if found[0] is None or rules.resolve(found[0]) != c.entity_id:
                raise CorrectionError(f"the mention {found[1]!r} at {c.start}-{c.end} is not linked "
                                      f"to {c.entity_id!r}", status=409)
        else:
            raise CorrectionError(f"unknown correction {c.action!r}: merge, split, detach or rename")
        stored = cq.add_correction(conn, c)
        rules = CorrectionRules.build([*earlier, stored])
        uids = cq.articles_mentioning(conn, [x for x in (c.entity_id, c.target_id) if x])
        if c.action == "detach" and c.article_uid is not None:
            uids = [c.article_uid]
        changed: dict[str, EntityRecord] = {}
        emptied: set[str] = set()

        def record(eid: str) -> EntityRecord | None:
            if eid in changed:
                return changed[eid]
            if eid not in records:
                records.update(cq.entity_records(conn, [eid]))
            return records.get(eid)

        for i in range(0, len(uids), _CHUNK):
            rows = list(cq.stored_analyses(conn, uids[i:i + _CHUNK]))
            typed = [analysis_from_dict(data, uid) for uid, data, _, _ in rows]
            got, gone = apply_rules(typed, rules, record,
                                    lambda ids, uids: aq.languages_left(conn, ids, uids))
            changed.update(got)
            emptied |= gone
            for an, (_, _, version, components) in zip(typed, rows, strict=True):
                aq.save_analysis(conn, an, version, components)
        if c.action == "rename" and c.entity_id not in changed:
            got, _ = apply_rules([], rules, record)
            changed.update(got)
        if c.action == "merge":
            emptied.add(c.entity_id)
        if c.action == "split" and c.target_id not in changed:
            raise CorrectionError("no mention carries those names any more", status=409)
        aq.save_entities(conn, [r for eid, r in changed.items() if eid not in emptied])
        cq.delete_entities(conn, sorted(emptied))
        aq.new_entities_stamp(conn)
        story_ids = cq.stories_of(conn, uids)
        cq.forget_views(conn, story_ids[REFRESH_NOW:])
    refresh_story_views(store, story_ids[:REFRESH_NOW])
    shown = c.target_id if c.action in ("merge", "split") and c.target_id else c.entity_id
    return CorrectionResult(stored, shown, len(uids), story_ids)


def _check_split(c: EntityCorrection, rec: EntityRecord) -> None:
    if not c.aliases:
        raise CorrectionError("split needs the names (aliases) that belong to the other entity")
    known = {names.key(a): a for a in rec.aliases}
    missing = [a for a in c.aliases if names.key(a) not in known]
    if missing:
        raise CorrectionError(f"not names of {rec.entity_id!r}: {', '.join(map(repr, missing))}; "
                              f"its names are {', '.join(map(repr, rec.aliases))}")
    if {names.key(a) for a in c.aliases} >= set(known):
        raise CorrectionError("a split must leave the entity at least one of its names "
                              "(to change its name, rename it)")


def corrections(store: Store, *, entity_id: str | None = None, limit: int = 100) -> list[EntityCorrection]:
    with store.connect() as conn:
        return cq.list_corrections(conn, entity_id=entity_id, limit=limit)
