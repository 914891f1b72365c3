"""JSON API for alerts, watchlists and story updates, as a FastAPI router the
web app includes::

    from veille.watch.api import create_router
    app.include_router(create_router(lambda: store, require_write))

The token rule is the web app's one dependency (``veille.web.deps.require_write``,
passed in: the watcher sits below the web layer): reads are open, writes need
``Authorization: Bearer $VEILLE_TOKEN`` as on every other route, and are refused
when no token is configured.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import Connection

from veille.services.queries import updates_for
from veille.store import Store, story_aliases
from veille.store.cursors import MAX_NAME as MAX_CURSOR_NAME
from veille.store.cursors import latest_seq, move_cursor, read_cursor
from veille.watch import alerts as al
from veille.watch import changes as ch
from veille.watch import digests as dg
from veille.watch.schemas import AlertPage, CursorPosition, StoryChange, UpdateList, Watchlist, WatchlistList
from veille.watch.sources import ConfigError, WatchlistSpec

MAX_ID = 2**62


class WatchlistIn(BaseModel):
    name: str = Field(min_length=1, max_length=256)
    entities: list[str] = Field(default_factory=list, max_length=200)
    queries: list[str] = Field(default_factory=list, max_length=200)
    channels: list[str] = Field(default_factory=lambda: ["print"], max_length=20)


def _live(conn: Connection, story_id: int) -> int:
    """The story an id now names: a merged story's id (an alert may name it)
    leads to the story that absorbed it; an unknown id stays as it is (404)."""
    found = story_aliases.resolve(conn, story_id)
    return found.story_id if found is not None else story_id


def create_router(store: Callable[[], Store], require_write: Callable[..., Any]) -> APIRouter:
    """The watch routes; ``require_write`` is the dependency that guards writes."""
    router = APIRouter(tags=["watch"])
    write = [Depends(require_write)]

    @router.get("/api/alerts", response_model=AlertPage, response_model_exclude_unset=True)
    def get_alerts(
        limit: int = Query(50, ge=1, le=100),
        watchlist: str | None = Query(None, max_length=256),
        cursor: str | None = Query(None, max_length=18, pattern=r"^\d{1,18}$",
                                   description="next_cursor of the previous page."),
        # Bounded: a larger integer does not fit a database integer (was a 500).
        after_id: int | None = Query(None, ge=0, le=MAX_ID, description="Only alerts newer than this id."),
    ) -> dict[str, Any]:
        """Recorded alerts, newest first (``after_id`` to poll for new ones)."""
        with store().connect() as conn:
            items = al.list_alerts(conn, limit=limit + 1, watchlist=watchlist, after_id=after_id,
                                   before_id=int(cursor) if cursor else None)
        nxt = str(items[limit - 1]["id"]) if len(items) > limit else None
        return {"items": items[:limit], "next_cursor": nxt, "limit": limit}

    @router.get("/api/watchlists", response_model=WatchlistList, response_model_exclude_unset=True)
    def get_watchlists() -> dict[str, Any]:
        with store().connect() as conn:
            return {"items": al.list_watchlists(conn)}

    @router.post("/api/watchlists", status_code=201, dependencies=write, response_model=Watchlist,
                 response_model_exclude_unset=True)
    def post_watchlist(body: WatchlistIn) -> dict[str, Any]:
        """Create or replace a watchlist (by name)."""
        if any(c.startswith("jsonl:") for c in body.channels):
            # A file path chosen over HTTP would let a token holder append to any
            # file the server can write: files are set from the CLI or SOURCES.toml.
            raise HTTPException(422, "jsonl channels can only be set with the CLI or SOURCES.toml")
        spec = WatchlistSpec(body.name, list(body.entities), list(body.queries), list(body.channels))
        try:
            with store().begin() as conn:
                wid = al.save_watchlist(conn, spec)
        except ConfigError as exc:
            raise HTTPException(422, str(exc)) from None
        with store().connect() as conn:
            return next(w for w in al.list_watchlists(conn) if w["id"] == wid)

    @router.get("/api/updates", response_model=UpdateList, response_model_exclude_unset=True)
    def get_updates(viewer: str = Query(ch.DEFAULT_VIEWER, max_length=64),
                    include_unseen: bool = False,
                    cursor: Annotated[str | None, Query(
                        min_length=1, max_length=MAX_CURSOR_NAME,
                        description="A named cursor (as `veille updates --cursor NAME`): the "
                                    "stories with articles added since it last moved, and "
                                    "`upto_seq` to give POST /api/updates/seen. Reading does "
                                    "not move it.")] = None) -> dict[str, Any]:
        """Stories with articles this viewer (or this cursor) has not seen."""
        if cursor is not None:
            with store().connect() as conn:
                return updates_for(conn, cursor, advance=False, include_unchanged=include_unseen)
        with store().connect() as conn:
            return {"items": ch.updated_stories(conn, viewer, include_unseen=include_unseen)}

    @router.post("/api/updates/seen", dependencies=write, response_model=CursorPosition)
    def post_updates_seen(
        cursor: Annotated[str, Query(min_length=1, max_length=MAX_CURSOR_NAME)],
        upto_seq: Annotated[int, Query(ge=0, le=MAX_ID, description="The `upto_seq` of the "
                                       "updates read: articles added since stay new.")],
    ) -> dict[str, Any]:
        """Move a named cursor: the reader has seen every article up to ``upto_seq``."""
        with store().begin() as conn:
            move_cursor(conn, cursor, min(upto_seq, latest_seq(conn)))
            return {"cursor": cursor, "upto_seq": read_cursor(conn, cursor)}

    @router.get("/api/stories/{story_id}/changes", response_model=StoryChange,
                response_model_exclude_unset=True)
    def get_changes(story_id: Annotated[int, Path(ge=1, le=MAX_ID)],
                    viewer: str = Query(ch.DEFAULT_VIEWER, max_length=64)) -> dict[str, Any]:
        """What changed in the story since the viewer last marked it seen."""
        with store().connect() as conn:
            change = ch.changes_since(conn, _live(conn, story_id), viewer)
        if change is None:
            raise HTTPException(404, f"no story {story_id}")
        return change

    @router.post("/api/stories/{story_id}/seen", dependencies=write, response_model=StoryChange,
                 response_model_exclude_unset=True)
    def post_seen(
        story_id: Annotated[int, Path(ge=1, le=MAX_ID)],
        viewer: str = Query(ch.DEFAULT_VIEWER, max_length=64),
    ) -> dict[str, Any]:
        """Record that the viewer has seen the story as it is now."""
        with store().begin() as conn:
            change = ch.changes_since(conn, _live(conn, story_id), viewer, mark_seen=True)
        if change is None:
            raise HTTPException(404, f"no story {story_id}")
        return change

    @router.get("/watchlists/{name}/feed.atom", response_class=Response,
                responses={200: {"content": {"application/atom+xml": {"schema": {"type": "string"}}},
                                 "description": "Atom 1.0 feed of the watchlist's new and changed stories."},
                           # outside /api, errors are pages (as for every page route)
                           404: {"content": {"text/html": {"schema": {"type": "string"}}},
                                 "description": "No watchlist of that name."}})
    def get_feed(request: Request, name: Annotated[str, Path(min_length=1, max_length=256)]) -> Response:
        """The watchlist as an Atom feed a newsreader subscribes to.

        Open like every other read (a newsreader sends no bearer token); with
        ``VEILLE_PROTECT_READS`` it needs the token as the rest of the API does."""
        base = str(request.base_url).rstrip("/")
        try:
            with store().connect() as conn:
                body = dg.atom_feed(conn, name, base_url=base, self_url=str(request.url))
        except ConfigError as exc:
            raise HTTPException(404, str(exc)) from None
        return Response(body, media_type="application/atom+xml; charset=utf-8")

    return router
