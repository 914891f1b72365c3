"""Helpers shared by the read queries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from veille.store.schema import entities, story_articles


def story_of(conn: Connection, uids: Sequence[str]) -> dict[str, int]:
    """Story id of each of these articles (articles not yet clustered are absent)."""
    if not uids:
        return {}
    rows = conn.execute(select(story_articles.c.article_uid, story_articles.c.story_id)
                        .where(story_articles.c.article_uid.in_(list(uids))))
    return {r.article_uid: r.story_id for r in rows}


def entity_names(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    ids = [i for i in set(ids) if i]
    if not ids:
        return {}
    rows = conn.execute(select(entities.c.entity_id, entities.c.canonical, entities.c.label)
                        .where(entities.c.entity_id.in_(ids)))
    return {r.entity_id: {"id": r.entity_id, "name": r.canonical, "label": r.label} for r in rows}


def date_overlap(col_start: Any, col_end: Any, since: str | None, until: str | None) -> list[Any]:
    """Conditions keeping rows whose date range meets [since, until] (ISO dates)."""
    cond = []
    if since:
        cond.append(col_end >= since)
    if until:
        cond.append(col_start <= until)
    return cond
