"""``/api/stories``: newest or biggest first, one story with its full view."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from veille.services.semantic import MAX_RESULTS, similar_stories
from veille.store import story_aliases
from veille.web import cursor, viewbuild
from veille.web.api.schemas import Page, SimilarStory, StoryDetail, StoryRow
from veille.web.data import stories as data
from veille.web.deps import ConnDep, Limit, ReaderLang, Since, Until, iso_bound
from veille.web.problems import ITEM_ERRORS, LIST_ERRORS, Problem

router = APIRouter(tags=["stories"])
RETRY_AFTER = 5  # seconds: a client polls a view being built about this often


@router.get("/stories", summary="List stories", responses=LIST_ERRORS,
            response_model=Page[StoryRow], response_model_exclude_unset=True)
def list_stories(
    conn: ConnDep, limit: Limit = 20, cursor_: Annotated[str | None, Query(alias="cursor")] = None,
    sort: Annotated[Literal["recent", "size"], Query(description="recent: last published first; "
                                                     "size: most articles first")] = "recent",
    entity: Annotated[str | None, Query(description="Only stories mentioning this entity id.")] = None,
    since: Since = None, until: Until = None,
    source: Annotated[str | None, Query(max_length=512, description=(
        "Only stories with an article from this source: a domain with or without www. "
        "(rt.com), or an outlet name."))] = None,
    language: Annotated[str | None, Query(max_length=16, description=(
        "Only stories with an article in this language."))] = None,
) -> dict[str, Any]:
    after = cursor.decode(f"stories:{sort}", cursor_, 3)
    items, nxt = data.list_stories(conn, sort=sort, entity=entity, since=iso_bound(since, "since"),
                                   until=iso_bound(until, "until", end=True), after=after, limit=limit,
                                   source=source, language=language)
    return {"items": items, "next_cursor": cursor.encode(f"stories:{sort}", nxt), "limit": limit}


@router.get("/stories/{story_id}", summary="One story with its full view",
            responses={**ITEM_ERRORS, 202: {
                "model": StoryDetail,
                "description": "The story's view is being built in the background (a big story "
                               "whose view is not stored yet): `view_pending` is true, `view` is "
                               "empty; ask again after `Retry-After` seconds."}},
            response_model=StoryDetail, response_model_exclude_unset=True)
def get_story(request: Request, response: Response, conn: ConnDep,
              story_id: Annotated[int, Path(ge=1, le=2**62)], lang: ReaderLang = None) -> dict[str, Any]:
    """One story. An id that was merged into another story answers **200 with
    the surviving story's body**, plus ``merged_into`` (the id that now holds
    it) and ``merged_path`` (each merge, e.g. ``[4, 2, 1]``), and a
    ``Content-Location`` header naming the canonical URL.

    Why not a 308 redirect (the web pages use one): a redirect is only kind to
    clients that follow it, and many API clients do not by default (httpx,
    ``curl`` without ``-L``, hand-written ``urllib`` code that checks for
    200); they would see an empty body and fail on a link that still has an
    answer. The body keeps every field of a normal answer, so such a client
    keeps working unchanged, and one that cares reads ``id`` or
    ``merged_into`` to update the id it stored, without a second round trip.

    ``lang`` asks for the view of a reader of that language (title, facts and
    summary in it where the story has them, the others cited), as ``veille
    story ID --lang``; see ``reader_language_unavailable`` for big stories."""
    builder = viewbuild.builder_of(request.app).request
    story = data.get_story(conn, story_id, compute_max=viewbuild.INLINE_VIEW_MAX, on_pending=builder,
                           lang=lang)
    if story is None:
        found = story_aliases.resolve(conn, story_id)
        if found is not None:
            story = data.get_story(conn, found.story_id, compute_max=viewbuild.INLINE_VIEW_MAX,
                                   on_pending=builder, lang=lang)
        if story is None or found is None:
            raise Problem(404, "story-not-found", f"no story with id {story_id}")
        story["merged_into"] = found.story_id
        story["merged_path"] = found.path
        response.headers["Content-Location"] = f"/api/stories/{found.story_id}"
    if story.get("view_pending"):
        response.status_code = 202
        response.headers["Retry-After"] = str(RETRY_AFTER)
    return story


@router.get("/stories/{story_id}/similar", summary="Stories like this, in any language",
            responses=ITEM_ERRORS, response_model=list[SimilarStory])
def get_similar_stories(conn: ConnDep, story_id: Annotated[int, Path(ge=1, le=2**62)],
                        limit: Annotated[int, Query(ge=1, le=MAX_RESULTS)] = 10) -> list[dict[str, Any]]:
    """The stories whose articles are nearest this story's mean article vector
    (``veille similar --story``); a merged id answers for the story that holds
    it. Empty while the story has no vector yet. The scan is bounded like a
    search by meaning (the newest stored vectors first)."""
    found = similar_stories(conn, story_id, limit)
    if found is None:
        alias = story_aliases.resolve(conn, story_id)
        found = similar_stories(conn, alias.story_id, limit) if alias is not None else None
    if found is None:
        raise Problem(404, "story-not-found", f"no story with id {story_id}")
    return found
