"""``/api/export/{kind}`` and ``/api/stories/{id}/export``: the same exports as
``veille export``, the tables streamed, one story as a report or CSV."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from veille import export as ex
from veille.export import story as story_export
from veille.store import story_aliases
from veille.web import viewbuild
from veille.web.api.stories import RETRY_AFTER
from veille.web.data import articles as article_data
from veille.web.data import stories as story_data
from veille.web.deps import Bom, get_store
from veille.web.problems import Problem, problem_responses

router = APIRouter(tags=["exports"])

#: The body of each format: JSON is an array of rows (their columns in
#: ``veille.export.COLUMNS``), JSONL and CSV are text, Parquet is binary.
_FILE_SCHEMAS: dict[str, dict[str, Any]] = {
    "json": {"type": "array", "items": {"type": "object", "additionalProperties": True}},
    "jsonl": {"type": "string", "description": "one JSON row per line"},
    "csv": {"type": "string", "description": "a header line, then one row per line"},
    "parquet": {"type": "string", "format": "binary"},
}


@router.get("/export/{kind}", summary="Export a whole table",
            responses={200: {"description": "The table in the chosen format (a file download).",
                             "content": {ex.MEDIA_TYPES[f]: {"schema": _FILE_SCHEMAS[f]}
                                         for f in ex.MEDIA_TYPES}},
                       **problem_responses(422)})
def export(
    request: Request,
    kind: Annotated[Literal["stories", "articles", "entities", "quotes", "corrections"], Path()],
    fmt: Annotated[Literal["json", "jsonl", "csv", "parquet"], Query(alias="format")] = "jsonl",
    bom: Bom = False,
) -> Response:
    store = get_store(request)
    headers = {"Content-Disposition": f'attachment; filename="veille-{kind}.{fmt}"'}
    base = _base_url(request)
    if fmt == "parquet":
        buf = io.BytesIO()
        with store.connect() as conn:
            ex.export(conn, kind, fmt, buf)
        return Response(buf.getvalue(), media_type=ex.MEDIA_TYPES[fmt], headers=headers)

    def chunks() -> Iterator[bytes]:
        if bom and fmt == "csv":
            yield ex.BOM.encode("utf-8")
        with store.connect() as conn:
            for chunk in ex.iter_text(kind, fmt, ex.rows(conn, kind), base_url=base):
                yield chunk.encode("utf-8")

    return StreamingResponse(chunks(), media_type=ex.MEDIA_TYPES[fmt], headers=headers)

_TEXT = {"schema": {"type": "string"}}


def _base_url(request: Request) -> str:
    """Where readers reach this server: $VEILLE_PUBLIC_URL when set (behind a
    proxy the request's own host may be an internal one), else the request's."""
    settings = getattr(request.app.state, "settings", None)
    return str(getattr(settings, "public_url", None) or request.base_url).rstrip("/")


@router.get("/stories/{story_id}/export", summary="One story as a report or CSV", response_class=Response,
            responses={200: {"description": "The story as a file download: a Markdown or HTML report "
                                            "(title, summary with numbered citations, timeline, who said "
                                            "what, corroborated facts, disagreements, sources), or its "
                                            "timeline or quotes as CSV. A merged story's old id exports "
                                            "the story that absorbed it (header `Content-Location`).",
                             "content": {story_export.MEDIA_TYPES[f].split(";")[0]: _TEXT
                                         for f in ("md", "html", "csv-timeline")}},
                       503: {"description": "The story's view is being built in the background: ask "
                                            "again after `Retry-After` seconds."},
                       **problem_responses(404, 422)})
def export_story(
    request: Request, story_id: Annotated[int, Path(ge=1, le=2**62)],
    fmt: Annotated[Literal["md", "html", "csv-timeline", "csv-quotes"], Query(alias="format")] = "md",
    bom: Bom = False,
) -> Response:
    store = get_store(request)
    with store.connect() as conn:
        found = story_aliases.resolve(conn, story_id)
        story = None if found is None else story_data.get_story(
            conn, found.story_id, compute_max=viewbuild.INLINE_VIEW_MAX,
            on_pending=viewbuild.builder_of(request.app).request)
        names = {} if story is None or fmt.startswith("csv") else article_data.first_lines(
            conn, [a["id"] for a in story["articles"]])
    if found is None or story is None:
        raise Problem(404, "story-not-found", f"no story with id {story_id}")
    if story.get("view_pending"):
        raise Problem(503, "view-pending", f"the view of story {found.story_id} is being built",
                      headers={"Retry-After": str(RETRY_AFTER)})
    body = story_export.render(fmt, found.story_id, story["view"], _base_url(request), names)
    if bom and fmt.startswith("csv"):
        body = ex.BOM + body
    headers = {"Content-Disposition":
               f'attachment; filename="{story_export.filename(found.story_id, fmt)}"'}
    if found.merged:
        headers["Content-Location"] = (f"/api/stories/{found.story_id}/export?format={fmt}"
                                       + ("&bom=true" if bom else ""))
    return Response(body, media_type=story_export.MEDIA_TYPES[fmt], headers=headers)
