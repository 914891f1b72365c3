"""A story view is the same whichever path builds it: stored by the explain
stage, computed by the web for a story whose view is not stored, or rebuilt
for the CLI (issue #14: the web's copy once left out ``also_published_by``)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import update

from veille.core.views import StoryView
from veille.store import Store
from veille.store.articles import insert_copies, now
from veille.store.schema import stories
from veille.stories.service import compute_story_view, get_story_view
from veille.web.data.stories import get_story


def _json(v: Any) -> Any:
    return json.loads(json.dumps(v))


def test_web_computed_view_equals_stored_and_cli(seeds_store: Store, story_id: int) -> None:
    with seeds_store.connect() as conn:
        first = get_story(conn, story_id)
        assert first is not None and first["view_source"] == "stored"
        uid = first["articles"][0]["id"]
        # an exact copy folded into the story's first article, seen by every path
        insert_copies(conn, [{"uid": "copy-of-first", "article_uid": uid, "source": "copy.example",
                              "url": "https://copy.example/a", "published": "2023-06",
                              "origin": "<test>", "ingested_at": now()}])
        stored_path = compute_story_view(conn, story_id).to_dict()  # explain stage and CLI
        conn.execute(update(stories).where(stories.c.id == story_id).values(view=None))
        web = get_story(conn, story_id)
        conn.rollback()  # the session's store stays as it was
    assert web is not None and web["view_source"] == "computed"
    assert _json(web["view"]) == _json(stored_path)
    copies = {a["uid"]: a["also_published_by"] for a in web["view"]["articles"]}
    assert copies[uid] == [{"uid": "copy-of-first", "source": "copy.example",
                            "url": "https://copy.example/a", "published": "2023-06"}]
    # without the copy, the same builder gives the stored view, field for field
    with seeds_store.connect() as conn:
        now_built = compute_story_view(conn, story_id).to_dict()
    assert _json(now_built) == _json(get_story_view(seeds_store, story_id))


def test_stored_view_reads_back_typed(seeds_store: Store, story_id: int) -> None:
    stored = get_story_view(seeds_store, story_id)
    assert stored is not None
    view = StoryView.from_dict(stored)
    assert view.to_dict() == stored
    assert view.facts and view.facts[0].representative.text
    assert view.story_id == story_id


def test_api_story_view_matches_stored(client: Any, seeds_store: Store, story_id: int) -> None:
    body = client.get(f"/api/stories/{story_id}").json()
    assert body["view"] == _json(get_story_view(seeds_store, story_id))
