"""The FastAPI application: JSON API under ``/api``, HTML pages at the root.

``create_app`` takes an open :class:`~veille.store.Store` or a database path
or URL, so tests, the CLI and a WSGI/ASGI host all build the app the same way.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from veille import __version__ as VERSION
from veille.core.settings import Settings
from veille.search.index import ensure_indexed
from veille.store import Store
from veille.watch.api import create_router
from veille.web import bidi, pages, problems, render, viewbuild
from veille.web.api import articles, entities, exports, quotes, search, stories
from veille.web.cache import ResponseCache, data_version_for
from veille.web.deps import require_read, require_write
from veille.web.search_pool import SearchPool

HERE = Path(__file__).parent

# Pages load only our own script and stylesheet: an injected <script> in an
# article could not run even if escaping ever failed.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# Swagger UI (/docs) needs an inline bootstrap script: it alone gets a policy
# allowing that one script by its hash ('unsafe-inline' only for styles, which
# Swagger sets as attributes), and the CDN when swagger-ui-py is absent.


def _swagger_dir() -> Path | None:
    """Swagger UI 5 (OpenAPI 3.1) as shipped by the swagger-ui-py package: /docs works offline."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.origin:
        return None  # FastAPI's default page, loading Swagger UI from its CDN
    static = Path(spec.origin).parent / "static"
    return static if (static / "swagger-ui-bundle.js").exists() else None


SWAGGER_DIR = _swagger_dir()
_CDN = "" if SWAGGER_DIR else " https://cdn.jsdelivr.net"


def _docs_html() -> bytes:
    if SWAGGER_DIR:
        return bytes(get_swagger_ui_html(
            openapi_url="/openapi.json", title="veille API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png").body)
    return bytes(get_swagger_ui_html(openapi_url="/openapi.json", title="veille API").body)


DOCS_HTML = _docs_html()
_INLINE_SCRIPTS = re.findall(rb"<script>(.*?)</script>", DOCS_HTML, re.S)
_SCRIPT_HASHES = "".join(
    f" 'sha256-{base64.b64encode(hashlib.sha256(s).digest()).decode()}'" for s in _INLINE_SCRIPTS)
DOCS_CSP = (f"default-src 'self'; script-src 'self'{_SCRIPT_HASHES}{_CDN}; "
            f"style-src 'self' 'unsafe-inline'{_CDN}; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"),
            (b"x-frame-options", b"DENY")]


class SecurityHeaders:
    """CSP and friends on every response.

    A plain ASGI middleware rather than ``@app.middleware("http")``: Starlette's
    BaseHTTPMiddleware runs each request through an extra task and memory
    streams, a measurable share of a small request's CPU under load."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = (DOCS_CSP if scope["path"] == "/docs" else CSP).encode()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in _NAMES]
                message = {**message, "headers": [*headers, (b"content-security-policy", csp),
                                                  *_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Options:
    """``OPTIONS`` answers 204 with ``Allow`` (every method the path's routes
    take), not a 405 for want of an OPTIONS route; no CORS here."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "OPTIONS":
            allow = problems.allowed_methods(scope["app"], scope)
            if allow:
                await send({"type": "http.response.start", "status": 204,
                            "headers": [(b"allow", ", ".join(allow).encode())]})
                await send({"type": "http.response.body", "body": b""})
                return
        await self.app(scope, receive, send)


_NAMES = {b"content-security-policy", *(k for k, _ in _HEADERS)}


def _templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(HERE / "templates"))
    bidi.install(t.env)  # before any template compiles: finalize is applied at compile time
    render.install_filters(t.env)
    t.env.auto_reload = False  # no stat() of every template file on each render: they ship with the code
    t.env.globals["version"] = VERSION
    return t


def create_app(store_or_db: Store | str, *, token: str | None = None,
               protect_reads: bool | None = None, settings: Settings | None = None,
               search_processes: int | None = None) -> FastAPI:
    """Build the app. ``token`` defaults to $VEILLE_TOKEN (writes are refused without one);
    ``protect_reads`` (default $VEILLE_PROTECT_READS) makes reads need the token too.
    ``search_processes`` (default $VEILLE_SERVE_SEARCH_PROCESSES, 0): full-text
    searches go to a pool of that many processes, started with the app's lifespan
    (``web.search_pool``); 0, or a store other processes cannot open, keeps them
    in this process."""
    settings = settings or Settings()
    store = store_or_db if isinstance(store_or_db, Store) else Store.open(store_or_db)
    ensure_indexed(store)  # articles stored before the search index existed
    app = FastAPI(
        title="veille", version=VERSION,
        description="News-event intelligence: articles, stories, entities, quotes and search. "
                    "Reads are open; writes need `Authorization: Bearer $VEILLE_TOKEN`. "
                    "Errors are RFC 9457 problem details. Lists page with `cursor`=`next_cursor`.",
        dependencies=[Depends(require_read)],
        responses=problems.problem_responses(401),  # any route, when reads are protected
        docs_url=None, redoc_url=None,
    )
    if SWAGGER_DIR:
        app.mount("/docs-assets", StaticFiles(directory=str(SWAGGER_DIR)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_HTML)  # the page whose inline script DOCS_CSP allows by hash

    app.state.store = store
    app.state.settings = settings
    app.state.token = token if token is not None else (settings.token or None)
    app.state.protect_reads = settings.protect_reads if protect_reads is None else protect_reads
    app.state.templates = _templates()
    problems.install(app)
    n_search = (settings.serve_search_processes or 0) if search_processes is None else search_processes
    app.state.search_pool = None
    if n_search > 0 and viewbuild.shareable(store):
        pool = SearchPool(store.url, n_search)
        app.state.search_pool = pool
        app.router.on_startup.append(pool.start)
        app.router.on_shutdown.append(pool.close)

    version = data_version_for(store.engine)
    if version is not None and settings.serve_cache:
        app.add_middleware(ResponseCache, version=version, enabled=lambda: not app.state.protect_reads)
    app.add_middleware(Options)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so cached answers get it too

    for mod in (articles, stories, entities, quotes, search, exports):
        app.include_router(mod.router, prefix="/api")
    # The spelling of the ingest endpoint, kept as an alias of /api/articles.
    app.add_api_route("/articles", articles.ingest, methods=["POST"], status_code=201,
                      dependencies=[Depends(require_write)], include_in_schema=False)
    # The watcher's alerts/watchlists/updates API, behind the same token rule.
    app.include_router(create_router(lambda: store, require_write),
                       responses=problems.problem_responses(400, 403, 404, 422))
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
