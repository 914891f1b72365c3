"""``/api/quotes``: quotes in ingest order, optionally by one speaker."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from veille.store import quotes as data
from veille.web import cursor
from veille.web.api.schemas import Page, QuoteRow
from veille.web.deps import ConnDep, Limit, QuoteKinds
from veille.web.problems import LIST_ERRORS

router = APIRouter(tags=["quotes"])


@router.get("/quotes", summary="List quotes", responses=LIST_ERRORS,
            response_model=Page[QuoteRow], response_model_exclude_unset=True)
def list_quotes(
    conn: ConnDep, limit: Limit = 20, cursor_: Annotated[str | None, Query(alias="cursor")] = None,
    speaker: Annotated[str | None, Query(max_length=200,
                                         description="An entity id, or part of the speaker's name.")] = None,
    kind: QuoteKinds = None,
) -> dict[str, Any]:
    after = cursor.decode("quotes", cursor_, 2)
    key = (int(after[0]), int(after[1])) if after else None
    items, nxt = data.list_quotes(conn, speaker=speaker, after=key, limit=limit,
                                  kinds=data.kinds_of(kind))
    return {"items": data.public(items), "next_cursor": cursor.encode("quotes", nxt), "limit": limit}
