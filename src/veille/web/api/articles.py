"""``/api/articles``: list, one article with its analysis, and ingest (POST, token)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncGenerator
from contextlib import aclosing
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from veille.core.errors import VeilleError
from veille.ingest.decode import MAX_JSON_DEPTH, loads_bounded
from veille.ingest.readers import READERS, ReadOptions, detect_format
from veille.ingest.sources import FORMATS
from veille.services import pipeline
from veille.services.queries import MAX_SIMILAR, similar_articles
from veille.store import Store
from veille.watch.alerts import evaluate as evaluate_alerts
from veille.web import cursor
from veille.web.api.schemas import ArticleDetail, ArticleSummary, IngestResult, Page, SimilarArticle
from veille.web.data import articles as data
from veille.web.deps import ConnDep, Limit, Since, Until, get_store, iso_bound, require_write
from veille.web.problems import ITEM_ERRORS, LIST_ERRORS, Problem, problem_responses

router = APIRouter(tags=["articles"])
MAX_UPLOAD = 20 * 1024 * 1024  # the whole request body: one JSON document, or all files of a multipart body
MAX_FILES = 1000  # multipart parts that are files (Starlette's default)

_ARTICLE_IN = {
    "type": "object", "required": ["text"],
    "properties": {k: {"type": "string"} for k in
                   ("id", "text", "title", "source", "url", "published", "language")},
    "description": "An article; published is YYYY-MM or YYYY-MM-DD; id defaults to a hash of the text.",
}
_INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"oneOf": [
                _ARTICLE_IN, {"type": "array", "items": _ARTICLE_IN},
            ]}},
            "multipart/form-data": {"schema": {
                "type": "object", "properties": {"file": {
                    "type": "array", "items": {"type": "string", "format": "binary"}}},
                "required": ["file"]}},
        },
    }
}


@router.get("/articles", summary="List articles (ingest order)", responses=LIST_ERRORS,
            response_model=Page[ArticleSummary], response_model_exclude_unset=True)
def list_articles(
    conn: ConnDep, limit: Limit = 20, cursor_: Annotated[str | None, Query(alias="cursor")] = None,
    source: str | None = None, language: Annotated[str | None, Query(max_length=16)] = None,
    since: Since = None, until: Until = None,
    entity: Annotated[str | None, Query(description="Only articles mentioning this entity id.")] = None,
) -> dict[str, Any]:
    after = cursor.decode("articles", cursor_, 1)
    items, nxt = data.list_articles(
        conn, source=source, language=language, since=iso_bound(since, "since"),
        until=iso_bound(until, "until", end=True), entity=entity,
        after_seq=int(after[0]) if after else None, limit=limit)
    return {"items": items, "next_cursor": cursor.encode("articles", nxt), "limit": limit}


@router.get("/articles/{article_id:path}/similar",
            summary="More like this: the nearest articles in any language",
            responses=ITEM_ERRORS, response_model=list[SimilarArticle], response_model_exclude_unset=True)
def get_similar(conn: ConnDep, article_id: str,
                limit: Annotated[int, Query(ge=1, le=MAX_SIMILAR)] = 10) -> list[dict[str, Any]]:
    """Nearest by the multilingual sentence encoder's article vectors (cosine
    in ``similarity``): a report of the same event in another language ranks
    with the same-language ones. Declared before the article route, whose
    ``{article_id:path}`` would otherwise take ``.../similar`` as an id."""
    found = similar_articles(conn, article_id, limit)
    if found is None:
        raise Problem(404, "article-not-found", f"no article with id {article_id!r}")
    return found


@router.get("/articles/{article_id:path}", summary="One article with its analysis", responses=ITEM_ERRORS,
            response_model=ArticleDetail, response_model_exclude_unset=True)
def get_article(conn: ConnDep, article_id: str) -> dict[str, Any]:
    art = data.get_article(conn, article_id)
    if art is None:
        raise Problem(404, "article-not-found", f"no article with id {article_id!r}")
    return art


def _json_items(payload: Any) -> bytes:
    records = payload if isinstance(payload, list) else [payload]
    if not records:
        raise Problem(422, "no-articles", "the body is an empty list: send one article or a list")
    lines = []
    for rec in records:
        if isinstance(rec, dict) and not rec.get("id") and isinstance(rec.get("text"), str):
            rec = rec | {"id": "api:" + hashlib.sha256(rec["text"].encode()).hexdigest()[:16]}
        lines.append(json.dumps(rec, ensure_ascii=False))
    return "\n".join(lines).encode()


def _too_large() -> Problem:
    # Connection: close, so the client stops sending the rest of a body nobody will read.
    return Problem(413, "too-large", f"the body is over {MAX_UPLOAD:,} bytes",
                   headers={"Connection": "close"})


def _check_declared_length(request: Request) -> None:
    """A Content-Length over the limit is refused before reading a byte of the body."""
    declared = request.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > MAX_UPLOAD:
        raise _too_large()


async def _limited(request: Request) -> AsyncGenerator[bytes, None]:
    """The body as it arrives, failing with 413 as soon as more than MAX_UPLOAD bytes came.

    Counting the chunks as they stream (and not trusting Content-Length alone)
    also covers chunked bodies and a client that sends more than it declared;
    nothing past the limit is read, buffered or spooled."""
    seen = 0
    async with aclosing(request.stream()) as stream:
        async for chunk in stream:
            seen += len(chunk)
            if seen > MAX_UPLOAD:
                raise _too_large()
            yield chunk


async def _items(request: Request, fmt: str, max_bytes: int) -> list[Any]:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype not in ("application/json", "multipart/form-data"):
        raise Problem(415, "unsupported-media-type",
                      "send application/json (an article or a list) or multipart/form-data with 'file'")
    _check_declared_length(request)
    if ctype == "application/json":
        body = b"".join([chunk async for chunk in _limited(request)])
        try:
            # +1: the records of a list body sit one level down
            payload = loads_bounded(body, MAX_JSON_DEPTH + 1)
        except VeilleError as exc:
            raise Problem(400, "too-deep", f"{exc.code}: {exc.reason}") from exc
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise Problem(400, "invalid-json", f"the body is not valid JSON: {exc}") from exc
        opts = ReadOptions(origin="<api>", name="api", max_bytes=max_bytes)
        return list(READERS["jsonl"](_json_items(payload), opts))
    # Starlette's parser fed by the limited stream (request.form() would read
    # and spool the whole body first, whatever its size).
    parser = MultiPartParser(request.headers, _limited(request), max_files=MAX_FILES)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise Problem(400, "invalid-multipart", f"the multipart body is invalid: {exc.message}") from exc
    try:
        uploads = [f for f in form.getlist("file") if isinstance(f, UploadFile)]
        if not uploads:
            raise Problem(422, "no-file", "multipart body has no 'file' part")
        items: list[Any] = []
        for up in uploads:
            raw = await up.read()
            name = Path(up.filename or "upload").name
            kind = fmt if fmt != "auto" else detect_format(Path(name), raw[:4096])
            opts = ReadOptions(origin=f"<upload:{name}>", name=name, max_bytes=max_bytes)
            items += list(READERS[kind](raw, opts))
        return items
    finally:
        await form.close()  # the spooled temporary files


def _process(store: Store, added: list[str]) -> None:
    """Analyse, cluster and explain what was just ingested (runs after the
    response), then raise the watchlists' alerts, as ``veille ingest`` and a
    watch pass do: an article posted here is followed like a fetched one."""
    pipeline.process(store, added)
    evaluate_alerts(store, added)


@router.post("/articles", status_code=201, summary="Ingest articles (needs the token)",
             dependencies=[Depends(require_write)], openapi_extra=_INGEST_BODY,
             responses=problem_responses(400, 403, 413, 415, 422),
             response_model=IngestResult, response_model_exclude_unset=True)
async def ingest(
    request: Request, background: BackgroundTasks,
    fmt: Annotated[str, Query(alias="format", description="Upload format: " + "|".join(FORMATS))] = "auto",
    process: Annotated[bool, Query(description="Analyse and cluster after ingesting.")] = True,
) -> dict[str, Any]:
    if fmt not in FORMATS:
        raise Problem(422, "invalid-format", f"format must be one of {', '.join(FORMATS)}")
    store = get_store(request)
    max_bytes = request.app.state.settings.max_article_bytes
    items = await _items(request, fmt, max_bytes)
    report = await run_in_threadpool(pipeline.ingest, store, items,
                                     pipeline.PipelineOptions(max_bytes=max_bytes))
    rejects = [{"code": r.code, "reason": r.reason, "origin": r.origin, "line": r.line}
               for r in report.rejects]
    if rejects and not report.added and not report.unchanged and not report.exact_duplicates:
        raise Problem(422, "rejected", f"{len(rejects)} record(s) rejected, nothing ingested",
                      rejects=rejects)
    if process and report.added:
        background.add_task(_process, store, report.added)
    return report.to_dict() | {"ids": report.added, "rejects": rejects,
                               "processing": bool(process and report.added)}
