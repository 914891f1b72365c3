"""Story views in the store: read a story's inputs, build its view, save it.

:func:`compute_story_view` is the one way a story's view is made from the
store: the clusterer (through :func:`refresh_story_views`), ``veille story``
and the web all go through it, so a view computed anywhere equals the stored
one. Everything here is I/O around the pure ``build_story_view``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from veille.core.views import StoryView
from veille.store.core import Store
from veille.store.story_views import StoryInputs, save_view, stored_view, story_inputs
from veille.stories.graph import to_graphml
from veille.stories.view import build_story_view, is_current

__all__ = ["StoryInputs", "compute_story_view", "get_story_view", "load_story_inputs",
           "refresh_story_views", "story_graphml"]


def load_story_inputs(conn: Connection, story_id: int) -> StoryInputs:
    """(articles, analyses aligned with them, entity records by id) of one story."""
    return story_inputs(conn, story_id)


def compute_story_view(conn: Connection, story_id: int) -> StoryView:
    """The view of a story as its stored articles and analyses give it now."""
    inputs = story_inputs(conn, story_id)
    view = build_story_view(inputs.articles, inputs.analyses, inputs.entities)
    view.story_id = story_id
    return view


def refresh_story_views(store: Store, story_ids: Sequence[int]) -> None:
    """Rebuild and save the view and title of each story (one transaction per story)."""
    for sid in dict.fromkeys(story_ids):
        with store.connect() as conn:
            view = compute_story_view(conn, sid)
        title = view.title.text if view.title is not None else None
        with store.begin() as conn:
            save_view(conn, sid, view.to_dict(), title)


def get_story_view(store: Store, story_id: int, *, rebuild: bool = False) -> dict[str, Any] | None:
    """The saved view of a story, built (and saved) now when missing or made by
    another version of the builder; None for an unknown story."""
    with store.connect() as conn:
        exists, view = stored_view(conn, story_id)
    if not exists:
        return None
    if view is not None and is_current(view) and not rebuild:
        return dict(view)
    refresh_story_views(store, [story_id])
    with store.connect() as conn:
        _, view = stored_view(conn, story_id)
    return dict(view) if view else None


def story_graphml(store: Store, story_id: int) -> str | None:
    view = get_story_view(store, story_id)
    return None if view is None else to_graphml(view["entity_graph"])
