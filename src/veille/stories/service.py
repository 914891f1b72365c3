"""Story views in the store: read a story's articles and analyses, build, save.

The clusterer calls :func:`refresh_story_views` after assigning articles; the
CLI and web read :func:`get_story_view`. Everything here is I/O around the pure
``build_story_view``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select, update

from veille.store.articles import now
from veille.store.core import Store
from veille.store.schema import analyses, articles, copies, entities, stories, story_articles
from veille.stories.graph import to_graphml
from veille.stories.view import build_story_view, is_current

ARTICLE_COLS = ("uid", "title", "text", "source", "url", "published", "published_start",
                "published_end", "date_precision", "language", "duplicate_of")


def load_story_inputs(
    conn: Connection, story_id: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any] | None], dict[str, dict[str, Any]]]:
    """(articles, analyses aligned with them, entity records by id) of one story."""
    q = (
        select(*(articles.c[c] for c in ARTICLE_COLS))
        .join(story_articles, story_articles.c.article_uid == articles.c.uid)
        .where(story_articles.c.story_id == story_id)
        .order_by(articles.c.seq)
    )
    arts = [dict(r._mapping) for r in conn.execute(q)]
    uids = [a["uid"] for a in arts]
    if not uids:
        return [], [], {}
    also: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(select(copies).where(copies.c.article_uid.in_(uids))):
        also.setdefault(r.article_uid, []).append(
            {"uid": r.uid, "source": r.source, "url": r.url, "published": r.published})
    for a in arts:
        a["also_published_by"] = also.get(a["uid"], [])
    data = {r.article_uid: r.data for r in conn.execute(
        select(analyses.c.article_uid, analyses.c.data).where(analyses.c.article_uid.in_(uids)))}
    ans: list[dict[str, Any] | None] = [data.get(u) or None for u in uids]
    ids = {m.get("entity_id") for an in ans if an for m in an.get("entities") or []}
    ids |= {q.get("speaker_entity_id") for an in ans if an for q in an.get("quotes") or []}
    ids.discard(None)
    ents: dict[str, dict[str, Any]] = {}
    if ids:
        for r in conn.execute(select(entities).where(entities.c.entity_id.in_(sorted(ids)))):
            ents[r.entity_id] = {"entity_id": r.entity_id, "canonical": r.canonical,
                                 "label": r.label, "aliases": list(r.aliases or [])}
    return arts, ans, ents


def refresh_story_views(store: Store, story_ids: Sequence[int]) -> None:
    """Rebuild and save the view and title of each story (one transaction per story)."""
    for sid in dict.fromkeys(story_ids):
        with store.connect() as conn:
            arts, ans, ents = load_story_inputs(conn, sid)
        view = build_story_view(arts, ans, ents)
        view["story_id"] = sid
        title = (view.get("title") or {}).get("text")
        with store.begin() as conn:
            conn.execute(update(stories).where(stories.c.id == sid)
                         .values(view=view, title=title, updated_at=now()))


def get_story_view(store: Store, story_id: int, *, rebuild: bool = False) -> dict[str, Any] | None:
    """The saved view of a story, built (and saved) now when missing or made by
    another version of the builder; None for an unknown story."""
    with store.connect() as conn:
        row = conn.execute(select(stories.c.id, stories.c.view)
                           .where(stories.c.id == story_id)).first()
    if row is None:
        return None
    if is_current(row.view) and not rebuild:
        return dict(row.view)
    refresh_story_views(store, [story_id])
    with store.connect() as conn:
        v = conn.execute(select(stories.c.view).where(stories.c.id == story_id)).scalar()
    return dict(v) if v else None


def story_graphml(store: Store, story_id: int) -> str | None:
    view = get_story_view(store, story_id)
    return None if view is None else to_graphml(view["entity_graph"])
