"""Story ids that outlive merges.

A journalist saves or cites ``/stories/4``; the merge pass later folds story
4 into story 2 and deletes its row. The absorbed id is kept here as an alias
of the absorber, and every reader (CLI, web page, API, search, alerts)
resolves an id through :func:`resolve` before giving up, so the link leads to
where the story now lives. Chains are followed (4 -> 2 -> 1) rather than
rewritten, so each step stays a true statement ("4 was merged into 2") and the
reader can say the whole path. A live story always wins over an alias of the
same id, and :func:`record` removes the alias of a live id, so a chain never
loops; :func:`resolve` still stops on a repeated id (a hand-edited store).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, delete, func, insert, select

from veille.core.clock import now
from veille.store.schema import stories, story_aliases

MAX_CHAIN = 1000  # far beyond any real chain; bounds a corrupted one


@dataclass(frozen=True)
class Resolved:
    """Where an asked id lives now: ``story_id``, reached through ``path``
    (the asked id first, then each story it was merged into; one element
    when the asked id is a live story)."""

    asked: int
    story_id: int
    path: list[int] = field(default_factory=list)

    @property
    def merged(self) -> bool:
        return self.story_id != self.asked

    def message(self) -> str:
        """"story 4 was merged into story 2" (", which was merged into story 1" per step)."""
        if not self.merged:
            return ""
        steps = self.path[1:]
        out = f"story {self.asked} was merged into story {steps[0]}"
        for sid in steps[1:]:
            out += f", which was merged into story {sid}"
        return out


def _live(conn: Connection, story_id: int) -> bool:
    return conn.execute(select(stories.c.id).where(stories.c.id == story_id)).first() is not None


def record(conn: Connection, gone: int, into: int) -> None:
    """The merge pass folded ``gone`` into ``into``: keep ``gone`` as an alias.

    ``into`` is live, so an alias under its id (left by an earlier merge
    whose id the store handed out again) is stale and dropped: that is what
    keeps chains free of cycles."""
    if gone == into:
        return
    conn.execute(delete(story_aliases).where(story_aliases.c.alias_id.in_([gone, into])))
    conn.execute(insert(story_aliases).values(alias_id=gone, story_id=into, merged_at=now()))


def resolve(conn: Connection, story_id: int) -> Resolved | None:
    """The live story an id leads to, or None when it never existed (or its
    chain ends in a story that no longer exists)."""
    path = [story_id]
    sid = story_id
    seen = {sid}
    for _ in range(MAX_CHAIN):
        if _live(conn, sid):
            return Resolved(story_id, sid, path)
        nxt = conn.execute(
            select(story_aliases.c.story_id).where(story_aliases.c.alias_id == sid)
        ).scalar_one_or_none()
        if nxt is None or nxt in seen:
            return None
        seen.add(nxt)
        path.append(int(nxt))
        sid = int(nxt)
    return None


def aliases_of(conn: Connection, story_id: int) -> list[int]:
    """Ids merged into this story, directly or through a chain (for "also
    known as" and for search results naming an old id)."""
    out: list[int] = []
    frontier = [story_id]
    seen = {story_id}
    while frontier and len(out) < MAX_CHAIN:
        rows = conn.execute(
            select(story_aliases.c.alias_id).where(story_aliases.c.story_id.in_(frontier))
        ).scalars()
        frontier = [int(r) for r in rows if int(r) not in seen]
        seen.update(frontier)
        out.extend(frontier)
    return sorted(out)


def next_story_id(conn: Connection) -> int | None:
    """An id for a new story row that no alias holds, when the store would
    otherwise hand one out again.

    SQLite gives a new row ``max(id) + 1`` (no ``AUTOINCREMENT`` keyword),
    so when the highest story was merged away its id would come back for an
    unrelated story and a saved link would silently show the wrong one.
    PostgreSQL's sequence never goes back: None there (let it choose)."""
    if conn.dialect.name != "sqlite":
        return None
    top_alias = conn.execute(select(func.max(story_aliases.c.alias_id))).scalar()
    if top_alias is None:
        return None
    top_story = conn.execute(select(func.max(stories.c.id))).scalar() or 0
    return int(top_alias) + 1 if int(top_alias) >= int(top_story) else None


def clear(conn: Connection) -> None:
    """A rebuild renumbers every story: old aliases would name strangers."""
    conn.execute(delete(story_aliases))

