"""Articles: listing with filters, one article with its analysis."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from veille.services.queries import source_values
from veille.store import articles as q
from veille.store.analyses import article_analysis
from veille.store.schema import articles, mentions
from veille.stories.title import first_line, first_lines  # noqa: F401  (the pages' names for them)
from veille.web.data.common import date_overlap, entity_names, story_of


def list_articles(
    conn: Connection, *, source: str | None = None, language: str | None = None,
    since: str | None = None, until: str | None = None, entity: str | None = None,
    after_seq: int | None = None, limit: int = 20,
) -> tuple[list[dict[str, Any]], int | None]:
    """A page in ingest order and the seq to continue after (None at the end)."""
    stmt = select(*q.SUMMARY_COLUMNS, articles.c.seq).order_by(articles.c.seq).limit(limit + 1)
    if source:  # a domain with or without www., or an outlet name (as the CLI's --source)
        stmt = stmt.where(articles.c.source.in_(source_values(conn, source)))
    if language:
        stmt = stmt.where(articles.c.language == language)
    for c in date_overlap(articles.c.published_start, articles.c.published_end, since, until):
        stmt = stmt.where(c)
    if entity:
        stmt = stmt.where(articles.c.uid.in_(
            select(mentions.c.article_uid).where(mentions.c.entity_id == entity)))
    if after_seq is not None:
        stmt = stmt.where(articles.c.seq > after_seq)
    rows = conn.execute(stmt).all()
    more = len(rows) > limit
    rows = rows[:limit]
    stories = story_of(conn, [r.uid for r in rows])
    items = [q.summary(r) | {"story_id": stories.get(r.uid)} for r in rows]
    return items, (rows[-1].seq if more else None)


def get_article(conn: Connection, uid: str) -> dict[str, Any] | None:
    """The article, its text, its analysis (or status pending) and its story."""
    art = q.get_article(conn, uid)
    if art is None:
        return None
    art.update(article_analysis(conn, uid))
    art["story_id"] = story_of(conn, [uid]).get(uid)
    ids = [str(m["entity_id"]) for m in art.get("entities", []) if isinstance(m, dict) and m.get("entity_id")]
    art["entity_records"] = list(entity_names(conn, ids).values())
    return art
