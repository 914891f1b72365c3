"""The web layer: a FastAPI app serving the JSON API and the HTML pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(*args: Any, **kwargs: Any) -> FastAPI:
    """See :func:`veille.web.app.create_app` (imported lazily: the CLI stays fast to start)."""
    from veille.web.app import create_app as make

    return make(*args, **kwargs)


__all__ = ["create_app"]
