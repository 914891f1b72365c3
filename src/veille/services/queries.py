"""Questions about the store that more than one front end asks (CLI, API, watcher).

The pending-work checks decide whether a run has analysis or clustering to
finish although it added nothing: a run killed during analysis or clustering
leaves exactly that behind, and the next run completes it.
"""

from __future__ import annotations

from sqlalchemy import select

from veille.cluster.service import stories_without_view
from veille.engine.analysis import count_pending
from veille.store import Store
from veille.store.schema import articles, story_articles


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
