"""Story views in the store: read a story's inputs, build its view, save it.

:func:`compute_story_view` is the one way a story's view is made from the
store: the clusterer (through :func:`refresh_story_views`), ``veille story``
and the web all go through it, so a view computed anywhere equals the stored
one. Everything here is I/O around the pure ``build_story_view``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import nullcontext
from typing import Any

from sqlalchemy import Connection

from veille.core.model import Analysis
from veille.core.records import StoredArticle
from veille.core.views import StoryView
from veille.store.core import Store
from veille.store.story_views import (
    StoryInputs,
    article_inputs,
    previous_view,
    save_view,
    stored_view,
    story_article_uids,
    story_inputs,
)
from veille.stories.graph import to_graphml
from veille.stories.incremental import (
    may_update,
    needs_full_build,
    update_story_view,
    warm_vectors,
)
from veille.stories.vector_store import StoredVectors
from veille.stories.view import build_story_view, is_current
from veille.stories.xlang import vector_source

__all__ = ["StoryInputs", "compute_story_view", "get_story_view", "load_story_inputs",
           "refresh_story_views", "story_graphml"]


def load_story_inputs(conn: Connection, story_id: int) -> StoryInputs:
    """(articles, analyses aligned with them, entity records by id) of one story."""
    return story_inputs(conn, story_id)


def compute_story_view(conn: Connection, story_id: int, *, lang: str | None = None) -> StoryView:
    """The view of a story as its stored articles and analyses give it now;
    ``lang``: the reader's language (default: the story's main language)."""
    inputs = story_inputs(conn, story_id)
    view = build_story_view(inputs.articles, inputs.analyses, inputs.entities, lang=lang)
    view.story_id = story_id
    return view


def refresh_story_views(store: Store, story_ids: Sequence[int], *,
                        full: bool = False) -> dict[str, int]:
    """Bring the saved view and title of each story up to date (one transaction
    per story): a story whose stored view is current and only gained articles
    is updated from those articles (``stories.incremental``); any other change
    (split, merge, removal, another builder version, a story grown by a quarter
    since its last full build, ``full``) rebuilds it in full.
    Returns how many views were updated and rebuilt.

    The encoder's vectors of a story that may be updated next
    (``incremental.may_update``) are read from and saved to the store's statement
    vectors (``stories.vector_store``), in the view's transaction, with those
    its next update will ask for (``incremental.warm_vectors``): a worker
    started again does not embed again what the last build or update embedded."""
    done = {"updated": 0, "rebuilt": 0}
    for sid in dict.fromkeys(story_ids):
        data: dict[str, Any] | None = None
        vectors = StoredVectors(store)
        if not full:
            with vector_source(vectors):
                data = _try_update(store, sid)
        if data is not None:
            done["updated"] += 1
        else:
            with store.connect() as conn:
                big = may_update(len(story_article_uids(conn, sid)))
                with vector_source(vectors) if big else nullcontext():
                    view = compute_story_view(conn, sid)
            data = view.to_dict()
            if big:  # what the next update will embed, kept with the view
                with vector_source(vectors):
                    warm_vectors(data)
            done["rebuilt"] += 1
        title = data["title"]["text"] if data.get("title") else None
        with store.begin() as conn:
            save_view(conn, sid, data, title)
            if vectors.new or vectors.used:
                vectors.save(conn)
    return done


def _try_update(store: Store, story_id: int) -> dict[str, Any] | None:
    """The story's stored view with its new articles added, or None when it
    must be rebuilt in full."""
    with store.connect() as conn:
        exists, stored = stored_view(conn, story_id)
        if exists and stored is None:  # dropped by the clusterer: start from the one set aside
            stored = previous_view(conn, story_id)
        if not exists or stored is None or not is_current(stored):
            return None
        uids = story_article_uids(conn, story_id)
        have = {a["uid"] for a in stored.get("articles") or []}
        added = [u for u in uids if u not in have]
        if not added or not have <= set(uids) or needs_full_build(stored, len(added)):
            return None
        inputs = article_inputs(conn, added)
    def context(uids: Sequence[str]) -> tuple[list[StoredArticle], list[Analysis | None]]:
        with store.connect() as conn:
            back = article_inputs(conn, list(uids))
        return back.articles, back.analyses

    view = update_story_view(dict(stored), inputs.articles, inputs.analyses, inputs.entities,
                             context=context)
    view["story_id"] = story_id
    return view


def covers(conn: Connection, story_id: int, view: Mapping[str, Any]) -> bool:
    """Whether a stored view was built from exactly the story's articles now: a
    view kept while the story changed (the clusterer may keep it as the state an
    incremental update starts from) is stale, and is never served as current."""
    have = [a.get("uid") for a in view.get("articles") or []]
    return sorted(have) == sorted(story_article_uids(conn, story_id))


def get_story_view(store: Store, story_id: int, *, rebuild: bool = False,
                   lang: str | None = None) -> dict[str, Any] | None:
    """The saved view of a story, built (and saved) now when missing or made by
    another version of the builder; None for an unknown story. With ``lang``
    other than the saved view's reader language, the view for a reader of
    that language is built (title, facts' statements and summary in it where
    the story has them) and returned, not saved: the saved view stays the
    story's main-language one."""
    if lang:
        with store.connect() as conn:
            exists, view = stored_view(conn, story_id)
            if not exists:
                return None
            if view is None or (view.get("languages") or {}).get("reader") != lang:
                built = compute_story_view(conn, story_id, lang=lang)
                return built.to_dict()
    with store.connect() as conn:
        exists, view = stored_view(conn, story_id)
        fresh = view is not None and is_current(view) and covers(conn, story_id, view)
    if not exists:
        return None
    if fresh and not rebuild:
        return dict(view or {})
    refresh_story_views(store, [story_id], full=rebuild)
    with store.connect() as conn:
        _, view = stored_view(conn, story_id)
    return dict(view) if view else None


def story_graphml(store: Store, story_id: int) -> str | None:
    view = get_story_view(store, story_id)
    return None if view is None else to_graphml(view["entity_graph"])
