"""The app factory of ``veille serve --workers N``: each worker process builds its own app.

uvicorn needs an import string to start several workers; the parent
(``veille serve``) has already opened the store, migrated it and caught up the
search index, and passes the store's URL in ``VEILLE_SERVE_DB``.
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from veille.web.app import create_app


def app_from_env() -> FastAPI:
    return create_app(os.environ["VEILLE_SERVE_DB"])
