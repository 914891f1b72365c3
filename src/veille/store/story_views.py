"""What the explain stage reads and writes: a story's articles, analyses and
entities (typed), and the view stored with the story."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, LargeBinary, Text, cast, func, literal, null, select, update
from sqlalchemy.sql.elements import ColumnElement

from veille.core.model import Analysis, EntityRecord
from veille.core.records import CopyRef, StoredArticle, analysis_from_dict
from veille.store import view_codec
from veille.store.articles import now
from veille.store.schema import analyses, articles, copies, entities, stories, story_articles

ARTICLE_COLS = ("uid", "title", "text", "source", "url", "published", "published_start",
                "published_end", "date_precision", "language", "duplicate_of", "seq")


@dataclass
class StoryInputs:
    """A story's articles in ingest order, their analyses (None where there
    is none yet) and the entity records the analyses name, by id."""

    articles: list[StoredArticle] = field(default_factory=list)
    analyses: list[Analysis | None] = field(default_factory=list)
    entities: dict[str, EntityRecord] = field(default_factory=dict)


def story_article_uids(conn: Connection, story_id: int) -> list[str]:
    """The uids of a story's articles (no text: what an incremental update
    compares with the stored view to find the articles added)."""
    q = (select(story_articles.c.article_uid)
         .join(articles, story_articles.c.article_uid == articles.c.uid)
         .where(story_articles.c.story_id == story_id).order_by(articles.c.seq))
    return [r.article_uid for r in conn.execute(q)]


def story_inputs(conn: Connection, story_id: int) -> StoryInputs:
    q = (
        select(*(articles.c[c] for c in ARTICLE_COLS))
        .join(story_articles, story_articles.c.article_uid == articles.c.uid)
        .where(story_articles.c.story_id == story_id)
        .order_by(articles.c.seq)
    )
    return _inputs(conn, [StoredArticle.from_row(dict(r._mapping)) for r in conn.execute(q)])


def article_inputs(conn: Connection, uids: list[str]) -> StoryInputs:
    """The inputs of some articles only (those an update adds), in ingest order."""
    if not uids:
        return StoryInputs()
    q = (select(*(articles.c[c] for c in ARTICLE_COLS))
         .where(articles.c.uid.in_(uids)).order_by(articles.c.seq))
    return _inputs(conn, [StoredArticle.from_row(dict(r._mapping)) for r in conn.execute(q)])


def _inputs(conn: Connection, arts: list[StoredArticle]) -> StoryInputs:
    uids = [a.uid for a in arts]
    if not uids:
        return StoryInputs()
    by_uid = {a.uid: a for a in arts}
    for r in conn.execute(select(copies).where(copies.c.article_uid.in_(uids))):
        by_uid[r.article_uid].also_published_by.append(
            CopyRef(uid=r.uid, source=r.source, url=r.url, published=r.published))
    data: dict[str, Mapping[str, Any]] = {
        r.article_uid: r.data for r in conn.execute(
            select(analyses.c.article_uid, analyses.c.data)
            .where(analyses.c.article_uid.in_(uids)))}
    ans: list[Analysis | None] = [
        analysis_from_dict(data[u], u) if data.get(u) else None for u in uids]
    ids = {m.entity_id for an in ans if an for m in an.entities}
    ids |= {q.speaker_entity_id for an in ans if an for q in an.quotes}
    ids.discard(None)
    ents: dict[str, EntityRecord] = {}
    if ids:
        for r in conn.execute(select(entities).where(entities.c.entity_id.in_(sorted(ids)))):
            ents[r.entity_id] = EntityRecord(entity_id=r.entity_id, canonical=r.canonical,
                                             label=r.label, aliases=list(r.aliases or []))
    return StoryInputs(arts, ans, ents)


def save_view(conn: Connection, story_id: int, view: dict[str, Any], title: str | None) -> None:
    """Store a story's view (its JSON written by ``store.view_codec``)."""
    conn.execute(update(stories).where(stories.c.id == story_id)
                 .values(view=_json_from_bytes(conn, view_codec.encode(view)),
                         previous_view=null(), title=title, updated_at=now()))


def _json_from_bytes(conn: Connection, data: bytes) -> Any:
    """UTF-8 JSON bound as the view column's value as it is: not parsed and
    encoded again by SQLAlchemy's JSON type, and no ``str`` made of it."""
    if conn.dialect.name == "postgresql":
        return cast(func.convert_from(literal(data, LargeBinary), "UTF8"), stories.c.view.type)
    return cast(literal(data, LargeBinary), Text)  # SQLite: the bytes become the column's text


def _json_bytes(conn: Connection, column: Any) -> ColumnElement[Any]:
    """A JSON column read as its UTF-8 bytes (what ``view_codec.decode`` parses)."""
    if conn.dialect.name == "postgresql":
        return func.convert_to(cast(column, Text), "UTF8", type_=LargeBinary)
    return cast(column, LargeBinary)  # SQLite: the text's bytes as stored


def previous_view(conn: Connection, story_id: int) -> dict[str, Any] | None:
    """The view the clusterer set aside when it last changed the story (see
    migration 0014), until the new one is saved."""
    row = conn.execute(select(_json_bytes(conn, stories.c.previous_view).label("previous_view"))
                       .where(stories.c.id == story_id)).first()
    value = view_codec.decode(row.previous_view) if row is not None else None
    return value if isinstance(value, dict) else None


def stored_view(conn: Connection, story_id: int) -> tuple[bool, dict[str, Any] | None]:
    """(the story exists, its stored view JSON or None). The view's text is
    read as its bytes and parsed by ``store.view_codec`` (orjson), not by
    SQLAlchemy's JSON type (the standard library, through a ``str``): an
    update reads a 20 MB view of a big story each time."""
    row = conn.execute(select(stories.c.id, _json_bytes(conn, stories.c.view).label("view"))
                       .where(stories.c.id == story_id)).first()
    if row is None:
        return False, None
    return True, view_codec.decode(row.view)
