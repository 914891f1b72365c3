"""``/api/search``: ranked full-text search with snippets and facets, or
search by meaning (``mode=semantic``: any language, same page shape)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from veille.search.query import Filters, QueryError, search
from veille.services.queries import ListFilters, source_values
from veille.services.semantic import MODES, semantic_search
from veille.web import cursor
from veille.web.api.schemas import SearchPage
from veille.web.deps import Limit, Since, Until, get_store, iso_bound
from veille.web.problems import LIST_ERRORS, Problem
from veille.web.search_slots import run_search_bounded

router = APIRouter(tags=["search"])

Mode = Annotated[str, Query(pattern="^(" + "|".join(MODES) + ")$", description=(
    "text: the words must match (BM25). semantic: nearest in meaning, in any language "
    "(multilingual encoder); the page adds mode, scanned, capped and notes, has no facets "
    "and no next page, and score is the cosine."))]
Month = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$", description="Facet filter YYYY-MM.")]


def run_search(conn: Any, q: str, *, source: str | None, language: str | None, entity: str | None,
               since: str | None, until: str | None, month: str | None, limit: int,
               cursor_: str | None, facets: bool = True, mode: str = "text") -> dict[str, Any]:
    """Shared by the API and the search page."""
    if mode == "semantic":
        return run_semantic(conn, q, source=source, language=language, entity=entity,
                            since=since, until=until, month=month, limit=limit)
    after = cursor.decode("search:" + q, cursor_, 2)
    lo, hi = iso_bound(since, "since"), iso_bound(until, "until", end=True)
    if month:
        mlo, mhi = iso_bound(month, "month"), iso_bound(month, "month", end=True)
        lo = max(filter(None, (lo, mlo)))
        hi = min(filter(None, (hi, mhi)))
    # "rt.com", "www.rt.com" or a watched outlet's name: the stored values it
    # names (services.queries, as `veille search --source`).
    filters = Filters(sources=source_values(conn, source) if source else None,
                      language=language, entity=entity, since=lo, until=hi)
    try:
        out = search(conn, q, filters, limit=limit, facets=facets,
                     after=(float(after[0]), int(after[1])) if after else None)
    except QueryError as exc:
        raise Problem(422, "empty-query", f"{exc}: type at least one letter or digit") from exc
    out["next_cursor"] = cursor.encode("search:" + q, out.pop("next"))
    return out


@router.get("/search", summary="Full-text search", responses=LIST_ERRORS,
            response_model=SearchPage, response_model_exclude_unset=True)
async def search_articles(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words (all must match), "
                            "\"a phrase\", -excluded. Stemmed in French and English.")],
    limit: Limit = 20, cursor_: Annotated[str | None, Query(alias="cursor")] = None,
    source: str | None = None, language: str | None = None,
    entity: Annotated[str | None, Query(description="Only articles mentioning this entity id.")] = None,
    since: Since = None, until: Until = None, month: Month = None,
    facets: bool = True, mode: Mode = "text",
) -> dict[str, Any] | Response:
    # One worker-thread hop for the connection and the search together: as a
    # sync endpoint with the connection as a generator dependency, each
    # request crossed to the thread pool three times (open, search, close),
    # part of the framework's ~1.5-2 ms of an uncached search (issue 20).
    pool = getattr(request.app.state, "search_pool", None)
    if mode == "text" and pool is not None and pool.running:
        # The server's search pool (web.search_pool): one queue for every
        # connection, the JSON body made there.
        body = await pool.search("json", {
            "q": q, "source": source, "language": language, "entity": entity, "since": since,
            "until": until, "month": month, "limit": limit, "cursor_": cursor_, "facets": facets})
        return Response(body, media_type="application/json")

    def answer() -> dict[str, Any]:
        with get_store(request).connect() as conn:
            return run_search(conn, q, source=source, language=language, entity=entity, since=since,
                              until=until, month=month, limit=limit, cursor_=cursor_,
                              facets=facets, mode=mode)

    out = await run_search_bounded(answer)
    if mode == "text":
        # Sent as built: validating the page against SearchPage and dumping it
        # again cost ~0.35 ms of an uncached search (issue 20) and gave the same
        # bytes (tests/search/test_search_plan.py). The model still
        # documents the answer in the OpenAPI.
        return JSONResponse(out)
    return out


def run_semantic(conn: Any, q: str, *, source: str | None, language: str | None,
                 entity: str | None, since: str | None, until: str | None, month: str | None,
                 limit: int) -> dict[str, Any]:
    """``mode=semantic``: the same filters, resolved as the full-text search does."""
    lo, hi = iso_bound(since, "since"), iso_bound(until, "until", end=True)
    if month:
        lo = max(filter(None, (lo, iso_bound(month, "month"))))
        hi = min(filter(None, (hi, iso_bound(month, "month", end=True))))
    f = ListFilters(since=lo, until=hi, language=language,
                    sources=source_values(conn, source) if source else None, entity=entity)
    return semantic_search(conn, q, f, limit=limit)
