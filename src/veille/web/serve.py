"""The app factory of ``veille serve --workers N``: each worker process builds its own app.

uvicorn needs an import string to start several workers; the parent
(``veille serve``) has already opened the store, migrated it and caught up the
search index, and passes the store's URL in ``VEILLE_SERVE_DB``.
"""

from __future__ import annotations

from fastapi import FastAPI

from veille.core.settings import Settings
from veille.web.app import create_app


def app_from_env() -> FastAPI:
    url = Settings().serve_db
    if not url:
        raise RuntimeError("VEILLE_SERVE_DB is not set: start workers with `veille serve --workers N`")
    return create_app(url)
