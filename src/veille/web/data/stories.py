"""Stories: listing by recency or size, one story with its full view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from sqlalchemy import Connection, and_, func, or_, select, tuple_

from veille.services.queries import source_values
from veille.store.articles import read_story_articles
from veille.store.schema import articles, entities, mentions, stories, story_articles
from veille.store.story_views import stored_view
from veille.stories.service import compute_story_view
from veille.stories.view import is_current

Sort = Literal["recent", "size"]


def _row(r: Any) -> dict[str, Any]:
    return {
        "id": r.id, "title": r.title or r.view_title, "size": r.size, "languages": r.languages or [],
        "sources": r.sources or [], "first_published": r.first_published,
        "last_published": r.last_published, "predecessor_id": r.predecessor_id,
        "lead": r.view_lead, "has_view": r.view_title is not None or r.view_lead is not None,
    }


# Listings read two fields out of the stored view, never the whole document.
_COLS = (stories.c.id, stories.c.title, stories.c.size, stories.c.languages, stories.c.sources,
         stories.c.first_published, stories.c.last_published, stories.c.predecessor_id,
         stories.c.view["title"]["text"].as_string().label("view_title"),
         stories.c.view["summary"][0]["text"].as_string().label("view_lead"))


def list_stories(
    conn: Connection, *, sort: Sort = "recent", entity: str | None = None,
    since: str | None = None, until: str | None = None,
    after: tuple[Any, ...] | None = None, limit: int = 20,
    source: str | None = None, language: str | None = None,
) -> tuple[list[dict[str, Any]], tuple[Any, ...] | None]:
    """A page of stories (newest or biggest first) and the keyset to continue after.

    ``source`` and ``language`` keep the stories with an article from that source
    (a domain with or without www., an outlet name: services.queries) or in that
    language, as `veille stories --source/--language`."""
    last = func.coalesce(stories.c.last_published, "")
    keys = (last, stories.c.size, stories.c.id) if sort == "recent" else (
        stories.c.size, last, stories.c.id)
    stmt = select(stories.c.id).order_by(*(k.desc() for k in keys)).limit(limit + 1)
    stmt = stmt.where(stories.c.size > 0)
    if entity:
        stmt = stmt.where(stories.c.id.in_(
            select(story_articles.c.story_id)
            .join(mentions, mentions.c.article_uid == story_articles.c.article_uid)
            .where(mentions.c.entity_id == entity)))
    if source or language:
        members = select(story_articles.c.story_id).join(
            articles, articles.c.uid == story_articles.c.article_uid)
        if source:
            members = members.where(articles.c.source.in_(source_values(conn, source)))
        if language:
            members = members.where(articles.c.language == language)
        stmt = stmt.where(stories.c.id.in_(members))
    # Labels have their own precision ("2023-06"): compare on that many characters.
    if since:
        stmt = stmt.where(stories.c.last_published >= func.substr(since, 1, func.length(
            stories.c.last_published)))
    if until:
        stmt = stmt.where(stories.c.first_published <= func.substr(until, 1, func.length(
            stories.c.first_published)))
    if after is not None:
        stmt = stmt.where(tuple_(*keys) < tuple_(*after))
    # Order and cut on the keys alone, then read the page's rows: the JSON
    # fields would otherwise be extracted from every story before the sort.
    keyed = conn.execute(stmt.with_only_columns(stories.c.id, last.label("lp"), stories.c.size)).all()
    more = len(keyed) > limit
    keyed = keyed[:limit]
    full = {r.id: r for r in conn.execute(select(*_COLS).where(stories.c.id.in_([k.id for k in keyed])))}
    rows = keyed
    items = [_row(full[k.id]) for k in keyed]
    nxt = None
    if more and rows:
        r = rows[-1]
        nxt = (r.lp, r.size, r.id) if sort == "recent" else (r.size, r.lp, r.id)
    return items, nxt


def get_story(conn: Connection, story_id: int, *, compute: bool = True,
              compute_max: int | None = None,
              on_pending: Callable[[int], object] | None = None,
              lang: str | None = None) -> dict[str, Any] | None:
    """The story row, its articles and its view: the stored one, else computed on
    the fly for a story of at most ``compute_max`` articles (any size when None).

    ``lang``, the reader's language: a view whose title, facts and summary
    prefer that language is computed for a story of at most ``compute_max``
    articles and never stored (the stored view is the main language's, as
    ``veille story --lang``). A bigger story is served its stored view with
    ``reader_language_unavailable`` true: building it would be unbounded work
    inside the request, and storing one view per language is not done yet.

    A bigger story with no current stored view gets ``view_source`` "pending",
    ``view_pending`` true and an empty view, and ``on_pending(story_id)`` asks
    for it to be built elsewhere (web.viewbuild): the work of a request stays
    bounded whatever the story's size (issue 20)."""
    r = conn.execute(select(*_COLS).where(stories.c.id == story_id)).first()
    if r is None:
        return None
    # the view's bytes parsed by orjson (store.story_views): SQLAlchemy's JSON
    # type parses it through a str with the standard library, 0.26 s of CPU for
    # the 20 MB view of a 1,000-article story against 0.16 s this way
    _, stored = stored_view(conn, story_id)
    out = _row(r)
    arts = read_story_articles(conn, story_id)
    out["articles"] = [
        {"id": a.uid, "title": a.title, "source": a.source, "published": a.published,
         "language": a.language, "url": a.url, "duplicate_of": a.duplicate_of}
        for a in arts
    ]
    # a view the clusterer kept while the story changed (the state an incremental
    # update starts from) is not served as current
    view = (stored if isinstance(stored, dict) and is_current(stored)
            and sorted(a.uid for a in arts) == sorted(v.get("uid") for v in stored.get("articles") or [])
            else None)
    out["view_source"] = "stored" if view else None
    if lang and compute and arts and (view is None or _reader(view) != lang):
        if compute_max is None or len(arts) <= compute_max:
            view = compute_story_view(conn, story_id, lang=lang).to_dict()
            out["view_source"] = "computed"
        else:
            out["reader_language_unavailable"] = True
    if view is None and compute and arts:
        if compute_max is not None and len(arts) > compute_max:
            out["view_source"], out["view_pending"] = "pending", True
            if on_pending is not None:
                on_pending(story_id)
        else:
            # the same builder and inputs as the stored views (stories.service)
            view = compute_story_view(conn, story_id).to_dict()
            out["view_source"] = "computed"
    out["view"] = view or {}
    if not out["title"] and isinstance(out["view"].get("title"), dict):
        out["title"] = out["view"]["title"].get("text")
    out["entities"] = story_entities(conn, story_id)
    return out


def _reader(view: dict[str, Any]) -> str | None:
    langs = view.get("languages")
    return langs.get("reader") if isinstance(langs, dict) else None


def story_entities(conn: Connection, story_id: int, limit: int = 24) -> list[dict[str, Any]]:
    """The story's most mentioned entities (for the chips)."""
    n = func.count(mentions.c.id).label("n")
    rows = conn.execute(
        select(entities.c.entity_id, entities.c.canonical, entities.c.label, n)
        .select_from(story_articles)
        .join(mentions, mentions.c.article_uid == story_articles.c.article_uid)
        .join(entities, entities.c.entity_id == mentions.c.entity_id)
        .where(story_articles.c.story_id == story_id)
        .group_by(entities.c.entity_id, entities.c.canonical, entities.c.label)
        .order_by(n.desc(), entities.c.entity_id).limit(limit))
    return [{"id": r.entity_id, "name": r.canonical, "label": r.label, "mentions": int(r.n)}
            for r in rows]


def stories_of_entity(conn: Connection, entity_id: str, limit: int = 50) -> list[dict[str, Any]]:
    sub = (select(story_articles.c.story_id)
           .join(mentions, mentions.c.article_uid == story_articles.c.article_uid)
           .where(mentions.c.entity_id == entity_id))
    rows = conn.execute(
        select(*_COLS).where(and_(stories.c.id.in_(sub), or_(stories.c.size > 0)))
        .order_by(func.coalesce(stories.c.last_published, "").desc(), stories.c.id.desc()).limit(limit))
    return [_row(r) for r in rows]
