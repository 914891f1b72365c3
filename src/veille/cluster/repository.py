"""Store queries for clustering (SQLAlchemy Core on the store's tables).

Kept here rather than in ``veille.store`` so the clustering stage owns its
queries; every function takes a connection so the caller decides the
transaction (one per batch).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from veille.cluster.idf import HashedDF
from veille.cluster.state import StoryState
from veille.core.clock import now
from veille.store import story_aliases
from veille.store.schema import analyses, articles, copies, meta, stories, story_articles

DF_KEY = "cluster.df"
CLOCK_KEY = "cluster.processed"


# --- pending articles -----------------------------------------------------------
def pending_order(conn: Connection) -> list[str]:
    """Unassigned article uids in stream order: publication date where known, then seq."""
    q = (
        select(articles.c.uid, articles.c.published_start, articles.c.seq)
        .outerjoin(story_articles, story_articles.c.article_uid == articles.c.uid)
        .where(story_articles.c.article_uid.is_(None))
    )
    rows = list(conn.execute(q))
    rows.sort(key=lambda r: (r.published_start is None, r.published_start or "", r.seq))
    return [r.uid for r in rows]


def load_articles(conn: Connection, uids: Sequence[str]) -> list[dict[str, Any]]:
    """Articles with their analysis data (None when not analysed), in the given order."""
    q = (
        select(
            articles.c.uid,
            articles.c.seq,
            articles.c.title,
            articles.c.text,
            articles.c.language,
            articles.c.source,
            articles.c.published_start,
            articles.c.published_end,
            articles.c.duplicate_of,
            analyses.c.data,
        )
        .outerjoin(analyses, analyses.c.article_uid == articles.c.uid)
        .where(articles.c.uid.in_(list(uids)))
    )
    by_uid = {r.uid: dict(r._mapping) for r in conn.execute(q)}
    return [by_uid[u] for u in uids if u in by_uid]


# --- clusterer state ----------------------------------------------------------------
def load_meta(conn: Connection) -> dict[str, Any] | None:
    """The clusterer's global state: document frequencies (live and frozen),
    counters and the stories awaiting the merge pass."""
    row = conn.execute(select(meta.c.value).where(meta.c.key == DF_KEY)).scalar_one_or_none()
    if not row:
        return None
    out = dict(row)
    out["df"] = HashedDF.from_bytes(base64.b64decode(row["blob"]), int(row["n_docs"]))
    if row.get("snap_blob"):
        out["snap"] = HashedDF.from_bytes(base64.b64decode(row["snap_blob"]), int(row["snap_n"]))
    return out


def save_meta(conn: Connection, df: HashedDF, snap: HashedDF, **extra: Any) -> None:
    value = {
        "n_docs": df.n_docs,
        "blob": base64.b64encode(df.to_bytes()).decode("ascii"),
        "snap_n": snap.n_docs,
        "snap_blob": base64.b64encode(snap.to_bytes()).decode("ascii"),
        **extra,
    }
    conn.execute(delete(meta).where(meta.c.key.in_([DF_KEY, CLOCK_KEY])))
    conn.execute(insert(meta).values(key=DF_KEY, value=value))
    conn.execute(insert(meta).values(key=CLOCK_KEY, value={"n": extra.get("processed", 0)}))


def processed_clock(conn: Connection) -> int:
    """Articles decided so far by all runs (a cheap read: no blobs)."""
    v = conn.execute(select(meta.c.value).where(meta.c.key == CLOCK_KEY)).scalar_one_or_none()
    return int(v["n"]) if v else 0


def _with_link(state: dict[str, Any], predecessor_id: int | None) -> StoryState:
    # The column is the truth for links (a merge re-points it without
    # rewriting every linked story's state).
    s = StoryState.from_dict(state)
    s.predecessor = str(predecessor_id) if predecessor_id is not None else None
    return s


def recent_story_states(conn: Connection, limit: int) -> list[StoryState]:
    """The most recently active stories (by last publication), in index order."""
    q = (
        select(stories.c.state, stories.c.predecessor_id)
        .where(stories.c.state.is_not(None))
        .order_by(stories.c.last_published.desc(), stories.c.id.desc())
        .limit(limit)
    )
    out = [_with_link(r.state, r.predecessor_id) for r in conn.execute(q)]
    out.sort(key=lambda s: (s.ix_at, s.last_seq))
    return out


def story_state(conn: Connection, db_id: int) -> StoryState | None:
    r = conn.execute(select(stories.c.state, stories.c.predecessor_id).where(stories.c.id == db_id)).first()
    return _with_link(r.state, r.predecessor_id) if r is not None and r.state else None


def new_story_row(conn: Connection) -> int:
    """Reserve a story id (the row is filled when the batch commits)."""
    # An id a merged story left as an alias is never handed out again.
    free = story_aliases.next_story_id(conn)
    extra = {"id": free} if free is not None else {}
    res = conn.execute(insert(stories).values(size=0, updated_at=now(), **extra))
    key = res.inserted_primary_key
    assert key is not None
    return int(key[0])


def story_of_article(conn: Connection, uid: str) -> int | None:
    return conn.execute(
        select(story_articles.c.story_id).where(story_articles.c.article_uid == uid)
    ).scalar_one_or_none()


# --- writing --------------------------------------------------------------------------
def _row(s: StoryState) -> dict[str, Any]:
    return {
        "size": s.n,
        "languages": sorted(s.languages, key=lambda k: -s.languages[k]),
        "sources": sorted(s.sources, key=lambda k: -s.sources[k]),
        "first_published": s.first.isoformat() if s.first else None,
        "last_published": s.last.isoformat() if s.last else None,
        "state": s.to_dict(),
        "updated_at": now(),
    }


def save_story(conn: Connection, s: StoryState, predecessor: int | None) -> None:
    values = _row(s)
    values["predecessor_id"] = predecessor
    # The story view (other stage) sets a better title; keep it once it exists.
    conn.execute(
        update(stories).where(stories.c.id == int(s.id), stories.c.title.is_(None)).values(title=s.title)
    )
    conn.execute(update(stories).where(stories.c.id == int(s.id)).values(**values))


def assign(conn: Connection, rows: Iterable[tuple[str, int, float]]) -> None:
    rows = list(rows)
    if rows:
        t = now()
        conn.execute(
            insert(story_articles),
            [
                {"article_uid": u, "story_id": sid, "similarity": round(p, 4), "assigned_at": t}
                for u, sid, p in rows
            ],
        )


def member_uids(conn: Connection, story_id: int) -> list[str]:
    q = select(story_articles.c.article_uid).where(story_articles.c.story_id == story_id)
    return sorted(conn.execute(q).scalars())


def move_articles(conn: Connection, uids: Sequence[str], into: int) -> None:
    """Split pass: these articles now belong to another story."""
    if uids:
        conn.execute(
            update(story_articles).where(story_articles.c.article_uid.in_(list(uids))).values(story_id=into)
        )


def move_story(conn: Connection, gone: int, into: int) -> None:
    """Merge pass: the absorbed story's articles and links go to the absorber."""
    conn.execute(update(story_articles).where(story_articles.c.story_id == gone).values(story_id=into))
    conn.execute(
        update(stories)
        .where(stories.c.predecessor_id == gone)
        .values(predecessor_id=None if gone == into else into)
    )
    conn.execute(
        update(stories)
        .where(stories.c.id == into, stories.c.predecessor_id == into)
        .values(predecessor_id=None)
    )
    conn.execute(delete(stories).where(stories.c.id == gone))
    story_aliases.record(conn, gone, into)  # saved links to ``gone`` lead to ``into``


def clear_all(conn: Connection) -> None:
    conn.execute(delete(story_articles))
    conn.execute(update(stories).values(predecessor_id=None))
    conn.execute(delete(stories))
    story_aliases.clear(conn)
    conn.execute(delete(meta).where(meta.c.key.in_([DF_KEY, CLOCK_KEY])))


# --- reading (CLI contract) ---------------------------------------------------------
def _story_json(conn: Connection, r: Any, members: dict[int, list[str]]) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title or (r.state or {}).get("title"),
        "size": r.size,
        "languages": list(r.languages or []),
        "sources": list(r.sources or []),
        "first_published": r.first_published,
        "last_published": r.last_published,
        "articles": members.get(r.id, []),
    }


def _members(conn: Connection, story_ids: Sequence[int] | None) -> dict[int, list[str]]:
    """Article ids per story, as given in the input, exact copies included."""
    q = select(story_articles.c.story_id, articles.c.uid, articles.c.seq).join(
        articles, articles.c.uid == story_articles.c.article_uid
    )
    cq = (
        select(story_articles.c.story_id, copies.c.uid, articles.c.seq)
        .join(copies, copies.c.article_uid == story_articles.c.article_uid)
        .join(articles, articles.c.uid == story_articles.c.article_uid)
    )
    if story_ids is not None:
        q = q.where(story_articles.c.story_id.in_(list(story_ids)))
        cq = cq.where(story_articles.c.story_id.in_(list(story_ids)))
    out: dict[int, list[tuple[int, int, str]]] = {}
    for r in conn.execute(q):
        out.setdefault(r.story_id, []).append((r.seq, 0, r.uid))
    for r in conn.execute(cq):
        out.setdefault(r.story_id, []).append((r.seq, 1, r.uid))
    return {k: [u for _, _, u in sorted(v)] for k, v in out.items()}


def stories_json(conn: Connection, story_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The listing rows of these stories, in the order given (a filtered listing
    chooses and orders the ids, services.queries.list_stories)."""
    if not story_ids:
        return []
    by_id = {r.id: r for r in conn.execute(select(stories).where(stories.c.id.in_(list(story_ids))))}
    members = _members(conn, story_ids)
    return [_story_json(conn, by_id[i], members) for i in story_ids if i in by_id]


def list_stories(conn: Connection, limit: int | None = None) -> list[dict[str, Any]]:
    q = select(stories).order_by(stories.c.size.desc(), stories.c.last_published.desc(), stories.c.id)
    if limit:
        q = q.limit(limit)
    rows = list(conn.execute(q))
    members = _members(conn, None if limit is None else [r.id for r in rows])
    return [_story_json(conn, r, members) for r in rows]


def get_story(conn: Connection, story_id: int) -> dict[str, Any] | None:
    r = conn.execute(select(stories).where(stories.c.id == story_id)).first()
    if r is None:
        return None
    out = _story_json(conn, r, _members(conn, [story_id]))
    out["predecessor"] = r.predecessor_id
    out["successors"] = list(
        conn.execute(
            select(stories.c.id).where(stories.c.predecessor_id == story_id).order_by(stories.c.id)
        ).scalars()
    )
    out["view"] = r.view
    return out


def story_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(stories)).scalar_one())
