"""Search by meaning, beside the full-text search: a query in one language
finds articles in all, and a story finds the stories like it.

Both go through the multilingual encoder's vectors (``veille.embed``): the
query (or the story's mean vector) is compared with every stored article
vector of the current model that passes the listing filters, newest first, up
to a cap of candidates per request (``embed.similar.MAX_CANDIDATES``), so a
request's cost is bounded whatever the store's size.  The filters are the
listings' own (``services.queries``): ``--source rt.com`` or ``--since
2023-06`` mean here what they mean in ``veille search``.

The page has the shape of a full-text search page (``query``, ``terms``,
``results`` with the same fields, ``total``, ``next_cursor``) so that readers
of ``/api/search`` need nothing new; ``score`` is the cosine, the snippet is
the article's opening (no highlights: no word needs to match), and ``mode``,
``scanned``, ``capped`` and ``notes`` are added.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sqlalchemy import Connection, select

from veille.embed import embed_query, model_name, unpack
from veille.embed.similar import MAX_CANDIDATES, mean_vector, nearest
from veille.services.queries import ListFilters, article_conditions
from veille.store.schema import article_vectors, articles, stories, story_articles

#: Most results one request returns.
MAX_RESULTS = 100
#: Characters of an article's opening shown as its snippet.
SNIPPET_CHARS = 240
MODES = ("text", "semantic")


def _snippet(title: str | None, text: str | None) -> dict[str, Any]:
    """The opening of the text, after the title when the text repeats it."""
    body = (text or "").strip()
    if title and body.startswith(title.strip()):
        body = body[len(title.strip()):].lstrip()
    shown = body[:SNIPPET_CHARS]
    if len(body) > SNIPPET_CHARS:
        cut = shown.rfind(" ")
        shown = shown[:cut] if cut > SNIPPET_CHARS // 2 else shown
    return {"text": shown, "start": 0, "end": len(shown), "highlights": [],
            "prefix": False, "suffix": len(shown) < len(body)}


def _hits(conn: Connection, near: Sequence[tuple[str, float]]) -> list[dict[str, Any]]:
    """Search hits (the full-text hit's fields) for (uid, cosine), in that order."""
    ids = [u for u, _ in near]
    if not ids:
        return []
    rows = {r.uid: r for r in conn.execute(
        select(articles.c.uid, articles.c.title, articles.c.text, articles.c.source,
               articles.c.language, articles.c.published, articles.c.date_precision,
               articles.c.url, articles.c.duplicate_of, story_articles.c.story_id)
        .outerjoin(story_articles, story_articles.c.article_uid == articles.c.uid)
        .where(articles.c.uid.in_(ids)))}
    out = []
    for uid, sim in near:
        r = rows.get(uid)
        if r is None:  # deleted meanwhile
            continue
        out.append({"id": r.uid, "title": r.title, "source": r.source, "language": r.language,
                    "published": r.published, "date_precision": r.date_precision, "url": r.url,
                    "duplicate_of": r.duplicate_of, "story_id": r.story_id, "score": sim,
                    "similarity": sim, "title_highlights": [],
                    "snippet": _snippet(r.title, r.text)})
    return out


def semantic_search(conn: Connection, q: str, f: ListFilters | None = None, *, limit: int = 20,
                    max_candidates: int = MAX_CANDIDATES) -> dict[str, Any]:
    """The ``limit`` articles nearest the meaning of ``q`` (any language), best
    first, among those passing ``f``; a page shaped as the full-text one.
    An empty query or one the encoder cannot read gives no result and a note."""
    f = f or ListFilters()
    limit = max(1, min(limit, MAX_RESULTS))
    vec, notes = embed_query(q)
    page: dict[str, Any] = {"query": q, "terms": [], "mode": "semantic", "results": [],
                            "total": 0, "next_cursor": None, "scanned": 0, "capped": False,
                            "notes": notes}
    if vec is None:
        return page
    found = nearest(conn, vec, limit, where=article_conditions(f), max_candidates=max_candidates)
    page["results"] = _hits(conn, found.hits)
    page["total"] = len(page["results"])
    page["scanned"], page["capped"] = found.scanned, found.capped
    return page


def story_vector(conn: Connection, story_id: int) -> tuple[np.ndarray | None, list[str]]:
    """A story's vector (the unit mean of its articles' stored vectors) and its
    member ids; None when none of its articles has a vector yet."""
    rows = conn.execute(
        select(story_articles.c.article_uid, article_vectors.c.data)
        .outerjoin(article_vectors, (article_vectors.c.article_uid == story_articles.c.article_uid)
                   & (article_vectors.c.model == model_name()))
        .where(story_articles.c.story_id == story_id)).all()
    members = [r.article_uid for r in rows]
    vecs = [unpack(bytes(r.data)) for r in rows if r.data is not None]
    return mean_vector(vecs), members


def similar_stories(conn: Connection, story_id: int, limit: int = 10, *,
                    max_candidates: int = MAX_CANDIDATES) -> list[dict[str, Any]] | None:
    """"Stories like this": the stories whose articles are nearest the story's
    mean vector, best first (a story scores by its nearest article), each with
    its id, title, size, dates, ``similarity`` and that article's id; None for
    an unknown story, [] when it has no vector yet."""
    head = conn.execute(select(stories.c.id).where(stories.c.id == story_id)).first()
    if head is None:
        return None
    vec, members = story_vector(conn, story_id)
    if vec is None:
        return []
    limit = max(1, min(limit, MAX_RESULTS))
    # Several articles per story come back: ask for a few per wanted story.
    found = nearest(conn, vec, limit * 5, exclude=members, max_candidates=max_candidates)
    ids = [u for u, _ in found.hits]
    story_of = dict(conn.execute(select(story_articles.c.article_uid, story_articles.c.story_id)
                                 .where(story_articles.c.article_uid.in_(ids))).all())
    best: dict[int, tuple[float, str]] = {}
    for uid, sim in found.hits:
        sid = story_of.get(uid)
        if sid is not None and sid != story_id and sid not in best:
            best[sid] = (sim, uid)
    chosen = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    rows = {r.id: r for r in conn.execute(
        select(stories.c.id, stories.c.title, stories.c.size, stories.c.first_published,
               stories.c.last_published).where(stories.c.id.in_([s for s, _ in chosen])))}
    return [{"story_id": sid, "title": rows[sid].title, "size": rows[sid].size,
             "first_published": rows[sid].first_published,
             "last_published": rows[sid].last_published, "similarity": sim, "article": uid}
            for sid, (sim, uid) in chosen if sid in rows]
