"""``/api/export/{kind}``: the same exports as ``veille export``, streamed."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from veille import export as ex
from veille.web.deps import get_store
from veille.web.problems import problem_responses

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
    request: Request, kind: Annotated[Literal["stories", "articles", "entities", "quotes"], Path()],
    fmt: Annotated[Literal["json", "jsonl", "csv", "parquet"], Query(alias="format")] = "jsonl",
) -> Response:
    store = get_store(request)
    headers = {"Content-Disposition": f'attachment; filename="veille-{kind}.{fmt}"'}
    if fmt == "parquet":
        buf = io.BytesIO()
        with store.connect() as conn:
            ex.export(conn, kind, fmt, buf)
        return Response(buf.getvalue(), media_type=ex.MEDIA_TYPES[fmt], headers=headers)

    def chunks() -> Iterator[bytes]:
        with store.connect() as conn:
            for chunk in ex.iter_text(kind, fmt, ex.rows(conn, kind)):
                yield chunk.encode("utf-8")

    return StreamingResponse(chunks(), media_type=ex.MEDIA_TYPES[fmt], headers=headers)
