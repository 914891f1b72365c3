"""The web layer: a FastAPI app serving the JSON API and the HTML pages."""

from veille.web.app import create_app

__all__ = ["create_app"]
