"""Entities: search by name or alias, one entity with its stories, quotes and neighbours."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, String, cast, func, or_, select

from veille.analyze.corrections import CorrectionRules
from veille.store.corrections import all_corrections, list_corrections
from veille.store.quotes import list_quotes, public
from veille.store.schema import entities, mentions
from veille.web.data.stories import stories_of_entity


def _record(r: Any) -> dict[str, Any]:
    return {"id": r.entity_id, "name": r.canonical, "label": r.label,
            "aliases": list(r.aliases or []), "mentions": r.n_mentions or 0,
            "languages": list(r.languages or [])}


def _like(value: str) -> str:
    return "%" + value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def list_entities(
    conn: Connection, *, q: str | None = None, label: str | None = None,
    after: tuple[int, str] | None = None, limit: int = 20,
) -> tuple[list[dict[str, Any]], tuple[int, str] | None]:
    """Most mentioned first; ``q`` matches the canonical name or any alias (case-insensitive)."""
    n = func.coalesce(entities.c.n_mentions, 0)
    stmt = select(entities, n.label("n")).order_by(n.desc(), entities.c.entity_id).limit(limit + 1)
    if q:
        pat = _like(q)
        stmt = stmt.where(or_(func.lower(entities.c.canonical).like(pat, escape="\\"),
                              func.lower(cast(entities.c.aliases, String)).like(pat, escape="\\")))
    if label:
        stmt = stmt.where(entities.c.label == label)
    if after is not None:
        # Descending count, ascending id.
        stmt = stmt.where(or_(n < after[0], (n == after[0]) & (entities.c.entity_id > after[1])))
    rows = conn.execute(stmt).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return [_record(r) for r in rows], ((int(rows[-1].n), rows[-1].entity_id) if more else None)


def co_occurring(conn: Connection, entity_id: str, limit: int = 20) -> list[dict[str, Any]]:
    """Entities mentioned in the same articles, by number of shared articles."""
    arts = select(mentions.c.article_uid).where(mentions.c.entity_id == entity_id).distinct()
    shared = func.count(func.distinct(mentions.c.article_uid)).label("shared")
    rows = conn.execute(
        select(entities.c.entity_id, entities.c.canonical, entities.c.label, shared)
        .join(entities, entities.c.entity_id == mentions.c.entity_id)
        .where(mentions.c.article_uid.in_(arts), mentions.c.entity_id != entity_id)
        .group_by(entities.c.entity_id, entities.c.canonical, entities.c.label)
        .order_by(shared.desc(), entities.c.entity_id).limit(limit))
    return [{"id": r.entity_id, "name": r.canonical, "label": r.label, "shared_articles": int(r.shared)}
            for r in rows]


def get_entity(conn: Connection, entity_id: str) -> dict[str, Any] | None:
    r = conn.execute(select(entities).where(entities.c.entity_id == entity_id)).first()
    if r is None:
        return None
    out = _record(r)
    out["n_articles"] = int(conn.execute(
        select(func.count(func.distinct(mentions.c.article_uid)))
        .where(mentions.c.entity_id == entity_id)).scalar_one())
    out["stories"] = stories_of_entity(conn, entity_id)
    quotes, _ = list_quotes(conn, speaker=entity_id, limit=50)
    out["quotes"] = public(quotes)
    out["co_occurring"] = co_occurring(conn, entity_id)
    # why each name was linked here (the linker's evidence, or a person's correction)
    out["evidence"] = {a: why for a, why in (r.evidence or {}).items() if why}
    out["corrections"] = [c.to_dict() for c in list_corrections(conn, entity_id=entity_id, limit=50)]
    return out


def merged_into(conn: Connection, entity_id: str) -> str | None:
    """The entity ``entity_id`` was merged into by a correction (chains followed), if any."""
    rules = CorrectionRules.build(c for c in list_corrections(conn, entity_id=entity_id, limit=1)
                                  if c.action == "merge")
    if entity_id not in rules.merged:
        return None
    resolved = CorrectionRules.build(all_corrections(conn)).resolve(entity_id)
    return resolved if resolved != entity_id else None
