"""HTML pages: server-rendered Jinja templates over the same read queries as the API."""

from __future__ import annotations

import hmac
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from veille.core.model import EntityCorrection
from veille.export import links
from veille.search.query import QueryError, parse
from veille.search.snippets import hit_spans
from veille.services.corrections import CorrectionError, correct
from veille.store import quotes as quote_data
from veille.store import story_aliases
from veille.web import charts, cursor, viewbuild
from veille.web.api.search import run_search
from veille.web.data import activity
from veille.web.data import articles as article_data
from veille.web.data import entities as entity_data
from veille.web.data import stories as story_data
from veille.web.deps import ConnDep, QuoteKinds, ReaderLang, get_store
from veille.web.problems import Problem
from veille.web.render import article_segments, citations, parse_range, snippet_segments
from veille.web.search_slots import run_search_bounded

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _page(request: Request, name: str, **ctx: Any) -> Response:
    return request.app.state.templates.TemplateResponse(request, name, ctx)


@router.get("/")
def home(request: Request, conn: ConnDep, cursor_: Annotated[str | None, Query(alias="cursor")] = None,
         sort: Annotated[str, Query(pattern="^(recent|size)$")] = "recent") -> Response:
    after = cursor.decode(f"stories:{sort}", cursor_, 3)
    items, nxt = story_data.list_stories(conn, sort=sort, after=after, limit=20)  # type: ignore[arg-type]
    latest: list[dict[str, Any]] = []
    if not items and after is None:
        latest, _ = article_data.list_articles(conn, limit=20)
    changes = activity.recent_changes(conn) if after is None else None
    return _page(request, "home.html", stories=items, sort=sort, latest=latest, changes=changes,
                 next_cursor=cursor.encode(f"stories:{sort}", nxt),
                 first_lines=article_data.first_lines(conn, [a["id"] for a in latest]))


@router.get("/stories/{story_id}")
def story(request: Request, conn: ConnDep, story_id: Annotated[int, Path(ge=1, le=2**62)],
          lang: ReaderLang = None) -> Response:
    st = story_data.get_story(conn, story_id, compute_max=viewbuild.INLINE_VIEW_MAX,
                              on_pending=viewbuild.builder_of(request.app).request, lang=lang)
    if st is None:
        # A merged story's saved link leads to the story that absorbed it
        # (308: permanent, and the browser keeps the #fragment).
        found = story_aliases.resolve(conn, story_id)
        if found is not None:
            query = f"?lang={lang}" if lang else ""  # the pattern allows only [a-z]
            return RedirectResponse(f"/stories/{found.story_id}{query}", status_code=308)
        raise Problem(404, "story-not-found", f"no story with id {story_id}")
    view = st["view"]
    summary, numbers = citations(view)
    by_id = {a["id"]: a for a in st["articles"]}
    figures = [charts.figure(c, kind) for c, kind in activity.story_activity(conn, st["id"], st["entities"])]
    # links: the anchors of facts and quotes, the same as the exported reports link to
    return _page(request, "story.html", story=st, view=view, summary=summary, numbers=numbers, links=links,
                 articles_by_id=by_id, charts=figures,
                 first_lines=article_data.first_lines(conn, list(by_id)))


@router.get("/articles/{article_id:path}")
def article(request: Request, conn: ConnDep, article_id: str,
            hl: Annotated[str | None, Query(max_length=40)] = None,
            q: Annotated[str | None, Query(max_length=500)] = None) -> Response:
    art = article_data.get_article(conn, article_id)
    if art is None:
        raise Problem(404, "article-not-found", f"no article with id {article_id!r}")
    cite = parse_range(hl, len(art["text"]))
    terms: list[tuple[int, int]] = []
    if q:
        try:
            terms = hit_spans(art["text"], parse(q).forms(), art.get("language"))
        except QueryError:
            terms = []
    segs = article_segments(art["text"], art, cite, terms)
    return _page(request, "article.html", art=art, segments=segs, cite=cite, q=q,
                 first_line=None if art.get("title") else article_data.first_line(art["text"]))


@router.get("/entities")
def entities(request: Request, conn: ConnDep, q: Annotated[str | None, Query(max_length=200)] = None,
             cursor_: Annotated[str | None, Query(alias="cursor")] = None) -> Response:
    after = cursor.decode("entities", cursor_, 2)
    items, nxt = entity_data.list_entities(conn, q=q, limit=50,
                                           after=(int(after[0]), str(after[1])) if after else None)
    return _page(request, "entities.html", entities=items, q=q,
                 next_cursor=cursor.encode("entities", nxt))


@router.get("/entities/{entity_id:path}")
def entity(request: Request, conn: ConnDep, entity_id: str) -> Response:
    ent = entity_data.get_entity(conn, entity_id)
    if ent is None:
        into = entity_data.merged_into(conn, entity_id)
        if into is not None:  # merged by a correction: a saved link leads to where it went
            return RedirectResponse(f"/entities/{quote(into, safe=':')}", status_code=308)
        raise Problem(404, "entity-not-found", f"no entity with id {entity_id!r}")
    figures = [charts.figure(c, kind) for c, kind in activity.entity_activity(conn, entity_id, ent["name"])]
    return _page(request, "entity.html", ent=ent, charts=figures)


@router.post("/entities/{entity_id:path}/corrections")
async def correct_entity(request: Request, entity_id: str) -> Response:
    """The entity page's correction form. The write token is a field of the form
    (the page has no other credential), which also makes a forged cross-site
    post useless without it."""
    form = await request.form()

    def field(name: str, limit: int = 2000) -> str:
        value = form.get(name)
        return value[:limit] if isinstance(value, str) else ""

    token = request.app.state.token
    given = field("token", 1000)
    if not token:
        raise Problem(403, "writes-disabled",
                      "corrections are disabled: start the server with VEILLE_TOKEN set")
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise Problem(401, "token-required", "the write token is missing or wrong")
    action = field("action", 16)
    if action not in ("merge", "split", "detach", "rename"):
        raise Problem(422, "invalid-correction", "choose merge, split, detach or rename")
    start, end = field("start", 12), field("end", 12)
    if any(v and not (v.isascii() and v.isdigit()) for v in (start, end)):
        raise Problem(422, "invalid-correction", "start and end are character offsets (whole numbers)")
    names = [n.strip() for n in field("names").split(",") if n.strip()]
    c = EntityCorrection(action=action, entity_id=entity_id,  # type: ignore[arg-type]
                         target_id=field("into", 256) or None, aliases=names,
                         name=field("name", 200) or None, article_uid=field("article_id", 512) or None,
                         start=int(start) if start else None, end=int(end) if end else None,
                         author=field("author", 128), note=field("note"))
    try:
        result = await run_in_threadpool(correct, request.app.state.store, c)
    except CorrectionError as exc:
        raise Problem(exc.status, "correction-refused", str(exc)) from exc
    return RedirectResponse(f"/entities/{quote(result.entity_id, safe=':')}", status_code=303)


@router.get("/quotes")
def quotes(request: Request, conn: ConnDep, speaker: Annotated[str | None, Query(max_length=200)] = None,
           cursor_: Annotated[str | None, Query(alias="cursor")] = None,
           kind: QuoteKinds = None) -> Response:
    # A reader opening "Quotes" expects what people said; scare-quoted words and
    # titles ("losers", "Nightly News") listed as quotes of an unknown speaker
    # were 6 of the first 9 lines on 60 PolNeAR articles (session 21): speech
    # unless asked.
    chosen = list(kind or ["speech"])
    items, nxt = quote_data.list_quotes(conn, speaker=speaker, limit=50,
                                        after=_quote_cursor(cursor_), kinds=quote_data.kinds_of(chosen))
    return _page(request, "quotes.html", quotes=quote_data.public(items), speaker=speaker,
                 next_cursor=cursor.encode("quotes", nxt), kinds=chosen,
                 every_kind=quote_data.kinds_of(chosen) is None)


def _quote_cursor(cursor_: str | None) -> tuple[int, int] | None:
    after = cursor.decode("quotes", cursor_, 2)
    return (int(after[0]), int(after[1])) if after else None


@router.get("/search")
async def search(
    request: Request, q: Annotated[str | None, Query(max_length=500)] = None,
    source: str | None = None, language: str | None = None, entity: str | None = None,
    month: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$")] = None,
    cursor_: Annotated[str | None, Query(alias="cursor")] = None,
    mode: Annotated[str, Query(pattern=r"^(text|semantic)$")] = "text",
) -> Response:
    pool = getattr(request.app.state, "search_pool", None)
    if mode == "text" and q and q.strip() and pool is not None and pool.running:
        # The server's search pool (web.search_pool) ranks; the page is made here.
        found: dict[str, Any] | Problem
        try:
            found = await pool.search("dict", {
                "q": q, "source": source, "language": language, "entity": entity, "since": None,
                "until": None, "month": month, "limit": 20, "cursor_": cursor_})
        except Problem as exc:
            found = exc

        def page() -> Response:
            with get_store(request).connect() as conn:
                return _search_page(request, conn, q, source, language, entity, month, cursor_, mode,
                                    found=found)

        return await run_in_threadpool(page)

    # Run as the API's search is: one of the process's search slots
    # (web.search_slots), the connection opened in the same thread.
    def answer() -> Response:
        with get_store(request).connect() as conn:
            return _search_page(request, conn, q, source, language, entity, month, cursor_, mode)

    return await run_search_bounded(answer)


def _search_page(request: Request, conn: Any, q: str | None, source: str | None, language: str | None,
                 entity: str | None, month: str | None, cursor_: str | None, mode: str,
                 found: dict[str, Any] | Problem | None = None) -> Response:
    """``found``: the search's answer (or its problem) when the pool made it."""
    ctx: dict[str, Any] = {"q": q or "", "mode": mode, "filters": {
        "source": source, "language": language, "entity": entity, "month": month}}
    if q and q.strip():
        try:
            if isinstance(found, Problem):
                raise found
            res = found if found is not None else run_search(
                conn, q, source=source, language=language, entity=entity, since=None,
                until=None, month=month, limit=20, cursor_=cursor_, mode=mode)
        except Problem as exc:
            if exc.kind != "empty-query":
                raise
            res = None
            ctx["error"] = exc.detail
        if res is not None:
            for r in res["results"]:
                r["segments"] = snippet_segments(r["snippet"])
            ctx["res"] = res
            ctx["first_lines"] = article_data.first_lines(conn, [r["id"] for r in res["results"]])
        # Entities whose name matches the query: the way from a name to its page.
        ctx["entity_hits"], _ = entity_data.list_entities(conn, q=q.strip(), limit=5)
    return _page(request, "search.html", **ctx)
