"""Dependencies shared by routes: the store connection, the token rule, paging."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import Depends, Query, Request
from sqlalchemy import Connection

from veille.services.queries import FilterError, date_bound
from veille.store import Store
from veille.web.problems import Problem

MAX_LIMIT = 100


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_conn(request: Request) -> Iterator[Connection]:
    with get_store(request).connect() as conn:
        yield conn


def _token_ok(request: Request) -> bool:
    token: str | None = request.app.state.token
    header = request.headers.get("authorization", "")
    given = header[7:].strip() if header.lower().startswith("bearer ") else None
    return bool(token and given and hmac.compare_digest(given.encode(), token.encode()))


def require_write(request: Request) -> None:
    """Writes need ``Authorization: Bearer $VEILLE_TOKEN``; with no token set, writes are off."""
    if not request.app.state.token:
        raise Problem(403, "writes-disabled",
                      "writing is disabled: start the server with VEILLE_TOKEN set to enable it")
    if not _token_ok(request):
        raise Problem(401, "token-required",
                      "this endpoint needs the header 'Authorization: Bearer <VEILLE_TOKEN>'")


async def require_read(request: Request) -> None:
    """Reads are open unless the app was created with ``protect_reads``.

    ``async``: it guards every read route and does no I/O; as a plain
    function FastAPI ran it in the thread pool, a thread hop per request
    (issue 20)."""
    if request.app.state.protect_reads and not _token_ok(request):
        raise Problem(401, "token-required",
                      "reads are protected on this server: send 'Authorization: Bearer <token>'")


def iso_bound(value: str | None, name: str, *, end: bool = False) -> str | None:
    """The CLI's date-bound rule (``services.queries.date_bound``) answered as a
    422 problem, so both interfaces accept and refuse the same dates with the
    same words."""
    try:
        return date_bound(value, name, end=end)
    except FilterError as exc:
        raise Problem(422, "invalid-date", str(exc)) from exc


ConnDep = Annotated[Connection, Depends(get_conn)]
Bom = Annotated[bool, Query(description=(
    "CSV only: start the file with a UTF-8 byte order mark, so that Excel shows accents "
    "and curly quotes right (the story page's CSV links ask for it); other formats ignore it."))]
QuoteKinds = Annotated[
    list[Literal["direct", "partial", "indirect", "title", "term", "speech", "all"]] | None,
    Query(description=(
        "Quote kinds to list (repeat the parameter): direct, partial, indirect, title "
        "(quote marks around a name or a title), term (a scare-quoted word); 'speech' is "
        "direct, partial and indirect, 'all' every kind. The API lists every kind by "
        "default, the quotes page speech only."))]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (1-100).")]
Cursor = Annotated[str | None, Query(max_length=2000, description="next_cursor of the previous page.")]
Since = Annotated[str | None, Query(description="From this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")]
Until = Annotated[str | None, Query(description="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")]
ReaderLang = Annotated[str | None, Query(pattern="^[a-z]{2,3}$", description=(
    "Reader's language (ISO 639-1, e.g. fr): title, facts and summary in it where the story "
    "has them, the others cited. Default: the story's main language."))]
