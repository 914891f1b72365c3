"""Questions about the store that more than one front end asks (CLI, API, watcher).

The filters of listings and search live here, so that ``--source rt.com`` or
``--entity "Shinzo Abe"`` means the same in ``veille articles``, ``stories``
and ``search`` and in the API: user input is resolved once (a domain to the
stored source values, a name to an entity id, a month to its first or last day)
and the listings take the resolved :class:`ListFilters`.

The pending-work checks decide whether a run has analysis or clustering to
finish although it added nothing: a run killed during analysis or clustering
leaves exactly that behind, and the next run completes it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import Connection, func, select

from veille.analyze.lookup import find_entities
from veille.cluster import repository as repo
from veille.cluster.service import stories_without_view
from veille.core.model import EntityRecord
from veille.embed.similar import more_like_this
from veille.engine.analysis import count_pending
from veille.search.query import Filters
from veille.store import Store
from veille.store import articles as q
from veille.store.analyses import load_entities
from veille.store.cursors import latest_seq, move_cursor, read_cursor
from veille.store.schema import articles, mentions, sources, stories, story_articles
from veille.stories.sources import outlet_of


def analysis_pending(store: Store) -> bool:
    """Some stored article has no analysis yet."""
    return count_pending(store) > 0


def clustering_pending(store: Store) -> bool:
    """Some article is in no story yet, or some story has no view (a run
    killed while rebuilding views leaves them dropped; the next run rebuilds)."""
    with store.connect() as conn:
        unassigned = conn.execute(
            select(articles.c.uid)
            .where(~select(story_articles.c.article_uid)
                   .where(story_articles.c.article_uid == articles.c.uid).exists())
            .limit(1)).first() is not None
    return unassigned or bool(stories_without_view(store))


# --- the filters of listings and search (CLI and API alike) --------------------------
class FilterError(ValueError):
    """A filter value that cannot be used: the message is one line naming it."""


class AmbiguousEntity(FilterError):
    """A name that several entities answer to: the caller lists them, never guesses."""

    def __init__(self, name: str, candidates: Sequence[EntityRecord]) -> None:
        self.name = name
        self.candidates = list(candidates)
        super().__init__(f"entity {name!r} is ambiguous: " + "; ".join(
            f"{r.entity_id} ({r.canonical})" for r in self.candidates))


_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ARTICLE_SORTS = ("ingest", "date")
STORY_SORTS = ("size", "date")
SEARCH_SORTS = ("relevance", "date")


def date_bound(value: str | None, name: str, *, end: bool = False) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as an inclusive ISO day: the first day of the
    period, or its last day for ``end`` (so ``--until 2023-06`` keeps June 30)."""
    if value is None or value == "":
        return None
    if not _DAY.match(value):
        raise FilterError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            return date(*parts).isoformat()
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            if not end:
                return first.isoformat()
            nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1).isoformat()
        return date(parts[0], 12 if end else 1, 31 if end else 1).isoformat()
    except ValueError as exc:
        raise FilterError(f"{name}: {value!r} is not a calendar date") from exc


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url if "://" in url else f"//{url}").hostname
    return host.lower().removeprefix("www.") if host else None


def _source_key(value: str) -> str:
    """A source as a reader names it: a domain with or without ``www.`` (or as a
    URL), an outlet name in any case."""
    v = value.strip()
    if "://" in v:
        return _host(v) or v.casefold()
    return outlet_of(v, None) or v.casefold()


def source_values(conn: Connection, text: str) -> tuple[str, ...]:
    """The stored source values a user's ``--source`` names: the same domain with
    or without ``www.`` ("rt.com" finds "www.rt.com"), the outlet name in any
    case, and a watched source's name and domain for one another."""
    wanted = {_source_key(text)}
    # A watched source ties a name ("RT") to its feed's domain (rt.com).
    for r in conn.execute(select(sources.c.url, sources.c.name)):
        names = {_host(r.url), _source_key(r.name) if r.name else None} - {None}
        if wanted & names:
            wanted |= {n for n in names if n}
    stored = conn.execute(select(articles.c.source).where(articles.c.source.is_not(None))
                          .distinct()).scalars()
    return tuple(sorted(s for s in stored if _source_key(s) in wanted))


def resolve_entity(conn: Connection, text: str) -> str:
    """An entity id from what the user typed: an id as is, a name by the linker's
    evidence (analyze.lookup); several candidates raise :class:`AmbiguousEntity`."""
    found = find_entities(text, load_entities(conn))
    if not found:
        raise FilterError(f"entity {text!r}: no entity by that name or id")
    if len(found) > 1:
        raise AmbiguousEntity(text, found)
    return found[0].entity_id


@dataclass(frozen=True)
class ListFilters:
    """What listings are cut by; resolved values (ISO days, stored source values,
    an entity id), made from user input by :func:`make_filters`."""

    since: str | None = None
    until: str | None = None
    language: str | None = None
    sources: tuple[str, ...] | None = None  # None: any; (): none matches
    entity: str | None = None


def make_filters(conn: Connection, *, since: str | None = None, until: str | None = None,
                 language: str | None = None, source: str | None = None,
                 entity: str | None = None) -> ListFilters:
    """User input -> :class:`ListFilters`; raises :class:`FilterError` with one line."""
    return ListFilters(
        since=date_bound(since, "--since"), until=date_bound(until, "--until", end=True),
        language=language or None,
        sources=source_values(conn, source) if source else None,
        entity=resolve_entity(conn, entity) if entity else None,
    )


def search_filters(f: ListFilters) -> Filters:
    return Filters(language=f.language, entity=f.entity, since=f.since, until=f.until,
                   sources=f.sources)


def article_conditions(f: ListFilters) -> list[Any]:
    """The WHERE terms of the listing filters on ``articles``: public so that
    every way of finding articles (listing, "more like this", search by
    meaning) filters by the same rule."""
    cond: list[Any] = []
    if f.language:
        cond.append(articles.c.language == f.language)
    if f.sources is not None:
        cond.append(articles.c.source.in_(f.sources))
    if f.since:
        cond.append(articles.c.published_end >= f.since)
    if f.until:
        cond.append(articles.c.published_start <= f.until)
    if f.entity:
        cond.append(articles.c.uid.in_(
            select(mentions.c.article_uid).where(mentions.c.entity_id == f.entity)))
    return cond


def list_articles(conn: Connection, f: ListFilters, *, sort: str = "ingest",
                  limit: int | None = None) -> list[dict[str, Any]]:
    """Articles (the listing's JSON shape, store.articles.summary) in ingest
    order, or newest first for ``sort="date"`` (undated last)."""
    stmt = select(*q.SUMMARY_COLUMNS, articles.c.seq).where(*article_conditions(f))
    if sort == "date":
        stmt = stmt.order_by(func.coalesce(articles.c.published_end, "").desc(), articles.c.seq)
    else:
        stmt = stmt.order_by(articles.c.seq)
    if limit:
        stmt = stmt.limit(limit)
    return [q.summary(r) | {"seq": r.seq} for r in conn.execute(stmt)]


def list_stories(conn: Connection, f: ListFilters, *, sort: str = "size",
                 limit: int | None = None) -> list[dict[str, Any]]:
    """Stories (the CLI's JSON shape, cluster.repository) with an article that
    passes the filters; largest first, or most recent first for ``sort="date"``.
    A story's dates are its range: it passes ``since``/``until`` when the range
    meets the period."""
    last = func.coalesce(stories.c.last_published, "")
    order = ((stories.c.size.desc(), last.desc(), stories.c.id) if sort != "date"
             else (last.desc(), stories.c.size.desc(), stories.c.id))
    stmt = select(stories.c.id).where(stories.c.size > 0).order_by(*order)
    art_cond = [c for c in article_conditions(ListFilters(
        language=f.language, sources=f.sources, entity=f.entity)) if c is not None]
    if art_cond:
        stmt = stmt.where(stories.c.id.in_(
            select(story_articles.c.story_id)
            .join(articles, articles.c.uid == story_articles.c.article_uid).where(*art_cond)))
    # Labels keep their own precision ("2023-06"): compared on that many characters.
    if f.since:
        stmt = stmt.where(stories.c.last_published >= func.substr(
            f.since, 1, func.length(stories.c.last_published)))
    if f.until:
        stmt = stmt.where(stories.c.first_published <= func.substr(
            f.until, 1, func.length(stories.c.first_published)))
    if limit:
        stmt = stmt.limit(limit)
    # The rows in the shape `veille stories --json` always had (the same fields,
    # members with their exact copies).
    return repo.stories_json(conn, list(conn.execute(stmt).scalars()))


# --- "what is new since I last looked" (named cursors, store.cursors) ----------------
def stories_since(conn: Connection, after_seq: int | None, upto_seq: int, *,
                  include_unchanged: bool = False) -> list[dict[str, Any]]:
    """Stories that gained articles numbered in (after_seq, upto_seq], newest
    first, in the shape ``veille updates --json`` always had (story_id, title,
    n_articles, n_new_articles, seen_before) plus ``new_articles`` (their ids).
    ``seen_before``: the story already had articles at the reader's last look."""
    lo = after_seq if after_seq is not None else 0
    rows = conn.execute(
        select(story_articles.c.story_id, articles.c.uid, articles.c.seq)
        .join(articles, articles.c.uid == story_articles.c.article_uid)
        .where(articles.c.seq <= upto_seq)).all()
    members: dict[int, list[tuple[int, str]]] = {}
    for r in rows:
        members.setdefault(r.story_id, []).append((int(r.seq), r.uid))
    titles = {r.id: r.title for r in conn.execute(select(stories.c.id, stories.c.title))}
    keyed: list[tuple[tuple[bool, int], dict[str, Any]]] = []
    for sid, arts in members.items():
        fresh = [uid for seq, uid in sorted(arts) if seq > lo]
        if not fresh and not include_unchanged:
            continue
        # changed stories first, then the most recently fed
        key = (not fresh, -max(seq for seq, _ in arts))
        keyed.append((key, {"story_id": sid, "title": titles.get(sid), "n_articles": len(arts),
                            "n_new_articles": len(fresh), "seen_before": len(fresh) < len(arts),
                            "new_articles": fresh}))
    return [row for _, row in sorted(keyed, key=lambda kv: kv[0])]


def updates_for(conn: Connection, name: str, *, advance: bool = True,
                include_unchanged: bool = False) -> dict[str, Any]:
    """What reader ``name`` has not seen: the stories with articles past their
    cursor; ``advance`` moves the cursor to the newest article (the look is
    taken). The bounds are read once, so an article added meanwhile is shown
    next time, never skipped."""
    since = read_cursor(conn, name)
    upto = latest_seq(conn)
    items = stories_since(conn, since, upto, include_unchanged=include_unchanged)
    if advance:
        move_cursor(conn, name, upto)
    return {"cursor": name, "first_look": since is None, "since_seq": since, "upto_seq": upto,
            "items": items}


#: most articles "more like this" returns
MAX_SIMILAR = 100


def similar_articles(conn: Connection, uid: str, limit: int = 10) -> list[dict[str, Any]] | None:
    """"More like this": the articles nearest ``uid`` by the multilingual
    encoder, in any language, best first, each with its listing fields and
    ``similarity`` (cosine); None for an unknown article."""
    if q.get_article(conn, uid) is None:
        return None
    near = more_like_this(conn, uid, max(1, min(limit, MAX_SIMILAR)))
    if not near:
        return []
    ids = [u for u, _ in near]
    rows = {r.uid: q.summary(r) for r in conn.execute(
        select(*q.SUMMARY_COLUMNS).where(articles.c.uid.in_(ids)))}
    story = {r.article_uid: r.story_id for r in conn.execute(
        select(story_articles.c.article_uid, story_articles.c.story_id)
        .where(story_articles.c.article_uid.in_(ids)))}
    return [rows[u] | {"story_id": story.get(u), "similarity": round(s, 4)} for u, s in near if u in rows]
