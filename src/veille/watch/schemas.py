"""Response models of the watcher's JSON routes (``veille.watch.api``).

They describe the JSON those routes have always printed without changing it:
extra keys pass through (a field added to the data reaches clients before the
schema names it) and routes set ``response_model_exclude_unset`` so a key the
data leaves out stays out. The web layer's models (``veille.web.api.schemas``)
follow the same rules; these live here because the watcher sits below the web.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

_OPEN = ConfigDict(extra="allow")


class Alert(BaseModel):
    """One recorded alert: which watchlist matched what, and whether it was delivered."""

    model_config = _OPEN
    id: int
    watchlist: str | None = None
    kind: str
    article_uid: str | None = None
    story_id: int | None = None
    matched: Any = None
    payload: Any = None
    delivered: Any = None
    created_at: str | None = None


class AlertPage(BaseModel):
    model_config = _OPEN
    items: list[Alert]
    next_cursor: str | None = None
    limit: int


class Watchlist(BaseModel):
    """A named set of entities and queries, and the channels its alerts go to."""

    model_config = _OPEN
    id: int
    name: str
    entities: list[str]
    queries: list[str]
    channels: list[str]
    created_at: str | None = None


class WatchlistList(BaseModel):
    model_config = _OPEN
    items: list[Watchlist]


class UpdatedStory(BaseModel):
    """A story with articles the viewer has not seen."""

    model_config = _OPEN
    story_id: int
    title: Any = None
    n_articles: int
    n_new_articles: int
    seen_before: bool
    new_articles: list[str] | None = None  # with ?cursor=: the new articles' ids


class UpdateList(BaseModel):
    model_config = _OPEN
    items: list[UpdatedStory]
    # With ?cursor=NAME (store.cursors): which cursor, whether it had never
    # moved, and the article numbers the answer covers (since_seq, upto_seq].
    cursor: str | None = None
    first_look: bool | None = None
    since_seq: int | None = None
    upto_seq: int | None = None


class CursorPosition(BaseModel):
    """Where a named cursor stands: every article up to ``upto_seq`` is seen."""

    model_config = _OPEN
    cursor: str
    upto_seq: int | None = None


class StoryChange(BaseModel):
    """What changed in a story since the viewer last marked it seen."""

    model_config = _OPEN
    story_id: int | None = None
    title: Any = None
    first_look: bool
    new_articles: list[Any]
    new_sources: list[Any]
    new_facts: list[Any]
    newly_corroborated: list[dict[str, Any]]
    new_quotes: list[Any]
    changed_numbers: list[dict[str, Any]]
    new_numbers: list[dict[str, Any]]
    new_entities: list[str]
    note: str | None = None
    has_changes: bool
    headline: str
