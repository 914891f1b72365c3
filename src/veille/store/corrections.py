"""Rows of ``entity_corrections`` and the entity rows a correction rewrites."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select, update

from veille.core.clock import now
from veille.core.model import EntityCorrection, EntityRecord
from veille.store.schema import (
    analyses,
    entities,
    entity_corrections,
    mentions,
    stories,
    story_articles,
)

_CHUNK = 500  # bounded IN lists


def add_correction(conn: Connection, c: EntityCorrection) -> EntityCorrection:
    """Store ``c`` and return it with its id and time."""
    at = now()
    res = conn.execute(entity_corrections.insert().values(
        action=c.action, entity_id=c.entity_id, target_id=c.target_id, name=c.name,
        aliases=list(c.aliases), article_uid=c.article_uid, start=c.start, end=c.end,
        author=c.author, note=c.note, created_at=at))
    pk = res.inserted_primary_key
    c.id = int(pk[0]) if pk else None
    c.created_at = at.isoformat()
    return c


def _row(r: Any) -> EntityCorrection:
    at = r.created_at
    return EntityCorrection(
        id=r.id, action=r.action, entity_id=r.entity_id, target_id=r.target_id, name=r.name,
        aliases=list(r.aliases or []), article_uid=r.article_uid, start=r.start, end=r.end,
        author=r.author, note=r.note,
        created_at=at.isoformat() if isinstance(at, datetime) else str(at or ""))


def all_corrections(conn: Connection) -> list[EntityCorrection]:
    """Every correction, oldest first: the linker replays them all on each batch
    (a few per entity a person looked at; far fewer than the mentions)."""
    return [_row(r) for r in conn.execute(select(entity_corrections).order_by(entity_corrections.c.id))]


def list_corrections(conn: Connection, *, entity_id: str | None = None,
                     limit: int = 100) -> list[EntityCorrection]:
    """Newest first; with ``entity_id``, those naming it (either side)."""
    query = select(entity_corrections).order_by(entity_corrections.c.id.desc()).limit(limit)
    if entity_id is not None:
        query = query.where((entity_corrections.c.entity_id == entity_id)
                            | (entity_corrections.c.target_id == entity_id))
    return [_row(r) for r in conn.execute(query)]


def entity_records(conn: Connection, ids: Sequence[str]) -> dict[str, EntityRecord]:
    out: dict[str, EntityRecord] = {}
    ids = list(dict.fromkeys(ids))
    for i in range(0, len(ids), _CHUNK):
        for r in conn.execute(select(entities).where(entities.c.entity_id.in_(ids[i:i + _CHUNK]))):
            aliases = list(r.aliases or [])
            out[r.entity_id] = EntityRecord(
                entity_id=r.entity_id, canonical=r.canonical, label=r.label, aliases=aliases,
                n_mentions=r.n_mentions or 0, languages=list(r.languages or []),
                alias_counts=dict(r.alias_counts or {a: 1 for a in aliases}),
                label_votes=dict(r.label_votes or {r.label: float(max(1, r.n_mentions or 0))}),
                evidence=dict(r.evidence or {}), context=dict(r.context or {}))
    return out


def all_entity_ids(conn: Connection) -> set[str]:
    return set(conn.execute(select(entities.c.entity_id)).scalars())


def delete_entities(conn: Connection, ids: Sequence[str]) -> None:
    ids = list(ids)
    for i in range(0, len(ids), _CHUNK):
        conn.execute(delete(entities).where(entities.c.entity_id.in_(ids[i:i + _CHUNK])))


def articles_mentioning(conn: Connection, ids: Sequence[str]) -> list[str]:
    """Articles with a mention of any of ``ids``, in a stable order."""
    ids = list(dict.fromkeys(ids))
    uids: set[str] = set()
    for i in range(0, len(ids), _CHUNK):
        uids.update(conn.execute(select(mentions.c.article_uid).distinct()
                                 .where(mentions.c.entity_id.in_(ids[i:i + _CHUNK]))).scalars())
    return sorted(uids)


def stored_analyses(conn: Connection, uids: Sequence[str]) -> Iterator[tuple[str, dict[str, Any], str,
                                                                           dict[str, int] | None]]:
    """(uid, analysis JSON, version, component versions) of each uid analysed."""
    uids = list(uids)
    for i in range(0, len(uids), _CHUNK):
        rows = conn.execute(select(analyses.c.article_uid, analyses.c.data, analyses.c.version,
                                   analyses.c.components)
                            .where(analyses.c.article_uid.in_(uids[i:i + _CHUNK]))
                            .order_by(analyses.c.article_uid))
        for r in rows:
            yield r.article_uid, dict(r.data or {}), r.version, (dict(r.components)
                                                                 if r.components is not None else None)


def mention_at(conn: Connection, article_uid: str, start: int, end: int) -> tuple[str | None, str] | None:
    """(entity id, text) of the mention at that span, or None."""
    row = conn.execute(select(mentions.c.entity_id, mentions.c.text).where(
        (mentions.c.article_uid == article_uid) & (mentions.c.start == start)
        & (mentions.c.end == end))).first()
    return (row.entity_id, row.text) if row is not None else None


def stories_of(conn: Connection, uids: Sequence[str]) -> list[int]:
    """The stories holding any of ``uids``."""
    uids = list(uids)
    out: set[int] = set()
    for i in range(0, len(uids), _CHUNK):
        out.update(conn.execute(select(story_articles.c.story_id).distinct()
                                .where(story_articles.c.article_uid.in_(uids[i:i + _CHUNK]))).scalars())
    return sorted(out)


def forget_views(conn: Connection, story_ids: Sequence[int]) -> None:
    """Drop stored views so they are rebuilt when next asked for (the readers
    build a missing view, in the background when it is large)."""
    ids = list(story_ids)
    for i in range(0, len(ids), _CHUNK):
        conn.execute(update(stories).where(stories.c.id.in_(ids[i:i + _CHUNK])).values(view=None))
