"""Errors as RFC 9457 problem details (``application/problem+json``).

Every failure of the API has this one shape, with a stable ``type`` per kind
of error so a client can branch on it; HTML pages render the same fields in
the error template. Unexpected exceptions become a 500 problem that says
nothing about the internals.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount
from starlette.types import Scope

PROBLEM_TYPE = "https://veille.invalid/problems/"  # a namespace, not a page
MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("veille.web")

TITLES = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
          405: "Method not allowed", 413: "Payload too large", 415: "Unsupported media type",
          422: "Unprocessable content", 500: "Internal server error"}


class ProblemDetails(BaseModel):
    """The body of every error of the API (RFC 9457), as declared in the OpenAPI schema."""

    model_config = ConfigDict(extra="allow", title="ProblemDetails")
    type: str = Field(description="A stable URI per kind of error: branch on it.")
    title: str = Field(description="The HTTP status in words.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request, for a person.")
    instance: str | None = Field(None, description="The path of the request.")
    errors: list[dict[str, Any]] | None = Field(
        None, description="Invalid parameters: location, message, type (422 invalid-parameters).")
    rejects: list[dict[str, Any]] | None = Field(
        None, description="Articles refused by the ingest: code, reason, origin, line (422 rejected).")


_WHY = {400: "Bad request: an invalid cursor (not from this listing) or a body that is not JSON/multipart",
        401: "The token is missing or wrong (writes; reads too when the server protects them)",
        403: "Writes are disabled on this server (no VEILLE_TOKEN set)",
        404: "No such item", 413: "The body is over the upload limit",
        415: "The body is neither application/json nor multipart/form-data",
        422: "Invalid parameters or body (problem details with `errors`, or `rejects`)"}
# A $ref to a component we add ourselves: FastAPI only lists models that routes
# return, and `model=` would also declare application/json for errors.
SCHEMA = ProblemDetails.model_json_schema()
_REF = {"$ref": "#/components/schemas/ProblemDetails"}  # added to the schema by add_schema()


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` for these error statuses, all ``application/problem+json``.

    Declaring 422 here also replaces FastAPI's default 422 (an application/json
    ``HTTPValidationError`` that this app never sends)."""
    return {s: {"description": _WHY.get(s, TITLES.get(s, "Error")),
                "content": {MEDIA_TYPE: {"schema": _REF}}} for s in statuses}


LIST_ERRORS = problem_responses(400, 422)  # + 401 for every route, from the app
ITEM_ERRORS = problem_responses(404, 422)


class Problem(Exception):
    """Raise from a route to answer with a problem document."""

    def __init__(self, status: int, kind: str, detail: str, *,
                 headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.kind, self.detail, self.extra = status, kind, detail, extra
        self.headers = headers or {}


def problem_body(status: int, kind: str, detail: str, instance: str | None = None,
                 **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"type": PROBLEM_TYPE + kind, "title": TITLES.get(status, "Error"),
                            "status": status, "detail": detail}
    if instance:
        body["instance"] = instance
    body.update(extra)
    return body


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api", "/openapi")) and request.method == "GET"


def respond(request: Request, status: int, kind: str, detail: str,
            headers: dict[str, str] | None = None, **extra: Any) -> Response:
    body = problem_body(status, kind, detail, request.url.path, **extra)
    if _wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"problem": body},
                                          status_code=status, headers=headers)
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def add_schema(app: FastAPI) -> None:
    """Put ProblemDetails in the OpenAPI components that the error responses point to."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            build().setdefault("components", {}).setdefault("schemas", {})["ProblemDetails"] = SCHEMA
        return app.openapi_schema or {}  # set by build()

    app.openapi = openapi  # type: ignore[method-assign]


def allowed_methods(app: Any, scope: Scope) -> list[str]:
    """Every method some route accepts at this path (RFC 9110 ``Allow``), with
    OPTIONS, and HEAD where GET is; empty when no route has the path. Each
    method is probed through the routes' own matching, so included routers
    and path converters answer as they would for a real request."""
    methods: set[str] = set()
    for route in app.router.routes:
        if isinstance(route, Mount):  # static files
            if route.matches({**scope, "method": "GET"})[0] != Match.NONE:
                methods.add("GET")
            continue
        for method in _METHODS:
            if route.matches({**scope, "method": method})[0] == Match.FULL:
                methods.add(method)
    if not methods:
        return []
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods | {"OPTIONS"})


_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def install(app: FastAPI) -> None:
    add_schema(app)
    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> Response:
        headers = dict(exc.headers)
        if exc.status == 401:
            headers["WWW-Authenticate"] = 'Bearer realm="veille"'
        return respond(request, exc.status, exc.kind, exc.detail, headers or None, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"location": [str(p) for p in e.get("loc", ())], "message": e.get("msg", ""),
                   "type": e.get("type", "")} for e in exc.errors()]
        where = ", ".join(".".join(e["location"]) + ": " + e["message"] for e in errors)
        return respond(request, 422, "invalid-parameters", f"invalid request: {where}",
                       errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        kind = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
        detail = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "error")
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no route for {request.url.path}"
        headers = dict(exc.headers or {})
        if exc.status_code == 405 and (allow := allowed_methods(request.app, request.scope)):
            headers["Allow"] = ", ".join(allow)  # all routes of the path, not the first one's
        return respond(request, exc.status_code, kind, detail, headers or None)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return respond(request, 500, "internal-error",
                       "the server failed on this request; it has been logged")
