"""``/api/export/{kind}``: the same exports as ``veille export``, streamed."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from veille import export as ex
from veille.web.deps import get_store
from veille.web.problems import problem_responses

router = APIRouter(tags=["exports"])


@router.get("/export/{kind}", summary="Export a whole table",
            responses={200: {"content": {m: {} for m in ex.MEDIA_TYPES.values()}},
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
