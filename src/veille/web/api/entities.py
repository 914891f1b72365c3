"""``/api/entities``: search by name or alias, one entity with stories, quotes, neighbours."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from veille.core.model import EntityCorrection
from veille.services.corrections import CorrectionError, correct
from veille.store.corrections import list_corrections
from veille.web import cursor
from veille.web.api.schemas import Correction, CorrectionIn, CorrectionResult, EntityDetail, EntityRow, Page
from veille.web.data import entities as data
from veille.web.deps import ConnDep, Limit, get_store, require_write
from veille.web.problems import ITEM_ERRORS, LIST_ERRORS, Problem, problem_responses

router = APIRouter(tags=["entities"])


@router.get("/entities", summary="List or search entities", responses=LIST_ERRORS,
            response_model=Page[EntityRow], response_model_exclude_unset=True)
def list_entities(
    conn: ConnDep, limit: Limit = 20, cursor_: Annotated[str | None, Query(alias="cursor")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Part of a name or alias.")] = None,
    label: Annotated[str | None, Query(description="PER, ORG, LOC or MISC.")] = None,
) -> dict[str, Any]:
    after = cursor.decode("entities", cursor_, 2)
    key = (int(after[0]), str(after[1])) if after else None
    items, nxt = data.list_entities(conn, q=q, label=label, after=key, limit=limit)
    return {"items": items, "next_cursor": cursor.encode("entities", nxt), "limit": limit}


@router.get("/entities/{entity_id:path}",
            summary="One entity with its stories, quotes and co-occurring entities",
            responses=ITEM_ERRORS, response_model=EntityDetail, response_model_exclude_unset=True)
def get_entity(response: Response, conn: ConnDep, entity_id: str) -> dict[str, Any]:
    ent = data.get_entity(conn, entity_id)
    if ent is None:
        # an entity merged by a correction answers with the entity it went to,
        # as a merged story does (200, not a redirect many API clients do not
        # follow): ``merged_into`` tells a client holding the old id to update it
        into = data.merged_into(conn, entity_id)
        ent = data.get_entity(conn, into) if into is not None else None
        if ent is None:
            raise Problem(404, "entity-not-found", f"no entity with id {entity_id!r}")
        ent["merged_into"] = into
        response.headers["Content-Location"] = f"/api/entities/{quote(str(into), safe=':')}"
    return ent


def correction_of(entity_id: str, body: CorrectionIn) -> EntityCorrection:
    return EntityCorrection(action=body.action, entity_id=entity_id, target_id=body.into,
                            aliases=list(body.names), name=body.name, article_uid=body.article_id,
                            start=body.start, end=body.end, author=body.author, note=body.note)


@router.post("/entities/{entity_id:path}/corrections", status_code=201,
             summary="Correct the linking: merge, split, detach a mention, rename (needs the token)",
             dependencies=[Depends(require_write)], responses=problem_responses(401, 403, 404, 409, 422),
             response_model=CorrectionResult, response_model_exclude_unset=True)
async def post_correction(request: Request, entity_id: str, body: CorrectionIn) -> dict[str, Any]:
    try:
        result = await run_in_threadpool(correct, get_store(request), correction_of(entity_id, body))
    except CorrectionError as exc:
        raise Problem(exc.status, "correction-refused", str(exc)) from exc
    return {"correction": result.correction.to_dict(), "entity_id": result.entity_id,
            "articles": result.articles, "stories": result.stories}


@router.get("/corrections", summary="Corrections of the entity linking, newest first",
            responses=LIST_ERRORS, response_model=list[Correction], response_model_exclude_unset=True)
def get_corrections(conn: ConnDep, limit: Limit = 20,
                    entity: Annotated[str | None, Query(max_length=256)] = None) -> list[dict[str, Any]]:
    return [c.to_dict() for c in list_corrections(conn, entity_id=entity, limit=limit)]
