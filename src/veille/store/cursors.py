"""Named read cursors: where a reader stopped reading the stream of articles.

A cursor is the ingest number (``articles.seq``) of the last article its reader
was shown. Every writer numbers articles in one sequence (the CLI's ingest, the
watcher's passes, the API's uploads), so "new since I last looked" is simply
``seq > cursor`` whoever added the articles, and the CLI, the API and the
watcher share a cursor by its name. A name never used has no cursor: its first
look shows everything.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select, update

from veille.core.clock import now
from veille.store.schema import articles, user_cursors

DEFAULT_CURSOR = "default"
MAX_NAME = 64


def read_cursor(conn: Connection, name: str) -> int | None:
    """The seq of the last article ``name`` was shown, None before its first look."""
    value = conn.execute(select(user_cursors.c.article_seq)
                         .where(user_cursors.c.name == name)).scalar()
    return None if value is None else int(value)


def latest_seq(conn: Connection) -> int:
    """The seq of the newest article (0 in an empty store): where a look ends."""
    return int(conn.execute(select(func.coalesce(func.max(articles.c.seq), 0))).scalar_one())


def move_cursor(conn: Connection, name: str, seq: int) -> None:
    """Record that ``name`` has seen every article up to ``seq`` (never backwards:
    two readers sharing a name cannot make the other see old news again)."""
    current = read_cursor(conn, name)
    if current is None:
        conn.execute(user_cursors.insert().values(name=name, article_seq=seq, updated_at=now()))
    elif seq > current:
        conn.execute(update(user_cursors).where(user_cursors.c.name == name)
                     .values(article_seq=seq, updated_at=now()))
