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
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_TYPE = "https://veille.invalid/problems/"  # a namespace, not a page
MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("veille.web")

TITLES = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
          405: "Method not allowed", 413: "Payload too large", 415: "Unsupported media type",
          422: "Unprocessable content", 500: "Internal server error"}


class Problem(Exception):
    """Raise from a route to answer with a problem document."""

    def __init__(self, status: int, kind: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.kind, self.detail, self.extra = status, kind, detail, extra


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


def install(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> Response:
        headers = {"WWW-Authenticate": 'Bearer realm="veille"'} if exc.status == 401 else None
        return respond(request, exc.status, exc.kind, exc.detail, headers, **exc.extra)

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
        return respond(request, exc.status_code, kind, detail, dict(exc.headers or {}) or None)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return respond(request, 500, "internal-error",
                       "the server failed on this request; it has been logged")
