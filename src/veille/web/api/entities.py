"""``/api/entities``: search by name or alias, one entity with stories, quotes, neighbours."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from veille.web import cursor
from veille.web.api.schemas import EntityDetail, EntityRow, Page
from veille.web.data import entities as data
from veille.web.deps import ConnDep, Limit
from veille.web.problems import ITEM_ERRORS, LIST_ERRORS, Problem

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
def get_entity(conn: ConnDep, entity_id: str) -> dict[str, Any]:
    ent = data.get_entity(conn, entity_id)
    if ent is None:
        raise Problem(404, "entity-not-found", f"no entity with id {entity_id!r}")
    return ent
